"""TODO"""

from __future__ import annotations

import re

from kg.extract.contributions.contribution import MODEL_WORDS
from kg.extract.lexicon import lexicon
from kg.extract.tokens import Token

EVAL_HEADS = frozenset({"evaluation suite", "eval suite", "test suite", "evaluation set", "test set"})
EVALUATION_WORDS = frozenset("evaluation eval test testing benchmark benchmarking".split())


def head_at(tokens: list[Token], k: int) -> str:
    """The head word at k, with "evaluation"/"test" before it kept ("a new evaluation suite, X")."""
    if k > 0 and tokens[k - 1].lower in ("evaluation", "eval", "test") and not tokens[k - 1].trail:
        return f"{tokens[k - 1].lower} {tokens[k].lower}"
    return tokens[k].lower


def kind_of(head: str | None, name: str) -> str:
    w = lexicon()
    h = (head or "").lower()
    last = name.lower().split()[-1] if name.split() else ""
    if h in w.kinds.dataset and h not in ("set", "sets", "suite"):
        return "dataset"  # "ToolBench, an instruction-tuning dataset": what the text calls it, not its name
    if h in w.kinds.benchmark or h in EVAL_HEADS or last.endswith("bench") or last == "benchmark" or \
            re.search(r"\b(?:test|evaluation|eval) (?:set|suite)s?$", name.lower()):
        return "benchmark"
    if h in w.kinds.dataset or last in w.kinds.dataset:
        return "dataset"
    return "technique"


def appositive_head(tokens: list[Token], j: int, heads: frozenset[str]) -> str | None:
    if j >= len(tokens) or tokens[j].lower not in ("a", "an", "the", "which", "namely"):
        return None
    found = None
    for k in range(j + 1, min(j + 10, len(tokens))):
        if tokens[k].lower in MODEL_WORDS:
            return found  # "X, the largest LLM ...": a model, not a technique
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


def head_before(tokens: list[Token], k: int, heads: frozenset[str]) -> str | None:
    for j in range(k - 1, max(-1, k - 4), -1):
        if tokens[j].lower in heads:
            return tokens[j].lower
    return None
