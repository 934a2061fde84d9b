"""Stage 0: documents (PDF, Word, spreadsheets): text, metadata, one row per file.

The same file (same SHA-256) under another URL or linked from another page is
not read or stored again: the link is recorded. Reading runs in one worker
thread, so the crawl goes on fetching while a PDF is read (PDFium releases the
GIL) or a scan is OCR'd (Tesseract is a subprocess); one at a time keeps OCR
from taking both cores from the crawl. Article items pass through untouched.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import sqlite3
from concurrent.futures import ThreadPoolExecutor

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from archive.document_store import DocumentStore
from archive.store import Archive
from crawler.documents import process_document
from crawler.documents.ocr import MAX_OCR_PAGES
from crawler.documents.process import DocumentRecord
from crawler.runtime.items import DocumentItem
from pipelines.base import ArchiveStage

logger = logging.getLogger(__name__)


class DocumentPipeline(ArchiveStage):
    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self.ocr = self.settings.getbool("GOVARCHIVE_OCR", True)
        self.ocr_pages = self.settings.getint("GOVARCHIVE_OCR_MAX_PAGES", MAX_OCR_PAGES)
        self.executor: ThreadPoolExecutor | None = None
        self.store: DocumentStore | None = None

    def open_spider(self, spider=None) -> None:
        super().open_spider(spider)
        if isinstance(self.archive, Archive):  # a worker writes to the stream: no reads, no dedup there
            self.store = DocumentStore(self.archive.db)
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="govarchive-documents")

    def close_spider(self, spider=None) -> None:
        if self.executor:
            self.executor.shutdown(wait=True)
        super().close_spider(spider)

    async def process_item(self, item):
        if not isinstance(item, DocumentItem):
            return item
        adapter = ItemAdapter(item)
        link = {"url": adapter["url"], "page_url": adapter["linked_from"], "link_text": adapter["link_text"],
                "seen_at": adapter["fetched_at"], "crawl_id": adapter["crawl_id"]}
        if adapter["read"] is not None:  # read by a worker: the ingest stores it
            record = DocumentRecord(**adapter["read"])
        else:
            if self.store is not None:
                self._drop_if_known(hashlib.sha256(adapter["body"]).hexdigest(), link)
            loop = asyncio.get_running_loop()
            record = await loop.run_in_executor(self.executor, self._read, adapter)
            if record is None:
                self._skip(adapter, "not_a_document", "not a document (unknown or HTML content)")
            if self.store is None:  # a worker: the record goes to the ingest with the item
                adapter["read"], adapter["body"] = record.stored(), b""
                return item
        self._drop_if_known(record.sha256, link)  # the same file under another URL was read meanwhile
        row = {**record.stored(), **{k: adapter[k] for k in ("url", "site", "fetched_at", "crawl_id",
                                                            "warc_file", "warc_offset", "warc_length")}}
        try:
            document_id = self.store.insert(row, link)
        except sqlite3.IntegrityError:  # another crawl process stored the same file first
            self._drop_if_known(record.sha256, link)
            raise
        self.stats.inc_value("govarchive/documents/stored")
        self.stats.inc_value(f"govarchive/documents/{record.text_method or 'no_text'}")
        if record.ocr_pending:
            self.stats.inc_value("govarchive/documents/ocr_pending")
        logger.info("document %d: %s (%s, %s)", document_id, adapter["url"], record.kind,
                    record.text_method or record.note)
        adapter["body"] = b""  # stored: free the bytes
        return item

    def _drop_if_known(self, sha256: str, link: dict) -> None:
        known = self.store.by_sha256(sha256)
        if known is not None:
            self.store.add_link(known, link)
            self.stats.inc_value("govarchive/documents/same_file")
            raise DropItem(f"same file as document {known}")

    def _read(self, adapter):
        return process_document(adapter["body"], adapter["url"], adapter["content_type"],
                                adapter["disposition"], adapter["context"], adapter["link_text"],
                                ocr=self.ocr, ocr_pages=self.ocr_pages)

    def _skip(self, adapter, stat: str, reason: str):
        self.archive.record_page(adapter["url"], adapter["site"], "dead_end", reason, adapter["fetched_at"],
                                 adapter["crawl_id"])
        self.stats.inc_value(f"govarchive/documents/skipped/{stat}")
        raise DropItem(reason)
