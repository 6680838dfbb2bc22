r"""Only read queries over the store: no update, no SERVICE, no FROM / FROM NAMED.

pyoxigraph follows ``SERVICE`` to any URL (SSRF), rdflib's ``FROM`` loads
local files and ``LOAD`` reads ``file://`` (reliability anchors 21-23). So
every query is parsed first and refused, with a clear reason, when it asks
for any of them.

The check parses with rdflib while Oxigraph runs the query, and two parsers
can read one text differently. The known gap: rdflib decodes ``\uXXXX``
escapes in the whole text before parsing, Oxigraph only inside strings and
IRIs. So in ``BIND("\u0022" AS ?x) SERVICE <...> {...} # \"\"\" AS ?y)`` rdflib
sees one long string where Oxigraph sees a live SERVICE call. Hence codepoint
escapes are refused outright, and a plain-text scan refuses anything shaped
like a SERVICE clause, whatever either parser makes of it.
"""

from __future__ import annotations

import re

from pyparsing import ParseException
from rdflib.plugins import sparql as rdflib_sparql
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

rdflib_sparql.SPARQL_LOAD_GRAPHS = False  # belt and braces: rdflib never loads FROM graphs in this process

_CODEPOINT_ESCAPE = re.compile(r"\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})")
# SERVICE, then only whitespace or comments, then SILENT or an IRI, a variable or a prefixed name:
# the only shape in which the keyword can start a SERVICE clause (strings and comments included on purpose).
_SERVICE_CLAUSE = re.compile(r"(?i)(?<![\w?$:])SERVICE(?:\s|#[^\n\r]*)*(?:SILENT\b|<|[?$]|[^\W\d][\w.\-]*:|:)")
MAX_DEPTH = 200


class Refused(ValueError):
    """The query asks for something this endpoint does not do (HTTP 400)."""


def check(query: str, *, max_chars: int) -> str:
    """The query's form ("SelectQuery", "AskQuery", ...) when it may run; raises Refused otherwise."""
    if len(query) > max_chars:
        raise Refused(f"the query is longer than {max_chars} characters")
    if not query.strip():
        raise Refused("no query given (use ?query=... or POST application/sparql-query)")
    if "\x00" in query:
        raise Refused("the query contains a NUL character")
    if _CODEPOINT_ESCAPE.search(query):
        raise Refused("\\u and \\U escapes are refused (parsers disagree on them): "
                      "write the character itself")
    try:
        tree = parseQuery(query)
    except ParseException as exc:
        try:
            parseUpdate(query)
        except ParseException:
            raise Refused(f"the query does not parse: {exc}") from None
        raise Refused("updates (INSERT, DELETE, LOAD, CLEAR, DROP, ...) are refused: "
                      "this endpoint is read-only") from None
    except RecursionError:
        raise Refused("the query is nested too deeply") from None
    body = tree[1]
    if "datasetClause" in body and body["datasetClause"]:
        raise Refused("FROM and FROM NAMED are refused: queries run over the store's graph only")
    if _contains(body, "ServiceGraphPattern") or _SERVICE_CLAUSE.search(query):
        raise Refused("SERVICE is refused: this endpoint makes no outbound requests")
    return body.name


def _contains(node, name: str, depth: int = 0) -> bool:
    if depth > MAX_DEPTH:
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
