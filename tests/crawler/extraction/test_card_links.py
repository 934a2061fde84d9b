"""Cards and rows a script makes clickable by ``data-href`` read as the links they are: a
section page of such cards is a listing, not an article."""

from __future__ import annotations

from lxml import html

from crawler.extraction import extract_html
from crawler.extraction.result import Rejection
from crawler.extraction.tree import link_cards

TOPICS = ["Hội nghị tổng kết công tác cải cách hành chính năm 2024 của huyện",
          "Ra quân chiến dịch thanh niên tình nguyện hè trên địa bàn huyện",
          "Tập huấn chuyển đổi số cho cán bộ, công chức cấp xã năm 2024",
          "Kiểm tra công tác phòng cháy chữa cháy tại các chợ trên địa bàn",
          "Trao quà cho các gia đình chính sách nhân dịp kỷ niệm ngày thương binh liệt sĩ",
          "Khai giảng lớp bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 4",
          "Đoàn công tác của tỉnh làm việc với huyện về xây dựng nông thôn mới",
          "Phát động phong trào thi đua yêu nước giai đoạn 2024 - 2025 trên toàn huyện"]


def _cards(row: str) -> str:
    cards = "".join(row.format(n=n, topic=topic, day=n + 3) for n, topic in enumerate(TOPICS))
    return (f"<html><head><title>Tin tức - Sự kiện</title></head><body><h1>Tin tức - Sự kiện</h1>"
            f"<div class='list'>{cards}</div></body></html>")


CARD = ("<div class='card' data-href='/tin/{n}.html'><h3>{topic}</h3><span>{day:02d}/03/2024</span>"
        "<p>Sáng nay, Ủy ban nhân dân huyện tổ chức {topic} với sự tham dự của đại diện lãnh đạo "
        "các phòng, ban, ngành và Ủy ban nhân dân các xã, thị trấn trên địa bàn.</p></div>")


def test_a_section_page_of_clickable_cards_is_a_listing():
    result = extract_html(_cards(CARD), "http://x.gov.vn/tin-tuc/")
    assert result.rejection == Rejection.LISTING, result.reason


def test_a_cards_heading_becomes_its_link():
    root = html.fromstring("<div data-href='/tin/1.html'><h3>Tin <b>một</b> mới</h3><p>Tóm tắt</p></div>")
    link_cards(root, "data-href")
    (a,) = root.iter("a")
    assert (a.get("href"), a.text_content(), a.getparent().tag) == ("/tin/1.html", "Tin một mới", "h3")


def test_a_rows_longest_cell_becomes_its_link():
    root = html.fromstring("<table><tr data-link='ChiTiet.aspx?id=2'><td>1</td><td>Hội nghị tổng kết năm</td>"
                           "<td>03/03/2024</td></tr></table>")
    link_cards(root, "data-link")
    (a,) = root.iter("a")
    assert (a.get("href"), a.text, a.getparent().text) == ("ChiTiet.aspx?id=2", "Hội nghị tổng kết năm", None)


def test_a_card_that_links_already_is_left_as_it_is():
    root = html.fromstring("<div data-href='/tin/1.html'><h3><a href='/tin/1.html'>Tin 1</a></h3></div>")
    link_cards(root, "data-href")
    assert len(list(root.iter("a"))) == 1
