"""The article's title where a page's <title> names only the portal or the section, and its
address says nothing (``?ItemID=1234``): a headline in an h4 under the portal's h1, a titled
table cell or a bold first line under the section's name."""
# ruff: noqa: E501 - pages written as portals write them

from __future__ import annotations

from datetime import datetime

import pytest

from crawler.extraction import extract_bytes, resolve_date
from crawler.extraction.textlines import finish_text

TITLE = "Huyện Tân Phú sơ kết công tác 6 tháng đầu năm 2019"
SITE = "Cổng thông tin điện tử huyện Tân Phú"
TEXT = "".join(f"<p>Đoạn {i}: Sáng nay, Ủy ban nhân dân huyện tổ chức hội nghị sơ kết công tác 6 tháng đầu năm, "
               "triển khai nhiệm vụ trọng tâm 6 tháng cuối năm với sự tham dự của lãnh đạo các phòng, ban.</p>"
               for i in range(4))
SIDE = "<div class='side'><h3>Tin mới</h3><ul><li><a href='/t/2'>Tin khác về hội nghị</a></li></ul></div>"
HEADLINES = {
    "an h4": f"<h4>{TITLE}</h4>",
    "a titled cell": f"<table><tr><td class='title'><b>{TITLE}</b></td></tr></table>",
    "a bold first line": f"<p><strong>{TITLE}</strong></p>",
    "a centred bold font": f"<p align='center'><font size='4'><b>{TITLE}</b></font></p>",
}
SECTIONS = {"no section's name": "", "the section's h1": "<h1>Tin hoạt động</h1>",
            "the section's h2": "<h2 class='title'>Tin hoạt động</h2>",
            "the section's div": "<div class='cate-title'>Tin hoạt động</div>"}


def read(headline: str, section: str, page_title: str = SITE):
    html = (f"<html><head><title>{page_title}</title></head><body><div class='header'><h1>{SITE}</h1></div>"
            f"{SIDE}<div class='main'>{section}{headline}<div class='date'>07/08/2019</div>{TEXT}</div></body></html>")
    return extract_bytes(html.encode(), "https://tanphu.gov.vn/Default.aspx?tabid=75&ItemID=1234")


@pytest.mark.parametrize("section", sorted(SECTIONS))
@pytest.mark.parametrize("headline", sorted(HEADLINES))
def test_the_headline_is_the_title_not_the_portals_or_the_sections_name(headline, section):
    result = read(HEADLINES[headline], SECTIONS[section])
    assert (result.is_article, result.title) == (True, TITLE)


def test_a_section_heading_alone_above_the_text_is_not_the_title_when_the_page_title_names_the_post():
    result = read("", "<h2 class='title'>Tin hoạt động</h2>", f"{TITLE} - {SITE}")
    assert result.title == TITLE


def test_the_date_lines_fields_with_a_credit_are_no_title_below_a_centred_headline():
    meta = ("<div class='meta'><span class='h5'>(09/01/2024 10:00) | Tác giả: Nguyễn Văn Hùng - Phòng VH-TT</span>"
            "<span class='h5'>1.245</span></div>")
    html = (f"<html><head><title>Chi tiết tin</title></head><body><div class='main'><div class='detail'>"
            f"<p align='center'><strong><font size='4'>{TITLE}</font></strong></p>{meta}<div class='nd'>{TEXT}</div>"
            f"</div></div>{SIDE}</body></html>")
    assert extract_bytes(html.encode(), "https://tanphu.gov.vn/Default.aspx?ItemID=1234").title == TITLE


LONG_TITLE = (f"{TITLE}, triển khai nhiệm vụ trọng tâm 6 tháng cuối năm 2019 và kế hoạch phát triển kinh tế - xã "
              "hội giai đoạn 2021 - 2025")


@pytest.mark.parametrize("headline", ["<div class='tieude'>{}</div>", "<p><b>{}</b></p>",
                                      "<table><tr><td class='title'>{}</td></tr></table>"])
def test_a_title_longer_than_a_line_is_still_the_title_not_prose(headline):
    """Official titles run past 150 characters; one classed a title or bold throughout is no prose."""
    assert len(LONG_TITLE) > 150
    result = read(headline.format(LONG_TITLE), "")
    assert result.title == LONG_TITLE and not result.text.startswith(LONG_TITLE)


def test_a_sentence_restating_the_title_opens_the_text_and_is_no_title():
    # a notice's first line is often its title in a sentence: "UBND huyện thông báo ... như sau:"
    opening = "Ủy ban nhân dân huyện thông báo kết quả xét tuyển viên chức năm 2024 như sau:"
    title = "Thông báo kết quả xét tuyển viên chức năm 2024"
    html = (f"<html><head><title>{title} - {SITE}</title></head><body>{SIDE}<div class='main'><h2>{title}</h2>"
            f"<div class='date'>07/08/2024</div><div class='nd'><p>{opening}</p><p><a href='/files/kq.pdf'>Kết quả"
            "</a></p></div></div></body></html>")
    result = extract_bytes(html.encode(), "https://tanphu.gov.vn/tin/5.html")
    assert (result.title, result.text.split("\n")[0]) == (title, opening)


LONG_SECTIONS = ["Tin hoạt động của các xã, thị trấn", "Chương trình mục tiêu quốc gia xây dựng nông thôn mới"]


@pytest.mark.parametrize("page_title", ["section", "site"])
@pytest.mark.parametrize("section", ["<h1>{}</h1>", "<h2><a href='/chuyen-muc/3'>{}</a></h2>",
                                     "<div class='cat-title'>{}</div>"])
@pytest.mark.parametrize("headline", sorted(HEADLINES))
def test_a_long_section_name_above_the_headline_gives_way_to_the_headline_with_its_day(headline, section,
                                                                                       page_title):
    # five words and more read as no label; the <title> may repeat the section's name: the
    # headline is the line with the day beside it
    name = LONG_SECTIONS[len(headline) % 2]
    result = read(HEADLINES[headline], section.format(name), f"{name} - {SITE}" if page_title == "section" else SITE)
    assert (result.is_article, result.title) == (True, TITLE)


def page(main: str, page_title: str, side: str = SIDE, og: str = "") -> str:
    return (f"<html><head><title>{page_title}</title>{og}</head><body><div class='header'><h1>{SITE}</h1></div>"
            f"{side}<div class='main'>{main}</div></body></html>")


def title_and_day(html: str, url: str = "https://tanphu.gov.vn/Default.aspx?ItemID=1") -> tuple[str, str]:
    result = resolve_date(extract_bytes(html.encode(), url), datetime(2024, 12, 31))
    return result.title, (result.published_at or "")[:10]


DAYS_BESIDE = {  # the post's day where layouts put it, beside or inside the headline's line
    "a badge above, with the counter": "<div class='meta'><span><span class='d'>07</span><span class='m'>Tháng 8</span>"
                                       "<span class='y'>2019</span></span><span>1.245</span></div>{h}",
    "a line above, the counter run on": "<div class='meta'><span>Cập nhật lúc: 09:15 07/08/2019</span><span>1.245</span>"
                                        "</div>{h}",
    "on a line of its own in the headline": "{h}",
}


@pytest.mark.parametrize("where", sorted(DAYS_BESIDE))
def test_the_headline_with_its_day_beside_it_wins_over_the_sections_name_the_title_repeats(where):
    name = LONG_SECTIONS[0]
    headline = (f"<p align='center'><strong>{TITLE}<br/>07/08/2019</strong></p>" if "own" in where
                else f"<p align='center'><strong>{TITLE}</strong></p>")
    main = f"<h1 class='cat'>{name}</h1><div class='detail'>{DAYS_BESIDE[where].format(h=headline)}{TEXT}</div>"
    assert title_and_day(page(main, f"{name} - {SITE}")) == (TITLE, "2019-08-07")


@pytest.mark.parametrize("section", ["<div class='cat'>{}</div>", "<h2 class='title-cat'><a href='/tin'>{}</a></h2>"])
def test_a_section_heading_classed_so_or_linking_its_section_gives_way_to_the_headline(section):
    # no day beside either (the post's day is below its text): the section's heading says what it is
    name = LONG_SECTIONS[1]
    main = (f"{section.format(name)}<div class='detail'><h4>{TITLE}</h4>{TEXT}<p><i>Cập nhật lúc: 07/08/2019</i></p>"
            "</div>")
    result = extract_bytes(page(main, f"{name} - {SITE}").encode(), "https://tanphu.gov.vn/Default.aspx?ItemID=1")
    assert result.title == TITLE


def test_past_a_sidebars_prose_the_headline_wins_over_the_sections_name_the_title_repeats():
    # the sidebar's introduction holds more prose than a one-paragraph post; the <title> names the
    # section, og:title the post
    name = LONG_SECTIONS[1]
    prose = ("<div class='box'><h3>Giới thiệu chung</h3><p>Huyện Tân Phú nằm ở phía Bắc tỉnh Đồng Nai, có diện tích "
             "tự nhiên 77.400 ha, dân số khoảng 160.000 người, gồm 17 xã, thị trấn. Huyện có vị trí chiến lược quan "
             "trọng về quốc phòng, an ninh, là cửa ngõ của tỉnh nối với Tây Nguyên; có Vườn quốc gia Cát Tiên là khu dự "
             "trữ sinh quyển thế giới, với nhiều tiềm năng phát triển du lịch sinh thái.</p></div>")
    one = ("<p>Sáng nay, Ủy ban nhân dân huyện tổ chức hội nghị sơ kết công tác 6 tháng đầu năm, triển khai nhiệm vụ "
           "trọng tâm 6 tháng cuối năm với sự tham dự của lãnh đạo các phòng, ban.</p>")
    main = (f"<h1 class='cat'>{name}</h1><div class='detail'><p align='center'><strong><font size='4'>{TITLE}</font>"
            f"</strong></p><div class='date'>07/08/2019 | Tác giả: Minh Tâm</div><div class='nd'>{one}</div></div>")
    og = f"<meta property='og:title' content='{TITLE} - {SITE}'/>"
    result = extract_bytes(page(main, f"{name} - {SITE}", SIDE + prose, og).encode(),
                           "https://tanphu.gov.vn/Default.aspx?ItemID=1")
    assert (result.title, result.text) == (TITLE, one[3:-4])


@pytest.mark.parametrize("page_title", ["section", "site"])
def test_sharepoints_header_row_of_a_long_section_name_and_the_day_gives_the_day_not_the_title(page_title):
    # the issue's layout: "<tr class='ms-news-header'><td class='FolderTitle'>section</td><td
    # class='Time'>day</td></tr>" above the title; a section's name of 40 characters and more is
    # a line beside the day, not prose before the post to leave out with the day
    name = LONG_SECTIONS[1]
    main = (f"<table class='ms-news'><tr class='ms-news-header'><td class='FolderTitle'>{name}</td><td class='Time'>"
            f"30/07/2019</td></tr><tr><td colspan='2'><b>{TITLE}</b></td></tr><tr><td colspan='2'>{TEXT}</td></tr>"
            "</table>")
    assert title_and_day(page(main, name if page_title == "section" else SITE),
                         "https://tanphu.gov.vn/Pages/ChiTiet.aspx?ItemID=7") == (TITLE, "2019-07-30")


@pytest.mark.parametrize("heading", ["<h1 class='entry-title'>{}</h1>", "<h2 class='post-title'>{}</h2>"])
def test_the_headline_inside_the_article_wins_over_the_sections_heading_above_it(heading):
    # an HTML5 theme: the section's page header above the <article>, the post's day only in its
    # meta tags, and a <title> naming the section
    name = LONG_SECTIONS[0]
    main = (f"<header class='page-header'><h1 class='page-title'>{name}</h1></header><article><header>"
            f"{heading.format(TITLE)}</header><div class='entry-content'>{TEXT}</div></article>")
    html = page(main, f"{name} – {SITE}", og="<meta property='article:published_time' content='2019-08-07T08:30:00+07:00'/>")
    assert extract_bytes(html.encode(), "https://tanphu.gov.vn/2019/08/hoi-nghi/").title == TITLE


LEAD = ("Sáng nay, Ủy ban nhân dân huyện tổ chức hội nghị sơ kết công tác 6 tháng đầu năm với sự tham dự "
        "của lãnh đạo các phòng, ban chuyên môn.")


def test_a_bold_lead_between_the_day_and_the_text_is_no_title_above_the_text():
    """Nothing but bold blocks (no heading, no class, a <title> naming the portal): the headline
    is the block before the day; the block after it that ends as a sentence ends is the lead."""
    html = (f"<html><head><title>{SITE}</title></head><body>{SIDE}<div><div>Tin hoạt động</div>"
            f"<div><b>{TITLE}</b></div><span>Đăng ngày: 15/3/2019</span><div><b>{LEAD}</b></div>"
            f"<div>{TEXT}</div></div></body></html>")
    result = extract_bytes(html.encode(), "https://tanphu.gov.vn/Default.aspx?tabid=75&ItemID=1234")
    assert (result.is_article, result.title) == (True, TITLE)
    assert LEAD in result.text


def test_a_bold_headline_after_the_sections_breadcrumb_and_the_day_is_the_title():
    """The text's block opens with the section's name (a link) and the day, "(GMT+7)" and all,
    then the headline in bold."""
    html = (f"<html><head><title>{SITE}</title></head><body>{SIDE}<div><div><ul><li><a href='/thoi-su'>Thời sự"
            f"</a></li></ul><span>Thứ bảy, 1/5/2021, 07:56 (GMT+7)</span></div><div><b>{TITLE}</b></div>"
            f"{TEXT}</div></body></html>")
    result = resolve_date(extract_bytes(html.encode(), "https://tanphu.gov.vn/Default.aspx?tabid=75&ItemID=1234"))
    assert (result.title, result.published_at[:10]) == (TITLE, "2021-05-01")


def test_a_bold_signature_closing_a_text_of_lines_between_brs_is_no_title():
    """A title in a plain cell above a text written as lines between <br/>s, closed by its
    signature in bold: the lines before the signature are the text's own, so it opens nothing."""
    lines = "<br/><br/>".join(f"Đoạn {i}: Chủ tịch UBND huyện đã chủ trì buổi tiếp công dân định kỳ tháng 8 tại "
                              "Trụ sở tiếp công dân huyện, tiếp 12 lượt công dân đến phản ánh, kiến nghị."
                              for i in range(4))
    html = (f"<html><head><title>{SITE}</title></head><body>{SIDE}<table><tr><td><span>{TITLE}</span></td></tr>"
            f"<tr><td><i>Ngày xuất bản: 08/02/2024</i></td></tr><tr><td><div>{lines}<br/><br/>"
            f"<b>Văn phòng HĐND và UBND huyện</b></div></td></tr></table></body></html>")
    result = extract_bytes(html.encode(), "https://tanphu.gov.vn/Default.aspx?tabid=75&ItemID=1234")
    assert (result.is_article, result.title) == (True, TITLE)


def test_bold_lines_in_a_long_text_of_lines_between_brs_are_each_looked_back_from_a_little(monkeypatch):
    """Each bold line asks whether only a section's name and a day stand before it: the look
    back stops once more than those could stand there. It read every line before each bold
    one (a text of 3,000 such lines took 15 s, its extraction's whole budget)."""
    from crawler.extraction import titles

    reads = []
    monkeypatch.setattr(titles, "_in_heading", lambda node, body: reads.append(node) or False)
    lines = "".join(f"Đoạn {i}: nội dung của bài viết về hội nghị tổng kết công tác năm.<br/>"
                    f"<b>Dòng đậm số {i} của bài viết dài</b><br/>" for i in range(600))
    html = f"<html><head><title>{SITE}</title></head><body><div><div>{lines}</div></div></body></html>"
    extract_bytes(html.encode(), "https://tanphu.gov.vn/Default.aspx?tabid=75&ItemID=1234")
    assert len(reads) < 50 * 600  # a few a bold line (a quadratic look back: 180,000)


def test_a_headline_in_a_plain_block_atop_the_text_with_its_day_is_the_title():
    """No heading, no class, nothing before the text's block: the block that opens it, the day
    beside it, under a <title> naming only the portal (the page was "no text block" before)."""
    html = (f"<html><head><title>{SITE}</title></head><body>{SIDE}<div><div>Tin hoạt động</div>"
            f"<div>{TITLE}</div><div>07/08/2019</div>{TEXT}</div></body></html>")
    result = extract_bytes(html.encode(), "https://tanphu.gov.vn/Default.aspx?tabid=75&ItemID=1234")
    assert (result.is_article, result.title) == (True, TITLE)


def test_a_headline_linking_its_own_page_from_a_plain_block_is_the_title():
    """No heading, no class: the headline's words alone in a div, linking the page itself (an
    unclassed template's title), under a <title> naming only the portal."""
    url = "https://tanphu.gov.vn/Default.aspx?tabid=75&ItemID=1234"
    html = (f"<html><head><title>{SITE}</title></head><body>{SIDE}<div><div>Tin hoạt động</div>"
            f"<div><a href='{url}'>{TITLE}</a></div><div>07/08/2019</div>{TEXT}</div></body></html>")
    result = extract_bytes(html.encode(), url)
    assert (result.is_article, result.title) == (True, TITLE)


def test_the_page_linked_from_a_sidebars_list_of_the_newest_posts_is_no_title_there():
    url = "https://tanphu.gov.vn/Default.aspx?tabid=75&ItemID=1234"
    side = (f"<div><h3>Tin mới</h3><ul><li><a href='{url}'>{TITLE}</a></li>"
            "<li><a href='/t/2'>Khai mạc hội thao truyền thống huyện Tân Phú</a></li></ul></div>")
    html = (f"<html><head><title>{SITE}</title></head><body>{side}<div><h1>Tin hoạt động</h1>"
            f"<h2>Huyện Tân Phú triển khai nhiệm vụ 6 tháng cuối năm 2019</h2><div>07/08/2019</div>{TEXT}"
            "</div></body></html>")
    result = extract_bytes(html.encode(), url)
    assert result.title == "Huyện Tân Phú triển khai nhiệm vụ 6 tháng cuối năm 2019"


@pytest.mark.parametrize("page_title", ["post", "site"])
@pytest.mark.parametrize("subtitle", ["<h4>Tan Phu district reviews the first half of 2019</h4>", "<h3>(Tin ảnh)</h3>"])
def test_a_smaller_heading_right_below_the_headline_is_its_subtitle_not_the_title(subtitle, page_title):
    # the subtitle stands between the headline and the day: the day beside it does not make it the title
    main = f"<h2>{TITLE}</h2>{subtitle}<div class='date'>07/08/2019</div>{TEXT}"
    assert title_and_day(page(main, f"{TITLE} - {SITE}" if page_title == "post" else SITE)) == (TITLE, "2019-08-07")


@pytest.mark.parametrize("separator", [" &gt;&gt; ", " » ", " &gt; "])
def test_a_page_title_printed_as_a_path_gives_its_last_piece_not_the_sections(separator):
    main = f"<div class='date'>07/08/2019</div>{TEXT}"
    html = page(main, separator.join([SITE, "Tin tức", TITLE]))
    assert title_and_day(html) == (TITLE, "2019-08-07")


def test_the_logos_name_gives_way_to_a_styled_line_opening_the_text_with_its_day():
    # no heading, no class, a <title> naming the portal: the portal's name in the logo's <h1> is no title
    main = f"<span style='font-size:18px;font-weight:bold'>{TITLE}</span><div>07/08/2019</div>{TEXT}"
    assert title_and_day(page(main, SITE)) == (TITLE, "2019-08-07")


def test_a_soft_hyphen_or_a_zero_width_space_inside_the_title_is_dropped():
    shown = TITLE.replace("Tân", "T&#8203;ân").replace("công", "c&shy;ông")
    assert title_and_day(page(f"<h2>{shown}</h2><div class='date'>07/08/2019</div>{TEXT}", SITE))[0] == TITLE


MENU = ("<div class='menu'><a href='/'>Trang chủ</a><a href='/tin-tuc-su-kien'>Tin tức - Sự kiện</a>"
        "<a href='/thong-bao'>Thông báo</a></div>")
TITLE_WITH_DASH = "Huyện Tân Phú sơ kết kinh tế - xã hội 6 tháng đầu năm 2019"


@pytest.mark.parametrize("page_title", [f"{SITE} - {TITLE_WITH_DASH} - Tin tức - Sự kiện",
                                        f"{SITE} - {TITLE_WITH_DASH} - Tin tức – Sự kiện",  # another dash
                                        f"Tin tức - Sự kiện - {TITLE_WITH_DASH} - {SITE}",
                                        f"{TITLE_WITH_DASH} - Tin tức - Sự kiện"])
def test_the_section_a_menu_links_is_cut_from_a_page_title_not_the_titles_own_dash(page_title):
    # no heading: the <title> gives the title, less the portal's name and the section the menu names
    main = f"<div class='date'>07/08/2019</div>{TEXT}"
    assert title_and_day(page(main, page_title, side=MENU + SIDE)) == (TITLE_WITH_DASH, "2019-08-07")


def test_a_title_linked_on_its_own_page_is_not_cut_as_a_section():
    linked = f"<a href='/tin/1'>{TITLE_WITH_DASH}</a>"
    main = f"<div class='date'>07/08/2019</div>{TEXT}"
    html = page(main, f"{SITE} - {TITLE_WITH_DASH} - Tin tức - Sự kiện", side=MENU + SIDE + linked)
    assert title_and_day(html) == (TITLE_WITH_DASH, "2019-08-07")


@pytest.mark.parametrize("weather", ["Tân Phú, 32°C - Thứ Tư 07/12/2024", "Thời tiết: Nhiệt độ 25 - 32 độ C | 07/12/2024"])
def test_a_weather_boxs_day_above_the_headline_is_not_the_posts(weather):
    main = f"<div class='weather'>{weather}</div><h2>{TITLE}</h2><div class='date'>07/08/2019</div>{TEXT}"
    assert title_and_day(page(main, SITE)) == (TITLE, "2019-08-07")


@pytest.mark.parametrize("kicker", ["<a href='/tin-tuc'>Tin tức</a> | ", "<span class='cat'>Tin tức</span> ",
                                    "<span class='news-category'>Hoạt động:</span> "])
def test_a_sections_name_opening_the_headline_in_an_element_of_its_own_is_no_part_of_the_title(kicker):
    main = f"<h2>{kicker}{TITLE}</h2><div class='date'>07/08/2019</div>{TEXT}"
    assert title_and_day(page(main, SITE)) == (TITLE, "2019-08-07")


@pytest.mark.parametrize("headline", [f"<a href='/tin/1'>{TITLE}</a>", f"<strong>Hà Nội:</strong> {TITLE}",
                                      f"<span class='cat'>{TITLE}</span>"])
def test_a_headline_that_is_a_link_or_opens_on_a_bold_word_keeps_it(headline):
    main = f"<h2>{headline}</h2><div class='date'>07/08/2019</div>{TEXT}"
    expected = TITLE if "Hà Nội" not in headline else f"Hà Nội: {TITLE}"
    assert title_and_day(page(main, SITE)) == (expected, "2019-08-07")



@pytest.mark.parametrize("head", ["08/02/2024 | Tác giả: Minh Tâm", "| Tác giả: Minh Tâm", "08/02/2024"])
def test_a_title_run_together_with_the_date_line_or_the_author_before_it_is_no_line_of_the_text(head):
    # ASP.NET's labels side by side, the date line's span and the title's with nothing between,
    # as a reading runs them together
    title = "Xã Phú Lợi ra quân làm đường giao thông nông thôn"
    lead = "Sáng ngày 8/2, đoàn công tác của huyện đã tổ chức kiểm tra tình hình thực hiện nhiệm vụ."
    finished = finish_text(f"{head}{title}\n{lead}", title, ["08/02/2024 | Tác giả: Minh Tâm"])
    assert finished.text == lead


def test_a_line_that_ends_with_the_titles_words_after_prose_stays():
    title = "giao thông nông thôn"
    line = "Xã Phú Lợi ra quân làm đường giao thông nông thôn"
    assert finish_text(f"{line}\nĐoạn tiếp theo.", title, []).text.startswith(line)
