"""The gold set's page families: how each portal platform lays out an article and its boilerplate.

Used only by ``make_gold.py``; the committed pages are what tests read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

PROVINCES = ["Sông Hậu", "Bắc Sơn", "Tây Nguyên", "Hà Giang", "Quảng Hải", "Phú Xuân", "Nam Trung", "Cửu Long"]
SCRIPT = "<script>" + "".join(
    f"var _cfg{i}={{id:{i},url:'/_layouts/15/init.js?rev={i * 7919}',flag:true}};"
    f"function f{i}(a){{return a&&a.length>{i}?a.slice({i}):null}}" for i in range(120)) + "</script>"
STYLE = "<style>" + "".join(f".c{i}{{margin:{i}px;padding:{i % 7}px;color:#{i * 99991 % 0xFFFFFF:06x}}}"
                            for i in range(200)) + "</style>"


@dataclass
class Page:
    html: str
    url: str
    text: str
    boilerplate: list[str] = field(default_factory=list)
    cp1258: bool = False
    published_at: str | None = None
    title: str | None = None  # when the page shows the title otherwise (in capitals)


def p(texts: list[str], cls: str = "", indent: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return "\n".join(f"<p{attr}>{indent}{escape(t)}</p>" for t in texts)


def slug(title: str) -> str:
    plain = unicodedata.normalize("NFD", title.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60]


def body_parts(article: dict) -> tuple[list[str], str]:
    """Body paragraphs as shown (caption after the first) and the expected text."""
    paras = list(article["paragraphs"])
    shown = paras[:1] + ([article["caption"]] if article["caption"] else []) + paras[1:]
    return shown, "\n\n".join(shown)


def tail_lines(article: dict, with_author: bool = True) -> list[str]:
    out = [article["author"]] if article["author"] and with_author else []
    return out + ([f"({article['source']})"] if article["source"] else [])


def news_list(others: list[str], start: int, count: int, date: bool = True) -> str:
    items = []
    for i, title in enumerate(others[start:start + count]):
        when = f' <span class="d">({(i * 3) % 28 + 1:02d}/{(i % 12) + 1:02d}/2024)</span>' if date else ""
        items.append(f'<li><a href="/tin-tuc/{slug(title)}-{start + i}.html">{escape(title)}</a>{when}</li>')
    return "<ul>" + "".join(items) + "</ul>"


def menu(count: int = 40) -> str:
    names = ["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Chỉ đạo điều hành", "Văn bản pháp luật",
             "Thủ tục hành chính", "Dịch vụ công", "Hỏi đáp", "Lịch công tác", "Thông tin tuyên truyền"]
    return "<ul class='menu'>" + "".join(
        f'<li><a href="/c/{i}">{names[i % len(names)]}{"" if i < len(names) else f" {i}"}</a></li>'
        for i in range(count)) + "</ul>"


def poll() -> str:
    return ("<h3>Thăm dò ý kiến</h3><p>Bạn đánh giá thế nào về Cổng thông tin điện tử?</p>"
            "<input type=radio name=v> Rất tốt <input type=radio name=v> Tốt <input type=radio name=v> "
            "Bình thường <button>Bình chọn</button> <a href='/kq'>Xem kết quả</a>")


def counter(n: int) -> str:
    return (f"<h3>Lượt truy cập</h3><p>Đang truy cập: {n % 300 + 20}</p>"
            f"<p>Tổng lượt truy cập: {1_234_567 + n * 1001:,}</p>".replace(",", "."))


def footer(province: str, vendor: str) -> str:
    return (f"<p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh {province}</p><p>Địa chỉ: Số 1 đường Trần Hưng Đạo,"
            f" thành phố {province}. Điện thoại: 0270.3822.111 - Fax: 0270.3823.222</p>"
            f"<p>Người chịu trách nhiệm: Chánh Văn phòng UBND tỉnh</p><p>Ghi rõ nguồn Cổng thông tin "
            f"điện tử tỉnh {province} khi phát hành lại thông tin từ website này.</p><p>{vendor}</p>")


def share() -> str:
    return ('<div class="tools"><a href="#">Chia sẻ</a> <a href="#">In bài</a> <a href="#">Gửi email</a> '
            '<a href="#">Phản hồi</a> <a href="#">Gửi cho bạn bè</a></div>')


BOILERPLATE = ["Tin mới", "Xem nhiều nhất", "Liên kết web", "Thăm dò ý kiến", "Lượt truy cập",
               "Bình chọn", "Chia sẻ", "In bài", "Cơ quan chủ quản", "Ghi rõ nguồn"]


def boiler(others: list[str], extra: list[str]) -> list[str]:
    return [*BOILERPLATE, *extra, others[0], others[5]]


def document(title: str, head: str, body: str, charset: str = "utf-8") -> str:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset else ""
    return (f"<!DOCTYPE html><html lang='vi'><head>{meta}<title>{escape(title)}</title>{head}{STYLE}{SCRIPT}"
            f"</head><body>{body}</body></html>")


# --- families ---------------------------------------------------------------------------------------------
def sharepoint(article, shown, value, k, others) -> Page:
    prov = PROVINCES[k]
    paras, text = body_parts(article)
    item = 1000 + k * 17
    url = (f"https://{slug(prov).replace('-', '')}.gov.vn/Pages/2019-3-{k + 1}/{slug(article['title'])}.aspx"
           if k % 2 else f"https://{slug(prov).replace('-', '')}.gov.vn/Lists/TinTuc/View_Detail.aspx?ItemID={item}")
    body = f"""<form id="aspnetForm"><div id="s4-ribbonrow">Trình duyệt Trang</div><div id="s4-workspace">
<div id="s4-bodyContainer"><div class="header-top">{menu()}</div>
<div class="main"><div class="col-left"><div class="ms-webpart-zone"><div class="box-title">Tin mới</div>
{news_list(others, 0, 10)}</div></div>
<div class="col-center"><div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc">Tin tức - Sự kiện</a></div>
<div class="category-title">Tin tức - Sự kiện</div>
<div class="ms-webpart-zone"><div class="news-detail"><span class="date-detail">{escape(shown)}</span>
<h1 class="title-detail">{escape(article['title'])}</h1>
<div class="ms-rtestate-field">{p(paras, indent='&nbsp;&nbsp;&nbsp; ')}{p(tail_lines(article), 'author')}</div>
{share()}<div class="other-news"><h3>Tin liên quan</h3>{news_list(others, 10, 6)}</div></div></div></div>
<div class="col-right"><h3>Xem nhiều nhất</h3>{news_list(others, 16, 8, date=False)}
<h3>Liên kết web</h3><select><option>Chính phủ</option><option>Bộ Nội vụ</option></select>{poll()}{counter(k)}</div></div>
<div class="footer">{footer(prov, "Thiết kế bởi Trung tâm Công nghệ thông tin và Truyền thông")}</div></div></div></form>"""
    head = '<meta name="GENERATOR" content="Microsoft SharePoint">'
    return Page(document(f"{article['title']} - Cổng thông tin điện tử tỉnh {prov}", head, body), url, text,
                boiler(others, ["Tin liên quan", "Trình duyệt Trang"]))


def liferay(article, shown, value, k, others) -> Page:
    paras, text = body_parts(article)
    url = (f"https://sotttt.{slug(PROVINCES[k]).replace('-', '')}.gov.vn/tin-tuc/-/view_content/{5000 + k}-"
           f"{slug(article['title'])}" if k % 2 == 0 else
           f"https://{slug(PROVINCES[k]).replace('-', '')}.gov.vn/tin-tuc/-/asset_publisher/AbCdEf12/content/"
           f"{slug(article['title'])}")
    portlet = lambda title, inner: (  # noqa: E731
        f'<div class="portlet-boundary portlet-asset-publisher"><section class="portlet">'
        f'<header class="portlet-topper"><h2 class="portlet-title-text">{title}</h2></header>'
        f'<div class="portlet-content"><div class="asset-abstract">{inner}</div></div></section></div>')
    body = f"""<div id="wrapper"><header id="banner">{menu()}</header><div id="content"><div class="columns-2">
<div class="portlet-column portlet-column-first">
<div class="portlet-boundary portlet-journal-content"><div class="journal-content-article">
<div class="asset-full-content"><h3 class="header-title"><span>{escape(article['title'])}</span></h3>
<div class="metadata-entry metadata-publish-date"><span class="date-time">{escape(shown)}</span></div>
<div class="asset-content">{p(paras)}{p(tail_lines(article))}</div></div></div>
<div class="taglib-social-bookmarks">{share()}</div>
<div class="asset-links"><h4>Các tin khác</h4>{news_list(others, 10, 8)}</div></div></div>
<div class="portlet-column portlet-column-last">{portlet("Tin mới", news_list(others, 0, 10))}
{portlet("Xem nhiều nhất", news_list(others, 18, 6, date=False))}{portlet("Liên kết web", "<select><option>Bộ TT&amp;TT</option></select>")}
{portlet("Thăm dò ý kiến", poll())}{portlet("Thống kê", counter(k))}</div></div></div>
<footer id="footer">{footer(PROVINCES[k], "Powered by Liferay")}</footer></div>"""
    head = '<link href="/o/classic-theme/css/main.css" rel="stylesheet"><script>Liferay.Portlet.ready()</script>'
    return Page(document(f"{article['title']} - Sở Thông tin và Truyền thông", head, body), url, text,
                boiler(others, ["Các tin khác", "Thống kê"]))


def postdate(article, shown, value, k, others) -> Page:
    paras, text = body_parts(article)
    lead, rest = paras[:1], paras[1:]
    url = f"https://{slug(PROVINCES[k]).replace('-', '')}.gov.vn/Default.aspx?tabid=120&ch={k}&ItemID={3000 + k}"
    body = f"""<form method="post" action="Default.aspx" id="Form"><input type="hidden" name="__VIEWSTATE" value="{'A' * 3000}">
<div id="dnn_ctr_Header">{menu()}</div><table class="layout"><tr><td id="dnn_LeftPane"><div class="ModuleTitle">Tin mới</div>
{news_list(others, 0, 10)}<div class="ModuleTitle">Liên kết web</div><select><option>Chính phủ</option></select></td>
<td id="dnn_ContentPane"><div id="ctl00_ctl00_ArticleDetailControl"><div class="CateTitle">Tin hoạt động</div>
<h1 class="Title">{escape(article['title'])}</h1><span class="PostDate">{escape(shown)}</span>
<div class="Lead"><b>{escape(lead[0])}</b></div><div class="Content">{p(rest)}{p(tail_lines(article), 'Author')}</div>
{share()}<div class="OtherNews"><span>Các tin đã đưa</span>{news_list(others, 10, 8)}</div></div></td>
<td id="dnn_RightPane"><div class="ModuleTitle">Xem nhiều nhất</div>{news_list(others, 18, 6, date=False)}{poll()}{counter(k)}</td></tr></table>
<div id="dnn_Footer">{footer(PROVINCES[k], "Phát triển bởi Viettel")}</div></form>"""
    return Page(document(f"Cổng TTĐT tỉnh {PROVINCES[k]} | {article['title']}", "", body), url, text,
                boiler(others, ["Các tin đã đưa"]))


def vnpt(article, shown, value, k, others) -> Page:
    paras, text = body_parts(article)
    title = article["title"].upper() if k % 2 == 0 else article["title"]
    url = f"http://{slug(PROVINCES[k]).replace('-', '')}.gov.vn/index.php?option=tin&id={700 + k}"
    cats = "".join(f'<td><a href="/cm{i}">Chuyên mục {i}</a></td>' for i in range(14))
    body = f"""<table width="100%" border="0"><tr><td colspan="3"><img src="/banner.jpg"><table><tr>{cats}</tr></table></td></tr>
<tr><td class="x0" width="200" valign="top"><b>Tin mới</b>{news_list(others, 0, 10)}<b>Liên kết web</b>
<select><option>Chính phủ</option></select></td>
<td class="x1" valign="top"><table><tr><td><span class="t">{escape(title)}</span></td></tr>
<tr><td><i>{escape(shown)}</i></td></tr><tr><td>{p(paras)}
{''.join(f'<p align="right"><b>{escape(t)}</b></p>' for t in tail_lines(article))}</td></tr>
<tr><td><b>Các tin khác:</b>{news_list(others, 10, 8)}</td></tr></table></td>
<td class="x2" valign="top"><b>Xem nhiều nhất</b>{news_list(others, 18, 6, date=False)}{poll()}{counter(k)}</td></tr>
<tr><td colspan="3">{footer(PROVINCES[k], "Designed by VNPT " + PROVINCES[k])}</td></tr></table>"""
    page = Page(document(f"Huyện {PROVINCES[k]}", "", body, charset="windows-1258" if k in (1, 3) else ""),
                url, text, boiler(others, ["Các tin khác", "Designed by VNPT"]), cp1258=k in (1, 3))
    page.title = title
    return page


def wordpress(article, shown, value, k, others) -> Page:
    paras, text = body_parts(article)
    url = f"https://xa{slug(PROVINCES[k]).replace('-', '')}.{slug(PROVINCES[(k + 1) % 8]).replace('-', '')}.gov.vn/{slug(article['title'])}/"
    iso = value if "T" in value else value + "T08:00:00+07:00"
    author = article["author"]
    byline = f'<span class="byline">bởi <span class="author vcard"><a href="/author/1">{escape(author)}</a></span></span>' if author and k % 2 else ""
    body = f"""<div id="page" class="site"><header id="masthead" class="site-header"><p class="site-title">UBND xã</p>
<nav class="main-navigation">{menu(25)}</nav></header><div id="content" class="site-content"><main id="main">
<article id="post-{200 + k}" class="post-{200 + k} post type-post status-publish"><header class="entry-header">
<h1 class="entry-title">{escape(article['title'])}</h1><div class="entry-meta"><span class="posted-on">
<time class="entry-date published" datetime="{iso}">{escape(shown)}</time></span> {byline}</div></header>
<div class="entry-content">{p(paras)}{p(tail_lines(article, with_author=not byline))}
<div class="sharedaddy"><h3 class="sd-title">Chia sẻ:</h3>{share()}</div></div>
<footer class="entry-footer"><span class="cat-links">Chuyên mục <a href="/tin-tuc">Tin tức</a></span></footer></article>
<nav class="post-navigation"><a href="/prev">{escape(others[3])}</a></nav></main>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Tin mới</h2>
{news_list(others, 0, 10)}</section><section class="widget"><h2 class="widget-title">Xem nhiều nhất</h2>{news_list(others, 18, 5, False)}</section>
<section class="widget">{poll()}</section><section class="widget">{counter(k)}</section>
<section class="widget"><h2>Liên kết web</h2><select><option>UBND huyện</option></select></section></aside></div>
<footer class="site-footer">{footer(PROVINCES[k], "Vận hành trên WordPress")}</footer></div>"""
    head = (f'<meta name="generator" content="WordPress 6.4.2"><meta property="og:title" content="{escape(article["title"])}">'
            f'<meta property="article:published_time" content="{iso}">')
    return Page(document(f"{article['title']} – UBND xã", head, body), url, text,
                boiler(others, [others[3]]), published_at=iso)


def joomla(article, shown, value, k, others) -> Page:
    paras, text = body_parts(article)
    url = f"https://{slug(PROVINCES[k]).replace('-', '')}.gov.vn/index.php/tin-tuc/{120 + k}-{slug(article['title'])}"
    body = f"""<div class="body"><header class="header">{menu(30)}</header><div class="container"><main id="content">
<div class="item-page" itemscope itemtype="https://schema.org/Article"><div class="page-header">
<h2 itemprop="headline">{escape(article['title'])}</h2></div><dl class="article-info muted"><dt class="article-info-term">Chi tiết</dt>
<dd class="category-name">Danh mục: <a href="/tin-tuc">Tin tức</a></dd><dd class="published">{escape(shown)}</dd>
<dd class="hits">Lượt xem: {321 + k}</dd></dl><div itemprop="articleBody">{p(paras)}{p(tail_lines(article))}</div>
<ul class="pager pagenav"><li class="previous"><a href="/p">Trước</a></li><li class="next"><a href="/n">Tiếp theo</a></li></ul></div>
</main><div id="aside"><div class="moduletable"><h3>Tin mới</h3>{news_list(others, 0, 10)}</div>
<div class="moduletable"><h3>Xem nhiều nhất</h3>{news_list(others, 18, 6, False)}</div><div class="moduletable">{poll()}</div>
<div class="moduletable">{counter(k)}</div><div class="moduletable"><h3>Liên kết web</h3><select><option>Tỉnh</option></select></div>
</div></div><footer class="footer">{footer(PROVINCES[k], "Joomla! là phần mềm tự do")}</footer></div>"""
    head = '<meta name="generator" content="Joomla! - Open Source Content Management">'
    return Page(document(f"{article['title']}", head, body), url, text,
                boiler(others, ["Lượt xem", "Tiếp theo"]))


def news(article, shown, value, k, others) -> Page:
    paras, text = body_parts(article)
    lead, rest = paras[0], paras[1:]
    url = f"https://baodientu.{slug(PROVINCES[k]).replace('-', '')}.gov.vn/thoi-su/{slug(article['title'])}-{46720 + k}.html"
    author = article["author"]
    sign = f'<p class="Normal" style="text-align:right;"><strong>{escape(author)}</strong></p>' if author else ""
    src = f'<p class="Normal">({escape(article["source"])})</p>' if article["source"] else ""
    body = f"""<header class="header">{menu(30)}</header><section class="section page-detail"><div class="container">
<div class="sidebar-1"><div class="header-content"><ul class="breadcrumb"><li><a href="/thoi-su">Thời sự</a></li></ul>
<span class="date">{escape(shown)}</span></div><h1 class="title-detail">{escape(article['title'])}</h1>
<p class="description">{escape(lead)}</p><article class="fck_detail">{p(rest, 'Normal')}{sign}{src}</article>
<div class="footer-content">{share()}<div class="box-tinlienquan"><h3>Tin liên quan</h3>{news_list(others, 10, 6)}</div></div></div>
<div class="sidebar-2"><div class="box-news"><h3>Tin mới</h3>{news_list(others, 0, 10)}</div>
<div class="box-news"><h3>Xem nhiều nhất</h3>{news_list(others, 18, 6, False)}</div>{poll()}{counter(k)}
<h3>Liên kết web</h3><select><option>Chính phủ</option></select></div></div></section>
<footer>{footer(PROVINCES[k], "Báo điện tử của Đảng bộ tỉnh")}</footer>"""
    head = (f'<meta name="pubdate" content="{value}"><meta property="og:title" content="{escape(article["title"])}">'
            if k % 2 == 0 else "")
    return Page(document(f"{article['title']} - Báo điện tử", head, body), url, text,
                boiler(others, ["Tin liên quan"]))


def unknown(article, shown, value, k, others) -> Page:
    """No platform markers, neutral class names: only generic extraction sees this one."""
    paras, text = body_parts(article)
    url = f"https://{slug(PROVINCES[k]).replace('-', '')}.gov.vn/chi-tiet/{900 + k}"
    table = ("<table><tr><td>Chỉ tiêu</td><td>Kế hoạch</td><td>Thực hiện</td></tr>"
             "<tr><td>Hộ nghèo giảm</td><td>2%</td><td>2,3%</td></tr></table>") if k == 2 else ""
    rows = "\n\nChỉ tiêu | Kế hoạch | Thực hiện\n\nHộ nghèo giảm | 2% | 2,3%" if table else ""
    body = f"""<div class="w1"><div class="w2">{menu()}</div><div class="w3"><div class="w4">
<div class="k1">Tin tức - Sự kiện</div><div class="k2">{escape(article['title'])}</div><div class="k3">{escape(shown)}</div>
<div class="k4">{p(paras)}{table}{p(tail_lines(article))}</div><div class="k5">{share()}</div>
<div class="k6"><div class="k7">Tin liên quan</div>{news_list(others, 10, 8)}</div></div>
<div class="w5"><div class="k7">Tin mới</div>{news_list(others, 0, 10)}<div class="k7">Xem nhiều nhất</div>
{news_list(others, 18, 6, False)}<div class="k7">Liên kết web</div><select><option>Chính phủ</option></select>{poll()}{counter(k)}</div></div>
<div class="w6">{footer(PROVINCES[k], "Bản quyền thuộc UBND tỉnh")}</div></div>"""
    return Page(document(f"{article['title']} | UBND tỉnh {PROVINCES[k]}", "", body), url, text + rows,
                boiler(others, ["Tin liên quan"]))


@dataclass(frozen=True)
class Family:
    name: str
    render: Callable[..., Page]


FAMILIES = [Family("sharepoint", sharepoint), Family("liferay", liferay), Family("postdate", postdate),
            Family("vnpt", vnpt), Family("wordpress", wordpress), Family("joomla", joomla),
            Family("news", news), Family("unknown", unknown)]
