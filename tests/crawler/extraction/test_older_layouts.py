"""Parts of older portals' pages the layout set draws since stop 46: titles in bold cells and
centred lines, dates as badges of pieces, the text in a one-cell table, meta rows whose pieces
run together. Each page is extracted alone, with no profile and no template."""

from __future__ import annotations

from datetime import datetime

from crawler.extraction import extract_bytes, resolve_date

TITLE = "Hội nghị tổng kết công tác cải cách hành chính năm 2024 của huyện"
PARAGRAPHS = [f"Đoạn {k}: Ủy ban nhân dân huyện đã tổ chức hội nghị tổng kết công tác năm với sự tham gia "
              "của các xã, thị trấn trên địa bàn và nhiều đại biểu khác." for k in range(3)]
PROSE = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
PORTAL = "Cổng thông tin điện tử huyện Tân Phú"
CAPTION = "Quang cảnh buổi làm việc của đoàn công tác"


def read(main: str, banner: str = ""):
    page = (f"<html><head><title>{PORTAL}</title></head><body>{banner}<div class='menu'><a href='/'>Trang"
            f" chủ</a> <a href='/tin'>Tin tức</a></div><div class='main'>{main}</div><div class='footer'>"
            "Cơ quan chủ quản: UBND huyện Tân Phú</div></body></html>")
    return resolve_date(extract_bytes(page.encode(), "https://tanphu.gov.vn/Pages/ChiTiet.aspx?ID=7"),
                        datetime(2024, 12, 31))


def test_a_centred_bold_line_above_the_text_is_the_title_not_the_section_above_it():
    result = read(f"<h1 class='cat'>TIN TỨC - SỰ KIỆN</h1><div class='detail'><p align='center'><strong>"
                  f"<font size='4'>{TITLE}</font></strong></p><div class='date'>12/08/2024</div>"
                  f"<div class='nd'>{PROSE}</div></div>")
    assert result.title == TITLE


def test_a_bold_cell_above_the_text_is_the_title_not_the_portals_name():
    result = read(f"<div class='detail'><table><tr><td><b>{TITLE}</b></td></tr></table>"
                  f"<div class='date'>12/08/2024</div><div class='nd'>{PROSE}</div></div>",
                  banner=f"<h1 class='logo'>{PORTAL}</h1>")
    assert (result.title, result.published_at) == (TITLE, "2024-08-12")


def test_a_bold_deck_in_a_block_named_so_is_no_title():
    deck = "(TTĐT) - Sáng ngày 12/8, đoàn công tác của huyện đã tổ chức kiểm tra tình hình tại các xã."
    result = read(f"<div class='detail'><table><tr><td><b>{TITLE}</b></td></tr></table><div class='sapo'>"
                  f"<b>{deck}</b></div><div class='date'>12/08/2024</div><div class='nd'>{PROSE}</div></div>")
    assert result.title == TITLE and result.text.startswith(deck)


def test_a_bold_title_holding_its_date_on_a_line_of_its_own_opens_the_block_after_a_date_line():
    result = read(f"<div class='detail'><p><i>Ngày xuất bản: 05/02/2024</i></p><p align='center'><strong>"
                  f"{TITLE}<br/>05/02/2024</strong></p>{PROSE}</div>")
    assert (result.title, result.published_at) == (TITLE, "2024-02-05")


def test_a_time_and_byline_above_the_text_is_no_title():
    meta = ("<div class='meta'><span>21/09/2024<br/>08:21 | Tác giả: Nguyễn Văn Hùng - Phòng Văn hóa</span>"
            "<span>1.245</span></div>")
    result = read(f"<div class='detail'><p align='center'><strong>{TITLE}</strong></p>{meta}"
                  f"<div class='nd'>{PROSE}</div></div>")
    assert result.title == TITLE


def test_a_date_badge_below_the_text_with_its_byline_is_the_pages_date():
    badge = "<p><i><span>27</span><span>Tháng 6</span><span>2024</span> | Tác giả: Minh Tâm</i></p>"
    result = read(f"<div class='detail'><h2>{TITLE}</h2><div class='nd'>{PROSE}</div>{badge}</div>")
    assert (result.published_at, result.author) == ("2024-06-27", "Minh Tâm")


def test_a_date_badge_opening_the_text_leaves_the_text_and_the_lead_first():
    badge = "<div class='date'><span>18</span><span>Tháng 2</span><span>2024</span> | Tác giả: Minh Tâm</div>"
    lead = "TTĐT - Sáng ngày 18/2, đoàn công tác của huyện đã tổ chức kiểm tra tình hình tại các xã."
    result = read(f"<div class='detail'><h2>{TITLE}</h2>{badge}<h4 class='summary'>{lead}</h4>"
                  f"<div class='nd'>{PROSE}</div></div>")
    assert result.published_at == "2024-02-18" and result.text.startswith(lead)


def test_a_caption_in_a_pictures_table_inside_a_one_cell_content_table_is_kept():
    picture = ("<table class='image'><tr><td><img src='/x.jpg'/></td></tr><tr><td class='image_desc'>"
               f"{CAPTION}</td></tr></table>")
    body = f"<p>{PARAGRAPHS[0]}</p>{picture}<p>{PARAGRAPHS[1]}</p>"
    result = read(f"<div class='detail'><h2>{TITLE}</h2><div class='date'>12/08/2024</div><div class='nd'>"
                  f"<table width='100%'><tr><td>{body}</td></tr></table></div></div>")
    assert CAPTION in result.text and all(p in result.text for p in PARAGRAPHS[:2])


def test_credits_after_the_block_that_holds_a_one_cell_content_table_are_read():
    credits = ("<div class='mb'><p><strong>Tác giả bài viết: </strong>Minh Tâm</p><p><strong>Nguồn tin: "
               "</strong>Văn phòng Huyện ủy</p></div>")
    result = read(f"<div class='detail'><h2>{TITLE}</h2><div class='date'>12/08/2024</div><div class='nd'>"
                  f"<table width='100%'><tr><td><div>{PROSE}</div></td></tr></table></div>{credits}</div>")
    assert (result.author, result.source) == ("Minh Tâm", "Văn phòng Huyện ủy")


def test_an_en_us_stamp_run_into_a_view_count_keeps_its_clock():
    meta = "<div class='meta'><span>7/12/2024 8:12:00 PM</span><span>1.245</span></div>"
    result = read(f"<div class='detail'><h1>{TITLE}</h1>{meta}<div class='nd'>{PROSE}</div></div>")
    assert result.published_at == "2024-07-12T20:12:00+07:00"


def test_a_calendar_leaf_the_day_over_its_month_and_year_is_a_date():
    leaf = "<div class='date'><div class='d'>07</div><div class='m'>Tháng 08/2024</div></div>"
    result = read(f"<div class='detail'><h2>{TITLE}</h2>{leaf}<div class='nd'>{PROSE}</div></div>")
    assert result.published_at == "2024-08-07"


def test_a_calendar_leaf_in_spans_beside_a_view_count_is_no_title():
    meta = "<div class='meta'><span><span>09</span><span>Tháng 01/2024</span></span><span>1.245</span></div>"
    result = read(f"<div class='detail'><p align='center'><strong>{TITLE}</strong></p>{meta}"
                  f"<div class='nd'>{PROSE}</div></div>")
    assert (result.title, result.published_at) == (TITLE, "2024-01-09")


def test_a_badge_run_into_the_title_in_trafilaturas_reading_adds_no_substance():
    badge = ("<div class='date'><span>21</span><span>Tháng 12</span><span>2024</span> | Tác giả: Minh Tâm"
             "</div>")
    result = read(f"<h1 class='cat'>TIN TỨC - SỰ KIỆN</h1><div class='detail'><span class='tieude'>{TITLE}"
                  f"</span>{badge}<div class='nd'><div>{PARAGRAPHS[0]}</div></div></div>")
    assert "TIN TỨC" not in result.text and result.published_at == "2024-12-21"


def test_a_short_line_over_many_elements_is_no_badge_and_is_read_once():
    from lxml import html as lxml_html

    from crawler.extraction.dateread import BADGE_PIECES, badge_read

    pieces = "<span></span>" * BADGE_PIECES + "<span>12</span><span>Tháng 8</span><span>2024</span>"
    el = lxml_html.fragment_fromstring(f"<div>{pieces}</div>")
    assert badge_read(el, "12Tháng 82024") == "12Tháng 82024"  # deep trees are not read piece by piece


def test_aspnet_labels_one_after_another_are_the_posts_lines_not_a_paragraph_of_the_page():
    # title, day and text in labels between <br/>s in the content <div>, the sidebar beside it:
    # the <div> is a block of lines, not one paragraph of the layout around it
    side = ("<div class='side'><div class='h'>Tin mới</div><ul>" + "".join(
        f"<li><a href='/tin/{i}'>Tin tức số {i} về hoạt động của huyện trong tuần</a> ({10 + i}/02/2024)</li>"
        for i in range(6)) + "</ul></div>")
    text = "<br/><br/>".join(PARAGRAPHS[:2])
    result = read(f"<div class='wrap'>{side}<div class='content'><span id='ctl00_lblTitle' class='title'>"
                  f"{TITLE}</span><br/><span id='ctl00_lblDate'>05/08/2024 15:43</span><br/>"
                  f"<span id='ctl00_lblNoiDung'>{text}</span></div></div>")
    assert (result.title, result.published_at[:10]) == (TITLE, "2024-08-05")
    assert result.text.startswith(PARAGRAPHS[0]) and "Tin tức số" not in result.text
