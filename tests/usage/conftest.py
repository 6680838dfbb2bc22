from pathlib import Path

import pytest

import kg

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    """The example corpus, built once, opened read-only."""
    store = tmp_path_factory.mktemp("usage") / "store"
    kg.build([ROOT / "examples" / "corpus"], store=store)
    return kg.open(store)
