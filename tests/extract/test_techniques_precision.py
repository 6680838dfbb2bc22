"""Precision rules of what a paper introduces, on invented names (CheckList style, negatives beside positives).

A name the text calls a model is no technique; plurals of models and topics are never contributions;
a description stops before its participle clause; an introducing verb counts only as the authors'
predicate; what is used, compared with or studied is not made.
"""

import pytest


def introduced(doc):
    return {f.object.name for f in doc.facts if f.predicate == "introduces" and f.object.kind != "model"}


# --- a fronted clause's head does not name the main clause's subject ------------------------------------

@pytest.mark.parametrize("abstract", [
    "We introduce Pellucid, a tuned Kelp model. Trained on a small synthetic dataset, Pellucid beats much "
    "larger models at counting.",
    "We release Marrowby, a Kelp-based model. Paired with a search retriever, Marrowby copes with changed pages.",
    "We train Tansy on a new corpus. Trained with a novel objective, Tansy matches larger models.",
])
def test_the_subject_after_a_fronted_clause_is_not_named_by_its_head(extract_abstract, abstract):
    names = introduced(extract_abstract(abstract))
    assert not names & {"Pellucid", "Marrowby", "Tansy"}


@pytest.mark.parametrize("abstract, name", [
    ("We build a new math corpus, Quarrytext.", "Quarrytext"),
    ("We release a new instruction dataset, Fennel-Mix, and a model trained on it.", "Fennel-Mix"),
    ("We construct a novel benchmark, GlimBench (2K items), for spatial reasoning.", "GlimBench"),
])
def test_a_name_closing_the_phrase_after_its_head_is_that_head(extract_abstract, abstract, name):
    assert name in introduced(extract_abstract(abstract))


# --- generic plurals of models are never contributions --------------------------------------------------

@pytest.mark.parametrize("abstract, kept", [
    ("Motivated by cost, we present a method for widening LLMs called lattice folding (LF), which "
     "stacks layers.", "lattice folding"),
    ("We propose a recipe for adapting large language models called Hearth Tuning.", "Hearth Tuning"),
])
def test_a_plural_of_models_is_what_a_method_is_for_not_a_contribution(extract_abstract, abstract, kept):
    names = introduced(extract_abstract(abstract))
    assert kept in names
    assert not names & {"LLMs", "large language models", "language models"}


# --- the introducing verb must be the authors' predicate ------------------------------------------------

@pytest.mark.parametrize("abstract", [
    "We score Kelp-7B on a suite holding 8 long-established legal clause retrieval (LCR) tasks.",
    "We measure Kelp-7B on a suite of tasks with several proposed reward shaping schemes from prior work.",
])
def test_a_participle_deep_in_the_object_introduces_nothing(extract_abstract, abstract):
    assert introduced(extract_abstract(abstract)) == set()


@pytest.mark.parametrize("abstract, name", [
    ("We also introduce a curriculum pacing scheme.", "curriculum pacing scheme"),
    ("We train Kelp on public data and introduce Lumen Routing, a method for sparse experts.", "Lumen Routing"),
    ("Starting from seed prompts, we rewrite them with our proposed evolving rewrite procedure.",
     "evolving rewrite procedure"),
    ("We, for the first time, propose Tidewise Sampling, a decoding algorithm.", "Tidewise Sampling"),
])
def test_the_authors_verb_introduces(extract_abstract, abstract, name):
    assert name in introduced(extract_abstract(abstract))


# --- a name the text calls a model is not also a technique ----------------------------------------------

@pytest.mark.parametrize("title, abstract, model", [
    ("Brambleford: Chat Model Grounded in Many Tools",
     "We release Brambleford, which writes tool calls. Brambleford's code and data are available.", "Brambleford"),
    ("Quillmath: Better Reasoning for Language Models through Ranked Feedback",
     "We present Quillmath, which lifts the reasoning of Kelp-2. Quillmath beats every other open LLM of "
     "its size.", "Quillmath"),
    (None, "We publish: (1) Fenmix-V2, a mixture of instruction datasets; (3) Fenwick-Code, Kelp models "
     "adapted to our mixture.", "Fenwick-Code"),
    (None, "We release the MarshMath models with different sizes, and the training code.", "MarshMath"),
])
def test_a_name_the_text_calls_a_model_is_no_technique(extract_abstract, title, abstract, model):
    assert model not in introduced(extract_abstract(abstract, title=title))


@pytest.mark.parametrize("title, abstract, technique", [
    ("Lanternfold: Scaling Language Models with Folded Attention",
     "We propose Lanternfold, a method that folds attention heads.", "Lanternfold"),
    (None, "We introduce Cobble-Tune, a fine-tuning technique. Cobble-Tune models outperform all other "
     "baselines.", "Cobble-Tune"),
])
def test_a_name_called_a_method_stays_a_technique(extract_abstract, title, abstract, technique):
    assert technique in introduced(extract_abstract(abstract, title=title))


def test_kinds_of_models_are_not_model_names():
    from kg.extract.contributions.called_models import called_models, title_model
    from kg.extract.tokens import tokenize

    assert called_models(tokenize("Serving sparse MoE models on many devices is costly.")) == set()
    assert called_models(tokenize("Weak SFT models gain the most.")) == set()
    assert called_models(tokenize("We propose Kelpwise, a method for training LLMs.")) == set()
    assert title_model("Sorrel: A Collection of Open Pretrained Language Models for Law") == "Sorrel"
    assert title_model("Sorrel: A Dataset for Evaluating Language Models") is None
    assert title_model("Sorrel: A Recipe for Training Language Models") is None
    assert title_model("Sorrel: An Open-Source Small Language Model") == "Sorrel"


# --- a description stops before its participle clause ---------------------------------------------------

@pytest.mark.parametrize("abstract, name, longer", [
    ("To keep what the teacher knows, we introduce a braided loss combining masking and alignment terms.",
     "braided loss", "braided loss combining masking"),
    ("We propose a sparse gating scheme leveraging routing statistics from earlier layers.",
     "sparse gating scheme", "sparse gating scheme leveraging routing statistics"),
    ("We design a tiered caching strategy utilizing idle memory on each device.",
     "tiered caching strategy", "tiered caching strategy utilizing idle memory"),
])
def test_a_description_stops_before_its_participle_clause(extract_abstract, abstract, name, longer):
    names = introduced(extract_abstract(abstract))
    assert name in names
    assert longer not in names


def test_a_gerund_inside_a_name_stays():
    from kg.extract.contributions.sentence import contributions_in

    names = {c.name for c in contributions_in("We propose a curriculum-guided reward shaping approach.", set())}
    assert "curriculum-guided reward shaping approach" in names


# --- named methods with acronyms, and described things their capitals name -----------------------------

@pytest.mark.parametrize("abstract, name", [
    ("We describe Kelpwise, tuned from Kelp-2 with our proposed Curriculum Learning from Ranked Hints "
     "(CLRH) method.", "Curriculum Learning from Ranked Hints"),
    ("We train with our novel Curriculum Sampling for Sparse Experts (CSSE) strategy.",
     "Curriculum Sampling for Sparse Experts"),
])
def test_our_proposed_long_form_with_its_acronym_and_head(extract_abstract, abstract, name):
    assert name in introduced(extract_abstract(abstract))


def test_capitals_inside_a_name_need_its_acronym():
    from kg.extract.contributions.chunker import object_phrases
    from kg.extract.tokens import tokenize

    tokens = tokenize("We compare Kelp Chat with Brine Tuning on three tasks.")
    assert [t.text for t in object_phrases(tokens, 2)[0][0]] == ["Kelp", "Chat"]


@pytest.mark.parametrize("abstract, name", [
    ("Next, we introduce a sparsity-aware Lattice Router, which picks experts per token.",
     "sparsity-aware Lattice Router"),
    ("We propose a gradient-free Lattice Mixer that blends token states.", "gradient-free Lattice Mixer"),
])
def test_a_described_thing_closed_by_capitals_is_named(extract_abstract, abstract, name):
    assert name in introduced(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We present an open Kelp Language Model trained on public data.",
    "We introduce a strong Kelp-2 baseline for ranking.",
])
def test_a_model_closed_by_capitals_is_no_technique(extract_abstract, abstract):
    assert not {n for n in introduced(extract_abstract(abstract)) if "Kelp" in n}


# --- the described parts of the authors' own method are theirs ------------------------------------------

def _parts(text):
    from kg.extract.contributions.own_parts import own_parts, own_subject
    from kg.extract.tokens import tokenize

    return {c.name for c in own_parts(tokenize(text), set())} if own_subject(text) else set()


@pytest.mark.parametrize("text, part", [
    ("Our method adopts Kelp transforms (KT) against outliers, employs a two-level scaling scheme for "
     "stable gradients, and uses stochastic clipping.", "two-level scaling scheme"),
    ("Our approach utilizes layerwise local feature distillation (LLFD) for architecture search.",
     "layerwise local feature distillation"),
    ("Next, our pipeline employs a page-aware formula rendering technique.", "page-aware formula rendering technique"),
])
def test_a_described_part_of_our_method_is_introduced(text, part):
    assert part in _parts(text)


@pytest.mark.parametrize("text", [
    "Our method adopts Kelp Sine transforms (KST) against outliers.",  # named: someone's
    "Our method utilizes stochastic clipping for unbiased gradients.",  # a known technique, as it is
    "Our approach employs careful continued pretraining schedules for long inputs.",
    "Our model uses multi-query attention (MQA) for faster decoding.",  # a model's borrowed part
    "We employ a two-level scaling scheme from prior work.",  # "we" use what exists
    "Our method is a two-level scaling scheme.",
])
def test_no_part_of_our_method_from(text):
    assert _parts(text) == set()


def test_the_enumerated_techniques_of_our_approach_are_introduced(extract_abstract):
    names = introduced(extract_abstract(
        "Our recipe uses three new techniques: (1) staged layer trimming, which drops layers early, and (2) "
        "adaptive domain batching, which reweights the data mixture."))
    assert {"staged layer trimming", "adaptive domain batching"} <= names


# --- what is studied or reported is not made --------------------------------------------------------------

@pytest.mark.parametrize("abstract", [
    "We investigate three warmup schedules: (1) linear row warmup and (2) cosine block warmup.",
    "We compare three decoding schemes: (1) greedy lattice search, (2) beam lattice search and (3) nucleus "
    "lattice sampling.",
    "Our experiments indicate that (ii) fails, unless the batch is large.",
    "Our results show that (1) longer warmup helps and (2) smaller batches hurt.",
])
def test_listed_items_that_are_studied_or_reported_are_not_introduced(extract_abstract, abstract):
    assert introduced(extract_abstract(abstract)) == set()


def test_listed_items_after_an_introducing_verb_still_are(extract_abstract):
    names = introduced(extract_abstract(
        "We propose two new pruning strategies: (1) tidal row pruning and (2) joint head pruning."))
    assert {"tidal row pruning", "joint head pruning"} <= names


# --- topics are never contributions -----------------------------------------------------------------------

@pytest.mark.parametrize("abstract", [
    "We introduce clinical visual question answering, a new task for medical assistants.",
    "We propose legal clause summarization, an emerging problem in contract review.",
    "We introduce a benchmark of 12 clinical question answering (CQA) tasks in French.",
    "We present a suite of twelve low-resource speech translation (LRST) tasks.",
])
def test_a_topic_is_never_a_contribution(extract_abstract, abstract):
    names = introduced(extract_abstract(abstract))
    assert not {n for n in names if "answering" in n or "summarization" in n or "translation" in n}


@pytest.mark.parametrize("abstract, name", [
    ("We propose sparse token routing (STR) for long inputs.", "sparse token routing"),
    ("We propose Kelp Tuning, a new method for the task of legal summarization.", "Kelp Tuning"),
])
def test_a_method_for_a_task_is_still_a_contribution(extract_abstract, abstract, name):
    assert name in introduced(extract_abstract(abstract))


# --- a name after its description replaces the description ----------------------------------------------

@pytest.mark.parametrize("abstract, name, description", [
    ("We propose a novel decoding strategy, contrastive lookahead decoding (CLD), which improves factuality.",
     "contrastive lookahead decoding", "decoding strategy"),
    ("We introduce a new pruning method, Gradual Column Trimming, for encoders.", "Gradual Column Trimming",
     "pruning method"),
])
def test_the_name_after_a_description_is_the_contribution(extract_abstract, abstract, name, description):
    names = introduced(extract_abstract(abstract))
    assert name in names
    assert description not in names


# --- another object of the same verb after an appositive ----------------------------------------------------

def test_a_second_object_after_an_appositive(extract_abstract):
    names = introduced(extract_abstract(
        "We propose Ruff-Bench, a new evaluation suite for spoken dialogue, and the RuffSpeech corpus of 10K hours."))
    assert {"Ruff-Bench", "RuffSpeech"} <= names


@pytest.mark.parametrize("abstract", [
    "We propose Kelp-Tune, a method for alignment, and the experiments confirm its gains.",
    "We propose Kelp-Tune, a method for alignment, and the model trained with it beats Kelp-2.",
])
def test_a_clause_after_an_appositive_adds_nothing(extract_abstract, abstract):
    assert introduced(extract_abstract(abstract)) == {"Kelp-Tune"}


# --- a short title that is a method's name ------------------------------------------------------------------

@pytest.mark.parametrize("title, abstract, found", [
    ("Layered Prompt Distillation", "We study layered prompt distillation, which compresses prompts into weights.", True),
    ("Contrastive Span Masking", "We propose contrastive span masking for pretraining encoders.", True),
    ("Contrastive Span Masking", "We propose a new masking objective for pretraining encoders.", False),  # not repeated
    ("Scaling Laws for Sparse Encoders", "We study scaling laws for sparse encoders.", False),  # no method word
    ("Why Prompt Distillation Works", "We explain why prompt distillation works.", False),  # a question
])
def test_a_short_title_naming_a_method_repeated_in_the_abstract(extract_abstract, title, abstract, found):
    names = {n.lower() for n in introduced(extract_abstract(abstract, title=title))}
    assert (title.lower() in names) is found


# --- enumerated items the authors call theirs -----------------------------------------------------------------

def test_enumerated_items_after_our(extract_abstract):
    names = introduced(extract_abstract(
        "This report covers (1) our filtered corpus $Kelp-Mix$, drawn from public sources, (2) our procedure "
        "of pruning and stitching adapter blocks to keep what the base knows, and (3) our checks for "
        "benchmark overlap."))
    assert "Kelp-Mix" in names and "$Kelp-Mix$" not in names
    assert "pruning and stitching adapter blocks" in names  # not "procedure of ..."


def test_two_gerunds_share_one_object_but_not_a_clause():
    from kg.extract.contributions.chunker import object_phrases
    from kg.extract.tokens import tokenize

    tokens = tokenize("We study pruning and merging adapter modules.")
    assert [t.text for t in object_phrases(tokens, 2)[0][0]] == ["pruning", "and", "merging", "adapter", "modules"]
    tokens = tokenize("We study pruning and the merging of modules.")
    assert [t.text for t in object_phrases(tokens, 2)[0][0]] == ["pruning"]


# --- what an appositive's thing is for is not its head ------------------------------------------------------

@pytest.mark.parametrize("abstract", [
    "We introduce Wren, an open-source assistant for data science.",
    "We present Wren, a helpful assistant with benchmark-level accuracy on data tasks.",
])
def test_what_it_is_for_gives_no_kind(extract_abstract, abstract):
    assert "Wren" not in introduced(extract_abstract(abstract))


def test_a_head_after_of_still_counts(extract_abstract):
    assert "Wren-Set" in introduced(extract_abstract("We introduce Wren-Set, a collection of curated datasets."))


# --- a described name that is used or compared against is someone else's ---------------------------------

@pytest.mark.parametrize("abstract", [
    "We compare against ReKelp, a strong retrieval method.",
    "We build on Kelp-Attention, an efficient attention mechanism.",
    "We adopt GridKelp, a popular sampling algorithm.",
    "Our method beats ReKelp, a retrieval method from prior work, by 3 points.",
])
def test_a_described_name_we_use_or_compare_with_is_not_ours(extract_abstract, abstract):
    assert introduced(extract_abstract(abstract)) == set()


@pytest.mark.parametrize("abstract, name", [
    ("Kelp models are tuned on synthetic data using Flint-Instruct, a novel approach for drafting prompts.",
     "Flint-Instruct"),
    ("We propose ReKelp, a retrieval method that outperforms prior work.", "ReKelp"),
])
def test_a_described_name_we_make_is_ours(extract_abstract, abstract, name):
    assert name in introduced(extract_abstract(abstract))


# --- a plain word an appositive calls new is a name ------------------------------------------------------------

@pytest.mark.parametrize("abstract, found", [
    ("Kelp-7B achieves the best score on Rill, a new benchmark we built.", True),
    ("We propose Thistle, a novel pruning method for encoders.", True),
    ("Kelp-7B achieves the best score on Rill, a benchmark of 500 questions.", False),  # not said new: evaluated on
])
def test_a_plain_word_called_new_in_its_appositive(extract_abstract, abstract, found):
    names = introduced(extract_abstract(abstract))
    assert bool(names & {"Rill", "Thistle"}) is found


# --- an aside between a name and its appositive --------------------------------------------------------------

@pytest.mark.parametrize("abstract, name, generic", [
    ("We present GrovRA (Gradual Rotary Attention), a cheap decoding technique that keeps distant tokens.",
     "GrovRA", "cheap decoding technique"),
    ("We introduce QuillMix (Quality-Informed Mixing), a simple data selection technique for pretraining.",
     "QuillMix", "simple data selection technique"),
    ("In this work we propose KelpBench (Kelp Benchmark), a new benchmark of 900 proofs.",
     "KelpBench", "new benchmark"),
])
def test_the_name_before_an_aside_is_what_its_appositive_describes(extract_abstract, abstract, name, generic):
    names = introduced(extract_abstract(abstract))
    assert name in names and generic not in names


def test_a_name_with_an_aside_we_compare_with_is_not_ours(extract_abstract):
    abstract = "We compare with GrovRA (Gradual Rotary Attention), a cheap decoding technique that keeps distant tokens."
    assert "GrovRA" not in introduced(extract_abstract(abstract))


# --- generic descriptions are no names ----------------------------------------------------------------------

@pytest.mark.parametrize("abstract", [
    "Here we put forward a recipe for porting assistants to court filings.",
    "We describe the procedure for assembling a small, private tutor for chemistry.",
    "We present a new framework for aligning assistants with user feedback.",
    "Our Lattice Q-mixer feeds our speech decoder with pooled frames.",
    "Weights, our adaptation dataset, and sample outputs are public.",
    "We introduce a scheme that turns lab reports into question-answer data.",
])
def test_generic_descriptions_are_not_contributions(extract_abstract, abstract):
    names = {n.lower() for n in introduced(extract_abstract(abstract))}
    assert not names & {"recipe for porting assistants", "procedure for assembling a small", "framework for aligning assistants",
                        "speech decoder", "adaptation dataset", "question-answer data"}


@pytest.mark.parametrize("abstract, name", [
    ("We propose a contrastive framework for aligning assistants with feedback.",
     "contrastive framework for aligning assistants"),
    ("We release our new adaptation dataset of 20K court rulings.", "adaptation dataset of 20K court rulings"),
    ("We propose a pipeline that can generate a multi-party dialogue corpus from meeting notes.",
     "multi-party dialogue corpus"),
])
def test_described_contributions_that_say_more_are_kept(extract_abstract, abstract, name):
    assert name.lower() in {n.lower() for n in introduced(extract_abstract(abstract))}


# --- a name described as our curated data, or as extending another set ---------------------------------------

@pytest.mark.parametrize("abstract, name", [
    ("Kelp-3B learns from LoamSet, our hand-labelled preference dataset.", "LoamSet"),
    ("Kelp-7B is tuned on FernMix, our newly collected preference dataset.", "FernMix"),
    ("Next we release QuillEval-X, broadening the QuillEval suite with spoken prompts.", "QuillEval-X"),
    ("We release RiverCode-2, extending the RiverCode corpus with 40 languages.", "RiverCode-2"),
])
def test_a_name_our_modified_description_or_an_extension_describes_is_ours(extract_abstract, abstract, name):
    assert name in introduced(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We compare with QuillEval-X, broadening the QuillEval suite with spoken prompts.",
    "Our curated dataset improves Kelp-7B on LoamSet, a benchmark of 200 puzzles.",
])
def test_an_extension_we_compare_with_or_a_set_we_score_on_is_not_ours(extract_abstract, abstract):
    assert not introduced(extract_abstract(abstract)) & {"QuillEval-X", "LoamSet"}


# --- a coined capitalised component after "propose a" / "introduce an" ----------------------------------------

@pytest.mark.parametrize("abstract, name", [
    ("We propose a Gated Q-mixer that pools sensor frames for the decoder.", "Gated Q-mixer"),
    ("We train the encoder and introduce an Echo Q-router on top of the encoder.", "Echo Q-router"),
    ("We propose a Sound X-bridge that aligns audio with text.", "Sound X-bridge"),
])
def test_a_coined_capitalised_component_we_propose_is_ours(extract_abstract, abstract, name):
    assert name in introduced(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We propose a Neural Network to classify images.",
    "We use a Gated Q-mixer that pools sensor frames for the decoder.",
])
def test_a_capitalised_common_term_or_a_used_component_is_not_ours(extract_abstract, abstract):
    assert not introduced(extract_abstract(abstract)) & {"Neural Network", "Gated Q-mixer"}


# --- items listed after "<count> <new> <heads>:" ----------------------------------------------------------------

@pytest.mark.parametrize("abstract, names", [
    ("We stress three innovative techniques: router noise scaling, which spreads tokens, and adaptive "
     "expert dropout.", {"router noise scaling", "adaptive expert dropout"}),
    ("We propose three novel strategies: span masking, which hides phrases, and reverse curricula, which "
     "order data, and loss reweighting.", {"span masking", "reverse curricula", "loss reweighting"}),
    ("In this paper, we introduce two new data filtering techniques: perplexity gating, which drops noise, "
     "and topic balancing.", {"perplexity gating", "topic balancing"}),
])
def test_items_after_a_count_of_new_heads_are_ours(extract_abstract, abstract, names):
    assert names <= introduced(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We compare two techniques: router noise scaling, which spreads tokens, and adaptive expert dropout.",
    "We stress three innovative techniques: router noise scaling.",
])
def test_items_not_announced_as_new_or_not_listed_are_not_taken(extract_abstract, abstract):
    assert "adaptive expert dropout" not in introduced(extract_abstract(abstract))
    assert "router noise scaling" not in introduced(extract_abstract(abstract))


# --- a coined name defined by its size after a colon ------------------------------------------------------------

@pytest.mark.parametrize("abstract, name, found", [
    ("We collect KelpLogs: 9 gigabytes of server logs from 40 firms.", "KelpLogs", True),
    ("We release LoamWeb: 2.5 trillion tokens of filtered web text.", "LoamWeb", True),
    ("We curate FernQA: 40K questions written by nurses.", "FernQA", True),
    ("We release Loam-7B: 7 billion parameters trained on web text.", "Loam-7B", False),
    ("We evaluate on LoamWeb: 2T tokens of web text.", "LoamWeb", False),
])
def test_a_name_sized_after_a_colon_is_data(extract_abstract, abstract, name, found):
    assert (name in introduced(extract_abstract(abstract))) is found


# --- "a subset of our X" is used; "our proposed X" is ours whatever its head ------------------------------------

@pytest.mark.parametrize("abstract, name, found", [
    ("Kelp-2B was tuned on a filtered slice of our LoamWeb corpus.", "LoamWeb corpus", False),
    ("We tune on a small portion of our FernChat dataset.", "FernChat", False),
    ("We release our FernChat dataset of 20K dialogues.", "FernChat", True),
])
def test_a_part_of_our_data_is_used_not_made(extract_abstract, abstract, name, found):
    names = introduced(extract_abstract(abstract))
    assert any(name in n for n in names) is found


@pytest.mark.parametrize("abstract, name, found", [
    ("Gains come from our proposed mixture of denoising losses.",
     "mixture of denoising losses", True),
    ("Transfer improves with the proposed mixture of span corruption losses.",
     "mixture of span corruption losses", True),
    ("Results show that the proposed changes help.", "changes", False),
    ("The proposed model outperforms all baselines.", "model", False),
    ("Our proposed 7B variant of Kelp wins.", "7B variant of Kelp", False),
])
def test_what_the_authors_call_proposed_is_theirs_whatever_its_head(extract_abstract, abstract, name, found):
    assert (name in introduced(extract_abstract(abstract))) is found


@pytest.mark.parametrize("abstract, name, found", [
    ("We release FernChat, which contains 20K dialogues between nurses.", "FernChat", True),
    ("We construct FernMath, comprising 200K problems with worked solutions.", "FernMath", True),
    ("We release Loam-7B, which contains 7 billion parameters.", "Loam-7B", False),
    ("We compare with FernChat, which contains 20K dialogues.", "FernChat", False),
])
def test_a_name_sized_in_its_relative_clause_is_data(extract_abstract, abstract, name, found):
    assert (name in introduced(extract_abstract(abstract))) is found


# --- a lower-case name after "called", before its clause ----------------------------------------------------------

@pytest.mark.parametrize("abstract, name", [
    ("We introduce a technique called span hopping that reduces memory.", "span hopping"),
    ("We introduce a method called contrastive span tuning to reduce memory.", "contrastive span tuning"),
    ("We propose a simple technique, called span hopping, to reduce memory.", "span hopping"),
])
def test_a_lower_case_name_after_called_ends_where_its_clause_opens(extract_abstract, abstract, name):
    assert name in introduced(extract_abstract(abstract))


# --- praise of cost on a generic head names nothing --------------------------------------------------------------

@pytest.mark.parametrize("abstract", [
    "We present a data-efficient method to extend context windows.",
    "We propose an efficient approach for adapting models to new languages.",
    "We introduce a scalable recipe for building multilingual models.",
    "We introduce a training-free method.",
])
def test_a_generic_head_with_praise_is_no_contribution(extract_abstract, abstract):
    assert introduced(extract_abstract(abstract)) == set()


@pytest.mark.parametrize("abstract, name", [
    ("We introduce a training-free decoding method.", "training-free decoding method"),
    ("We propose a new method for long-context modeling.", "method for long-context modeling"),
    ("We present GrovRA (Gradual Rotary Attention), a compute-efficient method to widen the window.", "GrovRA"),
])
def test_praise_beside_content_keeps_the_contribution(extract_abstract, abstract, name):
    assert name in introduced(extract_abstract(abstract))


# --- names an appositive counts, and a name before "our <word> dataset" ------------------------------------------

@pytest.mark.parametrize("abstract, names", [
    ("We introduce FernQA and LoamQA, two benchmarks for medical question answering.", {"FernQA", "LoamQA"}),
    ("We introduce FernQA, LoamQA and SiltQA, three new datasets of medical questions.",
     {"FernQA", "LoamQA", "SiltQA"}),
    ("We release FernMix, our specialization dataset.", {"FernMix"}),
    ("The models are trained on FernMix, our instruction dataset.", {"FernMix"}),
])
def test_names_an_appositive_describes_are_ours(extract_abstract, abstract, names):
    assert names <= introduced(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We evaluate on FernQA and LoamQA, two benchmarks for medical question answering.",
    "Kelp-7B beats FernQA and LoamQA, two strong methods.",
])
def test_names_an_appositive_counts_but_we_use_are_not_ours(extract_abstract, abstract):
    assert not introduced(extract_abstract(abstract)) & {"FernQA", "LoamQA"}


# --- a title "X: <method> of <models>" names a technique, and the abstract's bare kind of it is the same -----------

@pytest.mark.parametrize("title, abstract, name, found", [
    ("LoamPrune: Attention Head Pruning for Chat Language Models",
     "Large models are costly. We propose a pruning method that removes heads.", "LoamPrune", True),
    ("SiltMerge: Weight Merging for Small Language Models",
     "We study merging. Our merging scheme averages task vectors.", "SiltMerge", True),
    ("Fern-7B: An Open Medical Language Model", "We release Fern-7B, trained on clinical notes.", "Fern-7B", False),
])
def test_a_title_naming_a_method_on_models(extract_abstract, title, abstract, name, found):
    doc = extract_abstract(abstract, title=title)
    techniques = {f.object.name for f in doc.facts if f.predicate == "introduces" and f.object.kind == "technique"}
    assert (name in techniques) is found


def test_the_abstracts_bare_kind_of_the_titles_method_is_not_a_second_contribution(extract_abstract):
    doc = extract_abstract("Large models are costly. We propose a pruning method that removes heads.",
                           title="LoamPrune: Attention Head Pruning for Chat Language Models")
    assert "pruning method" not in introduced(doc)
    doc = extract_abstract("We propose a pruning method that removes heads.", title="Cheaper Language Models")
    assert "pruning method" in introduced(doc)


@pytest.mark.parametrize("abstract, name", [
    ("We design a training curriculum that we call staged mixing.", "staged mixing"),
    ("Our key insight is a technique we dub span recycling.", "span recycling"),
    ("We name this approach contrastive span tuning.", "contrastive span tuning"),
    ("We call this method staged mixing, and show it helps.", "staged mixing"),
])
def test_a_lower_case_method_name_we_give(extract_abstract, abstract, name):
    assert name in introduced(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "This is what we call good practice.",
    "We call this approach good.",
])
def test_what_we_call_a_plain_judgement_is_no_name(extract_abstract, abstract):
    assert introduced(extract_abstract(abstract)) == set()


# --- a name after its head's purpose; a capitalised head word belongs to the name ----------------------------------

@pytest.mark.parametrize("abstract, name, generic", [
    ("We introduce a large-scale synthetic dataset for math reasoning, FernMathPlus.", "FernMathPlus",
     "synthetic dataset"),
    ("We introduce a new benchmark of clinical questions, FernQA, and evaluate 12 models.", "FernQA",
     "benchmark of clinical questions"),
    ("For instance, we have curated the first geoscience instruction tuning dataset, FernSignal, which aims to "
     "align responses.", "FernSignal", "first geoscience instruction tuning dataset"),  # "the first ...": new
    ("We assemble the largest clinical benchmark to date, LoamBench, with 43 datasets.", "LoamBench",
     "largest clinical benchmark"),
])
def test_a_name_after_the_purpose_of_its_head_is_the_contribution(extract_abstract, abstract, name, generic):
    names = introduced(extract_abstract(abstract))
    assert name in names and generic not in names


def test_a_name_after_the_purpose_of_a_set_we_evaluate_on_is_not_ours(extract_abstract):
    assert introduced(extract_abstract("We evaluate on a benchmark for math reasoning, FernMath-1M.")) == set()


@pytest.mark.parametrize("abstract", [
    # the sets named right after "benchmarks," when the sentence evaluates on them (its "our" is the method's)
    "Empirical evaluations on the challenging web search benchmarks, KelpQA and FernWalk, demonstrate the "
    "strength of our training paradigm.",
    "Experiments on two benchmarks, KelpQA and FernWalk, confirm the gains of our method.",
])
def test_sets_named_after_a_head_we_evaluate_on_are_not_ours(extract_abstract, abstract):
    assert not introduced(extract_abstract(abstract)) & {"KelpQA", "FernWalk"}


def test_new_sets_named_after_a_head_we_evaluate_on_are_ours(extract_abstract):
    names = introduced(extract_abstract("Experiments on our new benchmarks, KelpQA and FernWalk, show gains."))
    assert {"KelpQA", "FernWalk"} <= names


@pytest.mark.parametrize("abstract, name", [
    ("We introduce Retrieval Augmented Span Tuning (RAST) for long documents.", "Retrieval Augmented Span Tuning"),
    ("We propose Retrieval Augmented Span Tuning.", "Retrieval Augmented Span Tuning"),
    ("We propose a novel instruction fine-tuning framework RankLoom.", "RankLoom"),
])
def test_a_capitalised_head_word_is_part_of_the_name(extract_abstract, abstract, name):
    assert name in introduced(extract_abstract(abstract))


# --- findings are not contributions; clauses are not names; one head shared by two phrases ------------------------

@pytest.mark.parametrize("abstract", [
    "Our experiments reveal three key insights: (1) adopting longer context windows may not help; (2) selecting "
    "an appropriate batch size helps mitigate collapse; and (3) carefully scheduling the rollout length improves "
    "efficiency.",
    "We report two findings: (1) sparse fern routing harms stability and (2) warm restarts repair it.",
    "This study yields three lessons: (i) curated moss data matters more than scale, (ii) short warmup suffices, "
    "and (iii) longer fern sequences help.",
    "Our analysis leads to four observations: 1) token dropping is harmless, 2) gradient noise grows with depth.",
])
def test_the_items_of_findings_are_not_contributions(extract_abstract, abstract):
    assert introduced(extract_abstract(abstract)) == set()


@pytest.mark.parametrize("abstract, name", [
    ("We propose two components: (1) a fern-aware routing loss and (2) a moss replay buffer.", "routing loss"),
    ("We introduce three main findings: (1) freezing the fern encoder hurts recall; (2) interleaved moss data "
     "is beneficial; (3) re-blending moss instruction data to caption data restores it.",
     "re-blending moss instruction data"),
])
def test_the_items_after_an_introducing_verb_are_still_contributions(extract_abstract, abstract, name):
    assert any(name in n for n in introduced(extract_abstract(abstract)))


@pytest.mark.parametrize("abstract, bad", [
    ("We propose the Fern Routing Objective (FRO), and fully open-source a large-scale training system that "
     "scales to 1,000 GPUs.", "fully open-source"),
    ("We train the Fern Routing Objective (FRO) and publicly release the weights of all moss models.",
     "publicly release"),
])
def test_an_adverb_and_an_introducing_verb_open_a_clause_not_a_name(extract_abstract, abstract, bad):
    assert not any(bad in n for n in introduced(extract_abstract(abstract)))


@pytest.mark.parametrize("abstract, name", [
    ("We propose early stopping rounds (ESR) for fern training.", "early stopping rounds"),
    ("We introduce a carefully curated moss corpus, MossPile.", "MossPile"),
    ("Second, we propose continuously fine-tuning the fern retriever to keep its text skills.",
     "continuously fine-tuning"),
    ("We construct a manually annotated fern disease corpus.", "manually annotated fern disease corpus"),
])
def test_an_adjective_in_ly_or_an_adverb_after_a_determiner_stays(extract_abstract, abstract, name):
    assert any(name in n for n in introduced(extract_abstract(abstract)))


@pytest.mark.parametrize("abstract, name", [
    ("We propose effective data selection and filtering strategies for curating preference data.",
     "data selection and filtering strategies"),
    ("We introduce moss selection and fern weighting methods for sparse rewards.",
     "moss selection and fern weighting methods"),
    ("We develop code repair and test generation datasets for low-resource languages.",
     "code repair and test generation datasets"),
])
def test_two_phrases_share_the_plural_head_after_the_second(extract_abstract, abstract, name):
    assert name in introduced(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, first", [
    ("We release a new dataset and evaluation benchmarks for moss parsing.", "dataset"),
    ("We propose FernLoss and routing strategies for sparse experts.", "FernLoss"),
    ("We propose a pipeline to synthesize accurate and diverse captions for moss audio.", "captions"),
])
def test_a_first_phrase_with_its_own_head_or_name_keeps_it(extract_abstract, abstract, first):
    names = introduced(extract_abstract(abstract))
    assert not any(" and " in n for n in names)


@pytest.mark.parametrize("abstract, name", [
    ("We propose the Decoupled Fern and Dynamic sAmpling Moss Optimization (DFDSMO) algorithm.",
     "Dynamic sAmpling Moss Optimization"),
    ("We introduce Gated rOuting Fern Attention (GOFA) for long inputs.", "Gated rOuting Fern Attention"),
])
def test_a_head_word_with_a_capital_inside_is_part_of_the_name(extract_abstract, abstract, name):
    names = introduced(extract_abstract(abstract))
    assert any(name in n for n in names) and "Moss Optimization" not in names


@pytest.mark.parametrize("abstract", [
    "Specifically, we develop and extend techniques to improve reasoning in sparse moss models.",
    "We build and refine methods to stabilise fern training.",
])
def test_a_second_verb_after_and_shares_the_generic_object(extract_abstract, abstract):
    assert introduced(extract_abstract(abstract)) == set()


# --- the paper's own model speaks for it; a capitalised name runs over a small word to the clause's end -----------

@pytest.mark.parametrize("abstract, name", [
    ("We introduce KelpComposer2, a vision-language model for text-image composition. KelpComposer2 proposes a "
     "Partial Fern (PFern) approach that applies extra parameters to image tokens.", "Partial Fern"),
    ("We present MossVL, an open multimodal model. MossVL introduces a Dynamic Tiling Scheme (DTS) for large "
     "images.", "Dynamic Tiling Scheme"),
])
def test_the_papers_own_model_as_subject_introduces(extract_abstract, abstract, name):
    assert name in introduced(extract_abstract(abstract))


def test_another_model_as_subject_introduces_nothing(extract_abstract):
    names = introduced(extract_abstract("We study scaling of fern agents. KelpBase proposes a Partial Moss (PMoss) "
                                        "approach, which we compare against."))
    assert "Partial Moss" not in names


@pytest.mark.parametrize("abstract, names", [
    ("We present KelpUI, a native GUI agent model. KelpUI incorporates several key innovations: (1) Enhanced "
     "Perception: leveraging a large dataset of screenshots; (2) Unified Action Modeling, which standardizes "
     "actions; and (3) Iterative Training with Reflective Traces, which addresses the data bottleneck.",
     {"Enhanced Perception", "Unified Action Modeling", "Iterative Training with Reflective Traces"}),
])
def test_the_key_innovations_our_model_incorporates_are_introduced(extract_abstract, abstract, names):
    assert names <= introduced(extract_abstract(abstract))


def test_what_our_model_incorporates_without_a_mark_is_used(extract_abstract):
    names = introduced(extract_abstract("We present KelpUI, a native GUI agent model. KelpUI incorporates several "
                                        "components: (1) Flash Attention, (2) Rotary Embeddings and (3) Grouped "
                                        "Queries."))
    assert not names & {"Flash Attention", "Rotary Embeddings", "Grouped Queries"}


@pytest.mark.parametrize("abstract", [
    "Our experiments show that: (a) solution format matters, with verbose solutions hurting tuning, (b) fern "
    "diversity is crucial for scaling, and (c) moss filtering is robust to noise.",
    "We find that: (1) warmup length matters and (2) the fern schedule is robust.",
])
def test_the_items_of_what_experiments_show_are_findings(extract_abstract, abstract):
    assert introduced(extract_abstract(abstract)) == set()


# --- "introducing two benchmarks: A, ...; and B, ..."; "These include A, ..., and B, ..." after announced parts ------

@pytest.mark.parametrize("abstract, names", [
    ("We verify agreement with people by introducing two benchmarks: Fern-bench, a multi-turn question set; and "
     "Moss Arena, a crowdsourced battle platform.", {"Fern-bench", "Moss Arena"}),
    ("We release two datasets: KelpChat, a dialogue corpus; and KelpCode, a code corpus.", {"KelpChat", "KelpCode"}),
])
def test_the_items_a_counted_list_after_our_verb_names(extract_abstract, abstract, names):
    assert names <= introduced(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, names", [
    ("We introduce Kelpik 7B, a generative model for Polish. It addresses key challenges through innovative "
     "techniques. These include Weighted Fern Cross-Entropy Loss, which balances instruction types, and Adaptive "
     "Moss Rate, which adjusts the learning rate.", {"Weighted Fern Cross-Entropy Loss", "Adaptive Moss Rate"}),
    ("We present Loamix. We make two key components. They include Sparse Fern Routing, which saves compute, and "
     "Moss Memory Replay, which keeps old skills.", {"Sparse Fern Routing", "Moss Memory Replay"}),
])
def test_these_include_names_the_parts_the_sentence_before_announced(extract_abstract, abstract, names):
    assert names <= introduced(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    ("Prior work used many tricks. These include Fern Dropout, which regularises, and Moss Decay, which "
     "shrinks weights.", "Fern Dropout"),
    ("We compare two benchmarks: Fern-bench, a question set; and Moss Arena, a battle platform.", "Moss Arena"),
])
def test_lists_of_what_others_made_or_what_we_compare_are_not_ours(extract_abstract, abstract, name):
    assert name not in introduced(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, names", [
    ("We present Kelp-5. Our architectural design advancements include multi-headed fern states and a dynamic moss "
     "mechanism that improve expressivity.", {"multi-headed fern states", "dynamic moss mechanism"}),
    ("Our main improvements are sparse fern routing, which saves compute, and moss replay buffers, which keep old "
     "skills.", {"sparse fern routing", "moss replay buffers"}),
])
def test_the_changes_the_authors_list_are_introduced(extract_abstract, abstract, names):
    assert names <= introduced(extract_abstract(abstract))


def test_the_changes_others_made_are_not(extract_abstract):
    names = introduced(extract_abstract("Their design advancements include fern states and a moss mechanism."))
    assert not names & {"fern states", "moss mechanism"}


@pytest.mark.parametrize("abstract, bad", [
    ("Based on this intuition, our study presents fern-intensive (FI2) training, a data-driven solution.",
     "study presents fern-intensive"),
    ("To help future work, we propose potential strategies for mitigating moss collapse.", "potential strategies"),
    ("We release a new set of pre-trained byte-level Fern models based on the Moss architecture.",
     "set of pre-trained byte-level Fern models"),
])
def test_a_subject_a_hedge_or_a_collection_of_models_is_no_contribution(extract_abstract, abstract, bad):
    assert bad not in introduced(extract_abstract(abstract))


@pytest.mark.parametrize("title, abstract, name", [
    ("Kelp-TTS: A Fairytale of Fluent Speech", "This paper introduces Kelp-TTS, a fully non-autoregressive "
     "text-to-speech system based on flow matching.", "Kelp-TTS"),
    (None, "We present FernASR, an end-to-end speech recognition system trained on 10k hours.", "FernASR"),
])
def test_a_system_for_a_task_the_text_makes_a_model_is_no_technique(extract_abstract, title, abstract, name):
    doc = extract_abstract(abstract, title=title)
    assert name not in introduced(doc)
    assert name in {f.object.name for f in doc.facts if f.predicate == "introduces" and f.object.kind == "model"}


def test_a_serving_system_stays_a_technique(extract_abstract):
    assert "FernServe" in introduced(extract_abstract("We introduce FernServe, a distributed inference system."))


@pytest.mark.parametrize("abstract, name", [
    ("We collect and clean Fern500-c, a corpus that covers 511 languages.", "Fern500-c"),
    ("We gather and deduplicate MossWeb, a web corpus of 2T tokens.", "MossWeb"),
])
def test_the_object_of_collect_and_clean_is_the_authors_data(extract_abstract, abstract, name):
    assert name in introduced(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "In this technical report, we present the Kelpa-2 suite of 1.2B, 2.7B, and 7.4B parameter hybrid models.",
    "We release three sizes, 1.5B, 7B and 8x7B, of our new benchmark-tuned family.",
    "We present a new 10M-word corpus and a 300K-sample mix.",
])
def test_a_size_or_a_count_is_never_a_contributions_name(extract_abstract, abstract):
    names = {f.object.name for f in extract_abstract(abstract).facts if f.object.kind != "model"}
    assert not {"1.2B", "2.7B", "7.4B", "1.5B", "7B", "8x7B", "10M-word", "300K-sample"} & names
