"""Long author lists: every reader keeps up to MAX_AUTHORS names, cuts the rest alike with a
warning, and a listing whose author lines overflow the sniff window is still recognised."""

import pytest

from kg.records.io import read_paths
from kg.records.limits import MAX_AUTHORS, SNIFF_CHARS
from authorlists import FORMATS, names, write


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_ten_thousand_authors_are_read_whole_by_the_right_reader(fmt, tmp_path):
    path = write(fmt, 10_000, tmp_path)
    result = read_paths([path])
    assert [s.format for s in result.sources] == [FORMATS[fmt]]
    [record] = result.records
    assert list(record.authors) == names(10_000)
    assert record.authors_not_shown is None
    assert result.problems == []


def test_a_listing_whose_author_lines_overflow_the_sniff_window_is_a_listing(tmp_path):
    path = write("listing", 3_000, tmp_path)
    text = path.read_text()
    assert "Abstract:" not in text[:SNIFF_CHARS]  # the window holds only author lines
    result = read_paths([path])
    assert result.sources[0].format == "arxiv-listing"
    assert len(result.records[0].authors) == 3_000


VERBOSE = {"snapshot", "oai"}
"""Formats printing 50-75 characters per author: past ~13,000 names the record itself is over
MAX_RECORD_CHARS and is skipped with that problem before any cap applies."""


@pytest.mark.parametrize("fmt", sorted(set(FORMATS) - VERBOSE))
def test_every_reader_cuts_at_the_same_cap_and_says_so(fmt, tmp_path):
    path = write(fmt, MAX_AUTHORS + 7, tmp_path)
    result = read_paths([path])
    [record] = result.records
    assert list(record.authors) == names(MAX_AUTHORS + 7)[:MAX_AUTHORS]
    assert record.authors_not_shown == 7
    [warning] = result.problems
    assert not warning.skipped and warning.file == path.name and warning.line >= 1
    assert f"{MAX_AUTHORS + 7} authors" in warning.message and "7 counted as not shown" in warning.message


@pytest.mark.parametrize("fmt", sorted(VERBOSE))
def test_verbose_formats_cut_at_the_shared_cap_too(fmt, tmp_path, monkeypatch):
    from kg.records.formats import _common

    monkeypatch.setattr(_common, "MAX_AUTHORS", 50)  # the cap every reader takes from _common
    result = read_paths([write(fmt, 57, tmp_path)])
    [record] = result.records
    assert list(record.authors) == names(57)[:50] and record.authors_not_shown == 7
    [warning] = result.problems
    assert not warning.skipped and "57 authors" in warning.message


@pytest.mark.parametrize("fmt", sorted(VERBOSE))
def test_a_verbose_record_over_the_size_limit_is_skipped_with_one_problem(fmt, tmp_path):
    result = read_paths([write(fmt, MAX_AUTHORS + 7, tmp_path)])
    assert result.records == []
    [problem] = result.problems
    assert problem.skipped and "exceeds the limit" in problem.message


def test_a_cut_listing_adds_to_the_authors_it_says_are_not_shown(tmp_path):
    path = write("listing", MAX_AUTHORS + 2, tmp_path)
    text = path.read_text().replace("\nAbstract:", ", et al. (40 additional authors not shown)\nAbstract:", 1)
    path.write_text(text)
    [record] = read_paths([path]).records
    assert len(record.authors) == MAX_AUTHORS and record.authors_not_shown == 42
