"""The provincial demo portal: SharePoint-style, ``/Pages/...aspx`` addresses.

Discovery paths it exercises: robots.txt naming a sitemap at a non-standard
address (``/sitemap.xml`` is missing, as on many portals) and a
disallowed ``/noi-bo/`` folder, a sitemap holding one article that no listing
links, ``?Page=N`` listings, ``?print=true`` printer versions, and one article
also linked as ``View_Detail.aspx?ItemID=``.
"""

from __future__ import annotations

import json

from crawler.demo.common import (
    COUNTER,
    POLL,
    SHARE,
    WEB_LINKS,
    Page,
    ddmmyyyy,
    e,
    html_page,
    link_list,
    paragraphs_html,
    sort_newest,
)
from crawler.demo.content import DemoArticle, articles_of
from crawler.demo.vanban import province_files

NAME = "Cổng thông tin điện tử tỉnh Sông Hậu"
CATEGORIES = {"lanh-dao": "Hoạt động lãnh đạo tỉnh", "kinh-te": "Kinh tế", "xa-hoi": "Văn hóa - Xã hội"}
PER_PAGE = 3
MENU = [("/", "Trang chủ"), ("/Pages/gioi-thieu.aspx", "Giới thiệu")] + [
    (f"/Pages/tin-tuc/{key}.aspx", label) for key, label in CATEGORIES.items()
] + [
    ("/Pages/van-ban-chi-dao.aspx", "Văn bản chỉ đạo điều hành"),
    ("/Pages/lich-cong-tac.aspx", "Lịch công tác"),
    ("/Pages/thu-vien-anh.aspx", "Thư viện ảnh"),
    ("/Pages/lien-he.aspx", "Liên hệ"),
    ("/Pages/tim-kiem.aspx", "Tìm kiếm"),
    ("/noi-bo/tai-lieu.aspx", "Nội bộ"),
    ("/Pages/default.aspx?Lang=en", "English"),
    ("/_layouts/Authenticate.aspx", "Đăng nhập"),
]


def article_url(a: DemoArticle) -> str:
    y, m, d = (int(x) for x in (a.published_at or "2019-01-01")[:10].split("-"))
    return f"/Pages/{y}-{m}-{d}/{a.slug}.aspx"


def _listed(articles: list[DemoArticle]) -> list[DemoArticle]:
    return [a for a in sort_newest(articles) if "sitemap_only" not in a.flags]


def _frame(title: str, main: str, articles: list[DemoArticle]) -> str:
    menu = "".join(f'<li><a href="{href}">{e(label)}</a></li>' for href, label in MENU)
    listed = _listed(articles)
    newest = [(article_url(a) + "?utm_source=home", a.title, ddmmyyyy(a)) for a in listed[:6]]
    popular = [
        ("/Pages/View_Detail.aspx?ItemID=113" if a.id == 113 else article_url(a), a.title,
         ddmmyyyy(a))
        for a in listed if a.id in (113, 101, 106, 109)
    ]
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{e(title)}</title>
<meta name="viewport" content="width=device-width"><link rel="stylesheet" href="/style.css"></head>
<body><form id="aspnetForm" action="#"><div id="s4-workspace"><div id="s4-bodyContainer">
<div class="hdr"><div class="logo"><a href="/">{NAME.upper()}</a></div>
<div class="top">Thứ Hai, 22/11/2026 | <a href="/Pages/lien-he.aspx">Liên hệ</a> | <a href="/sitemap.aspx">Sơ đồ cổng</a></div></div>
<div class="mn"><ul>{menu}</ul></div>
<div class="r1"><div class="c1">{link_list("Tin mới", newest)}{WEB_LINKS}</div>
<div class="c2"><div class="bc"><a href="/">Trang chủ</a> » Tin tức</div>{main}</div>
<div class="c3">{link_list("Xem nhiều nhất", popular)}{POLL}{COUNTER}</div></div>
<div class="ft"><p>{NAME}</p><p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh Sông Hậu</p>
<p>Địa chỉ: Số 1 đường Lê Lợi, phường 1, thành phố Sông Hậu</p>
<p>Điện thoại: (0270) 3822 123 - Email: banbientap@songhau.gov.vn</p>
<p>Người chịu trách nhiệm chính: Chánh Văn phòng UBND tỉnh</p>
<p>Bản quyền thuộc UBND tỉnh Sông Hậu. Ghi rõ nguồn khi phát hành lại thông tin từ cổng này.</p></div>
</div></div></form></body></html>"""


def _article(a: DemoArticle, articles: list[DemoArticle]) -> str:
    related = [
        (article_url(o), o.title, ddmmyyyy(o))
        for o in _listed(articles) if o.category == a.category and o.id != a.id
    ]
    main = f"""<div class="box"><div class="cat">{e(CATEGORIES[a.category].upper())}</div>
<div class="dl">{e(a.date_line)}</div>
<div class="tt"><span>{e(a.title)}</span></div>
<div class="ms-rtestate-field">{paragraphs_html(a, image="/PublishingImages/a.jpg")}</div>
{SHARE.format(print_href=article_url(a) + "?print=true")}
{link_list("Các tin khác", related)}</div>"""
    return _frame(f"{a.title} - {NAME}", main, articles)


def _print(a: DemoArticle) -> str:
    return f"""<html><head><meta charset="utf-8"><title>{e(a.title)}</title></head>
<body onload="window.print()"><div class="pr"><b>{e(NAME)}</b><hr>
<h2>{e(a.title)}</h2><p><i>{e(a.date_line)}</i></p>{paragraphs_html(a)}
<hr><p>Địa chỉ bài viết: {article_url(a)}</p></div></body></html>"""


def _listing(key: str, page: int, articles: list[DemoArticle]) -> str | None:
    chosen = [a for a in _listed(articles) if a.category == key]
    pages = max(1, -(-len(chosen) // PER_PAGE))
    if page > pages:
        return None
    items = "".join(
        f'<div class="it"><img src="/PublishingImages/t{a.id}.jpg" alt="">'
        f'<a href="{article_url(a)}">{e(a.title)}</a><span class="dt">{ddmmyyyy(a)}</span>'
        f"<p>{e(a.paragraphs[0][:160])}...</p></div>"
        for a in chosen[(page - 1) * PER_PAGE : page * PER_PAGE]
    )
    base = f"/Pages/tin-tuc/{key}.aspx"
    nav = " ".join(f'<a href="{base}?Page={n}">{n}</a>' for n in range(1, pages + 1))
    if page < pages:
        nav += f' <a href="{base}?Page={page + 1}">Trang sau »</a>'
    main = f'<div class="box"><div class="cat">{e(CATEGORIES[key])}</div>{items}<div class="pg">{nav}</div></div>'
    return _frame(f"{CATEGORIES[key]} - {NAME}", main, articles)


def _static(title: str, inner: str, articles: list[DemoArticle]) -> str:
    return _frame(f"{title} - {NAME}", f'<div class="box"><h2>{e(title)}</h2>{inner}</div>', articles)


STATIC = {
    "/Pages/lien-he.aspx": ("Liên hệ", "<p>Văn phòng UBND tỉnh Sông Hậu</p><p>Địa chỉ: Số 1 đường Lê Lợi</p><p>Điện thoại: (0270) 3822 123</p><form><input name='ten'> <textarea name='nd'></textarea><input type='submit' value='Gửi'></form>"),
    "/Pages/thu-vien-anh.aspx": ("Thư viện ảnh", "".join(f"<div class='ph'><img src='/PublishingImages/g{i}.jpg'><p>Hình ảnh hoạt động {i}</p></div>" for i in range(1, 13))),
    "/Pages/lich-cong-tac.aspx": ("Lịch công tác tuần", "<table>" + "".join(f"<tr><td>Thứ {d} ({d + 14}/11/2026)</td><td>08h00: Chủ tịch UBND tỉnh họp giao ban với các sở, ngành tại phòng họp số {d}; 14h00: làm việc với UBND huyện về tiến độ giải ngân vốn đầu tư công.</td></tr>" for d in range(2, 7)) + "</table>"),
    "/Pages/van-ban-chi-dao.aspx": ("Văn bản chỉ đạo điều hành", province_files()[0]),
    "/Pages/tim-kiem.aspx": ("Tìm kiếm", "<form><input name='k'><input type='submit' value='Tìm'></form><p>Nhập từ khóa để tìm kiếm.</p>"),
    "/Pages/gioi-thieu.aspx": ("Giới thiệu", "<p>Tỉnh Sông Hậu nằm ở trung tâm vùng đồng bằng.</p><ul><li><a href='/Pages/lien-he.aspx'>Liên hệ</a></li></ul>"),
}


API = "/_api/tin-tuc/QUERYDATA"


def _chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def build() -> dict[str, Page]:
    articles = articles_of("province")
    pages: dict[str, Page] = {}
    for a in articles:
        pages[article_url(a)] = html_page(_article(a, articles))
        pages[article_url(a) + "?print=true"] = html_page(_print(a))
        if "two_urls" in a.flags:
            pages[f"/Pages/View_Detail.aspx?ItemID={a.id}"] = pages[article_url(a)]
    for key in CATEGORIES:
        page = 1
        while (text := _listing(key, page, articles)) is not None:
            pages[f"/Pages/tin-tuc/{key}.aspx" + (f"?Page={page}" if page > 1 else "")] = html_page(text)
            page += 1
    for path, (title, inner) in STATIC.items():
        pages[path] = html_page(_static(title, inner, articles))
    pages.update(province_files()[1])
    home = "".join(f'<div class="it"><a href="{article_url(a)}">{e(a.title)}</a></div>' for a in _listed(articles)[:5])
    pages["/"] = html_page(_frame(NAME, f'<div class="box"><div class="cat">Tin nổi bật</div>{home}</div>', articles))
    pages["/Pages/default.aspx"] = pages["/"]
    sitemap_page = "".join(f'<li><a href="/Pages/tin-tuc/{k}.aspx">{e(v)}</a></li>' for k, v in CATEGORIES.items())
    pages["/sitemap.aspx"] = html_page(_static("Sơ đồ cổng", f"<ul>{sitemap_page}</ul>", articles))
    pages["/noi-bo/tai-lieu.aspx"] = html_page(_static("Tài liệu nội bộ", "<p>Chỉ dành cho cán bộ.</p>", articles))
    # the listing a SharePoint page loads with JavaScript: JSON, linked from no HTML
    for n, chunk in enumerate(_chunks(sort_newest(articles), 5), start=1):
        items = [{"Title": a.title, "FileRef": article_url(a), "ArticlePublishedDate": a.published_at}
                 for a in chunk]
        more = n * 5 < len(articles)
        body = {"d": {"results": items, "__next": f"{API}?page={n + 1}" if more else None}}
        pages[f"{API}?page={n}"] = Page(json.dumps(body, ensure_ascii=False).encode(), "application/json")
    pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /noi-bo/\nDisallow: /_layouts/\n\nSitemap: {base}/Sitemaps/tin-tuc.xml\n", "text/plain")
    urls = "".join(f"<url><loc>{{base}}{article_url(a)}</loc><lastmod>{a.published_at[:10]}</lastmod></url>" for a in articles)
    pages["/Sitemaps/tin-tuc.xml"] = Page(
        f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode(),
        "application/xml",
    )
    return pages
