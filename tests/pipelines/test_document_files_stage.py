"""The documents stage alone (get_crawler, a temporary archive): a file is stored once with every link."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from documents_factory import DECISION, text_pdf
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from crawler.runtime.items import DocumentItem, PageItem
from pipelines.document_files import DocumentPipeline


@pytest.fixture
def stage(tmp_path):
    crawler = get_crawler(settings_dict={"GOVARCHIVE_DB": str(tmp_path / "a.db"), "GOVARCHIVE_OCR": False})
    stage = DocumentPipeline.from_crawler(crawler)
    stage.open_spider()
    yield stage
    stage.close_spider()


def _file(url: str, body: bytes) -> DocumentItem:
    return DocumentItem(url=url, site="huyen", crawl_id="c1", fetched_at="2026-01-01T00:00:00+00:00",
                        content_type="application/pdf", body=body, linked_from="http://h/van-ban",
                        link_text="Quyết định 123")


def test_a_pdf_is_stored_with_its_number_and_link(stage, tmp_path):
    asyncio.run(stage.process_item(_file("http://h/qd-123.pdf", text_pdf(DECISION))))
    db = sqlite3.connect(tmp_path / "a.db")
    assert db.execute("SELECT count(*) FROM documents WHERE number IS NOT NULL").fetchone() == (1,)
    assert db.execute("SELECT url, page_url FROM document_links").fetchall() == [
        ("http://h/qd-123.pdf", "http://h/van-ban")]


def test_the_same_file_under_another_address_is_a_link_not_a_second_document(stage, tmp_path):
    body = text_pdf(DECISION)
    asyncio.run(stage.process_item(_file("http://h/qd-123.pdf", body)))
    with pytest.raises(DropItem, match="same file as document 1"):
        asyncio.run(stage.process_item(_file("http://h/files/qd-123-ubnd.pdf", body)))
    db = sqlite3.connect(tmp_path / "a.db")
    assert db.execute("SELECT count(*) FROM documents").fetchone() == (1,)
    assert db.execute("SELECT count(*) FROM document_links").fetchone() == (2,)


def test_a_page_that_is_no_document_is_a_dead_end_and_pages_pass(stage, tmp_path):
    with pytest.raises(DropItem, match="not a document"):
        asyncio.run(stage.process_item(_file("http://h/x.pdf", b"<html><body>404</body></html>")))
    page = PageItem(url="http://h/a", site="huyen", crawl_id="c1", fetched_at="2026-01-01")
    assert asyncio.run(stage.process_item(page)) is page
    db = sqlite3.connect(tmp_path / "a.db")
    assert db.execute("SELECT kind FROM pages WHERE url = 'http://h/x.pdf'").fetchone() == ("dead_end",)
