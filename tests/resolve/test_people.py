"""resolve_people: variants of one person merge only with evidence; lookalikes stay apart."""

import json
import re
import unicodedata
from pathlib import Path

import pytest

from kg.records.io import read_paths
from kg.records.record import Record
from kg.resolve.papers import cluster_papers
from kg.resolve.people import is_organization, resolve_people, variant_kind

ROOT = Path(__file__).resolve().parents[2]
GOLD = next((p / "shared" / "eval" / "seeds-gold" for p in ROOT.parents if (p / "shared" / "eval" / "seeds-gold").is_dir()), None)


def paper_with(index: int, *authors: str, file: str = "p.txt"):
    return Record(file=file, index=index, lines=(index, index), text=" ".join(authors), format="test",
                  title=f"Paper number {index} on a topic", authors=tuple(authors))


def people_of(*records: Record):
    papers = cluster_papers(list(records))
    return papers, resolve_people(papers)


@pytest.mark.parametrize("a,b,kind", [
    ("Ameya Sunil Mahabaleshwarkar", "Ameya Mahabaleshwarkar", "middle"),
    ("Ryan J. Prenger", "Ryan Prenger", "middle"),
    ("Adi Renduchintala", "Adithya Renduchintala", "short"),
    ("Mostafa Patwary", "Mostofa Patwary", "typo"),
    ("Sanjeev Satheesh", "Sanjev Satheesh", "typo"),
    ("Chao-Han Huck Yang", "Chao-Han Yang", "middle"),
    ("José García", "Jose\u0301 García", "same"),
])
def test_variant_kinds(a, b, kind):
    assert variant_kind(a, b) == kind
    assert variant_kind(b, a) == kind


@pytest.mark.parametrize("a,b", [
    ("Bo Li", "Bo Liu"), ("Ji Lin", "Jimmy Lin"), ("Jian Zhang", "Jianfeng Zhang"),
    ("Jian Zhang", "Jiao Zhang"), ("Mario Rossi", "Maria Rossi"), ("Ryan J. Prenger", "Ryan K. Prenger"),
    ("Elias Whitford, Jr.", "Elias Whitford"), ("Wei Ping", "Wei Ping Li"), ("Yi Dong", "Yu Dong"),
    ("Ellen Smith", "Allen Smith"),
])
def test_different_people_are_not_variants(a, b):
    assert variant_kind(a, b) is None
    assert variant_kind(b, a) is None


def test_variants_merge_with_a_shared_coauthor_and_keep_every_spelling():
    _, people = people_of(paper_with(1, "Mostofa Patwary", "Ann Lee"), paper_with(2, "Mostafa Patwary", "Ann Lee"))
    agent = people.agent_for("title:paper number 1 on a topic", "Mostofa Patwary")
    assert agent is people.agent_for("title:paper number 2 on a topic", "Mostafa Patwary")
    assert agent.spellings == {"Mostofa Patwary", "Mostafa Patwary"}
    assert not agent.is_organization


def test_variants_without_shared_coauthors_stay_apart():
    _, people = people_of(paper_with(1, "Mostofa Patwary", "Ann Lee"), paper_with(2, "Mostafa Patwary", "Carl Cox"))
    assert len([a for a in people.agents.values() if "patwary" in a.key]) == 2


def test_lookalike_names_never_merge_even_with_coauthors():
    _, people = people_of(paper_with(1, "Bo Li", "Ann Lee"), paper_with(2, "Bo Liu", "Ann Lee"),
                          paper_with(3, "Ji Lin", "Ann Lee"), paper_with(4, "Jimmy Lin", "Ann Lee"))
    assert {"bo li", "bo liu", "ji lin", "jimmy lin"} <= set(people.agents)


def test_two_names_in_one_author_list_are_two_people():
    _, people = people_of(paper_with(1, "Ryan Prenger", "Ryan J. Prenger", "Ann Lee"))
    assert {"ryan prenger", "ryan j prenger"} <= set(people.agents)


def test_same_paper_in_two_records_ties_spellings():
    a = Record(file="a", index=1, lines=(1, 1), text="", format="t", title="One Shared Paper Title", authors=("Sanjeev Satheesh",))
    b = Record(file="b", index=1, lines=(1, 1), text="", format="t", title="One Shared Paper Title", authors=("Sanjev Satheesh",))
    papers, people = people_of(a, b)
    assert len(papers) == 1
    assert people.agent_for(papers[0].key, "Sanjev Satheesh").key == people.agent_for(papers[0].key, "Sanjeev Satheesh").key


def test_organisations_become_organisation_agents():
    papers, people = people_of(paper_with(1, "NVIDIA", "Ann Lee"), paper_with(2, "Nvidia", "Bob Ray"),
                               paper_with(3, "BigScience Workshop", "Ann Lee"))
    org = people.agent_for(papers[0].key, "NVIDIA")
    assert org.is_organization and org.spellings == {"NVIDIA", "Nvidia"}
    assert people.agent_for(papers[2].key, "BigScience Workshop").is_organization
    assert [a.name for a in people.authors_of(papers[0])] == ["NVIDIA", "Ann Lee"]


@pytest.mark.parametrize("name", ["NVIDIA", "Nvidia", "OpenAI", "BigScience Workshop", "Qwen Team", "Mistral AI",
                                  "DeepSeek-AI", "Allen Institute for AI", "Google Research", "Stanford University",
                                  "The LLM Consortium", "ATLAS Collaboration", "Meta Inc.", "Google DeepMind"])
def test_is_organization(name):
    assert is_organization(name)


@pytest.mark.parametrize("name", ["Bryan Catanzaro", "Teven Le Scao", "Albert Villanova del Moral", "Dong H. Anh",
                                  "Ai Kumar", "Elias Whitford, Jr.", "Suzana Ilić", "Jean-Baptiste Alayrac"])
def test_is_not_organization(name):
    assert not is_organization(name)


def norm(s: str) -> str:
    """The scorer's name normalisation."""
    return re.sub(r"[\s\-_]+", " ", unicodedata.normalize("NFKC", s).casefold()).strip()


def test_corpus_authors_match_gold():
    if GOLD is None:
        pytest.skip("gold annotations not available")
    papers = cluster_papers(read_paths([ROOT / "examples" / "corpus"]).records)
    people = resolve_people(papers)
    recs = {row["rec"]: row["paper"] for row in json.loads((GOLD / "records.json").read_text())}
    gold = {p["paper"]: p for p in json.loads((GOLD / "papers.json").read_text())}
    tp = out = n_gold = 0
    for paper in papers:
        g = gold[recs[f"{paper.records[0].file[:3]}#{paper.records[0].index}"]]
        agents = people.authors_of(paper)
        persons = [a for a in agents if not a.is_organization]
        assert [a.name for a in agents if a.is_organization] == [
            people.agent_for(paper.key, o).name for o in g["organizations_as_authors"]]
        wanted = {norm(a) for a in g["authors"]}
        n_gold += len(wanted)
        out += len(persons)
        tp += sum(bool({norm(s) for s in a.spellings} & wanted) for a in persons)
    precision, recall = tp / out, tp / n_gold
    assert 2 * precision * recall / (precision + recall) >= 0.99
    assert (precision, recall) == (1.0, 1.0)


def test_corpus_spelling_variants_are_merged():
    papers = cluster_papers(read_paths([ROOT / "examples" / "corpus"]).records)
    people = resolve_people(papers)
    merged = sorted(sorted(a.spellings) for a in people.agents.values() if len(a.spellings) > 1 and not a.is_organization)
    assert len(merged) == 5
    names = {"bo li", "bo liu"}
    assert names <= set(people.agents)
