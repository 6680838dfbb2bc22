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


_REPORTS = pytest.StashKey[list]()


@pytest.fixture
def checklist_report(request):
    """Add a titled text block (e.g. a pass-rate table) to pytest's terminal summary."""
    def _add(title: str, text: str) -> None:
        request.config.stash.setdefault(_REPORTS, []).append((title, text))
    return _add


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    for title, text in config.stash.get(_REPORTS, []):
        terminalreporter.write_sep("=", title)
        terminalreporter.write_line(text)
