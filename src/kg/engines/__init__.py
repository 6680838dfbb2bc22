"""Where a build's reading and extraction run: here (the default, kg.build's own worker processes)
or on a Dask cluster (:mod:`kg.engines.dask`).

An engine is what ``kg.build.build(engine=...)`` is handed. It has two methods:

* ``read(paths, format) -> kg.records.io.ReadResult``: the records, problems and sources of the
  inputs, as :func:`kg.records.io.read_paths` gives them;
* ``extract(parts, components) -> {part name: bytes}``: for each part (a name and one source's
  records, in order), the docs extracted from them packed by :func:`kg.extract.saved.pack`: the
  form in which a store keeps a source's docs, so the build takes them as it takes docs the store
  kept, and resolves and writes the graph exactly as after a local extraction.

And, optionally (the Dask engine has them; kg.build uses them when they are there):

* ``extract_noted(parts, components, min_confidence)``: ``extract`` that also hands back, per
  part, its docs' problems and a kg.graph.build.Noted of them, so the build need not read the
  docs back to note their names;
* ``sketches``: the abstracts' blocking keys for paper clustering, computed as the records were read;
* ``facts(head, parts, records, stage)``: the writer of the facts' lines (kg.graph.build.build_triples'
  ``facts``), whose ``shards`` the store loads beside the other lines (:mod:`kg.engines.shards`).

The engine is chosen by ``kg build --engine``; resolution and the store stay on the machine that
runs ``kg build`` (resolution needs every record at once, the store is one folder).
"""

from __future__ import annotations

ENGINES = ("local", "dask")
"""The names ``kg build --engine`` takes."""


class EngineError(RuntimeError):
    """The engine cannot run (no scheduler answers, a worker cannot see a source, a missing
    package): the message says which, in one line."""
