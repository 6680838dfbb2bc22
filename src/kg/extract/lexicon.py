"""The cue words of "what a paper introduces and what it uses", loaded once for every extractor.

The models extractor and the contributions extractor read the same sentences
("We introduce Kelp, a family of models", "We propose Sparse Token Routing,
a method that ...", "we build on LoRA") and must agree on what marks them:
the introducing verbs, the authors as subject ("we", "this paper"), the name
cues ("a method called X"), the use verbs and the head nouns that say what
kind of thing a name is ("... dataset", "... benchmark", "... method").
They live as data in ``patterns/contributions.json`` and are read here into
one frozen, typed :class:`Lexicon` (``lexicon()``); the regular expressions
the extractors scan with are built from it, never written out again.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class IntroVerbs:
    """Word forms of the verbs by which authors introduce something ("we *present* X")."""

    both: frozenset[str]
    """Forms that introduce a model or a contribution: "introduce", "present", "release"."""
    models_only: frozenset[str]
    """Forms that introduce a model but not a method: "we *train* X", "we *obtain* X"."""
    contributions_only: frozenset[str]
    """Forms that introduce a method or data but not a model: "we *curate* X", "we *design* X"."""

    for_models: frozenset[str] = field(init=False, repr=False, compare=False)
    """``both`` and ``models_only``."""
    for_contributions: frozenset[str] = field(init=False, repr=False, compare=False)
    """``both`` and ``contributions_only``."""

    def __post_init__(self) -> None:
        # the unions are made once (fields, not cached_property: compiled by mypyc, a cached_property is
        # a plain property, and the union was made again at each read, in the hottest loops)
        object.__setattr__(self, "for_models", self.both | self.models_only)
        object.__setattr__(self, "for_contributions", self.both | self.contributions_only)


@dataclass(frozen=True)
class KindHeads:
    """Head nouns that say what a named thing is: "X, a new *corpus*" is a dataset."""

    dataset: frozenset[str]
    benchmark: frozenset[str]
    technique: frozenset[str]

    every: frozenset[str] = field(init=False, repr=False, compare=False)
    """Every head: a dataset's, a benchmark's or a technique's."""
    data: frozenset[str] = field(init=False, repr=False, compare=False)
    """The heads of what is measured or trained on: a dataset's or a benchmark's."""

    def __post_init__(self) -> None:  # (made once: see IntroVerbs)
        object.__setattr__(self, "every", self.dataset | self.benchmark | self.technique)
        object.__setattr__(self, "data", self.dataset | self.benchmark)


@dataclass(frozen=True)
class Lexicon:
    intro: IntroVerbs
    subjects: tuple[str, ...]
    """The authors as subject: "we", "this paper", "our work" (lower case, one space between words)."""
    group_subjects: frozenset[str]
    """"The KelpCode *community* ... introduces X": a named group that speaks for the authors."""
    name_cues: frozenset[str]
    """Words after which a name is given: "a technique *called* X", "*dubbed* X"."""
    use_verbs: frozenset[str]
    """Forms of the verbs by which authors use what exists: "we *leverage* X", "*building on* X"."""
    build_on: tuple[frozenset[str], frozenset[str]]
    """("build", "based", ...) and ("on", "upon"): "we *build on* X", "*based upon* X" use X."""
    made_with: tuple[frozenset[str], frozenset[str], frozenset[str]]
    """Participles ("labeled"), prepositions after them ("through") and prepositions that need no
    participle ("using"): "a dataset *labeled through* a three-round review pipeline"."""
    make_verbs: frozenset[str]
    """Verbs whose object a pipeline or method produces: "a pipeline that can *generate* a chat corpus"."""
    kinds: KindHeads
    np_stop: frozenset[str]
    """Words that end a noun phrase (prepositions, clause openers, verbs)."""
    keep_of_heads: frozenset[str]
    """Heads whose "of" stays inside the name: "mixture of experts", "chain of thought"."""
    generic: frozenset[str]
    """Words that name nothing on their own: "a novel approach" is no contribution."""
    about_words: frozenset[str]
    """"the *analysis* of X": nouns whose "of" phrase is what they are about, not what the paper makes."""
    lead_words: frozenset[str]
    """Words a contribution's name never opens with: "a high-quality chat corpus" is "chat corpus"."""
    praise_words: frozenset[str]
    """Praise a description opens with in lower case ("a small yet diverse instruction dataset"): no part of
    its name; in capitals it is ("Efficient Kelp Compression")."""
    act_nouns: frozenset[str]
    """"the *incorporation* of receding horizon control": nouns of an act whose "of" phrase is the thing the
    act brings in, named by that phrase."""
    rank_words: frozenset[str]
    """"we establish the *most* comprehensive benchmark of ...": a description opening on a rank claims it for
    what the record has already named."""
    count_words: frozenset[str]
    """"two new strategies": a count before a plural announces a list, not a name."""
    count_units: frozenset[str]
    """"2.4 trillion *tokens*": what a quantity counts; a number and one of these is never a contribution."""
    volume_units: frozenset[str]
    """"a corpus of 2T *tokens*": units of bulk, not of content; a count of them says how big data is, not what it
    holds ("a dataset of 130K problems" does)."""
    new_words: frozenset[str]
    """"a *novel* provenance auditing tool": the adjectives that make a phrase the authors' own."""
    key_words: frozenset[str]
    """"two *core* techniques: A and B": marks, beside the new words, of the authors' own listed parts."""
    our_not_new: frozenset[str]
    """"our *previous* method": words after "our" that make it not this paper's."""
    extend_words: frozenset[str]
    """"X, *broadening* the Y suite with ...": what an appositive says X grows from gives X's kind."""
    part_of_words: frozenset[str]
    """"a *slice* of our X corpus": X existed before; the paper uses it."""
    postpositive_words: frozenset[str]
    """"a teacher-student strategy *specific* to transformers": after a head, before "to" / "for": no part of the name."""
    crafted_words: frozenset[str]
    """"through a meticulously *engineered* data selection pipeline": after "a"/"an", the authors' own thing."""
    trained_on: tuple[frozenset[str], frozenset[str]]
    """("trained", "pretraining", ...) and ("on", "with"): "X is *trained on* an English legal corpus"."""
    variant_of_words: frozenset[str]
    """"X, a *variant* of Y": Y existed before; the paper uses it."""
    subtitle_stops: frozenset[str]
    """"Kelp: Open Code Model *for* Everyone": small words that end a subtitle's run of capitalised words."""
    component_nouns: frozenset[str]
    """"X comprises two innovative *components* including A and B": the parts of what is introduced."""
    component_verbs: frozenset[str]
    """"a solution, which *includes* A, B and C": the verbs that list what a new thing is made of."""
    component_list_openers: frozenset[str]
    """"innovations *like* A, B and C", "contributions *including* ...": words after a noun of parts that open
    the list of them ("such as" too)."""
    size_cues: frozenset[str]
    """"we release X, *which contains* 20K dialogues": what may stand between a coined name and its size."""
    others_words: frozenset[str]
    """"a new retrieval method *from prior work*", "*baselines*, including a new X": someone else's."""
    study_verbs: frozenset[str]
    """"we *compare* three schedules: (1) X and (2) Y": verbs whose listed objects are studied, not made."""
    parts_lists: frozenset[str]
    """"through two *phases*: (1) ...", "three key *insights*: (1) ...": nouns (with ``about_words``) before a
    numbered list whose items are the steps, merits or findings of one thing, not contributions."""
    stage_names: tuple[frozenset[str], frozenset[str]]
    """("first", "second", ...) and ("stage", "step", ...): "The *first stage*, Reasoning Injection, ..." names a
    stage of the authors' method."""
    enumerating_openers: frozenset[str]
    """"First, we implement A ...", "Finally, we employ C": after an announcement of the paper's new things, the
    sentences these words open name them one by one."""
    own_changes: frozenset[str]
    """"Our architectural design *advancements* include A and B": nouns for the changes the authors made."""
    ly_adjectives: frozenset[str]
    """"*early* stopping": words in -ly that are no adverbs; an adverb opens a clause ("fully open-source a ...")."""
    shared_object_verbs: frozenset[str]
    """"we develop and *extend* techniques to ...": verbs after an introducing verb and "and" sharing its object."""
    topic_heads: frozenset[str]
    """"X, a new *task*", "X (QA) *tasks*": what such a noun names is a topic, never a contribution."""
    connectives: frozenset[str]
    """"Moreover,", "Notably,": sentence adverbs, never a name."""


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = json.loads(resources.files("kg.extract").joinpath("patterns/contributions.json").read_text("utf-8"))

    def words(values: list[str]) -> frozenset[str]:
        return frozenset(v.lower() for v in values)

    intro = raw["introduce"]
    kinds = raw["kind_heads"]
    return Lexicon(
        intro=IntroVerbs(words(intro["both"]), words(intro["models"]), words(intro["contributions"])),
        subjects=tuple(" ".join(s.lower().split()) for s in raw["subjects"]),
        name_cues=words(raw["name_cues"]),
        group_subjects=words(raw["group_subjects"]["words"]),
        use_verbs=words(raw["use_verbs"]),
        build_on=(words(raw["build_on"]["verbs"]), words(raw["build_on"]["prepositions"])),
        made_with=(words(raw["made_with"]["participles"]), words(raw["made_with"]["prepositions"]),
                   words(raw["made_with"]["bare_prepositions"])),
        make_verbs=words(raw["make_verbs"]),
        kinds=KindHeads(words(kinds["dataset"]), words(kinds["benchmark"]), words(kinds["technique"])),
        np_stop=words(raw["np_stop"]),
        keep_of_heads=words(raw["keep_of_heads"]),
        generic=_with_plurals(words(raw["generic"])),
        about_words=words(raw["about_words"]),
        lead_words=words(raw["lead_words"]),
        praise_words=words(raw["praise_words"]),
        rank_words=words(raw["rank_words"]),
        act_nouns=words(raw["act_nouns"]),
        count_words=words(raw["count_words"]),
        count_units=words(raw["count_units"]),
        volume_units=words(raw["volume_units"]),
        new_words=words(raw["new_words"]),
        key_words=words(raw["key_words"]["words"]),
        our_not_new=words(raw["our_not_new"]),
        extend_words=words(raw["extend_words"]["words"]),
        part_of_words=words(raw["part_of_words"]["words"]),
        variant_of_words=words(raw["variant_of_words"]["words"]),
        trained_on=(words(raw["trained_on"]["words"]), words(raw["trained_on"]["prepositions"])),
        crafted_words=words(raw["crafted_words"]["words"]),
        postpositive_words=words(raw["postpositive_words"]["words"]),
        subtitle_stops=words(raw["subtitle_stops"]["words"]),
        component_nouns=words(raw["components"]["nouns"]),
        component_verbs=words(raw["components"]["verbs"]),
        component_list_openers=words(raw["components"]["list_openers"]),
        size_cues=words(raw["size_cues"]["words"]),
        others_words=words(raw["others_words"]),
        study_verbs=words(raw["study_verbs"]["verbs"]),
        parts_lists=words(raw["parts_lists"]["words"]),
        stage_names=(words(raw["stage_names"]["ordinals"]), words(raw["stage_names"]["nouns"])),
        enumerating_openers=words(raw["enumerating_openers"]["words"]),
        shared_object_verbs=words(raw["shared_object_verbs"]["words"]),
        ly_adjectives=words(raw["ly_adjectives"]["words"]),
        own_changes=words(raw["own_changes"]["words"]),
        topic_heads=words(raw["topic_heads"]["words"]),
        connectives=words(raw["connectives"]["words"]),
    )


def _with_plurals(nouns: frozenset[str]) -> frozenset[str]:
    """The words and their plurals ("strategy", "strategies"; "approach", "approaches"): a generic word
    says no more for being plural ("we present comprehensive strategies to ...")."""
    def plural(w: str) -> str:
        if w.endswith("y") and w[-2:-1] not in "aeiou":
            return w[:-1] + "ies"
        return w + "es" if w.endswith(("s", "sh", "ch", "x")) else w + "s"
    return nouns | {plural(w) for w in nouns if w.isalpha()}


def phrase_pattern(phrases: frozenset[str] | tuple[str, ...]) -> re.Pattern:
    """One case-blind regular expression for whole phrases ("we", "this paper", "make available").

    The longest phrase is tried first; a lookahead on the phrases' first letters lets a scan
    pass over every other position at once.
    """
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    firsts = "".join(sorted({re.escape(p[0]) for p in ordered}))
    alternatives = "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)
    return re.compile(rf"\b(?=[{firsts}])(?:{alternatives})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def model_intro_verbs() -> re.Pattern:
    """"introduce", "release", "train", "make available": the verbs that introduce a model."""
    return phrase_pattern(lexicon().intro.for_models)


@lru_cache(maxsize=1)
def subject_pattern() -> re.Pattern:
    """The authors as subject: "we", "this paper", "our work"."""
    return phrase_pattern(lexicon().subjects)
