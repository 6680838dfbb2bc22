"""name_key / title_key / arxiv_id: property tests and the hostile look-alikes."""

import unicodedata

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
