"""kg lineage: where a model comes from and what was made from it, with the evidence of each step."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import DEFAULT_STORE, StoreOption, UsageError, app, err, handles_errors, out, plain
from kg.cli.source import EndpointOption, open_graph

QUOTES_PER_EDGE = 3


@app.command()
@handles_errors
def lineage(
    name: Annotated[str, typer.Argument(help="The model, in any spelling (\"Nemotron-4 15B\" = \"nemotron-4-15b\").")],
    store: StoreOption = DEFAULT_STORE,
    html: Annotated[Path | None, typer.Option("--html", help="Also draw the lineage as a page (tree layout).")] = None,
    depth: Annotated[int, typer.Option(min=1, max=50, help="Steps to follow up and down.")] = 20,
    quotes: Annotated[bool, typer.Option("--quotes/--no-quotes", help="Show the sentence behind each edge.")] = True,
    endpoint: EndpointOption = None,
) -> None:
    """A model's ancestors and descendants as a tree: the kind of each derivation and its evidence.

    Each quote says where it was read: a paper's record (file#index, arXiv id), or a
    "model card" (a card's front matter or a Hub listing: the metadata line). Any spelling of the name works; a name that fits several models lists them (exit 2).

    Example:  kg lineage "Mistral-NeMo-Minitron-8B" --html exports/lineage.html
    """
    from rich.text import Text

    from kg.lineage import AmbiguousName, UnknownName, find_model, spellings
    from kg.lineage import lineage as walk
    from kg.keys import model_key

    graph = open_graph(store, endpoint)
    try:
        root = find_model(graph, name)
    except AmbiguousName as exc:
        raise UsageError(f"{exc}; give one of these names") from None
    except UnknownName as exc:
        raise UsageError(str(exc)) from None
    lin = walk(graph, root, depth)
    label = lin.labels[root]
    if model_key(name) not in {model_key(n) for n in spellings(graph, root)}:
        err.print(Text.assemble("taking ", (label, "bold"), f" for {name!r}"), highlight=False)
    out.print(render_tree(lin, quotes=quotes), soft_wrap=False)
    if html is not None:
        from kg.views import lineage_view

        path = lineage_view(graph, label, depth=depth).save(html)
        out.print(plain(f"wrote {path}"), highlight=False)


def render_tree(lin, *, quotes: bool = True):
    """The lineage as a rich Tree: "made from" upwards, "used to make" downwards.

    Every label, quote and file name is Text, never markup: "[/x]", "[bold]", ":smile:" or a
    trailing backslash in a model's name print as they are."""
    from rich.text import Text
    from rich.tree import Tree

    tree = Tree(Text(lin.labels[lin.root], style="bold"))
    if not lin.edges:
        tree.add(Text("no derivation is recorded for this model", style="dim"))
        return tree
    if lin.ancestors:
        _grow(lin, lin.root, tree.add(Text("made from", style="dim")), up=True, quotes=quotes, seen={lin.root})
    if lin.descendants:
        _grow(lin, lin.root, tree.add(Text("used to make", style="dim")), up=False, quotes=quotes, seen={lin.root})
    return tree


def _grow(lin, node, branch, *, up: bool, quotes: bool, seen: set) -> None:
    from rich.text import Text

    for e in lin.parents(node) if up else lin.children(node):
        other = e.parent if up else e.child
        if up and other not in lin.ancestors or not up and other not in lin.descendants:
            continue
        again = other in seen
        child = branch.add(Text.assemble(lin.labels[other], "  ", (", ".join(e.kinds), "cyan"),
                                         ("  (shown above)", "dim") if again else ""))
        if quotes:
            by_quote: dict[str, list] = {}
            for ev in e.evidence:
                by_quote.setdefault(ev.quote, []).append(ev)
            for i, (quote, evs) in enumerate(by_quote.items()):
                if i == QUOTES_PER_EDGE:
                    child.add(Text(f"… and {len(by_quote) - i} more quotes", style="dim"))
                    break
                kinds = ", ".join(sorted({ev.kind for ev in evs}, key=lambda k: (k not in e.kinds, e.kinds.index(k) if k in e.kinds else 0, k)))
                where = (f"{evs[0].stated_in} " if evs[0].stated_in != "paper" else "") + evs[0].record + (
                    f", arXiv {evs[0].arxiv}" if evs[0].arxiv else "")
                prefix = f"{kinds}: " if len(e.kinds) > 1 else ""
                child.add(Text(f"{prefix}“{quote}” ({where}, {evs[0].confidence:g})", style="dim",
                               overflow="fold"))
        if not again:
            seen.add(other)
            _grow(lin, other, child, up=up, quotes=quotes, seen=seen)
