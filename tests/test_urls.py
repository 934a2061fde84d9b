import pytest

from crawler.urls import canonical_url, host_of, is_binary, is_followable, url_key

CANONICAL = [
    ("http://www.songhau.gov.vn/Pages/a.aspx?ItemID=5&utm_source=fb&fbclid=x#top",
     "http://songhau.gov.vn/Pages/a.aspx?ItemID=5"),
    ("http://songhau.gov.vn/Pages/a.aspx?ItemID=5&print=true", "http://songhau.gov.vn/Pages/a.aspx?ItemID=5"),
    ("http://x.gov.vn/index.php?option=com_content&id=3&tmpl=component&print=1",
     "http://x.gov.vn/index.php?id=3&option=com_content"),
    ("http://x.gov.vn/tin?view=print&id=3", "http://x.gov.vn/tin?id=3"),
    ("http://x.gov.vn/tin?view=article&id=3", "http://x.gov.vn/tin?id=3&view=article"),
    ("HTTP://X.GOV.VN:80/a", "http://x.gov.vn/a"),
    ("http://127.0.0.1:8080/a?b=2&a=1", "http://127.0.0.1:8080/a?a=1&b=2"),
    ("http://x.gov.vn/web/guest/-/view_content/737358-abc;jsessionid=ABC?_cur=2",
     "http://x.gov.vn/web/guest/-/view_content/737358-abc?_cur=2"),
    ("http://x.gov.vn/tin?id=3&sid=7", "http://x.gov.vn/tin?id=3&sid=7"),
]


@pytest.mark.parametrize("url,expected", CANONICAL)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_http_and_https_are_one_page():
    assert url_key("http://x.gov.vn/a") == url_key("https://www.x.gov.vn/a")


def test_host_keeps_non_default_port():
    assert host_of("http://www.x.gov.vn/a") == "x.gov.vn"
    assert host_of("http://127.0.0.1:8080/a") == "127.0.0.1:8080"


@pytest.mark.parametrize("url", ["http://x/a.pdf", "http://x/a.DOCX", "http://x/i.jpg?x=1", "http://x/v.mp4"])
def test_binaries_are_recognised(url):
    assert is_binary(url)


@pytest.mark.parametrize("url", ["http://x/a.html", "http://x/a.aspx?ItemID=1", "http://x/tin-tuc/"])
def test_pages_are_not_binaries(url):
    assert not is_binary(url)


@pytest.mark.parametrize("href,expected", [
    ("mailto:a@b", False), ("javascript:void(0)", False), ("#top", False), ("tel:0270", False),
    ("", False), ("/tin-tuc", True), ("http://x.gov.vn/", True),
])
def test_followable(href, expected):
    assert is_followable(href) is expected
