"""Compressed inputs: gzip, bzip2 and Zstandard files read as a stream, sniffed by content, and a
truncated or damaged one stopping the read with one line naming the file."""

from __future__ import annotations

import bz2
import gzip
import hashlib
import io
import time
import tracemalloc
from pathlib import Path

import pytest
import zstandard

from kg.records import compressed
from kg.records import io as records_io
from kg.records.compressed import CompressedError
from kg.records.io import read_paths

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"
CODECS = {
    ".gz": gzip.compress,
    ".bz2": bz2.compress,
    ".zst": lambda data: zstandard.ZstdCompressor(write_checksum=True).compress(data),  # as the zstd CLI does
}
FIXTURES = ["arxiv_listing.txt", "hf_daily.txt", "refs.bib", "feed.atom", "papers.jsonl",
            "arxiv_snapshot.jsonl", "oai_arxiv.xml", "oai_arxivraw.xml"]


def fields(records):
    return [(r.format, r.index, r.lines, r.text, r.title, r.authors, r.abstract, r.arxiv_id, r.date,
             r.categories) for r in records]


@pytest.mark.parametrize("suffix", sorted(CODECS))
@pytest.mark.parametrize("name", FIXTURES)
def test_every_reader_reads_its_format_compressed(tmp_path, name, suffix):
    plain = (INPUTS / name).read_bytes()
    packed = tmp_path / (name + suffix)
    packed.write_bytes(CODECS[suffix](plain))
    want, got = read_paths([INPUTS / name]), read_paths([packed])
    # the same reader, the same records at the same lines
    assert got.records and fields(got.records) == fields(want.records)
    assert [(p.line, p.message) for p in got.problems] == [(p.line, p.message) for p in want.problems]
    assert {r.file for r in got.records} == {packed.name}  # problems and records name the file as given
    assert got.sources[0].sha256 == hashlib.sha256(plain).hexdigest()  # the content, not its packing
    assert got.sources[0].format == want.sources[0].format


def test_the_content_decides_not_the_name(tmp_path):
    """A gzip file without .gz is still decompressed; a plain file called .gz is read as it is."""
    plain = (INPUTS / "arxiv_snapshot.jsonl").read_bytes()
    (tmp_path / "snapshot.json").write_bytes(gzip.compress(plain))
    (tmp_path / "listing.gz").write_bytes((INPUTS / "arxiv_listing.txt").read_bytes())
    result = read_paths([tmp_path])
    assert {r.format for r in result.records} == {"arxiv-snapshot", "arxiv-listing"}
    assert not [p for p in result.problems if p.skipped]


def test_standard_input_may_be_compressed(monkeypatch):
    plain = (INPUTS / "oai_arxivraw.xml").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(bz2.compress(plain))))
    result = read_paths(["-"])
    assert [r.arxiv_id for r in result.records] == ["2404.04567", "2404.05678"]


def test_concatenated_members_and_frames_are_read_whole():
    data = b"".join(b"line %d\n" % i for i in range(20_000))
    cut = len(data) // 3
    multi_gz = gzip.compress(data[:cut]) + gzip.compress(data[cut:])  # `cat a.gz b.gz`, pigz
    multi_zst = CODECS[".zst"](data[:cut]) + CODECS[".zst"](data[cut:])  # pzstd writes frames
    multi_bz2 = bz2.compress(data[:cut]) + bz2.compress(data[cut:])  # pbzip2 writes streams
    for packed in (multi_gz, multi_zst, multi_bz2):
        assert compressed.read(io.BytesIO(packed), "x", 10**9) == data


@pytest.mark.parametrize("suffix", sorted(CODECS))
def test_a_truncated_file_is_one_clear_error(suffix):
    data = (INPUTS / "arxiv_snapshot.jsonl").read_bytes() * 20
    packed = CODECS[suffix](data)
    with pytest.raises(CompressedError) as caught:
        compressed.read(io.BytesIO(packed[: len(packed) * 2 // 3]), "snap.jsonl" + suffix, 10**9)
    message = str(caught.value)
    assert message.startswith(f"snap.jsonl{suffix}: ") and "truncated" in message and "\n" not in message


@pytest.mark.parametrize("suffix", sorted(CODECS))
def test_a_damaged_file_is_one_clear_error(suffix):
    data = (INPUTS / "arxiv_snapshot.jsonl").read_bytes() * 20
    packed = bytearray(CODECS[suffix](data))
    packed[len(packed) // 2] ^= 0xFF
    with pytest.raises(CompressedError, match=r"^bad\S*: the .* data is (damaged|truncated)"):
        compressed.read(io.BytesIO(bytes(packed)), "bad" + suffix, 10**9)


def test_a_decompression_bomb_stops_at_the_limit():
    """1 GiB of zeros in about 40 KB of Zstandard: reading asks for 1 MiB more than the limit and
    stops there, without decompressing the rest or holding it."""
    packed = io.BytesIO()
    with zstandard.ZstdCompressor(level=3).stream_writer(packed, closefd=False) as w:
        block = bytes(1 << 20)
        for _ in range(1024):
            w.write(block)
    assert packed.tell() < 200_000
    packed.seek(0)
    tracemalloc.start()
    try:
        started = time.perf_counter()
        data = compressed.read(packed, "bomb.zst", (1 << 20) + 1)
        took = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(data) == (1 << 20) + 1
    assert peak < 80 << 20 and took < 5, (peak, took)


def test_a_file_too_large_once_decompressed_is_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr(records_io, "MAX_FILE_BYTES", 4096)
    (tmp_path / "big.jsonl.gz").write_bytes(gzip.compress((INPUTS / "arxiv_snapshot.jsonl").read_bytes() * 10))
    (tmp_path / "small.jsonl").write_bytes((INPUTS / "papers.jsonl").read_bytes()[:3000])
    result = read_paths([tmp_path])
    assert [str(p) for p in result.problems if p.file == "big.jsonl.gz"] == [
        "big.jsonl.gz:1: skipped: file larger than 4096 bytes, skipped"]
    assert {r.file for r in result.records} == {"small.jsonl"}


def test_lines_stream_a_large_file_in_bounded_memory(tmp_path):
    """50,000 snapshot lines (37 MB once decompressed) pass through `compressed.lines` holding one
    chunk and one line at a time: the peak is far below the file's size."""
    from bulk_support import snapshot_line

    path = tmp_path / "snapshot.jsonl.gz"
    size = 0
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as fh:
        for i in range(50_000):
            line = snapshot_line(i) + "\n"
            size += len(line.encode())
            fh.write(line)
    tracemalloc.start()
    try:
        count = total = 0
        for line in compressed.lines(str(path)):
            count += 1
            total += len(line)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (count, total) == (50_000, size)
    assert peak < 2 << 20 < size // 10, (peak, size)


def test_lines_keep_a_line_longer_than_a_chunk_whole(tmp_path):
    long = b"x" * (5 * compressed.CHUNK + 17)
    path = tmp_path / "long.zst"
    path.write_bytes(CODECS[".zst"](b"a\n" + long + b"\nb"))
    assert list(compressed.lines(str(path))) == [b"a\n", long + b"\n", b"b"]


@pytest.mark.slow
def test_reading_a_compressed_snapshot_of_50k_records(tmp_path):
    """The whole read path (decompress, decode, sniff, parse) on 50,000 snapshot lines: every record
    read, at several thousand records a second (about 6,000 on a busy 2-core machine)."""
    from bulk_support import snapshot_line

    path = tmp_path / "arxiv-metadata-oai-snapshot.json.gz"
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as fh:
        for i in range(50_000):
            fh.write(snapshot_line(i) + "\n")
    started = time.perf_counter()
    result = read_paths([path])
    took = time.perf_counter() - started
    assert len(result.records) == 50_000 and not result.problems
    assert {r.format for r in result.records} == {"arxiv-snapshot"}
    assert result.records[-1].date == "2024-01-20" and result.records[0].authors == ("Bal\u00e1zs Szab\u00f3",)
    assert 50_000 / took > 1_000, f"{50_000 / took:.0f} records/s"


def test_text_that_starts_like_a_magic_number_is_read_as_text(tmp_path):
    text = b"BZh91AY: a title that begins like bzip2\n"
    assert compressed.read(io.BytesIO(text), "bzh.txt", 10**6) == text
    (tmp_path / "bzh.txt").write_bytes(text)
    assert [p.message for p in read_paths([tmp_path]).problems] == [
        "unrecognised format (no reader claims this file)"]  # read as text, not a damaged bzip2
    assert compressed.codec(bz2.compress(b"")) == "bzip2" and compressed.codec(bz2.compress(b"x")) == "bzip2"
