"""Hugging Face daily-papers lines: upvotes, title+abstract, "N authors · Mon D, YYYY".

    45 Nemotron-4 15B Technical Report We introduce ... 27 authors · Feb 26, 2024 4

Upvotes may be "-"; a number may trail the date. Title and abstract run
together with no separator: :func:`split_title` finds the boundary.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from kg.records.dates import parse_date
from kg.records.formats._common import record_lines, split_lines
from kg.records.limits import MAX_TITLE_TOKENS
from kg.records.record import Problem, Record
from kg.records.registry import reader

HEAD = re.compile(r"^\s*(-|\d{1,9})\s+")
TAIL = re.compile(
    r"(?:^|\s)(\d{1,6})\s+authors?\s*·\s*([A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})(?:\s+(\d{1,9}))?\s*$"
)
TAIL_WINDOW = 200
"""The "N authors · date" tail is looked for only in a line's last characters."""

# Words title case leaves lowercase: articles, conjunctions, prepositions.
FUNCTION_WORDS = frozenset(
    """a an the and or nor but so yet for of in on at to by via with without from into onto
    over under as vs vs. per than upon using based through towards toward across about against
    among between beyond within during after before behind beneath beside around along
    amid its their our your not up out off down near like unlike post versus""".split()
)
# Words that open English sentences and rarely stand inside a title.
STRONG_STARTERS = frozenset(
    """We In This These Our Although While Despite Recent Existing Current Many Most However
    Here It Such Since Due Unlike Even There Given Today Recently Currently Nowadays Whereas
    Because Though Motivated Inspired Prior Previous Conventional Traditional Typically
    Although Additionally Moreover Furthermore Specifically Notably Finally Unfortunately""".split()
)
# Words that often open abstracts but also appear in titles.
WEAK_STARTERS = frozenset(
    """The A An To As With How What When Large Modern One Standard Pretrained Pre-trained
    Over Through Automatically""".split()
)
SENTENCE_PUNCT = (".", "!", "?")
ABBREVIATIONS = frozenset({"vs.", "e.g.", "i.e.", "al.", "etc.", "cf.", "Fig.", "Eq.", "No.", "St.", "Dr."})


def sniff(head: str) -> float:
    """Sure when most lines end "N authors · Mon D, YYYY [n]"."""
    lines = [line for line in split_lines(head) if line.strip()]
    if not lines:
        return 0.0
    hits = sum(1 for line in lines if TAIL.search(line[-TAIL_WINDOW:]))
    return 0.9 if hits / len(lines) >= 0.5 else (0.4 if hits else 0.0)


# The token tests below are pure functions of one word, asked again for every candidate split of
# every line: remembered.
@lru_cache(maxsize=65536)
def _core(tok: str) -> str:
    return tok.strip("\"'“”‘’()[]{}")


@lru_cache(maxsize=65536)
def _is_cap(tok: str) -> bool:
    t = _core(tok)
    return bool(t) and t[0].isupper()


@lru_cache(maxsize=65536)
def _is_acronym(tok: str) -> bool:
    """ "LLMs", "NAS", "GPT-4": two or more capitals, no lowercase run."""
    t = _core(tok).rstrip(".,;:")
    upper = sum(1 for ch in t if ch.isupper())
    return upper >= 2 and upper >= sum(1 for ch in t if ch.islower())


@lru_cache(maxsize=65536)
def _is_lower_word(tok: str) -> bool:
    """A lowercase word: first letter lowercase and no capital inside ("syNthetic" is not)."""
    t = _core(tok)
    return bool(t) and t[0].isalpha() and t[0].islower() and not any(ch.isupper() for ch in t)


@lru_cache(maxsize=65536)
def _is_lower_content(tok: str) -> bool:
    """A lowercase word that title case would have capitalised; also
    "Decoder-only", whose lowercase part after the hyphen title case avoids."""
    t = _core(tok)
    if "-" in t[1:] and t[0].isupper():
        tail = t.split("-", 1)[1]
        return bool(tail) and tail[0].islower()
    return _is_lower_word(tok) and t.lower().rstrip(".,;:") not in FUNCTION_WORDS


@lru_cache(maxsize=65536)
def _ends_sentence(tok: str) -> bool:
    return tok.endswith(SENTENCE_PUNCT) and tok not in ABBREVIATIONS and len(_core(tok)) > 1


class _Line:
    """The tokens of a line's head with the per-token facts every candidate split asks for, each
    computed once (a split at token i asks them of every token before i: summed here as running
    counts, so a line costs its length, not its length squared)."""

    __slots__ = ("tokens", "lower_content", "lowered", "lower_content_before", "dot_ends_before",
                 "starters_inside_before", "opens_unended")

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.lower_content = [_is_lower_content(t) for t in tokens]
        self.lowered = [_core(t).lower() for t in tokens]
        self.lower_content_before = _running_count(self.lower_content)
        """[k]: lowercase content words among tokens[:k]."""
        self.dot_ends_before = _running_count([_ends_sentence(t) and t.endswith(".") for t in tokens])
        """[k]: tokens[:k] ending a sentence with a full stop."""
        self.starters_inside_before = _running_count(
            [k > 0 and _core(t) in STRONG_STARTERS and not tokens[k - 1].endswith((":", "?", "!", "."))
             for k, t in enumerate(tokens)])
        """[k]: sentence openers among tokens[1:k] (not the first) not after a stop or a colon."""
        self.opens_unended = [k > 0 and _core(t) in STRONG_STARTERS and not _ends_sentence(tokens[k - 1])
                              and not tokens[k - 1].endswith((":", ";")) for k, t in enumerate(tokens)]
        """[k]: a sentence opener with no full stop (nor colon) before it."""


def _running_count(flags: list[bool]) -> list[int]:
    """[k]: how many of flags[:k] are true."""
    counts = [0]
    for flag in flags:
        counts.append(counts[-1] + flag)
    return counts


ACRONYM_DEFINED = re.compile(r"\(([A-Z][A-Za-z0-9]{1,9})\)[,.;:]?$")


def _score(line: _Line, i: int) -> float | None:
    """How likely the abstract starts at token ``i`` (None: impossible)."""
    tokens = line.tokens
    prev = tokens[i - 1]
    first = _core(tokens[i])
    if not _is_cap(tokens[i]) or not first[0].isalpha() or tokens[i].startswith("("):
        return None
    if _core(prev).lower() in FUNCTION_WORDS or prev.endswith((":", "-", ",", "–", "—", "(")):
        return None
    score = 0.0
    # Title side (tokens[:i]): title case leaves only function words lowercase; titles
    # hold no sentence end.
    score -= 0.3 * (line.lower_content_before[i] - line.lower_content_before[1])
    score -= 3.0 * line.dot_ends_before[i]
    if i == 1:
        score -= 1.0
    if line.lower_content[i]:
        score += 0.5  # "Long-context capabilities": sentence case, not title case
    if _core(prev).lower() == first.lower():
        score += 1.0  # "... Pretraining Pretraining auto-regressive": title word restated
    if i > 30:
        score -= 0.2 * (i - 30)
    # Abstract side: a capitalised word soon followed by lowercase prose.
    j = i + 1
    while j < len(tokens) and j < i + 8 and not line.lower_content[j]:
        j += 1
    if j >= len(tokens) or not line.lower_content[j]:
        score -= 2.0
    run = j - i  # tokens opening the abstract before its first lowercase content word
    score -= 0.5 * (run - 1)
    if first in STRONG_STARTERS:
        score += 2.0
    elif first in WEAK_STARTERS:
        score += 1.0
    if _is_acronym(tokens[i]) and _is_cap(prev) and not _is_acronym(prev):
        score -= 0.5  # "Multilingual | LLMs support": the modifier likely opens the abstract
    score -= 2.0 * line.starters_inside_before[i]
    # An abstract that restates a phrase of the title right at its start.
    phrase = line.lowered[i:j]
    lowered = line.lowered[:i]
    n = len(phrase)
    if n and any(lowered[k:k + n] == phrase for k in range(len(lowered) - n + 1)):
        score += 0.3 * n
    # An acronym defined in the capitalised run that opens the abstract ("Stable Diffusion XL (SDXL) has ..."):
    # its long form starts at the abstract's first word, not inside it
    acronym = next((ACRONYM_DEFINED.match(tokens[k]) for k in range(i + 1, min(j + 1, len(tokens)))
                    if tokens[k].startswith("(")), None)
    if acronym is not None:
        score += 0.5 if acronym.group(1)[0].lower() == first[0].lower() else -2.0
    # A sentence opener shortly after, with no full stop before it: too early.
    if any(line.opens_unended[i + 1:min(len(tokens), i + 25)]):
        score -= 3.0
    return score


def split_title(body: str) -> tuple[str | None, str]:
    """Split "Title Words Abstract starts here ..." into (title, abstract).

    Scores each capitalised token among the first :data:`MAX_TITLE_TOKENS`
    as the abstract's first word: the title before it should read as title
    case (or hold no sentence end), the abstract should open with a short
    capitalised run followed by lowercase prose, ideally a common sentence
    opener or a restatement of a title phrase. Returns (None, body) when no
    boundary is plausible.
    """
    spans = [m.span() for m in re.finditer(r"\S+", body[: 40 * MAX_TITLE_TOKENS * 2])]
    spans = spans[: MAX_TITLE_TOKENS + 30]
    tokens = [body[a:b] for a, b in spans]
    line = _Line(tokens)
    best: tuple[float, int] | None = None
    for i in range(1, min(len(tokens), MAX_TITLE_TOKENS + 1)):
        score = _score(line, i)
        if score is not None and (best is None or score > best[0]):
            best = (score, i)
    if best is None:
        return None, body.strip()
    cut = spans[best[1]][0]
    return body[:cut].strip(), body[cut:].strip()


def parse(text: str, file: str) -> Iterator[Record | Problem]:
    """One paper per line: upvotes, title, abstract, author count and date."""
    index = 0
    for item in record_lines(text, file):
        if isinstance(item, Problem):
            yield item
            continue
        no, line = item
        head = HEAD.match(line)
        tail_start = max(0, len(line) - TAIL_WINDOW)
        tail = TAIL.search(line, tail_start)
        if not head or not tail:
            missing = "upvotes" if not head else "'N authors · date'"
            yield Problem(file, no, f"not a daily-papers line (no {missing})")
            continue
        body = line[head.end(): tail.start()]
        if not body.strip():
            yield Problem(file, no, "daily-papers line without title or abstract")
            continue
        title, abstract = split_title(body)
        extra = {"author_count": tail.group(1), "title_split": "heuristic"}
        if head.group(1) != "-":
            extra["upvotes"] = head.group(1)
        if tail.group(3):
            extra["trailing_number"] = tail.group(3)
        index += 1
        yield Record(
            file=file, index=index, lines=(no, no), text=line, format="hf-daily",
            title=title, abstract=abstract or None, date=parse_date(tail.group(2)), extra=extra,
        )


parse = reader("hf-daily", sniff=sniff)(parse)
