"""Keys of Hugging Face repo ids: one identity key per repo, and the names a paper would give it.

A repo is the same model as a name in a paper's text only when their name keys
(kg.keys.model_key) agree once the Hub's naming habits are undone:

* the org prefix: "nvidia/Kelp-7B" -> "Kelp-7B";
* a leading word that repeats the org: "nvidia/NVIDIA-Kelp-7B" -> "Kelp-7B";
* packaging suffixes a release adds to the model's name (:data:`PACKAGING`):
  "Kelp-7B-hf", "Kelp-7B-GGUF", "Kelp-7B-AWQ", "Kelp-7B-GPTQ", "Kelp-7B-bnb-4bit";
* "-Base", where the paper names the bare model ("Kelp-7B-Base" is the checkpoint a
  paper calls "Kelp-7B"; a paper that names "Kelp-7B-Base" matches it as it is).

Beside kg.keys (which this module only uses), so that name keys stay there and
these Hub-specific rules stay here.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kg.keys import model_key

REPO_PREFIX = "hf:"
"""Identity keys of repos start so; kg.keys.model_key never keeps a ':', so no text name has one."""
PACKAGING = ("hf", "gguf", "awq", "gptq", "bnb-4bit")
"""Suffixes that name how a model's weights are packaged, not a different model."""
_PACKAGED = re.compile(r"[-_.](?:" + "|".join(re.escape(s).replace("\\-", "[-_]") for s in PACKAGING) + r")$",
                       re.IGNORECASE)
_BASE = re.compile(r"[-_.]base$", re.IGNORECASE)
_FIRST_WORD = re.compile(r"^([^-_.\s]+)[-_.\s]+(?=\S)")


def repo_key(repo_id: str) -> str:
    """The identity of a repo: its id, case folded (the Hub treats ids case-insensitively)."""
    return REPO_PREFIX + repo_id.strip().casefold()


def is_repo_key(key: str) -> bool:
    return key.startswith(REPO_PREFIX)


def repo_name(repo_id: str) -> str:
    """The model's name in a repo id: "nvidia/Kelp-7B" -> "Kelp-7B"."""
    return repo_id.rsplit("/", 1)[-1]


class Variant(NamedTuple):
    key: str
    """A name key (kg.keys.model_key) a paper might use for the repo."""
    distance: int
    """How much was undone to get it: 0 the name as it is, 1 without the org word, 2 without
    "-Base" (it holds only where a paper names the bare model: the text's name is what is
    matched), 3 without packaging suffixes, 4 without both."""


def name_variants(repo_id: str) -> list[Variant]:
    """The name keys a paper might use for this repo, surest first.

    The order is the order of trust: the name as it is, without a leading word repeating the org,
    without "-Base" (the checkpoint a paper calls by the bare name), then without packaging
    suffixes (a packaged copy, "-GGUF", is usually a repo derived from the model, not the model)."""
    org, _, name = repo_id.rpartition("/")
    names = [(name, 0)]
    m = _FIRST_WORD.match(name)
    if org and m and model_key(m.group(1)) == model_key(org):
        names.append((name[m.end():], 1))
    steps = names + [(_BASE.sub("", n), 2) for n, _ in names if _BASE.search(n)]
    unpacked = [u for n, _ in names if (u := _unpack(n)) != n]
    steps += [(u, 3) for u in unpacked] + [(_BASE.sub("", u), 4) for u in unpacked if _BASE.search(u)]
    out: list[Variant] = []
    for step, distance in steps:
        key = model_key(step)
        if key and all(key != v.key for v in out):
            out.append(Variant(key, distance))
    return out


def _unpack(name: str) -> str:
    """``name`` without its packaging suffixes ("Kelp-7B-Instruct-GGUF" -> "Kelp-7B-Instruct")."""
    while (p := _PACKAGED.search(name)) is not None and p.start() > 0:
        name = name[:p.start()]
    return name
