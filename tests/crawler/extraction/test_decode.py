import codecs

from crawler.demo.common import encode_cp1258
from crawler.extraction.decode import charset_from_content_type, decode_html

TEXT = "<html><body><p>Xã Mỹ Hưng ra quân tổng vệ sinh môi trường</p></body></html>"


def test_windows_1258_decodes_to_nfc():
    body = encode_cp1258(TEXT)
    text, encoding = decode_html(body, "windows-1258")
    assert encoding == "cp1258"
    assert "Mỹ Hưng ra quân tổng vệ sinh" in text


def test_windows_1258_from_meta_when_header_is_silent():
    body = b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">' + encode_cp1258(TEXT)
    assert "Mỹ Hưng" in decode_html(body, None)[0]


def test_utf8_bytes_under_a_latin1_header_are_read_as_utf8():
    text, encoding = decode_html(TEXT.encode("utf-8"), "iso-8859-1")
    assert encoding == "utf-8" and "Mỹ Hưng" in text


def test_bom_wins():
    text, encoding = decode_html(codecs.BOM_UTF8 + TEXT.encode(), "iso-8859-1")
    assert encoding == "utf-8" and text.startswith("<html>")


def test_no_charset_anywhere_is_detected():
    text, _ = decode_html(encode_cp1258(TEXT * 20), None)
    assert "<html>" in text


def test_unknown_charset_name_falls_back():
    text, _ = decode_html(TEXT.encode(), "x-no-such-charset")
    assert "Mỹ Hưng" in text


def test_charset_from_content_type():
    assert charset_from_content_type('text/html; charset="UTF-8"') == "UTF-8"
    assert charset_from_content_type("text/html") is None
    assert charset_from_content_type(None) is None


HEADLINE = "Huyện Tân Phú ra quân làm đường giao thông nông thôn"
PROSE = ("Sáng nay, Ủy ban nhân dân huyện tổ chức lễ ra quân làm đường giao thông nông thôn tại các xã, với "
         "sự tham gia của đông đảo người dân. ")
POST = (f"<html><head><meta charset='utf-8'><title>{HEADLINE}</title></head><body><ul><li><a href='/'>Trang "
        f"chủ</a></li></ul><h1>{HEADLINE}</h1><div>Ngày 05/08/2024</div><p>{PROSE * 3}</p></body></html>")


def test_a_page_whose_utf8_was_read_as_latin1_before_it_was_served_is_repaired():
    from crawler.extraction import extract_bytes

    served = POST.encode("utf-8").decode("latin-1").encode("utf-8")  # "Huyá»\x87n TÃ¢n PhÃº"
    r = extract_bytes(served, "https://tanphu.gov.vn/tin/1.html")
    assert (r.title, r.encoding, "Ủy ban nhân dân" in r.text) == (HEADLINE, "utf-8+mojibake", True)


def test_a_page_in_good_utf8_is_read_as_it_is():
    from crawler.extraction import extract_bytes

    r = extract_bytes(POST.replace("Sáng nay", "Giá vé 5.000đ – “Ngày hội” São Paulo. Sáng nay").encode(),
                      "https://tanphu.gov.vn/tin/1.html")
    assert r.encoding == "utf-8" and "“Ngày hội” São Paulo" in r.text


def test_a_heading_in_capitals_with_a_non_breaking_space_is_no_mojibake():
    # "XÃ" then &nbsp; is also how "à" reads when its UTF-8 is read as Latin-1: never asked here
    from crawler.extraction import extract_bytes

    r = extract_bytes(POST.replace("<p>", "<p>UBND XÃ\u00a0PHÚ LỢI THÔNG BÁO: ").encode(),
                      "https://tanphu.gov.vn/tin/1.html")
    assert (r.encoding, r.text.startswith("UBND XÃ PHÚ LỢI")) == ("utf-8", True)
