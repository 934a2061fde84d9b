"""What the spider knows of a link: its address made absolute cheaply, and its facts (canonical
form, dedup key, host, whether a file) worked out once for each address."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple
from urllib.parse import urljoin

from common.urls import canonical_url, host_of, is_binary, is_document, slashed, url_key


class LinkFacts(NamedTuple):
    canonical: str
    key: str  # the dedup key
    host: str
    binary: bool  # a document, image, media or archive by its extension: never a page
    document: bool  # a document a notice attaches (by extension or download handler)


@lru_cache(maxsize=1 << 16)
def link_facts(url: str) -> LinkFacts:
    """What the spider needs to know of an absolute URL, worked out once. Cached: a portal's
    menus and sidebars put the same hundred links on every page, and canonicalising them was a
    quarter of the spider's time (benchmarks/links_bench.py); the extension and download
    checks another tenth (the scale benchmark's profile)."""
    return LinkFacts(canonical_url(url), url_key(url), host_of(url), is_binary(url), is_document(url))


def absolute(base: str, origin: str, href: str) -> str:
    """``urljoin(base, href)``, without urljoin for the two forms most links take (absolute,
    and root-relative ``/tin/bai-12.html``): urljoin was a third of the link handling."""
    if "\\" in href:
        href = slashed(href)
    if href.startswith(("http://", "https://")):
        return href
    if href.startswith("/") and not href.startswith("//") and "/." not in href:
        return origin + href
    return urljoin(base, href)
