"""Model, technique, dataset and benchmark mentions -> one entity per thing.

Mentions are grouped by a name key (case, Unicode form and separators folded:
"Nemotron-4 15B" = "Nemotron-4-15B", "LLaMA2-70B" = "Llama 2 70B"), then
joined through the aliases the texts declare ("MN-Minitron-8B for brevity",
"Math Informed syNthetic Dialogue (MIND)"). The preferred label is the most
frequent spelling; every other spelling is kept as an alternative label.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.extract.fact import Alias, Kind, Mention
from kg.keys import model_key, technique_key

ENTITY_KINDS: tuple[Kind, ...] = ("model", "technique", "dataset", "benchmark")
TECHNIQUE_KINDS = frozenset({"technique", "dataset", "benchmark"})


def key_for(kind: str, name: str) -> str:
    return model_key(name) if kind == "model" else technique_key(name)


def group_of(kind: str) -> str:
    """Techniques, datasets and benchmarks share one name space; models have their own."""
    return "model" if kind == "model" else "technique"


@dataclass
class Entity:
    group: str
    key: str
    names: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)

    @property
    def label(self) -> str:
        # a technique is labelled by its long form, not its acronym ("reinforcement learning", not "RL");
        # otherwise the most frequent spelling, ties to the longest, then alphabetical (deterministic)
        def acronym(n: str) -> bool:
            return self.group != "model" and " " not in n and sum(c.isupper() for c in n) >= 2
        return min(self.names, key=lambda n: (acronym(n), -self.names[n], -len(n), n))

    @property
    def kind(self) -> str:
        return min(self.kinds, key=lambda k: (-self.kinds[k], k))

    @property
    def alt_labels(self) -> list[str]:
        return sorted(n for n in self.names if n != self.label)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class Entities:
    by_key: dict[tuple[str, str], Entity]
    """(group, key of any spelling) -> its entity."""

    def get(self, mention: Mention) -> Entity | None:
        return self.by_key.get((group_of(mention.kind), key_for(mention.kind, mention.name)))

    def all(self) -> list[Entity]:
        seen: dict[int, Entity] = {}
        for e in self.by_key.values():
            seen.setdefault(id(e), e)
        return sorted(seen.values(), key=lambda e: (e.group, e.key))


def resolve_entities(mentions: Iterable[Mention], aliases: Iterable[Alias]) -> Entities:
    names = Names()
    names.add(mentions)
    names.alias(aliases)
    return names.resolve()


class Names:
    """The names mentioned, gathered a doc at a time (a build need not hold its docs), then
    resolved to entities. Counting and joining are order-free: the result is the same whatever
    order the mentions and aliases come in."""

    def __init__(self) -> None:
        self.names: dict[tuple[str, str], Counter] = defaultdict(Counter)
        self.kinds: dict[tuple[str, str], Counter] = defaultdict(Counter)
        self.aliases: list[tuple[str, str, str]] = []  # (group, key, key): joined once every name is in

    def add(self, mentions: Iterable[Mention]) -> None:
        names, kinds = self.names, self.kinds
        for m in mentions:
            if m.kind not in ENTITY_KINDS or not m.name.strip():
                continue
            k = (group_of(m.kind), key_for(m.kind, m.name))
            if not k[1]:
                continue
            names[k][m.name] += 1
            kinds[k][m.kind] += 1

    def alias(self, aliases: Iterable[Alias]) -> None:
        for a in aliases:
            ka, kb = key_for(a.kind, a.name), key_for(a.kind, a.alias)
            if ka and kb:
                self.aliases.append((group_of(a.kind), ka, kb))

    def resolve(self) -> Entities:
        names, kinds = self.names, self.kinds
        uf = _UnionFind()
        for k in names:
            uf.find("\0".join(k))
        for g, ka, kb in self.aliases:
            if (g, ka) in names and (g, kb) in names:
                uf.union(f"{g}\0{ka}", f"{g}\0{kb}")
        merged: dict[str, Entity] = {}
        by_key: dict[tuple[str, str], Entity] = {}
        for k in sorted(names):
            root = uf.find("\0".join(k))
            g, rk = root.split("\0", 1)
            ent = merged.setdefault(root, Entity(g, rk))
            ent.names.update(names[k])
            ent.kinds.update(kinds[k])
            by_key[k] = ent
        return Entities(by_key)
