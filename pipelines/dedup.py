"""Stage 2: one row per distinct article, and nothing forgotten.

The same normalised text under the same or another URL (a re-crawl, a printer
page, a second address, another portal's copy) is a duplicate: its URL and
site are recorded in ``article_urls`` and the page is dropped and counted. The
same URL with changed text goes on as a new version of the archived row. A
near duplicate (a syndicated copy with small edits) goes on as its own row in
the same cluster.
"""

from __future__ import annotations

import logging

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from archive import neardup
from crawler.textnorm import content_hash
from pipelines.base import ArchiveStage

logger = logging.getLogger(__name__)


class DedupPipeline(ArchiveStage):
    def process_item(self, item):
        adapter = ItemAdapter(item)
        digest = content_hash(adapter["text"])
        adapter["content_hash"] = digest
        same_text = self.archive.article_by_hash(digest)
        if same_text is not None:
            for url in {adapter["url"], adapter["fetched_url"] or adapter["url"]}:
                self.archive.record_sighting(same_text["id"], url, adapter["site"], adapter["fetched_at"])
            kind = "url" if same_text["url"] == adapter["url"] else "content"
            self.stats.inc_value(f"govarchive/duplicates/{kind}")
            raise DropItem(f"duplicate of article {same_text['id']} ({same_text['url']})")
        adapter["existing_id"] = self.archive.article_seen_at(adapter["url"])
        adapter["signature"] = neardup.signature(adapter["text"])
        match = neardup.find_similar(self.archive.db, adapter["signature"])
        if match is not None and match.article_id != adapter["existing_id"]:
            adapter["near_id"] = match.article_id
            self.stats.inc_value("govarchive/near_duplicates")
        return item
