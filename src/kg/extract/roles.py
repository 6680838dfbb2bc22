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

from kg.extract.lexicon import subject_pattern

PLACEHOLDER = re.compile(r"<M(\d+)>")
FILLER = r"(?:(?!(?:of|with|for|in|on|upon|onto|into|at|by|to|from|than|as|via|using|through|over|under|against|between|and|or|that|which|who|is|are|was|were|we|they|it)\b)[\w.-]+[ ,]+){0,4}?"
"""Words between a marker and its name: determiners and modifiers ("the pretrained multilingual")."""


@dataclass(frozen=True)
class RoleLexicon:
    """The cue words of kg.extract.patterns/derivations.json's "roles", compiled once."""

    anchors: re.Pattern
    parent_before: re.Pattern
    child_before: re.Pattern
    parent_verb: re.Pattern
    child_after: re.Pattern
    excluded_before: re.Pattern
    excluded_after: re.Pattern
    reported: re.Pattern
    authors_opening: re.Pattern
    """"Our model ...", "Finetuned from <M0>, ...": openings that make the authors the makers."""
    coreference: re.Pattern
    opener: re.Pattern
    unnamed_child: re.Pattern
    any_trigger: re.Pattern
    applied_to: re.Pattern
    """"we apply DPO to <M0>": what a method is applied to is the parent."""
    model_verb: re.Pattern
    """"we train <M0> with RLHF": no role by itself, but what is trained is a model."""
    parent_after: re.Pattern
    """"<M0> as the teacher", "<M0> as its base model"."""
    resulting: re.Pattern
    """"The resulting model, <M0>, ...": the child of the sentence before."""
    """Any kind's cue word or any anchor: a sentence without one states no derivation."""
    """"six dense models distilled from <M0>": the derivation is said of a noun, not of a named model."""


def _alts(items: list[str]) -> str:
    return "|".join(f"(?:{i})" for i in items)


@lru_cache(maxsize=1)
def lexicon() -> RoleLexicon:
    spec = json.loads(resources.files("kg.extract").joinpath("patterns/derivations.json").read_text("utf-8"))
    r = spec["roles"]
    participle = _alts(r["child_participles"])
    return RoleLexicon(
        anchors=re.compile(_alts(r["anchors"]), re.IGNORECASE),
        parent_before=re.compile(rf"\b(?:{_alts(r['parent_before'])}) {FILLER}$", re.IGNORECASE),
        child_before=re.compile(rf"\b(?:{_alts(r['child_before'])}) {FILLER}$", re.IGNORECASE),
        # "we fine-tuned <M0>", "to fine-tune the <M0>", "by distilling <M0>": the verb's object
        parent_verb=re.compile(rf"(?:^|\b(?:we|to|and|then|by|after|first|also|further|when|while|i)\s+"
                               rf"(?:(?:first|then|further|also|additionally|subsequently|jointly|\w+ly)\s+)?|"
                               rf"(?<=ing )|\b(?=\w+ing\b))(?:{_alts(r['parent_verbs'])}) {FILLER}$",
                               re.IGNORECASE),
        # "<M1>, fine-tuned from", "<M1> is based on", "<M1>, a model distilled from", "<M1>, which is ..."
        child_after=re.compile(rf"^(?: (?:models?|LLMs?|family|series|suite))?(?: \([^)]*\))?,? (?:(?:which|that|who) )?(?:(?:is|was|are|were|has been|"
                               rf"have been|gets|get) )?(?:(?:an?|the) [^<.;]{{0,60}}? )?"
                               rf"(?:(?:further|then|first|also|\w+ly) )?(?:{participle})\b", re.IGNORECASE),
        excluded_before=re.compile(rf"\b(?:{_alts(r['excluded_before'])}) {FILLER}$", re.IGNORECASE),
        excluded_after=re.compile(rf"^(?:[ -](?:{_alts(r['excluded_after'])}))", re.IGNORECASE),
        reported=re.compile(rf"\b(?:{_alts(r['reported'])})\b", re.IGNORECASE),
        authors_opening=re.compile(_alts(r["authors_opening"]), re.IGNORECASE),
        coreference=re.compile(_alts(r["coreference"]), re.IGNORECASE),
        unnamed_child=re.compile(r["unnamed_child"], re.IGNORECASE),
        parent_after=re.compile(r["parent_after"], re.IGNORECASE),
        resulting=re.compile(r["resulting"], re.IGNORECASE),
        applied_to=re.compile(rf"(?:{r['applied_to']}) {FILLER}$", re.IGNORECASE),
        model_verb=re.compile(rf"(?:{r['model_verbs']}) {FILLER}$", re.IGNORECASE),
        any_trigger=re.compile(_alts([*spec["cues"].values(), *r["anchors"]]), re.IGNORECASE),
        opener=re.compile(rf"^(?:{participle}|building|starting|initiali[sz]ing|using|with|after|by)\b[^,]*?,",
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


LIST_GAP = re.compile(r"^(?:,? (?:and|or|&) |, )$")


def _slots(ptext: str) -> list[Slot]:
    out: list[Slot] = []
    group = -1
    prev_end = None
    closed = False  # "A and B, C models": a list closes at its "and"; a comma after it opens a new clause
    for m in PLACEHOLDER.finditer(ptext):
        gap = ptext[prev_end:m.start()] if prev_end is not None else None
        if gap is None or not LIST_GAP.match(gap) or (closed and gap == ", "):
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
    return before[cut + 1:] if cut >= 0 else before


APPOSITIVE_KIND = re.compile(r"^, (?:(?:an?|the) )?(?:[\w-]+ ){0,2}$")
KIND_THEN_PARTICIPLE = re.compile(
    r"^(?: [\w-]+){0,1} (?:models?|LLMs?|checkpoints?|variants?)(?: (?:that|which) (?:is|are|was|were|has been))?"
    r" (?:\w+ly )?(?:fine-?tuned|finetuned|instruction[- ]tuned|tuned|trained|distill?ed|pruned|quantized|aligned|"
    r"adapted|continually pre-?trained|further pre-?trained)\b", re.IGNORECASE)
""""<M0>, a <M1> model that is instruction-tuned on ...", "<M0>, <M1> models finetuned on ...": an appositive
naming the kind of model the first is, then how it was made: the second is the parent."""
APPOSITION_AFTER = re.compile(r"^, (?:(?:an?|the) )?[^,.;()]{0,40}?" + KIND_THEN_PARTICIPLE.pattern[1:], re.IGNORECASE)
"""What follows a name that such an appositive describes: the name is the child."""


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
    groups: dict[int, list[Slot]] = {}
    for s in slots:
        groups.setdefault(s.group, []).append(s)
    opener = lex.opener.match(ptext)
    for g, members in groups.items():
        first, last = members[0], members[-1]
        before = _clause_before(ptext, first.start)
        after = ptext[last.end:last.end + 120]
        role, why = "", ""
        if lex.excluded_before.search(before) or lex.excluded_after.match(after):
            role, why = "excluded", "a comparison, a data source or an architecture"
        elif lex.child_before.search(before):
            role, why = "child", "named as what was made"
        elif re.search(r"-based\b", after[:8]):
            role, why = "parent", "'X-based'"
        elif lex.parent_verb.search(before):
            role, why = "parent", "object of a derivation verb"
        elif lex.parent_before.search(before):
            role, why = "parent", "after 'from', 'on top of', 'teacher', ..."
        elif lex.applied_to.search(before):
            role, why = "parent", "what a method is applied to"
        elif lex.parent_after.match(after):
            role, why = "parent", "'as the teacher', 'as the base model'"
        elif g > 0 and APPOSITIVE_KIND.match(before) and KIND_THEN_PARTICIPLE.match(after):
            role, why = "parent", "'X, a Y model fine-tuned ...': the model X is a version of"
            for s in groups[g - 1]:
                if not s.role:
                    s.role, s.why = "child", "named before 'a Y model fine-tuned ...'"
        elif lex.child_after.match(after):
            role, why = "child", "subject of a derivation participle"
        elif opener and first.start >= opener.end() and not any(
                s.role == "child" for s in slots if s.start < first.start):
            role, why = "child", "subject after an opening participle"
        elif g > 0 and re.match(r"-based\b", before):
            role, why = "child", "what an 'X-based' model is"
        for s in members:
            s.role, s.why = role, why
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
    reading.coreferent = bool(lex.coreference.match(ptext))
    return reading


@lru_cache(maxsize=1024)
def _has_trigger(text: str) -> bool:
    return lexicon().any_trigger.search(text) is not None


@lru_cache(maxsize=65536)
def role_of(text: str, start: int, end: int) -> str | None:
    """"parent" or "child" when the words around ``text[start:end]`` (a candidate name) give it a role
    in a derivation the sentence states; evidence that the name is a model."""
    lex = lexicon()
    before, after = text[max(0, start - 120):start], text[end:end + 120]
    if lex.resulting.match(before) and re.fullmatch(r"[^,]*(?:,|\bcalled|\bnamed) ", before):
        return "child"  # "The resulting model, X, ...": the sentence before says how it was made
    if not _has_trigger(text):
        return None
    while (m := LISTED_BEFORE.search(before)) and m.start() > 0:
        before = before[:m.start()]  # "to produce A and B": B is where A is
    while m := LISTED_AFTER.match(after):
        after = after[m.end():]  # "A and B are pruned from": A is where B is
    if lex.excluded_before.search(before) or lex.excluded_after.match(after):
        return None
    if lex.child_before.search(before) or lex.child_after.match(after) or APPOSITION_AFTER.match(after):
        return "child"
    if lex.parent_verb.search(before) or lex.parent_before.search(before) or lex.parent_after.match(after) \
            or lex.applied_to.search(before):
        return "parent"
    if lex.model_verb.search(before):
        return "model"
    return None


LISTED_BEFORE = re.compile(r"(?<= )[A-Z][\w.-]*(?: [\dA-Z][\w.-]*){0,2}(?:,? and|,|,? or) $")
"""A name listed before this one ("A, B and "): the list's role is its first member's."""
LISTED_AFTER = re.compile(r"^(?:,? and|,|,? or) [A-Z][\w.-]*(?: [\dA-Z][\w.-]*){0,2}(?=[ ,])")
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


MOST_PAIRS = 4
"""More children times parents than this in one clause, unpaired, is a reading gone wrong: no edge."""
CLAUSE_BREAK = re.compile(r"\s*;\s*|\s*\((?:\d{1,2}|[ivx]{1,4})\)\s*")


def clauses(ptext: str) -> list[str]:
    """A sentence cut at semicolons and list markers ("we release: (1) <M0>, ...; (2) <M1>, ..."):
    roles are read within one clause."""
    parts = [p for p in CLAUSE_BREAK.split(ptext) if PLACEHOLDER.search(p)]
    return parts or [ptext]
