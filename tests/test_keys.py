"""name_key / title_key / arxiv_id: property tests and the hostile look-alikes."""

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.keys import arxiv_id, name_key, title_key

names = st.text(min_size=1, max_size=60)
spaces = st.sampled_from([" ", "  ", "\u00a0", "\t", "\u2009", "\u3000", "\n"])


@settings(max_examples=400)
@given(names)
def test_name_key_is_idempotent(s):
    assert name_key(name_key(s)) == name_key(s)


@settings(max_examples=400)
@given(names)
def test_name_key_is_stable_under_nfc_nfd(s):
    assert name_key(unicodedata.normalize("NFC", s)) == name_key(unicodedata.normalize("NFD", s))


@settings(max_examples=300)
@given(st.lists(st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Lo", "Nd")), min_size=1, max_size=12),
                min_size=1, max_size=4), spaces, spaces)
def test_name_key_ignores_whitespace_kind_and_amount(words, sep, pad):
    assert name_key(" ".join(words)) == name_key(pad + sep.join(words) + pad)


@settings(max_examples=400)
@given(names.filter(lambda s: any(ch.isalnum() for ch in s)))
def test_name_key_never_empty_for_a_name_with_letters_or_digits(s):
    assert name_key(s)


@settings(max_examples=200)
@given(st.text(alphabet=st.characters(whitelist_categories=("Lo",)), min_size=1, max_size=10))
def test_non_latin_letters_are_kept(s):
    key = name_key(s)
    assert key and all(unicodedata.category(ch) in ("Lo", "Lm", "Mn", "Mc", "Nd", "No", "Zs", "Ll", "Lu")
                       or ch == " " for ch in key)
    assert len(key.replace(" ", "")) >= 1


@pytest.mark.parametrize("a,b", [
    ("Nemotron\u00a04", "Nemotron 4"),          # NBSP
    ("GPT\u20114", "GPT-4"),                     # non-breaking hyphen
    ("Zhi\u200bding Yu", "Zhiding Yu"),          # zero-width space
    ("Zhi\u200dding Yu", "Zhiding Yu"),          # zero-width joiner
    ("ＧＰＴ－４", "GPT-4"),                       # full-width forms
    ("Jose\u0301", "José"),                      # NFD vs NFC
    ("\u202eBo Li", "Bo Li"),                    # bidi override
    ("Bo Li  ", "Bo Li"),                        # trailing whitespace
    ("BO LI", "bo li"),                          # case
])
def test_lookalikes_share_a_key(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a,b", [
    ("北京 University", "上海 University"),
    ("Elias Whitford, Jr.", "Elias Whitford"),
    ("Bo Li", "Bo Liu"),
    ("Вера Иванова", "Vera Ivanova"),
])
def test_different_names_keep_different_keys(a, b):
    assert name_key(a) != name_key(b)


def test_title_key_ignores_latex_and_punctuation():
    assert title_key("{CircuitVAE}: Efficient \\& Scalable") == title_key("CircuitVAE — efficient & scalable")
    assert title_key("ChatQA") != title_key("ChatQA 2")
    assert title_key(None) == ""


@pytest.mark.parametrize("raw,expected", [
    ("2402.16819v3", "2402.16819"),
    ("arXiv:2402.16819", "2402.16819"),
    ("https://arxiv.org/abs/2402.16819v1", "2402.16819"),
    ("http://arxiv.org/pdf/1412.6980v9", "1412.6980"),
    ("hep-th/9901001", "hep-th/9901001"),
    ("arXiv:math.AG/0309136v2", "math.AG/0309136"),
    ("no id here", None),
    ("2413.12345", None),
    ("", None),
])
def test_arxiv_id(raw, expected):
    assert arxiv_id(raw) == expected


@given(st.text(max_size=200))
def test_arxiv_id_is_total(s):
    out = arxiv_id(s)
    assert out is None or arxiv_id(out) == out


# model_key: a version and a size stay apart where their digits meet -------------------------

from kg.extract.sizes import SIZE  # noqa: E402
from kg.keys import SIZE_IN_KEY, model_key  # noqa: E402


@pytest.mark.parametrize("a,b", [
    ("Caelax-2-7B", "Caelax-27B"),
    ("Caelax 2 7B", "Caelax27B"),
    ("Orbax-3-4B-Instruct", "Orbax-34B-Instruct"),
    ("Kelp-2-1.5B", "Kelp-21.5B"),
    ("Kelp-2-8x7B", "Kelp-28x7B"),
    ("Nemotron-4 15B", "Nemotron-415B"),
])
def test_a_version_then_a_size_is_not_a_bigger_size(a, b):
    assert model_key(a) != model_key(b)


@pytest.mark.parametrize("a,b", [
    ("Caelax-2-7B", "Caelax 2 7B"),
    ("Caelax-2-7B", "caelax2-7b"),
    ("Nemotron-4 15B", "nemotron4-15b"),
    ("Llama-3.1-8B-Instruct", "Llama 3.1 8B Instruct"),
    ("Qwen2.5-7B", "Qwen2.5 7B"),
    ("Mixtral-8x7B", "Mixtral 8x7B"),
    ("GPT-4-Turbo-2024-04-09", "GPT-4-turbo-2024-0409"),  # digits that are no size still meet
    ("Kelp-3_70b", "Kelp 3 70B"),
])
def test_spellings_of_one_model_share_a_key(a, b):
    assert model_key(a) == model_key(b)


@pytest.mark.parametrize("token", ["7B", "1.5B", "125M", "8x7B", "7b", "0.5B", "200K", "A3B", "7", "B", "4.8T", "7Bx"])
def test_the_key_reads_a_size_as_kg_extract_sizes_does(token):
    assert bool(re.fullmatch(SIZE_IN_KEY, token.casefold())) == bool(SIZE.match(token))


separators = st.text(alphabet=" -_/:·\u00a0\u2010", min_size=1, max_size=3)
name_parts = st.lists(st.from_regex(r"[A-Za-z]{1,6}|\d{1,3}(\.\d)?|\d{1,3}[BM]", fullmatch=True), min_size=1, max_size=5)


@settings(max_examples=300)
@given(name_parts, separators, separators)
def test_model_key_ignores_which_separator_and_is_idempotent(parts, sep, other):
    assert model_key(sep.join(parts)) == model_key(other.join(parts))
    assert model_key(model_key(sep.join(parts))) == model_key(sep.join(parts))


def test_a_version_and_a_size_build_two_models_that_validate(tmp_path):
    import kg
    from kg.graph.store import Store
    from kg.graph.validate import validate

    hostile = Path(__file__).resolve().parent / "data" / "hostile" / "version_and_size.txt"
    kg.build([hostile], store=tmp_path / "s")
    graph = Store(tmp_path / "s").graph()
    assert validate(graph) == []
    rows = graph.query(
        "PREFIX mlkg: <https://w3id.org/mlkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?l ?p WHERE { ?m a mlkg:Model ; rdfs:label ?l ; mlkg:parameterCount ?p }")
    counts = {str(label): float(p) for label, p in rows}
    assert counts == {"Caelax-2-7B": 7e9, "Caelax-27B": 2.7e10, "Orbax 3 4B": 4e9, "Orbax-34B": 3.4e10}
