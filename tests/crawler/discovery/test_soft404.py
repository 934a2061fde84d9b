"""Soft-404s: what the page says, or the portal's own answer for an address that cannot exist."""

from __future__ import annotations

from lxml import html

from crawler.discovery.soft404 import NotFoundPages, probe_path, says_not_found

MENU = "<nav>" + " ".join(f"<a href='/m{n}'>Mục {n}</a>" for n in range(30)) + "</nav>"


def test_a_page_titled_not_found_is_one():
    root = html.fromstring("<html><head><title>Lỗi 404</title></head><body>x</body></html>")
    assert says_not_found(root)


def test_a_heading_that_says_the_page_does_not_exist_is_enough():
    root = html.fromstring(f"<html><body>{MENU}<h2>Trang bạn yêu cầu không tồn tại</h2></body></html>")
    assert says_not_found(root)


def test_an_article_that_mentions_a_missing_page_in_its_body_is_an_article():
    body = "<p>" + "Người dân phản ánh không tìm thấy trang đăng ký trực tuyến. " * 30 + "</p>"
    root = html.fromstring(f"<html><body><h1>Cải cách hành chính</h1>{body}</body></html>")
    assert says_not_found(root) is None


def test_the_portals_own_not_found_answer_is_recognised():
    pages = NotFoundPages()
    answer = f"<html><body>{MENU}<div>Rất tiếc, đường dẫn này đã thay đổi.</div></body></html>"
    pages.learn("x.vn", answer)
    assert pages.reason("x.vn", html.fromstring(answer))
    article = f"<html><body>{MENU}<h1>Tin</h1>" + "".join(f"<p>Đoạn {n} của bài.</p>" for n in range(8))
    assert pages.reason("x.vn", html.fromstring(article + "</body></html>")) is None


def test_each_probe_asks_for_another_address():
    assert probe_path() != probe_path()


def test_the_share_of_lines_in_common_decides_whatever_order_they_come_in():
    # 100 lines of the portal's answer: 8 lines of its own still share 100/108 (0.926), 9 do not
    # (0.917); reading stops once the lines beside them rule the answer out, at the same verdict
    pages = NotFoundPages()
    answer = "".join(f"<p>Dòng {n} của trang</p>" for n in range(100))
    pages.learn("x.gov.vn", f"<html><body>{answer}</body></html>")
    for extra, verdict in ((8, True), (9, False)):
        own = "".join(f"<p>Dòng riêng {n}</p>" for n in range(extra))
        for page in (own + answer, answer + own):
            root = html.fromstring(f"<html><body>{page}</body></html>")
            assert bool(pages.reason("x.gov.vn", root)) is verdict
