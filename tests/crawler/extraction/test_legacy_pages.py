"""Pages typed in a pre-Unicode Vietnamese font (TCVN3, VNI), read in Unicode (extraction.decode)."""

from __future__ import annotations

import unicodedata

from documents_factory import to_tcvn3

from common.legacy import VNI
from crawler.extraction import extract_bytes

TITLE = "Huyện Bảo Thắng tổ chức hội nghị tổng kết công tác năm 2008"
PROSE = ("<p>Ủy ban nhân dân huyện vừa tổ chức hội nghị tổng kết công tác năm với sự tham dự của lãnh đạo "
         "các xã, thị trấn và các phòng ban chuyên môn trên địa bàn huyện.</p>") * 3
URL = "http://baothang.laocai.gov.vn/tin/1.asp"


def to_vni(text: str) -> str:
    back = {letter: typed for typed, letter in VNI.items()}
    return "".join(back.get(c, c) for c in unicodedata.normalize("NFC", text))


def page(title: str, prose: str, font: str, charset: str = "") -> bytes:
    meta = f"<meta http-equiv='Content-Type' content='text/html; charset={charset}'>" if charset else ""
    return (f"<html><head>{meta}<title>{title}</title></head><body><table><tr><td><font face='{font}'>"
            f"<b>{title}</b></font><br/><i>15/03/2008</i></td></tr><tr><td><font face='{font}'>{prose}"
            "</font></td></tr></table></body></html>").encode("utf-8" if charset == "utf-8" else "cp1252")


def test_a_page_in_a_tcvn3_font_is_read_in_unicode():
    result = extract_bytes(page(to_tcvn3(TITLE), to_tcvn3(PROSE), ".VnTime", "windows-1252"), URL)
    assert result.title.lower() == TITLE.lower()  # TCVN3's capitals are another font's: lower case here
    assert "lãnh đạo các xã" in result.text and result.encoding == "cp1252+tcvn3"


def test_what_a_tcvn3_page_sets_in_its_capitals_font_is_read_in_capitals():
    """".VnTimeH" shows the same codes as capitals: "HéI NGHÞ" is "HỘI NGHỊ", not "HộI NGHị"."""
    heading = f"<font face='.VnTimeH'>{to_tcvn3(TITLE.upper())} &amp; 2008</font>"
    result = extract_bytes(page(heading, to_tcvn3(PROSE), ".VnTime", "windows-1252"), URL)
    assert result.title == f"{TITLE.upper()} & 2008"
    assert "lãnh đạo các xã" in result.text  # the text in the lower-case font stays as it is


def test_a_tcvn3_page_without_a_charset_is_read_as_windows_western():
    """Detection took it for ISO-8859-10, whose letters are not the font's."""
    result = extract_bytes(page(to_tcvn3(TITLE), to_tcvn3(PROSE), ".VnTime"), URL)
    assert "lãnh đạo các xã" in result.text


def test_a_page_in_a_vni_font_is_read_in_unicode():
    result = extract_bytes(page(to_vni(TITLE), to_vni(PROSE), "VNI-Times", "windows-1252"), URL)
    assert result.title == TITLE and result.encoding == "cp1252+vni"


def test_a_french_page_naming_no_legacy_font_keeps_its_signs():
    prose = ("<p>« Le conseil municipal · réunion ordinaire » : l'ordre du jour comprend le budget, "
             "les travaux et les questions diverses soulevées par les habitants du quartier.</p>") * 3
    result = extract_bytes(page("Conseil municipal de la ville", prose, "Arial", "windows-1252"), URL)
    assert "« Le conseil municipal · réunion ordinaire »" in result.text and "+" not in result.encoding


def test_a_unicode_page_that_still_names_a_legacy_font_is_left_as_it_is():
    prose = PROSE + "<p>Giá: 1.000 đồng · Số lượng có hạn « mới »</p>"
    result = extract_bytes(page(TITLE, prose, ".VnTime, Times New Roman", "utf-8"), URL)
    assert result.title == TITLE and "« mới »" in result.text
