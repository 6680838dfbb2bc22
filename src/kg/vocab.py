"""The mlkg vocabulary as Python names. GENERATED from ontology/mlkg.ttl by
tools/gen_vocab.py: do not edit; a test fails when it is out of date."""

from typing import NamedTuple

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace


class MLKG(DefinedNamespace):
    """https://w3id.org/mlkg/ontology# ; unknown terms raise AttributeError."""

    _fail = True
    _NS = Namespace("https://w3id.org/mlkg/ontology#")

    Benchmark: URIRef  # class: An evaluation benchmark: a kind of dataset.
    Dataset: URIRef  # class: A corpus or data set.
    Evidence: URIRef  # class: Why one fact is believed: the reified statement, the quote that states it, the record it was read from, a confidence and the extractor that produced it.
    Extractor: URIRef  # class: One version of one extractor of kg: the activity that generated a piece of evidence.
    Model: URIRef  # class: A trained, named machine-learning model: a checkpoint or a release.
    ModelFamily: URIRef  # class: A family or suite of models that share a name stem (Llama, Nemotron-4, ...); not itself a checkpoint.
    Organization: URIRef  # class: An organisation, also when it is printed in an author list.
    Paper: URIRef  # class: A research paper, once, however many sources list it.
    Person: URIRef  # class: An author of a paper.
    Record: URIRef  # class: One record of one input file, as read.
    Technique: URIRef  # class: A method, algorithm, objective, training recipe, architecture component or pipeline.
    about: URIRef  # property: A record describes this paper; a model card's record (or a Hub listing's line) describes this model.
    alignedFrom: URIRef  # property: The model is the other model after alignment (RLHF, DPO, preference tuning).
    arxivId: URIRef  # property: The paper's arXiv identifier without version, e.g. "2402.16819".
    authorsNotShown: URIRef  # property: How many further authors a source left out ("et al. (N additional authors not shown)"): the author list is truncated.
    basedOn: URIRef  # property: The text says the model is built on or based on the other without saying how.
    comments: URIRef  # property: The comments a source printed with the paper (venue, pages, ...).
    confidence: URIRef  # property: How sure the extractor is of the fact, in [0, 1].
    contextExtendedFrom: URIRef  # property: The model is the other model with a longer context window.
    continuedPretrainingFrom: URIRef  # property: The model is the other model with continued pre-training.
    derivedFrom: URIRef  # property: A model was made from another model. Always asserted together with its specific kind.
    describedIn: URIRef  # property: A model's card cites this paper (its arxiv: tags).
    distilledFrom: URIRef  # property: The model was trained by knowledge distillation from the other model as teacher.
    doi: URIRef  # property: The paper's Digital Object Identifier, e.g. "10.1145/3649329.3656543".
    file: URIRef  # property: The record's input file: its name, or its path under the folder given to kg build when it lies in a sub-folder ("nvidia/Kelp-7B/README.md").
    finetunedFrom: URIRef  # property: The model was fine-tuned (supervised, instruction-tuned, RL-trained) from the other model.
    firstLine: URIRef  # property: The 1-based line of the input file where the record starts.
    format: URIRef  # property: The name of the reader that read the record (arxiv-listing, hf-daily, bibtex, ...).
    hfId: URIRef  # property: The model's repository id on the Hugging Face Hub, e.g. "nvidia/Mistral-NeMo-Minitron-8B-Base".
    inFamily: URIRef  # property: The model belongs to this model family (its name shows it).
    index: URIRef  # property: The record's 1-based position among its file's records.
    introduces: URIRef  # property: A paper introduces (contributes, releases) a model, technique, dataset or benchmark.
    lastLine: URIRef  # property: The 1-based line of the input file where the record ends.
    mergedFrom: URIRef  # property: The model was made by merging the other model's weights with others.
    parameterCount: URIRef  # property: The model's number of parameters, e.g. 1.5E10.
    position: URIRef  # property: On the evidence of a wrote fact: the author's 1-based position in that record's author list.
    prunedFrom: URIRef  # property: The model was made by pruning (compressing) the other model.
    quantizedFrom: URIRef  # property: The model is a quantized version of the other model.
    quote: URIRef  # property: The sentence or line of the input that states the fact, copied from the input (whitespace may be collapsed).
    source: URIRef  # property: The record the evidence was read from.
    text: URIRef  # property: The record's verbatim text, so that every quote can be found in it.
    titleGuessed: URIRef  # property: True when no source gave the paper's title and its label is its abstract's first sentence.
    trainedOn: URIRef  # property: A model was trained on this dataset, as its card or a paper says.
    upcycledFrom: URIRef  # property: The (mixture-of-experts) model was upcycled from the other, dense model.
    uses: URIRef  # property: A paper builds its contribution on an existing technique.
    version: URIRef  # property: The version of an extractor.
    wrote: URIRef  # property: A person or organisation wrote a paper.


class Derivation(NamedTuple):
    """One way a model is made from another: a sub-property of mlkg:derivedFrom."""

    kind: str  # the name a fact gives it: "finetuned"
    iri: URIRef  # mlkg:finetunedFrom
    label: str  # its rdfs:label: "fine-tuned from"


DERIVATIONS = (
    Derivation("finetuned", MLKG.finetunedFrom, "fine-tuned from"),
    Derivation("pruned", MLKG.prunedFrom, "pruned from"),
    Derivation("distilled", MLKG.distilledFrom, "distilled from"),
    Derivation("upcycled", MLKG.upcycledFrom, "upcycled from"),
    Derivation("continued_pretraining", MLKG.continuedPretrainingFrom, "continued pre-training from"),
    Derivation("context_extended", MLKG.contextExtendedFrom, "context-extended from"),
    Derivation("aligned", MLKG.alignedFrom, "aligned from"),
    Derivation("quantized", MLKG.quantizedFrom, "quantized from"),
    Derivation("merged", MLKG.mergedFrom, "merged from"),
    Derivation("based_on", MLKG.basedOn, "based on"),
)
"""Every derivation kind, in the order the ontology lists them."""
