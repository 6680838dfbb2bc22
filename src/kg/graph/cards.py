"""The lines a model card adds beyond its facts: what it cites, and which names merely agree.

* :func:`citations`: what kg.resolve.repos needs to link a repo to a paper's model:
  the arXiv id of the paper each text mention is read from, and the arXiv ids each
  repo's card cites;
* :class:`CitedPapers`: a cited paper is the corpus's paper of that arXiv id (the
  same IRI, kg.graph.iris.paper), or, when the corpus does not hold it, a paper node
  of its own labelled "arXiv:ID", so that ``mlkg:describedIn`` always ends at a paper;
* :func:`close_matches`: ``skos:closeMatch`` between a repo and a text's model whose
  names agree but that no citation makes one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rdflib.namespace import RDF, RDFS, SKOS

from kg.extract.doc import Doc
from kg.extract.fact import Mention
from kg.graph import iris
from kg.resolve.entities import Entities
from kg.vocab import MLKG


def _n(term: str) -> str:
    return f"<{term}>"


def citations(docs: Iterable[Doc], head) -> tuple[list[tuple[Mention, str]], dict[str, set[str]]]:
    """(model mention, arXiv id of the paper whose record names it); repo id -> arXiv ids it cites."""
    named_in: list[tuple[Mention, str]] = []
    cited: dict[str, set[str]] = defaultdict(set)
    for doc in docs:
        paper = head.paper_of_record.get((doc.record.file, doc.record.index))
        arxiv = paper.arxiv_id if paper is not None else None
        if arxiv:
            named_in += [(m, arxiv) for m in doc.entities if m.kind == "model"]
            named_in += [(m, arxiv) for f in doc.facts for m in (f.subject, f.object) if m.kind == "model"]
        for f in doc.facts:
            if f.predicate == "describedIn" and f.subject.kind == "repo":
                cited[f.subject.name].add(f.object.name)
    return named_in, cited


class CitedPapers:
    """IRIs of cited papers by arXiv id; ``lines()`` describes those the corpus does not hold."""

    def __init__(self, paper_iri: dict[str, str]) -> None:
        self.known = paper_iri  # paper key ("arxiv:ID" for a paper with an id) -> IRI in N-Triples syntax
        self.stubs: dict[str, str] = {}

    def node(self, arxiv: str) -> str:
        key = f"arxiv:{arxiv}"
        if key in self.known:
            return self.known[key]
        if arxiv not in self.stubs:
            self.stubs[arxiv] = _n(iris.paper(key, arxiv, None))
        return self.stubs[arxiv]

    def lines(self) -> list[str]:
        from kg.graph.build import plain

        out = []
        for arxiv, iri in sorted(self.stubs.items()):
            out += [f"{iri} {_n(RDF.type)} {_n(MLKG.Paper)} .\n",
                    f"{iri} {_n(RDFS.label)} {plain('arXiv:' + arxiv)} .\n",
                    f"{iri} {_n(MLKG.arxivId)} {plain(arxiv)} .\n"]
        return out


def close_matches(pairs: Iterable[tuple[Mention, Mention]], entities: Entities, node: dict[int, str]) -> list[str]:
    out = []
    for repo, model in pairs:
        a, b = entities.get(repo), entities.get(model)
        if a is not None and b is not None and a is not b:
            out.append(f"{node[id(a)]} {_n(SKOS.closeMatch)} {node[id(b)]} .\n")
    return out
