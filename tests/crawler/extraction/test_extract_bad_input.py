"""Pages that are no articles, or in any language: a reason, never a crash, never a menu as title."""

from __future__ import annotations

import pytest

from crawler.extraction import extract_page

BREADCRUMB = '<ul class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/vb">Văn bản</a></li></ul>'
MENU = "<ul>" + "".join(f'<li><a href="/c/{i}">Chuyên mục số {i}</a></li>' for i in range(10)) + "</ul>"
NOT_ARTICLES = {
    "pdf viewer": f'<html><head><title>Quyết định 123/QĐ-UBND - Cổng TTĐT</title></head><body>{MENU}{BREADCRUMB}'
                  '<iframe src="/files/qd123.pdf" width="100%"></iframe></body></html>',
    "pdf embed": f'<html><head><title>Văn bản</title></head><body>{BREADCRUMB}'
                 '<embed src="/f/a.pdf" type="application/pdf"></body></html>',
    "image only": f'<html><head><title>Ảnh</title></head><body>{MENU}<img src="scan.jpg"></body></html>',
    "frames": '<html><head><title>Cổng</title></head><frameset><frame src="top.html"><frame src="m.html">'
              '</frameset></html>',
    "no body": "<title>Only a title</title><p>Một dòng.</p>",
    "menu and breadcrumb": f"<html><head><title>Tin tức</title></head><body>{MENU}{BREADCRUMB}</body></html>",
}
PROSE = {
    "ru": ("Новости района", "12 марта 2024", "2024-03-12", "Администрация района провела совещание по вопросам "
           "благоустройства территорий и подготовки к весеннему сезону, обсудив план работ."),
    "zh": ("县政府召开会议", "2024年3月12日", "2024-03-12", "县政府召开会议，研究部署春季农业生产工作，要求各乡镇认真落实各项措施，"
           "确保粮食安全和农民增收。县政府召开会议，研究部署春季农业生产工作，要求各乡镇认真落实各项措施。"),
    "en": ("District holds meeting on spring planting", "March 12, 2024", "2024-03-12",
           "The district people's committee met to plan the spring planting season and asked every commune to "
           "report on irrigation, seed supply and the support given to farmers."),
}


@pytest.mark.parametrize("name", sorted(NOT_ARTICLES))
def test_not_an_article_is_a_reason(name):
    r = extract_page(NOT_ARTICLES[name].encode(), "https://x.gov.vn/a.html")
    assert not r.is_article and r.reason
    assert "Trang chủ" not in r.title and "Chuyên mục" not in r.title


@pytest.mark.parametrize("lang", sorted(PROSE))
def test_articles_in_any_language(lang):
    title, shown, day, paragraph = PROSE[lang]
    html = (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>{MENU}<h1>{title}</h1>"
            f"<p class='date'>{shown}</p>" + f"<p>{paragraph}</p>" * 4 + "</body></html>")
    r = extract_page(html.encode(), "https://x.gov.vn/a.html")
    assert r.is_article, r.reason
    assert r.title == title and r.published_at == day and paragraph[:30] in r.text


def test_a_link_that_is_no_address_is_passed_over():
    """urljoin raises on "http://[::1/..." (no valid IPv6 host): the menu check goes on."""
    body = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân xã tổ chức hội nghị tổng kết năm.</p>" for i in range(6))
    bad = "http://[::1/a.html"
    html = (f"<html><head><link rel='canonical' href='{bad}'></head><body><ul class='menu'><li>"
            f"<a href='{bad}'>Giới thiệu</a></li></ul><h1>Hội nghị tổng kết năm 2024</h1>"
            f"<p><a href='{bad}'>Một tin khác rất dài về hội nghị tổng kết năm</a></p>{body}"
            f"<p><a href='{bad}.pdf'>Tệp đính kèm</a></p></body></html>")
    r = extract_page(html.encode(), "https://x.gov.vn/a.html")
    assert r.is_article or r.reason


# Characters XML does not allow: lxml's HTML parser keeps them, and changing the text around them
# failed ("All strings must be XML compatible"); pages pasted from Word carry vertical tabs.
NOT_XML = ["\x0b", "\x0c", "\x01", "\x1f", "\x00", "\ufffe", "&#11;", "&#x0B;", "&#x1f", "&#65535;", "&#xFFFE;"]


@pytest.mark.parametrize("odd", NOT_XML, ids=[f"{ord(c):02x}" if len(c) == 1 else c for c in NOT_XML])
def test_characters_xml_does_not_allow_are_read_as_spaces(odd):
    body = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân xã tổ chức hội nghị{odd}tổng kết năm.</p>" for i in range(6))
    html = (f"<html><head><base href='/tin/'><title>Hội nghị{odd}tổng kết</title></head><body>"
            f"<ul class='menu'><li><a href='gioi{odd}thieu.html'>Giới thiệu</a></li></ul>"
            f"<h1>Hội nghị{odd}tổng kết năm 2024</h1><p class='date'>12/03/2024</p>{body}"
            f"<p><a href='tep{odd}1.pdf' title='Tệp{odd}1'>Tệp đính kèm</a></p></body></html>")
    r = extract_page(html.encode(), "https://x.gov.vn/tin/a.html")
    assert r.is_article, r.reason
    assert r.title == "Hội nghị tổng kết năm 2024"
    assert "Đoạn 5: Ủy ban nhân dân xã tổ chức hội nghị tổng kết năm." in r.text
    assert r.published_at == "2024-03-12"


def test_references_to_characters_xml_allows_are_kept():
    from crawler.extraction.tree import xml_compatible

    kept = "&#9;&#10;&#13;&#32;&#7841;&#x1EA1;&#x0D;&#127;&#110;&#x10FFFF;&#1114111;&#112;"
    assert xml_compatible(kept) == kept
    assert xml_compatible("a&#11b&#x0b;c&#0011;d&#x00000B;e&#x0bc") == "a b c d e&#x0bc"  # ¼ last


@pytest.mark.parametrize("body, kind", [(b"%PDF-1.7\n" + bytes(range(256)) * 400, "PDF"),
                                        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 400, "PNG"),
                                        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 400, "DOC")])
def test_a_file_served_as_a_page_is_said_to_be_one_at_once(body, kind):
    from crawler.extraction import extract_bytes

    result = extract_bytes(body, "https://x.gov.vn/xem.aspx?id=7", "text/html; charset=utf-8")
    assert (result.is_article, result.reason) == (False, f"not HTML: a {kind} file")
