#!/usr/bin/env python3
"""Generate src/kg/vocab.py from ontology/mlkg.ttl (like rdflib's defined_namespace_creator).

    python tools/gen_vocab.py           # rewrite src/kg/vocab.py
    python tools/gen_vocab.py --check   # exit 1 when the file is out of date
"""
from __future__ import annotations

import sys
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "mlkg.ttl"
TARGET = ROOT / "src" / "kg" / "vocab.py"
NS = "https://w3id.org/mlkg/ontology#"


def render() -> str:
    g = Graph().parse(ONTOLOGY)
    terms: dict[str, tuple[str, str]] = {}
    for kind, label in ((OWL.Class, "class"), (OWL.ObjectProperty, "property"),
                        (OWL.DatatypeProperty, "property")):
        for term in g.subjects(RDF.type, kind):
            if isinstance(term, URIRef) and str(term).startswith(NS):
                comment = str(g.value(term, RDFS.comment) or "").replace("\n", " ")
                terms[str(term)[len(NS):]] = (label, comment)
    lines = [
        '"""The mlkg vocabulary as Python names. GENERATED from ontology/mlkg.ttl by',
        'tools/gen_vocab.py: do not edit; a test fails when it is out of date."""',
        "",
        "from rdflib import URIRef",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "",
        "",
        "class MLKG(DefinedNamespace):",
        '    """https://w3id.org/mlkg/ontology# ; unknown terms raise AttributeError."""',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{NS}")',
        "",
    ]
    for name in sorted(terms, key=lambda n: (terms[n][0], n)):
        kind, comment = terms[name]
        lines.append(f"    {name}: URIRef  # {kind}: {comment}")
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not TARGET.exists() or TARGET.read_text() != text:
            print(f"{TARGET} is out of date: run python tools/gen_vocab.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
