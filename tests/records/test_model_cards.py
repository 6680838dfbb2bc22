"""The model-card and Hub-listing readers: what they declare, how they quote it, what they refuse.

Real readers on real files (tests/data/hub/, and cards written to tmp_path); names are invented
except in the public cards' metadata under tests/data/hub/cards/nvidia and .../tensorblock.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.extract.fact import collapse_ws
from kg.records import registry
from kg.records.formats.declared import EXTRA_KEY, Declared
from kg.records.io import parse_text, read_paths
from kg.records.record import Problem, Record

HUB = Path(__file__).resolve().parents[1] / "data" / "hub"


def card(text: str, name: str = "kelp-lab/Kelp-7B/README.md") -> tuple[list[Record], list[Problem], str | None]:
    return parse_text(text, name)


def declared(record: Record) -> Declared:
    return Declared.loads(record.extra[EXTRA_KEY])


def test_a_card_declares_its_parents_papers_and_datasets_each_with_the_lines_that_say_so():
    text = ("---\nlicense: apache-2.0\nbase_model:\n- kelp-lab/Kelp-14B\n- other-lab/Brine-7B\n"
            "base_model_relation: merge\ntags:\n- chat\n- arxiv:2501.00042v2\ndatasets: [kelp-lab/kelp-chat, kelp-lab/kelp-code]\n"
            "---\n# Kelp-7B\n\nProse the reader does not keep.\n")
    records, problems, chosen = card(text)
    assert chosen == "model-card" and not problems
    (rec,) = records
    assert rec.format == "model-card" and rec.lines == (1, 11) and rec.text == text.split("\n# Kelp")[0]
    d = declared(rec)
    assert d.repo == "kelp-lab/Kelp-7B"
    assert [(p.value, p.relation) for p in d.parents] == [("kelp-lab/Kelp-14B", "merge"), ("other-lab/Brine-7B", "merge")]
    assert d.parents[0].quote == "base_model:\n- kelp-lab/Kelp-14B"
    assert d.parents[1].quote == "base_model:\n- kelp-lab/Kelp-14B\n- other-lab/Brine-7B"
    assert d.parents[0].relation_quote == "base_model_relation: merge"
    assert [(p.value, p.quote) for p in d.papers] == [("2501.00042", "tags:\n- chat\n- arxiv:2501.00042v2")]
    assert [s.value for s in d.datasets] == ["kelp-lab/kelp-chat", "kelp-lab/kelp-code"]
    assert d.datasets[0].quote == "datasets: [kelp-lab/kelp-chat, kelp-lab/kelp-code]"
    for stated in [*d.parents, *d.papers, *d.datasets]:  # every quote is the record's own text
        assert collapse_ws(stated.quote) in collapse_ws(rec.text)


def test_a_list_item_far_from_its_key_is_quoted_by_its_own_line():
    tags = "".join(f"- tag{i}\n" for i in range(12))
    records, _, _ = card(f"---\ntags:\n{tags}- arxiv:2501.00077\n---\n")
    assert [(p.value, p.quote) for p in declared(records[0]).papers] == [("2501.00077", "- arxiv:2501.00077")]


def test_the_repo_comes_from_the_two_parent_folders_else_from_model_index():
    text = "---\nmodel-index:\n- name: kelp-lab/Kelp-Index-3B\n  results: []\n---\n"
    assert declared(card(text, "deep/cards/kelp-lab/Kelp-3B/README.md")[0][0]).repo == "kelp-lab/Kelp-3B"
    assert declared(card(text, "README.md")[0][0]).repo == "kelp-lab/Kelp-Index-3B"
    records, problems, _ = card("---\nlicense: mit\n---\n", "README.md")
    assert not records and problems[0].skipped and "kg build --hub-id" in problems[0].message


@pytest.mark.parametrize("text, warning", [
    ("# Kelp-7B\n\nA card without metadata.\n", "no metadata (no YAML front matter)"),
    ("---\n---\n# Kelp-7B\n", "no metadata (empty front matter)"),
    ("---\n- just\n- a list\n---\n", "not a mapping"),
])
def test_a_card_without_metadata_is_a_record_with_a_warning(text, warning):
    records, problems, chosen = card(text)
    assert chosen == "model-card"
    assert len(records) == 1 and declared(records[0]).repo == "kelp-lab/Kelp-7B" and not declared(records[0]).parents
    assert [p for p in problems if not p.skipped and warning in p.message]
    assert not [p for p in problems if p.skipped]


def test_a_base_model_that_is_no_repo_id_is_reported_and_left_out():
    records, problems, _ = card("---\nbase_model:\n- kelp-lab/Kelp-14B\n- 'not a repo id!'\n---\n")
    assert [p.value for p in declared(records[0]).parents] == ["kelp-lab/Kelp-14B"]
    assert problems and problems[0].line == 4 and "not a Hub repo id" in problems[0].message


@pytest.mark.parametrize("text, line, words", [
    ("---\nlicense: mit\nbase_model: !!python/object/apply:os.system ['echo pwned']\n---\n", 3,
     "YAML tag !!python/object/apply:os.system is not allowed"),
    ("---\nx: !!python/name:os.system\n---\n", 2, "!!python/name:os.system is not allowed"),
    ("---\na: &a [*a]\n---\n", 2, "an alias refers to itself"),
    ("---\nbase_model: [unclosed\n---\n", None, "does not parse"),
])
def test_unsafe_or_broken_yaml_is_refused_with_one_problem(text, line, words):
    records, problems, _ = card(text)
    assert records == [] and len(problems) == 1
    assert problems[0].skipped and words in problems[0].message and problems[0].message.startswith("card refused")
    if line is not None:
        assert problems[0].line == line


def test_an_alias_bomb_is_refused_before_it_is_expanded():
    text = (HUB / "hostile" / "alias-bomb.md").read_text("utf-8")
    records, problems, _ = card(text)
    assert records == [] and len(problems) == 1 and "alias bomb" in problems[0].message


def test_ten_megabytes_of_metadata_are_refused_by_size():
    text = "---\nbase_model: kelp-lab/Kelp-14B\ntags:\n" + "- filler-tag-0123456789\n" * 450_000 + "---\n"
    assert len(text) > 10_000_000
    records, problems, _ = card(text)
    assert records == [] and len(problems) == 1 and "longer than the limit of 1000000" in problems[0].message


def test_hostile_cards_are_refused_with_one_line_each_by_kg_build(tmp_path):
    for name in ("python-tag.md", "alias-bomb.md"):
        (tmp_path / name).write_bytes((HUB / "hostile" / name).read_bytes())
    good = tmp_path / "cards" / "kelp-lab" / "Kelp-7B" / "README.md"  # a good card beside the bad ones: it is built
    good.parent.mkdir(parents=True)
    good.write_text("---\nbase_model: kelp-lab/Kelp-14B\n---\n")
    run = subprocess.run([sys.executable, "-m", "kg", "build", str(tmp_path / "alias-bomb.md"),
                          str(tmp_path / "python-tag.md"), str(tmp_path / "cards"), "--store", str(tmp_path / "s"), "-q"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert run.stderr.splitlines() == [
        "skipped: alias-bomb.md:1: card refused: aliases expand the metadata past 100000 values (an alias bomb)",
        "skipped: python-tag.md:3: card refused: YAML tag !!python/object/apply:os.system is not allowed: "
        "only plain YAML values are read"]


def test_hub_lines_are_read_with_the_relation_the_tags_give():
    records, problems, chosen = parse_text((HUB / "models.jsonl").read_text("utf-8"), "models.jsonl")
    assert chosen == "hub-models" and not problems
    by_repo = {declared(r).repo: declared(r) for r in records}
    gguf = by_repo["tensorblock/nvidia_Minitron-4B-Base-GGUF"]
    assert [(p.value, p.relation, p.quote) for p in gguf.parents] == [
        ("nvidia/Minitron-4B-Base", "quantized", "base_model:quantized:nvidia/Minitron-4B-Base")]
    instruct = by_repo["nvidia/Mistral-NeMo-Minitron-8B-Instruct"]
    assert [p.value for p in instruct.papers] == ["2407.14679", "2406.11704"]
    assert all(collapse_ws(s.quote) in r.text for r in records for s in [*declared(r).parents, *declared(r).papers])


def test_card_data_gives_what_the_tags_leave_out():
    line = json.dumps({"id": "kelp-lab/Kelp-7B-Merge", "author": "kelp-lab", "tags": ["merge"],
                       "cardData": {"base_model": ["kelp-lab/Kelp-7B", "kelp-lab/Kelp-7B-Math"],
                                    "base_model_relation": "merge", "datasets": "kelp-lab/kelp-chat"}})
    (rec,), problems, _ = parse_text(line + "\n", "models.jsonl")
    d = declared(rec)
    assert [(p.value, p.relation) for p in d.parents] == [("kelp-lab/Kelp-7B", "merge"), ("kelp-lab/Kelp-7B-Math", "merge")]
    assert d.parents[0].quote == '"base_model": ["kelp-lab/Kelp-7B", "kelp-lab/Kelp-7B-Math"]'
    assert d.parents[0].relation_quote == '"base_model_relation": "merge"'
    assert [s.value for s in d.datasets] == ["kelp-lab/kelp-chat"]


def test_sniffing_tells_hub_lines_from_paper_lines_and_cards_from_listings():
    paper = json.dumps({"id": "2501.00042", "title": "Kelp", "abstract": "We introduce Kelp-7B."})
    hub = json.dumps({"id": "kelp-lab/Kelp-7B", "tags": ["arxiv:2501.00042"], "pipeline_tag": "text-generation"})
    assert registry.choose(paper).name == "jsonl"
    assert registry.choose(hub).name == "hub-models"
    assert registry.choose("---\nbase_model: kelp-lab/Kelp-14B\n---\n").name == "model-card"
    assert registry.choose("Abstract: We introduce Kelp-7B.\n").name == "abstract-lines"
    assert registry.describes(card("---\nlicense: mit\n---\n")[0][0]) == "model"


def test_a_folder_is_read_with_its_sub_folders_and_each_file_named_by_its_path(tmp_path):
    for repo in ("kelp-lab/Kelp-7B", "kelp-lab/Kelp-14B", "other-lab/Kelp-7B"):
        (tmp_path / repo).mkdir(parents=True)
        (tmp_path / repo / "README.md").write_text(f"---\nlicense: mit\nmodel_name: {repo}\n---\n")
    (tmp_path / "kelp-lab" / "Kelp-7B" / ".git").mkdir()
    (tmp_path / "kelp-lab" / "Kelp-7B" / ".git" / "README.md").write_text("---\nlicense: mit\n---\n")
    (tmp_path / "top.txt").write_text("Abstract: We introduce Kelp-7B, a model.\n")
    result = read_paths([tmp_path])
    assert [s.name for s in result.sources] == ["kelp-lab/Kelp-14B/README.md", "kelp-lab/Kelp-7B/README.md",
                                                "other-lab/Kelp-7B/README.md", "top.txt"]
    assert sorted(declared(r).repo for r in result.records if r.format == "model-card") == [
        "kelp-lab/Kelp-14B", "kelp-lab/Kelp-7B", "other-lab/Kelp-7B"]
    assert not [p for p in result.problems if "another input" in p.message]
