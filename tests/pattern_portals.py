"""Local portals built the way real platforms build their listings and their traps.

Each portal is a function ``(method, path, query, form) -> (status, headers, body)`` served
by :func:`serve_portals` on its own port of 127.0.0.1 (a host of its own to the crawler),
with every request logged (time, method, path). Articles are ``/…`` pages with an ``<h1>``,
a date line and a body, titled ``"{portal} bài {n}"`` so a test can count them.

- ``webforms``: ASP.NET GridView with a ``__doPostBack`` pager (``Page$N``), real hidden fields,
  and the framework's error page for a wrong ``__EVENTVALIDATION``; a search button postback;
- ``loadmore``: a jQuery "Xem thêm" with a ``data-url`` fragment endpoint, and a section whose
  inline script builds a JSON endpoint (``'/api/news?cat=' + catId + '&page=' + pageIndex``);
- ``liferay``: an asset publisher paged by ``_cur``/``_delta`` with noisy, reordered parameters,
  each article under two or three category pages, relative links that grow the path;
- ``traps``: a plain listing beside an endless calendar, session ids on every link, relative
  loops, faceted filters and soft-404 pages;
- ``shell``: a home page and section that are script shells filled from a JSON API.
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

Answer = tuple[int, dict[str, str], bytes]
Handler = Callable[[str, str, dict[str, str], dict[str, str]], Answer]
MENU = ("<nav class='menu'><a href='/'>Trang chủ</a> <a href='/gioi-thieu'>Giới thiệu</a> "
        "<a href='/lien-he'>Liên hệ</a></nav>")
FOOTER = "<footer>Cổng thông tin điện tử. Địa chỉ: số 1 đường Trần Hưng Đạo. Điện thoại 0290 3 888 888.</footer>"
ROBOTS = "User-agent: *\nAllow: /\n"


def html(body: str, title: str = "Cổng thông tin") -> Answer:
    page = (f"<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><header><div class='logo'>Cổng thông tin điện tử</div>{MENU}</header>{body}{FOOTER}</body></html>")
    return 200, {"Content-Type": "text/html; charset=utf-8"}, page.encode()


def article(portal: str, n: int, extra: str = "") -> Answer:
    title = f"{portal} bài {n}: Hội nghị triển khai nhiệm vụ phát triển kinh tế xã hội"
    day = 1 + n % 28
    paragraphs = "".join(
        f"<p>Sáng ngày {day}/3/2024, Ủy ban nhân dân {portal} tổ chức hội nghị lần thứ {n} để triển khai nhiệm vụ "
        f"trọng tâm về phát triển kinh tế, văn hóa và xã hội trên địa bàn, đoạn {k}. Các đại biểu đã thảo "
        f"luận nhiều giải pháp thiết thực nhằm nâng cao đời sống người dân và cải cách hành chính.</p>"
        for k in range(4))
    body = (f"<main><article><h1 class='title'>{title}</h1><div class='date'>Ngày đăng: {day:02d}/03/2024 "
            f"08:30</div><div class='content'>{paragraphs}</div>{extra}</article></main>")
    return html(body, title)


def listing(links: list[tuple[str, str]], extra: str = "", heading: str = "Tin tức") -> str:
    items = "".join(f"<li><a href='{href}'>{text}</a></li>" for href, text in links)
    return f"<main><h2>{heading}</h2><ul class='news-list'>{items}</ul>{extra}</main>"


def not_found() -> Answer:
    return 404, {"Content-Type": "text/html; charset=utf-8"}, b"<html><body><h1>404</h1></body></html>"


# ASP.NET WebForms ---------------------------------------------------------------------------------
def webforms(articles: int = 60, per_page: int = 5) -> Handler:
    pages = -(-articles // per_page)
    posts = {"search": 0}

    def state(page: int) -> tuple[str, str]:
        viewstate = base64.b64encode(f"/wEPDwUKMTY3|page={page}|{'x' * 200}".encode()).decode()
        return viewstate, f"/wEdAA{page:04d}ev"

    def grid(page: int) -> str:
        viewstate, validation = state(page)
        first = (page - 1) * per_page
        rows = "".join(f"<tr><td><a href='/ChiTiet.aspx?id={n}'>webforms bài {n}</a></td><td>01/03/2024</td></tr>"
                       for n in range(first + 1, min(first + per_page, articles) + 1))
        low = (page - 1) // 10 * 10 + 1
        cells = []
        if low > 1:
            cells.append(f"<td><a href=\"javascript:__doPostBack('ctl00$MainContent$grvTinTuc','Page${low - 1}')\">"
                         "...</a></td>")
        for k in range(low, min(low + 9, pages) + 1):
            cells.append(f"<td><span>{k}</span></td>" if k == page else
                         f"<td><a href=\"javascript:__doPostBack('ctl00$MainContent$grvTinTuc','Page${k}')\">"
                         f"{k}</a></td>")
        if low + 10 <= pages:
            cells.append(f"<td><a href=\"javascript:__doPostBack('ctl00$MainContent$grvTinTuc','Page${low + 10}')\">"
                         "...</a></td>")
        return (f"<form name='aspnetForm' method='post' action='./TinTuc.aspx' id='aspnetForm'>"
                f"<input type='hidden' name='__EVENTTARGET' id='__EVENTTARGET' value=''>"
                f"<input type='hidden' name='__EVENTARGUMENT' id='__EVENTARGUMENT' value=''>"
                f"<input type='hidden' name='__VIEWSTATE' id='__VIEWSTATE' value='{viewstate}'>"
                f"<input type='hidden' name='__VIEWSTATEGENERATOR' value='CA0B0334'>"
                f"<input type='hidden' name='__EVENTVALIDATION' id='__EVENTVALIDATION' value='{validation}'>"
                f"<div class='search'><input type='text' name='ctl00$Header$txtSearch' value=''>"
                f"<a href=\"javascript:__doPostBack('ctl00$Header$btnSearch','')\">Tìm kiếm</a></div>"
                f"<table id='ctl00_MainContent_grvTinTuc' class='grid'>{rows}"
                f"<tr class='pager'><td colspan='2'><table><tr>{''.join(cells)}</tr></table></td></tr></table>"
                f"</form>")

    def handle(method, path, query, form) -> Answer:
        if path == "/":
            return html(listing([("/TinTuc.aspx", "Tin tức - Sự kiện")], heading="Chuyên mục"))
        if path == "/TinTuc.aspx" and method == "GET":
            return html(f"<main><h2>Tin tức - Sự kiện</h2>{grid(1)}</main>")
        if path == "/TinTuc.aspx" and method == "POST":
            target, argument = form.get("__EVENTTARGET", ""), form.get("__EVENTARGUMENT", "")
            current = int(base64.b64decode(form.get("__VIEWSTATE", "")).decode().split("|")[1].split("=")[1]) \
                if form.get("__VIEWSTATE") else 0
            if not current or form.get("__EVENTVALIDATION") != state(current)[1]:
                return 500, {"Content-Type": "text/html"}, (
                    b"<html><body><h1>Server Error in '/' Application.</h1><h2><i>Invalid postback or callback "
                    b"argument.</i></h2></body></html>")
            if target.endswith("btnSearch"):
                posts["search"] += 1
                return html("<main><h2>Kết quả tìm kiếm</h2></main>")
            if target.endswith("grvTinTuc") and argument.startswith("Page$"):
                return html(f"<main><h2>Tin tức - Sự kiện</h2>{grid(int(argument[5:]))}</main>")
        if path == "/ChiTiet.aspx" and query.get("id", "").isdigit() and 1 <= int(query["id"]) <= articles:
            return article("webforms", int(query["id"]))
        return not_found()

    handle.posts = posts  # type: ignore[attr-defined]
    return handle


# jQuery load-more and a JSON endpoint built in script --------------------------------------------------
def loadmore(fragment_articles: int = 20, json_articles: int = 20) -> Handler:
    def fragment(skip: int) -> Answer:
        items = "".join(f"<div class='item'><a href='/tin/bai-{n}.html'>loadmore bài {n}</a>"
                        f"<span class='date'>01/03/2024</span></div>"
                        for n in range(skip + 1, min(skip + 10, fragment_articles) + 1))
        return 200, {"Content-Type": "text/html; charset=utf-8"}, items.encode()

    def handle(method, path, query, form) -> Answer:
        if path == "/":
            return html(listing([("/tin-tuc", "Tin tức"), ("/su-kien", "Sự kiện")], heading="Chuyên mục"))
        if path == "/tin-tuc":
            first = fragment(0)[2].decode()
            return html(f"<main><h2>Tin tức</h2><div id='list'>{first}</div>"
                        f"<a href='javascript:void(0)' class='btn-xemthem' "
                        f"data-url='/Ajax/LoadMore.ashx?cat=3&amp;skip=10'>Xem thêm</a>"
                        f"<script>$('.btn-xemthem').click(function(){{ var b=$(this); "
                        f"$.get(b.data('url'), function(h){{ $('#list').append(h); }}); }});</script></main>")
        if path == "/Ajax/LoadMore.ashx":
            return fragment(int(query.get("skip", "0") or 0))
        if path == "/su-kien":
            return html("<main><h2>Sự kiện</h2><div id='events'></div><button id='more'>Xem thêm</button>"
                        "<script>var catId = 5; var pageIndex = 1;\nfunction load(){ "
                        "$.getJSON('/api/news?cat=' + catId + '&page=' + pageIndex, function(r){ "
                        "r.data.forEach(function(x){ $('#events').append('<a href=\"'+x.url+'\">'+x.title+'</a>'); });"
                        " pageIndex++; }); }\nload(); $('#more').click(load);</script></main>")
        if path == "/api/news" and query.get("cat") == "5":
            page = int(query.get("page", "1") or 1)
            first = fragment_articles + (page - 1) * 8
            last = min(first + 8, fragment_articles + json_articles)
            data = [{"id": n, "title": f"loadmore bài {n}", "url": f"/su-kien/chi-tiet-{n}.html",
                     "ngayDang": "2024-03-01T08:30:00"} for n in range(first + 1, last + 1)]
            return 200, {"Content-Type": "application/json"}, json.dumps({"data": data, "page": page}).encode()
        if path.startswith("/tin/bai-") and path.endswith(".html"):
            n = int(path[len("/tin/bai-"):-5])
            return article("loadmore", n) if 1 <= n <= fragment_articles else not_found()
        if path.startswith("/su-kien/chi-tiet-"):
            n = int(path[len("/su-kien/chi-tiet-"):-5])
            ok = fragment_articles < n <= fragment_articles + json_articles
            return article("loadmore", n) if ok else not_found()
        return not_found()

    return handle



# jQuery calls that give the paging parameter in their data -------------------------------------------
def ajaxdata(per_section: int = 15, per_page: int = 6) -> Handler:
    """Three sections listed by "Xem thêm" through jQuery, the page number in the call's data: an
    ASP.NET web method posted JSON (its answer ``{"d": "<html>"}``), a form post answered with a
    fragment, and a GET whose data object becomes the query (answered with JSON)."""
    sections = {"tin-tuc": 0, "thong-bao": per_section, "su-kien": 2 * per_section}
    asked = {"json": [], "form": [], "get": []}

    def items(section: str, page: int) -> list[int]:
        first = sections[section] + (page - 1) * per_page
        return list(range(first + 1, min(first + per_page, sections[section] + per_section) + 1))

    def fragment(section: str, page: int) -> str:
        return "".join(f"<div class='item'><a href='/{section}/bai-{n}.html'>ajaxdata bài {n}</a></div>"
                       for n in items(section, page))

    scripts = {
        "tin-tuc": "var catId = 3; var pageIndex = 1;\nfunction more(){ $.ajax({ url: '/Services/Tin.asmx/DanhSach', "
                   "type: 'POST', contentType: 'application/json; charset=utf-8', dataType: 'json', "
                   "data: JSON.stringify({ catId: catId, pageIndex: pageIndex + 1 }), "
                   "success: function (r) { $('#list').append(r.d); pageIndex++; } }); }",
        "thong-bao": "var page = 1; $('#more').click(function(){ page++; "
                     "$.post('/Ajax/ThongBao.ashx', {cat: 7, page: page}, function(h){ $('#list').append(h); }); });",
        "su-kien": "var p = 1; function load(){ p++; $.get(\"/api/sukien\", { \"loai\": \"moi\", \"trang\": p }, "
                   "function(r){ r.forEach(function(x){ $('#list').append(x.title); }); }); }",
    }

    def handle(method, path, query, form) -> Answer:
        if path == "/":
            return html(listing([(f"/{s}", s) for s in sections], heading="Chuyên mục"))
        if path.strip("/") in sections:
            section = path.strip("/")
            return html(f"<main><h2>{section}</h2><div id='list'>{fragment(section, 1)}</div>"
                        f"<button id='more'>Xem thêm</button><script>{scripts[section]}</script></main>")
        if path == "/Services/Tin.asmx/DanhSach" and method == "POST" and form.get("catId") == 3:
            asked["json"].append(form.get("pageIndex"))
            return 200, {"Content-Type": "application/json"}, json.dumps({"d": fragment("tin-tuc", form["pageIndex"])}).encode()
        if path == "/Ajax/ThongBao.ashx" and method == "POST" and form.get("cat") == "7":
            asked["form"].append(form.get("page"))
            return 200, {"Content-Type": "text/html; charset=utf-8"}, fragment("thong-bao", int(form["page"])).encode()
        if path == "/api/sukien" and query.get("loai") == "moi":
            asked["get"].append(query.get("trang"))
            data = [{"title": f"ajaxdata bài {n}", "url": f"/su-kien/bai-{n}.html"}
                    for n in items("su-kien", int(query.get("trang") or 1))]
            return 200, {"Content-Type": "application/json"}, json.dumps(data).encode()
        section, _, name = path.strip("/").partition("/bai-")
        if section in sections and name.endswith(".html") and name[:-5].isdigit():
            n = int(name[:-5])
            inside = sections[section] < n <= sections[section] + per_section
            return article("ajaxdata", n) if inside else not_found()
        return not_found()

    handle.asked = asked  # type: ignore[attr-defined]
    return handle


# a pager calling the page's own function -------------------------------------------------------------
def jspager(articles: int = 17, per_page: int = 5) -> Handler:
    """A section paged by ``javascript:goPage(n)`` links, the function building the address."""
    pages = -(-articles // per_page)

    def handle(method, path, query, form) -> Answer:
        if path == "/":
            return html(listing([("/TinTuc.aspx?cat=3", "Tin tức")], heading="Chuyên mục"))
        if path == "/TinTuc.aspx" and query.get("cat") == "3":
            page = int(query.get("page", "1") or 1)
            first = (page - 1) * per_page
            links = [(f"/ChiTiet.aspx?id={n}", f"jspager bài {n}") for n in range(first + 1, min(first + per_page, articles) + 1)]
            pager = "".join(f"<a href='javascript:goPage({n})'>{n}</a> " for n in range(1, pages + 1) if n != page)
            script = "<script>function goPage(p) { window.location = 'TinTuc.aspx?cat=3&page=' + p; }</script>"
            return html(listing(links, f"{script}<div class='pager'>{pager}</div>"))
        if path == "/ChiTiet.aspx" and query.get("id", "").isdigit() and 1 <= int(query["id"]) <= articles:
            return article("jspager", int(query["id"]))
        return not_found()

    return handle


def formpager(per_section: int = 12, per_page: int = 5) -> Handler:
    """Two sections paged by a function that sets the form's page field and submits the form: one
    posts (the field found by its name), one GETs (found by its id). A tag's search link calls a
    function of the same kind with a word: never submitted."""
    pages = -(-per_section // per_page)
    sections = {"tin-tuc.asp": 0, "thong-bao.asp": per_section}
    searches = []

    def handle(method, path, query, form) -> Answer:
        section = path.strip("/")
        if path == "/":
            return html(listing([(f"/{s}", s) for s in sections], heading="Chuyên mục"))
        if section in sections:
            fields = form if method == "POST" else query
            if fields.get("tukhoa"):
                searches.append(fields["tukhoa"])
            page = int(fields.get("page") or fields.get("trang") or 1)
            first = sections[section] + (page - 1) * per_page
            last = min(first + per_page, sections[section] + per_section)
            links = [(f"/chi-tiet.asp?id={n}", f"formpager bài {n}") for n in range(first + 1, last + 1)]
            pager = "".join(f"<a href='javascript:goPage({n})'>{n}</a> " for n in range(1, pages + 1) if n != page)
            if section == "tin-tuc.asp":
                form_html = (f"<form name='frmList' method='post' action='tin-tuc.asp'><input type='hidden' name='page' "
                             f"value='{page}'><input type='hidden' name='tukhoa' value=''></form>")
                script = ("function goPage(p){ document.frmList.page.value = p; document.frmList.submit(); }\n"
                          "function timTag(t){ document.frmList.tukhoa.value = t; document.frmList.submit(); }")
            else:
                form_html = f"<form id='f1' method='get' action='thong-bao.asp'><input id='hdTrang' name='trang' value='{page}'></form>"
                script = "function goPage(n) { document.getElementById('hdTrang').value = n; document.getElementById('f1').submit(); }"
            tags = "<div class='tags'><a href=\"javascript:timTag('giao duc')\">giáo dục</a></div>"
            return html(listing(links, f"{form_html}<script>{script}</script><div class='pager'>{pager}</div>{tags}"))
        if path == "/chi-tiet.asp" and query.get("id", "").isdigit() and 1 <= int(query["id"]) <= 2 * per_section:
            return article("formpager", int(query["id"]))
        return not_found()

    handle.searches = searches  # type: ignore[attr-defined]
    return handle

# Liferay 6.2 asset publisher ---------------------------------------------------------------------------
def liferay(articles: int = 40, delta: int = 10) -> Handler:
    categories = ["tin-tuc", "su-kien", "thong-bao"]
    instance = "101_INSTANCE_Xk9pQ2"

    def slug(n: int) -> str:
        return f"hoi-nghi-trien-khai-so-{n}"

    def cats_of(n: int) -> list[str]:
        return categories[: 2 + n % 2]  # each article under two or three category pages

    def page_url(cat: str, cur: int) -> str:
        params = [("p_p_id", instance), ("p_p_lifecycle", "0"), ("p_p_state", "normal"),
                  (f"_{instance}_cur", str(cur)), (f"_{instance}_delta", str(delta))]
        if cur % 2:
            params.reverse()  # the portal writes its parameters in either order
        return f"/web/guest/{cat}?{urlencode(params)}"

    def handle(method, path, query, form) -> Answer:
        if path == "/":
            return html(listing([(f"/web/guest/{c}", c) for c in categories], heading="Chuyên mục"))
        for cat in categories:
            if path == f"/web/guest/{cat}":
                members = [n for n in range(1, articles + 1) if cat in cats_of(n)]
                cur = int(query.get(f"_{instance}_cur", "1") or 1)
                shown = members[(cur - 1) * delta: cur * delta]
                links = [(f"/web/guest/{cat}/-/asset_publisher/Xk9pQ2/content/{slug(n)}"
                          f"?redirect=%2Fweb%2Fguest%2F{cat}&inheritRedirect=true", f"liferay bài {n}") for n in shown]
                pager = " ".join(f"<a href='{page_url(cat, k)}'>{k}</a>"
                                 for k in range(1, -(-len(members) // delta) + 1))
                return html(listing(links, f"<div class='lfr-pagination'>{pager}</div>"))
            prefix = f"/web/guest/{cat}/"
            if path.startswith(prefix) and "/content/" in path:
                n = int(path.rsplit("-", 1)[1])
                other = n % articles + 1
                extra = (f"<div class='related'><a href='-/view_content/{slug(other)}'>Tin khác</a>"
                         f"<a href='{page_url(cat, 1)}'>Về danh sách</a></div>")
                return article("liferay", n, extra) if 1 <= n <= articles else not_found()
            if path.startswith(prefix) and "/-/view_content/" in path:  # the relative link, as resolved
                n = int(path.rsplit("-", 1)[1])
                return article("liferay", n, f"<a href='-/view_content/{slug(n % articles + 1)}'>Tin khác</a>")
        return not_found()

    return handle


# a pager of words only ----------------------------------------------------------------------------
def wordpager(articles: int = 42, per_page: int = 3) -> Handler:
    """A section paged by "Trang trước" / "Tiếp theo" links alone, Joomla's ``?start=`` in the
    address: more pages than the crawl's link depth, so each must be known for a pager's."""
    def handle(method, path, query, form) -> Answer:
        if path == "/tin-tuc.html":
            start = int(query.get("start", "0") or 0)
            shown = range(start + 1, min(start + per_page, articles) + 1)
            links = [(f"/tin-tuc/{n}-hoi-nghi.html", f"wordpager bài {n}") for n in shown]
            pager = (f"<a href='/tin-tuc.html?start={start - per_page}'>Trang trước</a> " if start else "") + (
                f"<a href='/tin-tuc.html?start={start + per_page}'>Tiếp theo</a>" if start + per_page < articles else "")
            return html(listing(links, f"<div class='pagination'>{pager}</div>"))
        if path == "/":
            return html(listing([("/tin-tuc.html", "Tin tức")], heading="Chuyên mục"))
        if path.startswith("/tin-tuc/") and path.endswith("-hoi-nghi.html"):
            n = int(path[9:].split("-", 1)[0])
            return article("wordpager", n) if 1 <= n <= articles else not_found()
        return not_found()

    return handle


# DotNetNuke's EasyDNNnews --------------------------------------------------------------------------
def dnnpager(articles: int = 30, per_page: int = 4) -> Handler:
    """EasyDNNnews: a section that shows its newest story in full above the list, paged in the
    path (``/tin-tuc/PgrID/402/PageID/N``); each story has a sidebar of years ("2023", "2024")
    leading to the year's archive, which is a listing too."""
    years = "".join(f"<li><a href='/tin-tuc/nam/{y}'>{y}</a></li>" for y in (2022, 2023, 2024))
    sidebar = f"<aside class='edn_archive'><h3>Lưu trữ</h3><ul>{years}</ul></aside>"

    def story(n: int) -> str:
        return f"/tin-tuc/PgrID/402/ArticleID/{n}/dnnpager-bai-{n}"

    def handle(method, path, query, form) -> Answer:
        parts = path.strip("/").split("/")
        if path == "/":
            return html(listing([("/tin-tuc", "Tin tức")], heading="Chuyên mục"))
        if parts[0] == "tin-tuc" and (len(parts) == 1 or len(parts) == 5 and parts[1:4:2] == ["PgrID", "PageID"]):
            page = int(parts[4]) if len(parts) == 5 else 1
            shown = range((page - 1) * per_page + 1, min(page * per_page, articles) + 1)
            if not shown:
                return not_found()
            lead = article("dnnpager", shown[0])[2].decode().split("<main>", 1)[1].split("</main>", 1)[0]
            pager = " ".join(f"<a href='/tin-tuc/PgrID/402/PageID/{k}'>{k}</a>"
                             for k in range(1, -(-articles // per_page) + 1) if k != page)
            return html(f"<div class='edn_featured'>{lead}</div>" + listing(
                [(story(n), f"dnnpager bài {n}") for n in shown], f"<div class='edn_pager'>{pager}</div>"))
        if parts[:2] == ["tin-tuc", "nam"]:
            return html(listing([(story(n), f"dnnpager bài {n}") for n in range(1, 4)], heading=parts[2]))
        if len(parts) == 6 and parts[3] == "ArticleID":
            n = int(parts[4])
            return article("dnnpager", n, sidebar) if 1 <= n <= articles else not_found()
        return not_found()

    return handle


# traps ----------------------------------------------------------------------------------------------
def traps(articles: int = 20) -> Handler:
    def sid() -> str:
        return secrets.token_hex(8)

    def handle(method, path, query, form) -> Answer:
        if path == "/":
            return html(listing([("/tin-tuc", "Tin tức"), ("/lich-cong-tac?thang=3&nam=2024", "Lịch công tác"),
                                 (f"/thong-bao?sid={sid()}", "Thông báo"), ("/van-ban", "Văn bản"),
                                 ("/chuyen-muc/", "Chuyên mục"), ("/tin/da-go.html", "Tin đã gỡ")],
                                heading="Chuyên mục"))
        if path == "/tin-tuc":
            return html(listing([(f"/tin/bai-{n}.html", f"traps bài {n}") for n in range(1, articles + 1)]))
        if path.startswith("/tin/bai-"):
            n = int(path[len("/tin/bai-"):-5])
            return article("traps", n) if 1 <= n <= articles else not_found()
        if path == "/lich-cong-tac":  # « » run on past December and before January
            month, year = int(query.get("thang", "1")), int(query.get("nam", "2024"))
            days = "".join(f"<td>{d}</td>" for d in range(1, 29))
            return html(f"<main><h2>Lịch công tác tháng {month}/{year}</h2><table><tr>{days}</tr></table>"
                        f"<a href='/lich-cong-tac?thang={month - 1}&nam={year}'>«</a> "
                        f"<a href='/lich-cong-tac?thang={month + 1}&nam={year}'>»</a> "
                        f"<a href='/lich-cong-tac?thang={month}&nam={year + 1}'>Năm sau</a></main>")
        if path == "/thong-bao" or path.startswith("/thong-bao/"):  # a session id on every link
            token = sid()
            links = [(f"/thong-bao/tb-{n}.html?sid={token}", f"Thông báo {n}") for n in range(1, 4)]
            links += [(f"/thong-bao?sid={token}", "Thông báo"), (f"/?sid={token}", "Trang chủ")]
            if path.startswith("/thong-bao/tb-"):
                n = int(path[len("/thong-bao/tb-"):-5])
                return article("traps", 100 + n, listing(links, heading="Thông báo khác"))
            return html(listing(links, heading="Thông báo"))
        if path == "/van-ban":  # faceted filters
            facets = [(f"/van-ban?linhvuc={a}", f"Lĩnh vực {a}") for a in range(1, 6)]
            facets += [(f"/van-ban?coquan={b}", f"Cơ quan {b}") for b in range(1, 6)]
            facets += [(f"/van-ban?linhvuc={a}&coquan={b}", f"{a}-{b}") for a in range(1, 6) for b in range(1, 6)]
            facets += [(f"/van-ban?linhvuc={a}&coquan={b}&nam={c}", f"{a}-{b}-{c}")
                       for a in range(1, 3) for b in range(1, 3) for c in range(2020, 2025)]
            return html(listing(facets, heading="Văn bản"))
        if path.startswith("/chuyen-muc/"):  # relative links growing the path
            depth = path.count("chuyen-muc")
            if depth > 30:
                return not_found()
            return html(listing([("chuyen-muc/", "Chuyên mục con"), ("../tin-tuc", "Tin tức")]))
        if path == "/tin/da-go.html" or path.startswith("/govarchive-") or path.startswith("/x"):
            return 200, {"Content-Type": "text/html; charset=utf-8"}, (
                "<html><head><title>Thông báo</title></head><body><div class='logo'>Cổng thông tin</div>"
                "<h2>Không tìm thấy trang bạn yêu cầu</h2><p>Đường dẫn có thể đã bị thay đổi.</p></body></html>"
            ).encode()
        return not_found()

    return handle


# a script shell --------------------------------------------------------------------------------------
def shell(articles: int = 12) -> Handler:
    def handle(method, path, query, form) -> Answer:
        if path == "/":
            return html("<main><div id='app'>Đang tải...</div><script src='/static/app.js'></script></main>")
        if path == "/static/app.js":
            script = ("fetch(['/api','/v1','/items'].join('')).then(function(r){return r.json();})"
                      ".then(function(d){var h='';d.rows.forEach(function(x){h+='<li><a href=\"'+x.link+'\">'"
                      "+x.name+'</a></li>';});document.getElementById('app').innerHTML='<ul>'+h+'</ul>';});")
            return 200, {"Content-Type": "application/javascript"}, script.encode()
        if path == "/api/v1/items":
            rows = [{"name": f"shell bài {n}", "link": f"/bai-viet/{n}"} for n in range(1, articles + 1)]
            rows.append({"name": "shell bài 900", "link": "/xem/900"})  # an article built by script too
            return 200, {"Content-Type": "application/json"}, json.dumps({"rows": rows}).encode()
        if path == "/xem/900":
            return html("<main id='bai'></main><script>fetch('/api/v1/bai/900').then(function(r){return r.text();})"
                        ".then(function(h){document.getElementById('bai').innerHTML=h;});</script>")
        if path == "/api/v1/bai/900":
            body = article("shell", 900)[2].decode()
            return 200, {"Content-Type": "text/html; charset=utf-8"}, body.split("<main>")[1].split("</main>")[0].encode()
        if path.startswith("/bai-viet/"):
            n = int(path.rsplit("/", 1)[1])
            return article("shell", n) if 1 <= n <= articles else not_found()
        return not_found()

    return handle


# an old IIS-era portal: what a browser follows and plain links do not ---------------------------------
def legacy(articles: int = 20) -> Handler:
    """A root that redirects by script to a frameset; its main frame declares ``<base href>``
    and lists a third of the articles as rows a click opens (``onclick``), with an image map to
    a section page whose links are written with backslashes and "Xem" buttons (``window.open``);
    its top frame's menu, written by ``document.write``, leads to notices shown as cards a
    script links (``data-href``)."""
    clicked_to, listed_to = articles // 3, articles - articles // 3  # rows, section, cards

    def handle(method, path, query, form) -> Answer:
        if path == "/":
            return html("<script>window.location.href = '/portal/index.htm';</script>")
        if path == "/portal/index.htm":
            return 200, {"Content-Type": "text/html; charset=utf-8"}, (
                "<html><head><title>UBND huyện</title></head><frameset rows='120,*'>"
                "<frame src='top.htm'><frame src='noidung/main.htm' name='main'></frameset></html>").encode()
        if path == "/portal/top.htm":
            return html("<img src='banner.jpg' alt='UBND huyện'><script>document.write("
                        "'<a href=\"thongbao.htm\">Thông báo<\\/a>');</script>")
        if path == "/portal/thongbao.htm":
            items = "".join(f"<div class='card' data-href='tin/{n}.htm'><h4>legacy bài {n}</h4></div>"
                            for n in range(listed_to + 1, articles + 1))
            return html(items)
        if path == "/portal/noidung/main.htm":  # its base makes tin/1.htm /portal/tin/1.htm
            rows = "".join(f"<tr onclick=\"window.location.href='tin/{n}.htm'\"><td>legacy bài {n}</td>"
                           f"<td>{n:02d}/03/2024</td></tr>" for n in range(1, clicked_to + 1))
            return 200, {"Content-Type": "text/html; charset=utf-8"}, (
                "<html><head><base href='/portal/'><title>Tin tức</title></head><body>"
                f"<table class='list'>{rows}</table><img src='menu.gif' usemap='#menu'><map name='menu'>"
                "<area shape='rect' coords='0,0,90,20' href='chuyenmuc.htm' alt='Chuyên mục'></map>"
                "</body></html>").encode()
        if path == "/portal/chuyenmuc.htm":
            items = "".join(f"<li><a href='tin\\{n}.htm'>legacy bài {n}</a></li>" if n % 2 else
                            f"<li>legacy bài {n} <button onclick=\"window.open('tin/{n}.htm')\">Xem</button></li>"
                            for n in range(clicked_to + 1, listed_to + 1))
            return html(f"<ul>{items}</ul>")
        if path.startswith("/portal/tin/") and path.endswith(".htm") and path[12:-4].isdigit():
            n = int(path[12:-4])
            return article("legacy", n) if 1 <= n <= articles else not_found()
        return not_found()

    return handle


# a small plain portal, for many at once --------------------------------------------------------------
def small(name: str, articles: int = 3) -> Handler:
    def handle(method, path, query, form) -> Answer:
        if path == "/":
            return html(listing([(f"/tin/{n}.html", f"{name} bài {n}") for n in range(1, articles + 1)]))
        if path.startswith("/tin/") and path.endswith(".html") and path[5:-5].isdigit():
            n = int(path[5:-5])
            return article(name, n) if 1 <= n <= articles else not_found()
        return not_found()

    return handle


# serving -----------------------------------------------------------------------------------------------
@dataclass
class PortalServer:
    name: str
    server: ThreadingHTTPServer
    handle: Handler
    robots: str = ROBOTS
    log: list[tuple[float, str, str]] = field(default_factory=list)  # (time, method, path with query)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/"

    def requests(self, prefix: str = "", method: str | None = None) -> list[str]:
        return [p for _, m, p in self.log if p.startswith(prefix) and (method is None or m == method)]


def _handler_class(portal: PortalServer) -> type:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self, method: str) -> None:
            parts = urlsplit(self.path)
            portal.log.append((time.monotonic(), method, self.path))
            form: dict[str, str] = {}
            if method == "POST":
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode()
                if "json" in (self.headers.get("Content-Type") or ""):  # a web method's: its own types
                    form = json.loads(body or "{}")
                else:
                    form = {k: v[0] for k, v in parse_qs(body, True).items()}
            query = {k: v[0] for k, v in parse_qs(parts.query, True).items()}
            if parts.path == "/robots.txt":
                status, headers, body = 200, {"Content-Type": "text/plain"}, portal.robots.encode()
            else:
                status, headers, body = portal.handle(method, parts.path, query, form)
            self.send_response(status)
            for name, value in {"Content-Length": str(len(body)), **headers}.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802
            self._answer("GET")

        def do_POST(self) -> None:  # noqa: N802
            self._answer("POST")

        def log_message(self, format, *args) -> None:
            pass

    return Handler


def serve_portal(name: str, handle: Handler, robots: str = ROBOTS, host: str = "127.0.0.1") -> PortalServer:
    """``host``: any 127.0.0.0/8 address (all loopback on Linux), for many portals on many hosts."""
    portal = PortalServer(name, None, handle, robots)  # type: ignore[arg-type]
    portal.server = ThreadingHTTPServer((host, 0), _handler_class(portal))
    portal.server.daemon_threads = True
    threading.Thread(target=portal.server.serve_forever, daemon=True).start()
    return portal


BUILDERS: dict[str, Callable[[], Handler]] = {
    "webforms": webforms, "loadmore": loadmore, "liferay": liferay, "traps": traps, "shell": shell,
    "legacy": legacy,
}
EXPECTED = {"webforms": 60, "loadmore": 40, "ajaxdata": 45, "jspager": 17, "formpager": 24, "liferay": 40, "traps": 23, "shell": 13, "wordpager": 42,
            "dnnpager": 30, "legacy": 20}  # articles each holds
