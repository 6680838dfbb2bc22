"""Long author lists in every format that prints names, written into a test's tmp_path.

Names are invented: a first name, two initials and a last name from small pools, so that many
share a last name (as in large collaborations) and every name is still distinct.
"""

from __future__ import annotations

import json
from pathlib import Path

FIRST = "Aria Bram Cato Dela Ewan Fira Galo Hesper Ilsa Joran Kemi Lorn Mira Nilo Orsa Pell Quin Rhea Soma Tarn".split()
LAST = "Ashgrove Brindle Corvane Dunmere Elswick Farrow Gillam Harrowby".split()
TITLE = "Scaling Tidepool Networks for Reef Forecasting"
ABSTRACT = "We introduce Tidepool-7B, a 7-billion-parameter language model fine-tuned from Reefnet-7B."


def names(n: int) -> list[str]:
    out = [f"{FIRST[i % 20]} {chr(65 + (i // 160) % 26)}. {chr(65 + (i // 4160) % 26)}. {LAST[(i // 20) % 8]}"
           for i in range(n)]
    assert len(set(out)) == n
    return out


def write(fmt: str, n: int, folder: Path) -> Path:
    """One paper with ``n`` authors in format ``fmt`` (a key of FORMATS)."""
    people = names(n)
    path = folder / f"authors{n}.{fmt}"
    if fmt == "jsonl":
        text = json.dumps({"title": TITLE, "authors": people, "abstract": ABSTRACT, "arxiv_id": "2501.00001"}) + "\n"
    elif fmt == "bibtex":
        field = " and ".join(f"{p.split()[-1]}, {' '.join(p.split()[:-1])}" for p in people)
        text = f"@article{{tide2025,\n  title={{{TITLE}}},\n  author={{{field}}},\n  abstract={{{ABSTRACT}}},\n  eprint={{2501.00001}}\n}}\n"
    elif fmt == "listing":
        text = ("arXiv:2501.00001  [pdf, other]  cs.CL\n" + TITLE + "\nAuthors:\n" + ",\n".join(people) + "\n"
                + "Abstract: " + ABSTRACT[:30] + "… ▽ More\n" + ABSTRACT + "\n△ Less\n"
                + "Submitted 3 January, 2025; originally announced January 2025.\n")
    elif fmt == "snapshot":
        parsed = [[p.split()[-1], " ".join(p.split()[:-1]), ""] for p in people]
        text = json.dumps({"id": "2501.00001", "submitter": people[0], "authors": ", ".join(people), "title": TITLE,
                           "abstract": ABSTRACT, "categories": "cs.CL",
                           "versions": [{"version": "v1", "created": "Fri, 3 Jan 2025 10:00:00 GMT"}],
                           "update_date": "2025-01-04", "authors_parsed": parsed}) + "\n"
    elif fmt == "oai":
        listed = "".join(f"<author><keyname>{p.split()[-1]}</keyname><forenames>{' '.join(p.split()[:-1])}</forenames></author>"
                         for p in people)
        text = ('<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">\n'
                "<ListRecords>\n<record>\n<header>\n <identifier>oai:arXiv.org:2501.00001</identifier>\n</header>\n"
                '<metadata>\n <arXiv xmlns="http://arxiv.org/OAI/arXiv/">\n <id>2501.00001</id><created>2025-01-03</created>'
                f"<authors>{listed}</authors><title>{TITLE}</title><abstract>{ABSTRACT}</abstract></arXiv>\n"
                "</metadata>\n</record>\n</ListRecords>\n</OAI-PMH>\n")
    elif fmt == "atom":
        text = ('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<entry>\n'
                f"<id>http://arxiv.org/abs/2501.00001v1</id>\n<title>{TITLE}</title>\n<summary>{ABSTRACT}</summary>\n"
                + "".join(f"<author><name>{p}</name></author>\n" for p in people)
                + "</entry>\n</feed>\n")
    else:
        raise ValueError(fmt)
    path.write_text(text, encoding="utf-8")
    return path


FORMATS = {"jsonl": "jsonl", "bibtex": "bibtex", "listing": "arxiv-listing", "atom": "arxiv-atom",
           "snapshot": "arxiv-snapshot", "oai": "arxiv-oai-pmh"}
"""File kind here -> the reader that must claim it."""
