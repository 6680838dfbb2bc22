"""Keys of Hugging Face repo ids: one identity key per repo, and the names a paper would give it.

A repo is the same model as a name in a paper's text only when their name keys
(kg.keys.model_key) agree once the Hub's naming habits are undone:

* the org prefix: "nvidia/Kelp-7B" -> "Kelp-7B";
* a leading word that repeats the org: "nvidia/NVIDIA-Kelp-7B" -> "Kelp-7B";
* packaging suffixes a release adds to the model's name (:data:`PACKAGING`):
  "Kelp-7B-hf", "Kelp-7B-GGUF", "Kelp-7B-AWQ", "Kelp-7B-GPTQ", "Kelp-7B-bnb-4bit";
* "-Base", but only where the paper names the bare model ("Kelp-7B-Base" is the
  checkpoint a paper calls "Kelp-7B"): :func:`name_variants` marks that variant.

Beside kg.keys (which this module only uses), so that name keys stay there and
these Hub-specific rules stay here.
"""

from __future__ import annotations

import re

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


def name_variants(repo_id: str) -> list[tuple[str, bool]]:
    """The name keys a paper might use for this repo, surest first, each with whether it
    drops "-Base" (true only for the last: it holds only where the paper names the bare model)."""
    org, _, name = repo_id.rpartition("/")
    steps = [name]
    m = _FIRST_WORD.match(name)
    if org and m and model_key(m.group(1)) == model_key(org):
        steps.append(name[m.end():])
    unpacked = steps[-1]
    while (p := _PACKAGED.search(unpacked)) is not None and p.start() > 0:
        unpacked = unpacked[:p.start()]
    steps.append(unpacked)
    out: list[tuple[str, bool]] = []
    for step in steps:
        key = model_key(step)
        if key and all(key != k for k, _ in out):
            out.append((key, False))
    bare = _BASE.sub("", unpacked)
    if bare != unpacked and (key := model_key(bare)) and all(key != k for k, _ in out):
        out.append((key, True))
    return out
