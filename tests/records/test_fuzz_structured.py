"""Structured fuzzing of every reader: inputs shaped like each format, with nesting depth and list
sizes drawn as strategies (JSON and BibTeX braces nested hundreds deep, XML elements thousands
deep, author lists of hundreds of names, many records, each piece possibly cut or garbled).

Whatever comes in, a reader yields Records and Problems and never lets an exception out; each
record's text is (white space collapsed) a piece of the input, so evidence quoted from it stays
checkable; author lists stay within MAX_AUTHORS. Example counts and per-example deadlines keep the
whole file to tens of seconds.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import kg.records.formats  # noqa: F401  (registers the readers)
from kg.records import registry
from kg.records.formats.arxiv_snapshot import readable_line
from kg.records.io import parse_text
from kg.records.limits import MAX_AUTHORS
from kg.records.record import Problem, Record

FUZZ = settings(max_examples=40, deadline=timedelta(seconds=10),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
                phases=[Phase.explicit, Phase.reuse, Phase.generate])
"""No shrinking: a failure is reported as drawn (shrinking inputs this size took minutes)."""

# -- pieces -------------------------------------------------------------------------------------

# text as decode() hands it to readers: no NUL, no CR, no lone surrogates; odd Unicode welcome
chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r")
words = st.text(alphabet=chars, max_size=25)
FIRST = ["Ilsa", "Quin", "Bram", "Rhea", "Joran", "Soma", "Dela", "Ana-Lu", "O'Kelp", "Zoë"]
LAST = ["Marden", "Osric", "Corvane", "Elswick", "van der Tide", "Nørby", "Jr.", "{\\o}ster"]
invented = st.builds(lambda f, i, l: f"{f} {i}{l}", st.sampled_from(FIRST), st.sampled_from(["", "A. ", "B.-C. "]),
                     st.sampled_from(LAST))
name = st.one_of(invented, words)
list_size = st.integers(min_value=0, max_value=200)
"""How many authors (or other list items) a record prints."""
depth = st.integers(min_value=0, max_value=600)
"""How deep brackets, braces or elements nest (JSON past ~1,000 is tested on its own)."""
deep = st.integers(min_value=0, max_value=5_000)
"""Nesting past Python's recursion limit, for readers whose parser is not recursive."""
ARXIV_IDS = ["2501.00001", "2501.00002v3", "hep-th/9901001", "2501.0000", "9999.99999v99"]


def names(n: int, one=name) -> st.SearchStrategy[list[str]]:
    return st.lists(one, min_size=n, max_size=n)


def maybe_cut(text: str, cut: float | None) -> str:
    """The text, or only its first part (a download cut short)."""
    return text if cut is None else text[: int(len(text) * cut)]


often = st.integers(0, 4).map(bool)
"""True four times in five: most pieces are whole, so most examples also make records."""
cut = often.flatmap(lambda whole: st.none() if whole else st.floats(min_value=0, max_value=1))
xml_chars = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
xml_words = st.text(alphabet=xml_chars, max_size=25)
"""Text XML may hold (no C0 controls): garbling is left to the strategy's own choices."""


# -- one strategy per format ----------------------------------------------------------------------

json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), words)


def json_value(max_leaves: int = 20):
    return st.recursive(json_scalar, lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.dictionaries(words, inner, max_size=5)), max_leaves=max_leaves)


@st.composite
def jsonl_texts(draw, nesting=depth):
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        n = draw(list_size)
        authors = draw(st.one_of(names(n), st.builds(" and ".join, names(n)),
                                 st.lists(st.builds(lambda v: {"name": v}, name), max_size=n), json_value()))
        obj = {"title": draw(st.one_of(words, json_value())), "authors": authors,
               "abstract": draw(st.one_of(words, json_value())),
               draw(st.sampled_from(["arxiv_id", "id", "url", "eprint"])): draw(st.sampled_from(ARXIV_IDS)),
               draw(st.sampled_from(["date", "published", "year"])): draw(st.one_of(words, st.integers())),
               "authors_not_shown": draw(st.one_of(st.integers(), st.booleans(), words))}
        line = json.dumps(obj, ensure_ascii=draw(st.booleans()))
        d = draw(nesting)
        if d:  # a field nested d deep, closed or not
            line = line[:-1] + ', "x": ' + "[" * d + ("]" * d if draw(often) else "") + "}"
        lines.append(maybe_cut(line, draw(cut)))
    return "\n".join(lines) + "\n"


def braces(d: int, inner: str, closed: bool) -> str:
    return "{" * d + inner + ("}" * d if closed else "")


@st.composite
def bibtex_texts(draw):
    entries = []
    for k in range(draw(st.integers(1, 5))):
        people = draw(names(draw(list_size)))
        field = " and ".join(people) + draw(st.sampled_from(["", " and others", " and"]))
        title = braces(draw(st.one_of(depth, deep)), draw(words), draw(often))
        kind = draw(st.sampled_from(["article", "misc", "inproceedings", "comment", "string", "preamble", "x"]))
        body = (f"@{kind}{{key{k},\n  title = {{{title}}},\n  author = {{{field}}},\n"
                f"  eprint = {{{draw(st.sampled_from(ARXIV_IDS))}}},\n  year = {{{draw(words)}}},\n"
                f"  abstract = {{{draw(words)}}}\n}}\n")
        entries.append(maybe_cut(body, draw(cut)))
    return "\n".join(entries)


def xml_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def atom_texts(draw):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
           'xmlns:arxiv="http://arxiv.org/schemas/atom">\n']
    for _ in range(draw(st.integers(1, 5))):
        escape = draw(often)  # unescaped "<" and "&" make an entry ill-formed
        text = (lambda s: xml_escape(s)) if escape else (lambda s: s)
        d = draw(st.one_of(depth, deep))
        nested = "<x>" * d + text(draw(xml_words)) + ("</x>" * d if draw(often) else "")
        people = "".join(f"<author><name>{text(p)}</name></author>\n" for p in draw(names(draw(list_size), st.one_of(invented, xml_words))))
        entry = (f"<entry>\n<id>http://arxiv.org/abs/{draw(st.sampled_from(ARXIV_IDS))}</id>\n"
                 f"<title>{text(draw(xml_words))}</title>\n<summary>{text(draw(xml_words))}</summary>\n{people}"
                 f"<published>{text(draw(xml_words))}</published>\n{nested}\n"
                 f"<arxiv:doi>{text(draw(xml_words))}</arxiv:doi>\n"
                 + ("</entry>\n" if draw(often) else ""))
        out.append(maybe_cut(entry, draw(cut)))
    out.append("</feed>\n" if draw(often) else "")
    return "".join(out)


LISTING_LINES = ["Authors:", "Abstract:", "▽ More", "△ Less", "Comments: 12 pages", "-", "--",
                 "Submitted 3 January, 2025; v1 submitted 2 January, 2025; originally announced January 2025.",
                 "originally announced January 2025.", "DOI: 10.1145/1.2", "Journal ref: Nowhere 1",
                 ", et al. (40 additional authors not shown)", ":,"]


@st.composite
def listing_texts(draw):
    records = []
    for _ in range(draw(st.integers(1, 5))):
        people = draw(names(draw(list_size)))
        sep = draw(st.sampled_from([",\n", ", ", "\n"]))
        lines = [f"arXiv:{draw(st.sampled_from(ARXIV_IDS))}  [pdf, other]  cs.CL", draw(words),
                 "Authors:", sep.join(people), f"Abstract: {draw(words)}… ▽ More", draw(words), "△ Less",
                 "Submitted 3 January, 2025; originally announced January 2025."]
        for _ in range(draw(st.integers(0, 4))):  # stray or repeated labels anywhere
            lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(LISTING_LINES + [""])))
        records.append(maybe_cut("\n".join(lines), draw(cut)))
    return "\n-\n".join(records) + "\n"


@st.composite
def list_page_texts(draw):
    """/list/<category>/new: "[N] arXiv:ID", labelled lines wrapped or not, the abstract unlabelled."""
    entries = [draw(st.sampled_from(["New submissions (showing 3 of 3 entries)", "", "Total of 3 entries"]))]
    for n in range(1, draw(st.integers(1, 5)) + 1):
        people = draw(names(draw(list_size)))
        links = draw(st.sampled_from([" [pdf, html, other]", "\n [pdf, other]", " (replaced) [pdf]", ""]))
        lines = [f"[{n}] arXiv:{draw(st.sampled_from(ARXIV_IDS))}{links}", f"Title: {draw(words)}",
                 "Authors: " + draw(st.sampled_from([", ", ",\n "])).join(people),
                 draw(st.sampled_from(["Comments: 9 pages", "Journal-ref: " + draw(words), ""])),
                 "Subjects: Computation and Language (cs.CL); Machine Learning (cs.LG)",
                 draw(st.sampled_from(["", "\n"])) + draw(words) + "(" * draw(depth)]
        for _ in range(draw(st.integers(0, 3))):  # stray labels and page lines anywhere
            lines.insert(draw(st.integers(0, len(lines))),
                         draw(st.sampled_from(["Title:", "Authors:", "Subjects: (", "[pdf]", "Cross submissions (showing 1 of 1 entries)", ""])))
        entries.append(maybe_cut("\n".join(lines), draw(cut)))
    return "\n".join(entries) + "\n"


@st.composite
def abstracts_texts(draw):
    lines = []
    for _ in range(draw(st.integers(1, 8))):
        body = draw(words) + "(" * draw(depth) + draw(words)
        marker = f"arXiv:{draw(st.sampled_from(ARXIV_IDS))}" + draw(st.sampled_from(["", " - doi: 10.1145/3649329.3656543"]))
        glued = draw(st.booleans())
        lines.append(body)
        lines.extend(draw(st.lists(words, max_size=3)))  # comment lines, or blank ones
        lines.append(marker + (draw(words) if glued else ""))
    return "\n".join(lines) + "\n"


@st.composite
def abstract_lines_texts(draw):
    lines = []
    for _ in range(draw(st.integers(1, 10))):
        lines.append(draw(st.sampled_from(["Abstract:", "abstract :", "ABSTRACT:", ""])) + draw(words)
                     + "[" * draw(depth))
        lines.extend(draw(st.lists(words, max_size=2)))
    return "\n".join(lines) + "\n"


@st.composite
def hf_daily_texts(draw):
    lines = []
    for _ in range(draw(st.integers(1, 8))):
        upvotes = draw(st.sampled_from(["-", "0", "45", "999999999"]))
        n = draw(st.integers(0, 999999))
        title_words = draw(st.lists(st.sampled_from(["Kelp", "Routing", "for", "Tidepool", "Models", "We", "introduce",
                                                     "The", "a", "LLMs", "GPT-4"]), max_size=draw(st.integers(0, 200))))
        tail = f"{n} authors · {draw(st.sampled_from(['Jan', 'Feb', 'Sept', 'Xyz']))} {draw(st.integers(0, 99))}, 2025"
        lines.append(f"{upvotes} {' '.join(title_words)} {draw(words)} {tail} {draw(st.sampled_from(['', '4', '-']))}")
    return "\n".join(lines) + "\n"


@st.composite
def snapshot_texts(draw, nesting=depth):
    lines = []
    for _ in range(draw(st.integers(1, 5))):
        people = draw(names(draw(list_size)))
        parsed = draw(st.one_of(
            st.just([[p.split()[-1] if p.split() else p, " ".join(p.split()[:-1]), ""] for p in people]),
            json_value()))
        obj = {"id": draw(st.sampled_from(ARXIV_IDS)), "submitter": draw(words), "authors": ", ".join(people),
               "title": draw(st.one_of(words, json_value())), "abstract": draw(st.one_of(words, json_value())),
               "categories": draw(st.one_of(st.sampled_from(["cs.CL cs.LG", "", "math"]), json_value())),
               "versions": draw(st.one_of(st.just([{"version": "v1", "created": "Fri, 3 Jan 2025 10:00:00 GMT"}]),
                                          json_value())),
               "update_date": draw(words), "authors_parsed": parsed}
        line = json.dumps(obj, ensure_ascii=draw(st.booleans()))
        d = draw(nesting)
        if d:
            line = line[:-1] + ', "x": ' + "{\"a\": " * d + ("1" + "}" * d if draw(often) else "") + "}"
        lines.append(maybe_cut(line, draw(cut)))
    return "\n".join(lines) + "\n"


@st.composite
def oai_texts(draw):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">\n<ListRecords>\n']
    for _ in range(draw(st.integers(1, 5))):
        escape = draw(often)
        text = (lambda s: xml_escape(s)) if escape else (lambda s: s)
        raw = draw(st.booleans())
        people = draw(names(draw(list_size), st.one_of(invented, xml_words)))
        d = draw(st.one_of(depth, deep))
        nested = "<x>" * d + text(draw(xml_words)) + ("</x>" * d if draw(often) else "")
        if raw:
            meta = ('<arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/"><id>2501.00001</id>'
                    '<version version="v1"><date>Fri, 3 Jan 2025 10:00:00 GMT</date></version>'
                    f"<title>{text(draw(xml_words))}</title><authors>{text(', '.join(people))}</authors>"
                    f"<abstract>{text(draw(xml_words))}</abstract>{nested}</arXivRaw>")
        else:
            listed = "".join(f"<author><keyname>{text(p)}</keyname><forenames>{text(draw(xml_words))}</forenames></author>"
                             for p in people)
            meta = ('<arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>2501.00001</id><created>2025-01-03</created>'
                    f"<authors>{listed}</authors><title>{text(draw(xml_words))}</title>"
                    f"<abstract>{text(draw(xml_words))}</abstract>{nested}</arXiv>")
        header = draw(st.sampled_from(["<header>", '<header status="deleted">']))
        record = (f"<record>\n{header}\n <identifier>oai:arXiv.org:2501.00001</identifier>\n</header>\n"
                  f"<metadata>\n {meta}\n</metadata>\n" + ("</record>\n" if draw(often) else ""))
        out.append(maybe_cut(record, draw(cut)))
    out.append("</ListRecords>\n</OAI-PMH>\n" if draw(often) else "")
    return "".join(out)


REPOS = ["kelp-lab/Kelp-7B", "kelp-lab/Kelp-7B-Instruct", "tide/Marlin-2-13B-GGUF", "x", "a/b/c", ""]
RELATIONS = ["finetune", "adapter", "quantized", "merge", "", "Finetune", "sideways"]


@st.composite
def yaml_value(draw, nesting=depth):
    """A YAML value: a scalar, a list of repos, or a flow mapping nested ``nesting`` deep, maybe unclosed."""
    d = draw(nesting)
    leaf = draw(st.one_of(st.sampled_from(REPOS), words.map(json.dumps)))
    return draw(st.sampled_from([leaf, f"[{leaf}, {draw(st.sampled_from(REPOS))}]",
                                 "{a: " * d + leaf + ("}" * d if draw(often) else ""),
                                 "[" * d + leaf + ("]" * d if draw(often) else "")]))


@st.composite
def model_card_texts(draw):
    """README.md with YAML front matter (base_model, relation, tags, datasets), cut or unclosed at times."""
    keys = ["base_model", "base_model_relation", "tags", "datasets", "license", "library_name", "model-index"]
    meta = [f"{draw(st.sampled_from(keys))}: {draw(yaml_value())}" for _ in range(draw(st.integers(0, 8)))]
    meta += [f"  - {draw(st.sampled_from(REPOS))}" for _ in range(draw(list_size))]
    meta += draw(st.lists(st.sampled_from(["&a [x, *a]", "!!python/object:os.system ls", "*undefined",
                                           "base_model: !!binary aGk=", "? complex key"]), max_size=2))
    fence = draw(st.sampled_from(["---", "--- ", "----", ""]))
    closing = "---" if draw(often) else ""
    body = draw(words)
    return maybe_cut(f"{fence}\n" + "\n".join(meta) + f"\n{closing}\n# Card\n{body}\n", draw(cut))


@st.composite
def hub_models_texts(draw, nesting=depth):
    """Hub model metadata lines: id, tags (base_model:REL:ID, arxiv:ID), cardData, some nested deep or cut."""
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        tags = [f"base_model:{draw(st.sampled_from(RELATIONS))}:{draw(st.sampled_from(REPOS))}"
                for _ in range(draw(st.integers(0, 4)))]
        tags += [f"arxiv:{draw(st.sampled_from(ARXIV_IDS))}" for _ in range(draw(st.integers(0, 2)))]
        tags += draw(st.lists(words, max_size=3))
        obj = {"id": draw(st.sampled_from(REPOS)), "author": draw(words), "tags": draw(st.one_of(st.just(tags), json_value())),
               "cardData": draw(st.one_of(st.just({"base_model": draw(st.sampled_from(REPOS))}), json_value())),
               "pipeline_tag": draw(words), "createdAt": "2025-01-03T10:00:00.000Z"}
        line = json.dumps(obj, ensure_ascii=draw(st.booleans()))
        d = draw(nesting)
        if d:
            line = line[:-1] + ', "x": ' + "[" * d + ("]" * d if draw(often) else "") + "}"
        lines.append(maybe_cut(line, draw(cut)))
    return "\n".join(lines) + "\n"


STRATEGIES = {
    "model-card": model_card_texts(),
    "hub-models": hub_models_texts(),
    "arxiv-snapshot": snapshot_texts(),
    "arxiv-oai-pmh": oai_texts(),
    "jsonl": jsonl_texts(),
    "bibtex": bibtex_texts(),
    "arxiv-atom": atom_texts(),
    "arxiv-listing": listing_texts(),
    "arxiv-list": list_page_texts(),
    "arxiv-abstracts": abstracts_texts(),
    "abstract-lines": abstract_lines_texts(),
    "hf-daily": hf_daily_texts(),
}


def collapse(s: str) -> str:
    return " ".join(s.split())


FILE = {"model-card": "kelp-lab/Kelp-7B/README.md"}
"""Where a reader's input lies, when the path says something (a card's repo is its two folders)."""


def check_reader(reader_name: str, text: str) -> list[Record]:
    """Run one reader over ``text``; everything it yields must be well formed."""
    n_lines = text.count("\n") + 1
    # the snapshot's record text is its line with JSON's whitespace escapes as spaces, by design
    flat = collapse("\n".join(map(readable_line, text.split("\n"))) if reader_name == "arxiv-snapshot" else text)
    records: list[Record] = []
    file = FILE.get(reader_name, "fuzz.txt")
    for item in registry.get(reader_name).parse(text, file):
        assert isinstance(item, (Record, Problem)), type(item)
        if isinstance(item, Problem):
            assert item.file == file and 1 <= item.line <= n_lines and item.message
            continue
        records.append(item)
        assert item.file == file and item.format == reader_name
        assert 1 <= item.lines[0] <= item.lines[1] <= n_lines
        assert collapse(item.text) in flat  # evidence quoted from the record is in the input
        assert len(item.authors) <= MAX_AUTHORS
        assert item.authors_not_shown is None or item.authors_not_shown >= 0
        assert all(isinstance(a, str) and a.strip() for a in item.authors)
    assert [r.index for r in records] == list(range(1, len(records) + 1))
    return records


# -- the tests -----------------------------------------------------------------------------------

def test_every_reader_has_a_strategy():
    assert set(STRATEGIES) == set(registry.READERS)


@pytest.mark.parametrize("reader_name", sorted(STRATEGIES))
def test_a_reader_survives_its_own_format_garbled(reader_name):
    @FUZZ
    @given(STRATEGIES[reader_name])
    def run(text):
        check_reader(reader_name, text)

    run()


@pytest.mark.slow
@pytest.mark.parametrize("reader_name", sorted(STRATEGIES))
def test_every_reader_survives_every_other_format(reader_name):
    """A file forced through the wrong reader (--format), and sniffing over it: no exception."""
    others = st.sampled_from(sorted(STRATEGIES)).flatmap(lambda name: STRATEGIES[name])

    @settings(FUZZ, max_examples=20)
    @given(others)
    def run(text):
        check_reader(reader_name, text)
        records, problems, chosen = parse_text(text, "fuzz.txt")
        assert chosen is None or chosen in registry.READERS
        assert all(isinstance(r, Record) for r in records) and all(isinstance(p, Problem) for p in problems)

    run()


@pytest.mark.slow
@pytest.mark.parametrize("reader_name", sorted(STRATEGIES))
def test_sizes_grow_but_readers_stay_well_formed(reader_name):
    """The largest lists and depths the strategies draw, at once, in every format."""
    @settings(FUZZ, max_examples=5)
    @given(st.data())
    def run(data):
        text = data.draw(STRATEGIES[reader_name])
        check_reader(reader_name, text * 3)  # many records: the same ones again

    run()


@pytest.mark.parametrize("nesting", [2_000, 5_000])
def test_jsonl_survives_nesting_past_the_recursion_limit(nesting):
    """Past Python's recursion limit, outside hypothesis (whose shrinking of a failure this size
    took minutes): the deep line is a Problem, the good line after it a Record."""
    good = json.dumps({"title": "Kelp Routing", "authors": ["Ilsa Marden"], "abstract": "We propose Kelp Routing."})
    text = '{"title": "Deep", "x": ' + "[" * nesting + "]" * nesting + "}\n" + good + "\n"
    [record] = check_reader("jsonl", text)
    assert record.title == "Kelp Routing" and record.lines == (2, 2)
    registry.choose(text)  # sniffing it raises nothing either
    records, problems, _ = parse_text(text, "deep.jsonl", "jsonl")
    assert [r.title for r in records] == ["Kelp Routing"] and problems
