from pathlib import Path

import pytest

import kg

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory):
    store = tmp_path_factory.mktemp("exports") / "store"
    kg.build([ROOT / "examples" / "corpus"], store=store)
    return store


@pytest.fixture(scope="session")
def hostile_strings_store(tmp_path_factory):
    """A graph whose labels hold what XML cannot (control characters) and what HTML must escape."""
    from kg.graph.store import Store

    store = tmp_path_factory.mktemp("hostile") / "store"
    mlkg = "https://w3id.org/mlkg/ontology#"
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    lines = [
        f"<https://w3id.org/mlkg/id/model/a> {rdf_type} <{mlkg}Model> .\n",
        f'<https://w3id.org/mlkg/id/model/a> {label} "bell\\u0007 form\\u000C feed <b>&amp; \\u202E" .\n',
        f"<https://w3id.org/mlkg/id/model/b> {rdf_type} <{mlkg}Model> .\n",
        f'<https://w3id.org/mlkg/id/model/b> {label} "=cmd|\' /C calc\'!A0" .\n',
        f"<https://w3id.org/mlkg/id/model/a> <{mlkg}basedOn> <https://w3id.org/mlkg/id/model/b> .\n",
        f"<https://w3id.org/mlkg/id/model/a> <{mlkg}derivedFrom> <https://w3id.org/mlkg/id/model/b> .\n",
    ]
    Store(store).write(lines, [], {})
    return store
