"""A page's own functions that send the browser to an address built from their argument."""
# ruff: noqa: E501 - scripts written as portals write them

from __future__ import annotations

import pytest
from lxml import html

from crawler.discovery.navigators import called_links, form_pagers


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


FORM_BY_NAME = ("<form name='frmList' method='post' action='tin-tuc.asp'><input type='hidden' name='page' value='1'>"
                "<input type='hidden' name='tukhoa'></form>"
                "<script>function goPage(p){ document.frmList.page.value = p; document.frmList.submit(); }\n"
                "function timTag(t){ document.frmList.tukhoa.value = t; document.frmList.submit(); }</script>")


def pages(markup: str) -> list[tuple[str, str, str]]:
    page = f"<html><body>{markup}</body></html>"
    return [(p.field, p.value, p.current) for p in form_pagers(html.fromstring(page), page)]


def test_a_pager_setting_a_forms_field_by_its_name_asks_each_page_once():
    links = "<a href='javascript:goPage(2)'>2</a><a href='javascript:goPage(3)'>3</a><a href='javascript:goPage(2)'>Sau</a>"
    assert pages(FORM_BY_NAME + links) == [("page", "2", "1"), ("page", "3", "1")]


@pytest.mark.parametrize("setter", ["document.getElementById('hdTrang').value = n;", "$('#hdTrang').val(n);"])
def test_a_pager_setting_a_forms_field_by_its_id_gives_the_fields_name(setter):
    markup = (f"<form id='f1' method='get'><input id='hdTrang' name='trang' value='1'></form><script>function goPage(n) "
              f"{{ {setter} document.getElementById('f1').submit(); }}</script><a href='#' onclick=\"goPage('2'); return false;\">2</a>")
    assert pages(markup) == [("trang", "2", "1")]


def test_a_tags_word_is_no_page_and_a_field_outside_a_form_is_none():
    assert pages(FORM_BY_NAME + "<a href=\"javascript:timTag('giao duc')\">giáo dục</a>") == []
    markup = ("<input id='p' name='page'><script>function go(n){ $('#p').val(n); $('form').submit(); }</script>"
              "<span onclick='go(2)'>2</span>")
    assert pages(markup) == []
