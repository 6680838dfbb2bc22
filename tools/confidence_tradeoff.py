#!/usr/bin/env python3
"""Build the example corpus at several --min-confidence values and score each against the gold.

    python tools/confidence_tradeoff.py [--corpus examples/corpus] [--gold ../shared/eval/seeds-gold]

Prints one Markdown table: precision / recall / F1 per relation at each threshold,
which is how the README shows what `kg build --min-confidence` trades.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELATIONS = ["introduces model", "derivedFrom", "derivation kind", "introduces technique/dataset/benchmark"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT / "examples" / "corpus")
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "eval" / "seeds-gold")
    ap.add_argument("--thresholds", type=float, nargs="+", default=[0.0, 0.6, 0.7, 0.8, 0.9])
    a = ap.parse_args()
    kg = [sys.executable, "-m", "kg"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for t in a.thresholds:
            store, ttl = Path(tmp) / f"s{t}", Path(tmp) / f"g{t}.ttl"
            subprocess.run(kg + ["build", str(a.corpus), "--store", str(store), "--rebuild", "-q",
                                 "--min-confidence", str(t)], check=True)
            subprocess.run(kg + ["export", "--store", str(store), "--format", "ttl", "-o", str(ttl)],
                           check=True, capture_output=True)
            out = subprocess.run([sys.executable, str(a.gold.parent / "score.py"), "--graph", str(ttl),
                                  "--gold", str(a.gold), "--json"], check=True, capture_output=True, text=True)
            rows.append((t, json.loads(out.stdout)))
    print("| min-confidence | " + " | ".join(f"{r} P / R / F1" for r in RELATIONS) + " |")
    print("| --- |" + " --- |" * len(RELATIONS))
    for t, rep in rows:
        cells = [f"{rep[r]['precision']:.2f} / {rep[r]['recall']:.2f} / {rep[r]['f1']:.2f}" for r in RELATIONS]
        print(f"| {t:.1f} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
