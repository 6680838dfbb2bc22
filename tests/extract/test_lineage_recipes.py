"""Recipes, titles, two-word names and kinds told apart from the derivation, as a CheckList.

Each capability is a small generated table (templates x invented names x kinds), negatives included,
with a pass rate per group printed in the test summary:

    recipe/stages        "..., creating Kelp-Base, followed by finetuning on ..., creating Kelp-Instruct."
    recipe/which-then    "We prune Orvik-13B, yielding Kelp-Base, which we then align ... to obtain Kelp-Chat."
    recipe/one-reading   "We prune Orvik-13B and then distill it to obtain Kelp-4B." (one stage: no chain)
    title/participle     "Kelp: A Clinical Language Model Fine-Tuned from Orvik-13B"
    name/two-words       "We present Brisk Otter, an open language model ..." (negatives: methods, datasets)
    kind/same-sentence   "Kelp builds on Orvik-13B, and extends pretraining on ..." -> continued_pretraining
    kind/dense-to-moe    "It is initialized from the dense checkpoints of our Orvik-13B model." -> upcycled
    kind/purpose         "Our method fine-tunes models to lengthen their context. ..." -> + context_extended
    kind/moe-from-dense  "We investigate building MoE models from existing dense models. ..." -> upcycled
    name/compound        "... we distill Orvik ... is termed MobileOrvik" -> MobileOrvik <- Orvik, distilled
    parent/part-of       "the image encoder ViT-Q in the original Orvik-13B" -> the parent is Orvik-13B
    parent/nouns-in-list "based on the A vision encoder and the B language model" -> two parents
    parent/such-as       "Building on recent ... LLMs, such as A and B, we present ..." -> two parents
    child/opening-clause-subject  "Initialized from X-Base, the model undergoes ..." -> the paper's model
    child/role-in-parentheses     "fine-tuning Y both as a dense retriever (A) and as a ranker (B)"
    parent/parts-combined         "X combines the visual encoders from A and the language models from B"

A row passes when the derivations found are exactly the expected ones (kinds included).
"""

from __future__ import annotations

import itertools
import random
from collections import defaultdict
from dataclasses import dataclass

import pytest

from kg.extract.fact import DERIVATION_KINDS

SEED = 16
STEMS = ["Kelpra", "Vortan", "Miruna", "Talvex", "Quenby", "Ostrel", "Zephran", "Dravin"]
PARENTS = ["Orvik-13B", "Halden-7B", "Solvey-34B", "Brenna-2-70B", "Pellan-8B", "Nimbra-3-8B"]
BASES = ["SQM", "VDX", "Orvik", "KelpNet"]
"""Models a compound name is made of ("MobileSQM", "VDX-Lightning")."""
TWO_WORDS = ["Brisk Otter", "Silver Heron", "Quiet Lynx", "Amber Finch", "Copper Wren", "Stone Marten"]

STAGE = {  # kind -> how a stage of a recipe says it, before "creating X"
    "continued_pretraining": "We perform continued pretraining on a mixture of code and text",
    "finetuned": "We fine-tune on a curated set of instructions",
    "aligned": "We align with direct preference optimization on human preferences",
    "context_extended": "We extend the context window to 128K tokens",
}
LATER = {  # kind -> a later stage, after "followed by"
    "finetuned": "finetuning on instructions for translation",
    "aligned": "alignment with DPO on preference pairs",
    "context_extended": "an extension of the context window to 64K tokens",
}
MADE = {"finetuned": "Instruct", "aligned": "Chat", "context_extended": "Long", "quantized": "Lite"}
"""The word a later stage's model is named with ("Kelpra-Instruct")."""
THEN = {  # kind -> "which we then ..."
    "finetuned": "fine-tune on instructions",
    "aligned": "align with RLHF",
    "quantized": "quantize to 4 bits",
}
FIRST = {  # kind -> an active first stage naming its parent
    "pruned": "We prune {P}",
    "distilled": "We distill {P}",
    "continued_pretraining": "We continue pretraining {P} on code",
    "finetuned": "We fine-tune {P} on math problems",
}
TITLE = {  # kind -> a title participle
    "finetuned": "Fine-Tuned from",
    "distilled": "Distilled from",
    "pruned": "Pruned from",
    "continued_pretraining": "Continually Pretrained from",
}
NOT_MODELS = ["a method for aligning language models", "a dataset of clinical dialogues",
              "a benchmark for long-context reasoning", "a technique that compresses attention"]


@dataclass(frozen=True)
class Row:
    group: str
    title: str | None
    text: str
    expected: frozenset
    intro_model: str | None = None
    """A name that must (group name/two-words) or must not (its negatives) be introduced as a model."""
    introduced: bool = True


def generate() -> list[Row]:
    rnd = random.Random(SEED)
    rows: list[Row] = []
    for k1, stage in STAGE.items():
        for k2, later in LATER.items():
            stem, parent = rnd.choice(STEMS), rnd.choice(PARENTS)
            base, tuned = f"{stem}-Base", f"{stem}-{MADE[k2]}"
            rows.append(Row("recipe/stages", None,
                            f"{stage}, creating {base}, followed by {later}, creating {tuned}. "
                            f"{tuned} is strong.", frozenset({(tuned, base, k2)})))
            rows.append(Row("recipe/stages", None,
                            f"{FIRST['finetuned'].format(P=parent)}, yielding {base}, followed by {later}, "
                            f"creating {tuned}.", frozenset({(base, parent, "finetuned"), (tuned, base, k2)})))
    for k1, first in FIRST.items():
        for k2, then in THEN.items():
            stem, parent = rnd.choice(STEMS), rnd.choice(PARENTS)
            base, tuned = f"{stem}-Base", f"{stem}-{MADE[k2]}"
            rows.append(Row("recipe/which-then", None,
                            f"{first.format(P=parent)}, yielding {base}, which we then {then} to obtain {tuned}.",
                            frozenset({(base, parent, k1), (tuned, base, k2)})))
    for parent in PARENTS:  # "and then" inside one stage: one reading, both kinds, no chain
        child = f"{rnd.choice(STEMS)}-4B"
        rows.append(Row("recipe/one-reading", None,
                        f"We prune {parent} and then distill it to obtain {child}.",
                        frozenset({(child, parent, "pruned"), (child, parent, "distilled")})))
    for kind, participle in TITLE.items():
        for parent in rnd.sample(PARENTS, 3):
            name = rnd.choice(STEMS)
            rows.append(Row("title/participle", f"{name}: A Clinical Language Model {participle} {parent}",
                            f"Our proposed {name} improves clinical accuracy.",
                            frozenset({(name, parent, kind)}), intro_model=name))
    for name in TWO_WORDS:
        rows.append(Row("name/two-words", None,
                        f"We present {name}, an open large language model tailored for clinical research. "
                        f"{name} surpasses strong baselines.", frozenset(), intro_model=name))
        parent = rnd.choice(PARENTS)
        rows.append(Row("name/two-words", None,
                        f"We introduce {name}, an open language model. Fine-tuned from {parent} using LoRA, "
                        f"{name} achieves strong results.", frozenset({(name, parent, "finetuned")}),
                        intro_model=name))
        rows.append(Row("name/two-words-negative", None, f"We introduce {name}, {rnd.choice(NOT_MODELS)}.",
                        frozenset(), intro_model=name, introduced=False))
        rows.append(Row("name/two-words-negative", None,  # not after an introducing verb: a title's words
                        f"Recent work on {name}, a family of open models, is surveyed.",
                        frozenset(), intro_model=name, introduced=False))
    for parent in PARENTS:
        name = rnd.choice(STEMS)
        rows.append(Row("kind/same-sentence", None,
                        f"We release {name}, a suite of open models. {name} builds on {parent}, and extends "
                        f"pretraining on a curated medical corpus.",
                        frozenset({(name, parent, "continued_pretraining")})))  # the specific kind replaces based_on
        moe = f"{name}-MoE"
        rows.append(Row("kind/dense-to-moe", None,
                        f"We introduce {moe}, a mixture-of-experts language model with 16 experts. It is "
                        f"initialized from the pre-existing dense checkpoints of our {parent} model.",
                        frozenset({(moe, parent, "upcycled")}), intro_model=parent, introduced=False))
        rows.append(Row("kind/purpose", None,
                        f"Our method allows for fine-tuning pre-existing models to lengthen their effective "
                        f"context. This is shown by our fine-tuning of {parent} checkpoints. The resulting "
                        f"models, which we name {name}, handle long inputs.",
                        frozenset({(name, parent, "finetuned"), (name, parent, "context_extended")})))
    for base in BASES:  # names made of a model's name and one word, in a paper that says how
        known = f"{base} is a prompt-guided vision foundation model released last year."
        for word, cue, kind in (("Mobile", "we distill the knowledge of {B} into a lightweight encoder", "distilled"),
                                ("Sparse", "we prune the attention blocks of {B}", "pruned")):
            rows.append(Row("name/compound", None,
                            f"{known} In this work, {cue.format(B=base)}. The resulting lightweight model is "
                            f"termed {word}{base}, which runs on phones.",
                            frozenset({(f"{word}{base}", base, kind)}), intro_model=f"{word}{base}"))
            rows.append(Row("name/compound", None,
                            f"We propose a {kind[:-2]}ing method for one-step image generation based on {base}. "
                            f"We open-source our {kind} {base}-Lightning models.",
                            frozenset({(f"{base}-Lightning", base, kind)})))
        rows.append(Row("name/compound-negative", None,  # no step named: the name alone says nothing
                        f"{known} We introduce Mobile{base}, an open model trained from scratch on 2T tokens. "
                        f"Mobile{base} outperforms {base} on most benchmarks.", frozenset()))
    for parent, other in zip(PARENTS, PARENTS[1:]):
        name = rnd.choice(STEMS)
        rows.append(Row("parent/part-of", None,
                        f"We distill the knowledge from the image encoder ViT-Q in the original {parent} into a "
                        f"small encoder. The resulting model, {name}, is fast.",
                        frozenset({(name, parent, "distilled")})))
        rows.append(Row("parent/nouns-in-list", None,
                        f"{name} is an open vision-language model that is based on the {parent} vision encoder "
                        f"and the {other} language model.",
                        frozenset({(name, parent, "based_on"), (name, other, "based_on")})))
        rows.append(Row("parent/such-as", None,
                        f"This report introduces {name}-7B, a Korean adaptation of large language models. "
                        f"Building on recent highly capable but English-centric LLMs, such as {parent} and "
                        f"{other}, we present an efficient vocabulary expansion method.",
                        frozenset({(f"{name}-7B", parent, "based_on"), (f"{name}-7B", other, "based_on")})))
        rows.append(Row("kind/moe-from-dense", None,
                        f"We investigate building MoE models from existing dense language models. Specifically, "
                        f"based on the {parent} model, we obtain {name}-MoE by partitioning its feed-forward "
                        f"networks into experts.",  # "based on" is said too, and kept beside the specific kind
                        frozenset({(f"{name}-MoE", parent, "based_on"), (f"{name}-MoE", parent, "upcycled")})))
        rows.append(Row("child/decimal-appositive", None,
                        f"We release {name}-Mini and {name}-Vision. {name}-Vision, a 4.2 billion parameter "
                        f"model derived from {name}-Mini, reads images.",
                        frozenset({(f"{name}-Vision", f"{name}-Mini", "based_on")})))
    for stem in STEMS[:5]:
        rows.append(Row("parent/member-over-family", f"{stem}-MoE: building mixture-of-experts from Orvik",
                        f"Specifically, based on the well-known Orvik-2 7B model, we obtain {stem}-MoE by "
                        f"partitioning its feed-forward networks into experts.",
                        frozenset({(f"{stem}-MoE", "Orvik-2 7B", "upcycled")})))  # the family's kind, on the member
        rows.append(Row("child/not-a-member-of-its-parent", f"Extending Orvik-3's Context Ten-Fold",
                        f"We extend the context length of Orvik-3-8B-Instruct from 8K to 80K via QLoRA "
                        f"fine-tuning. The resulted model handles long inputs.", frozenset(),
                        intro_model="Orvik-3", introduced=False))
        rows.append(Row("child/base-suffix-parent", None,
                        f"We fine-tuned {stem}Base on 35B Python tokens, resulting in the creation of {stem}.",
                        frozenset({(stem, f"{stem}Base", "finetuned")})))
        rows.append(Row("name/report-title", f"{stem} Technical Report",
                        f"In this work, we introduce {stem}, the first installment of our language model "
                        f"series. It includes {stem}, the base models, and {stem}-Chat, the chat models "
                        f"finetuned with human alignment techniques.",
                        frozenset({(f"{stem}-Chat", stem, "finetuned"), (f"{stem}-Chat", stem, "aligned")}),
                        intro_model=stem))  # the variant's own sentence says both steps
        coined = f"{stem}Seek"  # a CamelCase coinage, as lab names are
        rows.append(Row("name/head-word-inside", None,
                        f"We introduce {coined} LLM, a project for open models. We conduct SFT and DPO on "
                        f"{coined} LLM Base models, resulting in {coined} Chat models. {coined} LLM 67B Chat is "
                        f"strong.", frozenset({(f"{coined} Chat", f"{coined} LLM Base", "finetuned"),
                                               (f"{coined} Chat", f"{coined} LLM Base", "aligned")}),
                        intro_model=f"{coined} LLM 67B Chat"))
    for stem, parent in zip(STEMS[:5], PARENTS):
        rows.append(Row("parent/members-of-a-family", None,
                        f"By applying LoRA distillation to Orvik models including Orvik-V1.5, Orvik-1B, and "
                        f"OrvikXL, we obtain {stem}-LoRA, a universal acceleration module.",
                        frozenset({(f"{stem}-LoRA", p, "distilled") for p in ("Orvik-V1.5", "Orvik-1B", "OrvikXL")})))
        rows.append(Row("parent/plugged-into-negative", None,
                        f"We release {stem}-LoRA, an acceleration module. {stem}-LoRA can be directly plugged "
                        f"into various fine-tuned {parent} models without training.", frozenset()))
        unsized = parent.rsplit("-", 1)[0]  # a parent of no size: a sized parent gives its sized member an edge too
        rows.append(Row("name/shared-unit-sizes", None,
                        f"This study introduces {stem}Med, a medical LLM family including foundation models "
                        f"{stem}Med 13/70B and their chat versions {stem}Med 13/70B-chat, developed through "
                        f"the continual pre-training and instruction tuning of {unsized} on medical data.",
                        frozenset({(f"{stem}Med", unsized, "continued_pretraining"),
                                   (f"{stem}Med", unsized, "finetuned")}),
                        intro_model=f"{stem}Med 70B-chat"))
        rows.append(Row("name/event-year-negative", None,
                        f"Based on {parent} as our underlying model, {stem}-MT improves 12 BLEU on the WMT'21 "
                        f"and WMT'22 test sets.", frozenset({(f"{stem}-MT", parent, "based_on")}),
                        intro_model="WMT'22", introduced=False))
        rows.append(Row("child/further-step-variant", None,
                        f"We introduce {stem}-R, a reasoning model. Trained via supervised fine-tuning of "
                        f"{parent}, {stem}-R is strong. We further develop {stem}-R-plus, a variant enhanced "
                        f"through a short phase of outcome-based reinforcement learning.",
                        frozenset({(f"{stem}-R", parent, "finetuned"), (f"{stem}-R-plus", f"{stem}-R", "based_on")})))
        rows.append(Row("child/family-members-negative", None,  # siblings in a list: no step between them
                        f"We introduce {stem}-2B, a small language model. We also introduce the {stem}-2B family, "
                        f"including {stem}-2B-Vision, {stem}-2B-MoE and {stem}-2B-Audio, for small devices.",
                        frozenset({(f"{stem}-2B-Vision", f"{stem}-2B", "based_on"),
                                   (f"{stem}-2B-Audio", f"{stem}-2B", "based_on")})))
    opening = {  # an opening participle clause, then "the model" as the subject: the paper's model is the child
        "Initialized from {P}, the model undergoes supervised fine-tuning on proofs.": {"finetuned"},
        "Pre-trained on {P} with a focus on formal languages, the model undergoes supervised fine-tuning.":
            {"continued_pretraining", "finetuned"},
        "Starting from {P}, the model is further aligned with DPO.": {"aligned"},
    }
    for n, (stem, base) in enumerate(zip(STEMS, [f"{s}Math-Base" for s in reversed(STEMS)])):
        template = list(opening)[n % len(opening)]
        rows.append(Row("child/opening-clause-subject", None,
                        f"We introduce {stem}-Prover, an open language model for theorem proving. "
                        + template.format(P=base),
                        frozenset((f"{stem}-Prover", base, k) for k in opening[template]), intro_model=base,
                        introduced=False))
        rows.append(Row("child/opening-clause-negative", None,  # a comparison opens the sentence: no parent
                        f"We introduce {stem}-Prover, an open language model for theorem proving. Compared "
                        f"with {base}, the model solves more problems.", frozenset()))
    for stem, parent in zip(STEMS[:6], PARENTS):
        role = ["dense retriever", "pointwise reranker", "reward model"][len(rows) % 3]
        rows.append(Row("child/role-in-parentheses", None,
                        f"We conduct a comprehensive study, fine-tuning {parent} both as a {role} "
                        f"({stem}Ret) and as a listwise ranker ({stem}Rank) for passage retrieval.",
                        frozenset({(f"{stem}Ret", parent, "finetuned"), (f"{stem}Rank", parent, "finetuned")})))
        rows.append(Row("child/role-in-parentheses-negative", None,
                        f"We evaluate {parent} as a dense retriever ({stem}Ret setting) on passage retrieval.",
                        frozenset()))
    pairs = list(zip(PARENTS, PARENTS[1:] + PARENTS[:1]))
    for (stem, (a, b)), parts in zip(zip(STEMS, pairs), itertools.cycle([
            ("the visual encoders from {A}", "the large language models from {B}"),
            ("the image encoder of {A}", "the language model of {B}"),
            ("the speech encoder from {A}", "the decoder of {B}")])):
        verb = ["combines", "integrates", "connects"][STEMS.index(stem) % 3]
        rows.append(Row("parent/parts-combined", f"{stem}GPT: One Model to Follow Them All",
                        f"We present {stem}GPT, a general-purpose model. To do so, {stem}GPT {verb} "
                        f"{parts[0].format(A=a)} and {parts[1].format(B=b)}. {stem}GPT takes any input.",
                        frozenset({(f"{stem}GPT", a, "based_on"), (f"{stem}GPT", b, "based_on")}),
                        intro_model=a, introduced=False))
        rows.append(Row("parent/parts-combined-negative", f"{stem}GPT: One Model to Follow Them All",
                        f"We present {stem}GPT, a general-purpose model. {stem}GPT combines the outputs of {a} "
                        f"and the strengths of {b} at inference time.", frozenset()))
    return rows


def _derivations(doc) -> frozenset:
    return frozenset((f.subject.name, f.object.name, f.predicate) for f in doc.facts
                     if f.subject.kind == "model" and f.object.kind == "model" and f.predicate in DERIVATION_KINDS)


def _introduced(doc) -> set[str]:
    return {f.object.name for f in doc.facts if f.predicate == "introduces" and f.object.kind == "model"}


def _passes(row: Row, doc) -> bool:
    if _derivations(doc) != row.expected:
        return False
    return row.intro_model is None or (row.intro_model in _introduced(doc)) == row.introduced


THRESHOLDS = {"recipe/stages": 0.95, "recipe/which-then": 0.95, "recipe/one-reading": 1.0,
              "title/participle": 0.9, "name/two-words": 1.0, "name/two-words-negative": 1.0,
              "kind/same-sentence": 1.0, "kind/dense-to-moe": 1.0, "kind/purpose": 1.0,
              "name/compound": 1.0, "name/compound-negative": 1.0, "parent/part-of": 1.0,
              "parent/nouns-in-list": 1.0, "parent/such-as": 1.0, "kind/moe-from-dense": 1.0,
              "child/decimal-appositive": 1.0, "parent/member-over-family": 1.0,
              "child/not-a-member-of-its-parent": 1.0, "child/base-suffix-parent": 1.0,
              "name/report-title": 1.0, "name/head-word-inside": 1.0, "parent/members-of-a-family": 1.0,
              "parent/plugged-into-negative": 1.0, "name/shared-unit-sizes": 1.0, "name/event-year-negative": 1.0,
              "child/further-step-variant": 1.0, "child/family-members-negative": 1.0,
              "child/opening-clause-subject": 1.0, "child/opening-clause-negative": 1.0,
              "child/role-in-parentheses": 1.0, "child/role-in-parentheses-negative": 1.0,
              "parent/parts-combined": 1.0, "parent/parts-combined-negative": 1.0}
"""What the extractor meets, rounded down; raise as it improves, never lower to make a change pass."""


def test_the_table_covers_every_group():
    rows = generate()
    assert {r.group for r in rows} == set(THRESHOLDS)
    assert len(rows) >= 90
    assert generate() == rows  # seeded: the same table on every run


def test_recipe_title_name_and_kind_rows(extract_abstract, checklist_report):
    by_group: dict[str, list[bool]] = defaultdict(list)
    failing: list[str] = []
    for row in generate():
        doc = extract_abstract(row.text, row.title)
        ok = _passes(row, doc)
        by_group[row.group].append(ok)
        if not ok:
            failing.append(f"{row.group}: {row.title or ''} | {row.text}\n    expected {sorted(row.expected)}"
                           f"\n    got      {sorted(_derivations(doc))}; introduced {sorted(_introduced(doc))}")
    lines = [f"{'group':28} pass  rows  rate"]
    for group in sorted(by_group):
        oks = by_group[group]
        lines.append(f"{group:28} {sum(oks):4}  {len(oks):4}  {sum(oks) / len(oks):.2f}")
    checklist_report("lineage recipes, titles, names, kinds", "\n".join(lines))
    low = {g: sum(o) / len(o) for g, o in by_group.items() if sum(o) / len(o) < THRESHOLDS[g]}
    assert not low, f"groups under their threshold: {low}\n" + "\n".join(failing[:20])


@pytest.mark.parametrize("text", [
    "Kelpra outperforms Orvik-13B, which we then fine-tune on instructions.",  # a comparison stays no parent
    "We compare Orvik-13B and Halden-7B, followed by an analysis of their errors.",
])
def test_a_stage_that_names_no_model_it_made_gives_no_chain(extract_abstract, text):
    assert _derivations(extract_abstract(text)) == frozenset()


@pytest.mark.parametrize("text, model", [
    ("Starting from the pre-trained multimodal representation model ORVQ released last year, we alter its text "
     "encoder.", "ORVQ"),
    ("We adapt the language model KelpNet to legal text.", "KelpNet"),
])
def test_a_name_right_after_the_model_noun_is_a_model(extract_abstract, text, model):
    assert model in {m.name for m in extract_abstract(text).entities if m.kind == "model"}


@pytest.mark.parametrize("text, not_introduced", [
    ("In this article, we investigate how the recently introduced pre-trained language model OrvikNet can be "
     "adapted for biomedical corpora.", "OrvikNet"),
    ("We study the widely released model family KelpLM-7B on legal text.", "KelpLM-7B"),
])
def test_someone_else_s_introduced_or_pre_trained_model_is_not_the_paper_s(extract_abstract, text, not_introduced):
    doc = extract_abstract(text)
    assert not_introduced not in {f.object.name for f in doc.facts if f.predicate == "introduces"}


@pytest.mark.parametrize("text, edges", [
    ("We introduce phi-9, a small code model. It improves on phi-9-base, our model before our finetuning stage, "
     "and phi-9-small, a smaller model trained with the same pipeline.", frozenset()),
    ("Kelp Model: An Instruction Finetuned Open Multilingual Language Model", frozenset()),
])
def test_a_sibling_or_a_title_word_is_no_further_step(extract_abstract, text, edges):
    assert _derivations(extract_abstract(text)) == edges


@pytest.mark.parametrize("text, model, not_models", [
    ("Kestrel is a series of Thai large language models developed for the Thai language.", "Kestrel", {"Thai"}),
    ("We propose a novel RRTF (Rank Responses to align Test&Teacher Feedback) framework for code models.",
     None, {"Feedback"}),
])
def test_groups_of_models_languages_and_acronym_long_forms(extract_abstract, text, model, not_models):
    found = {m.name for m in extract_abstract(text).entities if m.kind == "model"}
    assert model is None or model in found
    assert not (found & not_models)


@pytest.mark.parametrize("text, edges", [
    ("We present a new financial domain large language model, InvestKelp, tuned on Orvik-65B, using a curated "
     "instruction dataset.", {("InvestKelp", "Orvik-65B", "finetuned")}),
    ("We release Kelp-Chat, fine-tuned on ShareChat conversations.", set()),  # data, not a model
])
def test_tuned_on_a_model_is_its_parent_and_tuned_on_data_is_not(extract_abstract, text, edges):
    assert _derivations(extract_abstract(text)) == frozenset(edges)


def test_a_learner_adapted_to_a_domain_is_a_model(extract_abstract):
    doc = extract_abstract("Here we propose Med-Kelp, a multimodal few-shot learner adapted to the medical domain.")
    assert "Med-Kelp" in {m.name for m in doc.entities if m.kind == "model"}


def test_base_models_in_parentheses_are_parents_and_the_child_s_own_sentences_give_kinds(extract_abstract):
    doc = extract_abstract("To that end, we introduce the Kelp family, a set of open medical LLMs. Kelp-Med models are "
                           "trained on the current best base models (Mistral, LLaMA 3), using a new dataset. Kelp-Med "
                           "models undergo an alignment phase using Direct Preference Optimization.",
                           "Kelp-Med: A Family of Fine-tuned Open Healthcare LLMs")
    assert {(c, p) for c, p, _ in _derivations(doc)} == {("Kelp-Med", "Mistral"), ("Kelp-Med", "LLaMA 3")}
    assert {k for c, p, k in _derivations(doc)} >= {"finetuned"}  # training on a base model is fine-tuning it


@pytest.mark.parametrize("text, model", [
    ("Comprehensive evaluations reveal that the resulting model, dubbed `KelpGPT', sets a new standard.", "KelpGPT"),
    ("Pre-trained on DeepSeekOrvik-Base with specialization in formal languages, the model is strong.",
     "DeepSeekOrvik-Base"),
])
def test_tex_quotes_and_a_stem_run_into_a_word(extract_abstract, text, model):
    assert model in {m.name for m in extract_abstract(text).entities if m.kind == "model"}


@pytest.mark.parametrize("text, kinds", [
    ("We introduce KelpVLA, built on Orvik-2 7B. We show that KelpVLA can be fine-tuned on consumer GPUs and served "
     "efficiently via quantization.", {"based_on"}),
    ("We introduce KelpTS, a family of time series models based on the Orvik-T5 architecture family. KelpTS "
     "tokenizes values using scaling and quantization into a fixed vocabulary.", set()),
])
def test_what_one_may_do_with_a_model_or_what_it_does_is_no_kind(extract_abstract, text, kinds):
    assert {k for _, _, k in _derivations(extract_abstract(text))} <= kinds


@pytest.mark.parametrize("text, model", [
    ("Continually trained on KelpMath-Base with formal proofs, the prover is strong.", "KelpMath-Base"),
    ("We report results for Vortan Base on code.", None),  # two words, no hyphen: no checkpoint name
])
def test_a_base_checkpoint_name_is_a_model(extract_abstract, text, model):
    models = {f.object.name for f in extract_abstract(text).facts if f.object.kind == "model"} | \
        {m.name for m in extract_abstract(text).entities if m.kind == "model"}
    assert (model in models) if model else "Vortan Base" not in models


@pytest.mark.parametrize("text, parent", [
    ("We derive a manipulation framework, dubbed RoboKelp, built upon the open-source VLMs, Orvik-13B.", "Orvik-13B"),
    ("We present a chat system based on the open model, Halden-7B.", "Halden-7B"),
])
def test_what_the_new_thing_is_built_upon_is_not_introduced(extract_abstract, text, parent):
    doc = extract_abstract(text)
    assert parent not in _introduced(doc)


def test_a_renamed_variant_stays_introduced(extract_abstract):
    doc = extract_abstract("Furthermore, we introduce a simple variant of the model, Kelpra-2, which improves "
                           "open-domain QA results of the original Kelpra-1.")
    assert "Kelpra-2" in _introduced(doc)


@pytest.mark.parametrize("title, text, model, edges", [
    ("FernClinical OrvikBERT: A Long-Context Encoder",
     "We introduce FernClinical OrvikBERT, a domain-adapted encoder that builds on the recent OrvikBERT release. "
     "FernClinical OrvikBERT is strong on clinical notes.",
     "FernClinical OrvikBERT", {("FernClinical OrvikBERT", "OrvikBERT", "based_on")}),
    ("DoctorGLM: Fine-tuning your Doctor is not a Hard Task",
     "We fine-tune ChatGLM-6B on medical dialogues. DoctorGLM is an early-stage engineering attempt.",
     "DoctorGLM", {("DoctorGLM", "ChatGLM-6B", "finetuned")}),
    ("KelpRec: Large Language Model for Generative Recommendation",
     "In this paper, we present a novel LLM for generative recommendation (KelpRec) that generates the target item.",
     "KelpRec", set()),
    (None, "We present Kelp Video 3D (KV3D) \u2014 a latent video diffusion model for multi-view generation.",
     "KV3D", set()),
    (None, "We introduce KelpGPT, a domain-adapted encoder for clinical text.", "KelpGPT", set()),
])
def test_names_a_paper_gives_its_model(extract_abstract, title, text, model, edges):
    doc = extract_abstract(text, title)
    assert model in _introduced(doc)
    assert _derivations(doc) == frozenset(edges)
    techniques = {f.object.name for f in doc.facts if f.predicate == "introduces" and f.object.kind != "model"}
    assert model not in techniques and "Kelp Video 3D" not in techniques  # a model, and its acronym's long form


@pytest.mark.parametrize("text, not_model", [
    ("We propose a new benchmark for evaluating language models (KelpBench).", "KelpBench"),
    ("We compare FernClinical and OrvikBERT on clinical notes.", "FernClinical OrvikBERT"),
])
def test_a_benchmark_in_parentheses_or_two_listed_names_are_no_new_model(extract_abstract, text, not_model):
    assert not_model not in _introduced(extract_abstract(text))


@pytest.mark.parametrize("title, text, edges", [
    (None, "We showcase our search via Kelpra-51B-Instruct (Kelpra-51B) and Kelpra-49B, two publicly available "
           "models derived from Orvik-13B.",
     {("Kelpra-51B-Instruct", "Orvik-13B", "based_on"), ("Kelpra-49B", "Orvik-13B", "based_on")}),
    ("Kelpra-4-Voice: Towards a Spoken Chatbot",
     "We introduce Kelpra-4-Voice, a spoken chatbot. We continue pre-training from the pre-trained text language "
     "model Halden-7B with speech data, scaling up to 1 trillion tokens.",
     {("Kelpra-4-Voice", "Halden-7B", "continued_pretraining")}),
    (None, "We release three new long-context models which we call Kelpra: 4k and 16k context models trained from "
           "base Orvik-13B, and a 32k context model trained from base Halden-7B.",
     {("Kelpra", "Orvik-13B", "context_extended"), ("Kelpra", "Halden-7B", "context_extended")}),
    (None, "We propose KelpAlign, a pipeline. KelpAlign outperforms both direct distillation from Orvik-13B and "
           "leading Halden-7B-based distillation methods.", set()),
    (None, "We introduce Kelpra-7B, which is distilled from Orvik-13B and outperforms Halden-7B.",
     {("Kelpra-7B", "Orvik-13B", "distilled")}),
    ("AltKelpra: Altering the Language Encoder in Orvik-13B",
     "We present AltKelpra, a bilingual model. Starting from the pre-trained multimodal model Orvik-13B released by "
     "a lab, we altered its text encoder with a multilingual text encoder Halden-7B, and aligned both languages.",
     {("AltKelpra", "Orvik-13B", "based_on")}),  # the authors are the subject after the opening, not Halden-7B;
    # "aligned both languages" aligns representations, it is no preference alignment
])
def test_lists_with_short_names_long_parent_phrases_and_comparisons(extract_abstract, title, text, edges):
    assert _derivations(extract_abstract(text, title)) == frozenset(edges)


@pytest.mark.parametrize("text, model, parent", [
    ("We derive a simple manipulation framework, dubbed RoboKelp, built upon the open-source VLMs, Orvik-13B.",
     "RoboKelp", "Orvik-13B"),
    ("We introduce Kelpgold, a method for monocular depth estimation that is derived from Orvik-13B and retains "
     "its prior knowledge.", "Kelpgold", "Orvik-13B"),
])
def test_a_method_made_from_a_model_is_a_model(extract_abstract, text, model, parent):
    doc = extract_abstract(text)
    assert model in _introduced(doc)
    assert {(c, p) for c, p, _ in _derivations(doc)} == {(model, parent)}


def test_a_pipeline_made_from_nothing_stays_a_method(extract_abstract):
    doc = extract_abstract("We propose KelpAlign, the first fully transparent pipeline for self-aligning code LLMs.")
    assert "KelpAlign" not in _introduced(doc)


@pytest.mark.parametrize("title, text, edges", [
    ("AudioKelpra: Speech Abilities for LLMs",
     "In this work, we extend the instruction-tuned Orvik-13B model with end-to-end speech processing abilities. "
     "The resulting end-to-end model, named AudioKelpra, can take audio prompts.",
     {("AudioKelpra", "Orvik-13B")}),
    ("KelpRad-1: A Multimodal Model for Report Generation",
     "We present a radiology model. Our proposed model (KelpRad-1) leverages an image encoder in conjunction with a "
     "fine-tuned large language model based on Halden-7B to produce reports.", {("KelpRad-1", "Halden-7B")}),
    (None, "We present TabuKelp-8B, a language model for tabular prediction, fine-tuned from Llama 3-8B.",
     {("TabuKelp-8B", "Llama 3-8B")}),
    (None, "We present KelpGuard-1B-INT4, a compact safeguard model quantized from Llama Guard 3-1B-INT8.",
     {("KelpGuard-1B-INT4", "Llama Guard 3-1B-INT8")}),
    (None, "We introduce Kelpra-LoRA. This report further extends Orvik-13B's potential in two aspects.", set()),
    (None, "We introduce Kelpra-7B. Kelpra-7B outperforms six dense models distilled from Orvik-13B.", set()),
])
def test_extended_models_parts_version_sizes_and_possessives(extract_abstract, title, text, edges):
    assert {(c, p) for c, p, _ in _derivations(extract_abstract(text, title))} == edges


@pytest.mark.parametrize("text, model, is_model", [
    ("We present KelpPFN, a trained Transformer that classifies small tabular datasets in a second.", "KelpPFN", True),
    ("We present KelpFormer, a Transformer architecture for long inputs.", "KelpFormer", False),
])
def test_a_trained_network_is_a_model_an_architecture_is_not(extract_abstract, text, model, is_model):
    assert (model in _introduced(extract_abstract(text))) == is_model


def test_the_base_model_with_an_adjective_is_a_parent(extract_abstract):
    doc = extract_abstract("We introduce KelpVLA-7B, a robot policy. We fine-tune KelpVLA-7B using Orvik-13B as our "
                           "representative base model.")
    assert ("KelpVLA-7B", "Orvik-13B") in {(c, p) for c, p, _ in _derivations(doc)}


def test_a_two_word_family_and_a_name_built_on_it(extract_abstract):
    doc = extract_abstract("In this work, we introduce two scaled-down variants, Kelp Stable Diffusion (KSD-1B) and "
                           "Kelp-Vega, with 1.3B and 0.74B parameters.",
                           "Progressive Knowledge Distillation Of Stable Diffusion XL Using Layer Level Loss")
    assert {"Kelp Stable Diffusion", "KSD-1B"} <= _introduced(doc)
    assert "Stable Diffusion XL" not in _introduced(doc)  # "Distillation Of X": the title's X is someone else's
    assert not any(a.name == "Stable Diffusion" for a in doc.aliases)
    marigold = extract_abstract("We introduce Kelpgold, a method for depth estimation that is derived from Stable "
                                "Diffusion and retains its rich prior knowledge.")
    assert {(c, p) for c, p, _ in _derivations(marigold)} == {("Kelpgold", "Stable Diffusion")}
    assert not {m.name for m in extract_abstract("We study the stable diffusion of heat in metals.").entities
                if m.kind == "model"}


def test_a_family_acronym_after_its_long_form_in_a_title_is_the_parent(extract_abstract):
    doc = extract_abstract("Our proposed KelpDoctor represents a significant advancement in medical LLMs.",
                           "KelpDoctor: A Medical Chat Model Fine-Tuned on a Large Language Model Meta-AI (LLaMA) "
                           "Using Medical Domain Knowledge")
    assert _derivations(doc) == {("KelpDoctor", "LLaMA", "finetuned")}
    assert "Meta-AI" not in {m.name for m in doc.entities if m.kind == "model"}  # a word of the long form


@pytest.mark.parametrize("title, text, edges", [
    ("Kelp-BERT: Sentence Embeddings using Siamese Networks",
     "In this publication, we present Kelp-BERT (KBERT), a modification of the pretrained Orvik-13B network that "
     "uses siamese network structures to derive sentence embeddings.", {("Kelp-BERT", "Orvik-13B")}),
    ("Kelpra: A Foundation Model for Geoscience",
     "We introduce Kelpra, a language model for geoscience. Specifically, we further train the Orvik-13B model on "
     "5.5B tokens of text. Meanwhile, we equip Kelpra with the abilities of using tools.", {("Kelpra", "Orvik-13B")}),
    ("Segment Anything in High Quality",
     "We propose HQ-Orvik, equipping Orvik with the ability to segment any object accurately, while keeping "
     "Orvik's zero-shot generalizability. HQ-Orvik is trained on 44k masks.", {("HQ-Orvik", "Orvik")}),
])
def test_modifications_and_equipped_models(extract_abstract, title, text, edges):
    assert {(c, p) for c, p, _ in _derivations(extract_abstract(text, title))} == edges


@pytest.mark.parametrize("title, text, edges", [
    ("Kelpra-Chat: Building an LLM for a Moderately Resourced Language",
     "Kelpra-3.1-8B-Chat, or Kelpra-Chat (8B) for short, is an instruction-tuned large language model. Adapted from "
     "the Orvik-13B model, Kelpra-Chat (8B) is trained on 45.3B tokens across four languages.",
     {("Kelpra-Chat", "Orvik-13B")}),
    (None, "This paper introduces Kelpra, an open-source language model that evolved from Orvik-13B.",
     {("Kelpra", "Orvik-13B")}),
    ("KelpGPT: Large Generative Models for a Small Language",
     "We pursue two approaches: 1) we train seven monolingual models from scratch dubbed KelpGPT, 2) we continue the "
     "pretraining of the multilingual Orvik-13B model on Finnish, resulting in a 176 billion parameter model we call "
     "KELPUMI.", {("KELPUMI", "Orvik-13B")}),
    ("Radiology-Kelpra: A Model for Radiology",
     "This paper introduces Radiology-Kelpra, a large language model for radiology. Radiology-Kelpra is based on the "
     "Llama2 architecture and further trained on a large dataset of radiology reports.", {("Radiology-Kelpra", "Llama2")}),
    (None, "We introduce Kelpra-7B. Kelpra-7B is based on the Llama2 architecture and trained from scratch on 2T tokens.",
     set()),
    (None, "We present Kelp-Sec-8B, a cybersecurity-focused LLM built on the Orvik 3.1 architecture and enhanced "
     "through continued pretraining on a curated corpus.", {("Kelp-Sec-8B", "Orvik 3.1")}),
    (None, "We present KelpLaw, a legal LLM based on the Orvik-13B architecture and further adapted via continual "
     "pre-training on court records.", {("KelpLaw", "Orvik-13B")}),
    (None, "We present KelpLaw, a legal LLM based on the Orvik-13B architecture and enhanced with a retrieval module.",
     set()),
])
def test_adapted_evolved_called_and_architectures_trained_further(extract_abstract, title, text, edges):
    assert {(c, p) for c, p, _ in _derivations(extract_abstract(text, title))} == edges


def test_tuning_the_variant_by_its_own_name_makes_it_from_its_base(extract_abstract):
    doc = extract_abstract("In this paper, we introduce Kelpa2.0 and Kelpa2.0-Instruct, two LLMs derived from Orvik-13B. "
                           "Additionally, we fine-tuned Kelpa2.0-Instruct on a comprehensive instruct dataset.")
    assert ("Kelpa2.0-Instruct", "Kelpa2.0", "finetuned") in _derivations(doc)
    assert not any(c == "Kelpa2.0" and p == "Kelpa2.0-Instruct" for c, p, _ in _derivations(doc))


@pytest.mark.parametrize("text, names", [
    ("We open-source Kelp-Chat-2B, 9B, and 27B models for Darija.", {"Kelp-Chat-2B", "Kelp-Chat-9B", "Kelp-Chat-27B"}),
    ("We release KelpLM-7B, 13B, and 70B models.", {"KelpLM-7B", "KelpLM-13B", "KelpLM-70B"}),
])
def test_sizes_listed_after_a_sized_name_are_its_siblings(extract_abstract, text, names):
    assert names <= _introduced(extract_abstract(text))


@pytest.mark.parametrize("title, text, edges", [
    # a parent given as an example of the models the step started from
    ("Kelp123++: A Multi-view Diffusion Base Model",
     "We report Kelp123++, an image-conditioned diffusion model for multi-view images. We develop conditioning and "
     "training schemes to minimize the effort of finetuning from off-the-shelf image diffusion models such as "
     "Vireo-2.", {("Kelp123++", "Vireo-2")}),
    ("Kelp-S: Small Reasoning Models", "We present Kelp-S, a small reasoning model distilled from large teacher "
     "models such as Vireo-70B.", {("Kelp-S", "Vireo-70B")}),
    # not the data other models made
    ("Kelp: A Math Model", "We present Kelp, a math model. We fine-tune Kelp on responses distilled from strong "
     "models such as Vireo-2.", set()),
    ("Kelp: A Math Model", "We present Kelp, a math model. We train Kelp on data generated from proprietary models "
     "such as Vireo-2.", set()),
])
def test_a_parent_given_as_an_example_of_the_models_started_from(extract_abstract, title, text, edges):
    assert {(c, p) for c, p, _ in _derivations(extract_abstract(text, title))} == edges


@pytest.mark.parametrize("text, edges", [
    # a model of a family, left unnamed, is no child named after that family
    ("We trained an ensemble of a Vireo-2 and small Tarn models on a 10M-word dataset, then distilled it into a small, "
     "58M-parameter Tarn model, which exceeds both of its teachers.", set()),
    ("We distill Vireo-2 into an efficient Tarn model for phones.", set()),
    # a named one is
    ("We distill Vireo-2 into Tarn-1B, a small model for phones.", {("Tarn-1B", "Vireo-2")}),
    ("We distill Vireo-2 into a 1B-parameter Tarn-1B model for phones.", {("Tarn-1B", "Vireo-2")}),
])
def test_a_model_of_a_family_left_unnamed_is_no_child(extract_abstract, text, edges):
    assert {(c, p) for c, p, _ in _derivations(extract_abstract(text))} == edges


@pytest.mark.parametrize("title, text, edges", [
    ("Kelpo: Open Speech Understanding",
     "We present Kelpo, a speech understanding model. The Kelpo model combines a Vireo-L encoder with a Tarn-2 LLM "
     "and supports eight tasks.", {("Kelpo", "Vireo-L", "based_on"), ("Kelpo", "Tarn-2", "based_on")}),
    ("Kelpo-1B: A Small Multimodal Model",
     "We introduce Kelpo-1B, a multimodal model. By integrating the Tarn-2-0.5B-Instruct language model with the "
     "VireoViT-300M visual model, Kelpo-1B handles many tasks.",
     {("Kelpo-1B", "Tarn-2-0.5B-Instruct", "based_on"), ("Kelpo-1B", "VireoViT-300M", "based_on")}),
    ("Kelpo: A Small Multimodal Model",
     "Kelpo connects the Vireo-L vision encoder to the Tarn-7B LLM through a light projector.",
     {("Kelpo", "Vireo-L", "based_on"), ("Kelpo", "Tarn-7B", "based_on")}),
    ("Kelpo: A Small Multimodal Model",
     "We pair a frozen Vireo-L image encoder with the Tarn 2 language model to build Kelpo.",
     {("Kelpo", "Vireo-L", "based_on"), ("Kelpo", "Tarn 2", "based_on")}),
    # parts named after a verb that uses a part: as an encoder, a backbone, "as the language model"
    ("Kelpo: A Small Multimodal Model",
     "We present Kelpo, an open multimodal model. Kelpo uses Vireo-L as the vision encoder and Tarn-7B as the "
     "language model.", {("Kelpo", "Vireo-L", "based_on"), ("Kelpo", "Tarn-7B", "based_on")}),
    ("Kelpo: A Small Multimodal Model",
     "We present Kelpo, an open multimodal model. Kelpo consists of a Vireo-L vision encoder, a projector, and a "
     "Tarn-7B LLM.", {("Kelpo", "Vireo-L", "based_on"), ("Kelpo", "Tarn-7B", "based_on")}),
    ("Kelpo: A Speech LLM",
     "We introduce Kelpo, a speech large language model. Leveraging dual encoders, we utilize a Vireo-L encoder to "
     "process the content of speech, and a Tarnwav encoder to capture the speaker's identity.",
     {("Kelpo", "Vireo-L", "based_on"), ("Kelpo", "Tarnwav", "based_on")}),
    ("Kelpo: Vector Graphics from Images",
     "We introduce Kelpo, a model that writes SVG code. Our approach utilizes a Vireo-L image encoder to extract "
     "visual representations from pixels.", {("Kelpo", "Vireo-L", "based_on")}),
    ("Kelpo: A Small Multimodal Model",
     "We present Kelpo, an open multimodal model. Kelpo employs Vireo-L as its visual encoder.",
     {("Kelpo", "Vireo-L", "based_on")}),
    ("Kelpo: A Small Multimodal Model",
     "We present Kelpo, an open multimodal model. With Tarn-7B as the backbone, Kelpo achieves strong results.",
     {("Kelpo", "Tarn-7B", "based_on")}),
    # parts put together "as a ... module"; a model that extends or expands another
    ("Kelp-AS: Joint Audio and Speech Understanding",
     "We present Kelp-AS, a universal audio and speech model. Specifically, by integrating Vireo-2 as a perception "
     "module and Tarn-7B as a reasoning module, Kelp-AS can recognize spoken text.",
     {("Kelp-AS", "Vireo-2", "based_on"), ("Kelp-AS", "Tarn-7B", "based_on")}),
    ("Kelpango: Controllable Text-to-Music",
     "In this paper, we present Kelpango, a text-to-music system based on diffusion, that expands the Vireo-2 "
     "text-to-audio model.", {("Kelpango", "Vireo-2", "based_on")}),
    ("Kelpango: Controllable Text-to-Music",
     "In this paper, we present Kelpango, a text-to-music system that extends the Vireo-2 text-to-audio model.",
     {("Kelpango", "Vireo-2", "based_on")}),
    # what the model brings into another model
    ("Kelp-Flamingo: Visual Features for Speech Recognition",
     "Speech models such as Vireo-2 are trained on vast audio. We propose Kelp-Flamingo which integrates visual "
     "features into the Vireo-2 speech recognition model with gated cross attention.",
     {("Kelp-Flamingo", "Vireo-2", "based_on")}),
    (None, "This technical report introduces Kelp-Delta, a text-to-image model that integrates Tarn-LCM and "
           "KelpNet into the advanced Vireo-XL model.", {("Kelp-Delta", "Vireo-XL", "based_on")}),
    ("Kelp-Flamingo: Visual Features for Speech Recognition",
     "Inspired by Tarn-2 which injects visual features into language models, we propose Kelp-Flamingo.", set()),
    # negatives: a comparison with systems put together that way, parts named with no verb that joins them
    ("Kelpo: A Small Multimodal Model",
     "We present Kelpo. Kelpo outperforms systems that combine a Vireo-L encoder with a Tarn-2 LLM.", set()),
    ("Kelpo: A Small Multimodal Model",
     "We present Kelpo, a model trained on 1M pairs. We compare Kelpo with a Vireo-L encoder and a Tarn-2 LLM.", set()),
    # negatives: a model used as a tool on the data, a part of other work or of the authors' benchmark, a contrast,
    # a predecessor
    ("Kelpo: A Small Multimodal Model",
     "We present Kelpo, an open multimodal model. We use a Vireo-L encoder to filter low-quality images.", set()),
    ("Kelpo: A Small Multimodal Model",
     "We present Kelpo, an open multimodal model. We compare against Tarnlm, which uses a Vireo-L encoder.", set()),
    ("Kelpo: A Small Multimodal Model",
     "We present Kelpo, an open multimodal model. Unlike prior work that adopts Vireo-L as the vision encoder, Kelpo "
     "learns its own.", set()),
    ("Kelpo: A Small Multimodal Model",
     "We present Kelpo, an open multimodal model. Our benchmark uses Vireo-L as the encoder.", set()),
    ("Kelpo 3.0: A Text-to-Image Model",
     "We present Kelpo 3.0, a text-to-image model. Compared to previous versions of Kelpo 2.x, Kelpo 3.0 leverages a "
     "larger U-Net backbone.", set()),
])
def test_a_model_put_together_from_named_parts_is_based_on_them(extract_abstract, title, text, edges):
    assert _derivations(extract_abstract(text, title)) == edges


@pytest.mark.parametrize("title, text, edges", [
    ("Kelpo: An Open Multilingual LLM",
     "We release the Kelpo family of large language models. We develop our models embarking from Tarn-2 and Vireo, "
     "and push the boundary further in data and training.", {("Kelpo", "Tarn-2"), ("Kelpo", "Vireo")}),
    ("Kelpo: A Thai Reading Model",
     "This report describes the development of Kelpo, a model for reading comprehension in Thai. Our model is based "
     "on TARN-ORCA and a collection of instruction following datasets.", {("Kelpo", "TARN-ORCA")}),
    ("Kelpo: A Thai Reading Model",
     "We present Kelpo, a model for reading comprehension in Thai. The model is built upon Vega-2 and trained on our "
     "data.", {("Kelpo", "Vega-2")}),
    # negatives: what the authors' dataset or benchmark is built on is no parent of their model
    ("Kelpo: A Thai Reading Model",
     "We present Kelpo, a model for reading comprehension in Thai. Our dataset is built on TARN-ORCA and Vega-2.", set()),
    ("Kelpo: A Thai Reading Model",
     "We present Kelpo, a model for reading comprehension in Thai. Our new benchmark, based on Vega-2, has 3k "
     "questions.", set()),
])
def test_our_model_embarks_from_or_is_based_on_a_coined_name(extract_abstract, title, text, edges):
    assert {(c, p) for c, p, _ in _derivations(extract_abstract(text, title))} == edges


def test_our_models_then_a_participle_is_no_contribution(extract_abstract):
    doc = extract_abstract("We develop our models embarking from Tarn-2 and Vireo, and push the boundary further.")
    assert not any("embarking" in e.name for e in doc.entities)


@pytest.mark.parametrize("text, edges", [
    ("Open translation models, like Tarn, trail closed ones. We introduce Ranked Preference Optimization (RPO), a "
     "novel approach for translation. Applying RPO to Tarn models with only 22K sentences yields significant "
     "improvements. The resulting model, called Tarn-R, matches the best systems.", {("Tarn-R", "Tarn", "aligned")}),
    ("Open translation models, like Tarn, trail closed ones. We introduce Kelp Tuning (KT). Applying KT on the Tarn "
     "models gives large gains. The resulting model, Tarn-KT, matches the best systems.",
     {("Tarn-KT", "Tarn", "based_on")}),
    # negatives: no model named as the result; the result is the model the method was applied to
    ("Open translation models, like Tarn, trail closed ones. We introduce Kelp Tuning (KT). Applying KT to Tarn "
     "models yields gains. The resulting model is strong.", set()),
    ("Open translation models, like Tarn, trail closed ones. We introduce Kelp Tuning (KT). Applying KT to Tarn "
     "models yields gains. The resulting model, Tarn, is strong.", set()),
])
def test_a_method_applied_to_a_model_then_the_resulting_model_named(extract_abstract, text, edges):
    assert _derivations(extract_abstract(text)) == edges


def test_the_resulting_model_called_x_is_introduced(extract_abstract):
    doc = extract_abstract("We tune Tarn on our data. The resulting model, called Tarn-Q, is strong.")
    assert "Tarn-Q" in _introduced(doc)


@pytest.mark.parametrize("text, edges", [
    ("Using KelpSlim, we compress Tarn-3.5-MoE into two smaller models: Tarn-mini-MoE and Tarn-tiny-MoE.",
     {("Tarn-mini-MoE", "Tarn-3.5-MoE"), ("Tarn-tiny-MoE", "Tarn-3.5-MoE")}),
    ("Using KelpSlim, we compress Tarn-3.5-MoE (41.9B total / 6.6B activated parameters) into two smaller models: "
     "Tarn-mini-MoE (7.6B total / 2.4B activated) and Tarn-tiny-MoE (3.8B total), using only 400B tokens.",
     {("Tarn-mini-MoE", "Tarn-3.5-MoE"), ("Tarn-tiny-MoE", "Tarn-3.5-MoE")}),
    ("We prune Vega-13B into three variants: Vega-S, Vega-M and Vega-L.",
     {("Vega-S", "Vega-13B"), ("Vega-M", "Vega-13B"), ("Vega-L", "Vega-13B")}),
    # negative: models compared after the colon, not made
    ("We compress Tarn-3.5-MoE with KelpSlim. It outperforms two smaller models: Vega-S and Vega-M.", set()),
])
def test_a_model_made_into_models_listed_after_a_colon(extract_abstract, text, edges):
    doc = extract_abstract(text)
    assert {(c, p) for c, p, _ in _derivations(doc)} == edges
    assert {c for c, _ in edges} <= _introduced(doc)


@pytest.mark.parametrize("title, text, edges", [
    ("Kelp-Vega: Joining Vision Foundation Models",
     "Vision foundation models such as Kelp and Vega differ. We introduce a simple recipe to join models into a "
     "unified model. By applying our method to Kelp and Vega, we obtain Kelp-Vega: a unified model.",
     {("Kelp-Vega", "Kelp"), ("Kelp-Vega", "Vega")}),
    ("Tarn-KELP: Real-Time Segmentation",
     "Kelp Model (KELP) has shown strong zero-shot results. Lightweight models like Tarn achieve the best latency on "
     "phones. Here, we replace the heavyweight image encoder in KELP with the Tarn model, ending up with the "
     "Tarn-KELP model.", {("Tarn-KELP", "KELP"), ("Tarn-KELP", "Tarn")}),
    (None, "Vision models such as Kelp and Vega differ. We introduce Ranked Preference Optimization (RPO). Applying RPO "
     "to Kelp yields the Kelp-R model.", {("Kelp-R", "Kelp")}),
    # negatives: another lab's replacement, a method applied with nothing made
    (None, "Vision models such as Kelp and Vega differ. Tarn-S proposes to replace the image encoder in Kelp with "
     "Vega. We study its latency.", set()),
    (None, "Vision models such as Kelp and Vega differ. We apply our method to Kelp and Vega and report results.",
     set()),
])
def test_a_method_applied_or_a_part_replaced_makes_the_named_model(extract_abstract, title, text, edges):
    assert {(c, p) for c, p, _ in _derivations(extract_abstract(text, title))} == edges


def test_the_kind_of_an_applied_method_comes_from_its_long_form(extract_abstract):
    doc = extract_abstract("Vision models such as Kelp and Vega differ. We introduce Ranked Preference Optimization "
                           "(RPO). Applying RPO to Kelp yields the Kelp-R model.")
    assert _derivations(doc) == {("Kelp-R", "Kelp", "aligned")}


@pytest.mark.parametrize("text, edges", [
    ("We introduce Kelpo, a text editing model. Kelpo is the Fernish-focused adaptation of the English-only "
     "KelpEdit Marlo et al. (2023) model.", {("Kelpo", "KelpEdit")}),
    ("We introduce Kelpo, a text editing model. Kelpo is the Welsh-focused modification of the KelpEdit (Marlo et al., "
     "2023) model.", {("Kelpo", "KelpEdit")}),
    # negatives: a cited model only compared with; an adaptation of a method, not a model
    ("We introduce Kelpo, a text editing model. Kelpo beats the KelpEdit Marlo et al. (2023) model.", set()),
    ("We introduce Kelpo, a text editing model. Kelpo uses the Fernish adaptation of the Marlo et al. (2023) "
     "editing scheme.", set()),
])
def test_the_adaptation_of_a_cited_model(extract_abstract, text, edges):
    assert {(c, p) for c, p, _ in _derivations(extract_abstract(text))} == edges


@pytest.mark.parametrize("title, text, edges", [
    ("KELP-CLIP -- multilingual image retrieval on a budget",
     "We study retrieval on a budget. As a result, we present KELP-CLIP - CLIP model with a text encoder from the "
     "KELP model. To train the model, we used a new dataset.", {("KELP-CLIP", "CLIP"), ("KELP-CLIP", "KELP")}),
    (None, "We present Kelpo, a captioning model whose text encoder is taken from the Tarn-2 model.",
     {("Kelpo", "Tarn-2")}),
    # negatives: an encoder of another model only compared with; a dash before a list of tasks
    (None, "We present Kelpo, a captioning model. It beats systems whose text encoder comes from the Tarn-2 model.",
     set()),
    (None, "We present Kelpo - a captioning model for ten tasks.", set()),
])
def test_a_model_named_after_a_dash_or_the_source_of_a_part(extract_abstract, title, text, edges):
    doc = extract_abstract(text, title)
    assert {(c, p) for c, p, _ in _derivations(doc)} == edges
    assert "CLIP" not in _introduced(doc)


@pytest.mark.parametrize("title, text, edges", [
    ("TinyKAM: Efficient Kelp Anything Model",
     "Recently kelp anything model (KAM) has shown strong segmentation. In this paper we propose a framework to obtain "
     "a tiny kelp anything model (TinyKAM). We first propose a knowledge distillation method to distill a lightweight "
     "student model.", {("TinyKAM", "KAM", "distilled")}),
    ("MiniKAM: A Pruned Kelp Anything Model",
     "The kelp anything model (KAM) is slow on phones. We present a mini kelp anything model (MiniKAM), obtained by "
     "structured pruning.", {("MiniKAM", "KAM", "pruned")}),
    # negatives: a "Tiny" name trained from scratch on the architecture of a family; a class of models
    ("TinyKelp: An Open Small Model",
     "We present TinyKelp, a 1.1B model pretrained on 1 trillion tokens. Building on the architecture of Kelp, "
     "TinyKelp beats open models of its size.", set()),
])
def test_a_tiny_or_mini_name_of_a_compressed_model(extract_abstract, title, text, edges):
    assert _derivations(extract_abstract(text, title)) == edges


@pytest.mark.parametrize("text, models, not_models", [
    ("Recently kelp anything model (KAM) has shown strong results.", {"KAM"}, set()),
    ("We train a masked language model (MLM), a process reward model (PRM) and large reasoning models (LRM).",
     set(), {"MLM", "PRM", "LRM"}),
])
def test_lower_case_long_forms_of_one_model_or_of_a_class(extract_abstract, text, models, not_models):
    found = {e.name for e in extract_abstract(text).entities if e.kind == "model"}
    assert models <= found and not (not_models & found)


@pytest.mark.parametrize("text, edges", [
    ("We further fine-tune Kelp-7B on medical dialogues and obtain KelpMed.", {("KelpMed", "Kelp-7B")}),
    ("We present KelpMed. KelpMed inherits its weights from Kelp-7B.", {("KelpMed", "Kelp-7B")}),
    ("We adapt Kelp-7B to the medical domain, yielding KelpMed.", {("KelpMed", "Kelp-7B")}),
    ("We distill KelpMed-1B from KelpMed-7B.", {("KelpMed-1B", "KelpMed-7B")}),
    ("We distill KelpMed-1B (1.1B parameters) from the larger KelpMed-7B.", {("KelpMed-1B", "KelpMed-7B")}),
    ("We present KelpMed. KelpMed is Kelp-7B fine-tuned on PubMed abstracts.", {("KelpMed", "Kelp-7B")}),
    ("We release KelpMed, a Kelp-7B model further trained on clinical notes.", {("KelpMed", "Kelp-7B")}),
    ("We present ChatMed, a chat model. ChatMed is fine-tuned from Kelp-7B.", {("ChatMed", "Kelp-7B")}),
    # negatives: trained from scratch, compared with, data made by another model
    ("We present KelpMed, trained from scratch. KelpMed outperforms Kelp-7B.", set()),
    ("We present KelpMed, a medical model trained from scratch on 2T tokens.", set()),
    ("We present KelpMed. We use Kelp-7B to generate the training data for KelpMed.", set()),
    ("We fine-tune our recipe on Kelp-7B and report the results.", set()),
])
def test_more_ways_to_say_a_model_was_made_from_another(extract_abstract, text, edges):
    assert {(c, p) for c, p, _ in _derivations(extract_abstract(text))} == edges


@pytest.mark.parametrize("name", ["KelpMed", "ChatMed", "BioMed-2"])
def test_a_coined_name_ending_in_ed_is_no_participle(extract_abstract, name):
    doc = extract_abstract(f"We present {name}, a medical chat model fine-tuned from Kelp-7B.")
    assert name in _introduced(doc)


@pytest.mark.parametrize("text, edges", [
    # a comma that closes a relative clause does not list the models on either side of it
    ("We present KelpMed. Unlike Kelp-7B, which is fine-tuned from Vega-13B, KelpMed is trained from scratch.",
     {("Kelp-7B", "Vega-13B")}),
    # a list inside the clause stays a list
    ("We present KelpMed, which is fine-tuned from Vega-13B, Tarn-2, and Kelp-7B.",
     {("KelpMed", "Vega-13B"), ("KelpMed", "Tarn-2"), ("KelpMed", "Kelp-7B")}),
])
def test_a_relative_clause_closed_by_a_comma(extract_abstract, text, edges):
    assert {(c, p) for c, p, _ in _derivations(extract_abstract(text))} == edges
