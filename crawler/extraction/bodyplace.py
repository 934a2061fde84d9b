"""Where a portal's article text sits, learnt from its own pages: the fast path for its layout.

On a layout no trusted profile knows, each page's body is chosen among candidates (``generic``):
the located body, read through trafilatura, and trafilatura's reading of the whole page. Once a
site's first articles show their chosen text at one place of the page (the same path of tags
and classes, the same match of it), that place becomes the site's ``body`` selector, and its
next pages take the path a maintainer's selector gets: the place's blocks as they stand.

The place is kept only if it gives back, on every page it was learnt from, the text the
chooser gave there (and the title, where no title place was learnt): a site whose article
text moves from page to page, or whose container holds more than the article, learns no body
and its pages go on being chosen page by page.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping

from lxml import etree

from common.textnorm import fold
from crawler.extraction.boilerplate import clean_tree
from crawler.extraction.page import extract_html
from crawler.extraction.places import path_of, xpath_of
from crawler.extraction.tree import parse_page
from crawler.profiles import SiteProfile, detect
from crawler.profiles.site import SelectorError

logger = logging.getLogger(__name__)

MIN_LINE = 30  # characters: a line this long is looked for in the page (short ones repeat)
MAX_PROBES = 40  # lines looked for on a page
AGREE = 0.9  # share of each text's characters the other must hold, and of a page's lines its place holds
SHARE = 0.8  # share of the pages the place must be found on
MIN_SEEN = 4  # pages with a text of their own, at least, before a place is learnt
_CONTAINERS = ("div", "td", "article", "section", "main", "table", "tbody", "tr", "p", "span", "font",
               "center", "form")


def body_place(pages: list[tuple[str, str]], seen: Mapping[str, tuple[str, str]],
               selectors: Mapping[str, object]) -> str | None:
    """The XPath of the site's article text, learnt from ``pages`` (url, html) and what was
    extracted from them without it (``seen``: url -> title, text); ``selectors``: what else the
    template learnt, used with it. None when no one place gives every page its text."""
    places: Counter[tuple[str, int]] = Counter()
    counted = 0
    for url, html in pages:
        text = seen.get(url, ("", ""))[1]
        root = _cleaned(html, url) if text else None
        if root is None:
            continue
        counted += 1
        place = _holder(root, text)
        if place is not None:
            places[place] += 1
    for (path, index), count in places.most_common(2):
        if counted < MIN_SEEN or count < SHARE * counted:
            break
        xpath = f"({xpath_of(path)})[{index + 1}]"
        if _gives_back(pages, seen, {**selectors, "body": xpath}):
            return xpath
    return None


def _cleaned(html: str, url: str):
    """The page's tree as extraction sees it when it looks for the body; None where a trusted
    profile already names the body (its pages are on the fast path) or the page does not parse."""
    try:
        root = parse_page(html)
    except (etree.ParserError, ValueError):
        return None
    platform = detect(root, url)
    if platform is not None:
        platform.drop(root)
        if platform.TRUSTED_BODY and platform.body(root) is not None:
            return None
    return clean_tree(root)


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _holder(root, text: str) -> tuple[str, int] | None:
    """The smallest element holding the text's long lines, the innermost of equals (what the
    boilerplate rules left of the page may stand alone in nested blocks), as (path, which match)."""
    probes = [line for line in _lines(text) if len(line) >= MIN_LINE][:MAX_PROBES]
    total = sum(map(len, probes))
    if not probes:
        return None
    best, best_len = None, 0
    for el in root.iter(*_CONTAINERS):
        shown = " ".join(el.text_content().split())
        if len(shown) < AGREE * total or (best is not None and len(shown) > best_len):
            continue
        if sum(len(p) for p in probes if p in shown) >= AGREE * total:
            best, best_len = el, len(shown)
    if best is None:
        return None
    path = path_of(best)
    try:
        matches = etree.XPath(xpath_of(path))(root)
    except etree.XPathError:
        return None
    return (path, matches.index(best)) if best in matches else None


def _gives_back(pages: list[tuple[str, str]], seen: Mapping[str, tuple[str, str]],
                selectors: Mapping[str, object]) -> bool:
    """Whether the selectors give back, on every page where the body place is found, the title
    and text extracted there without them, and the place is found on most pages."""
    try:
        profile = SiteProfile(selectors)
    except SelectorError:
        return False
    found = checked = 0
    for url, html in pages:
        title, text = seen.get(url, ("", ""))
        if not text:
            continue
        checked += 1
        result = extract_html(html, url, profile)
        if result.body_from != "site":  # the place found nothing here: the page was read without it
            continue
        found += 1
        if not result.is_article or not _same_text(result.text, text) \
                or ("title" not in selectors and fold(result.title) != fold(title)):
            logger.debug("the body place %s gives %s other text", selectors["body"], url)
            return False
    return checked > 0 and found >= SHARE * checked


def _same_text(ours: str, theirs: str) -> bool:
    mine, other = _lines(ours), _lines(theirs)
    mine_all, other_all = " ".join(mine), " ".join(other)
    held = sum(len(line) for line in other if line in mine_all)
    holds = sum(len(line) for line in mine if line in other_all)
    return held >= AGREE * sum(map(len, other)) and holds >= AGREE * sum(map(len, mine))
