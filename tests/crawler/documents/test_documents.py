"""Documents read from real files made here: kinds, text, OCR, legacy fonts, metadata, bad input."""

from __future__ import annotations

import gzip
import io
import shutil
import zipfile

import pytest
from conftest import ROOT
from documents_factory import DECISION, docx_file, scanned_pdf, sealed_scan, text_pdf, to_tcvn3

from common.legacy import from_tcvn3, from_vni, legacy_encoding, to_unicode
from crawler.documents import process_document
from crawler.documents.detect import file_name, sniff
from crawler.documents.metadata import document_meta, find_number, issued_on, type_of
from crawler.documents.ocr import ocr_problem

needs_ocr = pytest.mark.skipif(ocr_problem() is not None, reason=f"no OCR here: {ocr_problem()}")


# kinds -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("body", "content_type", "kind"), [
    (b"%PDF-1.7\n...", "application/octet-stream", "pdf"),
    (b"{\\rtf1\\ansi hello}", "", "rtf"),
    (b"<!DOCTYPE html><html><body>404</body></html>", "application/pdf", None),  # a .pdf that is HTML
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "application/msword", "doc"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "application/vnd.ms-excel", "xls"),
    (b"random bytes", "application/vnd.ms-excel", "xls"),
    (b"random bytes", "application/octet-stream", None),
])
def test_the_kind_comes_from_the_bytes_first(body, content_type, kind):
    assert sniff(body, content_type) == kind


def test_a_docx_is_told_from_a_plain_zip():
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("bao-cao.txt", "x")
    assert sniff(docx_file(["a"])) == "docx"
    assert sniff(plain.getvalue()) == "zip"


@pytest.mark.parametrize(("url", "disposition", "name"), [
    ("http://x.gov.vn/DownloadFile.aspx?id=7", 'attachment; filename="tb-07.pdf"', "tb-07.pdf"),
    ("http://x.gov.vn/f", "attachment; filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh.pdf",
     "Quyết định.pdf"),
    ("http://x.gov.vn/vb/Quy%E1%BA%BFt-dinh.pdf", "", "Quyết-dinh.pdf"),
    ("http://x.gov.vn/f", 'attachment; filename="..\\\\..\\\\evil.pdf"', "evil.pdf"),
])
def test_the_file_name_comes_from_content_disposition_else_the_url(url, disposition, name):
    assert file_name(url, disposition) == name


# text --------------------------------------------------------------------------------------------
def test_a_pdf_text_layer_is_read_in_nfc():
    record = process_document(text_pdf(DECISION), "http://x.gov.vn/qd.pdf")
    assert record.kind == "pdf" and record.text_method == "pdf" and record.pages == 1
    assert "Phê duyệt Kế hoạch phòng, chống dịch tả lợn châu Phi năm 2024" in record.text
    assert record.ocr_pending == 0 and record.note == ""


def test_docx_paragraphs_and_tables_are_read_in_order():
    body = docx_file(["KẾ HOẠCH", "Triển khai chuyển đổi số"], table=[["STT", "Nhiệm vụ"], ["1", "Số hóa"]])
    record = process_document(body, "http://x.gov.vn/kh.docx")
    assert record.text_method == "docx"
    assert record.text.splitlines() == ["KẾ HOẠCH", "Triển khai chuyển đổi số", "STT\tNhiệm vụ", "1\tSố hóa"]


def test_a_spreadsheet_is_read_as_rows():
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Danh sách"
    book.active.append(["Xã", "Số hộ nghèo"])
    book.active.append(["Mỹ Hưng", 12])
    out = io.BytesIO()
    book.save(out)
    record = process_document(out.getvalue(), "http://x.gov.vn/ds.xlsx")
    assert record.kind == "xlsx"
    assert record.text.splitlines() == ["# Danh sách", "Xã\tSố hộ nghèo", "Mỹ Hưng\t12"]


def test_a_zip_is_kept_with_its_table_of_contents():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("Quyết định 123.pdf", "x")
        archive.writestr("Phụ lục.docx", "y")
    record = process_document(out.getvalue(), "http://x.gov.vn/hs.zip")
    assert record.kind == "zip" and record.text.splitlines() == ["Quyết định 123.pdf", "Phụ lục.docx"]


@pytest.mark.skipif(not shutil.which("antiword"), reason="no antiword")
def test_a_word_97_file_is_read_with_antiword():
    body = (ROOT / "crawler/demo/files/cv-1234-ubnd.doc").read_bytes()  # written by LibreOffice
    record = process_document(body, "http://x.gov.vn/cv.doc")
    assert (record.kind, record.text_method, record.number, record.doc_type, record.signer) == (
        "doc", "doc", "1234/UBND-VP", "Công văn", "Nguyễn Thị Hồng")
    assert "Để chủ động ứng phó với mưa bão" in record.text


@pytest.mark.skipif(not (shutil.which("antiword") or shutil.which("catdoc")), reason="no antiword/catdoc")
def test_a_word_97_file_that_the_tools_cannot_read_is_kept_with_a_note():
    record = process_document(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "http://x.gov.vn/a.doc")
    assert record.kind == "doc" and record.text == "" and "cannot read" in record.note


# legacy font encodings ---------------------------------------------------------------------------
@pytest.mark.parametrize(("legacy", "unicode"), [
    ("B¶o Th¾ng", "Bảo Thắng"),
    ("M\xadêng Kh\xad¬ng", "Mường Khương"),
    ("ñy ban nh©n d©n huyÖn", "ủy ban nhân dân huyện"),
    ("QuyÕt ®Þnh phª duyÖt kÕ ho¹ch", "Quyết định phê duyệt kế hoạch"),
])
def test_tcvn3_text_is_converted(legacy, unicode):
    assert from_tcvn3(legacy) == unicode
    assert legacy_encoding(" ".join([legacy] * 3)) == "tcvn3"


@pytest.mark.parametrize(("legacy", "unicode"), [
    ("Vieät Nam", "Việt Nam"),
    ("Xin chaøo caùc baïn", "Xin chào các bạn"),
    ("Quyeát ñònh pheâ duyeät keá hoaïch", "Quyết định phê duyệt kế hoạch"),
    ("Ñaûng boä tænh Soùc Traêng", "Đảng bộ tỉnh Sóc Trăng"),
    ("ngöôøi daân", "người dân"),
])
def test_vni_text_is_converted(legacy, unicode):
    assert from_vni(legacy) == unicode
    assert legacy_encoding(" ".join([legacy] * 3)) == "vni"


@pytest.mark.parametrize("text", ["Ủy ban nhân dân tỉnh Sóc Trăng, hoà toàn, thuỷ lợi",
                                  "Café à la française, déjà vu", "Số 16/CT-TTg ngày 31/3/2020"])
def test_unicode_and_other_latin_text_is_left_alone(text):
    assert to_unicode(text) == (text, None)


def test_a_document_typed_in_tcvn3_is_stored_in_unicode():
    record = process_document(docx_file([to_tcvn3(line) for line in DECISION]), "http://x.gov.vn/qd.docx")
    assert record.encoding == "tcvn3"
    assert "phê duyệt kế hoạch phòng, chống dịch tả lợn châu phi" in record.text.lower()
    assert record.number == "123/QĐ-UBND"


# OCR ---------------------------------------------------------------------------------------------
@needs_ocr
def test_a_scan_whose_only_text_is_its_signature_stamp_is_ocrd():
    body = scanned_pdf(["THÔNG BÁO", "Về lịch tiếp công dân tháng 5 năm 2024"],
                       stamp="Ký bởi: Ủy ban nhân dân huyện Mỹ Xuyên")
    record = process_document(body, "http://x.gov.vn/tb.pdf")
    assert record.text_method == "ocr" and record.ocr_pending == 0
    assert "tiếp công dân" in record.text.lower()


@needs_ocr
def test_a_name_under_a_red_seal_is_read_with_the_seal_taken_out():
    """In grey the seal's ring is as dark as the print and OCR reads no name; the signature
    block beside "Nơi nhận" is read again from the red channel."""
    from crawler.documents.ocr import ocr_pdf_pages

    body = sealed_scan(["ỦY BAN NHÂN DÂN", "Số: 12/UBND-VP", "V/v tăng cường phòng, chống lụt bão",
                        "Kính gửi: Ủy ban nhân dân các xã.", "Đề nghị các xã kiểm tra đê bao."],
                       ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Nguyễn Thị Hồng")
    assert "Hồng" not in ocr_pdf_pages(body, [0])[0].text  # what the page's OCR gives alone
    record = process_document(body, "http://x.gov.vn/cv12.pdf")
    assert record.signer == "Nguyễn Thị Hồng"
    assert '"signer": {"source": "signature block"' in record.meta_sources


@needs_ocr
def test_a_black_and_white_scan_is_not_read_again():
    """A seal in black cannot be told from the print: no second reading, no name guessed."""
    import pypdfium2 as pdfium

    body = sealed_scan(["ỦY BAN NHÂN DÂN", "Số: 12/UBND-VP", "Kính gửi: Các xã."],
                       ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Nguyễn Thị Hồng")
    grey = io.BytesIO()
    page = pdfium.PdfDocument(body)[0].render(scale=200 / 72, grayscale=True).to_pil()
    page.save(grey, "PDF", resolution=200.0)
    assert process_document(grey.getvalue(), "http://x.gov.vn/cv12.pdf").signer is None


def test_without_ocr_a_scan_is_kept_pending_with_a_note():
    record = process_document(scanned_pdf(["THÔNG BÁO"]), "http://x.gov.vn/tb.pdf", ocr=False)
    assert record.ocr_pending == 1 and "govarchive ocr" in record.note and record.text == ""


# metadata: real forms ----------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "number"), [
    ("Số: 123/QĐ-UBND", "123/QĐ-UBND"), ("Số 16/CT-TTg", "16/CT-TTg"),
    ("Số: 45/2023/NĐ-CP", "45/2023/NĐ-CP"), ("Số: 1234/UBND-VP", "1234/UBND-VP"),
    ("Thông tư 05/2024/TT-BTC hướng dẫn", "05/2024/TT-BTC"),
    # the number is typed (or stamped) into the gap the template leaves before the slash
    ("Số: 07 /TB-UBND", "07/TB-UBND"), ("Số: 779     /QĐ-UBND", "779/QĐ-UBND"),
    ("Số: /BC-UBND Lâm Đồng, ngày tháng 12 năm 2025", None),  # left blank: the e-signature stamps it
    ("Số: 409/TTr-CAT(PC04)", "409/TTr-CAT(PC04)"), ("Số: 2775/SNV-CCHC&VTLT", "2775/SNV-CCHC&VTLT"),
    ("Số 36-HD/VPTW", "36-HD/VPTW"),
    ("ngày 12/03/2024", None), ("Số: 02/NQ-HĐND", "02/NQ-HĐND"), ("Số: 88/TTr-SNN", "88/TTr-SNN"),
])
def test_numbers_and_symbols(text, number):
    assert find_number(text) == number


@pytest.mark.parametrize(("number", "doc_type"), [
    ("123/QĐ-UBND", "Quyết định"), ("16/CT-TTg", "Chỉ thị"), ("45/KH-UBND", "Kế hoạch"),
    ("07/TB-UBND", "Thông báo"), ("12/BC-UBND", "Báo cáo"), ("45/2023/NĐ-CP", "Nghị định"),
    ("1234/UBND-VP", "Công văn"), ("88/TTr-SNN", "Tờ trình"), ("02/NQ-HĐND", "Nghị quyết"),
])
def test_the_type_follows_from_the_symbol(number, doc_type):
    assert type_of([], number, None, [], []) == (doc_type, "symbol")


@pytest.mark.parametrize(("text", "day"), [
    ("Sóc Trăng, ngày 12 tháng 3 năm 2024", "2024-03-12"),
    ("Hà Nội, ngày 05 tháng 10 năm 2023", "2023-10-05"),
    ("12/03/2024", "2024-03-12"), ("ngày 31 tháng 2 năm 2024", None), ("ngày 12 tháng 3 năm 1890", None),
])
def test_dates_issued(text, day):
    assert issued_on(text) == day


def test_a_decision_heading_gives_every_field():
    meta = document_meta("\n".join(DECISION))
    assert (meta.number, meta.doc_type, meta.issuer, meta.issued_on, meta.signer) == (
        "123/QĐ-UBND", "Quyết định", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG",  # the authority under it
        "2024-03-12", "Lâm Hoàng Nghiệp")
    assert meta.subject == "Về việc phê duyệt Kế hoạch phòng, chống dịch tả lợn châu Phi năm 2024"


@pytest.mark.parametrize(("header", "issuer"), [
    # the lower body, with the place the body above it names
    ("UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ NỘI VỤ TỈNH LÂM ĐỒNG"),
    ("BỘ CÔNG AN\nCÔNG AN TỈNH LÂM ĐỒNG", "CÔNG AN TỈNH LÂM ĐỒNG"),
    # one name on two lines; the motto run together with it, its marks misread by OCR
    ("ỦY BAN NHÂN DÂN\tCỌNG HÒA XÃ HỌI CHỦ NGHĨA VIỆT NAM\nTỈNH BÌNH DƯƠNG\tĐộc lập - Tự do - Hạnh phúc",
     "ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG"),
    ("UBND TỈNH LÂM ĐỒNG CÔNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ KHOA HỌC VÀ CÔNG NGHỆ Độc lập – Tự do",
     "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH LÂM ĐỒNG"),
    # a speck before the header and OCR's stray letters beside it
    ("___\tUBND HUYỆN MỸ XUYÊN\nTH\nPHÒNG NỘI VỤ", "PHÒNG NỘI VỤ HUYỆN MỸ XUYÊN"),
    ("BAN CHẤP HÀNH TRUNG ƯƠNG\nVĂN PHÒNG\n-------\tĐẢNG CỘNG SẢN VIỆT NAM", "VĂN PHÒNG TRUNG ƯƠNG ĐẢNG"),
    # words OCR ran together, the parent's place too
    ("UBNDTỈNHPHÚTHỌ . CỘNG HOÀ XÃ HỌI\nSỞ THÔNG TIN VÀ TRUYỀNTHÔNG",
     "SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH PHÚ THỌ"),
    # a Party committee under the organisation it leads: "HUYỆN ỦY" is a body, not a place
    ("ĐẢNG BỘ TỈNH AN GIANG\tĐẢNG CỘNG SẢN VIỆT NAM\nHUYỆN ỦY CHÂU THÀNH\n*",
     "HUYỆN ỦY CHÂU THÀNH TỈNH AN GIANG"),
    # the state's other bodies under their own: the courts, the funds, the banks, the associations
    ("BẢO HIỂM XÃ HỘI VIỆT NAM\nBẢO HIỂM XÃ HỘI TỈNH AN GIANG", "BẢO HIỂM XÃ HỘI TỈNH AN GIANG"),
    ("TÒA ÁN NHÂN DÂN TỐI CAO\nTÒA ÁN NHÂN DÂN TỈNH AN GIANG", "TÒA ÁN NHÂN DÂN TỈNH AN GIANG"),
    ("HỘI NÔNG DÂN VIỆT NAM\nHỘI NÔNG DÂN TỈNH AN GIANG", "HỘI NÔNG DÂN TỈNH AN GIANG"),
    ("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM\nCHI NHÁNH TỈNH AN GIANG",
     "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM CHI NHÁNH TỈNH AN GIANG"),
    # a long name wrapped: one body
    ("UBND TỈNH AN GIANG\nSỞ NÔNG NGHIỆP VÀ\nPHÁT TRIỂN NÔNG THÔN",
     "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN TỈNH AN GIANG"),
])
def test_the_issuer_is_the_lower_body_of_the_left_column(header, issuer):
    letter = header + "\nSố: 12/UBND-VP\nV/v tăng cường công tác\nKính gửi: Các xã"
    assert document_meta(letter).issuer == issuer


def test_a_letter_and_a_two_column_heading():
    meta = document_meta("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                         "HUYỆN MỸ XUYÊN Độc lập - Tự do - Hạnh phúc\nSố: 1234/UBND-VP\n"
                         "V/v tăng cường phòng chống lụt bão\nMỹ Xuyên, ngày 5 tháng 9 năm 2023\n"
                         "Kính gửi: ...")
    assert (meta.number, meta.doc_type, meta.issuer, meta.issued_on) == (
        "1234/UBND-VP", "Công văn", "ỦY BAN NHÂN DÂN HUYỆN MỸ XUYÊN", "2023-09-05")
    assert meta.subject == "V/v tăng cường phòng chống lụt bão"


def test_a_listing_row_fills_what_the_file_does_not_state():
    meta = document_meta("", row=["16/CT-TTg", "31/03/2020",
                                  "Chỉ thị về thực hiện các biện pháp cấp bách phòng, chống dịch COVID-19"])
    assert (meta.number, meta.doc_type, meta.issued_on) == ("16/CT-TTg", "Chỉ thị", "2020-03-31")
    assert meta.subject == "Về thực hiện các biện pháp cấp bách phòng, chống dịch COVID-19"


# bad input ---------------------------------------------------------------------------------------
def test_a_damaged_pdf_is_kept_with_the_reason():
    record = process_document(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "http://x.gov.vn/a.pdf")
    assert record.kind == "pdf" and record.text == "" and record.note.startswith("damaged PDF")


def test_an_encrypted_pdf_is_kept_with_a_note():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(DECISION))))
    writer.encrypt(user_password="mat-khau", owner_password="chu")
    out = io.BytesIO()
    writer.write(out)
    record = process_document(out.getvalue(), "http://x.gov.vn/a.pdf")
    assert record.text == "" and "encrypted" in record.note


def test_a_zip_bomb_docx_is_refused_without_unpacking():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b" " * (300 << 20))
    record = process_document(out.getvalue(), "http://x.gov.vn/bomb.docx")
    assert record.kind == "docx" and record.text == "" and "zip bomb" in record.note


def test_a_500_page_pdf_is_read_whole_and_fast():
    record = process_document(text_pdf(["Trang có nội dung về kế hoạch năm 2024."], pages=500),
                              "http://x.gov.vn/dai.pdf")
    assert record.pages == 500 and record.text.count("kế hoạch năm 2024") == 500


def test_a_gzip_file_is_not_a_document():
    assert process_document(gzip.compress(b"x" * 100), "http://x.gov.vn/a.gz") is None


# metadata: the layout of the header and the signature block ---------------------------------------
CITING = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LÂM ĐỒNG\tĐộc lập - Tự do - Hạnh phúc
Số: /QĐ-UBND\tLâm Đồng, ngày tháng 12 năm 2025
QUYẾT ĐỊNH
Về việc cho phép hợp nhất Đoàn Luật sư tỉnh Lâm Đồng
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
Căn cứ Nghị định số 126/2024/NĐ-CP ngày 08 tháng 10 năm 2024 của Chính phủ;
QUYẾT ĐỊNH:
Điều 1. Cho phép hợp nhất.
Nơi nhận:\tKT. CHỦ TỊCH
- Như Điều 3;\tPHÓ CHỦ TỊCH
- Lưu: VT.
\t(Đã ký)
\tThiếu tướng Trương Minh Đương
"""


def test_cited_documents_are_never_the_documents_own_number_or_date():
    meta = document_meta(CITING)
    assert (meta.number, meta.issued_on) == (None, None)  # left blank for the stamp, not 126/2024/NĐ-CP
    assert meta.doc_type == "Quyết định" and meta.subject.startswith("Về việc cho phép hợp nhất")


def test_the_signer_is_read_beside_the_recipients_without_a_rank():
    assert document_meta(CITING).signer == "Trương Minh Đương"


@pytest.mark.parametrize("degree", ["TS.", "PGS.TS.", "ThS.", "BSCKII.", "GS. TSKH."])
def test_the_signer_is_read_without_a_degree(degree):
    text = CITING.replace("Thiếu tướng Trương Minh Đương", f"{degree} Nguyễn Hữu Tài")
    assert document_meta(text).signer == "Nguyễn Hữu Tài"


def test_the_subject_stops_at_the_place_and_date_line():
    text = ("SỞ NỘI VỤ\nSố: 215/SNV-CCHC\nV/v góp ý dự thảo Kế hoạch kiểm tra cải cách hành chính\n"
            "năm 2026 Lâm Đồng, ngày 14 tháng 01 năm 2026\nKính gửi: Các sở, ngành")
    assert document_meta(text).subject == "V/v góp ý dự thảo Kế hoạch kiểm tra cải cách hành chính"


def test_a_text_layer_made_by_an_ocr_without_vietnamese_is_read_again():
    from crawler.documents.text import pages_to_ocr

    garbled = ("Uy ban nhdn dAn tinh t6 chric bu6i lam viec d,5 nghe Sd NQi vu b6o c6o rllnh gi6 !6t qu6 "
               "vi gi6i ph6p n6ng cao c6c chi s5 PAR INDEX, PAPI, SIPAS, PCI, chi s6 c6i c6ch hdnh chinh "
               "d6i v6i dlch 4r c6ng tr.uc tuy€n. Cht tri: Ddng chi Nguy6n Ngqc Phirc Tinh riy vi6n Ph6 Chri")
    assert pages_to_ocr([garbled, garbled, ""]) == [0, 1, 2]  # the scanner OCR'd the whole file
    vietnamese = "Ủy ban nhân dân tỉnh tổ chức buổi làm việc để nghe Sở Nội vụ báo cáo " * 5
    assert pages_to_ocr([vietnamese, "", vietnamese]) == [1]


def test_the_blanks_a_typed_header_leaves_for_the_signature_stamp():
    from crawler.documents.metadata import blanks, with_stamps

    assert blanks(CITING) == ("/QĐ-UBND", (12, 2025))
    meta = with_stamps(document_meta(CITING), CITING, "2536", 12)
    assert (meta.number, meta.issued_on, meta.doc_type) == ("2536/QĐ-UBND", "2025-12-12", "Quyết định")
    printed = CITING.replace("Số: /QĐ-UBND", "Số: 12/QĐ-UBND").replace("ngày tháng", "ngày 3 tháng")
    assert blanks(printed) == (None, None)


@pytest.mark.skipif(ocr_problem() is not None, reason="Tesseract with its Vietnamese model is not installed")
def test_the_stamped_number_and_day_are_read_from_a_real_signed_report():
    """A province's report signed in 2025: 'Số: /BC-UBND', 'ngày tháng 12 năm 2025' in its text,
    329 and 19 drawn by the signature fields over the blanks."""
    from conftest import ROOT

    from crawler.documents.stamps import Stamped, stamped_header

    body = (ROOT / "tests/fixtures/real-documents/files/16-lamdong-ubnd-bc329-2025.pdf").read_bytes()
    assert stamped_header(body) == Stamped("329", 19)
    record = process_document(body, "https://lamdong.gov.vn/bc-329.pdf")
    assert (record.number, record.issued_on) == ("329/BC-UBND", "2025-12-19")


def test_a_heading_beside_the_date_or_misread_by_ocr_still_names_the_type():
    beside = ("THANH TRA CHÍNH PHỦ\nSố: 2442/2007/TT-TTCP\nHà Nội, ngày 13 tháng 11 năm 2007 | |THÔNG TƯ\n"
              "Hướng dẫn thi hành Nghị định số 37/2007/NĐ-CP ngày 09 tháng 3 năm 2007 của Chính phủ\n"
              "Căn cứ Luật phòng, chống tham nhũng năm 2005;")
    meta = document_meta(beside)
    assert meta.doc_type == "Thông tư"
    assert meta.subject == ("Hướng dẫn thi hành Nghị định số 37/2007/NĐ-CP ngày 09 tháng 3 năm 2007 "
                            "của Chính phủ")
    misread = "BỘ CÔNG AN\nSố: 996/TCT-C04\nKÉ HOẠCH\nPhối hợp kiểm soát ma túy năm 2026\nCăn cứ Nghị định"
    assert document_meta(misread).doc_type == "Kế hoạch"


def test_the_subject_stops_at_a_stamp_of_dots_or_an_authority():
    text = ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 1009/QĐ-TTg\nQUYẾT ĐỊNH\nPhê duyệt nhiệm vụ quy hoạch\n"
            "đa Giờ....................... eo THỦ TƯỚNG CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ")
    assert document_meta(text).subject == "Phê duyệt nhiệm vụ quy hoạch"


def test_a_received_stamp_beside_the_subject_is_not_part_of_it():
    """A boxed "ĐẾN" stamp left of a centred subject: OCR puts its noise in a cell of its own,
    and the title authority beside the stamp ends the subject."""
    text = ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 1053/QĐ-TTg\nQUYẾT ĐỊNH\nVề việc xuất cấp hạt giống cây trồng\n"
            "(cÏomùmmnfniaannn]\thỗ trợ tỉnh Lào Cai\n[ĐẾN rơm\tTHỦ TƯỚNG CHÍNH PHỦ\nCăn cứ Luật")
    assert document_meta(text).subject == "Về việc xuất cấp hạt giống cây trồng hỗ trợ tỉnh Lào Cai"
    letter = "UBND HUYỆN\nSố: 12/UBND\nV/v phòng chống lụt bão\tMỹ Xuyên, ngày 5 tháng 9 năm 2024\nKính gửi:"
    assert document_meta(letter).subject == "V/v phòng chống lụt bão"


def test_a_text_layer_in_a_font_without_a_unicode_map_is_ocrd():
    """A phone scanner wrote its text in a font whose codes are no Unicode letters: PDFium gives
    control characters amid them ("TÈNH LÂM \\x10ÒNG"), so the whole file is OCR'd."""
    from crawler.documents.text import pages_to_ocr, unmapped

    layer = ("BØ CÔNG AN CÔNG AN TÈNH LÂM \x10ÒNG\nSÑg8 /TTr- CAT-PC04\n"
             "tĂi gia \x11ỡnh, cÙng \x11ểng trờn \x11ậa bàn ") * 3
    assert unmapped(layer) and pages_to_ocr([layer, layer]) == [0, 1]
    assert not unmapped("Ủy ban nhân dân tỉnh • Sở Nội vụ " * 20 + "\x07")  # one stray code is no sign


def test_a_date_line_run_together_by_ocr_is_read():
    text = "CÔNG AN TỈNH LÂM ĐỒNG\nLâm Đồng, ngày24 tháng 10 nm 2025\nTỜ TRÌNH"
    assert document_meta(text).issued_on == "2025-10-24"


def test_a_month_left_blank_for_the_stamp_is_taken_from_the_stamp():
    from crawler.documents.metadata import blanks, with_stamps

    text = "SỞ NỘI VỤ\nSố: /SNV-VP Lâm Đồng, ngày tháng năm 2025\nV/v hướng dẫn báo cáo\nKính gửi: Các sở"
    assert blanks(text) == ("/SNV-VP", (None, 2025))
    meta = with_stamps(document_meta(text), text, "2775", 10, 11)
    assert (meta.number, meta.issued_on) == ("2775/SNV-VP", "2025-11-10")
    assert with_stamps(document_meta(text), text, "2775", 10).issued_on is None  # no month read: no date


@pytest.mark.skipif(ocr_problem() is not None, reason="Tesseract with its Vietnamese model is not installed")
def test_only_the_ink_a_stamp_adds_is_read_and_italic_days_are_set_upright():
    """A ministry letter signed in 2025: the typed "Số:" and "/BNV" around the blank made the
    number unreadable, and its day is stamped in italics ("11" read as nothing)."""
    from conftest import ROOT

    from crawler.documents.stamps import stamped_header

    body = (ROOT / "tests/fixtures/real-documents/files/18-bnv-cv11902-2025.pdf").read_bytes()
    stamped = stamped_header(body)
    assert (stamped.number, stamped.day) == ("11902", 11)


def test_an_authority_misread_by_ocr_still_leads_to_the_signer():
    text = ("CÔNG AN TỈNH LÂM ĐỒNG\nSố: 298/TTr-CAT-PC04\nTỜ TRÌNH\nKính báo cáo./.\n"
            "Nơi nhận:\tGIÁM ĐÓC\n- Như trên;\n- Lưu VT, PC04.\nThiếu tướng Trương Minh Đương")
    assert document_meta(text).signer == "Trương Minh Đương"


def test_an_e_copys_signed_mark_is_not_part_of_the_name():
    text = "THANH TRA CHÍNH PHỦ\nSố: 2442/2007/TT-TTCP\nKính gửi: Các bộ\n| Nơi nhận: |TỔNG THANH TRA |\n" \
           "|- Ban Bí thư; |Trần Văn Truyền – Đã ký |"
    assert document_meta(text).signer == "Trần Văn Truyền"


def test_where_ocr_lost_the_authority_the_name_beside_the_recipients_is_the_signer():
    text = ("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nSố: 01/CT-UBND\nCHỈ THỊ\nKính gửi: Các sở\n"
            "Chữ ký của ông Trịnh Minh Châu\nquy định./.\nNơi nhận:\n- Thường trực Tỉnh ủy;\t/\n"
            "- CT, PCT UBND tỉnh;\tJ\n- Lưu: VT, K Thngnc602\n“Đặng Văn Minh")
    assert document_meta(text).signer == "Đặng Văn Minh"
    lost = text.replace("Nơi nhận:\n", "").replace("“Đặng Văn Minh", "- Lưu: VT.\tĐại tá Bùi Duy Hưng")
    assert document_meta(lost).signer == "Bùi Duy Hưng"


def test_a_date_left_blank_is_the_day_of_the_last_digital_signature_in_the_printed_month():
    from datetime import date

    from crawler.documents.metadata import with_signing_day

    text = "SỞ NỘI VỤ\nSố: /SNV-VP Lâm Đồng, ngày tháng 11 năm 2025\nV/v báo cáo\nKính gửi: Các sở"
    meta = with_signing_day(document_meta(text), text, date(2025, 11, 10))
    assert (meta.issued_on, meta.sources["issued_on"]) == ("2025-11-10", "signature time")
    assert with_signing_day(document_meta(text), text, date(2025, 12, 2)).issued_on is None  # a later one
    printed = text.replace("ngày tháng", "ngày 3 tháng")
    assert with_signing_day(document_meta(printed), printed, date(2025, 11, 10)).issued_on == "2025-11-03"


def test_the_last_signing_day_of_a_real_signed_letter():
    from datetime import date

    from conftest import ROOT

    from crawler.documents.stamps import last_signing_day

    body = (ROOT / "tests/fixtures/real-documents/files/21-lamdong-snv-cv2775-2025.pdf").read_bytes()
    assert last_signing_day(body) == date(2025, 11, 10)
    assert last_signing_day(b"%PDF-1.4 broken") is None
