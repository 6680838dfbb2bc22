"""The typer app every command module registers on, and the error policy they share.

Exit codes: 0 success, 1 data error (bad input, nothing built, a violation),
2 usage error (missing path, unknown format or query). Never a traceback for
an expected error: one line naming the file (and line) instead.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.text import Text

app = typer.Typer(
    name="kg",
    help=(
        "Turn research-paper listings into a knowledge graph of ML models, authors, papers and "
        "techniques; query it with SPARQL, view model lineage, export it.\n\n"
        "Start with:  kg build examples/corpus   then   kg query --list"
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

StoreOption = Annotated[
    Path,
    typer.Option("--store", "-s", envvar="KG_STORE", show_envvar=True,
                 help="Folder of the graph store.", show_default=True),
]
DEFAULT_STORE = Path(".kg")


class UsageError(Exception):
    """The command was called wrongly (exit 2)."""


class DataError(Exception):
    """The data was wrong or missing (exit 1)."""


F = TypeVar("F", bound=Callable)


def handles_errors(func: F) -> F:
    """Turn the library's expected exceptions into one clear line and an exit code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from kg.graph.store import StoreError

        try:
            input_error: type[Exception] = __import__("kg.records.io", fromlist=["InputError"]).InputError
        except (ImportError, AttributeError):  # pragma: no cover - readers not installed
            input_error = OSError
        try:
            return _damage_said(func, args, kwargs)
        except BrokenPipeError:  # `kg query ... | head`: the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
            raise typer.Exit(141) from None
        except (UsageError, input_error, FileNotFoundError, KeyError) as exc:
            err.print(error_line(_message(exc)))
            raise typer.Exit(2) from None
        except (DataError, StoreError, ValueError, OSError) as exc:
            err.print(error_line(_message(exc)))
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            err.print("interrupted: nothing was changed")
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def _damage_said(func, args, kwargs):
    """Run ``func``; RocksDB finding the database damaged part-way through a command (a block
    that fails its checksum is only found when read) becomes the store's one-line error."""
    from kg.graph.damage import damaged, is_damage

    try:
        return func(*args, **kwargs)
    except (RuntimeError, OSError) as exc:
        if isinstance(exc, BrokenPipeError) or not is_damage(exc):
            raise
        raise damaged(kwargs.get("store") or DEFAULT_STORE, exc) from None


def error_line(message: str) -> Text:
    """``error: <message>``. Messages quote file names and values from the input, so they are
    printed as plain text: rich markup ("[/x]") or emoji codes (":label:") in them stay as typed."""
    return Text.assemble(("error:", "red"), " ", message)


def plain(value: object) -> Text:
    """A value from the data or the user, for a table cell or a line: never read as markup."""
    return Text(str(value))


def _message(exc: BaseException) -> str:
    if isinstance(exc, KeyError) and exc.args:
        return str(exc.args[0])
    return str(exc) or type(exc).__name__


def is_interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")
