"""Packages depend one way: source files -> records -> extraction -> resolution -> graph -> views.

Read from the source with ``ast`` (every import statement, also those inside functions), so a
stage that reaches forward fails here before it makes a cycle. Extraction's reach is also what
its saved results are signed with (kg.extract.saved.EXTRACTION_CODE): an import outside it would
let results saved before an edit meet the edited code.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kg.extract.saved import EXTRACTION_CODE

KG = Path(__file__).resolve().parents[1] / "src" / "kg"
LATER_STAGES = ("kg.resolve", "kg.graph", "kg.views", "kg.exports", "kg.serve", "kg.cli",
                "kg.queries", "kg.lineage", "kg.build", "kg.people")


def module_name(path: Path) -> str:
    parts = path.relative_to(KG.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(source: str, module: str, is_package: bool = False) -> set[str]:
    """The kg modules ``source`` (the text of ``module``) imports, relative imports made absolute.

    ``from kg import resolve`` counts as ``kg.resolve``: it may name a module.
    """
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {m for m in found if m == "kg" or m.startswith("kg.")}


def modules_under(*parts: str) -> dict[str, set[str]]:
    out = {}
    for part in parts:
        root = KG / part
        for path in sorted(root.rglob("*.py") if root.is_dir() else [root]):
            out[module_name(path)] = imported(path.read_text("utf-8"), module_name(path),
                                              path.name == "__init__.py")
    return out


def _within(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def _known(module: str) -> bool:
    """True when ``module`` is a kg module or package, not a name imported from one."""
    rel = Path(*module.split("."))
    return (KG.parent / rel).is_dir() or (KG.parent / rel).with_suffix(".py").is_file()


@pytest.mark.parametrize("source, module, expected", [
    ("from kg.resolve.entities import model_key", "kg.extract.x",
     {"kg.resolve.entities", "kg.resolve.entities.model_key"}),
    ("import kg.graph.iris as iris", "kg.extract.x", {"kg.graph.iris"}),
    ("from kg import resolve", "kg.extract.x", {"kg", "kg.resolve"}),
    ("from ..resolve import entities", "kg.extract.x", {"kg.resolve", "kg.resolve.entities"}),
    ("from . import fact", "kg.extract", {"kg.extract", "kg.extract.fact"}),
    ("def f():\n    from kg.views.text import fold\n", "kg.extract.x", {"kg.views.text", "kg.views.text.fold"}),
    ("import re\nfrom collections import Counter", "kg.extract.x", set()),
])
def test_every_way_of_importing_is_seen(source, module, expected):
    assert imported(source, module, is_package=module == "kg.extract") == expected


def test_extraction_imports_no_later_stage():
    for module, imports in modules_under("extract").items():
        forward = sorted(m for m in imports if _within(m, LATER_STAGES))
        assert not forward, f"{module} imports {forward}"


def test_extraction_reaches_only_the_code_its_saved_results_are_signed_with():
    signed = tuple("kg." + part.removesuffix(".py") for part in EXTRACTION_CODE)
    extraction = modules_under("extract")
    graph = {**extraction, **modules_under("records", "keys.py", "vocab.py")}
    seen, todo = set(), list(extraction)
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        assert _within(module, signed), f"extraction reaches {module}, outside {EXTRACTION_CODE}"
        todo.extend(m for m in graph.get(module, ()) if m != "kg" and _known(m))
    assert "kg.keys" in seen and "kg.extract.components.models" in seen


def test_records_and_keys_import_nothing_after_them():
    for module, imports in modules_under("records").items():
        assert all(_within(m, ("kg.records",)) for m in imports if m != "kg"), (module, imports)
    keys = modules_under("keys.py")["kg.keys"]
    assert all(_within(m, ("kg.records",)) for m in keys), keys
