"""Saved pages read as a crawl reads a portal: each page's address, a template per portal.

``govarchive extract`` takes saved pages, often of several portals at once. A page's address
is what ``--url`` says, else what the page says of itself: the comment browsers write when
they save a page (``<!-- saved from url=(0054)https://... -->``), the one HTTrack writes in
each page of a mirror (``<!-- Mirrored from host/path by HTTrack ..., <date> -->``, the date
it was fetched, against which "3 ngày trước" is read), ``<link rel=canonical>`` or
``og:url``. Pages are grouped by the host of that address (pages with none form one group),
and each group of at least ``MIN_PAGES`` learns its own template from the pages that read
as articles without one, as a crawl does: one portal's pages never teach another's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime

from common.urls import host_of, is_index_page
from crawler.extraction.decode import decode_html
from crawler.extraction.page import extract_bytes, extract_page
from crawler.extraction.result import Extraction
from crawler.extraction.template import MIN_PAGES, SiteTemplate, learn
from crawler.profiles import SiteProfile

HEAD_BYTES = 65536  # where a page's own address is looked for
_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.I)
# HTTrack's footer as it writes it by default ("Mirrored from %s%s by HTTrack Website Copier/3.x
# [XR&CO'2014], %s"): the host (with "https://" when it was, bare when http), the path, the time
_MIRRORED_FROM = re.compile(rb"<!--\s*Mirrored from\s+(\S+?)\s+by HTTrack[^,>]*,\s*([^<>]*?)\s*-->", re.I)
_ADDRESS = rb"[\"']?(https?://[^\"'\s>]+)"
_DECLARED = [re.compile(rb"<link\b[^>]*\brel=[\"']?canonical[\"']?[^>]*\bhref=" + _ADDRESS, re.I),
             re.compile(rb"<meta\b[^>]*\bproperty=[\"']?og:url[\"']?[^>]*\bcontent=" + _ADDRESS, re.I)]


@dataclass
class SavedPage:
    name: str
    body: bytes
    url: str | None = None
    fetched_at: datetime | None = None  # when the page was fetched, where it says (a mirror's note)


@dataclass
class PortalReading:
    """What extracting saved pages gave: each page's extraction, and each portal's template."""

    results: list[tuple[SavedPage, Extraction]]
    templates: dict[str, SiteTemplate]  # by host ("" for pages with no address)


def address_of(body: bytes) -> str | None:
    """The address a saved page gives of itself: the browser's note, the canonical link, og:url."""
    head = body[:HEAD_BYTES]
    if found := _SAVED_FROM.search(head):
        return found.group(1).decode("ascii", "replace")
    if found := _MIRRORED_FROM.search(head):
        address = found.group(1).decode("ascii", "replace")
        return address if address.lower().startswith(("http://", "https://")) else f"http://{address}"
    for pattern in _DECLARED:
        address = found.group(1).decode("ascii", "replace") if (found := pattern.search(head)) else None
        if address and not is_index_page(address):  # (many portals declare their home on every page)
            return address
    return None


def fetched_at_of(body: bytes) -> datetime | None:
    """When a mirrored page was fetched, by HTTrack's note (None without one, or unreadable)."""
    if not (found := _MIRRORED_FROM.search(body[:HEAD_BYTES])):
        return None
    try:
        when = parsedate_to_datetime(found.group(2).decode("ascii", "replace"))
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo is not None else None


def read_saved(pages: list[SavedPage], fetched_at: datetime, learn_templates: bool = True) -> PortalReading:
    """Each page extracted, with its portal's template where one is learnt."""
    for page in pages:
        page.url = page.url or address_of(page.body)
        page.fetched_at = page.fetched_at or fetched_at_of(page.body)
    groups: dict[str, list[SavedPage]] = defaultdict(list)
    for page in pages:
        groups[_host(page)].append(page)
    templates = {}
    if learn_templates:
        for host, members in groups.items():
            if len(members) >= MIN_PAGES and (template := _learn(members)) is not None:
                templates[host] = template
    profiles = {host: SiteProfile(t.selectors()) for host, t in templates.items()}
    results = [(p, extract_page(p.body, p.url, None, p.fetched_at or fetched_at, profiles.get(_host(p))))
               for p in pages]
    return PortalReading(results, templates)


def _host(page: SavedPage) -> str:
    return (host_of(page.url) or "") if page.url else ""


def _learn(pages: list[SavedPage]) -> SiteTemplate | None:
    """The portal's template from its pages that read as articles (all of them, where fewer
    than ``MIN_PAGES`` do). A page with no address is known to the learner by its place
    in the list ("#3"), which gives it no slug to match a title against."""
    decoded = [(p.url or f"#{n}", p.body, decode_html(p.body)[0]) for n, p in enumerate(pages)]
    seen = {}
    for (key, body, _), page in zip(decoded, pages, strict=True):
        result = extract_bytes(body, page.url)  # bounded in bytes and time, as every page's reading is
        if result.is_article:
            seen[key] = (result.title, result.text)
    chosen = [(key, html) for key, _, html in decoded if key in seen or len(seen) < MIN_PAGES]
    template = learn(chosen, seen)
    return template if template is not None and template.selectors() else None
