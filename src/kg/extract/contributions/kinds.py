"""The kind of a contribution, written once: technique, dataset or benchmark.

The head noun decides ("KelpBench, an instruction-tuning *dataset*" is a
dataset whatever its name suggests); "evaluation set" / "test suite" are
benchmarks; a name ending in "-Bench" is a benchmark; anything else a
technique. The head lists are the lexicon's (patterns/contributions.json).
"""

from __future__ import annotations

import re
from typing import Final

from kg.extract.contributions.contribution import MODEL_WORDS, QUANTITY
from kg.extract.contributions.shapes import name_closes
from kg.extract.lexicon import lexicon
from kg.extract.sizes import MAGNITUDE_WORDS
from kg.extract.modelnames import model_words, subject_model_made
from kg.extract.tokens import DASH_TOKENS, Token, closing_parenthesis

EVAL_HEADS: Final = frozenset({"evaluation suite", "eval suite", "test suite", "evaluation set", "test set"})
EVALUATION_WORDS: Final = frozenset("evaluation eval test testing benchmark benchmarking".split())


def head_at(tokens: list[Token], k: int) -> str:
    """The head word at k, with "evaluation"/"test" before it kept ("a new evaluation suite, X")."""
    if k > 0 and tokens[k - 1].lower in ("evaluation", "eval", "test") and not tokens[k - 1].trail:
        return f"{tokens[k - 1].lower} {tokens[k].lower}"
    return tokens[k].lower


def kind_of(head: str | None, name: str) -> str:
    w = lexicon()
    h = (head or "").lower()
    if " " in h and h not in EVAL_HEADS:  # "evaluation datasets", "test tasks": what is evaluated on
        h = "benchmark" if h.split()[0] in EVALUATION_WORDS else h.split()[-1]
    last = name.lower().split()[-1] if name.split() else ""
    if h in w.kinds.dataset and h not in ("set", "sets"):
        return "dataset"  # "GearBench, an instruction-tuning dataset": what the text calls it, not its name
    if h in w.kinds.benchmark or h in EVAL_HEADS or last.endswith("bench") or last == "benchmark" or \
            re.search(r"\b(?:test|evaluation|eval) (?:set|suite)s?$", name.lower()):
        return "benchmark"
    if h in w.kinds.dataset or last in w.kinds.dataset:
        return "dataset"
    return "technique"


def appositive_head(tokens: list[Token], j: int, heads: frozenset[str]) -> str | None:
    """The head noun of an appositive opening at j: "X, a large-scale *dataset* of ...", "X, which is a
    new *benchmark*". A relative clause that does something ("X, which performs distillation") gives none."""
    if j + 2 < len(tokens) and tokens[j].lower == "which" and tokens[j + 1].lower in ("is", "was") \
            and tokens[j + 2].lower in ("a", "an", "the"):
        j += 2
    if j + 1 < len(tokens) and tokens[j].lower in lexicon().extend_words and tokens[j + 1].lower in ("a", "an", "the"):
        j += 1  # "X, broadening the Y suite with ...": X is a benchmark too
    if j >= len(tokens) or tokens[j].lower not in ("a", "an", "the", "namely"):
        return None
    found = None
    in_parens = False
    for k in range(j + 1, min(j + 10, len(tokens))):
        if tokens[k].lead.startswith("(") or in_parens:
            in_parens = ")" not in tokens[k].trail  # "(code, weights, and data)": an aside, no head
            continue
        if tokens[k].lower in MODEL_WORDS and not (found is None and _modifies_method(tokens, k)):
            return found  # "X, the largest LLM ...": a model, not a technique (but "an LLM framework" is a framework)
        if found is None and tokens[k].lower in lexicon().np_stop and tokens[k].lower != "of":
            return None  # "X, an open-source assistant for data science": what it is for is no head
        if found is None and tokens[k].lower == "of" and tokens[k - 1].lower in lexicon().variant_of_words:
            return None  # "X, an instantiation of this recipe": the recipe's, not X's kind
        last = tokens[k].lower.split("-")[-1]
        head = tokens[k].lower if tokens[k].lower in heads else last if last in heads else None
        if head:
            found = head  # "a math instruction tuning dataset": the last head of the run is the head
            if head in ("set", "sets", "suite") and tokens[k - 1].lower in EVALUATION_WORDS:
                found = "benchmark"  # "a new evaluation set": a benchmark, not training data
        elif found:
            return found
        if found and tokens[k].trail.strip():
            return found
    return found


def _modifies_method(tokens: list[Token], k: int) -> bool:
    """Is the model word at k a modifier of a method word after it ("an LLM framework", "LLM pipeline", "a
    model alignment approach", "a language model compression method")? Not "a model architecture": that is a
    model; nor "a model trained with ...": the words between are plain nouns, one or two."""
    if tokens[k].trail.strip():
        return False
    lex = lexicon()
    for m in range(k + 1, min(k + 4, len(tokens))):
        t = tokens[m]
        if t.lower in lex.kinds.technique and t.lower != "architecture":
            return m > k + 1 or tokens[k].lower not in ("model", "models")
        if t.trail.strip() or not t.text.replace("-", "").isalpha() or not t.text.islower() \
                or t.lower in lex.np_stop or t.lower in MODEL_WORDS or t.lower.endswith("ed"):
            return False
    return False


def model_appositive(tokens: list[Token], j: int) -> bool:
    """Does an appositive opening at j call what precedes a model ("X - a latent video diffusion model for ...",
    "X, the largest LLM")? A model word comes before any kind head or clause (not "an LLM framework")."""
    if j >= len(tokens) or tokens[j].lower not in ("a", "an", "the"):
        return False
    lex = lexicon()
    for k in range(j + 1, min(j + 8, len(tokens))):
        if tokens[k].lower in MODEL_WORDS:
            return not _modifies_method(tokens, k)
        if tokens[k].lower in lex.kinds.every or tokens[k].lower in lex.np_stop or tokens[k].trail.strip():
            return False
    return False


def topic_appositive(tokens: list[Token], j: int) -> bool:
    """Does an appositive opening at j call what precedes a topic: "X, a new task", "X, an emerging
    problem in ..."? Its head is a topic word before any kind head, model word or clause."""
    if j >= len(tokens) or tokens[j].lower not in ("a", "an", "the"):
        return False
    lex = lexicon()
    for i, t in enumerate(tokens[j + 1:j + 7], start=j + 1):
        if t.lower in lex.topic_heads:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is not None and not t.trail.strip() and nxt.text.isalpha() and nxt.text.islower() \
                    and nxt.lower not in lex.np_stop:
                continue  # "the first general task instruction dataset": "task" modifies the head
            return True
        if t.lower in lex.kinds.every or t.lower in MODEL_WORDS or t.lower in lex.np_stop or t.trail.strip():
            return False
    return False


def head_before(tokens: list[Token], k: int, heads: frozenset[str]) -> str | None:
    """The kind head a few words before k; past a "for" phrase, the head it describes ("a dataset for
    instruction tuning named X" is a dataset, not a tuning). After a comma the cue names the whole phrase
    before it, so the head may stand further back ("a corpus of clinical notes, termed X")."""
    reach = 6 if k > 0 and tokens[k - 1].trail.strip() == "," else 3
    for j in range(k - 1, max(-1, k - 1 - reach), -1):
        if j < k - 1 and tokens[j].trail.strip()[:1] in (".", ";", ":", ","):
            break
        if tokens[j].lower in heads:
            for f in range(j - 1, max(-1, j - 4), -1):
                if tokens[f].lower == "for" and f > 0 and tokens[f - 1].lower in heads and not tokens[f - 1].trail.strip():
                    return tokens[f - 1].lower
            return tokens[j].lower
    return None


CLAUSE_OPENERS: Final = frozenset("that which who to for with including comprising containing".split())
""""X, a framework including a tuned LLM, ...": what follows the head is its parts, not what X is."""


def after_aside(tokens: list[Token], k: int) -> int | None:
    """Where an appositive opens after a short aside in parentheses ("X (Vision Model -> Vector), a ..."), or None."""
    if k + 1 >= len(tokens) or tokens[k].trail.strip() or not tokens[k + 1].lead.startswith("("):
        return None
    j = closing_parenthesis(tokens, k + 1, min(k + 10, len(tokens) - 1))
    return j + 1 if j is not None and tokens[j].trail.strip() == ")," else None


def _head_of_phrase_before(tokens: list[Token], k: int) -> str | None:
    """"a (...) dataset of instructional conversations" ending at k: the head before its "of" phrase, when
    "a"/"an" opens the description; else None."""
    heads = lexicon().kinds.every
    for j in range(k - 1, max(0, k - 5), -1):
        if tokens[j].trail.strip():
            return None
        if tokens[j].lower == "of" and tokens[j - 1].lower in heads and not tokens[j - 1].trail.strip():
            if any(x.lower in ("a", "an") for x in tokens[max(0, j - 12):j - 1]):
                return tokens[j - 1].lower
            return None
    return None


GLUED_HOURS: Final = re.compile(r"\d[\d.,]*[Kk]?(?:hrs?|hours?)")
""""200hrs", "10khours": a count of hours written as one word."""


def sized_data(tokens: list[Token], start: int) -> bool:
    """Is the name at ``start`` defined by a count of items ("KelpLogs: 9 gigabytes of server logs", "LoamWeb, which
    contains 2T tokens of web text", "KLD-5B that consists of 5.4 billion comprehensive visual annotations")?
    A size of items is data, not a model ("X: 7B parameters" is one)."""
    lex = lexicon()
    name = tokens[start]
    relative = not name.trail.strip() and start + 1 < len(tokens) and tokens[start + 1].lower in ("that", "which")
    if name.trail.strip() not in (":", ",") and not relative:
        return False
    at = start + 1
    listed = name.trail.strip() == "," or relative
    while at < min(start + 4, len(tokens)) and listed and tokens[at].lower in lex.size_cues | {"that"}:
        at += 1  # "X, which contains", "X, consisting of", "X that consists of"
    if listed and at == start + 1:  # no cue word: only a count right after the comma ("X, 40K annotated clips")
        if name.trail.strip() != "," or at >= len(tokens):
            return False
        if GLUED_HOURS.fullmatch(tokens[at].text):
            return True  # "KelpSpeech, 200hrs of English speech, ...": a count of hours written as one word
    if at + 1 >= len(tokens) or not QUANTITY.fullmatch(tokens[at].text):
        return False
    units = [t.lower for t in tokens[at + 1:at + 5] if t.lower != "parameters"]  # "X: 7B parameters": a model
    # ("5.4 billion comprehensive visual annotations": the unit after a magnitude and two words at most)
    first = next((i for i, u in enumerate(units) if u in lex.count_units), None)
    return first is not None and all(u in MAGNITUDE_WORDS or (u.replace("-", "").isalpha() and u not in lex.np_stop)
                                     for u in units[:first])  # "40K annotated clips", "5.4 billion visual annotations"


def stated_kinds(tokens: list[Token]) -> dict[str, str]:
    """Names the sentence itself calls a technique, dataset or benchmark, with the head that says so:
    "Brindle, an efficient fine-tuning approach" -> {"Brindle": "approach"}, "a novel framework, named
    TallowChat" -> {"TallowChat": "framework"}. An appositive that goes on to a model ("X, a pipeline-parallel
    LLM") states nothing."""
    lex = lexicon()
    heads = lex.kinds.every
    out: dict[str, str] = {}
    cues = lex.name_cues
    for k, t in enumerate(tokens[:-2]):
        if not t.trail and not t.text[:1].isupper() and t.lower not in cues:
            continue  # most words: every rule below reads a capitalised word, a comma or colon after it, or a cue
        app = after_aside(tokens, k) if t.text[:1].isupper() else None  # "X (Long Form), a framework"
        if app is None and t.text[:1].isupper() and not t.trail.strip() and tokens[k + 1].text in DASH_TOKENS:
            app = k + 2  # "X \u2013 a self-supervised learning framework for ...": a dash opens the appositive
        if (t.trail.strip() == "," or app is not None) and t.text[:1].isupper():
            app = k + 1 if app is None else app
            head = appositive_head(tokens, app, heads)
            end = next((j for j in range(app, min(app + 15, len(tokens)))
                        if tokens[j].trail.strip()[:1] in (".", ";") or tokens[j].lower in CLAUSE_OPENERS), k + 15)
            if head and not any(x.lower in MODEL_WORDS and not _modifies_method(tokens, j)
                                for j, x in enumerate(tokens[app:end + 1], start=app)):
                out[t.text] = head
        elif t.text[:1].isupper() and (t.trail.strip() or tokens[k + 1].lower in ("that", "which")) \
                and sized_data(tokens, k):
            out[t.text] = "dataset"  # "we co-developed KLD-5B that consists of 5.4 billion visual annotations"
        elif t.lower in heads and t.trail.strip() == ":" and tokens[k + 1].text[:1].isupper() \
                and tokens[k + 1].text.lower() not in ("a", "an", "the") and name_closes(tokens, k + 1):
            out[tokens[k + 1].text] = t.lower  # "an even larger dataset: Kelp-1M, with 1M pairs"
        elif t.lower in heads and t.trail.strip() == "," and tokens[k + 1].text[:1].isupper() \
                and any(x.lower in ("a", "an", "new", "novel") for x in tokens[max(0, k - 5):k]) \
                and name_closes(tokens, k + 1):
            out[tokens[k + 1].text] = t.lower  # "a new math corpus, Kelp-MathX"
        elif t.trail.strip() == "," and tokens[k + 1].text[:1].isupper() and name_closes(tokens, k + 1) \
                and (head := _head_of_phrase_before(tokens, k)) is not None:
            out[tokens[k + 1].text] = head  # "a large-scale dataset of instructional conversations, KelpChat, ..."
        elif t.lower in lex.name_cues and k > 0 and tokens[k - 1].trail.strip() in ("", ","):
            if tokens[k - 1].lower in heads and tokens[k + 1].text[:1].isupper() \
                    and not subject_model_made(tokens, k - 1, model_words().model_heads):
                out[tokens[k + 1].text] = tokens[k - 1].lower  # not "Our X model trained ... methods, dubbed Y"
    return out
