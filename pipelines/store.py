"""Stage 4: write the article to the archive, one committed row per item.

Each row is committed on its own, so an interrupted crawl (Ctrl-C, a kill)
keeps everything stored before it, and nothing is stored half-way.
"""

from __future__ import annotations

import logging
import sqlite3

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from pipelines.base import ArchiveStage, pages_only

logger = logging.getLogger(__name__)

COLUMNS = ("url", "site", "title", "published_at", "published_raw", "published_from", "author", "source",
           "attachments", "comments",
           "text", "content_hash", "fetched_at", "crawl_id", "warc_file", "warc_offset", "warc_length",
           "captured_at", "capture_archive")


class StorePipeline(ArchiveStage):
    @pages_only
    def process_item(self, item):
        adapter = ItemAdapter(item)
        record = {name: adapter[name] for name in COLUMNS}
        try:
            if adapter["existing_id"] is not None:
                article_id = adapter["existing_id"]
                self.archive.replace_article(article_id, record, adapter["signature"])
                self.stats.inc_value("govarchive/articles_updated")
            else:
                article_id = self.archive.insert_article(record, adapter["signature"], adapter["near_id"])
                self.stats.inc_value("govarchive/articles_new")
            if adapter["fetched_url"] and adapter["fetched_url"] != record["url"]:  # a printer page
                self.archive.record_sighting(article_id, adapter["fetched_url"], record["site"],
                                             record["fetched_at"])
        except sqlite3.IntegrityError as exc:  # a concurrent writer stored it first
            self.stats.inc_value("govarchive/duplicates/content")
            raise DropItem(f"duplicate at store time: {exc}") from exc
        adapter["body"], adapter["signature"] = b"", None  # stored: free the page bytes
        return item
