"""Records spooled to disk in small chunks give the graph the in-memory pipeline gives.

`kg build` keeps each file's records in chunks on disk (kg.records.spool), resolves papers and
people on slim copies, has the workers load the chunks they extract and writes and reads the saved
docs a blob at a time. Here the chunks are made tiny, so that every source is cut into many and
every path that crosses a chunk's edge is taken.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import kg
from kg.extract import saved
from kg.graph import distinct as distinct_module
from kg.records import spool
from kg.records.io import read_paths

from test_streaming_build import CORPUS, built_as_in_memory, synthetic


def test_a_spool_hands_back_its_records_in_chunks_and_in_any_order(tmp_path, monkeypatch):
    records = read_paths([str(CORPUS)]).records
    s = spool.Spool(tmp_path, chunk=3)
    first, second = s.add(records[:10]), s.add(records[10:14])
    assert [s.sizes[k] for k in first] == [3, 3, 3, 1] and [s.sizes[k] for k in second] == [3, 1]
    view = spool.Records(s, second + first)  # a view orders the chunks as it is told
    assert list(view) == records[10:14] + records[:10]
    assert view[5] == records[1] and view[-1] == records[9] and view[2:6] == records[12:14] + records[:2]
    assert list(view.sub(4, 14)) == records[:10]
    with pytest.raises(ValueError):
        view.sub(1, 4)  # not on a chunk's edge
    with pytest.raises(IndexError):
        view[14]
    slim = spool.slim(records[0])
    assert slim.text == "" and slim.abstract == records[0].abstract and slim.authors == records[0].authors
    assert (slim.file, slim.index, slim.title, slim.date) == (records[0].file, records[0].index, records[0].title, records[0].date)


def test_the_example_corpus_in_tiny_chunks_is_the_graph_built_in_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(spool, "CHUNK", 3)  # every source is many chunks
    monkeypatch.setattr(distinct_module, "RUN_CHARS", 20_000)
    seen: list[int] = []
    load = spool.Spool.load
    monkeypatch.setattr(spool.Spool, "load", lambda self, k: seen.append(k) or load(self, k))
    report = kg.build([CORPUS], store=tmp_path / "s")
    built_as_in_memory(tmp_path / "s", report, [CORPUS])
    assert max(seen) > 10  # the records came back from many chunks
    assert not list(tmp_path.glob("s/.gen-tmp-*")), "the spool left behind"


def test_a_new_file_beside_kept_sources_in_tiny_chunks_is_the_graph_built_in_memory(tmp_path, monkeypatch):
    """The docs kept for the first sources are read back blob by blob over chunk edges (checked
    first, then noted), the new file extracted: the graph is that of one build of everything."""
    monkeypatch.setattr(spool, "CHUNK", 2)
    texts = sorted(CORPUS.glob("*.txt"))
    kg.build(texts[:-1], store=tmp_path / "s")
    report = kg.build(texts[-1:], store=tmp_path / "s")
    built_as_in_memory(tmp_path / "s", report, texts)


def test_saved_docs_of_other_records_are_refused_as_they_are_read(tmp_path):
    records = read_paths([str(CORPUS)]).records[:5]
    from kg.build import extract_all
    from kg.extract.pipeline import DEFAULT_PIPELINE

    docs = list(extract_all(records, tuple(DEFAULT_PIPELINE)))
    path = tmp_path / "docs"
    path.write_bytes(saved.header(0, 5) + saved.dumps(docs[:2], 0) + saved.dumps(docs[2:], 2))
    assert [d.record for d in saved.read(path, records)] == records
    assert saved.check(path, records)
    assert not saved.check(path, records[:4])  # saved for five records, not four
    path.write_bytes(path.read_bytes()[:-40])  # cut short
    assert not saved.check(path, records)
    path.write_bytes(pickle.dumps("something else"))
    assert not saved.check(path, records)


@pytest.mark.slow
def test_a_synthetic_corpus_in_small_chunks_extracted_by_workers_is_the_graph_built_in_memory(tmp_path, monkeypatch):
    corpus: Path = synthetic(tmp_path, 1200)  # over PARALLEL_MIN_RECORDS: workers load the chunks themselves
    monkeypatch.setattr(spool, "CHUNK", 45)  # (not a multiple of the workers' 32 records a task)
    monkeypatch.setattr(distinct_module, "RUN_CHARS", 2_000_000)
    report = kg.build([corpus], store=tmp_path / "s")
    built_as_in_memory(tmp_path / "s", report, [corpus])
