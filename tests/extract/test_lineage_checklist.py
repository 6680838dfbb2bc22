"""Lineage extraction as a CheckList (Ribeiro et al., ACL 2020): one capability, many generated phrasings.

Rows are generated, not written: construction templates x per-kind verb phrasings x pools of invented
model names, with a seeded random.Random so the table is identical on every run. Each row is a short
abstract with the (child, parent, kind) edges it states -- or, for a negative, none at all:

    finetuned/active/parent-first   "We fine-tune Llama 2 on our instruction data to obtain Vortan-7B."
    merged/participle               "We present Mirel, merged from Halden-34B and Mistral-7B."
    aligned/coref                   "We introduce Orvik 2, an open assistant. It is trained with RLHF on top of T5."
    finetuned/list/pairing          "We fine-tune A and B on ... to produce C and D, respectively."  -> C<-A, D<-B
    negative/comparison             "Vortan-7B outperforms Llama 2 on most benchmarks."           -> no edge

A positive row passes when every expected edge is found with its kind and no other derivation is
(precision matters: a second, wrong edge fails the row). A negative row passes when no derivation at
all is found. Groups are "<kind>/<construction>" (positives) and "negative/<cause>"; a group's family
is its construction ("active/parent-first", "apposition", "coref", ...) or the negative cause.

Run as a script for the development set -- the per-group table and every failing row:

    .venv/bin/python tests/extract/test_lineage_checklist.py [--group SUBSTRING]
"""

from __future__ import annotations

import math
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass

# THRESHOLDS hold what the role-based extractor meets (measured, then rounded down to 0.05); raise
# them as it improves, never lower one to make a change pass. The script below
# (`python tests/extract/test_lineage_checklist.py`) prints the values the code would meet.
#
# THRESHOLDS[family]: the minimum pass rate of EVERY group of that family (one group per kind).
# FAMILY_THRESHOLDS[family]: the minimum pass rate of the family as a whole (all its rows).
# Negatives are strict: a derivation where the text states none is a wrong edge in the graph.
THRESHOLDS: dict[str, float] = {
    "active/parent-first": 0.95,
    "active/child-first": 0.95,
    "passive/parent-first": 0.95,
    "passive/child-first": 0.95,
    "apposition": 0.45,   # "We introduce X, Y with continued pre-training on ...": no role word ties X to Y
    "participle": 0.95,
    "relative": 0.95,
    "coref": 0.85,
    "list/pairing": 0.95,
    "list/fan-out": 0.95,
    "negative/comparison": 1.00,
    "negative/data-generator": 1.00,
    "negative/predecessor": 1.00,
    "negative/architecture": 1.00,
    "negative/unnamed-child": 1.00,
}
FAMILY_THRESHOLDS: dict[str, float] = {
    "active/parent-first": 0.95,
    "active/child-first": 0.95,
    "passive/parent-first": 0.95,
    "passive/child-first": 0.95,
    "apposition": 0.90,
    "participle": 0.95,
    "relative": 0.95,
    "coref": 0.90,
    "list/pairing": 0.95,
    "list/fan-out": 0.95,
    "negative/comparison": 1.00,
    "negative/data-generator": 1.00,
    "negative/predecessor": 1.00,
    "negative/architecture": 1.00,
    "negative/unnamed-child": 1.00,
}

SEED = 14

# --- name pools: invented, shaped like real model names (one word, CamelCase, sizes, versions, spaces) ---
CHILDREN = [
    "Vortan-7B", "Kelpie-2-13B-Chat", "Mirel", "Orvik 2", "BrisaLM", "Talvo-3B-Instruct", "Quenra 1.5",
    "NeroCoder-15B", "Saphir-Mini", "Lumo-8x7B", "Dravik-70B-Chat", "Ferrin-1.1B", "Jorvel", "Nimbra 3 8B",
    "PellanGPT", "Ravina-v2", "Solvey-Med-7B", "Tamsin 2", "Ulmo-R1", "WexaChat", "Zephel-13B", "Ostra-Long",
    "Velka 4", "MarloLM-2.7B", "Aurin-1B", "Tesk-9B",
]
PARENTS = [
    "Llama 2", "Mistral-7B", "BERT", "T5", "Llama-2-13B", "Falcon-40B", "Pythia-6.9B", "Qwen2-7B",
    "Halden-34B", "Corvane-13B", "Brimo 3", "Caldera-70B", "Yarrow-7B-Base", "GPT-J",
]
FAMILIES = ["Vortan", "Kelpie", "Mirel", "Orvik", "Talvo", "Quenra", "Ravina", "Solvey"]  # "the Vortan models"

# --- per-kind phrasings: each variant names its parent {P} as a we-clause, a gerund, a participle,
# a passive predicate ({be} agrees with the subject) and an appositive noun phrase ---
KINDS: dict[str, list[dict[str, str]]] = {
    "finetuned": [
        dict(we="fine-tune {P} on our instruction data", ing="fine-tuning {P} on our instruction data",
             pp="fine-tuned from {P} on our instruction data", pas="{be} fine-tuned on our instruction data",
             np="a fine-tuned version of {P}"),
        dict(we="instruction-tune {P} on 50K curated prompts", ing="instruction-tuning {P} on 50K curated prompts",
             pp="instruction-tuned from {P}", pas="{be} instruction-tuned on 50K curated prompts",
             np="an instruction-tuned variant of {P}"),
        dict(we="apply supervised fine-tuning (SFT) to {P}", ing="applying supervised fine-tuning to {P}",
             pp="obtained by supervised fine-tuning of {P}", pas="{be} trained with SFT on dialogue data",
             np="the SFT version of {P}"),
    ],
    "pruned": [
        dict(we="prune {P} to 50% sparsity", ing="pruning {P} to 50% sparsity", pp="pruned from {P}",
             pas="{be} pruned to 50% sparsity", np="a pruned version of {P}"),
        dict(we="apply structured pruning to {P}", ing="structurally pruning {P}",
             pp="obtained by structured pruning of {P}", pas="{be} structurally pruned by removing layers",
             np="a structurally pruned variant of {P}"),
    ],
    "distilled": [
        dict(we="distill {P} into a smaller student", ing="distilling {P} into a smaller student",
             pp="distilled from {P}", pas="{be} distilled into a smaller student",
             np="a distilled version of {P}"),
        dict(we="distil the knowledge of {P} into a compact student", ing="distilling the knowledge of {P}",
             pp="trained with {P} as the teacher", pas="{be} used as the teacher of a compact student",
             np="a student model of the teacher {P}"),
    ],
    "upcycled": [
        dict(we="upcycle {P} into a mixture of experts", ing="upcycling {P} into a mixture of experts",
             pp="upcycled from {P}", pas="{be} upcycled into a mixture of experts",
             np="an upcycled version of {P}"),
        dict(we="sparsely upcycle the dense {P} checkpoint", ing="sparse upcycling of the dense {P} checkpoint",
             pp="sparsely upcycled from the dense {P} checkpoint", pas="{be} sparsely upcycled into eight experts",
             np="a mixture-of-experts model upcycled from {P}"),
    ],
    "continued_pretraining": [
        dict(we="continue pretraining {P} on 200B tokens of code",
             ing="continuing the pretraining of {P} on 200B tokens of code",
             pp="continually pretrained from {P} on 200B tokens", pas="{be} further pretrained on 200B tokens of code",
             np="a continually pretrained version of {P}"),
        dict(we="perform continual pre-training of {P} on a legal corpus",
             ing="continued pre-training of {P} on a legal corpus",
             pp="obtained by continued pre-training of {P} on a legal corpus",
             pas="{be} continually pre-trained on a legal corpus",
             np="{P} with continued pre-training on legal text"),
    ],
    "context_extended": [
        dict(we="extend the context window of {P} to 128K tokens",
             ing="extending the context window of {P} to 128K tokens",
             pp="extended from {P} to a 128K-token context", pas="{be} extended to a 128K-token context",
             np="a long-context version of {P}"),
        dict(we="extend the context length of {P} from 4K to 32K with position interpolation",
             ing="extending the context length of {P} from 4K to 32K",
             pp="obtained by extending the context length of {P} to 32K",
             pas="{be} extended from 4K to 32K tokens with position interpolation",
             np="a 32K-context extension of {P}"),
    ],
    "aligned": [
        dict(we="align {P} with human preferences", ing="aligning {P} with human preferences",
             pp="obtained by aligning {P} with human preferences", pas="{be} aligned with human preferences",
             np="an aligned version of {P}"),
        dict(we="train {P} with RLHF", ing="applying RLHF to {P}", pp="trained with RLHF on top of {P}",
             pas="{be} further trained with RLHF", np="the RLHF-tuned version of {P}"),
        dict(we="apply direct preference optimization (DPO) to {P}", ing="applying DPO to {P}",
             pp="trained with DPO starting from {P}", pas="{be} optimized with DPO on preference pairs",
             np="a DPO-aligned version of {P}"),
    ],
    "quantized": [
        dict(we="quantize {P} to 4 bits", ing="quantizing {P} to 4 bits", pp="quantized from {P}",
             pas="{be} quantized to 4-bit precision", np="a 4-bit quantized version of {P}"),
        dict(we="apply GPTQ quantization to {P}", ing="applying GPTQ quantization to {P}",
             pp="obtained by 3-bit quantization of {P}", pas="{be} quantized with GPTQ to 3 bits",
             np="a quantized variant of {P}"),
    ],
    "merged": [  # {P} is always two parents, "A and B"
        dict(we="merge {P}", ing="merging {P}", pp="merged from {P}", pas="{be} merged with task arithmetic",
             np="a merge of {P}"),
        dict(we="combine the weights of {P} with spherical interpolation", ing="averaging the weights of {P}",
             pp="obtained by merging {P}", pas="{be} combined by weight averaging",
             np="a weight-space merge of {P}"),
    ],
    "based_on": [
        dict(we="build on {P}", ing="building on {P}", pp="built on {P}", pas="{be} used as the base model",
             np="a model based on {P}"),
        dict(we="initialize our weights from {P}", ing="initializing the weights from {P}",
             pp="initialised from {P}", pas="{be} used to initialize the weights",
             np="a model initialised from the weights of {P}"),
        dict(we="start from {P} as the base model", ing="starting from {P} as the base model",
             pp="based on {P}", pas="{be} taken as the starting point", np="a model built upon {P}"),
    ],
}

# --- constructions: {C} child, {P} parent(s), {be} is/are or was/were agreeing with the subject ---
TEMPLATES: dict[str, list[str]] = {
    "active/parent-first": ["We {we} to obtain {C}.", "We {we}, resulting in {C}.",
                            "By {ing}, we obtain {C}, which we release openly."],
    "active/child-first": ["We obtain {C} by {ing}.", "To build {C}, we {we}.",
                           "We develop {C} by {ing}."],
    "passive/parent-first": ["{P} {be} {pas_rest} to produce {C}.", "{P} {be_past} {pas_rest}, yielding {C}."],
    "passive/child-first": ["{C} is {pp}.", "{C} was obtained by {ing}."],
    "apposition": ["We introduce {C}, {np}.", "We release {C}, {np}, under an open license."],
    "participle": ["We present {C}, {pp}.", "{C}, {pp}, reaches strong scores on standard benchmarks."],
    "relative": ["We present {C}, which is {pp}.", "We release {C}, a model that was obtained by {ing}."],
}
COREF = {  # cue -> templates of two adjacent sentences
    "the resulting model": ["We {we}. The resulting model, {C}, is released openly.",
                            "We {we}. The resulting model is called {C}."],
    "our model": ["We introduce {C}, a compact open assistant. Our model is {pp}."],
    "it": ["We introduce {C}, an open language model. It is {pp}."],
    "these models": ["We introduce {C} and {D}, two open assistants. These models are {pp}."],
    "the final model": ["We introduce {C}, a compact open assistant. The final model is {pp}.",
                        "This report presents {C}, a series of open assistants. The initial released model is {pp}."],
}
PAIRING = ["We {we_AB} to produce {C} and {D}, respectively.",
           "{C} and {D} are {pp_AB}, respectively."]
FAN_OUT = ["The {F} models are {pp_AB}.",          # one family, two parents: F<-A, F<-B
           "We {we} to produce {C} and {D}."]      # one parent, two children: C<-P, D<-P

NEGATIVES: dict[str, list[str]] = {
    "comparison": [
        "We introduce {C}, an open language model. {C} outperforms {P} on most benchmarks.",
        "We present {C}, which surpasses {P} by three points on reasoning tasks.",
        "Compared with {P}, {C} is twice as fast at inference.",
        "{C} matches the performance of {P} at a fraction of the cost.",
        "We release {C} and compare it against {P} and {Q} on six benchmarks.",
        "We introduce {C}. It is competitive with much larger models such as {P}.",
    ],
    "data-generator": [
        "We introduce {C}, trained from scratch on instructions generated by {P}.",
        "We use {P} to generate training data for {C}, a small model trained from scratch.",
        "We present {C}, a model trained on responses distilled from {P} and {Q}, used as supervision data.",
        "Synthetic dialogues produced by {P} serve as the training data of {C}, which we train from scratch.",
        "We introduce {C}. Its pretraining corpus is filtered with quality labels annotated by {P}.",
        "We present {C}; {P} is used only as a judge to score its answers.",
    ],
    "predecessor": [
        "We introduce {C}, the successor of {P}.",
        "{C} improves substantially over its predecessor {P}.",
        "Unlike its predecessor {P}, {C} is trained from scratch on 3T tokens.",
        "We present {C}, which succeeds {P} as our flagship model.",
        "{P}, the predecessor of {C}, was trained on half as much data.",
    ],
    "architecture": [
        "We introduce {C}, which follows the architecture of {P} but is trained from scratch.",
        "We adopt the {P} architecture for {C}, trained from random initialization.",
        "{C} uses the same architecture as {P} with a larger vocabulary.",
        "We present {C}, a model sharing the tokenizer and architecture of {P}, pretrained from scratch.",
        "{C} is a decoder-only transformer with the architecture of {P}, trained from random weights.",
    ],
    "unnamed-child": [
        "We fine-tune {P} on our medical data and evaluate it on three benchmarks.",
        "We apply LoRA to {P} and study how the rank affects forgetting.",
        "We distill {P} into smaller students and analyze their calibration.",
        "We prune {P} by 50% with little loss in accuracy.",
        "We quantize {P} to 4 bits and measure the drop in perplexity.",
        "We continue pretraining {P} on code and observe gains on program synthesis.",
    ],
}


SIZE = re.compile(r"(?:(\d+)x)?(\d+(?:\.\d+)?)B\b")
SHRINKS = {"pruned", "distilled", "quantized"}           # the child is no larger than its parent
KEEPS = {"finetuned", "aligned", "continued_pretraining", "context_extended"}  # the same size


def _size(name: str) -> float | None:
    m = SIZE.search(name)
    return None if m is None else float(m.group(2)) * int(m.group(1) or 1)


def _sizes_fit(kind: str, child: str, parent: str) -> bool:
    c, p = _size(child), _size(parent)
    if c is None or p is None:
        return True
    return (c <= p if kind in SHRINKS else c == p if kind in KEEPS else c >= p if kind == "upcycled" else True)


@dataclass(frozen=True)
class Row:
    group: str                     # "<kind>/<construction>" or "negative/<cause>"
    family: str                    # the construction or "negative/<cause>"
    text: str
    expected: frozenset            # {(child, parent, kind)}; empty for a negative
    title: str | None = None
    tag: str = ""                  # e.g. the coreference cue


def _fill(template: str, **slots: str) -> str:
    text = template
    for _ in range(3):             # phrasings contain {P}; templates contain phrasings
        text = text.format(**slots) if "{" in text else text
    return text[0].upper() + text[1:]


def generate() -> list[Row]:
    """Every row of the checklist, the same on every run (seeded)."""
    rng = random.Random(SEED)
    rows: list[Row] = []

    def names(k: int, pool: list[str]) -> list[str]:
        return rng.sample(pool, k)

    def lineage(kind: str, children: int, parents: int) -> tuple[list[str], list[str]]:
        """Children and parents whose sizes fit the kind (no 70B model pruned from a 7B one)."""
        while True:
            cs, ps = names(children, CHILDREN), names(parents, PARENTS)
            if all(_sizes_fit(kind, c, p) for c in cs for p in ps):
                return cs, ps

    for kind, variants in KINDS.items():
        merged = kind == "merged"
        for construction, templates in TEMPLATES.items():
            for ti, template in enumerate(templates):
                for vi, v in enumerate(variants):
                    (c,), parents = lineage(kind, 1, 2 if merged else 1)
                    p = " and ".join(parents)
                    be, be_past = ("are", "were") if merged else ("is", "was")
                    slots = dict(C=c, P=p, be=be, be_past=be_past, pas_rest=v["pas"].replace("{be} ", ""), **v)
                    rows.append(Row(f"{kind}/{construction}", construction, _fill(template, **slots),
                                    frozenset((c, q, kind) for q in parents)))
        for cue, templates in COREF.items():
            for template in templates:
                for v in variants[:2]:
                    (c, d), parents = lineage(kind, 2, 2 if merged else 1)
                    p = " and ".join(parents)
                    children = (c, d) if "{D}" in template else (c,)
                    rows.append(Row(f"{kind}/coref", "coref", _fill(template, C=c, D=d, P=p, **v),
                                    frozenset((x, q, kind) for x in children for q in parents), tag=cue))
        if merged:  # a merge has two parents by nature: no pairing, no fan-out
            continue
        for template in PAIRING:
            for v in variants:
                (c, d), (a, b) = lineage(kind, 2, 2)
                text = _fill(template.replace("{we_AB}", v["we"].replace("{P}", "{A} and {B}"))
                             .replace("{pp_AB}", v["pp"].replace("{P}", "{A} and {B}")), C=c, D=d, A=a, B=b)
                rows.append(Row(f"{kind}/list/pairing", "list/pairing", text,
                                frozenset({(c, a, kind), (d, b, kind)})))
        for template in FAN_OUT:
            for v in variants:
                if "{F}" in template:
                    (f,) = names(1, FAMILIES)
                    (a, b) = lineage(kind, 0, 2)[1]
                    text = _fill(template.replace("{pp_AB}", v["pp"].replace("{P}", "{A} and {B}")), F=f, A=a, B=b)
                    expected = {(f, a, kind), (f, b, kind)}
                else:
                    (c, d), (p,) = lineage(kind, 2, 1)
                    text = _fill(template, C=c, D=d, P=p, **v)
                    expected = {(c, p, kind), (d, p, kind)}
                rows.append(Row(f"{kind}/list/fan-out", "list/fan-out", text, frozenset(expected)))

    for cause, templates in NEGATIVES.items():
        for template in templates:
            children, parents = names(2, CHILDREN), names(4, PARENTS)
            for c, p, q in zip(children, parents[::2], parents[1::2]):  # two rows, no name repeated
                rows.append(Row(f"negative/{cause}", f"negative/{cause}", _fill(template, C=c, P=p, Q=q),
                                frozenset()))
    return rows


DERIVATION_KINDS = frozenset(KINDS)


def derivations(doc) -> frozenset:
    """(child, parent, kind) of every model -> model derivation the doc states."""
    return frozenset((f.subject.name, f.object.name, f.predicate) for f in doc.facts
                     if f.subject.kind == "model" and f.object.kind == "model" and f.predicate in DERIVATION_KINDS)


@dataclass(frozen=True)
class Result:
    row: Row
    got: frozenset

    @property
    def passed(self) -> bool:
        return self.got == self.row.expected  # all expected found, nothing else (negatives: nothing at all)


def evaluate(extract, rows: list[Row] | None = None) -> list[Result]:
    return [Result(r, derivations(extract(r.text, r.title))) for r in (rows or generate())]


def rates(results: list[Result], key) -> dict[str, tuple[int, int]]:
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for res in results:
        out[key(res.row)][0] += res.passed
        out[key(res.row)][1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def table(results: list[Result]) -> str:
    """Pass rates per group, then per family (construction / negative cause), kind and coreference cue."""
    lines = []
    for title, key in (("group", lambda r: r.group), ("family", lambda r: r.family),
                       ("kind", lambda r: r.group.split("/")[0] if not r.family.startswith("negative")
                        else "negative"),
                       ("coref cue", lambda r: r.tag or None)):
        counts = {k: v for k, v in rates(results, key).items() if k is not None}
        lines.append(f"{title:<40} {'pass':>5} {'rows':>5} {'rate':>6}")
        for k in sorted(counts):
            ok, n = counts[k]
            lines.append(f"  {k:<38} {ok:>5} {n:>5} {ok / n:>6.2f}")
        lines.append("")
    ok = sum(r.passed for r in results)
    lines.append(f"all rows: {ok}/{len(results)} = {ok / len(results):.2f}")
    return "\n".join(lines)


def failures(results: list[Result], group: str = "") -> str:
    def show(edges):
        return ", ".join(f"{c} <-{k}- {p}" for c, p, k in sorted(edges)) or "(none)"
    lines = []
    for res in results:
        if not res.passed and group in res.row.group:
            lines += [f"[{res.row.group}{' / ' + res.row.tag if res.row.tag else ''}] {res.row.text}",
                      f"    expected: {show(res.row.expected)}",
                      f"    got:      {show(res.got)}"]
            if res.row.expected - res.got:
                lines.append(f"    missing:  {show(res.row.expected - res.got)}")
            if res.got - res.row.expected:
                lines.append(f"    extra:    {show(res.got - res.row.expected)}")
    return "\n".join(lines)


def suggested_thresholds(results: list[Result], margin: float = 0.05) -> str:
    """THRESHOLDS / FAMILY_THRESHOLDS as the current extractor would meet them, to paste when raising."""
    def floor(rate: float) -> float:
        return max(0.0, math.floor(round((rate - margin) / 0.05, 6)) * 0.05)
    groups = rates(results, lambda r: r.group)
    family_of = {r.row.group: r.row.family for r in results}
    worst: dict[str, float] = {}
    for group, (ok, n) in groups.items():
        worst[family_of[group]] = min(worst.get(family_of[group], 1.0), ok / n)
    fams = rates(results, lambda r: r.family)
    out = ["THRESHOLDS = {"] + [f'    "{f}": {floor(worst[f]):.2f},' for f in sorted(worst)] + ["}"]
    out += ["FAMILY_THRESHOLDS = {"] + [f'    "{f}": {floor(ok / n):.2f},' for f, (ok, n) in sorted(fams.items())]
    return "\n".join(out + ["}"])


# ---------------------------------------------------------------------------------------------- tests

def test_the_generator_is_deterministic_and_covers_every_cell():
    rows = generate()
    assert rows == generate()
    assert len(rows) >= 300
    groups = {r.group for r in rows}
    for kind in KINDS:
        for construction in [*TEMPLATES, "coref"]:
            assert f"{kind}/{construction}" in groups
    assert {r.tag for r in rows if r.tag} == set(COREF)
    assert {f"negative/{c}" for c in NEGATIVES} <= groups
    assert all(r.text.count("{") == 0 for r in rows)
    assert THRESHOLDS.keys() == {r.family for r in rows} == FAMILY_THRESHOLDS.keys()


def test_lineage_checklist_pass_rates(extract_abstract, checklist_report):
    results = evaluate(extract_abstract)
    checklist_report("lineage checklist (tests/extract/test_lineage_checklist.py)", table(results))
    below = []
    family_of = {r.row.group: r.row.family for r in results}
    for group, (ok, n) in rates(results, lambda r: r.group).items():
        family = family_of[group]
        if ok / n < THRESHOLDS[family]:
            below.append(f"group {group}: {ok}/{n} < {THRESHOLDS[family]}")
    for family, (ok, n) in rates(results, lambda r: r.family).items():
        if ok / n < FAMILY_THRESHOLDS[family]:
            below.append(f"family {family}: {ok}/{n} < {FAMILY_THRESHOLDS[family]}")
    assert not below, "\n".join(below) + "\n\n" + failures(results)


if __name__ == "__main__":
    from kg.extract.pipeline import pipeline, run
    from kg.records.record import Record

    comps = pipeline()

    def extract(abstract: str, title: str | None = None):
        text = (title + "\n" if title else "") + abstract
        return run(Record(file="t.txt", index=1, lines=(1, 2), text=text, format="test", title=title,
                          abstract=abstract), comps)

    only = sys.argv[sys.argv.index("--group") + 1] if "--group" in sys.argv else ""
    results = evaluate(extract)
    print(table(results))
    print()
    print(failures(results, only))
    print()
    print("thresholds the current extractor would meet (rate - 0.05, rounded down to 0.05):")
    print(suggested_thresholds(results))
