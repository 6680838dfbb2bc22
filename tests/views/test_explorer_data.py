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
    assert {"names", "entity", "links", "lineage-parents", "lineage-children", "derivation-evidence", "atlas"} <= set(queries)
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


def test_a_model_with_many_descendants_draws_the_nearest(tmp_path):
    """A base model with 80 fine-tunes (one of them fine-tuned again) and a parent: the page draws 60
    derivations, its ancestry and the nearest descendants first, and says how many there are."""
    from kg.graph.store import Store
    from kg.views.explorer.pages import MAX_EDGES

    ns, mlkg = "https://w3id.org/mlkg/id/model/", "https://w3id.org/mlkg/ontology#"
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"

    def model(name):
        return [f"<{ns}{name}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{mlkg}Model> .\n",
                f'<{ns}{name}> {label} "{name}" .\n']

    def derived(child, parent):
        return [f"<{ns}{child}> <{mlkg}finetunedFrom> <{ns}{parent}> .\n",
                f"<{ns}{child}> <{mlkg}derivedFrom> <{ns}{parent}> .\n"]

    lines = model("Zorb-Base") + model("Zorb-Root") + derived("Zorb-Base", "Zorb-Root")
    for i in range(80):
        lines += model(f"Zorb-FT-{i:02d}") + derived(f"Zorb-FT-{i:02d}", "Zorb-Base")
    lines += model("Zorb-FT-00-Again") + derived("Zorb-FT-00-Again", "Zorb-FT-00")
    store = Store(tmp_path / "store")
    store.write(sorted(set(lines)), [], {})
    page = entity_page(open_store(store.path), ns + "Zorb-Base")
    lin = page["lineage"]
    assert lin["total"] == 82 and len(lin["edges"]) == MAX_EDGES == 60
    assert lin["ancestors"] == 1 and lin["descendants"] == 81
    pairs = {(e["child"].rsplit("/", 1)[1], e["parent"].rsplit("/", 1)[1]) for e in lin["edges"]}
    assert ("Zorb-Base", "Zorb-Root") in pairs  # its ancestry always
    assert ("Zorb-FT-00-Again", "Zorb-FT-00") not in pairs  # a grandchild only after every child
    assert {n["id"] for n in lin["nodes"]} == {n for e in lin["edges"] for n in (e["child"], e["parent"])}


def test_a_derivation_declared_in_a_model_card_shows_where_it_is_declared(tmp_path):
    """Evidence from any source is shown by what the graph says of it (record, reader, extractor): a
    card's declaration (an invented card, in the shape the model-card reader writes) needs no code."""
    from kg.graph.store import Store

    ns, mlkg, rdf = "https://w3id.org/mlkg/id/", "https://w3id.org/mlkg/ontology#", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    child, parent, text_twin = f"<{ns}model/quillo-7b-chat>", f"<{ns}model/quillo-7b>", f"<{ns}model/quillo-7b-chat-text>"
    record, ev, ex = f"<{ns}record/quillo-card/1>", f"<{ns}evidence/q1>", f"<{ns}extractor/modelcard/1-0>"
    lines = [
        f"{child} <{rdf}type> <{mlkg}Model> .", f'{child} {label} "Quillo-7B-Chat" .',
        f'{child} <{mlkg}hfId> "quillo-lab/Quillo-7B-Chat" .',
        f"{parent} <{rdf}type> <{mlkg}Model> .", f'{parent} {label} "Quillo-7B" .',
        f"{text_twin} <{rdf}type> <{mlkg}Model> .", f'{text_twin} {label} "Quillo 7B Chat" .',
        f"{child} <http://www.w3.org/2004/02/skos/core#closeMatch> {text_twin} .",
        f"{child} <{mlkg}finetunedFrom> {parent} .", f"{child} <{mlkg}derivedFrom> {parent} .",
        f"{record} <{rdf}type> <{mlkg}Record> .", f"{record} <{mlkg}about> {child} .",
        f'{record} <{mlkg}file> "quillo-lab/Quillo-7B-Chat/README.md" .', f'{record} <{mlkg}index> "1" .',
        f'{record} <{mlkg}format> "model-card" .', f'{record} <{mlkg}firstLine> "2" .', f'{record} <{mlkg}lastLine> "3" .',
        f"{ev} <{rdf}type> <{mlkg}Evidence> .", f"{ev} <{rdf}subject> {child} .", f"{ev} <{rdf}predicate> <{mlkg}finetunedFrom> .",
        f"{ev} <{rdf}object> {parent} .", f'{ev} <{mlkg}quote> "base_model: quillo-lab/Quillo-7B" .',
        f"{ev} <{mlkg}source> {record} .", f'{ev} <{mlkg}confidence> "1.0" .', f"{ev} <http://www.w3.org/ns/prov#wasGeneratedBy> {ex} .",
        f'{ex} {label} "kg extractor modelcard" .', f'{ex} <{mlkg}version> "1.0" .',
    ]
    store = Store(tmp_path / "store")
    store.write(sorted(line + "\n" for line in lines), [], {})
    page = entity_page(open_store(store.path), f"{ns}model/quillo-7b-chat")
    assert page["hf"] == [{"label": "quillo-lab/Quillo-7B-Chat", "url": "https://huggingface.co/quillo-lab/Quillo-7B-Chat"}]
    [edge] = page["lineage"]["edges"]
    [said] = edge["evidence"]
    assert said["quote"] == "base_model: quillo-lab/Quillo-7B" and said["kinds"] == ["fine-tuned"]
    assert said["sources"] == [{"record": "quillo-lab/Quillo-7B-Chat/README.md #1", "format": "model-card",
                                "lines": "2–3", "extractor": "kg extractor modelcard 1.0", "confidence": "1.0"}]
    assert [m["label"] for m in page["closeMatches"]] == ["Quillo 7B Chat"]
    assert [r["format"] for r in page["records"]] == ["model-card"]
