"""hf-daily's title/abstract boundary on titles the heuristic was not tuned on."""

import pytest

from kg.records.formats.hf_daily import parse, split_title

CASES = [
    ("Attention Is All You Need", "The dominant sequence transduction models are based on complex recurrent networks."),
    ("BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
     "We introduce a new language representation model called BERT."),
    ("Language Models are Few-Shot Learners", "Recent work has demonstrated substantial gains on many NLP tasks."),
    ("Deep Residual Learning for Image Recognition", "Deeper neural networks are more difficult to train."),
    ("LoRA: Low-Rank Adaptation of Large Language Models",
     "An important paradigm of natural language processing consists of large-scale pre-training."),
    ("Llama 2: Open Foundation and Fine-Tuned Chat Models",
     "In this work, we develop and release Llama 2, a collection of pretrained models."),
    ("Mistral 7B", "We introduce Mistral 7B, a 7-billion-parameter language model."),
    ("Training language models to follow instructions with human feedback",
     "Making language models bigger does not inherently make them better at following a user's intent."),
    ("Denoising Diffusion Probabilistic Models",
     "We present high quality image synthesis results using diffusion probabilistic models."),
    ("Mamba: Linear-Time Sequence Modeling with Selective State Spaces",
     "Foundation models, now powering most of the exciting applications in deep learning, are based on the Transformer."),
    ("FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness",
     "Transformers are slow and memory-hungry on long sequences."),
    ("Toolformer: Language Models Can Teach Themselves to Use Tools",
     "Language models (LMs) exhibit remarkable abilities to solve new tasks."),
    ("Constitutional AI: Harmlessness from AI Feedback",
     "As AI systems become more capable, we would like to enlist their help to supervise other AIs."),
    ("Deep learning", "Deep learning allows computational models that are composed of multiple processing layers to learn."),
    ("Visual Instruction Tuning",
     "Instruction tuning large language models (LLMs) using machine-generated instruction-following data has improved zero-shot capabilities."),
    ("RoFormer: Enhanced Transformer with Rotary Position Embedding",
     "Position encoding recently has shown effective in the transformer architecture."),
    ("Efficient Memory Management for Large Language Model Serving with PagedAttention",
     "High throughput serving of large language models (LLMs) requires batching sufficiently many requests at a time."),
    ("Neural Machine Translation by Jointly Learning to Align and Translate",
     "Neural machine translation is a recently proposed approach to machine translation."),
    # an acronym defined at the abstract's start: its long form opens the abstract, whole
    ("Progressive Distillation Of Kelp Diffusion XL Using Layer Level Loss",
     "Kelp Diffusion XL (KDXL) has become the best open source text-to-image model for its versatility."),
    ("Faster Kelp Anything: Towards a Lightweight Kelp for Phones",
     "Kelp anything model (KAM) is a prompt-guided vision foundation model for cutting out objects."),
]


@pytest.mark.parametrize("title,abstract", CASES, ids=[c[0][:30] for c in CASES])
def test_split_title_on_unseen_titles(title, abstract):
    assert split_title(f"{title} {abstract}") == (title, abstract)


def test_no_boundary_leaves_title_empty():
    assert split_title("all lowercase words with no capital anywhere") == (None, "all lowercase words with no capital anywhere")


def test_line_without_tail_is_reported():
    items = list(parse("12 A Title Here We study things.\n3 Good Title We do it. 2 authors · Jan 5, 2024\n", "h.txt"))
    assert [type(i).__name__ for i in items] == ["Problem", "Record"]
    assert items[0].line == 1 and items[1].index == 1 and items[1].lines == (2, 2)
    assert items[1].title == "Good Title" and items[1].date == "2024-01-05"
