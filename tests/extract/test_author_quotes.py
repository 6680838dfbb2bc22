"""Authorship evidence: each author's quote is its own short line or its name as printed, found
after the previous author's, so n authors cost n short quotes, never n copies of a long line."""

import time

import pytest
from authorlists import FORMATS, names, write

import kg
from kg.extract.components.authors import QUOTE_LINE_MAX
from kg.extract.fact import collapsed_record_text
from kg.extract.pipeline import pipeline, run
from kg.graph.store import Store
from kg.records.io import read_paths
from kg.records.record import Record


def wrote(record: Record):
    doc = run(record, pipeline(["authors"]))
    assert doc.problems == []
    return [f for f in doc.facts if f.predicate == "wrote"]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_three_thousand_authors_give_three_thousand_short_quotes(fmt, tmp_path):
    [record] = read_paths([write(fmt, 3_000, tmp_path)]).records
    facts = wrote(record)
    assert [f.subject.name for f in facts] == names(3_000)
    assert [f.position for f in facts] == list(range(1, 3_001))
    text = collapsed_record_text(record.text)
    for fact in facts:
        assert len(fact.quote) <= QUOTE_LINE_MAX
        assert text.startswith(fact.quote, fact.at)
        name_words = fact.subject.name.replace(".", "").split()
        assert all(w in fact.quote for w in name_words)
    # the old quotes were the whole line each time: 3,000 x 70 KB for JSON and BibTeX
    assert sum(len(f.quote) for f in facts) < 3_000 * 200


def test_a_short_json_line_is_quoted_whole_a_long_one_by_the_name(tmp_path):
    short = tmp_path / "short.jsonl"
    short.write_text('{"title": "Kelp Routing", "authors": ["Ilsa Marden", "Quin Osric"], "abstract": "We propose Kelp Routing."}\n')
    [record] = read_paths([short]).records
    assert [f.quote for f in wrote(record)] == [record.text, record.text]
    [record] = read_paths([write("jsonl", 200, tmp_path)]).records
    assert len(record.text) > QUOTE_LINE_MAX
    assert [f.quote for f in wrote(record)] == names(200)


def test_bibtex_last_first_names_are_quoted_as_printed(tmp_path):
    [record] = read_paths([write("bibtex", 200, tmp_path)]).records
    quotes = [f.quote for f in wrote(record)]
    assert quotes[:2] == ["Ashgrove, Aria A. A.", "Ashgrove, Bram A. A."]


def test_names_out_of_order_or_not_printed(tmp_path):
    people = names(400)
    text = "Authors: " + ", ".join(people) + "\n"
    shuffled = people[200:] + people[:200] + ["Zora Unprinted"]
    record = Record(file="x.txt", index=1, lines=(1, 1), text=text, format="test", authors=tuple(shuffled))
    facts = wrote(record)
    assert [f.subject.name for f in facts] == shuffled[:-1]  # the unprinted name has no fact
    assert all(f.quote == f.subject.name for f in facts)


def test_twenty_thousand_authors_take_seconds_not_minutes(tmp_path):
    [record] = read_paths([write("jsonl", 20_000, tmp_path)]).records
    start = time.perf_counter()
    facts = wrote(record)
    took = time.perf_counter() - start
    assert len(facts) == 20_000
    assert took < 15, took  # a search of the whole line per name took minutes


def test_a_build_with_two_thousand_authors_keeps_a_small_store(tmp_path):
    path = write("jsonl", 2_000, tmp_path)
    report = kg.build([path], store=tmp_path / "store")
    assert report.counts["people"] == 2_000
    rows = Store(tmp_path / "store").oxigraph().query(
        "PREFIX mlkg: <https://w3id.org/mlkg/ontology#> "
        "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
        "SELECT (COUNT(*) AS ?n) (SUM(STRLEN(?q)) AS ?chars) WHERE { ?e a mlkg:Evidence ; "
        "rdf:predicate mlkg:wrote ; mlkg:quote ?q }")
    n, chars = (int(v.value) for v in next(iter(rows)))
    assert n == 2_000
    assert chars < 2_000 * 100  # the whole 44 KB line per author was 88 MB of quotes


@pytest.mark.parametrize("text,author", [
    ("a" * 500_000, "a b"),  # every "a" a hit inside a longer word
    ("Aria " * 100_000, "A Zed"),  # every "Aria" a false hit for the initial "A"
    ("Aria-Lu " * 60_000, "A-L Zed"),  # the same for a word with a hyphen
])
def test_unprintable_names_in_a_hostile_text_stay_linear(text, author):
    record = Record(file="x.txt", index=1, lines=(1, 1), text=text, format="test", authors=(author,) * 10_000)
    start = time.perf_counter()
    assert wrote(record) == []
    assert time.perf_counter() - start < 15  # a search stepping hit by hit took minutes
