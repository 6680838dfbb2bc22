"""Entities resolved from the index's name tables a component at a time (kg.resolve.entity_table)
are those Names.resolve makes in memory: same keys, labels, alternative labels, kinds and counts."""

import random

from kg.extract.fact import Alias, Mention
from kg.resolve import index
from kg.resolve.entities import Names
from kg.resolve.entity_table import components


def _table(tmp_path, names: Names):
    path = tmp_path / "index.sqlite"
    db = index._create(path)
    with db:
        index.write_names(db, names)
    db.close()
    return path


def _same(tmp_path, names: Names) -> list:
    expected = names.resolve()
    got = list(components(_table(tmp_path, names)))
    by_root = {(e.group, e.key): e for e in expected.all()}
    assert sorted((e.group, e.key) for e, _ in got) == sorted(by_root)
    for entity, keys in got:
        want = by_root[(entity.group, entity.key)]
        assert entity.names == want.names and entity.kinds == want.kinds
        assert (entity.label, entity.kind, entity.alt_labels) == (want.label, want.kind, want.alt_labels)
        assert sorted(keys) == sorted(k for k, e in expected.by_key.items() if e is want)
    return got


def test_aliases_join_components_and_counts_add_up(tmp_path):
    names = Names()
    names.add([Mention("model", "Quillon-7B"), Mention("model", "Quillon 7B"), Mention("model", "quillon-7b"),
               Mention("model", "QN-7B"), Mention("technique", "Sparse Tidal Attention"),
               Mention("technique", "STA"), Mention("dataset", "STA"), Mention("benchmark", "Brindle-QA"),
               Mention("model", "Orvath-2-13B"), Mention("model", "Zephan-1B")])
    # a chain: QN-7B = Quillon-7B; Orvath = Zephan joins them too; an alias to a name never mentioned joins nothing
    names.alias([Alias("model", "Quillon-7B", "QN-7B"), Alias("model", "Orvath-2-13B", "Zephan-1B"),
                 Alias("model", "QN-7B", "Zephan-1B"), Alias("technique", "Sparse Tidal Attention", "STA"),
                 Alias("model", "Unmentioned-3B", "Quillon-7B")])
    got = _same(tmp_path, names)
    models = [e for e, _ in got if e.group == "model"]
    assert len(models) == 1 and models[0].names["Quillon-7B"] == 1 and sum(models[0].names.values()) == 6
    technique = next(e for e, _ in got if e.group == "technique" and "STA" in e.names)
    assert technique.label == "Sparse Tidal Attention" and technique.kinds == {"technique": 2, "dataset": 1}


def test_many_random_names_resolve_as_in_memory(tmp_path):
    rng = random.Random(7)
    stems = [f"{a}{b}" for a in ("Vel", "Mor", "Tes", "Quar", "Lin") for b in ("ix", "ova", "ander", "eth")]
    names = Names()
    spelled = []
    for _ in range(3000):
        stem = rng.choice(stems)
        size = rng.choice(("1B", "7B", "13B", "70B"))
        name = rng.choice((f"{stem}-{size}", f"{stem} {size}", f"{stem.upper()}-{size}", f"{stem}"))
        kind = rng.choice(("model", "model", "technique", "dataset", "benchmark"))
        spelled.append((kind, name))
        names.add([Mention(kind, name)])
    for _ in range(400):
        (ka, a), (kb, b) = rng.choice(spelled), rng.choice(spelled)
        names.alias([Alias(ka, a, b)])
    got = _same(tmp_path, names)
    assert len(got) < len({(k, n) for k, n in spelled})  # some were joined


def test_no_names_no_entities(tmp_path):
    assert list(components(_table(tmp_path, Names()))) == []
