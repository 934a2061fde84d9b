"""Structured metadata of a page: canonical URL, titles, dates, author.

Read before boilerplate removal, from ``<head>`` and microdata, so it is cheap
and independent of the layout.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field

from lxml import html as lxml_html

from crawler.textnorm import clean_line

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
        elif key in _AUTHOR_META and not meta.author and not value.startswith("http"):
            meta.author = value
    for el in root.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            meta.canonical = el.get("href").strip()
            break
    meta.dates.extend(_jsonld_dates(root))
    for el in root.xpath('//*[@itemprop="datePublished"]'):  # <time> only near the article: see page
        raw = el.get("content") or el.get("datetime") or el.text_content()
        if raw and raw.strip():
            meta.dates.append((f"markup:{el.tag}", clean_line(raw)))
    return meta


def _jsonld_dates(root: lxml_html.HtmlElement) -> list[tuple[str, str]]:
    found = []
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
                stack.extend(v for v in node.values() if isinstance(v, dict | list))
    return found
