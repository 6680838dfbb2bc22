"""A build that holds neither its docs nor its lines gives the graph the in-memory pipeline gives.

`kg build` reads the docs back from the parts' files for each pass and makes its lines distinct by
sorted runs on disk (kg.graph.distinct); the reference here is the same stages run in memory:
records -> papers -> people -> docs (a list) -> lines made distinct by a set.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

import kg
from kg.build import extract_all
from kg.extract.pipeline import DEFAULT_PIPELINE
from kg.graph import distinct as distinct_module
from kg.graph.build import build_triples, iter_ntriples
from kg.graph.distinct import Distinct
from kg.graph.store import Store
from kg.records.io import read_paths
from kg.records.registry import describes
from kg.resolve.papers import cluster_papers
from kg.resolve.people import resolve_people

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
HUB = ROOT / "tests" / "data" / "hub"


def in_memory(paths: list[Path]) -> tuple[list[str], dict]:
    """The graph's lines and counts, every stage held in memory (the pipeline before streaming)."""
    records = read_paths([str(p) for p in paths]).records
    papers = cluster_papers([r for r in records if describes(r) == "paper"])  # (a card is about a model)
    people = resolve_people(papers)
    docs = list(extract_all(records, tuple(DEFAULT_PIPELINE)))
    result = build_triples(papers, people, docs)
    text = "".join(iter_ntriples(result.triples))
    return sorted(text.splitlines()), result.counts


def stored(store: Path) -> list[str]:
    lines = []
    for part in Store(store).ntriples_files():
        lines += part.read_text("utf-8").splitlines()
    return lines


def built_as_in_memory(store: Path, report, paths: list[Path]) -> tuple[list[str], dict]:
    """Assert that the store holds each line once, the lines of the graph built in memory from
    ``paths``, and that the build's report has its counts; return the stored lines and the counts."""
    lines, counts = in_memory(paths)
    got = stored(store)
    assert len(got) == len(set(got)), "a line written twice"
    assert sorted(got) == lines
    assert {k: report.counts[k] for k in counts} == counts
    return got, counts


def synthetic(tmp_path: Path, n: int) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        synth = importlib.import_module("synth")
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    synth.generate(n, tmp_path / "synthetic", seed=7)
    return tmp_path / "synthetic"


@pytest.mark.parametrize("runs_of", [10**9, 20_000])
def test_the_example_corpus_streamed_is_the_graph_built_in_memory(tmp_path, monkeypatch, runs_of):
    monkeypatch.setattr(distinct_module, "RUN_CHARS", runs_of)  # 20,000 characters: dozens of runs merged
    report = kg.build([CORPUS], store=tmp_path / "s")
    built_as_in_memory(tmp_path / "s", report, [CORPUS])
    assert not list(tmp_path.glob("s/.gen-tmp-*")), "run files left behind"


def test_model_cards_streamed_are_the_graph_built_in_memory(tmp_path, monkeypatch):
    """Cards link repos to the models papers name: the names are noted a doc at a time, and what
    papers name and cards cite is read back from the parts' files."""
    monkeypatch.setattr(distinct_module, "RUN_CHARS", 20_000)
    paths = [CORPUS, HUB / "models.jsonl", HUB / "cards"]
    report = kg.build(paths, store=tmp_path / "s")
    got, _ = built_as_in_memory(tmp_path / "s", report, paths)
    assert any("#hfId>" in line for line in got) and any("#describedIn>" in line for line in got)


def test_kept_sources_carry_checksums_and_a_damaged_old_copy_is_not_linked(tmp_path):
    """Texts go to disk as they are read (Store.keep_sources): the manifest still has each kept
    file's checksum, and a copy the current generation holds is linked only when it is intact."""
    texts = sorted(CORPUS.glob("*.txt"))
    kg.build(texts[:2], store=tmp_path / "s")
    kg.build(texts[2:3], store=tmp_path / "s")  # the first two texts linked from the first generation
    st = Store(tmp_path / "s")
    assert st.check() is None
    assert len(st.sources()) == 3  # sources() checks each kept text against its checksum
    for entry in st.manifest()["sources"]:
        assert "text_sha256" in entry

    src = st.sources()[0]
    kept = st.current / "sources" / src.sha256
    kept.chmod(0o644)
    kept.write_bytes(b"y" * kept.stat().st_size)  # damaged in place, same size
    folder = tmp_path / "next"
    folder.mkdir()
    st.keep_sources(folder, [src])
    assert (folder / src.sha256).read_text("utf-8") == src.text
    assert (folder / src.sha256).stat().st_ino != kept.stat().st_ino


@pytest.mark.slow
def test_a_synthetic_corpus_streamed_is_the_graph_built_in_memory(tmp_path, monkeypatch):
    corpus = synthetic(tmp_path, 1200)  # over PARALLEL_MIN_RECORDS: extracted in worker processes
    monkeypatch.setattr(distinct_module, "RUN_CHARS", 2_000_000)
    report = kg.build([corpus], store=tmp_path / "s")
    _, counts = built_as_in_memory(tmp_path / "s", report, [corpus])
    assert counts["papers"] < 1200  # papers were joined


def test_distinct_gives_each_line_once_across_runs_and_counts_the_facts(tmp_path, monkeypatch):
    monkeypatch.setattr(distinct_module, "RUN_CHARS", 50)
    d = Distinct(tmp_path, ["<p:wrote>"])
    lines = [f"<s:{i % 7}> <p:{'wrote' if i % 2 else 'label'}> <o:{i % 5}> .\n" for i in range(100)]
    for k in range(0, 100, 3):
        assert d(lines[k:k + 3]) == ""
    d.n += 5  # lines the caller wrote itself (evidence) count too
    assert len(d.runs) > 3
    out = "".join(d.drain()).splitlines(keepends=True)
    assert out == sorted(set(lines))
    assert d.n == len(set(lines)) + 5
    assert d.facts == len({line for line in lines if "<p:wrote>" in line})
    assert not list(tmp_path.iterdir()), "run files left behind"


def test_parameter_counts_spilled_to_disk_give_the_graph_built_in_memory(tmp_path, monkeypatch):
    """A build's parameter counts wait in a SQLite file of its scratch folder (kg.resolve.entity_table.SizeSpill),
    a batch at a time, and their lines are written in blocks: spilled at every count, in blocks of
    two lines, the graph is the one built in memory (which holds them in a set and writes them at once)."""
    from kg.graph import build as graph_build
    from kg.resolve.entity_table import SizeSpill

    monkeypatch.setattr(graph_build, "SPILL_SIZES", 0)
    monkeypatch.setattr(graph_build, "SIZE_BLOCK", 2)
    added = []
    add = SizeSpill.add
    monkeypatch.setattr(SizeSpill, "add", lambda self, sizes: added.append(len(sizes)) or add(self, sizes))
    report = kg.build([CORPUS], store=tmp_path / "s")
    got, _ = built_as_in_memory(tmp_path / "s", report, [CORPUS])
    assert sum("#parameterCount>" in line for line in got) > 2
    assert len([n for n in added if n]) > 2  # spilled as they came, not only at the end
    assert not list(tmp_path.glob("s/.gen-tmp-*")), "scratch files left behind"


def test_a_size_spill_gives_each_count_once_sorted(tmp_path):
    from kg.graph.build import Noted
    from kg.resolve.entity_table import SizeSpill

    counts = [("model", "Kelora-405B", "405000000000"), ("model", "Ämbar-7B", "7000000000"),
              ("model", "Kelora-405B", "405000000000"), ("technique", "x", "1"), ("model", "Kelora-405B", "4e11"),
              ("model", "𝔸-1B", "1000000000"), ("model", "Z-2B", "2000000000")]
    spill = SizeSpill(tmp_path / "sizes.sqlite")
    spill.add(counts[:3])
    spill.add(counts[2:])
    assert list(spill) == sorted(set(counts))
    spill.close()
    assert not (tmp_path / "sizes.sqlite").exists()

    held, spilled = Noted(), Noted()
    spilled.size_spill = SizeSpill(tmp_path / "noted.sqlite")
    for noted in (held, spilled):
        for k in range(0, len(counts), 2):  # as workers' notes are merged, a few at a time
            part = Noted()
            part.sizes = set(counts[k:k + 2])
            noted.merge(part)
    assert list(spilled.all_sizes()) == held.all_sizes() == sorted(set(counts))
