"""Menus drawn by a portal's own script files: which files are read, and what they name."""

from __future__ import annotations

from lxml import html

from crawler.discovery.scripts import menu_scripts, script_links


def test_a_pages_own_scripts_are_read_and_libraries_are_not():
    root = html.fromstring(
        "<html><head><script src='/js/jquery-1.4.2.js'></script><script src='/js/menu.js'></script>"
        "<script src='/Scripts/bootstrap.min.js'></script><script src='/js/menu.js'></script>"
        "<script src='https://www.googletagmanager.com/gtag/js?id=G-1'></script>"
        "<script src='/html/js/barebone.jsp?minifierType=js'></script><script>var a;</script>"
        "<script src='ChuyenMuc.js'></script><script src='/js/respond.js'></script>"
        "<script src='/js/responsive-menu.js'></script></head><body></body></html>")
    assert menu_scripts(root) == ["/js/menu.js", "ChuyenMuc.js", "/js/responsive-menu.js"]


def test_the_addresses_a_menu_script_names():
    code = """
    Menu1 = new Array("Tin tức", "tin-tuc.htm", "", 3, 20, 100);
    Menu1_1 = new Array("Thông báo", "/thong-bao/index.aspx?id=3", "", 0);
    aI("text=Giới thiệu;url=gioi-thieu.php;");
    document.write('<a href="lien-he.html">Liên hệ<\\/a>');
    var logo = "/images/logo.gif", api = "/api/list?x=1";
    if (location.href.indexOf(".htm") > 0) { go("x"); }
    """
    expected = ["lien-he.html", "tin-tuc.htm", "/thong-bao/index.aspx?id=3", "gioi-thieu.php"]
    assert script_links(code) == expected
