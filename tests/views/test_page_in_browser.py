"""The pages in a real headless Chromium, network off."""

import pytest

import kg
from kg.views import graph_view, lineage_view

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    from pathlib import Path

    store = tmp_path_factory.mktemp("demo") / "store"
    kg.build([Path(__file__).resolve().parents[2] / "examples" / "corpus"], store=store)
    return store


def test_whole_graph_page(demo_store, open_page, tmp_path):
    view = graph_view(kg.open(demo_store))
    path = view.save(tmp_path / "graph.html")
    page, seen = open_page(path)
    assert seen["errors"] == [] and seen["requests"] == []
    drawn = page.evaluate("[kgData.nodes.length, kgData.edges.length]")
    assert drawn == [view.nodes, view.edges]
    assert view.nodes > 300 and view.edges > 300


def test_search_finds_a_node_by_an_alias(demo_store, open_page, tmp_path):
    page, _ = open_page(graph_view(kg.open(demo_store)).save(tmp_path / "graph.html"))
    found = page.evaluate("kgFind('MN-Minitron-8B')")  # an alias of Mistral-NeMo-Minitron-8B
    assert found is not None
    label = page.evaluate(f"kgData.nodes.get('{found}').label")
    assert label == "Mistral-NeMo-Minitron-8B"


def test_a_filter_hides_a_class(demo_store, open_page, tmp_path):
    page, _ = open_page(graph_view(kg.open(demo_store)).save(tmp_path / "graph.html"))
    before = page.evaluate("kgData.nodeView.length")
    people = page.evaluate("kgData.nodes.get({filter: n => n.group === 'person'}).length")
    page.uncheck("#classes input[data-key=person]")
    after = page.evaluate("kgData.nodeView.length")
    assert people > 0 and after == before - people


def test_lineage_page(demo_store, open_page, tmp_path):
    view = lineage_view(kg.open(demo_store), "nemotron nano 9b v2")
    page, seen = open_page(view.save(tmp_path / "lineage.html"))
    assert seen["errors"] == []
    assert page.evaluate("kgData.edges.length") == view.edges >= 1


def test_injection_probes_never_run(hostile_store, open_page, tmp_path):
    page, seen = open_page(graph_view(kg.open(hostile_store)).save(tmp_path / "hostile.html"))
    counts = page.evaluate("[document.images.length, document.scripts.length]")
    page.hover("#graph")
    assert seen["dialogs"] == [] and seen["errors"] == []
    assert counts == [0, 3]
    labels = page.evaluate("kgData.nodes.get().map(n => n.label).join('\\n')")
    assert "<img src=x onerror=alert(1)>" in labels  # shown as text, not run, not double-escaped


def test_screenshots_for_the_readme(demo_store, open_page):
    """The README's pictures are taken here, from the real pages."""
    from pathlib import Path

    img = Path(__file__).resolve().parents[2] / "docs" / "img"
    img.mkdir(parents=True, exist_ok=True)
    graph = kg.open(demo_store)
    for name, view in (("graph", graph_view(graph)), ("lineage", lineage_view(graph, "Llama3"))):
        page, seen = open_page(view.save(img / f"{name}.html"))
        page.screenshot(path=str(img / f"{name}.png"))
        (img / f"{name}.html").unlink()
        assert (img / f"{name}.png").stat().st_size > 10_000 and seen["errors"] == []
