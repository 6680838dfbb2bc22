"""Hub repos and the models papers name: one node when a card's citation says so, else a close match.

A repo ("nvidia/Kelp-7B-Base") and a model named in a paper's text ("Kelp-7B") are
the same node when

1. their names agree once the Hub's naming habits are undone (kg.repo_keys: the
   org, a leading word repeating it, packaging suffixes, "-Base" where the text
   names the bare model), and
2. the repo's card cites (``arxiv:`` tag) a paper whose text names that model.

Names that agree without such a citation only make the two ``skos:closeMatch``:
"Kelp-7B" in some paper may be another lab's Kelp. Two repos are never joined by
name: each model named in text takes at most one repo (the one whose name needs
the fewest steps to agree, then the first id), and the others are close matches
of it. A quantized "org/Kelp-7B-GGUF" citing Kelp's paper thus stays apart from
"org/Kelp-7B", whose name agrees without undoing a suffix.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.extract.fact import Alias, Mention
from kg.keys import model_key
from kg.repo_keys import name_variants
from kg.resolve.entities import Entities, Names


@dataclass
class Linked:
    entities: Entities
    close: list[tuple[Mention, Mention]] = field(default_factory=list)
    """(repo, text model) pairs whose names agree but that stay two nodes."""
    joined: list[tuple[Mention, Mention]] = field(default_factory=list)
    """(repo, text model) pairs made one node."""


def resolve_with_repos(mentions: list[Mention], aliases: list[Alias],
                       named_in: Iterable[tuple[Mention, str]], cited: dict[str, set[str]]) -> Linked:
    """Entities of ``mentions`` with each repo linked to the models papers name.

    ``named_in``: (model mention, arXiv id of the paper whose text names it);
    ``cited``: repo id -> the arXiv ids its card cites."""
    names = Names()
    names.add(mentions)
    names.alias(aliases)
    return link_repos(names, named_in, cited)


def link_repos(names: Names, named_in: Iterable[tuple[Mention, str]], cited: dict[str, set[str]]) -> Linked:
    """:func:`resolve_with_repos` of names gathered a doc at a time (kg.resolve.entities.Names)."""
    repos = sorted(names.repo_names)
    if not repos:
        return Linked(names.resolve())
    by_text = names.resolve(with_repos=False)  # the text's own entities first: aliases may join two names
    spelling: dict[str, Mention] = {  # name key -> one model mention with that key
        k: Mention("model", min(spellings)) for (g, k), spellings in names.names.items() if g == "model"}
    papers: dict[str, set[str]] = defaultdict(set)  # name key -> arXiv ids of the papers naming it
    for m, arxiv in named_in:
        if arxiv:
            papers[model_key(m.name)].add(arxiv)

    best: dict[int, tuple[tuple[int, str], str, Mention]] = {}  # text entity -> (rank, repo, its mention)
    close: list[tuple[Mention, Mention]] = []
    for repo in repos:
        hits = [(v.distance, v.key) for v in name_variants(repo) if v.key in spelling]
        if not hits:
            continue
        supported = [(rank, key) for rank, key in hits if papers.get(key, set()) & cited.get(repo, set())]
        rank, key = (supported or hits)[0]
        target = spelling[key]
        if not supported:
            close.append((Mention("repo", repo), target))
            continue
        entity = id(by_text.get(target))
        if entity not in best or (rank, repo) < best[entity][0]:
            if entity in best:
                close.append((Mention("repo", best[entity][1]), best[entity][2]))
            best[entity] = ((rank, repo), repo, target)
        else:
            close.append((Mention("repo", repo), target))
    joined = [(Mention("repo", repo), target) for _, repo, target in best.values()]
    return Linked(names.resolve(joined), close, joined)
