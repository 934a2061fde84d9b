"""ASP.NET WebForms pagers: listings whose next pages are form posts, not links.

A GridView or DataPager renders its page links as
``javascript:__doPostBack('ctl00$Main$grvTinTuc','Page$2')``: the browser posts the page's one
form back with ``__EVENTTARGET``/``__EVENTARGUMENT`` set and every hidden field
(``__VIEWSTATE``, ``__EVENTVALIDATION``) as the page gave them. Only pager postbacks are found
here (a ``Page$N``/``Page$Next`` argument, or a link whose text is a page number or "next"):
a search button, a login or a vote is never submitted.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

POSTBACK = re.compile(
    r"__doPostBack\(\s*['\"]([^'\"]+)['\"]\s*,\s*['\"]([^'\"]*)['\"]\s*\)"
    r"|WebForm_PostBackOptions\(\s*['\"]([^'\"]+)['\"]\s*,\s*['\"]([^'\"]*)['\"]"
)
PAGER_ARGUMENT = re.compile(r"^Page\$(?:\d{1,5}|Next|Prev|First|Last)$", re.I)
FORM_XPATH = "//form[.//input[@name='__VIEWSTATE' or @name='__EVENTVALIDATION']]"


@dataclass(frozen=True)
class Postback:
    target: str  # __EVENTTARGET: the control that pages
    argument: str  # __EVENTARGUMENT: Page$3, Page$Next, or '' for a "next" link button
    relative: bool  # Next/Prev: which page it leads to depends on the page it is on

    @property
    def formdata(self) -> dict[str, str]:
        return {"__EVENTTARGET": self.target, "__EVENTARGUMENT": self.argument}

    def key(self, page_key: str, state: str) -> str:
        """The dedup key: the page, the control, the argument (and, for Next, where it stands)."""
        return f"{page_key}#postback:{self.target}:{self.argument}" + (f"@{state}" if self.relative else "")


def webforms_page(text: str) -> bool:
    """Whether a page's source has WebForms' hidden state fields. A substring test: it spares
    every other page the form XPath, a walk of the whole tree that was 3% of a many-portal
    crawl's process (``PROFILE=... benchmarks/portals_bench.py``)."""
    return "__VIEWSTATE" in text or "__EVENTVALIDATION" in text


def pager_postbacks(root, paging_text) -> list[Postback]:
    """The pager postbacks of a WebForms page (``paging_text(anchor)``: the anchor reads as a pager's)."""
    if not root.xpath(FORM_XPATH):
        return []
    found: dict[tuple[str, str], Postback] = {}
    for anchor in root.iter("a"):
        href = anchor.get("href") or ""
        match = POSTBACK.search(href) or POSTBACK.search(anchor.get("onclick") or "")
        if not match:
            continue
        target, argument = (match[1], match[2]) if match[1] is not None else (match[3], match[4])
        numbered = bool(re.fullmatch(r"Page\$\d+", argument, re.I))
        if not (PAGER_ARGUMENT.match(argument) or (not argument and paging_text(anchor))):
            continue  # a search button, a login, a sort order: never submitted
        found.setdefault((target, argument), Postback(target, argument, relative=not numbered))
    return list(found.values())


def page_state(links: list[str]) -> str:
    """A short fingerprint of what a listing page shows (its links): a "Next" from the same
    page state is the same request; from a new state, a new one."""
    return hashlib.blake2b("\n".join(sorted(set(links))).encode(), digest_size=6).hexdigest()
