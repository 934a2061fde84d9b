"""Scrapy's spider loader, plus one spider per registry site.

``scrapy list`` shows the spiders in ``spiders/`` and every registry key;
``scrapy crawl KEY`` crawls that site with the generic portal spider (or the
class its entry names in ``spider``), bound to the site's home pages and
politeness settings. The registry folder is ``GOVARCHIVE_REGISTRY`` (default:
the bundled one).
"""

from __future__ import annotations

import logging

from scrapy.spiderloader import SpiderLoader

from crawler import registry
from crawler.registry import Site

logger = logging.getLogger(__name__)


def spider_for(site: Site, base: type) -> type:
    """A spider class for one site, derived from ``base`` (its own class or the generic one)."""
    return type(f"{base.__name__}_{site.key.replace('-', '_')}", (base,), {
        "name": site.key, "site": site, "custom_settings": {**(base.custom_settings or {}),
                                                             **site.scrapy_settings()},
    })


class RegistrySpiderLoader(SpiderLoader):
    def __init__(self, settings) -> None:
        super().__init__(settings)
        problems: list[str] = []  # a bad entry disables its own site, never the others
        self.sites = registry.load(settings.get("GOVARCHIVE_REGISTRY") or None, problems=problems)
        # a crawl process of a split run: the run has said so once already
        say = logger.debug if settings.getbool("GOVARCHIVE_SHARD") else logger.warning
        for problem in problems:
            say("registry: %s (site left out)", problem)

    def list(self) -> list[str]:
        return sorted(set(super().list()) | set(self.sites))

    def load(self, spider_name: str) -> type:
        if spider_name in self.sites:
            site = self.sites[spider_name]
            return spider_for(site, super().load(site.spider or "portal"))
        return super().load(spider_name)
