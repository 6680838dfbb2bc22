"""SHACL shapes checked as SPARQL queries inside Oxigraph: validation at the store's scale.

pySHACL walks the data graph node by node in Python; over the million triples of a
10,000-record store it did not finish in 300 s. Here each constraint of
``ontology/shapes.ttl`` becomes one SPARQL query that selects the nodes breaking it, and
Oxigraph answers it over the database on disk: no copy of the graph in memory.

The queries are generated from the shapes themselves (there is no second copy of them to
drift), for the SHACL Core constructs the shapes use:

* targets: ``sh:targetClass`` (with ``rdfs:subClassOf*`` when the data has subclasses),
  ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``, ``sh:targetNode`` and SPARQL-based
  targets (``sh:target [ sh:select ... ]``);
* on a node shape or on a property shape whose ``sh:path`` is one predicate:
  ``sh:class``, ``sh:datatype`` (a well-formed literal of that type), ``sh:pattern``
  (with ``sh:flags``), ``sh:in``, ``sh:minLength``/``sh:maxLength``,
  ``sh:min/maxInclusive/Exclusive``, ``sh:or`` of shapes made of these, and
  ``sh:minCount``/``sh:maxCount`` (one query counts both);
* SPARQL-based constraints (``sh:sparql [ sh:select ... ]``), with ``$this`` pre-bound to the
  shape's focus nodes by a VALUES block at the start of the query's pattern.

A shape using anything else is refused when the queries are made (:class:`Unsupported`),
so a new kind of constraint in shapes.ttl fails loudly rather than going unchecked. A
result is reported as pySHACL reports it (focus node, path, value, the shape's message),
which is what tests/graph/test_validate_engines.py compares on seeded violations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH

__all__ = ["Check", "Unsupported", "checks", "run_checks"]

RDFS_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
XSD = "http://www.w3.org/2001/XMLSchema#"
CASTABLE = {XSD + t for t in ("integer", "decimal", "double", "float", "boolean", "date", "dateTime", "time",
                              "duration", "dayTimeDuration", "yearMonthDuration")}
"""Datatypes whose well-formedness Oxigraph checks by casting (the others: by datatype only)."""

# what may sit on a shape besides its constraints
_DESCRIPTIVE = {SH.message, SH.name, SH.description, SH.severity, SH.order, SH.group, RDF.type,
                SH.deactivated}
_TARGETS = {SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode, SH.target}
_VALUE_COMPONENTS = {SH["class"], SH.datatype, SH.pattern, SH.flags, SH["in"], SH.minLength, SH.maxLength,
                     SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive, SH["or"]}


class Unsupported(ValueError):
    """A shape uses a construct this engine cannot turn into SPARQL (use pySHACL for it)."""


@dataclass(frozen=True)
class Check:
    """One query selecting the nodes that break one constraint of one shape.

    ``kind``: "value" (rows ?this ?value), "focus" (rows ?this; the value is the focus node),
    "count" (rows ?this ?n, checked against ``bounds``), "sparql" (rows of the shape's own
    query, kept for the focus nodes of ``target``)."""

    shape: str
    path: str | None
    component: str
    message: str
    kind: str
    query: str
    target: str | None = None
    bounds: tuple[int | None, int | None] = (None, None)
    group: str = ""
    """For "count" and "value" checks: the property shape they come from. Run together, the
    checks of one property shape are one query (one pass over the focus nodes, not one per
    constraint: a third of the time on a 10,000-record store)."""
    pattern: str = ""
    """The group pattern binding ?this to the focus nodes (with ``prefixes``)."""
    prefixes: str = ""
    condition: str = ""
    """For a "value" check: the SPARQL expression true when ?value conforms."""


def _iri(term) -> str:
    if not isinstance(term, URIRef):
        raise Unsupported(f"expected an IRI, got {term!r}")
    return f"<{term}>"


def _term(term) -> str:
    """An RDF term of the shapes graph in SPARQL syntax."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        text = str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
        if term.language:
            return f'"{text}"@{term.language}'
        return f'"{text}"^^<{term.datatype}>' if term.datatype else f'"{text}"'
    raise Unsupported(f"a blank node {term!r} cannot be a constant in a query")


class _Compiler:
    def __init__(self, shapes: Graph, subclasses: bool) -> None:
        self.g = shapes
        self.subclasses = subclasses

    def type_of(self, var: str, cls) -> str:
        path = f"a/<{RDFS_SUBCLASS}>*" if self.subclasses else "a"
        return f"{var} {path} {_iri(cls)}"

    def prefixes(self, node) -> str:
        """PREFIX lines from ``sh:prefixes`` (the ``sh:declare`` of the named nodes)."""
        out = []
        for holder in self.g.objects(node, SH.prefixes):
            for decl in self.g.objects(holder, SH.declare):
                prefix, ns = self.g.value(decl, SH.prefix), self.g.value(decl, SH.namespace)
                out.append(f"PREFIX {prefix}: <{ns}>")
        return "\n".join(out)

    # -- targets -----------------------------------------------------------
    def target(self, shape) -> str | None:
        """A group pattern binding ?this to every focus node of ``shape`` (None: it targets nothing)."""
        parts = []
        for cls in self.g.objects(shape, SH.targetClass):
            parts.append(self.type_of("?this", cls))
        for p in self.g.objects(shape, SH.targetSubjectsOf):
            parts.append(f"?this {_iri(p)} []")
        for p in self.g.objects(shape, SH.targetObjectsOf):
            parts.append(f"[] {_iri(p)} ?this")
        for n in self.g.objects(shape, SH.targetNode):
            parts.append(f"VALUES ?this {{ {_term(n)} }}")
        for t in self.g.objects(shape, SH.target):
            select = self.g.value(t, SH.select)
            if select is None:
                raise Unsupported(f"shape {shape}: a target that is not a SPARQL SELECT")
            parts.append(_subquery(str(select)))
        if (shape, RDF.type, SH.NodeShape) in self.g and (shape, RDF.type, URIRef(
                "http://www.w3.org/2000/01/rdf-schema#Class")) in self.g:
            parts.append(self.type_of("?this", shape))  # an implicit class target
        if not parts:
            return None
        if len(parts) == 1 and not self.g.value(shape, SH.target) and not self.g.value(shape, SH.targetSubjectsOf) \
                and not self.g.value(shape, SH.targetObjectsOf):
            return "{ " + parts[0] + " }"
        return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(f"{{ {p} }}" for p in parts) + " } }"

    def target_prefixes(self, shape) -> str:
        """The prefixes the SPARQL targets of ``shape`` use (declared with sh:prefixes, or in their text)."""
        out = []
        for t in self.g.objects(shape, SH.target):
            out += [self.prefixes(t), _hoist_prefixes(str(self.g.value(t, SH.select) or ""))[0]]
        return "\n".join(x for x in out if x)

    # -- value conditions ----------------------------------------------------
    def conditions(self, shape, var: str) -> list[tuple[str, str]]:
        """(component, SPARQL expression true when ``var`` conforms) for each value constraint of ``shape``."""
        g = self.g
        out = []
        for cls in g.objects(shape, SH["class"]):
            out.append(("class", f"EXISTS {{ {self.type_of(var, cls)} }}"))
        for dt in g.objects(shape, SH.datatype):
            cond = f"isLiteral({var}) && datatype({var}) = {_iri(dt)}"
            if str(dt) in CASTABLE:
                cond += f" && COALESCE(<{dt}>(STR({var})) = {var}, false)"
            out.append(("datatype", f"({cond})"))
        for pattern in g.objects(shape, SH.pattern):
            flags = g.value(shape, SH.flags)
            args = f", {_term(Literal(str(flags)))}" if flags is not None else ""
            out.append(("pattern", f"(!isBlank({var}) && REGEX(STR({var}), {_term(Literal(str(pattern)))}{args}))"))
        for lst in g.objects(shape, SH["in"]):
            members = [f"sameTerm({var}, {_term(t)})" for t in Collection(g, lst)]
            out.append(("in", "(" + (" || ".join(members) or "false") + ")"))
        for pred, op, name in ((SH.minLength, ">=", "minLength"), (SH.maxLength, "<=", "maxLength")):
            for n in g.objects(shape, pred):
                out.append((name, f"(!isBlank({var}) && STRLEN(STR({var})) {op} {int(n)})"))
        for pred, op, name in ((SH.minInclusive, ">=", "minInclusive"), (SH.maxInclusive, "<=", "maxInclusive"),
                               (SH.minExclusive, ">", "minExclusive"), (SH.maxExclusive, "<", "maxExclusive")):
            for n in g.objects(shape, pred):
                out.append((name, f"COALESCE({var} {op} {_term(n)}, false)"))
        for lst in g.objects(shape, SH["or"]):
            alternatives = []
            for member in Collection(g, lst):
                extra = set(g.predicates(member)) - _VALUE_COMPONENTS - _DESCRIPTIVE
                if extra:
                    raise Unsupported(f"sh:or member of {shape} uses {sorted(map(str, extra))}")
                conds = [c for _, c in self.conditions(member, var)] or ["true"]
                alternatives.append("(" + " && ".join(conds) + ")")
            out.append(("or", "(" + (" || ".join(alternatives) or "false") + ")"))
        return out

    def minus(self, shape, component: str, var: str) -> str | None:
        """The ``component`` of ``shape`` as MINUS blocks removing the nodes ``var`` that conform,
        when it is made of classes only (sh:class, or sh:or of shapes that are one sh:class each):
        Oxigraph evaluates MINUS with one hash join where EXISTS is a lookup per node (half
        the time of a class check on 110,000 evidence nodes). None otherwise."""
        g = self.g
        if component == "class":
            classes = list(g.objects(shape, SH["class"]))
            if len(classes) != 1:
                return None
        elif component == "or":
            lists = list(g.objects(shape, SH["or"]))
            if len(lists) != 1:
                return None
            classes = []
            for member in Collection(g, lists[0]):
                if set(g.predicates(member)) - _DESCRIPTIVE != {SH["class"]} or len(list(g.objects(member, SH["class"]))) != 1:
                    return None
                classes.append(g.value(member, SH["class"]))
        else:
            return None
        return " ".join(f"MINUS {{ {self.type_of(var, c)} }}" for c in classes)

    # -- shapes --------------------------------------------------------------
    def node_shape(self, shape) -> Iterator[Check]:
        g = self.g
        target = self.target(shape)
        if target is None:
            return
        allowed = _DESCRIPTIVE | _TARGETS | _VALUE_COMPONENTS | {SH.property, SH.sparql, SH.prefixes}
        extra = set(g.predicates(shape)) - allowed
        if extra:
            raise Unsupported(f"shape {shape} uses {sorted(map(str, extra))}")
        name, tp = str(shape), self.target_prefixes(shape)
        message = _message(g, shape)
        for component, cond in self.conditions(shape, "?this"):
            minus = self.minus(shape, component, "?this")
            where = f"{target} {minus}" if minus else f"{target} FILTER(!{cond})"
            yield Check(name, None, component, message, "focus", f"{tp}\nSELECT DISTINCT ?this WHERE {{ {where} }}")
        for constraint in g.objects(shape, SH.sparql):
            yield self.sparql(shape, constraint, None, target, tp)
        for prop in g.objects(shape, SH.property):
            yield from self.property_shape(shape, prop, target, tp)

    def property_shape(self, shape, prop, target: str, tp: str) -> Iterator[Check]:
        g = self.g
        path = g.value(prop, SH.path)
        if not isinstance(path, URIRef):
            raise Unsupported(f"a property shape of {shape} has a path that is not one predicate")
        allowed = _DESCRIPTIVE | _VALUE_COMPONENTS | {SH.path, SH.minCount, SH.maxCount}
        extra = set(g.predicates(prop)) - allowed
        if extra:
            raise Unsupported(f"a property shape of {shape} uses {sorted(map(str, extra))}")
        name, p, message = str(shape), str(path), _message(g, prop)
        low, high = g.value(prop, SH.minCount), g.value(prop, SH.maxCount)
        if low is not None or high is not None:
            low_n = int(low) if low is not None else None
            high_n = int(high) if high is not None else None
            n = "COUNT(DISTINCT ?value)"  # HAVING cannot name the count's alias
            having = " || ".join(x for x in (f"{n} < {low_n}" if low_n is not None else "",
                                             f"{n} > {high_n}" if high_n is not None else "") if x)
            body = f"{target} OPTIONAL {{ ?this <{p}> ?value }}" if low_n else f"{target} ?this <{p}> ?value"
            yield Check(name, p, "count", message, "count",
                        f"{tp}\nSELECT ?this (COUNT(DISTINCT ?value) AS ?n) WHERE {{ {body} }} "
                        f"GROUP BY ?this HAVING ({having})", bounds=(low_n, high_n),
                        group=str(prop), pattern=target, prefixes=tp)
        for component, cond in self.conditions(prop, "?value"):
            minus = self.minus(prop, component, "?value")
            if minus:  # on its own: a hash join, not a lookup per value
                yield Check(name, p, component, message, "value",
                            f"{tp}\nSELECT DISTINCT ?this ?value WHERE {{ {target} ?this <{p}> ?value {minus} }}")
                continue
            yield Check(name, p, component, message, "value",
                        f"{tp}\nSELECT DISTINCT ?this ?value WHERE {{ {target} ?this <{p}> ?value FILTER(!{cond}) }}",
                        group=str(prop), pattern=target, prefixes=tp, condition=cond)

    def sparql(self, shape, constraint, path: str | None, target: str, tp: str) -> Check:
        select = self.g.value(constraint, SH.select)
        if select is None:
            raise Unsupported(f"shape {shape}: a SPARQL constraint that is not a SELECT")
        prefixes, text = _hoist_prefixes(str(select))
        query = "\n".join([self.prefixes(constraint), prefixes, text.replace("$this", "?this")])
        message = _message(self.g, constraint) or _message(self.g, shape)
        return Check(str(shape), path, "sparql", message, "sparql", query,
                     target=f"{tp}\nSELECT DISTINCT ?this WHERE {{ {target} }}")


def _message(g: Graph, node) -> str:
    m = g.value(node, SH.message)
    return "" if m is None else str(m)


_PREFIX = re.compile(r"^\s*PREFIX\s+[\w-]*:\s*<[^>]*>\s*$", re.IGNORECASE | re.MULTILINE)


def _hoist_prefixes(select: str) -> tuple[str, str]:
    """(the PREFIX lines of a SELECT, the rest): a subquery may not declare prefixes itself."""
    return "\n".join(m.group(0).strip() for m in _PREFIX.finditer(select)), _PREFIX.sub("", select)


def _subquery(select: str) -> str:
    _, text = _hoist_prefixes(select)
    return "{ " + text.replace("$this", "?this") + " }"


def checks(shapes: Graph, *, subclasses: bool = False) -> list[Check]:
    """The queries for every constraint of every node shape in ``shapes`` (raises Unsupported).

    ``subclasses``: the data has ``rdfs:subClassOf`` triples, so class membership follows them."""
    c = _Compiler(shapes, subclasses)
    out = []
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        if shapes.value(shape, SH.deactivated) == Literal(True):
            continue
        out.extend(c.node_shape(shape))
    return out


@lru_cache(maxsize=2)
def _cached_checks(shapes_text: str, subclasses: bool) -> tuple[Check, ...]:
    return tuple(checks(Graph().parse(data=shapes_text, format="turtle"), subclasses=subclasses))


def _text(term) -> str | None:
    if term is None:
        return None
    return term.value if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)) else str(term)


PREBIND = 5000
"""Focus nodes bound at once into a SPARQL constraint (a VALUES block of this many IRIs)."""


def _sparql_results(store: ox.Store, check: Check) -> Iterator[tuple[Check, str, str | None, str | None]]:
    """A SPARQL constraint's results: ``$this`` pre-bound to the shape's focus nodes, a batch at a
    time (a VALUES block at the start of the query's pattern, as SHACL's pre-binding reads).

    Bound, the query looks up each focus node's own triples; unbound, Oxigraph would scan
    the graph for every predicate the query names (15 s instead of 0.7 s on a 10,000-record
    store). A shape whose target selects nothing, as the shapes for facts without
    evidence do in a graph that conforms, costs only its target query."""
    focus = sorted({r["this"] for r in store.query(check.target)}, key=str)
    brace = check.query.index("{", _select_start(check.query)) + 1
    seen = set()  # one result per (focus, path, value), however many solutions say it (as pySHACL)
    for i in range(0, len(focus), PREBIND):
        values = " VALUES ?this { " + " ".join(map(str, focus[i:i + PREBIND])) + " } "
        result = store.query(check.query[:brace] + values + check.query[brace:])
        names = {v.value for v in result.variables}
        for r in result:
            path = _text(r["path"]) if "path" in names else None
            value = _text(r["value"]) if "value" in names else None
            found = (_text(r["this"]), path or check.path, value)
            if found not in seen:
                seen.add(found)
                yield (check, *found)


def _select_start(query: str) -> int:
    m = re.search(r"\bSELECT\b", query, re.IGNORECASE)
    if m is None:
        raise Unsupported(f"a SPARQL constraint without SELECT: {query[:80]!r}")
    return m.end()


def _merged(all_checks) -> list[Check | tuple[Check, ...]]:
    """The checks, those of one property shape together in a tuple."""
    out: list = []
    groups: dict[str, list[Check]] = {}
    for check in all_checks:
        if not check.group:
            out.append(check)
            continue
        if check.group not in groups:
            groups[check.group] = []
            out.append(check.group)
        groups[check.group].append(check)
    return [tuple(groups[c]) if isinstance(c, str) else c for c in out]


def _property_results(store: ox.Store, group) -> Iterator[tuple[Check, str, str | None, str | None]]:
    """The results of the checks of one property shape, from one query: per focus node, the
    number of values and, per value constraint, how many break it; then, only for the focus
    nodes with a broken value, which values (a VALUES-bound query per constraint)."""
    group = list(group)
    if len(group) == 1 and group[0].kind == "count":
        yield from _count_results(store, group[0])
        return
    first = group[0]
    counts = [c for c in group if c.kind == "count"]
    values = [c for c in group if c.kind == "value"]
    low, high = counts[0].bounds if counts else (None, None)
    select, having = ["(COUNT(DISTINCT ?value) AS ?n)"], []
    n = "COUNT(DISTINCT ?value)"
    if low is not None:
        having.append(f"{n} < {low}")
    if high is not None:
        having.append(f"{n} > {high}")
    for i, c in enumerate(values):
        bad = f"SUM(IF(!BOUND(?value) || COALESCE({c.condition}, false), 0, 1))"
        select.append(f"({bad} AS ?b{i})")
        having.append(f"{bad} > 0")
    body = (f"{first.pattern} OPTIONAL {{ ?this <{first.path}> ?value }}" if low else
            f"{first.pattern} ?this <{first.path}> ?value")
    query = (f"{first.prefixes}\nSELECT ?this {' '.join(select)} WHERE {{ {body} }} "
             f"GROUP BY ?this HAVING ({' || '.join(having)})")
    broken: list[list[ox.NamedNode]] = [[] for _ in values]
    for r in store.query(query):
        this, count = r["this"], int(r["n"].value)
        if counts and ((low is not None and count < low) or (high is not None and count > high)):
            yield counts[0], _text(this), first.path, None
        for i in range(len(values)):
            if int(r[f"b{i}"].value) > 0:
                broken[i].append(this)
    for c, nodes in zip(values, broken):
        for i in range(0, len(nodes), PREBIND):
            batch = " ".join(map(str, nodes[i:i + PREBIND]))
            for r in store.query(f"SELECT DISTINCT ?this ?value WHERE {{ VALUES ?this {{ {batch} }} "
                                 f"?this <{c.path}> ?value FILTER(!COALESCE({c.condition}, false)) }}"):
                yield c, _text(r["this"]), c.path, _text(r["value"])


def _count_results(store: ox.Store, check: Check) -> Iterator[tuple[Check, str, str | None, str | None]]:
    low, high = check.bounds
    for r in store.query(check.query):
        n = int(r["n"].value)
        if (low is not None and n < low) or (high is not None and n > high):
            yield check, _text(r["this"]), check.path, None


def run_checks(store: ox.Store, shapes_text: str) -> Iterator[tuple[Check, str, str | None, str | None]]:
    """(check, focus, path, value) for every result of every check, over ``store``'s default graph."""
    subclasses = bool(store.query(f"ASK {{ ?a <{RDFS_SUBCLASS}> ?b }}"))
    for check in _merged(_cached_checks(shapes_text, subclasses)):
        if isinstance(check, tuple):
            yield from _property_results(store, check)
        elif check.kind == "sparql":
            yield from _sparql_results(store, check)
        elif check.kind == "count":
            yield from _count_results(store, check)
        elif check.kind == "focus":
            for r in store.query(check.query):
                this = _text(r["this"])
                yield check, this, None, this
        else:
            for r in store.query(check.query):
                yield check, _text(r["this"]), check.path, _text(r["value"])
