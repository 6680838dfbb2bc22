"""A query's answer in the format the client asked for, with a row cap.

SELECT and ASK: SPARQL 1.1 results as JSON, XML, CSV or TSV. CONSTRUCT and
DESCRIBE: N-Triples, Turtle, RDF/XML or JSON-LD (pyoxigraph writes these).
The results writers are ours rather than pyoxigraph's because pyoxigraph
serializes a whole result and we stop at ``max_rows``; the tests read every
format back with pyoxigraph's strict results parser. XML cannot hold control
characters, so they are dropped from XML answers (only there).

An answer is also capped in bytes (``max_bytes``): rows are counted in
characters as they are read, so an answer far too large stops early, and the
written body is measured before it leaves; either way the query gets an
error, never a cut or whole oversized body.
"""

from __future__ import annotations

import csv
import io
import json
import re
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg.graph.store import PREFIXES

SOLUTION_FORMATS = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_FORMATS = {
    "nt": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    "ttl": ("text/turtle", ox.RdfFormat.TURTLE),
    "rdfxml": ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
}
ALSO_ACCEPTED = {  # media types clients send that mean one of ours
    "application/json": ("json", "jsonld"), "application/xml": ("xml", "rdfxml"),
    "text/xml": ("xml", "rdfxml"), "text/plain": ("tsv", "nt"), "application/x-turtle": (None, "ttl"),
}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def negotiate(accept: str | None, explicit: str | None, *, graph: bool) -> str:
    """The format to answer in: ?format= wins, then the Accept header (by q-value), else JSON or N-Triples."""
    table = {k: v[0] for k, v in GRAPH_FORMATS.items()} if graph else SOLUTION_FORMATS
    if explicit in table:
        return explicit
    choices = []
    for i, part in enumerate((accept or "").split(",")):
        mime, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        choices.append((-q, i, mime.lower()))
    for neg_q, _, mime in sorted(choices):
        if neg_q >= 0:
            break
        for name, media in table.items():
            if mime == media:
                return name
        alias = ALSO_ACCEPTED.get(mime)
        if alias and alias[graph]:
            return alias[graph]
    return "nt" if graph else "json"


def content_type(fmt: str, *, graph: bool) -> str:
    return GRAPH_FORMATS[fmt][0] if graph else SOLUTION_FORMATS[fmt]


def answer(store: ox.Store, query: str, accept: tuple[str | None, str | None], max_rows: int,
           max_bytes: int | None = None):
    """Run the query on the store; the Answer as bytes, its media type and whether rows were cut.

    Raises AnswerTooLarge when the answer has (or is sure to have) more than ``max_bytes`` bytes."""
    from kg.serve.workers import Answer, AnswerTooLarge

    def too_large() -> AnswerTooLarge:
        return AnswerTooLarge(f"the answer is larger than {max_bytes} bytes (the server's max_bytes setting): "
                              f"ask for fewer rows (LIMIT) or shorter values")

    size = 0

    def count(terms) -> None:
        nonlocal size
        if max_bytes is None:
            return
        size += sum(len(_size_of(t)) for t in terms if t is not None)
        if size > max_bytes:
            raise too_large()

    res = store.query(query, prefixes=PREFIXES)
    if isinstance(res, ox.QueryBoolean):
        fmt = negotiate(*accept, graph=False)
        return Answer(boolean(bool(res), fmt).encode(), content_type(fmt, graph=False))
    if isinstance(res, ox.QuerySolutions):
        fmt = negotiate(*accept, graph=False)
        variables = [v.value for v in res.variables]
        rows, truncated = [], False
        for solution in res:
            if len(rows) >= max_rows:
                truncated = True
                break
            row = [solution[v] for v in variables]
            count(row)
            rows.append(row)
        body = select(variables, rows, fmt).encode()
        if max_bytes is not None and len(body) > max_bytes:
            raise too_large()
        return Answer(body, content_type(fmt, graph=False), truncated)
    fmt = negotiate(*accept, graph=True)
    triples, truncated = [], False
    for t in res:
        if len(triples) >= max_rows:
            truncated = True
            break
        count((t.subject, t.predicate, t.object))
        triples.append(_xml_clean_triple(t) if fmt == "rdfxml" else t)
    body = ox.serialize(triples, format=GRAPH_FORMATS[fmt][1], prefixes=PREFIXES)
    if max_bytes is not None and len(body) > max_bytes:
        raise too_large()
    return Answer(body, content_type(fmt, graph=True), truncated)


def _size_of(t) -> str:
    """The text of a term that any format writes at least once (a quoted triple: its parts)."""
    return str(t) if isinstance(t, ox.Triple) else t.value


def _xml_clean_triple(t: ox.Triple) -> ox.Triple:
    o = t.object
    if isinstance(o, ox.Literal) and _NOT_XML.search(o.value):
        value = _NOT_XML.sub("", o.value)
        o = ox.Literal(value, language=o.language) if o.language else ox.Literal(value, datatype=o.datatype)
    return ox.Triple(t.subject, t.predicate, o)


def _json_term(t) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(t.subject),
                                            "predicate": _json_term(t.predicate),
                                            "object": _json_term(t.object)}}
    out = {"type": "literal", "value": t.value}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype and t.datatype.value != XSD_STRING:
        out["datatype"] = t.datatype.value
    return out


def _xml_text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _xml_term(t) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{_xml_text(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{_xml_text(t.value)}</bnode>"
    if isinstance(t, ox.Triple):
        return (f"<triple><subject>{_xml_term(t.subject)}</subject><predicate>{_xml_term(t.predicate)}"
                f"</predicate><object>{_xml_term(t.object)}</object></triple>")
    attrs = ""
    if t.language:
        attrs = f" xml:lang={quoteattr(t.language)}"
    elif t.datatype and t.datatype.value != XSD_STRING:
        attrs = f" datatype={quoteattr(t.datatype.value)}"
    return f"<literal{attrs}>{_xml_text(t.value)}</literal>"


def _csv_value(t) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}"
    if isinstance(t, ox.Triple):
        return str(t)
    return t.value


def select(variables: list[str], rows: list[list], fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": [
            {v: _json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]}},
            ensure_ascii=False)
    if fmt == "xml":
        head = "".join(f"<variable name={quoteattr(v)}/>" for v in variables)
        body = "".join("<result>" + "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                                            for v, t in zip(variables, row) if t is not None) + "</result>"
                       for row in rows)
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head>{head}</head><results>{body}</results></sparql>\n")
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(variables)
        for row in rows:
            w.writerow([_csv_value(t) for t in row])
        return buf.getvalue()
    lines = ["\t".join("?" + v for v in variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return "\n".join(lines) + "\n"


def boolean(value: bool, fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value})
    if fmt == "xml":
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{'true' if value else 'false'}</boolean></sparql>\n")
    return "true" if value else "false"  # SPARQL 1.1 CSV/TSV leave ASK open; Oxigraph writes just this
