"""Names, titles, labels and paths from the data print as they are in every command: rich markup
("[/x]", "[bold]"), emoji codes (":smile:") and a trailing backslash are text, never styling or a crash."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from support import free_port

ID = "https://w3id.org/mlkg/id/"
LOUD = "[bold]Loud[/bold] Models and [/x] Closing Tags :thumbs_up:"
SECOND = "A Second [red]Paper[/red]"
ANN, BOB, CY = "Ann [/x] Lee", "Bob [bold]Stone[/bold]", "Cy :smile: Ray"


@pytest.fixture(scope="module")
def markup_store(tmp_path_factory, kg_cli) -> Path:
    """Two papers whose titles and authors hold markup, built by `kg build` from a JSON Lines file."""
    folder = tmp_path_factory.mktemp("markup")
    listing = folder / "papers.jsonl"
    listing.write_text("".join(json.dumps(r) + "\n" for r in [
        {"title": LOUD, "authors": [ANN, BOB, CY], "arxiv_id": "2501.00001v1", "date": "2025-01-01",
         "abstract": "We introduce Loud-7B, a 7-billion-parameter language model."},
        {"title": SECOND, "authors": [ANN, "Dee Tee"], "arxiv_id": "2501.00002v1", "date": "2025-01-02",
         "abstract": "We introduce Tag-3B, a small language model."},
    ]), encoding="utf-8")
    done = kg_cli("build", listing, "--store", folder / "store")
    assert done.returncode == 0, done.stderr
    return folder / "store"


@pytest.mark.parametrize("name", [ANN, BOB, CY])
def test_people_prints_names_and_titles_as_they_are(markup_store, kg_cli, name):
    done = kg_cli("people", name, "--store", markup_store)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"{name}  {ID}person/")
    assert any(line.split() == ["2025-01-01", *LOUD.split()] for line in lines), done.stdout
    others = sorted({ANN, BOB, CY} - {name}) + (["Dee Tee"] if name == ANN else [])
    (coauthors,) = [line for line in lines if line.startswith("coauthors: ")]
    assert sorted(c.rsplit(" (", 1)[0] for c in coauthors.removeprefix("coauthors: ").split(", ")) == sorted(others)


def test_people_whose_coauthor_holds_markup(markup_store, kg_cli):
    done = kg_cli("people", "Dee Tee", "--store", markup_store)
    assert done.returncode == 0, done.stderr
    assert f"2025-01-02  {SECOND}" in done.stdout
    assert f"coauthors: {ANN} (1)" in done.stdout


def test_query_table_prints_titles_as_they_are(markup_store, kg_cli):
    done = kg_cli("query", "SELECT ?t WHERE { ?p a mlkg:Paper ; rdfs:label ?t } ORDER BY ?t", "--store", markup_store)
    assert done.returncode == 0, done.stderr
    assert [line.strip() for line in done.stdout.splitlines()[1:3]] == sorted([LOUD, SECOND])


def _lineage_store(path: Path, names: list[str]) -> Path:
    """A store whose models carry ``names``: names[0] pruned from names[1], names[2] fine-tuned from names[0].
    The extractors do not make such names from text today; a graph extended by hand or by a later reader may."""
    from rdflib import RDF, RDFS, XSD, Literal, URIRef

    from kg.graph.store import Store
    from kg.vocab import MLKG

    models = [URIRef(f"{ID}model/m{i}") for i in range(3)]
    t = [x for m, n in zip(models, names) for x in ((m, RDF.type, MLKG.Model), (m, RDFS.label, Literal(n)))]
    for i, (child, prop, parent) in enumerate([(models[0], MLKG.prunedFrom, models[1]),
                                               (models[2], MLKG.finetunedFrom, models[0])]):
        ev, rec = URIRef(f"{ID}evidence/e{i}"), URIRef(f"{ID}record/r{i}")
        t += [(child, prop, parent), (child, MLKG.derivedFrom, parent),
              (ev, RDF.type, MLKG.Evidence), (ev, RDF.subject, child), (ev, RDF.predicate, prop),
              (ev, RDF.object, parent), (ev, MLKG.quote, Literal("a quote [/x] :smile:")),
              (ev, MLKG.source, rec), (ev, MLKG.confidence, Literal("0.9", datatype=XSD.decimal)),
              (rec, RDF.type, MLKG.Record), (rec, MLKG.file, Literal("in[/x].txt")), (rec, MLKG.index, Literal(i + 1))]
    store = Store(path)
    store.write([f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in t], [], {})
    return store.path


def test_lineage_prints_model_names_as_they_are(tmp_path, kg_cli):
    names = ["Mark[/x]-7B :smile:", "Base\\", "[bold]Child[/bold]"]
    store = _lineage_store(tmp_path / "store", names)
    done = kg_cli("lineage", names[0], "--store", store)
    assert done.returncode == 0, done.stderr
    lines = [line.lstrip("│├└─ ") for line in done.stdout.splitlines()]
    assert lines[0] == names[0]
    assert f"{names[1]}  pruned" in lines and f"{names[2]}  fine-tuned" in lines
    assert "“a quote [/x] :smile:” (in[/x].txt#1, 0.9)" in lines
    done = kg_cli("lineage", names[1], "--store", store)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == names[1]  # one backslash, as in the graph


def test_html_and_serve_print_store_and_file_names_as_they_are(markup_store, tmp_path, kg_cli):
    import shutil

    store = tmp_path / "a [/x] :smile:" / "store"
    shutil.copytree(markup_store, store, symlinks=True)
    page = tmp_path / "a [/x] :smile:" / "page\\"
    done = kg_cli("html", "--store", store, "-o", page)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"wrote {page} (")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"} | {"NO_COLOR": "1", "COLUMNS": "200"}
    proc = subprocess.Popen([str(Path(sys.executable).with_name("kg")), "serve", "--store", str(store), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)
    try:
        ready, _, _ = select.select([proc.stdout], [], [], 90)
        first = proc.stdout.readline() if ready else ""
        assert first.startswith(f"serving {store} at http://127.0.0.1:{port}/sparql "), (first, proc.poll())
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # its own session: the server and its workers only
        proc.wait(15)
        proc.stdout.close()
        proc.stderr.close()
