"""Only read queries over the store: no update, no SERVICE, no FROM / FROM NAMED.

rdflib and pyoxigraph both follow ``SERVICE`` to any URL, rdflib's ``FROM``
loads local files, and ``LOAD`` reads ``file://`` (see the reliability notes).
So every query is parsed first and refused, with a clear reason, when it
asks for any of them.
"""

from __future__ import annotations

from pyparsing import ParseException
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue


class Refused(ValueError):
    """The query asks for something this endpoint does not do (HTTP 400)."""


def check(query: str, *, max_chars: int) -> str:
    """The query's form ("SelectQuery", "AskQuery", ...) when it may run; raises Refused otherwise."""
    if len(query) > max_chars:
        raise Refused(f"the query is longer than {max_chars} characters")
    if not query.strip():
        raise Refused("no query given (use ?query=... or POST application/sparql-query)")
    try:
        tree = parseQuery(query)
    except ParseException as exc:
        try:
            parseUpdate(query)
        except ParseException:
            raise Refused(f"the query does not parse: {exc}") from None
        raise Refused("updates (INSERT, DELETE, LOAD, CLEAR, DROP, ...) are refused: this endpoint is read-only") from None
    body = tree[1]
    if "datasetClause" in body and body["datasetClause"]:
        raise Refused("FROM and FROM NAMED are refused: queries run over the store's graph only")
    if _contains(body, "ServiceGraphPattern"):
        raise Refused("SERVICE is refused: this endpoint makes no outbound requests")
    return body.name


def _contains(node, name: str, depth: int = 0) -> bool:
    if depth > 200:
        return True  # absurdly deep: refuse rather than recurse further
    if isinstance(node, CompValue):
        if node.name == name:
            return True
        return any(_contains(v, name, depth + 1) for v in node.values())
    if isinstance(node, dict):
        return any(_contains(v, name, depth + 1) for v in node.values())
    if isinstance(node, (list, tuple)) or hasattr(node, "asList"):
        return any(_contains(v, name, depth + 1) for v in node)
    return False
