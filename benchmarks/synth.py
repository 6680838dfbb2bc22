"""Synthetic paper listings shaped like examples/corpus, for the benchmarks.

    python benchmarks/synth.py N OUTDIR [--seed 1]

Deterministic for a given (N, seed). Most records are arXiv-listing records
(title, 5-25 authors from a pool of a few thousand names, preview, "▽ More",
full abstract, "△ Less", "Submitted ..." lines); the rest are `Abstract:` line
files, abstracts followed by `arXiv:ID` lines, and Hugging Face daily lines.
About half of those repeat a listing paper's abstract, as the real sources
overlap, so paper clustering has work to do.

Abstracts come from templates over synthetic model families ("Zephyrion-7B",
"Qorvax-2-70B-Instruct") with derivation sentences, contributions (methods,
datasets, benchmarks) and well-known baselines, so every extractor runs.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass, field
from pathlib import Path

FIRST = """Aarav Abigail Adrian Aiko Alejandro Alessia Amara Amir Ana Andrei Anika Arjun Astrid
Ayumi Beatriz Bilal Bruno Camila Carlos Chen Chiara Chloe Daniel Dario Deepa Diego Dmitri Elena Elif
Emeka Emil Erik Fatima Felipe Freya Gabriel Giulia Hana Hannah Haruto Hassan Helena Hiroshi Ines
Ingrid Isaac Ivan Jae-won Jakob Javier Jin Joao Jonas Julia Kai Kamal Karan Katarzyna Kenji Kofi
Lars Laura Lei Leila Lena Liam Lin Lucas Luis Maya Mei Mateo Matthieu Mehmet Mina Ming Mohammed
Nadia Naveen Nikolai Nina Noah Nour Olga Omar Oskar Pablo Pooja Priya Rafael Rahul Ravi Rin Rosa
Ryo Sakura Samir Sang-hoon Santiago Sara Sebastian Seo-yeon Shreya Sofia Soren Sun Takeshi Tariq
Thanh Tomas Valentina Vikram Wei Xin Yara Yasmin Yuki Yusuf Zainab Zhen Zoe""".split()
LAST = """Abe Acosta Adeyemi Aguilar Ahmed Akhtar Alvarez Andersen Araujo Bakker Banerjee Becker
Bianchi Bose Brandt Castillo Chakraborty Chandra Chowdhury Costa Dahl Das Demir Dubois Eriksson
Fischer Fujita Garcia Ghosh Gonzalez Gupta Haddad Hansen Hashimoto Hoffmann Horvath Huang Ibrahim
Ito Iyer Jansen Jensen Kapoor Kato Khan Kim Kowalski Kumar Larsen Laurent Lee Lindqvist Liu Lopez
Mahmoud Martin Matsumoto Mehta Menon Meyer Moreau Mori Muller Nakamura Nguyen Nielsen Novak Okafor
Oliveira Park Patel Pereira Petrov Popescu Qureshi Rao Reddy Rossi Sanchez Santos Sato Schmidt
Shah Silva Singh Sokolov Suzuki Tan Tanaka Torres Tran Verma Vogel Wagner Wang Watanabe Weber Wu
Yamamoto Yilmaz Yang Zhang Zhao Zhou""".split()

SYL_A = "Zeph Qorv Lum Vel Kai Ster Nov Orb Thal Pyr Cael Dra Fen Gal Hel Ix Jor Kel Myr Nex Ond Pax Quil Ryn Sol Tav Ul Vor Wyn Xan".split()
SYL_B = "yrion ax ina ora eon is ara ix ethra on uma alis ora en ium".split()
SIZES = [0.5, 1, 1.5, 2, 3, 4, 7, 8, 9, 12, 13, 14, 15, 22, 27, 32, 34, 40, 56, 70, 72, 110, 180, 405]
SUFFIXES = ["", "", "", "-Instruct", "-Base", "-Chat", "-Math", "-Coder", "-VL"]
BASELINES = ["Llama-3.1-8B", "Qwen2.5-7B", "Mistral-7B", "Gemma-2-9B", "Llama-3.1-70B", "Qwen2.5-72B",
             "Phi-3-mini", "DeepSeek-V3", "GPT-4o", "Mixtral-8x7B"]

ADJ = """Blockwise Adaptive Hierarchical Sparse Contrastive Progressive Recursive Latent Dynamic
Structured Gradient-free Curriculum Multi-scale Token-level Layerwise Elastic Implicit Federated
Asynchronous Speculative Quantization-aware Retrieval-augmented Self-rewarding Low-rank Mixture-of-Depth
Residual Bidirectional Causal Memory-efficient""".split()
NOUN1 = """Attention Routing Distillation Preference Reward Rollout Caching Decoding Alignment Pruning
Replay Merging Masking Scheduling Tokenization Sampling Compression Planning Verification
Normalization""".split()
NOUN2 = "Training Optimization Tuning Learning Search Inference Adaptation Regularization Estimation Calibration".split()
DOMAINS = """long-context reasoning, multilingual question answering, code generation, mathematical
problem solving, document understanding, speech recognition, tool use, instruction following,
video comprehension, scientific retrieval, agentic planning, table reasoning""".replace("\n", " ").split(", ")
DATA_WHAT = ["synthetic dialogues", "annotated proofs", "multilingual web documents", "code review comments",
             "chart-question pairs", "audio captions", "step-by-step solutions", "tool-call traces"]
FILLER = [
    "Recent advances in large language models have enabled strong performance on {domain}, but training costs remain high.",
    "Existing approaches struggle to scale to {domain} without large amounts of curated data.",
    "We conduct extensive experiments on {domain} and analyse the trade-offs between accuracy and cost.",
    "Our analysis shows that data quality matters more than quantity for {domain}.",
    "We release code, checkpoints and evaluation scripts to facilitate future research.",
    "Ablation studies confirm the contribution of each component.",
    "The approach requires up to 40x fewer training tokens than training from scratch.",
]
MONTHS = "January February March April May June July August September October November December".split()
HF_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@dataclass
class Model:
    name: str
    family: str
    size: float
    parent: Model | None = None
    kind: str = ""


@dataclass
class Paper:
    title: str
    authors: list[str]
    abstract: str
    date: tuple[int, int, int]
    arxiv: str
    models: list[str] = field(default_factory=list)
    techniques: list[str] = field(default_factory=list)


@dataclass
class Corpus:
    records: int
    files: list[Path]
    lineage_model: str
    frequent_person: str
    technique: str


def _size(s: float) -> str:
    return f"{s:g}B"


class Generator:
    def __init__(self, n: int, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.n = n
        rng = self.rng
        people = sorted({f"{f} {l}" for f in FIRST for l in LAST})
        rng.shuffle(people)
        self.people = people[: max(600, min(4000, n // 3))]
        # Zipf-like weights: a few prolific authors, a long tail.
        self.person_w = [1.0 / (i + 1) ** 0.8 for i in range(len(self.people))]
        # Research groups: people who tend to publish together.
        self.groups = [rng.sample(self.people[: len(self.people)], 30) for _ in range(max(20, n // 100))]
        fams = sorted({a + b for a in SYL_A for b in SYL_B})
        rng.shuffle(fams)
        self.families = fams[: max(40, min(len(fams), n // 40))]
        self.models: list[Model] = []
        self.by_family: dict[str, list[Model]] = {}
        self.techniques: list[str] = []
        self._next_id = 0

    # -- names -------------------------------------------------------------
    def new_model(self, family: str | None = None, smaller_than: float | None = None) -> Model:
        rng = self.rng
        family = family or rng.choice(self.families)
        sizes = [s for s in SIZES if smaller_than is None or s < smaller_than] or [0.5]
        size = rng.choice(sizes)
        version = rng.choice(["", "", "-2", "-3", "-3.5", "-4"])
        name = f"{family}{version}-{_size(size)}{rng.choice(SUFFIXES)}"
        m = Model(name, family, size)
        self.models.append(m)
        self.by_family.setdefault(family, []).append(m)
        return m

    def some_model(self) -> Model:
        if len(self.models) < 50 or self.rng.random() < 0.35:
            return self.new_model()
        # Prefer earlier (well-known) models as parents: lineages get deep.
        i = int(len(self.models) * self.rng.random() ** 2)
        return self.models[i]

    def technique(self) -> tuple[str, str]:
        rng = self.rng
        words = [rng.choice(ADJ), rng.choice(NOUN1), rng.choice(NOUN2)]
        name = " ".join(words)
        abbr = "".join(w[0] for w in " ".join(words).replace("-", " ").split()).upper()
        self.techniques.append(name)
        return name, abbr

    def dataset(self) -> str:
        rng = self.rng
        return rng.choice(self.families)[:5].capitalize() + rng.choice(["Set", "Bench", "Corpus", "-Instruct", "Eval"]) \
            + ("" if rng.random() < 0.6 else f"-{rng.randint(1, 99)}K")

    def authors(self) -> list[str]:
        rng = self.rng
        k = 5 + int(21 * rng.random() ** 3)  # 5-25, most lists short (mean ~10)
        group = rng.choice(self.groups)
        out = rng.sample(group, min(k // 2, len(group)))
        while len(out) < k:
            p = rng.choices(self.people, weights=self.person_w)[0] if rng.random() < 0.5 else rng.choice(self.people)
            if p not in out:
                out.append(p)
        return out

    # -- one paper -----------------------------------------------------------
    def paper(self, i: int) -> Paper:
        rng = self.rng
        domain = rng.choice(DOMAINS)
        parent = self.some_model()
        kind = rng.choice(["finetune", "distil", "prune", "continued", "based", "align", "quant", "none"])
        if kind in ("distil", "prune", "quant"):
            child = self.new_model(parent.family if kind != "distil" else None, smaller_than=parent.size)
        else:
            child = self.new_model(rng.choice([parent.family, None]))
        child.parent, child.kind = parent, kind
        c, p = child.name, parent.name
        tech, abbr = self.technique()
        data = self.dataset()
        b1, b2 = rng.sample(BASELINES, 2)
        s: list[str] = [rng.choice(FILLER).format(domain=domain)]
        s.append(rng.choice([
            f"We introduce {c}, a {_size(child.size).replace('B', '')}-billion-parameter language model for {domain}.",
            f"In this work, we present {c}, an open model for {domain}.",
            f"We release {c}, a family of efficient models for {domain}.",
        ]))
        s.append({
            "finetune": f"We fine-tune {p} on {data} to obtain {c}.",
            "distil": f"{c} is distilled from {p}.",
            "prune": f"We prune {p} to {c} with structured width and depth pruning.",
            "continued": f"{c} is continually pretrained from {p} on 1T additional tokens.",
            "based": f"{c} builds on {p}, a strong open model.",
            "align": f"{c} is aligned from {p} with preference optimization.",
            "quant": f"We quantize {p} to {c} with 4-bit weights.",
            "none": f"{c} is trained from scratch on 8T tokens.",
        }[kind])
        s.append(rng.choice([
            f"We propose {tech} ({abbr}), a method that reduces memory use during {domain}.",
            f"To this end, we introduce {tech} ({abbr}), a simple technique that stabilises training.",
            f"Central to our approach is {tech} ({abbr}), which we propose to improve sample efficiency.",
        ]))
        if rng.random() < 0.6:
            s.append(f"In addition, we curate {data}, a large-scale dataset of {rng.choice(DATA_WHAT)}.")
        if rng.random() < 0.5:
            s.append(f"Training uses {rng.choice(self.techniques)} and {rng.choice(['LoRA', 'DPO', 'GRPO', 'FlashAttention'])}.")
        s.append(rng.choice(FILLER).format(domain=domain))
        s.append(rng.choice([
            f"{c} outperforms {b1} and {b2} on {domain} benchmarks.",
            f"Experiments show that {c} matches {b1} while being 3x smaller, and surpasses {b2}.",
            f"Compared with {b1} and {b2}, {c} achieves state-of-the-art results on 10+ benchmarks.",
        ]))
        if rng.random() < 0.3:
            s.append(rng.choice(FILLER).format(domain=domain))
        title = rng.choice([
            f"{c}: {tech} for {domain.capitalize()}",
            f"{tech}: Efficient {domain.capitalize()} with {c}",
            f"Scaling {domain.capitalize()} with {tech}",
        ])
        year = 2023 + rng.randint(0, 2)
        date = (rng.randint(1, 28), rng.randint(1, 12), year)
        arxiv = f"{year % 100:02d}{date[1]:02d}.{10000 + i:05d}"
        return Paper(title, self.authors(), " ".join(s), date, arxiv, [c, p], [tech])


def listing(p: Paper) -> str:
    preview = p.abstract[:200].rsplit(" ", 1)[0] + "…"
    d, m, y = p.date
    lines = ["-", p.title, "Authors:"]
    lines += [a + ("," if i < len(p.authors) - 1 else "") for i, a in enumerate(p.authors)]
    lines += ["Abstract:", preview, "▽ More", p.abstract, "△ Less",
              f"Submitted {d} {MONTHS[m - 1]}, {y};", f"originally announced {MONTHS[m - 1]} {y}."]
    return "\n".join(lines)


def hf_line(p: Paper, rng: random.Random) -> str:
    d, m, y = p.date
    votes = rng.choice(["-", str(rng.randint(1, 120))])
    tail = f" {rng.randint(1, 30)}" if rng.random() < 0.3 else ""
    return f"{votes} {p.title} {p.abstract} {len(p.authors)} authors · {HF_MONTHS[m - 1]} {d}, {y}{tail}"


def generate(n: int, out: Path, seed: int = 1) -> Corpus:
    """Write ``n`` records under ``out`` (which should be empty); return what the queries bind to."""
    out.mkdir(parents=True, exist_ok=True)
    g = Generator(n, seed)
    rng = g.rng
    n_list = int(n * 0.80)
    rest = n - n_list
    n_abs, n_ax = rest * 4 // 10, rest * 3 // 10
    n_hf = rest - n_abs - n_ax
    papers = [g.paper(i) for i in range(n_list)]
    files: list[Path] = []

    def write(name: str, text: str) -> None:
        path = out / name
        path.write_text(text + "\n", "utf-8")
        files.append(path)

    per = 1000
    for k in range(0, n_list, per):
        write(f"{len(files):04d}_listing.txt", "\n".join(listing(p) for p in papers[k:k + per]))

    def others(count: int) -> list[Paper]:
        # Half repeat a listing paper (same abstract: one paper, several records), half are new.
        return [rng.choice(papers) if (papers and rng.random() < 0.5) else g.paper(n_list + i) for i in range(count)]

    per = 200
    ab = others(n_abs)
    for k in range(0, len(ab), per):
        write(f"{len(files):04d}_abstracts.txt", "\n".join("Abstract:" + p.abstract for p in ab[k:k + per]))
    ax = others(n_ax)
    for k in range(0, len(ax), per):
        chunk = ax[k:k + per]
        text = chunk[0].abstract
        for prev, cur in zip(chunk, chunk[1:]):
            text += f"\narXiv:{prev.arxiv}{cur.abstract}"
        write(f"{len(files):04d}_arxiv.txt", text + f"\narXiv:{chunk[-1].arxiv}")
    hf = others(n_hf)
    for k in range(0, len(hf), per):
        write(f"{len(files):04d}_hf.txt", "\n".join(hf_line(p, rng) for p in hf[k:k + per]))

    # What the bound queries ask about: a model with a parent and a child, the
    # most prolific author, a technique introduced early on.
    counts: dict[str, int] = {}
    for p in papers:
        for a in p.authors:
            counts[a] = counts.get(a, 0) + 1
    frequent = max(sorted(counts), key=lambda a: counts[a])
    parents = {m.parent.name for m in g.models if m.parent is not None}
    mid = next((m.name for m in g.models if m.parent is not None and m.name in parents), g.models[0].name)
    return Corpus(n, files, mid, frequent, papers[0].techniques[0])


def listing_batch(n: int, count: int, path: Path, seed: int = 1) -> Path:
    """One arXiv listing file of ``count`` new papers for the corpus ``generate(n, ..., seed)`` wrote:
    a new day's listing to append to its store. The same people, groups and model families (the
    generator is set up as for the corpus), papers drawn anew, arXiv numbers after the corpus's."""
    g = Generator(n, seed)
    g.rng = random.Random(f"append-{n}-{seed}")
    papers = [g.paper(n + i) for i in range(count)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(listing(p) for p in papers) + "\n", "utf-8")
    return path


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    c = generate(a.n, a.out, a.seed)
    print(f"{c.records} records in {len(c.files)} files; lineage model {c.lineage_model!r}, "
          f"person {c.frequent_person!r}, technique {c.technique!r}")
