"""Compressed inputs (gzip, bzip2, Zstandard), recognised by their first bytes and read as a stream.

Bulk sources come compressed (the arXiv metadata snapshot, OAI-PMH harvests). A compressed file
is recognised by its magic number, never by its name, so every reader sniffs the decompressed
text as if the file had been given plain. Decompression runs chunk by chunk: the compressed
file is never held whole, and a decompression bomb is cut off at the caller's limit instead of
filling memory (Zstandard is fed 1 KiB at a time, so one call yields at most about 32 MiB).

A damaged or truncated stream (an interrupted download) raises :class:`CompressedError`, one
line naming the file: a build must not go on with the first part of a file as if it were all.
"""

from __future__ import annotations

import bz2
import gzip
import io
import zlib
from collections.abc import Iterator
from typing import BinaryIO

MAGIC = {
    b"\x1f\x8b\x08": "gzip",
    b"BZh": "bzip2",
    b"\x28\xb5\x2f\xfd": "zstd",
}
"""Leading bytes of each compressed format (RFC 1952 with deflate, bzip2, RFC 8878)."""
BZIP2_BLOCK = (b"\x31\x41\x59\x26\x53\x59", b"\x17\x72\x45\x38\x50\x90")
"""What follows bzip2's "BZh" and block size digit: a block (the digits of pi) or the end of an
empty stream. Checked too, so a text file that starts with "BZh" is not taken for bzip2."""
HEAD = 10

CHUNK = 1 << 16
"""Bytes of decompressed text handed on at a time."""

ZSTD_FEED = 1 << 10
"""Compressed bytes given to the Zstandard decoder per call (its output per call is unbounded)."""


class CompressedError(ValueError):
    """A compressed input that cannot be decompressed whole (truncated or damaged)."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}; the file was not read")
        self.name = name


def codec(head: bytes) -> str | None:
    """The compression format ``head`` (a file's first bytes) starts with, or None."""
    for magic, name in MAGIC.items():
        if head.startswith(magic):
            if name == "bzip2" and not (head[3:4] in b"123456789" and head[4:10] in BZIP2_BLOCK):
                continue
            return name
    return None


class _Prefixed(io.RawIOBase):
    """``head`` followed by the rest of ``fh``: the magic bytes read to sniff are not lost (stdin
    cannot seek back)."""

    def __init__(self, head: bytes, fh: BinaryIO) -> None:
        self._head = head
        self._fh = fh

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._fh.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _ZstdReader(io.RawIOBase):
    """Zstandard frames (one or more, as `zstd` and `pzstd` write them) as a raw stream. The
    `zstandard` package's own stream reader ends quietly at a truncated frame; this one says so."""

    def __init__(self, fh: BinaryIO) -> None:
        import zstandard

        self._fh = fh
        self._zstd = zstandard
        self._dctx = zstandard.ZstdDecompressor()
        self._obj = self._dctx.decompressobj()
        self._in_frame = False
        self._out = b""
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._out:
            feed = self._pending or self._fh.read(ZSTD_FEED)
            self._pending = b""
            if not feed:
                if self._in_frame:
                    raise EOFError("Compressed file ended before the end-of-stream marker was reached")
                return 0
            try:
                self._out = self._obj.decompress(feed)
            except self._zstd.ZstdError as exc:
                raise ValueError(str(exc)) from None
            self._in_frame = True
            if self._obj.eof:  # a frame ended: what follows is the next frame
                self._pending = self._obj.unused_data
                self._obj = self._dctx.decompressobj()
                self._in_frame = False
        n = min(len(buffer), len(self._out))
        buffer[:n] = self._out[:n]
        self._out = self._out[n:]
        return n


def open_stream(fh: BinaryIO) -> tuple[BinaryIO, str | None]:
    """(a binary stream of the decompressed content, the codec or None) for an open file.

    A plain file comes back as itself (after its first bytes, which are put back in front).
    Iterating the stream gives lines, so a line-by-line reader never holds the whole file.
    """
    head = fh.read(HEAD)
    found = codec(head)
    raw: BinaryIO = io.BufferedReader(_Prefixed(head, fh), CHUNK)  # type: ignore[arg-type]
    if found == "gzip":
        return gzip.GzipFile(fileobj=raw, mode="rb"), found  # type: ignore[return-value]
    if found == "bzip2":
        return bz2.BZ2File(raw), found  # type: ignore[return-value]
    if found == "zstd":
        return io.BufferedReader(_ZstdReader(raw), CHUNK), found  # type: ignore[return-value]
    return raw, None


def chunks(fh: BinaryIO, name: str) -> Iterator[bytes]:
    """The decompressed content of ``fh`` in pieces of up to :data:`CHUNK` bytes.

    Raises :class:`CompressedError` naming ``name`` when a compressed stream is truncated or
    damaged; errors of the disk itself stay OSErrors.
    """
    stream, found = open_stream(fh)
    what = {"gzip": "gzip", "bzip2": "bzip2", "zstd": "Zstandard"}.get(found or "", "")
    try:
        while True:
            data = stream.read(CHUNK)
            if not data:
                return
            yield data
    except EOFError:
        raise CompressedError(name, f"the {what} data is truncated (the file ends inside the "
                                    f"compressed stream: an interrupted download or copy?)") from None
    except OSError as exc:
        if exc.errno is not None:  # the disk, not the data
            raise
        raise CompressedError(name, f"the {what} data is damaged ({exc})") from None
    except (zlib.error, ValueError) as exc:
        raise CompressedError(name, f"the {what} data is damaged ({exc})") from None


def read(fh: BinaryIO, name: str, limit: int) -> bytes:
    """Up to ``limit`` bytes of ``fh``'s decompressed content (a caller asking for one byte more
    than it accepts learns that the file is too large without decompressing the rest)."""
    parts: list[bytes] = []
    size = 0
    for data in chunks(fh, name):
        parts.append(data)
        size += len(data)
        if size >= limit:
            break
    data = b"".join(parts)
    return data[:limit] if len(data) > limit else data


def lines(path: str, name: str | None = None) -> Iterator[bytes]:
    """The lines of a file, compressed or not, one at a time: memory holds one chunk and one
    line, whatever the file's size (for readers and tools that stream)."""
    with open(path, "rb") as fh:
        pending: list[bytes] = []  # a line longer than a chunk, in pieces (joined once: linear)
        for data in chunks(fh, name or str(path)):
            parts = data.split(b"\n")
            if len(parts) > 1:
                yield b"".join(pending) + parts[0] + b"\n"
                pending = []
                for part in parts[1:-1]:
                    yield part + b"\n"
            pending.append(parts[-1])
        rest = b"".join(pending)
        if rest:
            yield rest
