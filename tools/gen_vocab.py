#!/usr/bin/env python3
"""Generate src/kg/vocab.py from ontology/mlkg.ttl (like rdflib's defined_namespace_creator).

Besides the terms, it writes the derivation kinds (the sub-properties of mlkg:derivedFrom) as one
table, in the order the ontology lists them: the name a fact gives each kind ("finetuned" for
mlkg:finetunedFrom: the local name without "From", in snake case), its property and its label.

    python tools/gen_vocab.py           # rewrite src/kg/vocab.py
    python tools/gen_vocab.py --check   # exit 1 when the file is out of date
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "mlkg.ttl"
TARGET = ROOT / "src" / "kg" / "vocab.py"
NS = "https://w3id.org/mlkg/ontology#"


def kind_name(local: str) -> str:
    """The name a fact gives a derivation kind: "continuedPretrainingFrom" -> "continued_pretraining"."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", local.removesuffix("From")).lower()


def derivations(g: Graph, text: str) -> list[tuple[str, str, str]]:
    """(kind name, local name, label) of every sub-property of mlkg:derivedFrom, in file order."""
    found = [str(p)[len(NS):] for p in g.subjects(RDFS.subPropertyOf, URIRef(NS + "derivedFrom"))
             if str(p).startswith(NS)]
    found.sort(key=lambda local: re.search(rf"^mlkg:{local}\b", text, re.M).start())
    return [(kind_name(local), local, str(g.value(URIRef(NS + local), RDFS.label))) for local in found]


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
        "from typing import NamedTuple",
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
    lines += [
        "",
        "",
        "class Derivation(NamedTuple):",
        '    """One way a model is made from another: a sub-property of mlkg:derivedFrom."""',
        "",
        '    kind: str  # the name a fact gives it: "finetuned"',
        "    iri: URIRef  # mlkg:finetunedFrom",
        '    label: str  # its rdfs:label: "fine-tuned from"',
        "",
        "",
        "DERIVATIONS = (",
    ]
    for kind, local, label in derivations(g, ONTOLOGY.read_text("utf-8")):
        lines.append(f"    Derivation({json.dumps(kind)}, MLKG.{local}, {json.dumps(label, ensure_ascii=False)}),")
    lines += [
        ")",
        '"""Every derivation kind, in the order the ontology lists them."""',
        "",
    ]
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
