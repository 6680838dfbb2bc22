"""Many records -> one Paper per real paper (same arXiv id, title or abstract).

Records are joined greedily, strongest evidence first: a shared arXiv id,
then a shared DOI, then an equal title, then near-duplicate abstracts (two
versions of one abstract differ by a sentence or two). A join is refused
when the two groups carry different arXiv ids, or different titles with
abstracts that are not nearly identical: this keeps "ChatQA" apart from
"ChatQA 2" and a paper apart from its follow-up.

Abstract candidates come from bottom-k sketches of word-shingle hashes, so
only records sharing a rare shingle are ever compared (no all-pairs pass).
An abstract listed again word for word (the same listing in many files) joins
its first listing directly and takes no place in the sketches: otherwise a few
dozen copies fill every bucket past MAX_BUCKET, and the copies stay apart.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from array import array
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from kg.records.clean import clean_text
from kg.records.record import Record
from kg.keys import fold, title_key

SHINGLE = 3
"""Words per shingle."""
SKETCH = 24
"""Smallest shingle hashes kept per abstract (bottom-k sketch) for blocking."""
MAX_BUCKET = 32
"""A sketch value shared by more distinct abstracts than this is a stock phrase: ignored.
(Word-for-word copies count once: they are joined before blocking.)"""
MIN_SHARED = 2
"""Sketch values two abstracts must share before they are compared at all
(versions of one abstract share about SKETCH x Jaccard >= 6 of them)."""
MIN_SHINGLES = 8
"""Abstracts with fewer shingles are too short to match on."""
SAME_ABSTRACT = 0.25
"""Shingle Jaccard at which two abstracts are versions of one (other papers stay < 0.05)."""
CONTAINED = 0.5
"""...or the share of the shorter abstract found in the longer one (a cut-short copy)."""
SAME_DESPITE_TITLES = 0.7
"""Jaccard needed to join records whose (different) titles both came from the source."""
MIN_TITLE_KEY = 8
"""Title keys shorter than this ("introduction") never join records on their own."""
KEEP_SHINGLES = 20_000
"""Shingle sets of compared abstracts kept at once (about 1.3 KB each)."""
LABEL_CHARS = 160
"""Longest label made from a first sentence when no record gives a title."""


AbstractOf = Callable[[Record], "str | None"]
"""A record's abstract: its own (:func:`own_abstract`), or one kept on disk for a slim record
(kg.records.abstracts.Abstracts)."""


def own_abstract(r: Record) -> str | None:
    return r.abstract


@dataclass(slots=True)
class Paper:
    """One real paper and every record that lists it."""

    key: str
    """Stable key: "arxiv:2402.16819", else "title:<name key>", else "abstract:<hash>"."""
    records: list[Record] = field(default_factory=list)
    title: str | None = None
    title_guessed: bool = False
    """True when no record gave a title and the label is the first sentence."""
    arxiv_id: str | None = None
    doi: str | None = None
    date: str | None = None
    abstract: str | None = None
    """The fullest abstract among the records (verbatim); None also when it is not held
    (``abstract_from``): :meth:`abstract_text` says."""
    authors: Sequence[str] = ()
    """People and organisations in printed order: the fullest author list (that record's own)."""
    authors_not_shown: int | None = None
    author_count: int | None = None
    """Authors in all, where a source says (shown + not shown, or "N authors")."""
    comments: str | None = None
    abstract_from: Record | None = None
    """The record whose abstract is the paper's, when the records' abstracts are read with
    ``abstracts`` (kept on disk, not in the records) and the paper holds none itself."""
    abstracts: AbstractOf | None = None
    """How the records' abstracts are read (None: they hold them)."""

    def abstract_text(self) -> str | None:
        """The paper's abstract, read back where it is not held."""
        if self.abstract_from is not None and self.abstracts is not None:
            return self.abstracts(self.abstract_from)
        return self.abstract


def _hard_title(r: Record) -> str | None:
    """Title key of a title the source printed as such (not a guessed split)."""
    if r.title and r.extra.get("title_split") != "heuristic":
        key = title_key(r.title)
        return key if len(key) >= MIN_TITLE_KEY else None
    return None


def _any_title(r: Record) -> str | None:
    key = title_key(r.title) if r.title else ""
    return key if len(key) >= MIN_TITLE_KEY else None


def _word_hash(cache: dict[str, int], word: str) -> int:
    h = cache.get(word)
    if h is None:
        h = cache[word] = zlib.crc32(word.encode("utf-8"))
    return h


def shingles(text: str, cache: dict[str, int] | None = None) -> set[int]:
    """Hashes of the word 3-grams of the cleaned, folded text."""
    cache = {} if cache is None else cache
    if "\\" in text or "{" in text or "}" in text:
        text = clean_text(text)
    folded = fold(text).split()
    words = list(map(cache.get, folded))  # (most words are in the cache: looked up at C speed)
    if None in words:
        words = [_word_hash(cache, w) if h is None else h for w, h in zip(folded, words)]
    return set(map(hash, zip(*(words[k:] for k in range(SHINGLE)))))  # the hash of each run of SHINGLE words


def similarity(a: set[int], b: set[int]) -> float:
    """Jaccard, or containment scaled to the same threshold for cut-short copies."""
    if len(a) < MIN_SHINGLES or len(b) < MIN_SHINGLES:
        return 0.0
    inter = len(a & b)
    jac = inter / (len(a) + len(b) - inter)
    con = inter / min(len(a), len(b))
    return max(jac, con * SAME_ABSTRACT / CONTAINED)


def _as_set(v: str | frozenset[str] | None) -> frozenset[str]:
    return frozenset() if v is None else frozenset((v,)) if isinstance(v, str) else v


def _union(a: str | frozenset[str] | None, b: str | frozenset[str] | None) -> str | frozenset[str] | None:
    if b is None or a == b:
        return a
    if a is None:
        return b
    return _as_set(a) | _as_set(b)


class _Groups:
    """Union-find whose groups remember their arXiv ids and printed titles: one value per record
    (None, a string, or a set once a group has several), not a set per record (two empty sets a
    record took about 430 bytes)."""

    def __init__(self, records: list[Record]):
        self.parent = array("i", range(len(records)))
        self.ids: list[str | frozenset[str] | None] = [r.arxiv_id or None for r in records]
        self.titles: list[str | frozenset[str] | None] = [_hard_title(r) for r in records]

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def conflict(self, a: int, b: int, sim: float | None) -> bool:
        ra, rb = self.find(a), self.find(b)
        ia, ib = self.ids[ra], self.ids[rb]
        if ia and ib and ia != ib and _as_set(ia) != _as_set(ib):
            return True
        ta, tb = self.titles[ra], self.titles[rb]
        if sim is not None and ta and tb and not (_as_set(ta) & _as_set(tb)):
            return sim < SAME_DESPITE_TITLES
        return False

    def join(self, a: int, b: int, sim: float | None = None) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or self.conflict(ra, rb, sim):
            return
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.ids[ra] = _union(self.ids[ra], self.ids[rb])
        self.titles[ra] = _union(self.titles[ra], self.titles[rb])
        self.ids[rb] = self.titles[rb] = None


Sketch = tuple[bytes, int, array]
"""An abstract's blocking keys: (digest of its shingles, how many there are, the SKETCH smallest)."""
Sketches = Mapping[tuple[str, int], "Sketch | None"]
"""(file, index) of a record -> its abstract's :data:`Sketch` (None: too short to match on)."""


def sketch(abstract: str, cache: dict[str, int] | None = None) -> Sketch | None:
    """The blocking keys of one abstract, None when it is too short to match on: all that
    blocking needs of it, so they can be computed where the record is read (a Dask worker)."""
    return sketch_of(shingles(abstract, cache))


def sketch_of(s: set[int]) -> Sketch | None:
    """:func:`sketch` of an abstract's shingles (None: too few to match on)."""
    if len(s) < MIN_SHINGLES:
        return None
    ordered = array("q", sorted(s))
    return hashlib.blake2b(ordered.tobytes(), digest_size=16).digest(), len(s), ordered[:SKETCH]


def _abstract_pairs(records: list[Record], keep: dict | None = None,
                    sketches: Sketches | None = None,
                    abstract_of: AbstractOf = own_abstract) -> list[tuple[float, int, int]]:
    """(similarity, i, j) for record pairs whose abstracts are versions of one; ``sketches``: the
    records' blocking keys computed already (the others are computed here); ``abstract_of``: how
    a record's abstract is read.

    Only each abstract's sketch and shingle count are kept while the buckets fill, in flat
    arrays (a set of every abstract's shingles took about 15 KB a record); the shingles of
    the few pairs compared are computed again. ``keep`` (a dict) is given the sketches, sizes and
    first listings, for a store's resolution index (kg.resolve.index) to place later records."""
    cache: dict[str, int] = {}
    sizes = array("i", bytes(4 * len(records)))  # each abstract's shingle count (0: not in the sketches)
    owner, value = array("i"), array("q")  # one entry per sketch value: (record, shingle hash)
    first: dict[tuple[bytes, str | None], int] = {}
    pairs = []
    given = sketches or {}
    for i, r in enumerate(records):
        keys = given.get((r.file, r.index), False)
        if keys is False:
            abstract = abstract_of(r)
            if not abstract:
                continue
            keys = sketch(abstract, cache)
        elif not abstract_of(r):
            continue
        if keys is None:
            continue
        digest, size, values = keys
        # The same words again (under the same arXiv id, or none): one pair to the first listing.
        # Keyed by id too, so that a copy under another id still meets the other abstracts itself.
        seen = first.setdefault((digest, r.arxiv_id), i)
        if seen != i:
            pairs.append((1.0, seen, i))
            continue
        sizes[i] = size
        owner.extend([i] * len(values))
        value.extend(values)
    if keep is not None:  # the index's rows take a record's shingle count by position (0: not sketched)
        keep.update(owner=owner, value=value, sizes=sizes, first=first)
    del first
    # every pair of records sharing a sketch value, as the number i * n + j (i < j): 8 bytes a pair,
    # where a Counter of (i, j) tuples took about 150 (a stock phrase pairs 32 abstracts 496 ways)
    n = len(records)
    codes = array("q")
    for members in _buckets(owner, value):
        if len(members) > MAX_BUCKET:
            continue
        for x in range(len(members)):
            base = members[x] * n
            codes.extend([base + j for j in members[x + 1:]])
    del owner, value
    shared, counts = _counted(codes)
    del codes
    # only the pairs compared leave numpy (as Python ints, about 80 bytes a pair: most pairs are not)
    firsts, seconds = np.divmod(shared, n)
    del shared
    counts_of = np.frombuffer(sizes, dtype=np.int32)
    compared = (counts >= MIN_SHARED) | (counts_of[firsts] < SKETCH) | (counts_of[seconds] < SKETCH)
    firsts, seconds = firsts[compared].tolist(), seconds[compared].tolist()
    del counts, compared, counts_of
    # the shingles of the records compared, as arrays (a set of 150 took about 9 KB), the latest
    # KEEP_SHINGLES kept: half the records of a corpus of templated abstracts are compared
    sets: OrderedDict[int, np.ndarray] = OrderedDict()

    def shingles_of(i: int) -> np.ndarray:
        got = sets.get(i)
        if got is None:
            got = sets[i] = np.fromiter(shingles(abstract_of(records[i]), cache), dtype=np.int64)
            if len(sets) > KEEP_SHINGLES:
                sets.popitem(last=False)
        return got

    for i, j in zip(firsts, seconds):
        sim = _similarity(shingles_of(i), shingles_of(j))
        if sim >= SAME_ABSTRACT:
            pairs.append((sim, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    return pairs


def _counted(codes: array) -> tuple[np.ndarray, np.ndarray]:
    """(each distinct value, how many times it occurs) of ``codes``, sorted, as ``np.unique`` with
    ``return_counts`` gives them: sorted in place (np.unique sorts a copy, eight bytes a pair more)."""
    values = np.frombuffer(codes, dtype=np.int64)
    if not len(values):
        return values, np.zeros(0, dtype=np.int64)
    values.sort()
    edge = np.empty(len(values), dtype=bool)
    edge[0] = True
    np.not_equal(values[1:], values[:-1], out=edge[1:])
    starts = np.flatnonzero(edge)
    del edge
    return values[starts], np.diff(np.append(starts, len(values)))


def _similarity(a: np.ndarray, b: np.ndarray) -> float:
    """:func:`similarity` of two shingle sets held as arrays of distinct values."""
    if len(a) < MIN_SHINGLES or len(b) < MIN_SHINGLES:
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    jac = inter / (len(a) + len(b) - inter)
    con = inter / min(len(a), len(b))
    return max(jac, con * SAME_ABSTRACT / CONTAINED)


def _buckets(owner: array, value: array) -> Iterator[list[int]]:
    """The records sharing each sketch value, each list in record order (as they were added).
    Sorted a slice of the values at a time (by their lowest bits): the sort's copies of a
    million records' sketches would take about 600 MB at once."""
    if not value:
        return
    owners = np.frombuffer(owner, dtype=np.int32)
    values = np.frombuffer(value, dtype=np.int64)
    slices = 1 << max(0, (len(values) // 4_000_000).bit_length())
    for part in range(slices):
        if slices > 1:
            mask = (values & (slices - 1)) == part
            vals, owns = values[mask], owners[mask]
            del mask
        else:
            vals, owns = values, owners
        order = np.argsort(vals, kind="stable")  # stable: a value's records stay in record order
        vals, owns = vals[order], owns[order]
        del order
        starts = np.flatnonzero(np.r_[True, vals[1:] != vals[:-1]])
        ends = np.r_[starts[1:], len(vals)]
        sizes = ends - starts
        for a, b in zip(starts[sizes >= 2].tolist(), ends[sizes >= 2].tolist()):
            yield owns[a:b].tolist()


def group_records(records: list[Record], keep: dict | None = None,
                  sketches: Sketches | None = None, abstracts: AbstractOf | None = None) -> list[list[Record]]:
    """Records grouped per paper, each group sorted by (file, index); ``keep``: see _abstract_pairs
    (its positions are those of the records sorted, ``keep["records"]``); ``sketches``: the
    abstracts' blocking keys where they were computed already (:func:`sketch`); ``abstracts``: how
    the records' abstracts are read (kept on disk for slim records: kg.records.abstracts)."""
    records = sorted(records, key=lambda r: (r.file, r.index))
    if keep is not None:
        keep["records"] = records
    return join_groups(records, _abstract_pairs(records, keep, sketches, own_abstract if abstracts is None else abstracts))


def join_groups(records: list[Record], pairs: Iterable[tuple[float, int, int]]) -> list[list[Record]]:
    """``records`` (sorted by file and index) grouped per paper: joined by arXiv id, DOI and title
    key, then by the ``pairs`` (similarity, i, j) of abstracts that are versions of one."""
    groups = _Groups(records)
    for keyer in (lambda r: r.arxiv_id, lambda r: (r.doi or "").lower() or None, _any_title):
        first: dict[str, int] = {}
        for i, r in enumerate(records):
            k = keyer(r)
            if k:
                groups.join(first.setdefault(k, i), i)
    for sim, i, j in pairs:
        groups.join(i, j, sim)
    members: dict[int, list[Record]] = defaultdict(list)
    for i, r in enumerate(records):
        members[groups.find(i)].append(r)
    return list(members.values())


def first_sentence(text: str) -> str:
    """The abstract's first sentence, cleaned and cut to :data:`LABEL_CHARS`."""
    text = clean_text(text[: LABEL_CHARS * 8])
    m = re.search(r"[.!?](?=\s+[A-Z0-9(\"“])", text[: LABEL_CHARS * 4])
    sentence = text[: m.start() + 1] if m else text
    if len(sentence) > LABEL_CHARS:
        cut = sentence.rfind(" ", 0, LABEL_CHARS)
        sentence = sentence[: cut if cut > 0 else LABEL_CHARS].rstrip(" ,;:") + "…"
    return sentence


def _paper(records: list[Record], abstracts: AbstractOf | None = None) -> Paper:
    """The paper of a group of records; ``abstracts``: the records' abstracts are read with it, and
    the paper holds none (it names the record whose abstract it is: :meth:`Paper.abstract_text`)."""
    abstract_of = own_abstract if abstracts is None else abstracts
    ids = sorted({r.arxiv_id for r in records if r.arxiv_id})
    hard = [r for r in records if r.title and r.extra.get("title_split") != "heuristic"]
    soft = [r for r in records if r.title and r not in hard]
    titled = hard or soft
    title = None
    if titled:
        counts = Counter(title_key(r.title) for r in titled)
        best = max(counts.values())
        title = next(r.title for r in titled if counts[title_key(r.title)] == best)
    with_abstract = [(r, text) for r in records if (text := abstract_of(r))]
    abstract_rec, abstract = max(
        with_abstract,
        key=lambda rt: (rt[0].extra.get("title_split") != "heuristic", len(rt[1])),
        default=(None, None),
    )
    del with_abstract
    author_rec = max(records, key=lambda r: len(r.authors))  # max keeps the first on ties
    counts_given = [len(r.authors) + r.authors_not_shown for r in records if r.authors_not_shown is not None]
    counts_given += [int(r.extra["author_count"]) for r in records if r.extra.get("author_count", "").isdigit()]
    dates = sorted(r.date for r in records if r.date)
    paper = Paper(
        key="",
        records=records,
        title=title,
        arxiv_id=ids[0] if ids else None,
        doi=next((r.doi for r in records if r.doi), None),
        date=dates[0] if dates else None,
        abstract=abstract if abstracts is None else None,
        authors=author_rec.authors,
        authors_not_shown=author_rec.authors_not_shown,
        author_count=max(counts_given) if counts_given else (len(author_rec.authors) or None),
        comments=next((r.comments for r in records if r.comments), None),
    )
    if abstracts is not None and abstract is not None:
        paper.abstract_from, paper.abstracts = abstract_rec, abstracts
    if title is None and abstract:
        paper.title = first_sentence(abstract)
        paper.title_guessed = True
    paper.key = _key(paper)
    return paper


def _key(paper: Paper) -> str:
    if paper.arxiv_id:
        return f"arxiv:{paper.arxiv_id}"
    if paper.title and not paper.title_guessed and title_key(paper.title):
        return f"title:{title_key(paper.title)}"
    abstract_of = own_abstract if paper.abstracts is None else paper.abstracts
    texts = sorted(fold(clean_text(abstract_of(r) or r.text)) for r in paper.records)
    digest = hashlib.sha256(texts[0].encode("utf-8")).hexdigest()[:16]
    return f"abstract:{digest}"


def cluster_papers(records: list[Record], keep: dict | None = None,
                   sketches: Sketches | None = None, abstracts: AbstractOf | None = None) -> list[Paper]:
    """One Paper per real paper, sorted by key; keys are unique and stable. ``keep``, ``sketches``,
    ``abstracts``: see group_records."""
    return papers_of(group_records(records, keep, sketches, abstracts), abstracts)


def papers_of(groups: Iterable[list[Record]], abstracts: AbstractOf | None = None) -> list[Paper]:
    """One Paper per group of records, sorted by key; a key met again is numbered ("key~2");
    ``abstracts``: see :func:`_paper`."""
    papers = sorted((_paper(g, abstracts) for g in groups), key=lambda p: (p.key, p.records[0].file, p.records[0].index))
    seen: Counter[str] = Counter()
    for p in papers:
        seen[p.key] += 1
        if seen[p.key] > 1:
            p.key = f"{p.key}~{seen[p.key]}"
    return papers
