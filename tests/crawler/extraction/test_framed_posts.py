"""Posts whose located block is the whole frame (the title in a table cell or a bold line, the
lead, the text, the credits and the tools in one ``div``), and dates printed below the text
after credit lines or above tools: what the layout combinations (``tests/gold/layouts.py``)
found missed once each rule of one layout met the parts of another."""

from __future__ import annotations

from datetime import datetime

import pytest

from crawler.extraction import extract_bytes, resolve_date

TITLE = "Xã Phú Lợi ra quân làm đường giao thông nông thôn"
PARAGRAPH = ("Tại hội nghị, đồng chí Chủ tịch UBND huyện đã quán triệt các chỉ tiêu chủ yếu của năm 2024, "
             "trong đó tập trung vào tăng trưởng kinh tế, thu ngân sách và xây dựng nông thôn mới nâng cao.")
MORE = ("Các đại biểu đã thảo luận, đóng góp nhiều ý kiến về giải pháp tháo gỡ khó khăn trong giải "
        "phóng mặt bằng, giải ngân vốn đầu tư công và cải cách thủ tục hành chính trên địa bàn huyện.")
LEAD = ("Sáng ngày 20/3, đoàn công tác của huyện đã tổ chức kiểm tra tình hình thực hiện nhiệm vụ tại "
        "các xã, thị trấn trên địa bàn.")
CREDITS = ("<div class='mb'><p class='h5 text-right'><strong>Tác giả bài viết: </strong>Minh Tâm</p>"
           "<p class='h5 text-right'><strong>Nguồn tin: </strong>Văn phòng Huyện ủy</p></div>")
TOOLS = ("<div class='tools'><a href='#'>In bài</a> | <a href='#'>Gửi email</a> | "
         "<a href='#'>Về đầu trang</a></div>"
         "<div class='rate'>Đánh giá bài viết: <input type='radio'/>1 <input type='radio'/>2</div>")
PICTURE = ("<table class='image'><tr><td><img src='/x.jpg'/></td></tr><tr><td class='image_desc'>"
           "Quang cảnh buổi làm việc của đoàn công tác</td></tr></table>")
SIDEBAR = "".join(f"<li><a href='/tin/{i}.html'>Tin tức số {i} về hoạt động của huyện</a> "
                  f"({10 + i}/02/2024)</li>" for i in range(6))
FOOTER = "<div class='footer'>Cơ quan chủ quản: UBND huyện Tân Phú. Điện thoại: 0251.3856 123.</div>"


def page(detail: str, section: str = "", after: str = "") -> bytes:
    """A table layout (the sidebar's cell, the content's), the section's name above the post and
    what follows it."""
    return ("<html><head><title>Chi tiết tin</title></head><body><ul class='menu'>"
            "<li><a href='/'>Trang chủ</a></li><li><a href='/tin-tuc'>Tin tức</a></li></ul>"
            f"<table><tr><td class='l'><div class='side'><ul>{SIDEBAR}</ul></div></td>"
            f"<td class='c'>{section}<div class='detail'>{detail}</div>{after}</td></tr></table>"
            f"{FOOTER}</body></html>").encode()


def read(html: bytes):
    return resolve_date(extract_bytes(html, "https://tanphu.gov.vn/tin/288"), datetime(2024, 12, 31))


def test_a_date_below_the_credit_lines_is_the_posts():
    got = read(page(f"<div class='title'>{TITLE}</div><div class='nd'><p>{PARAGRAPH}</p><p>{MORE}</p>"
                    f"</div>{CREDITS}<p><i>23/08/2024</i></p>"))
    assert got.published_at[:10] == "2024-08-23"
    assert got.author == "Minh Tâm"


def test_a_short_post_with_its_date_above_the_tools_is_stored_with_it():
    got = read(page(f"<p class='title'><b>{TITLE}</b></p><div class='nd'><p>{PARAGRAPH}</p>"
                    f"<p><i>08/11/2024</i></p>{TOOLS}</div>"))
    assert got.is_article, got.reason
    assert got.published_at[:10] == "2024-11-08"
    assert "In bài" not in got.text and "08/11/2024" not in got.text


def test_a_date_above_a_related_headline_is_not_taken_for_the_posts():
    got = read(page(f"<p class='title'><b>{TITLE}</b></p><div class='nd'><p>{PARAGRAPH}</p><p>{MORE}</p>"
                    "<div class='other'><a href='/tin/9.html'>Hội nghị công tác dân vận</a></div></div>"))
    assert not (got.published_at or "").startswith("2024-02")


def test_a_date_line_run_together_with_its_view_count_stays_out_of_the_text():
    meta = ("<div class='meta'><span class='h5'><i class='fa fa-clock-o'></i>Cập nhật lúc: 09:15 "
            "20/03/2024</span><span class='h5'><i class='fa fa-eye'></i>1.245</span></div>")
    got = read(page(f"<table><tr><td class='title'>{TITLE}</td></tr></table>{meta}"
                    f"<h4 class='summary'>{LEAD}</h4><div class='nd'>{PICTURE}<p>{PARAGRAPH}</p>"
                    f"<p>{MORE}</p></div>{CREDITS}", "<div class='cat'>TIN TỨC - SỰ KIỆN</div>", TOOLS))
    assert got.text.startswith(LEAD), got.text[:80]
    assert got.published_at[:10] == "2024-03-20"


def test_credit_lines_inside_the_located_block_give_the_author_and_source():
    got = read(page(f"<div class='date'>Cập nhật lúc: 09:15 27/04/2024</div><h2>{TITLE}</h2>"
                    f"<h4 class='summary'>{LEAD}</h4><div class='nd'><p>{PARAGRAPH}</p></div>{CREDITS}",
                    "<div class='cat'>Tin hoạt động</div>", TOOLS))
    assert (got.author, got.source) == ("Minh Tâm", "Văn phòng Huyện ủy")
    assert "Tác giả" not in got.text


def test_the_lead_goes_before_a_picture_that_opens_the_text():
    got = read(page(f"<h2>{TITLE}</h2><div class='date'>20/03/2024</div><h4 class='summary'>{LEAD}</h4>"
                    f"<div class='nd'>{PICTURE}<p>{PARAGRAPH}</p><p>{MORE}</p></div>"))
    assert got.text.split("\n\n")[:3] == [LEAD, "Quang cảnh buổi làm việc của đoàn công tác", PARAGRAPH]


@pytest.mark.parametrize("shown, day", [("thứ tư, 02 03 2024 15:43", "2024-03-02"),
                                         ("26/08/2024 | Lượt xem: 1.245", "2024-08-26"),
                                         ("Ngày 9 tháng 9 năm 2024", "2024-09-09"),
                                         ("Ngày đăng: 26/08/24", "2024-08-26")])
def test_a_date_below_the_text_in_any_form_portals_print(shown, day):
    got = read(page(f"<p class='title'><b>{TITLE}</b></p><div class='nd'><p>{PARAGRAPH}</p><p>{MORE}</p>"
                    f"</div>{CREDITS}<div class='date'>{shown}</div>", after=TOOLS))
    assert (got.published_at or "")[:10] == day


def test_a_sentence_that_names_a_day_below_the_text_is_no_date_line():
    got = read(page(f"<p class='title'><b>{TITLE}</b></p><div class='nd'><p>{PARAGRAPH}</p><p>{MORE}</p>"
                    "</div><p>Hội nghị lần sau họp ngày 12 3 2025 tại hội trường UBND huyện</p>"))
    assert not (got.published_at or "").startswith("2025")


def test_lines_between_breaks_after_a_picture_are_all_kept():
    lines = f"{PICTURE}{PARAGRAPH}<br/><br/>{MORE}<br/><br/>"
    got = read(page(f"<h1>{TITLE}</h1><div class='date'>20/03/2024</div><div class='nd'>"
                    f"<div class='content-text'>{lines}</div></div>"))
    assert PARAGRAPH in got.text and MORE in got.text


def test_credits_after_the_texts_container_and_its_tools_give_the_author():
    got = read(page(f"<h1>{TITLE}</h1><div class='date'>20/03/2024</div><div class='nd'>"
                    f"<div class='content-text'>{PARAGRAPH}<br/><br/>{MORE}<br/><br/></div>{TOOLS}</div>"
                    f"{CREDITS}"))
    assert (got.author, got.source) == ("Minh Tâm", "Văn phòng Huyện ủy")


def test_a_credits_label_read_as_a_line_of_its_own_stays_with_its_name():
    credits = ("<p class='h5'><strong>Tác giả bài viết:</strong></p><p class='h5'>Minh Tâm</p>"
               "<p class='h5'><strong>Nguồn tin:</strong></p><p class='h5'>Văn phòng Huyện ủy</p>")
    got = read(page(f"<h1>{TITLE}</h1><div class='date'>20/03/2024</div><div class='nd'><p>{PARAGRAPH}</p>"
                    f"<p>{MORE}</p>{credits}</div>"))
    assert (got.author, got.source) == ("Minh Tâm", "Văn phòng Huyện ủy")
    assert "Tác giả" not in got.text


def test_a_date_below_the_tools_and_a_list_of_other_posts_is_the_posts():
    items = "".join(f"<li><a href='/tin/{i}.html'>Tin tức số {i} về hoạt động của huyện</a></li>"
                    for i in range(4))
    others = f"<div class='other'><h2>Tin khác</h2><ul>{items}</ul></div>"
    got = read(page(f"<div class='title'>{TITLE}</div><div class='nd'><div class='content-text'>{PARAGRAPH}"
                    f"<br/><br/>{MORE}</div>{TOOLS}{others}</div>{CREDITS}"
                    "<p><i>thứ tư, 03 04 2024 15:43</i></p>"))
    assert (got.published_at or "")[:10] == "2024-04-03"


def test_a_title_that_links_its_own_page_is_the_posts_title_not_anothers_headline():
    divs = "".join(f"<div>{p}</div>" for p in (PARAGRAPH, MORE))
    html = page(f"<h2 class='contentheading'><a href='/tin/288'>{TITLE}</a></h2><div class='date'>"
                f"Thứ Hai, 18/4/2024</div><h4 class='summary'>(Cổng TTĐT) - {LEAD}</h4><div class='nd'>{divs}"
                f"</div>{CREDITS}", "<h1 class='cat'>Tin chuyên ngành</h1>", TOOLS)
    got = read(html)
    assert got.is_article and got.title == TITLE
    assert PARAGRAPH in got.text and MORE in got.text


RELATED = [f"Huyện Tân Phú tổng kết công tác năm {2020 + i} và triển khai nhiệm vụ" for i in range(3)]


@pytest.mark.parametrize("label", ["", "<p><strong>Xem thêm:</strong></p>", "<p>Tin liên quan</p>"])
def test_links_to_other_posts_typed_under_a_short_text_are_no_listing_and_no_text(label):
    links = "".join(f"<p><a href='/tin/{i}.html'>{t}</a></p>" for i, t in enumerate(RELATED))
    detail = (f"<h1>{TITLE}</h1><div class='date'>20/03/2024</div>"
              f"<div class='nd'><p>{PARAGRAPH}</p><p>{MORE}</p>{label}{links}</div>")
    result = resolve_date(extract_bytes(page(detail), "http://x.gov.vn/tin/99.html"), datetime(2024, 12, 31))
    assert result.is_article, result.reason
    assert result.text.endswith("trên địa bàn huyện.") and "Xem thêm" not in result.text


def test_links_a_paragraph_each_after_a_one_line_intro_stay_a_listing():
    links = "".join(f"<p><a href='/tin/{i}.html'>{t} (tin {i})</a></p>" for i, t in enumerate(RELATED * 3))
    detail = f"<h1>Tin tức - Sự kiện</h1><p>Các tin bài mới nhất của huyện.</p>{links}"
    assert not extract_bytes(page(detail), "http://x.gov.vn/tin-tuc").is_article


def test_a_caption_in_a_picture_table_between_paragraphs_written_as_divs_is_kept():
    detail = (f"<p class='title'><b>{TITLE}</b></p><div class='nd'><span class='time'>Thứ Tư - 20/03/2024"
              f" 15:02</span><div>{PARAGRAPH}</div>{PICTURE}<div>{MORE}</div></div>")
    result = resolve_date(extract_bytes(page(detail), "http://x.gov.vn/tin/99.html"), datetime(2024, 12, 31))
    assert "Quang cảnh buổi làm việc" in result.text and result.text.startswith(PARAGRAPH)


def test_the_lead_goes_before_a_picture_that_opens_lines_between_brs():
    figure = ("<figure><img src='/x.jpg'/><figcaption>Quang cảnh buổi làm việc của đoàn công tác</figcaption>"
              "</figure>")
    detail = (f"<table><tr><td class='title'>{TITLE}</td></tr></table><div class='meta'>20/03/2024</div>"
              f"<h4 class='summary'>{LEAD}</h4><div class='nd'><div class='content-text'>{figure}{PARAGRAPH}"
              f"<br/><br/>{MORE}<br/><br/></div></div>")
    result = extract_bytes(page(detail), "http://x.gov.vn/tin/99.html")
    assert result.text.startswith(LEAD) and "Quang cảnh" in result.text


def test_a_date_below_the_text_is_found_past_a_ratings_stars():
    stars = "<div class='rate'>Đánh giá: <span>★★★★☆</span> (12 lượt)</div>"
    got = read(page(f"<h2>{TITLE}</h2><div class='nd'><p>{PARAGRAPH}</p></div>"
                    "<div class='date'>11/03/2024 | Tác giả: Minh Tâm</div>", after=TOOLS + stars))
    assert (got.is_article, (got.published_at or "")[:10], got.author) == (True, "2024-03-11", "Minh Tâm")
