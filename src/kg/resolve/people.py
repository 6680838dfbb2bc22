"""Author names -> one Person (or Organization) per real author.

Spellings with the same :func:`~kg.keys.name_key` are one agent.
Beyond that, two spellings are merged only when the names are near-identical
(a dropped middle name or initial, a short first name, a transliterated
vowel, a one-letter typo) *and* something ties them: a shared coauthor, or
the same paper. Two names printed in one author list are never merged, and
Chinese given names are compared syllable-aware, so "Jian"/"Jianfeng" or
"Bo Li"/"Bo Liu" stay apart.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from rapidfuzz.distance import Levenshtein

from kg.keys import name_key
from kg.resolve.papers import Paper

ORG_WORDS = frozenset(
    """workshop team inc ltd llc lab labs laboratory laboratories university universität
    université universidad institute institut institution corporation corp company research
    group consortium collaboration foundation project initiative center centre association
    society alliance community organization organisation council committee department school
    college academy agency ministry gmbh contributors developers technologies deepmind""".split()
)
"""Words that mark a printed "author" as an organisation ("BigScience Workshop")."""
ORG_ACRONYMS = frozenset({"AI", "AG", "SA", "NV", "BV", "PLC", "LLP"})
"""All-caps tokens that mark organisations ("Mistral AI", "Siemens AG")."""
MIN_SHORT_NAME = 3
"""A short first name ("Adi" for "Adithya") must be at least this long."""
MIN_TYPO_NAME = 4
"""Names shorter than this are never "one-letter typos" of each other (Li/Liu)."""
INITIAL_EVIDENCE = 2
"""Shared coauthors needed to merge an initial with a full first name (J./John)."""

_PINYIN = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|ua|uo|ia|ie|iu|ui|ue|ve|er|a|o|e|i|u|v|ü)"
)


@dataclass
class Agent:
    key: str
    """Stable key (name key of the preferred spelling)."""
    name: str
    """Preferred spelling."""
    spellings: set[str] = field(default_factory=set)
    is_organization: bool = False


@dataclass
class People:
    agents: dict[str, Agent]
    agent_of: dict[str, str]
    """Spelling as printed (stripped) -> agent key: one entry a spelling, not one a paper and
    spelling (a million records print some ten million names)."""
    papers: dict[str, Paper] = field(default_factory=dict)
    """Paper key -> paper, for look-ups by paper key (:meth:`agent_for`, :attr:`by_spelling`)."""

    def agent_key(self, paper: Paper, spelling: str) -> str | None:
        """The key of the agent ``spelling`` names on ``paper`` (None: the paper prints no such name)."""
        key = self.agent_of.get(spelling)
        if key is None or not _prints(paper, spelling):
            return None
        return key

    @property
    def by_spelling(self) -> _BySpelling:
        """(paper key, spelling as printed) -> agent key, for callers that look names up by paper key."""
        return _BySpelling(self)

    def agent_for(self, paper_key: str, spelling: str) -> Agent:
        return self.agents[self.by_spelling[(paper_key, spelling)]]

    def authors_of(self, paper: Paper) -> list[Agent]:
        """The paper's agents in printed order (people and organisations)."""
        out: list[Agent] = []
        for spelling in paper.authors:
            agent = self.agents.get(self.agent_key(paper, spelling.strip()) or "")
            if agent is not None and agent not in out:
                out.append(agent)
        return out


def _prints(paper: Paper, spelling: str) -> bool:
    """Whether one of the paper's records prints ``spelling`` (white space around it aside)."""
    return any(s == spelling or s.strip() == spelling for r in paper.records for s in r.authors)


class _BySpelling:
    """People.by_spelling as a read-only mapping over the papers given to resolve_people."""

    def __init__(self, people: People) -> None:
        self.people = people

    def get(self, key: tuple[str, str], default: str | None = None) -> str | None:
        paper = self.people.papers.get(key[0])
        found = None if paper is None else self.people.agent_key(paper, key[1])
        return default if found is None else found

    def __getitem__(self, key: tuple[str, str]) -> str:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, tuple) and self.get(key) is not None


def is_organization(name: str) -> bool:
    """Whether a printed author is an organisation, by the shape of the name.

    Single-token names ("NVIDIA", "Nvidia"), names holding an organisation word
    ("BigScience Workshop", "Qwen Team", "Allen Institute for AI") or an
    organisation acronym ("Mistral AI").
    """
    tokens = [t for t in re.split(r"[\s,]+", name.strip()) if t]
    words = [t.strip(".()&") for t in tokens]
    words = [w for w in words if w]
    if not words:
        return False
    if len(words) == 1:
        return any(ch.isalpha() for ch in words[0])
    for w in words:
        if w.casefold() in ORG_WORDS or w in ORG_ACRONYMS:
            return True
        for part in w.split("-"):
            if part in ORG_ACRONYMS and part != w:
                return True  # "DeepSeek-AI"
    return False


def _is_pinyin_word(word: str) -> bool:
    """Whether ``word`` splits into one to three pinyin syllables ("jianfeng")."""
    n = len(word)
    reach = [False] * (n + 1)
    reach[0] = True
    for _ in range(3):
        nxt = [False] * (n + 1)
        for i in range(n):
            if reach[i]:
                for j in range(i + 1, min(n, i + 6) + 1):
                    if _PINYIN.fullmatch(word, i, j):
                        nxt[j] = True
        if nxt[n]:
            return True
        reach = nxt
    return False


def _one_edit_ok(a: str, b: str) -> bool:
    """A one-letter typo or transliterated vowel, not a different name.

    The first letter must agree, and a changed *last* letter is refused
    (Mario/Maria, Giulio/Giulia); pinyin-only pairs are refused (Jian/Jiao).
    """
    if min(len(a), len(b)) < MIN_TYPO_NAME or a[0] != b[0]:
        return False
    if Levenshtein.distance(a, b) != 1:
        return False
    if _is_pinyin_word(a) and _is_pinyin_word(b):
        return False
    for op in Levenshtein.editops(a, b):
        if op.tag == "replace" and op.src_pos == len(a) - 1:
            return False
    return True


def _first_names_match(a: str, b: str) -> str | None:
    """How two first names are one: "same", "short", "typo", "initial"; else None."""
    if a == b:
        return "same"
    short, long = sorted((a, b), key=len)
    if len(short) == 1:
        return "initial" if long.startswith(short) else None
    if len(short) >= MIN_SHORT_NAME and long.startswith(short):
        rest = long[len(short):]
        if _is_pinyin_word(short) and _is_pinyin_word(rest):
            return None  # "Jian" is not short for "Jianfeng"
        return "short"
    return "typo" if _one_edit_ok(a, b) else None


def _middles_match(a: list[str], b: list[str]) -> bool:
    """Middle names agree where both print them (an initial matches a name)."""
    short, long = sorted((a, b), key=len)
    i = 0
    for token in short:
        while i < len(long) and not (long[i] == token or (len(token) == 1 and long[i].startswith(token))
                                     or (len(long[i]) == 1 and token.startswith(long[i]))):
            i += 1
        if i == len(long):
            return False
        i += 1
    return True


def variant_kind(a: str, b: str) -> str | None:
    """How two person names could spell one person, or None when they cannot.

    "same" (equal keys), "middle" (a dropped middle name or initial), "short"
    (a short first name), "typo" (one letter, first or last name), "initial".
    """
    ta, tb = name_key(a).split(), name_key(b).split()
    if ta == tb:
        return "same"
    if len(ta) < 2 or len(tb) < 2:
        return None
    first = _first_names_match(ta[0], tb[0])
    if ta[-1] == tb[-1]:
        last_typo = False
    elif first == "same" and _one_edit_ok(ta[-1], tb[-1]):
        last_typo = True
    else:
        return None
    if first is None or not _middles_match(ta[1:-1], tb[1:-1]):
        return None
    if last_typo:
        return "typo" if ta[1:-1] == tb[1:-1] else None
    if first == "same":
        return "middle"
    return first


@dataclass
class _Node:
    key: str
    spellings: Counter = field(default_factory=Counter)
    papers: array | np.ndarray = field(default_factory=lambda: array("i"))
    """The papers printing the name, by number, in order and each once (an array: a set took about
    forty bytes a paper, fifteen names a paper)."""
    records: array | np.ndarray = field(default_factory=lambda: array("i"))
    """The records printing the name, by number: gathered in an array, then sorted and unique
    (four bytes a record, where a set of (file, index) tuples took about a hundred)."""


def _meet(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two sorted arrays of record numbers share one."""
    if not len(a) or not len(b):
        return False
    if len(a) > len(b):
        a, b = b, a
    at = np.searchsorted(b, a)
    at[at == len(b)] = len(b) - 1
    return bool((b[at] == a).any())


def _blocks(nodes: dict[str, _Node]) -> set[tuple[str, str]]:
    """Candidate pairs: same last name, or same first name and last-name start."""
    by: dict[tuple, list[str]] = defaultdict(list)
    for key in nodes:
        tokens = key.split()
        if len(tokens) < 2:
            continue
        by[("last", tokens[-1])].append(key)
        by[("first", tokens[0], tokens[-1][:2])].append(key)
    pairs: set[tuple[str, str]] = set()
    for members in by.values():
        # Names printed in exactly the same records are two people (resolve_people skips a pair
        # sharing a record), so they are never paired: one list of 10,000 names sharing a few last
        # names would otherwise make tens of millions of pairs only to drop them.
        groups: dict[bytes, list[str]] = defaultdict(list)
        for key in members:
            groups[nodes[key].records.tobytes()].append(key)  # (equal bytes: the same set of records)
        listed = list(groups.items())
        for g, (records, keys) in enumerate(listed):
            if not records:  # printed in no record: nothing says they are two
                keys = sorted(keys)
                pairs.update((keys[i], keys[j]) for i in range(len(keys)) for j in range(i + 1, len(keys)))
            for _, others in listed[g + 1:]:
                pairs.update((a, b) if a < b else (b, a) for a in keys for b in others)
    return pairs


def _printed(paper: Paper) -> Iterator[tuple[str, int]]:
    """(spelling stripped, the record printing it: its place among the paper's records, or -1 for
    the paper's author list) for every name the paper prints, in that order."""
    for k, rec in enumerate(paper.records):
        for spelling in rec.authors:
            yield spelling.strip(), k
    for spelling in paper.authors:
        yield spelling.strip(), -1


def resolve_people(papers: list[Paper]) -> People:
    """One Agent per real author; every printed spelling maps to its agent."""
    # a spelling is printed again and again (every record of every paper): its key and shape once
    keys: dict[str, str] = {}
    organization: dict[str, bool] = {}
    orgs: dict[str, Counter] = defaultdict(Counter)
    nodes: dict[str, _Node] = {}
    first = 0  # the records are numbered in the order they come: the paper's first one's number
    for number, paper in enumerate(papers):
        for spelling, k in _printed(paper):
            key = keys.get(spelling)
            if key is None:
                key = keys[spelling] = name_key(spelling)
                organization[spelling] = is_organization(spelling)
            if not key:
                continue
            if organization[spelling]:
                orgs[key][spelling] += 1
                continue
            node = nodes.get(key)
            if node is None:  # (not setdefault: that would make a node for every occurrence)
                node = nodes[key] = _Node(key)
            node.spellings[spelling] += 1
            if not node.papers or node.papers[-1] != number:  # (the papers come in order)
                node.papers.append(number)
            if k >= 0:
                node.records.append(first + k)
        first += len(paper.records)
    for node in nodes.values():
        node.records = np.unique(np.frombuffer(node.records, dtype=np.int32))
        node.papers = np.frombuffer(node.papers, dtype=np.int32)

    def people_of(number: int) -> frozenset[str]:
        return frozenset(k for s, _ in _printed(papers[number]) if (k := keys[s]) and not organization[s])

    @lru_cache(maxsize=None)
    def coauthors(key: str) -> frozenset[str]:
        """Everyone on a paper with ``key``: asked only of the few near-identical names."""
        return frozenset().union(*(people_of(p) for p in nodes[key].papers.tolist()))

    parent = {k: k for k in nodes}
    comp_records = {k: n.records for k, n in nodes.items()}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    usual = {k: n.spellings.most_common(1)[0][0] for k, n in nodes.items()}  # each key's commonest spelling
    for a, b in sorted(_blocks(nodes)):
        kind = variant_kind(usual[a], usual[b])  # (first: most pairs of a block are no variants)
        if kind is None:
            continue
        na, nb = nodes[a], nodes[b]
        if _meet(na.records, nb.records):
            continue  # printed side by side in one list: two people
        shared = len((coauthors(a) & coauthors(b)) - {a, b})
        same_paper = _meet(na.papers, nb.papers)
        needed = INITIAL_EVIDENCE if kind == "initial" else 1
        if not (same_paper or shared >= needed):
            continue
        ra, rb = find(a), find(b)
        if ra == rb or _meet(comp_records[ra], comp_records[rb]):
            continue
        if rb < ra:
            ra, rb = rb, ra
        parent[rb] = ra
        comp_records[ra] = np.union1d(comp_records[ra], comp_records.pop(rb))
    del comp_records, people_of, coauthors

    members: dict[str, list[_Node]] = defaultdict(list)
    for k in sorted(nodes):
        members[find(k)].append(nodes[k])

    agents: dict[str, Agent] = {}
    key_of: dict[str, str] = {}
    for group in members.values():
        spell = Counter()
        paper_count = Counter()
        for n in group:
            spell.update(n.spellings)
            for s in n.spellings:
                paper_count[s] += len(n.papers)
        name = max(spell, key=lambda s: (paper_count[s], spell[s], len(s), _neg(s)))
        agent = Agent(key=name_key(name), name=name, spellings=set(spell))
        agents[agent.key] = agent
        for n in group:
            key_of[n.key] = agent.key
    org_key_of: dict[str, str] = {}
    for key, spellings in sorted(orgs.items()):
        name = max(spellings, key=lambda s: (spellings[s], _neg(s)))
        akey = key if key not in agents else f"{key} (organization)"
        agents[akey] = Agent(key=akey, name=name, spellings=set(spellings), is_organization=True)
        org_key_of[key] = akey

    agent_of: dict[str, str] = {}
    for spelling, key in keys.items():
        target = (org_key_of if organization[spelling] else key_of).get(key) if key else None
        if target is not None:
            agent_of[spelling] = target
    return People(agents=dict(sorted(agents.items())), agent_of=agent_of,
                  papers={p.key: p for p in papers})


def _neg(s: str) -> tuple[int, ...]:
    """Sort key that prefers the alphabetically first spelling under max()."""
    return tuple(-ord(ch) for ch in s)
