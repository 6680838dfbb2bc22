"""Readers never raise: arbitrary text built from format fragments gives Records or Problems."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg.records.formats  # noqa: F401  (registers the readers)
from kg.records import registry
from kg.records.io import decode, parse_text
from kg.records.record import Problem, Record

FRAGMENTS = [
    "-\n", "Authors:\n", "Abstract:", "▽ More\n", "△ Less\n", "Submitted 3 March, 2021;", " v1 submitted 2 March, 2021;",
    "Comments: x\n", "arXiv:2401.00001", "arXiv:hep-th/9901001v2", " - doi: 10.1145/1.2Word ", ", et al. (3 additional authors not shown)\n",
    "NVIDIA,\n", ":,\n", "45 ", "- ", " 9 authors · Oct 18, 2024", " 4\n", "{\"title\": \"T\", \"authors\": [\"A B\"]}\n",
    "@article{k, title={T}, author={B, A and others}}\n", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<entry><title>T</title>",
    "<summary>S</summary></entry>", "</feed>", "We introduce X. ", "Title Case Words ", "\r\n", "\r", "\x00", "\ufeff", "\ud800",
    "\u202e", "…", "{", "}", "\\&", "(", ")", "\n\n",
    '{"id":"2401.00001","authors_parsed":[["B\\\\\'a","A",""]],"versions":[{"version":"v1","created":"x"}],"title":"T\\n  U"}\n',
    '"categories":"cs.CL cs.LG",', '[[', ']]', '{"a":' * 50,
    '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">', '<request metadataPrefix="arXivRaw">', "<record><header>",
    '<header status="deleted">', '</header><metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>2401.00001</id>',
    "<title>T</title><authors><author><keyname>K\\'e</keyname></author></authors>", "</arXiv></metadata></record>",
    '<arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/"><version version="v1"><date>Mon, 1 Jan 2024</date></version>',
    "</arXivRaw></metadata>", "</record>", "</OAI-PMH>",
]

texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_every_reader_survives_arbitrary_text(text):
    for reader in registry.READERS.values():
        for item in reader.parse(text, "fuzz.txt"):
            assert isinstance(item, (Record, Problem))
            if isinstance(item, Record):
                assert item.index >= 1 and 1 <= item.lines[0] <= item.lines[1]
                assert item.file == "fuzz.txt"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_decoding_and_sniffing_survive_arbitrary_bytes(data):
    text, problems = decode(data, "b.bin")
    assert all(isinstance(p, Problem) for p in problems)
    if text is not None:
        assert "\x00" not in text and "\r" not in text
        records, problems, _ = parse_text(text, "b.bin")
        assert all(isinstance(r, Record) for r in records)


def test_registry_is_loaded():
    registry.get("jsonl")
    assert set(registry.READERS) == {"arxiv-listing", "arxiv-list", "abstract-lines", "arxiv-abstracts", "hf-daily",
                                     "arxiv-atom", "bibtex", "jsonl", "arxiv-snapshot", "arxiv-oai-pmh",
                                     "model-card", "hub-models"}
