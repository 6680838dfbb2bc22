"""Linking Hub repos to models named in text: one node only when a cited paper names the model.

Invented names throughout; the mentions are what the extractors hand over.
"""

from __future__ import annotations

import pytest

from kg.extract.fact import Alias, Mention
from kg.repo_keys import name_variants, repo_key
from kg.resolve.repos import resolve_with_repos

PAPER, OTHER = "2501.00042", "2501.00077"


def repo(name: str) -> Mention:
    return Mention("repo", name)


def model(name: str) -> Mention:
    return Mention("model", name)


def link(repos: dict[str, set[str]], text: dict[str, str | None], aliases=()):
    """``repos``: id -> cited arXiv ids; ``text``: model name -> arXiv id of the paper naming it."""
    mentions = [repo(r) for r in repos] + [model(n) for n in text]
    named_in = [(model(n), a) for n, a in text.items() if a]
    return resolve_with_repos(mentions, list(aliases), named_in, repos)


def same(linked, a: Mention, b: Mention) -> bool:
    return linked.entities.get(a) is linked.entities.get(b)


@pytest.mark.parametrize("repo_id, text_name", [
    ("kelp-lab/Kelp-7B", "Kelp-7B"),
    ("kelp-lab/kelp_7b", "Kelp 7B"),
    ("kelplab/KelpLab-Sorrel-2B", "Sorrel-2B"),          # a leading word repeating the org
    ("kelp-lab/Kelp-7B-hf", "Kelp-7B"),                 # packaging suffixes
    ("kelp-lab/Kelp-7B-Instruct-GPTQ", "Kelp-7B-Instruct"),
    ("kelp-lab/Kelp-7B-bnb-4bit", "Kelp-7B"),
    ("kelp-lab/Kelp-7B-Base", "Kelp-7B"),               # the paper names the bare model
])
def test_a_repo_is_the_model_its_cited_paper_names(repo_id, text_name):
    linked = link({repo_id: {PAPER}}, {text_name: PAPER})
    assert same(linked, repo(repo_id), model(text_name))
    entity = linked.entities.get(repo(repo_id))
    assert entity.label == text_name and entity.hf_id == repo_id and not linked.close


def test_without_the_citation_the_names_only_make_a_close_match():
    linked = link({"kelp-lab/Kelp-7B": {OTHER}}, {"Kelp-7B": PAPER})
    assert not same(linked, repo("kelp-lab/Kelp-7B"), model("Kelp-7B"))
    assert linked.close == [(repo("kelp-lab/Kelp-7B"), model("Kelp-7B"))]
    linked = link({"kelp-lab/Kelp-7B": set()}, {"Kelp-7B": None})
    assert linked.close == [(repo("kelp-lab/Kelp-7B"), model("Kelp-7B"))]


def test_base_is_dropped_only_for_a_bare_name_and_an_exact_name_wins():
    linked = link({"kelp-lab/Kelp-7B-Base": {PAPER}}, {"Kelp-7B-Base": PAPER, "Kelp-7B": PAPER})
    assert same(linked, repo("kelp-lab/Kelp-7B-Base"), model("Kelp-7B-Base"))
    assert not same(linked, repo("kelp-lab/Kelp-7B-Base"), model("Kelp-7B"))
    assert not link({"kelp-lab/Kelp-7B-Instruct": {PAPER}}, {"Kelp-7B": PAPER}).close  # other names: nothing


def test_two_repos_are_never_one_node_by_name():
    linked = link({"kelp-lab/Kelp-7B": set(), "other-lab/Kelp-7B": set()}, {})
    assert not same(linked, repo("kelp-lab/Kelp-7B"), repo("other-lab/Kelp-7B"))
    assert {e.label for e in linked.entities.all()} == {"Kelp-7B"} and len(linked.entities.all()) == 2


def test_a_model_named_in_text_takes_one_repo_and_the_others_are_close_matches():
    # the base checkpoint and a quantized copy both cite the paper: the copy stays its own node
    linked = link({"kelp-lab/Kelp-7B-GGUF": {PAPER}, "kelp-lab/Kelp-7B-Base": {PAPER}, "other-lab/Kelp-7B": {PAPER}},
                  {"Kelp-7B": PAPER})
    assert same(linked, repo("other-lab/Kelp-7B"), model("Kelp-7B"))  # the name as it is wins
    for other in ("kelp-lab/Kelp-7B-GGUF", "kelp-lab/Kelp-7B-Base"):
        assert not same(linked, repo(other), model("Kelp-7B"))
        assert (repo(other), model("Kelp-7B")) in linked.close
    assert len({id(linked.entities.get(repo(r))) for r in ("kelp-lab/Kelp-7B-GGUF", "kelp-lab/Kelp-7B-Base",
                                                            "other-lab/Kelp-7B")}) == 3


def test_repos_of_two_names_a_text_declares_one_model_are_not_joined_through_it():
    aliases = [Alias("model", "Kelp-7B", "KL-7B")]  # "Kelp-7B (KL-7B for short)": one text model
    linked = link({"kelp-lab/Kelp-7B": {PAPER}, "kelp-lab/KL-7B": {PAPER}}, {"Kelp-7B": PAPER, "KL-7B": PAPER}, aliases)
    assert not same(linked, repo("kelp-lab/Kelp-7B"), repo("kelp-lab/KL-7B"))
    assert same(linked, repo("kelp-lab/KL-7B"), model("Kelp-7B")) or same(linked, repo("kelp-lab/Kelp-7B"), model("Kelp-7B"))


def test_text_models_keep_their_identity_when_a_repo_joins_them():
    linked = link({"kelp-lab/Kelp-7B": {PAPER}}, {"Kelp-7B": PAPER})
    assert linked.entities.get(model("Kelp-7B")).key == "kelp7b"  # its IRI does not move


def test_name_variants_undo_the_hub_habits_in_order_of_trust():
    assert [v.key for v in name_variants("kelplab/KelpLab-Sorrel-2B-Base-GGUF")] == [
        "kelplabsorrel2bbasegguf", "sorrel2bbasegguf", "kelplabsorrel2bbase", "sorrel2bbase",
        "kelplabsorrel2b", "sorrel2b"]
    assert [v.distance for v in name_variants("kelp-lab/Kelp-7B-Base")] == [0, 2]
    assert repo_key("Kelp-Lab/Kelp-7B") == repo_key("kelp-lab/kelp-7b") != repo_key("other-lab/kelp-7b")
