"""Where a portal's article text sits, learnt from its own pages (crawler.extraction.bodyplace)."""

from __future__ import annotations

from crawler.extraction.page import extract_html
from crawler.extraction.template import learn
from crawler.profiles import SiteProfile
from crawler.profiles.site import compile_selector

WORDS = ["Ủy ban nhân dân", "huyện Mỹ Thành", "tổ chức hội nghị", "triển khai kế hoạch", "năm 2024",
         "các phòng ban", "đoàn thể", "chuyển đổi số", "cải cách hành chính", "xã nông thôn mới"]


def paragraph(n: int, i: int) -> str:
    words = [WORDS[(n * 3 + i * 7 + k) % len(WORDS)] for k in range(12)]
    return f"<p>Đoạn {i} của bài {n}: {', '.join(words)}, với sự tham dự của lãnh đạo các ngành.</p>"


def article(n: int, holder: str = "noidung") -> tuple[str, str]:
    title = f"Bài số {n}: huyện Mỹ Thành {WORDS[n % len(WORDS)]} {WORDS[(n + 3) % len(WORDS)]}"
    sidebar = "".join(f"<li><a href='/tin/{k}.html'>Tin khác số {k} của huyện Mỹ Thành trong tháng</a></li>"
                      for k in range(12))
    body = "".join(paragraph(n, i) for i in range(8))
    html = (f"<html><head><title>{title}</title></head><body><div class='menu'><a href='/'>Trang chủ</a>"
            f"</div><table><tr><td class='main'><div class='box'><h1>{title}</h1>"
            f"<div class='ngay'>Ngày {n + 1:02d}/03/2024</div><div class='{holder}'>{body}</div></div></td>"
            f"<td class='side'><ul>{sidebar}</ul></td></tr></table>"
            "<div class='footer'>Cơ quan chủ quản: UBND huyện Mỹ Thành</div></body></html>")
    return f"http://mythanh.gov.vn/tin/bai-{n}.html", html


def seen_of(pages: list[tuple[str, str]]) -> dict[str, tuple[str, str]]:
    out = {}
    for url, html in pages:
        result = extract_html(html, url)
        out[url] = (result.title, result.text)
    return out


def test_the_place_that_holds_every_pages_text_is_learnt_as_the_body():
    pages = [article(n) for n in range(6)]
    template = learn(pages, seen_of(pages))
    assert template is not None and template.body and "noidung" in template.body


def test_a_page_read_at_the_learnt_place_gives_the_text_the_chooser_gave():
    pages = [article(n) for n in range(6)]
    profile = SiteProfile(learn(pages, seen_of(pages)).selectors())
    url, html = article(9)
    alone, placed = extract_html(html, url), extract_html(html, url, profile)
    assert placed.body_from == "site"
    assert placed.text == alone.text and placed.title == alone.title


def test_no_body_is_learnt_where_the_text_moves_from_page_to_page():
    pages = [article(n, "noidung" if n % 2 else "chitiet") for n in range(6)]
    template = learn(pages, seen_of(pages))
    assert template is not None and template.body is None


def test_no_body_is_learnt_without_the_texts_extracted_before():
    pages = [article(n) for n in range(6)]
    assert learn(pages).body is None


def test_a_body_place_that_gives_another_text_on_one_page_is_not_learnt():
    pages = [article(n) for n in range(6)]
    seen = seen_of(pages)
    url = pages[2][0]
    seen[url] = (seen[url][0], "Một đoạn văn khác hẳn, không có trên trang này, dài hơn ba mươi ký tự.")
    assert learn(pages, seen).body is None


def test_a_selector_in_parentheses_is_xpath():
    assert compile_selector("(//div[@class='noidung'])[2]") is not None
