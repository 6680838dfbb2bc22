"""The example corpus read whole: record counts, ids, dates, titles, authors vs the gold."""

import json
from collections import Counter
from pathlib import Path

import pytest

from kg.records.io import read_paths

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
GOLD = next((p / "shared" / "eval" / "seeds-gold" for p in ROOT.parents if (p / "shared" / "eval" / "seeds-gold").is_dir()), None)


@pytest.fixture(scope="module")
def corpus():
    return read_paths([CORPUS])


@pytest.fixture(scope="module")
def gold_papers():
    if GOLD is None:
        pytest.skip("gold annotations not available")
    papers = json.loads((GOLD / "papers.json").read_text())
    return {rec: p for p in papers for rec in p["recs"]}


def test_record_counts_per_file(corpus):
    assert corpus.problems == []
    counts = Counter(r.file[:3] for r in corpus.records)
    assert counts == {"000": 10, "001": 50, "002": 10, "003": 10, "004": 6}
    assert len(corpus.records) == 86
    assert [s.format for s in corpus.sources] == [
        "abstract-lines", "arxiv-listing", "abstract-lines", "arxiv-abstracts", "hf-daily"]


def test_every_record_keeps_its_verbatim_text(corpus):
    texts = {s.name: s.text for s in corpus.sources}
    for r in corpus.records:
        assert r.text in texts[r.file]
        lines = texts[r.file].split("\n")
        assert lines[r.lines[0] - 1].strip() and r.text.startswith(lines[r.lines[0] - 1].strip()[:20]) \
            or r.format == "arxiv-abstracts"
        if r.abstract:
            assert r.abstract in r.text
            assert not r.abstract.endswith("…")


def test_ids_dates_titles_match_gold(corpus, gold_papers):
    for r in corpus.records:
        g = gold_papers[f"{r.file[:3]}#{r.index}"]
        if r.arxiv_id:
            assert r.arxiv_id == g["paper"], r.ref
        if r.date:
            assert r.date == g["date"], r.ref
        if r.title:
            assert r.title == g["title"], r.ref
    ids = [r.arxiv_id for r in corpus.records if r.file.startswith("003")]
    assert len(ids) == 10 and all(ids)


def test_listing_authors_match_gold(corpus, gold_papers):
    for r in corpus.records:
        if r.format != "arxiv-listing":
            continue
        g = gold_papers[f"{r.file[:3]}#{r.index}"]
        orgs = set(g["organizations_as_authors"])
        assert [a for a in r.authors if a not in orgs] == g["authors"], r.ref
        assert [a for a in r.authors if a in orgs] == g["organizations_as_authors"], r.ref
        assert (r.authors_not_shown is not None) == g["authors_truncated"], r.ref
