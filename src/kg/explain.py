"""Why a lineage edge is, or is not, in the graph: the library behind ``kg explain NAME``.

The graph keeps each derivation's quote and source, but not how the extractor
came to it, nor the candidates it turned down ("Unlike Kelp-7B, Orvik-7B is
trained from scratch": a comparison, not a parent). Those are only known while
a record is extracted (``Doc.decisions``), so :func:`explain` extracts again,
with the same pipeline, the records of the store's kept sources that mention
the model in any of its spellings, and lines what it finds up with the graph:

* every derivation in the graph with the model at one end, each quote with the
  rule that found it and its ``file:line``;
* derivations the extraction finds that the graph does not hold (a confidence
  below the build's ``--min-confidence``, a store built by older code);
* every candidate the extractor rejected, with the rule that proposed it and
  the reason it fell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rdflib import RDF, Graph, URIRef

from kg.extract.decision import Decision
from kg.extract.doc import Doc
from kg.extract.fact import DERIVATION_KINDS, Fact, collapse_ws
from kg.extract.pipeline import DEFAULT_PIPELINE, pipeline, run
from kg.graph.store import Store
from kg.keys import model_key
from kg.lineage import KINDS, UnknownModel, find_model, lineage, names, spellings
from kg.records.record import Record
from kg.vocab import DERIVATIONS, MLKG

__all__ = ["Derivation", "Explanation", "Rejected", "UnknownModel", "explain", "kind_label"]

SUGGESTIONS = 3

_LABELS = {d.kind: KINDS[d.iri] for d in DERIVATIONS}


def kind_label(kind: str) -> str:
    """The extractor's kind as the graph names it: "finetuned" -> "fine-tuned"."""
    return _LABELS.get(kind, kind.replace("_", " "))


@dataclass(frozen=True)
class Derivation:
    """``child`` was made from ``parent`` (``kind``), as one sentence says."""

    child: str
    kind: str
    parent: str
    confidence: float
    rule: str
    """The rule that found it; "" when the extraction did not record one."""
    quote: str
    file: str
    line: int | None
    in_graph: bool
    """False: the extraction finds it but the graph does not hold it."""
    extractor: str = ""


@dataclass(frozen=True)
class Rejected:
    """A candidate pair the extractor weighed and turned down."""

    child: str
    parent: str
    kind: str
    rule: str
    why: str
    quote: str
    file: str
    line: int | None


@dataclass
class Explanation:
    name: str
    """The name asked for, as typed."""
    label: str
    """The model's name in the graph."""
    iri: str
    aliases: list[str]
    derivations: list[Derivation] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    records: int = 0
    """Records extracted again (those that mention the model or hold its evidence)."""

    def to_dict(self) -> dict:
        return asdict(self)


IRI_SHAPE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]+")
"""What ``kg explain`` takes as a model's IRI rather than its name: a scheme, then no space."""


def explain(store: str | Path | Store | None, name: str, *,
            components: Iterable[str] = DEFAULT_PIPELINE) -> Explanation:
    """Every derivation of the model ``name`` (any spelling, or its IRI) and every candidate rejected.

    Raises StoreError when there is no store, UnknownModel (suggesting the closest
    names) or AmbiguousName when the name fits no model or several.
    """
    st = store if isinstance(store, Store) else Store(store)
    graph = st.graph()
    iri = name.strip("<>")
    root = URIRef(iri) if IRI_SHAPE.fullmatch(iri) else None  # (a name with a space is no IRI: rdflib warns)
    if root is None or (root, RDF.type, MLKG.Model) not in graph:  # an IRI picks one of two models of the same name
        try:
            root = find_model(graph, name)
        except UnknownModel:
            raise UnknownModel(_not_found(graph, name, st.path)) from None
    lin = lineage(graph, root, depth=1)
    edges = [e for e in lin.edges if root in (e.child, e.parent)]
    ends = {n: {model_key(s) for s in spellings(graph, n)} | {model_key(lin.labels[n])}
            for e in edges for n in (e.child, e.parent)}
    names_of_root = spellings(graph, root)
    keys = {model_key(s) for s in names_of_root} | {model_key(lin.labels[root])}
    refs = {ev.record for e in edges for ev in e.evidence}

    records = list(_records_about(st, keys, refs))
    comps = pipeline(tuple(components))
    docs = [run(r, comps) for r in records]
    by_ref = {f"{d.record.file}#{d.record.index}": d for d in docs}

    found: list[Derivation] = []
    matched: set[tuple[int, int]] = set()  # (doc, fact) pairs the graph holds
    used: set[Decision] = set()  # the accepted decisions behind a fact
    for e in edges:
        for ev in e.evidence:
            doc = by_ref.get(ev.record)
            hit = _fact_for(doc, ev.kind, ev.quote, ends[e.child], ends[e.parent]) if doc else None
            if hit is not None:
                matched.add((id(doc), hit))
            fact = doc.facts[hit] if hit is not None else None
            why = _decision(doc, fact)
            used.add(why)
            file, _, _ = ev.record.rpartition("#")
            found.append(Derivation(lin.labels[e.child], ev.kind, lin.labels[e.parent], ev.confidence,
                                    why.rule if why else "", ev.quote, file or ev.record,
                                    _line(doc.record, ev.quote) if doc else None, True,
                                    fact.extractor if fact else ""))
    rejected: list[Rejected] = []
    for doc in docs:
        for i, fact in enumerate(doc.facts):
            if (id(doc), i) in matched or not _about(fact, keys):
                continue
            why = _decision(doc, fact)
            used.add(why)
            found.append(Derivation(fact.subject.name, kind_label(fact.predicate), fact.object.name,
                                    fact.confidence, why.rule if why else "", collapse_ws(fact.quote),
                                    doc.record.file, _line(doc.record, fact.quote), False, fact.extractor))
        for d in _unique(doc.decisions):
            if d in used or not ({model_key(d.child), model_key(d.parent)} & keys):
                continue
            quote = _quote(doc, d.sentence)
            if d.accepted:  # kept, yet no fact came of it
                found.append(Derivation(d.child, kind_label(d.kind), d.parent, d.confidence, d.rule, quote,
                                        doc.record.file, _line(doc.record, quote), False))
                continue
            rejected.append(Rejected(d.child, d.parent, kind_label(d.kind) if d.kind else "", d.rule, d.why,
                                     quote, doc.record.file, _line(doc.record, quote)))
    aliases = sorted({s for s in names_of_root if s != lin.labels[root]}, key=str.casefold)
    return Explanation(name, lin.labels[root], str(root), aliases, found, rejected, len(records))


# -- which records -------------------------------------------------------------

def _records_about(st: Store, keys: set[str], refs: set[str]) -> Iterator[Record]:
    """The records of the store's sources that hold the model's evidence or name it, in the store's
    order. A name is found as entity resolution folds it ("Kelp 7B" in "kelp-7b") and as a whole
    word: "T5" is not found in "at 5 points"."""
    from kg.records import categories
    from kg.records.io import parse_text

    files = {ref.rpartition("#")[0] for ref in refs}
    named = _name_pattern(keys)
    for src in st.sources():
        if src.name not in files and not named.search(src.text):
            continue  # a file that never names the model has no record that does
        records, _, _ = parse_text(src.text, src.name, src.format)
        records, _ = categories.keep(records, src.categories)  # the build left these out too
        for r in records:
            if f"{r.file}#{r.index}" in refs or named.search(r.text):
                yield r


_SEP = r"(?:[^\w.+]|_)*"
"""What model_key drops between two characters of a name."""
_GAP = r"(?:[^\w.+]|_)+"
"""What model_key writes "-" for: the separators between a version's digit and a size."""


def _name_pattern(keys: Iterable[str]) -> re.Pattern[str]:
    """Any of the folded names ``keys`` written with separators anywhere (model_key's equality),
    neither preceded nor followed by a letter or digit. Matches nothing when there is no key."""
    alternatives = [_SEP.join(_GAP if ch == "-" else re.escape(ch) for ch in key)
                    for key in sorted(keys, key=len, reverse=True) if key]
    if not alternatives:
        return re.compile(r"(?!)")
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])", re.IGNORECASE)


# -- matching the extraction with the graph ------------------------------------

def _about(fact: Fact, keys: set[str]) -> bool:
    return (fact.predicate in DERIVATION_KINDS and fact.subject.kind == "model" and fact.object.kind == "model"
            and bool({model_key(fact.subject.name), model_key(fact.object.name)} & keys))


def _fact_for(doc: Doc, kind: str, quote: str, child: set[str], parent: set[str]) -> int | None:
    """The index of the derivation fact of ``doc`` that a piece of the graph's evidence stands for."""
    loose = None
    for i, f in enumerate(doc.facts):
        if f.predicate not in DERIVATION_KINDS or kind_label(f.predicate) != kind \
                or collapse_ws(f.quote) != quote:
            continue
        c, p = model_key(f.subject.name) in child, model_key(f.object.name) in parent
        if c and p:
            return i
        if (c or p) and loose is None:
            loose = i
    return loose


def _decision(doc: Doc | None, fact: Fact | None) -> Decision | None:
    """The accepted decision behind ``fact``: same pair, kind and sentence, the one of the fact's
    confidence first (two rules may propose one pair; the surer one made the fact)."""
    if doc is None or fact is None:
        return None
    quote = collapse_ws(fact.quote)
    same = [d for d in doc.decisions
            if d.accepted and d.kind == fact.predicate and model_key(d.child) == model_key(fact.subject.name)
            and model_key(d.parent) == model_key(fact.object.name) and _quote(doc, d.sentence) == quote]
    return max(same, key=lambda d: round(d.confidence, 2) == fact.confidence, default=None)


def _unique(decisions: Iterable[Decision]) -> list[Decision]:
    return list(dict.fromkeys(decisions))


def _quote(doc: Doc, idx: int) -> str:
    if not 0 <= idx < len(doc.sentences):
        return ""
    return collapse_ws(doc.quote(idx) or doc.sentences[idx].text)


def _line(record: Record, quote: str) -> int:
    """The line of the record's input file where ``quote`` starts, white space aside (a listing's
    preview may open with the same words: the whole quote is looked for first); the record's first
    line when it is not found."""
    words = quote.split()
    m = re.search(r"\s+".join(map(re.escape, words)), record.text) if words else None
    at = m.start() if m else record.text.find(" ".join(words[:4])) if words else -1
    return record.lines[0] + (record.text.count("\n", 0, at) if at > 0 else 0)


# -- a name that is not there --------------------------------------------------

def _not_found(graph: Graph, name: str, where: Path) -> str:
    """"no model named X in STORE; did you mean A, B or C?": the labels of the models with the closest
    names, compared as entity resolution folds them ("Orvk 2-13B" ~ "Orvik 2 13B")."""
    from rapidfuzz import fuzz, process

    table = names(graph)
    label_of: dict[str, str] = {}
    for label, all_names, _ in table.values():
        for s in [label, *all_names]:
            label_of.setdefault(s, label)
    close: list[str] = []
    for s, _, _ in process.extract(name, list(label_of), scorer=fuzz.WRatio, processor=model_key,
                                   limit=SUGGESTIONS * 4, score_cutoff=70):
        if label_of[s] not in close:
            close.append(label_of[s])
    close = close[:SUGGESTIONS]
    hint = ""
    if close:
        hint = "; did you mean " + (", ".join(close[:-1]) + " or " + close[-1] if len(close) > 1 else close[0]) + "?"
    return f"no model named {name!r} in {where}{hint}"

