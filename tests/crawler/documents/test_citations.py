"""The documents a document cites, read from its preamble clauses."""

from __future__ import annotations

from crawler.documents.citations import citations

DECISION = """ỦY BAN NHÂN DÂN
HUYỆN AN PHÚ
Số: 01/2021/QĐ-UBND
An Phú, ngày 17 tháng 02 năm 2021
QUYẾT ĐỊNH
Về việc ban hành quy chế làm việc
ỦY BAN NHÂN DÂN HUYỆN AN PHÚ
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền
địa phương ngày 22 tháng 11 năm 2019;
Căn cứ Nghị định số 37/2014/NĐ-CP ngày 05 tháng 5 năm 2014 của Chính phủ quy định tổ chức các cơ quan
chuyên môn thuộc Ủy ban nhân dân huyện;
Thực hiện Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ;
Theo đề nghị của Trưởng phòng Nội vụ tại Tờ trình số 45/TTr-PNV ngày 10 tháng 02 năm 2021.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế, thay thế Quyết định số 99/QĐ-UBND.
"""


def cited() -> list[tuple]:
    return [(c.kind, c.number, c.doc_type, c.title, c.issued_on) for c in citations(DECISION)]


def test_a_decree_cited_by_number_keeps_its_type_and_date():
    assert ("basis", "37/2014/NĐ-CP", "Nghị định", None, "2014-05-05") in cited()


def test_a_law_cited_by_its_name_keeps_the_whole_name():
    assert ("basis", None, "Luật", "Tổ chức chính quyền địa phương", "2015-06-19") in cited()
    amending = [c for c in cited() if c[3] and c[3].startswith("sửa đổi")]
    assert amending and "Luật Tổ chức chính quyền địa phương" in amending[0][3]


def test_what_a_document_carries_out_and_the_proposal_it_answers_are_told_apart():
    kinds = {c[1]: c[0] for c in cited() if c[1]}
    assert kinds["16/CT-TTg"] == "implements" and kinds["45/TTr-PNV"] == "proposal"
    assert ("implements", "16/CT-TTg", "Chỉ thị", None, "2020-03-31") in cited()


def test_the_documents_own_number_and_what_its_articles_mention_are_no_citations():
    numbers = {c[1] for c in cited()}
    assert "01/2021/QĐ-UBND" not in numbers and "99/QĐ-UBND" not in numbers


def test_a_text_without_a_preamble_cites_nothing():
    assert citations("THÔNG BÁO\nLịch tiếp công dân tháng 3.\nNơi nhận: như trên.") == []
