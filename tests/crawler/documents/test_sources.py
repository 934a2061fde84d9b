"""Where each document field was read, its confidence, and the file name as the last source."""

from __future__ import annotations

import json

import pytest

from crawler.documents.metadata import document_meta
from crawler.documents.reprocess import _merged
from crawler.documents.sources import described, number_from_file_name, printed_symbol

LETTER = ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "Số: J†§ /STTTT-CNTT\tPhú Thọ, ngày | tháng 12 năm 2011\n"
          "V/v đăng ký danh sách tham gia Hội thi\nKính gửi: Các đơn vị trực thuộc sở")


@pytest.mark.parametrize(("name", "doc_type", "number"), [
    ("275.pdf", "Công văn", "275/STTTT-CNTT"),  # the name is the number
    ("cv275.pdf", "Công văn", "275/STTTT-CNTT"),  # beside the type's code
    ("275-stttt.pdf", "Công văn", "275/STTTT-CNTT"),  # beside the symbol's first part
    ("01-phutho-cv275.pdf", None, "275/STTTT-CNTT"),  # the type's code before the symbol's
    ("qd-275.pdf", "Công văn", None),  # the code of another type
    ("bao-cao-2011.pdf", "Công văn", None),  # a year beside no code
    ("cv275-cv276.pdf", "Công văn", None),  # two numbers: none
    ("danh-sach.pdf", None, None),
    # a rare type's short code is read only where the document is of that type
    ("pc04-275.pdf", None, None),
    ("gp-275.pdf", "Giấy phép", "275/STTTT-CNTT"),
    # a real portal's upload: its time stamp and id, then the name the file was given
    ("2011_12_28_0904000000972844!~!275.pdf", "Công văn", "275/STTTT-CNTT"),
    ("275.signed.pdf", "Công văn", "275/STTTT-CNTT"),  # what a signing tool adds is no part of it
    ("1_4409.pdf", "Công văn", None),  # two short numbers: which one?
    ("20240105_1.pdf", "Công văn", None),  # a day and a copy's or a part's own number
    ("2023_15.pdf", "Công văn", None),
])
def test_a_number_comes_from_a_file_name_only_where_the_name_carries_it(name, doc_type, number):
    assert number_from_file_name(name, "/STTTT-CNTT", doc_type) == number


@pytest.mark.parametrize(("name", "number"), [
    ("298 PC04.pdf", "298/TTr-CAT-PC04"),  # a real portal's name: the number beside its unit
    ("cat-298.pdf", "298/TTr-CAT-PC04"),
    ("298pc04.pdf", None),  # glued: a word of its own or nothing
    ("12 PC04 34.pdf", None),  # two numbers beside it: none
    ("298 PC05.pdf", None),  # another unit's
])
def test_a_number_beside_a_whole_part_of_the_symbol(name, number):
    assert number_from_file_name(name, "/TTr-CAT-PC04", "Tờ trình") == number


@pytest.mark.parametrize(("line", "symbol"), [
    ("Số: J†§ /STTTT-CNTT", "/STTTT-CNTT"), ("Só:¿92 /TB-UBND", "/TB-UBND"),
    ("Số: /74/UBND- KSTTHC", "/UBND-KSTTHC"), ("Số: 4H09 /BCA-C04", "/BCA-C04"),
    ("Kính gửi: Sở Nội vụ", None),
])
def test_the_symbol_printed_after_an_unread_number(line, symbol):
    assert printed_symbol(line) == symbol


def test_each_field_says_where_it_was_read():
    meta = document_meta(LETTER.replace("J†§ /", "275/").replace("ngày |", "ngày 16"),
                         row=["275/STTTT-CNTT", "Đăng ký danh sách tham gia Hội thi kỹ năng"])
    assert meta.sources == {"number": "header", "subject": "listing row", "doc_type": "symbol",
                            "issuer": "header", "issued_on": "header"}


def test_ocr_lowers_the_confidence_of_what_was_read_from_the_text_only():
    meta = document_meta(LETTER, row=["Đăng ký danh sách tham gia Hội thi kỹ năng sử dụng máy tính"])
    typed, scanned = described(meta, ocr=False), described(meta, ocr=True)
    assert typed["issuer"] == {"source": "header", "confidence": 0.95}
    assert scanned["issuer"]["confidence"] < typed["issuer"]["confidence"]
    assert scanned["subject"] == typed["subject"] == {"source": "listing row", "confidence": 0.9}


def test_a_handwritten_number_comes_from_the_file_name_and_the_unread_day_is_said(tmp_path):
    from crawler.documents.process import _unread, _with_file_name
    from crawler.documents.text import DocumentText

    meta = _with_file_name(document_meta(LETTER), LETTER, "275.pdf")
    assert (meta.number, meta.sources["number"]) == ("275/STTTT-CNTT", "file name")
    assert _unread(meta, LETTER, DocumentText()) == "header: date issued not read (handwritten or unreadable)"
    # no administrative header
    assert _unread(document_meta("Bảng giá đất 2024"), "Bảng giá đất 2024", DocumentText()) == ""


def test_reading_again_keeps_what_the_listing_gave_and_rereads_what_the_document_gave():
    row = {"number": "275/STTTT-CNTT", "doc_type": "Công văn", "issuer": "SỞ TT", "issued_on": "2011-12-06",
           "signer": None, "subject": "Đăng ký",
           "meta_sources": json.dumps({"number": {"source": "listing row", "confidence": 0.9},
                                       "issued_on": {"source": "header", "confidence": 0.8}})}
    new = {"number": None, "doc_type": "Công văn", "issuer": "SỞ TT", "issued_on": "2011-12-16",
           "signer": "Nguyễn Hữu Việt", "subject": "V/v đăng ký",
           "meta_sources": json.dumps({"issued_on": {"source": "header", "confidence": 0.8}})}
    merged = _merged(row, new)
    assert (merged["number"], merged["issued_on"], merged["signer"]) == ("275/STTTT-CNTT", "2011-12-16",
                                                                         "Nguyễn Hữu Việt")
    assert json.loads(merged["meta_sources"])["number"]["source"] == "listing row"


def test_a_row_stored_before_sources_keeps_what_it_has():
    row = {"number": "275/STTTT-CNTT", "doc_type": None, "issuer": None, "issued_on": None, "signer": None,
           "subject": "Đăng ký", "meta_sources": None}
    new = {"number": "276/STTTT-CNTT", "doc_type": "Công văn", "issuer": None, "issued_on": None,
           "signer": None, "subject": "Đăng ký", "meta_sources": "{}"}
    merged = _merged(row, new)
    assert (merged["number"], merged["doc_type"]) == ("275/STTTT-CNTT", "Công văn")
    assert json.loads(merged["meta_sources"])["number"]["source"] == "earlier reading"
