"""`kg build --rebuild` with no files: the graph made again from the sources the store keeps.

A store keeps a copy of every input file it was built from (kg.graph.store), apart from
its database. When the database is damaged (kg.graph.damage) those copies are the way
back: they are written to a temporary folder under their own names and built from
scratch, exactly as if the user had given the original files again.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from kg.build import BuildReport, build
from kg.graph.store import Store, StoreError


def rebuild_from_kept(store: str | Path | None = None, **options) -> BuildReport:
    """Rebuild the store's graph from the input files it keeps (``options`` as for kg.build.build)."""
    st = Store(store)
    sources = st.sources()
    if not sources:
        raise StoreError(f"{st.path} keeps no sources to rebuild from: "
                         f"kg build --rebuild FILES --store {st.path}")
    formats, categories = {s.format for s in sources}, {s.categories for s in sources}
    if options.get("format") is None and len(formats) == 1:
        options["format"] = formats.pop()  # read as they were built: the same --format ...
    if not options.get("categories") and len(categories) == 1:
        options["categories"] = categories.pop()  # ... and the same --category filter
    with tempfile.TemporaryDirectory(prefix="kg-rebuild-") as tmp:
        for src in sources:
            (Path(tmp) / src.name).write_text(src.text, "utf-8")
        return build([tmp], store=st.path, rebuild=True, **options)
