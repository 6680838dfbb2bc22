"""`kg build` on bulk sources: compressed files, the category filter, and the bad inputs that must
give one clear line and leave the store as it was."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
import zstandard

import kg
from kg.graph.store import Store

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"
BULK = ["arxiv_snapshot.jsonl", "oai_arxiv.xml", "oai_arxivraw.xml", "arxiv_listing_ids.txt", "feed.atom"]
DEEP = '{"a":' * 2000 + "\n"


def papers(store: Path) -> set[str]:
    rows = kg.open(store).rows("SELECT ?id WHERE { ?p a mlkg:Paper ; mlkg:arxivId ?id }")
    return {r["id"] for r in rows}


def snapshot_of(store: Path) -> tuple[str, list[str]]:
    """The current generation and every file under the store (leftovers of a failed build included)."""
    st = Store(store)
    return str(st.current), sorted(str(p.relative_to(store)) for p in store.rglob("*"))


@pytest.fixture()
def bulk(tmp_path) -> Path:
    folder = tmp_path / "bulk"
    folder.mkdir()
    for name in BULK:
        shutil.copy(INPUTS / name, folder / name)
    return folder


def test_compressed_bulk_sources_build_the_same_graph(tmp_path, bulk):
    packed = tmp_path / "packed"
    packed.mkdir()
    for i, f in enumerate(sorted(bulk.iterdir())):
        data = f.read_bytes()
        if i % 2:
            (packed / f.name).write_bytes(gzip.compress(data))  # same names: same record IRIs
        else:
            (packed / f.name).write_bytes(zstandard.ZstdCompressor().compress(data))
    plain = kg.build([bulk], store=tmp_path / "a")
    squeezed = kg.build([packed], store=tmp_path / "b")
    assert plain.counts == squeezed.counts
    a = sorted(Path(p).read_text() for p in Store(tmp_path / "a").ntriples_files())
    b = sorted(Path(p).read_text() for p in Store(tmp_path / "b").ntriples_files())
    assert sorted("".join(a).splitlines()) == sorted("".join(b).splitlines())


def test_category_filter_keeps_the_asked_categories(tmp_path, bulk, kg_cli):
    store = tmp_path / "s"
    done = kg_cli("build", bulk, "--store", store, "--category", "cs.CL", "--category", "cs.LG")
    assert done.returncode == 0, done.stderr
    # kept: cs.CL/cs.LG papers of the snapshot, OAI (arXiv, arXivRaw), listing and Atom feed, and
    # the Atom entry that lists no category; left out: cs.CV, hep-th, math.CO, cs.RO
    assert papers(store) == {"2403.01234", "2403.02345", "2404.04567", "2401.00001", "2402.16819", "2406.09535"}
    assert next(line for line in done.stdout.splitlines() if line.strip().startswith("filtered")).split() == [
        "filtered", "5"]
    summary = Store(store).manifest()["summary"]
    assert summary["filtered"] == 5 and summary["records"] == 6
    kept = {s["name"]: s.get("categories") for s in Store(store).manifest()["sources"]}
    assert kept["arxiv_snapshot.jsonl"] == ["cs.CL", "cs.LG"]


def test_an_archive_name_keeps_all_its_categories(tmp_path, bulk):
    report = kg.build([bulk / "arxiv_snapshot.jsonl", bulk / "oai_arxivraw.xml"], store=tmp_path / "s",
                      categories=["cs"])
    assert papers(tmp_path / "s") == {"2403.01234", "2402.05678", "2404.04567", "2404.05678"}
    assert report.counts["filtered"] == 1  # hep-th


def test_without_a_filter_nothing_is_left_out(tmp_path, bulk):
    report = kg.build([bulk], store=tmp_path / "s")
    assert "filtered" not in report.counts
    assert len(papers(tmp_path / "s")) == 11


def test_a_source_keeps_its_filter_when_others_are_added(tmp_path, bulk):
    store = tmp_path / "s"
    kg.build([bulk / "arxiv_snapshot.jsonl"], store=store, categories=["cs.CL"])
    assert papers(store) == {"2403.01234"}
    again = kg.build([bulk / "arxiv_snapshot.jsonl"], store=store, categories=["cs.CL"])
    assert not again.changed  # same file, same filter: nothing to do
    added = kg.build([bulk / "oai_arxivraw.xml"], store=store)  # no filter for the new file
    assert added.changed and added.counts["filtered"] == 2
    assert papers(store) == {"2403.01234", "2404.04567", "2404.05678"}
    widened = kg.build([bulk / "arxiv_snapshot.jsonl"], store=store, categories=["cs.CV"])
    assert widened.changed  # another filter: the file is read again with it
    assert papers(store) == {"2402.05678", "2404.04567", "2404.05678"}


def test_a_filter_that_leaves_nothing_builds_nothing(tmp_path, bulk, kg_cli):
    store = tmp_path / "s"
    done = kg_cli("build", bulk / "oai_arxiv.xml", "--store", store, "--category", "q-bio")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1] == (
        "error: the 2 records read are all outside the categories asked for (q-bio); the store was not changed")
    assert not Store(store).exists()
    kg.build([bulk / "feed.atom"], store=store)  # beside other sources, the file adds nothing
    before = papers(store)
    report = kg.build([bulk / "oai_arxiv.xml"], store=store, categories=["q-bio"])
    assert report.counts["filtered"] == 2 and papers(store) == before


def test_a_bad_category_is_a_usage_error(tmp_path, bulk, kg_cli):
    done = kg_cli("build", bulk, "--store", tmp_path / "s", "--category", "cs.CL;rm")
    assert done.returncode == 2 and not (tmp_path / "s").exists()
    assert done.stderr.strip().splitlines() == ["error: not an arXiv category: 'cs.CL;rm' (for example cs.CL, stat.ML or cs)"]


@pytest.mark.parametrize("suffix", [".gz", ".bz2", ".zst"])
def test_a_truncated_compressed_file_stops_the_build_and_names_it(tmp_path, bulk, kg_cli, suffix):
    import bz2

    store = tmp_path / "s"
    kg.build([bulk / "feed.atom"], store=store)
    before = snapshot_of(store)
    pack = {".gz": gzip.compress, ".bz2": bz2.compress,
            ".zst": lambda d: zstandard.ZstdCompressor().compress(d)}[suffix]
    data = pack((bulk / "arxiv_snapshot.jsonl").read_bytes() * 50)
    bad = tmp_path / f"snapshot.jsonl{suffix}"
    bad.write_bytes(data[: len(data) // 2])
    done = kg_cli("build", bulk / "oai_arxiv.xml", bad, "--store", store)
    assert done.returncode == 1, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and errors[0].startswith(f"error: snapshot.jsonl{suffix}: ")
    assert "truncated" in errors[0] and "Traceback" not in done.stderr
    assert snapshot_of(store) == before  # nothing half-written, no leftovers


def test_deep_json_costs_its_line_and_the_other_files_are_built(tmp_path, kg_cli):
    (tmp_path / "d.jsonl").write_text(DEEP)
    shutil.copy(INPUTS / "arxiv_listing_ids.txt", tmp_path / "good.txt")
    later = tmp_path / "later.jsonl"
    lines = (INPUTS / "arxiv_snapshot.jsonl").read_text("utf-8").splitlines(keepends=True)
    later.write_text(lines[0] + DEEP + "".join(lines[1:]))
    store = tmp_path / "s"
    done = kg_cli("build", tmp_path / "d.jsonl", tmp_path / "good.txt", later, "--store", store)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "d.jsonl:1: JSON nested too deeply to read" in done.stderr
    assert "later.jsonl:2: JSON nested too deeply to read" in done.stderr
    assert papers(store) == {"2401.00001", "hep-th/9901001", "2403.01234", "2402.05678", "hep-th/9901002"}


def test_deep_json_alone_is_one_error_and_no_store(tmp_path, kg_cli):
    (tmp_path / "d.jsonl").write_text(DEEP)
    done = kg_cli("build", tmp_path / "d.jsonl", "--store", tmp_path / "s")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "error: no record could be read from" in done.stderr
    assert not Store(tmp_path / "s").exists()


def test_a_json_line_that_is_not_an_object_is_skipped(tmp_path, kg_cli):
    lines = (INPUTS / "arxiv_snapshot.jsonl").read_text("utf-8").splitlines(keepends=True)
    (tmp_path / "n.jsonl").write_text(lines[0] + "[1, 2, 3]\n" + "".join(lines[1:]))
    done = kg_cli("build", tmp_path / "n.jsonl", "--store", tmp_path / "s")
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines() == ["skipped: n.jsonl:2: JSON line is not an object (a list)"]
    assert len(papers(tmp_path / "s")) == 3


def test_an_unknown_oai_format_is_one_line(tmp_path, kg_cli):
    done = kg_cli("build", INPUTS / "oai_dc.xml", "--store", tmp_path / "s")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "oai_dc.xml:4: OAI-PMH metadata format 'oai_dc' is not read" in done.stderr
    assert not Store(tmp_path / "s").exists()


def test_kg_formats_lists_the_bulk_readers(kg_cli):
    done = kg_cli("formats")
    assert done.returncode == 0
    assert "arxiv-snapshot" in done.stdout and "arxiv-oai-pmh" in done.stdout
