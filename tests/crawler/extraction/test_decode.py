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
