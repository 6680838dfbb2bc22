"""Reading model sizes: in a name, in a list of sizes, as a number of parameters (invented names)."""

import pytest

from kg.extract import modelnames
from kg.extract.sizes import SIZE_ADJECTIVE, parameters, size_of, sizes_in
from kg.extract.words import whole_word, whole_word_starts


@pytest.mark.parametrize("name, size", [
    ("Kelpo-7B", "7B"),
    ("Kelpo 1.5B", "1.5B"),
    ("Kelpo-2.5-72B-Instruct", "72B"),
    ("kelpo-13b", "13B"),
    ("Brindle_350M", "350M"),
    ("Brindle 0.5B/7B", "7B"),
    ("Kelpo-8x7B", None),       # a mixture of experts: no parameter count
    ("Kelpo-2", None),          # a version
    ("Kelpo-200K", None),       # a context length
    ("Kelpo", None),
])
def test_size_of_a_name(name, size):
    assert size_of(name) == size


def test_size_of_is_still_read_from_modelnames():
    assert modelnames.size_of is size_of and modelnames.parameters is parameters


@pytest.mark.parametrize("size, count", [
    ("7B", 7e9), ("1.5B", 1.5e9), ("125M", 1.25e8), ("13b", 1.3e10),
    ("8x7B", None), ("200K", None), ("2T", None), ("B", None),
])
def test_parameters_are_counted_in_parameters(size, count):
    assert parameters(size) == count


def test_parameters_order_sizes_across_units():
    assert parameters("800M") < parameters("1.5B") < parameters("7B") < parameters("70B")
    assert parameters("0.5B") == parameters("500M")


@pytest.mark.parametrize("text, sizes", [
    ("7B and 13B", ["7B", "13B"]),
    ("2 billion and 7 billion", ["2B", "7B"]),
    ("7B, 13B, and 70B", ["7B", "13B", "70B"]),
    ("1.5B/7B", ["1.5B", "7B"]),
    ("350 million and 1.3B", ["350M", "1.3B"]),
    ("a context of 200K tokens", []),
    ("trained on 2T tokens", []),
    ("8x7B", ["7B"]),  # only the expert's size is a size; size_of() keeps mixtures out of names
    ("seven billion", []),
])
def test_sizes_a_phrase_lists(text, sizes):
    assert sizes_in(text) == sizes


@pytest.mark.parametrize("word, is_adjective", [
    ("7B-parameter", True), ("15-billion", True), ("70B-scale", True), ("32K-context", True), ("128k-token", True),
    ("Kelpo-7B", False), ("7B", False), ("Kelpo-32K", False),
])
def test_a_size_made_an_adjective(word, is_adjective):
    assert bool(SIZE_ADJECTIVE.search(word)) is is_adjective


@pytest.mark.parametrize("text, found", [
    ("We build on Kelpo.", ["Kelpo"]),
    ("We build on Kelpo-7B.", []),        # inside a longer name
    ("We build on SuperKelpo.", []),
    ("Kelpo, then Kelpo again", ["Kelpo", "Kelpo"]),
])
def test_a_name_as_a_whole_word(text, found):
    assert [m.group() for m in whole_word("Kelpo").finditer(text)] == found


def test_a_name_beside_a_placeholder_is_whole_but_not_inside_one():
    assert whole_word("M0", "<", ">").search("fine-tuned from <M0>") is None
    assert whole_word("Kelpo", "<", ">").search("<M0> and Kelpo-7B") is not None  # a hyphen joins nothing here
    assert whole_word("Kelpo").search("<M0> and Kelpo-7B") is None


@pytest.mark.parametrize("name, text, before, after", [
    ("Kelpo", "We build on Kelpo.", "-", "-"), ("Kelpo", "Kelpo-7B and SuperKelpo, then Kelpo_2 or Kelpo", "-", "-"),
    ("M0", "fine-tuned from <M0> and M0", "<", ">"), ("Kelpo", "<M0> and Kelpo-7B", "<", ">"),
    ("aa", "aaaa aa aaa-aa", "-", "-"), ("Kelpé", "Kelpéé Kelpé2 Kelpé", "-", "-"), ("", "ab", "-", "-"),
])
def test_a_whole_word_found_by_plain_search_where_the_pattern_finds_it(name, text, before, after):
    assert whole_word_starts(name, text, before, after) == [m.start() for m in whole_word(name, before, after).finditer(text)]
