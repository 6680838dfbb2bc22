"""Named extraction components run in order over each record's Doc.

A component is a function ``(doc) -> None`` registered with::

    @component("models", version="1.0", requires=(), assigns=("models",))

It appends to ``doc.facts`` / ``doc.entities`` / ``doc.aliases`` and may leave
annotations in ``doc.user`` for later components. A component that raises
is reported as a Problem for that record; the other components and records
go on (spaCy's per-component error handler).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from kg.extract.doc import Doc
from kg.records.record import Problem, Record

Component = Callable[[Doc], None]


@dataclass(frozen=True)
class Registered:
    name: str
    version: str
    func: Component
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.name}@{self.version}"


COMPONENTS: dict[str, Registered] = {}
DEFAULT_PIPELINE = ("authors", "abbreviations", "models", "derivations", "techniques", "modelcard")


def component(name: str, *, version: str, requires: tuple[str, ...] = (),
              assigns: tuple[str, ...] = ()) -> Callable[[Component], Component]:
    def register(func: Component) -> Component:
        COMPONENTS[name] = Registered(name, version, func, requires, assigns)
        return func

    return register


def _load_builtin() -> None:
    from kg.extract import components  # noqa: F401


def pipeline(names: Iterable[str] = DEFAULT_PIPELINE) -> list[Registered]:
    """The components to run, checked so that each one's requirements come first."""
    _load_builtin()
    chosen = [COMPONENTS[n] for n in names if n in COMPONENTS]
    assigned: set[str] = set()
    for comp in chosen:
        missing = set(comp.requires) - assigned
        if missing:
            raise ValueError(f"component {comp.name!r} needs {sorted(missing)} assigned first")
        assigned.update(comp.assigns)
    return chosen


def run(record: Record, components: list[Registered]) -> Doc:
    doc = Doc.from_record(record)
    for comp in components:
        try:
            comp.func(doc)
        except Exception as exc:  # one bad record must not sink the run
            doc.problems.append(Problem(record.file, record.lines[0],
                                        f"extractor {comp.id} failed: {type(exc).__name__}: {exc}",
                                        skipped=False))
    return doc


def extract(records: Iterable[Record], names: Iterable[str] = DEFAULT_PIPELINE) -> Iterator[Doc]:
    comps = pipeline(names)
    for record in records:
        yield run(record, comps)
