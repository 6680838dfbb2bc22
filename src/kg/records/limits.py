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

MAX_AUTHORS = 20_000
"""Author names kept per record, the same in every reader; the rest are counted as "not shown",
with a warning. The longest author lists printed so far (a 2021 surgery study with 15,025
authors; ATLAS/CMS papers with about 5,000) stay under it, and each name costs the same
whatever the list's length (10,000 authors build in seconds, see kg.extract.components.authors)."""

SNIFF_CHARS = 20_000
"""How much of a file the format sniffers look at."""

SNIFF_SURE = 0.5
"""A sniff score at least this high is sure; when no reader is, the sniffers look again at
:data:`SNIFF_WIDE_CHARS`."""

SNIFF_WIDE_CHARS = MAX_RECORD_CHARS
"""The second look: as much as one record may hold, so a window that ends inside the first
record (an arXiv listing with 10,000 author lines before its "Abstract:") sees it whole."""
