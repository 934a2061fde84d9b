"""Load-more endpoints in attributes and scripts, and the links their answers hold."""
# ruff: noqa: E501 - scripts written as portals write them

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


def posts(markup: str) -> list[tuple[str, str, int, tuple, bool]]:
    return [(e.url, e.method, e.value, e.form, e.as_json) for e in endpoints_in(html.fromstring(markup), BASE)]


def test_a_web_method_posted_json_with_the_page_in_its_data_is_an_endpoint():
    script = ("var catId = 3; var pageIndex = 1; function more(){ $.ajax({ url: '/Services/Tin.asmx/DanhSach', "
              "type: 'POST', contentType: 'application/json; charset=utf-8', "
              "data: JSON.stringify({ catId: catId, pageIndex: pageIndex + 1 }), success: function (r) { } }); }")
    assert posts(f"<div><script>{script}</script></div>") == [
        ("http://x.gov.vn/Services/Tin.asmx/DanhSach", "POST", 2, (("catId", "3"), ("pageIndex", "2")), True)]


def test_a_form_post_with_the_page_in_its_data_is_an_endpoint():
    script = "var page = 1; $('#more').click(function(){ page++; $.post('/Ajax/TB.ashx', {cat: 7, page: page}, f); });"
    assert posts(f"<div><script>{script}</script></div>") == [
        ("http://x.gov.vn/Ajax/TB.ashx", "POST", 1, (("cat", "7"), ("page", "1")), False)]


def test_a_gets_data_object_becomes_its_query():
    script = 'var p = 2; $.get("/api/sk", { "loai": "moi", "trang": p }, f);'
    assert found(f"<div><script>{script}</script></div>") == [("http://x.gov.vn/api/sk?loai=moi&trang=2", "trang", 2, 1)]


def test_a_jquery_call_whose_data_holds_no_page_is_no_endpoint():
    script = "$.ajax({url: '/api/vote', type: 'POST', data: {id: 5}}); $.get('/api/search', {q: $('#q').val()});"
    assert found(f"<div><script>{script}</script></div>") == []


def test_a_posts_next_request_changes_its_field():
    endpoint = Endpoint("http://x.gov.vn/api", "page", 1, 1, "POST", (("cat", "7"), ("page", "1")))
    assert endpoint.following(6).form == (("cat", "7"), ("page", "2"))


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
