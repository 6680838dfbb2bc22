"""A cheap necessary condition before a costly regular expression: words one of which every match holds.

Many rules search a sentence (or the words before a name) with a long alternation anchored at its end
("... the resulting model, $"): the regex engine tries it at every position, though most texts hold
none of its words. ``required_words`` reads the parsed pattern (the ``re`` module's own parser) and
returns strings one of which every match must contain: a run of literal characters, a group's words,
the union of a branch's words when every branch has some, a repeat's words when it repeats at least
once, a lookahead's words. Lookbehinds, classes and backreferences give nothing (a condition from the
rest still holds).
``gated`` wraps a compiled pattern: ``search``/``finditer``/``findall`` first test the words with
``in`` (case aside: on the lower-cased ASCII text, for a pattern that ignores case) and answer "no
match" at once when none is there; otherwise, and for every other call, the pattern itself answers.
Same answers, computed from the pattern: an edited pattern gets its own words.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from re import _constants as sre, _parser  # type: ignore[attr-defined]  # the standard library's own regex parser
from typing import Final, TypeAlias, TypeVar, cast

T = TypeVar("T")
_REPEATS: Final = (sre.MAX_REPEAT, sre.MIN_REPEAT, *((sre.POSSESSIVE_REPEAT,) if hasattr(sre, "POSSESSIVE_REPEAT") else ()))


def _words_of(items: list) -> set[str] | None:
    """Strings one of which every match of this sequence of parsed items contains, or None."""
    found: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            found.append({"".join(run)})
            run = []
        words = None
        if op is sre.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            if not (add_flags or del_flags):  # (an inline flag changes what its literals match)
                words = _words_of(list(sub))
        elif op is sre.BRANCH:
            branches = [_words_of(list(b)) for b in av[1]]
            if all(branches):
                words = set().union(*cast(list[set[str]], branches))  # (none is None)
        elif op in _REPEATS and av[0] >= 1:
            words = _words_of(list(av[2]))
        elif op is sre.ASSERT and av[0] == 1:  # a lookahead's words are in the text too (not a lookbehind's:
            words = _words_of(list(av[1]))  # it may look before pos)
        if words:
            found.append(words)
    if run:
        found.append({"".join(run)})
    if not found:
        return None
    # the most telling: the longest shortest word (white space counting for nothing), then the fewest words
    return max(found, key=lambda words: (min(len(w.strip()) for w in words), -len(words)))


def required_words(rx: re.Pattern) -> tuple[str, ...] | None:
    """Strings one of which every match of ``rx`` holds (lower case for a pattern that ignores case),
    or None when the pattern gives none (or the pattern is bytes, or its words are not ASCII)."""
    if not isinstance(rx.pattern, str):
        return None
    words = _words_of(list(_parser.parse(rx.pattern, rx.flags)))
    if not words or not all(words):
        return None
    if rx.flags & re.IGNORECASE:
        if not all(w.isascii() for w in words):
            return None
        words = {w.lower() for w in words}
    # a word that holds another is in every text the other is in: only the other is tried
    return tuple(sorted((w for w in words if not any(o != w and o in w for o in words)), key=lambda w: (len(w), w)))


class Gated:
    """A compiled pattern whose searches first ask whether the text holds one of its required words."""

    __slots__ = ("pattern_", "words", "ignore_case")

    def __init__(self, rx: re.Pattern):
        self.pattern_ = rx
        self.words = required_words(rx)
        self.ignore_case = bool(rx.flags & re.IGNORECASE)

    def _may_match(self, text: str, pos: int, endpos: int) -> bool:
        if self.words is None:
            return True
        if pos > 0 or endpos < len(text):
            text = text[max(pos, 0):max(endpos, 0)]  # a match (lookarounds aside) lies between pos and endpos
        if self.ignore_case:
            if not text.isascii():
                return True  # case-blind matching beyond ASCII is not str.lower(): the pattern decides
            text = text.lower()
        for word in self.words:  # (a loop: a generator's steps cost as much as the tests)
            if word in text:
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self.pattern_.search(text, pos, endpos) if self._may_match(text, pos, endpos) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.pattern_.finditer(text, pos, endpos) if self._may_match(text, pos, endpos) else iter(())

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list:
        return self.pattern_.findall(text, pos, endpos) if self._may_match(text, pos, endpos) else []

    def __getattr__(self, name: str):
        return getattr(self.pattern_, name)  # match, fullmatch, sub, pattern, flags, groupindex, ...

    def __repr__(self) -> str:
        return f"gated({self.pattern_!r})"


def under_roots(pairs: Iterable[tuple[str, T]]) -> tuple[tuple[str, tuple[tuple[str, T], ...]], ...]:
    """``(word, value)`` pairs grouped under their roots, the words no other word of theirs holds: a text
    holds a word ("trained on") only if it holds the word's root ("train"), so a caller looking for many
    words tests a group's words only in a text holding its root. Roots and groups keep the pairs' order;
    a word holding several roots is under the first. The empty word is a root of its own."""
    pairs = list(pairs)
    words = list(dict.fromkeys(word for word, _ in pairs))
    groups: dict[str, list[tuple[str, T]]] = {
        w: [] for w in words if not any(other and other != w and other in w for other in words)}
    for word, value in pairs:
        groups[next((root for root in groups if root and root in word), "")].append((word, value))
    return tuple((root, tuple(group)) for root, group in groups.items())


def any_under_roots(groups: tuple[tuple[str, tuple[tuple[str, re.Pattern], ...]], ...], low: str, text: str) -> bool:
    """Does a pattern of ``groups`` (:func:`under_roots` of (word, pattern) pairs) whose word the lower-cased
    ``low`` holds find a match in ``text``?"""
    for root, group in groups:  # (loops: a generator's steps cost as much as the tests)
        if root in low:
            for word, rx in group:
                if word in low and rx.search(text) is not None:
                    return True
    return False


Searcher: TypeAlias = "re.Pattern[str] | Gated"
"""What a pattern a rule searches with is: compiled, or gated (modules compiled by mypyc check it when set)."""


def gated(rx: re.Pattern) -> Gated:
    """``rx`` with its searches gated on its required words (see the module's docstring)."""
    return Gated(rx)
