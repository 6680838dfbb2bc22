"""Find model names in a sentence and say how sure we are that each is a model.

The algorithm, in three pure steps:

1. ``candidate_spans``: runs of name-like tokens. A run starts at a *core*
   token (a known family stem such as "Llama", a CamelCase or ALL-CAPS word,
   a letters-and-digits word, a hyphenated compound with a capital) and takes
   in sizes ("15B", "8x7B"), versions ("3.1", "V2"), variant words
   ("Instruct", "Base", " - chat") and a leading capitalised word before a
   family stem ("Music Flamingo"). "Qwen-2.5-7B/72B" is split in two.
2. ``score_span``: evidence for and against "this is a trained model":
   a size or family stem in the name, a model head noun after it ("X
   model", "X LLM"), an appositive ("X, a ... language model", "the
   resulting model, X", "X is a ... model"); against: a non-model head
   ("X architecture", "X dataset", "X GPUs"), hardware and number formats
   ("H100", "FP8"), generic acronyms ("LLM", "RAG").
3. Coordination: names listed together ("A, B and C") share their evidence.

Limits are linear: every step walks the token list a bounded number of times.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib import resources
from typing import Final

from kg.extract import roles
from kg.extract.abbreviations import spelled_by_initials
from kg.extract.lexicon import lexicon
from kg.extract.prefilter import Searcher, gated
from kg.extract.sizes import (  # noqa: F401  (size_of, parameters: read here by older callers)
    COUNT, SIZE, SIZE_ADJECTIVE, SIZE_AT_END, SIZE_IN_NAME, SIZE_PART, counted_thing, parameters, size_of,
)
from kg.extract.tokens import DASH_TOKENS, Token, closing_parenthesis, tokenize
from kg.extract.words import SEPARATOR
from kg.keys import model_key

THRESHOLD: Final = 3.0
APPOSITIVE_WINDOW: Final = 16
"""Words an appositive may run before its head noun ("X, a 15-billion-parameter ... model")."""

VERSION: Final = re.compile(r"^(?:[vV]?\d+(?:\.\d+)*[a-z]?(?:-[A-Z]{1,3})?|[vV]\d+(?:\.\d+)*)$")
HARDWARE: Final = re.compile(r"^(?:[A-Z]{1,2}[1-9]\d{1,3}[A-Z]?|[A-Z]\d{1,2}[A-Z]|TPUv?\d*|GPUs?)$")
""""A100", "RTX" parts, "T4": an accelerator (its number never opens on 0: "GR00T" is a name)."""
NUMBER_FORMAT: Final = re.compile(r"^(?:NV|MX)?(?:FP|BF|INT|E\dM)\d+$", re.IGNORECASE)
DATEISH: Final = re.compile(r"^\d{4}(?:-\d{2}){0,2}$")
PLURAL_ACRONYM: Final = re.compile(r"^[A-Z]{2,}s$")
SUFFIXES: Final = ("-based", "-style", "-like", "-class", "-type", "-family", "-sized", "-series", "-powered", "-level",
            "-quality", "-scale", "-centric", "-centered", "-centred", "-oriented", "-focused", "-specific",
            "-generated", "-annotated", "-synthesized", "-labeled", "-labelled", "-written")
"""Suffixes peeled off a name: "Llama3-based model" names Llama3, "Kelp-4-level accuracy" Kelp-4,
"Kelp-4-generated judgments" Kelp-4."""
MEASURE_SUFFIXES: Final = ("-level", "-quality", "-scale", "-centric", "-centered", "-centred", "-oriented", "-focused",
                    "-specific")
"""Suffixes of a measure or a focus: only a name with a digit before one is a model's ("GPT-4-level", not
"Internet-scale", "a Hindi-centric LLM")."""
STOP_PREFIX: Final = frozenset(
    "the a an our we this these that those its their it they both each all any some using applying "
    "with in on for and or of to from by as at unlike compared recent existing "
    "leading open new novel larger smaller similar strong stronger state-of-the-art proprietary public "
    "several many most other such than over like via into when while where which last "
    "beyond besides despite after before during through within without across toward towards upon among".split()
) | lexicon().connectives


@lru_cache(maxsize=1)
def _words() -> dict:
    return json.loads(resources.files("kg.extract").joinpath("patterns/model_words.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def families() -> frozenset[str]:
    text = resources.files("kg.extract").joinpath("patterns/families.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


@dataclass(frozen=True)
class ModelWords:
    """The words of patterns/model_words.json that say whether a name is a model, typed once."""

    variants: frozenset[str]
    """Words a name may end with and stay one model's name: "Instruct", "Base", "Chat" (lower case)."""
    model_heads: frozenset[str]
    """Nouns after or about a name that make it a model: "X model", "X, an LLM"."""
    non_model_heads: frozenset[str]
    """Nouns that make it something else: "X dataset", "X architecture"."""
    family_heads: frozenset[str]
    """Nouns that make it a family of models: "the X family", "X series"."""
    not_models: frozenset[str]
    """Terms never taken for a model's name: "LLM", "RLHF", "GPU" (lower case)."""
    making_nouns: frozenset[str]
    """Nouns of making a thing: "we describe the development of X" presents X as "we develop X" would."""
    class_words: frozenset[str]
    """Words of a long form that name a class of models, not one: "masked language model (MLM)", "reward
    model (RM)"; a lower-case long form with another word names one ("segment anything model (SAM)")."""
    training_nouns: frozenset[str]
    """Nouns of training: "we describe the training of X" presents X when X is a coined name, not a
    known family's checkpoint ("the training of Falcon-7B" is studied)."""
    variant_nouns: frozenset[str]
    """"our initial variant (KM-Q)": nouns a sentence calls the paper's model's tagged siblings by."""
    variant_prefixes: frozenset[str]
    """Variant words that may open a name before another name: "Code Kelp", "CODE KELP 2" (lower case)."""
    member_verbs: frozenset[str]
    """"Kelp includes FooLMs and BarLMs": verbs by which a family says what it holds."""


@lru_cache(maxsize=1)
def model_words() -> ModelWords:
    w = _words()
    return ModelWords(variants=frozenset(v.lower() for v in w["variants"]), model_heads=frozenset(w["model_heads"]),
                      non_model_heads=frozenset(w["non_model_heads"]), family_heads=frozenset(w["family_heads"]),
                      not_models=frozenset(n.lower() for n in w["not_models"]),
                      making_nouns=frozenset(w["making_nouns"]), class_words=frozenset(w["class_words"]),
                      training_nouns=frozenset(w["training_nouns"]), variant_nouns=frozenset(w["variant_nouns"]),
                      variant_prefixes=frozenset(w["variant_prefixes"]), member_verbs=frozenset(w["member_verbs"]))


@dataclass(frozen=True)
class NameCues:
    """The expressions of patterns/model_words.json ("expressions") the name rules read around a name,
    compiled once: one field each, so that no rule holds its own copy of cue words."""

    someone_elses: Searcher
    """"the recently introduced X", "a widely released X": the verb is an adjective of someone else's model."""
    result_before: Searcher
    """Just before a name: "the resulting model, X", "the resulting model, called X", "our model X", "the resulting
    lightweight encoder is termed X"."""
    made_before: Searcher
    """Just before a name: what a step made ("..., creating X", "to obtain X", "we align Y ...; the aligned model, X")."""
    subject_of_making: Searcher
    """The authors are the ones making it ("We perform ...", "To adapt it, we ...")."""
    our_model_after: Searcher
    """Just after a name: "X, our new model"."""
    model_subject: Searcher
    """A sentence whose subject is the authors' model and whose verb a comparison: "Our model outperforms X",
    "The proposed LLM surpasses X": what a model beats is a model (what "our method" beats is a method)."""
    list_opens: Searcher
    """Just before a list of names: "including", "namely", "comprising": the members of what was named before."""
    built_from: Searcher
    """"built upon the open-source VLMs, X": a parent after the words that say what a model was made from
    (not "a variant of the model, X", where X names the variant)."""
    version_of_after: Searcher
    """"X: A Lightweight Version of Y", "X, a distilled variant of Y": what is a version of a model is a model."""
    report_after: Searcher
    """A title that is a name and "Technical Report": the report of the model it names."""
    extends_a_thing: Searcher
    """"X, expanding the Y benchmark": what X extends says what X is."""
    parameters_after: Searcher
    """"X (770M parameters)", "X (7.6B total / 2.4B activated)": a count of parameters is said of a model."""
    trained_on_tokens: Searcher
    """"X is trained on 2T tokens", "X, trained on 4T tokens": what is trained on tokens is a model."""
    made_from: Searcher
    """Just before a name: "fine-tuned from", "by distilling", "built on top of", "a version of": what a model
    is made from is a model."""
    made_into: Searcher
    """"X can be distilled into much smaller Y models": what another model is made from is a model."""
    called_model_before: Searcher
    """Just before a name: "We call the resulting model X", "we name our final checkpoint X", a sentence that opens
    "The resulting model X achieves ..."."""
    referred_as: Searcher
    """Just before a name: "We refer to the model after CPT as X", "We introduce the LLM developed through this
    strategy as X": the authors name their model."""
    beats_models: Searcher
    """"X consistently outperforms all previous Code LLMs": what is measured against models is a model."""
    trained_network: Searcher
    """"X, a trained Transformer that ...": a network with weights is a model, whatever its architecture's name."""
    trained_object: Searcher
    """Before a name: what is trained ("a dataset of 100,000 pairs used to train X", "we first train X on ...")."""
    is_trained: Searcher
    """After a name: "X is trained by corrupting text ...", "X was pretrained on ...": only what has weights is trained."""
    made_from_later: Searcher
    """"X, a method ... that is derived from Y": X has weights; it is a model."""


@lru_cache(maxsize=1)
def name_cues() -> NameCues:
    def compiled(spec: dict) -> Searcher:
        rx = re.compile(spec["re"], re.IGNORECASE if spec["ignore_case"] else 0)
        return gated(rx) if spec.get("gated") else rx
    return NameCues(**{k: compiled(v) for k, v in _words()["expressions"].items() if not k.startswith("_")})


CUES: Final = name_cues()


def variants() -> frozenset[str]:
    return model_words().variants


def not_models() -> frozenset[str]:
    return model_words().not_models


@lru_cache(maxsize=1)
def _family_labels() -> dict[str, str]:
    text = resources.files("kg.extract").joinpath("patterns/families.txt").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            out.setdefault(line.strip().lower(), line.strip())
    return out


def family_label(name: str) -> str | None:
    """The well-known family a model name shows ("Llama-3.1-70B-Instruct" -> "Llama"), if any."""
    stem = family_stem(name)
    return _family_labels().get(stem) if stem else None


def _parts(text: str) -> list[str]:
    return [p for p in SEPARATOR.split(text) if p]


STEM_AND_VERSION: Final = re.compile(r"([a-z]+)[\d.]")
"""A family stem run into its version: "llama3", "qwen2.5"."""


@lru_cache(maxsize=65536)
@lru_cache(maxsize=1)
def two_word_families() -> frozenset[str]:
    """Families whose stem is two words ("Stable Diffusion"): read as one token would be."""
    return frozenset(f for f in families() if " " in f)


@lru_cache(maxsize=65536)
def family_stem(text: str) -> str | None:
    """The family stem a token starts with or contains as a part ("Llama3-ChatQA" -> "llama").

    Cached: the same words come back in sentence after sentence, record after record."""
    fams = families()
    low = text.lower()
    for two in two_word_families():
        if low == two or low.startswith((two + " ", two + "-")):
            return two  # "Stable Diffusion 3", "Stable Diffusion-XL"
    for part in [low, *(_parts(low))]:
        if part in fams:
            return part
        m = STEM_AND_VERSION.match(part)
        if m and m.group(1) in fams:
            return m.group(1)
        if m and m.group(1).endswith("v") and m.group(1)[:-1] in fams:
            return m.group(1)[:-1]  # "yolov7": a stem, "v" and its version
    if text.islower():
        return None  # no capital: no word run into another, below or in _stem_run_into_variant
    if joined := _stem_run_into_variant(text):
        return joined
    for k in range(1, len(low) - 2):  # "OpenStarling", "MedStarling2": a capitalised word run into a stem
        if text[k:k + 1].isupper() and text[k - 1:k].islower():
            m = STEM_AND_VERSION.match(low[k:] + " ")
            first = _parts(low[k:])[0]  # "MiniGPT-4", "VideoLLaMA-2": the stem, then its version after a dash
            stem = low[k:] if low[k:] in fams else (m.group(1) if m and m.group(1) in fams else
                                                    first if first in fams and first != low[k:] else None)
            if stem:
                return stem
            head = low[:k].split("-")[-1]
            if len(head) >= 4 and head in fams and text[k:].split("-")[0].isalpha():
                return head  # "StarlingMath-Base": a stem run into a capitalised word
    return None


def _stem_run_into_variant(text: str) -> str | None:
    """"StarlingBase", "TinyStarling" -> "starling": a family stem and a variant word written as one
    word, the second starting with a capital."""
    fams, low = families(), text.lower()
    for k in range(len(low) - 2, 1, -1):
        if text[k:k + 1].isupper() and ((low[:k] in fams and low[k:] in variants())
                                        or (low[k:] in fams and low[:k] in variants())):
            return low[:k] if low[:k] in fams else low[k:]
    return None


SHARED_UNIT: Final = re.compile(r"(?P<nums>\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)+)(?P<unit>[BMKbmk])(?P<tail>-[A-Za-z][\w-]*)?")
""""13/70B", "13/70B-chat": sizes sharing one unit (and a variant) after a name."""
APOSTROPHE_YEAR: Final = re.compile(r"['\u2019]\d{2}$")
LOWER_HUB_NAME: Final = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9.]+){2,}")
VERSION_TAG: Final = re.compile(r"v\d+(?:\.\d+)*")
LOWER_VERSIONED: Final = re.compile(r"[a-z]{1,3}\d+(?:\.\d+)?(?:-[\w.]+)+")
""""k1-32B": a short lower-case stem run into its version, then parts."""
SIZE_RANGE: Final = re.compile(r"\d[\w.]*[BMbm]-\d[\w.]*[BMbm]")
LOWER_PREFIX_VERSIONED: Final = re.compile(r"[a-z]{1,2}[A-Z][A-Za-z]*\d[\w.]*")
LOWER_WORD_RUN_IN: Final = re.compile(r"[a-z]{3,6}[A-Z][a-z]{2,}[A-Za-z0-9]*")
LETTER_BEFORE_ACRONYM: Final = re.compile(r"[a-z][A-Z]{2,}[A-Za-z]*(?:-v\d+(?:\.\d+)*)?")
WORD_THEN_VERSION: Final = re.compile(r"[a-z]{3,}-v\d+(?:\.\d+)*")
"""is_core's shapes, compiled once (the module-level re functions look each one up on every call)."""


@lru_cache(maxsize=65536)
def is_core(text: str) -> bool:
    """Could this word start a model name on its own?"""
    if text.isascii() and text.isalpha() and text.islower():  # a plain lower-case word ("learning", "llama"):
        # only a family stem makes it one (every other shape below needs a digit, a capital or a hyphen)
        return len(text) >= 2 and text not in not_models() and bool(family_stem(text))
    if len(text) < 2 or text.lower() in not_models() or HARDWARE.match(text) or NUMBER_FORMAT.match(text):
        return False
    if DATEISH.match(text) or not any(c.isalpha() for c in text) or not text[0].isalnum():
        return False
    if SIZE.match(text) or SIZE_ADJECTIVE.search(text) or "://" in text or text.startswith("www.") \
            or COUNT.match(text):
        return False
    if text[0].isdigit() and "+" in text:
        return False  # "2+DPO": the tail of a name ("Kelp 2+DPO"), never a name by itself
    if SIZE_RANGE.fullmatch(text):
        return False  # "7B-13B": a range of sizes
    if "/" in text and all(SIZE.match(p) for p in text.split("/") if p):
        return False  # "56B/47B": sizes, not a name
    if SHARED_UNIT.fullmatch(text) or APOSTROPHE_YEAR.search(text):
        return False  # "13/70B": sizes; "WMT'22": an event and its year
    if PLURAL_ACRONYM.match(text):
        return False  # a plural acronym ("LLMs", "PLMs") names a class of things, not one model
    if family_stem(text):
        return True
    letters = [c for c in text if c.isalpha()]
    has_digit = any(c.isdigit() for c in text)
    upper_inside = any(c.isupper() for c in text[1:])
    if "-" in text and text[0].islower() and any(SIZE.match(p) for p in _parts(text)) and len(letters) >= 3:
        return True  # "kestrel-9b-it": a lower-case checkpoint name with its size, as hubs write them
    if LOWER_HUB_NAME.fullmatch(text) and len(letters) >= 8 \
            and any(p[:1].isdigit() or VERSION_TAG.fullmatch(p) for p in _parts(text)[1:]):
        return True  # "kelp-embed-text-v1", "text-embedding-3-small": a hub's lower-case name with a version
    if LOWER_VERSIONED.fullmatch(text) and (any(SIZE.match(p) for p in _parts(text)[1:])
                                            or any(p.lower() in variants() for p in _parts(text)[1:])):
        return True  # "k1-32B", "k2-instruct": a short lower-case name and version with a size or variant
    if LOWER_PREFIX_VERSIONED.fullmatch(text):
        return True  # "mT5", "xLSTM2": a lower-case prefix on a capitalised name with a version
    if LOWER_WORD_RUN_IN.fullmatch(text):
        return True  # "openKelpo": a lower-case word run into a capitalised name
    if LETTER_BEFORE_ACRONYM.fullmatch(text) and not text.endswith(("RNA", "DNA")):
        return True  # "mKELPO", "mBERThez", "xKAM-v0.1": a one-letter prefix on an acronym-led name (not "mRNA")
    if WORD_THEN_VERSION.fullmatch(text):
        return True  # "embed-v3": a hub's lower-case word and its version
    if not text[0].isupper() and not (text[0].isdigit() and upper_inside):
        return False
    if "-" in text:
        parts = _parts(text)
        if len(parts) >= 2 and parts[-1].lower() in variants() and parts[0][:1].isupper():
            return True  # "Kelp-Chat", "Kelp-Base": a coined stem and a variant word
        title_case_words = all(p[0].isupper() and p[1:].islower() for p in parts if p[0].isalpha())
        return len(parts) >= 2 and (has_digit or (upper_inside and not title_case_words))
    if all(c.isupper() for c in letters) and len(letters) >= 2:
        return True
    return upper_inside or (has_digit and len(letters) >= 1)


@dataclass
class Span:
    """A candidate model name: tokens ``[i, j)`` of a sentence."""

    i: int
    j: int
    name: str
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    family_level: bool = False
    size: str | None = None
    suffix: str | None = None
    """A suffix peeled off the name ("-based" in "Llama3-based")."""

    def add(self, points: float, why: str) -> None:
        self.score += points
        self.reasons.append(f"{points:+g} {why}")

    @property
    def is_model(self) -> bool:
        return self.score >= THRESHOLD and not self.family_level


def _joined(tokens: list[Token], i: int, j: int, text: str) -> str:
    return text[tokens[i].start:tokens[j - 1].end]


MARKUP: Final = re.compile(r"[\[\]{}<>]")
COUNTED: Final = re.compile(r"\d+(?:\.\d+)?[KMBT]?-(?:words?|tokens?|hours?|samples?|examples?|images?|steps?|shots?|turns?|"
                     r"layers?|dimensions?|languages?|tasks?|days?|pages?)", re.IGNORECASE)
""""10M-word", "1K-sample": a count of things written before them, never a name."""


def _counted_things(name: str) -> bool:
    """"2.5M-instance", "50K-query": a count and a plain word that is no variant of a model ("7B-chat" may be
    one's name)."""
    return (thing := counted_thing(name)) is not None and thing not in variants() and thing.rstrip("s") not in variants()


TITLE_LEADS: Final = frozenset("introducing presenting meet announcing unveiling".split())
""""Introducing Kelpo: A Fine-Tuned ... Model": a title's lead word before the name, not part of it."""


@lru_cache(maxsize=65536)
def _may_start(word: str) -> bool:
    """Could a span start at this word? Not at "the", "model": most words are lower-case and no family stem
    (but "kelp0", "kelp-1", "xKelp": a lower-case coined name, which only its appositive can make a model)."""
    return word[0].isupper() or word[0].isdigit() or is_core(word) or _lower_coined(word)


LOWER_COINED: Final = re.compile(r"[a-z]{3,}-?\d+(?:\.\d+)?|[a-z][A-Z][a-z]{2,}[A-Za-z]*")
""""kelp0", "kelp-1", "xKelp": a lower-case word run into a number, or one letter before a capitalised word."""


@lru_cache(maxsize=65536)
def _lower_coined(word: str) -> bool:
    return LOWER_COINED.fullmatch(word.rstrip(",.;:")) is not None and word.lower() not in not_models() \
        and not HARDWARE.match(word) and not NUMBER_FORMAT.match(word) and not SIZE.match(word)


def candidate_spans(tokens: list[Token], text: str) -> list[Span]:
    var = variants()
    spans: list[Span] = []
    n = len(tokens)
    i = 0
    while i < n:
        t = tokens[i]
        start = i
        if not _may_start(t.text):
            i += 1
            continue
        if SIZE.match(t.text) and i + 1 < n and not t.trail and is_core(tokens[i + 1].text) \
                and family_stem(tokens[i + 1].text):
            start, i = i, i + 1  # "a 43B GPT model": size written before the name
        elif i + 1 < n and not t.trail and f"{t.lower} {tokens[i + 1].lower}" in two_word_families():
            start, i = i, i + 1  # "Stable Diffusion 3": a two-word family, then its versions and sizes
        elif i + 2 < n and not t.trail and not tokens[i + 1].trail and t.text[:1].isupper() and t.text.isalpha() \
                and t.lower not in STOP_PREFIX and t.lower not in not_models() \
                and f"{tokens[i + 1].lower} {tokens[i + 2].lower}" in two_word_families():
            start, i = i, i + 2  # "Segmind Stable Diffusion": a word before a two-word family names a new one
        elif not is_core(t.text):
            # a capitalised word leading into a family stem: "Music Flamingo", "Audio Flamingo 3"
            leads_in = (i + 1 < n and t.text[:1].isupper() and t.text.isalpha() and not t.trail
                        and t.lower not in STOP_PREFIX and t.lower not in not_models()
                        and not tokens[i + 1].lead)
            if leads_in and i == 0 and is_core(tokens[1].text) and tokens[1].trail.strip() == ":" \
                    and tokens[1].text[:1].isupper():
                start, i = i, i + 1  # a title's "Grounding KELP: ...": two words before the colon, one name
            elif leads_in and _after_name_cue(tokens, i) and is_core(tokens[i + 1].text) \
                    and tokens[i + 1].text[:1].isupper():
                start, i = i, i + 1  # "an object detector, called Grounding KELP, ...": the name a cue gives, whole
            elif leads_in and family_stem(tokens[i + 1].text) and ("-" not in tokens[i + 1].text or (
                    _stem_and_variants(tokens[i + 1].text) and not t.lower.endswith(("ing", "ed")))):
                start, i = i, i + 1  # "Music Flamingo", "Code Kelp-Instruct"
            elif leads_in and t.lower in var and i + 2 < n and _capitalised(tokens[i + 1]) \
                    and not tokens[i + 1].trail and VERSION.match(tokens[i + 2].text):
                start, i = i, i + 1  # "Code Kelp 2": a variant word before a coined name and its version
            elif leads_in and t.lower in model_words().variant_prefixes and _capitalised(tokens[i + 1]) \
                    and _coinable(tokens[i + 1].text.split("-")[0], tokens[i + 1].lower.split("-")[0]) \
                    and ((i + 2 < n and tokens[i + 2].lower in model_words().model_heads) or _stem_and_variants(tokens[i + 1].text)
                         or (i + 2 < n and tokens[i + 1].trail.strip() in ("", ",") and tokens[i + 2].lower in ("and", "or"))
                         or roles.role_of(text, t.start, tokens[i + 1].end) is not None):
                start = i  # "Code Kelp models", "Code Kelp-Instruct": a variant word opening a coined name
            elif leads_in and (SIZE.match(tokens[i + 1].text.split("-")[0]) or _version_then_size(tokens, i + 1)) \
                    and (i > 0 or not t.lower.endswith(("ing", "ed"))):
                start = i  # "Retro 48B", "Kelp 7B and ...": a capitalised name with its size
            elif leads_in and tokens[i + 1].lower in SIZE_TIERS and _capitalised(tokens[i + 1]) \
                    and t.lower not in CLASS_WORDS and (i + 2 >= n or tokens[i + 1].trail.strip() or tokens[i + 2].lead
                                                         or not tokens[i + 2].text[:1].isupper()):
                start = i  # "Magistral Small (Apache 2.0)", "Kelp Medium": a coined word and its tier
            elif leads_in and _version_then_model_cue(tokens, i + 1, text):
                start = i  # "Orca 2 models are created by fine-tuning ...": a name, its version, a model cue
            elif (multi := _words_before_model_head(tokens, i)):
                # "we introduce the Polyglot Korean models": two or three capitalised words between the
                # authors' verb with "the" and a plural model head
                spans.append(Span(i, multi, _joined(tokens, i, multi, text)))
                i = multi
                continue
            elif (multi := _words_before_appositive(tokens, i)):
                # "We present Brisk Otter, an open ... model": two or three capitalised words, named
                # by an introducing verb, and the appositive decides
                spans.append(Span(i, multi, _joined(tokens, i, multi, text)))
                i = multi
                continue
            elif t.text[:1].islower() and _lower_coined(t.text) and (
                    (appositive := _before_appositive(tokens, i)) and model_appositive_head(tokens, appositive)
                    or (i >= 2 and tokens[i - 1].trail.strip() == "," and tokens[i - 1].lower in model_words().model_heads
                        and t.trail.strip() in (",", "", "."))):
                # "We introduce kelp-1, a new large language model", "a new foundation model, kelp0, capable of ..."
                spans.append(Span(i, i + 1, t.text))
                i += 1
                continue
            elif (t.text[:1].isupper() and t.text.replace("-", "").isalpha()
                  and t.lower not in STOP_PREFIX and t.lower not in not_models()
                  and not (i > 0 and tokens[i - 1].text[:1].isupper() and not tokens[i - 1].trail.strip()
                           and tokens[i - 1].lower not in TITLE_LEADS)
                  and (appositive := _before_appositive(tokens, i))):
                # "We present Quokka, a ... model", "Quokka 2, a ...": the appositive decides
                spans.append(Span(i, appositive, _joined(tokens, i, appositive, text)))
                i = appositive
                continue
            elif (i >= 2 and t.text[:1].isupper() and t.text.replace("-", "").isalpha() and tokens[i - 1].lower in NAME_CUES
                  and tokens[i - 1].text.islower()
                  and t.lower not in STOP_PREFIX and t.lower not in not_models()
                  and _named_what(tokens, i - 1, model_words().model_heads, model_words().non_model_heads) == "model"):
                start = i  # "our best model family, which we name Quokka": what the cue names decides
            elif (t.text[:1].isupper() and t.text.replace("-", "").isalnum() and t.lower not in STOP_PREFIX
                  and t.lower not in not_models() and not _modifies_next(tokens, i)
                  and _example_of_models(tokens, i, model_words().model_heads)):
                start = i  # "LLMs like Falcon, Vireo, and Kelpa": every name the example list gives (not
                # "models like Vision Transformers", "such as RLHF and Constitutional AI": a word of a longer term)
            elif (_called_a_model(tokens, i, text) and t.text[:1].isupper()
                  and t.text.replace("-", "").isalpha() and t.lower not in STOP_PREFIX
                  and t.lower not in not_models()):
                start = i  # "We call the resulting model Quokka"
            elif t.text.replace("-", "").isalnum() and _may_be_coined(t, text) and _has_role(tokens, i, text):
                start = i  # "... to obtain Kelp 2", "Kelp, fine-tuned from X": a name in a derivation's role
            elif i > 0 and t.text.isalpha() and not t.trail.strip() and _may_be_coined(t, text) \
                    and i + 2 < n and tokens[i + 1].lower == "and" and tokens[i + 2].text[:1].isupper():
                start = i  # "We introduce Kelp and Vega-2, two ...": listed with a name, so coordination decides
            elif i >= 2 and tokens[i - 1].trail.strip() == "," and tokens[i - 1].lower in model_words().model_heads \
                    and any(x.lower in ("our", "the", "a", "an") for x in tokens[max(0, i - 8):i - 1]) \
                    and _may_be_coined(t, text) and t.trail.strip() in (",", "", "."):
                start = i  # "our proposed MLLM, Quokka, outperforms ...": the name a model head's apposition gives
                # ("... to train our specialized clinical large language model, Asclepius.": at the sentence's end too)
                # (not a Title Case title's "A Large Language Model, Instruction Data and ...")
            elif i > 0 and tokens[i - 1].lower in ("the", "our") and _coinable(t.text, t.lower) \
                    and (_named_family_of_models(tokens, i + 1) or (
                        i + 2 < n and tokens[i + 1].lower in model_words().model_heads and not t.trail
                        and not tokens[i + 1].trail and _named_family_of_models(tokens, i + 2))):
                spans.append(Span(i, i + 1, t.text))  # "we introduce the Kelp family, a set of open legal LLMs",
                # "the Kelp LLM suite consisting of 54 language models"
                i += 1
                continue
            elif t.text[:1].isupper() and not t.trail.strip() and COINED.match(t.text) and MADE_AFTER.match(text, t.end):
                spans.append(Span(i, i + 1, t.text))  # "Heron-Math adopts X as its base model"
                i += 1
                continue
            elif i == 0 and t.trail.strip() == ":" and "-" in t.text and t.text[:1].isupper() \
                    and t.text.replace("-", "").isalpha() and _subtitle_names_models(tokens, 1, model_words().model_heads):
                spans.append(Span(0, 1, t.text))  # "Kelp-Med: Multi-stage ... Medical Large Language Model": the title
                i += 1                             # names its model, hyphenated words in Title Case as they may be
                continue
            else:
                i += 1
                continue
        j = i + 1
        last = tokens[i]
        while j < n and not last.trail.strip() and not tokens[j].lead:
            nxt = tokens[j]
            if nxt.text in DASH_TOKENS and j + 1 < n and tokens[j + 1].lower in var \
                    and not (j + 2 < n and _capitalised(tokens[j + 2]) and not tokens[j + 1].trail.strip()):
                # "Kelp 8x7B - Instruct", not "Kelps - Large Language Models" (a subtitle)
                j += 2  # "Mixtral 8x7B - Instruct", "Llama 2 70B - chat"
                last = tokens[j - 1]
                continue
            if SIZE.match(nxt.text.split("-")[0]) or (VERSION.match(nxt.text) and len(nxt.text) <= 6) or \
                    (j == i + 1 and LETTER_VERSION.fullmatch(nxt.text) and last.text[:1].isupper()) or \
                    (j == i + 1 and CAPITAL_VERSION.fullmatch(nxt.text) and is_core(last.text)
                     and family_stem(nxt.text) is None) or \
                    (VERSION_SUFFIXED.fullmatch(nxt.lower) and family_stem(last.text) is not None) or \
                    VERSION_SIZE.fullmatch(nxt.text) or SIZE_AND_TOKENS.fullmatch(nxt.text) or \
                    SHARED_UNIT.fullmatch(nxt.text) or \
                    VERSION_PLUS.match(nxt.text) or \
                    _version_and_variant(nxt.text, var) or _version_and_tag(nxt.text) or \
                    (nxt.lower in var and nxt.text[:1].isupper()) or (is_core(nxt.text) and nxt.text.upper() != nxt.text
                                         and family_stem(tokens[j - 1].text) is not None):
                if nxt.lower in ("a", "i"):
                    break
                j += 1
                last = nxt
                continue
            if nxt.text in NAME_HEADS and j + 1 < n and not nxt.trail.strip() and not tokens[j + 1].lead and (
                    SIZE.match(tokens[j + 1].text.split("-")[0]) or (tokens[j + 1].lower in var
                                                                     and tokens[j + 1].text[:1].isupper())):
                j += 2  # "Kelp LLM 67B", "Kelp LLM Base": a head word inside the name, a size or variant after it
                last = tokens[j - 1]
                continue
            if j == i + 1 and last.lower in model_words().variant_prefixes and _capitalised(nxt) \
                    and nxt.lower not in model_words().model_heads and nxt.lower not in not_models() \
                    and (last.text.isupper() == nxt.text.split("-")[0].isupper()):
                j += 1  # "Code Kelp", "CODE KELP-Instruct": a variant word opening a name, in the name's case
                last = nxt
                continue
            if j == i + 1 and (_names_a_product(last, nxt) or _domain_prefix(last, nxt)):
                j += 1  # "Llama Guard", "Gemma Scope": a family stem and a capitalised word;
                last = nxt  # "BioClinical KelpBERT": a coined domain word before a family-stem name
                continue
            if nxt.text.isupper() and 1 < len(nxt.text) <= 3 and nxt.lower in var:
                j += 1
                last = nxt
                continue
            if ((j > i + 1 and family_stem(tokens[start].text) is not None) or (j == start + 1 and is_core(last.text)
                                                                              and last.text[:1].isupper())) \
                    and _capitalised(nxt) \
                    and nxt.text.isalpha() and not nxt.trail.strip() and j + 1 < n and not tokens[j + 1].lead \
                    and SIZE.fullmatch(tokens[j + 1].text) and nxt.lower not in model_words().model_heads \
                    and nxt.lower not in not_models() and nxt.lower not in STOP_PREFIX:
                j += 2  # "Llama 2 Chat Drafter 115M", "EXAONE Deep 2.4B": a word and its size run a name on
                last = tokens[j - 1]
                continue
            if j == i + 1 and nxt.text in NAMED_ARCHITECTURES and _capitalised(last) and last.text.isalpha() \
                    and last.lower not in STOP_PREFIX and last.lower not in not_models():
                j += 1  # "Nucleotide Transformer", "Decision Transformer": a word naming one of an architecture
                last = nxt
                continue
            break
        name = _joined(tokens, start, j, text)
        if MARKUP.search(name) or COUNTED.fullmatch(name) or _counted_things(name):
            i = j  # "[Base]-7B", "{X}": markup or a placeholder, not a name; "10M-word": a count of things
            continue
        low = name.lower()
        suffix = next(s for s in SUFFIXES if low.endswith(s)) if low.endswith(SUFFIXES) else None
        if suffix:
            name = name[: -len(suffix)]
            if suffix in MEASURE_SUFFIXES and not DIGIT.search(name):
                i = j  # "Internet-scale data", "Human-level accuracy": a measure, no model ("GPT-4-level" is one)
                continue
        for span in _split_slashes(Span(start, j, name)):
            span.suffix = suffix
            spans.append(span)
        i = j
    return spans


NAME_HEADS: Final = frozenset({"LLM", "LM", "VLM", "MLLM"})
"""Head words that may stand inside a name when a size or a variant word follows ("Kelp LLM 67B Chat")."""
NAMED_ARCHITECTURES: Final = frozenset({"Transformer"})
"""An architecture's word that a capitalised word before it makes one model's name ("Nucleotide Transformer"):
whether it is a model is for the sentence to say ("models such as X"), as for any name."""
VERSION_SUFFIXED: Final = re.compile(rf"\d+(?:\.\d+)?(?:{'|'.join(SUFFIXES)})")
""""2-based" in "Kelp 2-based model": the family's version, then a suffix peeled off below."""
V_VERSION: Final = re.compile(r"[vV]\d+(?:\.\d+)*")
""""v3" in "Quokka v3", "V2" in "Quokka V2": a version written after a v."""
LETTER_VERSION: Final = re.compile(r"[a-z]\d+\.\d+")
""""k1.5" in "Kimi k1.5": a version written after a letter, with its point (not "x2", "k8")."""
CAPITAL_VERSION: Final = re.compile(r"[A-Z]\d")
""""N1" in "GR00T N1", "K2" in "Kimi K2": a version written as a capital and a digit after a name (not "T5":
a family's own name)."""
VERSION_SIZE: Final = re.compile(r"\d+(?:\.\d+)*-\d+(?:\.\d+)?[BMK](?:-[A-Za-z0-9]+)*", re.IGNORECASE)
""""3-8B" in "Kelp 3-8B": a version and a size joined by a hyphen."""
SIZE_AND_TOKENS: Final = re.compile(r"\d+(?:\.\d+)?[BMK]\d+(?:\.\d+)?[TB]")
""""2B4T": a size and the tokens trained on, written as one word after a name ("BitNet b1.58 2B4T")."""
CLASS_PLURAL: Final = re.compile(r"[A-Z][a-z]+-?(?:M?LLMs|VLMs|PLMs|LMs)")
""""FinLLMs", "Code-LLMs": a field's word before a class of models, in the plural."""
SIZE_BOUND: Final = re.compile(r"(?:sub|under|over|above|below)-\d+(?:\.\d+)?[BMK]|\d+(?:\.\d+)?[BMK]?-\d+(?:\.\d+)?[BMK]",
                        re.IGNORECASE)
""""sub-2B public models", "the small (7-9B) category": sizes below or above a bound, or a range, no model's name."""
DIRECTION: Final = re.compile(r"\$?\\(?:leftrightarrow|rightarrow|leftarrow|Leftrightarrow|Rightarrow|to|mapsto)\b\$?")
""""a strong AR$\\leftrightarrow$EN teacher": a direction between two languages or modalities, no model's name."""
VERSION_PLUS: Final = re.compile(r"^\d+(?:\.\d+)*(?:\+[A-Za-z][\w-]*)+$")
""""2+DPO" in "Kelp 2+DPO": a version and the step that made this variant."""
PARTICIPLE_COMPOUND: Final = re.compile(r"-[a-z]+(?:ed|ing)$")
""""DPO-aligned", "GPT-distilled": an adjective made of a name and a participle, not a name."""


def _stem_and_variants(word: str) -> bool:
    """"Kelp-Instruct", "Kelp-2-Chat": a stem and then versions, sizes and at least one variant word."""
    parts = _parts(word)
    return len(parts) > 1 and any(p.lower() in variants() for p in parts[1:]) \
        and all(p.lower() in variants() or VERSION.match(p) or SIZE.match(p) for p in parts[1:])


def _may_be_coined(token: Token, text: str) -> bool:
    """Could this capitalised word, no family stem and no size, be a coined name? Not a stop word, a
    generic term, a head noun, a participle or an adverb ("Supervised"), nor a word of a Title Case title."""
    return _coinable(token.text, token.lower) and not _title_case(text)


@lru_cache(maxsize=65536)
def _coinable(word: str, lower: str) -> bool:
    """The word's own part of ``_may_be_coined`` (cached: the same words come back sentence after sentence)."""
    return word[:1].isupper() and lower not in STOP_PREFIX and lower not in not_models() \
        and lower not in _any_head() and not _adverb_or_participle(word) \
        and not PLURAL_ACRONYM.match(word)  # "to build RMs with ...": a class of models, not one


def _adverb_or_participle(word: str) -> bool:
    """"Supervised", "Training", "Attention-only", "Fine-tuned": not a coined name ("Kelp-Lightning" is one:
    a capitalised part after the first says nothing of the word's grammar, nor does a capital inside the
    first: "KelpMed", "ChatMed" end on a word of their own)."""
    first, *rest = word.split("-")
    camel = any(c.isupper() for c in first[1:])
    return (first.lower().endswith(ENDINGS) and not camel) or any(p[:1].islower() and p.endswith(ENDINGS) for p in rest)


ENDINGS: Final = ("ed", "ing", "ly")


def _has_role(tokens: list[Token], i: int, text: str) -> bool:
    """Does the word at ``i`` (with the version after it: "Kelp 2") play a part in a derivation?

    Only a word standing alone (checked by the caller: _may_be_coined): not one of a run of capitalised
    words ("Low Rank Adapters", "Human Feedback", "Mixture of Experts"), not a long form before its
    acronym ("Kelp (KLP)")."""
    if not (roles.has_trigger(text) or "esulting" in text) or tokens[i].lower in NUMBERED_NOUNS:
        return False
    before = text[:tokens[i].start]
    opening = before.rfind("(")
    if opening > before.rfind(")") and ACRONYM_BEFORE.search(before, 0, opening):
        return False  # "RRTF (Rank Responses to align Test&Teacher Feedback)": an acronym's long form
    end = tokens[i].end
    after = i + 1
    if after < len(tokens) and not tokens[i].trail.strip() and (VERSION.match(tokens[after].text)
                                                                 or VERSION_PLUS.match(tokens[after].text)):
        end, after = tokens[after].end, after + 1
    if i > 0 and _capitalised(tokens[i - 1]) and not tokens[i - 1].trail.strip() \
            and tokens[i - 1].lower not in STOP_PREFIX:
        return False
    if after < len(tokens) and not tokens[after - 1].trail.strip():
        nxt = tokens[after]
        if _capitalised(nxt) or nxt.text.startswith("(") or (
                nxt.lower in ("of", "for") and after + 1 < len(tokens) and _capitalised(tokens[after + 1])):
            return False
    return roles.role_of(text, tokens[i].start, end) is not None


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.text.replace("-", "").isalpha()


ACRONYM_BEFORE: Final = re.compile(r"\b[A-Z][A-Z0-9&-]{1,}\s*$")
NUMBERED_NOUNS: Final = frozenset("table figure fig section stage phase step version level round task experiment "
                           "appendix equation eq chapter part type class group setting case track "
                           "subtask problem question example turn epoch iteration".split())
"""Words a number follows without making a name: "Table 2", "Stage 2 model"."""


def _version_then_model_cue(tokens: list[Token], k: int, text: str) -> bool:
    """"Kelp 2 models are ...", "Kelp 2 is fine-tuned from ...": a bare version after a capitalised word
    makes a name only when a model head or a made-from phrase follows."""
    word, version = tokens[k - 1], tokens[k]
    number, _, variant = version.text.partition("-")
    if word.lower in NUMBERED_NOUNS or len(number) > 4 or version.lead:
        return False
    if variant and _version_and_variant(version.text, variants()):
        return True  # "Kelp 2-Instruct"
    if variant and not VERSION_TAG_AFTER.fullmatch(variant):
        return False  # (a tag such as "M32" in "Kelp 2.0-M32" goes on to the model cues)
    if not VERSION.match(number) or not number[:1].isdigit():
        return False
    if k >= 2 and tokens[k - 2].lower in NAME_CUES and not word.lead:
        return True  # "called Kelp 2": scored by what the cue names
    if version.trail.strip() == "" and k + 1 < len(tokens) and tokens[k + 1].lower in model_words().model_heads:
        return True
    if k >= 2 and tokens[k - 2].lower in MADE_FROM_LAST and CUES.made_from.search(text, max(0, word.start - 48), word.start):
        return True  # "builds upon Kelp 2.0": what a model is made from
    return MADE_AFTER.match(text, version.end) is not None or CUES.trained_on_tokens.match(text, version.end) is not None


SUBTITLE_STOPS: Final = lexicon().subtitle_stops


def _subtitle_names_models(tokens: list[Token], j: int, model_heads: frozenset) -> bool:
    """"Kelp: Open Code Model for Everyone", "Kelp: Small Multilingual LLM": a subtitle whose first words
    end on a singular model head says what the name is. Not one that opens on what is done ("Scaling
    Language Models ...", "Towards Better LLMs"), nor an article ("Kelp: An Open Code Model" is read as an
    appositive by the rules for those)."""
    if j >= len(tokens) or tokens[j].lower in ("a", "an", "the", "towards", "toward", "on", "when", "how", "why") \
            or any(t.lower.endswith("ing") and len(t.lower) > 5 for t in tokens[j:j + 3]):  # "Fine Tuning ... Models"
        return False
    for k in range(j, min(j + 8, len(tokens))):
        w = tokens[k].lower
        if w in SUBTITLE_STOPS or not tokens[k].text[:1].isupper() and not tokens[k].text[:1].isdigit():
            return False
        if w in model_heads and w.endswith("s"):
            return False  # "Kelp: Open Code Models for ...": a family, whose sized members the text names
        if w in model_heads:  # the head closes the run: not "Hybrid Language Model Compression"
            return k + 1 == len(tokens) or bool(tokens[k].trail.strip()) or tokens[k + 1].lower in SUBTITLE_STOPS
        if tokens[k].trail.strip():
            return False
    return False


VERSION_TAG_AFTER: Final = re.compile(r"[A-Z]{1,2}\d+[A-Z]?")
""""M32" in "Kelp 2.0-M32": a tag after a version (a count of experts, a generation)."""


def _version_and_tag(word: str) -> bool:
    """"2.0-M32": a version and a tag joined by a hyphen."""
    number, dash, tag = word.partition("-")
    return bool(dash) and number[:1].isdigit() and VERSION.match(number) is not None \
        and VERSION_TAG_AFTER.fullmatch(tag) is not None


def _version_and_variant(word: str, var: frozenset) -> bool:
    """"2-Chat", "3.5-Instruct": a version run into a variant word."""
    number, dash, variant = word.partition("-")
    return bool(dash) and number[:1].isdigit() and VERSION.match(number) is not None and variant.lower() in var


def _version_then_size(tokens: list[Token], k: int) -> bool:
    """"2 13B" in "Tern 2 13B": a short version number, then the size."""
    return (k + 1 < len(tokens) and tokens[k].text[:1].isdigit() and len(tokens[k].text) <= 4
            and VERSION.match(tokens[k].text) is not None and not tokens[k].trail.strip()
            and SIZE.match(tokens[k + 1].text.split("-")[0]) is not None)


GROUP_HEADS: Final = frozenset("collection set group".split())
"""Non-model heads that may still gather models: "a collection of ... language models"."""


GATHERING_WORDS: Final = frozenset("of consisting comprising containing including spanning".split())


def _named_family_of_models(tokens: list[Token], j: int) -> bool:
    """Does a family head at ``j`` say what the name before it is, a family of models: "(the Kelp) family,
    a set of open legal LLMs", "(the Kelp) family of instruction-tuned LLMs"?"""
    words = model_words()
    if j + 2 >= len(tokens) or tokens[j].lower not in words.family_heads or tokens[j - 1].trail.strip():
        return False
    if tokens[j + 1].lower in GATHERING_WORDS and not tokens[j].trail.strip():
        return any(t.lower in words.model_heads for t in tokens[j + 2:j + 9])  # "of", "consisting of 54 LLMs"
    if tokens[j].trail.strip() != "," or tokens[j + 1].lower not in ("a", "an"):
        return False
    head = _appositive_head(tokens, j + 1, _any_head())
    return head in words.model_heads or (head in GROUP_HEADS | words.family_heads
                                         and _family_of_models(tokens, j + 1, head, words.model_heads))


def _family_of_models(tokens: list[Token], j: int, head: str, model_heads: frozenset) -> bool:
    """"a suite of open-source LLMs", "a family of large language models": models, named as a group."""
    for k in range(j, min(j + 8, len(tokens) - 1)):
        if tokens[k].lower == head:
            if k > j and tokens[k - 1].lower in model_heads and not tokens[k - 1].trail:
                return True  # "a multimodal large language model series"
            if tokens[k + 1].lower != "of":
                return False
            return any(t.lower in model_heads for t in tokens[k + 2:k + 8])
    return False


def _names_a_product(stem: Token, word: Token) -> bool:
    """A bare family stem followed by a capitalised word that is not a sentence word."""
    return (family_stem(stem.text) == stem.lower
            and word.text[:1].isupper() and word.text[1:].islower() and word.text.isalpha()
            and len(word.text) > 2 and word.lower not in STOP_PREFIX and word.lower not in not_models()
            and word.lower not in ("technical", "report")  # "Kelp Technical Report": the report of Kelp
            and word.lower not in model_words().model_heads)  # "Kelp Model: An Instruction Finetuned ...": Kelp


def _domain_prefix(word: Token, name: Token) -> bool:
    """"FernClinical KelpBERT": a coined word with an inner capital (no digit) before a name that holds a
    family stem: one name, the domain's version of the model."""
    return word.text.isalpha() and word.text[:1].isupper() and any(c.isupper() for c in word.text[1:]) \
        and not word.text.isupper() and family_stem(word.text) is None and family_stem(name.text) is not None \
        and family_stem(name.text) != name.lower


MULTIWORD_NAME: Final = 3
"""The most capitalised words a coined name without a digit may have ("Brisk Otter", "Deep Sea Otter")."""


def _words_before_appositive(tokens: list[Token], i: int) -> int | None:
    """End of "Brisk Otter," in "we present Brisk Otter, an open ... model": a run of two or three
    capitalised words right after an introducing verb, the last one's comma followed by "a"/"an".

    A single word is left to ``_before_appositive``; a run is taken only after the verb, since a
    capitalised run elsewhere is a title's or a sentence's words ("Large Language Models, a ...")."""
    if i == 0 or tokens[i - 1].lower not in lexicon().intro.for_models or tokens[i - 1].trail.strip():
        return None
    words, heads = not_models(), _any_head()
    for k in range(i, min(i + MULTIWORD_NAME, len(tokens) - 1)):
        t = tokens[k]
        if not (_capitalised(t) and t.lower not in STOP_PREFIX and t.lower not in words and t.lower not in heads) \
                and not (k > i and t.text in NAME_HEADS) \
                and not (k > i and (V_VERSION.fullmatch(t.text) or (VERSION.match(t.text) and t.text[:1].isdigit()))):
            return None  # ("Taiwan LLM, a ... model": a head word closing a name; "Kelp Anything V2, a ...": a version)
        if t.trail.strip() == ",":
            nxt = tokens[k + 1]
            return k + 1 if k > i and (nxt.lower in ("a", "an") or nxt.lower in APPOSITIVE_MADE) else None
        if t.trail.strip() or tokens[k + 1].lead:
            return None
    return None


SIZE_TIERS: Final = frozenset("small medium large mini nano pro ultra max lite plus flash tiny".split())
"""A tier written after a coined word ("Kelp Small", "Kelp Pro"): one of a family's sizes."""
APPOSITIVE_MADE: Final = frozenset("trained pretrained pre-trained fine-tuned finetuned distilled built".split())
""""We present Kelp Medium, trained for reasoning on top of ...": a participle that says the name was made."""
CLASS_WORDS: Final = frozenset("large small language vision visual foundation multimodal open source general transformer "
                        "transformers diffusion neural pretrained pre-trained".split())
"""Words that name a class of models, not one ("the Large Language models", "the Vision Transformer models")."""


def _words_before_model_head(tokens: list[Token], i: int) -> int | None:
    """End of "Polyglot Korean" in "we introduce the Polyglot Korean models": a run of two or three capitalised
    words after "the" right after an introducing verb, then a plural model head."""
    if i < 2 or tokens[i - 1].lower != "the" or tokens[i - 2].lower not in lexicon().intro.for_models \
            or tokens[i - 2].trail.strip() or tokens[i - 1].trail.strip():
        return None
    words, heads = not_models(), _any_head()
    for k in range(i, min(i + MULTIWORD_NAME, len(tokens) - 1)):
        t = tokens[k]
        if not (_capitalised(t) and t.text.isalpha() and t.lower not in STOP_PREFIX and t.lower not in heads
                and t.lower not in CLASS_WORDS and (k > i or t.lower not in words)) \
                or t.trail.strip() or tokens[k + 1].lead:
            return None  # (a language may follow the name's first word: "Polyglot Korean"; not "Large Language")
        nxt = tokens[k + 1]
        if k > i and nxt.lower in model_words().model_heads and nxt.lower.endswith("s") and nxt.text.islower():
            return k + 1
    return None


SUPERLATIVE: Final = re.compile(r"(?:larg|small|strong|fast|bigg|high)est|best")
""""the largest", "the best": an appositive that ranks what it names is as good as "a"."""


QUOTES: Final = "\"'“”‘’`"
"""Quotes around a name ("release of \"Kelp,\" an LLM"): no part of the punctuation after it."""


DATA_FROM: Final = re.compile(r"\b(?:data|datasets?|corpus|corpora|collections?|samples|records) (?:[\w-]+ )?(?:derived|extracted|"
                       r"sourced|drawn|collected) from\s+(?:the\s+)?$", re.IGNORECASE)
""""climate datasets derived from X": what data comes from is a source, not what a model is made from."""
OF_PHRASE: Final = re.compile(r"\s*(?:the |a |an )?((?:[\w-]+ ){0,3}[\w-]+)")


def _of_a_method(text: str, at: int) -> bool:
    """Does the noun phrase after "version of" at ``at`` end on a method's head, with no model in it ("a variant
    of Monte-Carlo tree search", "a variant of speculative decoding"): a method's variant, not a model's?"""
    m = OF_PHRASE.match(text, at)
    if not m:
        return False
    words = m.group(1).split()
    for k, w in enumerate(words):
        low = w.lower()
        if low in model_words().model_heads or family_stem(w) or (k and is_core(w)):
            return False
        if low in lexicon().kinds.technique and low != "architecture":
            return True
        if low in lexicon().np_stop:
            return False
    return False


def model_appositive_head(tokens: list[Token], j: int) -> bool:
    """Is the head of the appositive opening at j a model word ("a new large language model")?"""
    return _appositive_head(tokens, j, _any_head()) in model_words().model_heads


def _before_appositive(tokens: list[Token], i: int) -> int | None:
    """End of "Word," or "Word 2," when "a"/"an" follows, or of "Word 2 is a ... model": a name its
    appositive (or the copula's complement) may describe."""
    j = i + 1
    if j < len(tokens) and not tokens[i].trail.strip() and ((
            VERSION.match(tokens[j].text) and len(tokens[j].text) <= 4 and tokens[j].text[:1].isdigit())
            or LETTER_VERSION.fullmatch(tokens[j].text) or V_VERSION.fullmatch(tokens[j].text)):
        j += 1  # "Quokka 2,", "Quokka k1.5,", "Quokka v3,"
    plural_ok = i > 0 and not tokens[i].lower.endswith("ly")  # not "Importantly, models trained ..."
    title_start = i == 0 or (i == 1 and tokens[0].lower in TITLE_LEADS)  # "Introducing Quokka: A ..."
    first_of_its_kind = j + 1 < len(tokens) and tokens[j].lower == "the" and (
        tokens[j + 1].lower == "first" or SUPERLATIVE.fullmatch(tokens[j + 1].lower) is not None)
    if title_start and tokens[j - 1].trail.strip() == ":" and j < len(tokens) and (
            tokens[j].lower in ("a", "an") or first_of_its_kind):
        return j  # a title's "Quokka: A Clinical Language Model ...", "Quokka: The First Open LLM for ..."
    if tokens[j - 1].trail.strip().strip(QUOTES) == "," and j < len(tokens) and (
            tokens[j].lower in ("a", "an") or first_of_its_kind or (plural_ok and _plural_model_appositive(tokens, j))
            or ((tokens[j].lower == "our" or _maker_possessive(tokens[j]))
                and _appositive_head(tokens, j, model_words().model_heads) is not None)):
        # ("Quokka, the first retrieval model able to ...")
        return j  # "Quokka, a ... model", "Eagle and Finch, RWKV-based language models"
    if plural_ok and not tokens[i].trail.strip() and j + 2 < len(tokens) and tokens[j].lower == "and" \
            and tokens[j + 1].text[:1].isupper() and tokens[j + 1].text.isalpha() \
            and tokens[j + 1].trail.strip() == "," and _plural_model_appositive(tokens, j + 2):
        return j  # "Eagle" of "Eagle and Finch, RWKV-based language models"
    if not tokens[j - 1].trail.strip() and j < len(tokens) and tokens[j].lead.startswith("(") \
            and (k := _after_aside(tokens, j)) is not None and k < len(tokens) \
            and (tokens[k].lower in ("a", "an") or (plural_ok and _plural_model_appositive(tokens, k))
                 or (tokens[k].lower == "our" and _appositive_head(tokens, k, model_words().model_heads) is not None)):
        return j  # "we develop Quokka (the weights are to be released at ...), a 13-billion parameter model";
        # "Finch (RWKV-6), sequence models ..."; "Quokka v3 (QKv3), our latest text-to-image model"
    if plural_ok and not tokens[j - 1].trail.strip() and _paired_before_models(tokens, j):
        return j  # "Eagle" of "Eagle (RWKV-5) and Finch (RWKV-6), sequence models improving upon ..."
    if not tokens[j - 1].trail.strip() and j + 1 < len(tokens) and tokens[j].lower in ("is", "was") \
            and tokens[j + 1].lower in ("a", "an") and _model_complement(tokens, j + 2):
        return j  # "Quokka 2 is a 13B model obtained by ...": only a model complement makes it a name
    return None


def _paired_before_models(tokens: list[Token], j: int) -> bool:
    """After a name at j: "(X-5) and B (X-6), sequence models": a parenthesis, "and", a second name with its
    own parenthesis, and a plural appositive of models after both."""
    if j >= len(tokens) or not tokens[j].lead.startswith("("):
        return False
    k = closing_parenthesis(tokens, j, min(j + ASIDE_REACH, len(tokens)))
    if k is None or tokens[k].trail.strip() != ")" or k + 3 >= len(tokens) or tokens[k + 1].lower != "and" \
            or not tokens[k + 2].text[:1].isupper() or not tokens[k + 3].lead.startswith("("):
        return False
    m = _after_aside(tokens, k + 3)
    return m is not None and m < len(tokens) and _plural_model_appositive(tokens, m)


def _plural_model_appositive(tokens: list[Token], k: int) -> bool:
    """An appositive with no article that ends in plural model words: "RWKV-based language models", "new
    Welsh-centric foundation and instruction-tuned open generative language models" (modifiers joined by
    "and" / "or", none a clause's verb)."""
    model_heads = model_words().model_heads
    for m in range(k, min(k + APPOSITIVE_WINDOW, len(tokens))):
        w = tokens[m].lower
        if m == k and w.endswith("ing") and w not in model_heads:
            return False  # "X, surpassing previous models": a participle's clause, not an appositive
        if m == k and w in SUBJECT_PRONOUNS:
            return False  # "With X, we evaluate various MLLMs": a clause's subject opens, no appositive
        if w in model_heads:
            return w.endswith("s")
        coordinated = w in ("and", "or") and m > k and m + 1 < len(tokens) and tokens[m + 1].lower not in NOT_NOUNS \
            and tokens[m + 1].lower not in ("a", "an", "the", "our", "its", "their")
        if tokens[m].trail.strip() or (w in NOT_NOUNS and not coordinated) or w in ("a", "an", "the") \
                or w in EXAMPLES_OPEN:
            return False  # (not "evaluate LLMs on C-Kelp, including both English- and Welsh-oriented models")
    return False


SUBJECT_PRONOUNS: Final = frozenset("we i you he she it they".split())
"""Pronouns that open a clause after a comma, never an appositive."""
EXAMPLES_OPEN: Final = frozenset("including include includes such like especially particularly namely both e.g e.g. i.e "
                          "i.e.".split())
"""Words that open examples of what came before, not an appositive of the name before the comma."""


def _model_complement(tokens: list[Token], k: int) -> bool:
    """"(is a) 13B language model": a model head after a few modifiers, before any preposition
    ("is a mechanism for models" is not)."""
    model_heads = model_words().model_heads
    if k + 1 < len(tokens) and tokens[k].lower in GROUP_OF and tokens[k + 1].lower == "of":
        k += 2  # "(is a) series of Thai large language models"
    for t in tokens[k:k + 5]:
        if t.lower in model_heads:
            return True
        if t.lower in NOT_NOUNS or t.trail.strip():
            return False
    return False


GROUP_OF: Final = frozenset("series family suite collection set".split())


SIZES_IN_PARENS: Final = re.compile(rf"^(?P<stem>.+?)-?\((?P<sizes>{SIZE_IN_NAME}(?:/{SIZE_IN_NAME})+)\)$")


HUB_REPO: Final = re.compile(r"[a-z0-9][\w.-]*/([A-Za-z][\w.-]*[A-Za-z0-9])")
""""owner/Model-Name" as a model hub writes it: a lower-case owner, a slash, the model's name."""


def _split_slashes(span: Span) -> list[Span]:
    """"Qwen-2.5-7B/72B" -> "Qwen-2.5-7B" and "Qwen-2.5-72B"; "56B/47B" likewise; "X-(0.5B/7B)" -> "X-0.5B", "X-7B"."""
    if "/" not in span.name:
        return [span]
    if (repo := HUB_REPO.fullmatch(span.name)) is not None:
        return [Span(span.i, span.j, repo.group(1))]  # "kelp-ai/Kelp-3-SEC-Base": a hub repository, the model's name after the owner
    last = span.name.rsplit(" ", 1)
    if len(last) == 2 and (shared := SHARED_UNIT.fullmatch(last[1])):  # "Kelp 13/70B-chat"
        return [Span(span.i, span.j, f"{last[0]} {n}{shared.group('unit')}{shared.group('tail') or ''}")
                for n in shared.group("nums").split("/")]
    m = SIZES_IN_PARENS.match(span.name)
    if m:
        sep = "-" if span.name[len(m.group("stem"))] == "-" else ""
        return [Span(span.i, span.j, f"{m.group('stem')}{sep}{size}") for size in m.group("sizes").split("/")]
    head, *rest = span.name.split("/")
    m = SIZE_AT_END.search(head)
    tail = ""
    if m and (sized := SIZE_THEN_TAIL.fullmatch(rest[-1])) is not None:
        rest[-1], tail = sized.group(1), sized.group(2)  # "Qwen-2.5-7B/14B-Instruct": the variant after the last
        # size is each one's
    if not m or not all(SIZE.match(r) for r in rest):
        return [span]
    stem = head[: m.start()]
    out = [Span(span.i, span.j, head + tail)]
    out += [Span(span.i, span.j, stem + r + tail) for r in rest]
    return out


SIZE_THEN_TAIL: Final = re.compile(rf"({SIZE_IN_NAME})([- ][A-Za-z][\w.-]*)")
DIGIT: Final = re.compile(r"\d")
DOTTED_VERSION: Final = re.compile(r"-\d+\.\d+$")
COINED: Final = re.compile(r"[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9.]+)+$|[A-Z][a-z]+[A-Z][A-Za-z0-9]*$")
"""A coined word: "Heron-Math", "Kelp-VL", "OpenKelp"."""
MADE_FROM_LAST: Final = frozenset("from on upon of the a an our fine-tuning finetuning distilling distiling pruning quantizing "
                           "upcycling pre-training pretraining training fine-tune finetune instruction-tune prune "
                           "quantize upcycle".split())
"""The words CUES.made_from can end with: only after one of them is it tried."""
MADE_AFTER: Final = re.compile(
    r",?\s+(?:models? )?(?:which |that )?(?:is |was |are |were )?(?:(?:further|then|first|continually) )?"
    r"(?:(?:fine-?tuned|finetuned|distill?ed|pruned|quantized|upcycled|derived|initiali[sz]ed) (?:from|with)"
    r"|pre-?trained from"
    r"|(?:created|obtained|produced|built|trained|made|developed) by (?:instruction |supervised |further )?"
    r"(?:fine-?tuning|finetuning|distill?ing"
    r"|pruning|quantizing|upcycling|merging|continu\w+ (?:the )?pre-?training|extending the context)"
    r"|(?:built|based|builds)" + roles.NOT_ON_A_MODEL + r" (?:up)?on"  # not "X based on a simple hypothesis"
    r"|(?:adopts|uses|employs|takes) [^.;]{1,40}? as (?:its|the) (?:[\w-]+ )?(?:base|backbone|foundation)"
    r"|an? (?:[\w-]+ ){0,2}?(?:version|variant) of"
    r"|(?-i:(?:is|was) [A-Z][\w.-]*(?: [\dA-Z][\w.-]*)? (?:further |additionally )?"
    r"(?:fine-?tuned|finetuned|instruction-tuned|trained|aligned) (?:on|with|using)\b))",  # "X is Kelp-7B fine-tuned on ..."
    re.IGNORECASE)
VARIANT_SUFFIX: Final = re.compile(r"^[A-Z][A-Za-z0-9]*-([A-Za-z]+)$")
VERSION_AND_VARIANT: Final = re.compile(r"[\s-]v?\d+(?:\.\d+)*-([A-Za-z]+)$")
VERSION_IN_NAME: Final = re.compile(r"-v\d|\s\d+(?:\.\d+)?$|-\d+(?:\.\d+)?$|\sV\d", re.IGNORECASE)


@lru_cache(maxsize=16384)
def _name_evidence(name: str) -> tuple[tuple[tuple[int, str], ...], str | None, bool]:
    """What a name says by itself: (points, why) pairs, its size, and whether it is a bare family stem.

    Cached: a name recurs from sentence to sentence, and from record to record."""
    stem = family_stem(name)
    low = name.lower()
    if stem and " " in stem and low.startswith(stem):  # "Stable Diffusion 3": what follows the two-word stem
        others = [p for p in _parts(low[len(stem):]) if p]
    else:
        others = [p for p in _parts(low) if p != stem and not p.startswith(stem or "\0")]
    has_digit = DIGIT.search(name) is not None
    joined = bool(stem) and name.lower() != stem and _stem_run_into_variant(name) == stem
    bare_stem = bool(stem) and not others and not has_digit and not joined
    evidence = []
    if joined:
        evidence.append((3, "family stem and variant"))  # "StarlingBase", "FalconChat"
    elif bare_stem:
        evidence.append((1, "bare family stem"))
    elif stem and (has_digit or all(p in variants() for p in others)):
        evidence.append((3, "family stem"))
    elif stem and _word_then_stem(name, stem):
        evidence.append((2, "a word and a family stem"))  # "DoctorGLM", "WebGPT": a domain's version of a family
    elif stem and others[-1:] and others[-1] in variants() and name[:1].isupper():
        evidence.append((3, "family stem, other words and a variant"))  # "Kelp-Mixtral-Instruct": a tuned checkpoint
    elif stem:
        evidence.append((1, "family stem with other words"))
    size = size_of(name)
    variant = VERSION_AND_VARIANT.search(name)
    if size or any(SIZE_PART.match(p) for p in _parts(name)):
        evidence.append((3, "size in name"))
    elif variant and variant.group(1).lower() in variants() and name[:1].isupper():
        evidence.append((3, "version and variant in name"))  # "Kelp 2-Instruct", "Kelp-3.5-Chat"
    elif not stem and name[:1].isupper() and (suffix := VARIANT_SUFFIX.search(name)) \
            and suffix.group(1).lower() in variants():
        # "Kelp-Chat": not enough alone ("Self-Instruct" is a method); a base checkpoint ("KelpMath-Base")
        # is enough: no method or dataset is named for the weights it starts from
        evidence.append((3, "base checkpoint in name") if suffix.group(1).lower() == "base"
                        else (2, "variant in name"))
    elif VERSION_IN_NAME.search(name) and (
            any(c.isupper() for c in name[1:]) or (name[:1].isupper() and DOTTED_VERSION.search(name))):
        evidence.append((1, "version in name"))  # "Kelp-v2", "OpenKelp 2", "Kelpchat-3.5"
    return tuple(evidence), size, bare_stem


@lru_cache(maxsize=1)
def _any_head() -> frozenset[str]:
    """Model, non-model and family heads: where an appositive or a copula may end."""
    words = model_words()
    model_heads, non_heads, family_heads = words.model_heads, words.non_model_heads, words.family_heads
    return model_heads | non_heads | family_heads


BARE_NUMBER: Final = re.compile(r"\d+(?:\.\d+)?")
CAMEL_OR_DIGIT: Final = re.compile(r"[a-z][A-Z]|\d")
TRAINED_ON: Final = re.compile(r"(?:pre-?)?trained")
""""trained on X" / "pre-trained on X": X is what the training read, as a rule data ("tuned on" is left alone)."""
ACRONYM_PAIR: Final = re.compile(r"[A-Z]{2,}-[A-Z]{2,}")
""""KELP-ORCA": two capitalised acronyms joined, a coined name's shape."""


def _model_built_on(text: str, start: int) -> bool:
    """"Our model is based on X", "the models are built upon X": what a model is built on is a model
    (what it is trained on may be data)."""
    return _built_on_pattern().search(text, 0, start) is not None


@lru_cache(maxsize=1)
def _built_on_pattern() -> re.Pattern:
    heads = "|".join(sorted(map(re.escape, model_words().model_heads)))
    return re.compile(rf"\b(?:{heads}|it|they)\s+(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:based|built)\s+(?:up)?on\s+"
                      r"(?:the |an? )?$", re.IGNORECASE)


DATE: Final = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                  r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?: \d{1,2},?)? (?:19|20)\d\d")
"""A month and its year: "January 2024", "Sept. 2023", "May 5, 2024"."""
DATA_BEFORE: Final = frozenset("on with using via over".split())
"""Words before what a model is trained on or with, not made from: "fine-tuned on KelpWeb"."""
TRAINED_BEFORE: Final = frozenset("pre-trained pretrained fine-tuned finetuned frozen".split())
"""Words before a bare family stem that make it one checkpoint: "a pre-trained Kelp", "the frozen Kelp"."""


def score_span(span: Span, tokens: list[Token], text: str) -> None:
    words = model_words()
    model_heads, non_heads, family_heads, nots = (words.model_heads, words.non_model_heads, words.family_heads,
                                                  words.not_models)
    name = span.name
    core = tokens[span.i].text
    if name.lower() in nots or core.lower() in nots and span.j - span.i == 1:
        span.add(-10, "generic term")
        return
    if "-" in name and all(part.lower() in nots and not part.isupper() for part in name.split("-")) \
            and not _named_by_model_head(tokens, span.i, model_heads):
        span.add(-10, "generic terms joined")  # "a hybrid Transformer-Mamba architecture": two architectures
        # (acronyms joined are a name: "MT-NLG"; "Our model, MoE-Mamba, ...": the text names it)
        return
    if CLASS_PLURAL.fullmatch(name) and not _introduced_as_family(tokens, span):
        span.add(-10, "a class of models")  # "FinLLMs", "CodeLMs": the models of a field, in the plural
        return  # (not "we introduce SeaLLMs, an innovative series of language models": a series named)
    if SIZE_BOUND.fullmatch(name):
        span.add(-10, "a bound on sizes")  # "all sub-2B public models"
        return
    if DATE.fullmatch(name):
        span.add(-10, "a date")  # "as of January 2024", "Sept. 2023"
        return
    if DIRECTION.search(name):
        span.add(-10, "a direction")  # "AR$\leftrightarrow$EN": from one language to another
        return
    if span.j - span.i == 1 and name.lower() in NOT_A_STEP:
        span.add(-10, "a size word alone")  # "T5 Base, Large, and XL language models": sizes of T5, no names
        return
    evidence, span.size, bare_stem = _name_evidence(name)
    for points, why in evidence:
        span.add(points, why)
    if not evidence and span.j - span.i == 2 and tokens[span.i].text.isalpha() and tokens[span.i].text[:1].isupper() \
            and tokens[span.i].lower not in NUMBERED_NOUNS and BARE_NUMBER.fullmatch(tokens[span.i + 1].text):
        span.add(1, "a name and its version")  # "Kelp 101 model"
    if _listed_by_family(tokens, span.i, family_heads):
        span.add(3, "a member a model family lists")  # "the Kelp-01 series, including Kelp-Text-01 and Kelp-VL-01"
    nxt = tokens[span.j] if span.j < len(tokens) else None
    prev = tokens[span.i - 1] if span.i > 0 else None
    last = tokens[span.j - 1]
    method_variant = (variant := CUES.version_of_after.match(text, last.end)) is not None \
        and _of_a_method(text, variant.end())
    # ("X, a variant of Monte-Carlo tree search": a method's variant, no model, made from none)
    if nxt is not None and not last.trail.strip() and not nxt.lead:
        head = nxt.lower
        after = tokens[span.j + 1].lower if span.j + 1 < len(tokens) else ""
        if head in family_heads or (head in model_heads and after in family_heads and not nxt.trail.strip()):
            span.family_level = True  # "the Kelp family", "the Kelp models family", "the Kelp LLM suite"
            span.add(1, "family head")
            if _named_family_of_models(tokens, span.j if head in family_heads else span.j + 1):
                span.add(3, "a family of models")  # "the Kelp family, a set of open LLMs", "the Kelp family of LLMs"
        elif head in model_heads and head.endswith("s") and bare_stem:
            span.family_level = True  # "GPT models", "Llama models": a family, not one checkpoint
            span.add(1, "family named in the plural")
        elif head in model_heads and head.endswith("s") and span.j - span.i > 1 and span.i >= 2 \
                and tokens[span.i - 1].lower == "the" and tokens[span.i - 2].lower in lexicon().intro.for_models:
            span.add(3, f"the authors' new '{head}'")  # "we introduce the Polyglot Korean models"
        elif head in model_heads or (head.endswith("-based") is False and head in ("language", "vision-language")
                                     and _head_after(tokens, span.j) in model_heads):
            span.add(2, f"model head '{head}'")
            if prev is not None and prev.lower == "resulting":
                span.add(1, "the resulting model")  # "The resulting Kelp-R model exceeds ...": what a step made
        elif head == "architecture" and roles.TRAINED_FURTHER.match(text[last.end:]):
            span.add(2, "an architecture trained further")  # "based on the Y architecture and further trained on"
        elif head in non_heads and head in METHOD_HEADS and prev is not None and prev.lower in TRAINED_BEFORE \
                and not prev.trail.strip():
            span.add(2, f"a trained '{head}'")  # "builds upon the pretrained MusicGen framework": one with weights
        elif head in non_heads and not (head.endswith("ing") and after in ("a", "an", "the")):
            span.add(-5, f"non-model head '{head}'")  # (not "X-83B setting a new standard": a verb)
        elif _head_after(tokens, span.j) in model_heads and nxt.text[:1].islower() and _adjectival(tokens, span.j):
            span.add(2, "model head after modifiers")
    if nxt is not None and (cited := _after_citation(tokens, span.j)) is not None \
            and tokens[cited].lower in model_heads:
        span.add(2, f"model head '{tokens[cited].lower}' after a citation")  # "an XLM-R (Conneau et al. 2020) model"
    if span.i == 0 and last.trail.strip() == ":" and any(why == "family stem with other words" for _, why in evidence) \
            and not any(t.lower.rstrip(",") in non_heads for t in tokens[span.j:]):
        span.add(2, "a title's name on a family stem")  # "Fern-Llama: Adapting LLMs to Basque" (not "X-CC: ... a
        # Pretraining Dataset": the subtitle says what it is)
    if bare_stem and prev is not None and prev.lower in TRAINED_BEFORE and not prev.trail.strip() \
            and not span.family_level:
        span.add(2, "a trained checkpoint of a family")  # "leverages a pre-trained Kelp", "the frozen Kelp encoder"
    if prev is not None and prev.lower == "on" and span.i > 1 and TRAINED_ON.fullmatch(tokens[span.i - 2].lower) \
            and not family_stem(name) and not any("variant" in why or "base checkpoint" in why for _, why in evidence):
        span.add(-2, "what a model is trained on")  # "trained on KelpCC-15M": data, unless a known family's
        # or a checkpoint's ("pre-trained on KelpMath-Base")
    if prev is not None and tokens[span.i].lead.startswith("(") and prev.lower in non_heads and not prev.trail.strip():
        span.add(-5, f"named in parentheses after '{prev.lower}'")  # "the corresponding dataset (KA-1B)"
    elif prev is not None and not prev.trail.strip() and not tokens[span.i].lead \
            and prev.lower in lexicon().kinds.data:
        span.add(-5, f"named after '{prev.lower}'")  # "a large dataset USPTO-3M": data, whatever its size says
    if BENCHMARK_NAME.search(name):
        span.add(-5, "a benchmark's name")  # "KelpBench", "Kelp-Bench", "KelpEval-2": what models are measured on
    if prev is not None and prev.lower in ("on", "in") and span.i > 1 and SCORE.fullmatch(tokens[span.i - 2].text):
        span.add(-5, "what a score is on")  # "57.2% on KelpMath500", "6 on KelpEval": a benchmark
    if CUES.beats_models.match(text, last.end):
        span.add(2, "outperforms models")
    if CUES.trained_object.search(text, max(0, tokens[span.i].start - 40), tokens[span.i].start):
        span.add(3, "what is trained")  # "a new dataset of 100,000 pairs used to train X", "we first train X on"
    if CUES.trained_network.match(text, last.end):
        span.add(3, "appositive 'trained network'")  # "X, a trained Transformer that classifies ..."
    dash = nxt is not None and nxt.text in DASH_TOKENS and last.trail.strip() in ("", ")")
    # "X (XY) — a ... model", "X - an instruction-tuned FM": a dash standing alone opens an appositive
    aside = _after_aside(tokens, span.j) if nxt is not None and nxt.lead.startswith("(") and not dash else None
    closed = last.trail.startswith("),") and tokens[span.i].lead.startswith("(") and span.i > 0 \
        and tokens[span.i - 1].text[:1].isupper()  # "Kelp Mixers (KM), a compact model": the acronym's appositive
    if (last.trail.startswith((",", " -", ":")) or dash or aside is not None or closed) \
            and not _ends_opening_clause(tokens, span):
        said_head = _appositive_head(tokens, aside if aside is not None else span.j + 1 if dash
                                else _after_expansion(tokens, span.j, last), _any_head())
        if said_head in model_heads and method_variant:
            span.add(-3, "appositive: a method's variant")  # "X, a variant of Monte-Carlo tree search"
        elif said_head in model_heads:
            span.add(3, f"appositive '{said_head}'")
        elif said_head in family_heads and _family_of_models(tokens, span.j, said_head, model_heads):
            span.add(3, "appositive family of models")  # "X: a suite of open-source LLMs"
        elif said_head in family_heads:
            span.add(1, "appositive family")
        elif said_head in GROUP_HEADS and _family_of_models(tokens, span.j, said_head, model_heads):
            span.add(3, "appositive group of models")  # "X, a collection of pretrained ... language models"
        elif said_head in non_heads and said_head in METHOD_HEADS and CUES.made_from_later.search(text, last.end):
            span.add(3, "a method made from a model")  # "X, a method for depth estimation that is derived from Y"
        elif said_head in ("system", "systems") and TASK_SYSTEM.match(text, last.end):
            span.add(3, "appositive: a system doing a task")  # "X, a fully non-autoregressive text-to-speech system"
        elif said_head in non_heads:
            span.add(-3, f"appositive '{said_head}'")
        elif said_head is None and last.trail.strip() in (",", ":") and span.i > 0 and _plural_model_appositive(tokens, span.j):
            span.add(3, "appositive 'models'")  # "A and B, RWKV-based language models"
        elif said_head is None and dash and span.i > 0 and _plural_model_appositive(tokens, span.j + 1):
            span.add(3, "appositive 'models'")  # "This paper introduces X -- multilingual large language models"
        elif said_head is None and aside is not None and span.i > 0 and tokens[span.i - 1].lower == "and" \
                and _plural_model_appositive(tokens, aside):
            span.add(3, "appositive 'models'")  # "A (X-5) and B (X-6), sequence models"
    elif span.i > 0 and _paired_before_models(tokens, span.j):
        span.add(3, "appositive 'models'")  # the "A" of "A (X-5) and B (X-6), sequence models"
    serves = _serves_as(tokens, span.j)  # "X can serve as a robust multilingual foundation model": as "X is a ..."
    if nxt is not None and (nxt.lower in ("is", "was") or serves) and span.j + 1 < len(tokens) and \
            tokens[serves or span.j + 1].lower in ("a", "an"):
        said_head = _appositive_head(tokens, serves or span.j + 1, _any_head())
        if said_head in model_heads:
            span.add(3, f"copula '{said_head}'")
        elif said_head in family_heads and _family_of_models(tokens, span.j + 1, said_head, model_heads):
            span.add(3, "copula family of models")  # "X is a comprehensive language model series"
        elif said_head in non_heads:
            span.add(-3, f"copula '{said_head}'")
    if prev is not None and not prev.trail.strip() and prev.lower in ROLE_NOUNS and is_core(core):
        span.add(2, f"preceded by '{prev.lower}'")  # "a large teacher X", "the student X"
    if prev is not None and prev.trail.startswith(",") and span.i >= 2:
        if tokens[span.i - 1].lower in model_heads and not _closes_opening(tokens, span.i - 1):
            span.add(3, "preceded by 'model,'")  # (not "After fine-tuning the upcycled model, X introduces ...")
    elif prev is not None and prev.text in DASH_TOKENS and span.i >= 2 and tokens[span.i - 2].lower in model_heads \
            and tokens[span.i - 2].lower not in ("variant", "variants", "version", "versions"):  # (a format's too)
        span.add(3, "preceded by 'model,'")  # "the Kelp reasoning models -- KN-Nano, KN-Super and KN-Ultra --"
    elif prev is not None and prev.trail.startswith("),") and prev.lead.startswith("(") and span.i >= 3 \
            and tokens[span.i - 2].lower in model_heads and _initials_of(prev.text, tokens, span.i - 1):
        span.add(3, "preceded by 'model,'")  # "the pretrained language models (PLM), X and Y"
    elif tokens[span.i].lead.startswith("(") and _initials_of(name, tokens, span.i):
        pass  # "the pretrained language models (PLM)": the class's acronym, no model of its own
    elif prev is not None and not prev.trail.strip() and prev.lower in model_heads and is_core(core) \
            and (any(t.lower in ("the", "a", "an", "our", "its") for t in tokens[max(0, span.i - 6):span.i - 1])
                 or _next_listed_after_head(tokens, span.i - 1, model_heads)):
        span.add(3, "named after 'the ... model'")  # "the pre-trained multimodal representation model CLIP";
        # "the reward model X, chat language model Y, and critique model Z": the list goes on
    if last.trail.strip() == "," and (extends := CUES.extends_a_thing.match(text, last.end)) \
            and extends.group(1).lower() in non_heads:
        span.add(-3, f"extends a {extends.group(1).lower()}")  # "X, expanding the Y benchmark to ..."
    if prev is not None and prev.trail.strip() == ":" and (prev.lower in model_heads or prev.lower in ("variant", "version")):
        span.add(3, "named after 'model:'")  # "we introduce an advanced long-thinking variant: X"
    elif prev is not None and prev.trail.strip() == ":" and span.i >= 2 \
            and prev.lower in lexicon().kinds.data:
        span.add(-5, "named after 'dataset:'")  # "to create an even larger dataset: X-1M, with 1M pairs"
    cue = span.i - 2 if span.i >= 3 and tokens[span.i - 1].lower in CUE_THEN else span.i - 1  # "termed as X",
    # "we called it X"
    if cue >= 1 and tokens[cue].lower in NAME_CUES and tokens[cue].text.islower():  # not a title's "Named Entity"
        named = _named_what(tokens, cue, model_heads, non_heads)
        if named == "model":
            span.add(3, "named as a model")  # "7B and 14B models trained for 4.8T tokens, called X and Y"
        elif named == "other" and _method_with_weights(tokens, cue, text, last.end):
            span.add(3, "a method with weights")  # "a framework, dubbed X, built upon the VLM Y", "... which is trained"
        elif named == "other":
            span.add(-5, "named as a dataset or method")  # "a math corpus, namely X"
    if _called_a_model(tokens, span.i, text) or _names_the_new_model(tokens, span, model_heads):
        span.add(3, "named as a model")
    if owns_the_next(tokens, span):
        span.add(-6, "the owner of the name after it")  # "such as Kelp's embed-v3"
    elif _example_of_models(tokens, span.i, model_heads):
        span.add(3, "example of models")
    elif _example_of_data(tokens, span.i):
        span.add(-5, "example of data")  # "preference datasets, such as A, B, and C": data, not models
    elif span.i > 0 and _compared_before(tokens, span.i, text, name):
        span.add(2, "what a model is compared with")  # "outperforms X", "on par with X", "than the concurrent X"
        if CUES.model_subject.match(text) and CAMEL_OR_DIGIT.search(name):
            span.add(1, "what the authors' model beats")  # "Our model outperforms state-of-the-art X42 and Y"
    if span.i > 0 and (tokens[span.i - 1].lower in MADE_FROM_LAST or tokens[span.i - 1].trail in ("'s", "\u2019s")) \
            and CUES.made_from.search(text, max(0, tokens[span.i].start - 60), tokens[span.i].start) \
            and not DATA_FROM.search(text, max(0, tokens[span.i].start - 60), tokens[span.i].start):
        coined = (CAMEL_OR_DIGIT.search(name) is not None or ACRONYM_PAIR.fullmatch(name) is not None) \
            and (tokens[span.i - 1].lower not in DATA_BEFORE or _model_built_on(text, tokens[span.i].start)) \
            and not name.lower().endswith("bench")
        span.add(3 if coined else 2, "what a model is made from")  # "fine-tuned from X", "by fine-tuning the X":
        # a coined name there ("by finetuning OpenKelp on ...") is a model by that alone
    if method_variant:
        pass  # made from no model, nor in a derivation's role
    elif MADE_AFTER.match(text, last.end):
        span.add(3, "made from another model")  # "X is fine-tuned from", "X adopts ... as its base model"
    elif CUES.made_into.match(text, last.end):
        span.add(3, "made into another model")  # "X can be distilled into smaller Y models"
    elif not any(r.endswith("what a model is made from") for r in span.reasons):
        role = None if PARTICIPLE_COMPOUND.search(name) or _tail_of_capitalised_phrase(tokens, span, name) \
            else roles.role_of(text, tokens[span.i].start, last.end)
        if role and not (span.i and tokens[span.i - 1].lower.strip(",") in non_heads):
            span.add(3, ROLE_REASON.format(role))  # "... to obtain X", "we fine-tune X on ..."
    if any(t.text in NAME_HEADS for t in tokens[span.i + 1:span.j - 1]):
        span.add(2, "model head inside the name")  # "Kelp LLM 67B", "Kelp LLM Base"
    if span.i == 0 and last.trail.strip() == ":" and _subtitle_names_models(tokens, span.j, model_heads):
        span.add(3, "a title's subtitle naming a model")  # "Kelp: Open Code Model for Everyone"
    if CUES.parameters_after.match(text, last.end) or CUES.trained_on_tokens.match(text, last.end):
        span.add(3, "its parameters or training tokens")  # "X (770M parameters)", "X is trained on 2T tokens"
    elif CUES.is_trained.match(text, last.end):
        span.add(3, "what is trained")  # "X is trained by (1) corrupting text ...", "X was pre-trained on ..."
    if (version := CUES.version_of_after.match(text, last.end)) and not _of_a_method(text, version.end()):
        span.add(3, "a version of another")  # "X: A Lightweight, Fast Version of Y", "X is a thin version of Y"
    if span.i == 0 and CUES.report_after.match(text, last.end):
        span.add(3, "named by its report's title")  # "Kelp Technical Report", "Kelp 2 Technical Report"
    if HARDWARE.match(core) or NUMBER_FORMAT.match(core):
        span.add(-10, "hardware or number format")
    if span.j - span.i > 1 and _title_case(text) and all(
            t.text[:1].isupper() and t.text[1:].islower() and t.lower not in variants() and not family_stem(t.text)
            for t in tokens[span.i + 1:span.j]):
        span.add(-2, "title-case words after a name in a title")  # "Open Models Based on Kelp Research"


@lru_cache(maxsize=4096)
def _title_case(text: str) -> bool:
    """A title written in Title Case, where a capital says nothing of a name."""
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and len([w for w in words if w[0].isupper()]) >= 0.8 * len(words)


TASK_SYSTEM: Final = re.compile(r",? (?:an?|the) (?:[\w-]+ ){0,4}?(?:(?:\w+-to-\w+|speech|translation|recognition|synthesis|"
                         r"TTS|ASR|detection|segmentation|dialogue|conversational|forecasting) (?:[\w-]+ )?systems?\b"
                         r"|systems? for (?:[\w-]+ ){0,3}?(?:generation|recognition|synthesis|forecasting|captioning|"
                         r"translation|transcription)\b)")
""""X, a fully non-autoregressive text-to-speech system", "X, a novel system for music caption generation": a system
named for a task is a trained model."""


LISTING: Final = frozenset("including namely".split())
""""the Kelp series, *including* A and B", "we train models ..., *namely* A and B": a list of members follows."""


def _listed_by_family(tokens: list[Token], i: int, family_heads: frozenset[str]) -> bool:
    """Is token i a member listed after "<name> series / family, including" ("We introduce the Kelp-01 series,
    including Kelp-Text-01 and Kelp-VL-01")? Only names, commas and "and" stand between (not a "suite": "the
    GLUE suite, including MNLI" lists tasks as often as models)."""
    for k in range(i - 1, max(-1, i - 12), -1):
        t = tokens[k]
        if t.lower in LISTING:
            return k >= 2 and tokens[k - 1].lower in family_heads and tokens[k - 1].lower not in ("suite", "suites") \
                and tokens[k - 1].trail.strip() == "," \
                and is_core(tokens[k - 2].text)
        if t.trail.strip() not in ("", ",") or not (t.lower in ("and", "or") or t.text[:1].isupper() or t.text[:1].isdigit()):
            return False
    return False


def _introduced_as_family(tokens: list[Token], span: Span) -> bool:
    """"We introduce SeaLLMs, an innovative series of language models": a plural name right after an
    introducing verb, which an appositive calls a series or family, is that family's name."""
    return span.i > 0 and tokens[span.i - 1].lower in lexicon().intro.for_models \
        and tokens[span.j - 1].trail.strip() == "," and span.j < len(tokens) and tokens[span.j].lower in ("a", "an") \
        and any(t.lower in model_words().family_heads for t in tokens[span.j + 1:span.j + 4])


def _serves_as(tokens: list[Token], j: int) -> int:
    """Where "a"/"an" stands after "X serves as" / "X can serve as" (token j after the name); else 0."""
    k = j + (j < len(tokens) and tokens[j].lower in ("can", "could", "may"))
    if k + 2 < len(tokens) and tokens[k].lower in ("serve", "serves", "acts", "act") and tokens[k + 1].lower == "as":
        return k + 2
    return 0


def _named_by_model_head(tokens: list[Token], i: int, model_heads: frozenset[str]) -> bool:
    """"Our model, X, ...", "our best model, X", "Our conditional diffusion model, X": a model head and a comma
    name what follows (lower-case words between)."""
    if not (i >= 2 and tokens[i - 1].trail.strip() == "," and tokens[i - 1].lower in model_heads):
        return False
    for j in range(i - 2, max(-1, i - 6), -1):
        if tokens[j].lower in ("our", "the", "best", "final", "proposed", "new"):
            return True
        if tokens[j].trail.strip() or not tokens[j].text.islower():
            return False
    return False


def _initials_of(acronym: str, tokens: list[Token], i: int) -> bool:
    """Is ``acronym`` the initials of the two to four words before token i ("pretrained language models
    (PLM)", "large language models (LLMs)")?"""
    letters = acronym.rstrip("s")
    if not letters.isalpha() or not letters.isupper() or not 2 <= len(letters) <= 4 or i < 1:
        return False
    if i >= len(letters) and spelled_by_initials(letters, [t.text for t in tokens[i - len(letters):i]]):
        return True
    parts = [p for t in tokens[max(0, i - len(letters)):i] for p in t.text.split("-") if p]
    if len(parts) >= len(letters) and spelled_by_initials(letters, parts[-len(letters):]):
        return True  # ("vision-language model (VLM)": a hyphen's words count one by one)
    capitals = [p for t in tokens[max(0, i - len(letters) - 2):i] for p in t.text.split("-") if p[:1].isupper()]
    return len(capitals) >= len(letters) and spelled_by_initials(letters, capitals[-len(letters):]) \
        and all(p.isalpha() and p[1:].islower() for p in capitals[-len(letters):])
    # ("the Domain pre-trained Vision-Language Model (DVLM)": its capitalised words, plain words all, spell it)


def _compared_before(tokens: list[Token], i: int, text: str, name: str = "") -> bool:
    """Do the lexicon's comparison words ("outperforms", "compared to", "on par with", "a gain over", "than")
    stand just before token i, or before "the" and one or two lower-case words ("than the concurrent X")?
    Only a coined name counts after the words between."""
    start = tokens[i].start
    said = roles.lexicon().compared_name.search(" ".join(text[max(0, start - 60):start].split()) + " ")
    return said is not None and (said.group(1) is None or CAMEL_OR_DIGIT.search(name or tokens[i].text) is not None)


SCORE: Final = re.compile(r"[\d.,]+\\?%?|\d+(?:\.\d+)?(?:pp|points?)")
"""A score written before "on": "57.2%", "57.2\\%", "6", "3.1pp"."""
ROLE_NOUNS: Final = frozenset("teacher student teachers students".split())
"""Nouns naming the role a model plays, written before its name."""
MEASURES: Final = frozenset("tokens token gpus gpu layers layer hours steps samples examples".split())
"""Non-model heads that measure something ("trained for 4.8T tokens, called X"): they say nothing of X."""


CITATION: Final = re.compile(r"\bet al\b|\b(?:19|20)\d\d[a-z]?$")


def _after_citation(tokens: list[Token], j: int) -> int | None:
    """The token after a citation that opens at j, in parentheses ("(Conneau et al. 2020)") or the authors
    named before their year ("Marlo et al. (2023)"), or None."""
    if not tokens[j].lead.startswith("("):
        if not (j + 3 < len(tokens) - 1 and tokens[j].text[:1].isupper() and tokens[j + 1].lower == "et"
                and tokens[j + 2].lower == "al" and tokens[j + 3].lead.startswith("(")):
            return None
        j += 3
    k = closing_parenthesis(tokens, j, min(j + 8, len(tokens) - 1))
    if k is None:
        return None
    return k + 1 if CITATION.search(" ".join(t.text for t in tokens[j:k + 1])) else None


VERSION_HEADS: Final = frozenset("version versions variant variants counterpart counterparts checkpoint checkpoints".split())
"""Nouns for another state of a model: what a cue after them names is a model."""


def _named_what(tokens: list[Token], cue: int, model_heads: frozenset, non_heads: frozenset) -> str | None:
    """What "called X" / "namely X" names: the nearest head noun before the cue, in its clause; past a
    modifier ("chat LLMs with diverse architectures and scales, namely X": the LLMs are named)."""
    start = max(0, cue - 14)
    for k in range(cue - 1, start - 1, -1):
        w = tokens[k].lower.rstrip(",")
        if k < cue - 1 and tokens[k].trail.strip()[:1] in (";", ":", "."):
            return None
        if w in model_heads or w in VERSION_HEADS:
            return "model"  # "its instruction-tuned version (termed X)"
        if w in non_heads and w not in MEASURES:
            for p in range(k - 1, max(start, k - 6) - 1, -1):  # "LLMs with diverse architectures and scales"
                if tokens[p].trail.strip():
                    break
                if tokens[p].lower in MODIFIER_OPENERS or tokens[p].lower in MADE_PARTICIPLES:
                    # ("a high-capacity model trained on this data, which we call X": a participle opens it too)
                    if p > 0 and tokens[p - 1].lower in model_heads and not tokens[p - 1].trail.strip():
                        return "model"
                    break
            return "model" if subject_model_made(tokens, k, model_heads) else "other"
    return None


def subject_model_made(tokens: list[Token], k: int, model_heads: frozenset) -> bool:
    """"Our Kelp model trained with preference optimization employing new methods, dubbed X, ...": the
    sentence opens on a model and a participle of how it was made, with no break up to the head at ``k``:
    the name names that model, not the methods its modifier ends on."""
    for p in range(min(k, 4)):
        if tokens[p].trail.strip():
            return False
        if tokens[p].lower in model_heads:
            return p + 1 < k and tokens[p + 1].lower.endswith("ed") and tokens[0].lower in ("our", "the", "this") \
                and not any(t.trail.strip() for t in tokens[p + 1:k])
    return False


MADE_PARTICIPLES: Final = APPOSITIVE_MADE | {"tuned", "learned"}
"""Participles that open what a head noun was made on ("a model *trained* on this data")."""
MODIFIER_OPENERS: Final = frozenset("with of across in at from under for".split())
"""Prepositions that open a modifier after a head noun ("LLMs *with* diverse architectures", "a model *for* Basque prompts")."""


def _example_of_models(tokens: list[Token], i: int, model_heads: frozenset) -> bool:
    """"... models (e.g., X)", "LLMs such as X", "models like X": X is given as a model; so is every name
    of the list X opens ("LLMs like A, B, and C")."""
    i = _before_owner(tokens, i)  # "such as Kelp's embed-v3 and Open Fern's text-embed-3": the names after the owners
    first = _list_start(tokens, i)
    return _example_at(tokens, i, model_heads) or (first != i and _example_at(tokens, first, model_heads))


def _modifies_next(tokens: list[Token], i: int) -> bool:
    """Is the plain word at i the first word of a capitalised term ("Vision Transformers", "Constitutional AI"):
    a capitalised word right after it, no punctuation between?"""
    return i + 1 < len(tokens) and not tokens[i].trail.strip() and not tokens[i + 1].lead \
        and tokens[i + 1].text[:1].isupper() and tokens[i + 1].text.isalpha() \
        and tokens[i + 1].text not in NAMED_ARCHITECTURES  # ("Nucleotide Transformer": one name, read on)


def _before_owner(tokens: list[Token], i: int) -> int:
    """Where the owner written before token i opens ("Kelp's", "Open Fern's": one or two capitalised words and
    a possessive), or i."""
    if i == 0 or not _maker_possessive(tokens[i - 1]):
        return i
    j = i - 1
    if j > 0 and tokens[j - 1].text[:1].isupper() and not tokens[j - 1].trail.strip() \
            and tokens[j - 1].lower not in STOP_PREFIX:
        j -= 1
    return j


def owns_the_next(tokens: list[Token], span: Span) -> bool:
    """Is the span a maker's possessive before a name ("Kelp's embed-v3"): an owner, not a model?"""
    return span.j < len(tokens) and _maker_possessive(tokens[span.j - 1]) and is_core(tokens[span.j].text) \
        and not tokens[span.j].lead


def _example_of_data(tokens: list[Token], i: int) -> bool:
    """"preference datasets, such as A, B, and C", "benchmarks (e.g., X)": X, or the list X opens, is given as
    data (a head of the lexicon's dataset kind, or "benchmarks", before "such as", "like", "including", "e.g.")."""
    data = lexicon().kinds.dataset | {"benchmarks"}  # (not "the leaderboard, including A and B": its entries)
    return any(_example_head(tokens, j) in data for j in {i, _list_start(tokens, i)})


def _example_head(tokens: list[Token], i: int) -> str | None:
    """The noun a list of examples opening at token i exemplifies ("datasets" of "datasets, such as X")."""
    k = _noun_before_examples(tokens, i)
    return tokens[k].lower if k is not None and k >= 0 else None


def _list_start(tokens: list[Token], i: int) -> int:
    """Where the list of one-word names that token i ends opens ("A, B, and C" for C), or i."""
    j = i
    for _ in range(6):
        prev = tokens[j - 1] if j > 0 else None
        if prev is not None and prev.lower in ("and", "or") and j >= 2 and tokens[j - 2].text[:1].isupper() \
                and tokens[j - 2].trail.strip() in (",", ""):
            j -= 2
        elif prev is not None and prev.trail.strip() == "," and prev.text[:1].isupper() and j >= 2:
            j -= 1
            while j >= 2 and tokens[j - 1].text[:1].isupper() and not tokens[j - 1].trail.strip() \
                    and tokens[j - 2].trail.strip() in (",", ""):
                j -= 1  # "such as Open Assistant, X": a name of two words in the list
        else:
            break
    return j


EXAMPLE_MARKS: Final = ("e.g", "e.g.", "eg")
"""Abbreviations that open examples of the noun before them ("models (e.g., X)")."""


def _noun_before_examples(tokens: list[Token], i: int, marks: tuple[str, ...] = EXAMPLE_MARKS) -> int | None:
    """Where the noun stands whose examples open at token i ("LLMs such as X", "models like X", "datasets
    (e.g., X)"): its index (-1 at the sentence's start), or None when no example word precedes i."""
    k = i - 1
    if k >= 0 and tokens[k].lower in marks:
        return k - 1
    if k >= 1 and tokens[k].lower == "as" and tokens[k - 1].lower == "such":
        return k - 2
    if k >= 0 and tokens[k].lower in ("like", "including"):
        return k - 1
    return None


def _example_at(tokens: list[Token], i: int, model_heads: frozenset) -> bool:
    # (and "a text-to-image model (i.e., X)": the model the noun names)
    k = _noun_before_examples(tokens, i, EXAMPLE_MARKS + ("i.e", "i.e."))
    if k is not None:
        return k >= 0 and tokens[k].lower in model_heads
    k = i - 1
    if k >= 0 and tokens[i].lead.startswith("(") and not tokens[k].trail.strip() and tokens[k].lower.endswith("s") \
            and tokens[i].text[:1].isalpha():  # (not "20 open-source LLMs (8B--671B)": their sizes)
        # "trained on the best base models (A, B 3)": the models named; not the class's short name
        # ("vision-language models (LVLMs)", "Code Large Language Models (Code LLMs)", "... models (VLA)")
        end = closing_parenthesis(tokens, i, min(i + 12, len(tokens)))
        inside = tokens[i:end + 1] if end is not None else []
        return tokens[k].lower in model_heads and bool(inside) and not any(
            t.lower.strip(",") in model_heads or PLURAL_ACRONYM.match(t.text) for t in inside) \
            and not (len(inside) == 1 and inside[0].text.isupper() and inside[0].text.isalpha())
    # "two popular legal PLMs, A and B": names listed after a counted plural model head and a comma
    while k >= 1 and (tokens[k].lower in ("and", "or") or tokens[k].text[:1].isupper()) \
            and not tokens[k].lower.endswith("s") and k > i - 6:
        k -= 1
    return k >= 1 and tokens[k].trail.strip() == "," and tokens[k].lower in model_heads \
        and tokens[k].lower.endswith("s") and any(t.lower in lexicon().count_words for t in tokens[max(0, k - 4):k])


def _head_after(tokens: list[Token], j: int) -> str | None:
    """The first head-like word within a few tokens after position j."""
    model_heads, non_heads = model_words().model_heads, model_words().non_model_heads
    for k in range(j, min(j + 4, len(tokens))):
        if tokens[k].trail.strip() and k > j:
            return tokens[k].lower
        w = tokens[k].lower
        if w in model_heads or w in non_heads:
            return w
    return None


def _closes_opening(tokens: list[Token], k: int) -> bool:
    """Is the comma after token ``k`` the first of a sentence that opens on an adverbial clause whose gerund has
    a doer ("After fine-tuning the model, X ...": roles.AGENT_OPENER)?"""
    return bool(tokens) and roles.AGENT_OPENER.fullmatch(tokens[0].text) is not None \
        and not any(t.trail.strip() for t in tokens[:k])


def _adjectival(tokens: list[Token], j: int) -> bool:
    """Lower-case modifiers before a head ("X open-weight models"), not a verb ("X extends models")."""
    first = tokens[j].lower if j < len(tokens) else ""
    if first.endswith("s") and not first.endswith(("ss", "us", "'s")) and len(first) > 3:
        return False
    return all(tokens[k].text[:1].islower() for k in range(j, min(j + 3, len(tokens))))


NAME_CUES: Final = lexicon().name_cues
"""Words after which a name is given ("called X", "we name it X"): the shared lexicon's."""
CUE_THEN: Final = frozenset(("as", "it", "them"))
"""Words between a name cue and the name: "termed as X", "we called it X", "we name them X and Y"."""


def _after_name_cue(tokens: list[Token], i: int) -> bool:
    """Does a name cue come right before token i, or before "as", "it" or "them" right before it?"""
    return i > 0 and (tokens[i - 1].lower in NAME_CUES
                      or (i > 1 and tokens[i - 1].lower in CUE_THEN and tokens[i - 2].lower in NAME_CUES))




def _acronym_closing(tokens: list[Token], i: int) -> int:
    """The acronym in parentheses that closes a capitalised run from i ("Advanced ... trAnslator (ALMA)"), or i."""
    for j in range(i + 1, min(i + 9, len(tokens))):
        if tokens[j].lead.startswith("("):
            return j
        if tokens[j - 1].trail.strip():
            break
    return i


def _long_form_after_as(tokens: list[Token], i: int) -> int | None:
    """Where a long form begins right after "as", the acronym in parentheses at i closing it, or None."""
    for k in range(i - 1, max(0, i - 8), -1):
        if tokens[k - 1].lower == "as" and tokens[k].text[:1].isupper():
            return k
        if tokens[k].trail.strip():
            return None
    return None


def _called_a_model(tokens: list[Token], i: int, text: str) -> bool:
    """Is token i named as a model by the words before it ("We call the resulting model X", "We refer to the
    model after continued pre-training as X")?"""
    if i >= 2 and tokens[i - 1].lower == "as" and CUES.referred_as.search(text, max(0, tokens[i].start - 110), tokens[i].start):
        return _acronym_closing(tokens, i) == i  # not the first word of a long form its acronym closes: the acronym
        # is the name
    if tokens[i].lead.startswith("(") and (k := _long_form_after_as(tokens, i)) is not None \
            and CUES.referred_as.search(text, max(0, tokens[k].start - 110), tokens[k].start):
        return True  # "... as Advanced Language Model-based trAnslator (ALMA)": the acronym of the name given
    return i >= 2 and tokens[i - 1].lower in model_words().model_heads \
        and CUES.called_model_before.search(text, max(0, tokens[i].start - 60), tokens[i].start) is not None
NOT_NOUNS: Final = frozenset("that which who whose where when whereby while via through with for to of in on from by as at and "
                      "or but than is are was were has have "
                      "can could will would designed trained built based using capable able tailored optimized "
                      "developed released specialized further then also first additionally".split())


def _tail_of_capitalised_phrase(tokens: list[Token], span: Span, name: str) -> bool:
    """"Reinforcement Learning from Human Feedback": a plain capitalised word ending a run of capitalised words
    (no comma between) is the last word of a long form, not a model a derivation's words make a parent."""
    if span.j - span.i != 1 or not PLAIN_WORD.fullmatch(name) or span.i == 0 or family_stem(name):
        return False
    before = tokens[span.i - 1]
    return not before.trail.strip() and before.text[:1].isupper() and before.text.isalpha() \
        and before.lower not in STOP_PREFIX


PLAIN_WORD: Final = re.compile(r"[A-Z][a-z]+")


BENCHMARK_NAME: Final = re.compile(r"(?:bench|eval)(?:[- ]?v?\d+(?:\.\d+)*)?$", re.IGNORECASE)
"""A name ending on "Bench" or "Eval", a version after it or not: a benchmark's ("KelpEval-2", "Kelp-Bench 1.5")."""


ROLE_REASON: Final = "the {} of a derivation"
"""The reason given a name that a derivation's sentence makes a parent or a child (kg.extract.roles)."""




METHOD_HEADS: Final = frozenset("method framework approach system".split())
"""Heads authors give their models as often as their methods: what the sentence says it was made from decides."""


def _method_with_weights(tokens: list[Token], cue: int, text: str, end: int) -> bool:
    """Is the head a name cue names a method word (a few words before the cue) made from a model after the name
    ("a framework, dubbed X, built upon Y": MADE_AFTER; "..., which is derived from Y": CUES.made_from_later)?"""
    return any(t.lower in METHOD_HEADS for t in tokens[max(0, cue - 3):cue]) and (
        MADE_AFTER.match(text, end) is not None or CUES.made_from_later.search(text, end) is not None
        or TRAINED_AFTER.match(text, end) is not None)


TRAINED_AFTER: Final = re.compile(r"[\"\u201d']?,? (?:which|that) (?:can be|is|was|are|were|has been) (?:\w+ly )?"
                           r"(?:pre-?)?trained\b")
""""a method called "X", which can be trained directly from reanalysis data": a method with weights, a model."""


def _word_then_stem(name: str, stem: str) -> bool:
    """"DoctorGLM", "PandaGPT": one capitalised word run into a family stem that ends the name."""
    head = name[: len(name) - len(stem)]
    return name.lower().endswith(stem) and len(head) >= 3 and head.isalpha() and head[:1].isupper() \
        and head[1:].islower() and name[len(head):].lower() == stem and not name[len(head):].islower()


def _names_the_new_model(tokens: list[Token], span: Span, model_heads: frozenset[str]) -> bool:
    """"we present a novel LLM for generative recommendation (KelpRec)": a name in parentheses closing
    the object of an introducing verb whose head is a model word."""
    if not tokens[span.i].lead.startswith("(") or ")" not in tokens[span.j - 1].trail:
        return False
    for a in range(span.i - 1, max(0, span.i - 12), -1):
        if tokens[a].trail.strip():
            return False
        if tokens[a].lower in ("a", "an"):
            return a > 0 and tokens[a - 1].lower in lexicon().intro.for_models and any(
                t.lower in model_heads for t in tokens[a + 1:min(a + 5, span.i)])
    return False


def _ends_opening_clause(tokens: list[Token], span: Span) -> bool:
    """"Initialized from Kelp-Base, the model undergoes ...": the comma after the name closes the
    sentence's opening participle clause; what follows is the sentence's subject, not an appositive."""
    first = tokens[0].lower.replace("-", "") if tokens else ""
    return span.i > 0 and tokens[span.j - 1].trail.strip() == "," \
        and (_participle(first) or first in OPENING_PARTICIPLES) \
        and not any(t.trail.strip() for t in tokens[:span.i])


OPENING_PARTICIPLES: Final = frozenset({"built", "using", "given", "made", "taken", "starting"})
"""Opening participles that the ``-ed`` / ``-ing`` test does not catch."""


def _participle(word: str) -> bool:
    """"a ... model pretrained on ...", "a model leveraging ...": a participle after the head."""
    return len(word) > 4 and ((word.endswith("ed") and not word.endswith("eed"))
                              or (word.endswith("ing") and len(word) > 6))


ASIDE_REACH: Final = 40
"""Words a parenthesis between a name and its appositive may hold: "we develop Kelp (we are working with
our legal team to release a diff of the weights at https://...), a 13-billion parameter model"."""


def _after_aside(tokens: list[Token], j: int) -> int | None:
    """"X (KCM), a 7B model", "X (Kelp Code Model) - an open model": where the appositive after a name's
    parenthesis starts, or None when none follows it."""
    k = closing_parenthesis(tokens, j, min(j + ASIDE_REACH, len(tokens)))
    if k is None:
        return None
    after = tokens[k].trail.split(")", 1)[1].strip()
    if after in (",", ":"):
        return k + 1
    if not after and k + 1 < len(tokens) and tokens[k + 1].text in DASH_TOKENS:
        return k + 2
    return None


def _after_expansion(tokens: list[Token], j: int, last: Token) -> int:
    """"LLaVA: Large Language and Vision Assistant, an ... model": where the appositive starts."""
    if last.trail.strip() != ":":
        return j
    for k in range(j, min(j + 8, len(tokens))):
        t = tokens[k]
        if not (t.text[:1].isupper() or t.lower in ("and", "of", "for", "with", "the")):
            return j
        if t.trail.strip() == ",":
            return k + 1
    return j


def _adjective_run(tokens: list[Token], k: int) -> bool:
    """"competitive, truly open", "open-data, 8192 context length": a comma between two modifiers, not the
    end of the appositive."""
    word, nxt = tokens[k], tokens[k + 1] if k + 1 < len(tokens) else None
    return (nxt is not None and word.text.replace("-", "").isalpha() and word.text.islower()
            and (nxt.text.isdigit() or (nxt.text.replace("-", "").isalpha() and nxt.text.islower()))
            and nxt.lower not in NOT_NOUNS
            and nxt.lower not in ("a", "an", "the"))  # "fully open, state-of-the-art" too


def _maker_possessive(token: Token) -> bool:
    """"Kelp's", "DeepFern's": a maker's possessive opening an appositive ("X, Kelp's first reasoning model")."""
    return token.text[:1].isupper() and token.trail.strip() in ("'s", "\u2019s")


APPOSITIVE_TRAINED: Final = (frozenset("trained pretrained pre-trained".split()), frozenset("on with".split()))
"""An appositive's "... <noun> *trained on* ...": the noun is a model's head."""


def _appositive_head(tokens: list[Token], j: int, heads: frozenset) -> str | None:
    """After "X," or "X is": does "a/an/the/our ... HEAD" follow ("X, Kelp's first reasoning model": a maker's
    possessive opens it too)? Return HEAD."""
    if j >= len(tokens) or (tokens[j].lower not in ("a", "an", "the", "our", "its", "is")
                            and not _maker_possessive(tokens[j])):
        return None
    if tokens[j].lower == "is" and (j + 1 >= len(tokens) or tokens[j + 1].lower not in ("a", "an", "the", "our")):
        return None  # "Our model, X, is trained on our data": a verb, no appositive
    instance_of = False
    for k in range(j + 1, min(j + APPOSITIVE_WINDOW, len(tokens))):
        w = tokens[k].lower
        if w in heads and instance_of and w not in model_words().model_heads:
            return None
        if w in heads:
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            if nxt is not None and not tokens[k].trail and nxt.text.isalpha() and nxt.text.islower() \
                    and nxt.lower not in NOT_NOUNS and not _participle(nxt.lower) and not nxt.lower.endswith("ly"):
                continue  # "a permissive model license": "model" modifies the real head
            if nxt is not None and not tokens[k].trail and nxt.lower in model_words().model_heads \
                    and w not in model_words().model_heads:
                continue  # "a new benchmark LLM designed for ...": the model head after it is the head
            if nxt is not None and not tokens[k].trail and nxt.lower.endswith("ing") and not nxt.trail \
                    and k + 2 < len(tokens) and tokens[k + 2].lower in model_words().non_model_heads:
                continue  # "a state-of-the-art LLM serving framework": a framework that serves LLMs
            return w
        if w in ("for", "that", "which", "to"):
            return None  # "an automatic evaluator for ... language models": what it is for is no head
        if w == "of" and tokens[k - 1].lower in lexicon().variant_of_words:
            instance_of = True  # "X, an instantiation of this recipe": X is made by the recipe, not the recipe
            continue  # (but "X, an extension of the Y model" is a model)
        trail = tokens[k].trail.strip()
        if not trail and k + 2 < len(tokens) and tokens[k + 1].lower in APPOSITIVE_TRAINED[0] \
                and tokens[k + 2].lower in APPOSITIVE_TRAINED[1] and tokens[k].text.replace("-", "").isalpha() \
                and tokens[k].text.islower() and "model" in heads:
            return "model"  # "X, a large transformer-based policy trained on 800k trajectories from the Y
            # dataset": a noun no list knows, said to be trained, heads a trained artefact (not "dataset" after it)
        if trail == "," and _adjective_run(tokens, k):
            continue  # "a competitive, truly open language model"
        if trail and (trail[0] in ".;:" or (trail[0] == "," and not ("-" in tokens[k].text and tokens[k].text.islower()))):
            return None  # the appositive ended without a head ("state-of-the-art," goes on; "Kelp-7B," ends it)
    return None


def _outside_parentheses(tokens: list[Token]) -> list[Token]:
    """Drop parenthetical asides and bracketed citations: "X (133B tokens) and Y", "X [Kim et al., 2023] and
    Y" list X and Y."""
    out, depth = [], 0
    for t in tokens:
        depth += t.lead.count("(") + t.lead.count("[")
        if depth == 0:
            out.append(t)
        depth = max(0, depth - t.trail.count(")") - t.trail.count("]"))
    return out


def coordinate(spans: list[Span], tokens: list[Token]) -> list[list[Span]]:
    """Groups of spans listed together: "A, B, and C", "A and B", "A & B"."""
    groups: list[list[Span]] = []
    current: list[Span] = []
    for s in spans:
        if current:
            prev = current[-1]
            gap = _outside_parentheses(tokens[prev.j:_before_owner(tokens, s.i)])  # (not "and Open Kelp's")
            joined = prev.j == s.i and tokens[prev.j - 1].trail.strip() in (",", "")
            linked = (len(gap) == 1 and gap[0].lower in ("and", "or", "&", "vs", "versus")) or (
                len(gap) == 0 and tokens[prev.j - 1].trail.strip() == ",") or (
                len(gap) == 1 and gap[0].lower in ("and", "or") and tokens[prev.j - 1].trail.strip() == ",")
            if (prev.i == s.i) or linked or (joined and tokens[prev.j - 1].trail.strip() == ","):
                current.append(s)
                continue
            groups.append(current)
        current = [s]
    if current:
        groups.append(current)
    # "For Kelp-70B, X achieved ...": a name closing an opening phrase and the subject after it are no list
    return [g for group in groups for g in ([[group[0]], [group[1]]] if len(group) == 2 and group[0].i != group[1].i
                                            and _comma_only(tokens, group[0], group[1]) else [group])]


EXAMPLES_BEFORE: Final = re.compile(r"(?:such as|e\.g\.,?|like|including) $")


def _comma_only(tokens: list[Token], a: Span, b: Span) -> bool:
    """Is ``a`` an opening phrase's name ("For Kelp-70B, ..."), the comma after it ending the phrase?"""
    gap = _outside_parentheses(tokens[a.j:b.i])
    return not gap and tokens[a.j - 1].trail.strip() == "," and a.i <= 3 and tokens[0].lower in OPENING_PREPOSITIONS


OPENING_PREPOSITIONS: Final = frozenset("for on with in against over unlike compared like besides beyond".split())


def _next_listed_after_head(tokens: list[Token], head: int, model_heads: frozenset[str]) -> bool:
    """Does the model head at ``head`` open the next item of a list of "<kind> model <name>" items ("the
    reward model X, chat language model Y, and critique model Z": at "model" before Y or Z)?"""
    j = head - 1
    while j > head - 4 and j > 0 and tokens[j].text.islower() and tokens[j].lower != "and" \
            and not tokens[j].trail.strip():
        j -= 1  # the item's lower-case words ("chat language")
    joined = tokens[j].lower == "and"
    if joined:
        j -= 1  # "the judge model X and retrieval model Y"
    return 1 <= j < head and (joined or tokens[j].trail.strip() == ",") and tokens[j].trail.strip() in ("", ",") \
        and tokens[j - 1].lower in model_heads and not tokens[j - 1].trail.strip()


def find_models(sentence: str) -> tuple[list[Span], list[Token]]:
    """Candidate spans of ``sentence`` with scores (spans with is_model are models).

    A sentence met again (stock phrases, a paper listed in several files) is not read again:
    its spans are made anew from the first reading, so callers may change them freely.
    """
    spans, tokens = _find_models(sentence)
    return [_thawed(s) for s in spans], [_new_token(Token, t) for t in tokens]


_new_token = tuple.__new__
_SPAN_FIELDS: Final = tuple(f.name for f in fields(Span))


def _frozen(span: Span) -> tuple:
    """A span as a plain tuple of its fields (its reasons a tuple too)."""
    return tuple(tuple(span.reasons) if f == "reasons" else getattr(span, f) for f in _SPAN_FIELDS)


def _thawed(frozen: tuple) -> Span:
    # (made by its __init__, not by object.__new__ and its __dict__: compiled by mypyc, a Span has no __dict__)
    i, j, name, score, reasons, family_level, size, suffix = frozen  # (_SPAN_FIELDS, in order)
    return Span(i, j, name, score, list(reasons), family_level, size, suffix)


@lru_cache(maxsize=32768)
def _find_models(sentence: str) -> tuple[tuple[tuple, ...], tuple[tuple, ...]]:
    """The spans and tokens of a sentence, kept as plain tuples of strings and numbers: the garbage collector
    stops looking into a tuple that holds nothing else, while a cache of 30,000 sentences' Span objects and
    Token named tuples (a tuple's subclass is never let go) was most of what every full collection walked."""
    tokens = tokenize(sentence)
    spans = candidate_spans(tokens, sentence)
    for s in spans:
        score_span(s, tokens, sentence)
    for group in coordinate(spans, tokens):
        if len(group) > 1 and any("named as a dataset or method" in " ".join(s.reasons) for s in group):
            for s in group:
                if s.score > -3:
                    s.add(-5, "listed with a dataset or method")
            continue
        if len(group) > 1 and all(0 < g.score < THRESHOLD and any("family stem" in r for r in g.reasons) for g in group) \
                and EXAMPLES_BEFORE.search(sentence, 0, tokens[group[0].i].start):
            for g in group:  # "studied in the biomedical domain, such as BioKelp and PubKelp": names on families
                g.add(THRESHOLD - g.score, "examples named on a family")
        if len(group) > 1 and "+2 what a model is compared with" in group[0].reasons:
            for s in group[1:]:  # "outperforms X and Y": what the comparison word governs, each of the list
                if s.score > -3 and "+2 what a model is compared with" not in s.reasons:
                    s.add(2, "what a model is compared with")
                    if "+1 what the authors' model beats" in group[0].reasons and CAMEL_OR_DIGIT.search(s.name):
                        s.add(1, "what the authors' model beats")
        if len(group) > 1 and any(s.score >= THRESHOLD for s in group):
            for s in group:
                if 0 <= s.score < THRESHOLD:
                    s.add(THRESHOLD - s.score, "listed with a model")
    return tuple(map(_frozen, spans)), tuple(map(tuple, tokens))


COMPOUND: Final = (re.compile(r"^(?P<word>[A-Z][a-z]{2,}-?|[A-Z][A-Za-z]{1,3}-)(?P<base>[A-Z].*)$"),  # "MobileKelp", "HQ-Kelp"
            re.compile(r"^(?P<base>.+?)[-_ ](?P<word>[A-Z][a-z]{2,})$"))  # "Kelp-Lightning"
"""A name made of a model's name and one word of its own."""


TAGGED: Final = re.compile(r"^(?P<base>.+?)-(?P<tag>[A-Z][A-Za-z]{1,3})$")
"""A model's name and a short tag in capitals: "Kelp-UI", "Kelp-MoE", "KelpVLA-OFT"."""
NOT_A_STEP: Final = frozenset("base small mini medium large tiny nano micro xl xxl lite".split())
"""Words a sibling's name adds ("Kelp-1-base", "Kelp-1-XL"): a size or the base, not a later step or a tag."""


def tagged_base(name: str, keys: dict[str, str]) -> str | None:
    """The model of the record a name tags ("KelpVLA-OFT" -> "KelpVLA", "Kelp-MoE" -> "Kelp"); not a size,
    a version, a variant word ("-IT", "-SFT": other rules read those) or a family's member letters ("-XL")."""
    m = TAGGED.match(name)
    if not m or sum(c.isupper() for c in m.group("tag")) < 2 or m.group("tag").lower() in variants() \
            or m.group("tag").lower() in NOT_A_STEP:
        return None
    base = keys.get(model_key(m.group("base")))
    return base if base and model_key(base) != model_key(name) else None


SPACED: Final = re.compile(r"^(?P<word>[A-Z][a-z]{2,}(?<!ing)) (?P<base>[A-Z].*)$")
"""A model's name after a word of its own and a space: "Lawyer Kelp" (not "Distilling Kelp")."""


def suffix_base(name: str, keys: dict[str, str]) -> str | None:
    """The sized model of the record a name ends with, after a name of its own ("KelpRM-Llama3-8B" ->
    "Llama-3 8B", "Kelp-Falcon-7B" -> "Falcon-7B"): a model built on that checkpoint, named the way hub
    names are. Only a base with its size: "Kelp-Falcon" may be a family's variant, read elsewhere."""
    parts = name.split("-")
    for k in range(1, len(parts)):
        own, rest = "-".join(parts[:k]), "-".join(parts[k:])
        if not own[:1].isupper() or not size_of(rest) or family_stem(own):
            continue
        base = keys.get(model_key(rest))
        if base and model_key(base) != model_key(name):
            return base
    return None


def compound_base(name: str, keys: dict[str, str], spaced: bool = False, size_prefix: bool = False) -> str | None:
    """The model of the record a name is made from, with one capitalised word added ("MobileKelp" ->
    "Kelp", "Kelp-Lightning" -> "Kelp"); not a size, a version or a variant word (other rules read those).
    ``spaced``: also after a word and a space ("Lawyer Kelp"), for a name already known to be a model's;
    ``size_prefix``: also a variant word before the name ("TinyKelp"), for a model the record compresses."""
    for pattern in COMPOUND + ((SPACED,) if spaced else ()):
        m = pattern.match(name)
        if not m or (m.group("word").rstrip("-").lower() in variants() and not (size_prefix and pattern is COMPOUND[0])):
            continue
        base = keys.get(model_key(m.group("base")))
        if base and model_key(base) != model_key(name):
            return base
    return None
