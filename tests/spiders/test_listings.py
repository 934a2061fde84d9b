"""The portal spider's listing helpers, alone (no crawl)."""

from __future__ import annotations

import pytest

from spiders.listings import next_page_of


@pytest.mark.parametrize("source,target", [
    ("http://x.vn/tin?page=1", "http://x.vn/tin?page=2"),
    ("http://x.vn/web/tin?p_p_id=101&_101_cur=1", "http://x.vn/web/tin?_101_cur=2&p_p_id=101"),
    ("http://x.vn/tin-tuc", "http://x.vn/tin-tuc/trang-2"),
    ("http://x.vn/tin-tuc/trang-2", "http://x.vn/tin-tuc/trang-3"),
    # a Liferay asset publisher's pager from the section's bare address
    ("http://x.vn/tin-tuc", "http://x.vn/tin-tuc?p_p_id=101_INSTANCE_ab&p_p_lifecycle=0&_101_INSTANCE_ab_cur=2"),
    ("http://x.vn/tin?a=1", "http://x.vn/tin?a=1&page=2"),
    # DotNetNuke: EasyDNNnews' pager, and the core's, with and without the page file
    ("http://x.vn/tin-tuc", "http://x.vn/tin-tuc/PgrID/402/PageID/2"),
    ("http://x.vn/tin-tuc/PgrID/402/PageID/2", "http://x.vn/tin-tuc/PgrID/402/PageID/3"),
    ("http://x.vn/Home/tabid/36/Default.aspx", "http://x.vn/Home/tabid/36/currentpage/2/Default.aspx"),
])
def test_another_page_of_the_same_listing_is_a_listing_page(source, target):
    assert next_page_of(source, target, paging_text=False)


def test_a_pagers_text_makes_any_parameter_a_page():
    month, following = "http://x.vn/lich?thang=3&nam=2024", "http://x.vn/lich?thang=4&nam=2024"
    assert next_page_of(month, following, paging_text=True)


@pytest.mark.parametrize("source,target", [
    ("http://x.vn/tin?page=1", "http://x.vn/tin/bai-2.html"),  # an article
    ("http://x.vn/?p=1", "http://x.vn/?p=123"),  # WordPress posts: not paging by text
    ("http://x.vn/tin-tuc", "http://x.vn/tin-tuc/trang-2-nam-2024.html"),  # a slug that starts alike
    ("http://x.vn/tin?page=1", "http://y.vn/tin?page=2"),  # another host
    ("http://x.vn/tin-tuc", "http://x.vn/tin-tuc?id=5"),  # a parameter that names an item
    ("http://x.vn/tin-tuc", "http://x.vn/tin-tuc?p_p_id=101&id=5&_101_cur=2"),  # and one more
    ("http://x.vn/tin-tuc", "http://x.vn/tin-tuc/PgrID/402/ArticleID/2"),  # an EasyDNNnews article
    ("http://x.vn/tin-tuc", "http://x.vn/gioi-thieu/PageID/2"),  # another section's page
])
def test_an_article_or_another_site_is_no_listing_page(source, target):
    assert not next_page_of(source, target, paging_text=False)


@pytest.mark.parametrize("text, pager", [
    ("2", True), ("Trang sau", True), ("Trang sau »", True), ("« Trước", True), ("Tiếp theo", True),
    ("Trang cuối", True), ("Cuối", True), ("[3]", True), ("»", True), ("Trang 4", True), ("Next ›", True),
    ("1250", True), ("Tin tiếp theo", False), ("Bài sau", False), ("Xem tiếp", False), ("", False),
    ("2024", False), ("1998", False),  # a year: the archive's links beside an article
])
def test_a_pagers_link_text(text, pager):
    from lxml import html

    from spiders.pager import paging_text

    assert paging_text(html.fragment_fromstring(f"<a href='#'>{text}</a>")) is pager


@pytest.mark.parametrize("href, pager", [
    ("/tin-tuc?page=2", True), ("/tin-tuc/trang-3", True), ("/page/2/", True), ("/tin-tuc/page-2", True),
    ("/tin-tuc.html?start=10", True), ("/index.php?limitstart=20", True),
    ("/web/tin?p_p_id=101&_101_INSTANCE_ab_cur=2", True), ("/tin-tuc/PgrID/402/PageID/2", True),
    ("/Home/tabid/36/currentpage/3/Default.aspx", True), ("/tin-tuc/PageID/2-bao-cao.html", False),
    ("/?p=123", False), ("/tin-tuc/trang-2-nam-2024.html", False), ("/tin/page-2-hoi-nghi.html", False),
])
def test_a_pagers_address(href, pager):
    from spiders.pager import PAGINATION_URL

    assert bool(PAGINATION_URL.search(href)) is pager
