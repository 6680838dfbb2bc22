"""Papers and model cards in one graph: declared lineage, citations, links, and where each is stated.

An invented corpus built with the real pipeline into a real store: two papers (JSON Lines with
arXiv ids), a folder of cards laid out ORG/NAME/README.md and a Hub listing line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kg
from kg.graph.iris import paper as paper_iri

HUB = Path(__file__).resolve().parents[1] / "data" / "hub"
KELP, SORREL = "2501.00042", "2501.00077"
PAPERS = [
    {"title": "Kelp: small dialogue models", "authors": ["Ada Quill", "Ben Marsh"], "arxiv_id": KELP,
     "abstract": "We introduce Kelp-7B, a compact language model fine-tuned from Kelp-14B on curated dialogue data. "
                 "Kelp-7B outperforms Brine-7B on most benchmarks."},
    {"title": "Sorrel: pruning in practice", "authors": ["Cy Fenn"], "arxiv_id": SORREL,
     "abstract": "We present Sorrel-3B, obtained by pruning Sorrel-8B. Sorrel-3B matches larger models."},
]
CARDS = {
    # the paper's Kelp-7B, as its lab released it: cites the paper, names the base of its parent
    "kelp-lab/Kelp-7B-Base": f"---\nbase_model: kelp-lab/Kelp-14B-Base\nbase_model_relation: finetune\n"
                             f"tags:\n- arxiv:{KELP}\ndatasets:\n- kelp-lab/kelp-dialogues\n---\n",
    # a quantized copy citing the same paper: a node of its own, quantized from the release
    "kelp-lab/Kelp-7B-GGUF": f"---\nbase_model: kelp-lab/Kelp-7B-Base\nbase_model_relation: quantized\n"
                             f"tags:\n- arxiv:{KELP}\n---\n",
    # another lab's Sorrel-3B, citing nothing, from another parent than the paper says
    "example-lab/Sorrel-3B": "---\nbase_model: example-lab/Sorrel-8B-Instruct\nbase_model_relation: adapter\n---\n",
    # two repos with one name: never one node
    "lab-a/Fern-2B": "---\nlicense: mit\n---\n",
    "lab-b/Fern-2B": "---\nlicense: mit\n---\n",
}
HUB_LINE = {"id": "kelp-lab/Kelp-7B-Merge", "author": "kelp-lab", "pipeline_tag": "text-generation",
            "tags": ["merge", "base_model:kelp-lab/Kelp-7B-Base", "base_model:merge:kelp-lab/Kelp-7B-Base",
                     "base_model:merge:other-lab/Brine-7B"], "cardData": {"license": "mit"}}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[kg.KnowledgeGraph, Path]:
    root = tmp_path_factory.mktemp("cards-graph")
    (root / "papers.jsonl").write_text("".join(json.dumps(p) + "\n" for p in PAPERS))
    for repo, text in CARDS.items():
        (root / "cards" / repo).mkdir(parents=True)
        (root / "cards" / repo / "README.md").write_text(text)
    (root / "hub.jsonl").write_text(json.dumps(HUB_LINE) + "\n")
    report = kg.build([root / "papers.jsonl", root / "cards", root / "hub.jsonl"], store=root / "store")
    assert report.changed and not report.skipped
    return kg.open(root / "store"), root


def models(graph) -> dict[str, dict]:
    rows = graph.rows("""SELECT ?m ?label ?hf WHERE { ?m a mlkg:Model ; rdfs:label ?label .
                         OPTIONAL { ?m mlkg:hfId ?hf } }""")
    return {r["hf"] or r["label"]: r for r in rows}


def test_the_graph_conforms(built):
    graph, _ = built
    assert graph.validate() == []


def test_a_card_cited_paper_naming_the_model_makes_them_one_node(built):
    graph, _ = built
    by = models(graph)
    release = by["kelp-lab/Kelp-7B-Base"]
    assert release["label"] == "Kelp-7B"  # the paper's name for it; the id is its hfId
    rows = graph.rows("SELECT ?m ?p ?title WHERE { ?m mlkg:describedIn ?p . ?p dcterms:title ?title }", m=f"<{release['m']}>")
    assert [(r["p"], r["title"]) for r in rows] == [(str(paper_iri("arxiv:" + KELP, KELP, None)), PAPERS[0]["title"])]
    # the paper's own fact about it lands on the same node
    assert graph.rows("SELECT ?m ?p WHERE { ?p mlkg:introduces ?m }", m=f"<{release['m']}>")


def test_names_that_agree_without_a_citation_are_close_matches_not_one_node(built):
    graph, _ = built
    by = models(graph)
    close = {(r["a"], r["b"]) for r in graph.rows(
        "SELECT ?a ?b WHERE { ?x skos:closeMatch ?y . ?x rdfs:label ?a . ?y rdfs:label ?b }")}
    assert ("Sorrel-3B", "Sorrel-3B") in close  # another lab's repo, no citation
    assert ("Kelp-14B-Base", "Kelp-14B") in close  # the bare name, in no paper the repo's card cites
    assert ("Kelp-7B-GGUF", "Kelp-7B") in close  # the quantized copy: its own node
    assert by["kelp-lab/Kelp-7B-GGUF"]["m"] != by["kelp-lab/Kelp-7B-Base"]["m"]
    assert by["lab-a/Fern-2B"]["m"] != by["lab-b/Fern-2B"]["m"]


def test_declared_lineage_is_quoted_from_the_metadata_lines(built):
    graph, _ = built
    rows = graph.rows("""
        SELECT ?child ?kind ?parent ?quote ?conf ?by ?text WHERE {
          ?e rdf:subject ?c ; rdf:predicate ?k ; rdf:object ?p ; mlkg:quote ?quote ; mlkg:confidence ?conf ;
             prov:wasGeneratedBy/rdfs:label ?by ; mlkg:source ?r .
          ?r mlkg:text ?text ; mlkg:about ?c .
          ?c mlkg:hfId ?child . ?p mlkg:hfId ?parent .
          FILTER(?k IN (mlkg:finetunedFrom, mlkg:quantizedFrom, mlkg:mergedFrom, mlkg:basedOn))
          BIND(STRAFTER(STR(?k), "#") AS ?kind)
        }""")
    said = {(r["child"], r["kind"], r["parent"], r["quote"]) for r in rows}
    assert ("kelp-lab/Kelp-7B-Base", "finetunedFrom", "kelp-lab/Kelp-14B-Base", "base_model: kelp-lab/Kelp-14B-Base") in said
    assert ("kelp-lab/Kelp-7B-Base", "finetunedFrom", "kelp-lab/Kelp-14B-Base", "base_model_relation: finetune") in said
    assert ("kelp-lab/Kelp-7B-GGUF", "quantizedFrom", "kelp-lab/Kelp-7B-Base", "base_model: kelp-lab/Kelp-7B-Base") in said
    # an adapter is fine-tuning, and the relation line that says "adapter" is one of its quotes
    assert ("example-lab/Sorrel-3B", "finetunedFrom", "example-lab/Sorrel-8B-Instruct", "base_model_relation: adapter") in said
    assert {(r["parent"], r["quote"]) for r in rows if r["kind"] == "mergedFrom"} == {
        ("kelp-lab/Kelp-7B-Base", "base_model:merge:kelp-lab/Kelp-7B-Base"),
        ("other-lab/Brine-7B", "base_model:merge:other-lab/Brine-7B")}
    for r in rows:
        assert r["quote"] in " ".join(r["text"].split()) and r["conf"] == "1" and r["by"] == "kg extractor modelcard"


def test_a_cards_record_is_about_its_model_and_keyed_by_its_path(built):
    graph, _ = built
    rows = graph.rows("SELECT ?file ?hf WHERE { ?r mlkg:file ?file ; mlkg:about ?m . ?m mlkg:hfId ?hf }")
    assert {(r["file"], r["hf"]) for r in rows} >= {(f"{repo}/README.md", repo) for repo in CARDS}
    assert graph.rows("SELECT ?d WHERE { ?m mlkg:hfId 'kelp-lab/Kelp-7B-Base' ; mlkg:trainedOn/rdfs:label ?d }") == [
        {"d": "kelp-lab/kelp-dialogues"}]


def test_lineage_sources_says_who_states_each_derivation_and_flags_conflicts(built):
    graph, _ = built
    rows = graph.rows("lineage-sources")
    by = {(r["child"], r["kind"], r["parent"]): r for r in rows}
    # paper: Kelp-7B from Kelp-14B; card: Kelp-7B(-Base) from Kelp-14B-Base, its close match
    assert by[("Kelp-7B", "finetunedFrom", "Kelp-14B")]["stated"] == "both"
    assert by[("Kelp-7B", "finetunedFrom", "Kelp-14B-Base")]["stated"] == "both"
    assert by[("Kelp-7B-GGUF", "quantizedFrom", "Kelp-7B")]["stated"] == "model card"
    # the paper says Sorrel-3B from Sorrel-8B, the card says from Sorrel-8B-Instruct: a conflict, both ways
    text_row = by[("Sorrel-3B", "prunedFrom", "Sorrel-8B")]
    card_row = by[("Sorrel-3B", "finetunedFrom", "Sorrel-8B-Instruct")]
    assert (text_row["stated"], text_row["conflict"]) == ("paper text", "Sorrel-8B-Instruct")
    assert (card_row["stated"], card_row["conflict"]) == ("model card", "Sorrel-8B")
    assert not by[("Kelp-7B-GGUF", "quantizedFrom", "Kelp-7B")]["conflict"]
    assert {r["stated"] for r in rows} == {"paper text", "model card", "both"}
