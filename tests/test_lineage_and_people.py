"""kg lineage and kg people: any spelling works, ambiguity is said, evidence is shown."""

import subprocess
import sys

import pytest

from kg.lineage import AmbiguousName, UnknownModel, find_model, lineage


def kg_cli(*args):
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("spelling", ["Nemotron-Nano-9B-v2", "nemotron nano 9b v2", "NEMOTRON_NANO_9B_V2"])
def test_any_spelling_finds_the_model(demo, spelling):
    root = find_model(demo.graph, spelling)
    lin = lineage(demo.graph, root)
    kinds = {k for e in lin.edges for k in e.kinds}
    assert {"pruned", "distilled", "aligned"} <= kinds
    assert all(e.evidence and e.evidence[0].quote for e in lin.edges)


def test_ambiguous_and_unknown_names(demo):
    with pytest.raises(AmbiguousName) as exc:
        find_model(demo.graph, "Nemotron")
    assert len(exc.value.candidates) > 3
    with pytest.raises(UnknownModel):
        find_model(demo.graph, "No-Such-Model-9B")


def test_lineage_cli_tree_and_page(demo, tmp_path):
    store = str(demo.store.path)
    done = kg_cli("lineage", "MN-Minitron-8B", "--store", store, "--html", str(tmp_path / "l.html"))
    assert done.returncode == 0, done.stderr
    assert "Mistral NeMo 12B" in done.stdout and "pruned" in done.stdout and "brevity" in done.stdout
    assert (tmp_path / "l.html").stat().st_size > 10_000
    ambiguous = kg_cli("lineage", "Nemotron", "--store", store)
    assert ambiguous.returncode == 2 and "names" in ambiguous.stderr and "Traceback" not in ambiguous.stderr


def test_people_cli(demo):
    done = kg_cli("people", "mostafa patwary", "--store", str(demo.store.path))
    assert done.returncode == 0, done.stderr
    assert "Mostofa Patwary" in done.stdout or "Mostafa Patwary" in done.stdout
    assert "also spelled" in done.stdout and "coauthors:" in done.stdout
    missing = kg_cli("people", "Nobody Atall", "--store", str(demo.store.path))
    assert missing.returncode == 2 and "nobody called" in missing.stderr
