"""Built-in extraction components; importing registers them."""

from kg.extract.components import abbreviations, authors, modelcard, models  # noqa: F401

for _optional in ("derivations", "techniques"):
    try:
        __import__(f"kg.extract.components.{_optional}")
    except ModuleNotFoundError as _exc:
        if not (_exc.name or "").endswith(_optional):
            raise
