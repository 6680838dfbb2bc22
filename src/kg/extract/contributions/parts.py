"""Named parts of an introduced thing: "a format consisting of two encodings - Q3M2 (...) and Q2M3 (...)".

When the authors introduce something and, in the same sentence, count its parts and name them after a
colon or a dash ("comprising three modules: Planner, Critic and Solver"), each coined name is introduced
with it. Only coined names count (capitals or digits inside a word): "two stages: pretraining and
fine-tuning" lists steps everyone takes, not parts the paper makes.
"""

from __future__ import annotations

from typing import Final

from kg.extract.contributions.candidates import from_phrase
from kg.extract.contributions.chunker import object_phrases
from kg.extract.contributions.contribution import DETERMINERS, Contribution
from kg.extract.contributions.kinds import kind_of
from kg.extract.contributions.shapes import distinctive
from kg.extract.contributions.marked import STAGED
from kg.extract.lexicon import lexicon
from kg.extract.tokens import DASH_TOKENS, Token
from kg.keys import model_key

def named_parts(tokens: list[Token], start: int, model_keys: set[str]) -> list[Contribution]:
    """Coined names listed after "<count> <plural noun>:" or "<count> <plural noun> -" from ``start`` on."""
    counts = lexicon().count_words
    for k in range(start, len(tokens) - 2):
        if tokens[k].trail.strip()[:1] in (".", ";"):
            return []
        noun = tokens[k + 1]
        opens = noun.trail.strip() == ":" or (tokens[k + 2].text in DASH_TOKENS) or noun.trail.strip() in DASH_TOKENS
        if tokens[k].lower in counts and noun.lower.endswith("s") and opens:
            first = k + 2 + (tokens[k + 2].text in DASH_TOKENS)
            return [Contribution(name, "technique", 0.7) for name in _names_from(tokens, first)
                    if model_key(name) not in model_keys]
    return []


def _names_from(tokens: list[Token], k: int) -> list[str]:
    """"Q3M2 (4-bit exponent ...) and Q2M3 (...)": the names, parentheses skipped; [] if any item of the
    list is not capitalised or none is coined."""
    names: list[str] = []
    depth = 0
    for t in tokens[k:]:
        if depth or t.lead.startswith("("):
            depth = 0 if ")" in t.trail else 1
        elif t.lower in ("and", "or"):
            pass
        elif t.text[:1].isupper() and t.text[1:2].isalnum():
            names.append(t.text)
        else:
            return []
        if not depth and t.trail.strip()[:1] in (".", ";"):
            break
        if ")" in t.trail and t.trail.strip().rstrip(")")[:1] in (".", ";"):
            break
    return names if len(names) >= 2 and any(distinctive(n) for n in names) else []


def new_listed(tokens: list[Token], model_keys: set[str]) -> list[Contribution]:
    """Items listed after "<count> <new or key> <plural head>:", described or coined: "three new tricks:
    router jitter, which ..., and warm expert dropout, so that ...", "two core techniques: A and B",
    "introducing two benchmarks: A, a question set; and B, a battle platform". The count and the mark (or
    the authors' verb right before the count) announce the list as the paper's own; each item is the phrase
    opening after the colon, ", and" or "; (and)", or each of a plain list."""
    lex = lexicon()
    heads = lex.kinds.every
    listed_heads = heads | lex.component_nouns
    marks = lex.new_words | lex.key_words
    for k in range(len(tokens) - 3):
        verb_before = k > 0 and tokens[k - 1].lower in lex.intro.for_contributions
        if tokens[k].lower not in lex.count_words or (tokens[k + 1].lower not in marks and not verb_before):
            continue  # ("by introducing two benchmarks: A, ...; and B, ...": the authors' verb marks them too)
        j = k + 2 if tokens[k + 1].lower in marks else k + 1
        while j < min(k + 5, len(tokens) - 1) and not tokens[j].trail.strip():
            j += 1  # "two new data filtering techniques:"
        if tokens[j].trail.strip() == "," and tokens[j].lower in heads and tokens[j].lower.endswith("s") \
                and len(names := _comma_listed_names(tokens, j + 1)) >= 2:
            # "we construct three new datasets, A, B, and C, to ...": the coined names listed right after
            return [Contribution(n, kind_of(tokens[j].lower, n), 0.75) for n in names if model_key(n) not in model_keys]
        if tokens[j].trail.strip() != ":" or not plural_of(tokens[j].lower, listed_heads):
            found = _head_then_purpose(tokens, k + 1, listed_heads)
            if found is None:
                continue
            j, colon = found
        else:
            colon = j
        head = tokens[j].lower
        return [Contribution(c.name, kind_of(head, c.name), c.confidence)
                for c in listed_items(tokens, colon + 1, model_keys)]
    return []


def plural_of(word: str, heads: frozenset[str] | set[str]) -> bool:
    """Is ``word`` the plural of a head ("objectives", "losses", "strategies"), or a plural head itself?"""
    return word.endswith("s") and (word in heads or word[:-1] in heads or (word.endswith("es") and word[:-2] in heads)
                                   or (word.endswith("ies") and word[:-3] + "y" in heads))


PURPOSE_WORDS: Final = frozenset(("for", "to", "of", "in", "on"))


def _head_then_purpose(tokens: list[Token], k: int, heads: frozenset[str] | set[str]) -> tuple[int, int] | None:
    """"two different mixup strategies for data augmentation: A and B": the plural head (from ``k``, within
    four words) whose purpose, a phrase of at most four words opened by a preposition, runs to the colon;
    the head's position and the colon's."""
    for h in range(k, min(k + 4, len(tokens) - 2)):
        if tokens[h].trail.strip():
            return None
        if plural_of(tokens[h].lower, heads) and tokens[h + 1].lower in PURPOSE_WORDS:
            for c in range(h + 1, min(h + 6, len(tokens) - 1)):
                if (trail := tokens[c].trail.strip()) == ":":
                    return h, c
                if trail:
                    return None
            return None
    return None


def _comma_listed_names(tokens: list[Token], k: int) -> list[str]:
    """"A, B, and C" from ``k``: coined names, one token each, joined by commas and "and"; [] when any item is
    not one."""
    names: list[str] = []
    while k < len(tokens):
        t = tokens[k]
        if not (t.text[:1].isupper() and distinctive(t.text)) or t.lead:
            return []
        names.append(t.text)
        trail = t.trail.strip()
        if trail == "," and k + 1 < len(tokens) and tokens[k + 1].lower == "and":
            k += 2
        elif trail == "," and k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper() and len(names) < 8:
            k += 1
        elif not trail and k + 1 < len(tokens) and tokens[k + 1].lower == "and":
            k += 2
        else:
            return names
    return names


def listed_items(tokens: list[Token], start: int, model_keys: set[str]) -> list[Contribution]:
    """The items of a list from ``start`` (after "two new tricks:", "These include"), as enumerated
    contributions: the phrase opening each item after ", and" or "; (and)" ("A, which ..., and B, so that
    ...", "A, a ... set; and B, a ... platform"), else each phrase of a plain list ("A and B"); [] for
    fewer than two."""
    starts = [start]
    for i in range(start, len(tokens) - 2):
        trail = tokens[i].trail.strip()
        if trail == ";" and (tokens[i + 1].lower == "and" or tokens[i + 1].text[:1].isupper()):
            starts.append(i + 1 + (tokens[i + 1].lower == "and"))
            continue
        if trail[:1] in (".", ";"):
            break
        if trail == "," and tokens[i + 1].lower == "and":
            starts.append(i + 2)
    phrases = [p for k in starts for p, _ in object_phrases(tokens, k)[:1]] if len(starts) >= 2 \
        else [p for p, _ in object_phrases(tokens, start)]
    if len(phrases) < 2:
        return []
    return [c for phrase in phrases for c in from_phrase(phrase, None, model_keys, enumerated=True)]


def listed_parts(tokens: list[Token], model_keys: set[str], *, introduced_before: int | None,
                 subject_is_new: bool) -> list[Contribution]:
    """The parts listed of what the authors introduce: "X comprises two innovative components including
    Learnable Weight Clipping (LWC) and ...", "we propose a tight fusion solution, which includes a feature
    enhancer, a language-guided query selection, and a cross-modality decoder". The list is read after a
    component verb said of the new thing (its name opening the sentence, or "which" after an introducing
    verb); each item is a described part (two words or more) or a name, and at least two are listed."""
    lex = lexicon()
    for k, t in enumerate(tokens[:-2]):
        if t.lower not in lex.component_verbs:
            continue
        said_of_new = (subject_is_new and (k <= 4 or k <= _after_aside(tokens) + 1)) or (
            introduced_before is not None and introduced_before < k and tokens[k - 1].lower in lex.component_nouns) or (
            introduced_before is not None and introduced_before < k and tokens[k - 1].lower in ("which", "that")) or (
            tokens[k - 1].lower in ("which", "that") and any(STAGED.fullmatch(x.lower) for x in tokens[max(0, k - 6):k]))
        # ("we employ a three-stage training strategy that includes A, B and C": the stages of a designed recipe)
        if not said_of_new:
            return []
        holds = any(x.lower in lex.kinds.data for x in tokens[max(0, k - 8):k])
        # "we construct a dataset named X, which includes 200K instructions and their responses": the records a
        # dataset holds are no parts the paper makes; the sets a mixture holds are ("a dataset mixture that includes
        # in-the-wild Q&A and 2D pointing data")
        start = k + 1 + (tokens[k + 1].lower == "of")
        start = after_counted_parts(tokens, start)
        items = [(p, h) for p, h in object_phrases(tokens, start)
                 if (len([x for x in p if x.lower not in DETERMINERS]) >= 2 or h == "(acronym)")
                 and not any(x.lower in ("a", "an", "the") for x in p[1:])  # not "covers a wide range": a clause
                 and not any(a.lower.endswith("ly") and b.lower.endswith("ing") for a, b in zip(p, p[1:]))
                 # (nor "..., greatly contributing to ...": a participle's clause after the list)
                 and not (holds and p[-1].lower in lex.count_units)]
        if len(items) < 2:
            return []
        return [c for phrase, head in items for c in from_phrase(phrase, head, model_keys, enumerated=True)]
    return []


def _after_aside(tokens: list[Token]) -> int:
    """"X, based on the light-weight Y architecture, incorporates ...": the index of the aside's last word after
    the subject (0 when the subject is followed by no comma)."""
    if not tokens or tokens[0].trail.strip() != ",":
        return 0
    return next((j for j in range(1, min(12, len(tokens))) if tokens[j].trail.strip() == ","), 0)


def after_counted_parts(tokens: list[Token], k: int) -> int:
    """Past "two innovative components including" / "three modules:" / "innovations like" / "key technical
    contributions including": where the list itself begins."""
    lex = lexicon()
    for j in range(k, min(k + 4, len(tokens) - 1)):  # "innovations like", "key technical contributions including"
        if tokens[j].lower in lex.component_nouns and (tokens[j + 1].lower in lex.component_list_openers or (
                tokens[j + 1].lower == "such" and j + 2 < len(tokens) and tokens[j + 2].lower == "as")):
            return j + 2 + (tokens[j + 1].lower == "such")
        if not tokens[j].text.isalpha() or not tokens[j].text.islower() or tokens[j].trail.strip():
            break
    if k >= len(tokens) or tokens[k].lower not in lex.count_words:
        return k
    for j in range(k + 1, min(k + 4, len(tokens))):
        if tokens[j].lower in lex.component_nouns:
            after = j + 1
            if after < len(tokens) and tokens[after].lower in ("including", "namely", "i.e."):
                after += 1
            return after
    return k
