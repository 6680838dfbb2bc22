"""Lineage statements in the forms abstracts use, on names the corpus does not have."""

import pytest


def edges(doc):
    return {(f.subject.name, f.predicate, f.object.name) for f in doc.facts
            if f.predicate not in ("introduces", "uses", "wrote")}


@pytest.mark.parametrize("abstract, expected", [
    ("We introduce Heron-7B, a model distilled from Heron-70B.", {("Heron-7B", "distilled", "Heron-70B")}),
    ("We prune Osprey-15B to Osprey-8B and recover accuracy with distillation.",
     {("Osprey-8B", "pruned", "Osprey-15B"), ("Osprey-8B", "distilled", "Osprey-15B")}),
    ("We introduce Wren-2, a Falcon-40B-based model for dialogue.", {("Wren-2", "based_on", "Falcon-40B")}),
    ("Finch-32B builds on Qwen2.5-32B with a new tokenizer.", {("Finch-32B", "based_on", "Qwen2.5-32B")}),
    ("We upcycle Gemma-2B into GemmaMoE-8x2B, a sparse mixture-of-experts model.",
     {("GemmaMoE-8x2B", "upcycled", "Gemma-2B")}),
    ("We present Lark-8B. We extend the context window of Llama-3.1-8B from 8K to 1M tokens.",
     {("Lark-8B", "context_extended", "Llama-3.1-8B")}),
    ("We introduce Swift-7B-Chat. We fine-tune Mistral-7B on 1M dialogues.",
     {("Swift-7B-Chat", "finetuned", "Mistral-7B")}),
    ("Blend-7B is a weight merge of Alpha-7B and Beta-7B.",
     {("Blend-7B", "merged", "Alpha-7B"), ("Blend-7B", "merged", "Beta-7B")}),
    ("Our Sparrow-8B-Int4 is a quantized version of Sparrow-8B.", {("Sparrow-8B-Int4", "quantized", "Sparrow-8B")}),
    ("We apply DPO on top of Heron-8B-SFT, resulting in Heron-8B-DPO.", {("Heron-8B-DPO", "aligned", "Heron-8B-SFT")}),
    ("Using Heron-70B as the teacher, we train Heron-2B, a student model, with logit distillation.",
     {("Heron-2B", "distilled", "Heron-70B")}),
    ("We present Heron-8B-W4, a 4-bit GPTQ-quantized Heron-8B.", {("Heron-8B-W4", "quantized", "Heron-8B")}),
    ("Heron-Merge-7B combines Heron-7B-Math and Heron-7B-Code through task arithmetic.",
     {("Heron-Merge-7B", "merged", "Heron-7B-Math"), ("Heron-Merge-7B", "merged", "Heron-7B-Code")}),
])
def test_derivations(extract_abstract, abstract, expected):
    assert expected <= edges(extract_abstract(abstract))


def test_no_derivation_between_baselines(extract_abstract):
    doc = extract_abstract("Our model outperforms Llama-3-8B and Qwen2-7B, and matches GPT-4o.")
    assert not edges(doc)


def test_derivation_quote_is_the_sentence(extract_abstract):
    doc = extract_abstract("We introduce Heron-7B. Heron-7B is distilled from Heron-70B using 10B tokens.")
    fact = next(f for f in doc.facts if f.predicate == "distilled")
    assert fact.quote == "Heron-7B is distilled from Heron-70B using 10B tokens."
    assert 0 < fact.confidence <= 1


def test_the_model_a_new_one_is_made_from_is_not_introduced_with_it(extract_abstract):
    doc = extract_abstract("We present Heron-8B-W4, a 4-bit GPTQ-quantized Heron-8B.")
    introduced = {f.object.name for f in doc.facts if f.predicate == "introduces"}
    assert introduced == {"Heron-8B-W4"}  # not Heron-8B, nor "4-bit GPTQ-quantized" as a technique


def test_a_parent_named_first_keeps_its_introduction(extract_abstract):
    doc = extract_abstract("We release Heron-8B-Base and Heron-8B-Chat, where Heron-8B-Chat is fine-tuned "
                           "from Heron-8B-Base.")
    assert {"Heron-8B-Base", "Heron-8B-Chat"} <= {f.object.name for f in doc.facts if f.predicate == "introduces"}



def test_the_word_prefilter_changes_no_match(monkeypatch):
    """A pattern is tried only on sentences holding one of the words it needs: on every sentence of
    the example corpus and of the phrasing tests, that finds exactly what trying every pattern does."""
    import ast
    import pathlib

    import kg.extract.components.derivations as derivations
    from kg.extract.pipeline import extract
    from kg.records.io import parse_text, read_paths

    seen: list[str] = []
    matches = derivations._pattern_matches.__wrapped__
    monkeypatch.setattr(derivations, "_pattern_matches", lambda p: seen.append(p) or matches(p))
    here = pathlib.Path(__file__).resolve()
    list(extract(read_paths([here.parents[2] / "examples" / "corpus"]).records))
    abstracts = [node.value for path in here.parent.glob("test_*.py")
                 for node in ast.walk(ast.parse(path.read_text("utf-8")))
                 if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 40
                 and node.value[:1].isupper() and "\n" not in node.value]
    for text in abstracts:
        list(extract(parse_text(f"Abstract: {text}\n", "t.txt")[0]))
    assert len(abstracts) > 100 and len(seen) > 200

    def every_pattern(ptext):
        placeholders = ptext.count("<M") + ptext.count("<m")
        return tuple((pat, m.groupdict(), m.span("c") if m.groupdict().get("c") else None)
                     for pat in derivations.patterns()
                     if pat.names <= placeholders for m in pat.regex.finditer(ptext))

    assert [matches(p) for p in seen] == [every_pattern(p) for p in seen]
