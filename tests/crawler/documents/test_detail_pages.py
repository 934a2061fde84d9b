"""A document's own page on a portal: its fields go with its file, and the page is no article."""

from __future__ import annotations

from lxml import html

from crawler.documents.detail import document_fields, document_page, fields_of, stated_cells
from crawler.documents.metadata import document_meta
from crawler.extraction import extract_bytes
from spiders.portal import _row_cells

TABLE = ("<table class='vb'><tr><td>Số ký hiệu:</td><td>01/CT-UBND</td></tr>"
         "<tr><td>Ngày ban hành</td><td>04/01/2021</td></tr>"
         "<tr><td>Ngày hiệu lực</td><td>15/01/2021</td></tr>"
         "<tr><td>Trích yếu</td><td>Về việc tăng cường công tác phòng cháy, chữa cháy dịp Tết</td></tr>"
         "<tr><td>Người ký</td><td>Đặng Văn Minh</td></tr>"
         "<tr><td>File đính kèm</td><td><a href='/files/ct-01.pdf'>Tải về</a></td></tr></table>")
PAGE = ("<html><head><title>Văn bản - UBND tỉnh</title></head><body>"
        "<div class='menu'><a href='/'>Trang chủ</a></div>"
        f"<div class='main'><h2>Chi tiết văn bản</h2>{TABLE}</div></body></html>")


def test_the_tables_rows_are_read_as_the_fields_they_label():
    fields = fields_of(html.fromstring(TABLE))
    assert fields == {"number": "01/CT-UBND", "issued": "04/01/2021", "effective": "15/01/2021",
                      "subject": "Về việc tăng cường công tác phòng cháy, chữa cháy dịp Tết",
                      "signer": "Đặng Văn Minh"}


def test_the_link_to_the_file_carries_the_fields_as_a_listing_rows_cells():
    anchor = html.fromstring(PAGE).xpath("//a[contains(@href, '.pdf')]")[0]
    assert stated_cells(document_fields(anchor)) == [
        "01/CT-UBND", "04/01/2021", "Về việc tăng cường công tác phòng cháy, chữa cháy dịp Tết"]
    assert _row_cells(anchor) == stated_cells(document_fields(anchor))


def test_a_file_that_states_no_day_takes_the_pages():
    """A scan whose day is handwritten: the page's day, said to come from there."""
    anchor = html.fromstring(PAGE).xpath("//a[contains(@href, '.pdf')]")[0]
    meta = document_meta("CHỈ THỊ\nVề việc tăng cường", row=_row_cells(anchor))
    assert (meta.number, meta.issued_on) == ("01/CT-UBND", "2021-01-04")
    assert meta.sources["issued_on"] == "listing row"


def test_the_documents_page_is_no_article():
    result = extract_bytes(PAGE.encode(), "http://tinh.gov.vn/van-ban/chi-tiet?id=1")
    assert not result.is_article
    assert result.reason == "a document's page (01/CT-UBND)"


def test_a_list_of_documents_under_a_header_row_is_no_documents_page():
    listing = ("<table><tr><th>Số ký hiệu</th><th>Ngày ban hành</th><th>Trích yếu</th></tr>"
               "<tr><td>01/CT-UBND</td><td>04/01/2021</td>"
               "<td><a href='/f/1.pdf'>Về việc A</a></td></tr></table>")
    assert document_page(html.fromstring(f"<div>{listing}</div>")) == {}


def test_a_page_that_states_a_document_and_gives_its_text_without_a_file_keeps_it():
    table = TABLE.replace("<a href='/files/ct-01.pdf'>Tải về</a>", "")
    assert document_page(html.fromstring(f"<div>{table}</div>")) == {}
