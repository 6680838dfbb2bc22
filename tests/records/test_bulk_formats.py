"""The bulk arXiv formats on small real-shaped files: the metadata snapshot (JSON Lines) and
OAI-PMH responses (arXiv, arXivRaw), and JSON lines that are hostile or not objects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.records import registry
from kg.records.formats import arxiv_snapshot, oai_pmh
from kg.records.io import parse_text, read_paths
from kg.records.registry import Reader

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"
DEEP = '{"a":' * 2000 + "\n"


def read(name: str):
    return read_paths([INPUTS / name])


def test_bulk_inputs_are_sniffed_to_their_readers():
    for name, fmt in {"arxiv_snapshot.jsonl": "arxiv-snapshot", "oai_arxiv.xml": "arxiv-oai-pmh",
                      "oai_arxivraw.xml": "arxiv-oai-pmh", "oai_dc.xml": "arxiv-oai-pmh",
                      "papers.jsonl": "jsonl"}.items():
        assert registry.choose((INPUTS / name).read_text("utf-8")).name == fmt, name


def test_snapshot_fields():
    result = read("arxiv_snapshot.jsonl")
    assert not result.problems
    first, second, third = result.records
    assert first.arxiv_id == "2403.01234" and first.format == "arxiv-snapshot"
    assert first.date == "2024-03-05"  # v1 created, not update_date (2024-05-14) nor v2
    assert first.extra["updated"] == "2024-05-14"
    assert first.authors == ("Balázs Szabó", "Katrin Müller", "J.-P. Nowak", "François Lefèvre")
    assert first.title == "Quillon: Small Multilingual Language Models Trained on Curated Web Text"
    assert first.abstract.startswith("We introduce Quillon-7B, a 7-billion-parameter language model fine-tuned from")
    assert "\n" not in first.abstract and "  " not in first.abstract and first.abstract.endswith("compute.")
    assert first.categories == ("cs.CL", "cs.LG") and first.comments == "18 pages, 4 figures"
    assert second.authors == ("Ingrid Dahl", "Tomasz Łukasiewicz") and second.doi == "10.1234/rsl.2024.0101"
    assert second.extra["journal_ref"] == "Remote Sens. Lett. 15 (2024) 101-110"
    assert second.categories == ("cs.CV", "eess.IV")
    assert third.arxiv_id == "hep-th/9901002" and third.date == "1999-01-01"
    assert third.authors == ("Elias Whitford, Jr", "Ana São João")
    assert [r.lines for r in result.records] == [(1, 1), (2, 2), (3, 3)]


def test_snapshot_text_quotes_the_collapsed_sentences():
    """Evidence is quoted from the record's text: every sentence of the collapsed abstract is found
    in it as written (the line's \\n escapes read as the spaces they stand for)."""
    from kg.extract.doc import Doc

    for record in read("arxiv_snapshot.jsonl").records:
        doc = Doc.from_record(record)
        assert all(doc.quote(i) for i in range(len(doc.sentences))), record.arxiv_id
        assert json.loads(record.text)["id"] == record.arxiv_id  # still the line, still JSON


def test_the_generic_jsonl_reader_also_takes_the_first_version_date():
    text = (INPUTS / "arxiv_snapshot.jsonl").read_text("utf-8")
    records, problems, chosen = parse_text(text, "s.jsonl", "jsonl")
    assert chosen == "jsonl" and not problems
    assert [r.date for r in records] == ["2024-03-05", "2024-02-08", "1999-01-01"]
    assert records[0].categories == ("cs.CL", "cs.LG")


def test_parsed_author_shapes():
    assert arxiv_snapshot.parsed_author(["Bal\\'azs", "C.", ""]) == "C. Balázs"
    assert arxiv_snapshot.parsed_author(["Yuan", "C. -P.", ""]) == "C.-P. Yuan"
    assert arxiv_snapshot.parsed_author(["ATLAS Collaboration", "", ""]) == "ATLAS Collaboration"
    assert arxiv_snapshot.parsed_author(["Smith", "John", "III", "Some University"]) == "John Smith, III"
    assert arxiv_snapshot.parsed_author(["M{\\\"u}ller", "Anna", ""]) == "Anna Müller"
    assert arxiv_snapshot.parsed_author([1, 2]) is None and arxiv_snapshot.parsed_author("x") is None


def test_oai_pmh_arxiv_format():
    result = read("oai_arxiv.xml")
    assert [str(p) for p in result.problems] == [
        'oai_arxiv.xml:1: warning: 1 deleted records (OAI-PMH status="deleted") left out']
    first, second = result.records
    assert first.format == "arxiv-oai-pmh" and first.arxiv_id == "2403.02345"
    assert first.date == "2024-03-04"  # <created>, the first version's date
    assert first.authors == ("Balázs Szabó", "Chidinma Okafor", "Elias Whitford, Jr")
    assert first.title == "Driftwood: Distilling Retrieval Models for Low-Resource Search"
    assert first.abstract == ("We present Driftwood-Small, a retrieval model distilled from Driftwood-Large "
                              "for low-resource search & question answering.")
    assert first.categories == ("cs.IR", "cs.CL") and first.doi == "10.5555/driftwood.2024"
    assert first.comments == "10 pages; code & data released"
    assert first.extra["journal_ref"] == "Proc. Invented Workshop 2024"
    assert first.text.startswith("<record>") and first.text.endswith("</record>")
    text = (INPUTS / "oai_arxiv.xml").read_text("utf-8").split("\n")
    assert text[first.lines[0] - 1] == "<record>" and text[second.lines[0] - 1] == "<record>"
    assert text[second.lines[1] - 1] == "</record>"
    assert second.arxiv_id == "2403.03456" and second.categories == ("math.CO",)


def test_oai_pmh_arxiv_raw_format():
    result = read("oai_arxivraw.xml")
    assert not result.problems
    first, second = result.records
    assert first.date == "2024-04-09"  # version v1's date, not v2's
    assert first.authors == ("Katrin Müller", "Balázs Szabó", "José María Peña")
    assert first.title == "Lanternfish: Continued Pre-Training of Code Models"
    assert first.categories == ("cs.LG", "cs.SE")
    assert second.authors == ("Ingrid Dahl", "Tomasz Łukasiewicz") and second.date == "2024-04-10"


def test_an_unknown_metadata_format_is_one_line():
    result = read("oai_dc.xml")
    assert not result.records
    assert [str(p) for p in result.problems] == [
        "oai_dc.xml:4: skipped: OAI-PMH metadata format 'oai_dc' is not read (kg reads arXiv and arXivRaw); "
        "harvest with metadataPrefix=arXiv or arXivRaw"]


def test_an_unknown_metadata_element_without_a_request_is_one_line():
    text = (INPUTS / "oai_dc.xml").read_text("utf-8").replace('metadataPrefix="oai_dc" ', "")
    records, problems, _ = parse_text(text, "h.xml")
    assert not records and len(problems) == 1 and "'dc' is not read" in problems[0].message


def test_an_oai_pmh_error_response_says_so():
    text = ('<?xml version="1.0"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">\n'
            '<request verb="ListRecords" metadataPrefix="arXiv">http://export.arxiv.org/oai2</request>\n'
            '<error code="noRecordsMatch">No records match the request</error>\n</OAI-PMH>\n')
    records, problems, _ = parse_text(text, "empty.xml")
    assert not records and [str(p) for p in problems] == [
        "empty.xml:4: skipped: OAI-PMH error noRecordsMatch: No records match the request"]


def test_oai_pmh_refuses_entities_and_doctypes():
    bomb = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n'
            + (INPUTS / "oai_arxiv.xml").read_text("utf-8").split("\n", 1)[1].replace("Driftwood", "&lol2;"))
    records, problems, chosen = parse_text(bomb, "bomb.xml")
    assert chosen == "arxiv-oai-pmh" and not records
    assert [p.message for p in problems] == ["XML with a DOCTYPE/ENTITY declaration is refused"]
    xxe = (INPUTS / "oai_arxiv.xml").read_text("utf-8").replace(
        "<record>", '<record><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1)
    records, problems, _ = parse_text(xxe[: 150_000], "xxe.xml")
    assert "root:" not in "".join(r.text + (r.abstract or "") for r in records)


def test_an_unclosed_record_does_not_swallow_the_next():
    text = (INPUTS / "oai_arxivraw.xml").read_text("utf-8")
    broken = text.replace("</abstract></arXivRaw>\n</metadata>\n</record>", "</abstract></arXivRaw>\n</metadata>\n", 1)
    records, problems, _ = parse_text(broken, "b.xml")
    assert [r.arxiv_id for r in records] == ["2404.05678"]
    assert len(problems) == 1 and problems[0].line == 6 and "not well-formed" in problems[0].message


def test_oai_pmh_line_numbers_count_on(tmp_path):
    """Records far into a large response keep their true line (counted on, not from the top)."""
    one = (INPUTS / "oai_arxivraw.xml").read_text("utf-8")
    head, _, rest = one.partition("<ListRecords>\n")
    body, _, tail = rest.partition("</ListRecords>")
    text = head + "<ListRecords>\n" + body * 300 + "</ListRecords>" + tail
    records, problems, _ = parse_text(text, "big.xml")
    assert len(records) == 600 and not problems
    lines = text.split("\n")
    assert all(lines[r.lines[0] - 1] == "<record>" and lines[r.lines[1] - 1] == "</record>" for r in records)


# -- hostile JSON (issue 19, item 1) -----------------------------------------------------------

@pytest.mark.parametrize("good", ["arxiv_snapshot.jsonl", "papers.jsonl"])
def test_deep_json_on_a_later_line_drops_that_line_only(good):
    lines = (INPUTS / good).read_text("utf-8").splitlines(keepends=True)
    text = lines[0] + DEEP + "".join(lines[1:])
    records, problems, _ = parse_text(text, "d.jsonl")
    plain, _, _ = parse_text("".join(lines), "d.jsonl")
    assert len(records) == len(plain)
    assert [str(p) for p in problems] == ["d.jsonl:2: skipped: JSON nested too deeply to read"]


def test_deep_json_on_the_first_line_is_still_sniffed_and_reported(tmp_path):
    (tmp_path / "d.jsonl").write_text(DEEP + (INPUTS / "papers.jsonl").read_text("utf-8"))
    (tmp_path / "good.txt").write_bytes((INPUTS / "arxiv_listing.txt").read_bytes())
    result = read_paths([tmp_path])
    assert {r.file for r in result.records} == {"d.jsonl", "good.txt"}
    assert [str(p) for p in result.problems] == ["d.jsonl:1: skipped: JSON nested too deeply to read"]


@pytest.mark.parametrize("line,kind", [("[1, 2]", "list"), ('"text"', "string"), ("3.5", "number"),
                                       ("null", "null"), ("true", "boolean")])
def test_a_json_line_that_is_not_an_object_is_one_problem(line, kind):
    for fmt, good in (("jsonl", "papers.jsonl"), ("arxiv-snapshot", "arxiv_snapshot.jsonl")):
        lines = (INPUTS / good).read_text("utf-8").splitlines(keepends=True)
        records, problems, chosen = parse_text(lines[0] + line + "\n" + "".join(lines[1:]), "n.jsonl")
        assert chosen == fmt and len(records) == len(parse_text("".join(lines), "n.jsonl")[0])
        assert [str(p) for p in problems] == [f"n.jsonl:2: skipped: JSON line is not an object (a {kind})"]


def test_a_sniffer_that_fails_claims_nothing(monkeypatch):
    def explode(head: str) -> float:
        raise RecursionError("maximum recursion depth exceeded")

    registry.choose("")  # the built-in readers are loaded
    monkeypatch.setitem(registry.READERS, "exploding", Reader("exploding", lambda t, f: iter(()), explode, ""))
    assert registry.choose((INPUTS / "feed.atom").read_text("utf-8")).name == "arxiv-atom"


def test_sniffers_tell_the_snapshot_from_other_json_lines():
    snapshot_line = (INPUTS / "arxiv_snapshot.jsonl").read_text("utf-8").split("\n")[0]
    assert arxiv_snapshot.sniff(snapshot_line) > registry.get("jsonl").sniff(snapshot_line)
    assert arxiv_snapshot.sniff(snapshot_line[:300]) == 0.95  # a first line cut by the sniff window
    assert arxiv_snapshot.sniff((INPUTS / "papers.jsonl").read_text("utf-8")) == 0.0
    assert oai_pmh.sniff((INPUTS / "feed.atom").read_text("utf-8")) == 0.0


def test_read_paths_leaves_out_other_categories_as_it_reads():
    result = read_paths([INPUTS / "arxiv_snapshot.jsonl", INPUTS / "oai_arxivraw.xml", INPUTS / "arxiv_listing.txt"],
                        categories=("cs.LG",))
    assert result.filtered == {"arxiv_snapshot.jsonl": 2, "oai_arxivraw.xml": 1, "arxiv_listing.txt": 0}
    kept = [r for r in result.records if r.file != "arxiv_listing.txt"]
    assert [r.arxiv_id for r in kept] == ["2403.01234", "2404.04567"]
    assert {r.categories for r in result.records if r.file == "arxiv_listing.txt"} == {()}  # kept: no categories
    assert [s.name for s in result.sources] == ["arxiv_snapshot.jsonl", "oai_arxivraw.xml", "arxiv_listing.txt"]


def test_the_hostile_deep_nesting_file_keeps_its_good_lines():
    """tests/data/hostile/deep_nesting.jsonl: 2,000 nested objects on line 2, 100,000 open
    brackets on line 4, good lines around them."""
    result = read_paths([Path(__file__).resolve().parents[1] / "data" / "hostile" / "deep_nesting.jsonl"])
    assert [r.title for r in result.records] == ["Invented Paper 0", "Invented Paper 1", "Invented Paper 2"]
    assert [str(p) for p in result.problems] == [
        "deep_nesting.jsonl:2: skipped: JSON nested too deeply to read",
        "deep_nesting.jsonl:4: skipped: JSON nested too deeply to read"]


def test_readable_line_turns_only_whitespace_escapes_into_spaces():
    line = r'{"abstract":"a\nb\tc \\nabla \"q\" \u00e9\\\n"}'
    assert arxiv_snapshot.readable_line(line) == r'{"abstract":"a b c \\nabla \"q\" \u00e9\\ "}'


def test_category_filter_values():
    from kg.records import categories

    assert categories.wanted(["cs.CL,cs.LG", "cs.CL", " stat.ML "]) == ("cs.CL", "cs.LG", "stat.ML")
    assert categories.wanted("cs.CL") == ("cs.CL",)  # a string is one value
    assert categories.wanted(["CS.CL"]) == ("CS.CL",) and categories.matches(("cs.CL",), ("CS.CL",))
    with pytest.raises(ValueError, match=r"^not an arXiv category: 'cs\.CL;rm' \(for example"):
        categories.wanted(["cs.CL;rm"])
    assert categories.matches(("cs.CL", "cs.LG"), ("cs.lg",))  # arXiv's case is not asked of the user
    assert categories.matches(("cs.CV",), ("cs",)) and not categories.matches(("stat.ML",), ("cs",))
    assert not categories.matches(("csx.AB",), ("cs",))  # an archive is matched whole, not as a prefix
    assert categories.matches((), ("cs.CL",))  # no categories known: kept
    assert categories.parse("cs.CL  cs.LG\ncs.CL 68T50 I.2.7") == ("cs.CL", "cs.LG")  # ACM/MSC classes left out
