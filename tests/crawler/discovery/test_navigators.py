"""A page's own functions that send the browser to an address built from their argument."""
# ruff: noqa: E501 - scripts written as portals write them

from __future__ import annotations

import pytest
from lxml import html

from crawler.discovery.navigators import called_links


def links(markup: str) -> list[str]:
    page = f"<html><body>{markup}</body></html>"
    return [href for _, href in called_links(html.fromstring(page), page)]


@pytest.mark.parametrize("markup, expected", [
    ("<script>function goPage(p) { window.location = 'TinTuc.aspx?cat=3&page=' + p; }</script>"
     "<a href='javascript:goPage(2)'>2</a><a href=\"javascript:goPage(3);\">3</a>", ["TinTuc.aspx?cat=3&page=2", "TinTuc.aspx?cat=3&page=3"]),
    ("<script>function ChuyenTrang(cat, p){ location.href = \"/tin-tuc/\" + cat + \"/trang-\" + p + \".html\"; }</script>"
     "<a href='#' onclick=\"return ChuyenTrang('kinh-te', 2);\">2</a>", ["/tin-tuc/kinh-te/trang-2.html"]),
    ("<script>var loadPage = function (n) { document.location.href = '?page=' + n; };</script><span onclick='loadPage(4)'>4</span>", ["?page=4"]),
    ("<script>function nav(u) { location.replace(u); }</script><a href=\"javascript:nav('/tin/1.html')\">Tin 1</a>", ["/tin/1.html"]),
])
def test_a_link_calling_a_navigating_function_links_the_address_it_builds(markup, expected):
    assert links(markup) == expected


@pytest.mark.parametrize("markup", [
    # the address takes a field's value: not in the page
    "<script>function go(p){ location.href = '/s?page=' + p + '&q=' + document.getElementById('q').value; }</script><a href='javascript:go(2)'>2</a>",
    # a function that does not navigate, and a call to a function the page does not define
    "<script>function toggle(id){ document.getElementById(id).style.display = 'none'; }</script><a href=\"javascript:toggle('m')\">x</a>",
    "<a href='javascript:goPage(2)'>2</a>",
    # a script file's function is not read here
    "<script src='/js/pager.js'></script><a href='javascript:goPage(2)'>2</a>",
])
def test_what_no_function_of_the_page_navigates_to_links_nothing(markup):
    assert links(markup) == []
