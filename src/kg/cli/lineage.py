"""kg lineage: where a model comes from and what was made from it, with the evidence of each step."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text
from rich.tree import Tree

from kg.cli.app import DEFAULT_STORE, StoreOption, UsageError, app, handles_errors, out


@app.command()
@handles_errors
def lineage(
    name: Annotated[str, typer.Argument(help="The model, in any spelling (\"Nemotron-4 15B\" = \"nemotron-4-15b\").")],
    store: StoreOption = DEFAULT_STORE,
    html: Annotated[Path | None, typer.Option("--html", help="Also draw the lineage as a page (tree layout).")] = None,
    quotes: Annotated[bool, typer.Option("--quotes/--no-quotes", help="Show the sentence behind each edge.")] = True,
) -> None:
    """A model's ancestors and descendants as a tree: the kind of each derivation and its evidence.

    Example:  kg lineage "Mistral-NeMo-Minitron-8B" --html exports/lineage.html
    """
    from kg.graph.store import Store
    from kg.lineage import AmbiguousName, UnknownModel, find_model
    from kg.lineage import lineage as walk

    graph = Store(store).graph()
    try:
        root = find_model(graph, name)
    except AmbiguousName as exc:
        raise UsageError(f"{exc}; give one of these names") from None
    except UnknownModel as exc:
        raise UsageError(str(exc)) from None
    lin = walk(graph, root)
    tree = Tree(f"[bold]{_esc(lin.labels[root])}[/bold]")
    up = tree.add("[dim]made from[/dim]")
    _grow(lin, root, up, ancestors=True, quotes=quotes, seen={root})
    down = tree.add("[dim]used to make[/dim]")
    _grow(lin, root, down, ancestors=False, quotes=quotes, seen={root})
    out.print(tree, soft_wrap=False)
    if not lin.edges:
        out.print("no derivation is recorded for this model")
    if html is not None:
        from kg.views import lineage_view

        path = lineage_view(graph, name).save(html)
        out.print(f"wrote {path}")


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _grow(lin, node, branch, *, ancestors: bool, quotes: bool, seen: set) -> None:
    edges = lin.parents(node) if ancestors else lin.children(node)
    for e in edges:
        other = e.parent if ancestors else e.child
        label = f"{_esc(lin.labels[other])}  [cyan]{', '.join(e.kinds)}[/cyan]"
        child = branch.add(label)
        if quotes:
            shown: set[str] = set()
            for ev in e.evidence:
                if ev.quote not in shown and len(shown) < 2:  # one paper listed in many files: one quote
                    shown.add(ev.quote)
                    child.add(Text.from_markup(f"[dim]“{_esc(ev.quote)}” ({_esc(ev.record)}, {ev.confidence:g})[/dim]",
                                               overflow="fold"))
        if other not in seen:
            seen.add(other)
            _grow(lin, other, child, ancestors=ancestors, quotes=quotes, seen=seen)
