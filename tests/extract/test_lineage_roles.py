"""Lineage read from roles (kg.extract.roles) and model names read from the paper's own conventions,
beyond the generated CheckList: appositives, enumerated releases, a family's sized member, variants
named after a model of the paper, a method's acronym, families and coinages the paper introduces.
Invented names throughout; negatives beside each capability."""

import pytest

from kg.extract import roles
from kg.extract.fact import DERIVATION_KINDS


def edges(doc):
    """{(child, parent, kind)} of every derivation fact."""
    return {(f.subject.name, f.object.name, f.predicate) for f in doc.facts if f.predicate in DERIVATION_KINDS}


def pairs(doc):
    return {(c, p) for c, p, _ in edges(doc)}


def models(doc):
    return {mm.span.name for mms in doc.user.get("models", {}).values() for mm in mms}


def introduced(doc):
    return {f.object.name for f in doc.facts if f.predicate == "introduces" and f.object.kind == "model"}


# --- appositives: "X, a Y model that is tuned ...", "X, Y models finetuned on ..." ---------------------

@pytest.mark.parametrize("abstract, edge", [
    ("KelpGuard, a Falcon-7B model that is instruction-tuned on our collected dataset, performs well.",
     ("KelpGuard", "Falcon-7B", "finetuned")),
    ("We release Kelp 2, Falcon-2 models finetuned on our mixture.", ("Kelp 2", "Falcon-2", "finetuned")),
    ("We release Kelp 2+DPO, Kelp 2 models trained with direct preference optimization (DPO).",
     ("Kelp 2+DPO", "Kelp 2", "aligned")),
])
def test_an_appositive_names_the_model_a_child_is_a_version_of(extract_abstract, abstract, edge):
    assert edge in edges(extract_abstract(abstract))


def test_an_enumerated_release_is_read_item_by_item(extract_abstract):
    doc = extract_abstract("We release: (1) Kelpmix, a dataset; (2) Kelp 2, Falcon-2 models finetuned on Kelpmix; "
                           "(3) Orca 3, Mistral-7B models finetuned on our mix; (4) Vega 2, Falcon-40B models "
                           "finetuned on Kelpmix.")
    assert pairs(doc) == {("Kelp 2", "Falcon-2"), ("Orca 3", "Mistral-7B"), ("Vega 2", "Falcon-40B")}


def test_a_list_of_two_names_is_no_appositive(extract_abstract):
    doc = extract_abstract("We compare Falcon-7B, Mistral-7B and Kelp-7B on reasoning benchmarks.")
    assert not pairs(doc)


def test_clauses_split_at_semicolons_and_list_markers():
    assert roles.clauses("We release: (1) <M0>, a dataset; (2) <M1>, <M2> models finetuned on <M0>") == [
        "<M0>, a dataset", "<M1>, <M2> models finetuned on <M0>"]


# --- names: a family's sized member, a variant named after a model of the paper --------------------------

def test_a_sized_member_of_the_child_family_takes_the_parent_of_its_size(extract_abstract):
    doc = extract_abstract("We introduce Kelp, a suite of models. Finetuned from Mistral-7B and Falcon-40B, Kelp "
                           "models achieve strong results. Notably, Kelp-40B beats GPT-4.")
    assert {("Kelp", "Mistral-7B"), ("Kelp", "Falcon-40B"), ("Kelp-40B", "Falcon-40B")} <= pairs(doc)
    assert ("Kelp-40B", "Mistral-7B") not in pairs(doc)


@pytest.mark.parametrize("abstract, edge", [
    ("We introduce Kelp-VL, a vision-language model. Our instruction-tuned Kelp-VL-Chat leads open chatbots.",
     ("Kelp-VL-Chat", "Kelp-VL", "finetuned")),
    ("We introduce Kelp-VL, a vision-language model, and release Kelp-VL-DPO for chat.",
     ("Kelp-VL-DPO", "Kelp-VL", "aligned")),
    # a version or a lower-case tag after the variant word
    ("We introduce Kelp-7B, a model trained from scratch. We also describe two instruction fine-tuned models, "
     "Kelp-7B-Instruct-v1.1 and Kelp-7B-Instruct-human-data, which we release as demonstrations of Kelp-7B.",
     ("Kelp-7B-Instruct-v1.1", "Kelp-7B", "finetuned")),
    ("We introduce Kelp-7B, a model trained from scratch. We also describe two instruction fine-tuned models, "
     "Kelp-7B-Instruct-v1.1 and Kelp-7B-Instruct-human-data, which we release as demonstrations of Kelp-7B.",
     ("Kelp-7B-Instruct-human-data", "Kelp-7B", "finetuned")),
    ("We release Kelp-VL and its chat model Kelp-VL-Chat-v2 for dialogue.", ("Kelp-VL-Chat-v2", "Kelp-VL", "finetuned")),
    # a quantization format closing the name: a quantized copy of the model it names
    ("We present Kelp-Guard-1B-INT4, a compact safeguard. It matches its larger counterpart, Kelp-Guard-1B, "
     "while being 7 times smaller.", ("Kelp-Guard-1B-INT4", "Kelp-Guard-1B", "quantized")),
    ("We release Kelp-13B and Kelp-13B-GPTQ for consumer GPUs.", ("Kelp-13B-GPTQ", "Kelp-13B", "quantized")),
    ("We introduce Kelp-8B, a chat model, and Kelp-8B-AWQ, which runs on a laptop.",
     ("Kelp-8B-AWQ", "Kelp-8B", "quantized")),
    ("We release Kelp-70B. Kelp-70B-INT8 keeps its accuracy at half the memory.", ("Kelp-70B-INT8", "Kelp-70B", "quantized")),
    # what the text calls variants, named after the paper's model with a word or tag of their own
    ("We present Kelp1.5, a family of multimodal models. Additionally, we introduce two specialized variants: "
     "Kelp1.5-Video, designed for video understanding, and Kelp1.5-UI, tailored for mobile UI understanding.",
     ("Kelp1.5-UI", "Kelp1.5", "based_on")),
    ("We present Kelp1.5, a family of multimodal models. Additionally, we introduce two specialized variants: "
     "Kelp1.5-Video, designed for video understanding, and Kelp1.5-UI, tailored for mobile UI understanding.",
     ("Kelp1.5-Video", "Kelp1.5", "based_on")),
])
def test_a_variant_named_after_a_model_of_the_paper_is_made_from_it(extract_abstract, abstract, edge):
    assert edge in edges(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, edge", [
    # a domain word before a model the paper builds on, and pre-training on the domain's data: more pre-training
    ("We propose to leverage open models (e.g., Falcon-7B and Mistral-7B). We introduce two domain enriched "
     "models, Clinical-Falcon-7B and Clinical-Mistral-7B, which are pre-trained on a large-scale clinical corpus.",
     ("Clinical-Mistral-7B", "Mistral-7B", "continued_pretraining")),
    ("Models such as Mistral-7B read long inputs. We present Legal-Mistral-7B, pretrained on 4B tokens of court "
     "rulings.", ("Legal-Mistral-7B", "Mistral-7B", "continued_pretraining")),
    # pre-trained "from" the domain's data
    ("Long-input encoders, e.g. Wren-1B and BigKelp-2B, were proposed earlier. We introduce two domain enriched "
     "models, namely Clinical-Wren-1B and Clinical-BigKelp-2B, which are pre-trained from large-scale clinical "
     "corpora.", ("Clinical-BigKelp-2B", "BigKelp-2B", "continued_pretraining")),
    ("Encoders such as Wren-1B read long inputs. We present Legal-Wren-1B, further pre-trained from 6B "
     "tokens of court rulings.", ("Legal-Wren-1B", "Wren-1B", "continued_pretraining")),
    # the same after a word and a space, made the way the abstract says
])
def test_a_model_named_after_one_the_paper_builds_on_is_made_from_it(extract_abstract, abstract, edge):
    assert edge in edges(extract_abstract(abstract))


@pytest.mark.parametrize("title, abstract, edge", [
    # the title names the model first; a later sentence says it was pre-trained on the domain's data
    ("Clinical-Wren-1B: an encoder for long notes", "Encoders such as Wren-1B read long inputs. We introduce "
     "Clinical-Wren-1B, which is pre-trained from large-scale clinical corpora.",
     ("Clinical-Wren-1B", "Wren-1B", "continued_pretraining")),
    ("Legal-Mistral and Legal-Falcon: long-input models for court rulings", "Models such as Mistral and Falcon "
     "read long inputs. Legal-Mistral and Legal-Falcon are pre-trained on 6B tokens of court rulings.",
     ("Legal-Falcon", "Falcon", "continued_pretraining")),
])
def test_a_titled_model_named_after_one_is_made_as_a_later_sentence_says(extract_abstract, title, abstract, edge):
    assert edge in edges(extract_abstract(abstract, title))


@pytest.mark.parametrize("abstract, edge", [
    ("We trained a KelpRM with Llama-3 8B and a gating network. Our trained model, KelpRM-Llama3-8B, leads "
     "RewardBench.", ("KelpRM-Llama3-8B", "Llama-3 8B", "based_on")),
    ("Models such as Mistral-7B read long inputs. We present Kelp-Mistral-7B for court rulings.",
     ("Kelp-Mistral-7B", "Mistral-7B", "based_on")),
    ("We fine-tune open models such as Falcon-7B on legal cases. We release Kelp-Falcon-7B.",
     ("Kelp-Falcon-7B", "Falcon-7B", "finetuned")),
])
def test_a_name_ending_on_a_sized_checkpoint_of_the_record_is_built_on_it(extract_abstract, abstract, edge):
    assert edge in edges(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We present Kelp-Falcon-7B. It outperforms Falcon-7B on every task.",  # only compared against
    "We present Kelp-Falcon-7B for legal questions.",  # the checkpoint is named nowhere else
])
def test_a_name_ending_on_a_checkpoint_only_compared_or_unnamed_links_nothing(extract_abstract, abstract):
    assert not pairs(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, edge", [
    # an appositive participle of more pre-training
    ("In this paper, we introduce KelpBERT, a re-trained BERT model for abusive language detection.",
     ("KelpBERT", "BERT", "continued_pretraining")),
    ("We introduce KelpBERT, a further pre-trained BERT model for patents.", ("KelpBERT", "BERT", "continued_pretraining")),
    # knowledge transferred from a teacher to a named student
    ("We successfully transfer knowledge from Falcon-40B to a student model (named Kelpo), using 70k examples.",
     ("Kelpo", "Falcon-40B", "distilled")),
    ("We transfer the reasoning knowledge of Falcon-40B into Kelpo.", ("Kelpo", "Falcon-40B", "distilled")),
    # the model's own base, named where the sentence compares the two
    ("We release KelpBERT, a transformer-based model pretrained on tweets. Our model shows a 10% improvement "
     "compared to its base model, BERT-Large, on five datasets.", ("KelpBERT", "BERT-Large", "based_on")),
    # the base model named with adjectives between
    ("Accordingly, we present Kelp-toy, a small-size Kelp with Qwen-1.8B as the base ``large'' language model.",
     ("Kelp-toy", "Qwen-1.8B", "based_on")),
])
def test_more_cues_of_how_a_model_was_made(extract_abstract, abstract, edge):
    assert edge in edges(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "Knowledge transfer across languages helps Falcon-40B.",
    "We introduce KelpMind, a bilingual LLM trained from scratch, and show it excels at transferring task knowledge "
    "from one language to another, unlike Falcon-40B.",
    "We introduce KelpBERT, a BERT model, and compare it with a re-trained Falcon-7B.",
    "We compare Kelpo with Falcon-7B as the baseline model.",
    "We release KelpLM. It outperforms Falcon-7B and its base model.",
    # a participle saying what the listed models are: the name after the comma is the list's next item
    "We present Kelp-9B, a model trained from scratch. We release the base and instruction-tuned models, the "
    "KelpFilter-1B classifier, and our data.",
    "We introduce Kelp-2-9B. We open-source the distilled checkpoints, Orvik-Guard-1B and our training code.",
    "Our Kelp-9B is trained from scratch. We share pruned variants, our Kelp-Tok-1B tokenizer model and logs.",
    # results, evaluations or scores "based on" a judge model
    "We propose KelpPed, a pediatric LLM. Extensive results based on the metrics, Falcon-40B, and doctor "
    "evaluations show that KelpPed outperforms previous medical LLMs.",
    "We propose KelpPed, a pediatric LLM. Our analysis based on Falcon-40B judgments shows that KelpPed wins.",
    # an inspiration, an improvement over a model: no parent
    "Inspired by the success of Falcon-40B in eliciting reasoning through rule-based reinforcement learning, we "
    "develop the Kelp-Tool-N1 series of tool-using language models using a similar training paradigm.",
    "Inspired by Falcon-40B, we develop Kelp-Tool-N1, a tool-using model trained with rule-based rewards.",
    "We present Kelp-2-32B. We propose modifications to the standard GRPO training recipe that ensure our model "
    "learned its objective, thus improving upon Falcon-40B, the state of the art reasoning model.",
])
def test_near_misses_of_those_cues_link_nothing(extract_abstract, abstract):
    assert not pairs(extract_abstract(abstract))


def test_a_child_pre_trained_on_data_after_in_this_work_gets_more_pre_training(extract_abstract):
    doc = extract_abstract("In this work, we release KelpBERT (K-BERT), a transformer-based model, pretrained on a "
                           "large corpus of forum posts. Our model shows a 10% improvement compared to its base "
                           "model, BERT-Large, on five datasets.")
    assert ("KelpBERT", "BERT-Large", "continued_pretraining") in edges(doc)


@pytest.mark.parametrize("abstract", [
    "Adapted from the Falcon-7B model, Kelpo (8B) is trained on 45.3B tokens across four languages.",
    "We introduce Kelpo, a legal model built on Falcon-7B. Kelpo is further trained on a 30B-token legal corpus.",
])
def test_a_model_built_on_another_and_trained_on_a_corpus_is_pre_trained_further(extract_abstract, abstract):
    assert ("Kelpo", "Falcon-7B", "continued_pretraining") in edges(extract_abstract(abstract))


def test_a_model_built_on_another_and_trained_on_instructions_is_not_pre_trained(extract_abstract):
    found = edges(extract_abstract("We introduce Kelpo, a legal model built on Falcon-7B. Kelpo is trained on our "
                                   "instruction data."))
    assert ("Kelpo", "Falcon-7B", "continued_pretraining") not in found


@pytest.mark.parametrize("abstract", [
    # a use of the child: it is what is fine-tuned
    "We introduce Kelpo, a policy model. Kelpo builds on a Falcon-7B language model. We further show that we can "
    "effectively fine-tune Kelpo for new settings.",
    # a finding, not a step
    "We introduce Kelpo, a language model based on Falcon-7B. We find that even when fine-tuning only a part of the "
    "model, Kelpo outperforms the baselines.",
])
def test_what_is_done_with_the_child_or_found_of_it_gives_no_kind(extract_abstract, abstract):
    kinds = {k for c, p, k in edges(extract_abstract(abstract)) if (c, p) == ("Kelpo", "Falcon-7B")}
    assert kinds == {"based_on"}


def test_what_the_authors_enhance_the_child_with_is_its_recipe(extract_abstract):
    doc = extract_abstract("We introduce Kelpo, a suite of models built upon the Falcon-7B model. We enhance Kelpo "
                           "with domain-specific pretraining and instruction fine-tuning.")
    assert ("Kelpo", "Falcon-7B", "finetuned") in edges(doc)


@pytest.mark.parametrize("abstract, edge", [
    ("In this report, we introduce KelpFive, a domain-specific T5 model that has been pre-trained on large "
     "biomedical corpora.", ("KelpFive", "T5", "continued_pretraining")),
    # what the authors improve of the model they make is no parent: the model is the child
    ("We propose Kelphins, a driving assistant. Building upon the open-sourced pretrained Vision-Language Model, "
     "OpenFlamingo, we first enhance Kelphins's reasoning capabilities through a new process.",
     ("Kelphins", "OpenFlamingo", "based_on")),
])
def test_an_appositive_pre_trained_on_data_and_a_possessed_child(extract_abstract, abstract, edge):
    assert edge in edges(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We introduce KelpLM, a model that is pre-trained on 2T tokens. It beats T5.",
    "We introduce KelpFive, a T5 model that has been pre-trained from scratch on biomedical corpora.",
])
def test_pre_training_without_a_model_before_it_links_nothing(extract_abstract, abstract):
    assert not {k for _, _, k in edges(extract_abstract(abstract))} & {"continued_pretraining"}


@pytest.mark.parametrize("abstract, edge", [
    ("In this report, we introduce the Kelp2.5-Coder series. As a code-specific model, Kelp2.5-Coder is built upon "
     "the Falcon2.5 architecture and continues pretrained on a vast corpus of 5.5 trillion tokens.",
     ("Kelp2.5-Coder", "Falcon2.5", "continued_pretraining")),
    ("We present KelpCha, a chart model. We perform the KelpCha pretraining starting from Pix2Struct, a recently "
     "proposed image-to-text visual language model.", ("KelpCha", "Pix2Struct", "continued_pretraining")),
])
def test_pretraining_that_starts_from_a_model_continues_it(extract_abstract, abstract, edge):
    assert edge in edges(extract_abstract(abstract))


def test_an_architecture_alone_is_still_no_parent(extract_abstract):
    doc = extract_abstract("We introduce Kelp-Coder, a code model. Kelp-Coder follows the Falcon2.5 architecture and "
                           "is trained from scratch on 2T tokens.")
    assert ("Kelp-Coder", "Falcon2.5") not in pairs(doc)


@pytest.mark.parametrize("abstract, edge", [
    ("In this paper, we propose KelpBERT, an accurate fully binarized BERT, to remove the bottlenecks.",
     ("KelpBERT", "BERT", "quantized")),
    ("We present KelpBERT, a ternarized BERT for phones.", ("KelpBERT", "BERT", "quantized")),
])
def test_a_binarized_or_ternarized_model_is_quantized(extract_abstract, abstract, edge):
    assert edge in edges(extract_abstract(abstract))


def test_models_the_new_one_is_competitive_with_are_no_one_s_children(extract_abstract):
    doc = extract_abstract("We introduce KelpThez, the first large pretrained seq2seq model for Fernish. We show "
                           "KelpThez to be very competitive with state-of-the-art BERT-based Fernish language models "
                           "such as FernBERT and KelpoBERT.")
    assert not pairs(doc)


@pytest.mark.parametrize("abstract, edge", [
    ("Through applying this information-intensive training on Mistral-7B, we present KELP-7B (KELl-in-the-Post).",
     ("KELP-7B", "Mistral-7B", "finetuned")),
    ("We apply our curriculum training to Falcon-7B and obtain Kelpo-7B.", ("Kelpo-7B", "Falcon-7B", "finetuned")),
])
def test_training_applied_on_a_model_tunes_it(extract_abstract, abstract, edge):
    assert edge in edges(extract_abstract(abstract))


def test_a_method_applied_on_models_to_compare_them_makes_nothing(extract_abstract):
    assert not pairs(extract_abstract("We present KELP-7B. We apply our probe on Mistral-7B and Falcon-7B to compare "
                                      "them."))


def test_the_name_the_authors_refer_to_their_model_by_is_the_child(extract_abstract):
    doc = extract_abstract("This paper presents a technical report for continually pre-training Falcon-3 (8B), which "
                           "enhances the Chinese language ability of the backbone model. We refer to the model after "
                           "CPT as Falcon-3-KelpE (Kelp data Enhanced Falcon-3).")
    assert "Falcon-3-KelpE" in introduced(doc)
    assert ("Falcon-3-KelpE", "Falcon-3 8B", "continued_pretraining") in edges(doc)


def test_a_model_others_refer_to_is_not_introduced(extract_abstract):
    doc = extract_abstract("Prior work refers to the model as Falcon-3-KelpE. We study its failures.")
    assert "Falcon-3-KelpE" not in introduced(doc)


def test_a_name_given_to_its_tuned_version_after_a_benchmark_word_is_a_model(extract_abstract):
    doc = extract_abstract("We distil a 3B student LM (termed KelpMA) from a 7B teacher LM. "
                           "KelpMA is demonstrated to yield a new pareto frontier among 3B LMs on commonly used "
                           "benchmarks, and its instruction-tuned version (termed KelpChat) outperforms 3B competitors.")
    assert ("KelpChat", "KelpMA", "finetuned") in edges(doc)


def test_a_lower_case_prefixed_name_and_being_based_on(extract_abstract):
    doc = extract_abstract("In this work, we introduce KelpThez, the first large pretrained seq2seq model for Fernish. "
                           "Being based on BART, KelpThez is well-suited for generative tasks. We also continue the "
                           "pretraining of a multilingual BART on our corpus, and show our resulting model, mKELPThez, "
                           "to boost performance.")
    assert {("KelpThez", "BART", "based_on"), ("mKELPThez", "BART", "continued_pretraining")} <= edges(doc)
    assert "mKELPThez" in introduced(doc)


def test_a_gene_is_no_lower_case_prefixed_model(extract_abstract):
    doc = extract_abstract("We fine-tune Falcon-7B on mRNA sequences, producing KelpGene.")
    assert "mRNA" not in models(doc)


@pytest.mark.parametrize("title, abstract, edge", [
    ("LLaVA-Falcon: Efficient Multi-Modal Assistant with Small Language Model",
     "We present LLaVA-Falcon, an efficient assistant that runs on the small language model Falcon-2.",
     ("LLaVA-Falcon", "Falcon-2", "based_on")),
])
def test_a_name_joining_two_families_runs_on_the_second(extract_abstract, title, abstract, edge):
    assert edge in edges(extract_abstract(abstract, title=title))


@pytest.mark.parametrize("abstract", [
    "We present LLaVA-Kelp, an assistant. It outperforms Falcon-2 on every task.",  # no second family in the name
    "We present LLaVA-Falcon, an assistant. It outperforms Falcon-2 on every task.",  # only compared against
])
def test_a_joined_name_without_a_model_it_runs_on_links_nothing(extract_abstract, abstract):
    assert not pairs(extract_abstract(abstract))


def test_what_the_authors_explore_after_in_this_work_is_no_step_of_theirs(extract_abstract):
    doc = extract_abstract("In this work, we explore the role of instruct tuning, model merging and alignment. We "
                           "introduce the Kelp family. Kelp models are trained on the best base models (Mistral, "
                           "Falcon).")
    assert not {k for _, _, k in edges(doc)} & {"merged", "aligned"}


def test_this_model_merged_with_another_is_a_merge_and_only_that(extract_abstract):
    doc = extract_abstract("In this report, we present Kelpo 8B Instruct, a bilingual model. By applying continual "
                           "pre-training to Falcon 3 8B, we create an instruction-following model. This model is then "
                           "merged with Falcon 3 8B Instruct via SLERP and undergoes further optimization through DPO.")
    found = edges(doc)
    assert ("Kelpo 8B Instruct", "Falcon 3 8B", "continued_pretraining") in found  # a sized checkpoint is no family
    assert {k for c, p, k in found if p == "Falcon 3 8B Instruct"} == {"merged"}


def test_a_model_said_to_merge_well_with_others_is_no_merge(extract_abstract):
    assert not pairs(extract_abstract("We present Kelpo, a chat model. We find that Kelpo merges well with other "
                                      "models such as Falcon-7B."))


def test_a_name_after_a_word_and_a_space_is_made_the_way_the_abstract_says(extract_abstract):
    doc = extract_abstract("Open LLMs, like Falcon, lack legal knowledge. We present Lawyer Falcon, a legal model. We "
                           "inject domain knowledge during continual pre-training and then apply supervised "
                           "fine-tuning.", title="Lawyer Falcon Technical Report")
    assert {("Lawyer Falcon", "Falcon", "continued_pretraining"), ("Lawyer Falcon", "Falcon", "finetuned")} \
        <= edges(doc)


@pytest.mark.parametrize("abstract, edge", [
    ("We present Kelp-UI, a new model for phone screens. We incorporate tiling on top of Kelp to magnify "
     "details.", ("Kelp-UI", "Kelp", "based_on")),
    ("We introduce Fern-MoE, a sparse model. We build upon Fern and split its layers into experts.",
     ("Fern-MoE", "Fern", "upcycled")),
])
def test_the_base_a_new_name_tags_is_a_model_where_the_text_builds_on_it(extract_abstract, abstract, edge):
    doc = extract_abstract(abstract)
    assert edge[1] in models(doc)
    assert (edge[0], edge[1]) in pairs(doc)


@pytest.mark.parametrize("abstract, edge", [
    ("We present Kelp, a financial LLM. Our Kelp model trained with direct preference optimization employing "
     "advanced Tools and Retrieval methods, dubbed Kelp-DPO-T&R, demonstrates strong zero-shot performance.",
     ("Kelp-DPO-T&R", "Kelp", "aligned")),
    ("We present Fern, a legal LLM. The Fern model fine-tuned on court rulings with two new loss functions, called "
     "Fern-Court, beats the baselines.", ("Fern-Court", "Fern", "finetuned")),
])
def test_a_name_given_to_the_opening_model_made_with_methods_names_the_model(extract_abstract, abstract, edge):
    doc = extract_abstract(abstract)
    assert edge in edges(doc)
    assert edge[0] in introduced(doc)
    assert not {f.object.name for f in doc.facts if f.predicate == "introduces" and f.object.kind != "model"} \
        & {edge[0]}


@pytest.mark.parametrize("abstract, method", [
    # the methods are the sentence's subject, or the model is no opening subject: the name is the method's
    ("We train Kelp with two new loss functions, called KelpLoss, and beat the baselines.", "KelpLoss"),
    ("Several alignment methods, dubbed KelpAlign, are compared on Kelp.", "KelpAlign"),
])
def test_a_name_given_to_methods_stays_the_methods(extract_abstract, abstract, method):
    doc = extract_abstract(abstract)
    assert method not in introduced(doc)


@pytest.mark.parametrize("abstract, edge", [
    ("We introduce Kelpo, a model tuned for Fernish. Specifically, we finetuned the smallest variant of Falcon (7b) "
     "with LoRA on translated prompts.", ("Kelpo", "Falcon 7B")),
    ("We introduce Kelpo, a model for Fernish. Kelpo is fine-tuned from Mistral (7B) on our prompts.",
     ("Kelpo", "Mistral 7B")),
    ("We introduce Kelpo, a model for Fernish. We continue pre-training Falcon 2 (11B) to obtain Kelpo.",
     ("Kelpo", "Falcon 2 11B")),
])
def test_a_family_with_one_size_in_parentheses_is_its_member_of_that_size(extract_abstract, abstract, edge):
    doc = extract_abstract(abstract)
    assert edge[1] in models(doc)
    assert edge in pairs(doc)


def test_a_paper_s_own_name_with_its_size_in_parentheses_makes_no_member(extract_abstract):
    doc = extract_abstract("We present KelpChat (7B), a chat model, fine-tuned from Falcon-7B on forum dialogues.")
    assert "KelpChat 7B" not in models(doc)


def test_the_base_a_new_name_tags_is_no_model_on_the_name_alone(extract_abstract):
    doc = extract_abstract("We present Kelp-UI, a new model for phone screens. Screens are tiled to magnify details.")
    assert "Kelp" not in models(doc)
    assert not pairs(doc)


@pytest.mark.parametrize("abstract", [
    # the named-after model is only compared against
    "We present Clinical-Mistral-7B, pre-trained on a large clinical corpus. It outperforms Mistral-7B on ten tasks.",
    # pre-trained from scratch: nothing taken over
    "Models such as Mistral read long inputs. We present Legal-Mistral, pre-trained from scratch on 6B tokens of "
    "court rulings.",
    # a later sentence trained "on tokens" only: how any model is pre-trained
    "Encoders such as Wren-1B read long inputs. We introduce ModernWren-1B. Trained on 2 trillion tokens, "
    "ModernWren-1B models lead retrieval benchmarks.",
    # no data said: pre-trained on nothing the sentence names
    "Models such as Mistral read long inputs. We present Legal-Mistral for court rulings.",
    # a gerund before the name is a title's phrase, not a model's word
    "Distilling Falcon: we study how Falcon answers questions. Falcon is strong.",
])
def test_a_name_holding_a_model_without_a_stated_step_links_nothing(extract_abstract, abstract):
    assert not pairs(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We compare Falcon-7B-Instruct with Falcon-7B and find that Kelp-13B is better.",  # someone else's pair
    "Our method beats Falcon-7B-INT4 and Falcon-7B on every task.",  # someone else's quantized pair
    "We introduce Kelp-13B-GPTQ, a quantized chat model.",  # the model it was quantized from is named nowhere
    "We introduce Kelp, a family of models. Kelp-72B-Instruct leads the open models.",  # a family, not a checkpoint
])
def test_naming_alone_links_no_one_elses_models_and_no_family(extract_abstract, abstract):
    assert not pairs(extract_abstract(abstract))


# --- what is and is not a model -------------------------------------------------------------------------

def test_a_methods_acronym_is_no_model_and_no_parent(extract_abstract):
    doc = extract_abstract("We present a method called depth up-scaling (DUS). We introduce Kelp-10B, a model with "
                           "10B parameters. Building on the DUS model, we present Kelp-10B-Instruct, a variant "
                           "fine-tuned for chat.")
    assert "DUS" not in models(doc)
    assert ("Kelp-10B-Instruct", "Kelp-10B") in pairs(doc)
    assert not {p for c, p in pairs(doc) if p == "DUS"}


def test_a_family_the_authors_introduce_and_its_members_are_models(extract_abstract):
    doc = extract_abstract("We introduce the KelpLM model family. Additionally, we introduce the KelpLM family, "
                           "including KelpLM-MoE and KelpLM-128K.")
    assert {"KelpLM", "KelpLM-MoE", "KelpLM-128K"} <= introduced(doc)


def test_a_family_someone_else_made_is_not_introduced(extract_abstract):
    doc = extract_abstract("This work introduces Kelp, a family of open models built from the research used to "
                           "create Vega models.")
    assert "Vega" not in introduced(doc)


@pytest.mark.parametrize("abstract, name", [
    ("We introduce KelpCoder, which empowers code LLMs with evolved instructions. KelpCoder models are open.",
     "KelpCoder"),
    ("We introduce KelpMoE, a fully open, state-of-the-art language model leveraging sparse experts.", "KelpMoE"),
    ("We present $Kelpie$, a family of fine-tuned large language models.", "Kelpie"),
])
def test_a_coined_name_the_paper_introduces_as_a_model(extract_abstract, abstract, name):
    assert name in introduced(extract_abstract(abstract))


def test_a_coined_method_is_no_model(extract_abstract):
    doc = extract_abstract("In this paper, we propose KelpTune, which adapts LLMs with evolved instructions. "
                           "KelpTune extends models' context while retaining their architectures.")
    assert "KelpTune" not in models(doc)


@pytest.mark.parametrize("abstract, expected", [
    ("We release Kelp in 7B and 13B sizes.", {"Kelp 7B", "Kelp 13B"}),
    ("Kelp-1B outperforms Pythia and MiniKelp on every benchmark.", {"Pythia", "MiniKelp"}),
])
def test_sized_members_and_compared_models(extract_abstract, abstract, expected):
    assert expected <= models(extract_abstract(abstract))


def test_every_candidate_is_explained(extract_abstract):
    """kg explain reads these: the kept edge with its rule, and a rejected candidate with its reason."""
    doc = extract_abstract("We fine-tune Falcon-7B on our data to obtain Kelp-7B. Kelp-7B outperforms Vega-13B.")
    kept = [d for d in doc.decisions if d.accepted]
    assert [(d.child, d.parent, d.kind) for d in kept] == [("Kelp-7B", "Falcon-7B", "finetuned")]
    assert kept[0].rule.startswith("role") and kept[0].sentence == 0
    assert all(d.why for d in doc.decisions if not d.accepted)


def test_what_a_name_extends_says_what_it_is(extract_abstract):
    doc = extract_abstract("We further introduce KelpEvalPack, expanding the KelpEval benchmark to six languages. "
                           "Our models, KelpCoder and KelpGeeX, lead on KelpEvalPack among all permissive models.")
    assert "KelpEvalPack" not in models(doc)


def test_a_sized_member_of_a_family_introduced_in_the_plural_is_the_papers(extract_abstract):
    doc = extract_abstract("We introduce SeaKelps, an innovative series of language models for regional languages. "
                           "Our evaluation shows that SeaKelp-13b models exhibit superior performance.")
    assert "SeaKelp-13b" in introduced(doc)


# --- a family's trained checkpoint, a tagged variant, a method's capitalised acronym -----------------------

@pytest.mark.parametrize("abstract", [
    "Our method leverages a pre-trained Falcon and adds a router.",
    "We keep the frozen Falcon and train a small adapter on top.",
    "We start from a pretrained Mistral and tune it on math.",
])
def test_a_bare_family_after_trained_or_frozen_is_a_model(extract_abstract, abstract):
    assert models(extract_abstract(abstract)) & {"Falcon", "Mistral"}


@pytest.mark.parametrize("abstract", [
    "Falcon models are popular; we study their tokenizers.",
    "We compare tokenizers across many model families.",
])
def test_a_family_in_the_plural_or_unnamed_is_not_a_checkpoint(extract_abstract, abstract):
    assert not models(extract_abstract(abstract)) & {"Falcon"}


@pytest.mark.parametrize("abstract, edge", [
    ("Kelp-7B is a popular dense model. We propose Kelp-7B-MoE, a sparse mixture model for retrieval. Our recipe "
     "fine-tunes each expert on one domain. Kelp-7B-MoE beats Kelp-7B on all tasks.",
     ("Kelp-7B-MoE", "Kelp-7B", "finetuned")),
    ("Fern-2B reads text well. We release Fern-2B-UI, a compact model for screens. We continue pretraining on app "
     "layouts. Fern-2B-UI beats Fern-2B by 9 points.", ("Fern-2B-UI", "Fern-2B", "continued_pretraining")),
])
def test_a_tagged_variant_of_a_model_of_the_record_is_made_the_way_the_abstract_says(extract_abstract, abstract,
                                                                                    edge):
    assert edge in edges(extract_abstract(abstract))


def test_a_tag_that_is_a_size_or_a_model_of_no_record_gives_no_edge(extract_abstract):
    doc = extract_abstract("We fine-tune our data pipeline and release KelpNet-XL, a 3B model.")
    assert not {p for c, p in pairs(doc) if c == "KelpNet-XL"}


@pytest.mark.parametrize("abstract, method", [
    ("We introduce Diversified Kelp Upcycling (DKU), which fine-tunes several encoders. DKU leverages a "
     "pre-trained Falcon and turns it into experts.", "DKU"),
    ("We propose Direct Loam Optimization (DLO). DLO trains Kelp-7B without a reward model.", "DLO"),
])
def test_an_acronym_of_a_process_in_capitals_is_no_model(extract_abstract, abstract, method):
    assert method not in models(extract_abstract(abstract))


def test_a_family_named_after_its_training_stays_a_model(extract_abstract):
    doc = extract_abstract("Many captioners encode images with Contrastive Language-Image Pre-training (CLIP). "
                           "We fine-tune CLIP on long captions to obtain KelpCLIP-L.")
    assert {"CLIP", "KelpCLIP-L"} <= models(doc)


@pytest.mark.parametrize("abstract, edge", [
    ("We develop a new TraceKelp model by finetuning OpenKelp on our own collected robot trajectories.",
     ("TraceKelp", "OpenKelp")),
    ("We build FernCoder by fine-tuning StarKelp2 on permissive code.", ("FernCoder", "StarKelp2")),
])
def test_a_coined_name_a_model_is_fine_tuned_from_is_a_model(extract_abstract, abstract, edge):
    assert edge in pairs(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, data", [
    ("We build FernCoder by fine-tuning on KelpWeb, a corpus of pages.", "KelpWeb"),
    ("We fine-tune Kelp-7B on KelpToolBench and report gains.", "KelpToolBench"),
])
def test_what_a_model_is_fine_tuned_on_is_no_model(extract_abstract, abstract, data):
    assert data not in models(extract_abstract(abstract))


def test_a_model_named_in_an_opening_whose_subject_is_the_authors_is_a_parent_not_a_child(extract_abstract):
    doc = extract_abstract("In this paper, we introduce Porpoise, a novel vision-language model for driving. "
                           "Building upon the open-sourced pretrained vision-language model, OpenKelpingo, we first "
                           "enhance Porpoise's reasoning through a grounded process.")
    assert ("OpenKelpingo", "Porpoise") not in pairs(doc)


@pytest.mark.parametrize("abstract, expected", [
    ("We present KelpGPT-27B and KelpGPT-9B: continually pretrained and fine-tuned versions of the Falcon-2 "
     "models, optimized for Basque.", {("KelpGPT-27B", "Falcon-2"), ("KelpGPT-9B", "Falcon-2")}),
    ("We release Loam-S and Loam-M, quantized variants of Kelp-7B.", {("Loam-S", "Kelp-7B"), ("Loam-M", "Kelp-7B")}),
])
def test_plural_versions_of_a_model_are_made_from_it(extract_abstract, abstract, expected):
    assert expected <= pairs(extract_abstract(abstract))


def test_surpassing_versions_of_models_is_a_comparison(extract_abstract):
    doc = extract_abstract("Built on Falcon-2 base models, KelpTune achieves results surpassing the instruct "
                           "versions of Falcon-2, Loam 2.5 and Silt.")
    assert ("KelpTune", "Falcon-2") in pairs(doc)
    assert not {("KelpTune", "Loam 2.5"), ("KelpTune", "Silt")} & pairs(doc)


# --- names in titles and lists ------------------------------------------------------------------------------

@pytest.mark.parametrize("title, name", [
    ("Introducing Kelpo: A Fine-Tuned Large Language Model for Basque Prompt-Based Tasks", "Kelpo"),
    ("Presenting Vireo: An Open Bilingual Chat Model", "Vireo"),
    ("Fern-Llama: Adapting Large Language Models for Basque", "Fern-Llama"),
    ("Loam-Falcon: Bringing Open Models to Low-Resource Languages", "Loam-Falcon"),
])
def test_a_title_s_name_is_the_paper_s_model(extract_abstract, title, name):
    doc = extract_abstract("We train on Basque text and evaluate on ten tasks.", title=title)
    assert name in introduced(doc)


@pytest.mark.parametrize("title, name", [
    ("Kelp-CC: Transforming Web Crawls into a Refined Pretraining Dataset", "Kelp-CC"),
    ("Fern-Llama: A Benchmark for Basque Reading", "Fern-Llama"),
    ("Beyond Llama: Why Open Models Need Better Data", "Llama"),
])
def test_a_title_s_name_its_subtitle_calls_data_or_that_is_someone_else_s_is_no_new_model(extract_abstract, title,
                                                                                            name):
    doc = extract_abstract("We study data quality for pretraining.", title=title)
    assert name not in introduced(doc)


@pytest.mark.parametrize("abstract, edge", [
    ("This work proposes a fine-tuned Falcon 2-based model for Basque prompts named Kelpo in two versions: 7B "
     "and 13B.", ("Kelpo", "Falcon 2", "finetuned")),
    ("We release a Mistral 7-based model for legal questions named Lexo.", ("Lexo", "Mistral 7", "based_on")),
])
def test_a_versioned_family_based_model_named_after_its_purpose_is_made_from_it(extract_abstract, abstract, edge):
    assert edge in edges(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, names", [
    ("We re-train (continue pre-training) two popular legal PLMs, LegalKelp and CaseKelpBERT, on court data.",
     {"LegalKelp", "CaseKelpBERT"}),
    ("We compare three strong LLMs, VireoLM, QuillChat and Marten-2, on every task.", {"VireoLM", "QuillChat", "Marten-2"}),
])
def test_names_listed_after_counted_plural_models_are_models(extract_abstract, abstract, names):
    assert names <= models(extract_abstract(abstract))


def test_names_listed_after_counted_plural_data_are_no_models(extract_abstract):
    doc = extract_abstract("We build two new corpora, KelpWeb and KelpBooks, for pretraining.")
    assert not {"KelpWeb", "KelpBooks"} & models(doc)


@pytest.mark.parametrize("abstract, name", [
    ("We present KelpCoder2, which achieves 62% pass@1. KelpCoder2 consistently outperforms all previous Code LLMs.",
     "KelpCoder2"),
    ("We propose FernMo. FernMo also surpasses several open MLLMs of twice its size.", "FernMo"),
])
def test_a_new_name_that_outperforms_models_is_a_model(extract_abstract, abstract, name):
    assert name in introduced(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    ("We propose KelpPrune. KelpPrune outperforms prior pruning methods on every benchmark.", "KelpPrune"),
    ("We build KelpBench. Models that do well on KelpBench outperform other models in use.", "KelpBench"),
])
def test_a_name_that_outperforms_methods_or_is_measured_on_is_no_model(extract_abstract, abstract, name):
    assert name not in models(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, edge", [
    ("We propose KelpOmni, a speech language model. We build our model based on the latest Falcon-3.1-8B-Instruct "
     "model.", ("KelpOmni", "Falcon-3.1-8B-Instruct")),
    ("We introduce Vireo, a legal assistant model. We then fine-tune our final model from Kelp-13B on court "
     "records.", ("Vireo", "Kelp-13B")),
])
def test_our_model_is_the_paper_s_main_model(extract_abstract, abstract, edge):
    assert edge in pairs(extract_abstract(abstract))


def test_a_model_the_authors_build_but_do_not_call_theirs_is_no_child(extract_abstract):
    doc = extract_abstract("We propose KelpOmni, a speech language model. We build a model based on "
                           "Falcon-3.1-8B-Instruct for comparison.")
    assert not pairs(doc)


@pytest.mark.parametrize("abstract, edge", [
    ("We show how Vireo-4 can be distilled into much smaller KelpNER models for open NER.", ("KelpNER", "Vireo-4")),
    ("We show that Loam-70B is easily compressed into KelpTiny, a 1B model.", ("KelpTiny", "Loam-70B")),
])
def test_what_a_model_is_distilled_into_is_made_from_it(extract_abstract, abstract, edge):
    assert edge in pairs(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, edge", [
    ("In this work, we introduce the generative language model KelpBART that adapts Falcon-7B to the biomedical "
     "domain.", ("KelpBART", "Falcon-7B")),
    ("We present LexKelp, a model which adapts Loam-13B to the legal domain.", ("LexKelp", "Loam-13B")),
    ("We developed KelpGPT with different parameter scales by training the backbone model Falcon-7B with "
     "KelpInstruct.", ("KelpGPT", "Falcon-7B")),
    ("This paper introduces KelpT2V, a text-to-video model that evolves from a text-to-image model (i.e., Stable "
     "Diffusion).", ("KelpT2V", "Stable Diffusion")),
])
def test_adapts_a_backbone_model_and_a_model_identified_by_ie(extract_abstract, abstract, edge):
    assert edge in pairs(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We introduce KelpBART, which outperforms models that adapt Falcon-7B to the biomedical domain.",
    "We introduce KelpT2V, a video model that we compare with an image model (e.g., Stable Diffusion).",
])
def test_a_compared_adaptation_or_an_example_is_no_parent(extract_abstract, abstract):
    assert not pairs(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We train KelpCLIP, a CLIP-like model for the fashion industry.",
    "We train FernSeg, a SAM-style model for fabric segmentation.",
])
def test_a_model_a_new_one_is_like_is_no_parent(extract_abstract, abstract):
    assert not pairs(extract_abstract(abstract))


def test_data_distilled_into_a_model_then_the_resulting_model(extract_abstract):
    doc = extract_abstract("We build a preference dataset with AI annotation. Furthermore, the preference supervision "
                           "is distilled into Vireo-VL-Chat through direct preference optimization (DPO). The "
                           "resulting model Kelpie achieves 6.9% gains.",
                           title="Kelpie: Preference Distillation for Vision Language Models")
    assert ("Kelpie", "Vireo-VL-Chat", "aligned") in edges(doc)
    assert ("Vireo-VL-Chat", "Kelpie") not in pairs(doc)
    assert not {k for c, p, k in edges(doc) if k == "distilled"}  # data distilled in is a tuning, not a distillation


def test_a_model_distilled_into_another_is_its_parent(extract_abstract):
    assert ("KelpTiny", "Loam-70B") in pairs(extract_abstract("We show how Loam-70B is distilled into KelpTiny, a "
                                                              "1B model. The resulting model runs on phones."))


@pytest.mark.parametrize("abstract, names", [
    ("Our models outperform Arabic-specialized LLMs like Falcon, Vireo, and Kelpa on every task.",
     {"Falcon", "Vireo", "Kelpa"}),
    ("It beats strong open models such as Quillon, Marten and Sedge.", {"Quillon", "Marten", "Sedge"}),
])
def test_every_name_of_a_list_of_example_models_is_a_model(extract_abstract, abstract, names):
    assert names <= models(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, absent", [
    ("We evaluate on benchmarks such as Quillon, Marten and Sedge.", {"Quillon", "Marten", "Sedge"}),
    ("We study languages like Basque, Breton and Welsh.", {"Basque", "Breton", "Welsh"}),
])
def test_a_list_of_examples_of_something_else_names_no_models(extract_abstract, abstract, absent):
    assert not absent & models(extract_abstract(abstract))


def test_a_hub_repository_names_the_model_after_its_owner(extract_abstract):
    doc = extract_abstract("We release the weights at kelp-ai/Falcon-3-SEC-Base.")
    assert "Falcon-3-SEC-Base" in models(doc)
    assert not any("/" in m for m in models(doc))


@pytest.mark.parametrize("abstract, edge", [
    ("We conducted continuous pre-training using Basque text on a 3-billion-parameter model known as OpenKelp, "
     "resulting in a model named openKelpo 3B.", ("openKelpo 3B", "OpenKelp")),
])
def test_a_model_known_as_x_and_a_lower_case_coined_name(extract_abstract, abstract, edge):
    assert edge in pairs(extract_abstract(abstract))


def test_a_benchmark_also_known_as_another_name_is_not_introduced(extract_abstract):
    doc = extract_abstract("Our model scores 59.4 on 15 retrieval tasks in the KelpTEB benchmark (also known as "
                           "LOAMIR).")
    assert not {n for f in doc.facts if f.predicate == "introduces" for n in [f.object.name]} & {"LOAMIR", "KelpTEB"}


def test_a_title_s_two_word_name_before_the_colon_is_one_name(extract_abstract):
    doc = extract_abstract("We present an open-set object detector by marrying the detector KELP with grounded "
                           "pre-training.", title="Grounding KELP: Marrying KELP with Grounded Pre-Training")
    assert "KELP" not in introduced(doc)


def test_a_name_holding_a_model_the_record_only_compares_with_is_no_derivation(extract_abstract):
    doc = extract_abstract("We pre-train MatSciKelp on materials science text. We show that MatSciKelp outperforms "
                           "SciKelp, a language model trained on science corpus, on all the tasks.",
                           title="MatSciKelp: A Materials Aware Language Model")
    assert not pairs(doc)


def test_a_name_holding_a_model_the_record_builds_on_still_is(extract_abstract):
    doc = extract_abstract("We propose MatSciKelp, a materials model. Our recipe continues the pretraining of "
                           "SciKelp-base on papers. MatSciKelp outperforms SciKelp-base on all the tasks.")
    assert ("MatSciKelp", "SciKelp-base") in pairs(doc)


@pytest.mark.parametrize("abstract", [
    "We present Lawyer Kelp, a legal LLM. We find that expert data is more useful than experiences distilled from "
    "Vireo-4.",
    "We present KelpAgent, a web agent model. It learns from trajectories collected with Vireo-4.",
])
def test_what_was_distilled_or_collected_from_a_model_as_data_makes_no_child(extract_abstract, abstract):
    assert not pairs(extract_abstract(abstract))


@pytest.mark.parametrize("abstract, name", [
    ("In this work, we present Promptkelp, the first retrieval model able to be prompted like an LM.", "Promptkelp"),
    ("We release Vireon, the largest open model for Basque.", "Vireon"),
    ("KelpActAgent, finetuned from Falcon-7B and Vireo-2, is integrated with a Python interpreter.", "KelpActAgent"),
])
def test_the_first_or_largest_model_and_a_coined_child_opening_a_sentence_are_introduced(extract_abstract, abstract,
                                                                                        name):
    assert name in introduced(extract_abstract(abstract))



@pytest.mark.parametrize("abstract, data", [
    ("Moreover, our TinyKelp ViT-8M/16, trained on KelpCC-15M, achieves an impressive accuracy.", "KelpCC-15M"),
    ("Our encoder is pre-trained on LoamWeb-400M and tuned on captions.", "LoamWeb-400M"),
])
def test_what_a_model_is_trained_on_is_data(extract_abstract, abstract, data):
    doc = extract_abstract(abstract)
    assert data not in models(doc)
    assert not {c for c, p in pairs(doc) if p == data}


@pytest.mark.parametrize("abstract, title, absent", [
    ("We are releasing the Kelp Anything Model (KAM) and corresponding dataset (KA-1B) of 1B masks.", None, "KA-1B"),
    ("We distil a small model for entity recognition.",
     "UniversalKelp: Targeted Distillation from Large Language Models for Open Named Entity Recognition", "Entity"),
])
def test_a_name_in_parentheses_after_dataset_or_after_a_capitalised_named_is_no_model(extract_abstract, abstract,
                                                                                      title, absent):
    assert absent not in models(extract_abstract(abstract, title))


@pytest.mark.parametrize("abstract, edge", [
    ("In this paper, we introduce KelpMind, an open bilingual model. By expanding Falcon-2's vocabulary with 10,000 "
     "Basque tokens and training it on 2 billion Basque tokens, we show that our approach keeps English skills.",
     ("KelpMind", "Falcon-2")),
    ("We present LoamLM, a Welsh model. We extend the tokenizer of Kelp-7B with Welsh pieces and train it further.",
     ("LoamLM", "Kelp-7B")),
])
def test_a_model_whose_vocabulary_the_authors_expand_is_the_parent(extract_abstract, abstract, edge):
    assert edge in pairs(extract_abstract(abstract))


def test_siblings_not_called_variants_are_not_made_from_the_paper_s_model(extract_abstract):
    doc = extract_abstract("We present Kelp1.5, a family of multimodal models. We also release Kelp1.5-Video and "
                           "Kelp1.5-UI.")
    assert not {e for e in edges(doc) if e[1] == "Kelp1.5"}


def test_a_dataset_named_after_the_paper_s_model_is_no_model(extract_abstract):
    doc = extract_abstract("We introduce Kelp, a code model. We also release Kelp-Data, a dataset of code.")
    assert "Kelp-Data" not in {m.name for m in doc.entities if m.kind == "model"}


def test_a_child_the_sentence_names_is_the_paper_s_even_where_it_reports_results(extract_abstract):
    doc = extract_abstract("The law guides us to distil a 3B student LM (termed KelpMA) from a 7B teacher LM "
                           "(adapted Orvik-7B). KelpMA yields a new frontier, and its instruction-tuned version "
                           "(termed KelpChat) outperforms a wide range of 3B competitors.")
    assert {"KelpMA", "KelpChat"} <= {f.object.name for f in doc.facts if f.predicate == "introduces"}


def test_a_child_a_results_sentence_does_not_name_is_not_the_paper_s(extract_abstract):
    doc = extract_abstract("Our study compares models. The instruction-tuned Orvik-7B-Chat, fine-tuned from Orvik-7B, "
                           "outperforms Falcon-7B on math.")
    assert "Orvik-7B-Chat" not in {f.object.name for f in doc.facts if f.predicate == "introduces"}


@pytest.mark.parametrize("title, abstract, edge", [
    # the title names the paper's model; the abstract only says the authors make "a ... model" from a parent
    ("Kelpo1: On the Transfer of Reasoning to Finance", "We evaluate 16 reasoning LLMs on financial tasks. To "
     "address these limits, we develop a financial reasoning-enhanced model based on Orvik-3.1-8B-Instruct, by "
     "CoT fine-tuning and reinforcement learning. Our model improves by 10%.",
     ("Kelpo1", "Orvik-3.1-8B-Instruct", "finetuned")),
    ("Fernlaw2: Legal Reasoning at Small Scale", "We build a legal model based on Moss-2-7B. It beats larger ones.",
     ("Fernlaw2", "Moss-2-7B", "based_on")),
    ("Wrenmed-3: A Study of Clinical Notes", "We train a clinical model from Orvik-8B with continued pre-training on "
     "notes.", ("Wrenmed-3", "Orvik-8B", "continued_pretraining")),    # "our model" after the step that made it; a title name of a known family's stem and a word
    ("Mistral-Prover: Advancing Theorem Proving through Synthetic Data", "Proof assistants verify proofs. After "
     "fine-tuning the Orvik 7B model on this synthetic dataset, our model achieved 46.3% on the test.",
     ("Mistral-Prover", "Orvik 7B", "finetuned")),
    ("Mistral-Prover: Advancing Theorem Proving through Synthetic Data", "Proof assistants verify proofs. After "
     "fine-tuning the Orvik 7B model on this synthetic dataset, which comprises 8 million statements, our model "
     "achieved 46.3% on the test, surpassing Vireo-4.", ("Mistral-Prover", "Orvik 7B", "finetuned")),
])
def test_a_model_only_the_title_names_is_what_the_authors_make_unnamed(extract_abstract, title, abstract, edge):
    doc = extract_abstract(abstract, title)
    assert edge in edges(doc)
    assert edge[0] in {f.object.name for f in doc.facts if f.predicate == "introduces" and f.object.kind == "model"}


@pytest.mark.parametrize("title, abstract", [
    # the abstract names the paper's model: "a model" is another one
    ("Kelpo1: On the Transfer of Reasoning to Finance", "We present Kelpo1, a method for finance. We develop a "
     "financial model based on Orvik-3.1-8B-Instruct for comparison."),
    # no model made: the title's name is a method
    ("Kelpo1: On the Transfer of Reasoning to Finance", "We study how reasoning transfers. We fine-tune "
     "Orvik-3.1-8B-Instruct with our method and analyse it."),    ("Kelpo1: On the Transfer of Reasoning to Finance", "We study how reasoning transfers. After fine-tuning "
     "Orvik-3.1-8B-Instruct with our method, our analysis shows gains."),
])
def test_a_titled_name_takes_no_parent_the_abstract_gives_another(extract_abstract, title, abstract):
    assert ("Kelpo1", "Orvik-3.1-8B-Instruct") not in pairs(extract_abstract(abstract, title))


@pytest.mark.parametrize("abstract, edge, absent", [
    ("We present Kelp-24B, trained for reasoning on top of Orvik-24B with RL alone, and we open-source Kelp-7B "
     "which further includes cold-start data from Kelp-24B.", ("Kelp-24B", "Orvik-24B"), ("Kelp-7B", "Orvik-24B")),
    ("We fine-tune Orvik-8B into Kelp-8B; we also release Kelp-1B, trained from scratch.", ("Kelp-8B", "Orvik-8B"),
     ("Kelp-1B", "Orvik-8B")),
])
def test_a_model_of_a_later_clause_is_no_child_by_elimination(extract_abstract, abstract, edge, absent):
    found = pairs(extract_abstract(abstract))
    assert edge in found and absent not in found


@pytest.mark.parametrize("abstract, edge, absent", [
    # compressing a cache, activations or a context is no pruning of a model; "Key-Value cache" names no model
    ("We present Kelp-VL2, fine-tuned from Orvik-MoE-16B with latent attention, which compresses Key-Value cache "
     "into latent vectors.", ("Kelp-VL2", "Orvik-MoE-16B", "finetuned"), ("Kelp-VL2", "Key-Value", "pruned")),
    ("We present Kelp-VL2, built on Orvik-MoE-16B, whose latent attention compresses the KV cache for fast "
     "decoding.", ("Kelp-VL2", "Orvik-MoE-16B", "based_on"), ("Kelp-VL2", "Orvik-MoE-16B", "pruned")),
])
def test_compressing_a_cache_is_no_pruning(extract_abstract, abstract, edge, absent):
    found = edges(extract_abstract(abstract))
    assert edge in found and absent not in found


@pytest.mark.parametrize("abstract, edge", [
    # the language (or vision) component the authors take for their model
    ("We present Kelp-VL2, a series of vision-language models. For the language component, we leverage "
     "Orvik-MoE-16B models with latent attention.", ("Kelp-VL2", "Orvik-MoE-16B", "based_on")),
    ("We introduce Kelp-Audio, an audio-language model. For the language backbone, we adopt Fern-7B.",
     ("Kelp-Audio", "Fern-7B", "based_on")),
])
def test_the_component_the_authors_take_is_a_parent(extract_abstract, abstract, edge):
    assert edge in edges(extract_abstract(abstract))


@pytest.mark.parametrize("abstract", [
    "We present Kelp-VL2, a series of vision-language models. For the evaluation, we use Orvik-MoE-16B as a judge.",
    "We present Kelp-VL2. For the language component of the baseline, Orvik-MoE-16B is used.",
])
def test_a_model_used_for_something_else_is_no_component(extract_abstract, abstract):
    assert not pairs(extract_abstract(abstract))
