"""What a paper contributes (techniques, datasets, benchmarks) and what it builds on.

The thin pipeline component over kg.extract.contributions: for each sentence
it asks what the authors introduce ("We propose Sparse Token Routing (STR),
a method that ...", a title "SPARK: Self-Play ..."), emits ``introduces``
facts quoted from that sentence, keeps the acronyms the record defines as
aliases of their long forms (so "STR" and "Sparse Token Routing" are one
node), and links what the authors say they use ("we leverage X") with
``uses``. The rules themselves are pure functions in kg.extract.contributions.
"""

from __future__ import annotations

import re
from typing import Final, cast

from kg.extract.contributions.called_models import called_models, title_model
from kg.extract.contributions.contribution import GENERIC_HEADS, Contribution, content_words, names_only_models
from kg.extract.contributions.kinds import kind_of
from kg.extract.contributions.means import bare_method
from kg.extract.contributions.said import said
from kg.extract.contributions.sentence import SUBJECT, announces_parts, contributions_in, enumerates
from kg.extract.contributions.shapes import without_kind_head
from kg.extract.contributions.title import named_title, title_contributions
from kg.extract.contributions.uses import based_on, technique_like, uses_in
from kg.extract.doc import Doc
from kg.extract.lexicon import lexicon
from kg.extract.fact import DERIVATION_KINDS, Alias, Fact, Kind, Mention
from kg.extract.modelnames import family_stem, model_words
from kg.extract.pipeline import component
from kg.extract.tokens import tokenize
from kg.keys import model_key, technique_key

VERSION: Final = "1.0"
EXTRACTOR: Final = f"techniques@{VERSION}"
OUR_METHOD: Final = re.compile(r"(?:Our|The) (?:method|approach|framework)")
VERSION_TAIL: Final = re.compile(r"[-_ .]?[a-z]?\d[\w.-]*")  # "-v1", "-7B", " b1.58"
MADE_CONFIDENCE: Final = 0.8
"""A derivation this sure makes its child a model, not a method ("X, a framework ... built upon Y")."""


@component("techniques", version=VERSION, requires=("abbreviations", "models", "facts.derivations"),
           assigns=("facts.techniques",))
def techniques(doc: Doc) -> None:
    tokens_of = doc.user.get("tokens", {})
    # a name the text calls a method, dataset or benchmark is one, whatever else it is called
    # ("Brindle, an efficient fine-tuning approach"; "a framework, named TallowChat" beside "tallowchat-13b")
    accepted = {model_key(m.name) for m in doc.entities if m.kind == "model"}
    both = model_words().model_heads | {"system", "systems"}  # "an encoder", "a retriever": a model's head as much
    # as a method's; "a text-to-speech system" when the models component took the name for a model
    says = [said(text, tokens_of.get(idx)) for idx, text in enumerate(doc.clean)]
    # what the text says was made from another model is a model, whatever else it calls it
    # ("X, a framework to distill ... from a Y model"; "a framework, dubbed X, built upon Y")
    made = {model_key(f.subject.name) for f in doc.facts if f.predicate in DERIVATION_KINDS
            and f.subject.kind == "model" and f.confidence >= MADE_CONFIDENCE}
    stated = {model_key(name): head for kinds, _ in says for name, head in kinds
              if not (head in both and model_key(name) in accepted) and model_key(name) not in made}
    # a name the text calls a model ("X, a tuned Y model", "X: An Open Chat Model for ...") is no technique
    called = {model_key(name) for _, names in says for name in names} | made
    if doc.title_index is not None and (named := title_model(doc.clean[doc.title_index])):
        called.add(model_key(named))
    model_keys = (accepted | doc.user.get("model_like", set()) | called) - stated.keys()
    abbrs = doc.user.get("abbreviations", [])
    long_of = {a.short: a.long for a, _ in abbrs}
    short_of = {technique_key(a.long): a.short for a, _ in abbrs}
    introduced: set[str] = set()
    # the paper's own models speak for it ("KelpUI incorporates several key innovations: (1) ...")
    own_models = frozenset(technique_key(f.object.name) for f in doc.facts
                           if f.predicate == "introduces" and f.object.kind == "model")
    kind_of_key: dict[str, str] = {}
    named_kinds: set[str] = set()  # the kinds of what the record has named so far
    title_words: set[str] = set()
    title_named = False
    announced = False
    for idx, text in enumerate(doc.clean):
        if idx == doc.title_index:
            found = title_contributions(text, model_keys, stated) or named_title(
                text, " ".join(doc.clean[i] for i in doc.abstract_sentences()), model_keys)
        else:
            announced = idx > 0 and idx - 1 != doc.title_index and (
                announces_parts(doc.clean[idx - 1]) or (announced and enumerates(doc.clean[idx - 1])))
            # ("... three key innovations. First, we ... Second, we ... Third, we ...": the chain goes on)
            found = contributions_in(text, model_keys, new_names=frozenset(introduced),
                                     tokens=tokens_of.get(idx), own_models=own_models, announced=announced)
            if not found and (bare := bare_method(text, tokens_of.get(idx) or tokenize(text), model_keys,
                                                  [doc.clean[i] for i in doc.abstract_sentences() if i != idx])):
                found = [bare]  # "This paper introduces LongKelp that ..." and "models extended via LongKelp"
        if idx == doc.title_index:
            title_words = set(re.findall(r"[a-z][\w-]*", text.lower())) if found else set()
            title_named = any(text.startswith(c.name + ":") for c in found)  # "BitsKelp: Weight Quantization ..."
        elif title_words:  # "LoamPrune: Attention Head Pruning for ..." then "we propose a pruning method": one thing
            found = [c for c in found if not _describes_title(c, title_words, title_named)]
        for c in found:
            if names_only_models(c.name) or family_stem(c.name) == c.name.lower():
                continue  # "a recipe for widening LLMs named ...": "LLMs" is what it is for; "GPT" is a family
            if model_key(c.name) not in stated and _names_models(c.name, model_keys):
                continue  # "we introduce X, ...; our X-v1 and X-v2 models": X names the models
            if model_key(short_of.get(technique_key(c.name), "")) in accepted:
                continue  # "Kelp Video 3D (KV3D) - a ... model": the long form of a model's acronym
            if (stated_head := stated.get(model_key(c.name))) or technique_key(c.name) in kind_of_key:
                # "PIXIU: A ... Benchmark for ..." then "PIXIU, a comprehensive framework ...": one thing, of
                # the kind the text states (else the kind it was first given)
                c = Contribution(c.name, kind_of_key.get(technique_key(c.name)) or kind_of(stated_head, c.name),
                                 c.confidence, c.alias)
            if _ranked(c.name) and c.kind in named_kinds:
                continue  # "We introduce KelpBench ... we establish the most comprehensive benchmark of ...": a
                # rank claimed for the one already named
            if c.name[:1].isupper():
                named_kinds.add(c.kind)
            kind_of_key[technique_key(c.name)] = c.kind
            _emit(doc, idx, "introduces", c, long_of, short_of)
            introduced.add(technique_key(c.name))
        # an acronym defined in a contribution sentence is contributed
        if found:
            for a, aidx in abbrs:
                if aidx == idx and technique_key(a.long) not in introduced and \
                        model_key(a.short) not in model_keys and \
                        any(technique_key(a.long) in technique_key(c.name) or
                            technique_key(c.name) in technique_key(a.long) for c in found):
                    introduced.add(technique_key(a.long))
    # "Kelpgea, a multilingual LLM trained on KelpgeaIns, a diverse 6M instruction dataset": data named after the
    # paper's own model is the paper's own
    for idx, (kinds, _) in enumerate(says):
        for name, head in kinds:
            key, kind = technique_key(name), kind_of(head, name)
            if key not in introduced and kind != "technique" and model_key(name) not in accepted \
                    and any(key.startswith(own) and len(key) > len(own) + 1 for own in own_models if len(own) >= 4):
                _emit(doc, idx, "introduces", Contribution(name, kind, 0.75), long_of, short_of)
                introduced.add(key)
    _drop_described_twice(doc)
    used: set[str] = set()
    for idx in doc.abstract_sentences():
        text = doc.clean[idx]
        tokens = tokens_of.get(idx) or tokenize(text)
        found = based_on(tokens, model_keys)  # "our Kelp4-based pretraining technique"
        if SUBJECT.search(text[:80]) or OUR_METHOD.match(text):  # "we leverage X", "our method builds on X"
            found = uses_in(text, model_keys, tokens) + found
        for c in found:
            if technique_key(c.name) not in introduced:
                used.add(technique_key(c.name))
                _emit(doc, idx, "uses", c, long_of, short_of)
    # a technique the text defines an acronym for, and does not claim, is one it builds on:
    # "reinforcement learning (RL)", "knowledge distillation (KD)"
    for a, idx in abbrs:
        key = technique_key(a.long)
        if key in introduced or key in used or model_key(a.short) in model_keys or \
                model_key(a.long) in model_keys or not technique_like(a.long):
            continue
        used.add(key)
        _emit(doc, idx, "uses", Contribution(a.long, "technique", 0.5), long_of, short_of)


def _describes_title(c: Contribution, title_words: set[str], title_named: bool = False) -> bool:
    """Is ``c`` a bare kind ("a pruning method": one word and a generic head) whose word the title that
    names the contribution already says ("LoamPrune: Attention Head Pruning for ...")? Or a generic head
    and its purpose alone ("a new approach for personalization"): the title's name is that approach."""
    if c.name.split()[0].lower() in GENERIC_HEADS and c.kind == "technique":
        return True
    words = [w for w in content_words(c.name) if w not in GENERIC_HEADS]
    if title_named and c.name == c.name.lower() and words and all(w in title_words for w in words) \
            and c.name.split()[-1].lower() in GENERIC_HEADS:
        return True  # "a novel weight quantization method" beside "BitsKelp: Weight Quantization of ...": the title's
    return c.name == c.name.lower() and len(words) == 1 and len(c.name.split()) == 2 and words[0] in title_words


def _drop_described_twice(doc: Doc) -> None:
    """"we build a human-curated instruction dataset ..." and "we release the Kelp Dataset": a name that spells its
    head ("Kelp Dataset", "Fern Collection"), the record's only one with that head, is the thing every
    lower-case description with the same head and kind was saying; the descriptions go."""
    facts = [f for f in doc.facts if f.predicate == "introduces" and f.object.kind != "model"
             and f.extractor == EXTRACTOR]
    named: dict[tuple[str, str], int] = {}
    for f in facts:
        words = f.object.name.split()
        if len(words) >= 2 and words[0][:1].isupper() and words[-1][:1].isupper() \
                and words[-1].lower() in lexicon().kinds.every:
            named[(f.object.kind, words[-1].lower())] = named.get((f.object.kind, words[-1].lower()), 0) + 1
    if not named:
        return
    described = {id(f) for f in facts if f.object.name == f.object.name.lower()
                 and named.get((f.object.kind, f.object.name.split()[-1])) == 1}
    if described:
        doc.facts[:] = [f for f in doc.facts if id(f) not in described]


def _ranked(name: str) -> bool:
    """"most comprehensive benchmark of ...", "largest corpus of ...": a description that ranks what it names."""
    return name.split(" ", 1)[0] in lexicon().rank_words


def _names_models(name: str, model_keys: set[str]) -> bool:
    """Is ``name`` the stem of a model the record names with a version or size ("X" of "X-v1", "X-7B")?"""
    key = model_key(name)
    return len(key) >= 2 and any(k != key and k.startswith(key) and VERSION_TAIL.fullmatch(k[len(key):])
                                 for k in model_keys)


def _emit(doc: Doc, idx: int, predicate: str, c: Contribution, long_of: dict[str, str],
          short_of: dict[str, str]) -> None:
    for long in long_of.values():  # "diverse Proof Aware syNthetic Exchange" -> the defined long form
        if c.name != long and c.name.endswith(" " + long) and len(long.split()) >= 2:
            c = Contribution(long, c.kind, c.confidence, c.alias)
            break
    c = Contribution(without_kind_head(c.name), c.kind, c.confidence, c.alias)  # "KelpPrompts test set" -> "KelpPrompts"
    kind = cast(Kind, c.kind)  # technique, dataset or benchmark
    quote = doc.quote(idx)
    if quote is None:  # a fact we cannot quote, we do not emit
        return
    doc.facts.append(Fact(Mention.paper(), predicate, Mention(kind, c.name), quote,
                          c.confidence, EXTRACTOR, doc.record))
    alias = long_of.get(c.name) or short_of.get(technique_key(c.name)) or c.alias
    if alias:
        doc.entities.append(Mention(kind, alias))
        doc.aliases.append(Alias(kind, c.name, alias))
