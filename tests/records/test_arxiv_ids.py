"""One shape of arXiv id (kg.records.ids) for the readers, the paper IRIs and the page's links.

Whatever a reader keeps as an id, the IRI minter accepts as one; an id with its version is a link;
what is not an id is neither a listing's id line, nor a paper IRI, nor a link.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.graph import iris
from kg.records.formats.arxiv_listing import ID_LINE
from kg.records.ids import ARXIV_ID, VERSIONED_ID, arxiv_id, leading_arxiv_id
from kg.views.network import arxiv_link

IDS = ["2402.16819", "0704.0001", "1412.9999", "hep-th/9901001", "math.AG/0309136", "cond-mat/0001001",
       "cs/0112017", "q-bio/0401001"]
VERSIONS = ["", "v1", "v3", "v12"]
NOT_IDS = ["2402.168", "2402.1681999", "24021.6819", "javascript:alert(1)", "HEP-TH/9901001",
           "hep-th/990100", "2402.16819x", "2402.16819\"><img>", "https://arxiv.org/abs/2402.16819",
           "\u0662\u0664\u0660\u0662.\u0661\u0666\u0668\u0661\u0669",  # Arabic-Indic digits: not an id
           "2402\uff0e16819", "hep-th/9901001v", "q/0401001", ""]


@pytest.mark.parametrize("aid", IDS)
@pytest.mark.parametrize("version", VERSIONS)
def test_an_id_is_an_id_everywhere(aid, version):
    assert arxiv_id(f"arXiv:{aid}{version}") == aid
    assert ARXIV_ID.fullmatch(aid) and VERSIONED_ID.fullmatch(aid + version)
    assert ID_LINE.match(f"arXiv:{aid}{version}") and ID_LINE.match(f"  arXiv: {aid}{version}  [cs.CL]")
    assert iris.paper("arxiv:" + aid, aid, "A title") == iris.checked(
        f"{iris.BASE}paper/arxiv-{aid.replace('/', '_')}")
    assert arxiv_link(aid + version) == f"https://arxiv.org/abs/{aid}{version}"


@pytest.mark.parametrize("text", NOT_IDS)
def test_what_is_not_an_id_is_no_id_anywhere(text):
    assert not ARXIV_ID.fullmatch(text) and not VERSIONED_ID.fullmatch(text)
    assert not ID_LINE.match(f"arXiv:{text}") and arxiv_link(text) == ""
    assert "/paper/arxiv-" not in iris.paper("title:a title", text, "A title")


def test_space_around_an_id():
    assert not ARXIV_ID.fullmatch("2402.16819\n") and not VERSIONED_ID.fullmatch(" 2402.16819")
    assert "/paper/arxiv-" not in iris.paper("k", "2402.16819\n", None)
    assert arxiv_link(" 2402.16819\n") == "https://arxiv.org/abs/2402.16819"  # a link trims it


def test_a_version_alone_is_not_kept_in_the_iri():
    assert "/paper/arxiv-" not in iris.paper("k", "2402.16819v2", "A title")


def test_other_scripts_digits_are_not_read_as_an_id():
    assert arxiv_id("arXiv:\u0662\u0664\u0660\u0662.\u0661\u0666\u0668\u0661\u0669") is None
    assert leading_arxiv_id("\u0662\u0664\u0660\u0662.\u0661\u0666\u0668\u0661\u0669 A title") is None


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("0123456789.v/-:abhmtcsAGX ")), max_size=30))
def test_whatever_a_reader_keeps_as_an_id_is_one(text):
    for found in (arxiv_id(text), (leading_arxiv_id(text) or (None,))[0]):
        if found is not None:
            assert ARXIV_ID.fullmatch(found), found
            assert "/paper/arxiv-" in iris.paper("k", found, None)
            assert arxiv_link(found).endswith(found)
