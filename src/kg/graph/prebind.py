"""Bind values in a query's text for an endpoint that takes no substitutions: a VALUES block first
in the WHERE clause.

Locally kg binds ``--bind`` values as Oxigraph substitutions, outside the text. A SPARQL 1.1
endpoint takes only text, so the values go into it as a ``VALUES`` block, each value written as
an N-Triples term (pyoxigraph writes it, with every escape), never pasted as typed: a value like
``x" || true) } #`` stays one string. rdflib's SPARQLStore appends ``VALUES`` after the whole
query, where it joins after grouping: a saved query would then aggregate over every entity
before keeping the one asked for (all coauthor pairs to answer one person's). So the block goes
first inside the outermost WHERE group, where it binds the variables before the pattern is
evaluated, as a substitution does.

Finding that group needs only a lexer's view: skip comments, strings and IRIs, and take the
first ``{`` outside parentheses after the query form (after a CONSTRUCT template). A query with
no such group (``DESCRIBE <x>``, ``CONSTRUCT WHERE``) gets the trailing block instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_STRING = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                     r'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\'', re.S)
_FORM = re.compile(r"(?i)\b(SELECT|CONSTRUCT|DESCRIBE|ASK)\b")
_WORD = re.compile(r"[A-Za-z_][\w\-]*")


def term(value) -> str:
    """An rdflib term in SPARQL syntax, written by pyoxigraph (N-Triples escapes)."""
    if isinstance(value, URIRef):
        return str(ox.NamedNode(str(value)))
    if isinstance(value, Literal):
        if value.language:
            return str(ox.Literal(str(value), language=value.language))
        if value.datatype:
            return str(ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype))))
        return str(ox.Literal(str(value)))
    if isinstance(value, BNode):
        raise ValueError("a blank node cannot be bound in a query sent to an endpoint")
    return str(ox.Literal(str(value)))


def values_block(bindings: Mapping[str, object]) -> str:
    names = list(bindings)
    return (f"VALUES ({' '.join('?' + n for n in names)}) "
            f"{{ ({' '.join(term(bindings[n]) for n in names)}) }}")


def tokens(query: str):
    """(position, text) of each token that is not a comment, string or IRI: one character, or a word."""
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c == "#":
            end = query.find("\n", i)
            i = n if end < 0 else end + 1
            continue
        if c in "\"'":
            m = _STRING.match(query, i)
            i = m.end() if m else i + 1
            continue
        if c == "<":
            m = _IRI.match(query, i)
            if m:
                i = m.end()
                continue
        if c.isspace():
            i += 1
            continue
        m = _WORD.match(query, i) if c.isalpha() or c == "_" else None
        if m:
            yield i, m.group()
            i = m.end()
            continue
        yield i, c
        i += 1


def where_group(query: str) -> int | None:
    """The index just past the ``{`` that opens the query's WHERE group; None when there is none."""
    form, depth, parens, template = None, 0, 0, False
    last = None
    for pos, tok in tokens(query):
        if form is None:
            if _FORM.fullmatch(tok):
                form = tok.upper()
                template = form == "CONSTRUCT"
            continue
        if tok == "(":
            parens += 1
        elif tok == ")":
            parens -= 1
        elif tok == "{" and parens == 0:
            if depth == 0 and not template:
                return pos + 1
            if depth == 0 and template and last is not None and last.upper() == "WHERE":
                return None  # CONSTRUCT WHERE { ... }: the template is the pattern; no VALUES inside
            depth += 1
        elif tok == "}" and parens == 0:
            depth -= 1
            if depth == 0 and template:
                template = False
        last = tok
    return None


def prebind(query: str, bindings: Mapping[str, object]) -> str:
    """The query with ``bindings`` (name -> rdflib term) as a VALUES block first in its WHERE group."""
    if not bindings:
        return query
    block = values_block(bindings)
    at = where_group(query)
    if at is None:
        return f"{query}\n{block}\n"
    return f"{query[:at]} {block}\n{query[at:]}"
