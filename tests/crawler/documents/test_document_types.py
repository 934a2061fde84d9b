"""Every type of Decree 30/2020/NĐ-CP (Phụ lục III) and its code, with the permits and
certificates offices issue, read from a typed header (crawler.documents.metadata)."""

from __future__ import annotations

import pytest

from crawler.documents.metadata import TYPES, document_meta

HEADER = ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ TÂN AN\tĐộc lập - Tự do - Hạnh phúc\n"
          "Số: {number}\tTân An, ngày 05 tháng 3 năm 2024\n{heading}\n{subject}\n{body}\n")


CITES = "Căn cứ Luật Tổ chức chính quyền địa phương;"


def _meta(number: str, heading: str, subject: str = "", body: str = CITES):
    return document_meta(HEADER.format(number=number, heading=heading, subject=subject, body=body))


@pytest.mark.parametrize(("code", "name"), sorted(TYPES.items()))
def test_every_code_names_its_type_where_no_heading_does(code, name):
    meta = _meta(f"12/{code}-UBND", "")
    assert (meta.doc_type, meta.sources["doc_type"]) == (name, "symbol")


@pytest.mark.parametrize(("heading", "name"), [
    ("GIẤY PHÉP", "Giấy phép"), ("BIÊN BẢN", "Biên bản"), ("PHƯƠNG ÁN", "Phương án"),
    ("HỢP ĐỒNG", "Hợp đồng"), ("THÔNG CÁO BÁO CHÍ", "Thông cáo"), ("GIẤY CHỨNG NHẬN", "Giấy chứng nhận"),
])
def test_the_heading_names_the_type_and_the_line_under_it_is_the_subject(heading, name):
    meta = _meta("12/UBND-VP", heading, "Khai thác cát lòng sông Tiền")
    assert (meta.doc_type, meta.sources["doc_type"]) == (name, "header")
    assert meta.subject == "Khai thác cát lòng sông Tiền"


def test_a_permit_citing_a_decree_is_a_permit():
    meta = _meta("12/GP-UBND", "GIẤY PHÉP", "Khai thác khoáng sản",
                 "Căn cứ Nghị định số 158/2016/NĐ-CP ngày 29 tháng 11 năm 2016 của Chính phủ;")
    assert (meta.number, meta.doc_type, meta.issued_on) == ("12/GP-UBND", "Giấy phép", "2024-03-05")


def test_minutes_open_on_when_they_met_which_is_no_subject():
    meta = _meta("05/BB-UBND", "BIÊN BẢN", "Họp dân lấy ý kiến quy hoạch",
                 "Hôm nay, vào lúc 8 giờ ngày 05/3/2024")
    assert meta.subject == "Họp dân lấy ý kiến quy hoạch"


def test_a_letter_of_introduction_has_no_subject_and_its_body_is_not_one():
    meta = _meta("15/GGT-UBND", "GIẤY GIỚI THIỆU", "Ủy ban nhân dân xã Tân An trân trọng giới thiệu ông A")
    assert (meta.doc_type, meta.subject) == ("Giấy giới thiệu", None)
