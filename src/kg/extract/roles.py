"""Who was made from whom in one sentence: the roles of its models, not the order of its words.

A sentence states a derivation when it holds a *trigger* (a kind's cue word,
"fine-tune", "teacher", ..., or an anchor such as "based on", "on top of")
and models in two roles: a *parent*, what a model was made from, and a
*child*, what was made. The roles come from the grammar around each name,
read on the sentence with its names as placeholders ("We fine-tuned <M0> on
35B Python tokens, resulting in the creation of <M1>"):

- the words just before a name: "from", "on top of", "teacher" make a
  parent; "called", "resulting in", "into", "student" make a child;
- the object of an active trigger verb is a parent ("we fine-tuned <M0>",
  "to fine-tune <M0>");
- a name followed by a participle or a copula and one ("<M1>, fine-tuned
  from", "<M1> is based on", "<M1>, a model distilled from") is a child;
- a participle opening the sentence makes the names after its comma the
  children ("Finetuned from <M0> and <M1>, <M2> models achieve ...");
- "<M0>-based <M1>": the first is the parent.

Names listed together share a role ("<M0> and <M1>"). Two lists of the same
length pair up in order; otherwise each child takes each parent. A
comparison ("outperforms <M0>"), a data source ("<M0> outputs"), an
architecture ("the architecture of <M0>") is no parent. When the sentence
names parents and no child, the caller supplies the paper's own model,
provided the authors are the sentence's subject.

Pure functions on strings: the caller maps placeholders back to names.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Final

from kg.extract.lexicon import subject_pattern
from kg.extract.prefilter import Searcher, any_under_roots, gated, under_roots
from kg.extract.sizes import WRITTEN_SIZES

PLACEHOLDER: Final = re.compile(r"<M(\d+)>")
NOT_ON_A_MODEL: Final = (r"(?! (?:up)?on (?:an?|the) (?:[\w-]+ ){0,2}?(?:hypothesis|idea|observation|assumption|insight|principle|"
                  r"intuition|premise|finding|theory|notion|analysis)\b)")
"""After "based" / "built": not "X based on a simple hypothesis", "X built on the idea that ...", which make X
of no model."""
FILLER: Final = r"(?:(?!(?:of|with|for|in|on|upon|onto|into|at|by|to|from|than|as|via|using|through|over|under|against|between|and|or|that|which|who|is|are|was|were|we|they|it)\b)[\w.-]+[ ,]+){0,4}?"
"""Words between a marker and its name: determiners and modifiers ("the pretrained multilingual")."""


@dataclass(frozen=True)
class RoleLexicon:
    """The cue words of patterns/derivations.json ("cues" and "roles"), compiled once.

    The ``*_before`` patterns are matched on the text just before a name (they end at it), the
    ``*_after`` ones on the text just after it."""

    anchors: re.Pattern
    """Triggers of a bare "based on": "built on top of", "initialised from", "-based"."""
    any_trigger: re.Pattern
    """Any kind's cue word or any anchor: a sentence without one states no derivation."""
    parent_before: Searcher
    """"from <M0>", "on top of <M0>", "teacher <M0>", "a version of <M0>"."""
    parent_before_named: re.Pattern
    """"tuned on <M0>": a parent only where <M0> is a model already ("tuned on our chat data" is data), so
    read by ``read`` and never taken as evidence that a name is a model (``role_of``)."""
    parent_verb: Searcher
    """The object of a derivation verb the authors use: "we fine-tuned <M0>", "by distilling <M0>"."""
    applied_to: Searcher
    """"we apply DPO to <M0>": what a method is applied to is the parent."""
    parent_after: re.Pattern
    """"<M0> as the teacher", "<M0> is used to initialise ..."."""
    replacement_before: re.Pattern
    """"replace the image encoder in <M0> with <M1>": the new part <M1> is a parent as <M0> is."""
    step_then_our_model: re.Pattern
    """"After fine-tuning the <M0> model on this dataset, our model achieved ...": a derivation verb's step in an
    opening, then the authors' model the sentence does not name."""
    composition: re.Pattern
    """"combines", "integrating", "connects": a model put together from the parts of others."""
    component_after: re.Pattern
    """"<M0> encoder", "<M0> language model": a model named as a part, after a ``composition`` verb."""
    component_before: re.Pattern
    """"a frozen advanced LLM, <M0>": a model named as a part just after the part's noun."""
    part_after: re.Pattern
    """"<M0> encoder", "<M0> as the vision encoder": a model named as a part, after a verb that uses a part
    (``uses_part``: "utilizing a <M0> encoder", "adopts <M0> as its language model")."""
    part_as_tool: re.Pattern
    """"... encoder to filter ...", "... backbone for scoring": a model used as a tool on the data, not a part."""
    child_before: Searcher
    """"called <M0>", "resulting in <M0>", "to obtain <M0>", "student <M0>"."""
    child_after: re.Pattern
    """"<M0>, fine-tuned from", "<M0> is based on", "<M0>, a model distilled from", "<M0>, which is ..."."""
    named_base: re.Pattern
    """"its base model, <M0>": the model's own base, named even where the sentence compares the two."""
    kind_before: dict[str, re.Pattern]
    """The one kind the words just before a parent name give ("merged with <M0>": merged)."""
    pretrained_on_data: re.Pattern
    """"pre-trained on a large clinical corpus": said of a model, more pre-training of what it is built on."""
    findings: re.Pattern
    """"We find that ...", "we show that ...": a result reported, not a step of the recipe."""
    excluded_before: Searcher
    """Never a parent: "outperforms <M0>", "data generated by <M0>", "the architecture of <M0>"."""
    excluded_after: re.Pattern
    """Never a parent: "<M0> outputs", "<M0>-generated", "<M0>'s architecture"."""
    excluded_possessed: re.Pattern
    """"extends <M0>'s potential": what is made from is something of the model's, not the model."""
    reported: re.Pattern
    """A sentence about a successor, an earlier version or a comparison states no derivation (a predecessor
    named in it is only left out of its reading, by ``excluded_before``)."""
    authors_opening: re.Pattern
    """"Our model ...", "Finetuned from <M0>, ...": openings that make the authors the makers."""
    coreference: re.Pattern
    """"It ...", "These models ...": the child is named in the sentence before."""
    plural_coreference: re.Pattern
    """"These models ...", "They ...": every model the sentence before introduced is the child."""
    resulting: re.Pattern
    """"The resulting model, <M0>, ...": the child of the sentence before."""
    resulting_named: re.Pattern
    """"... and the resulting lightweight encoder is termed <M0>": what a recipe made, given its name."""
    opener: re.Pattern
    """A participial opening ("Finetuned from <M0> and <M1>, ..."): its subject after the comma is the child."""
    unnamed_child: re.Pattern
    """"six dense models distilled from <M0>": the derivation is said of a noun, not of a named model."""
    model_verb: Searcher
    """"we train <M0> with RLHF": no role by itself, but what is trained is a model."""
    comparison: re.Pattern
    """"X outperforms both direct distillation from Y": a comparison between child and parent undoes the pair."""
    compared_name: re.Pattern
    """Right before a name: what the name is measured against ("outperforms ", "compared to the recent ");
    group 1 holds the article and lower-case words between, if any."""
    data_distilled_into: re.Pattern
    """Data as the subject of "distilled into <M>": <M> is the model trained on it, not a new one."""
    applied_method: re.Pattern
    """"applying CKO to <M0>": the method (group ``method``) and what it is applied to (group ``model``)."""
    our_subject: re.Pattern
    """"Our dataset is built on <M0>", "Our benchmark, based on <M0>, ...": group 1 is what the authors' thing is."""
    our_noun: re.Pattern
    """The noun an unnamed-child cue found is "our model": the paper's main model."""
    parent_participle: re.Pattern
    """"the instruction-tuned <M0>": a participle in a model's own phrase says how that model was made."""
    uses_part: re.Pattern
    """"<M0> leverages an image encoder in conjunction with a fine-tuned LLM based on <M1>": the model's parts."""
    sized_children: tuple[re.Pattern, ...]
    """A parent and the sizes of its children, the children named elsewhere ("we compress Y to 8B and 4B
    parameters", "deriving 8B and 4B models from Y"; "The resulting models, A-8B and A-4B")."""
    variant_word: re.Pattern
    """"X-plus, a variant enhanced through ...": the sentence says the longer name is a variant."""
    authors_own: re.Pattern
    """"Our ...", "The model is ...", "... for our models": a sentence about the authors' own model."""
    lead_in: re.Pattern
    """An opening before the subject: "In this work, we release ..." is the authors speaking."""
    may_be: re.Pattern
    """"X can be fine-tuned on consumer GPUs": what one may do with a model, not how it was made."""
    reports_on: re.Pattern
    """A sentence that reports on models ("Our analysis shows that X, fine-tuned from Y, ...", "we evaluate Y
    and its tuned variant X"): its child is not thereby the paper's own."""
    used_as_method: re.Pattern
    """After a name the authors use: what they use it as, when that is a method ("we use X as a plug-in")."""


def _lower_literals(pattern: str) -> str:
    """The pattern with its literal capitals in lower case (escapes such as \\S and \\W left alone)."""
    return re.sub(r"(?<!\\)[A-Z]", lambda m: m.group().lower(), pattern)


PREPOSITIONS: Final = "on|in|at|across|by|for|with|of|to|from|over|under|and|or|while|when|as"
""""outperforms baselines on X": what stands after a comparison word and a preposition is what is measured."""


def _alts(items: list[str]) -> str:
    return "|".join(f"(?:{i})" for i in items)


@lru_cache(maxsize=1)
def lexicon() -> RoleLexicon:
    spec = json.loads(resources.files("kg.extract").joinpath("patterns/derivations.json").read_text("utf-8"))
    r = spec["roles"]
    participle = _alts(r["child_participles"])
    return RoleLexicon(
        anchors=re.compile(_alts(r["anchors"]), re.IGNORECASE),
        # (the patterns read before a name are searched only in text holding one of their words: prefilter)
        parent_before=gated(re.compile(rf"\b(?:{_alts(r['parent_before'])}) {FILLER}$", re.IGNORECASE)),
        parent_before_named=re.compile(rf"\b(?:{_alts(r['parent_before_named'])})\s*(?:the |an? )?$", re.IGNORECASE),
        child_before=gated(re.compile(rf"\b(?:{_alts(r['child_before'])})(?: \(?| ?\(){FILLER}$", re.IGNORECASE)),
        # "we fine-tuned <M0>", "to fine-tune the <M0>", "by distilling <M0>": the verb's object
        parent_verb=gated(re.compile(rf"(?:^|\b(?:we|to|and|then|by|after|first|also|further|when|while|i|that|which)\s+"
                               rf"(?:(?:first|then|further|also|additionally|subsequently|jointly|\w+ly)\s+)?|"
                               rf"(?<=ing )|\b(?=\w+ing\b))(?:{_alts(r['parent_verbs'])}) {FILLER}$",
                               re.IGNORECASE)),
        step_then_our_model=re.compile(rf"\b(?:after|by) (?:{_alts(r['parent_verbs'])})\b[^.;]{{0,120}}?, our "
                                       rf"(?:[\w-]+ )?model\b", re.IGNORECASE),
        # "<M1>, fine-tuned from", "<M1> is based on", "<M1>, a model distilled from", "<M1>, which is ..."
        child_after=re.compile(rf"^(?: (?:models?|LLMs?|family|series|suite))?(?: \([^)]*\))?[,:]? (?:(?:which|that|who) )?(?:(?:is|was|are|were|has been|"
                               rf"have been|gets|get) )?(?:(?:an?|the) (?:[^<.;]|\.\d){{0,60}}? )?"
                               rf"(?:(?:further|then|first|also|\w+ly) )?(?:{participle})\b{NOT_ON_A_MODEL}", re.IGNORECASE),
        named_base=re.compile(r["named_base"], re.IGNORECASE),
        kind_before={k: re.compile(v, re.IGNORECASE) for k, v in r["kind_before"].items()},
        pretrained_on_data=re.compile(r["pretrained_on_data"], re.IGNORECASE),
        findings=re.compile(r["findings"], re.IGNORECASE),
        excluded_before=gated(re.compile(rf"\b(?:{_alts(r['excluded_before'])}) {FILLER}$", re.IGNORECASE)),
        excluded_after=re.compile(rf"^(?:[ -](?:{_alts(r['excluded_after'])}))", re.IGNORECASE),
        excluded_possessed=re.compile(r["excluded_possessed"], re.IGNORECASE),
        reported=re.compile(rf"\b(?:{_alts(r['reported'])})\b", re.IGNORECASE),
        authors_opening=re.compile(_alts(r["authors_opening"]), re.IGNORECASE),
        coreference=re.compile(_alts(r["coreference"]), re.IGNORECASE),
        unnamed_child=re.compile(r["unnamed_child"], re.IGNORECASE),
        parent_after=re.compile(r["parent_after"], re.IGNORECASE),
        replacement_before=re.compile(r["replacement_before"], re.IGNORECASE),
        composition=re.compile(r["composition"], re.IGNORECASE),
        component_after=re.compile(r["component_after"], re.IGNORECASE),
        component_before=re.compile(r["component_before"], re.IGNORECASE),
        resulting=re.compile(r["resulting"], re.IGNORECASE),
        resulting_named=re.compile(r["resulting_named"], re.IGNORECASE),
        plural_coreference=re.compile(r["plural_coreference"], re.IGNORECASE),
        applied_to=gated(re.compile(rf"(?:{r['applied_to']}) {FILLER}$", re.IGNORECASE)),
        model_verb=gated(re.compile(rf"(?:{r['model_verbs']}) {FILLER}$", re.IGNORECASE)),
        comparison=re.compile(rf"\b(?:{_alts(r['comparisons'])})\b", re.IGNORECASE),
        compared_name=re.compile(rf"\b(?:{_alts(r['comparisons'])}|than|versus|vs\.?) ((?:the|an?) (?-i:[a-z-]+ ){{0,2}}"
                                 rf"|(?-i:(?!(?:{PREPOSITIONS}) )[a-z-]+ ){{1,2}})?$",
                                 re.IGNORECASE),  # "than the concurrent X", "outperforms state-of-the-art X"
        **{key: re.compile(r[key], re.IGNORECASE) for key in (
            "data_distilled_into", "applied_method", "our_subject", "our_noun", "parent_participle", "uses_part",
            "variant_word", "authors_own", "lead_in", "may_be", "reports_on", "used_as_method", "part_after",
            "part_as_tool")},
        sized_children=tuple(re.compile(rx.replace("{sizes}", WRITTEN_SIZES), re.IGNORECASE)
                             for rx in r["sized_children"]),
        # matched on lower-case text: case-folding the pattern once is faster than IGNORECASE on every sentence
        any_trigger=re.compile("(?=[a-z0-9-])(?:" + _lower_literals(_alts([*spec["cues"].values(), *r["anchors"]])) + ")"),
        opener=re.compile(rf"^(?:being )?(?:{participle}|building|starting|initiali[sz]ing|using|with|after|by)\b[^,]*?,",
                          re.IGNORECASE),
    )


@dataclass
class Slot:
    """One placeholder of the sentence, the list it is in, and the role the grammar gives it."""

    index: int
    """The placeholder's number (<M3> -> 3)."""
    start: int
    end: int
    group: int
    role: str = ""
    """"parent", "child", "excluded" or "" (the grammar says nothing)."""
    why: str = ""


@dataclass
class Reading:
    """What one sentence says of its models' roles."""

    slots: list[Slot]
    parents: list[list[Slot]] = field(default_factory=list)
    """Parents, by list ("<M0> and <M1>" is one list)."""
    children: list[list[Slot]] = field(default_factory=list)
    excluded: list[Slot] = field(default_factory=list)
    authors_subject: bool = False
    """The authors do the making ("We fine-tune ...", "Starting from <M0>, we ..."): an unnamed child is theirs."""
    coreferent: bool = False
    """The child is named by the sentence before ("The resulting model ...", "It is ...")."""


LIST_GAP: Final = re.compile(r"^(?: \([^()<>]{1,60}\)| \[[^\[\]<>]{1,60}\])?(?:(?: (?!(?:on|in|to|from|with|by|for|at|of|as|than|into|using|via)\b)[a-z][\w-]*){1,3})?"
                      r"(?:,? (?:and|or|&) (?:the |an? )?|, )$")
""""<M0> and <M1>", "<M0>, <M1>", "the <M0> vision encoder and the <M1> language model", "<M0> (7B total) and
<M1>", "<M0> [Kim et al., 2023] and <M1>": one list."""


APPOSITIVE_BETWEEN: Final = re.compile(r", [^,<>]+$")
"""Between a name and the next: an appositive or participle opened by a comma and not yet closed."""
RELATIVE_OPEN: Final = re.compile(r", (?:which|who) (?:is|was|are|were|has|have)\b[^,]*$")
"""A relative clause opened after a comma and still open: the next bare comma closes it."""


def _slots(ptext: str) -> list[Slot]:
    out: list[Slot] = []
    group = -1
    prev_end: int | None = None
    closed = False  # "A and B, C models": a list closes at its "and"; a comma after it opens a new clause
    for m in PLACEHOLDER.finditer(ptext):
        gap: str | None = ptext[prev_end:m.start()] if prev_end is not None else None
        relative = prev_end is not None and RELATIVE_OPEN.search(ptext, 0, prev_end) is not None \
            and gap == ", " and not ptext.startswith((",", " and", " or"), m.end())
        # "Unlike <M0>, which is tuned from <M1>, <M2> is ...": the comma closes the clause, no list
        # "<M0>, continually pre-trained from <M1>, and <M2>": a comma before the "and" of a list of two closes
        # the clause the first was named in; only a longer list takes it ("<M0>, <M1>, and <M2>")
        comma_pair = gap is not None and gap.startswith((", and ", ", or ")) and len(out) >= 2 \
            and out[-2].group != group == out[-1].group \
            and APPOSITIVE_BETWEEN.match(ptext, out[-2].end, out[-1].start) is not None
        if gap is None or not LIST_GAP.match(gap) or (closed and gap == ", ") or relative or comma_pair:
            group += 1
            closed = False
        else:
            closed = gap != ", "
        out.append(Slot(int(m.group(1)), m.start(), m.end(), group))
        prev_end = m.end()
    return out


def _clause_before(ptext: str, start: int) -> str:
    """The text before a list, back to the sentence's start or the last placeholder (at most 120 characters)."""
    before = ptext[max(0, start - 120):start]
    cut = before.rfind(">")
    before = before[cut + 1:] if cut >= 0 else before
    # "tuned on a Large Language Model Meta-AI (<M0>": the long form the name abbreviates is the name
    return LONG_FORM_BEFORE.sub("", before)


TRAINED_FURTHER: Final = re.compile(r"^ architecture,? and (?:then )?(?:further |continually |continuously )"
                             r"(?:pre-?)?(?:trained|tuned)\b|^ architecture,? and (?:then )?(?:fine-?tuned|finetuned)\b"
                             r"|^ architecture,? and (?:then )?continu\w* (?:the )?(?:pre-?train|training)"
                             r"|^ architecture,? and (?:then )?(?:further )?(?:enhanced|improved|adapted|speciali[sz]ed)"
                             r" (?:through|via|with|by) (?:continued|continual|further) (?:pre-?training|fine-?tuning)",
                             re.IGNORECASE)
""""based on the <M0> architecture and further trained on ...", "... and continues pretrained on ...", "... and
enhanced through continued pretraining": what is trained further has <M0>'s weights."""
LONG_FORM_BEFORE: Final = re.compile(r"(?:(?<= )|^)(?:[A-Z][\w.-]*\s+){1,5}[A-Z][\w.-]*\s*\($")


PARTICIPLE_OF_A_LIST: Final = re.compile(r"\b[\w-]+(?:ed|t) (?:models|LLMs|checkpoints|variants|versions), (?:the |an? |our )?"
                                  r"(?:[\w-]+ )?$", re.IGNORECASE)
""""we release the base and instruction-tuned models, <M0> classifier, and ...": the participle says what the
models before the comma are; the name after it is the list's next item, no object of the verb."""
ASIDE: Final = re.compile(r"^ ?\([^()]*$")
""""<M0> (open-sourced version of <M1>)": the text between two names opens a parenthesis it does not close."""
OBJECT_FROM: Final = re.compile(r"(?: \([^()]*\))? from (?:the |an? |our )?(?:[\w-]+ ){0,3}?", re.IGNORECASE)
""""distill <M0> from the larger <M1>": between a verb's object and what it was made from."""
DASH_APPOSITIVE: Final = re.compile(r" (?:-|--|\u2013|\u2014) (?:an? |the )?")
""""<M0> - <M1> model with a text encoder from ...": a dash opening what the model before it is."""
APPOSITIVE_KIND: Final = re.compile(r"^, (?:(?:an?|the) )?(?:[\w-]+ ){0,2}$")
KIND_THEN_PARTICIPLE: Final = re.compile(
    r"^(?: [\w-]+){0,1} (?:models?|LLMs?|checkpoints?|variants?)(?: (?:that|which) (?:is|are|was|were|has been))?"
    r" (?:\w+ly |further |then |additionally )?(?:fine-?tuned|finetuned|instruction[- ]tuned|tuned|trained|distill?ed|pruned|quantized|aligned|"
    r"adapted|continually pre-?trained|further pre-?trained|pre-?trained on (?!\w+ scratch))\b", re.IGNORECASE)
""""<M0>, a <M1> model that is instruction-tuned on ...", "<M0>, <M1> models finetuned on ...": an appositive
naming the kind of model the first is, then how it was made: the second is the parent."""
APPOSITION_AFTER: Final = re.compile(r"^, (?:(?:an?|the) )?[^,.;()]{0,40}?" + KIND_THEN_PARTICIPLE.pattern[1:], re.IGNORECASE)
"""What follows a name that such an appositive describes: the name is the child."""


EXAMPLES_AFTER: Final = re.compile(r"(?: [\w-]+)?(?: models?| checkpoints?| LLMs?| variants?)?,? (?:including|such as|namely|e\.g\.,?) ")
""""<M0> models including <M1>": what follows are the members a family stands for."""
PART_OF: Final = re.compile(r" (?:in|of) (?:the |its |their )?(?:original |pre-?trained |full )?<M\d+>")
""""<M0> in the original <M1>": a component (an encoder, a backbone) of a model named after it."""


def _split_appositions(ptext: str, slots: list[Slot]) -> None:
    """"<M0>, <M1> models finetuned on ...": two names joined by a bare comma and then a model head
    and a participle are an appositive, not a list; the second gets a group of its own."""
    for a, b in zip(slots, slots[1:]):
        if a.group == b.group and ptext[a.end:b.start] == ", " and KIND_THEN_PARTICIPLE.match(ptext[b.end:b.end + 120]) \
                and sum(s.group == a.group for s in slots) == 2:
            for s in slots:
                if s.start >= b.start:
                    s.group += 1


@lru_cache(maxsize=4096)
def read(ptext: str) -> Reading | None:
    """The roles of the models of a sentence with placeholders, or None when it states no derivation.

    Cached (sentences that differ only in their names read alike): callers must not change it."""
    lex = lexicon()
    slots = _slots(ptext)
    if not slots or lex.reported.search(ptext):
        return None
    _split_appositions(ptext, slots)
    opener = lexicon().opener.match(ptext)
    if opener:  # "Trained via fine-tuning of <M0>, <M1> is ...": the opening's comma closes its list
        for a, b in zip(slots, slots[1:]):
            if a.group == b.group and a.end <= opener.end() <= b.start \
                    and not ptext.startswith((",", " and ", " or "), b.end):  # not "<M0>, <M1>, and <M2>"
                for s in slots:
                    if s.start >= b.start:
                        s.group += 1
    groups: dict[int, list[Slot]] = {}
    for s in slots:
        groups.setdefault(s.group, []).append(s)
    opener = lex.opener.match(ptext)
    for g, members in groups.items():
        first, last = members[0], members[-1]
        before = IDENTIFIED.sub(" ", _clause_before(ptext, first.start))  # "a ... model (i.e., <M1>)": the model
        after = ptext[last.end:last.end + 120]
        role, why = "", ""
        if g > 0 and ASIDE.match(ptext[groups[g - 1][-1].end:first.start]):
            role, why = "excluded", "an aside in parentheses after another model"  # "<M0> (a version of <M1>)"
        elif lex.named_base.search(before):
            role, why = "parent", "'its base model, X'"
        elif (lex.excluded_before.search(before) or lex.excluded_after.match(after) or lex.excluded_possessed.match(after)) \
                and not TRAINED_FURTHER.match(after):
            role, why = "excluded", "a comparison, a data source or an architecture"
        elif lex.child_before.search(before):
            role, why = "child", "named as what was made"
        elif re.search(r"-based\b", after[:8]):
            role, why = "parent", "'X-based'"
        elif lex.parent_verb.search(before) and not PARTICIPLE_OF_A_LIST.search(before):
            role, why = "parent", "object of a derivation verb"
        elif lex.parent_before.search(before):
            role, why = "parent", "after 'from', 'on top of', 'teacher', ..."
        elif lex.applied_to.search(before):
            role, why = "parent", "what a method is applied to"
        elif lex.parent_before_named.search(before):
            role, why = "parent", "what a model was tuned on"
        elif lex.parent_after.match(after):
            role, why = "parent", "'as the teacher', 'as the base model'"
        elif is_component(prefix := ptext[max(0, first.start - 200):first.start], after) \
                or is_component(prefix, ptext[first.end:first.end + 60]) \
                or lex.replacement_before.search(prefix):
            role, why = "parent", "a part the model is put together from"
        elif g > 0 and DASH_APPOSITIVE.fullmatch(ptext, groups[g - 1][-1].end, first.start) \
                and re.match(r" (?:models?|llms?|lms?)\b", after, re.IGNORECASE):
            role, why = "parent", "'X - a Y model with ...': the model X is a version of"
            for s in groups[g - 1]:
                if not s.role:
                    s.role, s.why = "child", "named before '- a Y model ...'"
        elif g > 0 and APPOSITIVE_KIND.match(before) and KIND_THEN_PARTICIPLE.match(after):
            role, why = "parent", "'X, a Y model fine-tuned ...': the model X is a version of"
            for s in groups[g - 1]:
                if not s.role:
                    s.role, s.why = "child", "named before 'a Y model fine-tuned ...'"
        elif lex.child_after.match(after):
            role, why = "child", "subject of a derivation participle"
        elif opener and first.start >= opener.end() and OPENER_SUBJECT.fullmatch(ptext, opener.end(), first.start) \
                and not any(s.role == "child" for s in slots if s.start < first.start):
            if AUTHORS_AFTER.match(after):  # "Building upon the pretrained model, <M0>, we ...": the opening's object
                role, why = "parent", "named in the opening participle, the authors its subject"
            else:
                role, why = "child", "subject after an opening participle"
        elif g > 0 and re.match(r"-based\b", before):
            role, why = "child", "what an 'X-based' model is"
        for s in members:
            s.role, s.why = role, why
    for g, members in groups.items():  # "<M0> models including <M1>, <M2> and <M3>": the members are the parents
        if members[0].role == "parent" and g + 1 in groups and not groups[g + 1][0].role \
                and EXAMPLES_AFTER.fullmatch(ptext[members[-1].end:groups[g + 1][0].start]):
            why = members[0].why
            for s in members:
                s.role, s.why = "excluded", "a family whose members are named after it"
            for s in groups[g + 1]:
                s.role, s.why = "parent", f"a member named of the family ({why})"
    for g, members in groups.items():  # "the image encoder <M0> in the original <M1>": the model is <M1>
        whole = PART_OF.match(ptext, members[-1].end)
        if members[0].role == "parent" and whole and g + 1 in groups and not groups[g + 1][0].role:
            why = members[0].why
            for s in members:
                s.role, s.why = "excluded", "a part of the model named after it"
            for s in groups[g + 1]:
                s.role, s.why = "parent", f"the model a part of which is made from ({why})"
    for g, members in groups.items():  # "we distill <M0> from <M1>": the verb's object is what was made
        if members[0].why == "object of a derivation verb" and g + 1 in groups \
                and groups[g + 1][0].role == "parent" \
                and OBJECT_FROM.fullmatch(ptext, members[-1].end, groups[g + 1][0].start):
            for s in members:
                s.role, s.why = "child", "named as what was made"
    explicit = [g for g, m in groups.items() if m[0].why == "named as what was made"]
    for g, members in groups.items():
        if members[0].why == "subject of a derivation participle" and explicit and g < explicit[0]:
            for s in members:  # "<M0> is fine-tuned on our data to produce <M1>": <M0> is what was tuned
                s.role, s.why = "parent", "what was made into the child named after it"
    reading = Reading(slots)
    for g, members in groups.items():
        role = members[0].role
        if role == "parent":
            reading.parents.append(members)
        elif role == "child":
            reading.children.append(members)
        elif role == "excluded":
            reading.excluded.extend(members)
    reading.authors_subject = bool(subject_pattern().search(ptext) or lex.authors_opening.search(ptext))
    opening = lex.opener.match(ptext)  # "Initialized from <M0>, the model ...": the subject after the opening
    after_opening = ptext[opening.end():].lstrip() if opening else ""
    if after_opening.startswith(("which ", "that ")) and ", " in after_opening:
        after_opening = after_opening.split(", ", 1)[1]  # "After fine-tuning <M0> on data, which holds ..., our model"
    reading.coreferent = bool(lex.coreference.match(ptext) or (opening and lex.coreference.match(after_opening)))
    return reading


@lru_cache(maxsize=8192)
def has_trigger(text: str) -> bool:
    """Does the sentence hold any derivation trigger? (Most do not: every other reading is skipped.)"""
    low = text.lower()
    return any_under_roots(_trigger_groups(), low, low)


@lru_cache(maxsize=1)
def _trigger_groups() -> tuple[tuple[str, tuple[tuple[str, re.Pattern], ...]], ...]:
    """``_trigger_parts`` under their roots (prefilter.under_roots): a word holding another ("trained on",
    "training" hold "train") is looked for only in a sentence holding that one (67 scans of a sentence
    holding no trigger instead of 97; the same answer, as any part may answer)."""
    return under_roots(_trigger_parts())


@lru_cache(maxsize=1)
def _trigger_parts() -> tuple[tuple[str, re.Pattern], ...]:
    """The triggers' expression (``lexicon().any_trigger``) cut into its alternatives, grouped by a
    word every match of each holds ("prun" of "\\bprun\\w*"): a sentence is searched only for the
    alternatives whose word it holds. Some alternative matches exactly when the whole expression
    does, so this is ``any_trigger.search`` at a quarter of the cost (one large alternation tried at
    every position of every sentence was a twentieth of extraction)."""
    spec = json.loads(resources.files("kg.extract").joinpath("patterns/derivations.json").read_text("utf-8"))
    by_word: dict[str, list[str]] = {}
    for p in [*spec["cues"].values(), *spec["roles"]["anchors"]]:
        for a in alternatives(p):
            by_word.setdefault(_required_word(a), []).append(a)
    return tuple((word, re.compile("(?=[a-z0-9-])(?:" + _lower_literals(_alts(alts)) + ")"))
                 for word, alts in sorted(by_word.items()))


def _required_word(alternative: str) -> str:
    """The longest run of literal letters outside groups, classes and escapes, lower case: every match
    of the alternative holds it ("\\bfine-?tun\\w*" -> "fine"; "\\b(?:lora|adapter) tun\\w*" -> "tun")."""
    runs, run, depth, i = [], "", 0, 0
    while i < len(alternative):
        ch = alternative[i]
        optional = i + 1 < len(alternative) and alternative[i + 1] in "?*{"
        if depth == 0 and (ch.isalpha() or ch == " ") and not optional:
            run += ch
            i += 1
            continue
        runs.append(run)
        run = ""
        if ch == "\\":
            i += 2
        elif ch == "[":
            i = alternative.index("]", i + 1) + 1
        else:
            depth += {"(": 1, ")": -1}.get(ch, 0)
            i += 1
    word = max((r.strip() for r in [*runs, run]), key=len)
    if len(word) < 2:
        raise ValueError(f"a trigger with no literal word: {alternative!r}")
    return word.lower()


def alternatives(pattern: str) -> list[str]:
    """The pattern split at its top-level bars."""
    parts, depth, start, escaped, in_class = [], 0, 0, False, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


@lru_cache(maxsize=65536)
def role_of(text: str, start: int, end: int) -> str | None:
    """"parent" or "child" when the words around ``text[start:end]`` (a candidate name) give it a role
    in a derivation the sentence states; evidence that the name is a model."""
    lex = lexicon()
    before, after = text[max(0, start - 120):start], text[end:end + 120]
    if "esulting" in before and lex.resulting.match(before) and re.fullmatch(r"[^,]*(?:,(?: called| named| dubbed| termed)?|\bcalled|\bnamed) ", before):
        return "child"  # "The resulting model, X, ...": the sentence before says how it was made
    if "esulting" in before and lex.resulting_named.search(before):
        return "child"  # "..., and the resulting lightweight encoder is termed X"
    if not has_trigger(text):
        return None
    if AGENT_OPENER.match(text) and -1 < (comma := text.find(",")) < start and not text[comma + 1:start].strip():
        return None  # "After fine-tuning the upcycled model, X introduces ...": the subject who did it, no object
    before = _before_list(before)  # "to produce A and B": B is where A is
    while m := LISTED_AFTER.match(after):
        after = after[m.end():]  # "A and B are pruned from": A is where B is
    if lex.excluded_before.search(before) or lex.excluded_after.match(after):
        return None
    if lex.child_before.search(before) or lex.child_after.match(after) or APPOSITION_AFTER.match(after):
        return "child"
    if lex.parent_verb.search(before) or lex.parent_before.search(before) or lex.parent_after.match(after) \
            or lex.applied_to.search(before) or is_component(before, after):
        return "parent"
    if lex.model_verb.search(before) and not lex.used_as_method.match(after):
        return "model"  # "we use X to ..." (not "we use X as a plug-in")
    return None


def acted_on(text: str, start: int) -> bool:
    """Is the name at ``start`` the object of the authors' own derivation verb ("We also merge A, B and
    <name> ...", "we fine-tune <name>"): a model they start from, whatever the sentence says of it?"""
    return lexicon().parent_verb.search(_before_list(text[max(0, start - 120):start])) is not None


def _before_list(before: str) -> str:
    """The text before a name, cut before the names listed ahead of it ("We also merge A, B and " -> "We also
    merge "): what the sentence says of the list's first name it says of each."""
    while (m := LISTED_BEFORE.search(before)) and m.start() > 0:
        before = before[:m.start()]
    return before


def is_component(before: str, after: str) -> bool:
    """"The X model combines a <M0> encoder with a <M1> LLM", "By integrating the <M0> language model
    with ...", "X aligns a visual encoder with an LLM, <M0>", "X consists of a <M0> vision encoder and a
    <M1> LLM": a model named as a part (an encoder, a language model) after a verb that puts parts
    together; or named as an encoder, a backbone or "as the language model" after a verb that uses a part
    ("utilizing a <M0> encoder", "X adopts <M0> as its vision encoder"; not "a <M0> encoder to filter
    ..."). In the same clause and not after a comparison ("outperforms systems that combine ...")."""
    lex = lexicon()
    if lex.component_after.match(after) or lex.component_before.search(before[-60:]):
        if _verb_in_clause(lex.composition, before):
            return True
    part = lex.part_after.match(after)
    return part is not None and not lex.part_as_tool.match(after[part.end():]) \
        and _verb_in_clause(lex.uses_part, before) and not OTHER_MODELS_PART.search(before)


OTHER_MODELS_PART: Final = re.compile(r"\b(?:which|that) (?:also |further |\w+ly )?\S+ (?:an? |the |its )?(?:[\w-]+ ){0,3}?$")
""""Y, which uses a <M0> encoder", "methods that adopt <M0> as the encoder": a part used in a relative
clause is its antecedent's, most often another model's or other work's."""


def _verb_in_clause(verbs: re.Pattern, before: str) -> bool:
    """Is the last of ``verbs`` in ``before`` in the clause that ends there, and not after a comparison?"""
    verb = None
    for verb in verbs.finditer(before):
        pass
    return verb is not None and not re.search(r"[.;]", before[verb.end():]) \
        and not lexicon().comparison.search(before[:verb.start()])


IDENTIFIED: Final = re.compile(r"\s*[(,]\s*(?:i\.e\.|namely|that is)[,:]?\s*$", re.IGNORECASE)
"""", i.e., <M>" / "(namely <M>)": the model the noun before names takes that noun's role."""
AUTHORS_AFTER: Final = re.compile(r"\s*,\s*(?:we|our)\b", re.IGNORECASE)
"""", we ...": what came before was the opening's appositive, the authors are the subject."""
AGENT_OPENER: Final = re.compile(r"^(?:after|by|before|when|while|through)\b", re.IGNORECASE)
"""Openings whose gerund has a doer: the subject after the first comma ("After fine-tuning ..., X ...")."""
OPENER_SUBJECT: Final = re.compile(r"\s*(?:(?!(?:we|they|it|i)\b)[\w.-]+\s+){0,4}?", re.IGNORECASE)
""""Finetuned from <M0>, the resulting <M1> ...": the model right after the opening is its subject; not
"Starting from <M0>, we altered its encoder with <M1>", where the authors are."""
LISTED_BEFORE: Final = re.compile(r"(?<= )[A-Z][\w.-]*(?: [\dA-Z][\w.-]*){0,2}(?:,? and|,|,? or) $")
"""A name listed before this one ("A, B and "): the list's role is its first member's."""
LISTED_AFTER: Final = re.compile(r"^(?:,? and|,|,? or) [A-Z][\w.-]*(?: [\dA-Z][\w.-]*){0,2}(?=[ ,])")
"""A name listed after this one (" and B are ..."): the list's role is its last member's."""


def triggered(ptext: str, cue_kinds: tuple[str, ...]) -> tuple[str, ...]:
    """The kinds a sentence's triggers name: its cue kinds, or "based_on" for an anchor alone."""
    if cue_kinds:
        return cue_kinds
    return ("based_on",) if lexicon().anchors.search(ptext) else ()


def pairs(parents: list[list[Slot]], children: list[list[Slot]]) -> list[tuple[Slot, Slot, str]]:
    """(child, parent, how) for lists of children and parents: two lists of one length pair up in
    order ("<M0> and <M1> ... called <M2> and <M3>"), otherwise each child takes each parent."""
    flat_p = [s for g in parents for s in g]
    flat_c = [s for g in children for s in g]
    if len(parents) == 1 and len(children) == 1 and len(flat_p) == len(flat_c) > 1:
        return [(c, p, "lists paired in order") for c, p in zip(flat_c, flat_p)]
    if len(flat_c) * len(flat_p) > MOST_PAIRS:
        return []
    return [(c, p, "each child, each parent") for c in flat_c for p in flat_p]


MOST_PAIRS: Final = 4
"""More children times parents than this in one clause, unpaired, is a reading gone wrong: no edge."""
CLAUSE_BREAK: Final = re.compile(r"\s*;\s*|\s*\((?:\d{1,2}|[ivx]{1,4})\)\s*")


STAGE: Final = re.compile(r",? (?=and then\b)|, (?=(?:followed by|then|which (?:we|is|are|was|were) (?:then|further|subsequently|later))\b)",
                   re.IGNORECASE)
"""Where a sentence moves to the next stage of a recipe: "..., creating <M0>, followed by finetuning ...,
creating <M1>", "..., yielding <M0>, which we then fine-tune ... to obtain <M1>"."""


def clauses(ptext: str) -> list[str]:
    """A sentence cut at semicolons and list markers ("we release: (1) <M0>, ...; (2) <M1>, ..."), and
    between the stages of a recipe that each name what they made: roles are read within one clause."""
    parts = [p for c in CLAUSE_BREAK.split(ptext) if PLACEHOLDER.search(c) for p in stages(c)]
    return parts or [ptext]


def stages(ptext: str) -> list[str]:
    """The stages of a recipe told in one sentence, each naming the model it made; the sentence whole
    when a stage would name none ("We prune <M0> and then distill it into <M1>" is one reading)."""
    cuts = [m.start() for m in STAGE.finditer(ptext)]
    if not cuts:
        return [ptext]
    parts: list[str] = []
    start = 0
    for cut in [*cuts, len(ptext)]:
        part = ptext[start:cut]
        if parts and not _names_its_child(part):
            parts[-1] += part  # this stage names nothing it made: it stays with the one before
        else:
            parts.append(part)
        start = cut
    if len(parts) > 1 and not _names_its_child(parts[0]):
        parts[0:2] = [parts[0] + parts[1]]
    return [p.lstrip(", ") for p in parts]


def _names_its_child(part: str) -> bool:
    reading = read(part)
    return reading is not None and any(s.why == "named as what was made" for g in reading.children for s in g)


def next_stage(part: str) -> bool:
    """Does this clause continue a recipe from the clause before ("followed by finetuning ...")?"""
    return STAGE.match(", " + part) is not None
