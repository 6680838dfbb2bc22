"""Pages are self-contained and nothing from the data becomes markup (parsed, no browser needed)."""

from html.parser import HTMLParser

import pytest

from kg.views import graph_view, lineage_view
from kg.views.network import safe_text

PROBES = ["<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>"]


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.handlers, self.sources = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.handlers += [a for a, _ in attrs if a.startswith("on")]
        self.sources += [v for a, v in attrs if a in ("src", "href") and v]


@pytest.fixture(scope="module")
def page(hostile_store):
    import kg

    return graph_view(kg.open(hostile_store)).html


def test_no_element_or_handler_comes_from_data(page):
    parsed = Elements()
    parsed.feed(page)
    assert "img" not in parsed.tags and "b" not in parsed.tags
    assert parsed.handlers == []
    assert parsed.sources == []  # no external script, style or image: everything is inline
    assert parsed.tags.count("script") == 3  # vis-network, the JSON data block, the page's own code


def test_data_cannot_close_the_script(page):
    data = page.split('id="kg-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data  # |tojson escapes them, so "</script>" stays inert


def test_page_works_offline_by_construction(page):
    import re

    assert not re.search(r"url\((?!['\"]?data:)", page)  # styles load nothing from outside
    assert "sourceMappingURL" not in page  # not even a source map request
    assert "Content-Security-Policy" in page


def test_lineage_page_is_safe_too(hostile_store):
    import kg

    html = lineage_view(kg.open(hostile_store), "Evil-7B").html
    parsed = Elements()
    parsed.feed(html)
    assert "img" not in parsed.tags and parsed.handlers == []


@pytest.mark.parametrize("raw, shown", [
    ("plain", "plain"),
    ("right\u202etxet", "righttxet"),
    ("zero\u200bwidth", "zerowidth"),
    ("a\x00b\x01c", "abc"),
    ("family 👨\u200d👩\u200d👧", "family 👨\u200d👩\u200d👧"),
])
def test_safe_text_strips_control_and_format_characters(raw, shown):
    assert safe_text(raw) == shown


def test_notebook_repr_is_an_escaped_iframe(hostile_store):
    import kg

    view = graph_view(kg.open(hostile_store))
    frame = view._repr_html_()
    assert frame.startswith("<iframe srcdoc=") and "<script" not in frame
