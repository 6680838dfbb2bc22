"""Authors whose names the source writes in LaTeX (arXiv metadata, BibTeX) still get their *wrote*
fact: the name is found in its line once the line's accents are decoded as the readers decode them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.fact import collapse_ws
from kg.extract.pipeline import extract
from kg.records.io import parse_text, read_paths

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"
BIBTEX = """@article{k1,
  title={An Invented Study of Sparse Things},
  author={M{\\"u}ller, Katrin and Szab{\\'o}, Bal{\\'a}zs and Dahl, Ingrid},
  year={2024}
}
"""


def wrote(records):
    out = []
    for doc in extract(records, ["authors"]):
        facts = [f for f in doc.facts if f.predicate == "wrote"]
        for fact in facts:
            assert collapse_ws(fact.quote) in collapse_ws(doc.record.text)  # quoted from the record
        out.append([f.subject.name for f in facts])
    return out


@pytest.mark.parametrize("name", ["arxiv_snapshot.jsonl", "oai_arxiv.xml", "oai_arxivraw.xml"])
def test_every_decoded_author_of_the_arxiv_formats_wrote_the_paper(name):
    records = read_paths([INPUTS / name]).records
    assert wrote(records) == [list(r.authors) for r in records]
    assert any("á" in a for r in records for a in r.authors)  # the fixture does hold LaTeX names


def test_every_decoded_author_of_a_bibtex_entry_wrote_the_paper():
    records, _, _ = parse_text(BIBTEX, "refs.bib")
    assert records[0].authors == ("Katrin Müller", "Balázs Szabó", "Ingrid Dahl")
    assert wrote(records) == [["Katrin Müller", "Balázs Szabó", "Ingrid Dahl"]]
