"""Model, technique, dataset and benchmark mentions -> one entity per thing.

Mentions are grouped by a name key (case, Unicode form and separators folded:
"Nemotron-4 15B" = "Nemotron-4-15B", "LLaMA2-70B" = "Llama 2 70B"), then
joined through the aliases the texts declare ("MN-Minitron-8B for brevity",
"Math Informed syNthetic Dialogue (MIND)"). The preferred label is the most
frequent spelling; every other spelling is kept as an alternative label.

A Hub repo ("repo" mentions, "org/name") is keyed by its id (kg.repo_keys), never
by its name: two repos are one entity only when the same id names them. A repo
joins a model named in text only through ``joins`` (kg.resolve.repos decides them).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.extract.fact import Alias, Kind, Mention
from kg.keys import model_key, technique_key
from kg.repo_keys import is_repo_key, repo_key, repo_name

ENTITY_KINDS: tuple[Kind, ...] = ("model", "repo", "technique", "dataset", "benchmark")
TECHNIQUE_KINDS = frozenset({"technique", "dataset", "benchmark"})


def key_for(kind: str, name: str) -> str:
    if kind == "repo":
        return repo_key(name)
    return model_key(name) if kind == "model" else technique_key(name)


def group_of(kind: str) -> str:
    """Techniques, datasets and benchmarks share one name space; models (and repos) have their own."""
    return "model" if kind in ("model", "repo") else "technique"


@dataclass
class Entity:
    group: str
    key: str
    names: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    hf_ids: set[str] = field(default_factory=set)
    """The Hub repo ids that name this model (at most one: kg.resolve.repos joins no two)."""

    @property
    def label(self) -> str:
        # a technique is labelled by its long form, not its acronym ("reinforcement learning", not "RL");
        # otherwise the most frequent spelling, ties to the longest, then alphabetical (deterministic);
        # a repo is labelled by a text's name for it, else by its name without the org
        def acronym(n: str) -> bool:
            return self.group != "model" and " " not in n and sum(c.isupper() for c in n) >= 2
        text = [n for n in self.names if n not in self.hf_ids]
        if not text:
            return repo_name(self.hf_id or "")
        return min(text, key=lambda n: (acronym(n), -self.names[n], -len(n), n))

    @property
    def hf_id(self) -> str | None:
        """The repo id, as most often spelled ("NVIDIA/x" and "nvidia/x" are one repo), or None."""
        return max(self.hf_ids, key=lambda n: (self.names[n], n)) if self.hf_ids else None

    @property
    def kind(self) -> str:
        return min(self.kinds, key=lambda k: (-self.kinds[k], k))

    @property
    def alt_labels(self) -> list[str]:
        return sorted(n for n in self.names if n != self.label)


class UnionFind:
    """Keys joined into components (path halving); the root a component keeps is a text name's key
    before a repository's (kg.keys.is_repo_key)."""
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
        if ra != rb:  # a text name's key names the entity rather than a repo's: its IRI stays when a card is added
            first, second = sorted((ra, rb), key=lambda k: (is_repo_key(k.split("\0", 1)[-1]), k))
            self.parent[second] = first


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


def resolve_entities(mentions: Iterable[Mention], aliases: Iterable[Alias],
                     joins: Iterable[tuple[Mention, Mention]] = ()) -> Entities:
    """Entities of ``mentions``, joined by the texts' ``aliases`` and by ``joins`` (pairs of
    mentions known to name one thing: a repo and a model its cited paper names)."""
    names = Names()
    names.add(mentions)
    names.alias(aliases)
    return names.resolve(joins)


class Names:
    """The names mentioned, gathered a doc at a time (a build need not hold its docs), then
    resolved to entities. Counting and joining are order-free: the result is the same whatever
    order the mentions, aliases and joins come in. A Hub repo's names are kept apart from the
    texts' (kg.resolve.repos first resolves the texts' names alone)."""

    def __init__(self) -> None:
        self.names: dict[tuple[str, str], Counter] = defaultdict(Counter)  # the texts' spellings
        self.kinds: dict[tuple[str, str], Counter] = defaultdict(Counter)
        self.repos: dict[tuple[str, str], Counter] = defaultdict(Counter)  # repo ids, as spelled
        self.repo_names: set[str] = set()
        """Every repo mention's name."""
        self.aliases: list[tuple[tuple[str, str], tuple[str, str]]] = []  # joined once every name is in

    def add(self, mentions: Iterable[Mention]) -> None:
        names, kinds, repos = self.names, self.kinds, self.repos
        for m in mentions:
            if m.kind == "repo":
                self.repo_names.add(m.name)
            if m.kind not in ENTITY_KINDS or not m.name.strip():
                continue
            k = (group_of(m.kind), key_for(m.kind, m.name))
            if not k[1]:
                continue
            if m.kind == "repo":
                repos[k][m.name] += 1
            else:
                names[k][m.name] += 1
                kinds[k][m.kind] += 1

    def alias(self, aliases: Iterable[Alias]) -> None:
        for a in aliases:
            g = group_of(a.kind)
            ka, kb = key_for(a.kind, a.name), key_for(a.kind, a.alias)
            if ka and kb:
                self.aliases.append(((g, ka), (g, kb)))

    def merge(self, other: Names) -> None:
        """Add what ``other`` gathered (the names of other docs, noted elsewhere: a Dask worker's)."""
        for mine, theirs in ((self.names, other.names), (self.kinds, other.kinds), (self.repos, other.repos)):
            for k, counts in theirs.items():
                mine[k].update(counts)
        self.repo_names |= other.repo_names
        self.aliases += other.aliases

    def resolve(self, joins: Iterable[tuple[Mention, Mention]] = (), *, with_repos: bool = True) -> Entities:
        """The entities; ``joins``: pairs of mentions known to name one thing (kg.resolve.repos
        decides them); ``with_repos=False``: of the texts' names alone."""
        names, kinds, repos = self.names, self.kinds, self.repos
        keys = set(names) | set(repos) if with_repos else set(names)
        uf = UnionFind()
        for k in keys:
            uf.find("\0".join(k))
        pairs = list(self.aliases)
        for a, b in joins:
            ka, kb = (group_of(a.kind), key_for(a.kind, a.name)), (group_of(b.kind), key_for(b.kind, b.name))
            if ka[0] == kb[0]:
                pairs.append((ka, kb))
        for ka, kb in pairs:
            if ka in keys and kb in keys:
                uf.union("\0".join(ka), "\0".join(kb))
        merged: dict[str, Entity] = {}
        by_key: dict[tuple[str, str], Entity] = {}
        for k in sorted(keys):
            root = uf.find("\0".join(k))
            g, rk = root.split("\0", 1)
            ent = merged.setdefault(root, Entity(g, rk))
            if k in names:
                ent.names.update(names[k])
                ent.kinds.update(kinds[k])
            if with_repos and k in repos:
                ent.names.update(repos[k])
                ent.kinds["model"] += sum(repos[k].values())
                ent.hf_ids |= set(repos[k])
            by_key[k] = ent
        return Entities(by_key)
