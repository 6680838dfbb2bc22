"""Size limits for reading untrusted input, in one place so tests can name them.

Every reader stays linear in its input; these caps bound the work a single
hostile file or record can cause (a 50 MB line, 10^5 records, ...).
"""

MAX_FILE_BYTES = 256 * 1024 * 1024
"""Files larger than this are skipped with a Problem, not read."""

MAX_RECORD_CHARS = 1_000_000
"""A record longer than this (e.g. a 50 MB single line) is skipped with a Problem."""

MAX_DECODE_PROBLEMS = 20
"""Invalid-UTF-8 lines reported one by one per file; the rest are counted."""

MAX_TITLE_TOKENS = 60
"""hf-daily: the title/abstract boundary is searched among this many tokens."""

MAX_AUTHORS = 5_000
"""Author names kept per record; longer lists are cut with a Problem."""

SNIFF_CHARS = 20_000
"""How much of a file the format sniffers look at."""
