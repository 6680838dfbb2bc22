"""kg explain: why a lineage edge is, or is not, in the graph (the rule and the sentence of each)."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer

from kg.cli.app import DEFAULT_STORE, DataError, StoreOption, UsageError, app, err, handles_errors, out


class ExplainFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
@handles_errors
def explain(
    name: Annotated[str, typer.Argument(help="The model, in any spelling (\"Kelp 7B\" = \"kelp-7b\"), or its IRI.")],
    store: StoreOption = DEFAULT_STORE,
    format: Annotated[ExplainFormat, typer.Option("--format", "-f", help="text, or json for scripts.")] = ExplainFormat.text,
) -> None:
    """Every derivation of a model and every candidate the extractor rejected, with its rule and sentence.

    The records of the store's sources that name the model are extracted again: each edge shows the rule that found it, each pair turned down the reason.

    Example:  kg explain "orvik-2" --store .kg --format json
    """
    from kg.explain import explain as run_explain
    from kg.lineage import AmbiguousName, UnknownModel

    try:
        found = run_explain(store, name)
    except AmbiguousName as exc:
        raise UsageError(f"{exc}; give one of these names") from None
    except UnknownModel as exc:
        raise DataError(str(exc)) from None
    if format is ExplainFormat.json:
        typer.echo(json.dumps(found.to_dict(), indent=2, ensure_ascii=False))
        return
    from kg.keys import model_key

    if model_key(name) not in {model_key(n) for n in (found.label, *found.aliases)}:
        from rich.text import Text

        err.print(Text.assemble("taking ", (found.label, "bold"), f" for {name!r}"), highlight=False)
    out.print(render(found), highlight=False)


def render(found):
    """The explanation as rich Text: every name and quote is plain text, never markup."""
    from rich.text import Text

    text = Text()
    text.append(found.label, "bold")
    text.append("\n")
    if found.aliases:
        text.append(f"also called: {', '.join(found.aliases)}\n")
    text.append(f"{found.records} record{'s' if found.records != 1 else ''} naming it extracted again\n", "dim")
    in_graph = [d for d in found.derivations if d.in_graph]
    not_in = [d for d in found.derivations if not d.in_graph]
    _section(text, "derivations in the graph", in_graph)
    _section(text, "derivations found but not in the graph", not_in)
    text.append(f"\nrejected candidates, child <- parent ({len(found.rejected)})\n", "bold")
    if not found.rejected:
        text.append("  none\n", "dim")
    for r in found.rejected:
        text.append(f"  {r.child or '(none)'} <- {r.parent or '(none)'}")
        if r.kind:
            text.append(f"  ({r.kind})", "cyan")
        text.append("\n")
        text.append(f"    rule: {r.rule or 'not recorded'}\n")
        text.append(f"    reason: {r.why or 'not given'}\n", "yellow")
        _quote(text, r.quote, [(r.file, r.line)])
    return text


def _section(text, title: str, derivations) -> None:
    """One line per derivation (child, kind, parent, confidence), then its rule, quote and places;
    the same sentence read in several files is shown once."""
    groups: dict[tuple, list] = {}
    for d in derivations:
        groups.setdefault((d.child, d.kind, d.parent, d.confidence, d.rule, d.extractor, d.quote), []).append(d)
    text.append(f"\n{title} ({len(groups)})\n", "bold")
    if not groups:
        text.append("  none\n", "dim")
    for (child, kind, parent, confidence, rule, extractor, quote), ds in groups.items():
        text.append(f"  {child}  ")
        text.append(_made(kind), "cyan")
        text.append(f"  {parent}  ({confidence:g})\n")
        text.append(f"    rule: {rule or 'not recorded' + (f' ({extractor})' if extractor else '')}\n")
        _quote(text, quote, [(d.file, d.line) for d in ds])


def _made(kind: str) -> str:
    """"fine-tuned" -> "fine-tuned from", "based on" as it is: the properties' labels."""
    from kg.vocab import DERIVATIONS

    return next((d.label for d in DERIVATIONS if d.label.removesuffix(" from") == kind), kind)


def _quote(text, quote: str, places) -> None:
    text.append(f"    “{quote}”\n", "dim")
    where = ", ".join(dict.fromkeys(f"{f}:{n}" if n else f for f, n in places))
    text.append(f"    at {where}\n", "dim")
