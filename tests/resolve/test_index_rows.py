"""The resolution index a full build writes in steps (the sketches as soon as papers are clustered,
from slim records whose abstracts wait on disk; then the papers' rows, the records read whole from
the spool) holds the rows the index made at once from the records whole holds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np

from kg.records import spool
from kg.records.io import read_paths
from kg.resolve import index
from kg.resolve.papers import cluster_papers
from kg.resolve.people import resolve_people

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def _tables(path: Path) -> dict:
    db = sqlite3.connect(path)
    out = {t: sorted(db.execute(f"SELECT * FROM {t}"), key=repr) for t in ("rec", "first", "paper", "agent", "meta")}
    out["sketch"] = [a.tolist() for a in index.Index.arrays(db)]
    db.close()
    return out


def test_an_index_written_in_steps_from_slim_records_equals_one_written_at_once(tmp_path):
    records = read_paths([str(CORPUS)]).records
    keep: dict = {}
    papers = cluster_papers(records, keep)
    people = resolve_people(papers)
    rows = index.paper_rows(papers, people, keep)
    index.write(tmp_path / "once.sqlite", rows, people, None, min_confidence=0.0, cards=False)

    (tmp_path / "spool").mkdir()
    s = spool.Spool(tmp_path / "spool", chunk=5)
    chunks = s.add(records)
    slim = s.slim(records)
    keep = {}
    papers = cluster_papers(slim, keep, abstracts=s.abstracts)
    steps = tmp_path / "steps.sqlite"
    index.begin_sketches(steps, keep)
    assert not {"owner", "value", "first"} & set(keep)  # let go once written
    people = resolve_people(papers)
    index.begin(steps, papers, people, keep, whole=spool.Records(s, chunks))
    index.write(steps, None, people, None, min_confidence=0.0, cards=False)
    s.close()

    once, stepped = _tables(tmp_path / "once.sqlite"), _tables(steps)
    assert once == stepped
    assert once["rec"] and once["first"] and len(once["sketch"][0]) > 0
    assert sum(1 for row in once["rec"] if row[8]) == int(np.count_nonzero([row[7] for row in once["rec"] if row[7]]))
