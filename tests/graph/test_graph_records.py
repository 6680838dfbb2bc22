"""Record nodes are exactly the records the readers read: per file, indexes 1..n in reading order,
each about one paper, with its verbatim text and line span. (Evidence: tests/graph/test_contents.py.)"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import kg
from kg.graph import iris
from kg.records.io import read_paths

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "corpus"
RECORDS = """
SELECT ?r ?file ?index ?paper ?text ?first ?last WHERE {
  ?r a mlkg:Record ; mlkg:file ?file ; mlkg:index ?index ; mlkg:about ?paper ; mlkg:text ?text ;
     mlkg:firstLine ?first ; mlkg:lastLine ?last .
}"""


def test_one_record_node_per_record_read_with_indexes_one_to_n(example_store):
    read = read_paths([CORPUS])
    rows = kg.open(example_store).rows(RECORDS)
    assert len(rows) == len({r["r"] for r in rows}) == len(read.records)  # one row each: no duplicate values
    by_file = defaultdict(list)
    for r in rows:
        by_file[r["file"]].append(int(r["index"]))
    assert set(by_file) == {p.name for p in CORPUS.iterdir()}
    for file, indexes in by_file.items():
        assert sorted(indexes) == list(range(1, len(indexes) + 1)), file

    graph_records = {(r["file"], int(r["index"])): r for r in rows}
    for rec in read.records:
        node = graph_records[(rec.file, rec.index)]
        assert node["r"] == str(iris.record(rec.file, rec.index))
        assert node["text"] == rec.text  # verbatim (the corpus holds no control characters)
        assert (int(node["first"]), int(node["last"])) == rec.lines


def test_every_paper_has_a_record_and_records_of_one_paper_agree_on_its_id(example_store):
    g = kg.open(example_store)
    orphans = g.rows("SELECT ?p WHERE { ?p a mlkg:Paper FILTER NOT EXISTS { ?r mlkg:about ?p } }")
    assert orphans == []
    shared = g.rows("SELECT ?p (COUNT(?r) AS ?n) WHERE { ?r mlkg:about ?p } GROUP BY ?p HAVING (COUNT(?r) > 1)")
    assert shared, "the corpus lists some papers in several files: they must be one paper"
