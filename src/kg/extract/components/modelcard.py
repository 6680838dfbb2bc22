"""What a model card or a Hub listing declares, as facts: lineage, papers, training data.

The readers (kg.records.formats.model_card, .hub_models) hand over each declaration
with the metadata line that states it; this component turns them into facts about
the card's repo (a ``repo`` mention, resolved by its Hub id), all at confidence 1.0,
since metadata is declared rather than read from prose:

* ``base_model``: one derivation per parent, its kind from ``base_model_relation``
  through ``patterns/hub_relations.json`` (finetune, adapter -> fine-tuned; quantized;
  merge; none -> based on). When the relation is on a line of its own, that line is a
  second quote of the same fact, so the graph shows which relation was declared
  ("base_model_relation: adapter");
* ``arxiv:`` tags: ``describedIn`` the paper of that id;
* ``datasets``: ``trainedOn`` the dataset of that id.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from kg.extract.doc import Doc
from kg.extract.fact import Attribute, Fact, Mention
from kg.extract.pipeline import component
from kg.records.formats.declared import EXTRA_KEY, Declared
from kg.records.record import Problem
from kg.vocab import DERIVATIONS

VERSION = "1.0"
EXTRACTOR = f"modelcard@{VERSION}"
DECLARED = 1.0
"""The confidence of declared metadata: the card says so in so many words."""


@lru_cache(maxsize=1)
def relations() -> dict[str, str]:
    """base_model_relation -> derivation kind (a Fact predicate), checked against the ontology."""
    raw = json.loads(resources.files("kg.extract").joinpath("patterns/hub_relations.json").read_text("utf-8"))
    kind_of = {d.iri.rsplit("#", 1)[-1]: d.kind for d in DERIVATIONS}
    out = {}
    for relation, prop in raw.items():
        if relation.startswith("_"):
            continue
        if prop not in kind_of:
            raise ValueError(f"hub_relations.json: {prop!r} is no derivation of the ontology")
        out[relation] = kind_of[prop]
    return out


@component("modelcard", version=VERSION, assigns=("facts.declared",))
def modelcard(doc: Doc) -> None:
    raw = doc.record.extra.get(EXTRA_KEY)
    if raw is None:
        return
    declared = Declared.loads(raw)
    repo = Mention("repo", declared.repo)
    doc.entities.append(repo)
    doc.attributes.append(Attribute("repo", declared.repo, "about", declared.repo))

    def state(predicate: str, obj: Mention, quote: str | None) -> None:
        if quote and obj != repo:
            doc.facts.append(Fact(repo, predicate, obj, quote, DECLARED, EXTRACTOR, doc.record))

    kinds = relations()
    for parent in declared.parents:
        kind = kinds.get(parent.relation or "")
        if kind is None:
            kind = kinds[""]
            doc.problems.append(Problem(doc.record.file, doc.record.lines[0],
                                        f"unknown base_model_relation {parent.relation!r}: read as based on",
                                        skipped=False))
        state(kind, Mention("repo", parent.value), parent.quote)
        state(kind, Mention("repo", parent.value), parent.relation_quote)
    for paper in declared.papers:
        state("describedIn", Mention("paper", paper.value), paper.quote)
    for dataset in declared.datasets:
        state("trainedOn", Mention("dataset", dataset.value), dataset.quote)
