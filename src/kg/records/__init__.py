"""① Source files -> Records: readers registered by name, chosen by sniffing.

``read_paths(paths)`` reads files, folders or "-" (stdin) into Records,
Problems and Sources; ``clean_text`` prepares abstract text for extraction.
"""

from kg.records.clean import clean_text
from kg.records.io import InputError, ReadResult, Source, parse_source, parse_text, read_paths
from kg.records.record import Problem, Record

__all__ = [
    "InputError", "Problem", "ReadResult", "Record", "Source", "clean_text",
    "parse_source", "parse_text", "read_paths",
]
