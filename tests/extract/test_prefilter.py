"""kg.extract.prefilter: the words every match of a pattern holds, and gated searches that answer as the pattern does."""

import re

import pytest

from kg.extract import modelnames, roles
from kg.extract.components import models
from kg.extract.prefilter import Gated, gated, required_words


@pytest.mark.parametrize("pattern, flags, words", [
    (r"\bthe resulting model\s*$", 0, ("the resulting model",)),
    (r"(?:creating|yielding) (?:a |the )?$", 0, ("creating", "yielding")),
    (r"\b(?:Kelp|Orvik)-?\d+", re.IGNORECASE, ("kelp", "orvik")),  # case-blind: lower case
    (r"(?:model|base model|checkpoint)s?\b", 0, ("model", "checkpoint")),  # "base model" holds "model"
    (r"fine-?tun\w*", 0, ("fine",)),  # an optional letter ends the run
    (r"(?:ab)+c", 0, ("ab",)),  # a repeat at least once keeps its words (the longest run wins)
    (r"[A-Z]\w*-\d+B(?= (?:models?|LLMs?)\b)", 0, ("LLM", "model")),  # a lookahead's words are in the text
    (r"(?<=from )\w+ (?:model|LLM)", 0, ("LLM", "model")),  # a lookbehind's are not (it may look before pos)
    (r"\w+ (?:\(|sizes)", 0, ("(", "sizes")),  # a lone space says nothing: the group's words are kept
])
def test_required_words(pattern, flags, words):
    assert required_words(re.compile(pattern, flags)) == words


@pytest.mark.parametrize("pattern", [
    r"(?:abc)?\d+",  # an optional group gives nothing; no literal elsewhere
    r"[A-Z]\w+",  # classes give nothing
    r"(?:kelp|\d+)",  # a branch without words in every alternative gives nothing
    r"(?<=kelp)\w+",  # a lookbehind may read before pos: nothing
])
def test_no_required_words(pattern):
    assert required_words(re.compile(pattern)) is None


def test_non_ascii_words_of_a_case_blind_pattern_give_no_gate():
    assert required_words(re.compile("straße", re.IGNORECASE)) is None


TEXTS = [
    "We fine-tune Kelp-7B on our data, creating the resulting model, Orvik.",
    "The final model is distilled from a 70B teacher, yielding KelpMini.",
    "Kelp 2 outperforms the 56B model and the previous checkpoint.",
    "No derivation is said here at all.",
    "WE FINE-TUNE THE BASE MODEL",  # case
    "Das Modell heißt Kelp und wurde feinabgestimmt",  # non-ASCII: the pattern decides
    "In this work, we present Orvik (7B), and we refer to the tuned model as Orvik-Chat.",
    "We release Orvik in three sizes, 7B, 13B and 70B, and Orvik-7B, 13B, and 70B models.",
    "",
]


@pytest.mark.parametrize("rx", [
    modelnames.CUES.result_before, models.THE_SIZE_MODEL, models.INTRO_VERBS, models.SIZES_LISTED,
    modelnames.CUES.referred_as,
    roles.lexicon().parent_before, roles.lexicon().child_before, roles.lexicon().parent_verb,
    roles.lexicon().excluded_before, roles.lexicon().model_verb,
])
def test_gated_searches_answer_as_the_pattern(rx):
    assert isinstance(rx, Gated) and rx.words  # the component's patterns are gated, with words
    raw = rx.pattern_
    for text in TEXTS:
        for k in range(len(text) + 1):  # every prefix: the rules search the words before a name
            before = text[max(0, k - 120):k]
            got, want = rx.search(before), raw.search(before)
            assert (got and got.span()) == (want and want.span())
        assert [m.span() for m in rx.finditer(text)] == [m.span() for m in raw.finditer(text)]
        assert rx.findall(text) == raw.findall(text)
        for pos, end in [(3, len(text)), (0, len(text) // 2), (5, 2)]:
            got, want = rx.search(text, pos, end), raw.search(text, pos, end)
            assert (got and got.span()) == (want and want.span())


def test_a_gated_pattern_skips_text_without_its_words_and_keeps_the_pattern_api():
    rx = gated(re.compile(r"\bthe resulting (?:model|checkpoint),?\s*$", re.IGNORECASE))
    assert rx.words == ("the resulting ",)
    assert not rx._may_match("We evaluate Kelp on three benchmarks", 0, 10**9)
    assert rx._may_match("and THE RESULTING model, ", 0, 10**9)
    assert rx.search("and THE RESULTING model, ").start() == 4
    assert rx.pattern.startswith(r"\bthe resulting") and rx.flags & re.IGNORECASE
    assert rx.match("the resulting model") is not None  # other calls go to the pattern itself
