"""kg hub fetch: model metadata (and cards) from the Hugging Face Hub, ready for kg build."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import DataError, app, err, handles_errors, out, plain

hub = typer.Typer(help="Read model metadata and cards from the Hugging Face Hub (needs the network, or a mirror "
                       "in $HF_ENDPOINT), for kg build to add declared lineage.\n\n"
                       "Example:  kg hub fetch --author nvidia -o models.jsonl --cards cards",
                  no_args_is_help=True, rich_markup_mode="rich")
app.add_typer(hub, name="hub")


@hub.command("fetch")
@handles_errors
def fetch(
    author: Annotated[str, typer.Option("--author", help="The org or user whose models to list, e.g. nvidia.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="JSON Lines file to write (one model per line).")],
    search: Annotated[str | None, typer.Option("--search", help="Only models whose id contains this text.")] = None,
    cards: Annotated[Path | None, typer.Option("--cards", help="Also download each model card to CARDS/ORG/NAME/README.md.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many models.")] = None,
) -> None:
    """List an org's models on the Hub as JSON Lines (id, tags, cardData, ...), and optionally their cards.

    The file and the card folder are inputs of kg build: base_model gives lineage, arxiv: tags
    the papers, datasets the training data (docs/model-cards.md). The Hub is
    https://huggingface.co, or $HF_ENDPOINT (a mirror).

    Example:  kg hub fetch --author nvidia --search Minitron -o models.jsonl --cards cards
              kg build examples/corpus models.jsonl cards
    """
    from kg.hub import HubError
    from kg.hub import fetch as run

    try:
        got = run(author, output, search=search, cards=cards, limit=limit)
    except HubError as exc:
        raise DataError(str(exc)) from None
    out.print(plain(f"wrote {output} ({got.models} models)"), highlight=False)
    if cards is not None:
        out.print(plain(f"wrote {got.cards} cards under {cards}"), highlight=False)
        for repo in got.missing_cards:
            err.print(plain(f"warning: {repo}: no model card"), highlight=False)
