import pytest

from common.urls import (
    canonical_url,
    host_of,
    is_binary,
    is_followable,
    is_index_page,
    joined,
    page_base,
    url_key,
)

CANONICAL = [
    ("http://www.songhau.gov.vn/Pages/a.aspx?ItemID=5&utm_source=fb&fbclid=x#top",
     "http://www.songhau.gov.vn/Pages/a.aspx?ItemID=5"),
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
    # ASP.NET's cookieless session and forms ticket in the path
    ("http://x.gov.vn/(S(lit3py55t21z5v55vlm25s55))/TinTuc/ChiTiet.aspx?id=7",
     "http://x.gov.vn/TinTuc/ChiTiet.aspx?id=7"),
    ("http://x.gov.vn/vn/(A(BCDe_f-9)S(lit3py55t21z5v55vlm25s55))/default.aspx", "http://x.gov.vn/vn/default.aspx"),
    ("http://x.gov.vn/(X(1)S(lit3py55t21z5v55vlm25s55))/default.aspx", "http://x.gov.vn/default.aspx"),
    ("http://x.gov.vn/tin/(2024)/bai-1.html", "http://x.gov.vn/tin/(2024)/bai-1.html"),  # brackets alone stay
]


@pytest.mark.parametrize("url,expected", CANONICAL)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_http_and_https_are_one_page():
    assert url_key("http://x.gov.vn/a") == url_key("https://www.x.gov.vn/a")


KEYS = [  # (one address, another address of the same page) on real platform shapes
    ("https://www.songhau.gov.vn/Pages/default.aspx", "http://songhau.gov.vn/Pages/"),
    ("http://songhau.gov.vn/Pages/View_Detail.aspx?ItemID=12&utm_medium=zalo",
     "https://songhau.gov.vn/Pages/View_Detail.aspx?ItemID=12"),
    ("http://sotttt.hanoi.gov.vn/web/guest/-/view_content/737358-abc;jsessionid=F00",
     "http://sotttt.hanoi.gov.vn/web/guest/-/view_content/737358-abc/"),
    ("http://x.gov.vn/c/portal/render?_articleId=55&p_p_id=101&fbclid=Z",
     "http://x.gov.vn/c/portal/render?p_p_id=101&_articleId=55"),
    ("http://myloc.namdinh.gov.vn/index.php?option=com_content&id=9&print=1",
     "http://myloc.namdinh.gov.vn/?option=com_content&id=9"),
    ("https://xa.gov.vn/tin-tuc/bai-viet/", "http://www.xa.gov.vn/tin-tuc/bai-viet"),
    ("https://xa.gov.vn/index.html", "https://xa.gov.vn/"),
    # WordPress commune sites
    ("https://xaphuoc.gov.vn/2024/07/23/ra-quan/?amp=1", "https://xaphuoc.gov.vn/2024/07/23/ra-quan/"),
    ("https://xaphuoc.gov.vn/?p=123&replytocom=9#respond", "http://www.xaphuoc.gov.vn/?p=123"),
    # VNPT portals
    ("http://huyen.gov.vn/vi/news/tin-tuc/bai-123.html?utm_campaign=x", "http://huyen.gov.vn/vi/news/tin-tuc/bai-123.html"),
]
DISTINCT = [  # identifying parameters are kept
    ("http://x.gov.vn/Pages/View_Detail.aspx?ItemID=12", "http://x.gov.vn/Pages/View_Detail.aspx?ItemID=13"),
    ("http://x.gov.vn/c/render?_articleId=55", "http://x.gov.vn/c/render?_articleId=56"),
    ("http://x.gov.vn/tin?id=3", "http://y.gov.vn/tin?id=3"),
    ("https://xaphuoc.gov.vn/?p=123", "https://xaphuoc.gov.vn/?p=124"),
]


@pytest.mark.parametrize("a,b", KEYS)
def test_same_page_same_key(a, b):
    assert url_key(a) == url_key(b)


@pytest.mark.parametrize("a,b", DISTINCT)
def test_different_pages_different_keys(a, b):
    assert url_key(a) != url_key(b)


def test_requests_keep_the_host_as_given():
    assert canonical_url("http://www.x.gov.vn/a?utm_source=x").startswith("http://www.x.gov.vn/")


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


def test_an_embedded_document_is_its_source_or_what_a_viewer_is_given():
    from common.urls import embedded_document

    base = "https://huyen.gov.vn/tin/a.html"
    assert embedded_document("/uploads/tb-07.pdf", base) == "https://huyen.gov.vn/uploads/tb-07.pdf"
    assert embedded_document("/pdfjs/web/viewer.html?file=%2Fuploads%2Fa.pdf", base) == \
        "https://huyen.gov.vn/uploads/a.pdf"
    assert embedded_document("https://docs.google.com/gview?url=https%3A%2F%2Fhuyen.gov.vn%2Fvb%2Fqd.docx"
                             "&embedded=true", base) == "https://huyen.gov.vn/vb/qd.docx"
    assert embedded_document("https://www.youtube.com/embed/abc", base) is None
    assert embedded_document("", base) is None


@pytest.mark.parametrize("href,expected", [
    (None, "http://x.gov.vn/tin-tuc/bai-1.html"),  # no base: the page's own address
    ("", "http://x.gov.vn/tin-tuc/bai-1.html"),
    ("/", "http://x.gov.vn/"),
    ("/vn/", "http://x.gov.vn/vn/"),
    ("../", "http://x.gov.vn/"),  # relative to the page
    ("http://x.gov.vn/portal/", "http://x.gov.vn/portal/"),
    # another host (www., http before https, a domain before a merger): its path, on the page's host
    ("http://www.x.gov.vn/portal/", "http://x.gov.vn/portal/"),
    ("https://old.gov.vn/index.php", "http://x.gov.vn/index.php"),
    ("#top", "http://x.gov.vn/tin-tuc/bai-1.html"),  # no address at all
    ("javascript:void(0)", "http://x.gov.vn/tin-tuc/bai-1.html"),
    ("http://[::1/x", "http://x.gov.vn/tin-tuc/bai-1.html"),
])
def test_a_pages_base(href, expected):
    assert page_base("http://x.gov.vn/tin-tuc/bai-1.html", href) == expected


@pytest.mark.parametrize("href,expected", [
    ("..\\tin\\bai-1.htm", "http://x.gov.vn/tin/bai-1.htm"),  # as a browser reads it
    ("\\tin\\bai-2.htm", "http://x.gov.vn/tin/bai-2.htm"),
    ("tin\\bai-3.htm", "http://x.gov.vn/a/tin/bai-3.htm"),
    ("http:\\\\x.gov.vn\\tin\\bai-4.htm", "http://x.gov.vn/tin/bai-4.htm"),
    ("bai-5.htm?path=a\\b", "http://x.gov.vn/a/bai-5.htm?path=a\\b"),  # the query keeps its own
])
def test_backslashes_in_a_link_are_slashes(href, expected):
    assert joined("http://x.gov.vn/a/b.htm", href) == expected


@pytest.mark.parametrize("url", ["https://xa.gov.vn", "https://xa.gov.vn/", "https://xa.gov.vn/trang-chu",
                                 "https://xa.gov.vn/web/guest/home", "https://xa.gov.vn/portal/Home/default.aspx",
                                 "https://xa.gov.vn/tin-tuc/index.html"])
def test_a_folders_own_page_is_an_index_page(url):
    assert is_index_page(url)


@pytest.mark.parametrize("url", ["https://xa.gov.vn/Default.aspx?tabid=120&ItemID=3000", "https://xa.gov.vn/?p=12",
                                 "https://xa.gov.vn/2024/08/05/hoi-nghi/", "https://xa.gov.vn/tin/home-visit",
                                 "https://xa.gov.vn/index.php/tin/12-hoi-nghi",
                                 "https://xa.gov.vn/Tin-tuc/tabid/71/ArticleID/1234/language/vi-VN/Default.aspx"])
def test_an_items_address_is_no_index_page(url):
    assert not is_index_page(url)
