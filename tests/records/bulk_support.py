"""Synthetic arXiv-snapshot lines for the streaming tests: invented names, the snapshot's shape."""

from __future__ import annotations

import json

FIRST = ["Bal\\'azs", "Katrin", "Ingrid", "Tomasz", "Chidinma", "Jos\\'e", "Maja", "Fran\\c{c}ois", "Wen", "Elias"]
LAST = ["Szab\\'o", "M\\\"uller", "Dahl", "{\\L}ukasiewicz", "Okafor", "Pe\\~na", "Lindqvist", "Nowak", "Lee", "Whitford"]
CATEGORIES = ["cs.CL cs.LG", "cs.CV", "stat.ML cs.LG", "math.CO", "cs.AI", "hep-th"]


def snapshot_line(i: int) -> str:
    """The ``i``-th invented paper as one snapshot line (ids 2401.00000 + i, a few authors each)."""
    authors = [[LAST[(i + k) % 10], FIRST[(i * 3 + k) % 10], ""] for k in range(1 + i % 4)]
    return json.dumps({
        "id": f"{2401 + (i // 90000) % 12:04d}.{i % 90000 + 10000:05d}",
        "submitter": "Invented Submitter",
        "authors": ", ".join(f"{a[1]} {a[0]}" for a in authors),
        "title": f"Sparse Adapters for Task {i}:\n  A Study of Invented Model Quill-{i % 97}B",
        "comments": f"{5 + i % 20} pages", "journal-ref": None, "doi": None, "report-no": None,
        "categories": CATEGORIES[i % len(CATEGORIES)], "license": None,
        "abstract": (f"  We introduce Quill-{i % 97}B, a language model fine-tuned from Heron-{i % 13}B\n"
                     f"on invented corpus number {i}. It improves accuracy on invented benchmarks\n"
                     "while using half of the compute of comparable models.\n"),
        "versions": [{"version": "v1", "created": f"Mon, {1 + i % 28} Jan 2024 10:00:00 GMT"},
                     {"version": "v2", "created": "Fri, 1 Mar 2024 10:00:00 GMT"}],
        "update_date": "2024-03-02",
        "authors_parsed": authors,
    }, separators=(",", ":"), ensure_ascii=False)
