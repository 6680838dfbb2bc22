"""arXiv categories: read from a source's fields, and the ``kg build --category`` filter.

A record keeps the categories its source lists (``Record.categories``). The filter keeps a
record when one of its categories is wanted; ``cs`` (an archive without a subject class)
wants every ``cs.*`` category. A record whose source gives no categories is kept: the filter
narrows what a bulk source brings in, it does not drop a listing that never said.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from kg.records.record import Record

CATEGORY = re.compile(r"[a-z][a-z-]{0,15}(?:\.[A-Za-z][A-Za-z-]{0,15})?", re.ASCII)
"""An arXiv category ("cs.CL", "hep-th", "math.AG", "q-bio.NC") or an archive ("cs")."""
_ASKED = re.compile(CATEGORY.pattern, re.ASCII | re.IGNORECASE)
"""What a user may ask for: matching ignores case ("CS.CL" is cs.CL)."""


def parse(value: object) -> tuple[str, ...]:
    """Categories from a source's field: "cs.CL cs.LG" (space separated, as arXiv writes them)
    or a list of such strings. Anything not shaped like a category is left out."""
    if isinstance(value, str):
        items: Iterable[object] = value.split()
    elif isinstance(value, (list, tuple)):
        items = (w for v in value if isinstance(v, str) for w in v.split())
    else:
        return ()
    out: list[str] = []
    for item in items:
        if isinstance(item, str) and CATEGORY.fullmatch(item) and item not in out:
            out.append(item)
    return tuple(out)


def wanted(values: Iterable[str] | None) -> tuple[str, ...]:
    """The filter as given on the command line ("cs.CL", "cs.CL,cs.LG", "cs"), sorted and
    de-duplicated. Raises ValueError naming a value that is no category."""
    out: set[str] = set()
    if isinstance(values, str):  # kg.build(..., categories="cs.CL"): one value, not its letters
        values = [values]
    for value in values or ():
        for item in value.replace(",", " ").split():
            if not _ASKED.fullmatch(item):
                raise ValueError(f"not an arXiv category: {item!r} (for example cs.CL, stat.ML or cs)")
            out.add(item)
    return tuple(sorted(out))


def matches(categories: Sequence[str], wanted: Sequence[str]) -> bool:
    """True when the record is kept: no filter, no categories known, or one wanted."""
    if not wanted or not categories:
        return True
    have = {c.lower() for c in categories}
    archives = {c.split(".", 1)[0] for c in have}
    return any(w.lower() in have or ("." not in w and w.lower() in archives) for w in wanted)


def keep(records: list[Record], wanted: Sequence[str]) -> tuple[list[Record], int]:
    """(the records the filter keeps, how many it left out)."""
    if not wanted:
        return records, 0
    kept = [r for r in records if matches(r.categories, wanted)]
    return kept, len(records) - len(kept)
