"""Input files -> Records, Problems and a copy of each source.

Paths may be files, folders (their regular, non-hidden files, sub-folders too, sorted) or
"-" for standard input. Bytes are decoded here, once: BOMs, CRLF/CR line
ends, invalid UTF-8 (replaced, and reported by file:line), control
characters, NUL bytes (binary: skipped) and empty files are dealt with
before any reader sees the text. Only missing paths and inputs with nothing
readable at all raise :class:`InputError`, and a truncated or damaged
compressed file :class:`~kg.records.compressed.CompressedError`; everything
else is a Problem. gzip, bzip2 and Zstandard files are decompressed as they
are read (kg.records.compressed), so readers sniff and parse the content.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.records import compressed, registry
from kg.records.categories import keep as keep_categories
from kg.records.limits import MAX_DECODE_PROBLEMS, MAX_FILE_BYTES
from kg.records.record import Problem, Record

STDIN = "-"
STDIN_NAME = "stdin"
SURROGATE = re.compile(r"[\ud800-\udfff]")
"""Lone surrogates (from surrogateescape decoding) cannot be written to RDF."""
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""C0 controls other than tab/LF/CR, and DEL: replaced by a space."""


class InputError(Exception):
    """A path that cannot be read at all (missing, or a folder with nothing readable)."""

    def __init__(self, message: str, path: str):
        super().__init__(message)
        self.path = path


@dataclass(frozen=True)
class Source:
    """One input file as read: the store keeps it to rebuild from."""

    name: str
    sha256: str
    text: str
    """Decoded text the readers saw (BOM dropped, line ends folded to LF)."""
    format: str | None = None
    categories: tuple[str, ...] = ()
    """The ``--category`` filter this source was built with (kg.records.categories); () for none."""


@dataclass
class ReadResult:
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    filtered: dict[str, int] = field(default_factory=dict)
    """Records left out by the ``categories`` filter, by file."""

    def add(self, records: list[Record], problems: list[Problem], source: Source) -> None:
        """One file read: its records, problems and source (kg.records.spool.SpooledRead puts
        the records and the text on disk instead)."""
        self.records.extend(records)
        self.problems.extend(problems)
        self.sources.append(source)


def decode(data: bytes, name: str) -> tuple[str | None, list[Problem]]:
    """Bytes -> text, or None when the file is binary or empty (with a Problem)."""
    if not data:
        return None, [Problem(name, 1, "empty file")]
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom) and not data.startswith(codecs.BOM_UTF8):
            text = data.decode(codec, errors="replace")
            return _finish(text, name, [])
    if b"\x00" in data:
        return None, [Problem(name, 1, "binary file, skipped")]
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    problems: list[Problem] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        problems.extend(_bad_utf8_lines(data, name))
    return _finish(text, name, problems)


def _bad_utf8_lines(data: bytes, name: str) -> list[Problem]:
    """One Problem per line holding invalid UTF-8 (up to a limit), then a count."""
    problems: list[Problem] = []
    bad = 0
    for no, line in enumerate(data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad += 1
            if bad <= MAX_DECODE_PROBLEMS:
                problems.append(Problem(name, no, "invalid UTF-8 replaced by U+FFFD", skipped=False))
    if bad > MAX_DECODE_PROBLEMS:
        problems.append(Problem(name, 1, f"{bad - MAX_DECODE_PROBLEMS} more lines with invalid UTF-8", skipped=False))
    return problems


def _finish(text: str, name: str, problems: list[Problem]) -> tuple[str | None, list[Problem]]:
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        return None, [Problem(name, 1, "binary file, skipped")]
    m = CONTROL.search(text)
    if m:
        line = text.count("\n", 0, m.start()) + 1
        problems.append(Problem(name, line, "control characters replaced by spaces", skipped=False))
        text = CONTROL.sub(" ", text)
    if not text.strip():
        return None, problems + [Problem(name, 1, "empty file")]
    return text, problems


def parse_text(text: str, name: str, format: str | None = None) -> tuple[list[Record], list[Problem], str | None]:
    """Run one reader over decoded text: the one named, else the one sniffing surest."""
    chosen = registry.get(format) if format else registry.choose(text)
    if chosen is None:
        return [], [Problem(name, 1, "unrecognised format (no reader claims this file)")], None
    records: list[Record] = []
    problems: list[Problem] = []
    m = SURROGATE.search(text)
    if m:
        line = text.count("\n", 0, m.start()) + 1
        problems.append(Problem(name, line, "lone surrogates replaced by U+FFFD", skipped=False))
        text = SURROGATE.sub("\ufffd", text)
    try:
        for item in chosen.parse(text, name):
            (records if isinstance(item, Record) else problems).append(item)
    except Exception as exc:  # a reader bug must not sink the other files
        problems.append(Problem(name, 1, f"reader {chosen.name} failed: {type(exc).__name__}: {exc}"))
    return records, problems, chosen.name


def parse_source(source: Source, format: str | None = None) -> tuple[list[Record], list[Problem]]:
    """Re-read a stored source (the store rebuilds from these)."""
    records, problems, _ = parse_text(source.text, source.name, format or source.format)
    return records, problems


def _expand(paths: Iterable[str | Path]) -> list[tuple[str, Path | None]]:
    """(display name, path) per input file; folders expand to sorted regular files."""
    out: list[tuple[str, Path | None]] = []
    seen: set[Path] = set()
    for raw in paths:
        if str(raw) == STDIN:
            out.append((STDIN_NAME, None))
            continue
        path = Path(raw)
        if not path.exists():
            raise InputError(f"no such file or folder: {raw}", str(raw))
        if path.is_dir():
            files = _walk(path)
            if not files:
                raise InputError(f"folder has no readable file: {raw}", str(raw))
        elif path.is_file():
            files = [(path.name, path)]
        else:
            raise InputError(f"not a regular file or folder: {raw}", str(raw))
        for name, f in files:
            resolved = f.resolve()
            if resolved not in seen:
                seen.add(resolved)
                out.append((name, f))
    return out


def _walk(folder: Path) -> list[tuple[str, Path]]:
    """(path under ``folder``, path) of its regular, non-hidden files, sub-folders included, sorted.
    A file is named by its path under the folder given ("nvidia/X/README.md"): a folder of model
    repos holds many files called README.md. Hidden folders (.git) and links to folders are not entered."""
    files = []
    for top, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = Path(top).relative_to(folder)
        files += [((rel / n).as_posix(), Path(top, n)) for n in names
                  if not n.startswith(".") and Path(top, n).is_file()]
    return sorted(files)


def _read_bytes(path: Path | None, name: str) -> bytes:
    """The file's bytes, decompressed when it is gzip, bzip2 or Zstandard (kg.records.compressed:
    a truncated or damaged stream raises CompressedError, which stops the build)."""
    if path is None:
        return compressed.read(sys.stdin.buffer, name, MAX_FILE_BYTES + 1)
    with path.open("rb") as fh:
        return compressed.read(fh, name, MAX_FILE_BYTES + 1)


def read_one(path: Path | None, name: str, format: str | None, categories: Sequence[str],
             result: ReadResult) -> None:
    """Read one input (``None``: standard input) as the source ``name`` into ``result``: its
    records, problems and source text. The name says where it lay under the folder given
    ("org/model/README.md"), which a reader may need (a model card's repo is its two folders)."""
    try:
        data = _read_bytes(path, name)
    except OSError as exc:
        result.problems.append(Problem(name, 1, f"cannot read: {exc.strerror or exc}"))
        return
    if len(data) > MAX_FILE_BYTES:
        result.problems.append(Problem(name, 1, f"file larger than {MAX_FILE_BYTES} bytes, skipped"))
        return
    text, problems = decode(data, name)
    result.problems.extend(problems)
    if text is None:
        return
    records, problems, chosen = parse_text(text, name, format)
    if categories:
        records, result.filtered[name] = keep_categories(records, categories)
    result.add(records, problems, Source(name, hashlib.sha256(data).hexdigest(), text, chosen))


def inputs(paths: Iterable[str | Path]) -> list[tuple[str, Path | None, Problem | None]]:
    """(source name, path or None for standard input, the Problem saying it was renamed or None)
    for every input file: the same name in two folders is told apart ("x.txt~2") so that their
    records stay apart."""
    seen: dict[str, int] = {}
    out: list[tuple[str, Path | None, Problem | None]] = []
    for name, path in _expand(list(paths)):
        if name in seen:
            seen[name] += 1
            unique = f"{name}~{seen[name]}"
            out.append((unique, path, Problem(unique, 1, f"another input is also named {name!r}; read as {unique!r}",
                                              skipped=False)))
        else:
            seen[name] = 1
            out.append((name, path, None))
    return out


def read_paths(paths: Iterable[str | Path], format: str | None = None,
               categories: Sequence[str] = (), into: ReadResult | None = None) -> ReadResult:
    """Read every input; one unreadable file or record never stops the others.

    ``categories`` (kg.records.categories) leaves out the records of other arXiv categories as
    each file is read, so a build of many bulk files holds only the records it keeps. ``into``:
    the result to fill (a kg.records.spool.SpooledRead keeps each file's records on disk)."""
    if format:
        registry.get(format)  # unknown format name: KeyError before any work
    result = ReadResult() if into is None else into
    for name, path, renamed in inputs(paths):
        if renamed:
            result.problems.append(renamed)
        read_one(path, name, format, categories, result)
    return result
