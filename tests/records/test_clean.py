"""Cleaning the text patterns read: plain words an author set in math mode lose their dollar signs."""

import pytest

from kg.records.clean import clean_text


@pytest.mark.parametrize("raw, clean", [
    ("We present $Kelp$, a family of models.", "We present Kelp, a family of models."),
    ("our curated dataset $Open-Kelp$, which $we release to the public$", "our curated dataset Open-Kelp, which we release to the public"),
    ("a loss of $x^2$ per token", "a loss of $x^2$ per token"),          # mathematics stays
    ("it costs $5 and $10 a month", "it costs $5 and $10 a month"),      # prices are no words
    ("We present $\\textbf{Kelp}$ $-$ a framework", "We present Kelp \u2013 a framework"),  # bold in math, a math dash
    ("Kelp 7B -- Instruct and pages 1--3", "Kelp 7B - Instruct and pages 1\u20133"),  # a spaced dash stays a hyphen
    ("$\\texttt{Kelp-7B}$ and $\\emph{Vireo}$ agree", "Kelp-7B and Vireo agree"),
    ("the gap $a - b$ is small", "the gap a - b is small"),  # (plain words either side of a dash)
    ("a loss of $x^2 - y$ per token", "a loss of $x^2 - y$ per token"),  # mathematics stays
    ("we introduce $\\textit{Kelp Adaptive Distillation (KAD)}$, a novel approach",
     "we introduce Kelp Adaptive Distillation (KAD), a novel approach"),  # a name and its acronym set in math mode
])
def test_plain_words_in_math_mode(raw, clean):
    assert clean_text(raw) == clean
    assert clean_text(clean_text(raw)) == clean_text(raw)  # idempotent


@pytest.mark.parametrize("raw, clean", [
    ("the language model named Kelp-{\\Sigma}.", "the language model named Kelp-Σ."),
    ("initialised from Kelp-{\\alpha} weights", "initialised from Kelp-α weights"),
    ("the $\\beta$-Kelp loss", "the β-Kelp loss"),
    ("policies such as $\\pi_0$ and $\\pi_{0.5}$", "policies such as π0 and π0.5"),
    ("a \\lambda weight", "a λ weight"),
    ("the \\alphabet macro stays", "the \\alphabet macro stays"),  # not a Greek letter
])
def test_greek_letters_in_names(raw, clean):
    assert clean_text(raw) == clean
    assert clean_text(clean_text(raw)) == clean_text(raw)  # idempotent



@pytest.mark.parametrize("raw, clean", [
    ("even with 110M parameters, KelpE$_\\text{base}$ outperforms", "even with 110M parameters, KelpE-base outperforms"),
    ("we compare Fern$_{\\rm BASE}$ and Moss$_{large}$ on tagging", "we compare Fern-BASE and Moss-large on tagging"),
    ("our KELP$_{\\text{large}}$ model", "our KELP-large model"),
    ("the loss sums x$_i$ over tokens", "the loss sums x$_i$ over tokens"),  # an index stays mathematics
    ("a cost of $_{5}$ per call", "a cost of $_{5}$ per call"),
])
def test_a_size_word_set_as_a_subscript_joins_the_name(raw, clean):
    assert clean_text(raw) == clean
    assert clean_text(clean_text(raw)) == clean_text(raw)  # idempotent



@pytest.mark.parametrize("raw, clean", [
    ("we propose ``KelpT5+'', a family of LLMs", "we propose KelpT5+, a family of LLMs"),
    ("we propose \u201cKelpNet\u201d, a model", "we propose KelpNet, a model"),
    ('a new foundation model, "kelp0", for chemistry', "a new foundation model, kelp0, for chemistry"),
    ("the ``lost in the middle'' problem", "the \u201clost in the middle\u201d problem"),  # words, not a name
    ('the "Kelp" effect and the "key" idea', 'the "Kelp" effect and the "key" idea'),  # one capital: any word
])
def test_a_coined_name_set_in_quotes_is_read_bare(raw, clean):
    assert clean_text(raw) == clean
    assert clean_text(clean_text(raw)) == clean_text(raw)  # idempotent


def test_a_phrase_joined_by_hyphens_keeps_its_quotes():
    assert clean_text('we develop the new "Assembly-of-Kelps" (AoK) method') == \
        'we develop the new "Assembly-of-Kelps" (AoK) method'


def test_words_between_two_formulas_stay_outside_math_mode():
    cleaned = clean_text("a strong A$\\leftrightarrow$B teacher to FP8 (yielding $\\sim$2x)")
    assert "B teacher to FP8 (yielding" in cleaned and cleaned.count("$") == 4
