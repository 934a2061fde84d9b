"""The district demo portal: a VNPT-style table layout, ``/vi/news/...`` addresses.

What it exercises: an RSS feed linked from every page (one article is only in
the feed), ``/trang-N.html`` listings (one article only on page 2), printer
pages carrying ``rel=canonical``, a category header above the title, the date
line below it, ``&nbsp;`` indentation, and bad input: a windows-1258 page, a
UTF-8 page whose header says ISO-8859-1, broken markup, a PDF served at an
``.html`` address, and an empty page.
"""

from __future__ import annotations

from crawler.demo.common import (
    COUNTER,
    POLL,
    VIDEO_TITLES,
    Page,
    ddmmyyyy,
    e,
    html_page,
    link_list,
    paragraphs_html,
    sort_newest,
)
from crawler.demo.content import DemoArticle, articles_of
from crawler.demo.vanban import DISTRICT_DOCUMENT_LINKS, district_files

NAME = "Cổng thông tin điện tử huyện Mỹ Thành"
CATEGORIES = {
    "tin-hoat-dong": "Tin hoạt động", "giao-duc": "Giáo dục - Đào tạo",
    "nong-nghiep": "Nông nghiệp - Nông thôn", "thong-bao": "Thông báo",
}
PER_PAGE = 2
HIDDEN = {"feed_only", "deep_page"}  # not in sidebars nor "other news" lists
OLD_ADDRESS = "/Default.aspx?tabid=64&newsid=202"  # redirects to article 202


def article_url(a: DemoArticle) -> str:
    return f"/vi/news/{a.category}/{a.slug}-{a.id}.html"


def _visible(articles: list[DemoArticle]) -> list[DemoArticle]:
    return [a for a in sort_newest(articles) if not HIDDEN & a.flags]


def _frame(title: str, main: str, articles: list[DemoArticle], charset: str = "utf-8") -> str:
    menu = "".join(
        f'<td><a href="/vi/news/{key}/">{e(label)}</a></td>' for key, label in CATEGORIES.items()
    )
    newest = [(article_url(a), a.title, ddmmyyyy(a)) for a in _visible(articles)[:5]]
    docs = [(f"/vi/van-ban/{i}.html", f"Kế hoạch số {40 + i}/KH-UBND về công tác năm 2026", f"{i + 3:02d}/10/2026") for i in range(5)]
    return f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{e(title)}</title>
<link rel="alternate" type="application/rss+xml" title="Tin mới" href="/rss/tin-moi.rss">
</head><body><table width="1000" align="center" cellpadding="0" cellspacing="0">
<tr><td colspan="3" class="bn"><img src="/images/banner.jpg" alt="{e(NAME)}"></td></tr>
<tr><td colspan="3"><table class="mn"><tr><td><a href="/">Trang chủ</a></td>{menu}
<td><a href="/vi/lich-cong-tac.html">Lịch công tác</a></td><td><a href="/vi/van-ban.html">Văn bản</a></td>
<td><a href="/vi/thu-vien-video.html">Thư viện video</a></td><td><a href="/vi/lien-he.html">Liên hệ</a></td>
<td><a href="/quan-tri/dang-nhap.html">Đăng nhập</a></td></tr></table></td></tr>
<tr><td class="l" width="220" valign="top">{link_list("Văn bản mới", docs, "blk")}
<div class="blk"><div class="hd">Liên kết banner</div><a href="https://dichvucong.gov.vn"><img src="/images/dvc.jpg"></a></div>
<div class="blk"><div class="hd">Video Clip</div><a href="/vi/thu-vien-video.html"><img src="/images/video.jpg"></a></div></td>
<td class="m" valign="top">{main}</td>
<td class="r" width="220" valign="top">{link_list("Tin mới", newest, "blk")}{POLL}{COUNTER}</td></tr>
<tr><td colspan="3" class="f">Cơ quan chủ quản: UBND huyện Mỹ Thành tỉnh Sông Hậu<br>
Địa chỉ: Thị trấn Mỹ Thành - huyện Mỹ Thành - tỉnh Sông Hậu<br>
Điện thoại: (0270) 3810724; Fax: (0270) 3810764. Email: ubndmythanh@songhau.gov.vn<br>
Người chịu trách nhiệm chính: Ông Phạm Văn Long - Chủ tịch UBND huyện<br>Designed by VNPT Sông Hậu</td></tr>
</table></body></html>"""


def _article(a: DemoArticle, articles: list[DemoArticle], charset: str = "utf-8") -> str:
    others = [(article_url(o), o.title, ddmmyyyy(o)) for o in _visible(articles) if o.id != a.id][:6]
    body = paragraphs_html(a, indent="&nbsp;&nbsp;&nbsp;&nbsp; ", image="/uploads/news/a.jpg")
    if "broken_markup" in a.flags:  # unclosed tags, a stray </div>, no </p>
        body = body.replace("</p>", "", 2).replace("<strong>", "<strong><font>") + "</div></span>"
    info = f'<div class="info">{e(a.date_line)}</div>' if a.date_line else ""
    main = f"""<div class="cat">{e(CATEGORIES[a.category].upper())}</div>
<div class="news-title">{e(a.title)}</div>{info}
<div class="content">{body}</div>
<div class="tools"><a href="/vi/print/{a.id}.html">In trang</a> | <a href="#">Gửi cho bạn bè</a> | <a href="#top">Về đầu trang</a></div>
{link_list("Các tin khác", others, "blk")}"""
    return _frame(f"{NAME} | {a.title}", main, articles, charset)


def _print(a: DemoArticle, base: str = "{base}") -> str:
    return f"""<html><head><meta charset="utf-8"><title>{e(a.title)}</title>
<link rel="canonical" href="{base}{article_url(a)}"></head><body>
<p>{e(NAME)}</p><h3>{e(a.title)}</h3><p>{e(a.date_line)}</p>{paragraphs_html(a)}</body></html>"""


def _listing(key: str, page: int, articles: list[DemoArticle]) -> str | None:
    chosen = [a for a in sort_newest(articles) if a.category == key and "feed_only" not in a.flags]
    pages = max(1, -(-len(chosen) // PER_PAGE))
    if page > pages:
        return None
    rows = "".join(
        f'<tr><td><img src="/uploads/news/t{a.id}.jpg" width="120"></td><td><a href="{article_url(a)}">'
        f'{e(a.title)}</a><br><i>({ddmmyyyy(a)})</i><br>{e(a.paragraphs[0][:150])}...</td></tr>'
        for a in chosen[(page - 1) * PER_PAGE : page * PER_PAGE]
    )
    if key == "thong-bao":
        rows += '<tr><td></td><td><a href="/vi/news/thong-bao/trang-trong.html">Thông báo lịch tiếp dân</a></td></tr>'
        rows += '<tr><td></td><td><a href="/vi/news/thong-bao/mau-don-dang-ky.html">Mẫu đơn đăng ký</a></td></tr>'
    nav = " ".join(
        f'<a href="/vi/news/{key}/trang-{n}.html">{n}</a>' for n in range(1, pages + 1)
    )
    if page < pages:
        nav += f' <a href="/vi/news/{key}/trang-{page + 1}.html">Trang sau</a>'
    main = f'<div class="cat">{e(CATEGORIES[key])}</div><table>{rows}</table><div class="pg">{nav}</div>'
    return _frame(f"{NAME} | {CATEGORIES[key]}", main, articles)


def _static(title: str, inner: str, articles: list[DemoArticle]) -> Page:
    return html_page(_frame(f"{NAME} | {title}", f'<div class="cat">{e(title)}</div>{inner}', articles))


def _feed(articles: list[DemoArticle]) -> Page:
    items = "".join(
        f"<item><title>{e(a.title)}</title><link>{{base}}{article_url(a)}</link>"
        f"<pubDate>{a.published_at or ''}</pubDate></item>"
        for a in sort_newest(articles) if "deep_page" not in a.flags
    )
    rss = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{e(NAME)}</title>{items}</channel></rss>'
    return Page(rss.encode(), "application/rss+xml; charset=utf-8")


def build() -> dict[str, Page]:
    articles = articles_of("district")
    pages: dict[str, Page] = {}
    for a in articles:
        if "windows-1258" in a.flags:
            pages[article_url(a)] = html_page(
                _article(a, articles, "windows-1258"), "cp1258", header_charset="windows-1258"
            )
        elif "wrong_charset" in a.flags:
            pages[article_url(a)] = html_page(_article(a, articles), header_charset="iso-8859-1")
        else:
            pages[article_url(a)] = html_page(_article(a, articles))
        pages[f"/vi/print/{a.id}.html"] = html_page(_print(a))
    for key in CATEGORIES:
        page = 1
        while (text := _listing(key, page, articles)) is not None:
            page_path = f"/vi/news/{key}/trang-{page}.html"
            pages[page_path] = html_page(text)
            if page == 1:
                pages[f"/vi/news/{key}/"] = pages[page_path]
            page += 1
    videos = "".join(
        f'<li><a href="/vi/video/{i % len(VIDEO_TITLES)}.html">{e(t)}</a></li>'
        for i, t in enumerate(VIDEO_TITLES * 3)
    )
    for i, t in enumerate(VIDEO_TITLES):
        pages[f"/vi/video/{i}.html"] = _static(t, f'<video src="/uploads/v{i}.mp4" controls></video><p>{e(t)}</p>', articles)
    for i in range(5):
        pages[f"/vi/van-ban/{i}.html"] = _static(f"Kế hoạch số {40 + i}/KH-UBND", f"<table><tr><td>Ngày ban hành</td><td>{i + 3:02d}/10/2026</td></tr><tr><td>Tệp đính kèm</td><td><a href='{DISTRICT_DOCUMENT_LINKS[i % 3]}'>Tải về</a></td></tr></table>", articles)
    pages["/vi/thu-vien-video.html"] = _static("Thư viện Video", f"<ul>{videos}</ul>", articles)
    pages["/vi/lien-he.html"] = _static("Liên hệ", "<p>UBND huyện Mỹ Thành</p><p>Điện thoại: (0270) 3810724</p><form><input name='email'><input type='submit' value='Gửi'></form>", articles)
    pages["/vi/lich-cong-tac.html"] = _static("Lịch công tác", "<table>" + "".join(f"<tr><td>Thứ {d}, {d + 14}/11/2026</td><td>- 7h30: Lãnh đạo UBND huyện dự họp trực tuyến với UBND tỉnh về công tác chuyển đổi số; - 14h00: Kiểm tra tiến độ xây dựng nông thôn mới tại các xã.</td></tr>" for d in range(2, 7)) + "</table>", articles)
    table, files = district_files()
    pages["/vi/van-ban.html"] = _static("Văn bản", table, articles)
    pages.update(files)
    pages["/vi/news/thong-bao/trang-trong.html"] = Page(b"")
    pages["/vi/news/thong-bao/mau-don-dang-ky.html"] = Page(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "application/pdf")
    pages["/quan-tri/dang-nhap.html"] = _static("Đăng nhập", "<form><input name='u'><input type='password' name='p'></form>", articles)
    pages["/rss/tin-moi.rss"] = _feed(articles)
    # an old address from before the portal moved its news: a permanent redirect
    moved = next(a for a in articles if a.id == 202)
    pages[OLD_ADDRESS] = Page(b"", status=301, location=article_url(moved))
    old_link = f'<p><a href="{OLD_ADDRESS}">Tin cũ: {e(moved.title)}</a></p>'
    pages["/"] = html_page(_frame(NAME, "".join(f'<p><a href="{article_url(a)}">{e(a.title)}</a></p>' for a in _visible(articles)[:4]) + old_link, articles))
    pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /quan-tri/\n", "text/plain")
    return pages
