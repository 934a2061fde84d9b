"""Stage 2: one row per distinct article, and nothing forgotten.

The same normalised text under the same or another URL (a re-crawl, a printer
page, a second address, another portal's copy) is a duplicate: its URL and
site are recorded in ``article_urls`` and the page is dropped and counted. The
same URL with changed text goes on as a new version of the archived row.

A near duplicate on the same site, at a new address, is the same article seen
through another view (a printer page under its own path, a mobile or
alternate view with a line or two more or less): it becomes a sighting, not a
second row. On another portal a near duplicate (a syndicated copy with small
edits) goes on as its own row in the same cluster.
"""

from __future__ import annotations

import json
import logging

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from archive import neardup
from common.textnorm import content_hash, fold
from pipelines.base import ArchiveStage, pages_only

logger = logging.getLogger(__name__)


def _files(adapter: ItemAdapter) -> list[str]:
    return _file_urls(adapter.get("attachments"))


def _file_urls(attachments: str | None) -> list[str]:
    return [a["url"] for a in json.loads(attachments or "[]")]



class DedupPipeline(ArchiveStage):
    @pages_only
    def process_item(self, item):
        adapter = ItemAdapter(item)
        # made by the extraction worker; a short body is hashed with its title and files
        digest = adapter["content_hash"] or content_hash(adapter["text"], adapter["title"], _files(adapter))
        adapter["content_hash"] = digest
        same_text = self.archive.article_by_hash(digest)
        if same_text is not None:
            self._sighted(adapter, same_text["id"])
            kind = "url" if same_text["url"] == adapter["url"] else "content"
            if kind == "url" and adapter["fetched_url"] in ("", adapter["url"]) and adapter["warc_file"]:
                self.archive.prefer_own_capture(same_text["id"], adapter["crawl_id"], (
                    adapter["warc_file"], adapter["warc_offset"], adapter["warc_length"]))
            self.stats.inc_value(f"govarchive/duplicates/{kind}")
            raise DropItem(f"duplicate of article {same_text['id']} ({same_text['url']})")
        adapter["existing_id"] = self.archive.article_seen_at(adapter["url"])
        if adapter["existing_id"] is not None and adapter["captured_at"]:
            # an old capture of an archived address: a sighting, never a version over newer text
            self._sighted(adapter, adapter["existing_id"])
            self.stats.inc_value("govarchive/duplicates/recovered_known")
            raise DropItem(f"capture of archived article {adapter['existing_id']}")
        if adapter["signature"] is None:  # the extraction worker computed it, when there is one
            adapter["signature"] = neardup.signature(adapter["text"])
        match = neardup.find_similar(self.archive.db, adapter["signature"])
        if match is not None and match.article_id != adapter["existing_id"]:
            if adapter["existing_id"] is None and self._same_article(adapter, match):
                self._sighted(adapter, match.article_id)
                self.stats.inc_value("govarchive/duplicates/same_site_view")
                raise DropItem(f"another view of article {match.article_id} on the same site "
                               f"({match.similarity:.2f} similar)")
            adapter["near_id"] = match.article_id
            self.stats.inc_value("govarchive/near_duplicates")
        return item

    def _same_article(self, adapter: ItemAdapter, match: neardup.Match) -> bool:
        """Same site, same title, nearly the same words: one article seen through two views.

        The title is required: a printer or mobile view keeps it, while an edited
        article republished under a new headline is a new article (its near-copy
        similarity alone is as high as a view's). So are the attached files, where both pages
        have some (a printer view may show none): two notices with the same stock line and title
        ("Lịch tiếp dân") but their own files are two notices.
        """
        site, title, attachments = self.archive.site_title_files(match.article_id)
        theirs, ours = set(_file_urls(attachments)), set(_files(adapter))
        return (site == adapter["site"] and fold(title or "").lower() == fold(adapter["title"]).lower()
                and (not theirs or not ours or theirs == ours))

    def _sighted(self, adapter: ItemAdapter, article_id: int) -> None:
        for url in {adapter["url"], adapter["fetched_url"] or adapter["url"]}:
            self.archive.record_sighting(article_id, url, adapter["site"], adapter["fetched_at"])
