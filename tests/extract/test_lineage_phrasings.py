"""Lineage as other labs state it: a child made by a verb phrase, several children of one parent,
a merge told in the passive, a model named only in an earlier sentence. Invented names throughout."""

import pytest


def edges(doc, kinds=None):
    """(child, parent) pairs of every derivation (or of the given kinds)."""
    return {(f.subject.name, f.object.name) for f in doc.facts
            if f.subject.kind == "model" and f.object.kind == "model" and f.predicate != "introduces"
            and (kinds is None or f.predicate in kinds)}


def introduced(doc):
    return {f.object.name for f in doc.facts if f.predicate == "introduces"}


@pytest.mark.parametrize("abstract, kinds, pair", [
    ("Orvik 2 is a 13B model obtained by fine-tuning Falcon 2 13B on tailored, high-quality synthetic data.",
     {"finetuned"}, ("Orvik 2", "Falcon 2 13B")),
    ("We apply distilled supervised fine-tuning (dSFT) and distilled preference optimization (dDPO) to "
     "Falcon-7B, resulting in Zorin-7B, which sets a new state of the art for chat models at this scale.",
     None, ("Zorin-7B", "Falcon-7B")),
    ("Starlit-7B is fine-tuned from Openchat-3.5 using our new ranking dataset and a policy tuning pipeline.",
     {"finetuned"}, ("Starlit-7B", "Openchat-3.5")),
    ("We introduce Vicara-13B, an open-source chatbot trained by fine-tuning Falcon on user-shared "
     "conversations.", {"finetuned"}, ("Vicara-13B", "Falcon")),
    ("We present Medira, a suite of open-source LLMs with 7B and 70B parameters adapted to the medical domain. "
     "Medira builds on Falcon-40B and extends pretraining on a curated medical corpus.",
     None, ("Medira", "Falcon-40B")),
    ("Falcon-34B-Chat was merged with Falcon-34B-Code using spherical linear interpolation to produce Fusor-34B.",
     {"merged"}, ("Fusor-34B", "Falcon-34B-Code")),
])
def test_a_derivation_phrasing(extract_abstract, abstract, kinds, pair):
    assert pair in edges(extract_abstract(abstract), kinds)


@pytest.mark.parametrize("abstract, children, parent", [
    ("We present Sharn-1.3B and Sharn-2.7B, obtained by pruning the Falcon-7B model down to 1.3B and 2.7B "
     "parameters.", {"Sharn-1.3B", "Sharn-2.7B"}, "Falcon-7B"),
    ("Then we fine-tune the Falcon-2 models on our questions, yielding Metis-7B and Metis-70B.",
     {"Metis-7B", "Metis-70B"}, "Falcon-2"),
])
def test_every_child_of_a_list_gets_the_parent(extract_abstract, abstract, children, parent):
    got = {c for c, p in edges(extract_abstract(abstract)) if p == parent}
    assert children <= got


def test_a_model_made_in_the_sentence_is_introduced(extract_abstract):
    doc = extract_abstract("Orvik 2 is a 13B model obtained by fine-tuning Falcon 2 13B on synthetic data.")
    assert "Orvik 2" in introduced(doc) and "Falcon 2 13B" not in introduced(doc)


def test_specific_kinds_leave_no_generic_based_on(extract_abstract):
    doc = extract_abstract("We release Kelp-7B. Kelp-7B-Instruct is derived from Kelp-7B through supervised "
                           "fine-tuning and DPO on a public mix.")
    assert ("Kelp-7B-Instruct", "Kelp-7B") in edges(doc, {"finetuned", "aligned"})
    assert ("Kelp-7B-Instruct", "Kelp-7B") not in edges(doc, {"based_on"})


def test_a_name_seen_again_inside_a_longer_name_is_not_a_second_model(extract_abstract):
    doc = extract_abstract("We introduce Kelp 8x7B, a sparse mixture of experts language model. We also provide "
                           "a model fine-tuned to follow instructions, Kelp 8x7B - Instruct, that surpasses others.")
    quotes = [f.quote for f in doc.facts if f.predicate == "introduces" and f.object.name == "Kelp 8x7B"]
    assert len(quotes) == 1 and quotes[0].startswith("We introduce")


def test_a_sentence_opening_with_a_mechanism_is_not_a_model(extract_abstract):
    doc = extract_abstract("Attention is a mechanism for sequence models. We present Kelp-7B, built on it.")
    assert "Attention" not in {m.name for m in doc.entities}


def test_the_sizes_of_a_family_the_paper_introduces_are_its_models(extract_abstract):
    doc = extract_abstract("We introduce Kelp, a family of lightweight open models. Kelp 7B and Kelp 2B show "
                           "strong performance across academic benchmarks.")
    assert {"Kelp", "Kelp 7B", "Kelp 2B"} <= introduced(doc)


@pytest.mark.parametrize("abstract, models", [
    ("We release Kelp 2, a family of fully open 7B and 13B language models.", {"Kelp 2 7B", "Kelp 2 13B"}),
    ("We present Kelpo, a family of 2 billion and 7 billion parameter open models trained on 6T tokens.",
     {"Kelpo 2B", "Kelpo 7B"}),
])
def test_the_sizes_a_family_is_made_in_after_an_adjective_or_in_words(extract_abstract, abstract, models):
    doc = extract_abstract(abstract)
    assert models <= introduced(doc)
    assert not any(f.object.kind != "model" for f in doc.facts if f.predicate == "introduces")


def test_a_gerund_opening_a_sentence_is_not_a_name(extract_abstract):
    doc = extract_abstract("Deriving 8B models from a larger one is cheap.")
    assert not {m.name for m in doc.entities if m.name.startswith("Deriving")}


@pytest.mark.parametrize("abstract, kind, pair", [
    ("We continually pre-train Falcon-40B on 500B tokens of code to get Falcon-Coder-40B.",
     "continued_pretraining", ("Falcon-Coder-40B", "Falcon-40B")),
    ("We present Heron-VL, which uses Falcon-7B as its language backbone.", "based_on", ("Heron-VL", "Falcon-7B")),
    ("Heron-Math adopts Falcon-7B as the base model and is trained with reinforcement learning.",
     "based_on", ("Heron-Math", "Falcon-7B")),
    ("We build Osprey-8B upon Falcon-7B by adding a vision encoder.", "based_on", ("Osprey-8B", "Falcon-7B")),
    ("We release Tern-7B-DPO, trained with direct preference optimization on top of Tern-7B-SFT.",
     "aligned", ("Tern-7B-DPO", "Tern-7B-SFT")),
    ("We propose Egret-MoE, a mixture-of-experts model upcycled from the dense Egret-7B checkpoint.",
     "upcycled", ("Egret-MoE", "Egret-7B")),
    ("Gull-70B-Long extends the context window of Gull-70B from 4K to 128K tokens.",
     "context_extended", ("Gull-70B-Long", "Gull-70B")),
    ("We train Skua-8B with Falcon-180B as the teacher model.", "distilled", ("Skua-8B", "Falcon-180B")),
    ("We merge Tern-Math-7B and Falcon-7B-Instruct into a single model, Tern-Mix-7B, using task arithmetic.",
     "merged", ("Tern-Mix-7B", "Falcon-7B-Instruct")),
    ("We introduce Heron-2-8x7B-DPO, which is the DPO-aligned version of Heron-2-8x7B-SFT.",
     "aligned", ("Heron-2-8x7B-DPO", "Heron-2-8x7B-SFT")),
    ("We release Falcon2-11B-vis, which extends Falcon2-11B with vision capabilities through a vision encoder.",
     "based_on", ("Falcon2-11B-vis", "Falcon2-11B")),
    ("We present Tern 3, a family of post-trained models. Tern 3 models are built on Falcon 3.1 base versions.",
     "based_on", ("Tern 3", "Falcon 3.1")),
    ("Skylark-LM-7B-alpha is trained from Openchat-3.5 using RLAIF with our new ranking dataset, Nectarine.",
     "aligned", ("Skylark-LM-7B-alpha", "Openchat-3.5")),
    # a possessive is not part of the name
    ("Our model, Falcon-3-8B-Instruct-262k, extends Falcon-3-8B-Instruct's context length from 8K to 262K.",
     "context_extended", ("Falcon-3-8B-Instruct-262k", "Falcon-3-8B-Instruct")),
    ("We introduce Wren2, a 1.7B parameter language model. We then develop Wren2-Instruct by applying supervised "
     "fine-tuning and direct preference optimization to Wren2.", "finetuned", ("Wren2-Instruct", "Wren2")),
    ("We present Skua-R1-Zero, trained with reinforcement learning. We further distill the reasoning capability "
     "of Skua-R1 into small dense models such as Skua-R1-Distill-7B.", "distilled", ("Skua-R1-Distill-7B", "Skua-R1")),
    ("We present Flan-Kelp, obtained by instruction finetuning Falcon on a collection of 1.8K tasks.",
     "finetuned", ("Flan-Kelp", "Falcon")),
    ("We present Koel, a chatbot trained by fine-tuning Acme's Falcon on dialogue data gathered from the web.",
     "finetuned", ("Koel", "Falcon")),
    ("We introduce Kelp-3.5-MoE, a mixture-of-experts model with 16 experts, upcycled from Kelp-3.5-mini.",
     "upcycled", ("Kelp-3.5-MoE", "Kelp-3.5-mini")),
    ("We present Falcon Guard, an LLM-based safeguard model. Falcon Guard is a Falcon2-7b model that is "
     "instruction-tuned on our collected dataset.", "finetuned", ("Falcon Guard", "Falcon2-7b")),
    ("We warm-start Kelpie-13B from the Falcon-13B checkpoint and continue training on code.",
     "continued_pretraining", ("Kelpie-13B", "Falcon-13B")),
    ("We apply LoRA to Falcon-40B and obtain Kelpie-40B-LoRA, which matches full fine-tuning.",
     "finetuned", ("Kelpie-40B-LoRA", "Falcon-40B")),
    ("We present Kelpie-Long, a version of Kelpie-7B with a context window extended to 128K tokens.",
     "context_extended", ("Kelpie-Long", "Kelpie-7B")),
    ("We introduce Kelpie-Chat, a chat model for dialogue. Kelpie-Chat is the result of supervised fine-tuning "
     "and RLHF on Kelpie-Base.", "aligned", ("Kelpie-Chat", "Kelpie-Base")),
    ("We present Kelpie-R, a reasoning model. Our Kelpie-R model is Falcon-7B further trained with "
     "reinforcement learning from verifiable rewards.", "based_on", ("Kelpie-R", "Falcon-7B")),
    ("We introduce Kelpie-VL, a vision-language model. Kelpie-VL couples a SigLIP vision encoder with the "
     "Kelpie-7B language model.", "based_on", ("Kelpie-VL", "Kelpie-7B")),
    ("We present Wrenlet, a compact 1.1B language model. Building on the weights of Falcon 2, Wrenlet "
     "leverages advances from the open-source community.", "based_on", ("Wrenlet", "Falcon 2")),
    ("Based on Falcon-7B, Murre-7B is trained on 2T tokens of code.", "continued_pretraining", ("Murre-7B", "Falcon-7B")),
    ("Based on Falcon-7B, Murre-7B is a code model.", "based_on", ("Murre-7B", "Falcon-7B")),
    ("Based on the KelpQA dataset and Falcon foundation models, we train Murre, the first open LLM series for "
     "triage.", "finetuned", ("Murre", "Falcon")),
    ("Building upon the KelpCode corpus and Falcon-7B, we develop Murre-Code, an assistant for code.",
     "finetuned", ("Murre-Code", "Falcon-7B")),
    ("In this work, we develop and release Kestrel 3, a collection of pretrained and fine-tuned LLMs ranging "
     "in scale from 7B to 70B parameters. Our fine-tuned LLMs, called Kestrel 3-Chat, are optimized for "
     "dialogue use cases.", "finetuned", ("Kestrel 3-Chat", "Kestrel 3")),
])
def test_more_lineage_phrasings(extract_abstract, abstract, kind, pair):
    assert pair in edges(extract_abstract(abstract), {kind})


def test_the_model_built_upon_is_not_introduced(extract_abstract):
    doc = extract_abstract("We build Osprey-8B upon Falcon-7B by adding a vision encoder.")
    assert introduced(doc) == {"Osprey-8B"}


@pytest.mark.parametrize("abstract, pair", [
    ("We present Heron 3, a neutrally-aligned generalist instruct model fine-tuned from Falcon 2 180B.",
     ("Heron 3", "Falcon 2 180B")),
    ("We present Falcon3-10B, obtained by depth up-scaling Falcon3-7B.", ("Falcon3-10B", "Falcon3-7B")),
])
def test_a_longer_appositive_and_an_upscaled_model(extract_abstract, abstract, pair):
    assert pair in edges(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, last", [
    ("We present Wren2-1.7B, a small language model trained on 11 trillion tokens, and Wren2-360M.", "Wren2-360M"),
    ("We introduce Tern 2 13B, trained on up to 5T tokens, and Tern 2 7B.", "Tern 2 7B"),
])
def test_the_last_object_after_an_appositive_is_introduced_too(extract_abstract, abstract, last):
    assert last in introduced(extract_abstract(abstract))


def test_a_model_compared_with_is_not_introduced_by_a_closing_and(extract_abstract):
    doc = extract_abstract("We present Kelp-7B, which outperforms Falcon-7B, and Falcon-40B.")
    assert introduced(doc) == {"Kelp-7B"}


@pytest.mark.parametrize("abstract, kinds, pair", [
    ("Using Falcon-7B-Instruct as the base, we train Petrel-8B with our proposed self-verification tuning.",
     {"based_on"}, ("Petrel-8B", "Falcon-7B-Instruct")),
    ("With Falcon-7B as the backbone, we fine-tune Kelp-7B on 1M dialogues.", {"finetuned"}, ("Kelp-7B", "Falcon-7B")),
])
def test_the_base_named_first(extract_abstract, abstract, kinds, pair):
    assert pair in edges(extract_abstract(abstract), kinds)


@pytest.mark.parametrize("abstract, kind, pair", [
    ("We also release Kelp-7B-Chat, the chat version of Kelp-7B.", "finetuned", ("Kelp-7B-Chat", "Kelp-7B")),
    ("Kelp-R1-7B distills the reasoning ability of Falcon-R1-70B into a 7B model.",
     "distilled", ("Kelp-R1-7B", "Falcon-R1-70B")),
    ("Kelp-13B is a LoRA fine-tune of Falcon-13B on medical dialogues.", "finetuned", ("Kelp-13B", "Falcon-13B")),
    ("Kelp-2B inherits its weights from Falcon-7B through structured pruning.", "pruned", ("Kelp-2B", "Falcon-7B")),
    ("Kelp-34B was trained by continuing the pre-training of Falcon-34B on 200B tokens.",
     "continued_pretraining", ("Kelp-34B", "Falcon-34B")),
    ("Our Kelp-8B-Long model is Falcon-8B with its context extended to 1M tokens.",
     "context_extended", ("Kelp-8B-Long", "Falcon-8B")),
])
def test_a_version_a_fine_tune_an_inheritance(extract_abstract, abstract, kind, pair):
    assert pair in edges(extract_abstract(abstract), {kind})


@pytest.mark.parametrize("abstract, models", [
    ("We release Kelp in two sizes, 7B and 13B, both trained on 2T tokens.", {"Kelp 7B", "Kelp 13B"}),
    ("We introduce Kelp (7B, 13B and 70B), a family of open models.", {"Kelp 7B", "Kelp 13B", "Kelp 70B"}),
    ("We release Kelpa in two sizes, 2 billion and 7 billion parameters, under an open license.",
     {"Kelpa 2B", "Kelpa 7B"}),
])
def test_a_name_with_its_list_of_sizes_is_one_model_per_size(extract_abstract, abstract, models):
    doc = extract_abstract(abstract)
    assert models <= introduced(doc)
    assert not any(f.object.kind == "technique" for f in doc.facts if f.predicate == "introduces")


def test_a_plain_word_and_its_version_with_a_model_cue_is_a_model(extract_abstract):
    doc = extract_abstract("Kestrel 2 models are created by fine-tuning the corresponding Falcon 2 base models on "
                           "tailored, high-quality synthetic data.", title="Kestrel 2: Teaching Small Models to Reason")
    assert ("Kestrel 2", "Falcon 2") in edges(doc, {"finetuned"})
    assert "Kestrel 2" in introduced(doc)
    assert not any(f.object.kind == "technique" and f.object.name == "Kestrel 2" for f in doc.facts)


@pytest.mark.parametrize("abstract", [
    "Table 2 models are listed with their sizes.",
    "Stage 2 is fine-tuned from the first stage's checkpoint.",
])
def test_a_numbered_noun_is_not_a_model(extract_abstract, abstract):
    doc = extract_abstract(abstract)
    assert not {m.name for m in doc.entities if m.kind == "model"}


def test_models_introduced_by_what_they_are_called(extract_abstract):
    doc = extract_abstract("We introduce Kelp-3-Mini, a 3.8 billion parameter language model. We also provide "
                           "parameter-scaling results with a 7B and 14B models trained for 4.8T tokens, called "
                           "Kelp-3-Small and Kelp-3-Medium, both more capable than Kelp-3-Mini.")
    assert {"Kelp-3-Mini", "Kelp-3-Small", "Kelp-3-Medium"} <= introduced(doc)
    kinds = {f.object.name: f.object.kind for f in doc.facts if f.predicate == "introduces"}
    assert kinds["Kelp-3-Small"] == kinds["Kelp-3-Medium"] == "model"


def test_our_models_called_x_are_introduced(extract_abstract):
    doc = extract_abstract("In this work, we develop and release Kelp 2, a collection of pretrained and fine-tuned "
                           "large language models. Our fine-tuned LLMs, called Kelp 2-Chat, are optimized for "
                           "dialogue use cases.")
    assert {"Kelp 2", "Kelp 2-Chat"} <= introduced(doc)
    assert not any(f.object.kind != "model" for f in doc.facts if f.predicate == "introduces")


def test_a_model_utilizing_another_as_its_foundation(extract_abstract):
    doc = extract_abstract("We present BioKelp, an open-source LLM tailored for the biomedical domain, utilizing "
                           "Falcon as its foundation model and further pre-trained on PubMed Central.")
    assert ("BioKelp", "Falcon") in edges(doc, {"continued_pretraining"})


@pytest.mark.parametrize("abstract, models", [
    ("We present QuokLoRA, an efficient finetuning approach. Our best model family, which we name Petrel, "
     "outperforms all previous openly released models.", {"Petrel"}),
    ("We present Heron and Wren, RWKV-based language models improving upon the RWKV-4 architecture.",
     {"Heron", "Wren"}),
    ("This technical report introduces Kelp 23, a family of multilingual language models.", {"Kelp 23"}),
])
def test_models_named_by_the_authors_cue_a_pair_with_a_plural_appositive_and_a_technical_report(
        extract_abstract, abstract, models):
    assert models <= introduced(extract_abstract(abstract))


def test_a_sentence_opening_adverb_is_not_a_model(extract_abstract):
    doc = extract_abstract("Importantly, models trained with our approach keep their performance on short tasks.")
    assert not {m.name for m in doc.entities if m.kind == "model"}


def test_builds_on_the_release_of_a_model_and_no_edge_from_the_object_of_from(extract_abstract):
    doc = extract_abstract("Kelp 23 builds on the recent release of the Kelp 101 model and pairs it with new data.")
    assert ("Kelp 23", "Kelp 101") in edges(doc, {"based_on"})
    doc = extract_abstract("We open-source Kelp-R1-Zero, Kelp-R1, and six dense models (1.5B, 7B, 14B) distilled "
                           "from Kelp-R1 based on Falcon and Falcon-2.")
    assert not {(c, p) for c, p in edges(doc) if c == "Kelp-R1"}


@pytest.mark.parametrize("abstract, kind, pair", [
    # a version of Y, a variant called X, a merge of a pair, a conversion, "It was fine-tuned from Y"
    ("We present Sparse-Kelp-8B, a 2:4 sparse version of Falcon-8B obtained with one-shot pruning followed by "
     "knowledge distillation on 13B tokens.", "pruned", ("Sparse-Kelp-8B", "Falcon-8B")),
    ("We use pseudo-labelling to distill the Falcon-7B model into a smaller variant, called Kelp-Lite.",
     "distilled", ("Kelp-Lite", "Falcon-7B")),
    ("We merge two fine-tuned Falcon-70B models, Kelp-70B and Heron-70B, into Goliath-120B by interleaving "
     "their layers.", "merged", ("Goliath-120B", "Heron-70B")),
    ("We extend the context length of Falcon-7B from 4K to 32K tokens via position interpolation, producing "
     "Kelp-7B-32K.", "context_extended", ("Kelp-7B-32K", "Falcon-7B")),
    ("We convert the dense Falcon-7B checkpoint into a sparse mixture-of-experts model, Kelp-8x7B, by sparse "
     "upcycling.", "upcycled", ("Kelp-8x7B", "Falcon-7B")),
    ("We release Kelp-2.5-7B, a chat model for code. It was fine-tuned from Falcon-7B-v0.1 on 1M dialogues.",
     "finetuned", ("Kelp-2.5-7B", "Falcon-7B-v0.1")),
    # "we first fine-tune Y", "release it as X", "X extends Y with", "we build upon Y and train X"
    ("We release Tern-8B-Instruct. To build it, we first fine-tune Tern-8B-Base on 2M instructions and then apply "
     "direct preference optimization.", "finetuned", ("Tern-8B-Instruct", "Tern-8B-Base")),
    ("We quantize Falcon-70B-Chat to 4 bits with AWQ and release the quantized checkpoint as Kelp-70B-AWQ.",
     "quantized", ("Kelp-70B-AWQ", "Falcon-70B-Chat")),
    ("Heron-2-13B-Vision extends Heron-2-13B with a vision encoder and is trained on 50M image-text pairs.",
     "based_on", ("Heron-2-13B-Vision", "Heron-2-13B")),
    ("We build upon Falcon-40B and train Gannet-40B, which supports 32 languages.",
     "based_on", ("Gannet-40B", "Falcon-40B")),
    # hub names, appositives that build upon Y or sit on top of Y, "X is trained from Y"
    ("We fine-tune falcon-2-9b-it on our data. The resulting model, kestrel-9b-it, is released under a permissive "
     "license.", "finetuned", ("kestrel-9b-it", "falcon-2-9b-it")),
    ("We introduce Heron 2.5, an advanced multimodal large language model series that builds upon Heron 2.0, "
     "keeping its core model architecture.", "based_on", ("Heron 2.5", "Heron 2.0")),
    ("We introduce Kestrel-Embed, an embedding model fine-tuned from Falcon-7B with bidirectional attention.",
     "finetuned", ("Kestrel-Embed", "Falcon-7B")),
    ("We train Wren-Reward-27B, a reward model on top of Falcon-27B-it, using 80K curated preference pairs.",
     "based_on", ("Wren-Reward-27B", "Falcon-27B-it")),
    ("Kestrel-Math-7B is trained from Falcon-Math-7B through rejection-sampling fine-tuning on 1M problems.",
     "finetuned", ("Kestrel-Math-7B", "Falcon-Math-7B")),
    # "developed based on our previous Y", "fine-tuning of Y"
    ("We introduce Kelp-M1, a hybrid-attention reasoning model. The model is developed based on our previous "
     "Kelp-Text-01 model, which contains 456 billion parameters.", "based_on", ("Kelp-M1", "Kelp-Text-01")),
    ("Trained via supervised fine-tuning of Falcon-4 on curated prompts, Kelp-14B-Reasoning generates detailed "
     "reasoning chains.", "finetuned", ("Kelp-14B-Reasoning", "Falcon-4")),
    ("Kelp-8B-Instruct is obtained by supervised fine-tuning of Kelp-8B-Base.", "finetuned",
     ("Kelp-8B-Instruct", "Kelp-8B-Base")),
    # a coined stem and a variant word, made from another model
    ("Kelp-Chat is an RLHF-aligned variant of Kelp-Base trained on 1M human preferences.",
     "aligned", ("Kelp-Chat", "Kelp-Base")),
    ("We present Kelp-Coder, a code-specialized model continually pretrained from Falcon-7B on 500B tokens of code.",
     "continued_pretraining", ("Kelp-Coder", "Falcon-7B")),
    ("Kelp-Long is obtained by extending the context window of Falcon-7B to 128K with position interpolation.",
     "context_extended", ("Kelp-Long", "Falcon-7B")),
])
def test_a_derivation_in_other_labs_words(extract_abstract, abstract, kind, pair):
    assert pair in edges(extract_abstract(abstract), {kind})


def test_a_series_and_its_sizes_and_a_context_length_is_not_a_model(extract_abstract):
    doc = extract_abstract("We introduce the Kelp series: 7B, 40B, and 180B parameters causal decoder-only models. "
                           "We then extend them to chat models and 200K long context models.")
    assert {"Kelp 7B", "Kelp 40B", "Kelp 180B"} <= introduced(doc)
    assert "200K" not in {m.name for m in doc.entities if m.kind == "model"}


def test_building_upon_a_model_does_not_introduce_it(extract_abstract):
    doc = extract_abstract("We build upon Falcon-40B and train Gannet-40B, which supports 32 languages.")
    assert introduced(doc) == {"Gannet-40B"}


def test_children_named_by_their_sizes_in_another_sentence(extract_abstract):
    doc = extract_abstract("We propose a pruning recipe that compresses Falcon-15B to 8B and 4B parameters. The "
                           "resulting models, Petrel-8B and Petrel-4B, match models trained from scratch, and "
                           "outperform Heron-8B.")
    assert {("Petrel-8B", "Falcon-15B"), ("Petrel-4B", "Falcon-15B")} <= edges(doc, {"pruned"})
    assert not {c for c, _ in edges(doc)} & {"Heron-8B"}
    doc = extract_abstract("Deriving 8B and 4B models from an already pretrained Falcon-15B using our approach needs "
                           "40x fewer tokens. We release Petrel-8B and Petrel-4B, obtained by pruning and distillation.")
    assert ("Petrel-8B", "Falcon-15B") in edges(doc)


def test_checkpoints_of_an_introduced_family_and_version_and_a_variant_after_a_colon(extract_abstract):
    doc = extract_abstract("We introduce Falcon 5, a multimodal addition to the Falcon family of open models. Our "
                           "recipe makes Falcon5-4B-IT competitive with Falcon4-27B-IT.")
    assert {"Falcon 5", "Falcon5-4B-IT"} <= introduced(doc)
    assert "Falcon4-27B-IT" not in introduced(doc)
    doc = extract_abstract("We present Kelp-VL, an efficient vision-language model. Building upon Kelp-VL, we "
                           "introduce an advanced long-thinking variant: Kelp-VL-Thinking-2506.")
    assert "Kelp-VL-Thinking-2506" in introduced(doc)
    assert ("Kelp-VL-Thinking-2506", "Kelp-VL") in edges(doc)


def test_a_derivation_the_paper_reports_on_does_not_make_the_child_its_own(extract_abstract):
    doc = extract_abstract("Our analysis shows that Kelp-13B, which is fine-tuned from Falcon-13B, inherits the "
                           "biases of its base model.")
    assert ("Kelp-13B", "Falcon-13B") in edges(doc, {"finetuned"})
    assert introduced(doc) == set()


def test_a_variant_word_alone_does_not_make_a_method_a_model(extract_abstract):
    doc = extract_abstract("We use Self-Instruct to generate 52K instructions from 175 seed tasks.")
    assert not {m.name for m in doc.entities if m.kind == "model"}


@pytest.mark.parametrize("abstract", [
    "We study instruction tuning for dialogue. Our fine-tuned models, called Auk-A and Auk-B, outperform "
    "open baselines on most benchmarks.",
    "We introduce Puffin-7B and Puffin-13B. Our fine-tuned models, called Puffin-7B and Puffin-13B, "
    "outperform open baselines.",
    "Building on Falcon-7B and Falcon-40B, we compare pruning methods.",
    "Based on the KelpQA dataset and Falcon-7B outputs, we train Murre, an open LLM.",
    # data derived or extracted from a model or a source: no parent
    "We present Murre-V2, a language model for proofs, tuned on a proving dataset derived from Murre-V1.",
    "We develop Murre, a model for climate science, pre-trained on climate datasets derived from CMIPX6.",
    "We train Murre on a corpus extracted from Falcon-40B generations.",
    # an architecture taken over is no derivation
    "We present Wrenlet, a compact 1.1B language model. Building on the architecture and tokenizer of Falcon 2, "
    "Wrenlet leverages advances from the open-source community.",
])
def test_no_derivation_between_siblings_compared_models_or_from_an_architecture(extract_abstract, abstract):
    assert edges(extract_abstract(abstract)) == set()


@pytest.mark.parametrize("abstract, kind, pair", [
    ("We rewrite seed instructions into harder ones. Then, we mix all generated instruction data to fine-tune "
     "Falcon. We call the resulting model Wrenly.", "finetuned", ("Wrenly", "Falcon")),
    ("We introduce Gannet 10.7B, a large language model with 10.7 billion parameters. We also present "
     "Gannet 10.7B-Instruct, a variant fine-tuned for instruction-following capabilities.",
     "finetuned", ("Gannet 10.7B-Instruct", "Gannet 10.7B")),
    ("We introduce Plover-7B, a smaller language model that is aligned to user intent. We apply distilled "
     "direct preference optimization (dDPO) to Falcon-7B to learn a chat model with improved intent alignment.",
     "aligned", ("Plover-7B", "Falcon-7B")),
])
def test_the_papers_model_made_in_another_sentence(extract_abstract, abstract, kind, pair):
    doc = extract_abstract(abstract)
    assert pair in edges(doc, {kind}) and pair[0] in introduced(doc)


def test_distilled_preference_optimisation_is_no_distillation_from_the_base(extract_abstract):
    doc = extract_abstract("We introduce Plover-7B, a smaller language model that is aligned to user intent. We apply "
                           "distilled direct preference optimization (dDPO) to Falcon-7B to learn a chat model.")
    assert edges(doc, {"distilled"}) == set()


def test_a_variant_fine_tuned_from_a_named_model_is_not_also_the_papers(extract_abstract):
    doc = extract_abstract("We present Kite-7B and Kite-13B. Kite-7B, a model fine-tuned from Falcon-7B, "
                           "answers questions.")
    assert edges(doc) == {("Kite-7B", "Falcon-7B")}


def test_the_family_named_in_a_new_models_appositive_is_not_introduced(extract_abstract):
    doc = extract_abstract("We introduce Quill, a Falcon language model fine-tuned on publicly available code, "
                           "and study its code-writing capabilities.")
    assert introduced(doc) == {"Quill"}


@pytest.mark.parametrize("abstract, kind, pair", [
    # a model taken and then trained further: "takes Y and trains it further on ..."
    ("We present Kelvo, a clinical language model. Our approach takes Falcon-7B and trains it further on 20B "
     "tokens of clinical text.", "continued_pretraining", ("Kelvo", "Falcon-7B")),
    ("We present Pelora, a legal model. We take Wren-3B and train it further on 9B tokens of case law.",
     "continued_pretraining", ("Pelora", "Wren-3B")),
    ("We present Tidra, a protein language model. Tidra takes a pretrained Gannet-650M model and fine-tunes it "
     "on 10k structures.", "finetuned", ("Tidra", "Gannet-650M")),
    ("We present Skimmer, a protein structure model. Skimmer reuses the trunk of a pretrained Gannet-650M model and "
     "fine-tunes it on 10k structures.", "finetuned", ("Skimmer", "Gannet-650M")),
    ("We present Osprik, a code model. We start with Wren-3B and then instruction-tune it on 80k programs.",
     "finetuned", ("Osprik", "Wren-3B")),
    # "the aligned model, X": what the authors' step made, named
    ("We align Falcon-7B with human preferences using DPO on 60k comparisons; the aligned model, Falcon-7B-Pref, "
     "is preferred by annotators.", "aligned", ("Falcon-7B-Pref", "Falcon-7B")),
    ("We distill Gull-70B into a 7B student on 2B tokens; the distilled model, Gullet-7B, keeps 95% of its "
     "accuracy.", "distilled", ("Gullet-7B", "Gull-70B")),
    ("We prune half of the layers of Wren-8B and retrain on 10B tokens; the pruned model, Wren-4B-P, runs twice "
     "as fast.", "pruned", ("Wren-4B-P", "Wren-8B")),
])
def test_a_model_taken_then_trained_or_named_after_the_step(extract_abstract, abstract, kind, pair):
    doc = extract_abstract(abstract)
    assert pair in edges(doc, {kind}) and pair[0] in introduced(doc)


@pytest.mark.parametrize("abstract", [
    # the model trained further is the one compared with, not taken
    "We present Kelvo, a clinical model trained from scratch. We compare it with Falcon-7B, which others trained "
    "further on 20B tokens of clinical text.",
    # someone else's aligned model, named in a comparison
    "Our model outperforms the aligned model, Falcon-7B-Pref, on every benchmark.",
    # "and train them" after a list of baselines evaluated, no model of the paper's named
    "We evaluate Falcon-7B and Wren-3B on our benchmark.",
])
def test_no_derivation_from_a_model_only_compared_or_evaluated(extract_abstract, abstract):
    assert edges(extract_abstract(abstract)) == set()


@pytest.mark.parametrize("abstract, child, parent", [
    ("To study this, we present SkiffGPT-4, which aligns a frozen visual encoder with a frozen advanced LLM, "
     "Falcon-7B, using one projection layer.", "SkiffGPT-4", "Falcon-7B"),
    ("We introduce HarborLLaMA-2, which aligns an image encoder with the language model Wren-3B through a "
     "Q-former.", "HarborLLaMA-2", "Wren-3B"),
    ("We present SkiffGPT-v2, which connects a vision encoder to a frozen LLM, Gannet-13B, with a linear layer.",
     "SkiffGPT-v2", "Gannet-13B"),
])
def test_a_model_put_together_with_a_part_named_after_its_noun(extract_abstract, abstract, child, parent):
    doc = extract_abstract(abstract)
    assert (child, parent) in edges(doc, {"based_on"}) and child in introduced(doc)


@pytest.mark.parametrize("abstract", [
    # aligning representations is no composition
    "We present SkiffGPT-4. Our loss aligns the image encoder with the text encoder of CLIP-L.",
    # a comparison with systems that align parts
    "SkiffGPT-4 outperforms systems that align a visual encoder with an LLM, Falcon-7B.",
])
def test_aligning_parts_names_no_parent_unless_the_model_is_put_together(extract_abstract, abstract):
    assert edges(extract_abstract(abstract), {"based_on"}) == set()


@pytest.mark.parametrize("abstract, name", [
    ("We present SkiffGPT-4, which writes stories about images.", "SkiffGPT-4"),
    ("We present HarborLLaMA-2, which answers questions about videos.", "HarborLLaMA-2"),
])
def test_a_word_run_into_a_known_family_and_its_version_is_a_model(extract_abstract, abstract, name):
    assert name in introduced(extract_abstract(abstract))


def test_a_coined_name_with_a_version_and_no_family_is_not_thereby_a_model(extract_abstract):
    doc = extract_abstract("We present KelpSched-2, which schedules learning rates.")
    assert not [f for f in doc.facts if f.predicate == "introduces" and f.object.kind == "model"]


@pytest.mark.parametrize("abstract, child, parent", [
    ("Using KelpInstruct, we fine-tune a set of open-source LLMs named as KelpChem, among which, we find that "
     "Falcon serves as the best base model for chemistry tasks.", "KelpChem", "Falcon"),
    ("We release Tidal-Coder, a code model fine-tuned on 2M programs, in which Wren-3B acts as the base model.",
     "Tidal-Coder", "Wren-3B"),
    ("We release Tidal-Coder, a code model. We fine-tune it on 2M programs, and Wren-3B serves as the base model.",
     "Tidal-Coder", "Wren-3B"),
])
def test_a_model_that_serves_as_the_base_is_the_parent(extract_abstract, abstract, child, parent):
    assert (child, parent) in edges(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, child, parent", [
    ("We introduce the Kelp-2 series, a major advance over its predecessor, the Kelp-1 series, built upon the "
     "Falcon foundation models.", "Kelp-2", "Falcon"),
    ("In this work, we introduce the Falcon3 Embedding series, a significant advancement over its predecessor, "
     "the Kelp-Embed series, built upon the Falcon3 foundation models.", "Falcon3 Embedding", "Falcon3"),
])
def test_a_predecessor_named_beside_the_parent_leaves_the_new_models_parent(extract_abstract, abstract, child,
                                                                              parent):
    assert edges(extract_abstract(abstract)) == {(child, parent)}


@pytest.mark.parametrize("abstract, model", [
    ("We present Kelp-2. Its predecessor, Kelp-1, was fine-tuned from Falcon-7B.", "Kelp-1"),
    ("We present Kelp-2. Kelp-2 improves over its predecessor Kelp-1, which was built upon Falcon-7B.", "Kelp-1"),
])
def test_a_predecessors_own_lineage_does_not_make_it_the_papers_model(extract_abstract, abstract, model):
    assert model not in introduced(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    ("We introduce the Falcon3 Embedding series for text embedding and retrieval.", "Falcon3 Embedding"),
    ("We release Falcon3 Reranker, a cross-encoder for passage ranking.", "Falcon3 Reranker"),
])
def test_an_embedding_or_reranker_variant_keeps_its_word(extract_abstract, abstract, name):
    assert name in introduced(extract_abstract(abstract))


def test_a_scale_adjective_is_no_model(extract_abstract):
    doc = extract_abstract("Large policies pretrained on Internet-scale vision-language data can be fine-tuned. "
                           "We introduce OpenKelp, a 7B-parameter VLA. OpenKelp builds on a Falcon 2 language model.")
    assert edges(doc) == {("OpenKelp", "Falcon 2")}
    assert not [f for f in doc.facts if f.object.name.startswith("Internet")]


def test_the_tail_of_another_models_long_form_is_not_a_model(extract_abstract):
    doc = extract_abstract(
        "Speech methods like Sparse-unit BERT (SuBERT) need large memory. This paper introduces DistilSuBERT, a "
        "framework to distill hidden representations from a SuBERT model directly.",
        title="DistilSuBERT: Layer-wise Distillation of Sparse-unit BERT")
    assert not [pair for pair in edges(doc) if pair[1] == "BERT"]
    assert "BERT" not in {m.name for m in doc.entities if m.kind == "model"}
    assert not [a for a in doc.aliases if a.name == "BERT" or a.alias == "BERT"]


@pytest.mark.parametrize("abstract, absent", [
    ("Policies pretrained on Internet-scale data can be fine-tuned. We introduce OpenKelp, a 7B VLA.", "Internet"),
    ("Our model reaches Human-level accuracy after fine-tuning Falcon-7B.", "Human"),
])
def test_a_measure_adjective_names_no_model(extract_abstract, abstract, absent):
    doc = extract_abstract(abstract)
    assert absent not in {m.name for m in doc.entities if m.kind == "model"}


def test_a_measure_after_a_versioned_name_keeps_the_model(extract_abstract):
    doc = extract_abstract("We fine-tune Wren-2B on 40k dialogues, yielding KelpChat with Falcon-40B-level fluency.")
    assert "Falcon-40B" in {m.name for m in doc.entities if m.kind == "model"}


def kinds_of(doc):
    return {(f.subject.name, f.predicate, f.object.name) for f in doc.facts
            if f.subject.kind == "model" and f.object.kind == "model" and f.predicate != "introduces"}


@pytest.mark.parametrize("abstract, expected", [
    ("We propose KelpASR, a speech recognition model. Our approach involves two key strategies: lightweight modular fine-tuning of Wren-small "
     "using language-specific experts, and knowledge distillation from Wren-large.",
     {("KelpASR", "finetuned", "Wren-small"), ("KelpASR", "distilled", "Wren-large")}),
    ("We present Tern-1B, obtained by pruning Gull-7B and distilling from Gull-70B.",
     {("Tern-1B", "pruned", "Gull-7B"), ("Tern-1B", "distilled", "Gull-70B")}),
])
def test_each_parent_has_the_kind_of_its_own_step(extract_abstract, abstract, expected):
    assert kinds_of(extract_abstract(abstract)) == expected


def test_one_parent_with_two_steps_keeps_both(extract_abstract):
    doc = extract_abstract("We present Tern-4B, obtained by pruning Gull-8B and then retraining it with distillation.")
    assert {("Tern-4B", "pruned", "Gull-8B"), ("Tern-4B", "distilled", "Gull-8B")} <= kinds_of(doc)


@pytest.mark.parametrize("abstract, name", [
    ("We introduce the LLM developed through this strategy as Advanced Kelp-based trAnslator (AKTA).", "AKTA"),
    ("We present the model obtained with this recipe as Sparse Expert Language Model (SELM).", "SELM"),
    ("We refer to the model after continued pretraining as KelpCPT.", "KelpCPT"),
])
def test_the_model_the_authors_name_as(extract_abstract, abstract, name):
    doc = extract_abstract(abstract)
    models = {f.object.name for f in doc.facts if f.predicate == "introduces" and f.object.kind == "model"}
    assert models == {name}  # the acronym, not the first word of its long form


@pytest.mark.parametrize("abstract, name", [
    ("We also introduce a new detection method KelpScore based on a simple hypothesis: unseen text has outliers.",
     "KelpScore"),
    ("We present Kelp-Prob, built on the idea that seen text has fewer outlier words.", "Kelp-Prob"),
])
def test_based_on_an_idea_makes_no_model(extract_abstract, abstract, name):
    doc = extract_abstract(abstract)
    assert name not in {m.name for m in doc.entities if m.kind == "model"}


def test_built_on_a_model_still_makes_one(extract_abstract):
    doc = extract_abstract("We present Kelp-Med, built on Falcon-7B and tuned on clinical notes.")
    assert ("Kelp-Med", "Falcon-7B") in edges(doc)


@pytest.mark.parametrize("title, abstract, expected", [
    ("Kelpa: A Family of Fine-tuned Open Healthcare LLMs",
     "We introduce the Kelpa family. Kelpa models are trained on the current best base models (Falcon-7B, Wren-8B).",
     {("Kelpa", "finetuned", "Falcon-7B"), ("Kelpa", "finetuned", "Wren-8B")}),
    ("Tidling: Distilled Small Models for Code",
     "We present Tidling, a family of code models. Tidling builds on Falcon-7B.",
     {("Tidling", "distilled", "Falcon-7B")}),
])
def test_the_title_says_how_a_model_built_on_another_was_made(extract_abstract, title, abstract, expected):
    assert kinds_of(extract_abstract(abstract, title=title)) == expected


def test_a_title_without_a_step_leaves_based_on(extract_abstract):
    doc = extract_abstract("We introduce the Kelpa family. Kelpa models are built on Falcon-7B.",
                           title="Kelpa: A Family of Open Healthcare LLMs")
    assert kinds_of(doc) == {("Kelpa", "based_on", "Falcon-7B")}


@pytest.mark.parametrize("abstract, name", [
    ("We present MobileKelp, a compact segmentation model distilled from Kelp-H. Our MobileKelp is 7 times smaller "
     "and 4 times faster than the concurrent FastFalcon.", "FastFalcon"),
    ("We present Tidling-7B, a code model. Tidling-7B outperforms the recent DoctorFalcon on all tasks.", "DoctorFalcon"),
])
def test_a_coined_name_compared_after_an_adjective_is_a_model(extract_abstract, abstract, name):
    assert name in {m.name for m in extract_abstract(abstract).entities if m.kind == "model"}


def test_a_plain_word_compared_is_no_model(extract_abstract):
    doc = extract_abstract("We present Tidling-7B. It is faster than the original Baseline and the recent Method.")
    assert {m.name for m in doc.entities if m.kind == "model"} <= {"Tidling-7B"}


@pytest.mark.parametrize("title, abstract, name", [
    ("Grounding KELM: Marrying KELM with Grounded Pre-Training for Open-Set Object Detection",
     "In this paper, we present an open-set object detector, called Grounding KELM, by marrying Transformer-based "
     "detector KELM with grounded pre-training. Grounding KELM performs remarkably well.", "Grounding KELM"),
    (None, "We present a speech model, named Listening KELM, which transcribes and answers questions.",
     "Listening KELM"),
])
def test_a_name_a_cue_gives_is_taken_whole_with_its_first_word(extract_abstract, title, abstract, name):
    doc = extract_abstract(abstract, title=title)
    models = {f.object.name for f in doc.facts if f.predicate == "introduces" and f.object.kind == "model"}
    assert name in models and "KELM" not in models


@pytest.mark.parametrize("abstract, expected", [
    ("Teal-MoE-8x2B is initialized from Teal-2B by replicating its MLP layers into eight experts.",
     {("Teal-MoE-8x2B", "upcycled", "Teal-2B")}),
    ("We present Gar-MoE, an upcycled model initialized from Gar-1B by copying its MLP layers into 16 experts.",
     {("Gar-MoE", "upcycled", "Gar-1B")}),
    ("We develop Pike-Legal by adapting Pike-7B to the legal domain with 30B tokens of case law.",
     {("Pike-Legal", "continued_pretraining", "Pike-7B")}),
])
def test_upcycling_and_domain_adaptation_on_tokens_said_in_other_words(extract_abstract, abstract, expected):
    assert expected <= kinds_of(extract_abstract(abstract))


def test_adapting_with_instructions_is_no_continued_pretraining(extract_abstract):
    doc = extract_abstract("We develop Pike-Legal by adapting Pike-7B to the legal domain with 40k instructions.")
    assert not [k for k in kinds_of(doc) if k[1] == "continued_pretraining"]


# --- "a <participle> version of Y - X": the name after the parent's dash, colon or comma is the child ------------

@pytest.mark.parametrize("abstract, kind, pair", [
    ("We present Kelpinsky 3.0, a text-to-image model. We also describe extensions and applications of our model, "
     "including super resolution, inpainting, and a distilled version of Kelpinsky 3.0 - Kelpinsky 3.1, which "
     "runs in 4 steps.", "distilled", ("Kelpinsky 3.1", "Kelpinsky 3.0")),
    ("Finally, we release a quantized variant of Fernix-7B: Fernix-7B-Q4, which fits on a laptop.",
     "quantized", ("Fernix-7B-Q4", "Fernix-7B")),
    ("We also train an instruction-tuned version of MossLM-2 \u2014 MossLM-2-Chat \u2014 on dialogues.",
     "finetuned", ("MossLM-2-Chat", "MossLM-2")),
])
def test_the_name_after_a_version_of_its_parent(extract_abstract, abstract, kind, pair):
    assert pair in edges(extract_abstract(abstract), {kind})


@pytest.mark.parametrize("abstract, pair", [
    ("We compare against a distilled version of KelpBERT, FernBERT, and MossBERT.", ("FernBERT", "KelpBERT")),
    ("We evaluate a pruned variant of Kelp-7B, Fern-7B and Moss-7B on reasoning.", ("Fern-7B", "Kelp-7B")),
])
def test_a_list_after_a_version_of_a_model_is_no_child(extract_abstract, abstract, pair):
    assert pair not in edges(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, child, parent, kind", [
    ("This paper introduces KelpR, a suite for training reasoning models. Our KelpR-32B model, trained from "
     "Fern2.5-32B-Instruct, outperforms Moss-R1-Distill-Fern-32B in math.", "KelpR-32B", "Fern2.5-32B-Instruct",
     "distilled"),
    ("We introduce Vireo-8B. Vireo-8B is built on Fern-3-8B and beats Kelp-8B-Pruned-Quantized on coding.",
     "Vireo-8B", "Fern-3-8B", "pruned"),
])
def test_a_kind_word_inside_another_models_name_gives_no_kind(extract_abstract, abstract, child, parent, kind):
    doc = extract_abstract(abstract)
    assert (child, parent) in edges(doc) and (child, parent) not in edges(doc, {kind})


# --- "a ... Y model, X": X is a Y model (implied, so a lower confidence); the describing name is not introduced ----

@pytest.mark.parametrize("abstract, pair", [
    ("In this work, we address the need by pretraining a financial domain specific BERT model, FinKelp, on "
     "financial text.", ("FinKelp", "BERT")),
    ("We pretrain a Dutch RoBERTa model, RobFern, on 39GB of text.", ("RobFern", "RoBERTa")),
    ("We release a compact Llama chat model called MossChat for Welsh.", ("MossChat", "Llama")),
    ("We address the need by pretraining a domain specific KelpBERT model, FinKelp, using financial corpora.",
     ("FinKelp", "KelpBERT")),
])
def test_a_name_after_a_family_model_is_made_from_it(extract_abstract, abstract, pair):
    doc = extract_abstract(abstract)
    assert pair in edges(doc) and pair[0] in introduced(doc) and pair[1] not in introduced(doc)


@pytest.mark.parametrize("abstract, pair", [
    ("As an OCR-style BERT model, KelpOCR can read tables.", ("KelpOCR", "BERT")),
    ("We compare a BERT model, FernBERT, and MossBERT on tagging.", ("FernBERT", "BERT")),
])
def test_no_lineage_from_a_class_opening_or_a_list(extract_abstract, abstract, pair):
    assert pair not in edges(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, pair", [
    ("We present Kelp-7B. Kelp-7B-Base is pre-trained on 25 trillion tokens. The final RL-tuned model, Kelp-7B-RL, "
     "achieves superior performance.", ("Kelp-7B-RL", "Kelp-7B-Base")),
    ("We release Fern-2-Base and, after supervised tuning on our data, Fern-2-SFT.", ("Fern-2-SFT", "Fern-2-Base")),
    # a preference or RL stage beside a supervised one: made from the supervised one
    ("We open-source Kelp-VL-7B-SFT and Kelp-VL-7B-RL, two vision-language models.", ("Kelp-VL-7B-RL", "Kelp-VL-7B-SFT")),
    ("We release Fern-2-Base, Fern-2-SFT and Fern-2-DPO for chat.", ("Fern-2-DPO", "Fern-2-SFT")),
    ("We introduce Moss-8B-SFT, tuned on our instructions. Our Moss-8B-RL then reaches 60% on AIME.",
     ("Moss-8B-RL", "Moss-8B-SFT")),
])
def test_a_tuned_sibling_comes_from_the_base_even_in_another_sentence(extract_abstract, abstract, pair):
    assert pair in edges(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, pair", [
    ("We release Fern-2-Base, Fern-2-SFT and Fern-2-DPO for chat.", ("Fern-2-DPO", "Fern-2-Base")),  # the nearer stage
    ("Our Kelp-7B-RL beats Orvik-7B-SFT on AIME.", ("Kelp-7B-RL", "Orvik-7B-SFT")),  # another stem
    ("Baselines include Moss-8B-SFT and Moss-8B-RL; our method beats both.", ("Moss-8B-RL", "Moss-8B-SFT")),  # theirs
])
def test_a_tuned_sibling_takes_no_other_parent(extract_abstract, abstract, pair):
    assert pair not in edges(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, pair, kind", [
    ("This paper introduces KelpR, a suite for reasoning. Our KelpR-32B model, trained from Fern2.5-32B-Instruct, "
     "outperforms larger models in math.", ("KelpR-32B", "Fern2.5-32B-Instruct"), "finetuned"),
    ("We release three long-context models which we call Vireo: 4k and 16k context models trained from base "
     "Moss-13B.", ("Vireo", "Moss-13B"), "context_extended"),
])
def test_trained_from_is_fine_tuning_unless_another_kind_is_said(extract_abstract, abstract, pair, kind):
    doc = extract_abstract(abstract)
    assert pair in edges(doc, {kind})
    assert kind == "finetuned" or pair not in edges(doc, {"finetuned"})


def test_trained_from_scratch_or_pretrained_from_is_no_fine_tuning(extract_abstract):
    doc = extract_abstract("We introduce Vireo-7B. Vireo-7B is continually pre-trained from Moss-7B on 200B tokens.")
    assert ("Vireo-7B", "Moss-7B") not in edges(doc, {"finetuned"})


@pytest.mark.parametrize("abstract, pair, kinds", [
    ("Based on our findings, we introduce KELPUS-X, an extension of the KELPUS model with additional long input "
     "pretraining to handle inputs of up to 16K tokens.", ("KELPUS-X", "KELPUS"),
     {"continued_pretraining", "context_extended"}),
    ("We present Fern-L, an extension of the Fern-2 model to sequences of up to 32K tokens.", ("Fern-L", "Fern-2"),
     {"context_extended"}),
])
def test_an_extension_of_a_model_is_made_from_it(extract_abstract, abstract, pair, kinds):
    doc = extract_abstract(abstract)
    assert all(pair in edges(doc, {k}) for k in kinds)


def test_an_instance_of_a_recipe_takes_no_head_from_the_recipe():
    from kg.extract.modelnames import find_models
    spans, _ = find_models("We propose KelpRec-OFT, an instantiation of this recipe, which sets a new state of the art.")
    assert all("recipe" not in " ".join(s.reasons) for s in spans)


@pytest.mark.parametrize("abstract, pair", [
    ("We introduce Fin-Kelp, a reasoning model for finance. Fin-Kelp is built using a two-stage recipe, leveraging "
     "a financial reasoning dataset distilled and processed based on DeepSeek-R1.", ("Fin-Kelp", "DeepSeek-R1")),
    ("We present Moss-7B, trained on a corpus generated by GPT-4 and filtered by people.", ("Moss-7B", "GPT-4")),
])
def test_a_model_that_only_made_the_data_is_no_parent(extract_abstract, abstract, pair):
    assert pair not in edges(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, pair, kind", [
    ("We additionally introduce MedKelp, a medically-tuned vision encoder derived from FernLIP.",
     ("MedKelp", "FernLIP"), "finetuned"),
    ("In this paper, we introduce DictaKelp2.0, an LLM derived from the Mistral model, trained on a corpus of "
     "approximately 200 billion tokens in Hebrew and English.", ("DictaKelp2.0", "Mistral"), "continued_pretraining"),
    ("To develop this decoder, which we named Kelpasio PT, a strong Moss-2-7B model was used as a starting point, and "
     "its further improvement through additional training was done over new instruction data sets of Portuguese.",
     ("Kelpasio PT", "Moss-2-7B"), "finetuned"),
])
def test_kinds_said_by_a_compound_participle_tokens_after_deriving_or_instruction_data(extract_abstract, abstract,
                                                                                         pair, kind):
    assert pair in edges(extract_abstract(abstract), {kind})


@pytest.mark.parametrize("abstract, pair, kind", [
    # "Y ... to achieve / to build X": what the tuning made
    ("We introduce KELPR, a tool-integrated reasoning LLM. Through this framework, we have fine-tuned the Moss-32B "
     "model to achieve KELPR.", ("KELPR", "Moss-32B"), "finetuned"),
    ("We distill Falcon-40B to build Fernlet-3B, a small assistant.", ("Fernlet-3B", "Falcon-40B"), "distilled"),
    # post-training is tuning
    ("Fernca-3 is post-trained from Moss-7b on our synthetic data.", ("Fernca-3", "Moss-7b"), "finetuned"),
    ("We post-train Moss-7b on our synthetic data, resulting in Fernca-3.", ("Fernca-3", "Moss-7b"), "finetuned"),
    # "the resulting model (X)" inside the next sentence names the child the sentence before made
    ("We use these agents to create 25M pairs. We post-train Moss-7b with the data. When comparing the resulting "
     "model (Fernca-3) to Moss-7b-Instruct, we observe significant improvements.", ("Fernca-3", "Moss-7b"),
     "finetuned"),
    ("We fine-tune Falcon-7B on the pairs. On six benchmarks, the resulting model, Tidel-7B, beats larger models.",
     ("Tidel-7B", "Falcon-7B"), "finetuned"),
])
def test_what_tuning_made_named_after_to_or_in_the_next_sentence(extract_abstract, abstract, pair, kind):
    assert pair in edges(extract_abstract(abstract), {kind})


@pytest.mark.parametrize("abstract", [
    "During post-training, we add math data; Fernca-3 outperforms Moss-7b on GSM8K.",
    "We fine-tune Moss-7b on the pairs. We compare the resulting model with Fernca-3, a model by another lab.",
    "We fine-tune Moss-7b to achieve 80% accuracy, above Fernca-3.",
])
def test_post_training_as_a_noun_or_a_model_compared_after_the_result_is_no_child(extract_abstract, abstract):
    assert ("Fernca-3", "Moss-7b") not in edges(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, pair", [
    # a predecessor is not a parent: "the previous work X", "an earlier generation, X"
    ("In this work, we introduce Kelp-Pro, an advanced version of the previous work Kelp.", ("Kelp-Pro", "Kelp")),
    ("We present Fern-3, an improved version of the prior work Fern-2.", ("Fern-3", "Fern-2")),
])
def test_a_predecessor_named_as_previous_work_is_no_parent(extract_abstract, abstract, pair):
    assert pair not in edges(extract_abstract(abstract))


def test_a_version_of_a_model_is_still_made_from_it(extract_abstract):
    assert ("Kelp-Pro", "Kelp") in edges(extract_abstract("In this work, we introduce Kelp-Pro, an advanced version "
                                                          "of Kelp."))


def test_a_sized_checkpoint_s_parent_is_its_family_s_no_name_prefix_is_added(extract_abstract):
    abstract = ("We introduce Qwen3-Kelpvoice, an end-to-end spoken chatbot. We continue pre-training from the "
                "pre-trained text language model Qwen3-8B with speech data. Weights are at "
                "https://huggingface.co/fernlab/qwen3-kelpvoice-8b.")
    found = edges(extract_abstract(abstract))
    assert ("Qwen3-Kelpvoice", "Qwen3") not in found  # not named on "Qwen3" as well
    assert any(parent == "Qwen3-8B" for _, parent in found)


@pytest.mark.parametrize("abstract, pairs, absent", [
    # sizes listed after a sized name are its members, each made as it was
    ("We introduce FernGPT, a family of climate LLMs. Additionally, FernGPT-7B, 13B and 70B are continuously "
     "pre-trained from Moss 2 on a domain-specific dataset of 4.2B tokens.",
     {("FernGPT-7B", "Moss 2"), ("FernGPT-13B", "Moss 2"), ("FernGPT-70B", "Moss 2")}, ("FernGPT", "Moss 2")),
    ("We present Kelpo. Kelpo-8B and 70B were fine-tuned from Falcon-3 on legal data.",
     {("Kelpo-8B", "Falcon-3"), ("Kelpo-70B", "Falcon-3")}, ("Kelpo", "Falcon-3")),
])
def test_each_size_listed_after_a_sized_child_is_a_child(extract_abstract, abstract, pairs, absent):
    found = edges(extract_abstract(abstract))
    assert pairs <= found
    assert absent not in found


@pytest.mark.parametrize("abstract, pair", [
    # members not named in the sentence leave the family's edge as it is
    ("Finetuned from Moss-7B and Falcon-70B, Tarnish models achieve the best results among open models.",
     ("Tarnish", "Falcon-70B")),
])
def test_a_family_made_from_sized_parents_keeps_its_edge(extract_abstract, abstract, pair):
    assert pair in edges(extract_abstract(abstract))


def test_sizes_listed_after_a_compared_name_make_no_children(extract_abstract):
    doc = extract_abstract("We introduce Kelpo, a legal model. Kelpo outperforms Falcon-7B, 13B and 70B on five tasks.")
    assert not {c for c, _ in edges(doc) if c.startswith("Falcon")}


@pytest.mark.parametrize("abstract, pair", [
    ("We introduce KelpFlow, a one-step model. We propose a novel text-conditioned pipeline to turn Stable "
     "Diffusion (SD) into an ultra-fast one-step model.", ("KelpFlow", "Stable Diffusion")),
    ("We introduce KelpFlow, a one-step model. We propose a pipeline to turn Fernix-2 into an ultra-fast one-step "
     "model.", ("KelpFlow", "Fernix-2")),
    ("Turning Moss-7B into a speech model, we obtain Tidevox-7B.", ("Tidevox-7B", "Moss-7B")),
])
def test_turning_a_model_into_another_makes_it_a_parent(extract_abstract, abstract, pair):
    assert pair in edges(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We introduce KelpFlow, a one-step model. We then turn to Fernix-2 for a comparison of speed.",
    "We introduce KelpFlow, a one-step model. Fernix-2 turns noise into images in fifty steps.",
])
def test_turning_to_a_model_or_a_model_turning_data_is_no_parent(extract_abstract, abstract):
    assert ("KelpFlow", "Fernix-2") not in edges(extract_abstract(abstract))


def test_a_tuned_sibling_made_beside_its_base_is_also_made_from_the_base(extract_abstract):
    doc = extract_abstract("Based on Fernix-8x7B-v0.1, in this paper, we propose Kelp-Mixtral and Kelp-Mixtral-Instruct "
                           "with improved Kelpish abilities by adopting further pre-training and instruction "
                           "fine-tuning.")
    found = edges(doc)
    assert {("Kelp-Mixtral", "Fernix-8x7B-v0.1"), ("Kelp-Mixtral-Instruct", "Kelp-Mixtral")} <= found
    assert "Kelp-Mixtral-Instruct" in introduced(doc)  # a family's stem, a word and a variant: a model's name


def test_a_tuned_model_alone_keeps_its_one_parent(extract_abstract):
    found = edges(extract_abstract("Based on Fernix-8x7B-v0.1, we propose Kelp-Mixtral-Instruct, tuned on "
                                   "instructions."))
    assert found == {("Kelp-Mixtral-Instruct", "Fernix-8x7B-v0.1")}


@pytest.mark.parametrize("abstract, pairs", [
    ("We present Kelp-N1-7B and Kelp-N1-14B, built on Falcon-2.5-7B/14B-Instruct.",
     {("Kelp-N1-7B", "Falcon-2.5-7B-Instruct"), ("Kelp-N1-14B", "Falcon-2.5-14B-Instruct")}),
    ("We present Kelp-N1-7B and Kelp-N1-72B, built on Falcon-2.5-7B/72B.",
     {("Kelp-N1-7B", "Falcon-2.5-7B"), ("Kelp-N1-72B", "Falcon-2.5-72B")}),
    ("We fine-tune Falcon-2.5-7B/72B to obtain Kelp-7B and Kelp-72B.",
     {("Kelp-7B", "Falcon-2.5-7B"), ("Kelp-72B", "Falcon-2.5-72B")}),
])
def test_sizes_written_with_a_slash_name_one_parent_each(extract_abstract, abstract, pairs):
    assert edges(extract_abstract(abstract)) == pairs


@pytest.mark.parametrize("abstract, pair", [
    ("We apply our method on Falcon-4-Mini, a compact 3.8B-parameter model. The resulting Falcon-4-Mini-Reasoning "
     "model exceeds larger reasoning models.", ("Falcon-4-Mini-Reasoning", "Falcon-4-Mini")),
    ("We fine-tune Falcon-4-Mini with our method. The resulting Murre-R model exceeds larger reasoning models.",
     ("Murre-R", "Falcon-4-Mini")),
    ("Trained with a large-scale reinforcement learning pipeline from Falcon-72B, MurreProver demonstrates strong "
     "performance in proof generation.", ("MurreProver", "Falcon-72B")),
    ("Initialized via weight inheritance from the Falcon-7B model, Murre-Lite halves the cost of serving.",
     ("Murre-Lite", "Falcon-7B")),
])
def test_the_resulting_named_model_and_a_participle_opening_with_its_means(extract_abstract, abstract, pair):
    assert pair in edges(extract_abstract(abstract))


def test_a_participle_opening_without_a_model_after_from_names_no_parent(extract_abstract):
    assert edges(extract_abstract("Trained with feedback from human raters, Murre-Chat beats Falcon-72B.")) == set()


@pytest.mark.parametrize("abstract, kind, pair", [
    ("We use Zorba-7B (a fine-tuned version of Falcon 2) as the judge.", "finetuned", ("Zorba-7B", "Falcon 2")),
    ("Our judge is Zorba-7B (fine-tuned from Falcon 2).", "finetuned", ("Zorba-7B", "Falcon 2")),
    ("We introduce Zorba-7B (a Falcon 2 model fine-tuned on clinical notes).", "finetuned",
     ("Zorba-7B", "Falcon 2")),
    ("We release Zorba-7B (continually pre-trained from Murre-7B) and its chat model.", "continued_pretraining",
     ("Zorba-7B", "Murre-7B")),
    ("We compare against Kappa-13B (an instruction-tuned variant of Falcon 2) and Murre-7B.", "finetuned",
     ("Kappa-13B", "Falcon 2")),
    ("Zorba-7B (based on Falcon 2), outperforms Murre-7B on every benchmark.", "based_on", ("Zorba-7B", "Falcon 2")),
    ("Our student, Tiko-1B (distilled from Murre-7B), runs on a phone.", "distilled", ("Tiko-1B", "Murre-7B")),
])
def test_an_appositive_or_participle_in_parentheses_reads_as_one_set_off_by_commas(extract_abstract, abstract,
                                                                                   kind, pair):
    assert pair in edges(extract_abstract(abstract), {kind})


@pytest.mark.parametrize("abstract, wrong", [
    ("We distill Murre-7B (the teacher) into Zorba-1B.", ("Murre-7B", "Zorba-1B")),
    ("We compare Zorba-7B (a Falcon 2 model) with Murre-7B.", ("Zorba-7B", "Murre-7B")),
    ("We release Zorba-7B, continually pre-trained from Murre-7B, and Zorba-Chat.", ("Zorba-7B", "Zorba-Chat")),
    ("Zorba-7B, fine-tuned from Murre-7B, and Kappa-7B, outperform Falcon 2.", ("Zorba-7B", "Kappa-7B")),
])
def test_no_parent_from_a_parenthesis_without_a_making_or_past_the_comma_that_closes_it(extract_abstract, abstract,
                                                                                        wrong):
    assert wrong not in edges(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, pairs", [
    ("Zorba is fine-tuned from Murre-7B, Falcon-2-7B, and Kappa-7B.",
     {("Zorba", "Murre-7B"), ("Zorba", "Falcon-2-7B"), ("Zorba", "Kappa-7B")}),
    ("We fine-tune Murre-7B, and Kappa-7B to obtain Zorba-M and Zorba-K.", {("Zorba-M", "Murre-7B"),
                                                                           ("Zorba-K", "Kappa-7B")}),
])
def test_a_comma_before_and_still_lists_outside_an_appositive(extract_abstract, abstract, pairs):
    assert pairs <= edges(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, pair", [
    ("Building on these core strengths of Gemini, we introduce Med-Zeta, a family of multimodal models.",
     ("Med-Zeta", "Gemini")),
    ("Building upon the capabilities of Falcon 2, we present Zeta-Chat, a model for clinical notes.",
     ("Zeta-Chat", "Falcon 2")),
    ("Building on the strong capabilities of Falcon 2, Zeta-Chat answers clinical questions.",
     ("Zeta-Chat", "Falcon 2")),
    ("Building on the pretrained weights of Murre-7B, we release Zeta-7B.", ("Zeta-7B", "Murre-7B")),
    ("Building on the capabilities of Claude, we introduce Zeta-Agent, a coding agent.", ("Zeta-Agent", "Claude")),
])
def test_building_on_a_models_strengths_or_capabilities(extract_abstract, abstract, pair):
    assert pair in edges(extract_abstract(abstract), {"based_on"})


@pytest.mark.parametrize("abstract", [
    "Building on the success of Falcon 2, we introduce Zeta-Chat.",
    "Building on the architecture of Falcon 2, we introduce Zeta-Chat.",
    "We discuss the strengths of Gemini and Claude. We introduce Zeta-Chat.",
])
def test_building_on_a_success_or_an_architecture_names_no_parent(extract_abstract, abstract):
    assert edges(extract_abstract(abstract)) == set()


@pytest.mark.parametrize("abstract, not_a_model", [
    ("After Supervised Fine-tuning and Reinforcement Learning from Human Feedback and AI Feedback, the chat model "
     "Zeta-Chat is able to tackle financial questions.", "Feedback"),
    ("Zeta-Chat is fine-tuned with Direct Preference Optimization from Pairwise Comparisons and Expert Rankings.",
     "Rankings"),
])
def test_the_last_word_of_a_capitalised_long_form_is_no_parent(extract_abstract, abstract, not_a_model):
    doc = extract_abstract(abstract)
    assert not_a_model not in {e.name for e in doc.entities if e.kind == "model"}
    assert all(p != not_a_model for _, p in edges(doc))


@pytest.mark.parametrize("abstract, kind, pair", [
    ("We introduce a parsimonious adaptation of fern-3-mini, KelpMobile, a 3.8 billion parameter LM capable of "
     "running on a phone.", "based_on", ("KelpMobile", "fern-3-mini")),
    ("We release an instruction-tuned variant of Murre-7B, Kelp-7B.", "finetuned", ("Kelp-7B", "Murre-7B")),
    ("We present a compact version of Falcon 2 - Kelp-Lite - for edge devices.", "based_on", ("Kelp-Lite", "Falcon 2")),
    ("Our contribution is an extension of Murre-7B, named Kelp-7B.", "based_on", ("Kelp-7B", "Murre-7B")),
])
def test_a_variant_of_a_model_then_its_name(extract_abstract, abstract, kind, pair):
    doc = extract_abstract(abstract)
    assert pair in edges(doc, {kind})
    assert pair[1] not in introduced(doc)


@pytest.mark.parametrize("abstract", [
    "We compare a quantized version of Falcon 2, Murre-7B, and Kelp-7B.",  # a list, not a name
    "We study an adaptation of Murre-7B, and we find that Kelp-7B is better.",
])
def test_a_variant_of_a_model_in_a_list_or_before_a_clause_names_no_child(extract_abstract, abstract):
    assert edges(extract_abstract(abstract)) == set()


@pytest.mark.parametrize("abstract, kind", [
    ("We introduce Kelp-8B, a model for the Greek language, built on Falcon 3-8B. Kelp-8B has been extensively "
     "trained on high-quality Greek data to ensure superior adaptation.", "continued_pretraining"),
    ("We introduce Kelp-8B, built on Falcon 3-8B. Kelp-8B was further trained on a large legal corpus.",
     "continued_pretraining"),
])
def test_a_model_built_on_another_then_trained_on_plain_data_continues_its_pretraining(extract_abstract, abstract,
                                                                                        kind):
    assert ("Kelp-8B", "Falcon 3-8B") in edges(extract_abstract(abstract), {kind})


def test_a_model_built_on_another_then_trained_on_instructions_is_not_said_to_continue_pretraining(extract_abstract):
    doc = extract_abstract("We introduce Kelp-8B, built on Falcon 3-8B. Kelp-8B has been trained on high-quality "
                           "instruction data.")
    assert ("Kelp-8B", "Falcon 3-8B") not in edges(doc, {"continued_pretraining"})


@pytest.mark.parametrize("abstract, pair", [
    ("Developed from the Murre-3.1-70B foundation, AstroKelp-70B underwent extensive continued pre-training on "
     "astronomy papers.", ("AstroKelp-70B", "Murre-3.1-70B")),
    ("KelpChart is developed from Falcon-3B on chart data.", ("KelpChart", "Falcon-3B")),
    ("We present KelpChart, a chart model developed upon Falcon-3B.", ("KelpChart", "Falcon-3B")),
])
def test_developed_from_a_model(extract_abstract, abstract, pair):
    assert pair in edges(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We introduce KelpChart, a chart model developed by Fernworks Labs.",
    "The benchmark was developed from Murre-70B outputs and human edits. We evaluate KelpChart on it.",
])
def test_developed_by_a_lab_or_from_outputs_names_no_parent(extract_abstract, abstract):
    assert edges(extract_abstract(abstract)) == set()
