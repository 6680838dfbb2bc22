"""What a paper introduces against what it uses, kinds, descriptive names and negatives (invented names only).

One capability per test, several phrasings each, negatives beside positives (CheckList style).
"""

import pytest

from kg.extract.contributions.kinds import kind_of
from kg.extract.contributions.sentence import contributions_in
from kg.extract.lexicon import lexicon, model_intro_verbs, subject_pattern


def introduced(doc):
    return {(f.object.kind, f.object.name) for f in doc.facts if f.predicate == "introduces"
            and f.object.kind != "model"}


def introduced_names(doc):
    return {name for _, name in introduced(doc)}


def used_names(doc):
    return {f.object.name for f in doc.facts if f.predicate == "uses"}


def models_introduced(doc):
    return {f.object.name for f in doc.facts if f.predicate == "introduces" and f.object.kind == "model"}


# --- 1. introduced against used --------------------------------------------------------------------------

@pytest.mark.parametrize("abstract, name", [
    ("We propose Quillstep, a decoding method that skips redundant draft tokens.", "Quillstep"),
    ("In this paper, we present Braidwise Token Merging, an algorithm that fuses similar tokens.",
     "Braidwise Token Merging"),
    ("We introduce a simple technique called Lattice Echo Prompting, which reuses partial answers.",
     "Lattice Echo Prompting"),
    ("This work introduces a regularizer, termed Spindle-Norm, that bounds attention logits.", "Spindle-Norm"),
    ("Our contributions are: (1) Gravel-Mix, a pretraining data mixture; (2) a curriculum for code data.",
     "Gravel-Mix"),
])
def test_what_the_authors_propose_is_introduced(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    ("We call this approach Rookmix and show that it helps small models.", "Rookmix"),
    ("We name our method Hollow-Attention.", "Hollow-Attention"),
    ("Here we describe Kelpstack, a toolkit for sharded training.", "Kelpstack"),
    ("We build a large-scale corpus of scientific figures with captions.", "corpus of scientific figures"),
])
def test_more_ways_of_naming_what_is_new(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We further provide an analysis of caching techniques for retrieval models.",
    "We provide evidence that scaling the data helps more than scaling the model.",
    "In this work, we detail a set of guidelines for choosing learning rate schedules.",
])
def test_what_a_paper_studies_is_not_what_it_makes(extract_abstract, abstract):
    assert introduced(extract_abstract(abstract)) == set()


@pytest.mark.parametrize("abstract, name", [
    ("We apply low-rank adaptation to fine-tune the encoder on clinical notes.", "low-rank adaptation"),
    ("We leverage contrastive decoding to reduce repetition in long answers.", "contrastive decoding"),
    ("We employ speculative sampling to speed up generation.", "speculative sampling"),
])
def test_what_the_authors_apply_is_used_not_introduced(extract_abstract, abstract, name):
    doc = extract_abstract(abstract)
    assert name in used_names(doc)
    assert name not in introduced_names(doc)


@pytest.mark.parametrize("abstract, name", [
    ("We build on low-rank adaptation to tune the encoder.", "low-rank adaptation"),
    ("Our method is based upon speculative decoding.", "speculative decoding"),
    ("We then train with our PQRO-based reinforcement learning.", "PQRO"),
])
def test_what_the_authors_build_on_is_used(extract_abstract, abstract, name):
    doc = extract_abstract(abstract)
    assert name in used_names(doc)
    assert name not in introduced_names(doc)


def test_a_state_is_not_a_method_used(extract_abstract):
    doc = extract_abstract("We start from pretrained (PT) and instruction-tuned (IT) checkpoints. The family is based "
                           "on 6B and 34B pretrained language models.")
    assert not used_names(doc) & {"pretrained", "instruction-tuned"}


def test_a_model_or_a_generic_acronym_before_based_is_not_a_technique(extract_abstract):
    doc = extract_abstract("We add an LLM-based filter and a Llama-based reward model to the pipeline.")
    assert not used_names(doc) & {"LLM", "Llama"}


# --- 2. the title's name --------------------------------------------------------------------------------

def test_a_method_named_in_the_title_is_a_technique_even_where_a_sentence_looks_like_a_model(extract_abstract):
    doc = extract_abstract("We present Brindle, a memory-light adapter method for long inputs. Brindle extends "
                           "models' reach on long documents.",
                           title="Brindle: Cheap Adapters for Long Documents")
    assert ("technique", "Brindle") in introduced(doc)


def test_a_title_name_on_a_model_family_stem_is_a_model_not_a_technique(extract_abstract):
    doc = extract_abstract("Clinical notes are long and private. We study how small encoders cope with them.",
                           title="PocketBERT: Small Encoders for Clinical Notes")
    assert "PocketBERT" not in introduced_names(doc)


def test_a_title_name_the_subtitle_calls_a_dataset_is_a_dataset(extract_abstract):
    doc = extract_abstract("We describe how the corpus was filtered.",
                           title="Loamtext: Distilling Forum Threads into a Reasoning Dataset")
    assert ("dataset", "Loamtext") in introduced(doc)


@pytest.mark.parametrize("title, expected", [
    ("Wrenfold Explained: A Survey", set()),
    ("Puffin 2: Teaching Small Models How to Plan", set()),
    ("The Loam: A 2TB Dataset of Forum Text", {("dataset", "The Loam")}),
    ("RoPE-Q: Rotary Embeddings Revisited", {("technique", "RoPE-Q")}),
    ("Grow, Don't Restart: A Recipe for Continued Pretraining", {("technique", "Recipe for Continued Pretraining")}),
])
def test_what_a_title_introduces(extract_abstract, title, expected):
    assert introduced(extract_abstract("We report experiments.", title=title)) == expected


def test_a_name_is_a_technique_and_a_model_only_where_the_text_says_both(extract_abstract):
    doc = extract_abstract("We describe a novel framework, named TallowChat, for learning from noisy feedback. Our "
                           "tallowchat-13b model beats open baselines.")
    assert ("technique", "TallowChat") in introduced(doc)
    doc = extract_abstract("We introduce TallowChat-13b, a chat language model trained on mixed-quality data.")
    assert introduced(doc) == set()


# --- 3. kinds from the head noun, written once ---------------------------------------------------------

@pytest.mark.parametrize("head, kind", [
    ("dataset", "dataset"), ("corpus", "dataset"), ("collection", "dataset"), ("mix", "dataset"),
    ("benchmark", "benchmark"), ("suite", "benchmark"), ("leaderboard", "benchmark"),
    ("evaluation set", "benchmark"),
    ("method", "technique"), ("technique", "technique"), ("objective", "technique"), ("loss", "technique"),
    ("algorithm", "technique"), ("scheme", "technique"), ("mechanism", "technique"),
    ("pipeline", "technique"), ("recipe", "technique"),
])
def test_the_kind_comes_from_the_head_noun(extract_abstract, head, kind):
    doc = extract_abstract(f"We introduce Murrel-7, a new {head} for multilingual question answering.")
    assert (kind, "Murrel-7") in introduced(doc)
    assert kind_of(head, "Murrel-7") == kind


def test_what_the_text_calls_a_name_beats_what_the_name_suggests():
    assert kind_of("dataset", "QuailBench") == "dataset"
    assert kind_of(None, "QuailBench") == "benchmark"


# --- 4. descriptive contributions: the shortest noun phrase, never a clause or a quantity ----------------

@pytest.mark.parametrize("abstract, name", [
    ("We propose a pipeline that can generate a high-quality multi-party dialogue corpus from meeting notes.",
     "multi-party dialogue corpus"),
    ("We also construct a dataset for code-comment probing.", "dataset for code-comment probing"),
    ("For a safer release we also ship an improved licence-checking pipeline and a novel provenance auditing "
     "tool.", "provenance auditing tool"),
    ("Loss spikes vanish with our FP6-based pretraining technique.", "FP6-based pretraining technique"),
    ("We curate and document our multilingual pretraining and instruction tuning datasets.",
     "multilingual pretraining and instruction tuning datasets"),
    # a compound head of gathered data takes its purpose, like a bare "dataset" does
    ("To evaluate our models, we introduce a new benchmark suite for Fernish reading comprehension, covering "
     "six tasks.", "benchmark suite for Fernish reading comprehension"),
    ("We release a data collection of annotated kelp images.", "data collection of annotated kelp images"),
    ("We present an evaluation suite for Kelpish question answering.", "evaluation suite for Kelpish question answering"),
    # "our" opens the object as "a" would
    ("Focusing on Fernish, we construct our instruction dataset by merging existing resources.",
     "instruction dataset"),
    ("We compile our preference corpus from forum votes.", "preference corpus"),
])
def test_an_unnamed_contribution_gets_the_noun_phrase_that_names_it(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    # what gathered data holds names it, whatever describes the head ("a multimodal corpus" says little)
    ("Subsequently, we created a multimodal corpus of automatically aligned kelp narrations.",
     "multimodal corpus of automatically aligned kelp narrations"),
    ("We construct a large corpus of annotated fernish contracts.", "large corpus of annotated fernish contracts"),
    ("To close this gap, we have collected databases of marsh dialogues in Fernish.", "databases of marsh dialogues"),
    ("We assemble a curated database of tidal recordings.", "curated database of tidal recordings"),
    ("We release a bilingual dataset of annotated kelp recipes for future work.",
     "bilingual dataset of annotated kelp recipes"),
    # a count of what it holds describes it too
    ("We collect a new dataset of 10K kelp dialogues.", "dataset of 10K kelp dialogues"),
    ("During post-training, we curate a dataset of 130K verifiable fern puzzles for reinforcement learning.",
     "dataset of 130K verifiable fern puzzles"),
    ("We construct a corpus of 2,400 annotated marsh reports.", "corpus of 2,400 annotated marsh reports"),
])
def test_an_unnamed_data_contribution_keeps_what_it_holds(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We evaluate on a set of fernish benchmarks.",  # a set of things used
    "We train on a large corpus of web text drawn from Kelp-Crawl.",  # data a model is trained on
    # a volume says how big data is, not what it holds
    "We build a corpus of 2 trillion tokens.",
    "We release a pretraining corpus of 3.1T tokens.",
    "We curate a corpus of 1.2TB of Fernish text.",
    "We gather a dataset of 40 million words.",
])
def test_a_data_head_with_a_volume_or_used_data_names_no_new_data(extract_abstract, abstract):
    assert not any(" of " in name for name in introduced_names(extract_abstract(abstract)))


@pytest.mark.parametrize("abstract, named, ranked", [
    ("We introduce the Kelp Text Benchmark (KTB). Through the benchmarking of 30 models on KTB, we establish "
     "the most comprehensive benchmark of text retrieval to date.", "Kelp Text Benchmark",
     "most comprehensive benchmark of text retrieval"),
    ("We present FernCorpus, a collection of marsh logs. With it we release the largest corpus of marsh "
     "telemetry.", "FernCorpus", "largest corpus of marsh telemetry"),
])
def test_a_rank_claimed_after_a_name_is_that_name_not_a_second_contribution(extract_abstract, abstract, named,
                                                                            ranked):
    names = introduced_names(extract_abstract(abstract))
    assert named in names and ranked not in names
    # alone, the ranked description is the contribution
    assert ranked in introduced_names(extract_abstract(abstract.split(". ", 1)[1]))


@pytest.mark.parametrize("abstract, expected", [
    ("Most of the gain comes from FennelMix, our newly gathered preference dataset for tool use.",
     ("dataset", "FennelMix")),
    ("We cold-start the model on our data. We then describe GorseSet, our new reasoning trace collection.",
     ("dataset", "GorseSet")),
])
def test_a_name_before_our_description_is_the_contribution(extract_abstract, abstract, expected):
    found = introduced(extract_abstract(abstract))
    assert expected in found
    assert not any("newly gathered" in name or "trace collection" in name for _, name in found)


@pytest.mark.parametrize("abstract, name", [
    ("We present a benchmark suite KelpEval for tool use.", "KelpEval"),
    ("We release the dataset collection FernPile.", "FernPile"),
])
def test_a_coined_name_after_a_compound_head_is_the_name(extract_abstract, abstract, name):
    names = introduced_names(extract_abstract(abstract))
    assert name in names
    assert not any(n.startswith(("suite", "collection")) for n in names)


@pytest.mark.parametrize("abstract", [
    "We evaluate on our benchmark and release our code.",
    "We build our model on Kelp-7B.",
])
def test_our_alone_opens_no_description(extract_abstract, abstract):
    assert not introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    ("To address this issue, we propose Safe Kelp Learning from Human Votes (Safe KLHV), a novel algorithm for "
     "value alignment.", "Safe Kelp Learning from Human Votes"),
    ("We propose Reinforcement Learning from Kelp Feedback (RLKF), a new method.",
     "Reinforcement Learning from Kelp Feedback"),
    ("We present Learning to Rank from Kelp Signals (LRKS), a new algorithm.", "Learning to Rank from Kelp Signals"),
])
def test_a_long_form_with_small_words_before_its_acronym_is_one_name(extract_abstract, abstract, name):
    names = introduced_names(extract_abstract(abstract))
    assert name in names
    assert not any(n != name and n in name for n in names)  # not "Human Votes" or "Safe Kelp Learning" alone


def test_what_a_proposed_model_was_trained_with_is_not_another_object(extract_abstract):
    doc = extract_abstract("We propose KelpGPT, an LLM based on Falcon that is trained and fine-tuned with medical "
                           "question-answer instances and Reinforcement Learning from Kelp Feedback (RLKF).")
    assert not any("Kelp Feedback" in n for n in introduced_names(doc))


@pytest.mark.parametrize("abstract, name, kind", [
    ("Our contributions include: (1) a method for patent classification, (2) a large dataset KELPO-3M at the "
     "subclass level that future researchers can use.", "KELPO-3M", "dataset"),
    ("We release the benchmark KelpQA-1B for long questions.", "KelpQA-1B", "benchmark"),
])
def test_a_sized_name_after_a_data_head_is_data_not_a_model(extract_abstract, abstract, name, kind):
    doc = extract_abstract(abstract)
    assert (kind, name) in introduced(doc)
    assert name not in models_introduced(doc)


def test_a_list_item_opening_on_a_verb_names_its_object(extract_abstract):
    doc = extract_abstract("We propose a two-stage approach: i) collect ratings from annotators; ii) employ a "
                           "Mixture-of-Kelps (MoK) strategy with a gating network.")
    names = introduced_names(doc)
    assert "Mixture-of-Kelps" in names
    assert not any(n.lower().startswith(("employ", "collect")) for n in names)


@pytest.mark.parametrize("title, abstract, expected", [
    ("Kelpaar: Diverse Benchmarks and Training Sets for Fernish Speech Recognition", "We study ASR.",
     ("benchmark", "Kelpaar")),
    ("KP-Adapter: Text Compatible Image Prompt Adapter for Diffusion Models", "We study prompts.",
     ("technique", "KP-Adapter")),
])
def test_a_title_whose_subtitle_says_plural_data_or_an_adapter(extract_abstract, title, abstract, expected):
    assert expected in introduced(extract_abstract(abstract, title=title))


@pytest.mark.parametrize("title, expected, absent", [
    ("KS5M and GeoKelpCLIP: A Large Scale Vision-Language Dataset and A Large Vision-Language Model for Remote Sensing",
     {("dataset", "KS5M")}, "GeoKelpCLIP"),
    ("KelpQA and KelpNet: A Benchmark and A Method for Fernish QA",
     {("benchmark", "KelpQA"), ("technique", "KelpNet")}, "KelpQA and KelpNet"),
])
def test_a_title_pairing_two_names_with_two_descriptions(extract_abstract, title, expected, absent):
    found = introduced(extract_abstract("We study things.", title=title))
    assert expected <= found
    assert absent not in {name for _, name in found}


def test_a_method_with_a_where_clause_is_no_model(extract_abstract):
    doc = extract_abstract("We introduce KelpFit, a sparse-finetuning method where only the bias-terms of the model "
                           "are being modified.")
    assert "KelpFit" not in models_introduced(doc)
    assert ("technique", "KelpFit") in introduced(doc)


@pytest.mark.parametrize("abstract, expected", [
    ("Additionally, we publish Kelp-est, the first general task instruction dataset for Fernish.",
     ("dataset", "Kelp-est")),
    ("The key design of our KP-Adapter is decoupled cross-attention mechanism that separates the layers.",
     ("technique", "decoupled cross-attention mechanism")),
    ("The core idea behind our method is a braided kelp loss.", ("technique", "braided kelp loss")),
])
def test_a_topic_word_as_modifier_and_the_key_design_of_our_method(extract_abstract, abstract, expected):
    assert expected in introduced(extract_abstract(abstract))


def test_a_new_task_is_still_a_topic_and_a_key_finding_is_no_design(extract_abstract):
    assert introduced(extract_abstract("We introduce KelpVQA, a new task for medical imaging.")) == set()
    assert introduced(extract_abstract("The key idea of this paper is that data matters.")) == set()


def test_a_parenthesis_that_glosses_a_name_is_no_acronym(extract_abstract):
    doc = extract_abstract("We created a leaderboard featuring our KELPB benchmark (short for Kelp Language "
                           "Understanding Benchmark).")
    assert "short" not in introduced_names(doc)


def test_a_purpose_clause_is_not_part_of_the_name(extract_abstract):
    doc = extract_abstract("For data, we propose an automatic pipeline to assemble a balanced, filtered sketch "
                           "dataset from raw web drawings.")
    names = introduced_names(doc)
    assert "automatic pipeline" in names
    assert "filtered sketch dataset" in names
    assert not any(" to " in n or n.endswith(" to") for n in names)


@pytest.mark.parametrize("abstract", [
    "Our pretraining mix: we assemble 2.4 trillion tokens of forum text and keep the longest threads.",
    "We collect 180K samples of annotated dialogues from public forums.",
])
def test_a_quantity_is_never_a_contribution(extract_abstract, abstract):
    names = introduced_names(extract_abstract(abstract))
    assert not any(n[:1].isdigit() for n in names)


def test_named_parts_of_an_introduced_format(extract_abstract):
    doc = extract_abstract("We propose a 6-bit number format with two variants - Q3M2 (three exponent bits) and "
                           "Q2M3 (two exponent bits).")
    assert {"Q3M2", "Q2M3"} <= introduced_names(doc)


def test_a_lone_head_word_or_generic_words_name_nothing(extract_abstract):
    assert introduced(extract_abstract("We propose a retriever and a new paradigm for search.")) == set()


@pytest.mark.parametrize("abstract", [
    "We propose a standardized benchmark to support the evaluation.",
    "We present an end-to-end approach that needs no paired data.",
    "We build a manually annotated dataset and release it.",
    "We release the pretraining corpora and all the training data.",
    "We construct a high-quality dataset for the study.",
])
def test_praise_or_a_stage_with_a_head_names_nothing(extract_abstract, abstract):
    assert introduced(extract_abstract(abstract)) == set()


@pytest.mark.parametrize("abstract, name", [
    ("We manually curate a small yet diverse instruction dataset covering many topics.", "instruction dataset"),
    ("We release a detailed continued training recipe for long contexts.", "continued training recipe"),
    ("We propose Efficient Kelp Compression, a method for small devices.", "Efficient Kelp Compression"),
])
def test_lower_case_praise_opens_no_name_but_a_capitalised_name_keeps_its_words(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    ("We propose a synthetic data generation pipeline for tool use.", "synthetic data generation pipeline"),
    ("We construct a manually annotated kelp disease dataset.", "manually annotated kelp disease dataset"),
])
def test_the_same_words_beside_a_word_that_names_something_stay(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    ("We assemble the TruthProbe test set to check citation accuracy.", "TruthProbe"),
    ("We present the Gablestone dataset, a collection of multilingual emails.", "Gablestone"),
    ("We propose a simple yet effective technique, called Banded-Window Attention, for long inputs.",
     "Banded-Window Attention"),
])
def test_a_coined_name_is_kept_apart_from_the_words_that_say_its_kind(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


def test_a_plain_name_with_a_capitalised_head_is_one_name(extract_abstract):
    doc = extract_abstract("To close this gap, we introduce Harbor Dialogues: a multi-turn dialogue dataset of sounds.")
    assert ("dataset", "Harbor Dialogues") in introduced(doc)


def test_a_second_verb_after_and_is_not_part_of_the_object(extract_abstract):
    doc = extract_abstract("We craft and integrate a text-only reasoning dataset into multimodal training.")
    assert "text-only reasoning dataset" in introduced_names(doc)
    assert not any(name.startswith("integrate") for name in introduced_names(doc))


def test_a_coined_name_inside_a_marked_description_is_the_name(extract_abstract):
    doc = extract_abstract("We then fine-tune on our multi-turn KelpDialog dataset.")
    assert ("dataset", "KelpDialog") in introduced(doc)


@pytest.mark.parametrize("abstract, name", [
    ("The proposed braided window attention halves memory use.", "braided window attention"),
    ("To harden the prompts, we apply our proposed evolutionary rewriting method twice.",
     "evolutionary rewriting method"),
    ("Training data comes from FernCode, a novel approach to mining tutorials for exercises.", "FernCode"),
])
def test_what_the_text_calls_proposed_or_novel_is_introduced(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


def test_a_described_acronym_keeps_the_description_as_its_name(extract_abstract):
    doc = extract_abstract("The proposed braided window attention (BW-Attn) halves memory use.")
    assert ("technique", "braided window attention") in introduced(doc)
    assert any(a.name == "braided window attention" and a.alias == "BW-Attn" for a in doc.aliases)
    doc = extract_abstract("Of the four variants, our best performing strategy (QUIRK) cuts hallucinations most.")
    assert ("technique", "QUIRK") in introduced(doc)


@pytest.mark.parametrize("abstract, name", [
    ("We release Wren-Notes, a dataset annotated through a three-round review pipeline with expert checks.",
     "three-round review pipeline"),
    ("We assemble a 900-billion-token web corpus using a two-pass deduplication and toxicity filtering pipeline.",
     "two-pass deduplication and toxicity filtering pipeline"),
])
def test_the_method_introduced_data_was_made_with_is_introduced(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


def test_the_means_of_making_a_model_is_not_introduced(extract_abstract):
    doc = extract_abstract("We build Wrenlet-9B by pre-training a larger parent on 9 trillion tokens using a "
                           "low-precision training recipe.")
    assert "low-precision training recipe" not in introduced_names(doc)


# --- 5. acronyms stay aliases ---------------------------------------------------------------------------

def test_an_acronym_is_an_alias_of_its_long_form(extract_abstract):
    doc = extract_abstract("We propose Gradient Echo Tuning (GET), a method that replays stale gradients.")
    assert ("technique", "Gradient Echo Tuning") in introduced(doc)
    assert any(a.name == "Gradient Echo Tuning" and a.alias == "GET" for a in doc.aliases)


# --- negatives ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("abstract", [
    # evaluation-only benchmarks
    "We evaluate on ZetaQA and OmegaBench, and report accuracy on both.",
    "Experiments on three benchmarks, namely ZetaQA, OmegaBench and PiEval, show consistent gains.",
    # baselines
    "Our model outperforms strong baselines such as Kestrel-7B and GlimmerNet.",
    # model names, however introduced
    "We introduce Wrenlet-2, a family of open language models trained on 6T tokens.",
    "In this paper, we introduce Wrenlet, which teaches code LLMs to follow harder instructions.",
    # results about the authors' system, their splits and their release
    "Our parsing system achieves 91.2 F1 on the shared task.",
    "We evaluate on our held-out test set.",
    "We release our code, data and models.",
    "We compare against strong baselines, including a new retrieval method from prior work.",
    "Mixture routing has been widely studied. We further provide the analysis of routing techniques.",
])
def test_no_contribution_from(extract_abstract, abstract):
    assert introduced(extract_abstract(abstract)) == set()


def test_a_relative_clause_that_acts_gives_no_head(extract_abstract):
    doc = extract_abstract("We also introduce a new two-phase training framework for Finchlet, which performs layer "
                           "pruning in both phases.")
    assert "Finchlet" not in introduced_names(doc)
    assert "two-phase training framework" in introduced_names(doc)


# --- the shared lexicon ---------------------------------------------------------------------------------

def test_one_lexicon_serves_the_models_and_the_contributions_extractors():
    lex = lexicon()
    assert {"introduce", "present", "release"} <= lex.intro.both
    assert "train" in lex.intro.for_models and "train" not in lex.intro.for_contributions
    assert "curate" in lex.intro.for_contributions and "curate" not in lex.intro.for_models
    assert model_intro_verbs().search("we publicly release the weights")
    assert subject_pattern().search("In this paper, the authors")
    assert {"called", "named", "dubbed", "termed"} <= lex.name_cues
    assert {"apply", "leverage", "employ"} <= lex.use_verbs


def test_contributions_in_is_a_pure_function_of_the_sentence():
    found = contributions_in("We propose Sparse Quill Routing (SQR), a method that skips idle tokens.", set())
    assert [(c.name, c.kind) for c in found][:1] == [("Sparse Quill Routing", "technique")]
    assert contributions_in("We propose Sparse Quill Routing, a method.", {"sparsequillrouting"}) == []


def test_many_marked_descriptions_in_one_sentence_finish_quickly(extract_abstract):
    import time

    text = "We propose " + ", ".join(f"our new Kelp{i} retrieval dataset and a novel token pipeline" for i in range(800))
    start = time.perf_counter()
    doc = extract_abstract(text + ".")
    assert time.perf_counter() - start < 5.0
    assert ("dataset", "Kelp7 retrieval dataset") in introduced(doc)


# --- 7. names held-out papers taught: appositives after a preposition, known names, studied lists ----------

@pytest.mark.parametrize("abstract, name", [
    ("On KelpEval, a new evaluation set we release to measure functional correctness, our model solves 28% "
     "of the problems.", "KelpEval"),
    ("In VortaBench, a new benchmark we build from court records, the best model scores 41%.", "VortaBench"),
    ("We introduce a reference-free preference optimization algorithm, KelpPO, that needs no second stage.",
     "KelpPO"),
])
def test_a_name_with_a_new_appositive_is_introduced_wherever_the_sentence_opens(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


def test_a_known_benchmark_name_is_the_paper_s_only_where_the_appositive_says_new(extract_abstract):
    made = extract_abstract("On HumanEval, a new evaluation set we release, our model solves 28% of the problems.")
    assert "HumanEval" in introduced_names(made)
    measured = extract_abstract("On HumanEval, a popular evaluation set, our model solves 28% of the problems.")
    assert "HumanEval" not in introduced_names(measured)


@pytest.mark.parametrize("abstract", [
    "We study the contributions of language-specific pretraining in terms of 1) capturing linguistic nuances "
    "and 2) enriching the model's knowledge about a domain.",
    "By evaluating on translated datasets, we study the effect of pretraining in terms of (1) lexical overlap "
    "and (2) domain knowledge.",
])
def test_what_a_studied_list_names_is_not_introduced(extract_abstract, abstract):
    assert introduced_names(extract_abstract(abstract)) == set()


@pytest.mark.parametrize("title, abstract, not_technique, model", [
    ("k1: Simple test-time scaling", "After finetuning Orvik-32B on our data, our model k1-32B is strong.",
     "k1", "k1-32B"),
    ("BK-Vort: A Lightweight, Fast, and Cheap Version of Orvik", "Our BK-Vort runs on phones.", "BK-Vort", "BK-Vort"),
])
def test_a_title_name_that_names_the_paper_s_models_is_no_technique(extract_abstract, title, abstract,
                                                                      not_technique, model):
    doc = extract_abstract(abstract, title)
    assert not_technique not in introduced_names(doc)
    assert model in models_introduced(doc)


def test_a_subtitle_ending_in_a_prepositional_model_is_still_a_method(extract_abstract):
    doc = extract_abstract("We introduce KelpPO, an algorithm that needs no reference model.",
                           "KelpPO: Monolithic Preference Optimization without Reference Model")
    assert "KelpPO" in introduced_names(doc)
    assert "KelpPO" not in models_introduced(doc)


@pytest.mark.parametrize("abstract, absent", [
    ("We construct a 363 billion token dataset based on our news archive.", "363 billion token dataset"),
    ("We introduce a computationally efficient method, leveraging task vectors, to merge chat skills.",
     "computationally efficient method"),
    ("We find that (1) code repositories and books are good sources of long data; (2) short data still matters.",
     "code repositories"),
])
def test_quantities_praise_and_findings_are_no_contributions(extract_abstract, abstract, absent):
    assert absent not in introduced_names(extract_abstract(abstract))


def test_a_coined_name_after_its_kind_word_is_the_name(extract_abstract):
    doc = extract_abstract("In this work, we propose a novel training strategy Kelp-tuning for vision-language models.")
    assert "Kelp-tuning" in introduced_names(doc)
    assert "strategy Kelp-tuning" not in introduced_names(doc)


def test_a_model_family_s_acronym_is_no_technique(extract_abstract):
    doc = extract_abstract("In this paper, we introduce KelpMed, an open multimodal generative pre-trained transformer "
                           "(GPT) for biomedicine.")
    assert "GPT" not in introduced_names(doc)


@pytest.mark.parametrize("abstract, name, description", [
    ("To evaluate tool use, we develop an automatic evaluator: QuillEval.", "QuillEval", "automatic evaluator"),
    ("We introduce a new benchmark: FernBench, with 2,000 questions.", "FernBench", "new benchmark"),
    ("We curate a novel instruction dataset: LoamInstruct.", "LoamInstruct", "instruction dataset"),
    ("We propose a two-stage framework using language models for ranking-based recommendation (KelpRec).",
     "KelpRec", "two-stage framework"),
    ("We present a retrieval method for long documents (BraidRet).", "BraidRet", "retrieval method"),
])
def test_a_coined_name_after_a_colon_or_closing_the_object_names_the_contribution(extract_abstract, abstract, name,
                                                                                  description):
    names = introduced_names(extract_abstract(abstract))
    assert name in names and description not in names


@pytest.mark.parametrize("abstract, absent", [
    ("We evaluate on a standard benchmark: GSM8K.", "GSM8K"),
    ("We use the following dataset: FernSet, which is large.", "FernSet"),
    ("We report results on a public benchmark (FernBench).", "FernBench"),
])
def test_a_name_after_a_colon_the_authors_did_not_make_is_not_introduced(extract_abstract, abstract, absent):
    assert absent not in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    ("Moreover, a novel few-shot activation tuning approach is proposed to unlock such abilities.",
     "few-shot activation tuning approach"),
    ("In this work, a new multi-turn chat corpus is introduced.", "multi-turn chat corpus"),
    ("Notably, a novel span-recycling decoding scheme is presented.", "span-recycling decoding scheme"),
    # "novel" and another adjective with a comma between
    ("We adapt Kelp-7B to Welsh through a novel, resource-efficient curriculum replay pipeline.",
     "resource-efficient curriculum replay pipeline"),
    ("We show how Kelp-7B can be adapted to Welsh through a novel, two-phase vocabulary grafting scheme.",
     "two-phase vocabulary grafting scheme"),
    ("In this work, a new, lightweight span-recycling decoding scheme is presented.",
     "lightweight span-recycling decoding scheme"),
])
def test_a_novel_thing_proposed_in_the_passive_is_the_paper_s(extract_abstract, abstract, name):
    names = introduced_names(extract_abstract(abstract))
    assert name in names
    assert not names & {"Moreover", "Notably", "However"}  # a sentence adverb is no name


@pytest.mark.parametrize("abstract", [
    "A novel loss was proposed by Smith et al. for this task, and we study it.",
    "However, a new benchmark was introduced in prior work for this task.",
    "Baselines include a novel, resource-efficient curriculum replay pipeline from prior work.",
])
def test_a_passive_with_someone_else_as_agent_is_not_the_paper_s(extract_abstract, abstract):
    assert introduced_names(extract_abstract(abstract)) == set()


def test_what_a_combination_leverages_is_used_not_introduced(extract_abstract):
    doc = extract_abstract("Here we present KelpMed, which bridges these gaps by leveraging a combination of base "
                           "model improvements, medical domain finetuning, and prompting strategies including a "
                           "novel ensemble voting approach.")
    names = introduced_names(doc)
    assert "ensemble voting approach" in names
    assert not names & {"prompting strategies", "medical domain finetuning"}
    proposed = extract_abstract("We propose a combination of span masking, token dropping, and curriculum ordering.")
    assert {"span masking", "token dropping", "curriculum ordering"} <= introduced_names(proposed)


def test_a_named_dataset_for_a_purpose_is_a_dataset(extract_abstract):
    doc = extract_abstract("The key to our success is a large-scale, high-quality dataset for instruction tuning "
                           "named KelpInstruct.")
    assert ("dataset", "KelpInstruct") in introduced(doc)


@pytest.mark.parametrize("abstract, absent", [
    ("We introduce the Kelp-Fold distillation approach, which works in two phases: (1) the Kelp Phase, where "
     "knowledge is distilled; and (2) the Fold Phase, where the students are merged.", {"Kelp Phase", "Fold Phase"}),
    ("The construction has three stages: (i) API collection: we collect 16,000 APIs; (ii) instruction generation: "
     "we prompt a model.", {"API collection", "instruction generation"}),
    ("We continue pre-training from Kelp-9B with a combination of unsupervised speech data, interleaved speech-text "
     "data, and supervised speech-text data.", {"unsupervised speech data", "supervised speech-text data"}),
])
def test_steps_of_one_method_and_what_training_combines_are_no_contributions(extract_abstract, abstract, absent):
    assert not introduced_names(extract_abstract(abstract)) & absent


@pytest.mark.parametrize("title, abstract, absent", [
    ("FernClinical OrvikBERT: A Long-Context Encoder for Clinical NLP",
     "We introduce FernClinical OrvikBERT, a domain-adapted encoder that builds on the recent OrvikBERT release.",
     {"FernClinical", "FernClinical OrvikBERT"}),  # a two-word model is cut whole from the phrase
    (None, "We fine-tune Orvik-13B as a retriever (KelpRet) and a reranker (KelpRank). Our KelpRet-KelpRank "
           "pipeline is strong in zero-shot retrieval.", {"KelpRet-KelpRank", "KelpRet-KelpRank pipeline"}),
    (None, "Our approach involves (1) recalling relevant documents, (2) extracting instruction-response pairs, and "
           "(3) refining the extracted pairs.", {"recalling relevant documents", "extracting instruction-response pairs"}),
    (None, "We evaluate our approach on GLUE downstream tasks.", {"approach on GLUE downstream tasks"}),
])
def test_models_joined_or_named_in_two_words_and_steps_are_no_contributions(extract_abstract, title, abstract,
                                                                            absent):
    assert not introduced_names(extract_abstract(abstract, title)) & absent


def test_a_new_generic_head_keeps_its_purpose(extract_abstract):
    doc = extract_abstract("We survey existing methods, and introduce some of our own design as well -- in "
                           "particular, a new truncation strategy for modifying the basis of the position encoding.")
    assert any(n.startswith("truncation strategy for modifying") for n in introduced_names(doc))


def test_a_sized_name_after_dataset_colon_is_a_dataset_not_a_model(extract_abstract):
    doc = extract_abstract("From video lectures, we curate FERN: a large-scale vision-language dataset of 802,144 pairs. "
                           "We combine FERN with other sources to create an even larger dataset: Fern-1M, with 1M "
                           "paired samples. We show the value of Fern-1M by fine-tuning a pre-trained CLIP model.",
                           "Fern-1M: One Million Image-Text Pairs for Histopathology")
    assert {("dataset", "FERN"), ("dataset", "Fern-1M")} <= introduced(doc)
    assert "Fern-1M" not in models_introduced(doc)
    assert not any(f.object.name == "Fern-1M" and f.object.kind == "technique" for f in doc.facts)


def test_a_model_series_colon_still_lists_models(extract_abstract):
    doc = extract_abstract("We introduce three models in the Kelp-3.5 series: Kelp-3.5-mini, Kelp-3.5-MoE, and "
                           "Kelp-3.5-Vision.")
    assert "Kelp-3.5-mini" in models_introduced(doc)


@pytest.mark.parametrize("title, abstract, absent", [
    (None, "KelpBench has three appealing properties: 1) Comprehensive Dimensions: it covers 16 dimensions. "
           "2) Fine Grain: it scores each one.", {"Comprehensive Dimensions", "Fine Grain"}),
    (None, "If we are to use such systems, we need to develop scalable oversight methods for their outputs.",
     {"scalable oversight methods"}),
    ("Adapting LLMs to Latvian: Unveiling KelpLM 2.0", "We introduce KelpLM 2.0, a language model for Latvian.",
     {"Adapting LLMs to Latvian"}),
])
def test_merits_wishes_and_gerund_titles_are_no_contributions(extract_abstract, title, abstract, absent):
    assert not introduced_names(extract_abstract(abstract, title)) & absent


def test_a_gerund_method_name_in_a_title_stays(extract_abstract):
    doc = extract_abstract("We find that front-loading reasoning data into pretraining is critical.",
                           "Front-Loading Reasoning: The Synergy between Pretraining and Post-Training Data")
    assert "Front-Loading Reasoning" in introduced_names(doc)


# --- names in lists, after cues and in passives (any lab's phrasing) ----------------------------------------

@pytest.mark.parametrize("abstract, names", [
    ("Our contributions are twofold: (1) KelpBench (Kelp Multimodal Benchmark), which covers 4 meta-tasks, and "
     "(2) Vex2Vec (Vision Model -> Vector), a contrastive training framework that turns a model into an encoder.",
     {"KelpBench", "Vex2Vec"}),
    ("Our contributions are threefold: (1) FMKB (Fern Multilingual Knowledge Benchmark), covering 12 languages, "
     "(2) a study of data mixing, and (3) LoamTune, which adapts models cheaply.", {"FMKB", "LoamTune"}),
])
def test_a_coined_name_alone_in_a_numbered_contribution_list_is_introduced(extract_abstract, abstract, names):
    assert names <= introduced_names(extract_abstract(abstract))


def test_a_sized_model_in_a_numbered_list_is_no_technique(extract_abstract):
    doc = extract_abstract("Our contributions are twofold: (1) GravelQA, a benchmark of 3k questions, and "
                           "(2) Gravel-7B, a model tuned on it.")
    assert "GravelQA" in introduced_names(doc)
    assert "Gravel-7B" not in introduced_names(doc)


@pytest.mark.parametrize("abstract, name, kind", [
    ("We propose a multilingual legal question-answering benchmark with rationale, termed as LexiQA.",
     "LexiQA", "benchmark"),
    ("We assemble a corpus of clinical notes, termed as NoteKelp, to adapt models to hospitals.", "NoteKelp", "dataset"),
    ("We propose a pruning scheme termed as Fen-Prune.", "Fen-Prune", "technique"),
])
def test_termed_as_names_what_precedes(extract_abstract, abstract, name, kind):
    found = introduced(extract_abstract(abstract))
    assert (kind, name) in found
    assert len(found) == 1  # the name, not the description as well


@pytest.mark.parametrize("abstract, names", [
    ("We further introduce 3 multiple choice evaluation datasets: KelpExams, comprising 5,169 questions from "
     "exams; KelpReading, comprising 352 questions; and KelpTrivia, comprising 1,715 trivia questions.",
     {"KelpExams", "KelpReading", "KelpTrivia"}),
    ("We curate two new corpora: FernWeb (web pages); and FernCode, made of code files.", {"FernWeb", "FernCode"}),
])
def test_every_coined_name_of_a_semicolon_list_after_a_colon_is_introduced(extract_abstract, abstract, names):
    assert names <= introduced_names(extract_abstract(abstract))


def test_new_evaluation_tasks_named_in_parentheses_are_benchmarks(extract_abstract):
    found = introduced(extract_abstract("We test these methods using three new evaluation tasks (FooKelpQA, "
                                        "Altered-LoamQA, and Silt-Lines) as well as perplexity."))
    assert {("benchmark", "FooKelpQA"), ("benchmark", "Altered-LoamQA"), ("benchmark", "Silt-Lines")} <= found


def test_tasks_evaluated_on_in_parentheses_are_not_introduced(extract_abstract):
    assert introduced_names(extract_abstract("We evaluate on four tasks (FooKelpQA, BarKelpQA, BazKelpQA and "
                                             "QuxKelpQA) and report accuracy.")) == set()


@pytest.mark.parametrize("abstract, name", [
    ("To measure progress, we introduce the Visual Chart Retrieval Benchmark ChartRet, composed of many tasks.",
     "ChartRet"),
    ("We release the Open Kelp Speech Corpus OKSC-2, with 900 hours of audio.", "OKSC-2"),
])
def test_a_coined_word_after_a_capitalised_head_is_the_name(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    ("Disturbed Kelp pruning is also proposed to address the misalignment between objective and target.",
     "Disturbed Kelp pruning"),
    ("Moreover, FernLoss is introduced to balance the learning of the tasks.", "FernLoss"),
    ("Gated Loam Routing is then presented to cut the cost of inference.", "Gated Loam Routing"),
])
def test_a_name_proposed_in_an_agentless_passive_is_the_paper_s(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "LoamNorm is introduced in prior work and we study it further.",
    "KelpDrop was proposed by Smith et al. for small models; we revisit it.",
    "Our method is proposed to solve this problem.",
    "We introduce Kelp and Kelp-Chat, open models. Kelp and Kelp-Chat are proposed to address this need.",
])
def test_a_passive_with_another_agent_or_the_paper_s_models_gives_no_technique(extract_abstract, abstract):
    assert not introduced_names(extract_abstract(abstract)) & {"LoamNorm", "KelpDrop", "Our method",
                                                               "Kelp and Kelp-Chat", "Kelp"}


def test_a_title_name_the_text_calls_a_framework_is_one_technique(extract_abstract):
    doc = extract_abstract("This paper introduces ORVIK, a comprehensive framework including the first legal LLM "
                           "based on fine-tuning a base model with instruction data, and an evaluation benchmark.",
                           title="ORVIK: A Large Language Model, Instruction Data and Evaluation Benchmark for Law")
    assert ("technique", "ORVIK") in introduced(doc)
    assert [k for k, n in introduced(doc) if n == "ORVIK"] == ["technique"]  # one node, of the stated kind


def test_a_name_the_text_calls_a_framework_after_an_aside_is_a_technique_and_its_models_models(extract_abstract):
    doc = extract_abstract("We propose Vex2Vec (Vision Model -> Vector), a contrastive training framework that "
                           "turns a vision-language model into an encoder. We build a series of Vex2Vec models on "
                           "Kelp-3.5-V.")
    assert "Vex2Vec" in introduced_names(doc)


def test_a_bench_named_after_a_model_keeps_bench_in_its_name(extract_abstract):
    doc = extract_abstract("We create Kelp-IML Bench: a large benchmark of 2000 tasks. We release Kelp-IML 30B, "
                           "together with the Kelp-IML Bench evaluation framework.")
    names = introduced_names(doc)
    assert "Kelp-IML Bench" in names
    assert not names & {"Kelp-IML", "Kelp-IML Bench evaluation framework"}


@pytest.mark.parametrize("abstract, name, kind", [
    ("We introduce a novel, straightforward yet effective pruning method, termed Kelpa (Pruning by Weights and "
     "activations), designed to induce sparsity.", "Kelpa", "technique"),
    ("We propose a benchmark called Thistle for legal reading.", "Thistle", "benchmark"),
    ("We propose a novel training method called hybrid-tuning to mitigate forgetting.", "hybrid-tuning", "technique"),
    ("We release our 4B token music-language corpora KelpPile, the code and a demo.", "KelpPile", "dataset"),
    ("We describe (1) our curated dataset $Loam-Mix$, a subset of open data, and (2) our merging process.",
     "Loam-Mix", "dataset"),
])
def test_a_cue_or_our_head_names_a_plain_or_hyphenated_word(extract_abstract, abstract, name, kind):
    assert (kind, name) in introduced(extract_abstract(abstract))


def test_a_plain_word_after_a_cue_on_a_benchmark_evaluated_on_is_not_introduced(extract_abstract):
    assert "Thistle" not in introduced_names(extract_abstract("We evaluate on a benchmark called Thistle."))


def test_a_gerund_subtitle_makes_the_title_s_name_a_method_not_a_model(extract_abstract):
    doc = extract_abstract("We present a new approach for personalization of text-to-image diffusion models.",
                           title="KelpBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation")
    assert introduced(doc) == {("technique", "KelpBooth")}  # the name, not "approach for personalization"
    assert "KelpBooth" not in models_introduced(doc)


@pytest.mark.parametrize("abstract, absent", [
    ("Experiments show the advantageous performance of our KelpSAM against counterpart methods.",
     "KelpSAM against counterpart methods"),
    ("We present compelling results indicating Kelp's superior performance on the grammar test set.",
     "compelling results indicating"),
])
def test_a_comparison_or_a_finding_closes_the_phrase(extract_abstract, abstract, absent):
    assert absent not in introduced_names(extract_abstract(abstract))


def test_an_ampersand_between_capitalised_words_keeps_one_name(extract_abstract):
    names = introduced_names(extract_abstract("We show that pre-segmenting audio with our proposed VAD Cut & Loam "
                                              "strategy improves transcription quality."))
    assert "Loam" not in names
    assert any("Cut & Loam" in n for n in names)


@pytest.mark.parametrize("abstract, names", [
    ("In Kelp-SA, we propose Space-Depth Transpose (SD-Trans) to adapt 2D models to 3D images and Hyper-Prompting "
     "Adapter (HyP-Adpt) to achieve prompt-conditioned adaptation.", {"Space-Depth Transpose", "Hyper-Prompting Adapter"}),
    ("We propose an instruction-based process for trustworthy data curation in materials science (MatSci-Kelp), "
     "which we then apply to finetune a model.", {"MatSci-Kelp"}),
    ("In addition, we publish a 3Gb Chinese Kelp Medicine (ChiKelp) dataset, encompassing medical questions.",
     {"Chinese Kelp Medicine"}),
])
def test_a_second_named_object_a_closing_name_before_a_clause_and_a_sized_acronym(extract_abstract, abstract, names):
    assert names <= introduced_names(extract_abstract(abstract))


def test_a_closing_name_replaces_its_description(extract_abstract):
    names = introduced_names(extract_abstract("We propose an instruction-based process for data curation in "
                                              "materials science (MatSci-Kelp), which we then apply widely."))
    assert names == {"MatSci-Kelp"}


def test_an_llm_framework_is_a_framework(extract_abstract):
    doc = extract_abstract("We present HippoKelp, an open-source LLM framework developed for the medical domain.")
    assert ("technique", "HippoKelp") in introduced(doc)


def test_a_model_architecture_is_a_model_not_a_method(extract_abstract):
    doc = extract_abstract("We propose Kelp-Omni, a novel model architecture for low-latency speech interaction.")
    assert "Kelp-Omni" not in introduced_names(doc)


def test_a_name_after_a_final_colon_names_the_object(extract_abstract):
    doc = extract_abstract("We present a challenging new benchmark and learning-environment for robot learning: "
                           "KelpBench.")
    assert introduced(doc) == {("benchmark", "KelpBench")}


def test_an_address_after_a_final_colon_is_no_name(extract_abstract):
    doc = extract_abstract("We release our new benchmark for robot learning at: https://kelp.example.org/bench.")
    assert not any("http" in n for n in introduced_names(doc))


@pytest.mark.parametrize("title, abstract, absent", [
    ("BitsKelp: 1.99 bits Weight Quantization of Diffusion Model",
     "In this work, we develop a novel weight quantization method that quantizes the UNet.", "weight quantization method"),
    (None, "We introduce Latent Adversarial Kelp Distillation (LAKD), a novel distillation approach overcoming the "
           "limitations of prior work.", "distillation approach"),
])
def test_a_description_of_a_named_contribution_is_not_a_second_one(extract_abstract, title, abstract, absent):
    assert absent not in introduced_names(extract_abstract(abstract, title))


def test_methods_the_authors_investigate_are_not_introduced(extract_abstract):
    doc = extract_abstract("Our experiments investigate two MedKelp methods, MEKF (Mixture of Enhanced Kelp Features) "
                           "and QKR (Question answering via Kelp Reasoning).")
    assert not introduced_names(doc) & {"MEKF", "QKR"}


def test_our_long_description_before_a_name_is_that_name(extract_abstract):
    doc = extract_abstract("On our meticulously curated college-level music understanding benchmark, KelpTheoryBench, "
                           "KelpChat surpasses Vireo-2.")
    assert introduced_names(doc) == {"KelpTheoryBench"}


@pytest.mark.parametrize("title", [
    "Pre-trained Language Models for the Legal Domain: A Case Study on Kelp Law",
    "Kelp Routing at Scale: An Empirical Study of Sparse Experts",
])
def test_a_study_subtitle_introduces_nothing(extract_abstract, title):
    assert introduced_names(extract_abstract("We re-train two popular models on legal data.", title)) == set()


def test_a_numbered_heading_of_findings_is_no_contribution(extract_abstract):
    doc = extract_abstract("KelpBench has three merits. 3) Valuable Insights: We look into current models' ability "
                           "across various evaluation dimensions.")
    assert "Valuable Insights" not in introduced_names(doc)


def test_a_numbered_heading_of_what_the_authors_propose_is_the_contribution(extract_abstract):
    doc = extract_abstract("(2) Efficient Kelp Compression: we propose a novel attention module that compresses "
                           "both keys and values.")
    assert "Efficient Kelp Compression" in introduced_names(doc)


@pytest.mark.parametrize("abstract, name", [
    # "an innovative ... called X": new, so not a method the authors merely use
    ("We present KelpMoE, a bilingual model developed using an innovative training methodology called KelpScale.",
     "KelpScale"),
    ("We train our model using a novel training scheme called KelpSteps.", "KelpSteps"),
    # "a new HEAD, Two Words, is proposed": a capitalised run as the appositive of a new head
    ("A new router, Kelp Router, is proposed and adopted for a more efficient selection of experts.", "Kelp Router"),
])
def test_named_new_methods_in_an_appositive_or_after_using(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    ("We train our model using a well-known training methodology called KelpScale.", "KelpScale"),
    ("We evaluate on an existing router, Kelp Router, and report results.", "Kelp Router"),
])
def test_named_methods_that_are_not_new(extract_abstract, abstract, name):
    assert name not in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, names", [
    # names before a data head the authors mark as theirs: each name, not the phrase
    ("We analysed the models on existing evaluation sets and newly created KTD200 and Kelp30k-200 datasets.",
     {"KTD200", "Kelp30k-200"}),
    ("We evaluate on our KelpQA benchmark and report the results.", {"KelpQA"}),
    # one made for the paper among those it is evaluated on: "a newly introduced", not "the newly released"
    ("Evaluation on 16 datasets, including a newly introduced KelpCount benchmark to test counting, shows gains.",
     {"KelpCount"}),
    ("We evaluate on nine sets, including a newly constructed KelpLaw dataset of court rulings.", {"KelpLaw"}),
])
def test_names_marked_new_before_their_head(extract_abstract, abstract, names):
    assert names <= introduced_names(extract_abstract(abstract))
    assert not any(n.endswith(("datasets", "benchmark")) for n in introduced_names(extract_abstract(abstract)))


@pytest.mark.parametrize("abstract, name", [
    ("We run evaluations on several datasets, including the newly released KelpBird benchmark.", "KelpBird"),
    ("We test on the newly released KelpBird benchmark by Smith et al.", "KelpBird"),
    ("Evaluation on 16 datasets, including a newly released KelpBird benchmark, shows gains.", "KelpBird"),
    ("Our Tarn-Vega pipeline is strong on ten tasks. We build on Tarn and Vega models.", "Tarn-Vega"),
])
def test_names_newly_released_by_others_or_named_after_models(extract_abstract, abstract, name):
    assert name not in introduced_names(extract_abstract(abstract))


def test_a_name_spelt_again_as_a_model_in_parentheses_is_no_method(extract_abstract):
    doc = extract_abstract("In this paper, we introduce Kelp-$\\phi$ (Kelp-Phi), an efficient multi-modal assistant "
                           "that harnesses the small language model Vega-2.",
                           "Kelp-Phi: Efficient Multi-Modal Assistant with Small Language Model")
    assert not any(n.startswith("Kelp") for n in introduced_names(doc))
    assert "Kelp-Phi" in models_introduced(doc)


@pytest.mark.parametrize("abstract, name", [
    ("We derive a simple vision-language manipulation framework, dubbed RoboKelp, built upon the open-source VLM, "
     "Gannet-VL.", "RoboKelp"),
    ("We introduce Chronix, a simple framework for pretrained forecasting models. We pretrained Chronix models "
     "based on the Falcon family on public datasets.", "Chronix"),
    ("We present Tidewell, an approach for code completion that fine-tunes Falcon-7B on 2M repositories. Tidewell "
     "is fine-tuned from Falcon-7B with LoRA.", "Tidewell"),
])
def test_what_was_made_from_a_model_is_a_model_whatever_else_it_is_called(extract_abstract, abstract, name):
    doc = extract_abstract(abstract)
    assert name in models_introduced(doc) and name not in introduced_names(doc)


@pytest.mark.parametrize("abstract, name", [
    ("We propose KelpTune, a parameter-efficient method that fine-tunes Falcon-7B with 0.1% of its weights.",
     "KelpTune"),
    ("We propose Ternary Routing, a distillation method that transfers knowledge from Falcon-70B to small "
     "students.", "Ternary Routing"),
])
def test_a_method_applied_to_a_model_stays_a_method(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, names", [
    ("To facilitate research, we release the Kelp models, our specialization dataset, and a collection of "
     "annotated proofs.", {"specialization dataset", "collection of annotated proofs"}),
    ("We release the Kelp-7B model, our multilingual chat corpus and our reasoning benchmark.",
     {"multilingual chat corpus", "reasoning benchmark"}),
])
def test_each_of_the_authors_things_listed_after_a_release_verb(extract_abstract, abstract, names):
    assert names <= introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "Additionally, we present comprehensive strategies to effectively utilize multiple instruction datasets.",
    "We propose several techniques and frameworks for this setting.",
])
def test_a_plural_generic_word_is_no_name(extract_abstract, abstract):
    assert introduced_names(extract_abstract(abstract)) == set()


def test_our_in_a_release_list_does_not_make_a_generic_name(extract_abstract):
    doc = extract_abstract("We release Kelp-7B, our code and our data.")
    assert introduced_names(doc) == set()


@pytest.mark.parametrize("abstract, names", [
    ("We introduce BraidQuant, a quantization technique for LLMs. BraidQuant comprises two innovative components "
     "including Learnable Scale Folding (LSF) and Learnable Outlier Shifting (LOS).",
     {"Learnable Scale Folding", "Learnable Outlier Shifting"}),
    ("To fuse the two modalities, we propose a tight fusion solution, which includes a feature enhancer, a "
     "text-guided query selection, and a cross-modality decoder.",
     {"feature enhancer", "text-guided query selection", "cross-modality decoder"}),
    ("We present Kelpline, a retrieval pipeline. Kelpline consists of three modules: a sparse candidate "
     "filter, a dense passage scorer and an answer span extractor.",
     {"sparse candidate filter", "dense passage scorer", "answer span extractor"}),
    ("Our method comprises two key components: gradient-aware token dropping and layer-wise learning rate "
     "warmup.", {"gradient-aware token dropping", "layer-wise learning rate warmup"}),
])
def test_the_listed_parts_of_what_is_introduced_are_introduced(extract_abstract, abstract, names):
    assert names <= introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    # steps everyone takes, one word each
    "We propose Kelpline, which includes two stages: pretraining and fine-tuning.",
    # parts of a system the authors only evaluate
    "We evaluate Kelpline, which includes a sparse candidate generator and a dense passage reranker.",
    # parts of prior systems
    "Prior pipelines include a sparse candidate generator, a dense passage reranker and an answer span reader.",
])
def test_parts_of_what_is_not_introduced_or_single_steps_are_not(extract_abstract, abstract):
    names = introduced_names(extract_abstract(abstract))
    assert not names & {"pretraining", "fine-tuning", "sparse candidate generator", "dense passage reranker",
                        "answer span reader"}


@pytest.mark.parametrize("abstract, names", [
    ("We propose Kelprune, a novel distillation method. The method introduces two core techniques: affinity "
     "folding and weight grafting.", {"affinity folding", "weight grafting"}),
    ("We introduce two key techniques: gradient echo sampling and token budget shaping.",
     {"gradient echo sampling", "token budget shaping"}),
    ("Our framework rests on three main components: a sparse route planner, a residual memory cache and a "
     "token budget governor.", {"sparse route planner", "residual memory cache", "token budget governor"}),
    # counted "approaches", and a stage or the framework of the authors' method as the subject
    ("We train Kelp-Agent in two stages. This stage introduces two approaches: Sub-goal Echo, which rewards "
     "intermediate goals, and Failure Replay Construction, which builds recovery scenarios.",
     {"Sub-goal Echo", "Failure Replay Construction"}),
    ("Our framework introduces two approaches: Echo Routing, which spreads tokens, and Budget Folding, which "
     "saves memory.", {"Echo Routing", "Budget Folding"}),
    ("We propose Kelpline. This pipeline introduces two key techniques: gradient echo sampling and token budget "
     "shaping.", {"gradient echo sampling", "token budget shaping"}),
])
def test_a_counted_list_of_the_authors_key_parts_is_introduced(extract_abstract, abstract, names):
    assert names <= introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "Prior work relies on two key techniques: affinity folding and weight grafting.",
    "The survey covers three main techniques: affinity folding, weight grafting and token budget shaping.",
    "We compare two approaches: Echo Routing, which spreads tokens, and Budget Folding, which saves memory.",
    "Prior work uses two approaches: Echo Routing, which spreads tokens, and Budget Folding, which saves memory.",
])
def test_key_techniques_of_others_are_not_introduced(extract_abstract, abstract):
    assert introduced_names(extract_abstract(abstract)) == set()


@pytest.mark.parametrize("abstract, expected", [
    ("In this paper, We introduce KIT-42 as an instruction dataset for Korean models.", ("dataset", "KIT-42")),
    ("We present KelpSet as a new benchmark for code repair.", ("benchmark", "KelpSet")),
    ("We propose GradEcho as a simple regularization technique for sparse training.", ("technique", "GradEcho")),
])
def test_a_name_introduced_as_a_kind_of_thing(extract_abstract, abstract, expected):
    found = introduced(extract_abstract(abstract))
    assert expected in found and len(found) == 1  # the name, not also its description


@pytest.mark.parametrize("abstract, expected", [
    # a coined name set off by commas right after a described object names it
    ("Moreover, we present an image-text paired dataset in the field of remote sensing (RS), KS5M, which has 5 "
     "million images with English descriptions.", ("dataset", "KS5M")),
    ("We introduce a large bilingual benchmark of clinical questions, KelpMedQA, with 12k items.",
     ("benchmark", "KelpMedQA")),
    # data the sentence says was made, with no agent but the authors
    ("The training dataset, Kelpsych8k, was constructed from 260 in-depth interviews.", ("dataset", "Kelpsych8k")),
    ("To assess the quality of counseling responses, the KelpCounsel Bench was devised.",
     ("benchmark", "KelpCounsel Bench")),
    # the making of named data, named as a noun
    ("This effort culminates in the creation of the KelpCorpora multilingual medical dataset.",
     ("dataset", "KelpCorpora")),
])
def test_named_data_after_its_description_made_or_whose_making_is_named(extract_abstract, abstract, expected):
    found = introduced(extract_abstract(abstract))
    assert expected in found and len(found) == 1  # the name, not also its description


@pytest.mark.parametrize("abstract, part", [
    ("We introduce KFT, a simple training scheme for code models. While vanilla sparse upcycling fails to improve "
     "instruction tuning, KFT introduces a shared expert mechanism into sparse upcycling.", "shared expert mechanism"),
    ("We propose Kelpnorm, a normalization method. Unlike prior work, Kelpnorm introduces a running variance "
     "scheme for small batches.", "running variance scheme"),
])
def test_the_paper_s_method_introduces_parts_after_an_opening_clause(extract_abstract, abstract, part):
    assert part in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We introduce KFT, a simple training scheme. While Vireo introduces a shared expert mechanism, KFT does not.",
])
def test_another_s_method_introducing_parts_is_not_the_paper_s(extract_abstract, abstract):
    assert "shared expert mechanism" not in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, expected", [
    # a coined name defined by a count of hours or items right after its comma
    ("We release KelpSpeech, 200hrs of accented English speech, 67,577 clips from 2,463 speakers.",
     {("dataset", "KelpSpeech")}),
    ("We release KelpVox, 40K annotated clips of bird song.", {("dataset", "KelpVox")}),
    # counted new data, its coined names listed after a comma
    ("Then, we construct three new datasets, IQKelp, FunctionKelp, and PaperKelp, to cover missing visual contexts.",
     {("dataset", "IQKelp"), ("dataset", "FunctionKelp"), ("dataset", "PaperKelp")}),
    ("We build two new benchmarks, KelpQA and VireoEval, for clinical reasoning.",
     {("benchmark", "KelpQA"), ("benchmark", "VireoEval")}),
])
def test_data_named_by_its_size_or_listed_after_a_counted_head(extract_abstract, abstract, expected):
    assert expected <= set(introduced(extract_abstract(abstract)))


@pytest.mark.parametrize("abstract", [
    "We release KelpLM, 7B, and 13B for clinical use.",  # sizes, no count of items
    "We evaluate on three datasets, IQKelp, FunctionKelp, and PaperKelp.",  # used, not made
])
def test_sizes_and_used_data_listed_are_not_introduced_data(extract_abstract, abstract):
    assert not {n for k, n in introduced(extract_abstract(abstract)) if k == "dataset"}


@pytest.mark.parametrize("abstract", [
    "The Kelpsych8k dataset was constructed by Smith et al. from interviews.",  # someone else's
    "We present a dataset, a benchmark, and a model for counseling.",  # no name
    "We train on the KelpCorpora dataset, which was built for translation.",  # used, its making not the authors'
])
def test_named_data_made_by_others_or_unnamed_is_not_introduced(extract_abstract, abstract):
    assert not {n for n in introduced_names(extract_abstract(abstract)) if n[:1].isupper()}


@pytest.mark.parametrize("abstract", [
    "We introduce Korean as a new language for the benchmark.",
    "We use KelpSet as a benchmark for code repair.",
])
def test_what_is_not_the_papers_own_thing_introduced_as(extract_abstract, abstract):
    assert introduced_names(extract_abstract(abstract)) == set()


# --- what the paper's own model is made with, and what only resembles it ------------------------------------

@pytest.mark.parametrize("abstract, name", [
    ("Second, we introduce Group Kelp Policy Optimization (GKPO), a variant of Proximal Vireo Optimization (PVO), "
     "that enhances reasoning.", "Proximal Vireo Optimization"),
    ("We propose Braided Kelp Attention (BKA), an extension of Sliding Quill Attention (SQA), for long inputs.",
     "Sliding Quill Attention"),
    ("We present Kelp-Norm, a generalization of Vireo Scaling, that bounds the logits.", "Vireo Scaling"),
])
def test_what_a_new_method_is_a_variant_of_is_not_introduced(extract_abstract, abstract, name):
    assert name not in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    ("KelpMed builds on Vireo-2, and extends pretraining on a comprehensively curated medical corpus, including "
     "selected clinical notes.", "curated medical corpus"),
    ("KelpCoder-7B models are trained on 75K synthetic instruction data using OSS-Kelp.",
     "75K synthetic instruction data"),
    ("We fine-tune Vireo-2 on a manually curated legal instruction dataset of 40K pairs.",
     "curated legal instruction dataset of 40K pairs"),
])
def test_made_data_a_model_is_trained_on_is_the_paper_s(extract_abstract, abstract, name):
    assert ("dataset", name) in introduced(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "KelpLaw-7B is trained on a large web corpus of over 30 billion tokens.",  # any corpus may be large
    "We fine-tune Vireo-2 on a curated subset of the KelpPile corpus.",  # a part of what exists
    "Language models trained on a curated web corpus memorize data.",  # no model of the record, no author
    "KelpLaw-7B is trained on the curated KelpPile corpus.",  # named: someone's corpus
])
def test_data_a_model_is_trained_on_is_not_always_new(extract_abstract, abstract):
    assert not {n for k, n in introduced(extract_abstract(abstract)) if k == "dataset"}


@pytest.mark.parametrize("abstract, name", [
    ("First, we harness the potential of web data through a meticulously engineered data selection pipeline.",
     "data selection pipeline"),
    ("We filter the corpus with a carefully designed toxicity scoring scheme.", "toxicity scoring scheme"),
    ("We adopt legal syllogism prompting strategies to construct supervised fine-tuning datasets in the Welsh "
     "judicial domain.", "supervised fine-tuning datasets"),
])
def test_what_the_authors_design_or_construct_is_theirs(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We first propose a novel transformer distillation method that is a specially designed knowledge distillation "
    "(KD) method for transformer-based models.",  # what the new method is said to be
    "We evaluate on a carefully designed benchmark from prior work.",  # someone else's
    "We use Vireo-4 to generate code that solves each task.",  # what a tool makes is no dataset
    "As a next step, we plan to release training logs (Chronicles) detailing our experience in training KelpGPT.",
])
def test_designed_kinds_and_outputs_are_no_contributions(extract_abstract, abstract):
    assert not ({"knowledge distillation", "benchmark", "code", "detailing"} & introduced_names(extract_abstract(abstract)))


@pytest.mark.parametrize("abstract, name, introduced_as_technique", [
    ("This paper introduces LongKelp that, for the first time, extends the context window of pre-trained LLMs to "
     "2048k tokens. Models extended via LongKelp retain the original architecture.", "LongKelp", True),
    ("We introduce QuillMerge, which fuses adapters. We obtain strong results by applying QuillMerge to Vireo-7B.",
     "QuillMerge", True),
    ("This paper introduces LongKelp that extends the context window of LLMs. LongKelp outperforms Vireo-7B.",
     "LongKelp", False),  # no use as a means: a model as much as a method
])
def test_a_bare_name_used_as_a_means_is_a_technique(extract_abstract, abstract, name, introduced_as_technique):
    assert (("technique", name) in introduced(extract_abstract(abstract))) == introduced_as_technique


@pytest.mark.parametrize("abstract, name", [
    ("In this work, we present a simple and effective approach to compress large Transformer (Vaswani et al., 2017) "
     "based pre-trained models, termed as deep kelp-attention distillation.", "deep kelp-attention distillation"),
    ("We propose an algorithm for merging adapters without data, called weight braiding.", "weight braiding"),
])
def test_a_name_given_after_a_described_object_is_the_contribution(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    ("More importantly, we introduce a teacher-student strategy specific to transformers.", "teacher-student strategy"),
    ("We propose a decoding scheme tailored for speech models.", "decoding scheme"),
])
def test_an_adjective_after_the_head_is_no_part_of_the_name(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    ("Our first contribution is the release of the Kelp Parallel Corpus Collection (KPCC), the largest publicly "
     "available parallel corpora for Welsh.", "Kelp Parallel Corpus Collection"),
    ("Our second contribution is the release of the first n-way parallel benchmark covering all 22 languages.",
     "n-way parallel benchmark"),
    ("Our main contribution is QuillSort, a sorting-based decoding scheme.", "QuillSort"),
])
def test_a_contribution_stated_as_such_is_introduced(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "Prior to this work, there was (i) no parallel training data spanning all languages, (ii) no robust benchmarks "
    "covering them, and (iii) no translation models.",
    "Unlike existing methods that depend on fine-tuning with a few labeled datasets, our method does not require "
    "building complex training pipelines or relying on manually collected datasets.",
    "We need to develop scalable oversight methods that enable humans to supervise outputs.",
])
def test_what_is_missing_or_not_done_is_no_contribution(extract_abstract, abstract):
    assert not introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, names", [
    ("Additionally, we employ a three-stage training strategy that includes modality-adaptation pre-training, "
     "cross-modal instruction fine-tuning, and chain-of-modality instruction fine-tuning.",
     {"three-stage training strategy", "modality-adaptation pre-training", "cross-modal instruction fine-tuning",
      "chain-of-modality instruction fine-tuning"}),
    ("Our model is trained through a two-stage process: pre-training on spoken dialogue, then fine-tuning.",
     {"two-stage process"}),
    ("To further improve responsiveness, we introduce an asynchronous inference stack decoupling perception from "
     "action execution.", {"asynchronous inference stack"}),
])
def test_a_recipe_counted_in_stages_and_its_stages_are_the_paper_s(extract_abstract, abstract, names):
    assert names <= introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "Prior work used a two-stage training strategy that includes pre-training and fine-tuning.",
    "Existing methods adopt a three-stage process with separate encoders.",
])
def test_someone_else_s_staged_recipe_is_not_the_paper_s(extract_abstract, abstract):
    assert not introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name, description", [
    ("To address this, we introduce Benchmarking-KQ (BEKQ), a robust and heterogeneous evaluation benchmark for "
     "retrieval.", "Benchmarking-KQ", "heterogeneous evaluation benchmark"),
    ("We propose QuillNorm, a simple and stable normalization scheme for deep transformers.", "QuillNorm",
     "stable normalization scheme"),
])
def test_an_appositive_of_coordinated_adjectives_describes_the_name(extract_abstract, abstract, name, description):
    names = introduced_names(extract_abstract(abstract))
    assert name in names and description not in names


@pytest.mark.parametrize("abstract, name, found", [
    ("We introduce Kelp-7B, a legal LLM. Kelp-7B is trained on base models, using a new custom dataset which "
     "combines public sources.", "custom dataset", True),
    ("We introduce Kelp-7B, a legal LLM. Kelp-7B uses a novel braided attention mechanism.",
     "braided attention mechanism", True),
    ("We introduce Kelp-7B, a legal LLM. Prior models use a new attention mechanism from earlier work.",
     "attention mechanism", False),
])
def test_what_the_paper_s_model_is_made_with_when_marked_new(extract_abstract, abstract, name, found):
    assert (name in introduced_names(extract_abstract(abstract))) is found


@pytest.mark.parametrize("abstract, names, not_names", [
    ("We construct a dataset named KelpS2S-200K, which includes 200K speech instructions and corresponding speech "
     "responses.", {"KelpS2S-200K"}, {"corresponding speech responses", "200K speech instructions"}),
    ("We also introduce a diverse dataset mixture for fine-tuning that includes in-the-wild Q&A and innovative 2D "
     "pointing data.", {"2D pointing data"}, {"innovative 2D pointing data"}),
    ("Specifically, we design a novel LLM-based architecture with continuous features as input.",
     {"LLM-based architecture"}, {"LLM-based"}),
])
def test_what_a_dataset_holds_and_what_an_adjective_describes(extract_abstract, abstract, names, not_names):
    found = introduced_names(extract_abstract(abstract))
    assert names <= found and not (not_names & found)


@pytest.mark.parametrize("abstract, not_named", [
    ("We present a novel empirical finding that properly tuned prompts work across model scales.", "empirical finding"),
    ("Our key observation is that shallow layers matter most for Kelp-7B.", "observation"),
    ("We develop a data pipeline that includes filtering strategies and a captioning method, greatly contributing "
     "to the quality of KelpVid.", "greatly contributing"),
])
def test_findings_and_participle_clauses_are_no_contributions(extract_abstract, abstract, not_named):
    assert not any(not_named in name for name in introduced_names(extract_abstract(abstract)))


def test_parts_listed_before_a_participle_clause_are_still_parts(extract_abstract):
    names = introduced_names(extract_abstract(
        "We propose KelpDet, which includes a feature enhancer, a language-guided query selection, and a "
        "cross-modality decoder, greatly improving detection."))
    assert {"feature enhancer", "cross-modality decoder"} <= names


@pytest.mark.parametrize("abstract, name", [
    ("Moreover, to alleviate hallucination, we add a retrieval module and extract relevant articles before answering.",
     "retrieval module"),
    ("In addition to the model refinement, we incorporated a self-directed information retrieval mechanism, allowing "
     "the model to access real-time information.", "self-directed information retrieval mechanism"),
])
def test_a_part_the_authors_add_is_introduced(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We add Gaussian noise to the inputs during training.",
    "We incorporate LoRA into every attention layer of Kelp-7B.",
])
def test_what_the_authors_add_without_describing_a_new_part_is_not_introduced(extract_abstract, abstract):
    names = introduced_names(extract_abstract(abstract))
    assert not any(n in ("Gaussian noise", "LoRA", "noise") for n in names)


@pytest.mark.parametrize("abstract, names", [
    ("In addition, we publish the datasets that are meticulously curated for the alignment of multi-modalities, "
     "i.e., KelpChemQA and KelpProtQA.", {"KelpChemQA", "KelpProtQA"}),
    ("We also release two new benchmarks for legal reasoning, namely KelpLaw, KelpCourt and KelpCase.",
     {"KelpLaw", "KelpCourt", "KelpCase"}),
])
def test_names_a_namely_list_gives_the_authors_datasets(extract_abstract, abstract, names):
    assert names <= introduced_names(extract_abstract(abstract))


def test_names_a_namely_list_gives_others_datasets_are_not_introduced(extract_abstract):
    doc = extract_abstract("Prior work evaluated on standard datasets, i.e., KelpQA and VireoQA, which we also use.")
    assert not {"KelpQA", "VireoQA"} & introduced_names(doc)


def test_one_sized_name_in_parentheses_after_a_data_head_names_it(extract_abstract):
    names = introduced_names(extract_abstract(
        "We are releasing the Segment Kelp Model (SKM) and corresponding dataset (SK-1B) of 1B masks and 11M images."))
    assert "SK-1B" in names and "corresponding dataset" not in names


def test_an_acronym_in_parentheses_after_a_data_head_is_still_an_acronym(extract_abstract):
    names = introduced_names(extract_abstract("We release a new legal question answering dataset (LQAD) for courts."))
    assert "LQAD" not in names


@pytest.mark.parametrize("abstract, names", [
    # capitalised names each after "the", in a list: names, not appositives of one another
    ("We release the Fern Dataset, the Fern Collection, and the Fern Evaluation Suite.",
     {"Fern Dataset", "Fern Collection", "Fern Evaluation Suite"}),
    ("In total, we contribute three key resources: we develop and open-source the Kelp Corpus, the Kelp "
     "Collection, and the Kelp Benchmark.", {"Kelp Corpus", "Kelp Collection", "Kelp Benchmark"}),
])
def test_names_listed_each_after_the_are_each_contributed(extract_abstract, abstract, names):
    assert names <= introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    ("We focus on data made by strong models to teach weaker ones; we refer to this setting as Kelpish Teaching.",
     "Kelpish Teaching"),
    ("We refer to this approach as Fern Tuning.", "Fern Tuning"),
    ("We call this approach Marsh Token Dropping.", "Marsh Token Dropping"),
    # a coined name right after "the proposed", then its verb
    ("Experiments show that the proposed KelpNorm speeds up training.", "KelpNorm"),
    ("Our proposed FernDecoding elicits reasoning without prompts.", "FernDecoding"),
])
def test_a_name_given_by_refer_to_as_call_or_the_proposed(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We refer to the model as Kelp-Lite.",  # a model's name, no method's
    "The proposed Kelp-7B model beats larger ones.",  # a model after "the proposed"
    "Results show that the proposed LLM is fast.",  # a class word
])
def test_a_model_given_a_name_is_no_technique(extract_abstract, abstract):
    assert not {n for n in introduced_names(extract_abstract(abstract)) if "Kelp" in n or "LLM" in n}


def test_a_description_and_the_name_that_spells_its_head_are_one_contribution(extract_abstract):
    abstract = ("We build a human-curated instruction-following dataset spanning 40 languages. "
                "In total, we release the Fern Dataset and the Fern Benchmark.")
    names = introduced_names(extract_abstract(abstract))
    assert {"Fern Dataset", "Fern Benchmark"} <= names
    assert "human-curated instruction-following dataset" not in names
    # with no name that spells its head, the description stays
    alone = introduced_names(extract_abstract(abstract.replace("the Fern Dataset and ", "")))
    assert "human-curated instruction-following dataset" in alone


@pytest.mark.parametrize("abstract, model, contribution", [
    # a double dash opens an appositive, for a model as for a benchmark
    ("This paper introduces KelpLLM -- multilingual large language models for five Kelpish languages and English, "
     "and Kelpbenchmark -- a new benchmark dataset for various downstream NLP tasks.", "KelpLLM", "Kelpbenchmark"),
    ("We release FernLM \u2014 compact language models for the marsh domain \u2014 and FernEval \u2014 a new "
     "evaluation suite for marsh question answering.", "FernLM", "FernEval"),
])
def test_dash_appositives_name_a_model_and_a_benchmark(extract_abstract, abstract, model, contribution):
    doc = extract_abstract(abstract)
    assert model in models_introduced(doc)
    names = introduced_names(doc)
    assert contribution in names
    assert not any(n.startswith(("benchmark dataset", "evaluation suite")) for n in names)  # its description


@pytest.mark.parametrize("abstract, name", [
    ("To this end, we co-developed KLD-5B that consists of 5.4 billion comprehensive visual annotations on 126 "
     "million images.", "KLD-5B"),
    ("We release FernPile-2T, which contains 2 trillion tokens of web text.", "FernPile-2T"),
    ("We release MarshClips-40K, consisting of 40K annotated clips of tidal flats.", "MarshClips-40K"),
])
def test_a_name_a_count_of_items_defines_is_data_not_a_model(extract_abstract, abstract, name):
    doc = extract_abstract(abstract)
    assert ("dataset", name) in introduced(doc)
    assert name not in models_introduced(doc)


def test_a_name_with_a_count_of_parameters_stays_a_model(extract_abstract):
    doc = extract_abstract("We release Kelp-7B, which contains 7B parameters.")
    assert "Kelp-7B" in models_introduced(doc)


@pytest.mark.parametrize("abstract, names", [
    ("We introduce KM, a compact forecasting model. KM, based on the light-weight Fern architecture, incorporates "
     "innovations like adaptive patching, diverse resolution sampling, and resolution prefix tuning to handle "
     "pre-training.", {"adaptive patching", "resolution sampling", "resolution prefix tuning"}),
    ("To unlock diffusion policies on robots, this paper presents a set of key technical contributions including "
     "the incorporation of receding horizon control, visual conditioning, and the time-series diffusion "
     "transformer.", {"receding horizon control", "visual conditioning", "time-series diffusion transformer"}),
    ("Our method introduces improvements such as tidal token dropping and marsh routing.",
     {"tidal token dropping", "marsh routing"}),
])
def test_parts_listed_after_innovations_or_contributions_are_introduced(extract_abstract, abstract, names):
    found = introduced_names(extract_abstract(abstract))
    assert names <= found
    assert not any("contributions" in n or "innovations" in n for n in found)  # the announcement names nothing


@pytest.mark.parametrize("abstract", [
    "We introduce KM, a compact model. KM, based on the Fern architecture, incorporates components like rotary "
    "embeddings and grouped queries.",  # parts without a mark of the new: used
    "This study provides an understanding of graph autoencoders.",  # an understanding is no contribution
])
def test_unmarked_parts_and_an_understanding_are_not_introduced(extract_abstract, abstract):
    assert not introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name, kind", [
    # a coined name that spells its kind needs no head after the authors' verb
    ("As such, we construct KelpBench Lite-S by excluding such problematic issues.", "KelpBench Lite-S", "benchmark"),
    ("We construct FernBench from GitHub issues.", "FernBench", "benchmark"),
])
def test_a_coined_name_that_spells_its_kind_is_introduced_without_a_head(extract_abstract, abstract, name, kind):
    assert (kind, name) in introduced(extract_abstract(abstract))


def test_a_coined_name_with_no_kind_in_it_still_needs_a_head(extract_abstract):
    assert "KelpNet" not in introduced_names(extract_abstract("We construct KelpNet from GitHub issues."))


def test_what_a_benchmark_does_item_by_item_is_no_contribution(extract_abstract):
    names = introduced_names(extract_abstract(
        "We release KelpBench, the first benchmark that (1) contains frequently-updated questions from recent "
        "sources, (2) scores answers automatically according to ground-truth values, and (3) contains a wide "
        "variety of challenging tasks."))
    assert names == {"KelpBench"}


@pytest.mark.parametrize("abstract, name, kind", [
    ("This paper introduces Kelpgea, a multilingual multimodal LLM trained on KelpgeaIns, a diverse 6M instruction "
     "dataset spanning 39 languages.", "KelpgeaIns", "dataset"),
    ("We present Fernox, a small reasoning model. We evaluate it on FernoxBench, a benchmark of 500 puzzles.",
     "FernoxBench", "benchmark"),
])
def test_data_named_after_the_paper_s_model_is_the_paper_s(extract_abstract, abstract, name, kind):
    assert (kind, name) in introduced(extract_abstract(abstract))


def test_data_named_otherwise_that_a_model_is_trained_on_is_not_introduced(extract_abstract):
    names = introduced_names(extract_abstract("This paper introduces Kelpgea, a multilingual multimodal LLM trained on "
                                              "ShareFern, a large dataset of user conversations."))
    assert "ShareFern" not in names


def test_an_engine_the_authors_build_is_a_technique(extract_abstract):
    names = introduced_names(extract_abstract("We build a data engine, which improves model and data via user "
                                              "interaction, to collect a large video segmentation dataset."))
    assert "data engine" in names


def test_an_engine_the_authors_use_is_not_introduced(extract_abstract):
    names = introduced_names(extract_abstract("We use a search engine to collect candidate documents."))
    assert "search engine" not in names


@pytest.mark.parametrize("abstract, name", [
    ("In particular, we propose KelpAlign, a model alignment approach that makes use of rich scores.", "KelpAlign"),
    ("We propose LoamPrune, a language model compression method for edge devices.", "LoamPrune"),
    ("We introduce Brindle, an LLM serving framework built for long prompts.", "Brindle"),
    ("We present TallowMerge, a model merging technique that needs no data.", "TallowMerge"),
])
def test_a_model_word_modifying_a_compound_method_head_leaves_a_method(extract_abstract, abstract, name):
    assert ("technique", name) in introduced(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    ("We present KelpMed, a model trained with a new method for clinical notes.", "KelpMed"),
    ("We present KelpMed, a language model for the clinical domain.", "KelpMed"),
    ("We release KelpMed, a model that learns a new method of triage.", "KelpMed"),
])
def test_a_model_described_with_a_method_after_it_stays_a_model(extract_abstract, abstract, name):
    doc = extract_abstract(abstract)
    assert name not in introduced_names(doc)
    assert name in models_introduced(doc)


@pytest.mark.parametrize("abstract, name, aside", [
    ("To improve quality, we release KelpPairs, a permissively licensed preference dataset (CC-BY-4.0).",
     "KelpPairs", "CC-BY-4.0"),
    ("We publish LoamSet, a multilingual instruction dataset (v-2.1), for open research.", "LoamSet", "v-2.1"),
])
def test_an_aside_after_a_named_dataset_head_is_no_second_name(extract_abstract, abstract, name, aside):
    names = introduced_names(extract_abstract(abstract))
    assert name in names and aside not in names


def test_a_sized_name_in_parentheses_after_an_unnamed_head_still_names_it(extract_abstract):
    names = introduced_names(extract_abstract("We also release the corresponding dataset (KA-1B) with 1B masks."))
    assert "KA-1B" in names


@pytest.mark.parametrize("abstract, name, kind", [
    ("In this paper, we present the KelpMed collections, which consist of manual and synthetic datasets.",
     "KelpMed", "dataset"),
    ("We propose a new neural audio codec that compresses speech at low bitrates.", "neural audio codec",
     "technique"),
    ("We develop and open-source the Kelp Annotation Platform, the Kelp Dataset and the Kelp Evaluation Suite.",
     "Kelp Annotation Platform", "technique"),
])
def test_collections_codecs_and_platforms_are_heads(extract_abstract, abstract, name, kind):
    assert (kind, name) in introduced(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We describe how the platform allows for the implementation of new agents.",
    "We show how the framework scales to long inputs.",
    "We explain why the pipeline fails on long documents.",
    "We study what the benchmark measures.",
])
def test_a_question_word_opens_a_clause_not_a_contribution(extract_abstract, abstract):
    assert introduced_names(extract_abstract(abstract)) == set()


@pytest.mark.parametrize("abstract, name", [
    ("Our novel Cross-lingual Kelp Attention (XLKA) mechanism enables efficient knowledge transfer.",
     "Cross-lingual Kelp Attention"),
    ("Our novel KelpAttention mechanism enables efficient transfer.", "KelpAttention"),
    ("Our new Loam Routing strategy halves the cost of serving.", "Loam Routing strategy"),
])
def test_a_sentence_opening_on_our_new_method_introduces_it(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "Our model achieves the best accuracy on KelpQA.",
    "Our approach outperforms prior work on three benchmarks.",
])
def test_a_sentence_opening_on_our_system_about_results_introduces_nothing(extract_abstract, abstract):
    assert introduced_names(extract_abstract(abstract)) == set()


@pytest.mark.parametrize("abstract, name", [
    ("We present both the Kelp Training Dataset and the Kelp-7B model.", "Kelp Training Dataset"),
    ("We release both the LoamBench benchmark and its leaderboard.", "LoamBench"),
])
def test_both_opens_a_pair_of_objects(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, names", [
    ("Key contributions include: 1) a 130B-parameter unified speech-text model; 2) a generative speech data engine "
     "that establishes a voice cloning framework; 3) an instruction-driven fine control system enabling dynamic "
     "adjustments.", {"generative speech data engine", "instruction-driven fine control system"}),
    ("The main innovations are: (1) a braided attention kernel; (2) a loam routing scheme.",
     {"braided attention kernel", "loam routing scheme"}),
])
def test_a_numbered_list_of_key_contributions_without_our_introduces_each(extract_abstract, abstract, names):
    assert names <= introduced_names(extract_abstract(abstract))


def test_a_numbered_list_of_findings_is_not_of_contributions(extract_abstract):
    doc = extract_abstract("The key findings are: (1) larger models forget less; (2) data order matters.")
    assert introduced_names(doc) == set()


@pytest.mark.parametrize("abstract, name", [
    ("We train Kelp-Guard in two stages. The first stage, Reasoning Graft, builds a basic reasoner.", "Reasoning Graft"),
    ("We train Kelp-Guard in two stages. The second stage, Deliberation Echo, refines the reasoner with RL.",
     "Deliberation Echo"),
    ("Our recipe has three phases. In the final phase, Curriculum of Hard Negatives, the retriever is tuned.",
     "Curriculum of Hard Negatives"),
    ("We describe our pipeline. The next step, KelpWarmup, anneals the learning rate.", "KelpWarmup"),
])
def test_an_ordinal_stage_named_in_apposition_is_introduced(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We train Kelp-Guard in two stages. The first stage, pretraining, is standard.",  # a step everyone takes
    "We build on Orvik. The first stage of Orvik, Warm Graft, is kept as it is.",  # a stage of another work
    "We study Kelp. The first stage, Kelp-7B, is small.",  # a model of the record
])
def test_a_stage_not_named_or_not_the_papers_is_not_introduced(extract_abstract, abstract):
    assert not introduced_names(extract_abstract(abstract)) & {"pretraining", "Warm Graft", "Kelp-7B"}


@pytest.mark.parametrize("abstract, name", [
    ("We train KelpGuard in two steps. Then, we introduce reasoning SFT to unlock the reasoning of guard models.",
     "reasoning SFT"),
    ("In addition, we present hard sample DPO to strengthen the reasoning of KelpGuard.", "hard sample DPO"),
    ("We propose curriculum-paced GRPO for long proofs.", "curriculum-paced GRPO"),
])
def test_a_described_variant_of_a_training_step_is_introduced(extract_abstract, abstract, name):
    assert name in introduced_names(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We introduce vanilla SFT as a baseline for KelpGuard.",  # a word that says nothing of a change
    "We present a video LMM for long clips.",  # a class of models, no training step
    "We present a fast GPU kernel library.",  # hardware
    "We use hard sample DPO from prior work.",  # used, not introduced
])
def test_a_training_step_unchanged_or_no_step_is_not_introduced(extract_abstract, abstract):
    assert not introduced_names(extract_abstract(abstract)) & {"vanilla SFT", "video LMM", "fast GPU",
                                                               "hard sample DPO"}


@pytest.mark.parametrize("abstract, expected", [
    # a counted head with its purpose before the colon; the items after it are the paper's own
    ("Then, to avoid plagiarism, we propose two different mixup strategies for data augmentation: fern-synchronous "
     "audio mixup and fern-synchronous latent mixup.",
     {("technique", "fern-synchronous audio mixup"), ("technique", "fern-synchronous latent mixup")}),
    ("We introduce three new benchmarks for code reasoning: KelpQA, VireoMath and LoamCode.",
     {("benchmark", "KelpQA"), ("benchmark", "VireoMath"), ("benchmark", "LoamCode")}),
    ("We design two new objectives for sparse experts: router fern loss and expert loam regularization.",
     {("technique", "router fern loss"), ("technique", "expert loam regularization")}),
])
def test_items_after_a_counted_head_and_its_purpose(extract_abstract, abstract, expected):
    assert expected <= set(introduced(extract_abstract(abstract)))


@pytest.mark.parametrize("abstract", [
    "We compare two strategies for data augmentation: random fern cropping and loam jitter.",  # compared
    "We evaluate on three benchmarks for code reasoning: KelpQA, VireoMath and LoamCode.",  # used
    "We propose two strategies for data augmentation: the first one is cheap.",  # no list
])
def test_a_counted_head_with_a_purpose_not_the_authors_or_not_a_list(extract_abstract, abstract):
    assert not introduced(extract_abstract(abstract))


@pytest.mark.parametrize("word, plural", [
    ("objectives", True), ("losses", True), ("strategies", True), ("benchmarks", True),
    ("objective", False), ("method", False), ("kelps", False),
])
def test_the_plural_of_a_kind_head(word, plural):
    from kg.extract.contributions.parts import plural_of
    assert plural_of(word, lexicon().kinds.every) is plural


@pytest.mark.parametrize("abstract, expected, not_expected", [
    ("We also construct a novel, diverse and comprehensive multimodal mathematical dataset, KelpMath-300K, which "
     "spans K-12 levels.", {("dataset", "KelpMath-300K")}, "multimodal mathematical dataset"),
    ("We build a novel, diverse and comprehensive multimodal mathematical dataset.",
     {("dataset", "multimodal mathematical dataset")}, "and comprehensive multimodal mathematical dataset"),
    ("We introduce a new, diverse and challenging benchmark, KelpQA, for clinical reasoning.",
     {("benchmark", "KelpQA")}, "challenging benchmark"),
])
def test_a_run_of_praise_with_commas_is_one_phrase(extract_abstract, abstract, expected, not_expected):
    got = set(introduced(extract_abstract(abstract)))
    assert expected <= got and not_expected not in {n for _, n in got}


@pytest.mark.parametrize("abstract, expected", [
    ("We propose Kelp-R1, a framework for GUI agents. Specifically, Kelp-R1 introduces a novel rule-based action "
     "reward, enabling model optimization via GRPO.", ("technique", "rule-based action reward")),
    ("We design a new verifiable reward for theorem proving, FernReward.", ("technique", "FernReward")),
])
def test_a_reward_the_paper_designs_is_a_technique(extract_abstract, abstract, expected):
    assert expected in set(introduced(extract_abstract(abstract)))


@pytest.mark.parametrize("abstract", [
    "We train a reward model on preference data.",
    "The policy is optimized with a sparse reward from unit tests.",
])
def test_a_reward_model_or_a_reward_used_is_no_contribution(extract_abstract, abstract):
    assert not introduced(extract_abstract(abstract))


ANNOUNCED = ("We present KelpProver, a scalable expert iteration framework, featuring three key innovations. First, "
             "we implement strategic fern filtering at each expert iteration round. Second, we improve the sample "
             "efficiency of search through a preference objective. Third, we employ loam normalization in search to "
             "encourage deeper proof paths.")


def test_each_new_thing_announced_then_counted_out_sentence_by_sentence(extract_abstract):
    got = {n for _, n in introduced(extract_abstract(ANNOUNCED))}
    assert {"strategic fern filtering", "loam normalization"} <= got
    assert "sample efficiency" not in got  # a quality improved, no thing made


@pytest.mark.parametrize("abstract", [
    "We study three settings. First, we evaluate Kelp-7B on math problems. Second, we use standard beam search.",
    "First, we implement strategic fern filtering at each round. Second, we employ loam normalization in search.",
])
def test_counted_sentences_without_an_announcement_of_new_things_name_none(extract_abstract, abstract):
    got = {n for _, n in introduced(extract_abstract(abstract))}
    assert not {"standard beam search", "strategic fern filtering", "loam normalization"} & got
