"""A page's ``<base href>`` is what its relative links resolve against: its attached files and
its canonical address too."""

from __future__ import annotations

from crawler.extraction import extract_html

BODY = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân huyện tổ chức hội nghị tổng kết công tác cải cách hành chính "
               "với sự tham dự của lãnh đạo các phòng, ban, ngành.</p>" for i in range(4))


def _page(head: str) -> str:
    return (f"<html><head>{head}<title>Hội nghị tổng kết</title></head><body>"
            "<h1>Huyện Tân Hưng tổ chức hội nghị tổng kết công tác cải cách hành chính</h1>"
            f"<div class='date'>03/03/2024</div><div class='content'><a href='#muc-1'>Mục 1</a>{BODY}"
            "<p>Tệp đính kèm: <a href='files/qd-12.pdf'>Quyết định số 12</a></p></div></body></html>")


URL = "http://x.gov.vn/tin-tuc/bai-1.html"


def test_an_attached_file_resolves_against_the_base():
    result = extract_html(_page("<base href='/vn/'>"), URL)
    assert [a["url"] for a in result.attachments] == ["http://x.gov.vn/vn/files/qd-12.pdf"]


def test_without_a_base_a_file_resolves_against_the_page():
    result = extract_html(_page(""), URL)
    assert [a["url"] for a in result.attachments] == ["http://x.gov.vn/tin-tuc/files/qd-12.pdf"]


def test_a_relative_canonical_address_resolves_against_the_base():
    result = extract_html(_page("<base href='/vn/'><link rel='canonical' href='tin/bai-1.html'>"), URL)
    assert result.url == "http://x.gov.vn/vn/tin/bai-1.html"
