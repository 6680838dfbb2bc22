"""Appends: a build that only adds sources changes the current generation instead of rebuilding it.

Every test builds a store from some listings with the real CLI, appends a new listing to it, and
holds the result equal to a ``--rebuild`` of all the listings: the database's triples and the kept
N-Triples (sorted), and the summary. The names are invented; each case makes the append do one
thing a delta must get right: new papers and people, a new record of a paper the store holds
(same title, same arXiv id), two spellings of a person or of a model the store holds merged by the
new record, a fallback, and an append killed mid-way.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from support import kill_build, ntriples, run_kg
from kg.graph.store import Store

ROOT = Path(__file__).resolve().parents[2]


def listing(*papers: tuple[str, list[str], str]) -> str:
    """An arXiv listing (the format of the arXiv search pages) of (title, authors, abstract)."""
    out = []
    for n, (title, authors, abstract) in enumerate(papers):
        out += ["-", title, "Authors:", *[a + ("," if i < len(authors) - 1 else "") for i, a in enumerate(authors)],
                "Abstract:", abstract, f"Submitted {n + 2} June, 2025;", "originally announced June 2025."]
    return "\n".join(out) + "\n"


BASE = listing(
    ("Quorlex: Open Weights for Careful Reasoning", ["Maren K. Tolvik", "Ido Brastel", "Pell Varanes"],
     "We introduce Quorlex-9B, a 9-billion-parameter language model trained on curated web text. Quorlex-9B "
     "outperforms Mistral-7B on reasoning benchmarks and uses grouped-query attention."),
    ("Brindle: Compact Tabular Reasoners", ["Maren Tolvik", "Oskarin Delube"],
     "We present Brindle-3B, a compact model for tabular reasoning. Brindle-3B is fine-tuned from Quorlex-9B and "
     "evaluated on TabQA, where it improves over prior models by a wide margin."),
    ("Chatting with Quorlex", ["Tamsin Okereke", "Ido Brastel"],
     "We release Quorlex-9B-Chat, a chat model obtained by instruction tuning. Quorlex-9B-Chat is compared with "
     "Mistral-7B and improves helpfulness ratings in human evaluation."),
    ("Small Assistants at Scale", ["Tamsin Okereke", "Vada Quillon"],
     "We train QLX-Chat-Mini, an assistant distilled for phones. QLX-Chat-Mini is distilled from QLX-Chat and "
     "keeps most of its quality on dialogue benchmarks."),
)
ARXIV = ("We introduce Harrowgate-12B, a language model for legal drafting trained on contracts. Harrowgate-12B "
         "outperforms Mistral-7B on clause retrieval.\narXiv:2507.01234\n")


def build(store: Path, *files: Path, rebuild: bool = False) -> subprocess.CompletedProcess:
    got = run_kg("build", *map(str, files), "--store", str(store), "-q", *(["--rebuild"] if rebuild else []))
    assert got.returncode == 0, got.stderr
    return got


def kept_text(store: Path) -> list[str]:
    """The kept N-Triples (an append's: its parts less the lines it lists as removed), sorted."""
    kept = Store(store).ntriples_kept()
    assert kept is not None, "the kept N-Triples do not match their checksums"
    parts, removed = kept
    gone = set(removed.read_text("utf-8").splitlines()) if removed else set()
    lines = [line for p in parts for line in p.read_text("utf-8").splitlines() if line not in gone]
    assert len(lines) == len(set(lines)), "a line kept twice"
    return sorted(lines)


def exported(store: Path, tmp_path: Path) -> list[str]:
    out = tmp_path / f"{store.name}.nt"
    got = run_kg("export", "--format", "nt", "-o", str(out), "--store", str(store))
    assert got.returncode == 0, got.stderr
    return sorted(out.read_text("utf-8").splitlines())


def summary(store: Path) -> dict:
    return json.loads((store / "CURRENT" / "manifest.json").read_text())["summary"]


def index_names(store: Path) -> dict[str, list]:
    """The resolution index's names, kinds, aliases and people, each table's rows sorted: an
    append rewrites only the names its records touch, and the next append resolves from them."""
    import sqlite3

    db = sqlite3.connect(store / "CURRENT" / "index.sqlite")
    try:
        return {t: sorted(db.execute(f"SELECT * FROM {t}")) for t in ("name", "kind", "alias", "agent")}
    finally:
        db.close()


def appended(tmp_path: Path, base: dict[str, str], new: dict[str, str], *, delta: bool = True) -> Path:
    """Build ``base`` (file name -> text), append ``new`` to it, and check the store equals a
    rebuild of both; ``delta``: the append was made as a change (else it said why it rebuilt)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in {**base, **new}.items():
        (folder / name).write_text(text, "utf-8")
    store, again = tmp_path / "store", tmp_path / "rebuilt"
    build(store, *(folder / n for n in base))
    got = build(store, *(folder / n for n in new))
    manifest = json.loads((store / "CURRENT" / "manifest.json").read_text())
    if delta:
        assert "rebuilding" not in got.stderr, got.stderr
        assert manifest["append"]["records"] == sum(t.count("\nAuthors:") or t.count("arXiv:") for t in new.values())
    else:
        assert "append: " in got.stderr and "; rebuilding" in got.stderr, got.stderr
        assert "append" not in manifest
    build(again, *(folder / n for n in {**base, **new}), rebuild=True)
    assert ntriples(store) == ntriples(again)
    assert kept_text(store) == kept_text(again) == exported(store, tmp_path) == exported(again, tmp_path)
    assert summary(store) == summary(again)
    assert index_names(store) == index_names(again)
    return store


def test_the_store_s_triples_are_written_as_kg_writes_its_lines(built):
    """An append reads the lines it removes or renames from the database (kg.append.line_of), not
    from the kept text: they must be the very lines the text holds."""
    from kg.append import line_of

    st = Store(built)
    assert sorted(map(line_of, st.oxigraph())) == sorted(
        line for p in st.ntriples_files() for line in p.read_text("utf-8").splitlines(keepends=True))


def labels(store: Path, label: str) -> list[str]:
    """The nodes labelled or alt-labelled ``label``."""
    q = (f'SELECT DISTINCT ?n WHERE {{ {{ ?n <http://www.w3.org/2000/01/rdf-schema#label> "{label}" }} UNION '
         f'{{ ?n <http://www.w3.org/2004/02/skos/core#altLabel> "{label}" }} }}')
    return sorted(row["n"].value for row in Store(store).oxigraph().query(q))


def test_new_papers_and_authors(tmp_path):
    new = listing(("Harbour Tides as Tokens", ["Ulla Fenwright", "Corvin Ashgrove"],
                   "We present Tidewell-1B, a forecasting model for harbour tides. Tidewell-1B is trained on "
                   "HarbourSet and outperforms Mistral-7B on surge prediction."))
    store = appended(tmp_path, {"base.txt": BASE}, {"new.txt": new})
    assert labels(store, "Ulla Fenwright") and labels(store, "Tidewell-1B")


def test_a_new_record_of_a_paper_held_by_title(tmp_path):
    new = listing(("Brindle: Compact Tabular Reasoners", ["Maren Tolvik", "Oskarin Delube", "Ysolde Farrant"],
                   "We present Brindle-3B, a compact model for tabular reasoning, in a revised version. Brindle-3B is "
                   "fine-tuned from Quorlex-9B and evaluated on TabQA and SheetBench, where it improves over prior "
                   "models by a wide margin."))
    store = appended(tmp_path, {"base.txt": BASE}, {"new.txt": new})
    papers = Store(store).oxigraph().query(
        'SELECT ?p WHERE { ?p <http://purl.org/dc/terms/title> "Brindle: Compact Tabular Reasoners" }')
    assert len(list(papers)) == 1


def test_a_new_record_of_a_paper_held_by_arxiv_id(tmp_path):
    new = ("We introduce Harrowgate-12B, a language model for legal drafting trained on contracts and statutes, "
           "in a second version. Harrowgate-12B outperforms Mistral-7B on clause retrieval.\narXiv:2507.01234\n")
    store = appended(tmp_path, {"base.txt": BASE, "ax.txt": ARXIV}, {"ax2.txt": new})
    rows = list(Store(store).oxigraph().query(
        'SELECT ?r WHERE { ?r <https://w3id.org/mlkg/ontology#about> '
        '<https://w3id.org/mlkg/id/paper/arxiv-2507.01234> }'))
    assert len(rows) == 2  # one paper, listed by both records


def test_an_append_that_merges_two_spellings_of_a_person(tmp_path):
    folder = tmp_path / "before"
    folder.mkdir()
    (folder / "base.txt").write_text(BASE, "utf-8")
    build(folder / "store", folder / "base.txt")
    assert labels(folder / "store", "Maren K. Tolvik") != labels(folder / "store", "Maren Tolvik")  # two people
    new = listing(("Preference Tuning at the Quay", ["Maren Tolvik", "Ido Brastel", "Rhoswen Aldaine"],
                   "We describe a preference tuning recipe for assistants and evaluate it on dialogue tasks."))
    store = appended(tmp_path, {"base.txt": BASE}, {"new.txt": new})
    assert labels(store, "Maren K. Tolvik") == labels(store, "Maren Tolvik")  # one person now


def test_an_append_that_merges_two_spellings_of_a_model(tmp_path):
    folder = tmp_path / "before"
    folder.mkdir()
    (folder / "base.txt").write_text(BASE, "utf-8")
    build(folder / "store", folder / "base.txt")
    assert labels(folder / "store", "QLX-Chat") != labels(folder / "store", "Quorlex-9B-Chat")
    new = listing(("Preference Tuning for Quorlex Assistants", ["Rhoswen Aldaine"],
                   "We describe Quorlex-9B-Chat (QLX-Chat), an assistant model. QLX-Chat is fine-tuned from "
                   "Quorlex-9B with direct preference optimization and outperforms Brindle-3B on dialogue tasks."))
    store = appended(tmp_path, {"base.txt": BASE}, {"new.txt": new})
    merged = labels(store, "QLX-Chat")
    assert len(merged) == 1 and merged == labels(store, "Quorlex-9B-Chat")


def test_what_cannot_be_a_change_is_rebuilt_and_said(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "base.txt").write_text(BASE, "utf-8")
    (folder / "new.txt").write_text(listing(("Harbour Tides as Tokens", ["Ulla Fenwright"],
                                             "We present Tidewell-1B, a forecasting model for harbour tides.")))
    store, again = tmp_path / "store", tmp_path / "rebuilt"
    got = run_kg("build", str(folder / "base.txt"), "--store", str(store), "-q", "--min-confidence", "0.5")
    assert got.returncode == 0, got.stderr
    got = run_kg("build", str(folder / "new.txt"), "--store", str(store), "-q")
    assert got.returncode == 0
    assert "append: the store was built with another --min-confidence; rebuilding" in got.stderr
    build(again, folder / "base.txt", folder / "new.txt", rebuild=True)
    assert ntriples(store) == ntriples(again)


def test_model_cards_are_rebuilt_and_said(tmp_path):
    """A Hub model list joins models to papers across the whole graph: not an append."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "base.txt").write_text(BASE, "utf-8")
    store, again = tmp_path / "store", tmp_path / "rebuilt"
    build(store, folder / "base.txt")
    hub = ROOT / "tests" / "data" / "hub" / "models.jsonl"
    got = build(store, hub)
    assert "append: a new source is a model card; rebuilding" in got.stderr
    build(again, folder / "base.txt", hub, rebuild=True)
    assert ntriples(store) == ntriples(again)


def _synth():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        return importlib.import_module("synth")
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


@pytest.mark.slow
def test_a_synthetic_day_appended(tmp_path):
    """A new day's listing (new papers by the same people, naming the same models) appended to a
    synthetic store: papers joined by title, people and models renamed, buckets of common phrases."""
    synth = _synth()
    corpus = tmp_path / "corpus"
    synth.generate(1500, corpus, seed=2)
    batch = synth.listing_batch(1500, 200, tmp_path / "day" / "day.txt", seed=2)
    store, again = tmp_path / "store", tmp_path / "rebuilt"
    build(store, corpus)
    got = build(store, batch)
    assert "rebuilding" not in got.stderr, got.stderr
    build(again, corpus, batch, rebuild=True)
    assert ntriples(store) == ntriples(again)
    assert kept_text(store) == kept_text(again)
    assert summary(store) == summary(again)
    # and a second append on top of the first one
    batch2 = synth.listing_batch(1700, 100, tmp_path / "day2" / "day2.txt", seed=2)
    got = build(store, batch2)
    assert "rebuilding" not in got.stderr, got.stderr
    build(again, batch2)  # (an append too: the same graph either way)
    third = tmp_path / "third"
    build(third, corpus, batch, batch2, rebuild=True)
    assert ntriples(store) == ntriples(third) == ntriples(again)
    assert kept_text(store) == kept_text(third)
    assert index_names(store) == index_names(third) == index_names(again)


@pytest.mark.slow
def test_a_killed_append_leaves_the_previous_store_answering(tmp_path):
    synth = _synth()
    corpus = tmp_path / "corpus"
    synth.generate(600, corpus, seed=3)
    store = tmp_path / "store"
    build(store, corpus)
    before = ntriples(store)
    answer = run_kg("query", "counts-by-class", "--format", "csv", "--store", str(store))
    assert answer.returncode == 0, answer.stderr
    batch = synth.listing_batch(600, 600, tmp_path / "day" / "day.txt", seed=3)
    kill_build(batch, store, after=2.0)
    assert ntriples(store) == before
    again = run_kg("query", "counts-by-class", "--format", "csv", "--store", str(store))
    assert again.returncode == 0 and again.stdout == answer.stdout
    got = build(store, batch)  # the next build sweeps what the killed one left, and appends
    assert "rebuilding" not in got.stderr, got.stderr
    assert not list(store.glob(".gen-tmp-*"))
    rebuilt = tmp_path / "rebuilt"
    build(rebuilt, corpus, batch, rebuild=True)
    assert ntriples(store) == ntriples(rebuilt)
