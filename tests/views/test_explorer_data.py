"""The explorer's page data, read from the example corpus's store and checked against independent readings."""

import re

import pytest

import kg
from kg.lineage import find_model, lineage
from kg.views.explorer import atlas_data, open_store
from kg.views.explorer.pages import entity_page, parameters_text
from kg.views.explorer.run import explorer_queries, rows
from kg.views.explorer.search import NameIndex
from kg.views.explorer.shape import href, iri_of

DERIVATION_PAIRS = """SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?c ?p WHERE {
  ?c mlkg:derivedFrom ?p . FILTER(?c != ?p) } }"""


@pytest.fixture(scope="module")
def store(example_store):
    return open_store(example_store)


@pytest.fixture(scope="module")
def graph(example_store):
    return kg.open(example_store)


@pytest.fixture(scope="module")
def index(store):
    return NameIndex(rows(store, "names"))


def test_every_explorer_query_is_documented_and_binds_only_an_iri():
    queries = explorer_queries()
    assert {"names", "entity", "links", "lineage-edges", "derivation-evidence", "atlas"} <= set(queries)
    for name, q in queries.items():
        assert q.description, name
        assert set(q.params) <= {"iri"}, name
        if q.params:
            assert re.search(r"SELECT (DISTINCT )?\?iri\b", q.text), f"{name}: ?iri must be projected to be bound"


def test_a_bound_value_must_be_a_parameter(store):
    with pytest.raises(ValueError, match="no parameter"):
        rows(store, "atlas", iri="https://w3id.org/mlkg/id/model/x")


def test_search_finds_a_model_by_any_spelling(index, graph):
    want = str(find_model(graph.graph, "MN-Minitron-8B"))
    for spelling in ("MN-Minitron-8B", "mn minitron 8b", "Mistral-NeMo-Minitron-8B", "mistral nemo minitron 8B"):
        hits = index.search(spelling)
        assert hits and hits[0].iri == want and hits[0].rank == 0, spelling
        assert index.go_to(spelling).iri == want
    part = index.search("minitron")
    assert want in [h.iri for h in part] and not any(h.rank == 0 and h.iri == want for h in part)


def test_search_finds_people_papers_and_techniques(index):
    assert index.search("wei ping")[0].cls == "person"
    assert index.search("2402.16819")[0].cls == "paper"  # an arXiv id names its paper
    rl = index.search("RL")
    assert rl[0].rank == 0 and rl[0].cls == "technique" and rl[0].label.lower() == "reinforcement learning"
    assert index.search("") == [] and index.search("  -- ") == []
    assert index.go_to("no such entity anywhere") is None


def test_enter_opens_nothing_when_a_name_is_shared():
    table = [{"e": f"https://w3id.org/mlkg/id/{k}/x", "class": f"https://w3id.org/mlkg/ontology#{c}",
              "how": "label", "name": "Zorblax"} for k, c in (("model", "Model"), ("technique", "Technique"))]
    index = NameIndex(table)
    assert len([h for h in index.search("zorblax") if h.rank == 0]) == 2
    assert index.go_to("Zorblax") is None  # two exact matches: the results page lists both
    assert index.go_to("zorbl") is None  # a prefix of two names opens neither


def test_model_lineage_is_the_librarys_lineage(store, graph):
    """The page's lineage (SPARQL property paths) equals kg.lineage's step-by-step walk, edge for edge."""
    checked = 0
    for name in ("Nemotron-Nano-9B-v2", "Llama3", "MN-Minitron-8B", "UltraLong-8B"):
        root = find_model(graph.graph, name)
        page = entity_page(store, str(root))
        lin = lineage(graph.graph, root)
        want = {(str(e.child), str(e.parent)) for e in lin.edges}
        got = {(e["child"], e["parent"]) for e in page["lineage"]["edges"]}
        assert got == want, name
        assert page["lineage"]["ancestors"] == len(lin.ancestors)
        assert page["lineage"]["descendants"] == len(lin.descendants)
        for e in page["lineage"]["edges"]:
            assert e["evidence"], "every derivation the extractor states has its sentence"
            for ev in e["evidence"]:
                assert ev["quote"] and ev["sources"] and all(s["record"] and s["extractor"] for s in ev["sources"])
        checked += len(want)
    assert checked >= 5


def test_model_page_shows_papers_sizes_aliases_family(store, graph):
    root = str(find_model(graph.graph, "MN-Minitron-8B"))
    page = entity_page(store, root)
    assert page["page"] == "model" and page["label"] == "Mistral-NeMo-Minitron-8B"
    assert "MN-Minitron-8B" in page["aliases"] and page["parameters"] == ["8B"]
    assert page["introducedIn"] and page["introducedIn"][0]["href"].startswith("/id/paper/")
    assert [f["label"] for f in page["family"]] == ["Mistral"]
    kinds = {k for e in page["lineage"]["edges"] for k in e["kinds"]}
    assert {"pruned", "distilled"} <= kinds


def test_paper_page(store, index):
    page = entity_page(store, index.go_to("2402.16819").iri)
    assert page["page"] == "paper" and page["date"] == "2024-02-26"
    assert page["arxiv"] == [{"label": "2402.16819", "url": "https://arxiv.org/abs/2402.16819"}]
    assert len(page["authors"]) > 10 and page["authors"][0]["href"].startswith("/id/person/")
    assert "Nemotron-4 15B" in {x["label"] for x in page["introduces"]}
    assert page["records"] and all(r["record"] for r in page["records"])


def test_paper_page_lists_the_derivations_it_states(store, graph):
    minitron = str(find_model(graph.graph, "MN-Minitron-8B"))
    paper = entity_page(store, minitron)["introducedIn"][0]
    page = entity_page(store, iri_of(paper["href"]))
    stated = {(d["child"]["label"], d["parent"]["label"]) for d in page["derivations"]}
    assert ("Mistral-NeMo-Minitron-8B", "Mistral NeMo 12B") in stated
    assert all(d["quotes"] for d in page["derivations"])


def test_person_page_counts_coauthors(store, index, graph):
    page = entity_page(store, index.go_to("Wei Ping").iri)
    want = {r["coauthor"]: int(r["papers"]) for r in graph.rows("coauthors-of", person="Wei Ping")}
    assert {c["label"]: c["count"] for c in page["coauthors"]} == want
    assert len(page["papers"]) == len(graph.rows("papers-of", person="Wei Ping"))


def test_technique_page(store, index, graph):
    page = entity_page(store, index.go_to("RL").iri)
    assert page["page"] == "technique" and "RL" in page["aliases"]
    assert {p["label"] for p in page["usedBy"]} == {r["title"] for r in graph.rows("technique-users", name="RL")
                                                    if r["relation"] == "uses"}


def test_unknown_entity(store):
    assert entity_page(store, "https://w3id.org/mlkg/id/model/no-such-model") is None


def test_atlas_holds_every_derivation(store, graph):
    data = atlas_data(store)
    want = int(graph.rows(DERIVATION_PAIRS)[0]["n"])
    assert len(data["edges"]) == want > 10
    ids = {n["id"] for n in data["nodes"]}
    assert all(e["child"] in ids and e["parent"] in ids for e in data["edges"])
    in_trees = [i for g in data["groups"] for t in g["trees"] for i in t]
    assert sorted(in_trees) == sorted(ids)  # every model in exactly one tree
    assert {g["family"] for g in data["groups"]} >= {"Llama", "Nemotron"}
    assert all(n["href"].startswith("/id/model/") for n in data["nodes"])
    offline = atlas_data(store, offline=True)
    assert all(n["href"] is None for n in offline["nodes"]) and all(e.get("quote") for e in offline["edges"]
                                                                   if e["kinds"] != ["derived"])


def test_addresses_mirror_iris():
    iri = "https://w3id.org/mlkg/id/model/llama-3-8b-abc"
    assert href(iri) == "/id/model/llama-3-8b-abc" and iri_of(href(iri)) == iri
    assert href("http://example.org/x") is None and iri_of("/atlas") is None and iri_of("/id/") is None


@pytest.mark.parametrize("value, shown", [("1.5E10", "15B"), ("8e9", "8B"), ("3.5E8", "350M"), ("1.2E12", "1.2T"),
                                          ("7", "7"), ("n/a", "n/a")])
def test_parameter_counts_read_as_people_write_them(value, shown):
    assert parameters_text(value) == shown
