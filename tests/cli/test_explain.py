"""kg explain NAME: every derivation of a model with its rule, quote and file:line, and every candidate
the extractor turned down. A real store is built from a small listing of invented models."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import kg
from kg.cli import app
from kg.cli.explain import render
from kg.explain import explain
from kg.extract.decision import Decision
from kg.extract.pipeline import COMPONENTS, DEFAULT_PIPELINE, Registered, pipeline, run
from kg.keys import model_key
from kg.records.io import parse_text

ORVIK = "Orvik 2 is a 13B model obtained by fine-tuning Brenna-2 13B on tailored, high-quality synthetic data."
SHARN = ("We present Sharn-1.3B and Sharn-2.7B, obtained by pruning the Brenna-7B model down to 1.3B and 2.7B "
         "parameters.")
UNLIKE = "Unlike Orvik 2, Zorin-13B is trained from scratch on web text."
RATHER = "We present Tamsin-7B, built on Brenna-7B rather than Kelp-7B."
LISTING = [
    {"title": "Orvik 2: A Fine-Tuned Assistant", "authors": ["Ada Quill", "Ben Marsh"],
     "abstract": ORVIK + " Orvik 2 outperforms Kelp-13B on reasoning benchmarks.", "arxiv_id": "2501.00001"},
    {"title": "Sharn: Pruned Small Models", "authors": ["Cy Dale"], "abstract": SHARN, "arxiv_id": "2501.00002"},
    {"title": "A Note on Chat Models", "authors": ["Eve Ford"],
     "abstract": UNLIKE + " We compare Zorin-13B with Brenna-2 13B.", "arxiv_id": "2501.00003"},
    {"title": "Tokenizers at Scale", "authors": ["Gil Hart"],
     "abstract": "We study byte-level tokenizers for Pelorus-3B, a model we release.", "arxiv_id": "2501.00004"},
    {"title": "Tamsin: A Small Chat Model", "authors": ["Ida Kent"], "abstract": RATHER, "arxiv_id": "2501.00005"},
    {"title": "A Dialogue Corpus", "authors": ["Jo Lund"],  # "orvik23" holds "orvik2", but not as a word
     "abstract": "We release the Orvik 23 corpus of dialogues in eleven languages.", "arxiv_id": "2501.00006"},
]


def _write(folder):
    path = folder / "papers.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in LISTING), "utf-8")
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("explain")
    kg.build([_write(folder)], store=folder / "store")
    return folder / "store"


def invoke(*args):
    return CliRunner().invoke(app, ["explain", *map(str, args)])


def test_an_edge_is_shown_with_its_kind_quote_rule_and_place(store):
    result = invoke("Orvik 2", "--store", store)
    assert result.exit_code == 0, (result.stdout, result.stderr)
    out = result.stdout
    assert out.splitlines()[0] == "Orvik 2"
    assert "Orvik 2  fine-tuned from  Brenna-2 13B  (0." in out
    assert f"“{ORVIK}”" in out
    assert "at papers.jsonl:1" in out
    assert "rule: " in out


@pytest.mark.parametrize("spelling", ["orvik-2", "ORVIK 2", "Orvik_2"])
def test_any_spelling_finds_the_model(store, spelling):
    result = invoke(spelling, "--store", store, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["label"] == "Orvik 2"


def test_a_parent_shows_every_child_made_from_it(store):
    found = explain(store, "Brenna-7B")
    children = {(d.child, d.kind) for d in found.derivations if d.in_graph and d.parent == "Brenna-7B"}
    assert {("Sharn-1.3B", "pruned"), ("Sharn-2.7B", "pruned")} <= children
    assert all(d.quote == SHARN and (d.file, d.line) == ("papers.jsonl", 2)
               for d in found.derivations if d.child.startswith("Sharn"))


def test_the_iri_names_the_model_too(store):
    iri = explain(store, "Orvik 2").iri
    assert explain(store, iri).label == explain(store, f"<{iri}>").label == "Orvik 2"


def test_a_name_with_a_space_is_looked_up_without_a_warning(store, caplog):
    # (rdflib warns of an IRI with a space; a name is no IRI)
    with caplog.at_level("WARNING"):
        found = explain(store, "Orvik 2")
    assert found.label == "Orvik 2"
    assert [r.getMessage() for r in caplog.records] == []


def test_json_output_parses_and_holds_each_field(store):
    result = invoke("Orvik 2", "--store", store, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["name"] == "Orvik 2" and data["iri"].startswith("https://")
    (edge,) = [d for d in data["derivations"] if d["parent"] == "Brenna-2 13B"]
    assert edge["child"] == "Orvik 2" and edge["kind"] == "fine-tuned" and edge["in_graph"] is True
    assert edge["quote"] == ORVIK and edge["file"] == "papers.jsonl" and edge["line"] == 1
    assert 0 < edge["confidence"] <= 1
    assert isinstance(data["rejected"], list)


def test_only_the_records_naming_the_model_are_extracted_again(store):
    assert explain(store, "Orvik 2").records == 2  # its own paper, and the one comparing it; not "Orvik 23"
    assert explain(store, "Pelorus-3B").records == 1


def test_a_model_without_derivations_says_none(store):
    result = invoke("Pelorus-3B", "--store", store)
    assert result.exit_code == 0, result.stderr
    assert "derivations in the graph (0)\n  none" in result.stdout


def test_an_unknown_name_is_one_line_with_the_closest_names_and_exit_1(store):
    result = invoke("Orvix 2", "--store", store)
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: no model named 'Orvix 2' in {store}")
    assert "did you mean Orvik 2" in lines[0]


def test_a_name_like_nothing_gets_no_suggestion(store):
    result = invoke("qqqqzzzz", "--store", store)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: no model named 'qqqqzzzz' in {store}"


def test_a_missing_store_is_one_line_and_exit_1(tmp_path):
    result = invoke("Orvik 2", "--store", tmp_path / "nothing")
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("error: no graph at")
    assert "Traceback" not in result.stderr + result.stdout


def test_a_name_fitting_several_models_lists_them(store):
    result = invoke("Sharn", "--store", store)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Sharn-1.3B" in result.stderr and "Sharn-2.7B" in result.stderr


def test_a_derivation_below_the_builds_confidence_is_found_but_not_in_the_graph(tmp_path):
    kg.build([_write(tmp_path)], store=tmp_path / "store", min_confidence=0.99)
    found = explain(tmp_path / "store", "Orvik 2")
    (d,) = [d for d in found.derivations if d.parent == "Brenna-2 13B"]
    assert not d.in_graph and d.quote == ORVIK and (d.file, d.line) == ("papers.jsonl", 1)
    text = render(found).plain
    assert "derivations in the graph (0)" in text
    assert "derivations found but not in the graph (1)" in text


# -- decisions: the rule of each edge and the reason of each rejection -------------------------------

def _decide(doc) -> None:
    """A stand-in for the derivation extractor's record of what it weighed (whatever that records today):
    a rule for each fine-tuning fact, a rejection for each "Unlike X, Y"."""
    doc.decisions.clear()
    for f in doc.facts:
        if f.predicate == "finetuned":
            idx = next(i for i in range(len(doc.sentences)) if doc.quote(i) == f.quote)
            doc.decisions.append(Decision(f.subject.name, f.object.name, "finetuned", "test: obtained by fine-tuning",
                                          idx, True, confidence=f.confidence))
    for i, s in enumerate(doc.sentences):
        if s.text.startswith("Unlike Orvik 2,"):
            doc.decisions.append(Decision("Zorin-13B", "Orvik 2", "", "test: unlike X, Y", i, False, "comparison"))
        if s.text.startswith("We compare Zorin-13B"):
            doc.decisions.append(Decision("Zorin-13B", "Brenna-2 13B", "finetuned", "test: kept, yet no fact", i, True,
                                          confidence=0.5))


@pytest.fixture
def deciding(monkeypatch):
    monkeypatch.setitem(COMPONENTS, "test-decide", Registered("test-decide", "0", _decide, (), ()))
    return (*DEFAULT_PIPELINE, "test-decide")


def test_each_edge_shows_the_rule_that_found_it(store, deciding):
    found = explain(store, "Orvik 2", components=deciding)
    (d,) = [d for d in found.derivations if d.parent == "Brenna-2 13B"]
    assert d.rule == "test: obtained by fine-tuning" and d.in_graph


def test_each_rejected_candidate_shows_its_rule_reason_quote_and_place(store, deciding):
    found = explain(store, "Orvik 2", components=deciding)
    (r,) = [r for r in found.rejected if r.rule == "test: unlike X, Y"]
    assert (r.child, r.parent, r.why, r.quote, r.file, r.line) == \
        ("Zorin-13B", "Orvik 2", "comparison", UNLIKE, "papers.jsonl", 3)
    text = render(found).plain
    assert "  Zorin-13B <- Orvik 2\n    rule: test: unlike X, Y\n    reason: comparison\n" in text
    assert f"“{UNLIKE}”\n    at papers.jsonl:3" in text


def test_a_candidate_kept_without_a_fact_is_found_but_not_in_the_graph(store, deciding):
    found = explain(store, "Zorin-13B", components=deciding)
    (d,) = [d for d in found.derivations if d.rule == "test: kept, yet no fact"]
    assert (d.child, d.kind, d.parent, d.in_graph) == ("Zorin-13B", "fine-tuned", "Brenna-2 13B", False)
    assert d.quote == "We compare Zorin-13B with Brenna-2 13B." and (d.file, d.line) == ("papers.jsonl", 3)


def test_a_rejection_about_other_models_is_left_out(store, deciding):
    found = explain(store, "Brenna-2 13B", components=deciding)
    assert not [r for r in found.rejected if r.rule == "test: unlike X, Y"]


@pytest.mark.parametrize("name", ["Kelp-7B", "Brenna-7B", "Orvik 2"])
def test_every_decision_of_the_derivation_extractor_is_shown(store, name):
    """What the real extractor weighs for the records naming the model, kept or not, kg explain shows."""
    records, _, _ = parse_text((store.parent / "papers.jsonl").read_text("utf-8"), "papers.jsonl")
    comps = pipeline()
    keys = {model_key(name)}
    decided = [d for r in records for d in run(r, comps).decisions if keys & {model_key(d.child), model_key(d.parent)}]
    if not decided:
        pytest.skip("the derivation extractor records no decisions about this model yet")
    found = explain(store, name)
    rejected = {(r.child, r.parent, r.rule, r.why) for r in found.rejected}
    assert {(d.child, d.parent, d.rule, d.why) for d in decided if not d.accepted} <= rejected
    rules = {(d.child, d.parent, d.rule) for d in found.derivations}
    assert {(d.child, d.parent, d.rule) for d in decided if d.accepted} <= rules


def test_records_naming_a_model_are_found_in_every_spelling_of_its_key():
    """explain looks for the records that name a model by its key written with any separators; a
    key keeps a "-" between a version's digit and a size (kg.keys.model_key), which any run of
    separators in the text stands for."""
    from kg.explain import _name_pattern

    pattern = _name_pattern({model_key("Caelax-2-7B")})
    for text in ("We introduce Caelax-2-7B.", "We introduce Caelax 2 7B.", "caelax_2-7b is small."):
        assert pattern.search(text), text
    assert not pattern.search("We introduce Caelax-27B.")
