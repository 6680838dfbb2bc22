"""kg.records.by_record.ByRecord answers as a dict keyed by (file, index) would."""

import random

import pytest

from kg.records.by_record import ByRecord


def test_answers_as_a_dict_would():
    rng = random.Random(3)
    plain, compact = {}, ByRecord()
    for _ in range(2000):
        key = (rng.choice(["a.txt", "b.jsonl", "c.bib"]), rng.randint(1, 300))
        value = rng.randint(0, 50)  # 0 is a value like any other
        plain[key] = value
        compact[key] = value
    for file in ("a.txt", "b.jsonl", "c.bib", "d.txt"):
        for index in range(-2, 310):
            key = (file, index)
            assert compact.get(key) == plain.get(key)
            assert (key in compact) == (key in plain)
    assert sorted(compact.values()) == sorted(plain.values())
    some = next(iter(plain))
    assert compact.pop(some) == plain.pop(some) and some not in compact and compact.pop(some, "gone") == "gone"
    with pytest.raises(KeyError):
        compact[("d.txt", 1)]
