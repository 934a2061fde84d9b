"""Title and date where older portal layouts put them: a date in the heading's own element, a
bold first line of the content cell, the day in the row above a table layout's content cell."""

from __future__ import annotations

from datetime import datetime

import pytest

from crawler.extraction import extract_bytes, resolve_date

TITLE = "Hội nghị tổng kết công tác cải cách hành chính năm 2019"
PROSE = "<p>" + " ".join(["Ủy ban nhân dân huyện đã tổ chức hội nghị tổng kết công tác năm với sự "
                          "tham gia của các xã, thị trấn trên địa bàn."] * 5) + "</p>"
PORTAL = "Trang thông tin điện tử huyện An Phú"  # the <title> of every page: names no article
URL = "http://anphu.gov.vn/index.php?option=tin&id=123"  # an address that carries no title


def read(inner: str, url: str = URL):
    page = (f"<html><head><title>{PORTAL}</title></head><body><div class='menu'><a href='/'>Trang chủ</a>"
            f"<a href='/tin'>Tin tức</a></div>{inner}"
            "<div class='footer'>Địa chỉ: số 1 Lê Lợi</div></body></html>")
    return resolve_date(extract_bytes(page.encode(), url), datetime(2024, 1, 1))


def test_a_date_in_an_element_of_its_own_inside_the_heading_is_not_part_of_the_title():
    result = read(f"<div class='ct'><h1>{TITLE} <span>(05/08/2019)</span></h1>{PROSE}{PROSE}</div>")
    assert (result.title, result.published_at) == (TITLE, "2019-08-05")


@pytest.mark.parametrize("dated", ["<br/><small>05/08/2019 | 08:30 AM</small>",
                                   "<span>08:30 - 05/08/2019</span>", "<em>05/08/2019 08:30 (GMT+7)</em>"])
def test_a_day_with_its_time_in_an_element_of_its_own_inside_the_heading_is_not_part_of_the_title(dated):
    result = read(f"<div class='ct'><h2 class='title'>{TITLE}{dated}</h2>{PROSE}{PROSE}</div>")
    assert (result.title, result.published_at[:10]) == (TITLE, "2019-08-05")


def test_a_date_written_into_the_titles_own_words_stays():
    title = "Lịch tiếp công dân của Chủ tịch UBND huyện ngày 05/08/2019"
    result = read(f"<div class='ct'><h1>{title}</h1><div>Ngày đăng: 01/08/2019</div>{PROSE}{PROSE}</div>")
    assert (result.title, result.published_at) == (title, "2019-08-01")


def test_the_bold_first_line_of_the_content_is_the_title_where_the_page_title_names_only_the_portal():
    result = read(f"<div class='ct'><p><strong>{TITLE}</strong></p>{PROSE}{PROSE}</div>")
    assert result.title == TITLE
    assert not result.text.startswith(TITLE)


def test_bold_words_inside_a_sentence_are_no_title():
    lead = "<p>Sáng nay, <strong>Ủy ban nhân dân huyện An Phú</strong> đã họp bàn công tác năm tới.</p>"
    result = read(f"<div class='ct'>{lead}{PROSE}{PROSE}</div>")
    assert result.title != "Ủy ban nhân dân huyện An Phú"


def test_the_day_beside_the_category_in_the_row_above_the_content_cell_is_the_date():
    result = read("<table><tr class='ms-news-header'><td class='FolderTitle'>Tin trong huyện</td>"
                  "<td class='Time'>30/07/2019</td></tr>"
                  f"<tr><td colspan='2'><b>{TITLE}</b>{PROSE}{PROSE}</td></tr></table>")
    assert (result.title, result.published_at) == (TITLE, "2019-07-30")


def test_a_sidebars_dated_headlines_beside_the_content_cell_give_no_date():
    sidebar = ("<td class='left'><ul>"
               "<li><a href='/x/1'>Tin một về nông thôn mới</a><span>01/01/2018</span></li>"
               "<li><a href='/x/2'>Tin hai về giao thông</a><span>02/02/2018</span></li></ul></td>")
    result = read(f"<table><tr>{sidebar}<td><b>{TITLE}</b>{PROSE}{PROSE}</td></tr></table>")
    assert result.published_at is None


def test_the_portals_clock_above_the_content_gives_no_date():
    result = read("<table><tr><td>Hôm nay: 05/12/2023</td></tr>"
                  f"<tr><td><b>{TITLE}</b>{PROSE}{PROSE}</td></tr></table>")
    assert result.published_at is None


def test_a_sidebar_headline_beside_the_content_cell_is_no_title_on_a_sharepoint_address():
    sidebar = ("<td class='left'><ul><li><a href='/x/1'>Tin một về nông thôn mới</a></li>"
               "<li><a href='/x/2'>Tin hai về giao thông nông thôn</a></li></ul></td>")
    result = read(f"<table><tr>{sidebar}<td><b>{TITLE}</b>{PROSE}{PROSE}</td></tr></table>",
                  url="http://anphu.gov.vn/Pages/ChiTiet.aspx?ID=123")
    assert result.title == TITLE


def test_a_sections_name_above_the_article_gives_way_to_the_headline_that_opens_it():
    result = read(f"<div class='main'><h2>Tin tức - Sự kiện</h2><div class='detail'><h3>{TITLE}</h3>"
                  f"<div>05/08/2019</div>{PROSE}{PROSE}</div></div>")
    assert (result.title, result.published_at) == (TITLE, "2019-08-05")


def test_the_sites_name_in_a_heading_and_in_the_page_title_is_no_title():
    page = (f"<html><head><title>UBND huyện An Phú</title></head><body><h1>UBND HUYỆN AN PHÚ</h1>"
            f"<div class='main'><h2>{TITLE}</h2><i>05/08/2019</i>{PROSE}{PROSE}</div></body></html>")
    result = resolve_date(extract_bytes(page.encode(), URL), datetime(2024, 1, 1))
    assert (result.title, result.published_at) == (TITLE, "2019-08-05")


def test_a_short_notice_under_its_section_keeps_its_own_title():
    notice = "Thông báo lịch nghỉ Tết Nguyên đán"
    result = read(f"<div><span class='title'>Thông báo</span></div><div class='main'><h1>{notice}</h1>"
                  f"<p>Ngày 05/08/2019</p>{PROSE}</div>")
    assert result.title == notice


def test_an_attachments_label_closing_a_notice_is_no_author():
    result = read("<div class='detail'><h1>Thông báo lịch nghỉ Tết Nguyên đán năm 2020</h1>"
                  "<div>05/08/2019</div><p>Chi tiết xem tại văn bản đính kèm./.</p>"
                  "<p><a href='/files/tb.pdf'>Tải về: TB-123.pdf</a></p></div>")
    assert result.author is None
    assert result.attachments == [{"label": "Tải về: TB-123.pdf", "url": "http://anphu.gov.vn/files/tb.pdf"}]


HEADLINES = "".join(f"<li><a href='/x/{i}'>Tin khác số {i} về hoạt động của huyện</a></li>" for i in range(8))
SIDEBAR = f"<div class='side'><h3>Tin mới</h3><ul>{HEADLINES}</ul></div>"


def test_a_notice_of_a_title_a_date_and_a_file_beside_a_sidebar_is_an_article():
    result = read(f"{SIDEBAR}<div class='detail'><h1>Quyết định phê duyệt kế hoạch sử dụng đất năm 2020</h1>"
                  "<div class='date'>Ngày đăng: 05/08/2019</div>"
                  "<div class='files'><a href='/files/qd-123.pdf'>qd-123.pdf</a></div></div>")
    assert result.is_article, result.reason
    assert "Tin khác" not in result.text
    assert [a["url"] for a in result.attachments] == ["http://anphu.gov.vn/files/qd-123.pdf"]


def test_a_notice_of_a_few_words_under_its_title_and_date_is_an_article():
    result = read(f"{SIDEBAR}<div class='detail'><h1>Thông báo tuyển dụng viên chức năm 2019</h1>"
                  "<div class='date'>05/08/2019</div><p>Xem chi tiết tại đây.</p></div>")
    assert (result.is_article, result.text) == (True, "Xem chi tiết tại đây.")


def test_a_line_inside_the_body_labelled_as_the_day_it_was_posted_is_the_date_and_leaves_the_text():
    result = read(f"<div class='detail'><h1>{TITLE}</h1><div class='body'>{PROSE}{PROSE}"
                  "<p>Ngày đăng: 05/08/2019</p></div></div>")
    assert result.published_at == "2019-08-05"
    assert "Ngày đăng" not in result.text


def test_an_events_day_opening_the_body_is_never_the_date():
    result = read(f"<div class='detail'><h1>{TITLE}</h1><div class='body'>"
                  f"<p>Ngày 03/08/2019, huyện tổ chức hội nghị.</p>{PROSE}{PROSE}</div></div>")
    assert result.published_at is None


def test_a_notices_one_sentence_that_names_a_day_stays_its_text_and_gives_no_date():
    sentence = "Chủ tịch UBND huyện tiếp công dân vào ngày 15/8/2019 tại trụ sở."
    related = "".join(f"<li><a href='/tin/{i}.html'>Thông báo số {i} về lịch tiếp dân</a>"
                      f" ({i + 1:02d}/07/2019)</li>" for i in range(6))
    result = read("<div class='detail'><h1>Thông báo lịch tiếp công dân tháng 8 năm 2019</h1>"
                  f"<p>{sentence}</p><div class='other'><h4>Các tin khác</h4><ul>{related}</ul></div></div>")
    assert (result.text, result.published_at) == (sentence, None)


def test_a_bold_lead_that_opens_the_body_is_no_title():
    lead = "Sáng nay, Ủy ban nhân dân huyện An Phú tổ chức hội nghị tổng kết công tác năm 2019."
    result = read(f"<div class='ct'><p><strong>{lead}</strong></p>{PROSE}{PROSE}</div>")
    assert result.title != lead


def test_an_og_title_that_names_the_site_gives_way_to_the_page_title():
    page = ("<html><head><title>Hội nghị tổng kết công tác năm 2019 - Cổng thông tin điện tử huyện An Phú"
            "</title>"
            "<meta property='og:title' content='Cổng thông tin điện tử huyện An Phú'></head>"
            f"<body><div class='x'>{PROSE}{PROSE}</div></body></html>")
    assert extract_bytes(page.encode(), URL).title == "Hội nghị tổng kết công tác năm 2019"


@pytest.mark.parametrize("og_title", [f"{TITLE} - {PORTAL}", f"{PORTAL} | {TITLE}", TITLE])
def test_an_og_title_loses_the_portals_name_at_its_ends_where_no_heading_shows_the_title(og_title):
    page = (f"<html><head><title>{PORTAL}</title><meta property='og:title' content='{og_title}'></head>"
            f"<body><div class='x'><div>05/08/2019</div>{PROSE}{PROSE}</div></body></html>")
    assert extract_bytes(page.encode(), URL).title == TITLE


def test_an_og_titles_own_dash_stays_where_no_end_names_the_portal():
    title = "Sở TT&TT - Tổng kết công tác năm 2019"
    page = (f"<html><head><title>{PORTAL}</title><meta property='og:title' content='{title}'></head>"
            f"<body><div class='x'><div>05/08/2019</div>{PROSE}{PROSE}</div></body></html>")
    assert extract_bytes(page.encode(), URL).title == title


SECTION = "<h2>Tin hoạt động của các xã trong huyện</h2>"  # a section's name of many words


def crumb(last: str) -> str:
    return f"<div class='breadcrumb'><a href='/'>Trang chủ</a> » <a href='/tin'>Tin tức</a> » {last}</div>"


def test_the_breadcrumbs_last_item_tells_the_title_from_the_sections_heading():
    result = read(f"{crumb(f'<span>{TITLE}</span>')}<div class='ct'>{SECTION}<p class='tt'><span>{TITLE}"
                  f"</span></p><div class='ngay'>05/08/2019</div>{PROSE}{PROSE}</div>")
    assert result.title == TITLE


def test_a_breadcrumb_item_cut_short_still_tells_the_title():
    result = read(f"{crumb(f'<span>{TITLE[:40]}...</span>')}<div class='ct'>{SECTION}<p class='tt'><span>"
                  f"{TITLE}</span></p><div class='ngay'>05/08/2019</div>{PROSE}{PROSE}</div>")
    assert result.title == TITLE


def test_a_breadcrumb_that_names_the_section_printed_above_the_title_is_no_title():
    result = read(f"{crumb('<span>Tin hoạt động của các xã trong huyện</span>')}<div class='ct'>{SECTION}"
                  f"<h1>{TITLE}</h1><div class='ngay'>05/08/2019</div>{PROSE}{PROSE}</div>")
    assert result.title == TITLE


def test_paragraphs_that_close_on_a_day_are_prose_not_a_list_of_dated_items():
    closing = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân huyện tổ chức hội nghị tổng kết công tác dân vận "
                      f"năm 2023 và đề ra nhiệm vụ cho đến hết ngày 15/01/2024.</p>" for i in range(5))
    result = read(f"<div class='ct'><h1>{TITLE}</h1><div class='ngay'>05/08/2019</div>{closing}</div>")
    assert result.is_article, result.reason


def test_a_numbered_parts_heading_after_the_title_and_its_day_does_not_take_the_title():
    result = read(f"<div class='ct'><h3>{TITLE}</h3><div>05/08/2019</div>"
                  f"<h2>I. Kết quả đạt được trong năm</h2>{PROSE}{PROSE}</div>")
    assert result.title == TITLE


def test_the_portals_name_in_the_logos_heading_gives_way_to_the_articles_heading():
    result = read(f"<h1 class='logo'>Cổng thông tin điện tử huyện An Phú tỉnh An Giang</h1><div class='ct'>"
                  f"<h2>{TITLE}</h2><div class='date'>05/08/2019</div>{PROSE}{PROSE}</div>")
    assert (result.title, result.published_at) == (TITLE, "2019-08-05")


def test_a_day_after_the_body_in_an_element_named_a_date_is_the_date():
    result = read(f"<div class='ct'><h1>{TITLE}</h1>{PROSE}{PROSE}"
                  "<div class='ngay-dang'>05/08/2019</div></div>")
    assert result.published_at == "2019-08-05"


def test_a_related_headlines_day_after_the_body_is_never_the_date():
    related = "".join(f"<li><a href='/tin/{i}.html'>Tin liên quan số {i} về hội nghị của huyện</a> "
                      f"<span class='date'>(0{i + 1}/07/2019)</span></li>" for i in range(4))
    result = read(f"<div class='ct'><h1>{TITLE}</h1>{PROSE}{PROSE}<ul>{related}</ul></div>")
    assert result.published_at is None


def test_the_posted_day_wins_over_the_last_changes_day_wherever_each_stands():
    result = read(f"<div class='ct'><div class='u'>Cập nhật: 15/08/2019</div><h1>{TITLE}</h1>"
                  f"<div class='p'>Ngày đăng: 05/08/2019</div>{PROSE}{PROSE}</div>")
    assert result.published_at == "2019-08-05"


def test_the_posted_day_is_read_after_its_label_in_a_line_that_names_both():
    result = read(f"<div class='ct'><h1>{TITLE}</h1><div class='meta'>Cập nhật lần cuối: 15/08/2019 - "
                  f"Ngày đăng: 05/08/2019</div>{PROSE}{PROSE}</div>")
    assert result.published_at == "2019-08-05"


def test_a_breadcrumbs_last_item_as_plain_text_after_its_links_tells_the_title():
    result = read(f"{crumb(TITLE)}<div class='ct'>{SECTION}<p class='tt'><span>{TITLE}</span></p>"
                  f"<div class='ngay'>05/08/2019</div>{PROSE}{PROSE}</div>")
    assert result.title == TITLE


def test_the_breadcrumbs_last_item_is_the_title_where_no_element_holds_it_and_title_names_the_site():
    result = read(f"{crumb(f'<span>{TITLE}</span>')}<div class='ct'><div class='ngay'>05/08/2019</div>"
                  f"{PROSE}{PROSE}</div>")
    assert result.title == TITLE


@pytest.mark.parametrize("heading", [f"<h1>{TITLE} (05/08/2019)</h1>",
                                     f"<h1>[05/08/2019 15:43] {TITLE}</h1>"])
def test_a_day_bracketed_before_or_after_the_headings_words_is_the_pages_and_not_the_titles(heading):
    result = read(f"<div class='ct'>{heading}{PROSE}{PROSE}</div>")
    assert (result.title, result.published_at[:10]) == (TITLE, "2019-08-05")


def test_a_day_the_titles_own_words_name_stays_in_the_title():
    title = "Lịch tiếp công dân của Chủ tịch UBND huyện ngày 05/08/2019"
    assert read(f"<div class='ct'><h1>{title}</h1>{PROSE}{PROSE}</div>").title == title


def declared(heading: str) -> str:
    return (f"<html><head><title>{PORTAL}</title><meta property='og:title' content='{TITLE}'></head>"
            f"<body><div class='ct'><h1>{heading}</h1><div>Ngày 05/08/2019</div>{PROSE}{PROSE}</div>"
            "</body></html>")


def test_a_heading_set_in_capitals_gives_the_title_as_its_og_title_writes_it():
    assert extract_bytes(declared(TITLE.upper()).encode(), URL).title == TITLE


def test_a_heading_cut_short_gives_the_whole_title_its_og_title_declares():
    assert extract_bytes(declared(TITLE[:40] + "...").encode(), URL).title == TITLE


def test_a_heading_in_capitals_with_nothing_declared_stays_as_printed():
    assert read(f"<div class='ct'><h1>{TITLE.upper()}</h1>{PROSE}{PROSE}</div>").title == TITLE.upper()


SIDEBAR = ("<div class='sidebar'><h3>Tin mới</h3><ul>" + "".join(
    f"<li><a href='/t/{i}.html'>Tin số {i} về hội nghị của huyện</a> <span>0{i}/09/2019</span></li>"
    for i in range(1, 6)) + "</ul></div>")


@pytest.mark.parametrize("line", [
    "Cập nhật lúc 15:43 ngày 07/08/2019", "07-08-2019 | 15:43", "Ngày đăng: 7/8/2019", "15:43 | 07/08/2019",
    "(07.08.2019 16:32)", "thứ tư, 07 08 2019 15:43", "Thứ Tư, 07/08/2019 - 15:43", "07 Tháng 8 2019",
    "7 tháng 8, 2019", "ngày 07 tháng 08 năm 2019", "Thứ tư, ngày 07/08/2019",
    "Đăng lúc: 07/08/2019 15:43:21",
    "07/08/2019 03:43 PM", "Ngày 07-08-2019", "Thứ 4, 07/08/2019, 15:43 (GMT+7)", "Ngày xuất bản: 07/08/2019",
    "Lượt xem: 1234 | 07/08/2019", "Tác giả: Minh Anh - 07/08/2019",
])
def test_every_form_of_a_date_line_beside_a_sidebar_of_dated_headlines(line):
    result = read(f"<div class='main'><h2 class='news-title'>{TITLE}</h2><div class='info'>{line}</div>"
                  f"<div class='news-content'>{PROSE}{PROSE}</div></div>{SIDEBAR}")
    assert (result.title, result.published_at[:10]) == (TITLE, "2019-08-07")


def test_a_page_whose_other_stamps_read_only_month_first_reads_its_date_so():
    side = "".join(f"<li><a href='/t{i}'>Tin số {i} của huyện</a> {i + 3}/{i + 20}/2019 9:00:00 AM</li>"
                   for i in range(4))  # en-US stamps: "3/20/2019 9:00:00 AM" can only be 20 March
    text = PROSE.replace("</p>", " Ngày 25/7/2019, huyện họp.</p>")  # the writer's own day-first dates
    result = read(f"<ul class='side'>{side}</ul><div class='ct'><h1>{TITLE}</h1>"
                  f"<div class='date'>8/5/2019 3:43:00 PM</div>{text}{PROSE}</div>")
    assert result.published_at == "2019-08-05T15:43:00+07:00"
    assert result.published_from == "date line, month first"


def test_a_page_without_such_stamps_reads_an_en_us_stamp_month_first():
    result = read(f"<div class='ct'><h1>{TITLE}</h1><div class='date'>8/5/2019 3:43:00 PM</div>{PROSE}</div>")
    assert (result.published_at, result.published_from) == ("2019-08-05T15:43:00+07:00",
                                                             "date line, month first")


def test_a_page_without_such_stamps_reads_a_padded_date_day_first():
    result = read(f"<div class='ct'><h1>{TITLE}</h1><div class='date'>08/05/2019 03:43 PM</div>{PROSE}</div>")
    assert (result.published_at, result.published_from) == ("2019-05-08T15:43:00+07:00", "date line")


@pytest.mark.parametrize("shown", ["05/08/2019<br/>08:30", "08:30<br>05/08/2019"])
def test_a_day_and_its_time_on_two_lines_are_one_date(shown):
    result = read(f"<div class='ct'><h1>{TITLE}</h1><div class='date'>{shown}</div>{PROSE}{PROSE}</div>")
    assert result.published_at == "2019-08-05T08:30:00+07:00"


def test_a_heading_broken_over_two_lines_keeps_the_space_between_its_words():
    broken = TITLE.replace(" công tác", "<br/>công tác")
    result = read(f"<div class='ct'><h1>{broken}</h1><div class='date'>05/08/2019</div>{PROSE}{PROSE}</div>")
    assert result.title == TITLE


@pytest.mark.parametrize("shown", ["05/08/2019<br/>08:30", "Thứ Hai<br/>05/08/2019<br/>08:30"])
def test_a_date_line_broken_over_lines_stays_out_of_the_text(shown):
    result = read(f"<div class='ct'><h1>{TITLE}</h1><div class='nd'><div class='date'>{shown}</div>"
                  f"{PROSE}{PROSE}</div></div>")
    assert result.published_at == "2019-08-05T08:30:00+07:00" and not result.text.startswith(("05", "Thứ"))


OPENING = ["<p><i>05/08/2019</i></p>", "<div class='ngay'>Thứ Hai, 05/08/2019 08:30</div>",
           "<p>Cập nhật lúc: 08:30 05/08/2019</p>",
           "<p>05/08/2019<br/>Ủy ban nhân dân huyện thông báo kết quả hội nghị đến các xã.</p>"]


@pytest.mark.parametrize("shown", OPENING)
def test_a_date_as_the_first_line_of_the_texts_block_is_the_posts(shown):
    result = read(f"<div class='ct'><h1>{TITLE}</h1><div class='nd'>{shown}{PROSE}{PROSE}</div></div>")
    assert result.published_at[:10] == "2019-08-05" and "05/08/2019" not in result.text


def test_a_short_posts_first_line_after_its_title_is_its_date():
    result = read(f"<div class='ct'><h1>{TITLE}</h1><div class='nd'><p><i>05-08-2019</i></p>"
                  "<p>Ủy ban nhân dân huyện thông báo lịch tiếp công dân tháng 8 đến các cơ quan, đơn vị.</p>"
                  "</div></div>")
    assert result.is_article and result.published_at == "2019-08-05"


def test_a_first_line_that_is_a_sentence_naming_a_day_is_no_date():
    opening = "<p>Ngày 05/08/2019, Ủy ban nhân dân huyện tổ chức hội nghị tổng kết công tác năm.</p>"
    result = read(f"<div class='ct'><h1>{TITLE}</h1><div class='nd'>{opening}{PROSE}{PROSE}</div></div>")
    assert result.published_at is None


@pytest.mark.parametrize("heading", [f"<h1>{TITLE}<br/>05/08/2019</h1>",
                                     f"<h1>{TITLE}<br/>(05/08/2019 08:30)</h1>",
                                     f"<h2 class='title'>{TITLE}<br><i>Ngày đăng: 05/08/2019</i></h2>"])
def test_a_date_on_a_line_of_its_own_inside_the_heading_is_the_date_not_the_title(heading):
    result = read(f"<div class='ct'>{heading}{PROSE}{PROSE}</div>")
    assert (result.title, result.published_at[:10]) == (TITLE, "2019-08-05")


def test_a_heading_of_two_lines_of_words_stays_whole():
    result = read(f"<div class='ct'><h1>{TITLE}<br/>tại huyện An Phú</h1><div>05/08/2019</div>{PROSE}</div>")
    assert result.title == f"{TITLE} tại huyện An Phú"


def test_a_deck_in_a_heading_named_a_lead_under_the_headline_is_no_title():
    deck = "<h2 class='sapo'>Nhiều chỉ tiêu vượt kế hoạch đề ra</h2>"
    result = read(f"<div class='detail'><h1>{TITLE}</h1>{deck}"
                  f"<div class='date'>05/08/2019</div>{PROSE}{PROSE}</div>")
    assert (result.title, result.published_at) == (TITLE, "2019-08-05")


@pytest.mark.parametrize("badge", ["<span class='new'>Mới</span>", "<sup>NEW</sup>", "<b>(Mới)</b>"])
def test_a_new_badge_closing_the_heading_is_not_part_of_the_title(badge):
    result = read(f"<div class='detail'><h1>{TITLE} {badge}</h1><div class='date'>05/08/2019</div>"
                  f"{PROSE}{PROSE}</div>")
    assert result.title == TITLE


def test_the_word_new_inside_the_titles_own_words_stays():
    title = "Triển khai quy định <em>mới</em> về cải cách hành chính năm 2019"
    result = read(f"<div class='detail'><h1>{title}</h1><div class='date'>05/08/2019</div>"
                  f"{PROSE}{PROSE}</div>")
    assert result.title == "Triển khai quy định mới về cải cách hành chính năm 2019"


def test_dotnetnukes_module_title_and_its_page_titles_separator():
    # DNN prints the module's title in <span class="Head">, and "Portal > Section" as <title>
    page = ("<html><head><title>Cổng thông tin điện tử huyện An Phú > Tin tức</title></head><body>"
            f"<div id='dnn_ctr455_ModuleContent'><span class='Head'>{TITLE}</span><br/>"
            "<span class='Normal'><i>05/08/2019</i></span><div class='Normal'><p>Chi tiết xem tại văn bản "
            "đính kèm./.</p><p><a href='/upload/tb-12.pdf'>tb-12.pdf</a></p></div></div></body></html>")
    result = resolve_date(extract_bytes(page.encode(), URL), datetime(2024, 1, 1))
    assert (result.is_article, result.title, result.published_at, len(result.attachments)) == (
        True, TITLE, "2019-08-05", 1)


def test_a_title_tags_section_after_a_greater_than_sign_is_cut():
    page = (f"<html><head><title>{TITLE} > Tin tức</title></head><body><div class='x'><div>05/08/2019</div>"
            f"{PROSE}{PROSE}</div></body></html>")
    assert extract_bytes(page.encode(), URL).title == TITLE


def test_a_date_printed_as_a_badge_of_pieces_is_read_whole():
    badge = "<span class='d'>07</span><span class='m'>Tháng 8</span><span class='y'>2019</span>"
    result = read(f"<div class='ct'><h1>{TITLE}</h1><div class='date'>{badge}</div>{PROSE}{PROSE}</div>")
    assert result.published_at[:10] == "2019-08-07"


def test_pieces_joined_by_separators_stay_as_printed():
    pieces = "<b>07</b>/<b>08</b>/<b>2019</b> <span>15</span>:<span>43</span>"
    result = read(f"<div class='ct'><h1>{TITLE}</h1><div class='date'>{pieces}</div>{PROSE}{PROSE}</div>")
    assert result.published_at == "2019-08-07T15:43:00+07:00"


def test_a_meta_row_whose_piece_holds_the_date_is_read_by_that_piece():
    meta = "<div class='meta'><span>Cập nhật lúc: 09:15 26/02/2019</span><span>1.245</span></div>"
    result = read(f"<div class='ct'><h1>{TITLE}</h1>{meta}{PROSE}{PROSE}</div>")  # a view count beside it
    assert result.published_at == "2019-02-26T09:15:00+07:00" and "Cập nhật" not in result.text


def test_the_day_beside_the_category_in_a_table_of_its_own_above_the_posts_block_is_the_date():
    # LacViet's news part on SharePoint: the header row's table stands before the post's own
    result = read("<div class='part'><div class='container_top_mid2'><table><tr class='ms-news-header'>"
                  "<td class='FolderTitle'>Tin Kinh tế - Đời sống</td><td class='Time'>08/11/2019</td></tr>"
                  f"</table></div><div id='part1'><table><tr><td><p class='Title'>{TITLE}</p></td></tr>"
                  f"<tr><td>{PROSE}{PROSE}</td></tr></table></div></div>")
    assert (result.title, result.published_at) == (TITLE, "2019-11-08")


def test_a_clock_above_the_posts_block_is_no_date_for_it():
    result = read("<div class='part'><div class='top'><table><tr><td>Hôm nay, Thứ Tư, 08/11/2023</td></tr>"
                  "</table></div>"
                  f"<div id='part1'><table><tr><td><p class='Title'>{TITLE}</p></td></tr>"
                  f"<tr><td>{PROSE}{PROSE}</td></tr></table></div></div>")
    assert result.published_at is None


def test_a_featured_posts_day_above_an_undated_posts_block_is_no_date_for_it():
    featured = ("<div class='hot'><table><tr><td><a href='/tin/1.html'>Huyện tổ chức lễ khánh thành cầu "
                "dân sinh ở xã Phú Lâm</a></td><td>05/11/2019</td></tr></table></div>")
    result = read(f"<div class='part'>{featured}<div id='part1'><table><tr><td><p class='Title'>{TITLE}</p>"
                  f"</td></tr><tr><td>{PROSE}{PROSE}</td></tr></table></div></div>")
    assert result.published_at is None


LACVIET_HEAD = ("<div class='container_top_mid2'><table><tr class='ms-news-header'>"
                "<td class='FolderTitle'>Tin hoạt động</td><td class='Time'>{day}</td></tr></table></div>")


@pytest.mark.parametrize("day, want", [
    # a badge of pieces, each its own element
    ("<span class='d'>08</span><span class='m'>Tháng 11</span><span class='y'>2019</span>", "2019-11-08"),
    ("<p><i>Lượt xem: 1.245 | 08/11/2019</i></p>", "2019-11-08"),  # the counter before the day
    ("<span><i class='fa fa-clock-o'></i>(08/11/2019 10:00)</span>", "2019-11-08"),  # an icon beside it
])
def test_the_header_rows_day_in_the_forms_date_lines_take(day, want):
    crumb = "<div class='bc'><a href='/'>Trang chủ</a> » <a href='/tin'>Tin tức</a></div>"
    result = read(f"<div class='c'>{crumb}" + LACVIET_HEAD.format(day=day)
                  + f"<div class='detail'><div class='title'>{TITLE}</div>"
                  f"<div class='nd'>{PROSE}{PROSE}</div></div></div>")
    assert (result.title, result.published_at[:10]) == (TITLE, want)


def test_the_author_beside_the_header_rows_day_is_the_author():
    day = "<span><time datetime='2019-11-08'>08/11/2019</time> | Tác giả: Minh Tâm</span>"
    result = read("<div class='c'>" + LACVIET_HEAD.format(day=day) + "<div class='detail'>"
                  f"<div class='title'>{TITLE}</div><div class='nd'>{PROSE}{PROSE}</div></div></div>")
    assert (result.published_at[:10], result.author) == ("2019-11-08", "Minh Tâm")
