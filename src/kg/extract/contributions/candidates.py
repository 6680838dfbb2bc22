"""One noun phrase -> the contribution it names, or nothing.

"a novel instruction fine-tuning framework RankLoom" -> RankLoom; "a novel
curriculum-guided reward shaping approach" -> that phrase; "a novel
approach", "a Llama3-based model", "7B and 13B" -> nothing (generic words,
a model, a size).
"""

from __future__ import annotations

import re
from typing import Final

from kg.extract.contributions.contribution import BARE_DATA, GATHERED, GATHERED_FOR, QUANTITY, Contribution, DETERMINERS, GENERIC_HEADS, MODEL_WORDS, TWO_LETTERS, content_words, strip_phrase
from kg.extract.contributions.kinds import kind_of
from kg.extract.contributions.shapes import distinctive, is_proper
from kg.extract.lexicon import lexicon
from kg.extract.modelnames import not_models
from kg.extract.roles import has_trigger
from kg.extract.sizes import AMOUNT, MAGNITUDE_WORDS, SIZE_AT_END, SIZE_WORD
from kg.extract.tokens import Token
from kg.keys import model_key

ADJECTIVE_SUFFIXES: Final = ("-based", "-driven", "-powered", "-guided", "-aware", "-like", "-style", "-centric", "-free")
""""a novel LLM-based architecture": a word made an adjective by its suffix describes the head, it names nothing."""
LM_ACRONYM: Final = re.compile(r"[A-Z]{0,3}LMs?")
""""SLM", "MLLMs": a class of language models (compiled once: from_phrase asks it for every phrase)."""
COLLECTIONS: Final = frozenset("set sets suite family series collection".split())
""""a new set of pre-trained byte-level Transformer models": a collection of models is models, no dataset."""
NONE_WORDS: Final = frozenset("no not few little neither nor without".split())
"""Words that open a phrase naming what is missing or scarce, never a contribution."""
ACRONYM_LAST: Final = re.compile(r"[A-Z]{2,6}")
""""DPO", "SFT", "RLHF": a training step's acronym closing a phrase."""
QUESTION_WORDS: Final = frozenset("how what why which when where who does do did can could is are was were should "
                           "would will".split())


def _models_joined(word: str, model_keys: set[str]) -> bool:
    """"KelpRet-KelpRank": two models' names joined by a hyphen (their pipeline), no new name."""
    parts = word.split("-")
    return len(parts) > 1 and all(model_key(p) in model_keys for p in parts)


def _first_model_word(texts: list[str], model_keys: set[str]) -> int | None:
    """Where the first model's name in a phrase's words starts: one, two or three words ("FernClinical
    OrvikBERT": a two-word model), or two models' names joined by a hyphen; None when no word is one."""
    n = len(texts)
    for i, word in enumerate(texts):
        if model_key(word) in model_keys or (i + 1 < n and model_key(f"{word} {texts[i + 1]}") in model_keys) \
                or (i + 2 < n and model_key(f"{word} {texts[i + 1]} {texts[i + 2]}") in model_keys) \
                or ("-" in word and _models_joined(word, model_keys)):
            return i
    return None


def from_phrase(phrase: list[Token], head: str | None, model_keys: set[str],
                enumerated: bool = False, bare_ok: bool = False) -> list[Contribution]:
    """``bare_ok``: a coined name with no head may stand alone ("we propose TinyDistLLM that ...");
    one presented or introduced without a head is as often a model ("we introduce Kelp, which ...")."""
    w = lexicon()
    heads = lexicon().kinds.every
    if head in ("(topic)", "(model)"):
        return []  # "we introduce medical visual question answering, a new task": a topic, not a method
    cut = _first_model_word([t.text for t in phrase], model_keys) if model_keys else None
    if cut is not None:  # "a recipe to extend the context window of <model>": keep what names the recipe
        phrase = phrase[:cut]
        while phrase and phrase[-1].lower in lexicon().np_stop | DETERMINERS:
            phrase = phrase[:-1]
        if not phrase:
            return []
    if head == "(acronym)" and len(phrase) >= 3 and SIZE_WORD.fullmatch(phrase[0].text):
        phrase = phrase[1:]  # "a 3Gb Chinese Kelp Corpus (CKC)": the size is no part of the name
    words = [t.text for t in phrase]
    name = strip_phrase(" ".join(words))
    if not name or model_key(name) in model_keys or not TWO_LETTERS.search(name):
        return []
    purpose = next((i for i in range(1, len(phrase)) if phrase[i].lower in ("for", "of", "on")
                    and phrase[i - 1].lower in GENERIC_HEADS | heads), len(phrase))
    compound = purpose >= 2 and phrase[purpose - 2].lower in GATHERED_FOR  # "an evaluation suite", not "a suite"
    if (phrase[purpose - 1].lower in MODEL_WORDS and not compound) \
            or LM_ACRONYM.fullmatch(phrase[purpose - 1].text) \
            or (purpose < len(phrase) and phrase[purpose].lower == "of" and phrase[purpose - 1].lower in COLLECTIONS
                and phrase[-1].lower in MODEL_WORDS):
        return []  # "a Llama3-based model", "a bilingual SLM": models are the models component's (not
        # "a training recipe for building long-context LLMs": a purpose may name what it is for)
    first = next((t for t in phrase if t.lower not in DETERMINERS), phrase[0])
    if first.lower in NONE_WORDS:
        return []  # "there was (i) no parallel training data", "fine-tuning with a few labeled datasets": no thing made
    if QUANTITY.fullmatch(first.text) and (phrase[-1].lower in w.count_units or
                                           any(t.lower in MAGNITUDE_WORDS for t in phrase)):
        return []  # "2.4 trillion tokens of text", "a 363 billion token dataset": a quantity, however it was built
    if AMOUNT.fullmatch(phrase[-1].text) or phrase[-1].lower in MAGNITUDE_WORDS:
        return []  # "a family of fully open 7B and 13B language models": a size, cut from its model
    if phrase[0].lower in w.count_words and phrase[-1].lower.endswith("s"):
        return []  # "two novel strategies": an enumeration follows, not a name
    if "-" in phrase[-1].text and phrase[-1].lower.split("-")[-1] in ("quantized", "pruned", "distilled",
                                                                      "tuned", "aligned", "based", "trained",
                                                                      "driven", "powered"):
        return []  # "a 4-bit GPTQ-quantized <model>": a description of a model, cut at the model
    # "a novel instruction fine-tuning framework RankLoom": the proper name after the head
    for k in range(len(phrase) - 1):
        last_coined = k + 2 == len(phrase) and distinctive(phrase[k + 1].text) and len(phrase[k + 1].text) > 2
        if phrase[k].lower in heads and (phrase[k].text.islower() or last_coined) \
                and phrase[k + 1].lower not in w.np_stop and phrase[k + 1].lower not in GATHERED \
                and (is_proper(phrase[k + 1:]) or last_coined):  # not "benchmark suite for ...": one head
            # "the Visual Chart Retrieval Benchmark ChartRet": a coined word after even a capital head names it
            # not "Retrieval Augmented Span Tuning": a capital head is the name's, so is one with capitals inside
            # ("Dynamic sAmpling Policy Optimization"); "a training strategy MoE-tuning"
            proper = strip_phrase(" ".join(words[k + 1:]))
            if model_key(proper) in model_keys:
                return []
            return [Contribution(proper, kind_of(phrase[k].lower, proper), 0.85)]
    if len(phrase) >= 3 and phrase[-1].lower in heads and distinctive(phrase[-2].text) \
            and phrase[-2].text[:1].isupper() and any(c.islower() for c in phrase[-2].text) and not is_proper(phrase[:-2]) \
            and model_key(phrase[-2].text) not in model_keys and not phrase[-2].lower.endswith(ADJECTIVE_SUFFIXES) \
            and not all(part in not_models() for part in phrase[-2].lower.split("-")):  # "hybrid Transformer-Mamba"
        # "our multi-turn KelpDialog dataset": the coined word is the name
        return [Contribution(phrase[-2].text, kind_of(phrase[-1].lower, phrase[-2].text), 0.8)]
    if head and is_proper([t for t in phrase if t.lower not in ("a", "an", "the", "our")]):
        return [Contribution(name, kind_of(head, name), 0.85)]
    ext = next((i for i in range(1, len(phrase)) if phrase[i].lower in ("for", "to", "of", "on")
                and phrase[i - 1].lower in GENERIC_HEADS | heads), None)
    core = phrase[:ext] if ext else phrase  # the head is before "for ..."/"to ..."
    if all(_says_nothing(t.lower) for t in core) and (ext is None or (
            ext + 1 < len(phrase) and phrase[ext + 1].lower.endswith("ing"))):
        return []  # "a cheap scheme", "a scalable scheme for porting assistants to ...": how good a generic
        # method is, or what it is for, names nothing
    last = core[-1].lower.strip("\"'")
    last_part = last.split("-")[-1]
    if not [c for c in content_words(name) if c not in GENERIC_HEADS | BARE_DATA]:
        return []
    bare = [t for t in core if t.lower not in w.lead_words]
    if len(bare) == 1 and ext is None and last in heads and not distinctive(bare[0].text):
        return []  # "a retriever", "a planner": a kind, not a name
    if len(core) == 1 and head is None and core[0].text.islower() and last.endswith("ing") and last not in heads:
        return []  # "we release training logs (Chronicles) detailing ...": a participle opens a clause, no name
    if head == "(acronym)":
        return [Contribution(name, kind_of(last, name), 0.8)]
    if enumerated:
        if phrase[0].lower in QUESTION_WORDS or (len(name.split()) < 2 and last not in heads
                                                 and not (name[:1].isupper() and last_part in heads)
                                                 and not (distinctive(name) and len(name) > 2
                                                          and not SIZE_AT_END.search(name))):
            return []  # "(1) KelpBench (...), which covers ...": a coined name stands alone in a list (so does a
            # capitalised one on a head: "Fern-bench, a question set"; not "(1) pre-training")
        return [Contribution(name, kind_of(last, name), 0.6)]
    if len(core) >= 2 and last.endswith("ed") and core[-2].lower in heads:
        return [Contribution(name, kind_of(core[-2].lower, name), 0.65)]
    if head or last in heads or last_part in heads or core[-1].lower.endswith("ing"):
        return [Contribution(name, kind_of(head or last, name), 0.7)]
    if ext is None and len(core) >= 3 and _capitalised_tail(core) and (not is_proper(core) or (bare_ok and _coined(core))) \
            and not any(t.lower in MODEL_WORDS for t in core):
        # "a sparsity-aware Lattice Router": a described thing whose name the capitals close
        return [Contribution(name, "technique", 0.65)]
    if ACRONYM_LAST.fullmatch(core[-1].text) and len(core) >= 2 and all(t.text.islower() for t in core[:-1]) \
            and any(t.lower not in DETERMINERS and not _says_nothing(t.lower) for t in core[:-1]) \
            and has_trigger(core[-1].text):
        return [Contribution(name, "technique", 0.65)]  # "we present hard sample DPO": the paper's variant of a
        # training step the lineage lexicon names (not "vanilla SFT": a word that says nothing of a change; not
        # "a video LMM", "a fast GPU": no training step)
    spelled = next((t.lower for t in phrase if t.lower.endswith("bench") or t.lower in w.kinds.data), None)
    if (bare_ok or spelled) and len(phrase) <= 3 and is_proper(phrase) and any(distinctive(t.text) for t in phrase):
        # "we construct KelpBench Lite-S by ...": a coined name that spells its kind needs no head
        kind = "technique" if not spelled else "benchmark" if spelled.endswith("bench") else kind_of(spelled, name)
        return [Contribution(name, kind, 0.6)]
    return []


QUALITY_SUFFIXES: Final = ("efficient", "effective", "free", "friendly")


def _says_nothing(word: str) -> bool:
    """A generic word or a praise of cost ("label-efficient", "tuning-free"): no name is made of these alone."""
    w = lexicon()
    return word in GENERIC_HEADS or word in w.lead_words or word in w.generic or \
        ("-" in word and word.rsplit("-", 1)[-1] in QUALITY_SUFFIXES) or \
        (word.endswith("ly") and len(word) > 5 and word.isalpha())  # "a computationally efficient method"


def _coined(core: list[Token]) -> bool:
    """"we propose a Gated Q-mixer": a capitalised run holding a hyphenated or inner-capital word is coined;
    "we propose a Neural Network" writes a common term in capitals."""
    return any("-" in t.text or distinctive(t.text) for t in core)


def _capitalised_tail(core: list[Token]) -> bool:
    """Do the last two words of a phrase both open with a capital, after lower-case modifiers
    ("a sparsity-aware Lattice Router")?"""
    tail = core[-2:]
    return all(t.text[:1].isupper() and t.text[1:].islower() and t.text.replace("-", "").isalpha() for t in tail) \
        and core[0].lower in ("a", "an", "the", "our") and not core[-1].trail.strip().startswith(":")
