"""The abstracts a build keeps on disk beside the record spool (kg.records.abstracts) read back as
the records held them, and papers clustered from slim records reading them there are the papers
clustered from the records whole."""

from __future__ import annotations

import os
import random
from dataclasses import replace
from pathlib import Path

from kg.records import spool
from kg.records.abstracts import Abstracts
from kg.records.io import read_paths
from kg.records.record import Record
from kg.resolve import papers as rpapers

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def _record(file: str, index: int, abstract: str | None) -> Record:
    return Record(file=file, index=index, lines=(index, index), text=f"text {index}", format="abstracts",
                  abstract=abstract)


def test_abstracts_on_disk_equal_those_held(tmp_path):
    rng = random.Random(7)
    words = ["model", "é", "数据", "\U0001F600", "token", "\\emph{x}", "a"]
    records = [_record(f"f{k % 3}.txt", k // 3 + 1,
                       None if k % 7 == 0 else "" if k % 11 == 0 else " ".join(rng.choices(words, k=rng.randint(1, 400))))
               for k in range(600)]
    rng.shuffle(records)  # in any order, files interleaved, indexes with gaps
    store = Abstracts(tmp_path / "a.bin")
    kept = [store.add(r) for r in records]
    assert kept == [bool(r.abstract) for r in records]
    slim = [replace(r, abstract=None) if k else r for r, k in zip(records, kept)]
    assert [store(s) for s in slim] == [r.abstract for r in records]
    assert store(_record("f9.txt", 1, None)) is None and store(_record("f0.txt", 10_000, None)) is None
    assert bool(store)  # (truth is not a count: asked once a paper, it must cost nothing)
    assert os.path.getsize(tmp_path / "a.bin") == sum(len(r.abstract.encode()) for r in records if r.abstract)
    store.add(_record("f0.txt", 500, "added after reading"))  # written after reads: found too
    assert store(_record("f0.txt", 500, None)) == "added after reading"
    store.close()


def test_a_spool_keeps_slim_records_without_their_abstracts(tmp_path):
    records = read_paths([str(CORPUS)]).records
    s = spool.Spool(tmp_path)
    slim = s.slim(records)
    assert all(x.abstract is None for x, r in zip(slim, records) if r.abstract)
    assert [s.abstracts(x) for x in slim] == [r.abstract for r in records]
    assert [x.text for x in slim] == [spool.slim(r).text for r in records]
    s.close()


def test_papers_from_slim_records_reading_their_abstracts_are_the_papers_of_the_whole_records(tmp_path):
    records = read_paths([str(CORPUS)]).records
    s = spool.Spool(tmp_path)
    slim = s.slim(records)
    whole_keep, slim_keep = {}, {}
    whole = rpapers.cluster_papers([spool.slim(r) for r in records], whole_keep)
    lazy = rpapers.cluster_papers(slim, slim_keep, abstracts=s.abstracts)
    assert [p.key for p in lazy] == [p.key for p in whole]
    assert [p.abstract_text() for p in lazy] == [p.abstract for p in whole]
    assert all(p.abstract is None for p in lazy)
    assert [(p.title, p.title_guessed, p.authors, p.date) for p in lazy] == \
        [(p.title, p.title_guessed, p.authors, p.date) for p in whole]
    assert [[(r.file, r.index) for r in p.records] for p in lazy] == [[(r.file, r.index) for r in p.records] for p in whole]
    assert bytes(slim_keep["value"]) == bytes(whole_keep["value"]) and slim_keep["sizes"] == whole_keep["sizes"]
    s.close()
