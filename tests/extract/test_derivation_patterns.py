"""The prefilter data beside each derivation pattern (patterns/derivations.json: "names", "words")
agrees with the pattern's expression: read off the expression's parse tree here, in the test, so
that the extractor itself relies on no private part of the re module. A pattern edited without its
data fails this test; the message gives the values to write."""

import json
from importlib import resources

import pytest

from kg.extract.components.derivations import patterns

SPEC = json.loads(resources.files("kg.extract").joinpath("patterns/derivations.json").read_text("utf-8"))


def names_needed(regex: str) -> int:
    """How many model placeholders ("<M3>") any match of the expression holds at least."""
    from re import _constants as c, _parser

    def least(items) -> int:
        n, after_lt = 0, False
        for op, av in items:
            if op is c.LITERAL:
                n += after_lt and av in (ord("M"), ord("m"))  # "<M": a placeholder (case aside)
                after_lt = av == ord("<")
                continue
            after_lt = False
            if op is c.SUBPATTERN:
                n += least(av[-1])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                n += av[0] * least(av[2])
            elif op is c.BRANCH:
                n += min(least(b) for b in av[1])
            elif op is c.ATOMIC_GROUP:
                n += least(av)
        return n

    return least(_parser.parse(regex))


def words_needed(regex: str) -> tuple[str, ...]:
    """Per pattern (in order), words (lower case) of which any match holds at least one, read off
    the pattern: "merg\\w* ..." needs "merg". A sentence holding none of them is not tried. () when
    the pattern needs no word."""
    from re import _constants as c, _parser

    def needs(items) -> list[tuple[str, ...]]:
        out: list[tuple[str, ...]] = []
        run: list[str] = []

        def flush() -> None:
            word = "".join(run).strip()
            if sum(ch.isalpha() for ch in word) >= 3 and "<" not in word:
                out.append((word,))
            run.clear()

        for op, av in items:
            if op is c.LITERAL and (chr(av).isalpha() or chr(av) in " -"):
                run.append(chr(av).lower())
                continue
            flush()
            if op is c.SUBPATTERN:
                out += needs(av[-1])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
                out += needs(av[2])
            elif op is c.BRANCH:
                firsts = [needs(b) for b in av[1]]
                if all(firsts):  # every alternative needs a word: one of those words is needed
                    out.append(tuple(w for f in firsts for w in max(f, key=lambda ws: min(map(len, ws)))))
        flush()
        return out

    def best(reqs: list[tuple[str, ...]]) -> tuple[str, ...]:
        return max(reqs, key=lambda ws: min(map(len, ws)), default=())

    return best(needs(_parser.parse(regex)))


@pytest.mark.parametrize("spec", SPEC["patterns"], ids=[p["name"] for p in SPEC["patterns"]])
def test_a_patterns_prefilter_matches_its_expression(spec):
    expected = {"names": names_needed(spec["re"]), "words": list(words_needed(spec["re"]))}
    assert {"names": spec["names"], "words": spec["words"]} == expected


def test_the_prefilter_lets_every_match_through():
    """A sentence each pattern matches is never passed over by its prefilter."""
    for pat in patterns():
        for sample in SAMPLES.get(pat.name, ()):
            m = pat.regex.search(sample)
            assert m, (pat.name, sample)
            assert sample.count("<M") >= pat.names and (not pat.words or any(w in sample.lower() for w in pat.words))


SAMPLES = {
    "X <verb>ed from Y": ["<M0> is distilled from <M1> on web data."],
    "distil Y into X": ["We distill <M0> into <M1>."],
    "merge Y and Z into X / to obtain X": ["We merge <M0> and <M1> into <M2>."],
}
