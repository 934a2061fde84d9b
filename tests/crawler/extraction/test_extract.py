"""Extraction on every fixture family: demo portals, seed-shaped layouts, real saved pages."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

from crawler.demo import district, province
from crawler.demo.common import BOILERPLATE_STRINGS
from crawler.demo.content import ARTICLES
from crawler.extraction import extract_html, extract_page
from crawler.extraction.page import resolve_date

FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = json.loads((FIXTURES / "seeds" / "expected.json").read_text(encoding="utf-8"))
GOLD_PAGE = ROOT / "tests" / "gold" / "pages" / "sharepoint_0.html"
REAL = FIXTURES / "real"  # copies of ../shared/real-pages; MANIFEST.tsv says where each came from
PAGES = {"province": province.build(), "district": district.build()}
URL_OF = {"province": province.article_url, "district": district.article_url}


def demo_page(article):
    path = URL_OF[article.portal](article)
    page = PAGES[article.portal][path]
    return extract_page(page.body, "http://demo.gov.vn" + path, page.content_type)


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: f"demo-{a.id}")
def test_demo_article(article):
    r = demo_page(article)
    assert r.is_article, r.reason
    assert (r.title, r.published_at, r.author, r.source) == (
        article.title, article.published_at, article.author, article.source)
    assert r.text == article.body
    assert not [s for s in BOILERPLATE_STRINGS if s in r.text]


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_shaped_layout(name):
    expected = SEEDS[name]
    r = extract_page((FIXTURES / "seeds" / f"{name}.html").read_bytes(), f"http://x.gov.vn/{name}")
    assert r.is_article, r.reason
    got = {k: getattr(r, k) for k in expected}
    assert got == expected


NON_ARTICLES = [
    ("province", "/"), ("province", "/Pages/tin-tuc/lanh-dao.aspx"), ("province", "/Pages/lien-he.aspx"),
    ("province", "/Pages/thu-vien-anh.aspx"), ("province", "/Pages/lich-cong-tac.aspx"),
    ("province", "/Pages/van-ban-chi-dao.aspx"), ("province", "/Pages/tim-kiem.aspx"),
    ("district", "/"), ("district", "/vi/news/tin-hoat-dong/trang-2.html"), ("district", "/vi/lien-he.html"),
    ("district", "/vi/lich-cong-tac.html"), ("district", "/vi/van-ban.html"),
    ("district", "/vi/thu-vien-video.html"), ("district", "/vi/video/3.html"),
]


@pytest.mark.parametrize("portal,path", NON_ARTICLES)
def test_non_article_pages_are_recognised(portal, path):
    r = extract_page(PAGES[portal][path].body, "http://demo.gov.vn" + path)
    assert not r.is_article
    assert r.reason


def test_printer_page_points_to_its_article():
    article = next(a for a in ARTICLES if a.id == 202)
    page = PAGES["district"]["/vi/print/202.html"].body.replace(b"{base}", b"http://demo.gov.vn")
    r = extract_page(page, "http://demo.gov.vn/vi/print/202.html")
    assert r.url == "http://demo.gov.vn" + district.article_url(article)
    assert r.text == article.body


def test_canonical_on_another_host_is_ignored():
    html = '<html><head><link rel="canonical" href="http://evil.example/x"></head><body></body></html>'
    assert extract_html(html, "http://x.gov.vn/a").url == "http://x.gov.vn/a"


def test_real_news_article():
    r = extract_page((REAL / "htmldate_vnexpress_kinh-doanh_4672302.html").read_bytes())
    assert r.is_article
    assert r.title.startswith("Ông Hồ Đức Phớc: Sẽ nâng mức giảm trừ gia cảnh")
    assert r.published_at == "2023-11-02T19:20:45+07:00"


@pytest.mark.parametrize("name", ["sotttt.hanoi_index.html", "sotttt.hanoi_cong-nghe-thong-tin.html",
                                  "sotttt.hanoi_chi-dao-dieu-hanh.html",
                                  "sotttt.hanoi_lay-y-kien-van-ban-du-thao.html",
                                  "sotttt.hanoi_eng_view_content_737358.html"])
def test_real_liferay_listings_are_not_articles(name):
    r = extract_page((REAL / name).read_bytes())
    assert not r.is_article, r.text[:200]


# bad input ---------------------------------------------------------------
@pytest.mark.parametrize("body", [b"", b"   \n", b"\x00\xff\xfe garbage \x80\x81" * 100,
                                  b"<html><body></body></html>", b"%PDF-1.4 binary"])
def test_garbage_gives_a_reason_not_a_crash(body):
    r = extract_page(body, "http://x.gov.vn/a")
    assert not r.is_article and r.reason


def test_deeply_nested_markup_does_not_crash():
    html = "<div>" * 5000 + "<p>" + "Nội dung bài viết rất dài. " * 40 + "</p>" + "</div>" * 5000
    r = extract_html("<html><head><title>Bài</title></head><body>" + html + "</body></html>")
    assert r.reason or r.text


def test_the_runs_of_one_block_are_climbed_once(monkeypatch):
    # 5,000 lines in <span>s of one <div>: each run's block was found by reading the <div>'s
    # children again (6 s of CPU for the page); now each element is read once
    from crawler.extraction import locate
    reads = []
    holds = locate._holds_no_block
    monkeypatch.setattr(locate, "_holds_no_block", lambda el: reads.append(el) or holds(el))
    runs = "".join(f"<span>Dòng thứ {i} của một trang rất dài, đủ bốn mươi ký tự trở lên.</span>"
                   for i in range(5000))
    extract_html(f"<html><body><div class='main'><h1>Tiêu đề bài viết</h1><div>{runs}</div></div>"
                 "</body></html>")
    assert len(reads) <= 2 * 5000


def test_a_20_mb_page_gives_a_result():
    article = GOLD_PAGE.read_bytes()
    padding = b"<div class='x'>" + "Lượt truy cập 12345 ".encode() * 50 + b"</div>"
    body = article.replace(b"</body>", padding * (20_000_000 // len(padding)) + b"</body>")
    assert len(body) > 20_000_000
    r = extract_page(body, "https://songhau.gov.vn/Lists/TinTuc/View_Detail.aspx?ItemID=1000")
    assert r.is_article or r.reason


def test_broken_markup_still_extracts():
    html = ("<html><head><title>Tin vui mùa lúa - Cổng TTĐT</title><body><div><h1>Tin vui mùa lúa</h1>"
            "<div><p>" + "Người dân phấn khởi đón nhận tin vui của địa phương. " * 12
            + "</span></div></td><p><b><font>Ngọc Lan")
    r = extract_html(html)
    assert r.is_article and r.title == "Tin vui mùa lúa" and r.author == "Ngọc Lan"


@pytest.mark.parametrize("page_title,expected", [
    ("Tin vui - Cổng TTĐT tỉnh Sông Hậu", "Tin vui"),
    ("Cổng thông tin điện tử huyện Mỹ Thành | Khánh thành trường", "Khánh thành trường"),
    ("Khánh thành trường", "Khánh thành trường"),
])
def test_title_fallback_drops_the_portal_name(page_title, expected):
    html = f"<html><head><title>{page_title}</title></head><body><p>x</p></body></html>"
    assert extract_html(html).title == expected


@pytest.mark.parametrize("page_title,site_name,expected", [
    ("Hội nghị A - giai đoạn 2021-2025 - Cổng TTĐT tỉnh Sông Hậu", "", "Hội nghị A - giai đoạn 2021-2025"),
    ("Tin vui - Sở Nội vụ tỉnh Sông Hậu", "Sở Nội vụ tỉnh Sông Hậu", "Tin vui"),
])
def test_title_fallback_keeps_the_titles_own_dashes(page_title, site_name, expected):
    site = f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    html = f"<html><head><title>{page_title}</title>{site}</head><body><p>x</p></body></html>"
    assert extract_html(html).title == expected


def test_a_heading_with_a_dash_is_the_title_whole():
    """A heading whose text stands whole in <title> has no badge before it: "Sở TT&TT - " is
    the title's own start, not a date or category to cut."""
    title = "Sở TT&TT - Tổng kết công tác chuyển đổi số năm 2021"
    body = "".join(f"<p>Đoạn {i}: Sở Thông tin và Truyền thông tổng kết công tác chuyển đổi số "
                   "năm 2021 và triển khai nhiệm vụ năm 2022 trên địa bàn tỉnh.</p>" for i in range(5))
    html = (f"<html><head><title>{title} - Cổng TTĐT</title></head><body><h1>{title}</h1>"
            f"<div class='content'>{body}</div></body></html>")
    assert extract_html(html, "http://stttt.gov.vn/tin/123").title == title


def test_page_without_date_is_an_article_with_a_note():
    article = next(a for a in ARTICLES if "no_date" in a.flags)
    r = demo_page(article)
    assert r.is_article and r.published_at is None
    assert r.date_notes


@pytest.mark.parametrize("meta,url,rule", [
    ('<meta property="article:published_time" content="2024-03-12T08:00:00+07:00">', "http://x.gov.vn/tin/1",
     "meta:article:published_time"),
    ("", "http://x.gov.vn/tin/2024/03/12/hoi-nghi.html", "url"),
    ("", "http://x.gov.vn/tin/20240312/hoi-nghi.html", "url"),
    ("", "http://x.gov.vn/tin/20240312-hoi-nghi.html", "url"),
])
def test_the_date_says_which_rule_chose_it(meta, url, rule):
    body = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân xã tổ chức hội nghị tổng kết.</p>" for i in range(6))
    html = (f"<html><head><title>Hội nghị tổng kết</title>{meta}</head>"
            f"<body><h1>Hội nghị tổng kết</h1>{body}</body></html>")
    result = resolve_date(extract_html(html, url))
    assert result.published_at.startswith("2024-03-12") and result.published_from == rule


@pytest.mark.parametrize("url", ["http://x.gov.vn/tin/20241332/hoi-nghi.html",  # no 13th month
                                 "http://x.gov.vn/tin/2024031245/hoi-nghi.html",  # a longer number
                                 "http://x.gov.vn/tin/hoi-nghi.html?id=20240312"])  # not the path's
def test_eight_digits_are_a_date_only_as_a_path_segment_that_reads_as_one(url):
    body = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân xã tổ chức hội nghị tổng kết.</p>" for i in range(6))
    html = (f"<html><head><title>Hội nghị tổng kết</title></head><body><h1>Hội nghị tổng kết</h1>{body}"
            "</body></html>")
    assert resolve_date(extract_html(html, url)).published_at is None


def test_body_dates_are_never_the_publication_date():
    for article in ARTICLES:
        r = demo_page(article)
        assert r.published_raw in (None, " ".join(article.date_line.split()))


def test_a_home_page_of_bare_headline_links_is_a_listing_not_an_article():
    """No block held the text, so trafilatura's reading was taken, and it keeps a bare list of links:
    a portal's home page was stored as an article titled with the portal's name. (Served at an
    address that says nothing of it: at the site's root the address alone tells.)"""
    links = "".join(f"<li><a href='/tin/{n}.html'>Tin xã Mỹ Thành bài số {n}</a></li>" for n in range(1, 21))
    page = (f"<html><head><title>Cổng thông tin</title></head><body><nav><a href='/'>Trang chủ</a></nav>"
            f"<main><h2>Tin tức</h2><ul>{links}</ul></main></body></html>")
    result = extract_html(page, "http://xa10.gov.vn/portal/p/12")
    assert not result.is_article and result.reason.startswith("mostly links")


@pytest.mark.parametrize("url", ["http://xa10.gov.vn/", "http://xa10.gov.vn/trang-chu",
                                 "http://xa10.gov.vn/Default.aspx", "http://xa10.gov.vn/web/guest/home"])
def test_a_home_page_whose_welcome_box_reads_as_a_post_is_a_listing(url):
    """The portal's introduction beside its sections' headlines was the only prose: stored as an
    article titled with the portal's name."""
    blocks = "".join(f"<div><h2><a href='/muc-{m}'>Chuyên mục {m}</a></h2><ul>" + "".join(
        f"<li><a href='/muc-{m}/bai-{n}.html'>Xã Mỹ Thành triển khai nhiệm vụ trọng tâm số {n}</a></li>"
        for n in range(4)) + "</ul></div>" for m in range(3))
    welcome = ("<div><h2>Giới thiệu chung</h2><p>Xã Mỹ Thành nằm ở phía tây nam của huyện, có diện "
               "tích tự nhiên hơn 3.500 ha, dân số trên 15.000 người, gồm 9 ấp; là vùng đất giàu truyền "
               "thống cách mạng, có tiềm năng lớn về nông nghiệp và du lịch sinh thái, với nhiều di tích "
               "lịch sử được xếp hạng.</p></div>")
    page = (f"<html><head><title>Cổng thông tin điện tử xã Mỹ Thành</title></head><body><div>{welcome}"
            f"{blocks}</div></body></html>")
    result = extract_html(page, url)
    assert not result.is_article and result.rejection == "listing", (result.title, result.text)


POST_PARAGRAPHS = "".join(f"<p>Đoạn {i}: Hội nghị đã đánh giá kết quả thực hiện các chỉ tiêu kinh tế - "
                          "xã hội, chỉ ra những hạn chế và đề ra các giải pháp trọng tâm cho những tháng "
                          "cuối năm.</p>" for i in range(4))


@pytest.mark.parametrize("posts", [2, 5])
@pytest.mark.parametrize("linked", [True, False])
def test_a_section_page_showing_its_posts_in_full_is_a_listing(posts, linked):
    """A blog's archive (WordPress's default themes) shows each post whole under its headline:
    the page was stored as an article of the first post's title, all the posts as its text."""
    def headline(n: int) -> str:
        words = f"Xã Mỹ Thành tổ chức hội nghị tổng kết công tác năm (bài {n})"
        return f"<a href='/2024/08/0{n + 1}/bai-{n}/'>{words}</a>" if linked else words
    shown = "".join(f"<article><h2>{headline(n)}</h2><div>0{n + 1}/08/2024</div><div>{POST_PARAGRAPHS}</div>"
                    "</article>" for n in range(posts))
    page = (f"<html><head><title>Tin tức - Cổng TTĐT xã Mỹ Thành</title></head><body><main>"
            f"<h1>Chuyên mục: Tin tức</h1>{shown}</main></body></html>")
    result = extract_html(page, "http://xa10.gov.vn/category/tin-tuc/page/2/")
    assert result.rejection == "listing", (result.title, result.reason)


def test_a_post_over_its_sections_teasers_stays_a_post():
    teasers = "".join(f"<article><h3><a href='/tin/{n}.html'>Xã Mỹ Thành ra quân làm đường giao thông "
                      f"(tin {n})</a></h3><div>0{n + 1}/07/2024</div><p>Sáng ngày {n + 1}/7, xã Mỹ Thành ra "
                      "quân làm đường giao thông nông thôn với sự tham gia của đông đảo bà con.</p></article>"
                      for n in range(4))
    page = ("<html><head><title>Hội nghị tổng kết</title></head><body><main><article><h1>Hội nghị tổng "
            f"kết công tác năm của xã</h1><div>05/08/2024</div><div>{POST_PARAGRAPHS}</div></article>"
            f"{teasers}</main></body></html>")
    assert extract_html(page, "http://xa10.gov.vn/tin/hoi-nghi.html").is_article


def test_a_digest_of_questions_under_its_own_headline_stays_a_post():
    """Blocks of one kind, each a question with its asker's day and its answer, under the post's
    own dated headline: the post's parts, not posts shown in full."""
    answers = "".join(f"<div class='hd'><h3>Câu hỏi {n}: Thủ tục cấp giấy phép xây dựng nhà ở?</h3>"
                      f"<p>Người hỏi: Nguyễn Văn A - 0{n + 1}/08/2024</p>{POST_PARAGRAPHS}</div>"
                      for n in range(3))
    page = ("<html><head><title>Giải đáp pháp luật</title></head><body><main><h1>Giải đáp pháp luật về "
            f"đất đai và xây dựng số 5</h1><div>10/08/2024</div><div>{answers}</div></main></body></html>")
    assert extract_html(page, "http://xa10.gov.vn/tin/giai-dap-5.html").is_article


def test_a_post_at_a_query_of_the_sites_index_page_is_a_post():
    body = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân xã tổ chức hội nghị tổng kết công tác năm.</p>"
                   for i in range(6))
    page = (f"<html><head><title>Hội nghị tổng kết</title></head><body><h1>Hội nghị tổng kết</h1>"
            f"<div>05/08/2024</div><div>{body}</div></body></html>")
    assert extract_html(page, "http://xa10.gov.vn/Default.aspx?tabid=120&ItemID=3000").is_article


def test_a_short_section_page_of_a_few_headlines_is_a_listing_not_too_little_text():
    """Five links a paragraph each and a pager: trafilatura kept three of them, and the page was
    rejected as "too little text", which a later crawl does not fetch again as it does a listing."""
    links = "".join(f"<p><a href='/tin-tuc/bai-{n}.html'>Xã Phú Lợi ra quân làm đường giao thông nông thôn "
                    f"(tin {n})</a></p>" for n in range(5))
    page = (f"<html><head><title>Tin tức</title></head><body><div class='main'><h1>Tin tức - Sự kiện</h1>"
            f"{links}<div class='pager'><a href='?page=2'>2</a> <a href='?page=3'>Trang sau</a></div></div>"
            "</body></html>")
    result = extract_html(page, "http://xa10.gov.vn/thong-bao")
    assert result.rejection == "listing", result.reason


@pytest.mark.parametrize("rows", [
    "".join(f"<li><a href='/van-ban/chi-tiet?id={n}'>Quyết định số {100 + n}/QĐ-UBND ngày 0{n + 1}/03/2024 "
            "về việc phê duyệt kế hoạch</a></li>" for n in range(6)),
    "".join(f"<li><a href='/muc-{n}'>Chuyên mục {n}</a><ul><li><a href='/muc-{n}/a'>Tin hoạt động</a></li>"
            f"<li><a href='/muc-{n}/b'>Thông báo</a></li></ul></li>" for n in range(6))])
def test_a_section_page_under_the_portals_clock_is_no_post_of_its_pager(rows):
    """The rules took the list away; what trafilatura read besides it was the pager ("2 3"), and
    the portal's clock above the heading ("Hôm nay: ...") was taken for the post's day."""
    side = "".join(f"<li><a href='/tin/{n}.html'>Tin tức số {n} về hoạt động của huyện trong tuần</a> "
                   f"<span>({10 + n}/02/2024)</span></li>" for n in range(6))
    page = (f"<html><head><title>Văn bản chỉ đạo điều hành - Cổng TTĐT huyện</title></head><body>"
            f"<div class='wrap'><div class='side'><div class='h'>Tin mới</div><ul>{side}</ul></div>"
            "<div class='main'><div class='today'>Hôm nay: Thứ Hai, 05/08/2024</div>"
            f"<h1>Văn bản chỉ đạo điều hành</h1><ul>{rows}</ul><div class='pager'><a href='?p=2'>2</a> "
            "<a href='?p=3'>3</a> <a href='?p=2'>Trang sau</a></div></div></div></body></html>")
    result = resolve_date(extract_html(page, "http://xa10.gov.vn/van-ban?p=1"))
    assert not result.is_article and result.published_at is None, (result.reason, result.text)


SHAREPOINT_ERA = """<html><head><title>Trang thông tin điện tử Huyện Tân Hưng</title></head><body>
<div class="banner"><h1>Trang thông tin điện tử Huyện Tân Hưng</h1></div>
<table class="main"><tr><td class="left"><table class="ms-news">{header}
<tr><td class="ms-news-title" colspan="2">{title}</td></tr>
<tr><td class="ms-news-body" colspan="2">{body}</td></tr></table></td>
<td class="right"><h3>Tin mới</h3><ul>{sidebar}</ul></td></tr></table></body></html>"""


NEWS_HEADER = '<tr class="ms-news-header"><td class="FolderTitle">{}</td><td class="Time">{}</td></tr>'
NEWS_TITLE = "Hội nghị tổng kết công tác cải cách hành chính 6 tháng đầu năm"


@pytest.mark.parametrize(("header", "day"), [
    (NEWS_HEADER.format("Tin trong tỉnh", "30/07/2019"), "2019-07-30"),
    (NEWS_HEADER.format("Thông báo", "thứ tư, 07 08 2019 15:43"), "2019-08-07"),
    ('<tr><td colspan="2"><span class="date">(05.08.2019 16:32)</span></td></tr>', "2019-08-05"),
])
def test_a_sharepoint_era_news_header_gives_the_date_and_not_the_title(header, day):
    body = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân huyện tổ chức hội nghị tổng kết công tác cải cách "
                   "hành chính sáu tháng đầu năm và triển khai nhiệm vụ cuối năm.</p>" for i in range(5))
    sidebar = "".join(f'<li><a href="/n{i}">Tin khác số {i} về hoạt động của huyện</a> (2{i}/07/2019)</li>'
                      for i in range(6))
    html = SHAREPOINT_ERA.format(header=header, title=NEWS_TITLE, body=body, sidebar=sidebar)
    result = resolve_date(extract_html(html, "http://tanhung.longan.gov.vn/Lists/Posts/Post.aspx?ID=123"))
    assert result.title == NEWS_TITLE and result.published_at.startswith(day)


STATIC_BODY = "".join(f"<p>Đoạn {i}: Huyện Mỹ Thành nằm ở phía nam tỉnh, có diện tích tự nhiên 370 km², "
                      "dân số hơn 150 nghìn người, gồm 12 xã và 1 thị trấn.</p>" for i in range(5))


def _page(title: str, menu_href: str = "", crumb_href: str = "", date: str = "") -> str:
    menu = f'<ul class="main-menu"><li><a href="{menu_href}">{title}</a></li></ul>' if menu_href else ""
    crumb = f'<div class="breadcrumb"><a href="{crumb_href}">{title}</a></div>' if crumb_href else ""
    dated = f"<div class=date>{date}</div>" if date else ""
    return (f"<html><head><title>{title}</title></head><body>{menu}{crumb}<h1>{title}</h1>"
            f"{dated}<div class='content'>{STATIC_BODY}</div></body></html>")


@pytest.mark.parametrize("title,menu_href", [
    ("Giới thiệu chung", ""),  # named as a portal's page about itself
    ("Cơ cấu tổ chức", ""),
    ("Điều kiện tự nhiên", ""),
    ("Tổng quan về huyện Mỹ Thành", ""),
    ("Ban lãnh đạo", ""),
    ("Ban biên tập", ""),
    ("Huyện Mỹ Thành qua các thời kỳ", "/vi/qua-cac-thoi-ky.html"),  # the menu links it
])
def test_an_undated_page_about_the_portal_is_no_article(title, menu_href):
    result = extract_html(_page(title, menu_href), "http://mythanh.gov.vn/vi/qua-cac-thoi-ky.html")
    assert not result.is_article and result.reason.startswith("static page")


@pytest.mark.parametrize("page", [
    _page("Huyện Mỹ Thành qua các thời kỳ", crumb_href="/vi/qua-cac-thoi-ky.html"),  # a breadcrumb is no menu
    _page("Giới thiệu chung", date="Ngày đăng: 12/03/2024"),  # a dated post, however named
    _page("Giới thiệu sách mới về lịch sử Đảng bộ huyện"),  # "giới thiệu" the verb: a post's title
    _page("Lãnh đạo huyện thăm xã Phú Lợi"),  # "lãnh đạo" the subject of a sentence
])
def test_a_news_post_stays_an_article(page):
    assert extract_html(page, "http://mythanh.gov.vn/vi/qua-cac-thoi-ky.html").is_article


def test_a_heading_that_reads_as_the_address_slug_is_the_title():
    """<title> is only the site's name and a category heading stands above: the slug the
    portal made from the title tells which line is the title."""
    title = "Hội nghị tổng kết công tác cải cách hành chính năm 2024"
    body = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân huyện tổ chức hội nghị tổng kết công tác cải cách "
                   "hành chính năm 2024 và triển khai nhiệm vụ năm 2025.</p>" for i in range(5))
    html = (f"<html><head><title>Trang thông tin điện tử huyện Tân Hưng</title></head><body>"
            f"<h2>Tin trong tỉnh</h2><div><p><b>{title}</b></p><div class='noidung'>{body}</div></div>"
            "</body></html>")
    url = "http://tanhung.gov.vn/tin-tuc/hoi-nghi-tong-ket-cong-tac-cai-cach-hanh-chinh-nam-2024.html"
    assert extract_html(html, url).title == title


def test_an_undated_post_in_a_news_list_marked_menu_stays_an_article():
    """A sidebar of the latest news may carry "menu" in its class and list the page itself: a
    headline is no menu item's name."""
    title = "Huyện Mỹ Thành tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2024"
    sidebar = f'<ul class="menu-tin-moi"><li><a href="/vi/tin/12.html">{title}</a></li></ul>'
    html = (f"<html><head><title>{title}</title></head><body>{sidebar}<h1>{title}</h1>"
            f"<div class='content'>{STATIC_BODY}</div></body></html>")
    assert extract_html(html, "http://mythanh.gov.vn/vi/tin/12.html").is_article


def test_a_vocabularys_address_in_the_markup_is_not_the_pages_date():
    # Drupal's RDFa prefixes on an English page with no date: htmldate's extensive search, the
    # last resort there, read "www.w3.org/2000/01/rdf-schema#" as 2000-01-01
    prefix = ("content: http://purl.org/rss/1.0/modules/content/ rdfs: http://www.w3.org/2000/01/rdf-schema# "
              "xsd: http://www.w3.org/2001/XMLSchema#")
    body = "".join(f"<p>Paragraph {i}: the ministry held a conference on digital transformation in the "
                   "provinces and reviewed the year's results with the districts.</p>" for i in range(5))
    title = "Digital transformation conference"
    html = (f'<html lang="en" prefix="{prefix}"><head><title>{title}</title></head>'
            f"<body><h1>{title}</h1><div class='content'>{body}</div></body></html>")
    assert resolve_date(extract_html(html, "https://example.org/en/topic/conference")).published_at is None
