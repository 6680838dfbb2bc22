"""A build extracts only the files the store has not seen, and what it reuses gives the same graph."""

from __future__ import annotations

import importlib
import os
import pickle
import shutil

import pytest

import kg
from support import CORPUS, ntriples
from kg.extract import saved
from kg.graph.store import EXTRACTED, Store

FILES = sorted(CORPUS.iterdir())
SMALL = FILES[-1]
build_module = importlib.import_module("kg.build")  # the module (kg.build is also a function)


@pytest.fixture
def extracted(monkeypatch) -> list[str]:
    """The file of every record extracted from here on, wherever it is extracted."""
    seen: list[str] = []
    real_run = build_module.run

    def counting_run(record, comps):
        seen.append(record.file)
        return real_run(record, comps)

    monkeypatch.setattr(build_module, "run", counting_run)
    return seen


@pytest.fixture(params=["in this process", "in worker processes"])
def where(request, monkeypatch) -> str:
    if request.param == "in worker processes":
        if os.cpu_count() == 1:
            pytest.skip("one core: builds never start worker processes")
        monkeypatch.setattr(build_module, "PARALLEL_MIN_RECORDS", 1)
    return request.param


def test_a_new_file_is_the_only_one_extracted_and_the_graph_is_the_one_a_rebuild_makes(
        built, tmp_path, extracted, where):
    store = tmp_path / "store"
    kg.build(FILES[:-1], store=store)
    if where == "in worker processes":
        assert not extracted  # extracted in children, which the counter does not see
    else:
        assert set(extracted) == {f.name for f in FILES[:-1]}
    extracted.clear()

    report = kg.build(FILES, store=store)
    assert report.changed and report.records > 0
    assert set(extracted) <= {SMALL.name}  # the others come from the store (workers: nothing seen here)
    assert ntriples(store) == ntriples(built)
    names = sorted(p.name for p in (Store(store).current / EXTRACTED).iterdir())
    assert len(names) == len(FILES) and all(saved.signature(build_module.DEFAULT_PIPELINE) in n for n in names)


def test_results_saved_by_other_extraction_code_are_not_used(built, tmp_path, extracted, monkeypatch):
    store = tmp_path / "store"
    kg.build(FILES[:-1], store=store)
    extracted.clear()
    monkeypatch.setattr(saved, "signature", lambda components: "an-edited-extractor")
    kg.build(FILES, store=store)
    assert set(extracted) == {f.name for f in FILES}
    assert ntriples(store) == ntriples(built)


class _Payload:
    """Unpickling this would run code: a saved file from elsewhere must never get that far."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (shutil.copyfile, (str(CORPUS / SMALL.name), self.marker))


def test_damaged_or_foreign_saved_files_are_extracted_again_and_never_run(built, tmp_path, extracted):
    store = tmp_path / "store"
    kg.build(FILES[:-1], store=store)
    folder = Store(store).current / EXTRACTED
    damaged, foreign, *_ = sorted(folder.iterdir())
    damaged.write_bytes(damaged.read_bytes()[: len(damaged.read_bytes()) // 2])
    marker = tmp_path / "ran"
    header = pickle.loads(foreign.read_bytes())  # (offset, records): the payload must be reached
    foreign.write_bytes(pickle.dumps(header) + pickle.dumps([_Payload(str(marker))]))
    extracted.clear()

    kg.build(FILES, store=store)
    assert not marker.exists()
    assert len(set(extracted)) == 3  # the two spoiled sources and the new file
    assert ntriples(store) == ntriples(built)


def test_rebuild_extracts_everything_again(tmp_path, extracted):
    store = tmp_path / "store"
    kg.build([SMALL], store=store)
    extracted.clear()
    kg.build([SMALL], store=store, rebuild=True)
    assert set(extracted) == {SMALL.name}


def test_loading_saved_docs_leaves_no_garbage_behind():
    """Builds run without the cyclic collector: a reference cycle left by loading would keep every
    loader and its input alive until the build ends (it did: 100 MB more at 10,000 records)."""
    import gc

    from kg.extract.pipeline import DEFAULT_PIPELINE, pipeline, run
    from kg.records.io import read_paths

    records = read_paths([SMALL]).records
    comps = pipeline(tuple(DEFAULT_PIPELINE))
    docs = [build_module._findings(run(r, comps)) for r in records]  # as the build keeps them
    blob = saved.dumps(docs)
    gc.collect()
    gc.disable()
    try:
        docs = saved.loads(blob, records)
        assert [d.record for d in docs] == records and any(d.facts for d in docs)
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_the_signature_changes_with_extraction_code_and_only_with_it(tmp_path):
    package = tmp_path / "kg"
    shutil.copytree(os.path.dirname(kg.__file__), package, ignore=shutil.ignore_patterns("__pycache__"))
    components = ("models", "derivations")
    first = saved.code_signature(components, package)
    assert first == saved.signature(components)  # a copy signs like the installed package
    assert saved.code_signature(("models",), package) != first

    (package / "views" / "text.py").write_text("# an edited view\n", "utf-8")
    (package / "graph" / "build.py").write_text("# an edited graph builder\n", "utf-8")
    assert saved.code_signature(components, package) == first  # results saved before still hold

    for edited in ("keys.py", "extract/fact.py", "records/ids.py", "extract/patterns/derivations.json"):
        target = package / edited
        before = target.read_bytes()
        target.write_bytes(before + b"\n")
        assert saved.code_signature(components, package) != first, edited
        target.write_bytes(before)
    assert saved.code_signature(components, package) == first
