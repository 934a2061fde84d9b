"""The worker's last pipeline stage: each item goes to the stream for the ingest."""

from __future__ import annotations

from scrapy.exceptions import DropItem

from crawler.distributed import codec
from crawler.distributed.remote import RemoteArchive
from pipelines.base import Stage


class StreamPipeline(Stage):
    remote: RemoteArchive | None = None

    def open_spider(self, spider=None) -> None:
        self.remote = RemoteArchive(self.settings.get("GOVARCHIVE_REDIS_URL"), self.crawler)

    def close_spider(self, spider=None) -> None:
        self.remote.close()

    def process_item(self, item):
        if not self.remote.send(codec.encode_item(item)):
            raise DropItem("not sent: Redis is unavailable (the page is fetched again on resume)")
        self.stats.inc_value("govarchive/stream/sent")
        return item
