import pytest

from kg.extract.pipeline import pipeline, run
from kg.records.record import Record


@pytest.fixture
def extract_abstract():
    """Run the default extraction pipeline over one hand-made record."""
    comps = pipeline()

    def _run(abstract: str, title: str | None = None):
        text = (title + "\n" if title else "") + abstract
        record = Record(file="t.txt", index=1, lines=(1, 2), text=text, format="test",
                        title=title, abstract=abstract)
        return run(record, comps)

    return _run
