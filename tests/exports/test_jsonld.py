"""JSON-LD: compact keys from the shipped @context, embedded, so reading it back fetches nothing."""

import json
import subprocess
import sys
import textwrap

import kg
from kg.exports.rdf import context


def test_compact_with_the_shipped_context(corpus_store, tmp_path):
    doc = json.loads(kg.open(corpus_store).export(tmp_path / "g.jsonld", format="jsonld").read_text())
    assert doc["@context"] == context()  # embedded whole, not a URL
    nodes = doc["@graph"]
    papers = [n for n in nodes if n.get("@type") == "Paper"]
    assert papers and all("label" in p for p in papers)
    evidence = [n for n in nodes if n.get("@type") == "Evidence"]
    assert evidence and all({"quote", "confidence", "subject", "predicate", "object"} <= set(e) for e in evidence)
    keys = {k for n in nodes for k in n}
    assert not [k for k in keys if k.startswith("http")]  # every property has its short name


# Parsing runs in a child process with an audit hook (rdflib's examples/secure_with_audit.py): any
# socket, URL opened or file opened other than the export itself is counted (reliability anchor 13).
AUDIT = textwrap.dedent("""
    import sys
    path = sys.argv[1]
    events = []

    def hook(name, args):
        if name in ("socket.connect", "socket.getaddrinfo", "urllib.Request"):
            events.append((name, str(args)[:200]))
        elif name == "open" and isinstance(args[0], str) and args[0].endswith((".jsonld", ".json")) \\
                and args[0] != path:
            events.append((name, args[0]))

    from rdflib import Graph
    import pyoxigraph
    sys.addaudithook(hook)
    n = len(Graph().parse(path, format="json-ld"))
    m = len(list(pyoxigraph.parse(path=path, format=pyoxigraph.RdfFormat.JSON_LD)))
    print(n, m, events)
""")


def test_reading_it_back_fetches_nothing(corpus_store, tmp_path):
    path = kg.open(corpus_store).export(tmp_path / "g.jsonld", format="jsonld")
    r = subprocess.run([sys.executable, "-c", AUDIT, str(path)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    n, m, events = r.stdout.split(" ", 2)
    assert int(n) == int(m) > 5000 and events.strip() == "[]"
