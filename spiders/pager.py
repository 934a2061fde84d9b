"""A listing's pager: the links that page it (by their text, "2", "Trang sau", "»", or their
address, ``?page=2``, ``/trang-2``), and whether a page links its own next page (the first page
of a listing, whatever item a section page shows in full above its list)."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from spiders.listings import PAGING_PARAMS, next_page_of

# a pager's link text: a number, the words of a pager ("Trang sau", "Tiếp theo", "Cuối"), an arrow,
# or the words with their arrows ("Trang sau »", "« Trước", "[3]"); "Tin tiếp theo" or "Bài sau"
# (the next article) are no pager's, nor a year ("2024": an archive's link, in sidebars of articles)
PAGINATION_TEXT = re.compile(
    r"^[«‹<\[(]*\s*(?:\d{1,3}|(?!19|20)\d{4}|(?:trang\s+)?(?:sau|trước|tiếp(?:\s+theo)?|kế(?:\s+tiếp)?|cuối|đầu)|trang\s+\d+"
    r"|next|prev(?:ious)?|last|first)?\s*[»›>\])]*$", re.I)
# a pager's address: a paging parameter the listings know (not WordPress's ?p=, which names a
# post) or a page in the path (/trang-2, /page/2, NukeViet's /page-2, DotNetNuke's /PageID/2)
PAGINATION_URL = re.compile(rf"[?&](?:{PAGING_PARAMS})=\d+|/(?:trang|page)[-/]\d+(?=[/.?#]|$)"
                            r"|/(?:pageid|currentpage)/\d+(?=/default\.aspx|/?$|[?#])", re.I)


def pages_itself(url: str, root, base: str) -> bool:
    """Whether the page's pager links its own next page: the first page of a listing, whatever
    item a section page shows in full above its list. Only pager-looking links are weighed;
    ``base``: what its relative links resolve against."""
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        text = paging_text(anchor)
        if not (text or PAGINATION_URL.search(href)):
            continue
        try:
            if next_page_of(url, urljoin(base, href), text):
                return True
        except ValueError:  # "http://[::1/x": no address, no page of this listing
            continue
    return False


def paging_text(anchor) -> bool:
    """Whether the anchor's text is a pager's ("2", "Trang sau", "»"): read only for short anchors."""
    # an anchor without child elements holds its text in .text: no XPath string() for most links
    text = (anchor.text or "") if len(anchor) == 0 else anchor.text_content()
    return len(text) <= 40 and bool(text.strip()) and bool(PAGINATION_TEXT.match(" ".join(text.split())))
