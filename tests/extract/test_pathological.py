"""Hostile sentences finish in bounded time: no pattern may backtrack catastrophically.

The budget is generous (a slow CI machine) but far below what exponential
backtracking would need; a regression here shows up as seconds or minutes.
It is counted in the process's CPU seconds, not the wall clock, so that other
work on a shared machine does not eat into it.
"""

import time

import pytest

BUDGET_S = 5.0

CASES = {
    "nested parentheses": "We introduce " + "(" * 10_000 + "Kestrel-7B" + ")" * 10_000 + ".",
    "100 kB abstract": ("We introduce Kestrel-7B, a model distilled from Kestrel-70B. " * 1700)[:100_000],
    "no full stop": "we fine-tune " + "Llama-3-8B and " * 3000 + "Qwen2-7B",
    "near-miss derivation": "We prune " + "the " * 20_000 + "model to nothing",
    "near-miss sizes": "Model-" + "7B/" * 20_000 + "x",
    "near-miss acronym": "(" + "A" * 9 + ") " * 5000,
    "long hyphenated word": "-".join(["Nemotron"] * 20_000),
    "comma list": "We release " + ", ".join(f"Orca-{i}B" for i in range(3000)) + ".",
    "enumeration": "We propose " + " ".join(f"({i % 9 + 1}) method" for i in range(5000)) + ".",
    "appositive run": "We present X, a " + "very " * 20_000 + "model.",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bounded_time(extract_abstract, name):
    start = time.process_time()
    doc = extract_abstract(CASES[name])
    elapsed = time.process_time() - start
    assert elapsed < BUDGET_S, f"{name}: {elapsed:.1f} s"
    for fact in doc.facts:
        assert fact.quote in doc.record.text
