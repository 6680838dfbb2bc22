"""① Source files -> Records: readers registered by name, chosen by sniffing."""

from kg.records.record import Problem, Record

__all__ = ["Problem", "Record"]
