"""Split a sentence into word tokens with offsets, punctuation peeled off each side.

Model names keep their inner punctuation ("Llama-3.1-70B", "RETRO++",
"Qwen-2.5-7B/72B"); what surrounds a word (brackets, quotes, a trailing comma
or full stop) is kept apart in ``lead`` / ``trail`` so later stages can tell
"A, B and C" (a list) from "A B C" (one name).
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

_LEAD: Final = "([{\"'`“‘«"
_TRAIL: Final = ")]}\"'”’»,;:.!?…"


class Token(NamedTuple):
    """A word of a sentence. (A named tuple: a sentence makes dozens, and a frozen dataclass took
    over a microsecond to make each, most of what tokenizing cost.)"""

    text: str
    start: int
    end: int
    lead: str = ""
    trail: str = ""
    lower: str = ""
    """``text`` in lower case (computed once: every rule asks for it)."""


DASH_TOKENS: Final = frozenset(("-", "--", "\u2013", "\u2014"))
"""A dash standing alone as a token ("X - an open model", "Kelp 8x7B - Instruct"): one set for every rule."""


def closing_parenthesis(tokens: list[Token], start: int, stop: int) -> int | None:
    """The first token in ``tokens[start:stop]`` whose trail closes a parenthesis, or None."""
    for k in range(start, stop):
        if ")" in tokens[k].trail:
            return k
    return None


_new = tuple.__new__
_DASH_RUN: Final = re.compile(r"-{2,}|\u2014+|(?<=[a-z)\]])\u2013(?=[a-z])")
""""--" or an em dash between two words: punctuation, not part of either ("architectures--Kelp-2"); so is an en
dash between lower-case words or after a bracket ("(e.g., Kelp-32B)–and", TeX's "--" once cleaned), not
in a range ("7–13B")."""


def _dash_pieces(raw: str, start: int):
    """(piece, start) of a white-space word holding a dash run ("architectures--Kelp-2"): the run cut out."""
    at = 0
    for m in _DASH_RUN.finditer(raw):
        if m.start() > at:
            yield raw[at:m.start()], start + at
        yield m.group(), start + m.start()
        at = m.end()
    if at < len(raw):
        yield raw[at:], start + at


JOINED_BEFORE: Final = frozenset("variants models versions checkpoints baselines including namely".split())
JOINED_AFTER: Final = frozenset("along and or with which as for from to in on by via while whereas".split())
"""Words a hyphen joins to a name where a space or a dash was meant: "three smaller variants-Kelp-8B-Instruct",
"Kelp-7B-Instruct-along with ...". Only beside a name's part (a capital or a digit): "built-in" is a word."""


def _hyphen_pieces(raw: str, start: int):
    """(piece, start) of a word with such a joined word: the joined word and the name apart, the hyphen dropped."""
    head, _, rest = raw.partition("-")
    if head in JOINED_BEFORE and rest[:1].isupper():
        return [(head, start), (rest, start + len(head) + 1)]
    body, _, tail = raw.rpartition("-")
    if tail.rstrip(",.;:)") in JOINED_AFTER and body and any(c.isupper() or c.isdigit() for c in body.rsplit("-", 1)[-1]):
        return [(body, start), (tail, start + len(body) + 1)]
    return None


def tokenize(sentence: str) -> list[Token]:
    out: list[Token] = []
    end = 0
    for raw in sentence.split():  # str.split() and the re module's \s see the same white space
        start = sentence.find(raw, end)  # only white space lies between: the first hit is the word
        end = start + len(raw)
        if "--" in raw or "\u2014" in raw or "\u2013" in raw:
            for piece, at in _dash_pieces(raw, start):
                _add(out, piece, at)
        elif "-" in raw and (pieces := _hyphen_pieces(raw, start)) is not None:
            for piece, at in pieces:
                _add(out, piece, at)
        elif raw[0] not in _LEAD and raw[-1] not in _TRAIL and not (raw[-1] == "s" and _possessive(raw)):
            out.append(_new(Token, (raw, start, end, "", "", raw.lower())))  # most words: no punctuation
        else:
            _add(out, raw, start)
    return out


def _add(out: list[Token], raw: str, start: int) -> None:
    """The token of a word (``raw`` at ``start``), its punctuation peeled off, appended to ``out``."""
    if raw[0] not in _LEAD and raw[-1] not in _TRAIL and not (raw[-1] == "s" and _possessive(raw)):
        out.append(_new(Token, (raw, start, start + len(raw), "", "", raw.lower())))
        return
    a, b = 0, len(raw)
    while a < b and raw[a] in _LEAD:
        a += 1
    while b > a and raw[b - 1] in _TRAIL:
        if raw[b - 1] == ")" and raw[a:b].count("(") >= raw[a:b].count(")"):
            break  # the bracket belongs to the word, e.g. "f(x)"
        b -= 1
    if a == b:
        if out:  # a lone punctuation token ("-", "—", "&") becomes trail of the previous word
            prev = out[-1]
            out[-1] = _new(Token, (prev.text, prev.start, prev.end, prev.lead, prev.trail + " " + raw, prev.lower))
        return
    if _possessive(raw[a:b]):
        b -= 2  # "Llama-3-8B's context" names Llama-3-8B
    word = raw[a:b]
    out.append(_new(Token, (word, start + a, start + b, raw[:a], raw[b:], word.lower())))


def _possessive(word: str) -> bool:
    return len(word) > 2 and word[-1] == "s" and word[-2] in "'\u2019"
