"""Person or organisation *wrote* paper, quoted from the record's author line.

The quote is the line that prints the author when that line is short (a listing's
"Authors: A, B, C", one BibTeX ``author`` field, an Atom ``<name>`` line); in a long line (a
JSON record holding its abstract, a list of 10,000 names on one line) it is the name as printed
there. Names are looked for just after the previous author's, since lists print them in order,
so a record with n authors costs about n short searches and n short quotes, not n copies of
its longest line (which made 10,000 authors take minutes and gigabytes).

A name the source writes in LaTeX (BibTeX's "M{\\"u}ller", arXiv's "Bal\\'azs", doubled in a JSON
line) is found once its line's accents are decoded as the readers decode them, a bounded number
of times per record: after the previous author in a long line, else in a short line quoted whole.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Final

from kg.extract.doc import Doc
from kg.extract.fact import Fact, Mention, collapse_ws
from kg.extract.pipeline import component
from kg.records.clean import latex_to_unicode

VERSION: Final = "1.1"

_JSON_ESCAPE: Final = re.compile(r'\\(["\\/])')


@functools.lru_cache(maxsize=256)  # one record's lines, asked once per author
def _as_read(flat_line: str) -> str:
    """The line with its LaTeX accents decoded, as the readers decode names: BibTeX and arXiv
    write "M{\\"u}ller" and "Bal\\'azs", the name is Müller. A JSON line doubles the backslash,
    so it is decoded once as written and once with its JSON escapes undone."""
    if "\\" not in flat_line:
        return flat_line
    forms = [flat_line, _JSON_ESCAPE.sub(r"\1", flat_line)] if '\\\\' in flat_line else [flat_line]
    return "\n".join(latex_to_unicode(f).replace("{", "").replace("}", "") for f in forms)


def _holds(text: str, words: list[str]) -> bool:
    """Whether ``text`` holds each of ``words`` as a whole word, a repeated one ("A. A.") as often."""
    return bool(words) and all(len(re.findall(r"(?<!\w)" + re.escape(w) + r"(?!\w)", text)) >= n
                               for w, n in Counter(words).items())

QUOTE_LINE_MAX: Final = 1_000
"""A line up to this many characters is quoted whole; in a longer one, the name's own span."""
NEAR: Final = 2_000
"""Characters after the previous author's name in which the next one is looked for first."""
FAR_LOOKS: Final = 200
"""Names per record looked for in the whole text when not found near the previous one (out of
order, or not printed at all): a bound, so a list of unprintable names stays linear."""
SPAN_MAX: Final = 300
"""A name printed in other words ("Last, First") spans at most this many characters."""


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _word(text: str, word: str, lo: int, hi: int) -> int:
    """Offset of ``word`` standing as a whole word in ``text[lo:hi]``, or -1, by plain search
    (for words that are no single run of letters and digits, as "Ana-Lu"; see _Finder.word)."""
    i = text.find(word, lo, hi)
    while i >= 0:
        end = i + len(word)
        if (i == 0 or not _is_word_char(text[i - 1])) and (end >= len(text) or not _is_word_char(text[end])):
            return i
        i = text.find(word, i + 1, hi)
    return -1


_RUN: Final = re.compile(r"\w+")
NAME_SPLIT: Final = re.compile(r"[\s,.]+")
"""What separates a name's words ("Smith, J. A."), compiled once: it is split once per author."""


class _Finder:
    """Where a record prints each of its authors, searched in order from the previous one."""

    def __init__(self, text: str):
        printed = [(line, flat) for line in text.splitlines() if (flat := collapse_ws(line))]
        self.printed = [line.strip() for line, _ in printed]
        """The non-blank lines as printed: a short one is quoted as it stands."""
        self.lines = [flat for _, flat in printed]
        self.starts = list(accumulate((len(flat) + 1 for flat in self.lines), initial=0))[:-1]
        self.flat = "\n".join(self.lines)
        """The record's non-blank lines, white space collapsed within each: the record's collapsed
        text (:func:`kg.extract.fact.collapsed_record_text`) with a newline, not a space, between
        lines, so offsets are the same in both and a span never crosses a line."""
        self.cursor = 0
        self.far_looks = 0
        self._runs: dict[str, list[int]] | None = None

    def word(self, word: str, lo: int, hi: int) -> int:
        """Offset of ``word`` as a whole word in ``flat[lo:hi]``, or -1.

        A plain search first: most words are found at once. After a hit inside a longer word ("A"
        in "Aria"), the record's runs of letters and digits are indexed (once, in one pass) and
        the word looked up there: searching on from hit to hit would cost a step per character
        in a hostile text (a million "a"s), for each of thousands of names."""
        i = self.flat.find(word, lo, hi)
        if i < 0:
            return -1
        end = i + len(word)
        if (i == 0 or not _is_word_char(self.flat[i - 1])) and (end >= len(self.flat) or not _is_word_char(self.flat[end])):
            return i
        if not _RUN.fullmatch(word):
            return _word(self.flat, word, i + 1, hi)
        if self._runs is None:
            self._runs = {}
            for m in _RUN.finditer(self.flat):
                self._runs.setdefault(m.group(), []).append(m.start())
        starts = self._runs.get(word, ())
        k = bisect_left(starts, i + 1)
        return starts[k] if k < len(starts) and starts[k] + len(word) <= hi else -1

    def quote(self, name: str) -> tuple[str, int] | None:
        """The quote for ``name`` and its offset in the record's collapsed text, or None."""
        flat_name = collapse_ws(name)
        if not flat_name:
            return None
        words = [w for w in NAME_SPLIT.split(flat_name) if w]
        span = self._near(flat_name, words) or self._decoded_near(flat_name, words)
        if span is None and self.far_looks < FAR_LOOKS:
            self.far_looks += 1
            span = self._anywhere(flat_name, words) or self._decoded_anywhere(words)
        if span is None:
            return None
        start, end = span
        self.cursor = end
        k = bisect_right(self.starts, start) - 1
        if len(self.lines[k]) <= QUOTE_LINE_MAX:
            return self.printed[k], self.starts[k]
        return self.flat[start:end], start

    def _decoded_near(self, flat_name: str, words: list[str]) -> tuple[int, int] | None:
        """A name a line writes in LaTeX, in the previous author's line or the two after it: in a
        short line, the line when its decoded text holds all the name's words; in a long one, the
        shortest piece after the previous name that decodes to them (a window a few times the
        name's length, so each name costs the same)."""
        if "\\" not in self.flat:
            return None
        here = bisect_right(self.starts, self.cursor) - 1
        for k in range(max(here, 0), min(here + 3, len(self.lines))):
            line, start = self.lines[k], self.starts[k]
            if "\\" not in line:
                continue
            if len(line) <= QUOTE_LINE_MAX:
                if _holds(_as_read(line), words):
                    return start, start + len(line)
                continue
            lo = max(self.cursor, start)
            span = self._decoded_piece(words, lo, min(start + len(line), lo + 4 * len(flat_name) + 64))
            if span is not None:
                return span
        return None

    def _decoded_anywhere(self, words: list[str]) -> tuple[int, int] | None:
        """The first short line holding a backslash whose decoded text holds the name's words."""
        if "\\" not in self.flat:
            return None
        for k, line in enumerate(self.lines):
            if "\\" in line and len(line) <= QUOTE_LINE_MAX and _holds(_as_read(line), words):
                return self.starts[k], self.starts[k] + len(line)
        return None

    def _decoded_piece(self, words: list[str], lo: int, hi: int) -> tuple[int, int] | None:
        """The shortest ``flat[s:e]`` within ``lo``..``hi`` whose decoded text holds ``words``: its
        end, then its start, found by halving (decoding is monotone in both)."""

        def ok(a: int, b: int) -> bool:
            try:
                return _holds(_as_read(self.flat[a:b]), words)
            except Exception:  # a piece cut inside a LaTeX command: not the name
                return False

        if not ok(lo, hi):
            return None
        a, b = lo, hi  # shortest end: ok(lo, b) holds, ok(lo, a) does not
        while b - a > 1:
            mid = (a + b) // 2
            a, b = (a, mid) if ok(lo, mid) else (mid, b)
        end = b
        a, b = lo, end  # latest start: ok(a, end) holds, ok(b, end) does not
        while b - a > 1:
            mid = (a + b) // 2
            a, b = (mid, b) if ok(mid, end) else (a, mid)
        start = a
        if self.flat.startswith(".", end):
            end += 1  # the initial's own period
        piece = self.flat[start:end]
        return (start + len(piece) - len(piece.lstrip()), end) if piece.strip() else None

    def _near(self, flat_name: str, words: list[str]) -> tuple[int, int] | None:
        lo = self.cursor
        hi = min(len(self.flat), lo + NEAR + len(flat_name))
        i = self.flat.find(flat_name, lo, hi)
        if i >= 0:
            return i, i + len(flat_name)
        return self._words_span(words, lo, hi)

    def _anywhere(self, flat_name: str, words: list[str]) -> tuple[int, int] | None:
        """The first line printing the name, else the first holding all its words (only lines
        holding its longest word are looked at, each once: one pass over the text)."""
        i = self.flat.find(flat_name)
        if i >= 0:
            return i, i + len(flat_name)
        if not words:
            return None
        anchor_word = max(words, key=len)
        pos = 0
        while (hit := self.word(anchor_word, pos, len(self.flat))) >= 0:
            k = bisect_right(self.starts, hit) - 1
            line_start, line_end = self.starts[k], self.starts[k] + len(self.lines[k])
            short = line_end - line_start <= QUOTE_LINE_MAX  # quoted whole: the words may stand anywhere in it
            span = self._words_span(words, line_start, line_end, QUOTE_LINE_MAX if short else SPAN_MAX)
            if span is not None:
                return span
            pos = line_end + 1
        return None

    def _words_span(self, words: list[str], lo: int, hi: int, max_span: int = SPAN_MAX) -> tuple[int, int] | None:
        """Where a name printed in other words stands ("Last, First" for "First Last"): its longest
        word at or after ``lo``, each other word at its occurrence nearest to that one (a repeated
        word, as in "A. A.", at a further occurrence each time), when all sit on one line within
        ``max_span`` characters."""
        if not words:
            return None
        anchor_word = max(words, key=len)
        anchor = self.word(anchor_word, lo, hi)
        if anchor < 0:
            return None
        reach = min(max_span, 2 * sum(map(len, words)) + 40)  # a name's words stand close together (with markup between)
        window_lo, window_hi = max(lo, anchor - reach), min(len(self.flat), anchor + reach)
        taken = {anchor}
        start, end = anchor, anchor + len(anchor_word)
        rest = list(words)
        rest.remove(anchor_word)
        for w in rest:
            best = -1
            i = self.word(w, window_lo, window_hi)
            while i >= 0:
                if i not in taken and (best < 0 or abs(i - anchor) < abs(best - anchor)):
                    best = i
                if best >= 0 and i - anchor > abs(best - anchor):
                    break  # further ones are further away
                i = self.word(w, i + 1, window_hi)
            if best < 0:
                return None
            taken.add(best)
            start, end = min(start, best), max(end, best + len(w))
        if self.flat.startswith(".", end):
            end += 1  # the initial's own period
        if end - start > max_span or "\n" in self.flat[start:end]:
            return None
        return start, end


@component("authors", version=VERSION, assigns=("facts.wrote",))
def authors(doc: Doc) -> None:
    record = doc.record
    finder = _Finder(record.text)
    for position, name in enumerate(record.authors, start=1):
        found = finder.quote(name)
        if found is None:  # a fact we cannot quote, we do not emit
            continue
        quote, at = found
        doc.facts.append(Fact(Mention("agent", name), "wrote", Mention.paper(), quote,
                              confidence=0.99, extractor=f"authors@{VERSION}",
                              record=record, position=position, at=at))
