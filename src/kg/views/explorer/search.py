"""Finding an entity by any spelling: an in-memory index of every name, ranked matches.

Names are folded as entity resolution folds them (kg.keys.model_key:
"MN-Minitron-8B" = "mn minitron 8b"), so any spelling the graph holds finds
its entity. A match is ranked exact > the start of a name > the start of a
word in it > anywhere in it, then models before papers before people before
the rest, then shorter names first. Built once per store generation from
names.rq (a sorted key list: a prefix lookup is a bisection, so a keystroke
costs milliseconds on a large store).
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from kg.keys import fold, model_key
from kg.views.explorer.shape import CLASS_ORDER, class_key, href, text

__all__ = ["Hit", "NameIndex"]

EXACT, PREFIX, WORD, INSIDE = range(4)
SCAN_LIMIT = 200_000
"""Names scanned for a match inside a word (the slowest kind) before giving up on more."""
PREFIX_LIMIT = 5_000
"""Names read for one prefix (a one-letter query starts thousands): exact matches sort first among them."""


@dataclass(frozen=True)
class Hit:
    iri: str
    label: str
    cls: str
    matched: str  # the spelling that matched, when it is not the label
    rank: int

    def as_json(self) -> dict:
        return {"label": self.label, "cls": self.cls, "href": href(self.iri), "matched": self.matched,
                "exact": self.rank == EXACT}


class NameIndex:
    """Every (folded name, entity) pair, sorted; entity -> (label, class)."""

    def __init__(self, rows: list[dict]) -> None:
        classes: dict[str, str] = {}
        labels: dict[str, str] = {}
        names: set[tuple[str, str]] = set()
        for row in rows:
            iri, cls = row["e"], class_key(row["class"])
            if cls and (iri not in classes or CLASS_ORDER.index(cls) > CLASS_ORDER.index(classes[iri])):
                classes[iri] = cls
            name = text(row["name"], 300)
            if row["how"] == "label" and (iri not in labels or name < labels[iri]):
                labels[iri] = name
            if name:
                names.add((name, iri))
        self.entities = {iri: (labels.get(iri, iri), cls) for iri, cls in classes.items()}
        self.keys = sorted((model_key(name), name, iri) for name, iri in names if model_key(name))
        self.words = sorted((w, name, iri) for name, iri in names for w in set(fold(name).split()[1:]) if w)
        self._key_list = [k for k, _, _ in self.keys]
        self._word_list = [w for w, _, _ in self.words]

    def __len__(self) -> int:
        return len(self.entities)

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        """The best ``limit`` entities for ``query``, best first (exact matches always included)."""
        key = model_key(query)
        if not key:
            return []
        best: dict[str, tuple[int, str]] = {}

        def take(rank: int, name: str, iri: str) -> None:
            if iri in self.entities and (iri not in best or rank < best[iri][0]):
                best[iri] = (rank, name)

        for k, name, iri in _prefixed(self.keys, self._key_list, key):
            take(EXACT if k == key else PREFIX, name, iri)
        word = fold(query).split()
        if word:
            for _, name, iri in _prefixed(self.words, self._word_list, word[0]):
                if key in model_key(name):
                    take(WORD, name, iri)
        if len(best) < limit and len(key) >= 3:
            for k, name, iri in self.keys[:SCAN_LIMIT]:
                if key in k:
                    take(INSIDE, name, iri)
        hits = [Hit(iri, self.entities[iri][0], self.entities[iri][1],
                    "" if name == self.entities[iri][0] else name, rank) for iri, (rank, name) in best.items()]
        hits.sort(key=lambda h: (h.rank, CLASS_RANK[h.cls], len(h.label), h.label.casefold(), h.iri))
        exact = [h for h in hits if h.rank == EXACT]
        return exact + [h for h in hits if h.rank != EXACT][: max(0, limit - len(exact))]

    def go_to(self, query: str) -> Hit | None:
        """The entity Enter opens: the only exact match, else the only match at all."""
        hits = self.search(query, limit=2)
        exact = [h for h in hits if h.rank == EXACT]
        if len(exact) == 1:
            return exact[0]
        return hits[0] if len(hits) == 1 and not exact else None


CLASS_RANK = {"model": 0, "family": 1, "paper": 2, "person": 3, "technique": 4, "dataset": 5, "benchmark": 6,
              "organization": 7}


def _prefixed(table: list[tuple], keys: list[str], prefix: str):
    start = bisect.bisect_left(keys, prefix)
    for i in itertools.islice(range(start, len(keys)), PREFIX_LIMIT):
        if not keys[i].startswith(prefix):
            return
        yield table[i]
