"""A damaged store said in one line: which store, what is wrong, how to get it back.

Oxigraph keeps its database in RocksDB files. A truncated or deleted ``.sst``, an empty
``CURRENT`` or a truncated ``MANIFEST`` makes RocksDB raise ``RuntimeError: Corruption:
...`` (or an ``IO error``), either when the database is opened or, for a damaged block,
when a query reaches it. Neither is a bug of kg's, and a traceback helps no one: every
command says instead that the graph at the store is damaged and that
``kg build --rebuild --store PATH`` makes it again from the input files the store keeps
beside the database (``sources/``), which the damage does not touch.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

from kg.graph.store import StoreDamaged, StoreError

__all__ = ["StoreDamaged", "damaged", "is_damage", "no_space", "recover_hint"]

_ROCKSDB = re.compile(r"^(?:Corruption|IO error|Invalid argument|Not implemented|Incomplete)\b|"
                      r"\b(?:Corruption|Sst file size mismatch|MANIFEST|CURRENT file)\b")


def is_damage(exc: BaseException) -> bool:
    """Whether ``exc`` is RocksDB saying its files are damaged or missing (not a bad query)."""
    return isinstance(exc, (RuntimeError, OSError)) and bool(_ROCKSDB.search(str(exc)))


def recover_hint(store: str | os.PathLike[str]) -> str:
    return f"rebuild it from the sources the store keeps: kg build --rebuild --store {store}"


def _summary(exc: BaseException, limit: int = 160) -> str:
    """RocksDB's message, on one line and short (it can repeat the whole MANIFEST path twice)."""
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def damaged(store: str | os.PathLike[str], exc: BaseException) -> StoreDamaged:
    """The one-line error for a damaged database of the store at ``store``."""
    return StoreDamaged(f"the graph at {store} is damaged ({_summary(exc)}); {recover_hint(store)}")


def no_space(where: str | os.PathLike[str], exc: BaseException,
             advice: str = "free some space there, or build into another --store") -> StoreError | None:
    """The one-line error for a full (or read-only, or over-quota) disk while writing under
    ``where``, naming it; None when ``exc`` is another error."""
    code = getattr(exc, "errno", None)
    text = str(exc)
    if code == errno.ENOSPC or "No space left on device" in text:
        what = "no space left on device"
    elif code == errno.EDQUOT or "Disk quota exceeded" in text:
        what = "disk quota exceeded"
    elif code == errno.EROFS or "Read-only file system" in text:
        what = "read-only file system"
    else:
        return None
    return StoreError(f"{what} while writing {Path(where)}; nothing was changed ({advice})")
