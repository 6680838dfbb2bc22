"""Pages are self-contained and nothing from the data becomes markup (checked with a parser, no browser)."""

import json
import re
from html.parser import HTMLParser

import pytest
from page_data import PROBES

import kg
from kg.views import graph_view, lineage_view
from kg.views.network import arxiv_link
from kg.views.page import VIS_VERSION, assets
from kg.views.text import safe_text

OUR_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "span", "input", "datalist",
            "nav", "fieldset", "legend", "p", "main", "div", "aside", "button", "script"}


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.handlers, self.sources, self.scripts = [], [], [], []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.handlers += [a for a, _ in attrs if a.startswith("on")]
        self.sources += [v for a, v in attrs if a in ("src", "href", "action", "data") and v]
        self._in_script = tag == "script"

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)
            self._in_script = False


def parsed(page):
    p = Elements()
    p.feed(page)
    return p


@pytest.fixture(scope="module")
def pages(hostile_store, listing_store):
    hostile, listing = kg.open(hostile_store), kg.open(listing_store)
    return {
        "graph": graph_view(hostile).html,
        "lineage": lineage_view(hostile, PROBES[0]).html,
        "titled": graph_view(hostile, title=PROBES[1]).html,
        "listing": graph_view(listing).html,
        "listing lineage": lineage_view(listing, "Evil-7B").html,
    }


@pytest.mark.parametrize("name", ["graph", "lineage", "titled", "listing", "listing lineage"])
def test_no_element_attribute_or_link_comes_from_data(pages, name):
    p = parsed(pages[name])
    assert set(p.tags) <= OUR_TAGS  # no img, svg, b, a... from a title, name or quote
    assert p.handlers == []
    assert p.sources == []  # no external script, style or image: everything is inline
    assert p.tags.count("script") == 3  # vis-network, the JSON data block, the page's own code


@pytest.mark.parametrize("name", ["graph", "lineage", "titled"])
def test_data_cannot_end_its_script(pages, name):
    page = pages[name]
    data = page.split('id="kg-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data and "&" not in data and "'" not in data  # |tojson escaped them
    assert json.loads(data)["nodes"]  # and it is still the data


def test_the_heading_and_title_are_escaped_once(pages):
    from markupsafe import escape

    page = pages["lineage"]
    assert f'<h1 id="heading">{escape("kg lineage: " + PROBES[0])}</h1>' in page
    assert f"<title>{escape(PROBES[1])}</title>" in pages["titled"]
    assert "&amp;lt;" not in page and "&amp;amp;" not in page  # escaped once, not twice


def test_strings_reach_the_data_unchanged(pages):
    data = json.loads(pages["graph"].split('id="kg-data">', 1)[1].split("</script>", 1)[0])
    labels = {n["names"][0] for n in data["nodes"]}
    assert set(PROBES) <= labels  # the exact source strings: the browser shows them as text
    tips = "\n".join(line for e in data["edges"] for line in e["info"])
    assert PROBES[3] in tips and PROBES[1] in tips


def test_spoofing_characters_are_removed(pages):
    data = json.loads(pages["graph"].split('id="kg-data">', 1)[1].split("</script>", 1)[0])
    names = [name for n in data["nodes"] for name in n["names"]]
    assert "spooftxet" in names
    for page in pages.values():  # neither in the data nor in the text around it (vis-network's code aside)
        ours = page.split("<script>", 1)[0] + page.split('id="kg-data">', 1)[1].split("</script>", 1)[0]
        assert not any(ch in ours for ch in "\u202e\u200b\u2028")


def test_links_are_only_arxiv_links_built_from_ids(pages):
    data = json.loads(pages["graph"].split('id="kg-data">', 1)[1].split("</script>", 1)[0])
    links = [n["link"] for n in data["nodes"] if n["link"]] + [u for e in data["edges"] for u in e["links"]]
    assert links and set(links) == {"https://arxiv.org/abs/2407.14679"}  # not javascript:alert(6)


@pytest.mark.parametrize("arxiv, link", [
    ("2407.14679", "https://arxiv.org/abs/2407.14679"),
    ("2407.14679v2", "https://arxiv.org/abs/2407.14679v2"),
    ("hep-th/9901001", "https://arxiv.org/abs/hep-th/9901001"),
    ("javascript:alert(1)", ""),
    ("https://evil.example/2407.14679", ""),
    ("2407.14679\"><img>", ""),
    (None, ""),
])
def test_arxiv_links(arxiv, link):
    assert arxiv_link(arxiv) == link


def test_page_works_offline_by_construction(pages):
    for page in pages.values():
        assert not re.search(r"url\((?!['\"]?data:)", page)  # styles load nothing from outside
        assert "sourceMappingURL" not in page  # not even a source map request
        assert "default-src 'none'" in page  # and the browser is told to load nothing else


def test_the_bundled_vis_network_renders_string_titles_as_text():
    """Version-pin guard: vis-network >= 9 sets string tooltips with innerText; re-check on upgrade."""
    js = assets()["vis_js"]
    assert f"@version {VIS_VERSION}" in js
    assert "innerHTML" not in js and "this.frame.innerText=t" in js
    ours = assets()["page_js"]
    assert "innerHTML" not in ours and "insertAdjacentHTML" not in ours and "document.write" not in ours
    assert not re.search(r"</script|<!--", js + ours, re.IGNORECASE)


@pytest.mark.parametrize("raw, shown", [
    ("plain", "plain"),
    ("right\u202etxet", "righttxet"),
    ("zero\u200bwidth", "zerowidth"),
    ("a\x00b\x01c", "abc"),
    ("line\u2028break\nand\ttab", "line break and tab"),
    ("family 👨\u200d👩\u200d👧", "family 👨\u200d👩\u200d👧"),
    ("tag\U000e0041s", "tags"),
    ("<b>&amp;</b>", "<b>&amp;</b>"),  # markup is left alone: it is shown as text, not escaped twice
])
def test_safe_text_strips_control_and_format_characters(raw, shown):
    assert safe_text(raw) == shown


def test_notebook_repr_is_an_escaped_sandboxed_iframe(hostile_store):
    view = graph_view(kg.open(hostile_store))
    frame = view._repr_html_()

    class Frame(HTMLParser):
        def handle_starttag(self, tag, attrs):
            self.tag, self.attrs = tag, dict(attrs)

    p = Frame()
    p.feed(frame)
    assert p.tag == "iframe" and p.attrs["srcdoc"] == view.html  # the whole page, escaped exactly once
    assert "allow-same-origin" not in p.attrs["sandbox"]
    assert "<script" not in frame
