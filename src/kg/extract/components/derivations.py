"""Model -> model derivations and their kind (pruned, distilled, fine-tuned, ...).

Each sentence is rewritten with its model names replaced by placeholders
("We fine-tune an enhanced <M0> backbone on MF-Skills") and read two ways:

- by roles (kg.extract.roles): a derivation trigger and the parts the grammar
  gives the names around it (what was made from what), clause by clause, lists
  paired or fanned out, an unnamed child taken from the sentence before ("The
  resulting model, X") or the paper's own model. This is how any lab's
  sentences are read;
- by the patterns of patterns/derivations.json, which read like the sentences
  they match; a pattern naming only a parent takes the paper's main model as
  the child (the one whose size fits the kind of step).

A model the grammar rules out as a parent ("outperforms X", "X outputs") is
no pattern's parent either; lists paired in order overrule a pattern that
crosses them. The kind comes from the trigger or the sentence's cue words.
A few derivations are stated by the names themselves and get a lower
confidence: "X-Chat" beside "X" in the paper that makes both, "X-Instruct"
next to "X-Base", "Llama3-RankRAG" (a model named after its base),
"LLaMA2-70B-32k" (a context-extended "LLaMA2-70B"), a family's member of a
parent's size. Every candidate weighed is a Decision on the doc, kept or not,
with its rule (``kg explain``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence, Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Final

from kg.extract import roles
from kg.extract.contributions.uses import technique_like
from kg.extract.decision import Decision
from kg.extract.doc import Doc
from kg.extract.fact import Fact, Mention
from kg.extract.lexicon import lexicon as word_lexicon, subject_pattern
from kg.extract.modelnames import (
    NOT_A_STEP, THRESHOLD, Span, compound_base, family_stem, model_words, suffix_base, tagged_base, variants,
)
from kg.extract.pipeline import component
from kg.extract.components.models import AUTHORS_MAKE_A, THE_SIZE_MODEL
from kg.extract.sizes import LIST_SEPARATOR, ONE_SIZE, SIZE_AT_END, parameters, size_of, sizes_in
from kg.extract.tokens import Token
from kg.extract.prefilter import any_under_roots, under_roots
from kg.extract.words import whole_word_starts
from kg.keys import model_key

VERSION: Final = "1.0"
EXTRACTOR: Final = f"derivations@{VERSION}"
PLACEHOLDER: Final = re.compile(r"<M(\d+)>")
SIZE_REFERENCE: Final = re.compile(THE_SIZE_MODEL.pattern, re.IGNORECASE)
"""A size reference the models component found ("the 56B model"), in any case, to put its model's name in."""
CONTEXT_SUFFIX: Final = re.compile(r"^(?P<base>.+?)[-_ ](?P<ctx>\d+[kK])$")
SIBLING_BASE: Final = re.compile(r"^(?P<stem>.+?)[-_ ]Base$", re.IGNORECASE)
SIBLING_TUNED: Final = ("Instruct", "Chat", "RL", "SFT", "DPO")
SIBLING_AFTER_SFT: Final = ("RL", "DPO")
""""X-Instruct", "X-RL" beside "X-Base": the tuned sibling was made from the base."""


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: re.Pattern
    kind: str
    conf: float
    first: str | None
    parent_is_main: bool
    names: int
    """How many models any match names at least: a sentence naming fewer is not tried."""
    words: tuple[str, ...]
    """Words (lower case) of which any match holds one; () when none is needed."""


@lru_cache(maxsize=1)
def _spec() -> dict:
    return json.loads(resources.files("kg.extract").joinpath("patterns/derivations.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def patterns() -> list[Pattern]:
    return [Pattern(p["name"], re.compile(p["re"], re.IGNORECASE), p["kind"], p["conf"], p.get("first"),
                    p.get("parent") == "main", p["names"], tuple(p["words"]))
            for p in _spec()["patterns"]]


@lru_cache(maxsize=1)
def cue_patterns() -> dict[str, re.Pattern]:
    return {k: re.compile(v, re.IGNORECASE) for k, v in _spec()["cues"].items()}


@lru_cache(maxsize=4096)
def cue_kinds(text: str) -> tuple[str, ...]:
    """Derivation kinds a sentence's words speak of ("pruning and distillation" -> pruned, distilled).

    "Compress" counts as pruning unless the sentence says the compression is a quantization
    ("quantization-aware training ... to compress X by 4x"); the ``cues_alone`` count only where no other
    kind is said ("trained from Y": fine-tuned, unless "context models trained from Y"). Cached: sentences that differ only in their
    names read alike once the names are placeholders."""
    kinds = _cue_kinds(text)
    if "pruned" in kinds and "quantized" in kinds and not PRUNING.search(text):
        return tuple(k for k in kinds if k != "pruned")
    if not [k for k in kinds if k != "based_on"]:  # "Our X model, trained from Y": a kind said only when no other is
        kinds += tuple(k for k, rx in _alone_patterns().items() if rx.search(text) and k not in kinds)
    return kinds


@lru_cache(maxsize=1)
def _alone_patterns() -> dict[str, re.Pattern]:
    return {k: re.compile(v, re.IGNORECASE) for k, v in _spec()["cues_alone"].items() if not k.startswith("_")}


PRUNING: Final = re.compile(r"\bprun", re.IGNORECASE)


def _cue_kinds(text: str) -> tuple[str, ...]:
    if text.isascii():  # a cue cannot match ASCII text that holds none of its words, case aside
        low, parts, kinds = text.lower(), _cue_parts(), []
        for k, rx in cue_patterns().items():
            alternatives = parts[k]
            if alternatives is None:
                if rx.search(text):
                    kinds.append(k)
                continue
            if any_under_roots(alternatives, low, text):
                kinds.append(k)
        return tuple(kinds)
    return tuple(k for k, rx in cue_patterns().items() if rx.search(text))


@lru_cache(maxsize=1)
def _cue_parts() -> dict[str, tuple[tuple[str, tuple[tuple[str, re.Pattern], ...]], ...] | None]:
    """Per cue kind, its pattern cut into its alternatives, grouped by a word (lower case) every match
    of each holds (roles._required_word, as the triggers are cut), each group compiled on its own: a
    sentence is searched only for the groups whose word it holds, and for a word only when it holds the
    word's root (prefilter.under_roots). The kind's pattern matches exactly when one of its alternatives
    does. None for a pattern that cannot be cut so (an alternative with no literal word, a backreference
    or an inline flag): it is searched whole."""
    out: dict[str, tuple[tuple[str, tuple[tuple[str, re.Pattern], ...]], ...] | None] = {}
    for k, v in _spec()["cues"].items():
        by_word: dict[str, list[str]] = {}
        try:
            if re.search(r"\\\d|\(\?P=|\(\?[aiLmsux]", v):
                raise ValueError(v)
            for alternative in roles.alternatives(v):
                by_word.setdefault(roles._required_word(alternative), []).append(alternative)
        except ValueError:
            out[k] = None
            continue
        out[k] = under_roots((word, re.compile("|".join(f"(?:{a})" for a in alts), re.IGNORECASE))
                             for word, alts in by_word.items())
    return out


def verb_kind(verb: str) -> str | None:
    v = verb.lower()
    for prefix, kind in _spec()["verbs"].items():
        if v.startswith(prefix) or v.endswith(prefix) or f"-{prefix}" in v or f" {prefix}" in v:  # "GPTQ-quantized"
            return kind
    return None


@dataclass
class Edge:
    child: str
    parent: str
    kind: str
    conf: float
    sentence: int
    rule: str = ""


def _located(text: str, tokens: list[Token], span: Span) -> tuple[int, int, str] | None:
    """(start, end, name) of a model's span as written in the sentence, or None where the name is not what is
    written there. One written name for several models ("Qwen-2.5-7B/14B-Instruct") gives each of them its
    whole extent, so that the models stand for it together."""
    if not (span.i < span.j <= len(tokens)):
        return None
    start, end = tokens[span.i].start, tokens[span.j - 1].end
    written = text[start:end]
    first = written.split("/")[0]
    if first != written and written != span.name and first[:3] == span.name[:3] \
            and SIZE_AT_END.search(first):  # (not "X 13/70B-chat": sizes sharing a unit, read as before)
        return start, end, span.name
    return (start, start + len(span.name), span.name) if written.startswith(span.name) else None


def placeholder_text(text: str, names: Iterable[str],
                     located: Iterable[tuple[int, int, str]] = ()) -> tuple[str, dict[int, str]]:
    """Replace each model name in ``text`` by <Mk>; return the new text and k -> name.

    ``located`` gives (start, end, name) spans already known from tokenization;
    other names are looked up in the text. One left-to-right pass: linear time.
    """
    spans: dict[int, tuple[int, tuple[str, ...]]] = {}
    for start, end, name in located:
        if start not in spans:
            spans[start] = (end, (name,))
        elif spans[start][0] == end and name not in spans[start][1]:
            spans[start] = (end, spans[start][1] + (name,))  # "Qwen-2.5-7B/14B-Instruct": one written name, two models
    found = {name for _, group in spans.values() for name in group}
    for name in sorted(set(names), key=len, reverse=True):
        if name and name not in found:
            for at in whole_word_starts(name, text, "<", ">"):  # not inside a placeholder
                spans.setdefault(at, (at + len(name), (name,)))
            if (sized := SIZED_NAME.match(name)) and "(" in text:  # "Kelp 7B" written "Kelp (7b)"
                for m in re.finditer(rf"(?<![\w-]){re.escape(sized.group(1))} \({sized.group(2)}\)", text,
                                     re.IGNORECASE):
                    if m.start() not in spans or spans[m.start()][0] < m.end():
                        spans[m.start()] = (m.end(), (name,))
    mapping: dict[int, str] = {}
    index_of: dict[str, int] = {}
    out, pos = [], 0
    for start in sorted(spans):
        end, group = spans[start]
        if start < pos:
            continue  # overlaps a longer name already replaced
        out.append(text[pos:start])
        marks = []
        for name in group:
            k = index_of.setdefault(name, len(index_of))
            mapping[k] = name
            marks.append(f"<M{k}>")
        out.append(" and ".join(marks))  # the models one written name stands for, read as a list
        pos = end
    out.append(text[pos:])
    text = "".join(out)
    if "s <M" in text:
        text = OWNER_BEFORE_NAME.sub("", text)
    if "> (" in text:
        text = PARENTHETICAL_APPOSITIVE.sub(_as_commas, text)
    return text, mapping


SIZED_NAME: Final = re.compile(r"^(.+) (\d+(?:\.\d+)?[BM])$")
"""A family's member named by its size ("Kelp 7B"), which the text may write "Kelp (7B)"."""
OWNER_BEFORE_NAME: Final = re.compile(r"\b[A-Z][\w-]*['\u2019]s (?=<M\d+>)")
"""An owner before a model's name reads as no word at all: "fine-tuning Meta's <M0>" is "fine-tuning <M0>"."""
PARENTHETICAL_APPOSITIVE: Final = re.compile(
    r"(<M\d+>) \(((?:an?|the) [^()<]*<M\d+>[^()]*|(?:\w+ly )?[\w-]+ed (?:from|on|upon|of|by|into) [^()<]*<M\d+>[^()]*)\)"
    r"([.,;:]?)")
"""A model's appositive or participle set in parentheses, naming another model: "<M0> (a fine-tuned version of
<M1>)", "<M0> (continually pre-trained from <M1>)". It is read as the same words set off by commas."""


def _as_commas(m: re.Match) -> str:
    return f"{m.group(1)}, {m.group(2)}{m.group(3) or ','}"


def _introduced(doc: Doc) -> dict[str, float]:
    out: dict[str, float] = {}
    for f in doc.facts:
        if f.predicate == "introduces" and f.object.kind == "model":
            out[f.object.name] = max(out.get(f.object.name, 0.0), f.confidence)
    return out


def main_model(doc: Doc, kinds: Sequence[str], parent: str, order: list[str],
               exclude: AbstractSet[str] = frozenset()) -> str | None:
    """The paper's model a step without a named child produced (none of the ``exclude`` keys)."""
    intro = _introduced(doc)
    candidates = [n for n in intro if model_key(n) != model_key(parent) and model_key(n) not in exclude]
    if not candidates:
        return None
    psize = size_of(parent)
    keeps_size = any(k in kinds for k in ("finetuned", "context_extended", "aligned", "continued_pretraining"))
    shrinks = any(k in kinds for k in ("pruned", "distilled"))

    def rank(name: str) -> tuple:
        size = size_of(name)
        fit = 0
        if psize and size:
            if keeps_size and size == psize:
                fit = 2
            elif shrinks and (parameters(size) or 0.0) < (parameters(psize) or 0.0):
                fit = 2
        first = order.index(name) if name in order else len(order)
        return (-fit, -round(intro[name], 1), first)

    return min(candidates, key=rank)


@component("derivations", version=VERSION, requires=("models",), assigns=("facts.derivations",))
def derivations(doc: Doc) -> None:
    models = doc.user.get("models", {})
    order = [mm.span.name for idx in sorted(models) for mm in models[idx]]
    sizes: dict[str, list[str]] = {}
    for name in order:
        s = size_of(name)
        if s:
            sizes.setdefault(s, []).append(name)
    edges: list[Edge] = []
    ptexts: dict[int, tuple[str, dict[int, str]]] = {}
    intro_keys = {model_key(n) for n in _introduced(doc)}
    own = sorted({n for n in order if model_key(n) in intro_keys}, key=len, reverse=True)
    for idx in sorted(models):
        text = doc.clean[idx]
        names = [mm.span.name for mm in models[idx]]
        # "the BLOOM and mT5 model families": a family named as one is a parent as good as a model
        names += [s.name for s in doc.user.get("spans", {}).get(idx, ()) if s.family_level and s.score >= THRESHOLD]
        # "Finetuned from Y, X models achieve ...": a name the record takes for a model, here said of its family
        have = set(names)
        names += [n for n in own if n not in have and n in text]
        tokens = doc.user.get("tokens", {}).get(idx, [])
        located = [loc for mm in models[idx] if (loc := _located(text, tokens, mm.span)) is not None]
        # "the 56B model": the record's one model of that size
        for _, size, _ in [r for r in doc.user.get("size_refs", []) if r[0] == idx]:
            owners = {n for n in sizes.get(size, [])}
            if len(owners) == 1:
                owner = next(iter(owners))
                text = SIZE_REFERENCE.sub(lambda m: owner if m.group(1).upper() == size else m.group(0), text)
                names.append(next(iter(owners)))
                located = []  # offsets moved: look every name up again
        if names:
            ptexts[idx] = placeholder_text(text, names, located)
    for idx, (ptext, mapping) in sorted(ptexts.items()):
        by_pattern = _match_sentence(doc, idx, ptext, mapping, order)
        by_role: list[Edge] = []
        excluded: set[str] = set()
        if roles.has_trigger(ptext):  # most sentences state no derivation: their roles are not read
            parts = roles.clauses(ptext)
            made: list[str] = []  # what the clause before named as made: a later stage's parent
            for k, part in enumerate(parts):
                found = _role_edges(doc, idx, part, mapping, order, intro_keys,
                                    ptexts.get(idx - 1) if k == 0 else None,
                                    ptexts.get(idx + 1) if k == len(parts) - 1 else None)
                if not found and made and roles.next_stage(part):
                    found = _stage_edges(doc, idx, part, mapping, made)
                by_role.extend(found)
                made = _named_as_made(part, mapping)
            excluded = _excluded_parents(ptext, mapping)
        elif idx + 1 in ptexts:
            by_role = _applied_then_resulting(doc, idx, ptext, mapping, ptexts[idx + 1])
        if excluded:  # "trained on responses distilled from Y": no pattern makes Y a parent
            for e in by_pattern:
                if e.parent in excluded:
                    doc.decisions.append(Decision(e.child, e.parent, e.kind, e.rule, idx, False,
                                                  "not a parent: a comparison, a data source or an architecture"))
            by_pattern = [e for e in by_pattern if e.parent not in excluded]
        paired = {(e.child, e.parent) for e in by_role if e.rule.endswith("lists paired in order")}
        if paired:  # "A and B are tuned from C and D, respectively": no pattern may cross the pairs
            children, parents = {c for c, _ in paired}, {p for _, p in paired}
            by_pattern = [e for e in by_pattern if (e.child, e.parent) in paired
                          or e.child not in children or e.parent not in parents]
        edges.extend(by_pattern)
        edges.extend(by_role)
    edges.extend(_sized_members(doc, order, edges))
    edges.extend(_sized_children(doc, ptexts, order, edges))
    edges.extend(_sizes_listed_after(doc, order, edges))
    edges = _members_over_family(doc, edges)
    edges = _tuned_beside_base(edges)
    edges.extend(_edges_from_names(doc, order, edges))
    edges.extend(_refine_vague(doc, edges, models))
    _emit(doc, edges)


def _applied_then_resulting(doc: Doc, idx: int, ptext: str, mapping: dict[int, str],
                            after: tuple[str, dict[int, str]]) -> list[Edge]:
    """"Applying CKO to <M0> models ... yields improvements. The resulting model, called <M1>, ...": what
    a method was applied to is the parent of the model the next sentence names as the result; the kind
    is the one the method's words (its long form when the sentence gives its acronym) speak of."""
    if not roles.lexicon().resulting.match(after[0]):
        return []
    m = roles.lexicon().applied_method.search(ptext)
    named = [n for k, n in sorted(after[1].items()) if f"<M{k}>" in after[0]]
    parent = mapping.get(int(m.group("model")[2:-1])) if m else None
    if parent is None or not named or model_key(named[0]) == model_key(parent):
        return []
    kinds = _applied_kinds(doc, m.group("method")) or ("based_on",)  # type: ignore[union-attr]  # (m: parent is not None)
    out: list[Edge] = []
    _weigh(doc, out, idx, named[0], parent, kinds, 0.75,
           "role: what a method is applied to, made into the next sentence's 'resulting model'")
    return out


def _applied_kinds(doc: Doc, method: str) -> tuple[str, ...]:
    """The kinds the words of an applied method speak of, with the long form of an acronym the record
    defines ("applying RPO", RPO = "Ranked Preference Optimization": aligned)."""
    longs = [a.long for a, _ in doc.user.get("abbreviations", ()) if a.short in method.split()]
    return cue_kinds(" ".join([method, *longs]))


def _titled_only(doc: Doc) -> bool:
    """Does the record introduce one model, named in its title and nowhere in its abstract ("X: On the Transfer
    of Reasoning to Finance", then "we develop a financial model based on Y")? Then the abstract's "a ... model"
    the authors make is that model."""
    intro = {model_key(n): n for n in _introduced(doc)}
    if len(intro) != 1 or doc.title_index is None:
        return False
    name = next(iter(intro.values()))
    return name in doc.clean[doc.title_index] and not any(name in doc.clean[i] for i in doc.abstract_sentences())


def _our_thing_subject(ptext: str) -> bool:
    """Does the sentence open on the authors' dataset, benchmark or method ("Our dataset is built on
    <M0>", "Our benchmark, based on <M0>, ...")? What it says is made is that thing, not a model. What
    their data uses ("Our benchmark uses <M0> as the encoder") is a tool; what their method uses ("Our
    approach utilizes a <M0> image encoder") is a part of the model it makes."""
    m = roles.lexicon().our_subject.match(ptext)
    heads = word_lexicon().kinds
    return m is not None and m.group(1).lower().rstrip("s") in (heads.data if m.group("uses") else heads.every)


OWN_CLAUSE: Final = re.compile(r",? and we |; ")
""""We present X, trained on top of Y, and we open-source Z ...": a clause of its own after the parent; Z is
no child of Y by elimination."""
AUTHORS_MAKE_ONE: Final = re.compile(AUTHORS_MAKE_A + "$", re.IGNORECASE)
""""we develop a financial reasoning-enhanced <model based on Y>": the authors make the model the noun names."""
NEAR: Final = 40
"""Characters after a child within which a model with no role may still be its parent."""


def _excluded_parents(ptext: str, mapping: dict[int, str]) -> set[str]:
    """Models the grammar rules out as parents in a sentence ("outperforms <M0>", "<M1> outputs")."""
    reading = roles.read(ptext)
    return {mapping[s.index] for s in reading.excluded if s.index in mapping} if reading else set()


RESULTING_INSIDE: Final = re.compile(r"\bthe resulting (?:model|checkpoint) (?:\(|, )<M(\d+)>")
""""When comparing the resulting model (<M0>) to ...": the model the sentence before made, named inside this one."""


MADE_FROM_THROUGH: Final = re.compile(r"\b(?P<v>[\w-]+(?:ed|t)) from (?:the )?<M\d+>(?:(?:,| and|, and) (?:the )?<M\d+>)*"
                               r"(?: models?)?,? (?:through|via|by|using|with) ", re.IGNORECASE)
""""fine-tuned from <M0> and <M1> through X, Y and Z": a derivation verb, its parents, then the means."""


def _last_stage(text: str) -> str | None:
    """The kind of the last step a list of stages names ("continual pre-training, instruction tuning and
    reinforcement learning from human feedback" -> aligned), or None."""
    at = {k: max((m.start() for m in rx.finditer(text)), default=-1) for k, rx in cue_patterns().items()}
    kind = max(at, key=at.__getitem__, default=None)
    return kind if kind is not None and at[kind] >= 0 else None


def _role_edges(doc: Doc, idx: int, ptext: str, mapping: dict[int, str], order: list[str], own: set[str],
                before: tuple[str, dict[int, str]] | None, after: tuple[str, dict[int, str]] | None) -> list[Edge]:
    """Edges read from the roles the grammar gives a sentence's models (kg.extract.roles); ``own``: the
    keys of the models the paper introduces.

    A child the sentence does not name is the paper's own: a model of the paper named in the
    sentence with no role of its own, the model the sentence before named ("We present X. It is
    fine-tuned from Y"), or, when the authors are the subject, the paper's main model."""
    # "we extend the instruction-tuned <M0> model with ...": how <M0> was made, not this step
    said = roles.lexicon().parent_participle.sub("", ptext)
    kinds = roles.triggered(said, cue_kinds(said)) or roles.triggered(ptext, cue_kinds(ptext))
    if not kinds:
        return []
    reading = roles.read(ptext)
    if reading is None:
        return []
    if len(kinds) > 1 and (made := MADE_FROM_THROUGH.search(ptext)) and (verb := verb_kind(made.group("v"))) in kinds:
        last = _last_stage(ptext[made.end():])  # "fine-tuned from <M0> and <M1> through continual pre-training,
        # instruction tuning and RLHF": how it was made from them (the verb) and what it ended as (the last stage)
        kinds = tuple(dict.fromkeys(k for k in (verb, last) if k in kinds))
    if kinds == ("based_on",) and (applied := roles.lexicon().applied_method.search(ptext)):
        kinds = _applied_kinds(doc, applied.group("method")) or kinds  # "applying RPO to <M0> yields ..."
    name = {s.index: mapping[s.index] for s in reading.slots if s.index in mapping}
    parents, children = reading.parents, reading.children
    # "distilled it into a small, 58M-parameter <Y> model": a model of the family, which the sentence leaves unnamed
    children = [g for g in ([s for s in g if not _unnamed_of_family(ptext, s, name)] for g in children) if g]
    rule = "role"
    unmarked: dict[int, list[roles.Slot]] = {}
    for s in reading.slots:
        if not s.role and s.index in name:
            unmarked.setdefault(s.group, []).append(s)
    if children and not parents:
        # "We train Y with RLHF to obtain X": with the child named as made, any other model is its
        # parent, the paper's own ones too; a child read off the grammar alone leaves only others' models
        named_as_made = any(s.why == "named as what was made" for g in children for s in g)
        child_at = min(s.start for g in children for s in g)
        child_end = max(s.end for g in children for s in g)
        # only a model before the child, or right after it: one far after it is in another clause
        parents = [g for g in unmarked.values()
                   if (named_as_made or all(model_key(name[s.index]) not in own for s in g))
                   and (g[0].start < child_at or g[0].start - child_end <= NEAR)]
        if BASED_ON_NO_MODEL.search(ptext, child_end):
            parents = []  # "... <M1> models were still based on Transformer": what they are based on is no model
        rule = "role: children named, the other models are what they were made from"
    elif parents and not children:
        first_parent = parents[0][0].start
        parent_names = {model_key(name[s.index]) for g in parents for s in g}
        last_parent = parents[-1][-1].end
        children = [g for g in unmarked.values() if all(model_key(name[s.index]) in own for s in g)
                    and not any(model_key(name[s.index]) in parent_names for s in g)
                    and not (g[0].start > last_parent and OWN_CLAUSE.search(ptext, last_parent, g[0].start))
                    and not (g[-1].end < first_parent and not ptext.startswith(":", g[-1].end)
                             and (noun := roles.lexicon().unnamed_child.search(ptext, g[-1].end, first_parent))
                             and not roles.lexicon().uses_part.search(ptext, g[-1].end, noun.start()))]
        # (after "which we call <M0>:", the nouns that follow are what <M0> names, not other models; after
        # "<M0> leverages ... a fine-tuned LLM based on <M1>", that LLM is a part of <M0>)
        rule = "role: parents named, the paper's models in the sentence are what was made"
    out: list[Edge] = []
    if children and not parents and not unmarked and after is not None and roles.lexicon().resulting.match(after[0]) \
            and all(roles.lexicon().data_distilled_into.search(ptext, 0, s.start) for g in children for s in g):
        # "the preference supervision is distilled into Y. The resulting model, X, ...": what data went into is
        # what was trained, the next sentence names what it became
        parents, children = children, []
        rule = "role: what the data was distilled into, made into the next sentence's 'resulting model'"
        kinds = tuple(k for k in kinds if k != "distilled") or ("finetuned",)  # data distilled in: a tuning
    if not parents and not children and after is not None and roles.lexicon().resulting.match(after[0]):
        parents = list(unmarked.values())  # "We train Y with RLHF. The resulting model, X, ...": Y is what was trained
        rule = "role: what the sentence works on, made into the next sentence's 'resulting model'"
    if not parents:
        return out
    found = roles.pairs(parents, children)
    if parents and children and not found:
        doc.decisions.append(Decision("", "", "", rule, idx, False, "too many children and parents in one clause"))
        return out
    inside = RESULTING_INSIDE.search(after[0]) if not children and after is not None else None
    if not children and after is not None and (roles.lexicon().resulting.match(after[0]) or inside):
        # "We prune Y. The resulting model, X, ...", "... When comparing the resulting model (X) to Z, ..."
        named = [after[1][int(inside.group(1))]] if inside else list(dict.fromkeys(after[1].values()))
        if named:
            for p in (s for g in parents for s in g):
                _weigh(doc, out, idx, named[0], name.get(p.index), kinds, 0.8,
                       f"role: the child named by 'the resulting model' in the next sentence ({p.why})")
            return out
    if not children:
        child = None
        if reading.coreferent and before is not None:
            prev = list(dict.fromkeys(n for n in before[1].values() if model_key(n) in own))
            if prev and roles.lexicon().plural_coreference.match(ptext):
                for p in (s for g in parents for s in g):  # "We introduce A and B. These models are ..."
                    for earlier in prev:
                        _weigh(doc, out, idx, earlier, name.get(p.index), kinds, 0.75,
                               f"role: the models of the sentence before ({p.why})")
                return out
            child, rule = (prev[0], "role: the model of the sentence before") if prev else (None, rule)
        said_of_a_noun = roles.lexicon().unnamed_child.search(ptext, 0, parents[0][0].start)
        if said_of_a_noun and (roles.lexicon().our_noun.search(ptext[:said_of_a_noun.start()])
                               or (AUTHORS_MAKE_ONE.search(ptext[:said_of_a_noun.start()]) and _titled_only(doc))):
            said_of_a_noun = None  # "we build our model based on Y": the paper's own model, not an unnamed one;
            # so is "we develop a financial model based on Y" where only the title names the paper's model
        if _our_thing_subject(ptext):
            return out  # "Our dataset is built on Y and Z": what is built on them is no model
        if child is None and (main := main_model(doc, kinds, "", order)) and all(
                model_key(name[s.index]) == model_key(main) for g in parents for s in g if s.index in name):
            return out  # "we equip <the paper's model> with tools": a step on the paper's own model, no other child
        if child is None and (reading.authors_subject or reading.coreferent) and not said_of_a_noun:
            parent_keys = {model_key(name[s.index]) for g in parents for s in g}
            child = main_model(doc, kinds, name[parents[0][0].index], order, exclude=parent_keys)
            rule = "role: parents named, the authors make the paper's main model"
        for g in parents:
            for p in g:
                _weigh(doc, out, idx, child, name.get(p.index), _marked_kinds(ptext, p, kinds, parents), 0.75,
                       f"{rule} ({p.why})")
        return out
    for c, p, how in found:
        marked = (c.role == "child") + (p.role == "parent")
        conf = 0.85 if marked == 2 else 0.8
        child = name.get(c.index)
        if c.role != "child" and model_key(child or "") not in own:
            doc.decisions.append(Decision(child or "", name.get(p.index, ""), "", f"{rule}", idx, False,
                                          "the child is neither named as made nor the paper's own"))
            continue
        _weigh(doc, out, idx, child, name.get(p.index),
               _based_kinds(ptext, p) if p.why == "'X-based'" else _marked_kinds(ptext, p, kinds, parents), conf,
               f"{rule}: child {c.why or 'by elimination'}, parent {p.why or 'by elimination'}; {how}")
    for s in reading.excluded:
        doc.decisions.append(Decision("", name.get(s.index, ""), "", "role", idx, False,
                                      "not a parent: " + s.why))
    return out


INDEFINITE_BEFORE: Final = re.compile(r"\b(?:an?|another) (?:[\w.,-]+ ){0,4}$", re.IGNORECASE)
MODEL_AFTER: Final = re.compile(r" (?:models?|LLMs?|checkpoints?|variants?)\b")


def _unnamed_of_family(ptext: str, slot: roles.Slot, name: dict[int, str]) -> bool:
    """Is a child read as "a small, 58M-parameter <Y> model" a model of the family Y names (no size, no
    version in it), which the sentence does not name?"""
    family = name.get(slot.index, "")
    return bool(family) and not any(ch.isdigit() for ch in family) \
        and INDEFINITE_BEFORE.search(ptext, max(0, slot.start - 60), slot.start) is not None \
        and MODEL_AFTER.match(ptext, slot.end) is not None


def _marked_kinds(ptext: str, parent: roles.Slot, kinds: tuple[str, ...],
                  parents: Sequence[list[roles.Slot]] = ()) -> tuple[str, ...]:
    """The one kind the words just before a parent name ("merged with <M0>"), whatever other steps the
    sentence goes on to ("... and undergoes DPO": a step on the merged model, not a way of using <M0>).
    Where the sentence names each parent with a step of its own ("fine-tuning of <M0> ..., and knowledge
    distillation from <M1>"), each parent has the kinds of its own step."""
    before = ptext[max(0, parent.start - 40):parent.start]
    marked = next(((k,) for k, rx in roles.lexicon().kind_before.items() if rx.search(before)), None)
    if marked:
        return marked
    if len(kinds) > 1:
        local = {s.start: _step_kinds(ptext, s, kinds) for g in parents for s in g}
        if len(set(local.values()) - {()}) >= 2 and local.get(parent.start):  # two parents, each with its own step
            return local[parent.start]
    return kinds


STEP_OPENS: Final = re.compile(r"(?:,? and |; |: |, )(?!.*(?:,? and |; |: |, ))")
"""The last list break before a name: its own step begins after it."""


def _step_kinds(ptext: str, parent: roles.Slot, kinds: tuple[str, ...]) -> tuple[str, ...]:
    """The kinds of the step written just before a parent, back to the last list break ("..., and knowledge
    distillation from <M1>": distilled)."""
    window = ptext[max(0, parent.start - 80):parent.start]
    opens = STEP_OPENS.search(window)
    step = window[opens.end():] if opens else window
    return tuple(k for k in cue_kinds(step) if k in kinds)


def _named_as_made(part: str, mapping: dict[int, str]) -> list[str]:
    reading = roles.read(part)
    return [mapping[s.index] for g in (reading.children if reading else ()) for s in g
            if s.why == "named as what was made" and s.index in mapping]


def _stage_edges(doc: Doc, idx: int, part: str, mapping: dict[int, str], made: list[str]) -> list[Edge]:
    """"..., creating <M0>, followed by finetuning on instructions, creating <M1>": a stage that names
    what it made and no parent was made from what the stage before made, in this stage's way."""
    kinds = roles.triggered(part, cue_kinds(part))
    reading = roles.read(part)
    if not kinds or reading is None or reading.parents or any(not s.role for s in reading.slots):
        return []
    out: list[Edge] = []
    for c in (s for g in reading.children for s in g if s.why == "named as what was made"):
        for parent in made:
            _weigh(doc, out, idx, mapping.get(c.index), parent, kinds, 0.75,
                   "role: a later stage of a recipe, made from what the stage before made")
    return out


def _based_kinds(ptext: str, parent: roles.Slot) -> tuple[str, ...]:
    """The kind of an "X-based" parent: the words right before it ("a finetuned X-based model"), else based_on."""
    return cue_kinds(ptext[max(0, parent.start - 30):parent.start]) or ("based_on",)


CLAUSE_BREAK: Final = re.compile(r" and |;|, ")
ITEM_MARK: Final = re.compile(r"(?:^|[\s,;:])\(?(?:[1-9]|i{1,3}|iv)\)\s")
""""1) ..., 2) ...": the next item of a numbered list, another statement."""


def _compared(text: str, child: str, parent: str) -> bool:
    """"X outperforms both direct distillation from Y", "X outperforms six models distilled from Y": a
    comparison between the child and the parent says the derivation is of something else."""
    at, parent_at = text.find(child), text.find(parent)
    if not 0 <= at < parent_at:
        return False
    if ITEM_MARK.search(text, at + len(child), parent_at):
        return True  # "1) we train models from scratch dubbed X, 2) we continue pretraining Y ...": two items
    compared = roles.lexicon().comparison.search(text, at + len(child), parent_at)
    # in the same clause: not "X outperforms Z and achieves the best results among Y-based models"
    return compared is not None and not CLAUSE_BREAK.search(text, compared.end(), parent_at)


def _weigh(doc: Doc, out: list[Edge], idx: int, child: str | None, parent: str | None, kinds: Sequence[str],
           conf: float, rule: str) -> None:
    """Add the edge child <- parent of each kind, or record why there is none."""
    if not child or not parent or model_key(child) == model_key(parent):
        doc.decisions.append(Decision(child or "", parent or "", "", rule, idx, False,
                                      "no child named or implied" if not child else "the same model"))
        return
    if _compared(doc.clean[idx], child, parent):
        doc.decisions.append(Decision(child, parent, "", rule, idx, False, "a comparison or another item stands between them"))
        return
    for k in dict.fromkeys(kinds):
        out.append(Edge(child, parent, k, conf, idx, rule))


BASED_ON_NO_MODEL: Final = re.compile(r"\b(?:based|built) (?:up)?on (?:top of )?(?:the |an? )?(?!<M\d+>)[A-Za-z][\w-]*"
                               r"(?! <M\d+>)(?:[ ,.;]|$)")
""""based on Transformer": the sentence says what its child is based on, and it is no model (a placeholder would be)."""


def _child_named_after(ptext: str, parent: str) -> bool:
    """Does a model placeholder after ``parent`` stand where a sentence names what was made ("we fine-tune <M0>
    to obtain an LLM <M1>")?"""
    at = ptext.find(parent)
    return at >= 0 and any(roles.lexicon().child_before.search(ptext[max(0, m.start() - 120):m.start()])
                           for m in PLACEHOLDER.finditer(ptext, at + len(parent)))


@lru_cache(maxsize=4096)
def _pattern_matches(ptext: str) -> tuple[tuple[Pattern, dict[str, str | None], tuple[int, int] | None], ...]:
    """Each pattern's matches in a sentence with placeholders, in pattern order: their groups and
    where the child's placeholder is (None when the pattern names no child).

    Cached: sentences that differ only in their names ("<M0> is pruned from <M1>") are matched once."""
    placeholders = ptext.count("<M") + ptext.count("<m")
    low = ptext.lower()
    every = patterns()
    held = {k for root, group in _patterns_by_word() if root in low for word, ks in group if word in low for k in ks}
    return tuple((pat, m.groupdict(), m.span("c") if m.groupdict().get("c") else None)
                 for pat in map(every.__getitem__, sorted(held))  # a sentence holding none of a pattern's words
                 if pat.names <= placeholders  # cannot match it, nor one naming fewer models than it does
                 for m in pat.regex.finditer(ptext))


@lru_cache(maxsize=1)
def _patterns_by_word() -> tuple[tuple[str, tuple[tuple[str, tuple[int, ...]], ...]], ...]:
    """Each word a pattern needs (``Pattern.words``; "" for a pattern needing none) with the positions in
    ``patterns()`` of the patterns needing it, under their roots (prefilter.under_roots): a sentence is
    searched for each word once, not once for each pattern needing it, and for a word only when it holds
    its root (74 roots of 133 words; 259 words of 80 patterns)."""
    by_word: dict[str, list[int]] = {}
    for k, pat in enumerate(patterns()):
        for word in pat.words or ("",):
            by_word.setdefault(word, []).append(k)
    return under_roots((word, tuple(ks)) for word, ks in by_word.items())


def _abstract_cues(doc: Doc) -> tuple[str, ...]:
    """The derivation kinds the whole abstract speaks of: read only when a sentence's own words say none."""
    if "abstract_cues" not in doc.user:
        doc.user["abstract_cues"] = cue_kinds(" ".join(doc.clean[i] for i in doc.abstract_sentences()))
    return doc.user["abstract_cues"]


def _match_sentence(doc: Doc, idx: int, ptext: str, mapping: dict[int, str], order: list[str]) -> list[Edge]:
    out: list[Edge] = []
    found: set[tuple[str, str]] = set()
    sentence_cues = cue_kinds(ptext)
    matches = _pattern_matches(ptext)
    # parents a pattern pairs with a named child ("we fine-tune <M0> to obtain an LLM <M1>"): no other pattern
    # gives them to the paper's main model
    named_from = {groups["p"] for _, groups, _ in matches if groups.get("c") and groups.get("p")}
    if any(groups.get("p") and not groups.get("c") for _, groups, _ in matches):  # (or a role names the child:
        # "... to obtain an LLM <M2>")
        named_from |= {groups["p"] for _, groups, _ in matches if groups.get("p") and _child_named_after(ptext, groups["p"])}  # type: ignore[arg-type]
    for pat, groups, child_at in matches:
        parent = _name(groups.get("p"), mapping)
        child = _name(groups.get("c"), mapping)
        if pat.kind == "verb":
            kinds: Sequence[str] = [k for k in [verb_kind(groups.get("v") or "")] if k]
        elif pat.kind == "cues":
            kinds = ([pat.first] if pat.first else []) + [k for k in sentence_cues if k != pat.first]
        elif pat.kind == "cues_or_finetuned":  # "Trained with ... from Y, X": training Y's weights further
            kinds = sentence_cues or ["finetuned"]
        elif pat.kind == "cues_or_based_on":
            kinds = sentence_cues or [k for k in _abstract_cues(doc) if k in ("pruned", "distilled")] \
                or ["based_on"]
            if "derived" in pat.name:  # "derived from Y through fine-tuning and DPO": those kinds
                kinds = sentence_cues or ["based_on"]
        else:
            kinds = [pat.kind]
        if not kinds:
            continue
        if pat.parent_is_main and child:
            parent = main_model(doc, kinds, child, order)
            if parent and model_key(parent) in {model_key(n) for n in mapping.values()}:
                continue  # "our fine-tuned models, called A and B": B is A's sibling, not its base
        if parent and not child:
            if any(p_ == parent for _, p_ in found) or groups.get("p") in named_from:
                continue  # the sentence already names what was made from this parent
            child = main_model(doc, kinds, parent, order)
        if not child or not parent or model_key(child) == model_key(parent):
            continue
        if _compared(doc.clean[idx], child, parent):
            doc.decisions.append(Decision(child, parent, "", f"pattern: {pat.name}", idx, False,
                                          "a comparison or another item stands between them"))
            continue
        if (child, parent) not in found:
            found.add((child, parent))
            out.extend(Edge(child, parent, k, pat.conf if i == 0 or pat.kind != "cues" else pat.conf - 0.05, idx,
                            f"pattern: {pat.name}")
                       for i, k in enumerate(dict.fromkeys(kinds)))
            p2 = _name(groups.get("p2"), mapping)
            if p2 and model_key(p2) != model_key(child):
                out.extend(Edge(child, p2, k, pat.conf, idx, f"pattern: {pat.name}") for k in kinds)
        if child_at:  # "we present A and B, obtained by pruning Y": B's parent is A's too
            for other in _listed_with(ptext, *child_at):
                sibling = _name(other, mapping)
                if sibling and model_key(sibling) not in (model_key(parent), model_key(child)) \
                        and (sibling, parent) not in found:
                    found.add((sibling, parent))
                    out.extend(Edge(sibling, parent, k, pat.conf - 0.05, idx, f"pattern: {pat.name} (listed with)")
                               for k in dict.fromkeys(kinds))
    return out


_LISTED: Final = r"<M\d+>(?: \(<M\d+>\))?"  # a name, and perhaps its short name in parentheses
LISTED_BEFORE: Final = re.compile(rf"(?:{_LISTED}, )*{_LISTED},? (?:and|&) $")
LISTED_AFTER: Final = re.compile(rf"(?: \(<M\d+>\))?(?:, {_LISTED})*,? (?:and|&) {_LISTED}")
SHORT_NAME: Final = re.compile(r" \(<M\d+>\)")


def _listed_with(ptext: str, start: int, end: int) -> list[str]:
    """Placeholders listed together with the one at ``ptext[start:end]`` ("<M0>, <M1> and <M2>")."""
    before = LISTED_BEFORE.search(ptext, max(0, start - 200), start)
    after = LISTED_AFTER.match(ptext, end)
    return [f"<M{k}>" for part in (before, after) if part
            for k in PLACEHOLDER.findall(SHORT_NAME.sub("", part.group()))]


def _name(group: str | None, mapping: dict[int, str]) -> str | None:
    if not group:
        return None
    m = PLACEHOLDER.fullmatch(group)
    return mapping.get(int(m.group(1))) if m else None


def _sentence_with(doc: Doc, *names: str) -> int | None:
    for idx, text in enumerate(doc.clean):
        if all(n in text for n in names):
            return idx
    return None


def _sibling_base(stem: str, tuned: str, names: list[str]) -> str | None:
    """The record's model a tuned sibling "<stem>-<tuned>" was made from: "<stem>-Base", or for a preference or
    RL stage the supervised one before it when the record names one ("X-RL" beside "X-SFT": the RL step runs on
    the SFT model)."""
    earlier = [n for n in names if (m := SIBLING_BASE.match(n)) and model_key(m.group("stem")) == model_key(stem)]
    if tuned in SIBLING_AFTER_SFT:
        earlier = [n for n in names if model_key(n) == model_key(f"{stem}-SFT")] or earlier
    return earlier[0] if earlier else None


def _sized_children(doc: Doc, ptexts: dict[int, tuple[str, dict[int, str]]], order: list[str],
                    found: list[Edge]) -> list[Edge]:
    """"We compress Y to 8B and 4B parameters. The resulting models, X-8B and X-4B, ...": each model of
    the record with one of the sizes is a child of Y, of the kind the verb names. ``ptexts``: each
    sentence with its model names as placeholders."""
    out: list[Edge] = []
    have = {(model_key(e.child), model_key(e.parent)) for e in found}
    intro = _introduced(doc)  # a model of that size the paper only compares with is no child
    for idx, (ptext, mapping) in sorted(ptexts.items()):
        low = ptext.lower()
        if not any(v in low for v in ("prun", "compress", "distil", "deriv", "obtain", "produc")):
            continue
        for rx in roles.lexicon().sized_children:
            for m in rx.finditer(ptext):
                parent = mapping[int(m.group("p")[2:-1])]
                sizes = set(sizes_in(m.group("sizes")))
                verb = m.group("v").lower()
                named = next((k for stem, k in VERB_KIND.items() if verb.startswith(stem)), None)
                kinds = [named] if named else [k for k in (*cue_kinds(ptext), *_abstract_cues(doc))
                                               if k in ("pruned", "distilled")][:2] or ["based_on"]
                for child in dict.fromkeys(order):
                    if size_of(child) in sizes and child in intro and model_key(child) != model_key(parent) \
                            and (model_key(child), model_key(parent)) not in have:
                        out.extend(Edge(child, parent, k, 0.7, idx) for k in kinds)
                        have.add((model_key(child), model_key(parent)))
    return out


SIZES_AFTER: Final = re.compile(rf"(?:,? (?:and|or) |, )(?P<sizes>{ONE_SIZE}(?:{LIST_SEPARATOR}{ONE_SIZE})*)(?![\w-])")
""""X-7B, 13B and 70B": the sizes listed after a sized name."""


def _tuned_beside_base(edges: list[Edge]) -> list[Edge]:
    """"Based on Y, we propose X and X-Instruct": where one sentence makes a base and its tuned sibling from Y,
    the tuned sibling was also made from the base (fine-tuned; implied, as the naming rules are)."""
    made = {(model_key(e.child), model_key(e.parent), e.sentence): e.child for e in edges}
    have = {(model_key(e.child), model_key(e.parent)) for e in edges}
    out = list(edges)
    for e in edges:
        base = next((e.child[: -len(t)].rstrip("-_ ") for t in SIBLING_TUNED
                     if e.child.endswith(t) and len(e.child) > len(t) + 1), None)
        sibling = made.get((model_key(base), model_key(e.parent), e.sentence)) if base else None
        if sibling is not None and (model_key(e.child), model_key(sibling)) not in have:
            out.append(Edge(e.child, sibling, "finetuned", 0.55, e.sentence,
                            "naming: a tuned sibling made beside its base, from the base"))
            have.add((model_key(e.child), model_key(sibling)))
    return out


def _members_over_family(doc: Doc, edges: list[Edge]) -> list[Edge]:
    """"X-7B, 13B and 70B are continuously pre-trained from Y": where one sentence names X's sized members made
    from Y, X itself (a pattern's fallback to the paper's main model) is no second child of Y there (but
    "Finetuned from Y-70B, X models ...": the member, not named, is only implied)."""
    members = {(model_key(family), model_key(e.parent), e.sentence)
               for e in edges if (family := _unsized(e.child)) and e.sentence is not None
               and e.child in doc.clean[e.sentence]}
    return [e for e in edges if (model_key(e.child), model_key(e.parent), e.sentence) not in members]


def _sizes_listed_after(doc: Doc, order: list[str], found: list[Edge]) -> list[Edge]:
    """"X-7B, 13B and 70B are continuously pre-trained from Y": the members the sizes after a sized child name
    ("X-13B", "X-70B", models of the record) were made as it was."""
    out: list[Edge] = []
    have = {(model_key(e.child), model_key(e.parent), e.kind) for e in found}
    keys = {model_key(n): n for n in order}
    for e in found:
        size = size_of(e.child)
        text = doc.clean[e.sentence] if e.sentence is not None and e.sentence < len(doc.clean) else ""
        at = text.find(e.child)
        if not size or at < 0 or not (m := SIZES_AFTER.match(text, at + len(e.child))):
            continue
        stem = e.child[: len(e.child) - len(size)].rstrip("-_ ")
        for other in sizes_in(m.group("sizes")):
            sibling = keys.get(model_key(f"{stem}-{other}"))
            if sibling and (model_key(sibling), model_key(e.parent), e.kind) not in have:
                out.append(Edge(sibling, e.parent, e.kind, e.conf, e.sentence,
                                f"{e.rule} (each size listed after the name)"))
                have.add((model_key(sibling), model_key(e.parent), e.kind))
    return out


def _sized_members(doc: Doc, order: list[str], found: list[Edge]) -> list[Edge]:
    """"X models are fine-tuned from Y-7B and Z-70B" and the paper names X-70B: the member of the
    family with a parent's size was made from that parent (implied, so a lower confidence)."""
    out: list[Edge] = []
    intro = _introduced(doc)
    for e in found:
        psize = size_of(e.parent)
        if not psize or size_of(e.child) or e.conf < 0.75:
            continue
        for name in dict.fromkeys(order):
            if name in intro and size_of(name) == psize and model_key(name) != model_key(e.child) \
                    and model_key(name).startswith(model_key(e.child)):
                out.append(Edge(name, e.parent, e.kind, 0.6, e.sentence, "naming: the family's member of the parent's size"))
    return out


VERB_KIND: Final = {"prun": "pruned", "compress": "pruned", "distil": "distilled"}
"""The kind a sized-children verb names; "derive", "obtain", "produce" take the text's cues."""


def _edges_from_names(doc: Doc, order: list[str], found: list[Edge]) -> list[Edge]:
    """Derivations the names themselves state."""
    out: list[Edge] = []
    intro = _introduced(doc)
    names = list(dict.fromkeys(order))
    keys = {model_key(n): n for n in names}
    has_parent = {model_key(e.child) for e in found}
    # "glm-4-voice-9b" continued from Y: its family's name ("GLM-4-Voice") has that parent too, none by naming
    has_parent |= {model_key(family) for e in found if (family := _unsized(e.child))}
    for a in doc.aliases:  # "Kelp-3-Nanda-10B-Chat, or Nanda for short": a parent of one name is the other's
        if a.kind == "model" and {model_key(a.name), model_key(a.alias)} & has_parent:
            has_parent |= {model_key(a.name), model_key(a.alias)}
    for name in names:
        # "X-Instruct" beside "X-Base": the tuned model was made from the base
        for tuned in SIBLING_TUNED:
            if name.lower().endswith(tuned.lower()) and name in intro:
                stem = name[: -len(tuned)].rstrip("-_ ")
                base = _sibling_base(stem, tuned, names)
                idx = _sentence_with(doc, name, base) if base else None
                if base and idx is None:
                    idx = _sentence_with(doc, name)  # (the sentence naming both, or else the tuned one's)
                if base and idx is not None:
                    kind = "aligned" if "aligned" in _abstract_cues(doc) else "finetuned"
                    out.append(Edge(name, base, kind, 0.55, idx, "naming: 'X-Instruct' beside 'X-Base'"))
                    has_parent.add(model_key(name))
        # "Flan-Kelp" beside "Kelp", "Kelp-VL-Chat" beside "Kelp-VL": a variant of a model of the record,
        # when the paper makes one of the two (not "X-Chat" of someone else's X: a baseline)
        if model_key(name) not in has_parent:
            idx = -1  # the sentence is looked for at the first variant: most names are none
            for base, kind, word in _named_variants(name, keys):
                if idx == -1:
                    idx = _sentence_with(doc, name)
                if idx is not None and (name in intro or base in intro or _made_here(doc, idx, name)):
                    said = [k for k in cue_kinds(doc.clean[idx]) if k != "based_on"] if kind != "based_on" else []
                    for k in said or [kind]:  # "X-Chat, the chat models finetuned with alignment techniques"
                        out.append(Edge(name, base, k, 0.55, idx, f"naming: a '{word}' variant of a model the paper names"))
                    has_parent.add(model_key(name))
                    break
        # "LLaMA2-70B-32k" beside "LLaMA2-70B": a longer context window
        m = CONTEXT_SUFFIX.match(name)
        if m and model_key(m.group("base")) in keys:
            idx = _sentence_with(doc, name)
            if idx is not None:
                out.append(Edge(name, keys[model_key(m.group("base"))], "context_extended", 0.6, idx))
        # "Kelp-reasoning-plus" beside "Kelp-reasoning", both the paper's: the longer name is a further step
        if name in intro and model_key(name) not in has_parent and (base := _extended_name(name, names, intro)):
            idx = _sentence_with(doc, name)
            words = placeholder_text(doc.clean[idx], names)[0] if idx is not None else ""  # not "X-DPO"'s "DPO"
            said = [k for k in cue_kinds(words) if k != "based_on"]
            if idx is not None and (said or roles.lexicon().variant_word.search(words)):  # the text gives it a role
                out.extend(Edge(name, base, k, 0.5, idx, "naming: a further step on a model the paper makes")
                           for k in said or ["based_on"])
                has_parent.add(model_key(name))
        # "Llama3-RankRAG": an introduced model named after the model it was built on
        if name in intro and model_key(name) not in has_parent:
            prefix = _base_prefix(name)
            idx = _sentence_with(doc, name)
            if prefix and idx is not None and not _named_a_series(doc, prefix):
                out.append(Edge(name, prefix, "based_on", 0.5, idx))
                has_parent.add(model_key(name))
        # "Vireo-KPO-α" in a paper whose method is KPO: the family's model the paper trains with its method
        if name in intro and model_key(name) not in has_parent and (made := _trained_with_method(doc, name, names, intro)):
            base, idx = made
            out.append(Edge(name, base, "finetuned", 0.5, idx, "naming: a model named after its base and the paper's method"))
            has_parent.add(model_key(name))
        # "LEGAL-KELP, a family of Kelp models": a name holding the family its appositive says it is of
        if name in intro and model_key(name) not in has_parent and (of_family := _family_in_appositive(doc, name)):
            out.append(Edge(name, of_family[0], "based_on", 0.5, of_family[1], "naming: a model of the family its name holds"))
            has_parent.add(model_key(name))
        # "KelpRM-Llama3-8B": an introduced model named after the sized checkpoint it was built on
        if name in intro and model_key(name) not in has_parent and (base := suffix_base(name, keys)) \
                and (idx := _sentence_with(doc, name)) is not None and base not in intro \
                and not _only_compared(doc, base):
            idx, kinds = _named_after_step(doc, name, idx)
            out.extend(Edge(name, base, k, 0.5, idx, "naming: named after the checkpoint it was built on")
                       for k in kinds or ["based_on"])
            has_parent.add(model_key(name))
        # "LLaVA-Kelp": a known family's recipe on the record's Kelp model, named after both
        if name in intro and model_key(name) not in has_parent and (base := _second_family(name, names, intro)) \
                and (idx := _sentence_with(doc, name)) is not None and not _only_compared(doc, base):
            out.append(Edge(name, base, "based_on", 0.5, idx, "naming: a known family's name joined to the model it runs on"))
            has_parent.add(model_key(name))
        # "we introduce two specialized variants: Kelp-Video, ..., and Kelp-UI": what the text calls variants,
        # named after the paper's model, are made from it
        if name in intro and model_key(name) not in has_parent \
                and (base := compound_base(name, keys) or tagged_base(name, keys)) and base in intro \
                and (idx := _sentence_with(doc, name)) is not None and _called_variant(doc.clean[idx], name):
            out.append(Edge(name, base, "based_on", 0.55, idx, "naming: a variant the text calls one, named after "
                                                                 "the paper's model"))
            has_parent.add(model_key(name))
        # "MobileKelp" / "Kelp-Lightning" in a paper that distils: named after a model of the record, made
        # the way the abstract says (a specific way only: "based on" alone says nothing of a name)
        if name in intro and model_key(name) not in has_parent:
            base = compound_base(name, keys, spaced=True) or tagged_base(name, keys)
            idx = _sentence_with(doc, name)
            if base and idx is not None:
                idx, kinds = _named_after_step(doc, name, idx)
            else:
                kinds = []
            if not base and idx is not None and (small := compound_base(name, keys, size_prefix=True)):
                # "TinyKelp" in a paper that distils or prunes: a smaller Kelp, made that way
                kinds = [k for k in _named_after_kinds(doc, idx) if k in COMPRESSIONS]
                base = small if kinds else None
            if kinds and base and idx is not None and base not in intro and not _only_compared(doc, base):
                out.extend(Edge(name, base, k, 0.5, idx, "naming: named after a model of the record, "
                                                          "made the way the abstract says") for k in kinds)
                has_parent.add(model_key(name))
    return out


@lru_cache(maxsize=1)
def _naming_words() -> str:
    """The naming participles of the shared lexicon's name cues ("termed", "called", "dubbed", ...), each with an
    optional "as", and "referred to as": what gives a name in a sentence."""
    participles = sorted(w for w in word_lexicon().name_cues if w.endswith("ed"))
    return rf"(?:(?:{'|'.join(participles)})(?: as)?|referred to as)"


def _named_here(text: str, name: str) -> bool:
    """Does the sentence give ``name`` as a name ("its instruction-tuned version (termed X)", "a variant
    dubbed X")?"""
    return re.search(rf"\b{_naming_words()},?\s+\(?{re.escape(name)}(?![\w-])", text) is not None


def _called_variant(text: str, name: str) -> bool:
    """Does the sentence call ``name`` a variant or version before it names it ("two specialized variants:
    Kelp-Video, ..., and Kelp-UI", "a variant, Kelp-UI")?"""
    at = text.find(name)
    return at > 0 and any(w.strip(",:;").lower() in model_words().variant_nouns for w in text[:at].split()[-12:])


def _made_here(doc: Doc, idx: int, name: str) -> bool:
    """Does sentence ``idx`` say how ``name`` was made, as a derivation's child ("Flan-Kelp 540B
    instruction-finetuned on 1.8K tasks outperforms ...")? Then its name's step word and base are the
    paper's reading of it, whoever released it."""
    text = doc.clean[idx]
    at = text.find(name)
    return at >= 0 and roles.role_of(text, at, at + len(name)) == "child"


METHOD_ACRONYM: Final = re.compile(r"[A-Z][A-Z0-9]{1,5}")


def _methods_of(doc: Doc) -> set[str]:
    """The acronyms a record names its own method by: the title's name before its colon, and acronyms
    defined for a long form that reads as a method ("odds ratio preference optimization (KPO)")."""
    out = {a.short for a, _ in doc.user.get("abbreviations", ()) if METHOD_ACRONYM.fullmatch(a.short)
           and technique_like(a.long)}
    if doc.title_index is not None and ":" in (title := doc.clean[doc.title_index]):
        head = title.split(":", 1)[0].strip()
        if METHOD_ACRONYM.fullmatch(head):
            out.add(head)
    return out


def _trained_with_method(doc: Doc, name: str, names: list[str], intro: dict[str, float]) -> tuple[str, int] | None:
    """"Vireo-KPO-α" where the paper's method is KPO and it trains a Vireo model ("fine-tuning ... Vireo (7B)
    with KPO"): (that model, the name's sentence). The base is the record's model of the name's first
    part's family that the paper does not introduce, the most specific one (a sized one over the bare)."""
    parts = name.split("-")
    if len(parts) < 2 or parts[1] not in _methods_of(doc):
        return None
    stem = family_stem(parts[0])
    if stem is None or (idx := _sentence_with(doc, name)) is None:
        return None
    bases = [n for n in names if n != name and n not in intro and family_stem(n) == stem
             and n.lower().startswith(parts[0].lower())]
    return (max(bases, key=len), idx) if bases else None


def _family_in_appositive(doc: Doc, name: str) -> tuple[str, int] | None:
    """"We release LEGAL-KELP, a family of KELP models intended to ...": (the family as written, the sentence)
    when the name holds a known family's stem and its appositive calls it a family of that family's models
    (not "KelpBERT, a BERT model": one model of that architecture says nothing of whose weights it holds)."""
    stem = family_stem(name)
    if stem is None or stem == name.lower():
        return None
    lead = f"{name}, a".lower()  # (in every match, case aside: the pattern is compiled only when a sentence has it)
    sentences = [i for i in doc.abstract_sentences() if not (name.isascii() and doc.clean[i].isascii())
                 or lead in doc.clean[i].lower()]
    if not sentences:
        return None
    said = re.compile(rf"(?<![\w-]){re.escape(name)}, (?:a|an) (?:[\w-]+ ){{0,3}}?(?:family|series|suite|set) of "
                      rf"(?:[\w-]+ ){{0,2}}?(?P<family>{re.escape(stem)})(?:-based)? (?:language )?models?\b", re.IGNORECASE)
    for i in sentences:
        if (m := said.search(doc.clean[i])) and m.group("family") != m.group("family").lower():
            return m.group("family"), i
    return None


def _named_a_series(doc: Doc, prefix: str) -> bool:
    """Does the record call ``prefix`` a series or family ("three models in the Kelp-3.5 series: Kelp-3.5-mini,
    Kelp-3.5-MoE, ...")? Then a name it opens is a member of the series, not a model built on one."""
    heads = "|".join(map(re.escape, sorted(model_words().family_heads)))
    said = re.compile(rf"(?<![\w-]){re.escape(prefix)} (?:{heads})\b", re.IGNORECASE)
    return any(said.search(doc.clean[i]) for i in doc.abstract_sentences())


COMPRESSIONS: Final = frozenset({"distilled", "pruned", "quantized"})
"""The kinds that make a model smaller: what a "Tiny" or "Mini" name says of its base."""


def _named_after_kinds(doc: Doc, idx: int) -> list[str]:
    """How a model named after another was made from it: the specific ways the abstract speaks of, or, when
    it names none, more pre-training where the name's sentence says it was pre-trained on data
    ("Clinical-Kelp, pre-trained on a large clinical corpus")."""
    kinds = [k for k in _abstract_cues(doc) if k != "based_on"]
    if not kinds and roles.lexicon().pretrained_on_data.search(doc.clean[idx]):
        return ["continued_pretraining"]
    return kinds


def _named_after_step(doc: Doc, name: str, idx: int) -> tuple[int, list[str]]:
    """(the sentence, the kinds) of how ``name``, named after another model, was made: `_named_after_kinds`
    at the name's first sentence ``idx``, or else more pre-training at a later sentence naming it that says
    so (the title "Clinical-Kelp: ...", then "we introduce Clinical-Kelp, pre-trained from clinical corpora")."""
    if kinds := _named_after_kinds(doc, idx):
        return idx, kinds
    later = next((i for i, text in enumerate(doc.clean) if name in text
                  and (m := roles.lexicon().pretrained_on_data.search(text)) and m.group("pre")),
                 None)  # "pre-trained on", not "Trained on 2T tokens, X ...": pre-training from scratch says as much
    return (later, ["continued_pretraining"]) if later is not None else (idx, [])


def _second_family(name: str, names: list[str], intro: dict[str, float]) -> str | None:
    """"LLaVA-Kelp" beside "Kelp-2": a name made of two known families' names is a model of the first
    family's kind run on the second; the record's model of the second family (not the paper's own, unless it
    is the bare family) is what it runs on."""
    m = re.fullmatch(r"([A-Za-z]+)-([A-Za-z][\w.]*)", name)
    if not m or family_stem(m.group(1)) != m.group(1).lower():
        return None
    stem = family_stem(m.group(2))
    if not stem or stem == m.group(1).lower():
        return None
    for n in names:
        if n != name and family_stem(n) == stem and model_key(n) != model_key(name) and not n.lower().startswith(
                m.group(1).lower()) and (n not in intro or model_key(n) == stem):
            return n
    return None


def _acted_on(sentence: str, name: str) -> bool:
    """Is every mention of ``name`` in the sentence the object of the authors' derivation verb?"""
    said = whole_word_starts(name, sentence)
    return bool(said) and all(roles.acted_on(sentence, at) for at in said)


@lru_cache(maxsize=1)
def _compared_before() -> re.Pattern:
    """The lexicon's comparison words ("outperforms", "compared with") and "than" / "over" / "versus", a few
    words before a name: what the name is measured against."""
    words = "|".join(_spec()["roles"]["comparisons"])
    return re.compile(rf"\b(?:{words}|than|over|versus|vs\.?)\s+(?:[\w-]+\s+){{0,3}}$", re.IGNORECASE)


def _only_compared(doc: Doc, base: str) -> bool:
    """Does the record name ``base`` only as what its model is measured against ("X outperforms SciKelp, a
    model trained on ...")? Then a name that holds it ("MatSciKelp") says nothing of where X came from."""
    said = [(i, at) for i in doc.abstract_sentences() for at in whole_word_starts(base, doc.clean[i])]
    return bool(said) and all(_compared_before().search(doc.clean[i][:at]) for i, at in said)


NAMED_VARIANTS: Final = (
    (re.compile(r"^(?P<base>.+?)[-_ ](?P<word>[A-Za-z]+\d?)(?:[-_ ](?:v\d+(?:\.\d+)*|[a-z]+(?:-[a-z]+)*))?$"),
     "variant_kinds"),  # "Kelp-VL-Chat", "Kelp-7B-Instruct-v1.1", "Kelp-7B-Instruct-human-data"
    (re.compile(r"^(?P<word>[A-Za-z]+)[-_ ]?(?P<base>[A-Z].+)$"), "prefix_kinds"),  # "Flan-Kelp 540B"
)
"""How a variant's name holds its base and the word that names the step, and the table of those words
in patterns/derivations.json, suffixes first: "Code-Kelp-Chat" is the chat model of "Code-Kelp" (the last
step named is the one that made it)."""


def _named_variants(name: str, keys: dict[str, str]) -> Iterator[tuple[str, str, str]]:
    """(base, kind, word) for each way the name reads as a step word beside a model of the record:
    "Flan-Kelp 540B" -> ("Kelp 540B", "finetuned", "Flan"); "Kelp-VL-Chat" -> ("Kelp-VL", "finetuned",
    "Chat"). Not "Kelp2-72B-Instruct" -> "Kelp2": a family and its sized member say nothing of which
    checkpoint the member came from."""
    for pattern, table in NAMED_VARIANTS:
        m = pattern.match(name)
        kind = _spec()[table].get(m.group("word").lower()) if m else None
        base = m.group("base").rstrip("-_ ") if kind else ""  # type: ignore[union-attr]  # (m: kind is not None)
        if kind and model_key(base) in keys and model_key(base) != model_key(name):
            yield keys[model_key(base)], kind, m.group("word")  # type: ignore[union-attr]


def _extended_name(name: str, names: list[str], intro: dict[str, float]) -> str | None:
    """The longest model the paper makes whose name this one extends by a word ("Kelp-R-plus" ->
    "Kelp-R"); not by a size or a version alone ("Kelp-R-7B" is a member, not a step)."""
    best = None
    for base in names:
        if base == name or base not in intro or not name.startswith(base) or len(name) <= len(base) + 1:
            continue
        sep, rest = name[len(base)], name[len(base) + 1:]
        if sep in "- " and re.fullmatch(r"[A-Za-z]{3,}", rest) and not size_of(rest) \
                and rest.lower() not in NOT_A_STEP and rest.lower() not in model_words().model_heads and (best is None or len(base) > len(best)):
            best = base
    return best


SIZE_TAIL: Final = re.compile(r"[-_ ]\d+(?:\.\d+)?[BMK]$", re.IGNORECASE)
""""-9b", " 7B": a size closing a name, its member's mark."""


def _unsized(name: str) -> str | None:
    """"glm-4-voice-9b" -> "glm-4-voice": the family's name of a member its closing size marks; None if unsized."""
    return SIZE_TAIL.sub("", name) if SIZE_TAIL.search(name) else None


def _base_prefix(name: str) -> str | None:
    """"Llama3-ChatQA-1.5-70B" -> "Llama3": a family-and-version prefix before the model's own name."""
    parts = re.split(r"(?<=[\w.])-(?=[A-Za-z])", name)
    if len(parts) < 2:
        return None
    head, rest = parts[0], parts[1:]
    stem = family_stem(head)
    if not stem or not re.search(r"\d", head) or size_of(head) or stem in name.lower()[len(head):]:
        return None
    own = [p for p in rest if p.split("-")[0].lower() not in variants() and not SCALE_CODE.fullmatch(p.split("-")[0])]
    return head if own else None  # (not "Kelp3-E6": a scale of the same model, a letter and a number)


SCALE_CODE: Final = re.compile(r"[A-Za-z]\d+")
""""E6", "B7", "W6": one letter and a number after a name, its scale, not a name of its own."""


REFINES_TUNED: Final = ("context_extended", "continued_pretraining")
"""The stages an abstract may tell apart from the sentence that names a tuned model's parent
("Our method fine-tunes models to lengthen their context. ... The resulting model, X, ...")."""


TITLE_PARTICIPLE: Final = re.compile(r"^(?:an? |the )?(?:(?:family|suite|series|collection|set) of )?(?:[\w-]+ )?"
                              r"(?:fine-?tuned|instruction-tuned|distill?ed|pruned|quantized|merged|aligned|upcycled)\b",
                              re.IGNORECASE)
""""X: A Family of Fine-tuned Open Healthcare LLMs": a subtitle that opens on how the title's models were made."""
TITLE_KIND_RULE: Final = "kind: the title says how its models were made"


def _title_kinds(doc: Doc, vague: dict[tuple[str, str], Edge]) -> list[Edge]:
    """A model "built on" another whose title says how it was made ("Aloe: A Family of Fine-tuned Open
    Healthcare LLMs" and "Aloe models are trained on the current best base models (Y, Z)"): the title's kind."""
    if doc.title_index is None:
        return []
    title = doc.clean[doc.title_index]
    name, colon, subtitle = title.partition(":")
    m = TITLE_PARTICIPLE.match(subtitle.strip()) if colon else None
    if m is None:
        return []
    kinds = cue_kinds(m.group())
    return [Edge(child, parent, k, 0.6, doc.title_index, TITLE_KIND_RULE)
            for (child, parent) in vague if model_key(child) == model_key(name.strip()) for k in kinds]


def _refine_vague(doc: Doc, edges: list[Edge], models: dict) -> list[Edge]:
    """A model "built on" another gets the kinds of the recipe the abstract describes, and a tuned
    one the stage (a longer context, continued pre-training) the abstract says its tuning was for.

    Only the edge's own sentence, where its kind words come after the parent ("X builds on Y, and
    extends pretraining on ..."), and sentences about the authors' own approach ("Our approach
    leverages continued pretraining to extend the context window ...") naming no other model count.
    """
    vague = {(e.child, e.parent): e for e in edges if e.kind == "based_on" and e.conf >= 0.75
             and not _acted_on(doc.clean[e.sentence], e.child)}  # "we merge A, B, based on Y": not the authors' A
    tuned = {(e.child, e.parent): e for e in edges if e.kind == "finetuned" and e.conf >= 0.75}
    if not vague and not tuned:
        return []
    out: list[Edge] = []
    names = {mm.span.name for found in models.values() for mm in found}
    for (child, parent), e in vague.items():
        text = doc.clean[e.sentence]
        at = text.find(parent)
        said = cue_kinds(text[at + len(parent):]) if at >= 0 else ()
        if said:  # (the words, not the names: "..., outperforms Kelp-R1-Distill-32B" says nothing of distilling)
            words = cue_kinds(placeholder_text(text[at + len(parent):], names)[0])
            out.extend(Edge(child, parent, k, 0.6, e.sentence, "kind: named after the parent in the same sentence")
                       for k in said if k in words)
    out.extend(_title_kinds(doc, vague))
    same: dict[str, set[str]] = {}  # "X (XB)": a name and its alias are one model
    for a in doc.aliases:
        same.setdefault(a.name, set()).add(a.alias)
        same.setdefault(a.alias, set()).add(a.name)
    first_named: dict[str, int] = {}  # where each model is first named
    for idx in sorted(models):
        for mm in models[idx]:
            first_named.setdefault(mm.span.name, idx)
    for idx in doc.abstract_sentences():
        text = doc.clean[idx]
        named = {mm.span.name for mm in models.get(idx, [])}
        kinds = cue_kinds(text)
        pretrained = not kinds and roles.lexicon().pretrained_on_data.search(text) is not None
        if not (kinds or pretrained) or roles.lexicon().may_be.search(text) or roles.lexicon().findings.match(text):
            continue  # "we show that X can be fine-tuned on consumer GPUs": what one may do with it, not how it was made
        authors = bool(roles.lexicon().authors_own.search(text) or _authors_make(text))
        for (child, parent), e in vague.items():
            if named - {child, parent} - same.get(child, set()) or not (authors or _undergoes(text, child)):
                continue  # "Kelp models undergo an alignment phase": the child's own recipe, said of it
            if _step_on(text, child):
                continue  # "we fine-tune X for new settings": a use of the child, not how it was made
            if idx < first_named.get(child, idx) and any(
                    n != parent and at < idx for n, at in first_named.items() if n not in same.get(child, set())):
                continue  # "We introduce A ... The model is further aligned ... B, derived from C": about A, before B
            if pretrained and child in named:  # "we release X, a ... model, pretrained on a large corpus of ..."
                out.append(Edge(child, parent, "continued_pretraining", 0.6, idx, "kind: the child pre-trained on data"))
            out.extend(Edge(child, parent, k, 0.6, idx, "kind: the recipe the authors describe") for k in kinds)
        if not kinds:
            continue
        if not authors:
            continue
        for (child, parent), e in tuned.items():
            if named - {child, parent} or idx == e.sentence:
                continue
            out.extend(Edge(child, parent, k, 0.6, idx, "kind: the stage the authors' tuning was for")
                       for k in kinds if k in REFINES_TUNED)
    return out


def _authors_make(text: str) -> bool:
    """Does the sentence open on the authors: "We ...", or after "In this work," doing something other than
    studying ("In this work, we release X" but not "In this work, we explore the role of merging, ...")?"""
    opening = roles.lexicon().lead_in.match(text).end()  # type: ignore[union-attr]  # (it matches at least nothing)
    m = subject_pattern().match(text, opening)
    if m is None or not opening:
        return m is not None
    verb = text[m.end():].split(None, 1)
    return not verb or verb[0].lower().strip(",") not in word_lexicon().study_verbs


def _step_on(text: str, child: str) -> bool:
    """Is the child the object of a derivation verb ("we can effectively fine-tune X for new settings")?
    Then the step starts from the child: it says what X is for, not what X was made from."""
    if text.isascii() and child.isascii() and child.lower() not in text.lower():
        return False  # no match without the child's name (case aside): the pattern is not built for nothing
    return re.search(rf"\b(?:{_step_verbs()}) (?:the |our )?{re.escape(child)}(?![\w-])", text, re.IGNORECASE) is not None


@lru_cache(maxsize=1)
def _step_verbs() -> str:
    """The derivation verbs of the roles data, as one alternation (built once), less those that say how a
    model was made when it is their object ("we enhance X with pretraining and SFT")."""
    return "|".join(f"(?:{v})" for v in _spec()["roles"]["parent_verbs"]
                    if not v.startswith(("adapt", "enhanc", "convert", "extend", "equip")))


def _undergoes(text: str, child: str) -> bool:
    """Is the sentence a step the child went through ("Kelp models undergo an alignment phase", "Kelp is
    further aligned ...")? Not what it does ("Kelp tokenizes values using quantization")."""
    if child not in text:
        return False  # no match without the child's name: the pattern is not built for nothing
    return re.search(rf"(?:^|, )(?:the |our )?{re.escape(child)}(?: \([^)]*\))?(?: models?)? (?:undergoe?s?|underwent|"
                     rf"(?:is|are|was|were|has been|have been) (?:\w+ly |further |then |also )?(?:\w+ed)\b|"
                     rf"(?:further |continually )?(?:pre-?trained|trained|fine-?tuned|finetuned) (?:on|with)\b)",
                     text) is not None
    # ("Kelp pretrained on clinical notes outperforms Y": a participle said of the child)
    # "Adapted from Y, Kelp (8B) is trained on 45B tokens": the child is the clause's subject


def _parents_are_not_introduced(doc: Doc, edges: list[Edge]) -> None:
    """"We present X, a 4-bit quantized Y": Y, named after X and what X was made from, is not new; nor is
    Y in "It is initialized from our Y" (the child named the sentence before).

    Only when that sentence is the one place the paper seems to introduce Y; a parent named
    before its child ("we release A and B, where B is tuned from A") keeps its introduction."""
    drop: set[tuple[str, str | None]] = set()
    quotes_of: dict[str, list[str]] | None = None  # model key -> quotes of its introductions, read once
    for e in edges:
        text = doc.clean[e.sentence]
        at_child = text.find(e.child)
        before = text[:at_child] if at_child >= 0 else ""
        if e.parent not in before.replace(e.child, "") and \
                text.find(e.parent, at_child + len(e.child) if at_child >= 0 else 0) >= 0:
            quote = doc.quote(e.sentence)
            if quotes_of is None:  # (not a scan of every fact, authors' included, for each edge)
                quotes_of = {}
                for f in doc.facts:
                    if f.predicate == "introduces" and f.object.kind == "model":
                        quotes_of.setdefault(model_key(f.object.name), []).append(f.quote)
            intros = quotes_of.get(model_key(e.parent), [])
            if intros and all(q == quote for q in intros):
                drop.add((model_key(e.parent), quote))
    if drop:
        doc.facts[:] = [f for f in doc.facts if not (f.predicate == "introduces" and f.object.kind == "model"
                                                     and (model_key(f.object.name), f.quote) in drop)]


BASE_REST: Final = re.compile(r"base|pt|pretrained")
"""What a parent's name may add to its child's: "KelpBase" -> "Kelp" (not "Kelp-7B-Instruct" -> "Kelp")."""


def _emit(doc: Doc, edges: list[Edge]) -> None:
    best: dict[tuple[str, str, str], Edge] = {}
    edges = list(edges)
    for e in edges:  # grows: a family's kinds pass to the member the record names
        child, parent = model_key(e.child), model_key(e.parent)
        if parent.startswith(child) and parent != child and not BASE_REST.fullmatch(parent[len(child):]):
            doc.decisions.append(Decision(e.child, e.parent, e.kind, e.rule, e.sentence, False,
                                          "the parent is a member of the child's own name: read backwards"))
            if parent[len(child):] in _spec()["variant_kinds"] and e.kind != "based_on" \
                    and not any(model_key(x.child) == parent and model_key(x.parent) == child for x in edges):
                # "we fine-tuned X-Instruct on instructions": the variant is what the step made, from X
                edges.append(Edge(e.parent, e.child, e.kind, min(e.conf, 0.75), e.sentence,
                                  f"{e.rule} (read backwards: the variant is what the step made)"))
            continue
        members = [m for m in edges if model_key(m.child) == child and model_key(m.parent) != parent
                   and model_key(m.parent).startswith(parent) and m.sentence != e.sentence
                   and not size_of(e.parent)]  # "Kelp 8B" is a checkpoint, not the family of "Kelp 8B Instruct"
        if members:  # "MoE from Kelp" (title) and "based on the Kelp-2 7B model": the member, in both ways
            doc.decisions.append(Decision(e.child, e.parent, e.kind, e.rule, e.sentence, False,
                                          "a family; the record names the member it was made from"))
            if e.kind != "based_on":
                m = members[0]
                edges.append(Edge(m.child, m.parent, e.kind, min(e.conf, 0.6), m.sentence,
                                  f"kind: said of the family ({e.rule})"))
            continue
        k = (child, parent, e.kind)
        if k not in best or e.conf > best[k].conf:
            best[k] = e
    specific = {(c, p, e.sentence) for (c, p, kind), e in best.items() if kind != "based_on"}
    titled = {(c, p) for (c, p, kind), e in best.items() if kind != "based_on" and e.rule == TITLE_KIND_RULE}
    for c, p, kind in list(best):  # "fine-tuned on top of Y": the sentence says how, so it is no bare "built on";
        # nor is it where the title says how its models were made ("X: A Family of Fine-tuned ... LLMs")
        if kind == "based_on" and ((c, p, best[c, p, kind].sentence) in specific or (c, p) in titled):
            e = best.pop((c, p, kind))
            doc.decisions.append(Decision(e.child, e.parent, e.kind, e.rule, e.sentence, False,
                                          "the same sentence says how: a specific kind was found for the pair"))
    _parents_are_not_introduced(doc, list(best.values()))
    introduced = {model_key(n) for n in _introduced(doc)}
    for e in sorted(best.values(), key=lambda e: (e.sentence, e.child, e.parent, e.kind)):
        quote = doc.quote(e.sentence)
        doc.entities.append(Mention("model", e.parent))
        if quote is None:  # a fact we cannot quote, we do not emit
            doc.decisions.append(Decision(e.child, e.parent, e.kind, e.rule, e.sentence, False, "no quote"))
            continue
        doc.decisions.append(Decision(e.child, e.parent, e.kind, e.rule or "naming", e.sentence, True,
                                      confidence=round(e.conf, 2)))
        doc.facts.append(Fact(Mention("model", e.child), e.kind, Mention("model", e.parent), quote,
                              round(e.conf, 2), EXTRACTOR, doc.record))
        if model_key(e.child) not in introduced and e.conf >= 0.8 \
                and (not roles.lexicon().reports_on.search(doc.clean[e.sentence])
                     or _named_here(doc.clean[e.sentence], e.child)) \
                and not _acted_on(doc.clean[e.sentence], e.child):  # "we merge A and B, based on Y": not theirs
            # (a sentence reporting results names no new model, unless it names it: "its instruction-tuned
            # version (termed X) outperforms ...")
            introduced.add(model_key(e.child))
            doc.facts.append(Fact(Mention.paper(), "introduces", Mention("model", e.child), quote,
                                  round(e.conf * 0.85, 2), EXTRACTOR, doc.record))
