"""Links as a browser follows them: a page's ``<base href>``, a root that redirects by script,
frames and iframes, what a click opens by script, image maps, backslashed addresses."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import FAST_SETTINGS, run_cli
from routes import RouteServer, page, serve

from spiders.links import absolute

TOPICS = ["hội nghị tổng kết công tác cải cách hành chính năm 2024",
          "ra quân chiến dịch thanh niên tình nguyện hè trên địa bàn",
          "tập huấn chuyển đổi số cho cán bộ, công chức cấp xã"]
ROBOTS = {"/robots.txt": page("User-agent: *\nAllow: /\n", "text/plain")}


def _article(n: int, head: str = "", extra: str = "") -> str:
    """Article ``n`` (a title of TOPICS, a day, four paragraphs); ``extra`` closes its text."""
    body = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân huyện tổ chức {TOPICS[n]} với sự tham dự của lãnh đạo "
                   "các phòng, ban, ngành và Ủy ban nhân dân các xã, thị trấn.</p>" for i in range(4))
    return (f"<html><head>{head}<title>{TOPICS[n]}</title></head><body><h1>Huyện Tân Hưng {TOPICS[n]}</h1>"
            f"<div class='date'>{n + 3:02d}/03/2024</div><div class='content'>{body}{extra}</div>"
            "</body></html>")


def _pdf(n: int) -> bytes:
    return f"%PDF-1.4\n1 0 obj << /N {n} >> endobj\ntrailer <<>>\n%%EOF\n".encode()


def _crawl(routes: dict, db: Path, *extra: str) -> RouteServer:
    """A crawl of a local portal of ``routes`` (robots.txt added); its server, stopped, with its log."""
    server = serve({**ROBOTS, **routes})
    result = run_cli("crawl", "--url", server.url, "--db", str(db), *FAST_SETTINGS, *extra)
    server.shutdown()
    assert result.returncode == 0, result.stderr
    return server


def _stored(db: Path, table: str = "articles") -> set[str]:
    with sqlite3.connect(db) as conn:
        return {u for (u,) in conn.execute(f"SELECT url FROM {table}")}


# <base href> ----------------------------------------------------------------------------------------
@pytest.mark.crawl
def test_relative_links_resolve_against_the_pages_base(tmp_path):
    """Pages under /vn/ declaring <base href="/vn/"> link tin/2.html for /vn/tin/2.html."""
    numbers = range(len(TOPICS))
    links = "".join(f"<li><a href='tin/{k}.html'>Tin {k}</a></li>" for k in numbers)
    closing = "<p>Tệp đính kèm: <a href='files/qd-{n}.pdf'>Quyết định {n}</a></p><ul>{links}</ul>"
    pages = {f"/vn/tin/{n}.html": page(_article(n, "<base href='/vn/'>", closing.format(n=n, links=links)))
             for n in numbers}
    home = "<html><head><base href='/vn/'></head><body><a href='tin/0.html'>Tin mới</a></body></html>"
    server = _crawl({"/": page(home), **pages,
                     **{f"/vn/files/qd-{n}.pdf": page(_pdf(n), "application/pdf") for n in numbers}},
                    tmp_path / "a.db")
    assert _stored(tmp_path / "a.db") == {f"{server.url}vn/tin/{n}.html" for n in numbers}
    assert _stored(tmp_path / "a.db", "documents") == {f"{server.url}vn/files/qd-{n}.pdf" for n in numbers}
    assert not [p for p in server.log if p.startswith(("/vn/tin/tin/", "/tin/", "/vn/tin/files/"))]


@pytest.mark.parametrize("href,expected", [
    ("..\\tin\\bai-1.htm", "http://x.gov.vn/tin/bai-1.htm"),  # backslashes, as a browser reads them
    ("\\tin\\bai-2.htm", "http://x.gov.vn/tin/bai-2.htm"),
    ("/tin/bai-3.htm", "http://x.gov.vn/tin/bai-3.htm"),
])
def test_the_spider_reads_a_link_as_a_browser_does(href, expected):
    assert absolute("http://x.gov.vn/a/b.htm", "http://x.gov.vn", href) == expected


# a root that redirects by script ----------------------------------------------------------------------
@pytest.mark.crawl
def test_a_root_that_redirects_by_script_is_followed_without_a_browser(tmp_path):
    root = "<html><head><script>location.href = '/portal/home.html';</script></head><body></body></html>"
    links = "".join(f"<a href='/portal/tin/{n}.html'>Tin {n}</a>" for n in range(3))
    server = _crawl({"/": page(root), "/portal/home.html": page(f"<html><body>{links}</body></html>"),
                     **{f"/portal/tin/{n}.html": page(_article(n)) for n in range(3)}},
                    tmp_path / "a.db", "-s", "GOVARCHIVE_BROWSER=off")
    assert _stored(tmp_path / "a.db") == {f"{server.url}portal/tin/{n}.html" for n in range(3)}
    with sqlite3.connect(tmp_path / "a.db") as conn:
        redirects = conn.execute("SELECT url, target FROM findings WHERE kind = 'redirect'").fetchall()
    assert redirects == [(server.url, f"{server.url}portal/home.html")]


# frames ---------------------------------------------------------------------------------------------
FRAMED = {
    "frameset": "<html><head><title>UBND huyện</title></head><frameset rows='120,*'><frame src='/top.htm'>"
                "<frame src='/portal/home.html' name='main'></frameset></html>",
    "iframe": "<html><head><title>UBND huyện</title></head><body><a href='/'>Trang chủ</a>"
              "<iframe src='/portal/home.html' width='100%' height='900'></iframe>"
              "<iframe src='https://www.youtube.com/embed/abc'></iframe></body></html>",
}


@pytest.mark.crawl
@pytest.mark.parametrize("root", sorted(FRAMED))
def test_a_page_shown_in_a_frame_is_followed(tmp_path, root):
    """An old portal's frameset root, a listing in an iframe (a video's elsewhere stays out)."""
    links = "".join(f"<a href='/portal/tin/{n}.html'>Tin {n}</a>" for n in range(2))
    top = "<html><body><img src='/banner.jpg'></body></html>"
    server = _crawl({"/": page(FRAMED[root]), "/top.htm": page(top),
                     "/portal/home.html": page(f"<html><body>{links}</body></html>"),
                     **{f"/portal/tin/{n}.html": page(_article(n)) for n in range(2)}},
                    tmp_path / "a.db", "-s", "GOVARCHIVE_BROWSER=off")
    assert _stored(tmp_path / "a.db") == {f"{server.url}portal/tin/{n}.html" for n in range(2)}


# what a click opens -----------------------------------------------------------------------------------
CLICKED = ("<html><body><table class='list'>"
           "<tr onclick=\"window.location.href='/tin/0.html'\"><td>Tin 0</td><td>03/03/2024</td></tr>"
           "<tr onclick=\"location.href='/tin/1.html'\"><td>Tin 1</td><td>04/03/2024</td></tr></table>"
           "<map name='menu'><area shape='rect' coords='0,0,80,20' href='/tin/2.html' alt='Tin 2'></map>"
           "<p>Quyết định số 12/QĐ-UBND <button onclick=\"window.open('/files/qd-12.pdf')\">Xem</button></p>"
           "</body></html>")


@pytest.mark.crawl
def test_what_a_click_opens_is_followed(tmp_path):
    """A listing whose rows are onclick handlers, a "Xem" button opening the file, an image map."""
    server = _crawl({"/": page(CLICKED), "/files/qd-12.pdf": page(_pdf(12), "application/pdf"),
                     **{f"/tin/{n}.html": page(_article(n)) for n in range(len(TOPICS))}}, tmp_path / "a.db")
    assert _stored(tmp_path / "a.db") == {f"{server.url}tin/{n}.html" for n in range(len(TOPICS))}
    assert _stored(tmp_path / "a.db", "documents") == {f"{server.url}files/qd-12.pdf"}


# menus a script writes, cards a script links ----------------------------------------------------------
WRITTEN_MENU = ("<html><head><title>UBND huyện</title></head><body><div id='menu'><script>"
                "document.write('<ul><li><a href=\"/tin-tuc/\">Tin tức<\\/a></li></ul>');</script></div>"
                "<p>Chào mừng đến với cổng thông tin điện tử huyện.</p></body></html>")
CARDS = "".join(f"<div class='card' data-href='/tin/{n}.html'><h3>{TOPICS[n].capitalize()}</h3>"
                f"<span>{n + 3:02d}/03/2024</span><p>Sáng nay, Ủy ban nhân dân huyện tổ chức {TOPICS[n]}.</p>"
                "</div>"
                for n in range(len(TOPICS)))


@pytest.mark.crawl
def test_a_menu_a_script_writes_and_cards_a_script_links_are_followed(tmp_path):
    """A root whose menu is written by ``document.write``, a section of ``data-href`` cards."""
    section = f"<html><head><title>Tin tức</title></head><body><h1>Tin tức</h1>{CARDS}</body></html>"
    server = _crawl({"/": page(WRITTEN_MENU), "/tin-tuc/": page(section),
                     **{f"/tin/{n}.html": page(_article(n)) for n in range(len(TOPICS))}},
                    tmp_path / "a.db", "-s", "GOVARCHIVE_BROWSER=off")
    assert _stored(tmp_path / "a.db") == {f"{server.url}tin/{n}.html" for n in range(len(TOPICS))}


# ASP.NET's cookieless session in the path ----------------------------------------------------------------
SESSIONS = ["(S(lit3py55t21z5v55vlm25s55))", "(S(0z2abc45xyz3v55vlm25q11))"]


def _cookieless() -> dict:
    """Each visit to the root is sent to a session of its own, and the portal's links are relative."""
    links = "".join(f"<a href='TinTuc.aspx?id={n}'>Tin {n}</a>" for n in range(len(TOPICS)))
    routes = {"/": lambda n: (302, {"Location": f"/{SESSIONS[(n - 1) % 2]}/default.aspx"}, b"")}
    for session in SESSIONS:
        routes[f"/{session}/default.aspx"] = page(f"<html><body>{links}</body></html>")
        routes.update({f"/{session}/TinTuc.aspx?id={n}": page(_article(n)) for n in range(len(TOPICS))})
    return routes


@pytest.mark.crawl
def test_a_cookieless_session_is_not_part_of_a_documents_address(tmp_path):
    session = SESSIONS[0]
    server = _crawl({"/": lambda n: (302, {"Location": f"/{session}/default.aspx"}, b""),
                     f"/{session}/default.aspx": page("<html><body><a href='files/qd-12.pdf'>Quyết định số 12"
                                                      "</a></body></html>"),
                     f"/{session}/files/qd-12.pdf": page(_pdf(12), "application/pdf")}, tmp_path / "a.db")
    assert _stored(tmp_path / "a.db", "documents") == {f"{server.url}files/qd-12.pdf"}


@pytest.mark.crawl
def test_a_cookieless_session_is_not_part_of_an_articles_address(tmp_path):
    """Two crawls, two sessions: the articles are stored once, at their address without one."""
    db = tmp_path / "a.db"
    server = serve({**ROBOTS, **_cookieless()})
    for _ in SESSIONS:
        result = run_cli("crawl", "--url", server.url, "--db", str(db), *FAST_SETTINGS)
        assert result.returncode == 0, result.stderr
    server.shutdown()
    assert _stored(db) == {f"{server.url}TinTuc.aspx?id={n}" for n in range(len(TOPICS))}
    assert sum(p.startswith(f"/{SESSIONS[1]}/TinTuc.aspx") for p in server.log) == 0  # known: not fetched


# jump menus ------------------------------------------------------------------------------------------------
@pytest.mark.crawl
def test_a_jump_menus_choices_are_followed(tmp_path):
    """An old portal's archive by year: a <select> whose onchange goes where the chosen option says."""
    options = "".join(f"<option value='/luu-tru/{2022 + n}.html'>{2022 + n}</option>" for n in range(2))
    menu = f"<select onchange=\"MM_jumpMenu('parent',this,0)\"><option value='#'>-</option>{options}</select>"
    years = {f"/luu-tru/{2022 + n}.html": page(f"<html><body><a href='/tin/{n}.html'>Tin</a></body></html>")
             for n in range(2)}
    server = _crawl({"/": page(f"<html><body><form name='form1'>{menu}</form></body></html>"), **years,
                     **{f"/tin/{n}.html": page(_article(n)) for n in range(2)}}, tmp_path / "a.db")
    assert _stored(tmp_path / "a.db") == {f"{server.url}tin/{n}.html" for n in range(2)}


# a menu drawn by the portal's own script file --------------------------------------------------------------
@pytest.mark.crawl
def test_a_menu_drawn_by_the_portals_script_file_is_followed(tmp_path):
    """The root links nothing: its menu comes from /js/menu.js (a menu library's arrays)."""
    root = ("<html><head><script src='/js/jquery.js'></script><script src='/js/menu.js'></script></head>"
            "<body><p>Chào mừng đến với cổng thông tin điện tử huyện.</p></body></html>")
    menu = 'Menu1 = new Array("Tin tức", "tin-tuc.htm", "", 0, 20, 100);'
    section = "".join(f"<a href='/tin/{n}.html'>Tin {n}</a>" for n in range(len(TOPICS)))
    server = _crawl({"/": page(root), "/js/menu.js": page(menu, "application/javascript"),
                     "/tin-tuc.htm": page(f"<html><body>{section}</body></html>"),
                     **{f"/tin/{n}.html": page(_article(n)) for n in range(len(TOPICS))}},
                    tmp_path / "a.db", "-s", "GOVARCHIVE_BROWSER=off")
    assert _stored(tmp_path / "a.db") == {f"{server.url}tin/{n}.html" for n in range(len(TOPICS))}
    assert "/js/jquery.js" not in server.log
