"""Broken and hostile inputs: reported as Problems, never a crash; the rest still loads."""

import time
from pathlib import Path

import pytest

from kg.records import registry
from kg.records.io import InputError, read_paths
from kg.records.limits import MAX_RECORD_CHARS

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"


def test_hostile_folder_reads_without_exceptions():
    result = read_paths([HOSTILE])
    by_file: dict[str, list] = {}
    for r in result.records:
        by_file.setdefault(r.file, []).append(r)
    assert ".gitattributes" not in by_file  # hidden files are skipped
    messages = {(p.file, p.message) for p in result.problems}
    assert ("empty.txt", "empty file") in messages
    assert ("whitespace_only.txt", "empty file") in messages
    assert ("nul_bytes.bin", "binary file, skipped") in messages
    assert "nul_bytes.bin" not in by_file
    assert len(by_file["crlf.txt"]) == 4
    assert [r.lines for r in by_file["crlf.txt"]] == [(1, 1), (2, 2), (3, 3), (4, 4)]
    assert all("\r" not in r.text for r in result.records)
    assert by_file["bom.txt"][0].abstract.startswith("An abstract")
    assert "\ufeff" not in by_file["bom.txt"][0].text
    assert by_file["utf16.txt"][1].abstract == "Zweite Zusammenfassung, Müller."


def test_invalid_utf8_is_replaced_and_reported_with_its_line():
    result = read_paths([HOSTILE / "invalid_utf8.txt"])
    assert len(result.records) == 3
    assert "\ufffd" in result.records[1].abstract
    [problem] = result.problems
    assert (problem.file, problem.line, problem.skipped) == ("invalid_utf8.txt", 2, False)
    assert str(problem).startswith("invalid_utf8.txt:2:")


def test_control_characters_are_neutralised():
    result = read_paths([HOSTILE / "control_chars.txt"])
    assert all(ch not in r.text for r in result.records for ch in "\x07\x1b")
    assert result.problems and not result.problems[0].skipped


def test_truncated_listing_records_are_read_as_far_as_they_go():
    result = read_paths([HOSTILE / "truncated_listing.txt"])
    cut, whole, no_abstract = result.records
    assert cut.abstract.endswith("for the UNIVAC, and")
    assert whole.title == "A Complete Record After the Broken One"
    assert whole.abstract.endswith("prints tables.") and whole.date == "2021-03-02"
    assert no_abstract.abstract is None and no_abstract.authors == ("Alan Turing",)
    assert {p.line for p in result.problems} == {2, 23}
    assert all(not p.skipped for p in result.problems)


def test_duplicated_separators_make_no_empty_records():
    result = read_paths([HOSTILE / "duplicated_separators.txt"])
    assert [r.title for r in result.records] == ["A Complete Record After the Broken One", "Second Record"]
    assert [r.index for r in result.records] == [1, 2]
    assert result.problems == []


def test_stray_lines_are_reported_and_wrapped_lines_joined():
    result = read_paths([HOSTILE / "stray_lines.txt"])
    assert [r.lines for r in result.records] == [(1, 1), (3, 4), (6, 6)]
    assert result.records[1].abstract.endswith("continues here.")
    assert {(p.line, p.message) for p in result.problems} == {
        (2, "stray line outside any 'Abstract:' record"),
        (5, "empty abstract"),
    }


def test_glued_dois_end_where_the_next_abstract_starts():
    recs = read_paths([HOSTILE / "glued_doi.txt"]).records
    assert [r.doi for r in recs] == [
        "10.18653/v1/2021.acl-long.12", "10.1109/CVPR.2016.90", "10.48550/arXiv.2101.00003", None,
    ]
    assert [r.abstract.split()[0] for r in recs] == ["We", "The", "Deep", "LLMs"]
    assert recs[1].comments == "Accepted at a conference"


def test_missing_path_raises_input_error(tmp_path):
    with pytest.raises(InputError) as err:
        read_paths([tmp_path / "nope.txt"])
    assert "nope.txt" in str(err.value) and err.value.path.endswith("nope.txt")


def test_folder_without_readable_files_raises(tmp_path):
    (tmp_path / ".hidden").write_text("Abstract:x\n")
    (tmp_path / "sub").mkdir()
    with pytest.raises(InputError):
        read_paths([tmp_path])


def test_unknown_format_and_unclaimed_files(tmp_path):
    odd = tmp_path / "odd.txt"
    odd.write_text("just some words\nnothing a reader knows\n")
    result = read_paths([odd])
    assert result.records == [] and "unrecognised format" in result.problems[0].message
    with pytest.raises(KeyError):
        read_paths([odd], format="no-such-format")


def test_one_bad_file_does_not_stop_the_others():
    result = read_paths([HOSTILE / "nul_bytes.bin", INPUTS / "abstract_lines.txt", HOSTILE / "empty.txt"])
    assert len(result.records) == 3
    assert [s.name for s in result.sources] == ["abstract_lines.txt"]


def test_stdin(monkeypatch):
    import io
    import sys

    data = (INPUTS / "hf_daily.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    result = read_paths(["-"])
    assert {r.file for r in result.records} == {"stdin"} and len(result.records) == 3
    assert result.sources[0].name == "stdin"


def test_sources_keep_hash_and_text_to_rebuild_from():
    import hashlib

    from kg.records.io import parse_source

    result = read_paths([INPUTS / "arxiv_abstracts.txt"])
    [src] = result.sources
    assert src.sha256 == hashlib.sha256((INPUTS / "arxiv_abstracts.txt").read_bytes()).hexdigest()
    assert src.format == "arxiv-abstracts"
    again, problems = parse_source(src)
    assert again == result.records


def test_same_file_name_in_two_folders_stays_apart(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.txt").write_text("Abstract:One.\n")
    result = read_paths([tmp_path / "a", tmp_path / "b"])
    assert sorted(r.file for r in result.records) == ["x.txt", "x.txt~2"]


@pytest.mark.slow
def test_fifty_megabyte_line_is_bounded(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"Abstract:" + b"word " * (10 * 1024 * 1024) + b"\nAbstract:A normal abstract after it.\n")
    start = time.perf_counter()
    result = read_paths([big])
    elapsed = time.perf_counter() - start
    assert elapsed < 15, elapsed
    assert [r.abstract for r in result.records] == ["A normal abstract after it."]
    assert any(str(MAX_RECORD_CHARS) in p.message and p.line == 1 for p in result.problems)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["arxiv-listing", "arxiv-list", "abstract-lines", "arxiv-abstracts", "hf-daily", "jsonl", "arxiv-atom", "bibtex"])
def test_fifty_megabyte_line_in_every_reader(fmt):
    line = "x" * (50 * 1024 * 1024)
    reader = registry.get(fmt)
    start = time.perf_counter()
    items = list(reader.parse(line + "\n", "big.txt"))
    assert time.perf_counter() - start < 20
    assert all(getattr(i, "abstract", None) is None or len(i.abstract) <= MAX_RECORD_CHARS for i in items)


NEAR_MISSES = [
    "arXiv:" * 20_000,
    "arXiv:2407.1467" * 10_000,
    "10.1145/" + "1a" * 100_000,
    "doi: 10." * 20_000,
    "Submitted 1 " * 20_000,
    "Authors:\n" + "a," * 100_000,
    "-\n" * 100_000,
    "(" * 100_000,
    "{" * 100_000 + "@article{",
    "@" * 100_000,
    "<entry" * 50_000,
    " authors · " * 50_000,
    "1 authors · Jan 1, 20" * 20_000,
    "Abstract:" + " " * 1_000_000 + "x",
    "A " * 500_000,
    "▽ More" * 50_000,
    "\\textit{" * 50_000,
    "M{\\\"" * 50_000,
    "--" * 500_000,
]


@pytest.mark.parametrize("text", NEAR_MISSES, ids=range(len(NEAR_MISSES)))
def test_no_catastrophic_backtracking(text):
    from kg.records.clean import clean_text
    from kg.records.dates import parse_date
    from kg.records.formats.hf_daily import split_title
    from kg.records.ids import arxiv_id, find_doi
    from kg.keys import name_key, title_key

    start = time.perf_counter()
    for reader in registry.READERS.values():
        reader.sniff(text[:20_000])
        list(reader.parse(text, "near.txt"))
    clean_text(text)
    find_doi(text)
    arxiv_id(text)
    parse_date(text)
    split_title(text)
    name_key(text[:100_000])
    title_key(text[:100_000])
    assert time.perf_counter() - start < 10


def test_listing_page_header_and_footer_are_not_records():
    result = read_paths([HOSTILE / "listing_header.txt"])
    [rec] = result.records
    assert (rec.title, rec.arxiv_id, rec.date) == ("Sparse Adapters Revisited", "2401.00001", "2024-01-02")
    assert rec.authors == ("Ana Ferreira", "Tomasz Nowak")
    assert {(p.line, p.skipped) for p in result.problems} == {(1, False), (8, True)}


def test_lone_surrogates_are_replaced():
    from kg.records.io import parse_text

    records, problems, fmt = parse_text("Abstract:bad \udcff byte\nAbstract:fine.\n", "s.txt")
    assert fmt == "abstract-lines" and len(records) == 2
    assert "\ufffd" in records[0].abstract and (problems[0].line, problems[0].skipped) == (1, False)
    records[0].text.encode("utf-8")  # writable


def test_an_unclosed_atom_entry_does_not_swallow_the_next_one():
    result = read_paths([HOSTILE / "atom_unclosed_entries.xml"])
    [record] = result.records
    assert record.title == "Kelp Routing for Sparse Tidepool Models"
    assert record.authors == ("Ilsa Marden",) and record.lines == (11, 17)
    assert [(p.line, p.skipped) for p in result.problems] == [(3, True), (7, True)]
    assert all("not closed" in p.message for p in result.problems)


def test_unclosed_atom_entries_stay_linear(tmp_path):
    """Each entry's search for its end stops at the next entry: 20,000 unclosed entries and a
    last good one read in well under a second's worth of work per thousand."""
    head = '<feed xmlns="http://www.w3.org/2005/Atom">\n'
    broken = "<entry>\n<title>Never closed</title>\n" * 20_000
    good = "<entry>\n<title>Closed at last</title>\n<summary>S.</summary>\n</entry>\n</feed>\n"
    path = tmp_path / "feed.xml"
    path.write_text(head + broken + good)
    start = time.perf_counter()
    result = read_paths([path])
    assert time.perf_counter() - start < 20
    assert [r.title for r in result.records] == ["Closed at last"]
    assert len(result.problems) == 20_000 and result.problems[-1].line == 2 + 2 * 19_999
