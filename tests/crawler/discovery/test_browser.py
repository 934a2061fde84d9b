"""Script shells, and the browser add-on built alone (Scrapy's get_crawler)."""
# ruff: noqa: E501 - pages written as portals write them

from __future__ import annotations

import shutil

import pytest
from lxml import html
from scrapy.utils.test import get_crawler

from crawler.discovery.browser import (
    browser_missing,
    chosen_links,
    chromium_path,
    clicked,
    clicked_links,
    data_links,
    script_redirects,
    script_shell,
    written_links,
)
from crawler.runtime.browser import BrowserAddon


def test_a_page_with_scripts_and_nothing_else_is_a_shell():
    root = html.fromstring("<html><body><div id='app'>Đang tải...</div><script src='/app.js'></script>"
                           "</body></html>")
    assert script_shell(root, own_links=0)


def test_a_page_with_text_is_no_shell_whatever_its_scripts():
    body = "<p>" + "Nội dung bài viết. " * 100 + "</p><script>var a = 1;</script>"
    assert not script_shell(html.fromstring(f"<html><body>{body}</body></html>"), own_links=2)


def test_a_page_with_many_links_is_no_shell():
    root = html.fromstring("<html><body><script src='/app.js'></script></body></html>")
    assert not script_shell(root, own_links=40)


def test_a_page_without_scripts_is_no_shell():
    assert not script_shell(html.fromstring("<html><body><p>x</p></body></html>"), own_links=0)


def test_a_configured_chromium_that_is_not_there_is_none(tmp_path):
    assert chromium_path(str(tmp_path / "no-chromium")) is None


def test_the_addon_says_why_when_the_browser_is_turned_off():
    crawler = get_crawler(settings_dict={"GOVARCHIVE_BROWSER": "off", "ADDONS": {BrowserAddon: 0}})
    crawler._apply_settings()
    assert "off" in crawler.settings["GOVARCHIVE_BROWSER_MISSING"]
    assert "BrowserHandler" not in str(crawler.settings.getdict("DOWNLOAD_HANDLERS"))


@pytest.mark.skipif(not shutil.which("chromium"), reason="no chromium here (.ci/run installs it)")
def test_the_addon_drives_the_systems_chromium_through_scrapy_playwright():
    assert browser_missing() == ""
    crawler = get_crawler(settings_dict={"ADDONS": {BrowserAddon: 0}})
    crawler._apply_settings()
    assert crawler.settings["GOVARCHIVE_BROWSER_MISSING"] == ""
    assert crawler.settings["PLAYWRIGHT_LAUNCH_OPTIONS"]["executable_path"] == chromium_path()


@pytest.mark.parametrize("script,expected", [
    ("window.location.href = '/portal/home.html';", ["/portal/home.html"]),
    ('location = "vi/trang-chu";', ["vi/trang-chu"]),
    ("top.location.replace('https://x.gov.vn/Pages/home.aspx')", ["https://x.gov.vn/Pages/home.aspx"]),
    ("window.location.assign( \"/wps/portal\" );", ["/wps/portal"]),
    ("if (location.href == '/a') { x(); }", []),  # a comparison sends nowhere
    ("var here = location.href;", []),
    ("if (mobile) location.href = '/m/'; else location.href = '/home';", ["/m/", "/home"]),
])
def test_where_a_pages_script_sends_the_browser(script, expected):
    root = html.fromstring(f"<html><head><script>{script}</script></head><body></body></html>")
    assert script_redirects(root) == expected


def test_a_body_onload_redirect_is_read():
    root = html.fromstring("<html><body onload=\"window.location='/home'\"></body></html>")
    assert script_redirects(root) == ["/home"]


def test_a_script_file_is_not_read():
    root = html.fromstring("<html><head><script src='/app.js'></script></head><body></body></html>")
    assert script_redirects(root) == []


@pytest.mark.parametrize("element,expected", [
    ("<tr onclick=\"window.location.href='ChiTiet.aspx?id=5'\"><td>Tin</td></tr>", ["ChiTiet.aspx?id=5"]),
    ("<button onclick=\"window.open('/vb/qd-12.pdf', '_blank')\">Xem</button>", ["/vb/qd-12.pdf"]),
    ("<a href=\"javascript:window.open('/tin/1.html')\">Tin 1</a>", ["/tin/1.html"]),
    ("<a href='javascript:void(0)' onclick=\"location.replace('/tin/2.html')\">Tin 2</a>", ["/tin/2.html"]),
    ("<a href='javascript:OpenNews(12)'>Tin 3</a>", []),  # a function of the page's: not read
    ("<div onclick=\"toggle('menu')\">Menu</div>", []),
    ("<a href='#' onclick=\"openFile('/Uploads/vb/qd-12.pdf')\">Xem</a>", ["/Uploads/vb/qd-12.pdf"]),  # a document
])
def test_what_a_click_opens_by_script(element, expected):
    page = f"<html><body><table>{element}</table></body></html>"
    root = html.fromstring(page)
    found = [href for _, href in clicked_links(root, page)]
    found += [href for a in root.iter("a") if a.get("onclick") is None for href in clicked(a)]
    assert found == expected


def test_a_cards_data_href_is_a_link():
    page = ("<html><body><div class='card' data-href='/tin/1.html'><h3>Tin 1</h3></div>"
            "<tr data-link='ChiTiet.aspx?id=2'><td>Tin 2</td></tr><div data-href=''>x</div></body></html>")
    found = [href for _, href in data_links(html.fromstring(page), page)]
    assert found == ["/tin/1.html", "ChiTiet.aspx?id=2"]


def test_a_download_buttons_file_attribute_is_a_link_to_its_document_only():
    page = ("<html><body><a class='btn' data-url='/files/qd-1.pdf'>Tải về</a>"
            "<div class='share' data-url='/tin/1.html'>Chia sẻ</div><img data-src='/img/a.jpg'></body></html>")
    found = [href for _, href in data_links(html.fromstring(page), page)]
    assert found == ["/files/qd-1.pdf"]


@pytest.mark.parametrize("script,expected", [
    ("document.write('<a href=\"/tin-tuc/\">Tin tức<\\/a>');", [("/tin-tuc/", "Tin tức")]),
    ("menu.innerHTML = \"<li><a class='m' href=\\\"/gt/\\\"><b>Giới thiệu</b></a></li>\";",
     [("/gt/", "Giới thiệu")]),
    ("document.write('<a href=\"' + base + 'tin/\">Tin</a>');", []),  # built by the script: not read
    ("if (location.href == '/a') { go('<a>'); }", []),
])
def test_the_anchors_a_pages_script_writes(script, expected):
    root = html.fromstring(f"<html><head><script>{script}</script></head><body></body></html>")
    assert [(a.get("href"), a.text) for a, _ in written_links(root)] == expected


def test_a_script_file_is_not_read_for_anchors():
    root = html.fromstring("<html><head><script src='/menu.js'>document.write('<a href=\"/x\">x</a>')"
                           "</script></head></html>")
    assert written_links(root) == []


@pytest.mark.parametrize("menu,expected", [
    ("<select onchange=\"window.location.href=this.value\"><option value=''>-- Năm --</option>"
     "<option value='/tin-tuc/nam-2024.html'>2024</option><option value='?nam=2023'>2023</option></select>",
     ["/tin-tuc/nam-2024.html", "?nam=2023"]),
    ("<select name='menu1' onchange=\"MM_jumpMenu('parent',this,0)\"><option value='ChuyenMuc.aspx?id=3'>"
     "Thông báo</option><option value='#'>...</option></select>", ["ChuyenMuc.aspx?id=3"]),
    ("<select onchange='doiNgonNgu(this.value)'><option value='vi'>Tiếng Việt</option>"
     "<option value='2'>2</option></select>", []),  # values that are no address: the page's script's
    ("<select><option value='/tin/1.html'>Tin 1</option></select>", []),  # a form's field: no jump
])
def test_where_a_jump_menu_goes(menu, expected):
    page = f"<html><body><form>{menu}</form></body></html>"
    assert [href for _, href in chosen_links(html.fromstring(page), page)] == expected
