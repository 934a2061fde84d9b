"""The rule that picks between the located body and trafilatura's reading (crawler.extraction.generic)."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from crawler.extraction.generic import Candidate, _in_page_order, choose

PROSE = "Ủy ban nhân dân huyện tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2024."
HEADLINES = [f"Tin khác số {k}: huyện triển khai kế hoạch chuyển đổi số năm 2024" for k in range(4)]


def cleaned(links: list[str]):
    items = "".join(f"<li><a href='/tin/{k}.html'>{text}</a></li>" for k, text in enumerate(links))
    page = f"<html><body><div><p>{PROSE}</p></div><ul>{items}</ul></body></html>"
    return lxml_html.document_fromstring(page)


def test_headlines_trafilatura_read_beside_the_body_are_no_substance():
    located = Candidate("located", PROSE)
    other = Candidate("trafilatura", "\n".join([PROSE, *HEADLINES]))
    assert choose(located, other, cleaned(HEADLINES)).chosen.name == "located"


def test_paragraphs_trafilatura_found_beside_the_body_are_substance():
    more = "Hội nghị đã đánh giá kết quả thực hiện và đề ra nhiệm vụ trọng tâm cho năm tiếp theo của huyện."
    root = lxml_html.document_fromstring(f"<html><body><p>{PROSE}</p><p>{more}</p></body></html>")
    choice = choose(Candidate("located", PROSE), Candidate("trafilatura", f"{PROSE}\n{more}"), root)
    assert choice.chosen.name == "trafilatura"


def test_a_date_line_and_dated_headlines_trafilatura_read_beside_the_body_are_no_substance():
    dated = [f"{text} ({k + 10}/02/2024)" for k, text in enumerate(HEADLINES)]
    items = "".join(f"<div><a href='/tin/{k}.html'>{text}</a> ({k + 10}/02/2024)</div>"
                    for k, text in enumerate(HEADLINES))
    root = lxml_html.document_fromstring(f"<html><body><div><p>{PROSE}</p></div>"
                                         f"<div>Ngày đăng: 12/03/2024</div>{items}</body></html>")
    other = Candidate("trafilatura", "\n".join([PROSE, "Ngày đăng: 12/03/2024", *dated]))
    assert choose(Candidate("located", PROSE), other, root).chosen.name == "located"


def test_the_title_trafilatura_opens_its_reading_with_is_no_substance():
    title = "Huyện Tân Phú tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2024"
    root = lxml_html.document_fromstring(f"<html><body><h1>{title}</h1><p>{PROSE}</p></body></html>")
    other = Candidate("trafilatura", f"{title}\n{PROSE}")
    assert choose(Candidate("located", PROSE), other, root, title=title).chosen.name == "located"


@pytest.mark.parametrize("label", ["TIN TỨC - SỰ KIỆN", "Tin hoạt động"])
def test_a_sections_name_above_the_text_is_no_substance(label):
    root = lxml_html.document_fromstring(f"<html><body><h1>{label}</h1><p>{PROSE}</p></body></html>")
    other = Candidate("trafilatura", f"{label}\n{PROSE}")
    assert choose(Candidate("located", PROSE), other, root).chosen.name == "located"


def test_a_signature_the_located_element_holds_is_no_gain_of_trafilaturas():
    sign = "Nguyễn Văn Hùng - Phòng VH-TT"
    root = lxml_html.document_fromstring(f"<html><body><div><p>{PROSE}</p><p><b>{sign}</b></p></div>"
                                         "</body></html>")
    body = root.find(".//div")
    other = Candidate("trafilatura", f"{PROSE}\n{sign}")
    assert choose(Candidate("located", PROSE), other, root, body).chosen.name == "located"


def test_trafilaturas_winning_reading_of_a_vietnamese_page_keeps_only_what_the_rules_kept():
    more = "Hội nghị đã đánh giá kết quả thực hiện và đề ra nhiệm vụ trọng tâm cho năm tiếp theo của huyện."
    root = lxml_html.document_fromstring(f"<html><body><p>{PROSE}</p><p>{more}</p></body></html>")
    other = Candidate("trafilatura", f"{PROSE}\n{more}\n- Tin khác số 1 của huyện trong tháng ba năm nay")
    assert choose(Candidate("located", PROSE), other, root).chosen.text == f"{PROSE}\n{more}"


def test_a_line_running_title_date_and_a_located_line_together_is_no_gain():
    title = "Xã Phú Lợi ra quân làm đường giao thông nông thôn"
    root = lxml_html.document_fromstring(f"<html><body><span>{title}</span><span>07-07-2024</span>"
                                         f"<div><p>{PROSE}</p></div></body></html>")
    other = Candidate("trafilatura", f"{title}07-07-2024{PROSE}")
    assert choose(Candidate("located", PROSE), other, root, title=title).chosen.name == "located"


def test_a_byline_after_the_header_rows_time_is_no_substance():
    caption = "Quang cảnh buổi làm việc của đoàn công tác"
    byline = "08:19 | Tác giả: Nguyễn Văn Hùng - Phòng Văn hóa - Thông tin"
    root = lxml_html.document_fromstring(f"<html><body><div><p>{caption}</p><p>{PROSE}</p></div>"
                                         f"<span>19/02/2024<br/>{byline}</span></body></html>")
    other = Candidate("trafilatura", f"{PROSE}\n{byline}")
    assert choose(Candidate("located", f"{caption}\n{PROSE}"), other, root).chosen.name == "located"


def test_a_badge_trafilatura_adds_to_the_title_line_is_no_substance():
    title = "Thông báo về việc tuyển dụng viên chức năm 2024 của Ủy ban nhân dân huyện Tân Phú (đợt 31)"
    root = lxml_html.document_fromstring(f"<html><body><h1>{title} <span>Mới</span></h1><div><p>{PROSE}</p>"
                                         "</div></body></html>")
    other = Candidate("trafilatura", f"{title} Mới\n| {PROSE} |")
    assert choose(Candidate("located", PROSE), other, root, title=title).gain["trafilatura"] == 0


def test_trafilaturas_reading_that_our_rules_would_cut_to_nothing_gives_way():
    more = "Hội nghị đã đánh giá kết quả thực hiện và đề ra nhiệm vụ trọng tâm cho năm tiếp theo của huyện."
    root = lxml_html.document_fromstring(
        f"<html><body><p>{PROSE}</p><p>Chú thích ảnh</p><p>{more}</p>"
        "<p>Trang chủ hôm nay có nhiều tin mới nhất của cổng.</p></body></html>")
    located = Candidate("located", f"{PROSE}\nChú thích ảnh\n{more}")
    other = Candidate("trafilatura", f"| {PROSE} {more} |\nTrang chủ hôm nay có nhiều tin mới nhất của cổng.")
    assert choose(located, other, root).chosen.name == "located"


def test_trafilaturas_lines_chosen_on_a_portal_are_put_in_the_pages_order():
    # trafilatura reads a block its expressions name first ("ArticleContent") and what it
    # recovers after it: the lead above that block came last
    lead = "Sáng ngày 11/10, đoàn công tác của huyện đã tổ chức kiểm tra tình hình thực hiện nhiệm vụ."
    first = "Tại hội nghị, đồng chí Chủ tịch UBND huyện đã quán triệt các chỉ tiêu chủ yếu của năm 2024."
    second = "Các đại biểu đã thảo luận, đóng góp nhiều ý kiến về giải pháp tháo gỡ khó khăn trong năm."
    page = " ".join([lead, first, second])
    assert _in_page_order([first, second, lead], page) == [lead, first, second]
