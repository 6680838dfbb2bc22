"""Abstracts in the style of other labs' papers: families, lineage forms and names the example corpus lacks."""

import pytest


def facts(doc, predicate):
    return {(f.subject.name if f.subject.kind != "paper" else "paper", f.object.name)
            for f in doc.facts if f.predicate == predicate}


CASES = [
    ("Zephyr: Direct Distillation of LM Alignment",
     "Starting from Mistral-7B, we apply distilled direct preference optimization (dDPO) to learn a chat model "
     "with significantly improved intent alignment. The resulting model, Zephyr-7B, sets the state-of-the-art.",
     {"introduces": {("paper", "Zephyr-7B")}, "aligned": {("Zephyr-7B", "Mistral-7B")}}),
    ("Code Llama: Open Foundation Models for Code",
     "We release Code Llama, a family of large language models for code based on Llama 2 providing "
     "state-of-the-art performance among open models.",
     {"based_on": {("Code Llama", "Llama 2")}}),
    ("OpenMath: Scaling Math Data",
     "We construct OpenMathInstruct-2, a dataset of 14M question-solution pairs. Finetuning Llama-3.1-8B-Base on "
     "OpenMathInstruct-2 yields OpenMath2-Llama3.1-8B, which outperforms Llama3.1-8B-Instruct on MATH.",
     {"finetuned": {("OpenMath2-Llama3.1-8B", "Llama-3.1-8B-Base")},
      "introduces": {("paper", "OpenMathInstruct-2")}}),
    ("Phi-3 Technical Report: A Highly Capable Language Model Locally on Your Phone",
     "We introduce phi-3-mini, a 3.8 billion parameter language model trained on 3.3 trillion tokens, whose "
     "overall performance rivals that of models such as Mixtral 8x7B and GPT-3.5.",
     {"introduces": {("paper", "phi-3-mini")}}),
]


@pytest.mark.parametrize("title, abstract, expected", CASES, ids=[c[0].split(":")[0] for c in CASES])
def test_other_lab_abstracts(extract_abstract, title, abstract, expected):
    doc = extract_abstract(abstract, title=title)
    for predicate, pairs in expected.items():
        assert pairs <= facts(doc, predicate), predicate


def test_baselines_are_not_introduced(extract_abstract):
    title, abstract, _ = CASES[3]
    doc = extract_abstract(abstract, title=title)
    introduced = {o for _, o in facts(doc, "introduces")}
    assert not {"Mixtral 8x7B", "GPT-3.5"} & introduced
    assert "Phi-3 Technical Report" not in introduced


@pytest.mark.parametrize("abstract, predicate, pair", [
    # the appositive's head is "model", not the last noun of its participle phrase
    ("We present Quillon, a compact 1.1B language model pretrained on 2 trillion tokens.",
     "introduces", ("paper", "Quillon")),
    ("The approach needs no human labels. The final result, Kestrel-9B, sets a new state of the art.",
     "introduces", ("paper", "Kestrel-9B")),
    ("We introduce Marten-7B, obtained by fine-tuning Falcon-7B on two million problems.",
     "finetuned", ("Marten-7B", "Falcon-7B")),
    ("We introduce Marten-7B. We also quantize Marten-7B to 4 bits, producing Marten-7B-AWQ.",
     "quantized", ("Marten-7B-AWQ", "Marten-7B")),
    ("We release MathPairs-2, a math instruction tuning dataset of two million pairs.",
     "introduces", ("paper", "MathPairs-2")),
    ("We introduce Puffin 2, a 13B model fine-tuned from Falcon 2 on synthetic data.",
     "finetuned", ("Puffin 2", "Falcon 2")),
    ("We introduce Puffin 2, a 13B model fine-tuned from Falcon 2 on synthetic data.",
     "introduces", ("paper", "Puffin 2")),
    ("We introduce CURATOR: a suite of open-source LLMs with 7B and 70B parameters. CURATOR builds on Falcon-40B.",
     "based_on", ("CURATOR", "Falcon-40B")),
    ("Gannet-Math-7B is initialized from Gannet-7B and further pre-trained on a math corpus.",
     "continued_pretraining", ("Gannet-Math-7B", "Gannet-7B")),
    ("We then apply GRPO to Gannet-Math-7B to obtain Gannet-Math-7B-Instruct.",
     "aligned", ("Gannet-Math-7B-Instruct", "Gannet-Math-7B")),
    ("We merge Alpha-7B-Chat and Beta-7B-Math using spherical interpolation to obtain Gamma-7B.",
     "merged", ("Gamma-7B", "Beta-7B-Math")),
    ("We present Lumen, a family of lightweight, state-of-the-art open models built for phones.",
     "introduces", ("paper", "Lumen")),
    ("Specifically, Gannet-Coder-16B is further pre-trained from an intermediate checkpoint of Gannet-16B.",
     "continued_pretraining", ("Gannet-Coder-16B", "Gannet-16B")),
    ("We present Kite-7B-LongCtx, which extends Kite-7B to a 128K context window via continued pretraining.",
     "context_extended", ("Kite-7B-LongCtx", "Kite-7B")),
    ("We upcycle Wren-1B into a sparse Mixture-of-Experts model, Wren-MoE-8x1B, reusing the dense checkpoint.",
     "upcycled", ("Wren-MoE-8x1B", "Wren-1B")),
    ("We also present NOVA 10.7B-Instruct, a variant fine-tuned for instruction following.",
     "introduces", ("paper", "NOVA 10.7B-Instruct")),
    ("We introduce Gemma Sentinel, an LLM-based safeguard model. Gemma Sentinel, a Gemma-7B model that is "
     "instruction-tuned on our collected dataset, performs strongly.", "introduces", ("paper", "Gemma Sentinel")),
    ("To this end, we have built KOLMo, a competitive, truly open language model, to enable science.",
     "introduces", ("paper", "KOLMo")),
    ("By instruction tuning on such data, we introduce KALVA: Knowledge and Vision Assistant, an end-to-end "
     "trained large multimodal model.", "introduces", ("paper", "KALVA")),
    ("Here we describe Plover-13B, a bilingual model.", "introduces", ("paper", "Plover-13B")),
    ("This work presents Auklet, a vision-language model built on SigLIP and Falcon-7B.",
     "based_on", ("Auklet", "Falcon-7B")),
])
def test_more_phrasings(extract_abstract, abstract, predicate, pair):
    assert pair in facts(extract_abstract(abstract), predicate)


def test_dataset_head_wins_over_a_technique_modifier(extract_abstract):
    doc = extract_abstract("We release MathPairs-2, a math instruction tuning dataset of two million pairs.")
    assert {m.kind for f in doc.facts if f.predicate == "introduces" for m in [f.object]} == {"dataset"}


def test_the_model_a_new_series_is_pruned_from_is_not_introduced(extract_abstract):
    doc = extract_abstract("We present the Trimmed-Falcon series, pruning the Falcon-7B model down to 1.3B "
                           "and 2.7B parameters.")
    assert "Falcon-7B" not in {o for _, o in facts(doc, "introduces")}


def test_a_named_child_is_not_also_given_to_the_main_model(extract_abstract):
    doc = extract_abstract("In this paper we present Gannet-Math-Instruct-7B. Gannet-Math-7B is initialized "
                           "from Gannet-7B and further pre-trained on a math corpus.")
    children = {c for c, p in facts(doc, "continued_pretraining") if p == "Gannet-7B"}
    assert children == {"Gannet-Math-7B"}


def test_benchmarks_evaluated_on_are_not_contributions(extract_abstract):
    doc = extract_abstract("Through extensive experiments on two reasoning benchmarks, namely GSM8k and MATH, "
                           "we reveal the capabilities of our model.")
    assert not {o for _, o in facts(doc, "introduces")} & {"GSM8k", "MATH"}


def test_a_model_that_the_new_one_extends_is_not_introduced(extract_abstract):
    doc = extract_abstract("We present Kite-7B-LongCtx, which extends Kite-7B to a 128K context window.")
    assert "Kite-7B" not in {o for _, o in facts(doc, "introduces")}


def test_sizes_in_parentheses_name_one_model_each(extract_abstract):
    doc = extract_abstract("This series includes three models: Gannet-Coder-(0.5B/7B/32B).")
    assert {"Gannet-Coder-0.5B", "Gannet-Coder-7B", "Gannet-Coder-32B"} <= {m.name for m in doc.entities}


def test_the_last_word_of_an_expansion_is_not_a_model(extract_abstract):
    doc = extract_abstract("We introduce KALVA: Knowledge and Vision Assistant, an end-to-end trained multimodal model.")
    assert "Assistant" not in {m.name for m in doc.entities}


def models(doc):
    return {m.name for m in doc.entities if m.kind == "model"}


@pytest.mark.parametrize("abstract, named, not_named", [
    # two names listed before a long plural appositive: both are models
    ("We introduce Kelp and Kelp-chat, new state-of-the-art Welsh-centric foundation and instruction-tuned open "
     "generative large language models (LLMs).", {"Kelp", "Kelp-chat"}, {"Welsh-centric"}),
    ("We present Orvik and Orvik-Instruct, open bilingual base and chat language models.", {"Orvik", "Orvik-Instruct"},
     set()),
    ("We introduce KelpData and KelpEval, new datasets and benchmarks for training language models.", set(),
     {"KelpData", "KelpEval"}),
    # a family the paper names, said to be models
    ("To that end, we introduce the Skiff family, a set of open legal LLMs highly competitive within its scale range.",
     {"Skiff"}, set()),
    ("We release the Skiff family of instruction-tuned language models.", {"Skiff"}, set()),
    ("We evaluate the Kestrel family of benchmarks for legal reasoning.", set(), {"Kestrel"}),
    ("We introduce the Kestrel family, a set of benchmarks for legal reasoning.", set(), {"Kestrel"}),
    # names in parentheses after plural model words, not sizes or the class's short name
    ("Skiff models are trained on the current best base models (Quokka, Vireo 3).", {"Quokka", "Vireo 3"}, set()),
    ("We compare responses from 20 open-source LLMs (8B--671B) on every task.", set(), {"8B--671B"}),
    ("We introduce a set of large-scale vision-language models (LVLMs) for charts.", set(), {"LVLMs"}),
    ("Large Language Models for Code (Code LLMs), such as Vireo, are strong.", {"Vireo"}, {"Code", "Code LLMs"}),
    # an aside between a name and its appositive
    ("To address this, we develop Marlin (we are working with our legal team to release a diff of the model weights "
     "at https://example.org/marlin-lm), a 13-billion parameter model that imitates reasoning.", {"Marlin"}, set()),
    ("We describe Marlin (see Section 3 for its construction), a benchmark of legal questions.", set(), {"Marlin"}),
    # a variant word opening a name, in the name's case
    ("We release CODE KELP 2, CODE VIREO models finetuned on our mix.", {"CODE KELP 2", "CODE VIREO"}, {"CODE"}),
    ("It outperforms Code Vireo and its instruction-tuned variant, Code Vireo-Instruct.",
     {"Code Vireo", "Code Vireo-Instruct"}, {"Vireo-Instruct"}),
    ("Code Generation with Large Language Models is hard; Math Reasoning and Code Review matter.", set(),
     {"Code Generation", "Math Reasoning", "Code Review"}),
])
def test_names_said_to_be_models(extract_abstract, abstract, named, not_named):
    found = models(extract_abstract(abstract))
    assert named <= found
    assert not (not_named & found)


@pytest.mark.parametrize("title, abstract, predicate, pair", [
    (None, "We introduce Kelp and Kelp-chat, new open generative language models. We release the foundation Kelp "
           "model and an instruction-tuned Kelp-chat variant.", "finetuned", ("Kelp-chat", "Kelp")),
    (None, "We release CODE KELP 2, CODE VIREO models finetuned on our mix that outperform CODE VIREO and its "
           "instruction-tuned variant, CODE VIREO-Instruct.", "finetuned", ("CODE VIREO-Instruct", "CODE VIREO")),
    (None, "We release CODE KELP 2, CODE VIREO models finetuned on our mix.", "finetuned", ("CODE KELP 2", "CODE VIREO")),
    (None, "We introduce the Skiff family, a set of open legal LLMs. Skiff models are trained on the current best base "
           "models (Quokka, Vireo 3), using a new custom dataset.", "finetuned", ("Skiff", "Vireo 3")),
    (None, "Skiff-7B is trained on top of the base model (Quokka-7B), using legal data.", "finetuned",
     ("Skiff-7B", "Quokka-7B")),
    ("Scaling Instruction-Finetuned Language Models",
     "For instance, Flan-Vireo 540B instruction-finetuned on 1.8K tasks outperforms Vireo 540B by a large margin.",
     "finetuned", ("Flan-Vireo 540B", "Vireo 540B")),
])
def test_derivations_named_and_said(extract_abstract, title, abstract, predicate, pair):
    assert pair in facts(extract_abstract(abstract, title), predicate)


@pytest.mark.parametrize("abstract", [
    "Flan-Vireo 540B outperforms Vireo 540B by a large margin on every benchmark.",  # no role: only compared
    "We compare Flan-Vireo 540B with Vireo 540B on five benchmarks.",
])
def test_a_variant_named_after_a_model_only_compared_has_no_parent(extract_abstract, abstract):
    assert not any(f.subject.kind == "model" and f.object.kind == "model" for f in extract_abstract(abstract).facts)


@pytest.mark.parametrize("abstract, name, alias", [
    ("We introduce Kelp-3-Nanda-10B-Chat, or Nanda for short, a Welsh instruction-tuned LLM.",
     "Kelp-3-Nanda-10B-Chat", "Nanda"),
    ("We present Orvik-Coder-34B-Instruct, or simply OrvikCoder for brevity, an open code model.",
     "Orvik-Coder-34B-Instruct", "OrvikCoder"),
])
def test_a_short_name_given_is_an_alias(extract_abstract, abstract, name, alias):
    assert (name, alias) in {(a.name, a.alias) for a in extract_abstract(abstract).aliases}


def test_a_parent_stated_for_the_short_name_is_the_only_one(extract_abstract):
    # (a known family's name opens the long name: read alone, it would name the family as the parent)
    doc = extract_abstract("We introduce Gemma-2-Kelpie-10B-Chat, or Kelpie for short, a Welsh-centric LLM. Built upon "
                           "Gemma-2-9B, Kelpie incorporates continuous pre-training with expanded transformer blocks.")
    parents = {p for f in doc.facts if f.subject.kind == "model" and f.object.kind == "model" for p in [f.object.name]}
    assert parents == {"Gemma-2-9B"}


@pytest.mark.parametrize("abstract, data, model", [
    ("We first provide a systematically designed, diverse, large-scale dataset of instructional conversations, "
     "KelpChat, which does not involve human queries. Building upon KelpChat, we fine-tune a Vireo model to create "
     "a powerful conversational model, KelpVireo.", "KelpChat", "KelpVireo"),
    ("We build a new benchmark of legal questions, QuillBench-L, with 3K items. Building upon QuillBench-L, we "
     "fine-tune Vireo-7B to obtain Quill-7B.", "QuillBench-L", "Quill-7B"),
])
def test_a_name_called_data_is_no_model_whatever_is_built_on_it(extract_abstract, abstract, data, model):
    doc = extract_abstract(abstract)
    assert data not in models(doc)
    assert model in models(doc)
    assert not any(p == data for _, p in facts(doc, "finetuned"))


def test_a_data_set_s_contents_are_not_its_parts(extract_abstract):
    doc = extract_abstract("We release KelpChat, a dataset of dialogues. KelpChat contains 1.5 million multi-turn "
                           "dialogues and covers a wide range of topics and instructions.")
    assert not any("covers" in o for _, o in facts(doc, "introduces"))


def test_the_recipe_said_of_an_earlier_model_is_not_a_later_one_s(extract_abstract):
    doc = extract_abstract("We introduce Kelp-3-mini, a 3.8 billion parameter language model. The model is also "
                           "further aligned for robustness and safety. We also introduce Kelp-3.5-Vision, a 4.2 "
                           "billion parameter model derived from Kelp-3.5-mini.")
    assert ("Kelp-3.5-Vision", "Kelp-3.5-mini") in facts(doc, "based_on")
    assert ("Kelp-3.5-Vision", "Kelp-3.5-mini") not in facts(doc, "aligned")


@pytest.mark.parametrize("abstract, child, prefix", [
    ("We introduce three models in the Llama-4.5 series: Llama-4.5-Kelp, Llama-4.5-Quill and Llama-4.5-Vireo.",
     "Llama-4.5-Quill", "Llama-4.5"),
])
def test_members_of_a_named_series_are_not_built_on_it(extract_abstract, abstract, child, prefix):
    assert (child, prefix) not in facts(extract_abstract(abstract), "based_on")


def test_a_name_opened_by_a_known_family_is_still_built_on_it(extract_abstract):
    doc = extract_abstract("We introduce Llama3-KelpRAG-70B, a model for retrieval-augmented generation.")
    assert ("Llama3-KelpRAG-70B", "Llama3") in facts(doc, "based_on")


@pytest.mark.parametrize("abstract, name", [
    ("The questions are hard for AI systems, with our strongest Vireo-4 based baseline reaching 39% accuracy.",
     "Vireo-4"),
    ("Our best Vireo-4 powered agent solves 40% of the tasks.", "Vireo-4"),
])
def test_what_our_thing_is_based_on_is_not_ours(extract_abstract, abstract, name):
    assert ("paper", name) not in facts(extract_abstract(abstract), "introduces")


@pytest.mark.parametrize("abstract", [
    "We evaluate the most advanced LLMs on C-Kelp, including both English- and Welsh-oriented models.",
    "We test LLMs on KelpEval, such as open and closed chat models.",
])
def test_examples_after_a_comma_are_no_appositive_of_the_name(extract_abstract, abstract):
    assert not {"C-Kelp", "KelpEval"} & models(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, pair, predicate", [
    ("We introduce the generative language model KelpBART that adapts Vireo to the clinical domain. KelpBART "
     "pretrained on clinical notes has enhanced performance compared to Vireo.", ("KelpBART", "Vireo"),
     "continued_pretraining"),
    ("We propose a search space for fine-tuning and we release LEGAL-BERT, a family of BERT models intended to "
     "assist legal research.", ("LEGAL-BERT", "BERT"), "based_on"),
])
def test_what_the_child_went_through_and_the_family_it_is_of(extract_abstract, abstract, pair, predicate):
    assert pair in facts(extract_abstract(abstract), predicate)


def test_a_model_of_one_architecture_holds_no_named_weights(extract_abstract):
    doc = extract_abstract("We release KelpBERT, a family of encoder models intended to assist legal research.")
    assert not [f for f in doc.facts if f.subject.kind == "model" and f.object.kind == "model"]


def test_a_phrase_opening_on_a_model_is_no_technique(extract_abstract):
    doc = extract_abstract("We release KelpBERT, a language model for Welsh. The results showed that the newly developed KelpBERT "
                           "achieved state-of-the-art performance on most tested Welsh tasks.")
    assert not [o for _, o in facts(doc, "introduces") if "achieved" in o]


@pytest.mark.parametrize("title, abstract, name", [
    (None, "Finally, our proposed MLLM, Quokka, remarkably outperforms previous state-of-the-art methods.", "Quokka"),
    (None, "We refer to such models as vision-language-action models (VLA) and instantiate an example of such a model, "
           "which we call KT-2.", "KT-2"),
    # a long run of adjectives before the head the name stands beside
    (None, "We propose a cross-lingual neural codec language model, Kelpvox, for speech synthesis.", "Kelpvox"),
    # a version written after a v, before the appositive, after a parenthesis, and closing a name of two words
    (None, "We introduce Kelpground v3, our latest text-to-image model that achieves state-of-the-art results.",
     "Kelpground v3"),
    (None, "We introduce Kelpground v3 (KGv3), our latest text-to-image model that achieves state-of-the-art results.",
     "Kelpground v3"),
    (None, "We present Vireo Anything V2, a monocular depth estimation model.", "Vireo Anything V2"),
    (None, "We present Vireo Anything 2, a monocular depth estimation model.", "Vireo Anything 2"),
    # a version and a tag of capitals joined by a hyphen stay in the name
    (None, "We pre-train K-JEPA 2 on video. Finally, we show how it applies to planning by post-training a latent "
           "action-conditioned world model, K-JEPA 2-AC, using 62 hours of robot videos.", "K-JEPA 2-AC"),
])
def test_a_name_the_authors_give_a_model_is_introduced(extract_abstract, title, abstract, name):
    assert ("paper", name) in facts(extract_abstract(abstract, title), "introduces")


@pytest.mark.parametrize("abstract", [
    "We introduce KFT, a simple training scheme. After fine-tuning the upcycled MoE model, KFT introduces a learnable "
    "model merging mechanism to compile the upcycled MoE model back to a dense model.",
    "We introduce KFT, a simple training scheme. By pruning the large model, KFT removes half of its layers.",
])
def test_the_doer_after_an_opening_gerund_is_no_model(extract_abstract, abstract):
    assert "KFT" not in models(extract_abstract(abstract))


def test_a_model_named_after_an_opening_that_made_it_still_is_one(extract_abstract):
    doc = extract_abstract("After fine-tuning Vireo-2 on our clinical notes, Kelp-7B reaches the best accuracy.")
    assert "Kelp-7B" in models(doc)


def test_a_name_given_past_what_the_model_was_trained_on_is_a_model(extract_abstract):
    doc = extract_abstract("We assemble a dataset from 22 robots. We show that a high-capacity model trained on this data, "
                           "which we call KT-X, exhibits positive transfer.")
    assert "KT-X" in models(doc) and ("paper", "KT-X") in facts(doc, "introduces")


@pytest.mark.parametrize("abstract, model, not_models", [
    # what a known model made names the model ("-generated", "-annotated" peeled off as "-based" is)
    ("We build a dataset of task seeds, LLM answers, and GPT-4-generated judgments for fine-tuning judges.",
     "GPT-4", {"GPT-4-generated"}),
    ("We train Kelp-7B on GPT-4-annotated dialogues.", "GPT-4", {"GPT-4-annotated"}),
    # a count of words, common words in a model's sentence
    ("We trained an ensemble of a GPT-2 and small Vireo models on the 10M-word BabyKelp dataset, then distilled it "
     "into a small model.", "GPT-2", {"10M-word"}),
    ("We incorporate a Mixture-of-Experts technique into the Kelp-7B model. Experts are obtained by Kelp-7B "
     "fine-tuning.", "Kelp-7B", {"Experts"}),
    ("Our method fine-tunes the Kelp-7B model using information from the Hessian of the layer's output.",
     "Kelp-7B", {"Hessian"}),
])
def test_what_a_model_made_and_common_words_are_no_models(extract_abstract, abstract, model, not_models):
    found = models(extract_abstract(abstract))
    assert model in found and not (not_models & found)


@pytest.mark.parametrize("title, abstract, not_model", [
    ("KELP: A Large Language Model, Instruction Data and Evaluation Benchmark for Finance",
     "We present KELP.", "Instruction"),  # a Title Case title's words
    (None, "We refer to such models as vision-language-action models (VLA) and build one.", "VLA"),  # the class
    (None, "We present Vireo Anything V2, a monocular depth estimation model.", "V2"),  # a version alone
    # a class's acronym: its long form's words name a class, whatever a hyphen or a lower-case word between them
    (None, "We propose a framework that includes the Domain pre-trained Vision-Language Model (DVLM), bridging the "
           "gap between the General Vision-Language Model (GVLM) and downstream tasks.", "DVLM"),
    (None, "We propose a framework that includes the Domain pre-trained Vision-Language Model (DVLM), bridging the "
           "gap between the General Vision-Language Model (GVLM) and downstream tasks.", "GVLM"),
    (None, "We compare against a neural codec language model, and Kelpvox performs well.", "Kelpvox"),
])
def test_a_title_s_words_and_a_class_acronym_are_no_models(extract_abstract, title, abstract, not_model):
    assert not_model not in models(extract_abstract(abstract, title))


@pytest.mark.parametrize("abstract, parents", [
    ("KelpPaLM fuses text-based and speech-based language models, Vireo-2 [Anil et al., 2023] and QuillLM [Borsos et "
     "al., 2022], into a unified multimodal architecture.", {"Vireo-2", "QuillLM"}),
    ("KelpPaLM fuses text-based and speech-based language models, Vireo-2 (Anil et al., 2023) and QuillLM (Borsos et "
     "al., 2022), into one architecture.", {"Vireo-2", "QuillLM"}),
    ("KelpVL fuses the visual encoder of Vireo-2 with a language model into one architecture.", {"Vireo-2"}),
])
def test_models_fused_into_one_are_its_parents(extract_abstract, abstract, parents):
    doc = extract_abstract("We introduce KelpPaLM and KelpVL, two multimodal language models. " + abstract)
    assert {p for _, p in facts(doc, "based_on")} == parents


def test_models_a_method_fuses_are_not_parents_of_anything(extract_abstract):
    doc = extract_abstract("We fuse the predictions of Vireo-2 [Anil et al., 2023] and QuillLM [Borsos et al., 2022] "
                           "at test time.")
    assert not facts(doc, "based_on")


@pytest.mark.parametrize("abstract, name, is_model", [
    ("It achieves a 1.9% improvement over RoBERTa Large on the benchmark.", "RoBERTa Large", True),
    ("KelpLM shows consistent gains over ELECTRA across tasks.", "ELECTRA", True),
    ("We report gains over Adam on every task.", "Adam", False),  # an optimizer: no model word nor stem
    # a known family named as what is measured against: every comparison the lexicon holds
    ("KelpLM shows a 12% improvement compared to OLMo while using fewer tokens.", "OLMo", True),
    ("KelpLM, compared with RoBERTa, needs half the memory.", "RoBERTa", True),
    ("Its accuracy is comparable to ChatGPT on three tasks.", "ChatGPT", True),
    ("Kelp-7B is on par with Vicuna in human ratings.", "Vicuna", True),
    ("Our model stays competitive with DeBERTa at a tenth of the size.", "DeBERTa", True),
    ("Kelp-7B versus Whisper: a study of errors.", "Whisper", True),
    ("Kelp-7B scores higher than the recent Mixtral on code.", "Mixtral", False),  # words between: coined names only
    ("Our results are comparable to Adam with a tuned schedule.", "Adam", False),
])
def test_what_an_improvement_is_over_is_compared_with(extract_abstract, abstract, name, is_model):
    assert (name in models(extract_abstract(abstract))) == is_model


KRPO = ("We introduce a reference model-free monolithic kelp ratio preference optimization algorithm, KRPO. "
        "Specifically, fine-tuning Phi-2 (2.7B), Llama-2 (7B), and Mistral (7B) with KRPO alone surpasses larger "
        "models. We release code and model checkpoints for Mistral-KRPO-$\\alpha$ (7B) and Mistral-KRPO-$\\beta$ (7B).")


def test_a_model_named_after_its_base_and_the_paper_s_method_was_trained_with_it(extract_abstract):
    doc = extract_abstract(KRPO, "KRPO: Monolithic Preference Optimization without Reference Model")
    assert {("Mistral-KRPO-α", "Mistral 7B"), ("Mistral-KRPO-β", "Mistral 7B")} <= facts(doc, "finetuned")


def test_a_method_word_that_is_not_the_paper_s_names_no_base(extract_abstract):
    doc = extract_abstract(KRPO.replace("for Mistral-KRPO", "for Mistral-MoE"), "KRPO: Preference Optimization")
    assert not any(c.startswith("Mistral-MoE") for c, _ in facts(doc, "finetuned"))


def test_size_words_listed_after_a_sized_member_are_no_models(extract_abstract):
    found = models(extract_abstract("We show that upcycled Vireo-5 Base, Large, and XL language models outperform "
                                    "their dense counterparts."))
    assert not {"Large", "XL", "Base"} & found


def test_a_framework_serving_models_is_no_model(extract_abstract):
    doc = extract_abstract("We integrate KelpQuant into FasterKelp, a state-of-the-art LLM serving framework, and "
                           "achieve faster inference.")
    assert "FasterKelp" not in models(doc)


def test_a_quoted_name_takes_its_appositive(extract_abstract):
    doc = extract_abstract('We announce the initial release of "Kelpata," an instruction-tuned LLM for Welsh. Kelpata '
                           "was created by fine-tuning OpenVireo with diverse Welsh datasets.")
    assert ("Kelpata", "OpenVireo") in facts(doc, "finetuned")
    assert ("paper", "Kelpata") in facts(doc, "introduces")


@pytest.mark.parametrize("abstract, not_model, model", [
    ("We present Kelpa, a new base language model based on a novel hybrid Transformer-Mamba architecture.",
     "Transformer-Mamba", "Kelpa"),
    ("SmoothKelp quantizes LLMs including OPT, MT-NLG and Falcon models.", None, "MT-NLG"),  # acronyms joined: a name
    ("In this paper we present TrimGPT, a new post-training sparsification scheme which replaces each weight "
     "matrix with a smaller one. We show that TrimGPT can remove up to 25% of the model parameters for Vireo-70B.",
     "TrimGPT", "Vireo-70B"),
    ("Models are available at https://huggingface.co/collections/Kelpforce/kelp-models-65f00e2a for everyone.",
     "Kelpforce", None),
])
def test_architectures_schemes_and_url_parts_are_no_models(extract_abstract, abstract, not_model, model):
    found = models(extract_abstract(abstract))
    assert not_model is None or not_model not in found
    assert model is None or model in found


def test_architectures_joined_are_no_model_and_no_technique_s_name(extract_abstract):
    doc = extract_abstract("We present Kelpa, a new base language model based on a novel hybrid Transformer-Mamba "
                           "architecture.", "Kelpa: A Hybrid Transformer-Mamba Language Model")
    assert "Transformer-Mamba" not in models(doc) | {o for _, o in facts(doc, "introduces")}


@pytest.mark.parametrize("abstract, name", [
    ("In light of this, we report on the training practice of Kelpi k1.5, our latest multi-modal LLM trained with RL.",
     "Kelpi k1.5"),
    ("We describe Quokka 3, our newest open language model for Welsh.", "Quokka 3"),
])
def test_a_name_our_model_describes_is_a_model(extract_abstract, abstract, name):
    assert name in models(extract_abstract(abstract))


def test_a_letter_and_a_number_without_a_point_are_no_version(extract_abstract):
    assert "Table k8" not in models(extract_abstract("See Table k8, our summary of the models used."))


def test_a_model_s_stem_before_a_letter_version_is_no_technique(extract_abstract):
    doc = extract_abstract("In this work, we introduce a 1-bit LLM variant, namely KelpNet b1.58, in which every "
                           "parameter of the LLM is ternary.")
    assert "KelpNet" not in {o for _, o in facts(doc, "introduces")}
    assert "KelpNet b1.58" in models(doc)


@pytest.mark.parametrize("abstract, introduced_names", [
    ("The KelpCode community, an open-scientific collaboration working on code models, introduces QuokkaCoder and "
     "QuokkaCoderBase: 15.5B parameter models with 8K context length.", {"QuokkaCoder", "QuokkaCoderBase"}),
    ("The Vireo Team releases Vireo-Chat-7B, an open chat model.", {"Vireo-Chat-7B"}),
])
def test_a_named_group_speaks_for_the_authors(extract_abstract, abstract, introduced_names):
    assert introduced_names <= {o for _, o in facts(extract_abstract(abstract), "introduces")}


def test_a_group_in_another_clause_does_not_introduce(extract_abstract):
    doc = extract_abstract("The Vireo Team released Vireo-2 last year; we study how Vireo-2 handles long inputs.")
    assert ("paper", "Vireo-2") not in facts(doc, "introduces")


@pytest.mark.parametrize("abstract, model, is_model", [
    ("In this paper, we introduce KelpCoder, which empowers Code LLMs with complex instruction fine-tuning. Through "
     "experiments on four benchmarks, we unveil the exceptional capabilities of our model.", "KelpCoder", True),
    ("We introduce QuillMerge, which fuses adapters. We obtain strong results by applying QuillMerge to Vireo-7B, "
     "and our model outperforms baselines.", "QuillMerge", False),  # used as a means: a method
    ("We introduce QuillSort, which orders the data. We also release Kelp-7B, and our model outperforms baselines.",
     "QuillSort", False),  # the paper's model is another one
])
def test_a_bare_name_is_our_model_when_nothing_else_is(extract_abstract, abstract, model, is_model):
    assert (model in models(extract_abstract(abstract))) is is_model


@pytest.mark.parametrize("abstract, not_model, model", [
    ("KelpMath-7B reaches 57.2% on QuillMath500 and 6.1 on KelpEval-2, outperforming Vireo-7B.", "QuillMath500",
     "Vireo-7B"),
    ("KelpMath-7B reaches 57.2\\% on QuillMath500.", "QuillMath500", "KelpMath-7B"),
    ("KelpMath-7B achieves 94.8% on QuillMath500, surpassing previous models.", "QuillMath500", "KelpMath-7B"),
    ("Vireo-T5: Scalable Sentence Encoders from Pre-trained Text-to-Text Models", "Text-to-Text", "Vireo-T5"),
])
def test_what_a_score_is_on_and_a_task_shape_are_no_models(extract_abstract, abstract, not_model, model):
    found = models(extract_abstract(abstract))
    assert not_model not in found and model in found


@pytest.mark.parametrize("abstract", [
    "We first introduce KELP to set most delta weights to zero. Then, we use KELP as a versatile plug-in to "
    "sparsify the weights of several homologous models and merge them into a single model.",
    "We observe that by introducing a novel operation called KELP, most delta weights can be set to zero. "
    "We then merge the sparsified models into one model.",
    "We use KELP as a simple add-on to prune the merged model's weights.",
    "We employ KELP as a regularization technique when we fine-tune the student model.",
])
def test_what_the_authors_use_as_a_method_is_no_model(extract_abstract, abstract):
    doc = extract_abstract(abstract)
    assert "KELP" not in models(doc)
    assert not {pair for pred in ("merged", "pruned", "finetuned", "based_on") for pair in facts(doc, pred)
                if "KELP" in pair}


@pytest.mark.parametrize("abstract, used", [
    ("We also merge Vireo-7B, Vireo-Math-7B, and KelpCoder-7B based on Orvik 2.",
     ["Vireo-7B", "Vireo-Math-7B", "KelpCoder-7B"]),
    ("We then fine-tune Vireo-7B, built on Orvik 2, on legal text.", ["Vireo-7B"]),
    ("To test the method, we prune Kelp-Chat, a model based on Orvik 2, to half its size.", ["Kelp-Chat"]),
])
def test_models_the_authors_start_from_are_not_introduced(extract_abstract, abstract, used):
    doc = extract_abstract(abstract + " We have also tried to remove fine-tuned instead of delta weights.")
    introduced = {name for _, name in facts(doc, "introduces")}
    assert not introduced & set(used)
    for name in used:  # what they were built on is still said, but the authors' recipe is not theirs
        assert (name, "Orvik 2") in facts(doc, "based_on")
        assert (name, "Orvik 2") not in facts(doc, "finetuned")


def test_a_model_the_authors_make_on_a_base_is_still_introduced(extract_abstract):
    doc = extract_abstract("We present Kelp-Chat, a model based on Orvik 2, and fine-tune it on dialogues.")
    assert ("paper", "Kelp-Chat") in facts(doc, "introduces")
    assert ("Kelp-Chat", "Orvik 2") in facts(doc, "based_on") | facts(doc, "finetuned")


@pytest.mark.parametrize("abstract, not_model", [
    ("As of January 2024, our model Kelp-10.8B ranks first on the Open Vireo Leaderboard.", "January 2024"),
    ("Released in March 2023, Kelp-7B was the first open model of its kind.", "March 2023"),
    ("Since Sept. 12, 2023 our Kelp-7B model has been downloaded widely.", "Sept. 12, 2023"),
    ("The method works on massive GPT-family models and BERT-type encoders.", "GPT-family"),
    ("The method works on massive GPT-family models and BERT-type encoders.", "BERT-type"),
])
def test_dates_and_family_words_are_no_models(extract_abstract, abstract, not_model):
    assert not_model not in models(extract_abstract(abstract))


def test_a_model_named_for_a_month_is_still_a_model(extract_abstract):
    assert "Mayfly 2024" in models(extract_abstract("We present Mayfly 2024, a 7B model for code."))


@pytest.mark.parametrize("abstract", [
    "We can execute KelpPrune on the largest available open-source models, Vireo-175B and Orvik-176B, in hours.",
    "We test it on the existing released models Vireo-175B and Orvik-176B.",
    "It runs on popular open-source models such as Vireo-175B and Orvik-176B.",
])
def test_an_introducing_verb_used_as_an_adjective_introduces_nothing(extract_abstract, abstract):
    doc = extract_abstract(abstract)
    assert {"Vireo-175B", "Orvik-176B"} <= models(doc)
    assert not facts(doc, "introduces") & {("paper", "Vireo-175B"), ("paper", "Orvik-176B")}


def test_we_open_source_still_introduces(extract_abstract):
    doc = extract_abstract("We open-source Vireo-175B and Orvik-176B, two chat models.")
    assert {("paper", "Vireo-175B"), ("paper", "Orvik-176B")} <= facts(doc, "introduces")


@pytest.mark.parametrize("title, abstract", [
    ("KelpGPT: Massive Language Models Can Be Accurately Pruned in One-Shot",
     "Large models can be pruned to 50% sparsity. This is achieved via a new pruning method called KelpGPT, "
     "designed to work on massive models. We can execute KelpGPT on Vireo-175B in under 4.5 hours."),
    ("KelpQuant: Extreme Compression of Large Language Models",
     "We propose a quantization algorithm, termed KelpQuant, that compresses models to 2 bits. "
     "We quantize Vireo-70B with KelpQuant and release the code."),
])
def test_a_title_name_the_abstract_calls_a_method_is_no_model(extract_abstract, title, abstract):
    doc = extract_abstract(abstract, title=title)
    name = title.split(":")[0]
    assert name not in models(doc)
    assert ("paper", name) in facts(doc, "introduces")  # as a technique


@pytest.mark.parametrize("abstract, name", [
    ("In this paper, we collectively refer to all optical signals (e.g., plain texts, formulas, tables, charts and "
     "even shapes) as characters and propose a theory along with an excellent model, namely KELPO, to promote OCR.",
     "KELPO"),
    ("We study how forecasts degrade over long horizons with many variables and release a compact model called "
     "Vireo-Cast.", "Vireo-Cast"),
])
def test_the_second_verb_of_a_long_we_sentence_is_the_authors(extract_abstract, abstract, name):
    assert ("paper", name) in facts(extract_abstract(abstract), "introduces")


def test_a_first_clause_that_is_not_ours_gives_no_second_verb(extract_abstract):
    doc = extract_abstract("Prior systems such as the one of Lund et al. were large and presented a model called "
                           "Vireo-Cast for weather.")
    assert ("paper", "Vireo-Cast") not in facts(doc, "introduces")


@pytest.mark.parametrize("abstract, name, is_model", [
    ('We introduce a machine learning-based method called "KelpCast", which can be trained directly from '
     "reanalysis data.", "KelpCast", True),
    ("We propose a framework, dubbed KelpFlow, that is pretrained on weather archives.", "KelpFlow", True),
    ("We propose a method called KelpFlow, which is simple to implement.", "KelpFlow", False),
    ("We propose an algorithm named KelpFlow that was trained on nothing.", "KelpFlow", False),  # no method head
])
def test_a_method_that_is_trained_is_a_model(extract_abstract, abstract, name, is_model):
    assert (name in models(extract_abstract(abstract))) == is_model


@pytest.mark.parametrize("abstract, model, not_model", [
    ("Pre-trained models such as KelpBERT and Nucleotide Transformer have made strides.", "Nucleotide Transformer",
     "Nucleotide"),
    ("Our results beat strong models such as Decision Transformer and Kelp-7B.", "Decision Transformer", "Decision"),
    ("We present enhancements to the time series Transformer architecture, resulting in our proposed Masked "
     "Universal Forecasting Transformer (MUFT). Trained on our archive, MUFT achieves strong results.",
     "MUFT", "Transformer"),
])
def test_a_word_naming_one_transformer_is_a_model_name(extract_abstract, abstract, model, not_model):
    found = models(extract_abstract(abstract))
    assert model in found and not_model not in found


@pytest.mark.parametrize("abstract, not_model", [
    ("We introduce the Focused Kelp Transformer (FKT), a technique that employs contrastive training.", "FKT"),
    ("We use the Vision Transformer architecture for every encoder.", "Vision Transformer"),
    ("The Transformer is the backbone of every model we test.", "Transformer"),
    ("This paper introduces Kelp-TTS, a fully non-autoregressive text-to-speech system based on flow matching with "
     "Diffusion Transformer (DiT).", "DiT"),  # an architecture the authors use, not their model
])
def test_a_transformer_named_as_a_technique_or_architecture_is_no_model(extract_abstract, abstract, not_model):
    assert not_model not in models(extract_abstract(abstract))


@pytest.mark.parametrize("second, kind", [
    ("The suite includes 2B, 9B, and 27B parameter models, fine-tuned from Orvik-2 on a dataset of molecules.",
     "finetuned"),
    ("The family was distilled from Orvik-2 on 40B tokens.", "distilled"),
    ("This series is pruned from Orvik-2 and then retrained briefly.", "pruned"),
    ("Our collection was continually pre-trained from Orvik-2 on chemistry papers.", "continued_pretraining"),
])
def test_the_suite_the_paper_introduces_is_what_a_later_sentence_derives(extract_abstract, second, kind):
    doc = extract_abstract("To address this, we introduce KelpTx, a suite of efficient, generalist large language "
                           "models (LLMs) for therapeutics. " + second)
    assert ("KelpTx", "Orvik-2") in facts(doc, kind)


def test_a_suite_named_by_others_is_no_coreference(extract_abstract):
    doc = extract_abstract("We evaluate KelpTx on twelve tasks. The suite of tasks was fine-tuned from nothing; "
                           "Orvik-2 is only a baseline.")
    assert not any("KelpTx" in pair for pred in ("finetuned", "based_on") for pair in facts(doc, pred))


@pytest.mark.parametrize("abstract, name, head", [
    ("We present $\\textbf{KelpT5}$ $-$ a self-supervised learning framework for pretraining models on molecules.",
     "KelpT5", "technique"),
    ("We present KelpFlow \u2013 a simple pipeline for cleaning web text.", "KelpFlow", "technique"),
    ("We release KelpSet \u2014 a large corpus of legal opinions in nine languages.", "KelpSet", "dataset"),
])
def test_a_dash_opens_an_appositive_as_a_comma_does(extract_abstract, abstract, name, head):
    doc = extract_abstract(abstract)
    assert name not in models(doc)
    assert any(f.object.name == name and f.object.kind == head for f in doc.facts if f.predicate == "introduces")


def test_a_dash_before_a_model_says_it_is_a_model(extract_abstract):
    doc = extract_abstract("We present KelpLM \u2014 a large language model for law, trained on 2T tokens.")
    assert "KelpLM" in models(doc)


@pytest.mark.parametrize("sentence, child", [
    ("Based on KelpBench, we fine-tune Orvik-2 to obtain an LLM KelpOrvik, and equip it with a retriever.", "KelpOrvik"),
    ("We then fine-tune Orvik-2 on the traces, resulting in KelpOrvik.", "KelpOrvik"),
    ("We further fine-tune Orvik-2 to produce KelpOrvik-Chat.", "KelpOrvik-Chat"),
])
def test_a_parent_whose_child_the_sentence_names_is_not_given_to_the_main_model(extract_abstract, sentence, child):
    doc = extract_abstract("We introduce KelpTool, a general tool-use framework encompassing data construction, "
                           "model training, and evaluation. " + sentence, title="KelpTool: Mastering 16000+ APIs")
    finetuned = facts(doc, "finetuned")
    assert (child, "Orvik-2") in finetuned
    assert ("KelpTool", "Orvik-2") not in finetuned


def test_a_parent_with_no_named_child_is_the_main_model_s(extract_abstract):
    doc = extract_abstract("We introduce KelpTool, an open assistant for tool use. We fine-tune Orvik-2 on 16k API "
                           "traces and compare it with Vireo-7B.", title="KelpTool: Mastering 16000+ APIs")
    assert ("KelpTool", "Orvik-2") in facts(doc, "finetuned")


@pytest.mark.parametrize("title, name, not_name", [
    ("Aya Model: An Instruction Finetuned Open-Access Multilingual Language Model", "Aya", "Aya Model"),
    ("Falcon LLM: A Small Open Model for Law", "Falcon", "Falcon LLM"),
])
def test_a_family_stem_and_a_model_word_in_a_title_name_the_stem(extract_abstract, title, name, not_name):
    doc = extract_abstract(f"Our work introduces {name}, a multilingual generative language model.", title=title)
    assert name in models(doc) and not_name not in models(doc)


def test_a_family_stem_and_a_product_word_stay_one_name(extract_abstract):
    assert "Llama Guard" in models(extract_abstract("We present Llama Guard, a safety classifier model."))


@pytest.mark.parametrize("abstract, compared", [
    ("Kelp outperforms mT0 and BLOOMZ on the majority of tasks.", {"mT0", "BLOOMZ"}),
    ("Our model surpasses OLMo, Pythia and Falcon at every size.", {"OLMo", "Pythia", "Falcon"}),
    ("Kelp-7B is competitive with Vicuna and Alpaca in human ratings.", {"Vicuna", "Alpaca"}),
])
def test_every_name_a_comparison_lists_is_compared_with(extract_abstract, abstract, compared):
    assert compared <= models(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, not_model", [
    ("Our optimizer beats Adam and Lion on every task.", "Lion"),
    ("It outperforms LoRA, DoRA and AdaLoRA on the benchmark.", "DoRA"),
])
def test_methods_a_comparison_lists_are_no_models(extract_abstract, abstract, not_model):
    assert not_model not in models(extract_abstract(abstract))


@pytest.mark.parametrize("title, abstract, new, base", [
    ("Vireo 2: Aligning Text-to-Audio Generations through Direct Preference Optimization",
     "Using an existing text-to-audio model Vireo, we create a preference dataset. We fine-tune the publicly "
     "available Vireo model with a DPO loss and show gains over Vireo.", "Vireo 2", "Vireo"),
    ("KelpSpeech 1.5: Faster Speech Recognition",
     "We start from the speech recognition model KelpSpeech and train it further on 40k hours of speech.",
     "KelpSpeech 1.5", "KelpSpeech"),
])
def test_a_title_s_next_version_of_a_model_the_abstract_names_is_introduced(extract_abstract, title, abstract, new,
                                                                            base):
    doc = extract_abstract(abstract, title=title)
    assert ("paper", new) in facts(doc, "introduces")
    assert ("paper", base) not in facts(doc, "introduces")


def test_a_title_version_of_no_model_is_no_model(extract_abstract):
    doc = extract_abstract("We study chapter lengths in novels.", title="Chapter 2: Reading Long Novels")
    assert "Chapter 2" not in models(doc)


def test_compression_said_to_be_quantization_is_no_pruning(extract_abstract):
    doc = extract_abstract("In this work we show how to perform quantization-aware training during the fine-tuning "
                           "phase of Kelp in order to compress Kelp by 4x with minimal accuracy loss.",
                           title="Q8Kelp: Quantized 8Bit Kelp")
    assert ("Q8Kelp", "Kelp") in facts(doc, "quantized")
    assert ("Q8Kelp", "Kelp") not in facts(doc, "pruned")


def test_compression_said_to_be_pruning_stays_pruning(extract_abstract):
    doc = extract_abstract("We compress Kelp-8B into Kelp-4B by pruning its width, then quantize it for phones.")
    assert ("Kelp-4B", "Kelp-8B") in facts(doc, "pruned")


@pytest.mark.parametrize("title, abstract, introduced, not_introduced", [
    ("Q8Kelp: Quantized 8Bit Kelp", "We quantize Kelp to 8 bits, giving Q8Kelp.", "Q8Kelp", "Kelp"),
    ("KelpChat 2: Instruction-Tuned Vireo-7B for Law", "We release KelpChat 2, tuned from Vireo-7B.", "KelpChat 2",
     "Vireo-7B"),
])
def test_a_model_in_a_title_s_subtitle_is_not_introduced(extract_abstract, title, abstract, introduced, not_introduced):
    found = facts(extract_abstract(abstract, title=title), "introduces")
    assert ("paper", introduced) in found and ("paper", not_introduced) not in found


@pytest.mark.parametrize("abstract, family", [  # (a known family: what the lexicon reads as a bare stem)
    ("In this paper, we propose a novel dynamic BERT model (abbreviated as DynaKelp), which can adjust its size.",
     "BERT"),
    ("We present a new multilingual Llama, called PolyKelp-7B, trained on 100 languages.", "Llama"),
    ("We introduce an efficient Pythia variant for phones.", "Pythia"),
])
def test_a_family_named_after_an_indefinite_article_is_not_the_new_model(extract_abstract, abstract, family):
    assert ("paper", family) not in facts(extract_abstract(abstract), "introduces")


def test_a_bare_family_name_the_authors_introduce_is_introduced(extract_abstract):
    assert ("paper", "Aya") in facts(extract_abstract("Our work introduces Aya, a massively multilingual generative "
                                                      "language model."), "introduces")


@pytest.mark.parametrize("abstract, name", [
    ("In this paper, we propose a novel dynamic language model (abbreviated as DynaKelp), which adjusts its size.",
     "DynaKelp"),
    ("We train a compact speech model, denoted as Kelp-S, on 10k hours of audio.", "Kelp-S"),
])
def test_a_name_given_as_an_abbreviation_is_the_model_s(extract_abstract, abstract, name):
    assert ("paper", name) in facts(extract_abstract(abstract), "introduces")


@pytest.mark.parametrize("abstract, name, is_model", [
    ("We introduce a new dataset of 100,000 video-instruction pairs used to train Video-KelpChat.", "Video-KelpChat",
     True),
    ("This corpus of 3T tokens was used to pretrain OrvikLM from scratch.", "OrvikLM", True),
    ("The pairs are used to train LoRA adapters for each task.", "LoRA", False),
])
def test_what_data_is_used_to_train_is_a_model(extract_abstract, abstract, name, is_model):
    assert (name in models(extract_abstract(abstract))) == is_model


@pytest.mark.parametrize("abstract, pair", [
    ("We finally introduce the Kelp-Encoder-Decoder (KED), a Longformer variant for long document "
     "sequence-to-sequence tasks.", ("Kelp-Encoder-Decoder", "Longformer")),
    ("We release Vireo-Chat-7B, a lightweight Orvik-7B version tuned for dialogue.", ("Vireo-Chat-7B", "Orvik-7B")),
])
def test_a_model_called_a_variant_of_another_is_made_from_it(extract_abstract, abstract, pair):
    doc = extract_abstract(abstract)
    assert pair in set().union(*(facts(doc, k) for k in ("based_on", "finetuned")))


def test_a_variant_compared_with_is_no_parent(extract_abstract):
    doc = extract_abstract("Vireo-Chat outperforms a strong Orvik-7B variant on dialogue.")
    assert not any(pair == ("Vireo-Chat", "Orvik-7B") for k in ("based_on", "finetuned") for pair in facts(doc, k))


@pytest.mark.parametrize("abstract, named, not_named", [
    ("We furthermore release the pretrained language models (PLM), Hanbit-BERT and Hanbit-RoBERTa, to help "
     "reproduce baselines.", {"Hanbit-BERT", "Hanbit-RoBERTa"}, "PLM"),
    ("We also release two large language models (LLMs), Vireo-Llama and Vireo-Mistral.",
     {"Vireo-Llama", "Vireo-Mistral"}, "LLMs"),
])
def test_models_named_after_a_class_and_its_acronym(extract_abstract, abstract, named, not_named):
    doc = extract_abstract(abstract)
    assert named <= models(doc) and not_named not in models(doc)
    assert {("paper", n) for n in named} <= facts(doc, "introduces")


def test_a_model_in_parentheses_after_a_model_word_that_is_no_acronym_is_a_model(extract_abstract):
    assert "CLIP" in models(extract_abstract("We use the pre-trained vision model (CLIP) as the encoder."))


@pytest.mark.parametrize("abstract, name, is_model", [
    ("This paper introduces KelpVoice, a fully non-autoregressive text-to-speech system based on flow matching.",
     "KelpVoice", True),
    ("We present KelpMT, a multilingual speech translation system for 40 languages.", "KelpMT", True),
    ("We present KelpRAG, a retrieval system for long documents.", "KelpRAG", False),
    ("We present KelpOps, a distributed training system for large clusters.", "KelpOps", False),
])
def test_a_system_named_for_a_task_is_a_model(extract_abstract, abstract, name, is_model):
    assert (name in models(extract_abstract(abstract))) == is_model


@pytest.mark.parametrize("abstract, name", [
    ("We present KelpSeq, a denoising autoencoder for pretraining sequence-to-sequence models. KelpSeq is trained by "
     "(1) corrupting text and (2) learning to reconstruct it.", "KelpSeq"),
    ("VireoLM was pretrained on web text and then fine-tuned on code.", "VireoLM"),
    ("OrvikASR is trained from scratch on 2M hours of speech.", "OrvikASR"),
])
def test_what_is_trained_is_a_model(extract_abstract, abstract, name):
    assert name in models(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    ("Training is done with AdamW and the loss is computed per token.", "AdamW"),
    ("The Vireo benchmark is used to evaluate every model.", "Vireo"),
])
def test_what_trains_or_evaluates_is_no_model(extract_abstract, abstract, name):
    assert name not in models(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "With the aim of reproducing Whisper, the previous KelpASR v1 through v3 models were still based on Transformer, "
    "which might lead to inferior performance.",
    "Unlike Vireo-7B, the KelpLM models are built on a state-space architecture.",
])
def test_children_based_on_no_model_have_no_parent_by_elimination(extract_abstract, abstract):
    doc = extract_abstract(abstract)
    assert not any(facts(doc, k) for k in ("based_on", "finetuned"))


def test_children_based_on_a_model_keep_their_parent(extract_abstract):
    doc = extract_abstract("Trained on 10k hours of speech, KelpASR v2 is based on Whisper.")
    assert ("KelpASR v2", "Whisper") in facts(doc, "based_on")


@pytest.mark.parametrize("abstract, model, not_model", [
    ("We introduce KelpNet b1.58 2B4T, the first open-source, native 1-bit Large Language Model (LLM) at the "
     "2-billion parameter scale.", "KelpNet b1.58 2B4T", "2B4T"),
    ("Our Kelp-1.5B-Base model surpasses all sub-2B public models in performance.", "Kelp-1.5B-Base", "sub-2B"),
    ("Kelp-4B is on par with 7B-13B LLMs.", "Kelp-4B", "7B-13B"),
])
def test_sizes_and_size_bounds_in_names(extract_abstract, abstract, model, not_model):
    found = models(extract_abstract(abstract))
    assert model in found and not_model not in found


def test_from_scratch_is_no_parent(extract_abstract):
    doc = extract_abstract("We train our models with curriculum SFT and DPO.",
                           title="Kelp-R1: Curriculum SFT, DPO and RL for Long COT from Scratch and Beyond")
    assert "Scratch" not in models(doc)
    assert not any("Scratch" in pair for k in ("finetuned", "aligned", "based_on") for pair in facts(doc, k))


@pytest.mark.parametrize("abstract, not_model", [
    ("We show that KelpBERT improves state of the art results in Dutch-specific language tasks, and also "
     "outperforms other existing Dutch BERT-based models in sentiment analysis.", "Dutch-specific"),
    ("Unlike proprietary models, KelpGPT takes a data-centric approach, providing researchers with resources to "
     "develop their FinLLMs.", "FinLLMs"),
    ("Most Code-LLMs are trained on permissive code.", "Code-LLMs"),
])
def test_a_language_s_adjective_and_a_class_in_the_plural_are_no_models(extract_abstract, abstract, not_model):
    assert not_model not in models(extract_abstract(abstract))


def test_a_model_named_for_its_language_is_still_a_model(extract_abstract):
    assert "KelpLLM-7B" in models(extract_abstract("We release KelpLLM-7B, a Dutch-specific language model."))


@pytest.mark.parametrize("abstract, member", [
    ("Inspired by these insights, we propose KelpRL, a curriculum reinforcement learning framework with a progressive "
     "context extension strategy. Experimental results demonstrate that KelpRL-1.5B-Preview surpasses Vireo-1.5B.",
     "KelpRL-1.5B-Preview"),
    ("We present KelpAgent, a general framework for tool use. KelpAgent-7B and KelpAgent-13B beat every open agent.",
     "KelpAgent-7B"),
])
def test_sized_members_of_a_framework_the_authors_introduce_are_introduced(extract_abstract, abstract, member):
    assert ("paper", member) in facts(extract_abstract(abstract), "introduces")


def test_sized_members_of_someone_else_s_framework_are_not_introduced(extract_abstract):
    doc = extract_abstract("Prior work built OrvikRL, a reinforcement learning framework. We compare with "
                           "OrvikRL-7B on five benchmarks.")
    assert ("paper", "OrvikRL-7B") not in facts(doc, "introduces")


@pytest.mark.parametrize("abstract, names", [
    ("We release the Kelp-Nemotron reasoning models -- KN-Nano, KN-Super, and KN-Ultra -- under a permissive "
     "license.", {"KN-Nano", "KN-Super", "KN-Ultra"}),
    ("We train two chat models \u2014 Vireo-S and Vireo-L \u2014 on public data.", {"Vireo-S", "Vireo-L"}),
])
def test_models_listed_between_dashes_after_a_model_word(extract_abstract, abstract, names):
    doc = extract_abstract(abstract)
    assert names <= models(doc)


@pytest.mark.parametrize("abstract, name", [
    ("We introduce KELPO, a simple speculative sampling framework. For Vireo-Chat 70B, KELPO achieved a latency "
     "speedup of 3x.", "KELPO"),
    ("Unlike Orvik-7B, KELPO needs no draft model.", "KELPO"),
])
def test_a_name_after_an_opening_phrase_s_model_is_not_listed_with_it(extract_abstract, abstract, name):
    assert name not in models(extract_abstract(abstract))


def test_two_models_a_naming_cue_lists_with_a_comma_stay_listed(extract_abstract):
    doc = extract_abstract("We also train two larger models on 4.8T tokens, called kelp-3-small, kelp-3-medium, both "
                           "more capable than kelp-3-mini.")
    assert {"kelp-3-small", "kelp-3-medium"} <= {name for _, name in facts(doc, "introduces")}


@pytest.mark.parametrize("abstract, method, model", [
    ("We propose KRIME (Kelp Reinforcement through IMplicit rEwards), which enables online reward updates. Starting "
     "from Vireo-Math-7B-Base, KRIME achieves a 15% average improvement. Notably, our resulting model, "
     "Orvik-2-7B-KRIME, surpasses Vireo-Math-7B-Instruct.", "KRIME", "Orvik-2-7B-KRIME"),
    ("We introduce KLRPO, a reference-free preference optimization algorithm. Fine-tuning Vireo-7B with KLRPO alone "
     "yields Vireo-KLRPO, which beats larger chat models.", "KLRPO", "Vireo-KLRPO"),
])
def test_a_method_that_ends_a_model_s_name_is_no_model(extract_abstract, abstract, method, model):
    found = models(extract_abstract(abstract))
    assert model in found and method not in found


def test_a_family_that_ends_a_model_s_name_stays_a_model(extract_abstract):
    doc = extract_abstract("We build Video-LLaMA on top of LLaMA, a family of open foundation models.")
    assert {"Video-LLaMA", "LLaMA"} <= models(doc)


@pytest.mark.parametrize("abstract, name", [
    ("In this paper, we introduce the Polyglot Korean models, which represent a specific focus.", "Polyglot Korean"),
    ("We release the Kelp Legal models for courts in nine countries.", "Kelp Legal"),
])
def test_capitalised_words_the_authors_give_their_models_are_a_name(extract_abstract, abstract, name):
    assert ("paper", name) in facts(extract_abstract(abstract), "introduces")


@pytest.mark.parametrize("abstract, not_model", [
    ("We introduce the Large Language models of today.", "Large Language"),
    ("We present the Vision Transformer models trained on web images.", "Vision Transformer"),
    ("We evaluate the Polyglot Korean models on five tasks.", "Polyglot Korean"),
])
def test_a_class_of_models_or_models_only_evaluated_are_no_new_name(extract_abstract, abstract, not_model):
    assert ("paper", not_model) not in facts(extract_abstract(abstract), "introduces")


@pytest.mark.parametrize("abstract, names", [
    ("The first one has been extensively studied in the biomedical domain, such as BioBERT and PubMedBERT.",
     {"BioBERT", "PubMedBERT"}),
    ("Domain adaptations, e.g., LawLlama and FinLlama, were tried before.", {"LawLlama", "FinLlama"}),
])
def test_examples_named_on_known_families_are_models(extract_abstract, abstract, names):
    assert names <= models(extract_abstract(abstract))


def test_examples_on_no_family_stay_unknown(extract_abstract):
    assert not {"LoRA", "QLoRA"} & models(extract_abstract("Techniques such as LoRA and QLoRA help."))


@pytest.mark.parametrize("abstract, pair", [
    ("We introduce KelpMusic, a temporally-conditioned text-to-music model that builds upon the pretrained "
     "VireoGen framework.", ("KelpMusic", "VireoGen")),
])
def test_a_pretrained_framework_built_upon_is_a_parent(extract_abstract, abstract, pair):
    doc = extract_abstract(abstract)
    assert pair in facts(doc, "based_on") | facts(doc, "finetuned")


def test_a_framework_built_upon_that_is_not_pretrained_is_no_parent(extract_abstract):
    doc = extract_abstract("We introduce KelpMusic, a text-to-music model that builds upon the VireoGen framework.")
    assert ("KelpMusic", "VireoGen") not in facts(doc, "based_on") | facts(doc, "finetuned")


def test_the_previous_version_named_with_its_version_is_compared_with(extract_abstract):
    assert "OWSM v3" in models(extract_abstract("It outperforms the previous OWSM v3 in most benchmarks."))


@pytest.mark.parametrize("abstract, pair", [
    ("Our Kelp-32B model, trained from Vireo-32B-Instruct, outperforms Orvik-32B in math reasoning.",
     ("Kelp-32B", "Vireo-32B-Instruct")),
    ("Kelp-8B is trained from Vireo-8B on 2T tokens of code.", ("Kelp-8B", "Vireo-8B")),
])
def test_a_model_trained_from_another_is_made_from_it(extract_abstract, abstract, pair):
    doc = extract_abstract(abstract)
    assert any(pair in facts(doc, k) for k in ("based_on", "finetuned", "continued_pretraining"))


def test_a_model_trained_from_scratch_has_no_parent(extract_abstract):
    doc = extract_abstract("Our Kelp-32B model is trained from scratch and outperforms Orvik-32B.")
    assert not any(facts(doc, k) for k in ("based_on", "finetuned", "continued_pretraining"))


def test_names_that_run_the_title_s_word_on_are_its_family_s_models(extract_abstract):
    doc = extract_abstract(
        "In this work, we introduce a family of models that translate speech in a streaming fashion. First, we "
        "contribute an improved version of the multilingual KelpoM4T model, KelpoM4T v2. KelpoExpressive preserves "
        "vocal styles. As for KelpoStreaming, it translates with low latency. We also release KelpoBench.",
        title="Kelpo: Multilingual Expressive and Streaming Speech Translation")
    found = models(doc)
    assert {"KelpoExpressive", "KelpoStreaming"} <= found
    assert "KelpoBench" not in found


def test_names_on_the_title_s_word_in_an_abstract_without_models_are_not_models(extract_abstract):
    doc = extract_abstract("We study how people read. KelpoReading is our protocol for eye tracking.",
                           title="Kelpo: Reading in the Wild")
    assert "KelpoReading" not in models(doc)
