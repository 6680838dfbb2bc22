"""Saved queries shipped with kg, and running any query with safely bound values.

Values are only ever bound as RDF terms (Oxigraph's ``substitutions``, or rdflib's
``initBindings`` on other stores): never pasted into query text, so a value like
``x" || true) } #`` stays a string.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.query import Result


@dataclass(frozen=True)
class SavedQuery:
    name: str
    description: str
    params: dict[str, str]
    text: str


def _parse_saved(name: str, text: str) -> SavedQuery:
    description, params = "", {}
    for line in text.splitlines():
        if line.startswith("# description:"):
            description = line.split(":", 1)[1].strip()
        elif line.startswith("# param:"):
            pname, _, doc = line.split(":", 1)[1].strip().partition(" ")
            params[pname] = doc.strip()
    return SavedQuery(name, description, params, text)


def saved_queries() -> dict[str, SavedQuery]:
    files = resources.files("kg.queries")
    out = {}
    for f in sorted(files.iterdir(), key=lambda f: f.name):
        if f.name.endswith(".rq"):
            name = f.name[:-3]
            out[name] = _parse_saved(name, f.read_text("utf-8"))
    return out


_NAME = re.compile(r"[A-Za-z_][\w-]*")


def resolve_query_text(spec: str) -> str:
    """``spec`` is SPARQL text, ``@file.rq``, or the name of a saved query."""
    if spec.startswith("@"):
        return Path(spec[1:]).read_text("utf-8")
    saved = saved_queries()
    if spec in saved:
        return saved[spec].text
    if _NAME.fullmatch(spec.strip()):  # a bare word is never SPARQL: a mistyped saved query's name
        close = difflib.get_close_matches(spec.strip(), list(saved), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise QueryError(f"no saved query named {spec.strip()!r} (kg query --list shows them){hint}")
    return spec


def term(value: str) -> URIRef | Literal:
    """A ``--bind`` value: ``<iri>`` is an IRI, anything else a plain string."""
    if value.startswith("<") and value.endswith(">") and len(value) > 2:
        import pyoxigraph

        pyoxigraph.NamedNode(value[1:-1])  # strict: raises ValueError on a bad IRI
        return URIRef(value[1:-1])
    return Literal(value)


class QueryError(ValueError):
    """The query does not parse, or a bound variable is not in its SELECT clause."""


def run_query(graph: Graph, text: str, bindings: dict[str, str] | None = None) -> Result:
    init = {}
    for name, value in (bindings or {}).items():
        try:
            init[name] = term(value)
        except ValueError as exc:
            raise QueryError(f"--bind {name}: {value!r} is not a valid IRI ({exc})") from None
    try:
        result = _oxigraph_query(graph, text, init)
        if result is None:
            result = graph.query(text, initBindings=init)
        if result.type == "SELECT":
            result.bindings = list(result.bindings)  # evaluate now, so errors surface here
    except SyntaxError as exc:
        raise QueryError(f"the query does not parse: {exc}") from None
    except RuntimeError as exc:
        if "projection" in str(exc):
            raise QueryError(f"{exc}: a variable given with --bind must appear in the SELECT clause") from None
        raise QueryError(str(exc)) from None
    return result


def _on_oxigraph(graph: Graph, text: str, init: dict[str, URIRef | Literal] | None = None):
    """pyoxigraph's answer to the query when ``graph`` is an Oxigraph store's graph, else None.

    Asked as oxrdflib's ``Graph.query`` asks it (the graph's prefixes, its default graph, the
    bound values as substitutions), but without oxrdflib turning every term of every row into an
    rdflib term: callers convert what they need, once per distinct term.
    """
    from oxrdflib import OxigraphStore
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, ConjunctiveGraph

    if not isinstance(graph.store, OxigraphStore) or isinstance(graph, ConjunctiveGraph):
        return None
    import pyoxigraph as ox
    from oxrdflib._converter import to_ox

    default = None if graph.identifier == DATASET_DEFAULT_GRAPH_ID else to_ox(graph.identifier)
    return graph.store._inner.query(  # noqa: SLF001 -- oxrdflib's own query() reaches it the same way
        text, prefixes={p: str(ns) for p, ns in graph.namespaces()}, default_graph=default,
        substitutions={ox.Variable(k): to_ox(v) for k, v in (init or {}).items()})


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_XSD_STRING_IRI = URIRef(_XSD_STRING)


def string_literal(text: str) -> Literal:
    """``Literal(text, datatype=XSD.string)``, made directly: names and quotes are most of what
    queries return, and rdflib's constructor (which parses, checks and normalises the lexical
    form by datatype) costs more per row than the engine. For xsd:string every one of those
    steps gives back ``text`` unchanged; tests/queries compare the two term for term."""
    lit = str.__new__(Literal, text)
    lit._language = None
    lit._datatype = _XSD_STRING_IRI
    lit._value = text
    lit._ill_typed = False
    return lit


def _oxigraph_query(graph: Graph, text: str, init: dict[str, URIRef | Literal]) -> Result | None:
    """The Result oxrdflib would give (the same rdflib terms), None when ``graph`` is not on Oxigraph.

    Each distinct term is converted once per query: rows repeat names and counts, and building
    an rdflib Literal costs 5-10 µs, more than the engine spends on a row.
    """
    answer = _on_oxigraph(graph, text, init)
    if answer is None:
        return None
    import pyoxigraph as ox
    from oxrdflib._converter import from_ox
    from rdflib.term import Variable

    if isinstance(answer, ox.QueryBoolean):
        out = Result("ASK")
        out.askAnswer = bool(answer)
        return out
    if isinstance(answer, ox.QueryTriples):
        out = Result("CONSTRUCT")
        out.graph = Graph()
        out.graph += (from_ox(t) for t in answer)
        return out
    out = Result("SELECT")
    out.vars = [Variable(v.value) for v in answer.variables]
    seen: dict = {}
    datatypes: dict[str, URIRef] = {}

    def rdflib_term(t):
        if t is None:
            return None
        try:
            return seen[t]
        except KeyError:
            pass
        if isinstance(t, ox.Literal) and not t.language:  # from_ox's Literal, sharing the datatype IRI
            dt = t.datatype.value
            if dt == _XSD_STRING:
                converted = string_literal(t.value)
            else:
                converted = Literal(t.value, datatype=datatypes.get(dt) or datatypes.setdefault(dt, URIRef(dt)))
        else:
            converted = from_ox(t)
        seen[t] = converted
        return converted

    names = out.vars
    out.bindings = [{v: rdflib_term(t) for v, t in zip(names, solution)} for solution in answer]
    return out


def select_plain(graph: Graph, text: str) -> list[tuple]:
    """A SELECT's rows as tuples: IRIs as URIRef, blank nodes as BNode, each literal as its lexical
    form (``str(literal)``), None where unbound. For code that reads names and values only: on an
    Oxigraph store no rdflib Literal is built, which is most of the time of a query of many rows.
    """
    answer = _on_oxigraph(graph, text)
    if answer is None:
        return [tuple(str(v) if isinstance(v, Literal) else v for v in row) for row in graph.query(text)]
    import pyoxigraph as ox

    iris: dict[str, URIRef] = {}

    def plain(t):
        if isinstance(t, ox.NamedNode):
            return iris.get(t.value) or iris.setdefault(t.value, URIRef(t.value))
        if isinstance(t, ox.BlankNode):
            return BNode(t.value)
        return None if t is None else t.value

    return [tuple(plain(t) for t in solution) for solution in answer]


def rows(result: Result) -> list[dict[str, str | None]]:
    """SELECT results as plain dicts of strings (None for unbound)."""
    names = [str(v) for v in result.vars or []]
    return [{n: (None if row[i] is None else str(row[i])) for i, n in enumerate(names)}
            for row in result]


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _nt(value) -> str:
    """A term as SPARQL TSV wants it: N-Triples syntax on one line (rdflib's n3() would write a
    value holding a newline as a triple-quoted literal spanning lines, and a tab as is)."""
    if value is None:
        return ""
    if isinstance(value, URIRef):
        return f"<{value}>"
    if isinstance(value, BNode):
        return f"_:{value}"
    if isinstance(value, Literal):
        text = f'"{str(value).translate(_NT_ESCAPES)}"'
        if value.language:
            return f"{text}@{value.language}"
        if value.datatype and str(value.datatype) != _XSD_STRING:
            return f"{text}^^<{value.datatype}>"
        return text
    return str(value)


def format_result(result: Result, fmt: str) -> str:
    """Serialize a result: "json" (SPARQL 1.1 results JSON), "csv", "tsv"."""
    if result.type == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.askAnswer)}) + "\n" if fmt == "json" \
            else str(bool(result.askAnswer)).lower() + "\n"
    if result.type == "CONSTRUCT":
        return result.graph.serialize(format="nt")
    names = [str(v) for v in result.vars or []]
    table = list(result)
    if fmt == "json":
        return json.dumps({"head": {"vars": names},
                           "results": {"bindings": [_json_row(names, r) for r in table]}},
                          ensure_ascii=False, indent=1) + "\n"
    buf = io.StringIO()
    if fmt == "csv":
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(names)
        for r in table:
            w.writerow(["" if v is None else _csv_safe(str(v)) for v in r])
    elif fmt == "tsv":
        buf.write("\t".join("?" + n for n in names) + "\n")
        for r in table:
            buf.write("\t".join(_nt(v) for v in r) + "\n")
    else:
        raise ValueError(f"unknown result format {fmt!r} (json, csv, tsv)")
    return buf.getvalue()


def _csv_safe(value: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas: prefix a quote."""
    if value[:1] in ("=", "+", "@") or (value[:1] == "-" and not _is_number(value)):
        return "'" + value
    return value


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def _json_row(names: list[str], row) -> dict:
    out = {}
    for n, v in zip(names, row):
        if v is None:
            continue
        if isinstance(v, URIRef):
            out[n] = {"type": "uri", "value": str(v)}
        elif isinstance(v, BNode):
            out[n] = {"type": "bnode", "value": str(v)}
        else:
            cell = {"type": "literal", "value": str(v)}
            if v.language:
                cell["xml:lang"] = v.language
            elif v.datatype:
                cell["datatype"] = str(v.datatype)
            out[n] = cell
    return out
