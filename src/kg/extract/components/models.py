"""Models named in a record, and the ones its paper introduces (``mlkg:introduces``).

Sentence by sentence, kg.extract.modelnames finds scored name spans; this
component weighs every mention of a name in the record together (one "X
architecture" outweighs nothing), adds names only the record's structure
gives (Hugging Face URLs, acronyms defined as "... Model (X)", "a family of
8B and 56B models"), and decides which models the paper introduces: the
object of "we introduce / present / release ...", "our X", "the resulting
model, X", a name in the title. Baselines ("outperforms X", "e.g., X") are
models too, only not introduced.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from kg.extract.contributions.means import introduced_bare, used_as_means
from kg.extract.contributions.said import said
from kg.extract.contributions.uses import technique_like
from kg.extract.doc import Doc
from kg.extract.fact import Alias, Attribute, Fact, Mention
from kg.extract.lexicon import lexicon, model_intro_verbs, subject_pattern
from kg.extract.modelnames import (
    CUES, LISTING, NAMED_ARCHITECTURES, ROLE_REASON, THRESHOLD, Span, compound_base, coordinate, family_stem,
    find_models, is_core, model_words, tagged_base, variants,
)
from kg.extract.pipeline import component
from kg.extract.prefilter import gated
from kg.extract import roles
from kg.extract.roles import KIND_THEN_PARTICIPLE
from kg.extract.sizes import ONE_SIZE, SIZE, SIZE_LIST, SIZE_WRITTEN, parameters, size_of, sizes_in
from kg.extract.tokens import DASH_TOKENS, Token
from kg.extract.words import whole_word_starts
from kg.keys import model_key

VERSION: Final = "1.0"
EXTRACTOR: Final = f"models@{VERSION}"

INTRO_VERBS: Final = gated(model_intro_verbs())
"""The verbs that introduce a model ("present", "train", "make available"), from the shared lexicon."""
INTRO_SUBJECT: Final = subject_pattern()
"""The authors as subject ("we", "this paper", "our work"), from the shared lexicon."""
COMPARISON: Final = frozenset(
    "than outperform outperforms outperforming outperformed surpass surpasses surpassing surpassed "
    "over against versus vs compared compare comparing rival rivaling rivals beats beat beating match "
    "matches matching like e.g such including exceeds exceed exceeding".split())
HF_URL: Final = re.compile(r"huggingface\.co/(?!(?:spaces|datasets|papers|docs|blog|collections|organizations|models)/)[\w.\-]+/([\w.\-]+)")
"""A model repository's address (not a Space's, a dataset's or a paper page's)."""
THE_SIZE_MODEL: Final = gated(re.compile(rf"\b(?:the|our|(?<=from )an?) (?:(?:already |previously )?(?:pre-?trained|dense|original|base) )?"
                            rf"({SIZE_WRITTEN}) (?:model|LLM|base model|checkpoint)\b"))
""""the 56B model", "from an already pretrained 15B model": the record's one model of that size (not "X is a
13B model", which says what X is)."""
FAMILY_OF_SIZES: Final = re.compile(
    rf"(?:a|the) (?:model )?family of (?:(?:fully |truly )?[a-z][\w-]* ){{0,2}}?"
    rf"((?:{ONE_SIZE}(?:/{ONE_SIZE})*(?:,? (?:and )?)?)+)")
SIZES_LISTED: Final = gated(re.compile(
    rf"\b(?P<name>[A-Z][\w.-]*[A-Za-z0-9]) (?:\((?P<sizes>{SIZE_LIST})\)"
    rf"|(?:in|with|comes in|come in) (?:two|three|four|five|several|multiple) sizes,? \(?(?P<sizes2>{SIZE_LIST})"
    rf"|(?:series|family|suite|collection|models): (?P<sizes3>{SIZE_LIST})"
    rf"|(?:in|at) (?P<sizes4>{SIZE_LIST}) (?:parameter )?(?:sizes|scales|variants|versions))"
    rf"|(?<![\w-])(?P<name5>[A-Z][\w.-]*?[A-Za-z])-(?P<sizes5>{SIZE_LIST})(?= (?:parameter )?(?:models?|LLMs?|variants|versions|checkpoints)\b| (?:are|were|all|both)\b)"
    rf"|(?<![\w-])(?P<name6>[A-Z][\w.-]*[A-Za-z](?: [A-Z][a-z]+)?(?: \d+(?:\.\d+)?)?) (?P<sizes6>{SIZE_LIST})(?![\w-])"))
""""X (7B, 13B and 70B)", "X in two sizes, 7B and 13B", "the X series: 7B, 40B", "X-7B, 13B, and 70B models"
(or "... and 70B are"),
"based on Kelp 3 4B and 27B", "KELPONE Deep 2.4B and 7.8B"."""
SIZE_LIST_AT: Final = re.compile(SIZE_LIST)
"""Two sizes or more, alone: what every match of SIZES_LISTED holds (a quick test first: it opens on a digit)."""
STOP_NAMES: Final = frozenset("we our the this it they these".split())
ENUMERATED: Final = re.compile(r"(?:^|[:;,]\s*|\s)\((?:\d{1,2}|[ivx]{1,4})\)\s*(?:our\s+)?$")
"""Just before a name: an item marker of an enumerated list ("we release: (1) X; (2) Y")."""
LOWER_WORD: Final = re.compile(r"[a-z]+")
FAMILY_AND_VERSION: Final = re.compile(r"([a-z]+)[\d.]*$")
NOT_TITLE_INTRO: Final = COMPARISON | {"beyond", "from", "to", "with", "for", "towards", "toward", "on", "via", "using", "making", "of",
                                 "extending", "distilling", "pruning", "compressing", "quantizing", "aligning",
                                 "adapting", "scaling", "fine-tuning", "finetuning", "tuning", "merging"}
"""Words before a name in a title that make it someone else's ("Beyond X", "Distilling X into ...", "Towards Lightweight X")."""


MODEL_EVIDENCE: Final = ("model head", "appositive 'model", "appositive 'llm", "copula 'model", "preceded by 'model",
                  "family head", "appositive family", "family named in the plural")
"""Reasons that say a name is described as a model (or a model family): techniques leave such names alone."""
MODEL_EVIDENCE_REASON: Final = re.compile(rf"[^ ]+ (?:{'|'.join(map(re.escape, MODEL_EVIDENCE))})")
"""A span's reason ("+2 model head 'llm'": points, then why) that is MODEL_EVIDENCE."""


PROCESS_END: Final = re.compile(r"[a-z](?:ing|tion|ment)$")
"""A long form that ends in a word for a process ("... Upcycling", "... Optimization"), not a thing."""


VETO: Final = -2.0
"""One mention this far below zero ("a corpus, namely X", "the X architecture") vetoes a name for the record."""


@dataclass
class ModelMention:
    sentence: int
    span: Span
    introduced: float = 0.0
    """Confidence that the paper introduces it here (0: not introduced)."""


ATTRIBUTIVE: Final = re.compile(r"\b(?:the|an?|these|those|such|other|existing|available|popular|largest|best|many|"
                         r"several|all|most)\s+$", re.IGNORECASE)
"""Words before an introducing verb's form that make it an adjective of a noun ("the available open-source models")."""


@lru_cache(maxsize=256)
def _intro_scope(text: str) -> tuple[int, int] | None:
    """Character range after an introducing verb whose subject is the authors."""
    for m in INTRO_VERBS.finditer(text):
        before = text[: m.start()]
        if CUES.someone_elses.search(before[-24:]) or before.endswith("-"):
            continue  # "we study how the recently introduced model X ...", "pre-trained": not the authors' verb
        if ATTRIBUTIVE.search(before[-16:]):
            continue  # "on the largest available open-source models, X and Y": a verb's form used as an adjective
        if INTRO_SUBJECT.search(before[-80:]) or m.start() < 3 or _group_speaks(before) \
                or _second_verb_of_we(before) or \
                (m.group().startswith("contribution") and re.search(r"\bour(?: \w+)? $", before, re.IGNORECASE)):
            return m.end(), len(text)  # "we present ...", "Our contributions are: ..."
    return None


SECOND_VERB: Final = re.compile(r"^(?:In this (?:paper|work|report), )?[Ww]e (?:\w+ly )?\w+\b[^;:]*\band (?:then |also |further )?"
                                r"(?:use (?:it|them) to )?$")
"""A sentence whose subject is "we" and whose introducing verb is the second of its verbs ("we refer to ... as
'characters' and propose ...", "We collect ... and use it to train X"), however long the first verb's clause."""


def _second_verb_of_we(before: str) -> bool:
    return before.endswith(("and ", " use it to ", " use them to ")) and SECOND_VERB.match(before) is not None


@lru_cache(maxsize=1)
def _group_subject() -> re.Pattern:
    words = "|".join(sorted(lexicon().group_subjects))
    return re.compile(rf"^The (?:[A-Z][\w-]*\s+){{1,3}}(?i:{words})\b")


def _group_speaks(before: str) -> bool:
    """"The KelpCode community, an open-scientific collaboration ..., introduces": a sentence opening on a named
    group of people, whose verb comes after its appositive, speaks for the authors."""
    m = _group_subject().match(before)
    return m is not None and not re.search(r"[.;]", before[m.end():])


def _later_verb_end(text: str, pos: int) -> int | None:
    """End of the last introducing verb before ``pos`` when there are several (the first opens the scope)."""
    ends = [m.end() for m in INTRO_VERBS.finditer(text, 0, pos)]
    return ends[-1] if len(ends) > 1 else None


OURS_BEFORE: Final = re.compile(r"\bour (?:(?:proposed|new|novel) )?$|\b(?:we|this paper|this work) (?:\w+ly )?"
                         r"(?:propose|present|introduce|release)s? (?:the |an? )?$", re.IGNORECASE)
"""Right before a long form: the authors' own ("our proposed ", "we introduce the ")."""


def _appositive_not_a_model(text: str, short: str) -> bool:
    """Does the appositive after "(SHORT)" call it a technique, a dataset or a benchmark?"""
    at = text.find(f"({short})")
    if at < 0:
        return False
    words = re.match(r"^,? (?:an?|the) ((?:[\w-]+ ){0,4}[\w-]+)", text[at + len(short) + 2:])
    for word in words.group(1).lower().split() if words else ():
        if word in model_words().model_heads:
            return False  # "(X), a pre-trained model with attention"
        if word in lexicon().kinds.every:
            return True  # "(X), a technique that employs ..."
    return False


LONG_FORM: Final = re.compile(r"[A-Z][\w-]*(?: [A-Z][\w-]*)+")
""""Large Language Model Meta-AI": a long form of capitalised words, whose own words are no names."""
PARENT_REASON: Final = "+3 " + ROLE_REASON.format("parent")
"""The reason kg.extract.modelnames gives a name read as what a model was made from: never the new model."""


SPACED_SUFFIX: Final = frozenset({"based", "powered", "driven"})
""""our strongest GPT-4 based baseline": a suffix written apart, as "-based" is peeled off a name."""


def _after_indefinite_article(tokens: list[Token], i: int) -> bool:
    """Does "a" / "an" open the noun phrase token i is in ("a novel dynamic Kelp model")?"""
    for k in range(i - 1, max(-1, i - 5), -1):
        if tokens[k].trail.strip():
            return False
        if tokens[k].lower in ("a", "an"):
            return True
    return False


def _introduced(doc: Doc, idx: int, text: str, tokens: list[Token], span: Span) -> float:
    spaced = span.j < len(tokens) and tokens[span.j].lower in SPACED_SUFFIX and not tokens[span.j - 1].trail.strip()
    if span.suffix or spaced or _describes_what_follows(tokens, span.j) or _kind_in_appositive(tokens, span) or (
            PARENT_REASON in span.reasons and CUES.built_from.search(text, max(0, tokens[span.i].start - 60), tokens[span.i].start)):
        return 0.0  # "a Llama3-based model", "our new GPT-4 labeled dataset", "built upon the VLM, X": not the new thing
    if idx == doc.title_index:
        before = text[: tokens[span.i].start].lower()
        if "+3 named by its report's title" in span.reasons:
            return 0.9  # "Kelp Technical Report"
        if (colon := text.find(": ")) > 0 and colon < tokens[span.i].start and TITLE_NAME.fullmatch(text[:colon]):
            return 0.0  # "Q8Kelp: Quantized 8Bit Kelp": the title's name is the new model, the subtitle's what it came from
        return 0.75 if NOT_TITLE_INTRO.isdisjoint(LOWER_WORD.findall(before)) else 0.0
    if "+1 bare family stem" in span.reasons and _after_indefinite_article(tokens, span.i):
        return 0.0  # "we propose a novel dynamic Kelp model (abbreviated as DynaKelp)": a kind of model, not its name
    if _after_indefinite_article(tokens, span.i) and span.j + 1 < len(tokens) \
            and tokens[span.j].lower in model_words().model_heads and tokens[span.j].trail.strip() == "," \
            and not tokens[span.j - 1].trail.strip() and tokens[span.j + 1].text[:1].isupper():
        return 0.0  # "by pretraining a financial domain specific KelpBERT model, FinKelp": the kind of the name after it
    prev = tokens[span.i - 1].lower if span.i > 0 else ""
    prev2 = tokens[span.i - 2].lower if span.i > 1 else ""
    if prev in DASH_TOKENS and span.i > 1 and tokens[span.i - 2].text[:1].isupper() and span.j < len(tokens) \
            and tokens[span.j].lower in model_words().model_heads:
        return 0.0  # "we present KELP-CLIP - CLIP model with ...": what the new model is, not a second new one
    if prev == "our" or (prev2 == "our" and tokens[span.i - 1].text[:1].islower()):
        if span.j < len(tokens) and tokens[span.j].lower in BUILT_AROUND and family_stem(span.name):
            return 0.0  # "our prompt-based QwQ-32B agent": the agent is the authors', the model it runs on is not
        return 0.0 if prev in EARLIER or prev2 in EARLIER else 0.8
    before = text[max(0, tokens[span.i].start - 64): tokens[span.i].start].lower()
    if CUES.result_before.search(before) or CUES.referred_as.search(before):
        return 0.85  # "the resulting model, X", "We refer to the model after CPT as X"
    if ENUMERATED.search(before) and (listed := _intro_scope(text)) and listed[0] <= tokens[span.i].start:
        return 0.85  # "we release: (1) X, ...; (2) Y, ...": each item the authors list
    if CUES.made_before.search(before) and CUES.subject_of_making.search(text[:tokens[span.i].start]):
        return 0.85  # "We perform continued pretraining on ..., creating X": what the authors' step made
    after = text[tokens[span.j - 1].end: tokens[span.j - 1].end + 14].lower()
    if CUES.our_model_after.match(after):
        return 0.85
    near = [t.lower for t in tokens[max(0, span.i - 8):span.i]]
    if ("+3 named as a model" in span.reasons or "+3 preceded by 'model,'" in span.reasons) and "our" in near \
            and not EARLIER.intersection(near[near.index("our"):]):
        return 0.85  # "Our fine-tuned LLMs, called X, are optimized for dialogue", "Our best models, X and Y"
        # (not "our previous model, X")
    if "+3 named as a model" in span.reasons and span.i >= 2 and tokens[span.i - 2].lower == "we" \
            and tokens[span.i - 1].lower in ("call", "name", "dub", "term", "coin"):
        return 0.85  # "... an example of such a model, which we call X": the authors name it
    scope = _intro_scope(text)
    if scope and tokens[span.i].start >= scope[0] and tokens[span.j - 1].trail not in POSSESSIVE:
        # (not "we present X's scores": the owner of what is presented)
        later = _later_verb_end(text, tokens[span.i].start)
        if _direct_object(tokens, span.i, scope[0]) or (later is not None and _direct_object(tokens, span.i, later)):
            return 0.9  # "we build upon Y and train X": X is the object of the nearer verb
        if span.i > 0 and tokens[span.i - 1].trail.strip() == "," and _renames_object(tokens, span.i, scope[0]):
            return 0.85
        if ("+3 named as a model" in span.reasons or ("+3 preceded by 'model,'" in span.reasons
                                                      and _made_model_before(tokens, span.i))) and not any(
                t.lower in COMPARISON for t in tokens[:span.i] if t.start >= scope[0]):
            return 0.85  # "we provide 7B and 14B models ..., called X and Y"; "We present embeddings obtained by
            # training an efficient encoder model, X, ..."
        if _listed_in_object(tokens, span, scope[0]):
            return 0.85  # "we train various models ..., including the reward model X, ... and Y"
    if span.i == 0 and "+3 made from another model" in span.reasons and COINAGE.match(span.name) \
            and family_stem(span.name) is None:
        return 0.7  # "KelpActAgent, finetuned from Y and Z, is ...": a coined model the sentence says was made here
    return 0.0


POSSESSIVE: Final = ("'s", "\u2019s")


def _made_model_before(tokens: list[Token], i: int) -> bool:
    """Is the "<...> model," before token i the object of a verb of making ("by training an efficient encoder
    model, X", "we pretrain a compact model, X"), an "a"/"an" after it and four words at most between?"""
    making = lexicon().make_verbs | lexicon().intro.models_only | model_words().training_nouns
    for j in range(i - 2, max(-1, i - 8), -1):
        if tokens[j].lower in ("a", "an"):
            return j > 0 and tokens[j - 1].lower in making
        if tokens[j].trail.strip():
            return False
    return False


BUILT_AROUND: Final = frozenset("agent agents system systems pipeline pipelines".split())
"""Heads after a known model's name that name what the authors built around it ("our Kelp-32B agent")."""
EARLIER: Final = frozenset("previous prior earlier former".split())
"""Words that make "our ... model" one the authors made before this paper."""


MODEL_SAID: Final = re.compile(r"[+]\d (?:appositive|copula|named as a model|named after|preceded by|model head|"
                        r"the child|a trained|acronym of a model|outperforms)")
"""Reasons that are the text calling a name a model (not what the name looks like: "a family stem")."""


def _said_models(mentions: list[ModelMention]) -> set[str]:
    """Keys of the names a mention's own sentence calls a model (not what the name looks like)."""
    return {model_key(mm.span.name) for mm in mentions if any(map(MODEL_SAID.match, mm.span.reasons))
            and NAMED_OTHERWISE not in mm.span.reasons}  # ("a pruning method called X": its role says no more)


def _called_otherwise(mentions: list[ModelMention]) -> set[str]:
    """Names an appositive calls something else ("ToolKelp, a novel framework designed to ...") and no
    mention calls a model, whose sized members ("ToolKelp-7B") are the models: a name on a family stem
    ("ToolAlpaca") is not thereby one. (A framework with no sized members is often the model itself.)"""
    said_other = {model_key(mm.span.name) for mm in mentions
                  if any(r.startswith("-3 appositive '") for r in mm.span.reasons)}
    said_model = _said_models(mentions)
    sized = {model_key(mm.span.name[: -len(size)].rstrip("- ")) for mm in mentions
             if (size := size_of(mm.span.name)) and mm.span.name.endswith(size)}
    said_method = {model_key(mm.span.name) for mm in mentions
                   if any((r.startswith("-3 appositive '") and r[len("-3 appositive '"):-1] in ONLY_METHODS)
                          or r == NAMED_OTHERWISE for r in mm.span.reasons)}
    # its models are the sized ones ("... resulting in ToolKelp-7B"); a scheme or an algorithm is no model at all
    # ("we present SliceKelp, a new post-training sparsification scheme", though its name holds a family's)
    return ((said_other - said_model) & sized) | (said_method - said_model)


NAMED_OTHERWISE: Final = "-5 named as a dataset or method"
"""The reason kg.extract.modelnames gives a name a naming cue calls a method or data ("a new pruning method
called X"), the method not said to be made from a model."""


def _methods_named_in_models(mentions: list[ModelMention], accepted: set[str]) -> set[str]:
    """"we propose PRIME (...) ... our resulting model, Eurus-2-7B-PRIME": an acronym the paper introduces, that
    ends another model's name after a hyphen and that no mention calls a model in words (its role in a derivation
    aside), is the method the model was trained with (the "Base-METHOD" way of naming), not a model. Not a known
    family's name ("Video-LLaMA"), nor a model the paper only uses ("Tarn-KELP" of Tarn and KELP)."""
    names = {mm.span.name for mm in mentions if model_key(mm.span.name) in accepted}
    proposed = {model_key(mm.span.name) for mm in mentions if mm.introduced}  # (the paper's own, not "KELP" it uses)
    said = {model_key(mm.span.name) for mm in mentions if any(
        MODEL_SAID.match(r) and not r.endswith("the child of a derivation") for r in mm.span.reasons)}
    out = set()
    for name in names:
        key = model_key(name)
        if key in said or key not in proposed or family_stem(name) or sum(c.isupper() for c in name) < 3 \
                or not name.isalnum():
            continue
        if any(other != name and other.endswith("-" + name) for other in names):
            out.add(key)
    return out


TITLE_WORD: Final = re.compile(r"([A-Z][A-Za-z]{3,}):")
NOT_A_MEMBER: Final = ("bench", "eval", "qa", "data", "set", "corpus", "instruct", "hub", "arena")
"""Endings of a name on the title's word that make it the paper's data or benchmark, not one of its models."""


def _extending_the_title(doc: Doc, mentions: list[ModelMention]) -> set[str]:
    """"Seamless: Multilingual Expressive and Streaming Speech Translation" and, in an abstract that speaks of
    models, "SeamlessM4T v2", "SeamlessExpressive", "SeamlessStreaming": coined names that run the title's one
    word on (a capital or a digit after it) are the models of the family the paper is named for."""
    if doc.title_index is None or not (m := TITLE_WORD.match(doc.clean[doc.title_index])):
        return set()
    word = m.group(1)
    if not any(re.search(r"\bmodels?\b", doc.clean[i]) for i in doc.abstract_sentences()):
        return set()
    return {model_key(mm.span.name) for mm in mentions
            if mm.span.name.startswith(word) and len(mm.span.name) > len(word) + 1
            and (mm.span.name[len(word)].isupper() or mm.span.name[len(word)].isdigit())
            and not mm.span.name.split()[0].lower().endswith(NOT_A_MEMBER) and mm.span.score > -3}


def _sized_members_introduced(doc: Doc, mentions: list[ModelMention]) -> None:
    """"we propose KelpRL, a curriculum reinforcement learning framework ... KelpRL-1.5B-Preview surpasses ...":
    the sized members of a framework the authors introduce are the models they introduce with it."""
    introduced = set()
    for idx, spans in doc.user.get("spans", {}).items():
        scope = None
        for span in spans:
            if span.j > span.i and any(r.startswith("-3 appositive '") for r in span.reasons):
                scope = scope or _intro_scope(doc.clean[idx]) or (len(doc.clean[idx]), 0)
                if scope[0] <= doc.user["tokens"][idx][span.i].start:
                    introduced.add(model_key(span.name))  # the framework is the object of the authors' verb
    if not introduced:
        return
    for mm in mentions:
        size = size_of(mm.span.name)
        if not mm.introduced and size and (base := SIZED_MEMBER.match(mm.span.name)) \
                and model_key(base.group(1)) in introduced:
            mm.introduced = 0.7


APPOSITIVE_OPENS: Final = re.compile(r"(?:,| -| \u2013| \u2014| --) (?:an?|the) ")
""""X, a ...", "X - a ...": an appositive after a name, opened by an article."""


def _language_before_family(tokens: list[Token], span: Span) -> bool:
    """Is the span a known family's bare stem right after a capitalised language word ("Thai Whisper",
    "Multilingual BERT"; the lexicon's not_models hold the language names)?"""
    if span.i == 0 or span.j - span.i != 1 or family_stem(span.name) != span.name.lower():
        return False
    before = tokens[span.i - 1]
    return before.text.istitle() and before.text.isalpha() and not before.trail.strip() \
        and before.lower in model_words().not_models


def _tagged_variants_introduced(doc: Doc, mentions: list[ModelMention]) -> None:
    """"We introduce Kelp Mixers (KM), a compact model ... our initial variant (KM-Q) ... more sophisticated
    variants (KM-B, KM-E)": a tag on the paper's model, in a sentence that calls it a variant, names the paper's
    variant (not "our previous version, KM-1": an earlier one)."""
    introduced = {model_key(mm.span.name) for mm in mentions if mm.introduced and mm.span.name}
    if not introduced:
        return
    for mm in mentions:
        name = mm.span.name
        if mm.introduced or not name or "-" not in name:
            continue
        base = name.rsplit("-", 1)[0]
        words = {t.lower for t in doc.user.get("tokens", {}).get(mm.sentence, ())}
        if model_key(base) in introduced and words & model_words().variant_nouns and not words & EARLIER:
            mm.introduced = 0.7


SIZED_MEMBER: Final = re.compile(r"(.+?)[- ]\d+(?:\.\d+)?[BMK]\b")
""""KelpRL-1.5B-Preview" -> "KelpRL": a member named by its framework's name and a size."""
ONLY_METHODS: Final = frozenset("technique algorithm scheme strategy procedure recipe objective loss mechanism".split())
"""Heads an appositive gives a method and never a model (not "framework", "system", "approach": models too)."""


def _called_data(doc: Doc, mentions: list[ModelMention]) -> set[str]:
    """Names a sentence calls a dataset or a benchmark ("a large-scale dataset of instructional conversations,
    KelpChat, ...") and no mention calls a model: "Building upon KelpChat, we fine-tune ..." builds on data.
    (Only names no mention calls a model are looked up: most are.)"""
    said_model = _said_models(mentions)
    unsure = {mm.span.name for mm in mentions if mm.span.name and model_key(mm.span.name) not in said_model}
    out: set[str] = set()
    if not unsure:
        return out
    for idx, text in enumerate(doc.clean):
        here = [n for n in unsure if n in text]
        if here:  # (the techniques component asks the same of the sentence: read once, kg.extract.contributions.said)
            kinds = dict(said(text, doc.user.get("tokens", {}).get(idx))[0])
            out |= {model_key(n) for n in here if kinds.get(n) in lexicon().kinds.data}
    return out


def _kind_in_appositive(tokens: list[Token], span: Span) -> bool:
    """"We introduce Codex, a GPT language model ...": the name says what kind of model the one
    before the comma is; that one is new, not this."""
    i, j = span.i, span.j
    if i < 2 or j >= len(tokens) or tokens[i - 1].lower not in ("a", "an") \
            or tokens[i - 2].trail.strip() != "," or tokens[j - 1].trail.strip():
        return False
    nxt = tokens[j].lower
    return nxt in model_words().model_heads or (nxt == "language" and j + 1 < len(tokens) and tokens[j + 1].lower in model_words().model_heads)


def _describes_what_follows(tokens: list[Token], j: int) -> bool:
    """"GPT-4 labeled ranking dataset": a participle and then, before any preposition, a data or method noun."""
    if j >= len(tokens) or tokens[j - 1].trail.strip() or not tokens[j].text.islower() \
            or not tokens[j].lower.endswith("ed"):
        return False
    non_heads = model_words().non_model_heads
    for t in tokens[j + 1:j + 4]:
        if t.lower in non_heads:
            return True
        if t.lower in PREPOSITIONS or not t.text.isalpha() or t.trail.strip():
            return False
    return False


def _renames_object(tokens: list[Token], i: int, scope_start: int) -> bool:
    """"we introduce a simple variant of the model, X" / "we provide a model fine-tuned ..., X"."""
    between = [t for t in tokens[:i] if t.start >= scope_start]
    return len(between) <= 12 and any(t.lower in model_words().model_heads for t in between[:4]) and \
        not any(t.lower in COMPARISON for t in between)


def _listed_in_object(tokens: list[Token], span: Span, scope_start: int) -> bool:
    """"we train various models to ..., including the reward model X, chat model Y and critique model Z": a
    coined name (not a known family: "we train models including BERT" trains an existing one) listed after
    "including" / "namely" whose verb's object is models, with no comparison between ("including" is one
    after "outperforms": not here, where the authors' verb governs)."""
    between = [t for t in tokens[:span.i] if t.start >= scope_start]
    at = next((k for k, t in enumerate(between) if t.lower in LISTING), None)
    return at is not None and len(between) <= 30 and family_stem(span.name) is None \
        and any(t.lower in model_words().model_heads for t in between[:min(at, 4)]) \
        and not any(t.lower in COMPARISON and t.lower not in LISTING for t in between)


PREPOSITIONS: Final = frozenset(
    "of on upon from to with for into by in at via using under about across between through than "
    "as based built".split())


def _direct_object(tokens: list[Token], i: int, scope_start: int) -> bool:
    """Is the name the object of the introducing verb, not inside a prepositional phrase?"""
    between = [t for t in tokens[:i] if t.start >= scope_start]
    if len(between) > 8:
        return False
    making = model_words().making_nouns
    if i < len(tokens) and family_stem(tokens[i].text) is None:
        making = making | model_words().training_nouns  # "describes the training of kelp-embed-v1": a coined name
    for k, t in enumerate(between):
        w = t.lower
        if w == "of" and any(x.lower in making for x in between[:k]):
            continue  # "we describe the development and capabilities of X": X is what is made
        if w in PREPOSITIONS or w in COMPARISON or w in ("which", "that", "who"):
            return False  # "we present X, which extends Y": Y is not presented
        if k and between[k - 1].trail.strip() == "," and len(w) > 5 and w.endswith("ing"):
            return False  # "we present the X series, pruning the Y model": Y is what X came from
    return True


@component("models", version=VERSION, requires=("abbreviations",), assigns=("models",))
def models(doc: Doc) -> None:
    model_heads = model_words().model_heads
    by_sentence: dict[int, list[ModelMention]] = defaultdict(list)
    all_mentions: list[ModelMention] = []
    own_families: set[str] = set()
    long_forms: dict[int, list[tuple[int, int]]] = defaultdict(list)  # sentence -> where its acronyms' long forms are
    for abbr, idx in doc.user.get("abbreviations", []):
        if LONG_FORM.fullmatch(abbr.long) and abbr.short.isalpha():
            long_forms[idx].append((abbr.start, abbr.start + len(abbr.long)))
    for idx, text in enumerate(doc.clean):
        spans, tokens = find_models(text)
        doc.user.setdefault("tokens", {})[idx] = tokens
        doc.user.setdefault("spans", {})[idx] = spans
        for span in spans:
            if span.j > span.i and any(a <= tokens[span.i].start and tokens[span.j - 1].end <= b
                                       and (tokens[span.i].start, tokens[span.j - 1].end) != (a, b)
                                       for a, b in long_forms.get(idx, ())):
                continue  # "a Large Language Model Meta-AI (LLaMA)": a word of a long form, not a name of its own
            if span.family_level or any(map(MODEL_EVIDENCE_REASON.match, span.reasons)):
                doc.user.setdefault("model_like", set()).add(model_key(span.name))
            if span.score <= -3:
                continue
            mm = ModelMention(idx, span)
            mm.introduced = _introduced(doc, idx, text, tokens, span)
            if mm.introduced and _language_before_family(tokens, span):
                span.i -= 1  # "We develop 5 Thai Whisper models": the paper's own is "Thai Whisper", not Whisper
                span.name = f"{tokens[span.i].text} {span.name}"
            if span.family_level:
                scope = _intro_scope(text)
                if mm.introduced < 0.9 or idx == doc.title_index or not _direct_object(tokens, span.i, scope[0]):  # type: ignore[index]
                    continue  # only the object of the authors' own verb: not "used to create X models"
                own_families.add(model_key(span.name))  # "We introduce the Kelp model family": a node of its own
            by_sentence[idx].append(mm)
            all_mentions.append(mm)
        for url_name in HF_URL.findall(text):
            name = url_name.rstrip(".")
            span = Span(0, 0, name)
            span.add(THRESHOLD, "released on Hugging Face")
            mm = ModelMention(idx, span, introduced=0.8 if _intro_scope(text) else 0.6)
            by_sentence[idx].append(mm)
            all_mentions.append(mm)
        # "the 56B model" -> the record's model of that size, resolved below
        for m in THE_SIZE_MODEL.finditer(text):
            doc.user.setdefault("size_refs", []).append((idx, m.group(1).upper(), m.start()))

    # a name of several capitalised words the authors present as a model: "We present Marsh Video Diffusion - a
    # latent video diffusion model for ..." (no candidate span: no digit, no coined word)
    known = {model_key(mm.span.name) for mm in all_mentions if mm.span.name}
    for idx in doc.abstract_sentences():
        text = doc.clean[idx]
        if " " not in text or (scope := _intro_scope(text)) is None:
            continue
        for name in said(text, doc.user.get("tokens", {}).get(idx))[1]:
            at = text.find(name)
            if " " in name and model_key(name) not in known and at >= scope[0] \
                    and APPOSITIVE_OPENS.match(text, at + len(name)) \
                    and name.split()[-1].lower() not in lexicon().kinds.every \
                    and not any(w.lower() in model_words().not_models for w in name.split()):
                span = Span(0, 0, name)
                span.add(THRESHOLD, "a capitalised name the authors present as a model")
                mm = ModelMention(idx, span, introduced=0.8)
                by_sentence[idx].append(mm)
                all_mentions.append(mm)
                known.add(model_key(name))

    # acronyms defined with a model as long form: "Unified Audio Language Model (UALM)"
    for abbr, idx in doc.user.get("abbreviations", []):
        head = abbr.long.split()[-1].lower()
        title_case = all(w[:1].isupper() for w in abbr.long.split() if w[:1].isalpha() and len(w) > 3)
        names_family = family_stem(abbr.short) == abbr.short.lower() and any(
            w.lower() in model_heads for w in abbr.long.split())  # "Large Language Model Meta-AI (LLaMA)"
        classed = all(w.lower() in model_words().class_words or all(p.lower() in model_words().class_words
                                                                  for p in w.split("-")) for w in abbr.long.split()[:-1])
        names_one = (title_case and not classed) or _names_one_model(abbr.long)  # "segment anything model (SAM)"
        # too; not "an Audio-Language Model (ALM)": Title Case class words name a class
        named_architecture = abbr.long.split()[-1] in NAMED_ARCHITECTURES and title_case and len(abbr.long.split()) > 1 \
            and OURS_BEFORE.search(doc.clean[idx][:max(0, doc.clean[idx].find(abbr.long))]) is not None \
            and not _appositive_not_a_model(doc.clean[idx], abbr.short)  # not "the Kelp Transformer (KT), a technique"
        # (only the authors' own: "our proposed X Transformer (XT)", not "based on flow matching with
        # Diffusion Transformer (DiT)", an architecture they use)
        if (head in model_heads or names_family or named_architecture) and names_one and not abbr.short.endswith("s") \
                and abbr.short.lower() not in model_words().not_models:
            span = Span(0, 0, abbr.short)
            span.add(THRESHOLD, "acronym of a model name")
            mm = ModelMention(idx, span)
            scope = _intro_scope(doc.clean[idx])
            mm.introduced = 0.85 if scope and doc.clean[idx].find(abbr.long) >= scope[0] else 0.0
            by_sentence[idx].append(mm)
            all_mentions.append(mm)
            doc.aliases.append(Alias("model", abbr.short, abbr.long))

    # one decision per name across the whole record
    scores: dict[str, list[float]] = defaultdict(list)
    for mm in all_mentions:
        scores[model_key(mm.span.name)].append(mm.span.score)
    for key in _extending_the_title(doc, all_mentions):
        scores[key].append(THRESHOLD)  # "Seamless: ..." and "SeamlessExpressive enables ...": the paper's family
    for key in _method_acronyms(doc) | _called_otherwise(all_mentions) | _called_data(doc, all_mentions):
        if key in scores:  # "a method called depth up-scaling (DUS)", "ToolKelp, a novel framework": no model
            scores[key].append(VETO - 1)
    _sized_members_introduced(doc, all_mentions)
    _tagged_variants_introduced(doc, all_mentions)
    accepted = {k for k, v in scores.items() if max(v) >= THRESHOLD and min(v) > VETO}
    accepted |= _introduced_coinages(all_mentions, scores, accepted, doc.user.get("model_like", set()))
    accepted |= {k for k in own_families if min(scores[k]) > VETO}
    accepted |= _variants_of_accepted(all_mentions, scores, accepted, own_families, _method_acronyms(doc),
                                      {model_key(mm.span.name) for mm in all_mentions if mm.introduced >= 0.85})
    accepted |= _bases_of_compounds(all_mentions, scores, accepted)
    accepted |= _compounds_of_accepted(all_mentions, scores, accepted)
    accepted -= _methods_named_in_models(all_mentions, accepted)
    if (titled := _titled_model_made_unnamed(doc, all_mentions, scores)) is not None:
        accepted.add(titled)  # "X: On the Transfer of ..." and "we develop a financial ... model based on Y"
    if (own := _our_model_named_bare(doc, all_mentions, scores, accepted)) is not None:
        accepted.add(model_key(own.span.name))  # "we introduce X, which empowers ...; ... our model surpasses ..."
    if doc.title_index is not None and (version := TITLE_VERSION.match(doc.clean[doc.title_index])) \
            and model_key(version.group("base")) in accepted and model_key(version.group("name")) not in accepted:
        # "Tango 2: Aligning ... through DPO" beside "using an existing text-to-audio model Tango": the next version
        span = Span(0, 0, version.group("name"))
        span.add(THRESHOLD, "a new version, in the title, of a model the abstract names")
        mm = ModelMention(doc.title_index, span, introduced=0.75)
        by_sentence[doc.title_index].append(mm)
        all_mentions.append(mm)
        accepted.add(model_key(span.name))
    all_mentions += _named_again(doc, by_sentence, {mm.span.name for mm in all_mentions
                                                    if mm.span.name and model_key(mm.span.name) in accepted})

    # "X, a family of 8B and 56B/47B ... models": the sizes name models of family X
    for idx, text in enumerate(doc.clean):
        if "family of" not in text:
            continue  # cheap test first: every match holds these words
        for m in FAMILY_OF_SIZES.finditer(text):
            owners = [mm for mm in by_sentence[idx] if mm.span.name and
                      doc.clean[idx].find(mm.span.name) < m.start() and size_of(mm.span.name) is None]
            if not owners:
                continue
            owner = owners[-1]
            for size in sizes_in(m.group(1)):
                generated = f"{owner.span.name} {size}"
                if any(k != model_key(generated) and k.startswith(model_key(generated)) for k in accepted):
                    continue  # "Nemotron-H-47B-Base" is named: "Nemotron-H 47B" would be a second name
                span = Span(0, 0, generated)
                span.add(THRESHOLD, "size of an introduced family")
                span.size = size
                mm = ModelMention(idx, span, introduced=owner.introduced * 0.9)
                by_sentence[idx].append(mm)
                all_mentions.append(mm)
                accepted.add(model_key(span.name))

    # "We release Kelp in two sizes, 7B and 13B", "Kelp (7B, 13B and 70B)": one model per size;
    # "the smallest variant of Llama (7b)": a family's member of that size
    for idx, text in enumerate(doc.clean):
        for mm in _sizes_listed(idx, text) + _family_sized(idx, text):
            by_sentence[idx].append(mm)
            all_mentions.append(mm)
            accepted.add(model_key(mm.span.name))

    kept: dict[int, list[ModelMention]] = {}
    tails = _long_form_tails(doc, accepted)
    for idx, mms in by_sentence.items():
        kept[idx] = [mm for mm in mms if model_key(mm.span.name) in accepted
                     and not (mm.span.name in tails and _only_in(tails[mm.span.name], mm.span.name, doc.clean[idx]))]
        _share_introduction(kept[idx], doc.user["tokens"][idx], doc.clean[idx])
    doc.user["models"] = kept

    intro_keys = family_intros(doc, by_sentence)
    members = _members_of_own_families(doc, kept, intro_keys)
    _introduce_namesakes(kept, intro_keys, _introduced_stems(by_sentence) | members)
    seen_intro: set[tuple[str, int]] = set()
    for idx, mms in sorted(kept.items()):
        for mm in mms:
            name = mm.span.name
            doc.entities.append(Mention("model", name))
            stated_size = mm.span.size or size_of(name)
            if stated_size and (count := parameters(stated_size)):
                doc.attributes.append(Attribute("model", name, "parameterCount", count))
            quote = doc.quote(idx)
            if mm.introduced and quote and (model_key(name), idx) not in seen_intro:
                seen_intro.add((model_key(name), idx))
                doc.facts.append(Fact(Mention.paper(), "introduces", Mention("model", name),
                                      quote, round(mm.introduced, 2), EXTRACTOR, doc.record))
    _declared_aliases(doc, kept)


COINAGE: Final = re.compile(r"^(?=.*[A-Za-z])(?:[A-Z]?[a-z]*[A-Z][A-Za-z]*[a-z][A-Za-z]*|[A-Za-z]+(?:-[A-Za-z0-9.]+)*-?\d[\w.]*"
                     r"|[A-Z][A-Za-z]*[A-Z][A-Za-z]* \d+\.\d+)$")
"""A coined name: capitals inside a word ("KelpCoder", "OLMix"), a name with a number ("Kelp-4") or a word in
capitals and a dotted version ("KELPO 4.0")."""


AUTHORS_MAKE_A: Final = (r"\bwe (?:\w+ly )?(?:develop|build|create|introduce|present|propose|train|release)(?:s|ed)? "
                  r"(?:a|an) (?:[\w-]+ ){0,4}?")
""""we develop a financial reasoning-enhanced ...": the authors make a thing the sentence does not name (the model
read here, and its parent in the derivations component)."""
AUTHORS_MAKE_A_MODEL: Final = re.compile(AUTHORS_MAKE_A + r"(?:model|LLM)\b", re.IGNORECASE)
""""we develop a financial reasoning-enhanced model": the authors make a model the sentence does not name (and
"After fine-tuning the Y model on this dataset, our model achieved ...": the role lexicon's step_then_our_model)."""


def _titled_model_made_unnamed(doc: Doc, mentions: list[ModelMention], scores: dict[str, list[float]]) -> str | None:
    """The key of a coined name opening the title ("Kelpo1: On the Transfer of Reasoning to Finance") that the
    abstract never names while the authors make a model it does not name either ("we develop a financial
    reasoning-enhanced model based on Y"): that model is the title's."""
    if doc.title_index is None:
        return None
    titled = [mm for mm in mentions if mm.sentence == doc.title_index and mm.introduced and mm.span.name
              and (COINAGE.match(mm.span.name) or family_stem(mm.span.name) is not None)  # "Kelp-Prover" of a family
              and doc.clean[doc.title_index].startswith(f"{mm.span.name}:")]
    if len(titled) != 1 or min(scores[key := model_key(titled[0].span.name)]) <= VETO:
        return None
    name = titled[0].span.name
    abstract = [doc.clean[i] for i in doc.abstract_sentences()]
    step = roles.lexicon().step_then_our_model
    if any(name in text for text in abstract) \
            or not any(AUTHORS_MAKE_A_MODEL.search(text) or step.search(text) for text in abstract):
        return None
    return key


def _introduced_coinages(mentions: list[ModelMention], scores: dict[str, list[float]], accepted: set[str],
                         model_like: set[str]) -> set[str]:
    """A coined name the paper introduces ("We present KelpCoder, ...", a title "KelpCoder: ...") is a
    model when one of its mentions also reads as a model ("KelpCoder models are open", "outperforms
    KelpCoder", "the KELPO 4.0 model series consists of ..."), though none is strong enough alone."""
    out = set()
    introduced = {model_key(mm.span.name) for mm in mentions if mm.introduced and mm.span.name}
    for mm in mentions:
        key = model_key(mm.span.name)
        if key in accepted or key not in introduced or not COINAGE.match(mm.span.name):
            continue
        if (max(scores[key]) >= THRESHOLD - 1 or key in model_like) and min(scores[key]) > VETO:
            out.add(key)
    return out


def _names_one_model(long: str) -> bool:
    """Does a lower-case long form name one model ("segment anything model", "tiny segment anything
    model"), not a class of them ("masked language model", "process reward model")? A model head after two
    words or more, one of them no class word."""
    words = long.lower().split()
    if len(words) < 3 or words[-1] not in model_words().model_heads or words[-1].endswith("s"):
        return False  # (a plural names a class: "large reasoning models (LRM)")
    words = words[:-1]
    return any(w not in model_words().class_words for w in words) \
        and not any(w in ("a", "an", "the", "our", "of", "for", "and", "or") or not (w.isalpha() or "-" in w) for w in words)


def _method_acronyms(doc: Doc) -> set[str]:
    """Keys of acronyms the record defines with a lower-case long form ("depth up-scaling (DUS)"):
    a common noun phrase names a method or a quantity, never a trained model; nor does a long form in
    capitals that names a process ("Diversified Kelp Upcycling (DKU)", "Direct Kelp Optimization")."""
    return {model_key(abbr.short) for abbr, _ in doc.user.get("abbreviations", [])
            if (abbr.long.islower() and not any(c.isdigit() for c in abbr.long) and not _names_one_model(abbr.long))
            or (PROCESS_END.search(abbr.long) and technique_like(abbr.long)
                and family_stem(abbr.short) != abbr.short.lower())}  # not a family named after its training


def _variants_of_accepted(mentions: list[ModelMention], scores: dict[str, list[float]],
                          accepted: set[str], own_families: AbstractSet[str] = frozenset(),
                          methods: AbstractSet[str] = frozenset(), own: AbstractSet[str] = frozenset()) -> set[str]:
    """"We introduce Kelp2, a ... model. We then develop Kelp2-Instruct by ...": a variant word on a
    name the record takes for a model (or on the stem of another variant the record takes for one)
    is a model too, though no sentence says so of it. Any suffix will do on the name of a family the
    paper introduces ("the Kelp family, including Kelp-MoE and Kelp-128K"), and so will the acronym of a
    method the record defines (``methods``: "an Optimized Fern Tuning (OFT) recipe ... Kelp-OFT"); on a
    model the paper introduces (``own``), a capitalised word or tag the text says nothing against
    ("we introduce two specialized variants: Kelp1.5-Video ... and Kelp1.5-UI")."""
    def stem_of(name: str) -> str | None:
        cut = max(name.rfind("-"), name.rfind(" "))
        if cut <= 0:
            return None
        stem, suffix = model_key(name[:cut]), name[cut + 1:]
        tagged = stem in own and suffix[:1].isupper() and suffix.isalpha() and min(scores[model_key(name)]) > -3
        return stem if suffix.lower() in variants() or stem in own_families or tagged \
            or (suffix.isupper() and model_key(suffix) in methods) else None

    # a model itself, or the stem of a model's variant ("Kelp-Chat" makes "Kelp-Base" a model too)
    stems = {stem_of(mm.span.name) for mm in mentions if mm.span.name and model_key(mm.span.name) in accepted} - {None}
    known = accepted | stems
    out = set()
    for mm in mentions:
        name, key = mm.span.name, model_key(mm.span.name)
        if key in accepted or not name or min(scores[key]) <= VETO:
            continue
        if stem_of(name) in known or (key in stems and max(scores[key]) > 0):
            out.add(key)  # "Kelp-Chat" accepted: "the foundation Kelp model" is one too
    return out


def _bases_of_compounds(mentions: list[ModelMention], scores: dict[str, list[float]], accepted: set[str]) -> set[str]:
    """"We open-source our distilled Kelp-Lightning models ... based on Kelp": the model a model's name
    is made from (kg.extract.modelnames.compound_base) is a model too, when the record names it with some
    evidence of its own ("based on Kelp", "+2") and nothing against it."""
    candidates = {model_key(mm.span.name): mm.span.name for mm in mentions if mm.span.name
                  and model_key(mm.span.name) not in accepted and max(scores[model_key(mm.span.name)]) > 0
                  and min(scores[model_key(mm.span.name)]) > VETO}
    if not candidates:
        return set()
    out = set()
    for mm in mentions:
        if mm.span.name and model_key(mm.span.name) in accepted and mm.introduced:
            base = compound_base(mm.span.name, candidates) or tagged_base(mm.span.name, candidates)
            if base:  # "Kelp-UI ... on top of Kelp"
                out.add(model_key(base))
    return out


def _compounds_of_accepted(mentions: list[ModelMention], scores: dict[str, list[float]], accepted: set[str]) -> set[str]:
    """"We propose TernaryKelp, which ternarizes a fine-tuned Kelp": a name the paper introduces, made of
    a model's name and one word of its own (kg.extract.modelnames.compound_base), is a model too, when no
    mention says otherwise ("TernaryKelp, a method ..." vetoes it)."""
    known = {k: k for k in accepted}
    out = set()
    for mm in mentions:
        key = model_key(mm.span.name) if mm.span.name else ""
        if not key or key in accepted or not mm.introduced or min(scores[key]) < 0:
            continue
        if compound_base(mm.span.name, known):
            out.add(key)
    return out


def _sizes_listed(idx: int, text: str) -> list[ModelMention]:
    """Models named by a name and a list of sizes: "X in two sizes, 7B and 13B", "X (7B, 13B and 70B)",
    "the X series: 7B, 40B, and 180B"."""
    if "B" not in text and "M" not in text and "illion" not in text or SIZE_LIST_AT.search(text) is None:
        return []  # every match holds a list of sizes; most sentences hold none
    out = []
    for m in SIZES_LISTED.finditer(text):
        name = m.group("name") or m.group("name5") or m.group("name6")
        if name.lower() in model_words().not_models or name.lower() in STOP_NAMES:
            continue
        if m.group("name6") and (not (family_stem(name) or is_core(name.split()[0]))
                                 or re.search(r"[A-Z][\w-]* $", text[:m.start()])):
            continue  # bare sizes only after a family or a coined name, and not inside a longer one ("Aya Expanse 8B")
        for size in sizes_in(m.group("sizes") or m.group("sizes2") or m.group("sizes3") or m.group("sizes4")
                             or m.group("sizes5") or m.group("sizes6")):
            span = Span(0, 0, f"{name}-{size}" if m.group("name5") else f"{name} {size}")  # as the text writes it
            span.add(THRESHOLD, "one of the sizes listed for a name")
            span.size = size
            scope = _intro_scope(text)  # (asked only of a sentence that lists sizes)
            made = scope and m.start() >= scope[0] and (
                not m.group("name6") or text[scope[0]:m.start()].strip().lower() in ("", "the", "our"))
            # ("based on Kelp 3 4B and 27B": sizes listed bare are the verb's own object only right after it)
            out.append(ModelMention(idx, span, introduced=0.8 if made else 0.0))
    return out


FAMILY_SIZED: Final = re.compile(r"(?<![\w-])(?P<name>[A-Z][A-Za-z]+(?:[- ]?\d+(?:\.\d+)?)?) \((?P<size>\d+(?:\.\d+)?[BbMm])\)")
"""A name and one size in parentheses: "Kelp (7B)", "Kelp 2 (13b)"."""


def _family_sized(idx: int, text: str) -> list[ModelMention]:
    """"we finetuned the smallest variant of Llama (7b)": a known family (and version) with one size in
    parentheses is the family's member of that size ("Llama 7B"); a name of the paper's own with its
    size ("Kelp (7B)") is left as it is."""
    if "(" not in text:
        return []
    out = []
    for m in FAMILY_SIZED.finditer(text):
        name = m.group("name")
        if family_stem(name) != re.match(r"[A-Za-z]+", name).group().lower():  # type: ignore[union-attr]
            continue
        span = Span(0, 0, f"{name} {m.group('size').upper()}")
        span.add(THRESHOLD, "a family's member of the size in parentheses")
        span.size = m.group("size").upper()
        out.append(ModelMention(idx, span, introduced=0.0))
    return out


OUR_MODEL: Final = re.compile(r"\bour (?:\w+ )?model\b(?! (?:of|for|to)\b)", re.IGNORECASE)
""""... the exceptional capabilities of our model", "our final model": the paper's one model, unnamed there."""


def _our_model_named_bare(doc: Doc, mentions: list[ModelMention], scores: dict[str, list[float]],
                          accepted: set[str]) -> ModelMention | None:
    """"We introduce KelpCoder, which empowers Code LLMs with ...", and later "we unveil the capabilities of our
    model": a coined name the authors introduce with no kind, in an abstract that speaks of "our model" and
    introduces no other model, is that model (not where another sentence uses it as a means: a method,
    kg.extract.contributions.means). Introduced as the sentence that names it."""
    if any(mm.introduced and model_key(mm.span.name) in accepted for mm in mentions):
        return None  # the paper introduces a model already: "our model" is that one
    sentences = [doc.clean[i] for i in doc.abstract_sentences()]
    if not any(OUR_MODEL.search(t) for t in sentences):
        return None
    for mm in mentions:
        if not mm.span.name or model_key(mm.span.name) in accepted or min(scores[model_key(mm.span.name)]) <= VETO:
            continue
        text = doc.clean[mm.sentence]
        tokens = doc.user["tokens"][mm.sentence]
        if introduced_bare(text, tokens, accepted) == mm.span.name and not used_as_means(mm.span.name, sentences):
            mm.introduced = max(mm.introduced, 0.7)
            return mm
    return None


TITLE_NAME: Final = re.compile(r"[A-Z\d][\w.+-]*(?: [\w.+-]+)?")
"""A title's name before its colon: one or two words ("Q8Kelp", "Kelp 2", "Kelp-VL Chat")."""
BARE_VERSION: Final = re.compile(r"\d+(?:\.\d+)*")
TITLE_VERSION: Final = re.compile(r"(?P<name>(?P<base>[A-Z][\w-]*(?: [A-Z][\w-]*)?) [vV]?\d+(?:\.\d+)*)\s*:")
""""Kelp 2: ...", "Kelp Chat 1.5: ...": a title opening on a name and its version."""


def _named_again(doc: Doc, by_sentence: dict[int, list[ModelMention]], names: set[str]) -> list[ModelMention]:
    """Mentions of a name accepted as a model in one sentence that no rule caught in another
    ("We present Kelp, a suite of LLMs. Kelp builds on ..."): a name keeps its meaning in a record."""
    out = []
    for idx, text in enumerate(doc.clean):
        have = {model_key(mm.span.name) for mm in by_sentence.get(idx, [])}
        tokens = doc.user["tokens"][idx]
        for name in sorted(names):
            if name not in text or model_key(name) in have:
                continue
            taken = [(o.span.i, o.span.j) for o in by_sentence.get(idx, []) if o.span.j]
            for at in whole_word_starts(name, text):
                i = next((k for k, t in enumerate(tokens) if t.start == at), None)
                j = next((k + 1 for k, t in enumerate(tokens) if t.end == at + len(name)), None)
                if i is not None and j is not None and i < j and all(j <= a or b <= i for a, b in taken) \
                        and not (j < len(tokens) and not tokens[j - 1].trail.strip() and BARE_VERSION.fullmatch(tokens[j].text)):
                    break  # a whole-token mention inside no longer name ("X" in "X - Instruct"), nor the first
                    # word of another version's name ("Tango" in "Tango 2: Aligning ...")
            else:
                continue
            span = Span(i, j, name)
            span.add(THRESHOLD, "named as a model elsewhere in the record")
            mm = ModelMention(idx, span, _introduced(doc, idx, text, tokens, span))
            mms = by_sentence[idx]
            mms.insert(next((k for k, o in enumerate(mms) if o.span.j and o.span.i > i), len(mms)), mm)
            out.append(mm)
            have.add(model_key(name))
    return out


def family_intros(doc: Doc, by_sentence: dict[int, list[ModelMention]]) -> set[str]:
    """Keys of the names the paper introduces, families included ("we introduce ChatQA, a suite of models").

    Every other span was weighed by models() and is in ``by_sentence``: only family-level spans are asked here.
    """
    keys = {model_key(mm.span.name) for mms in by_sentence.values() for mm in mms if mm.introduced}
    for idx, text in enumerate(doc.clean):
        spans, tokens = doc.user["spans"][idx], doc.user["tokens"][idx]
        for span in spans:
            if span.family_level and _introduced(doc, idx, text, tokens, span):
                keys.add(model_key(span.name))
    stated = {model_key(mm.span.name) for mms in by_sentence.values() for mm in mms if mm.introduced >= 0.85
              and (any(c.isdigit() for c in mm.span.name) or mm.span.score >= THRESHOLD)}
    # "Llama 3" in a title may be the model a paper works on; "We introduce Gemma 3" (or "We introduce
    # Kelp LLM, a project ...") is the paper's own
    return {k for k in keys if len(k) >= 4 and (not _family_and_version(k) or k in stated)}


def _family_and_version(key: str) -> bool:
    """"llama3", "gpt4", "qwen2.5": a family with a version names many checkpoints, not this paper's."""
    m = FAMILY_AND_VERSION.match(key)
    return bool(m and family_stem(m.group(1)))


def _introduced_stems(by_sentence: dict[int, list[ModelMention]]) -> set[str]:
    """One-word names the paper itself introduces ("We introduce Kelp, a family of open models")."""
    return {mm.span.name.lower() for mms in by_sentence.values() for mm in mms
            if mm.introduced >= 0.85 and mm.span.name.isalpha()}


def _introduce_namesakes(kept: dict[int, list[ModelMention]], intro_keys: set[str], stems: set[str]) -> None:
    """"Llama3-ChatQA-2-70B" in the paper that introduces "ChatQA 2" is one of its models; so is
    "Kelp 7B" in the paper that introduces the Kelp family (not "Kelp-2 9B", another generation)."""
    for mms in kept.values():
        for mm in mms:
            key = model_key(mm.span.name)
            if mm.introduced or key in intro_keys:
                continue
            stem, _, size = mm.span.name.replace("-", " ").rpartition(" ")
            if any(k in key and k != key for k in intro_keys) or (stem.lower() in stems and SIZE.match(size)) \
                    or (SIZE.match(size) and _plural_of(model_key(stem), intro_keys)):
                mm.introduced = 0.7  # "SeaKelp-13B" in the paper that introduces "SeaKelps" too


def _members_of_own_families(doc: Doc, kept: dict[int, list[ModelMention]], intro_keys: set[str]) -> set[str]:
    """"Kelp includes FooLMs, quantized QuxLMs and ternary LLMs (BarLMs)", said of a family the paper
    introduces: the models it lists are the paper's own, and so are the members it names in the plural
    ("FooLM 830M" later on). Returns those members' stems, lower-cased ("foolm")."""
    verbs = model_words().member_verbs
    stems: set[str] = set()
    for idx, mms in kept.items():
        tokens = doc.user["tokens"][idx]
        for mm in mms:
            i, j = mm.span.i, mm.span.j
            if not j or model_key(mm.span.name) not in intro_keys or i > 1 or (i == 1 and tokens[0].lower not in (
                    "the", "our")):
                continue  # the sentence's subject: "Kelp includes", "The Kelp suite comprises"
            if j < len(tokens) and tokens[j].lower in model_words().family_heads | model_words().model_heads:
                j += 1
            if j + 1 < len(tokens) and (tokens[j].lower.endswith("ly") or tokens[j].lower in ("also", "now")):
                j += 1  # "The Kelp series currently includes"
            if j >= len(tokens) or tokens[j].lower not in verbs or tokens[j - 1].trail.strip():
                continue
            own = family_stem(mm.span.name)
            for t in tokens[j + 1:]:
                word = t.text
                if word[:1].isupper() and len(word) > 3 and word.endswith("s") and word[-2].isupper() \
                        and word[:-1].replace("-", "").isalnum():
                    stems.add(word[:-1].lower())  # "FooLMs": the members of that name
            for other in mms:  # not another known family's checkpoint: "... includes models tuned from Llama 2"
                if other.span.j and other.span.i > j and not other.introduced \
                        and family_stem(other.span.name) in (None, own):
                    other.introduced = 0.8
    return stems


def _plural_of(key: str, intro_keys: set[str]) -> bool:
    """Is the name the singular of a family the paper introduces in the plural ("SeaKelps")?"""
    return len(key) >= 4 and key + "s" in intro_keys


VERSION_OF_BEFORE: Final = re.compile(r"\b(?:version|variant|adaptation|extension|modification) of (?:the )?$", re.IGNORECASE)


def _share_introduction(mms: list[ModelMention], tokens: list[Token], text: str) -> None:
    """Names listed together share their introduction: "including A, B, and C", "X and Y models"."""
    spans = [mm.span for mm in mms if mm.span.j > mm.span.i]
    groups = coordinate(spans, tokens)
    by_span = {id(mm.span): mm for mm in mms}
    for group in groups:
        members = [by_span[id(s)] for s in group if id(s) in by_span]
        if len(group) == 2 and KIND_THEN_PARTICIPLE.match(text[tokens[group[1].j - 1].end:][:120]):
            continue  # "X, Y models finetuned on ...": Y is what X was made from, not a second new model
        if len(group) == 2 and VERSION_OF_BEFORE.search(text, 0, tokens[group[0].i].start):
            continue  # "a variant of Y, X": X names the variant, Y is what it is a variant of
        best = max((m.introduced for m in members), default=0.0)
        if best:
            for m in members:
                m.introduced = m.introduced or round(best * 0.95, 3)
    # "We release the X family, including A, B, and C": the list after "including" of an introduced name
    intro_end = max((tokens[mm.span.j - 1].end for mm in mms if mm.introduced and mm.span.j), default=None)
    if intro_end is None:
        return
    # "We present A, a small model trained on 11T tokens, and B.": the last object after an appositive
    first_intro = next((mm for mm in mms if mm.introduced and mm.span.j), None)
    for mm in mms:
        i = mm.span.i
        if mm.introduced or not mm.span.j or first_intro is None or i < first_intro.span.j + 2:
            continue
        closes = mm.span.j == len(tokens) or tokens[mm.span.j - 1].trail.strip()[:1] in (".", ";") or (
            tokens[mm.span.j - 1].trail.strip() == "," and tokens[mm.span.j].lower in ("a", "an"))
        # (or its own appositive follows: "... A, a 1B model for code, and B, a 7B model for math")
        between = tokens[first_intro.span.j:i]
        if tokens[i - 1].lower == "and" and tokens[i - 2].trail.strip() == "," and closes \
                and not any(t.lower.strip(".,") in COMPARISON for t in between):
            mm.introduced = round(first_intro.introduced * 0.9, 3)
    for group in groups:
        first = tokens[group[0].i]
        gap = text[intro_end:first.start].lower()
        if len(gap) < 60 and CUES.list_opens.search(gap):
            for s in group:
                listed = by_span.get(id(s))
                if listed and not listed.introduced:
                    listed.introduced = 0.85


ALIAS_PAREN: Final = re.compile(r"^\s*\(([^()]{2,40}?)(?:\s+for (?:brevity|short))?\)")
ALIAS_OR: Final = re.compile(r"^,?\s+or\s+(?:simply\s+)?([^\s,;()]+(?: [^\s,;()]+)?) for (?:brevity|short)\b")
""""Kelp-3-Nanda-10B-Chat, or Nanda for short, ...": the model's short name."""


def _long_form_tails(doc: Doc, accepted: set[str]) -> dict[str, str]:
    """Names that end a model acronym's long form, with that long form: "BERT" of "Hidden-unit BERT (HuBERT)"."""
    out: dict[str, str] = {}
    for abbr, _ in doc.user.get("abbreviations", []):
        words = abbr.long.split()
        if model_key(abbr.short) in accepted and len(words) > 1:
            out[words[-1]] = abbr.long
    return out


def _only_in(long: str, name: str, text: str) -> bool:
    """Is every whole-word ``name`` of ``text`` the end of ``long``? ("Distillation of Hidden-unit BERT")"""
    found = whole_word_starts(name, text)
    return bool(found) and all(_inside_long_form(long, name, text, at) for at in found)


def _inside_long_form(long: str | None, name: str, text: str, pos: int) -> bool:
    """Is ``name`` at ``pos`` only the end of a longer long form ("Hidden-unit BERT (HuBERT)": BERT is no
    other name of HuBERT; the long form is)?"""
    return long is not None and len(long) > len(name) and long.endswith(name) \
        and text[max(0, pos + len(name) - len(long)):pos + len(name)] == long


def _declared_aliases(doc: Doc, kept: dict[int, list[ModelMention]]) -> None:
    """"Mistral-NeMo-Minitron-8B (MN-Minitron-8B for brevity)": two names of one model."""
    long_of = {abbr.short: abbr.long for abbr, _ in doc.user.get("abbreviations", [])}
    for idx, mms in kept.items():
        text = doc.clean[idx]
        names = {mm.span.name for mm in mms}
        for mm in mms:
            pos = text.find(mm.span.name)
            if pos < 0:
                continue
            m = ALIAS_PAREN.match(text[pos + len(mm.span.name):])
            if m is None and (m := ALIAS_OR.match(text[pos + len(mm.span.name):])) and m.group(1)[:1].isupper():
                names = names | {m.group(1)}  # (a short name given so is a name, whatever else it reads as)
            if m and m.group(1) in names and m.group(1) != mm.span.name \
                    and not _inside_long_form(long_of.get(m.group(1)), mm.span.name, text, pos):
                doc.aliases.append(Alias("model", mm.span.name, m.group(1)))
    # "Kelp Video 3D (KV3D) - a latent video diffusion model": the acronym is the model, its title-case
    # long form another name of it
    accepted = {model_key(mm.span.name) for mms in kept.values() for mm in mms}
    for abbr, _ in doc.user.get("abbreviations", []):
        if model_key(abbr.short) in accepted and abbr.long[:1].isupper() \
                and not any(a.name == abbr.short and a.alias == abbr.long for a in doc.aliases):
            doc.aliases.append(Alias("model", abbr.short, abbr.long))
