"""A document's own page on a portal: its fields go with its file, and the page is no article."""

from __future__ import annotations

from lxml import html

from crawler.documents.detail import document_page, fields_of, stated_cells
from crawler.documents.metadata import document_meta
from crawler.extraction import extract_bytes

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


def test_the_pages_fields_are_a_listing_rows_cells_for_its_file():
    assert stated_cells(document_page(html.fromstring(PAGE))) == [
        "01/CT-UBND", "04/01/2021", "Về việc tăng cường công tác phòng cháy, chữa cháy dịp Tết"]


def test_a_file_that_states_no_day_takes_the_pages():
    """A scan whose day is handwritten: the page's day, said to come from there."""
    row = stated_cells(document_page(html.fromstring(PAGE)))
    meta = document_meta("CHỈ THỊ\nVề việc tăng cường", row=row)
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


def test_fields_printed_as_lines_or_label_and_value_blocks_are_read():
    lines = ("<div class='vb'><p><b>Số ký hiệu:</b> 01/CT-UBND</p><p><b>Ngày ban hành:</b> 04/01/2021</p>"
             "<p><b>Trích yếu:</b> Về việc tăng cường</p><p><a href='/f/1.pdf'>Tải về</a></p></div>")
    blocks = ("<div class='vb'><div class='row'><label>Số ký hiệu</label><span>01/CT-UBND</span></div>"
              "<div class='row'><label>Ngày ban hành</label><span>04/01/2021</span></div>"
              "<div class='row'><label>Trích yếu</label><span>Về việc tăng cường</span></div>"
              "<a href='/f/1.pdf'>Tải về</a></div>")
    for printed in (lines, blocks):
        assert document_page(html.fromstring(f"<html><body>{printed}</body></html>")) == {
            "number": "01/CT-UBND", "issued": "04/01/2021", "subject": "Về việc tăng cường"}


def test_a_listing_drawn_with_blocks_gives_each_file_its_rows_cells():
    from crawler.documents.rows import row_cells

    rows = "".join(f"<div class='item'><div>0{n}/CT-UBND</div><div>0{n}/01/2021</div>"
                   f"<div><a href='/f/{n}.pdf'>Về việc số {n} của tỉnh</a></div></div>" for n in (1, 2))
    anchors = list(html.fromstring(f"<div class='list'>{rows}</div>").iter("a"))
    assert [row_cells(a) for a in anchors] == [["01/CT-UBND", "01/01/2021", "Về việc số 1 của tỉnh"],
                                                ["02/CT-UBND", "02/01/2021", "Về việc số 2 của tỉnh"]]


def test_a_pages_own_blocks_beside_an_attached_file_are_no_listing_row():
    from crawler.documents.rows import row_cells

    block = ("<div><p>File đính kèm: Kế hoạch tổ chức hội nghị tổng kết năm</p>"
             "<a href='/f/x.pdf'>Tải về</a></div>")
    assert row_cells(html.fromstring(block).find(".//a")) == []


def test_an_article_that_states_a_documents_fields_above_its_own_prose_stays_an_article():
    sentence = "Ủy ban nhân dân tỉnh yêu cầu các sở, ngành triển khai ngay các biện pháp cần thiết. "
    prose = f"<p>{sentence * 20}</p>"
    page = PAGE.replace("</table>", f"</table>{prose}")
    assert extract_bytes(page.encode(), "http://tinh.gov.vn/tin/chi-thi-01.html").is_article


def test_rows_labelled_by_header_cells_are_read_label_first():
    table = html.fragment_fromstring("<table><tr><th>Số ký hiệu</th><td>125/QĐ-UBND</td></tr>"
                                     "<tr><th>Ngày ban hành</th><td>12/08/2024</td></tr></table>")
    assert fields_of(table) == {"number": "125/QĐ-UBND", "issued": "12/08/2024"}


def test_other_portals_labels_name_the_same_fields():
    table = html.fragment_fromstring(
        "<table><tr><td>Ký hiệu văn bản</td><td>125/QĐ-UBND</td></tr><tr><td>Ngày phát hành</td>"
        "<td>12/08/2024</td></tr><tr><td>Tên văn bản</td><td>Về việc phê duyệt kế hoạch</td></tr>"
        "<tr><td>Đơn vị phát hành</td><td>UBND huyện Tân Phú</td></tr></table>")
    assert fields_of(table) == {"number": "125/QĐ-UBND", "issued": "12/08/2024",
                                "subject": "Về việc phê duyệt kế hoạch", "issuer": "UBND huyện Tân Phú"}


def test_a_grids_rows_of_label_and_value_columns_are_read():
    grid = html.fragment_fromstring(
        "<div><div class='row'><div class='col-3'>Số ký hiệu</div><div class='col-9'>125/QĐ-UBND</div>"
        "</div><div class='row'><div class='col-3'>Ngày ban hành</div><div class='col-9'>12/08/2024</div>"
        "</div></div>")
    assert fields_of(grid) == {"number": "125/QĐ-UBND", "issued": "12/08/2024"}


def test_a_table_of_two_fields_a_row_is_a_documents_page_with_its_file_below():
    rows = ("<tr><td>Số ký hiệu</td><td>125/QĐ-UBND</td><td>Ngày ban hành</td><td>12/08/2024</td></tr>"
            "<tr><td>Loại văn bản</td><td>Quyết định</td><td>Người ký</td><td>Nguyễn Văn A</td></tr>")
    page = html.fromstring(f"<html><body><div class='detail'><table>{rows}</table><div>Tệp đính kèm: "
                           "<a href='/files/125.pdf'>125.pdf</a></div></div></body></html>")
    assert document_page(page) == {"number": "125/QĐ-UBND", "issued": "12/08/2024", "type": "Quyết định",
                                   "signer": "Nguyễn Văn A"}


def test_a_header_row_of_four_labels_over_a_list_is_no_documents_page():
    rows = "<tr><th>Số ký hiệu</th><th>Ngày ban hành</th><th>Trích yếu</th><th>Tải về</th></tr>" + "".join(
        f"<tr><td>{i}/QĐ-UBND</td><td>12/08/2024</td><td>Về việc số {i}</td><td><a href='/f/{i}.pdf'>Tải</a>"
        "</td></tr>" for i in range(5))
    assert document_page(html.fromstring(f"<html><body><table>{rows}</table></body></html>")) == {}
