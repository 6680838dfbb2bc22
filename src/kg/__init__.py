"""kg: research-paper listings -> a knowledge graph of ML models, authors, papers and techniques.

The public API, for notebooks and scripts (the ``kg`` command is a thin layer over it).
Run from the project folder (the test suite runs these lines as doctests)::

    >>> import kg, shutil, tempfile
    >>> tmp = tempfile.mkdtemp()
    >>> report = kg.build(["examples/corpus"], store=f"{tmp}/.kg")
    >>> report.changed, report.counts["papers"]
    (True, 62)
    >>> kg.build(["examples/corpus"], store=f"{tmp}/.kg").changed    # the same files again
    False
    >>> graph = kg.open(f"{tmp}/.kg")
    >>> graph.rows("SELECT (COUNT(*) AS ?n) WHERE { ?p a mlkg:Paper }")
    [{'n': '62'}]
    >>> rows = graph.rows("lineage", model="MN-Minitron-8B")   # a saved query; the value is bound, not pasted
    >>> ("Mistral-NeMo-Minitron-8B", "prunedFrom", "Mistral NeMo 12B") in {(r["child"], r["kind"], r["parent"]) for r in rows}
    True
    >>> graph.export(f"{tmp}/graph.ttl", format="ttl").stat().st_size > 0
    True
    >>> shutil.rmtree(tmp)

Data flow: source files -> records (kg.records) -> facts with evidence
(kg.extract) -> resolved entities (kg.resolve) -> RDF in a store (kg.graph)
-> queries (kg.queries), exports (kg.exports), views (kg.views).
"""

from __future__ import annotations

from pathlib import Path

from kg.build import BuildReport, build
from kg.graph.store import Store, StoreError

__all__ = ["BuildReport", "KnowledgeGraph", "Store", "StoreError", "build", "open"]
__version__ = "0.1.0"


class KnowledgeGraph:
    """A built graph on disk, opened read-only: query it, export it, check it."""

    def __init__(self, store: str | Path | None = None) -> None:
        self.store = Store(store)
        self.store.require()
        self._graph = None

    @property
    def graph(self):
        """The rdflib ``Graph`` over the store (Oxigraph through oxrdflib)."""
        if self._graph is None:
            self._graph = self.store.graph()
        return self._graph

    def query(self, sparql: str, **bindings: str):
        """Run SPARQL (text or a saved query's name); keyword values are bound safely."""
        from kg.queries.run import resolve_query_text, run_query

        return run_query(self.graph, resolve_query_text(sparql), bindings)

    def rows(self, sparql: str, **bindings: str) -> list[dict[str, str | None]]:
        """A SELECT query's results as a list of plain dicts."""
        from kg.queries.run import rows

        return rows(self.query(sparql, **bindings))

    def export(self, path: str | Path, *, format: str = "ttl") -> Path:
        """Write the graph to ``path`` in ``format`` (see ``kg formats``), atomically."""
        from kg.exports import export

        return export(self.store, format, path)

    def validate(self) -> list:
        """SHACL violations against ontology/shapes.ttl (empty when the graph conforms)."""
        from kg.graph.validate import validate

        return validate(self.graph)

    def __len__(self) -> int:
        return len(self.store.oxigraph())

    def __repr__(self) -> str:
        return f"<KnowledgeGraph store={str(self.store.path)!r}>"


def open(store: str | Path | None = None) -> KnowledgeGraph:  # noqa: A001 - mirrors io.open
    """Open the graph built at ``store`` (default ``$KG_STORE`` or ``./.kg``)."""
    return KnowledgeGraph(store)
