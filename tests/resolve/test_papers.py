"""cluster_papers: one Paper per real paper, lookalikes kept apart, keys stable."""

import json
import random
import time
from pathlib import Path

import pytest

from kg.records.io import read_paths
from kg.records.record import Record
from kg.resolve.papers import cluster_papers, first_sentence

ROOT = Path(__file__).resolve().parents[2]
INPUTS = ROOT / "tests" / "data" / "inputs"
GOLD = next((p / "shared" / "eval" / "seeds-gold" for p in ROOT.parents if (p / "shared" / "eval" / "seeds-gold").is_dir()), None)


def rec(file="f.txt", index=1, **kw) -> Record:
    return Record(file=file, index=index, lines=(index, index), text=kw.get("abstract") or kw.get("title") or "", format="test", **kw)


ABSTRACT = ("We introduce a retrieval model that ranks passages for open-domain question answering. "
            "It is trained with hard negatives mined from a large corpus. "
            "On five benchmarks it improves recall at twenty by four points over strong baselines. "
            "We release code and checkpoints.")
REVISED = ABSTRACT.replace("We release code and checkpoints.",
                           "The model also transfers to biomedical questions without further training.")
FOLLOW_UP = ("We present the second version of our retrieval model, extending context to 128K tokens. "
             "Compared with its predecessor, it adds long-context instruction data and a new reranking stage. "
             "It closes the gap to proprietary systems on long-document benchmarks.")


def test_versions_of_one_abstract_join_and_the_bare_one_borrows_fields():
    titled = rec("a.txt", 1, title="RetroRank: Ranking Passages", authors=("Ann Lee", "Bo Li"), abstract=ABSTRACT, date="2024-01-02")
    bare = rec("b.txt", 3, abstract=REVISED)
    with_id = rec("c.txt", 2, abstract=REVISED, arxiv_id="2401.00001")
    [paper] = cluster_papers([with_id, bare, titled])
    assert [(r.file, r.index) for r in paper.records] == [("a.txt", 1), ("b.txt", 3), ("c.txt", 2)]
    assert paper.key == "arxiv:2401.00001"
    assert paper.title == "RetroRank: Ranking Passages" and not paper.title_guessed
    assert paper.authors == ("Ann Lee", "Bo Li") and paper.date == "2024-01-02"


def test_lookalike_titles_and_follow_ups_stay_apart():
    papers = cluster_papers([
        rec("a.txt", 1, title="RetroRank: Ranking Passages", abstract=ABSTRACT),
        rec("a.txt", 2, title="RetroRank 2: Long Context Ranking", abstract=FOLLOW_UP),
        rec("b.txt", 1, title="RetroRank 2: Long Context Ranking"),
    ])
    assert [len(p.records) for p in papers] == [1, 2] or [len(p.records) for p in papers] == [2, 1]
    assert {p.title for p in papers} == {"RetroRank: Ranking Passages", "RetroRank 2: Long Context Ranking"}


def test_different_arxiv_ids_never_join_even_with_equal_abstracts():
    papers = cluster_papers([
        rec("a.txt", 1, abstract=ABSTRACT, arxiv_id="2401.00001"),
        rec("a.txt", 2, abstract=ABSTRACT, arxiv_id="2401.00002"),
        rec("b.txt", 1, abstract=ABSTRACT),
    ])
    assert sorted(p.key for p in papers) == ["arxiv:2401.00001", "arxiv:2401.00002"]


def test_untitled_paper_is_labelled_by_its_first_sentence():
    [paper] = cluster_papers([rec(abstract=ABSTRACT)])
    assert paper.title_guessed
    assert paper.title == "We introduce a retrieval model that ranks passages for open-domain question answering."
    assert paper.key.startswith("abstract:")
    again = cluster_papers([rec("other.txt", 9, abstract=ABSTRACT)])
    assert again[0].key == paper.key  # the key depends on the text, not the position


def test_title_only_key_and_case_insensitive_title_match():
    papers = cluster_papers([rec("a", 1, title="Deep Residual Learning"), rec("b", 1, title="deep residual  learning")])
    assert [p.key for p in papers] == ["title:deep residual learning"]


def test_first_sentence_is_bounded():
    assert len(first_sentence("word " * 10_000)) <= 161


def test_output_is_deterministic_under_input_order():
    records = read_paths([INPUTS]).records
    a = cluster_papers(records)
    shuffled = records[:]
    random.Random(7).shuffle(shuffled)
    b = cluster_papers(shuffled)
    assert [(p.key, [(r.file, r.index) for r in p.records]) for p in a] == \
        [(p.key, [(r.file, r.index) for r in p.records]) for p in b]
    assert [p.key for p in a] == sorted(p.key for p in a)
    assert len({p.key for p in a}) == len(a)


def test_scales_without_all_pairs():
    rng = random.Random(3)
    vocab = [f"w{i}" for i in range(5000)]
    records = [rec("big.txt", i + 1, abstract=" ".join(rng.choices(vocab, k=120))) for i in range(5000)]
    start = time.perf_counter()
    papers = cluster_papers(records)
    assert len(papers) == 5000
    assert time.perf_counter() - start < 10


@pytest.fixture(scope="module")
def corpus_papers():
    return cluster_papers(read_paths([ROOT / "examples" / "corpus"]).records)


def test_corpus_clusters_equal_gold(corpus_papers):
    if GOLD is None:
        pytest.skip("gold annotations not available")
    gold: dict[str, list[str]] = {}
    for row in json.loads((GOLD / "records.json").read_text()):
        gold.setdefault(row["paper"], []).append(row["rec"])
    mine = sorted(sorted(f"{r.file[:3]}#{r.index}" for r in p.records) for p in corpus_papers)
    assert len(corpus_papers) == 62
    assert mine == sorted(sorted(v) for v in gold.values())


def test_corpus_paper_fields_equal_gold(corpus_papers):
    if GOLD is None:
        pytest.skip("gold annotations not available")
    recs = {row["rec"]: row["paper"] for row in json.loads((GOLD / "records.json").read_text())}
    gold = {p["paper"]: p for p in json.loads((GOLD / "papers.json").read_text())}
    for p in corpus_papers:
        g = gold[recs[f"{p.records[0].file[:3]}#{p.records[0].index}"]]
        assert p.date == g["date"], p.key
        if p.arxiv_id:
            assert p.arxiv_id == g["paper"]
        if g["title_in_corpus"]:
            assert p.title == g["title"] and not p.title_guessed
        else:
            assert p.title_guessed
        if g.get("author_count"):
            assert p.author_count == g["author_count"]


def _copies(folder: Path, files: list[Path], n: int) -> Path:
    """``n`` copies of ``files``, each a byte apart (copy k ends in k + 1 newlines): the same records."""
    folder.mkdir()
    for k in range(n):
        for f in files:
            (folder / f"{k:03d}_{f.name}").write_bytes(f.read_bytes() + b"\n" * (k + 1))
    return folder


def _groups(papers, copies: int = 1) -> list[list[str]]:
    """Each paper's records as 'original file#index', without the copy prefix."""
    cut = 4 if copies > 1 else 0
    return sorted(sorted(f"{r.file[cut:]}#{r.index}" for r in p.records) for p in papers)


def test_many_copies_of_the_corpus_are_still_62_papers(tmp_path, corpus_papers):
    """More copies of an abstract than a blocking bucket holds (MAX_BUCKET) once left the abstract-only
    records of each copy apart: 200 copies gave 4,082 papers (62 + 20 x 201) instead of 62."""
    from kg.resolve.papers import MAX_BUCKET

    copies = MAX_BUCKET + 8
    files = sorted((ROOT / "examples" / "corpus").iterdir())
    papers = cluster_papers(read_paths([_copies(tmp_path / "copies", files, copies)]).records)
    assert len(papers) == len(corpus_papers) == 62
    assert _groups(papers, copies) == sorted(sorted(g * copies) for g in _groups(corpus_papers))


@pytest.mark.slow
def test_kg_build_of_many_copies_counts_the_papers_of_one(tmp_path, kg_cli):
    corpus = ROOT / "examples" / "corpus"
    files = [f for f in sorted(corpus.iterdir()) if f.name.startswith(("000_", "002_"))]  # abstracts only
    one = kg_cli("build", *files, "--store", tmp_path / "one")
    many = kg_cli("build", _copies(tmp_path / "copies", files, 40), "--store", tmp_path / "many")
    assert one.returncode == many.returncode == 0, (one.stderr, many.stderr)
    count = {name: next(int(line.split()[1]) for line in done.stdout.splitlines() if line.split()[:1] == ["papers"])
             for name, done in (("one", one), ("many", many))}
    assert count["one"] == count["many"] == 20


@pytest.mark.parametrize("copies", [1, 50])
def test_equal_abstracts_under_different_arxiv_ids_stay_apart_however_often_listed(copies):
    records = [rec(f"{k}.txt", i + 1, abstract=ABSTRACT, arxiv_id=aid)
               for k in range(copies) for i, aid in enumerate(["2401.00001", "2401.00002", None])]
    papers = cluster_papers(records)
    assert sorted(p.key for p in papers) == ["arxiv:2401.00001", "arxiv:2401.00002"]
    assert sorted(len(p.records) for p in papers) == [copies, 2 * copies]
