"""The Python API and kg html (no browser): what is drawn, focused views, saving, the command's messages."""

import json
import subprocess
import sys

import pytest
from rdflib import Graph

import kg
from kg.graph.store import Store
from kg.lineage import AmbiguousName, UnknownModel
from kg.views import View, graph_view, lineage_view


def data_of(view):
    return json.loads(view.html.split('id="kg-data">', 1)[1].split("</script>", 1)[0])


@pytest.fixture(scope="module")
def demo(demo_store):
    return kg.open(demo_store)


@pytest.mark.slow
def test_any_source_works(demo_store, demo):
    plain = Graph()
    for t in demo.graph.triples((None, None, None)):
        plain.add(t)
    sizes = {(v.nodes, v.edges) for v in (graph_view(demo), graph_view(Store(demo_store)), graph_view(demo_store),
                                          graph_view(plain))}
    assert len(sizes) == 1


@pytest.mark.slow
def test_evidence_and_records_are_tooltips_not_nodes(demo):
    data = data_of(graph_view(demo))
    iris = {line for n in data["nodes"] for line in n["info"] if line.startswith("IRI: ")}
    assert not any("/evidence/" in i or "/record/" in i or "/extractor/" in i for i in iris)
    with_quotes = [e for e in data["edges"] if any(line.startswith("“") for line in e["info"])]
    assert len(with_quotes) == len(data["edges"])  # every fact drawn shows the sentence behind it
    assert all(any(line.startswith("source: ") and "#" in line for line in e["info"]) for e in with_quotes)


def test_node_tooltips_say_type_names_paper_and_date(demo):
    data = data_of(graph_view(demo))
    node = next(n for n in data["nodes"] if n["names"][0] == "Mistral-NeMo-Minitron-8B")
    assert node["info"][1] == "type: Model"
    assert any(line.startswith("also: ") and "MN-Minitron-8B" in line for line in node["info"])
    assert any(line.startswith("paper: ") for line in node["info"])
    paper = next(n for n in data["nodes"] if n["group"] == "paper" and any(x.startswith("date: ") for x in n["info"]))
    assert paper["info"][1] == "type: Paper"


def test_around_any_spelling_draws_a_neighbourhood(demo):
    view = graph_view(demo, around="mn minitron 8b", depth=1)
    data = data_of(view)
    names = {n["names"][0] for n in data["nodes"]}
    assert "Mistral-NeMo-Minitron-8B" in names and "Mistral NeMo 12B" in names
    assert view.focused and view.left_out_nodes > 400
    assert f"{view.left_out_nodes} nodes" in view.html
    with pytest.raises(AmbiguousName):
        graph_view(demo, around="Nemotron")


def test_a_large_graph_is_focused_on_its_best_connected_entities(big_store):
    view = graph_view(kg.open(big_store), max_nodes=200)
    assert (view.nodes, view.left_out_nodes) == (200, 400) and view.left_out_edges > 0
    data = data_of(view)
    assert data["leftOut"] == {"nodes": 400, "edges": view.left_out_edges}
    assert all("x" in n and "y" in n for n in data["nodes"])  # laid out in Python: the page does not simulate
    assert data["options"]["physics"]["enabled"] is False


def test_small_graphs_settle_with_physics_then_stop(hostile_store):
    data = data_of(graph_view(kg.open(hostile_store)))
    assert data["options"]["physics"]["enabled"] is True
    assert data["options"]["physics"]["stabilization"]["iterations"] <= 300


def test_lineage_view_is_a_tree_with_kinds_on_the_edges(demo):
    view = lineage_view(demo, "ultralong 8b")
    data = data_of(view)
    assert data["options"]["layout"]["hierarchical"]["enabled"] is True
    assert data["mode"] == "lineage"
    (edge,) = data["edges"]
    assert edge["label"] == "fine-tuned, continued pre-training, context-extended, based on"
    assert edge["kinds"] == ["finetuned", "continued_pretraining", "context_extended", "based_on"]
    assert {k["key"] for k in data["legend"]["kinds"]} == set(edge["kinds"])
    with pytest.raises(UnknownModel):
        lineage_view(demo, "No-Such-Model-9B")


@pytest.mark.slow
def test_pages_are_deterministic_and_saved_atomically(demo, tmp_path):
    first, second = graph_view(demo), graph_view(demo)
    assert first.html == second.html
    target = tmp_path / "out" / "graph.html"
    target.parent.mkdir()
    target.write_text("old")
    assert first.save(target) == target and target.read_text("utf-8") == first.html
    assert [p.name for p in target.parent.iterdir()] == ["graph.html"]  # no temporary file left behind
    assert isinstance(first, View) and repr(first) == f"<View 'kg: knowledge graph': {first.nodes} nodes, {first.edges} edges>"


def kg_cli(*args):
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=300,
                          env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})


@pytest.mark.slow
def test_kg_html_writes_the_page_and_says_when_it_focuses(big_store, tmp_path):
    done = kg_cli("html", "-o", str(tmp_path / "g.html"), "--store", str(big_store), "--max-nodes", "100")
    assert done.returncode == 0, done.stderr
    assert "the graph has 600 entities" in done.stderr and "100 best-connected" in done.stderr
    assert "wrote" in done.stdout and (tmp_path / "g.html").stat().st_size > 100_000
    whole = kg_cli("html", "-o", str(tmp_path / "w.html"), "--store", str(big_store))
    assert whole.returncode == 0 and whole.stderr == "" and "(600 nodes" in whole.stdout


@pytest.mark.parametrize("args, message", [
    (["--around", "No Such Thing"], "no entity called 'No Such Thing'"),
    (["--around", "paper"], "names"),
])
def test_kg_html_bad_names_exit_2(big_store, tmp_path, args, message):
    done = kg_cli("html", "-o", str(tmp_path / "g.html"), "--store", str(big_store), *args)
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "g.html").exists()
