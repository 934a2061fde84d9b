"""trafilatura's jusText fallback reads the same stoplist, hashed once instead of on every call."""

from __future__ import annotations

from trafilatura import external

from crawler.extraction import extract_html
from crawler.extraction.stoplist import HashedOnce, install

LISTING = ("<html><body><h1>Tin tức</h1><ul>" + "".join(
    f"<li><a href='/tin/{n}.html'>Thông báo số {n} của Ủy ban nhân dân xã</a></li>" for n in range(30))
    + "</ul></body></html>")


def test_a_hashed_once_tuple_is_the_same_tuple():
    words = ("và", "của", "the", "der")
    hashed = HashedOnce(words)
    assert hashed == words and hash(hashed) == hash(words) and {hashed: 1}[words] == 1


def test_the_fallback_stoplist_is_built_hashed_once():
    install()
    install()  # idempotent: imports of several modules call it
    extract_html(LISTING, "http://xa.gov.vn/tin-tuc/")  # a listing: trafilatura falls back on jusText
    assert isinstance(external.JT_STOPLIST, HashedOnce)
    assert len(external.JT_STOPLIST) > 100_000  # every language's words, as trafilatura gives them
