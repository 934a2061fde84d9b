"""One site's template within a crawl: loaded from the archive, or learnt from its first pages.

The extract stage keeps one :class:`SiteLearning` per site key its pages carry: a registry
crawl has one, a crawl of addresses (``govarchive crawl URL ...``, sites keyed by their
host) one per host, so a zero-config crawl learns each portal's template as a registry
crawl does. Not a stage: the extract stage's helper, with no Scrapy in it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from crawler.extraction.template import MIN_PAGES, SiteTemplate, changes
from crawler.profiles import SiteProfile

logger = logging.getLogger(__name__)

LEARN_AT = 6  # article pages of a site its template is learnt from, during the crawl


class SiteLearning:
    """A site's selectors for its pages (the maintainer's over the learnt ones), and, until its
    template is known, the article pages it will be learnt from."""

    def __init__(self, key: str, registry: dict, learnt: dict | None, learns: bool) -> None:
        self.key = key
        self.registry = dict(registry)
        self.learning: list[tuple[str, str]] | None = [] if learnt is None and learns else None
        self.untemplated: list[str] = []  # its articles extracted before its template was learnt
        self.seen: dict[str, tuple[str, str, list]] = {}  # the first of them: url -> title, text, dates
        self.learnt = False  # a template was learnt in this crawl that changes what was extracted
        self.being_learnt = False  # the pages are taken, the template is not adopted yet
        self.profile: SiteProfile | None = None
        self.selectors = ""  # the same as JSON, for the extraction workers
        self.use(learnt or {})

    def use(self, learnt: dict) -> None:
        """The learnt selectors with the maintainer's over them (validated when the registry loaded)."""
        merged = {**learnt, **self.registry}
        self.profile = SiteProfile(merged) if merged else None
        self.selectors = json.dumps(merged, sort_keys=True) if merged else ""

    @property
    def untemplated_now(self) -> bool:
        """Whether the site's template is still to be learnt (its pages are extracted without it)."""
        return self.learning is not None or self.being_learnt

    def saw(self, url: str, title: str, text: str, dates: list, html: Callable[[], str]) -> bool:
        """Note an article extracted without the template (it may have been learnt while the page
        was extracted); True when enough are gathered to learn it. ``html``: the page's decoded
        text, asked for only while pages are being gathered."""
        self.untemplated.append(url)
        if len(self.seen) < LEARN_AT * 2:
            self.seen[url] = (title, text, dates)
        if self.learning is None:
            return False
        self.learning.append((url, html()))
        return len(self.learning) >= LEARN_AT

    def ready(self) -> bool:
        """Enough pages to learn from, though fewer than :data:`LEARN_AT` (the crawl ends)."""
        return self.learning is not None and len(self.learning) >= MIN_PAGES

    def take(self) -> tuple[list[tuple[str, str]], dict[str, tuple[str, str]]]:
        """The pages gathered and what was extracted from them, to learn from; no more are gathered."""
        pages, self.learning = self.learning or [], None
        self.being_learnt = True  # until adopt: a page read meanwhile is read without it
        return pages, {url: (title, text) for url, (title, text, _) in self.seen.items()}

    def adopt(self, template: SiteTemplate | None) -> bool:
        """Use the template learnt from what :meth:`take` gave, from now on; False when it says nothing."""
        self.being_learnt = False
        if template is None or not template.selectors():
            return False
        self.use(template.selectors())
        self.learnt = changes(template, self.seen)
        logger.info("learnt the template of %s from %d article pages (%s)", self.key, template.pages,
                    ", ".join(sorted(template.selectors())))
        return True
