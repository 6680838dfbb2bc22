"""kg hub fetch against a Hub stand-in on 127.0.0.1 serving recorded responses (no network).

The real command, the real huggingface_hub client and a real HTTP server (recorded_hub.py),
reached through HF_ENDPOINT as a mirror would be; what it writes is then built by kg build.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from recorded_hub import RecordedHub
from support import free_port


def run_kg(*args: str, endpoint: str, home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_ENDPOINT=endpoint, HF_HOME=str(home / "hf-home"), HF_HUB_DISABLE_TELEMETRY="1",
               HF_HUB_ETAG_TIMEOUT="5", HF_HUB_DOWNLOAD_TIMEOUT="5")
    return subprocess.run([sys.executable, "-m", "kg", *args], env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def hub():
    with RecordedHub() as server:
        yield server


def test_fetch_writes_the_hub_lines_and_cards_that_kg_build_reads(hub, tmp_path):
    out, cards = tmp_path / "models.jsonl", tmp_path / "cards"
    run = run_kg("hub", "fetch", "--author", "example-org", "-o", str(out), "--cards", str(cards),
                 endpoint=hub.url, home=tmp_path)
    assert run.returncode == 0, run.stderr
    assert f"wrote {out} (2 models)" in run.stdout
    assert "example-org/Kelp-7B-Instruct-AWQ: no model card" in run.stderr
    assert ("GET", "/api/models?author=example-org&full=true&cardData=true") in hub.requests
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["example-org/Kelp-7B-Instruct", "example-org/Kelp-7B-Instruct-AWQ"]
    assert set(rows[0]) == {"id", "author", "tags", "cardData", "pipeline_tag", "library_name", "createdAt"}
    assert rows[1]["cardData"]["base_model_relation"] == "quantized"
    card = cards / "example-org" / "Kelp-7B-Instruct" / "README.md"
    assert card.read_text().startswith("---\nlicense: apache-2.0\nbase_model: example-org/Kelp-7B\n")

    built = run_kg("build", str(out), str(cards), "--store", str(tmp_path / "store"), "-q", endpoint=hub.url, home=tmp_path)
    assert built.returncode == 0, built.stderr
    rows = kg.open(tmp_path / "store").rows("lineage-sources")
    assert {(r["child"], r["kind"], r["parent"]) for r in rows} >= {
        ("Kelp-7B-Instruct", "finetunedFrom", "Kelp-7B"), ("Kelp-7B-Instruct-AWQ", "quantizedFrom", "Kelp-7B-Instruct")}
    assert {r["stated"] for r in rows} == {"model card"}


def test_search_narrows_the_list_and_without_cards_nothing_else_is_asked(hub, tmp_path):
    out = tmp_path / "models.jsonl"
    run = run_kg("hub", "fetch", "--author", "example-org", "--search", "AWQ", "-o", str(out),
                 endpoint=hub.url, home=tmp_path)
    assert run.returncode == 0, run.stderr
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["example-org/Kelp-7B-Instruct-AWQ"]
    assert [path for _, path in hub.requests] == ["/api/models?author=example-org&search=AWQ&full=true&cardData=true"]


def test_a_hub_that_refuses_is_one_line_and_no_file(hub, tmp_path):
    out = tmp_path / "models.jsonl"
    run = run_kg("hub", "fetch", "--author", "private-org", "-o", str(out), endpoint=hub.url, home=tmp_path)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.startswith("error: the Hub did not answer the model list for 'private-org'")
    assert "401 Unauthorized" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and not out.exists()


@pytest.mark.slow
def test_a_hub_that_cannot_be_reached_is_one_line_and_no_file(tmp_path):
    port = free_port()  # nothing listens on it (the client retries for about 25 s)
    out = tmp_path / "models.jsonl"
    run = run_kg("hub", "fetch", "--author", "example-org", "-o", str(out), endpoint=f"http://127.0.0.1:{port}",
                 home=tmp_path)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.startswith("error: the Hub did not answer the model list for 'example-org'")
    assert len(run.stderr.strip().splitlines()) == 1 and not out.exists()
