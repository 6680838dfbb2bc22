"""Contributions (techniques, datasets, benchmarks) and acronyms, on unseen sentences."""

import pytest

from kg.extract.abbreviations import find_abbreviations, find_long_form


@pytest.mark.parametrize("text, long, short", [
    ("We use Low-Rank Adaptation (LoRA) for tuning.", "Low-Rank Adaptation", "LoRA"),
    ("based on direct preference optimization (DPO) with", "direct preference optimization", "DPO"),
    ("a Graph Neural Network (GNN) encoder", "Graph Neural Network", "GNN"),
    ("We propose Sparse Token Routing, or STR, which skips idle tokens.", "Sparse Token Routing", "STR"),
    # initials first: letter by letter from the right would take the "p" inside "Optimization"
    ("a variant of Proximal Policy Optimization (PPO) that", "Proximal Policy Optimization", "PPO"),
])
def test_schwartz_hearst(text, long, short):
    found = find_abbreviations(text)
    assert [(a.long, a.short) for a in found] == [(long, short)]


def test_no_long_form_for_examples():
    assert find_abbreviations("strong baselines (e.g., GPT-4o) and others") == []
    assert find_long_form("XYZ", "nothing matches here") is None
    assert find_abbreviations("We train small models, or Transformers, on text.") == []


def contributions(doc):
    return {(f.object.kind, f.object.name) for f in doc.facts if f.predicate == "introduces"
            and f.object.kind != "model"}


@pytest.mark.parametrize("abstract, expected", [
    ("We propose Sparse Token Routing (STR), a method that skips idle tokens.",
     {("technique", "Sparse Token Routing")}),
    ("We introduce CodeArena-Pro, a benchmark of 2,000 programming tasks.",
     {("benchmark", "CodeArena-Pro")}),
    ("We curate BioChat-1M, a large-scale dataset of clinical dialogues.", {("dataset", "BioChat-1M")}),
    ("We introduce CodeJudge-X, a new evaluation set we release to measure correctness.",
     {("benchmark", "CodeJudge-X")}),
    ("The resulting algorithm, which we call Gradient Echo Tuning (GET), is stable.",
     {("technique", "Gradient Echo Tuning")}),
    ("The algorithms include a novel method we call Learning with Checked Rewards (LCR).",
     {("technique", "Learning with Checked Rewards")}),
    ("We also introduce new specialized datasets (MathTrove, Code-Edu, and ChatTrove).",
     {("dataset", "MathTrove"), ("dataset", "Code-Edu"), ("dataset", "ChatTrove")}),
    ("To this end, we propose a novel curriculum-guided reward shaping approach.",
     {("technique", "curriculum-guided reward shaping approach")}),
])
def test_contributions(extract_abstract, abstract, expected):
    assert expected <= contributions(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We propose a novel approach.",
    "In this paper, we present a new method and a simple framework.",
    "We study how retrieval affects long-context models.",
])
def test_generic_phrases_are_never_names(extract_abstract, abstract):
    assert contributions(extract_abstract(abstract)) == set()


def test_title_name_is_a_contribution(extract_abstract):
    doc = extract_abstract("We study objectives for pretraining.", title="SPARK: Self-Play Reinforcement for Pretraining")
    assert ("technique", "SPARK") in contributions(doc)


def test_slogan_title_is_not_a_name(extract_abstract):
    doc = extract_abstract("We study data.", title="Less, But Better: Notes on Pretraining")
    assert ("technique", "Less, But Better") not in contributions(doc)


def test_names_listed_are_the_contribution_not_the_description(extract_abstract):
    found = contributions(extract_abstract("We also introduce new specialized datasets (MathTrove, Code-Edu, "
                                           "and ChatTrove)."))
    assert ("dataset", "specialized datasets") not in found


@pytest.mark.parametrize("abstract", [
    "We release the whole framework, including training data and evaluation code.",
    "Results on four benchmarks (AlphaQA, BetaQA, GammaQA) improve by (+3.8%, +11.3%) over the baseline.",
])
def test_no_contribution_from(extract_abstract, abstract):
    assert not contributions(extract_abstract(abstract))


def test_of_inside_a_capitalised_name_and_no_second_contribution_from_its_appositive(extract_abstract):
    doc = extract_abstract("We present Grove of Paths (GoP), a new framework for language model inference.")
    assert contributions(doc) == {("technique", "Grove of Paths")}


def test_a_plain_word_named_after_our_new_dataset_is_its_name_and_the_model_describing_it_is_not_new(
        extract_abstract):
    doc = extract_abstract("Lark-7B is tuned from Wren-3.5 using our new Falcon-40B labeled ranking dataset, "
                           "Thistle, and a new reward pipeline.")
    assert ("dataset", "Thistle") in contributions(doc)
    assert "Falcon-40B" not in {f.object.name for f in doc.facts if f.predicate == "introduces"}


@pytest.mark.parametrize("abstract, expected", [
    ("Our key contribution is Adaptive Token Merging (ATM), which merges redundant visual tokens.",
     ("technique", "Adaptive Token Merging")),
    ("Central to our approach is Sparse Mixture Routing, a routing algorithm that activates two experts.",
     ("technique", "Sparse Mixture Routing")),
    ("RepoBench-X is a new benchmark we construct to measure repository-level code completion.",
     ("benchmark", "RepoBench-X")),
    ("We introduce two new benchmarks, AgentArena and ToolMaze, for evaluating tool-using agents.",
     ("benchmark", "ToolMaze")),
])
def test_contributions_stated_as_the_subject_or_listed_after_their_kind(extract_abstract, abstract, expected):
    assert expected in contributions(extract_abstract(abstract))


def test_an_acronym_in_the_appositive_of_a_presented_model_is_not_a_contribution(extract_abstract):
    doc = extract_abstract("We present Zorvex-Coder-V2, an open-source Mixture-of-Experts (MoE) code language model "
                           "that achieves performance comparable to GPT-4 in code-specific tasks.")
    assert contributions(doc) == set()


@pytest.mark.parametrize("abstract, expected", [
    ("We propose TinyDistLLM that distills smaller language models from generative larger language models.",
     {("technique", "TinyDistLLM")}),
    ("Finally, we incorporate best practices from earlier work to develop Kelp 2-Instruct, focusing on permissive "
     "data and extending our final-stage reinforcement learning.", set()),
    ("In this work, we introduce Kelp-Embed, incorporating architectural designs and training procedures. Our "
     "Kelp-Embed-v1 and Kelp-Embed-v2 models top the leaderboard.", set()),
    # a description gives way to the name in its appositive; an evaluation suite is a benchmark
    ("We curate a high-quality instruction dataset, Kelp-Pro, by prompting aligned LLMs with the pre-query template.",
     {("dataset", "Kelp-Pro")}),
    ("We propose a new evaluation suite, TALLY-2, with flexible configurations for sequence length.",
     {("benchmark", "TALLY-2")}),
    ("We introduce two new benchmarks, CRAB-Eval and CRAB-Hard, for code reasoning and execution prediction.",
     {("benchmark", "CRAB-Eval"), ("benchmark", "CRAB-Hard")}),
    # a dash opens an aside; a colon gives the head as a comma does
    ("In this work we introduce lookahead sampling - an algorithm to sample from autoregressive models faster.",
     {("technique", "lookahead sampling")}),
    ("We introduce QUILL: a new benchmark designed to evaluate multimodal models on college-level tasks.",
     {("benchmark", "QUILL")}),
    # a parameter count is a model's, not a contribution
    ("We release Kelp 2, a family of fully open 7B and 13B language models.", set()),
    # what a thing is for is not what it is; a coined word can begin a longer name
    ("We describe KelpEval, an automatic evaluator for instruction-following language models.",
     {("benchmark", "KelpEval")}),
    ("We propose a simple yet effective technique, called Banded-Window Attention, which generalizes local "
     "attention.", {("technique", "Banded-Window Attention")}),
    ("We study instruction tuning for dialogue. Our fine-tuned models, called Auk-A and Auk-B, outperform open "
     "baselines.", set()),
    # what the text calls it beats what its name suggests; the name a method is given replaces it
    ("We construct KelpBench, an instruction-tuning dataset for tool use, which is automatically constructed.",
     {("dataset", "KelpBench")}),
    ("We introduce a data selection method based on gradient similarity, which we refer to as KELPS.",
     {("technique", "KELPS")}),
])
def test_exactly_these_contributions(extract_abstract, abstract, expected):
    """A coined name, a participle clause, the stem of versioned models, a named appositive."""
    assert contributions(extract_abstract(abstract)) == expected


@pytest.mark.parametrize("abstract, contribution, found", [
    # a lower-case method called with its acronym, or after a method head; not a scenario
    ("Inspired by recent efforts to efficiently up-scale LLMs, we present a method for scaling LLMs called layer "
     "stacking expansion (LSE), which encompasses depthwise scaling.", ("technique", "layer stacking expansion"), True),
    ("We show how such abilities emerge in large language models via a simple method called chain of thought "
     "prompting.", ("technique", "chain of thought prompting"), True),
    ("This paper introduces techniques for retrieval, enabling a broader search scenario, termed universal multimodal "
     "retrieval, where many tasks are accommodated.", ("technique", "universal multimodal retrieval"), False),
    # "which we call the X dataset"; a list is no appositive
    ("We collect 1.2M human preference annotations, which we call the KelpSteer-3 dataset, and use them to train "
     "reward models.", ("dataset", "KelpSteer-3"), True),
    ("To advance research in this field, we open-sourced the model weights, instruction tuning data, KelpRAG Bench, "
     "and retriever for the community.", ("dataset", "instruction tuning data"), True),
])
def test_a_named_or_listed_contribution(extract_abstract, abstract, contribution, found):
    assert (contribution in contributions(extract_abstract(abstract))) is found


def test_performing_a_task_contributes_nothing_and_fields_and_memories_are_not_used(extract_abstract):
    doc = extract_abstract("We explore how a series of intermediate steps improves the ability of large language "
                           "models to perform complex reasoning. We propose TileAttention, an exact attention "
                           "algorithm that reduces reads between GPU high bandwidth memory (HBM) and on-chip SRAM, "
                           "for natural language processing (NLP) tasks.")
    assert contributions(doc) == {("technique", "TileAttention")}
    used = {f.object.name for f in doc.facts if f.predicate == "uses"}
    assert not used & {"high bandwidth memory", "natural language processing"}


def test_another_object_along_with_the_first(extract_abstract):
    doc = extract_abstract("We present a detailed continued training recipe to extend the context window of Falcon-70B "
                           "from 8K to 128K tokens, along with a three-stage instruction tuning process to enhance "
                           "the model's instruction following.")
    names = {name for _, name in contributions(doc)}
    assert "three-stage instruction tuning process" in names
    doc = extract_abstract("We propose a routing method for sparse models, along with the results of Falcon-7B.")
    assert "results" not in " ".join(name for _, name in contributions(doc))
