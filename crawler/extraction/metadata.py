"""Structured metadata of a page: canonical URL, titles, dates, author.

Read before boilerplate removal, from ``<head>`` and microdata, so it is cheap
and independent of the layout.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field

from lxml import html as lxml_html

from common.textnorm import clean_line

logger = logging.getLogger(__name__)

_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish_date", "dc.date.issued", "dc.date", "dcterms.created", "date",
)
_AUTHOR_META = ("author", "article:author", "dc.creator")


@dataclass
class PageMeta:
    title: str = ""  # <title>
    og_title: str = ""
    canonical: str = ""
    dates: list[tuple[str, str]] = field(default_factory=list)  # (source, raw)
    author: str = ""
    authors: list[str] = field(default_factory=list)  # JSON-LD author names, <meta name="author">
    site_names: list[str] = field(default_factory=list)  # og:site_name, JSON-LD publisher: not authors


def read_meta(root: lxml_html.HtmlElement) -> PageMeta:
    meta = PageMeta()
    title = root.find(".//title")
    if title is not None:
        meta.title = clean_line(title.text_content())
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = clean_line(el.get("content") or "")
        if not key or not value:
            continue
        if key == "og:title" and not meta.og_title:
            meta.og_title = value
        elif key in _DATE_META:
            meta.dates.append((f"meta:{key}", value))
        elif key in _AUTHOR_META and not value.startswith("http"):
            meta.author = meta.author or value
            meta.authors.append(value)
        elif key in ("og:site_name", "application-name"):
            meta.site_names.append(value)
    for el in root.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            meta.canonical = el.get("href").strip()
            break
    dates, authors, publishers = _jsonld(root)
    meta.dates.extend(dates)
    meta.authors[:0] = authors  # JSON-LD first: it says which name is the author
    meta.site_names.extend(publishers)
    for el in root.xpath('//*[@itemprop="datePublished"]'):  # <time> only near the article: see page
        raw = el.get("content") or el.get("datetime") or el.text_content()
        if raw and raw.strip():
            meta.dates.append((f"markup:{el.tag}", clean_line(raw)))
    return meta


def _names(value) -> list[str]:
    """Names in a JSON-LD person/organization value: a string, an object, or a list of them."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            out.append(clean_line(name))
    return out


def _jsonld(root: lxml_html.HtmlElement) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """Dates, author names and publisher names from the JSON-LD blocks."""
    found, authors, publishers = [], [], []
    for script in root.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            logger.debug("unreadable JSON-LD block skipped")
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                if isinstance(node.get("datePublished"), str):
                    found.append(("jsonld:datePublished", node["datePublished"]))
                authors += _names(node.get("author")) if "author" in node else []
                publishers += _names(node.get("publisher")) if "publisher" in node else []
                stack.extend(v for v in node.values() if isinstance(v, dict | list))
    return found, authors, publishers
