"""Stage 1: extract title, text, author, source and date candidates from the page."""

from __future__ import annotations

import logging

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from crawler.extract import extract_bytes
from pipelines.base import Stage

logger = logging.getLogger(__name__)


class ExtractPipeline(Stage):
    """Drops pages that are not articles, with the reason, and counts them."""

    def process_item(self, item):
        adapter = ItemAdapter(item)
        try:
            result = extract_bytes(adapter["body"], adapter["url"], adapter["content_type"])
        except RecursionError:
            result = None
        if result is None or not result.is_article:
            reason = result.reason if result else "markup too deeply nested"
            kind = "empty" if reason == "empty page" else "not_article"
            if kind == "empty":
                logger.info("empty page: %s", adapter["url"])
            self.stats.inc_value(f"govarchive/skipped/{kind}")
            raise DropItem(f"not an article: {reason}")
        adapter["url"] = result.url or adapter["url"]
        for name in ("title", "text", "author", "source", "date_candidates"):
            adapter[name] = getattr(result, name)
        self.stats.inc_value("govarchive/articles_extracted")
        return item
