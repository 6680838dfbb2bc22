"""Built-in extraction components; importing registers them in pipeline order."""

from kg.extract.components import authors  # noqa: F401
