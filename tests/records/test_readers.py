"""Each reader on real excerpts of its format (tests/data/inputs)."""

from pathlib import Path

from kg.records import registry
from kg.records.io import read_paths
from kg.records.record import Record

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"


def read(name: str) -> list[Record]:
    result = read_paths([INPUTS / name])
    assert not [p for p in result.problems if p.skipped], result.problems
    return result.records


def test_every_input_is_sniffed_to_its_reader():
    expected = {
        "arxiv_listing.txt": "arxiv-listing",
        "arxiv_listing_ids.txt": "arxiv-listing",
        "arxiv_list_new.txt": "arxiv-list",
        "abstract_lines.txt": "abstract-lines",
        "arxiv_abstracts.txt": "arxiv-abstracts",
        "hf_daily.txt": "hf-daily",
        "feed.atom": "arxiv-atom",
        "refs.bib": "bibtex",
        "papers.jsonl": "jsonl",
    }
    for name, fmt in expected.items():
        chosen = registry.choose((INPUTS / name).read_text(encoding="utf-8"))
        assert chosen is not None and chosen.name == fmt, name


def test_sniffing_ignores_the_file_name(tmp_path):
    text = (INPUTS / "hf_daily.txt").read_text(encoding="utf-8")
    (tmp_path / "refs.bib").write_text(text, encoding="utf-8")
    assert {r.format for r in read_paths([tmp_path]).records} == {"hf-daily"}


def test_arxiv_listing_fields():
    recs = read("arxiv_listing.txt")
    assert [r.index for r in recs] == [1, 2, 3]
    first, second, third = recs
    assert first.title == "Music Flamingo: Scaling Music Understanding in Audio Language Models"
    assert first.authors[0] == "Sreyan Ghosh" and first.authors[-1] == "Bryan Catanzaro"
    assert len(first.authors) == 11 and first.authors_not_shown is None
    assert first.date == "2025-11-13"
    assert first.lines == (2, 21)
    assert first.abstract.startswith("We introduce Music Flamingo")
    assert "…" not in first.abstract and "▽" not in first.abstract and "△" not in first.abstract
    assert first.abstract.endswith("as meaningfully as humans do.")
    # organisation kept, ":" dropped, "et al." counted, v1 date preferred
    assert second.authors[:2] == ("NVIDIA", "Amala Sanjay Deshmukh")
    assert ":" not in second.authors
    assert second.authors_not_shown == 99
    assert second.date == "2025-11-05"
    assert third.authors[0] == "Nvidia" and third.authors_not_shown == 58
    assert third.date == "2024-06-17"
    for r in recs:
        assert r.file == "arxiv_listing.txt" and r.format == "arxiv-listing"
        assert r.arxiv_id is None


def test_arxiv_listing_with_id_lines_inline_authors_and_comments():
    a, b = read("arxiv_listing_ids.txt")
    assert a.arxiv_id == "2401.00001"
    assert a.title == "Sparse Adapters for Multilingual Speech Recognition"
    assert a.authors == ("Ana Lúcia Ferreira", "Tomasz Nowak", "Wen-Hsuan Lee", "Speech Research Group")
    assert a.date == "2024-01-02"
    assert a.comments == "12 pages, 4 figures; accepted at an ASR workshop"
    assert a.abstract.endswith("training 2% of the weights.")
    assert b.arxiv_id == "hep-th/9901001"
    assert b.authors == ("Jean-Pierre Dubois", "Elias Whitford, Jr.")
    assert b.abstract == "Short abstracts are shown whole, without a More link."
    assert b.date == "1999-01-01"


def test_abstract_lines():
    recs = read("abstract_lines.txt")
    assert [r.lines for r in recs] == [(1, 1), (2, 2), (3, 3)]
    assert all(r.title is None and r.authors == () for r in recs)
    assert recs[0].abstract.startswith("We introduce Pixtral-12B, a 12--billion")
    assert recs[0].text.startswith("Abstract:")


def test_arxiv_abstracts_identifier_belongs_to_the_abstract_before_it():
    recs = read("arxiv_abstracts.txt")
    ids = [r.arxiv_id for r in recs]
    assert ids == ["2406.15487", "2406.09535", "2406.07887", "2405.17428", "2404.07616", "2402.16819"]
    circuit = recs[1]
    assert circuit.abstract.startswith("Automatically designing")
    assert circuit.doi == "10.1145/3649329.3656543"
    assert circuit.comments.startswith("Design Automation Conference (DAC) 2024")
    mamba = recs[2]
    assert mamba.abstract.startswith("Selective state-space models")  # not "10.1145/...Selective"
    assert mamba.doi is None
    assert recs[4].comments == "Demo website: https://audiodialogues.github.io/"
    assert recs[0].comments is None
    for r in recs:  # verbatim text is a slice of the file
        assert r.text in (INPUTS / "arxiv_abstracts.txt").read_text(encoding="utf-8")
        assert r.abstract in r.text


def test_hf_daily_title_abstract_boundary_and_counts():
    recs = read("hf_daily.txt")
    assert [r.title for r in recs] == [
        "Adapting Multilingual LLMs to Low-Resource Languages using Continued Pre-training and Synthetic Corpus",
        "Nemotron-4 15B Technical Report",
        "Nemotron-4 340B Technical Report",
    ]
    assert recs[0].abstract.startswith("Multilingual LLMs support a variety of languages;")
    assert recs[0].abstract.endswith("overall factual accuracy.")
    assert [r.date for r in recs] == ["2024-10-18", "2024-02-26", "2024-06-17"]
    assert [r.extra["author_count"] for r in recs] == ["9", "27", "82"]
    assert recs[1].extra["upvotes"] == "45" and recs[1].extra["trailing_number"] == "4"
    assert "upvotes" not in recs[2].extra


def test_atom_feed():
    a, b = read("feed.atom")
    assert a.arxiv_id == "2402.16819" and a.title == "Nemotron-4 15B Technical Report"
    assert a.authors == ("Jupinder Parmar", "Shrimai Prabhumoye", "Joseph Jennings")
    assert a.date == "2024-02-26" and a.comments == "27 pages"
    assert a.abstract.startswith("We introduce Nemotron-4 15B")
    assert b.doi == "10.1145/3649329.3656543" and b.extra["journal_ref"] == "DAC 2024"
    assert b.abstract.endswith("challenging & costly.")
    assert a.lines[0] < a.lines[1] < b.lines[0]


def test_atom_refuses_doctype(tmp_path):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&b;</title><summary>x</summary></entry></feed>',
        encoding="utf-8",
    )
    result = read_paths([bomb], format="arxiv-atom")
    assert result.records == []
    assert any("DOCTYPE" in p.message for p in result.problems)


def test_bibtex():
    a, b = read("refs.bib")
    assert a.authors == ("Jupinder Parmar", "Shrimai Prabhumoye", "Hans Müller", "Elias Whitford, Jr.")
    assert a.extra["authors_truncated"] == "yes"
    assert a.arxiv_id == "2402.16819" and a.title == "Nemotron-4 15B Technical Report"
    assert a.extra["year"] == "2024" and a.extra["month"] == "02" and a.date is None
    assert b.title == "CircuitVAE: Efficient and Scalable Latent Circuit Optimization"
    assert b.authors[-1] == "NVIDIA Research"
    assert b.doi == "10.1145/3649329.3656543" and b.date == "2024-06-23"
    assert a.lines == (2, 10) and b.lines[0] == 12


def test_jsonl_with_alternate_keys():
    a, b, c = read("papers.jsonl")
    assert a.arxiv_id == "2402.16819" and a.date == "2024-02-26"
    assert b.authors == ("Jialin Song", "Aidan Swope", "Brucek Khailany")
    assert b.arxiv_id == "2406.09535" and b.date == "2024-06-13" and b.abstract.startswith("Automatically")
    assert c.title == "Audio Dialogues" and c.authors == ("Arushi Goel", "Zhifeng Kong")
    assert c.lines == (4, 4) and c.index == 3 and c.date == "2024-04-11"


def test_arxiv_list_page():
    """/list/<category>/new as copied: wrapped titles and authors, links on their own line, the
    abstract after Subjects (with or without a blank line), the page's headers dropped."""
    result = read_paths([INPUTS / "arxiv_list_new.txt"])
    recs = result.records
    assert [r.format for r in recs] == ["arxiv-list"] * 4
    assert [r.arxiv_id for r in recs] == ["2412.04101", "2412.04102", "2412.03999", "2311.01234"]
    first, second, third, fourth = recs
    assert first.title == "Kelp-Chat: Instruction Tuning a Small Open Model for Low-Resource Languages"
    assert first.authors == ("Ana Ruiz", "Bo Chen", "Chidi Okafor")
    assert first.comments == "14 pages, 3 figures"
    assert first.categories == ("cs.CL", "cs.LG")
    assert first.abstract.startswith("We present Kelp-Chat") and first.abstract.endswith("LowChat.")
    assert first.lines == (6, 15)
    assert second.title == "Sparse Token Routing for Efficient Decoding"
    assert second.abstract == "We propose Sparse Token Routing (STR), a decoding method that skips layers for easy tokens."
    assert "Cross submissions" not in second.text and "Cross submissions" not in (second.abstract or "")
    assert third.categories == ("cs.LG", "cs.CL") and third.extra == {"journal_ref": "Proc. of the Kelp Workshop 2024"}
    assert fourth.title == "Orca Revisited" and fourth.abstract is None
    # the replacement has no abstract on the page: read, and said so (not skipped)
    said = [p for p in result.problems if p.line == fourth.lines[0]]
    assert said and not said[0].skipped and "no abstract" in said[0].message
    assert not [p for p in result.problems if p.skipped]


def test_arxiv_list_page_is_not_taken_for_other_listings():
    text = (INPUTS / "arxiv_list_new.txt").read_text(encoding="utf-8")
    assert registry.choose(text).name == "arxiv-list"
    for other in ("arxiv_listing.txt", "arxiv_listing_ids.txt", "arxiv_abstracts.txt"):
        assert registry.choose((INPUTS / other).read_text(encoding="utf-8")).name != "arxiv-list", other
