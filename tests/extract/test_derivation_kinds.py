"""Derivation kinds are defined once, by the ontology, and every stage takes them from kg.vocab.

A kind added to ontology/mlkg.ttl (and vocab.py regenerated) must reach extraction's predicates,
the graph builder, lineage, the views and the property-graph exports without a second list.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from rdflib import RDFS, Graph, URIRef

from kg.exports.networks import DERIVATIONS as EXPORT_DERIVATIONS
from kg.exports.networks import EDGE_TYPES, edge_type
from kg.extract.fact import DERIVATION_KINDS, PREDICATES
from kg.graph.build import PREDICATE
from kg.lineage import KINDS
from kg.views.network import EDGES, KIND_COLOURS
from kg.vocab import DERIVATIONS, MLKG

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology" / "mlkg.ttl"


def ontology_kinds() -> set[URIRef]:
    onto = Graph().parse(ONTOLOGY)
    return set(onto.subjects(RDFS.subPropertyOf, MLKG.derivedFrom))


def test_the_table_holds_every_sub_property_of_derived_from_with_its_label():
    onto = Graph().parse(ONTOLOGY)
    assert {d.iri for d in DERIVATIONS} == ontology_kinds()
    assert len(DERIVATIONS) == len({d.kind for d in DERIVATIONS}) >= 10
    for d in DERIVATIONS:
        assert str(onto.value(d.iri, RDFS.label)) == d.label


@pytest.mark.parametrize("iri, kind, edge", [
    (MLKG.finetunedFrom, "finetuned", "FINETUNED_FROM"),
    (MLKG.continuedPretrainingFrom, "continued_pretraining", "CONTINUED_PRETRAINING_FROM"),
    (MLKG.contextExtendedFrom, "context_extended", "CONTEXT_EXTENDED_FROM"),
    (MLKG.basedOn, "based_on", "BASED_ON"),
])
def test_names_are_made_from_the_property(iri, kind, edge):
    assert {d.iri: d.kind for d in DERIVATIONS}[iri] == kind
    assert edge_type(iri) == EDGE_TYPES[iri] == edge


def test_every_stage_knows_every_kind():
    kinds = [d.kind for d in DERIVATIONS]
    assert list(DERIVATION_KINDS) == kinds and set(kinds) < set(PREDICATES)
    for d in DERIVATIONS:
        assert PREDICATE[d.kind] == f"<{d.iri}>"
        assert KINDS[d.iri] == d.label.removesuffix(" from")  # "fine-tuned from" -> "fine-tuned"
        assert EDGES[d.iri][:2] == (d.kind, d.label)
        assert d.kind in KIND_COLOURS  # drawn in a colour of its own, not the plain "derived" grey
        assert str(d.iri) in EXPORT_DERIVATIONS
    assert set(KIND_COLOURS) == set(kinds)
    assert set(EXPORT_DERIVATIONS) == {str(d.iri) for d in DERIVATIONS}
    assert set(KINDS) == {d.iri for d in DERIVATIONS}


def test_extraction_patterns_name_only_known_kinds():
    """The kinds extraction has cue words and verbs for are the ontology's (a typo would make facts
    that the graph builder cannot write)."""
    patterns = json.loads(resources.files("kg.extract").joinpath("patterns/derivations.json").read_text("utf-8"))
    named = set(patterns["cues"]) | set(patterns["verbs"].values())
    assert len(named) >= 8 and named <= set(DERIVATION_KINDS), named - set(DERIVATION_KINDS)


@pytest.mark.parametrize("abstract, kind", [
    ("We align Falcon-40B with human preferences to obtain Kelpo 2.", "aligned"),
    ("Kelpo 2 is fine-tuned from Falcon-40B and then undergoes an alignment phase.", "aligned"),
    ("We further align the model with user feedback via DPO to obtain Kelpo 2 from Falcon-40B.", "aligned"),
])
def test_preference_alignment_is_aligned(extract_abstract, abstract, kind):
    assert kind in {f.predicate for f in extract_abstract(abstract).facts}


@pytest.mark.parametrize("abstract", [
    "We build Kelpo-V on Falcon-40B and align image features with the language space through a projector.",
    "Kelpo-V, based on Falcon-40B, aligns both languages and images in one embedding space.",
])
def test_aligning_representations_is_no_preference_alignment(extract_abstract, abstract):
    assert "aligned" not in {f.predicate for f in extract_abstract(abstract).facts}


@pytest.mark.parametrize("abstract", [
    "After aligning Falcon-40B-Base, we compress and distill it into Kelpo-9B.",
    "Applying Self-Kelp-Align to the Falcon-40B base model, we develop an assistant named Kelpo.",
])
def test_aligning_a_model_is_aligned(extract_abstract, abstract):
    assert "aligned" in {f.predicate for f in extract_abstract(abstract).facts}


@pytest.mark.parametrize("abstract, kind", [
    ("We present KelpModel, a Basque LLM based on Falcon-7B, which we continuously pre-train on 13.6B Basque words, "
     "and further tune on 3.7M Basque instructions.", "finetuned"),
    ("We developed KelpGPT by training the backbone model Falcon-7B with the KelpInstruct data.", "finetuned"),
    ("We introduce Kippo, a family of 7B models fine-tuned from Falcon through continual pre-training and "
     "reinforcement learning from human and AI feedback.", "aligned"),
])
def test_instructions_and_feedback_name_their_kinds(extract_abstract, abstract, kind):
    assert kind in {f.predicate for f in extract_abstract(abstract).facts}


def test_training_on_plain_text_is_no_tuning(extract_abstract):
    doc = extract_abstract("We present KelpModel, a Basque LLM based on Falcon-7B, which we further train on 13.6B "
                           "Basque words.")
    assert "finetuned" not in {f.predicate for f in doc.facts}


def test_aligning_a_model_s_latent_space_is_no_preference_alignment(extract_abstract):
    doc = extract_abstract("We fine-tune Kelp-L14 into Long-Kelp, which supports long-text input and aligns the "
                           "Kelp-L14 latent space, so it can replace Kelp-L14 directly.")
    assert "aligned" not in {f.predicate for f in doc.facts}


@pytest.mark.parametrize("abstract, kinds", [
    ("We introduce Kippo, a family of 7B models fine-tuned from Falcon and Orvik-7B through continual pre-training, "
     "instruction tuning, and reinforcement learning from human and AI feedback.", {"finetuned", "aligned"}),
    ("We release Kippo-3B, distilled from Orvik-7B through continued pre-training and instruction tuning.",
     {"distilled", "finetuned"}),
    ("We release Kippo-3B, pruned from Orvik-7B via structured pruning and continued pre-training.",
     {"pruned", "continued_pretraining"}),
])
def test_a_derivation_verb_and_its_last_stage_name_the_kinds_not_every_stage(extract_abstract, abstract, kinds):
    doc = extract_abstract(abstract)
    said = {f.predicate for f in doc.facts if f.object.name in ("Orvik-7B", "Falcon")}
    assert said == kinds


def test_trained_further_from_a_model_with_no_other_kind_said_is_fine_tuned(extract_abstract):
    doc = extract_abstract("Trained with a large-scale reinforcement learning pipeline from Orvik-72B, KelpProver "
                           "demonstrates strong performance in proof generation.")
    assert {f.predicate for f in doc.facts if f.object.name == "Orvik-72B"} == {"finetuned"}
