"""Neo4j bulk-import CSVs: a folder with nodes.csv, relationships.csv and README.txt (the command).

Headers follow ``neo4j-admin database import`` (Neo4j 5): ``iri:ID``,
``:LABEL``, typed properties (``name:string``, ``date:date``,
``parameterCount:double``, ``aliases:string[]``) and ``:START_ID``,
``:END_ID``, ``:TYPE``. Choices that keep the import exact:

* arrays are split on U+001F (the ASCII unit separator), which no value can
  hold (the build strips control characters), so an alias with ``|`` or
  ``;`` in it stays whole;
* line breaks inside values become spaces, so the importer needs no
  ``--multiline-fields`` (slow, the manual warns);
* a date that is not a full ``YYYY-MM-DD`` is left out rather than failing
  the import;
* quotes are doubled (RFC 4180), the importer's default.

The folder is written whole or not at all (kg.exports.atomic.atomic_dir).
Cells are not prefixed against spreadsheet formulas: this is input for a
database, and a prefix would change the data.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from kg.exports import exporter
from kg.exports.atomic import atomic_dir
from kg.exports.networks import to_networkx
from kg.graph.store import Store

ARRAY_DELIMITER = "\x1f"
NODE_COLUMNS = [  # (header, attribute)
    ("iri:ID", None), (":LABEL", "type"), ("name:string", "label"), ("aliases:string[]", "aliases"),
    ("date:date", "date"), ("arxivId:string", "arxivId"), ("doi:string", "doi"),
    ("parameterCount:double", "parameterCount"),
]
EDGE_COLUMNS = [
    (":START_ID", None), (":END_ID", None), (":TYPE", "kind"), ("confidence:double", "confidence"),
    ("evidenceCount:long", "evidenceCount"), ("quote:string", "quote"), ("record:string", "record"),
]
COMMAND = ("neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv "
           "--array-delimiter=U+001F --ignore-empty-strings=true neo4j")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BREAKS = re.compile(r"[\r\n\x1f]+")

README = f"""kg graph for Neo4j 5 (neo4j-admin bulk import)

Stop the database, then run from this folder (neo4j-admin is in Neo4j's bin/):

    {COMMAND}

Add --overwrite-destination=true to replace an existing "neo4j" database, or
name another database and create it afterwards (CREATE DATABASE name).

nodes.csv          one row per entity; :LABEL is its kind (Paper, Person,
                   Organization, Model, ModelFamily, Technique, Dataset,
                   Benchmark); iri is the kg IRI; aliases is a string array.
relationships.csv  one row per fact; :TYPE is its kind (WROTE, INTRODUCES,
                   USES, FINETUNED_FROM, PRUNED_FROM, DISTILLED_FROM, ...,
                   IN_FAMILY), with the surest evidence: confidence, quote and
                   record (file#index), and how many evidence quotes back it.

Arrays are split on U+001F (the unit separator), which values never hold.
Try:  MATCH (m:Model)-[r:DISTILLED_FROM]->(t) RETURN m.name, t.name, r.quote
"""


def _cell(value, header: str) -> str:
    if value is None:
        return ""
    if header.endswith(":date"):
        return value if isinstance(value, str) and _DATE.fullmatch(value) else ""
    if header.endswith("[]"):
        return ARRAY_DELIMITER.join(_BREAKS.sub(" ", str(v)) for v in value)
    return _BREAKS.sub(" ", str(value))


@exporter("neo4j", suffix="", description="Neo4j bulk-import CSVs (a folder: nodes.csv, relationships.csv, README.txt)")
def write_neo4j(store: Store, path: Path) -> None:
    g = to_networkx(store.graph())
    with atomic_dir(path) as tmp:
        with open(tmp / "nodes.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow([h for h, _ in NODE_COLUMNS])
            for n, attrs in g.nodes(data=True):
                w.writerow([n] + [_cell(attrs.get(a), h) for h, a in NODE_COLUMNS[1:]])
        with open(tmp / "relationships.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow([h for h, _ in EDGE_COLUMNS])
            for s, t, attrs in g.edges(data=True):
                w.writerow([s, t] + [_cell(attrs.get(a), h) for h, a in EDGE_COLUMNS[2:]])
        (tmp / "README.txt").write_text(README, "utf-8")
