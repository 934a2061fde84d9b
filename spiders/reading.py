"""Reading a response's bytes: its parsed tree without the cache that kept it alive, and a
gzip body unpacked within a bound."""

from __future__ import annotations

import zlib

import scrapy
from scrapy.http import HtmlResponse, TextResponse, XmlResponse
from scrapy.utils.response import get_base_url

from common.textnorm import xml_compatible


def parsed(response: TextResponse) -> scrapy.Selector:
    """The response's parsed tree, not cached on it.

    ``response.selector`` caches a Selector that refers back to the response: a
    reference cycle, so each parsed page (and its lxml tree) lived on after the crawl
    was done with it, until the cyclic garbage collector's rare full pass
    (``benchmarks/RESULTS.md``: a large crawl's peak memory). Characters XML does not allow
    are read as spaces (``common.textnorm.xml_compatible``): an element made from the page's
    text (a link a script writes) is refused with them.
    """
    text = xml_compatible(response.text)
    if text is response.text:  # the usual page
        return scrapy.Selector(response)
    kind = "xml" if isinstance(response, XmlResponse) else ("html" if isinstance(response, HtmlResponse)
                                                            else None)  # as Scrapy's Selector chooses
    return scrapy.Selector(text=text, type=kind, base_url=get_base_url(response))


def gunzip_bounded(data: bytes, limit: int) -> bytes | None:
    """Unpack gzip ``data`` without ever holding more than ``limit`` bytes (a gzip bomb
    unpacks to gigabytes); None when it is damaged or larger than ``limit``."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error:
        return None
    return None if len(out) > limit else out
