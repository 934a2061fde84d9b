"""OCR's slips of diacritics in a line, mended by the document's own spelling (crawler.documents.ocrfix)."""

from __future__ import annotations

from crawler.documents.ocrfix import mend

BODY = ("Tăng cường phối hợp kiểm soát các hoạt động hợp pháp liên quan đến ma túy. " * 3
        + "Mọi ý kiến gửi về Cục.")


def test_pairs_the_document_spells_otherwise_more_often_take_its_spelling():
    assert mend("Phôi hợp kiêm soát các hoạt động liên quan đên ma túy năm 2026", BODY) == \
        "Phối hợp kiểm soát các hoạt động liên quan đến ma túy năm 2026"


def test_a_pair_seen_once_or_across_punctuation_is_left_as_it_is():
    assert mend("tham gia ý kiên", BODY) == "tham gia ý kiên"  # "ý kiến" only once in the body
    assert mend("phôi, hợp", BODY) == "phôi, hợp"


def test_capitals_are_kept():
    assert mend("PHÔI HỢP KIÊM SOÁT", BODY) == "PHỐI HỢP KIỂM SOÁT"
