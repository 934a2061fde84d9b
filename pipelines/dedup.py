"""Stage 2: one row per distinct article.

The same canonical URL with the same text, or the same normalised text under
another URL (a printer page, a second address, another portal's copy), is a
duplicate: dropped and counted. The same URL with changed text is kept as an
update of the archived row.
"""

from __future__ import annotations

import logging

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

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
            kind = "url" if same_text["url"] == adapter["url"] else "content"
            self.stats.inc_value(f"govarchive/duplicates/{kind}")
            raise DropItem(f"duplicate of article {same_text['id']} ({same_text['url']})")
        same_url = self.archive.article_by_url(adapter["url"])
        if same_url is not None:
            adapter["existing_id"] = same_url["id"]
        return item
