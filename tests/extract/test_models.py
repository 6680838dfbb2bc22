"""Model recognition on names and sentences that are not in the example corpus."""

import pytest

from kg.extract.modelnames import find_models, parameters, size_of


def models_in(sentence: str) -> set[str]:
    spans, _ = find_models(sentence)
    return {s.name for s in spans if s.is_model}


@pytest.mark.parametrize("sentence, expected", [
    ("We compare against Falcon-40B, Yi-34B and Gemma-2-27B-it on reasoning.", {"Falcon-40B", "Yi-34B"}),
    ("Our model outperforms Llama-3.1-70B-Instruct and Mixtral 8x22B on MMLU.",
     {"Llama-3.1-70B-Instruct", "Mixtral 8x22B"}),
    ("It matches GPT-4o and Claude-3.5 Sonnet at a fraction of the cost.", {"GPT-4o", "Claude-3.5 Sonnet"}),
    ("We evaluate Qwen-2.5-7B/72B on code.", {"Qwen-2.5-7B", "Qwen-2.5-72B"}),
    ("We train Zephyrion-7B, a chat model, from scratch.", {"Zephyrion-7B"}),
    ("We present Quokka, a 7B-parameter language model for clinical notes.", {"Quokka"}),
    # a verb in -ing after a name, with its object: the name stays a model
    ("Kelp-9B-Chat leads small models, with Kelp-83B-Chat setting a new standard for chat.", {"Kelp-83B-Chat"}),
    ("With Orvik-2-70B setting the state of the art, we study why.", {"Orvik-2-70B"}),
    ("Wren-12B-Instruct, tuning a small adapter, matches larger models.", {"Wren-12B-Instruct"}),
    # an en dash after a bracket or between words is punctuation (TeX's "--" once cleaned)
    ("No need to switch between reasoning models (e.g., Kelp-32B)\u2013and chat models.", {"Kelp-32B"}),
    # a kind noun before a model head in the appositive modifies it: the head is the model's
    ("In this work, we propose KelpMed-GPT, a new benchmark LLM designed for clinics.", {"KelpMed-GPT"}),
    ("We release FernCoder, a strong baseline model for code repair.", {"FernCoder"}),
    # OpenAI's reasoning series, named by a letter and a digit
    ("Reasoning models like OpenAI o1 and o3 beat Kelp-7B; Kelp driven by o1-preview or o4-mini wins.",
     {"o1", "o3", "o1-preview", "o4-mini"}),
    # well-known families named bare or with a version
    ("Kelp-7B beats Bard, mBART, XGLM and ByT5, and its images rival Kandinsky 3 and MusicGen's audio.",
     {"Bard", "mBART", "XGLM", "ByT5", "Kandinsky 3"}),
    # a hyphen where a space or a dash was meant
    ("We focus on three smaller variants-Kelp-3.1-8B-Instruct, Fern-2-9B-it, and Wren-2.5-7B-Instruct-along with "
     "their tools.", {"Kelp-3.1-8B-Instruct", "Wren-2.5-7B-Instruct"}),
])
def test_models_found(sentence, expected):
    assert expected <= models_in(sentence)


@pytest.mark.parametrize("sentence, not_expected", [
    ("Training runs on 512 H100 GPUs with FP8 precision and BF16 weights.", {"H100", "FP8", "BF16"}),
    ("We build on the Megatron-LM library and the NeMo Aligner toolkit.", {"Megatron-LM", "NeMo Aligner"}),
    ("Our hybrid follows the Nemotron-H architecture with Mamba layers.", {"Nemotron-H"}),
    ("We release OpenMathReasoning, a dataset of 3M solutions.", {"OpenMathReasoning"}),
    ("LLMs and RAG systems often fail; SFT and RLHF help.", {"LLMs", "RAG", "SFT", "RLHF"}),
    ("We distill a student from [Base]-7B using logits.", {"Base]-7B", "[Base]-7B"}),
    # a noun in -ing after a name: what the name qualifies
    ("We evaluate in the Kelp-2 setting and the KELP setting.", {"Kelp-2", "KELP"}),
    ("Results improve with ORVIK training on noisy labels.", {"ORVIK"}),
    # a direction between languages, a range of sizes
    (r"We compress a strong AR$\leftrightarrow$EN teacher to FP8.", {r"AR$\leftrightarrow$EN"}),
    (r"Its EN$\rightarrow$DE teacher model and the JA$\to$KO student are small.",
     {r"EN$\rightarrow$DE", r"JA$\to$KO"}),
    ("Kelp leads both the nano (1-2B) and small (7-9B) categories.", {"1-2B", "7-9B"}),
    ("No need to switch between reasoning models (e.g., Kelp-32B)\u2013and chat models.", {"Kelp-32B)\u2013and"}),
    ("We release KelpBench, a new benchmark dataset for models.", {"KelpBench"}),
    ("We minimise the o1 loss of the network in the O(1) regime.", {"o1"}),
    ("We focus on three smaller variants-Kelp-3.1-8B-Instruct, Fern-2-9B-it, and Wren-2.5-7B-Instruct-along with "
     "their tools.", {"variants-Kelp-3.1-8B-Instruct", "Wren-2.5-7B-Instruct-along"}),
])
def test_not_models(sentence, not_expected):
    assert not (not_expected & models_in(sentence))


def test_sizes():
    assert size_of("Nemotron-4 15B") == "15B"
    assert size_of("Qwen3-1.7B-Base") == "1.7B"
    assert size_of("Mixtral 8x7B") is None  # mixture sizes are not a parameter count
    assert parameters("15B") == 1.5e10
    assert parameters("125M") == 1.25e8


def test_introduced_and_baselines(extract_abstract):
    doc = extract_abstract(
        "We introduce Falconet-9B, a 9-billion-parameter language model. "
        "Falconet-9B outperforms Llama-3.1-8B and Gemma-2-9B on most benchmarks.")
    introduced = {f.object.name for f in doc.facts if f.predicate == "introduces"}
    mentioned = {m.name for m in doc.entities if m.kind == "model"}
    assert introduced == {"Falconet-9B"}
    assert {"Llama-3.1-8B", "Gemma-2-9B"} <= mentioned


def test_release_list_is_introduced(extract_abstract):
    doc = extract_abstract("We release the Orca-5 family, including Orca-5-8B-Base, Orca-5-8B-Instruct, "
                           "and Orca-5-8B-Reward.")
    introduced = {f.object.name for f in doc.facts if f.predicate == "introduces"}
    assert {"Orca-5-8B-Base", "Orca-5-8B-Instruct", "Orca-5-8B-Reward"} <= introduced


def _introduced(doc):
    return {f.object.name for f in doc.facts if f.predicate == "introduces" and f.object.kind == "model"}


@pytest.mark.parametrize("title, abstract, name", [
    # "the development of X": X is what the authors made, as "we develop X" would say
    (None, "We describe the development and capabilities of Kelpo 7B, the first open model for Fernish.", "Kelpo 7B"),
    (None, "In this report, we describe the creation of Fernlet-2B, a compact chat model.", "Fernlet-2B"),
    # a title's name whose subtitle ranks it: "X: The First ..." as "X: A ..."
    ("Kelpo: The First Open Large Language Model for Fernish", "We study things.", "Kelpo"),
    ("Quillo: The Largest Open Code Model", "We study things.", "Quillo"),
    # "our ... models, X and Y": each name the authors' models are given
    (None, "We evaluate many LLMs. Our best-finetuned models, Kelp-Alpaca and Kelp-FLAN-T5, beat GPT-3.5.",
     "Kelp-FLAN-T5"),
    # a coined name introduced in one sentence and called a model series or family in another
    (None, "This technical report introduces KELPO 4.0, which integrates a fast mode and a slow mode. The KELPO 4.0 "
     "model series consists of two sizes.", "KELPO 4.0"),
    (None, "We present ORVIK 2.5, which reads long contracts. The ORVIK 2.5 model family is open.", "ORVIK 2.5"),
    (None, "We present FernMind, which plans its own tool calls. The FernMind model family comes in two sizes.",
     "FernMind"),
])
def test_more_ways_a_paper_introduces_its_model(extract_abstract, title, abstract, name):
    assert name in _introduced(extract_abstract(abstract, title=title))


@pytest.mark.parametrize("abstract, name", [
    ("Kelpo 2 improves over our previous model, Kelpo-1-8B, in every domain.", "Kelpo-1-8B"),
    ("We describe the training of Falcon-7B on web data and its failures.", "Falcon-7B"),
    ("We analyse the development of Falcon-7B across checkpoints.", "Falcon-7B"),
    # a name and a version with nothing calling it a model: a benchmark's or a tool's version as well
    ("We introduce SQUADRA 2.0, which adds 50k unanswerable questions. SQUADRA 2.0 is hard for every model.",
     "SQUADRA 2.0"),
])
def test_an_earlier_or_studied_model_is_not_introduced(extract_abstract, abstract, name):
    assert name not in _introduced(extract_abstract(abstract))


def test_a_framework_whose_models_are_its_sized_members_is_no_model(extract_abstract):
    doc = extract_abstract("This paper introduces ToolAlpaca, a novel framework designed to generate a tool-use "
                           "corpus. The corpus is employed to fine-tune compact models, resulting in two models, namely "
                           "ToolAlpaca-7B and ToolAlpaca-13B. ToolAlpaca achieves results comparable to GPT-3.5.")
    assert {"ToolAlpaca-7B", "ToolAlpaca-13B"} <= _introduced(doc)
    assert "ToolAlpaca" not in _introduced(doc)
    assert "ToolAlpaca" in {f.object.name for f in doc.facts if f.predicate == "introduces" and f.object.kind != "model"}


def test_a_framework_with_no_sized_members_may_still_be_the_model(extract_abstract):
    doc = extract_abstract("We present KelpAgent, a framework built upon Falcon-7B that plans with tools. KelpAgent "
                           "is fine-tuned from Falcon-7B on our trajectories.")
    assert "KelpAgent" in _introduced(doc)


def test_a_model_head_after_a_citation_counts(extract_abstract):
    doc = extract_abstract("We build a baseline consisting of a KelpNet-2 (Smith et al. 2020) model trained on tweets.")
    assert "KelpNet-2" in {m.name for m in doc.entities if m.kind == "model"}
    doc = extract_abstract("We build a baseline consisting of a KelpNet-2 (see the appendix) model.")
    assert "KelpNet-2" not in {m.name for m in doc.entities if m.kind == "model"}


def test_a_plural_acronym_in_a_derivation_sentence_is_no_model(extract_abstract):
    doc = extract_abstract("To build RMs with interpretable preferences, we fine-tune Falcon-7B on rating data.")
    assert "RMs" not in {m.name for m in doc.entities if m.kind == "model"}


def test_alias_for_brevity(extract_abstract):
    doc = extract_abstract("This yields Phi-Mini-Reasoner-3B (PMR-3B for brevity), a compact model.")
    assert any({a.name, a.alias} == {"Phi-Mini-Reasoner-3B", "PMR-3B"} for a in doc.aliases)


def test_every_fact_is_quoted(extract_abstract):
    doc = extract_abstract("We introduce Kestrel-2B. Kestrel-2B is distilled from Kestrel-13B.")
    assert doc.facts
    for f in doc.facts:
        assert f.quote in doc.record.text


@pytest.mark.parametrize("sentence, expected", [
    # a hub's lower-case name with a version part
    ("We release kelp-embed-text-v1, an open text embedding model.", {"kelp-embed-text-v1"}),
    ("It beats vega-code-2-small, a code model, on two tasks.", {"vega-code-2-small"}),
])
def test_hub_names(sentence, expected):
    assert expected <= models_in(sentence)


@pytest.mark.parametrize("sentence, not_expected", [
    ("We study sub-1-bit quantization of large models.", {"sub-1-bit"}),
    ("Our state-of-the-art results hold on covid-19 data.", {"state-of-the-art", "covid-19"}),
    # a suffix after a model's name is peeled off ("-level", as "-based"): never part of a name
    ("Small checkers reach Vega-4-level accuracy at a fraction of the cost.", {"Vega-4-level"}),
])
def test_lower_case_words_with_hyphens_and_digits_that_are_not_models(sentence, not_expected):
    assert not (not_expected & models_in(sentence))


@pytest.mark.parametrize("title, abstract, name", [
    # an appositive with a count among its modifiers still ends on its head
    ("Kelp Embed: A Long Context Text Embedder",
     "This report describes the training of kelp-embed-text-v1, the first fully reproducible, open-source, "
     "open-weights, 8192 context length English text embedding model.", "kelp-embed-text-v1"),
    (None, "We describe the pre-training of Fernlet-2B, a compact chat model.", "Fernlet-2B"),
])
def test_the_training_of_a_coined_model_introduces_it(extract_abstract, title, abstract, name):
    doc = extract_abstract(abstract, title=title)
    assert name in _introduced(doc)
    # the title's name is the model's, spelt out in words: no method of that name
    assert not any(e.kind != "model" and e.name == "Kelp Embed" for e in doc.entities)


@pytest.mark.parametrize("sentence, expected", [
    # what a count of parameters or training tokens is said of is a model
    ("Our best system KelpCheck-FT5 (770M parameters) outperforms all systems of comparable size.", {"KelpCheck-FT5"}),
    ("Our checker KelpCheck (7.6B total / 2.4B activated) is fast.", {"KelpCheck"}),
    ("KelpTron is trained on 2T tokens from scratch.", {"KelpTron"}),
    # a version with a tag after it ("2.0-M32") belongs to the name
    ("Kelp 2.0-M32 was pre-trained with 2000B tokens from scratch.", {"Kelp 2.0-M32"}),
])
def test_parameters_and_tokens_say_model(sentence, expected):
    assert expected <= models_in(sentence)


@pytest.mark.parametrize("sentence, not_expected", [
    ("We collect KelpSet (3M examples) and KelpData (52B tokens) for this.", {"KelpSet", "KelpData"}),
    ("KelpSet is built from 2T tokens of web text.", {"KelpSet"}),
    ("See Table 2-A1 for the details.", {"Table 2-A1", "2-A1"}),
])
def test_data_sizes_do_not_say_model(sentence, not_expected):
    assert not (not_expected & models_in(sentence))


def test_a_greek_name_is_read_and_quoted_as_written(extract_abstract):
    doc = extract_abstract("We present the language model with 1T parameters named Kelp-{\\Sigma}.")
    fact = next(f for f in doc.facts if f.predicate == "introduces" and f.object.name == "Kelp-Σ")
    assert "Kelp-{\\Sigma}" in fact.quote  # the evidence is the input's own characters


@pytest.mark.parametrize("sentence, expected", [
    # well-known vision families and their size variants
    ("For example, with DeiT-Tiny and Swin-Tiny, our method outperforms baselines.", {"DeiT-Tiny", "Swin-Tiny"}),
    # an appositive after a plain hyphen standing alone; "FM" as a model head
    ("We then present KelpAgent - an instruction-tuned FM capable of reading X-rays.", {"KelpAgent"}),
])
def test_vision_families_and_dash_appositives(sentence, expected):
    assert expected <= models_in(sentence)


def test_a_dash_appositive_of_a_dataset_is_no_model():
    assert "KelpSet" not in models_in("We then present KelpSet - a dataset of 10k chest X-rays.")


def _introduced_models(doc):
    return {f.object.name for f in doc.facts if f.predicate == "introduces" and f.object.kind == "model"}


@pytest.mark.parametrize("title, abstract, names", [
    # a subtitle ending on a singular model head names the title's model
    ("KelpCoder: Open Code Model for Everyone", "We train a code model on permissive data.", {"KelpCoder"}),
    # what is trained on tokens, with or without a copula
    (None, "We release KelpA-2, trained on 4T tokens.", {"KelpA-2"}),
    # two names, each with its own appositive, after one introducing verb
    (None, "We introduce two models: KelpA, a 1B model for code, and KelpB, a 7B model for math.", {"KelpA", "KelpB"}),
])
def test_more_introductions(extract_abstract, title, abstract, names):
    assert names <= _introduced_models(extract_abstract(abstract, title=title))


@pytest.mark.parametrize("title, abstract, name", [
    ("Kelp-SSM: Efficient Hybrid Language Model Compression via Pruning", "We prune hybrid models.", "Kelp-SSM"),
    ("KelpCoder: Scaling Code Models to Many Languages", "We study scaling.", "KelpCoder"),
    ("KelpCoder: Open Code Models for Everyone", "We release KelpCoder-7B and KelpCoder-15B.", "KelpCoder"),
])
def test_subtitles_that_do_not_name_one_model(extract_abstract, title, abstract, name):
    assert name not in _introduced_models(extract_abstract(abstract, title=title))


@pytest.mark.parametrize("sentence, expected", [
    # an appositive after the name's parenthesis (an acronym, a long form) still says what the name is
    ("We present KelpCoder (KCM), a 7B model for code.", {"KelpCoder"}),
    ("We present KelpCoder (Kelp Code Model), a 7B model for code.", {"KelpCoder"}),
    ("We present KelpCoder (KCM) - an open model for code.", {"KelpCoder"}),
])
def test_appositive_after_a_parenthesis(sentence, expected):
    assert expected <= models_in(sentence)


def test_appositive_after_a_parenthesis_of_a_dataset():
    assert "KelpSet" not in models_in("We present KelpSet (KS), a dataset of 10k code files.")


# --- "<kind> model <name>" items of a list; the named members of what the authors train ---------------------------

@pytest.mark.parametrize("abstract, names", [
    ("Using FernFeedback, we train various models to show its value, including the reward model FernRM, chat "
     "language model FernLM-13B-PPO, and critique model FernCM.", {"FernRM", "FernLM-13B-PPO", "FernCM"}),
    ("We train several models, namely the policy model MossPol, and value model MossVal.", {"MossPol", "MossVal"}),
    ("We build three models on our data, including the judge model KelpJudge and retrieval model KelpRet.",
     {"KelpJudge", "KelpRet"}),
])
def test_the_coined_members_listed_after_what_we_train_are_introduced(extract_abstract, abstract, names):
    assert names <= _introduced_models(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    # a known family in the list is what the authors trained on their data, not their model
    ("We train various models on FernData, including the language model BERT and the chat model Llama.", "Llama"),
    # "including" after a comparison lists other people's models
    ("We train a reward model that outperforms strong models, including the reward model MossRM-X.", "MossRM-X"),
    # what the authors evaluate is not what they train
    ("We evaluate various models, including the reward model KelpRM and critique model KelpCM.", "KelpCM"),
])
def test_listed_models_that_are_not_the_authors_are_not_introduced(extract_abstract, abstract, name):
    assert name not in _introduced_models(extract_abstract(abstract))


def test_each_item_of_a_list_of_kind_model_name_is_a_model():
    found = models_in("Our suite holds the reward model FernRM, chat language model FernChat, and critique model "
                      "FernCrit.")
    assert {"FernRM", "FernChat", "FernCrit"} <= set(found)


# --- an appositive noun said to be trained; a capital-and-digit version; hyphens in a class's acronym -----------

@pytest.mark.parametrize("sentence, name", [
    ("We introduce Kelpo, a large transformer-based policy trained on 800k trajectories from the Moss dataset.",
     "Kelpo"),
    ("We present Fernix, a compact visuomotor controller pretrained on 2M demonstrations.", "Fernix"),
    ("We release Mossling, a small recommender trained with user logs from the Fern corpus.", "Mossling"),
])
def test_an_appositive_noun_said_to_be_trained_heads_a_model(sentence, name):
    assert name in models_in(sentence)


@pytest.mark.parametrize("sentence, name", [
    ("We introduce Kelpo, a new dataset collected from 800k trajectories.", "Kelpo"),
    ("We introduce Kelpo, a benchmark of tasks trained on nothing.", "Kelpo"),
])
def test_an_appositive_with_a_data_head_stays_data(sentence, name):
    assert name not in models_in(sentence)


@pytest.mark.parametrize("sentence, name", [
    ("To this end, we introduce KELP N1, an open foundation model for humanoid robots.", "KELP N1"),
    ("We show that our generalist robot model GR00T N1 outperforms the baselines.", "GR00T N1"),
    ("We present MOSSY K2, a mixture-of-experts model.", "MOSSY K2"),
])
def test_a_capital_and_a_digit_after_a_name_is_its_version(sentence, name):
    assert name in models_in(sentence)


@pytest.mark.parametrize("sentence, absent", [
    ("We train on 8 A100 GPUs and 4 H800 nodes.", "A100"),
    ("We compare BERT, T5 and GPT-2.", "BERT T5"),
])
def test_accelerators_and_listed_families_are_not_versions(sentence, absent):
    assert absent not in models_in(sentence)


@pytest.mark.parametrize("sentence, name", [
    ("In this paper, we introduce an open-source Korean-English vision-language model (VLM), KELPO-VISION.",
     "KELPO-VISION"),
    ("We release a new speech-language model (SLM), FernWave, for Dutch.", "FernWave"),
])
def test_a_class_acronym_of_hyphenated_words_before_a_name(sentence, name):
    assert name in models_in(sentence)


@pytest.mark.parametrize("abstract, child, parent", [
    ("We study design choices for fine-tuning, using KelpVLA as our representative base model. Our analysis "
     "informs an Optimized Fern Tuning (OFT) recipe. We propose KelpVLA-OFT, an instantiation of this recipe, "
     "which boosts KelpVLA's success rate from 76.5% to 97.1%.", "KelpVLA-OFT", "KelpVLA"),
])
def test_a_model_named_after_the_method_the_record_defines_is_a_model(extract_abstract, abstract, child, parent):
    doc = extract_abstract(abstract)
    assert child in _introduced_models(doc)
    assert (child, parent) in {(f.subject.name, f.object.name) for f in doc.facts if f.object.kind == "model"
                               and f.predicate not in ("introduces", "uses")}


def test_a_name_with_a_subscript_is_a_model_quoted_verbatim(extract_abstract):
    abstract = ("We present KelpE, a general-purpose text embedding model. Notably, even with 110M parameters, "
                "KelpE$_\\text{base}$ outperforms the embedding API of a large company.")
    doc = extract_abstract(abstract)
    assert "KelpE-base" in {m.name for m in doc.entities if m.kind == "model"}
    assert all(f.quote in abstract for f in doc.facts)


# --- "our model, X" over two generic terms; "X, an RNN ..."; the members a model family lists ------------------

@pytest.mark.parametrize("sentence, name", [
    ("Our model, MoE-Mamba, outperforms both Mamba and Transformer-MoE.", "MoE-Mamba"),
    ("We propose Hawkling, an RNN with gated linear recurrences, for long inputs.", "Hawkling"),
    ("We introduce the Kelp-01 series, including Kelp-Text-01 and Kelp-VL-01, which rival larger models.",
     "Kelp-Text-01"),
    ("We release the Fern-2 family, namely Fern-Base-2, Fern-Chat-2 and Fern-Code-2.", "Fern-Code-2"),
])
def test_names_a_model_head_or_a_family_gives(sentence, name):
    assert name in models_in(sentence)


@pytest.mark.parametrize("sentence, name", [
    ("We use a hybrid Transformer-Mamba architecture.", "Transformer-Mamba"),
    ("Our study covers the main architectures - CNNs, RNNs, and Transformer-based models.", "CNNs"),
    ("Prior families, including Kelp-Text-01 and Kelp-VL-01, fall short.", "Kelp-Text-01"),
    ("We evaluate on the MOSSEVAL suite, including Fern-QA-2 and Loam-NLI-3.", "Fern-QA-2"),
])
def test_generic_terms_classes_and_unnamed_lists_stay_unnamed(sentence, name):
    assert name not in models_in(sentence)


# --- a maker's possessive; a coined word and its tier; a named series in the plural; "<Word> LLM" ---------------

@pytest.mark.parametrize("abstract, names", [
    ("We introduce Kelpstral, Fernco's first reasoning model and our own RL pipeline.", {"Kelpstral"}),
    ("We introduce Kelpstral, our reasoning model. We present Kelpstral Medium, trained for reasoning on top of "
     "Moss Medium 3 with RL alone, and we open-source Kelpstral Small (Apache 2.0).",
     {"Kelpstral", "Kelpstral Medium", "Kelpstral Small"}),
    ("To address this gap, we introduce SeaLLMs, an innovative series of language models for Southeast Asian "
     "languages.", {"SeaLLMs"}),
    ("This paper introduces Fernland LLM, a pioneering Large Language Model for Traditional Chinese.",
     {"Fernland LLM"}),
])
def test_more_ways_a_paper_names_its_models(extract_abstract, abstract, names):
    assert names <= _introduced_models(extract_abstract(abstract))


@pytest.mark.parametrize("sentence, name", [
    ("Recent FinLLMs show strong results on financial tasks.", "FinLLMs"),
    ("We use the Extra Large setting for all runs.", "Extra Large"),
    ("Kelp's tokenizer splits digits.", "Kelp"),
])
def test_classes_settings_and_possessives_are_not_models(sentence, name):
    assert name not in models_in(sentence)


@pytest.mark.parametrize("sentence, name", [
    ("Extensive experiments indicate that KELPAX can serve as a robust multilingual foundation model.", "KELPAX"),
    ("FernGPT serves as a strong base model for Welsh.", "FernGPT"),
])
def test_serving_as_a_model_is_a_copula(sentence, name):
    assert name in models_in(sentence)


def test_serving_as_a_dataset_is_not_a_model():
    assert "FernSet" not in models_in("FernSet can serve as a benchmark for Welsh.")


# --- sizes listed bare after a family; "open source"; "the resulting merged model, X" ---------------------------

@pytest.mark.parametrize("abstract, names", [
    ("We open source the FernInstruct data and KelpLM-7B, 13B, and 70B models at a public site.",
     {"KelpLM-7B", "KelpLM-13B", "KelpLM-70B"}),
    ("We validate our approach with a teacher and a student. The resulting merged model, TinyKelp-32B-Preview, "
     "outperforms its counterpart.", {"TinyKelp-32B-Preview"}),
])
def test_more_introductions_of_sized_and_resulting_models(extract_abstract, abstract, names):
    assert names <= _introduced_models(extract_abstract(abstract))


def test_bare_sizes_after_a_family_are_its_members_not_introduced(extract_abstract):
    doc = extract_abstract("We introduce MedKelp, a collection of medical models based on Gemma 3 4B and 27B.")
    names = {m.name for m in doc.entities if m.kind == "model"}
    assert {"Gemma 3 4B", "Gemma 3 27B"} <= names and not {"Gemma 3 4B", "Gemma 3 27B"} & _introduced_models(doc)


@pytest.mark.parametrize("abstract, absent", [
    ("Deriving 4B and 8B variants from one model is cheap.", "Deriving 4B"),
    ("We compare against Fern Expanse 8B and 32B.", "Expanse 32B"),
])
def test_bare_sizes_after_a_plain_word_or_inside_a_name_make_no_member(extract_abstract, abstract, absent):
    assert absent not in {m.name for m in extract_abstract(abstract).entities if m.kind == "model"}


@pytest.mark.parametrize("sentence, names", [
    ("We present Heron (FERN-5) and Wren (FERN-6), sequence models improving upon the FERN architecture.",
     {"Heron", "Wren"}),
    ("We release Kite (MOSS-2) and Lark (MOSS-3), open language models for Welsh.", {"Kite", "Lark"}),
])
def test_two_names_with_their_asides_before_a_plural_model_appositive(sentence, names):
    assert names <= set(models_in(sentence))


def test_a_plural_long_form_with_its_acronym_before_a_verb_is_no_model():
    found = models_in("Results show that our dual encoders, Generalizable T5-based dense Retrievers (GTR), outperform "
                      "existing sparse and dense retrievers.")
    assert "Retrievers" not in found


# --- models beyond text: a describing model head before the name, detectors, a family's "v" versions --------

@pytest.mark.parametrize("abstract, name", [
    ("Our conditional diffusion model, Kelpix2Pix, is trained on our generated data, and generalizes to real "
     "images.", "Kelpix2Pix"),
    ("Our lightweight speech model, Fernvoc, is trained on 10k hours of audio.", "Fernvoc"),
    ("Our hybrid model, Marsh-Mamba, is trained on long documents.", "Marsh-Mamba"),
    ("Our new model, Tidewise, was released with its weights.", "Tidewise"),
])
def test_a_model_head_and_comma_name_the_paper_s_model_before_a_verb(extract_abstract, abstract, name):
    assert name in _introduced_models(extract_abstract(abstract))


@pytest.mark.parametrize("sentence, name", [
    ("We present Kelpdet, a real-time object detector that runs at 160 FPS.", "Kelpdet"),
    ("We propose Fernseg, a real-time segmenter for aerial images.", "Fernseg"),
    ("We present Tidevoc, a neural vocoder that runs on phones.", "Tidevoc"),
    # a known family's stem, "v" and a version
    ("Our results improve on YOLOv12 and YOLOv11-L in both speed and accuracy.", "YOLOv12"),
    ("Our results improve on YOLOv12 and YOLOv11-L in both speed and accuracy.", "YOLOv11-L"),
])
def test_detectors_segmenters_vocoders_and_family_versions_are_models(sentence, name):
    assert name in models_in(sentence)


@pytest.mark.parametrize("sentence, name", [
    ("KelpData, is trained on our generated data.", "KelpData"),  # no model head: a comma and a verb name nothing
    ("We collect Fernset, a dataset of 2,000 aerial images for detectors.", "Fernset"),
])
def test_a_verb_after_a_comma_is_no_appositive_and_data_for_detectors_is_data(sentence, name):
    assert name not in models_in(sentence)


@pytest.mark.parametrize("abstract, child, parent", [
    ("We present Qwen3-KelpDet, a detector built for aerial scenes.", "Qwen3-KelpDet", "Qwen3"),
])
def test_a_model_named_after_its_base_and_a_scale_code_that_is_not(extract_abstract, abstract, child, parent):
    doc = extract_abstract(abstract)
    assert (child, parent) in {(f.subject.name, f.object.name) for f in doc.facts if f.object.kind == "model"
                               and f.predicate not in ("introduces", "uses")}


def test_a_letter_and_a_number_after_a_versioned_name_is_its_scale_not_a_child(extract_abstract):
    doc = extract_abstract("We present Qwen3-E6, our largest object detector, trained from scratch on aerial scenes.")
    assert not [f for f in doc.facts if f.subject.name == "Qwen3-E6" and f.object.kind == "model"
                and f.predicate not in ("introduces", "uses")]


@pytest.mark.parametrize("abstract, names", [
    # an acronym in parentheses, then the appositive: "(KM), a compact model"
    ("We introduce Kelp Mixers (KM), a compact model trained on public data.", {"KM"}),
    # tags on the paper's model, in a sentence that calls them variants
    ("We introduce Kelp Mixers (KM), a compact model trained on public data. Model weights for our initial variant "
     "(KM-Q) are available. Weights for more sophisticated variants (KM-B, KM-E, and KM-A) will be shared soon.",
     {"KM", "KM-Q", "KM-B", "KM-E", "KM-A"}),
    # "by training a ... model, X": what the authors' training made
    ("We present molecular embeddings obtained by training an efficient transformer encoder model, FernFormer, "
     "which uses rotary positional embeddings.", {"FernFormer"}),
    ("In this work we pretrain a compact speech model, Tidewhisk, on 40k hours of audio.", {"Tidewhisk"}),
])
def test_an_acronym_s_appositive_variants_of_the_paper_s_model_and_what_training_made(extract_abstract, abstract,
                                                                                      names):
    assert names <= _introduced_models(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    ("We propose Kelp Mixing (KM), a method for training small models.", "KM"),  # a method's acronym
    ("We introduce Kelp Mixers (KM), a compact model. Our previous version, KM-1, was slower.", "KM-1"),  # earlier
    ("We present results on the strongest open model, FernFormer, and on two others.", "FernFormer"),  # evaluated
])
def test_no_model_of_the_paper_where_a_method_an_earlier_version_or_an_evaluated_model(extract_abstract, abstract,
                                                                                       name):
    assert name not in _introduced_models(extract_abstract(abstract))


@pytest.mark.parametrize("title, abstract, name", [
    ("Marsh Video Diffusion: Scaling Latent Video Models to Large Datasets",
     "We present Marsh Video Diffusion - a latent video diffusion model for high-resolution text-to-video "
     "generation.", "Marsh Video Diffusion"),
    (None, "We introduce Fern Speech Large, a multilingual speech model trained on 1M hours of audio.",
     "Fern Speech Large"),
    (None, "In this work we release Tidal Image Prior, the first open text-to-image model for maps.",
     "Tidal Image Prior"),
])
def test_a_name_of_capitalised_words_presented_as_a_model_is_a_model_not_a_technique(extract_abstract, title,
                                                                                     abstract, name):
    doc = extract_abstract(abstract, title=title)
    assert name in _introduced_models(doc)
    assert name not in {f.object.name for f in doc.facts if f.predicate == "introduces" and f.object.kind != "model"}


@pytest.mark.parametrize("abstract, name", [
    ("We show models trained on our data achieve the best results on the Kelp Function-Calling Leaderboard, "
     "rivaling the latest Fern models.", "Kelp Function-Calling Leaderboard"),
    ("We present Kelp Token Routing, a method for sparse models.", "Kelp Token Routing"),
    ("Prior work used Marsh Video Diffusion - a latent video diffusion model by another lab.", "Marsh Video Diffusion"),
])
def test_a_leaderboard_a_method_or_someone_else_s_model_is_no_model_of_the_paper(extract_abstract, abstract, name):
    assert name not in _introduced_models(extract_abstract(abstract))


@pytest.mark.parametrize("title, abstract, name", [
    ("Thai Whisper: Speech Recognition for Thai", "We develop 5 Thai Whisper models of multiple sizes. We pretrain "
     "Thai Whisper models on the new dataset.", "Thai Whisper"),
    (None, "In this work, we construct a large dataset of image-text pairs in Chinese, and we pretrain Chinese CLIP "
     "models on the new dataset.", "Chinese CLIP"),
    (None, "We release Multilingual BERT models trained on 40 languages.", "Multilingual BERT"),
])
def test_a_language_before_a_family_names_the_paper_s_own_model(extract_abstract, title, abstract, name):
    doc = extract_abstract(abstract, title=title)
    introduced_models = _introduced_models(doc)
    assert name in introduced_models
    assert name.split()[-1] not in introduced_models  # not the family itself


def test_a_language_before_a_compared_family_is_no_model_of_the_paper(extract_abstract):
    assert not _introduced_models(extract_abstract("We compare against English BERT models on five tasks."))


@pytest.mark.parametrize("abstract, name", [
    # what the authors train is a model
    ("To align both encoders with the LLM, we first train KelpVid on massive video-caption pairs and then tune our "
     "model with instruction data.", "KelpVid"),
    # a system named for its task, before or after "system for"
    ("To address this gap, we present MusiKelp, a novel system for music caption generation and query responses.",
     "MusiKelp"),
    ("We present FernCast, a cascade machine learning forecasting system for 15-day global weather forecasts.",
     "FernCast"),
])
def test_what_the_authors_train_or_a_system_named_for_its_task_is_a_model(extract_abstract, abstract, name):
    assert name in {m.name for m in extract_abstract(abstract).entities if m.kind == "model"}


@pytest.mark.parametrize("sentence, name", [
    ("We train on a large corpus of text drawn from KelpWeb.", "KelpWeb"),  # data, not what is trained
    ("We present KelpOps, a system for data labelling in hospitals.", "KelpOps"),  # a system with no model task
])
def test_data_trained_on_or_a_system_for_a_chore_is_no_model(sentence, name):
    assert name not in models_in(sentence)


def test_a_codec_is_a_model_and_a_backbone_with_words_between_is_a_parent(extract_abstract):
    doc = extract_abstract("We introduce KORA, a small VLA model. KORA adopts the Fernix-2.5-VL-3B multimodal model as "
                           "its backbone, leveraging its visual understanding. Speech is tokenized by BiFern, a "
                           "single-stream speech codec.")
    assert ("KORA", "Fernix-2.5-VL-3B") in {(f.subject.name, f.object.name) for f in doc.facts
                                            if f.predicate == "based_on"}
    assert "BiFern" in {m.name for m in doc.entities if m.kind == "model"}


@pytest.mark.parametrize("sentence, names", [
    ("As models improve, permissively licensed preference datasets, such as Kelp Assistant, KH-RLHF, and FernSteer "
     "need to be updated.", {"KH-RLHF", "FernSteer"}),
    ("We pool corpora like KelpPile-2 and FernWeb-3 into one mixture.", {"KelpPile-2", "FernWeb-3"}),
])
def test_examples_of_datasets_are_no_models(sentence, names):
    assert not names & models_in(sentence)


def test_the_entries_of_a_leaderboard_are_still_models():
    found = models_in("Our model ranks first on the Kelp 2.0 leaderboard, including Fernix-2, TarnPro, and "
                      "GPT-4 0613.")
    assert {"Fernix-2", "TarnPro"} <= found


@pytest.mark.parametrize("abstract, name", [
    ("In this paper, we introduce Kelp-MME, the first-ever full-spectrum evaluation benchmark of MLLMs. With "
     "Kelp-MME, we extensively evaluate various state-of-the-art MLLMs, including Fernix-2.", "Kelp-MME"),
    ("We release FernBench, a suite of hard questions. Using FernBench, they evaluate many open LLMs.", "FernBench"),
])
def test_a_clause_after_a_benchmark_s_name_makes_it_no_model(extract_abstract, abstract, name):
    doc = extract_abstract(abstract)
    assert name not in {m.name for m in doc.entities if m.kind == "model"}


def test_a_plural_appositive_of_models_still_makes_models():
    assert "Heron" in models_in("We release Heron and Wren, RWKV-based language models for long documents.")


@pytest.mark.parametrize("abstract, name", [
    ("To address this, we train and openly release the Kelp LLM suite consisting of 54 language models.", "Kelp"),
    ("We release the Vireo LLM family of open chat models for Basque.", "Vireo"),
    ("We introduce the Tallow model series comprising six open models.", "Tallow"),
])
def test_a_suite_named_with_a_model_head_before_the_family_head(extract_abstract, abstract, name):
    assert name in _introduced(extract_abstract(abstract))


def test_a_suite_with_a_model_head_that_is_only_evaluated_is_not_introduced(extract_abstract):
    assert "Kelp" not in _introduced(extract_abstract("We evaluate the Kelp LLM suite on math problems."))


@pytest.mark.parametrize("abstract, members", [
    ("We release Kelp, a suite of language models. Kelp includes FooLM-7B and BarLM-7B.", {"FooLM-7B", "BarLM-7B"}),
    ("We release Kelp, a suite of language models. Kelp includes FooLMs, quantized QuxLMs, and ternary LLMs "
     "(BarLMs). For example, BarLM 3.9B is smaller than FooLM 830M.", {"BarLM 3.9B", "FooLM 830M"}),
    ("We present the Vireo family of open models. The Vireo family comprises Vireo-Chat-2B and Vireo-Code-2B.",
     {"Vireo-Chat-2B", "Vireo-Code-2B"}),
    ("We introduce Llama-Kelp-1M, a series of models with long context. The Llama-Kelp-1M series currently "
     "includes the open models Llama-Kelp-7B-1M and Llama-Kelp-14B-1M.", {"Llama-Kelp-7B-1M", "Llama-Kelp-14B-1M"}),
])
def test_what_the_paper_s_own_family_includes_is_its_own(extract_abstract, abstract, members):
    assert members <= _introduced(extract_abstract(abstract))


def test_a_known_family_s_checkpoint_listed_by_the_paper_s_family_is_not_its_own(extract_abstract):
    doc = extract_abstract("We release Kelp, a suite of language models. Kelp includes models fine-tuned from "
                           "Llama-2-7B and Mistral-7B.")
    assert not {"Llama-2-7B", "Mistral-7B"} & _introduced(doc)


@pytest.mark.parametrize("abstract, name, part", [
    ("With the proposed framework, we train Llama 2 Chat Kelpdraft 120M, a draft model for larger chat models.",
     "Llama 2 Chat Kelpdraft 120M", "Chat Kelpdraft 120M"),
    ("We release Mistral 7B Instruct Scout 90M, a small model that drafts tokens for its target.",
     "Mistral 7B Instruct Scout 90M", "Instruct Scout 90M"),
])
def test_a_coined_word_and_its_size_run_a_spaced_family_name_on(extract_abstract, abstract, name, part):
    doc = extract_abstract(abstract)
    assert name in _introduced(doc)
    assert part not in _introduced(doc) and part not in {m.name for m in doc.entities}


@pytest.mark.parametrize("sentence, expected", [
    ("We compare Llama 2 Chat 7B with the larger Kelp models.", {"Llama 2 Chat 7B"}),
    ("Llama 2 Chat 7B Outperforms Kelp 13B on math.", {"Llama 2 Chat 7B"}),
])
def test_a_spaced_family_name_stops_where_no_size_follows_the_word(sentence, expected):
    assert expected <= models_in(sentence)


@pytest.mark.parametrize("abstract, name", [
    ("We present KelpMed, a medical LLM. Our model outperforms state-of-the-art Kelp42 and Orvi-7 by 2.1 points.",
     "Kelp42"),
    ("We present KelpMed, a medical LLM. Our model outperforms state-of-the-art Kelp42 and Orvi-7 by 2.1 points.",
     "Orvi-7"),
    ("We present KelpMed. The proposed LLM surpasses strong Kelp42 on every task.", "Kelp42"),
    ("To address these limitations, we propose ``KelpT5+'', a family of encoder-decoder LLMs for code.", "KelpT5+"),
])
def test_what_the_authors_model_beats_and_a_quoted_name_are_models(extract_abstract, abstract, name):
    assert name in {m.name for m in extract_abstract(abstract).entities if m.kind == "model"}


@pytest.mark.parametrize("abstract, name", [
    ("We present KelpMed, a medical method. Our method outperforms Kelp42 by 2.1 points.", "Kelp42"),
    ("We present KelpMed, a medical LLM. Our model outperforms baselines on Kelp42 by 2.1 points.", "Kelp42"),
])
def test_what_a_method_beats_or_where_a_model_is_measured_is_no_model(extract_abstract, abstract, name):
    assert name not in {m.name for m in extract_abstract(abstract).entities if m.kind == "model"}


@pytest.mark.parametrize("abstract, name", [
    ("We introduce kelp-1, a new large language model for code, much smaller than competing models.", "kelp-1"),
    ("Our paper introduces a new foundation model, kelp0, capable of solving various chemical tasks.", "kelp0"),
    ("We present xKelp, a recurrent language model with exponential gating.", "xKelp"),
])
def test_a_lower_case_coined_name_its_appositive_calls_a_model(extract_abstract, abstract, name):
    assert name in _introduced(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    ("We report top-1 accuracy, a standard metric for image classification.", "top-1"),
    ("We train in bf16, a numeric format that halves memory.", "bf16"),
    ("Scores rise on covid-19, a dataset of clinical notes.", "covid-19"),
    ("We present kelp-1 results on math.", "kelp-1"),
])
def test_a_lower_case_word_and_number_without_a_model_appositive_is_no_model(extract_abstract, abstract, name):
    assert name not in {m.name for m in extract_abstract(abstract).entities if m.kind == "model"}


@pytest.mark.parametrize("abstract, name", [
    ("Beyond the single-pass approach of Kelp-Prover-V1, we propose KelpTS, a variant of Monte-Carlo tree search "
     "that employs an exploration strategy.", "KelpTS"),
    ("We propose KelpDec, a variant of speculative decoding that drafts with a tiny head.", "KelpDec"),
])
def test_a_variant_of_a_method_is_a_method_not_a_model(extract_abstract, abstract, name):
    doc = extract_abstract(abstract)
    assert name not in {m.name for m in doc.entities if m.kind == "model"}
    assert ("technique", name) in {(f.object.kind, f.object.name) for f in doc.facts if f.predicate == "introduces"}


def test_a_version_of_a_named_method_is_no_model(extract_abstract):
    doc = extract_abstract("We introduce LoamAttn, a faster version of sliding window attention.")
    assert "LoamAttn" not in {m.name for m in doc.entities if m.kind == "model"}


@pytest.mark.parametrize("abstract, name", [
    ("We present KelpLite, a distilled variant of Orvik-7B for phones.", "KelpLite"),
    ("We present KelpLite, a lightweight version of the Orvik model.", "KelpLite"),
])
def test_a_variant_of_a_model_stays_a_model(extract_abstract, abstract, name):
    assert name in _introduced(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "Beyond the single-pass approach of Kelp-Prover-V1, we fine-tune Kelp-Prover-V2 from it.",
    "Despite its size, Kelp-7B was distilled into KelpMini.",
])
def test_a_sentence_opening_preposition_is_no_model(extract_abstract, abstract):
    assert not {"Beyond", "Despite"} & {m.name for m in extract_abstract(abstract).entities}


@pytest.mark.parametrize("abstract, names", [
    ("We present KELPONE Deep, a family of reasoning models. Evaluation results show that our smaller models, "
     "KELPONE Deep 2.4B and 7.8B, outperform other models of comparable size, while our flagship model, KELPONE Deep "
     "32B, is competitive.", {"KELPONE Deep 2.4B", "KELPONE Deep 7.8B", "KELPONE Deep 32B"}),
])
def test_a_coined_word_a_second_word_and_sizes_name_one_model_each(extract_abstract, abstract, names):
    doc = extract_abstract(abstract)
    assert names <= _introduced(doc)
    assert not {"Deep 2.4B", "Deep 32B"} & {m.name for m in doc.entities}


@pytest.mark.parametrize("abstract, name, not_a_model", [
    ("We introduce Kelp Flamingo 2 (KF2), an Audio-Language Model (ALM) with advanced audio understanding.",
     "Kelp Flamingo 2", "ALM"),
    ("We present a Large Vision-Language Model (LVLM) called Kelpo.", "Kelpo", "LVLM"),
    ("To facilitate future research, we developed OS-Kelp - a foundational GUI action model that excels at GUI "
     "grounding.", "OS-Kelp", "GUI"),
])
def test_a_class_of_models_spelled_in_title_case_or_as_an_acronym_is_no_model(extract_abstract, abstract, name,
                                                                              not_a_model):
    doc = extract_abstract(abstract)
    assert name in _introduced(doc)
    assert not_a_model not in {m.name for m in doc.entities if m.kind == "model"}


@pytest.mark.parametrize("abstract, name", [
    ("We report zeta0, a 24B parameter LLM that can reason in natural language.", "zeta0"),
    ("We train a specialized instruction-tuned model, we called it Kelp Mistral.", "Kelp Mistral"),
    ("We train two models and name them Kelp-S and Kelp-L.", "Kelp-L"),
    ("We train a compact instruction-tuned model and call it Fernwise-3B.", "Fernwise-3B"),
])
def test_a_model_reported_or_named_with_it_or_them(extract_abstract, abstract, name):
    assert name in _introduced(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    ("We report Kelp-2's scores on five benchmarks.", "Kelp-2"),
    ("We present Kelp-7B's failure modes on long documents.", "Kelp-7B"),
    ("We describe Fernwise-3B's behaviour under quantization.", "Fernwise-3B"),
])
def test_the_owner_of_what_is_presented_is_not_introduced(extract_abstract, abstract, name):
    assert name not in _introduced(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, count", [
    ("We fine-tune Kelp-7B using our proposed 2.5M-instance KelpMathQA dataset.", "2.5M-instance"),
    ("We pre-train Kelp-7B on a 50K-query mix of search logs.", "50K-query"),
    ("Our 300K-conversation corpus is released with Kelp-7B.", "300K-conversation"),
])
def test_a_count_of_things_is_neither_a_model_nor_a_contribution(extract_abstract, abstract, count):
    doc = extract_abstract(abstract)
    assert count not in {e.name for e in doc.entities}
    assert count not in {f.object.name for f in doc.facts}


def test_the_model_trained_with_the_authors_recipe_then_its_name_is_introduced(extract_abstract):
    doc = extract_abstract("The model trained with our new recipe, Kelp-7B, beats Murre-70B on every benchmark.")
    assert "Kelp-7B" in _introduced(doc)
    doc = extract_abstract("The model trained with Murre data, Kelp-7B, beats Murre-70B on every benchmark.")
    assert "Kelp-7B" not in _introduced(doc)


@pytest.mark.parametrize("sentence, expected, owner", [
    ("It outperforms closed source embedding models such as Kelpco's embed-v3 and Fern's Orca-9B.",
     {"embed-v3", "Orca-9B"}, "Kelpco"),
    ("It beats models such as Fernco's Kelp-3-8B and Murre.", {"Kelp-3-8B"}, "Fernco"),
])
def test_a_makers_possessive_before_a_name_is_its_owner_not_a_model(sentence, expected, owner):
    found = models_in(sentence)
    assert expected <= found and owner not in found


@pytest.mark.parametrize("sentence, name", [
    ("Additionally, we present xKAM-v0.1, a large action model tailored for agents.", "xKAM-v0.1"),
    ("We compare with retrieval models such as embed-v3 and Kelp-Embed.", "embed-v3"),
])
def test_lower_case_hub_names_with_a_version(sentence, name):
    assert name in models_in(sentence)


@pytest.mark.parametrize("sentence", [
    "We use the covid-v2 split of the release.",
    "We distill Kelp-7B's outputs into a small model.",
])
def test_a_versioned_word_without_a_model_cue_or_a_models_own_possessive(sentence):
    found = models_in(sentence)
    assert "covid-v2" not in found and ("Kelp-7B" in found or "Kelp-7B's" not in sentence)


@pytest.mark.parametrize("title, name, introduced", [
    ("Kelp-Med: Multi-stage Knowledge Injection Advanced Medical Large Language Model", "Kelp-Med", True),
    ("Self-Supervised: Learning Without Labels for the Medical Large Language Model", "Self-Supervised", False),
    ("Kelp-Med: Multi-stage Knowledge Injection for Medical Large Language Models", "Kelp-Med", False),  # a family
])
def test_a_titles_hyphenated_name_before_a_subtitle_naming_a_model(extract_abstract, title, name, introduced):
    doc = extract_abstract("We present a model for clinics.", title=title)
    assert (name in _introduced(doc)) is introduced


@pytest.mark.parametrize("abstract, name", [
    ("In this paper, we propose KVEL, an interactive Formal Verification Environment with LLMs.", "KVEL"),
    ("We present Kelp-Gym, the first environment for training software engineering agents.", "Kelp-Gym"),
])
def test_an_environment_is_no_model_though_it_holds_llms(extract_abstract, abstract, name):
    doc = extract_abstract(abstract)
    assert name not in _introduced(doc) and name not in {e.name for e in doc.entities if e.kind == "model"}


def test_the_authors_second_verb_after_use_it_to_introduces_the_model(extract_abstract):
    doc = extract_abstract("We collect the largest dataset for GUI grounding so far, containing 10M GUI elements and "
                           "their referring expressions over 1.3M screenshots, and use it to train KelpGround, a "
                           "strong universal visual grounding model for GUI agents.")
    assert "KelpGround" in _introduced(doc)
    doc = extract_abstract("Others collect a large dataset of screenshots over many months, and use it to train "
                           "KelpGround, a strong visual grounding model.")
    assert "KelpGround" not in _introduced(doc)


@pytest.mark.parametrize("sentence, not_a_model", [
    ("Existing methods for controlling language models, such as RLHF and Constitutional Kelp, involve rules.",
     "Constitutional"),
    ("Visual features extracted by models like Vision Fernformers are coarse.", "Vision"),
    ("It improves length-controlled win-rates in KelpEval-2 from 33.2 to 40.1.", "KelpEval-2"),
    ("Our model beats Llama-3-8B on FernBench v1.5.", "FernBench v1.5"),
])
def test_a_first_word_of_a_capitalised_term_or_a_benchmark_is_no_model(sentence, not_a_model):
    assert not_a_model not in models_in(sentence)


def test_examples_of_models_still_name_each_model_and_a_word_naming_a_transformer():
    assert {"Vireo", "Kelpa"} <= models_in("LLMs like Vireo and Kelpa are strong.")
    assert "Nucleotide Transformer" in models_in("Pre-trained models such as KelpBERT and Nucleotide Transformer "
                                                 "have made strides.")


@pytest.mark.parametrize("abstract, name, introduced", [
    ("Through RL training, our prompt-based Falcon-32B agent achieves substantial improvements.", "Falcon-32B", False),
    ("Our retrieval-augmented Llama-3-8B system answers clinical questions.", "Llama-3-8B", False),
    ("Our Kelp-7B model achieves substantial improvements.", "Kelp-7B", True),
    ("Our KelpAgent-7B agent achieves substantial improvements.", "KelpAgent-7B", True),
])
def test_a_known_model_the_authors_build_an_agent_around_is_not_theirs(extract_abstract, abstract, name, introduced):
    assert (name in _introduced(extract_abstract(abstract))) is introduced
