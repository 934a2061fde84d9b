"""Load-more endpoints in attributes and scripts, and the links their answers hold."""

from __future__ import annotations

import json

from lxml import html

from crawler.discovery.endpoints import Endpoint, answer_links, endpoints_in

BASE = "http://x.gov.vn/tin-tuc"


def found(markup: str) -> list[tuple[str, str, int, int]]:
    return [(e.url, e.param, e.value, e.step) for e in endpoints_in(html.fromstring(markup), BASE)]


def test_a_data_url_with_a_skip_parameter_pages_by_its_own_step():
    assert found("<div><a data-url='/Ajax/LoadMore.ashx?cat=3&amp;skip=10'>Xem thêm</a></div>") == [
        ("http://x.gov.vn/Ajax/LoadMore.ashx?cat=3&skip=10", "skip", 10, 10)]


def test_a_url_built_in_script_takes_the_scripts_variables():
    script = "var catId = 7; var pageIndex = 2; $.get('/api/news?cat=' + catId + '&page=' + pageIndex, f);"
    expected = [("http://x.gov.vn/api/news?cat=7&page=2", "page", 2, 1)]
    assert found(f"<div><script>{script}</script></div>") == expected


def test_a_script_variable_nobody_assigns_leaves_the_url_alone():
    assert found("<div><script>$.get('/api/news?cat=' + window.cat + '&x=1', f);</script></div>") == []


def test_urls_without_a_paging_parameter_are_not_endpoints():
    assert found("<div><img data-src='/img/a.jpg'><a data-url='/tin/a.html'>a</a></div>") == []


def test_the_next_request_adds_the_step_or_the_items_the_answer_held():
    endpoint = Endpoint("http://x.gov.vn/api?page=1", "page", 1, 1)
    assert endpoint.following(8).url == "http://x.gov.vn/api?page=2"
    offset = Endpoint("http://x.gov.vn/api?start=0", "start", 0, 0)
    assert offset.following(12).url == "http://x.gov.vn/api?start=12"


def test_an_html_fragment_answer_gives_its_anchors():
    hints = answer_links(b"<li><a href='/tin/a.html'>A</a></li><li><a href='#'>x</a></li>", "text/html", BASE)
    assert [(h.url, h.title) for h in hints] == [("http://x.gov.vn/tin/a.html", "A")]


def test_a_json_answer_gives_urls_with_their_titles_and_dates():
    data = {"d": {"results": [{"Title": "A", "FileRef": "/Pages/a.aspx", "Created": "2024-01-02"}]}}
    hints = answer_links(json.dumps(data).encode(), "application/json", BASE)
    assert [(h.url, h.title, h.date) for h in hints] == [("http://x.gov.vn/Pages/a.aspx", "A", "2024-01-02")]


def test_html_inside_json_is_read_too():
    hints = answer_links(json.dumps({"html": "<a href='/tin/b.html'>B</a>", "more": True}).encode(), "", BASE)
    assert [h.url for h in hints] == ["http://x.gov.vn/tin/b.html"]


def test_an_answer_that_is_neither_gives_nothing():
    assert answer_links(b"", "text/plain", BASE) == []
    assert answer_links(b"{not json", "application/json", BASE) == []
