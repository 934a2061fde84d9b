"""The dates, dedup and store stages, each built alone with Scrapy's get_crawler over a temporary archive."""

from __future__ import annotations

import sqlite3

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from crawler.runtime.items import DocumentItem, PageItem
from pipelines.dates import DatePipeline
from pipelines.dedup import DedupPipeline
from pipelines.store import StorePipeline

TEXT = ("Sáng ngày 14/3, Ủy ban nhân dân huyện tổ chức hội nghị tổng kết công tác dân vận năm 2018 "
        "và triển khai nhiệm vụ năm 2019. ") * 6


@pytest.fixture
def crawler(tmp_path):
    return get_crawler(settings_dict={"GOVARCHIVE_DB": str(tmp_path / "a.db")})


def _stage(cls, crawler):
    stage = cls.from_crawler(crawler)
    if hasattr(stage, "open_spider"):
        stage.open_spider()
    return stage


def _page(url: str, text: str = TEXT, **fields) -> PageItem:
    fields.setdefault("title", "Hội nghị tổng kết công tác dân vận")
    return PageItem(url=url, site="huyen", crawl_id="c1", fetched_at="2026-01-02T03:04:05+00:00",
                    fetched_url=url, text=text, **fields)


def test_dates_picks_the_first_candidate_that_parses_in_vietnam_time(crawler):
    item = _page("http://h/a", date_candidates=[("meta", "not a date"), ("line", "Ngày 14/03/2019 08:59")])
    _stage(DatePipeline, crawler).process_item(item)
    assert (item.published_at, item.published_raw) == ("2019-03-14T08:59:00+07:00", "Ngày 14/03/2019 08:59")


def test_dates_leaves_a_date_after_the_fetch_out(crawler):
    item = _page("http://h/a", date_candidates=[("line", "01/01/2030")])
    _stage(DatePipeline, crawler).process_item(item)
    assert item.published_at is None
    assert crawler.stats.get_value("govarchive/articles_without_date") == 1


def test_documents_pass_the_article_stages_untouched(crawler):
    document = DocumentItem(url="http://h/qd.pdf", site="huyen", crawl_id="c1", fetched_at="2026-01-01")
    assert _stage(DatePipeline, crawler).process_item(document) is document


def test_store_then_dedup_keeps_one_row_and_every_address(crawler, tmp_path):
    store, dedup = _stage(StorePipeline, crawler), _stage(DedupPipeline, crawler)
    store.process_item(dedup.process_item(_page("http://h/a")))
    with pytest.raises(DropItem, match="duplicate of article 1"):
        dedup.process_item(_page("http://h/print/a"))
    store.close_spider(), dedup.close_spider()
    db = sqlite3.connect(tmp_path / "a.db")
    assert db.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    assert [u for (u,) in db.execute("SELECT url FROM article_urls ORDER BY url")] == [
        "http://h/a", "http://h/print/a"]
    assert crawler.stats.get_value("govarchive/duplicates/content") == 1


def test_changed_text_at_a_known_address_becomes_a_version(crawler, tmp_path):
    store, dedup = _stage(StorePipeline, crawler), _stage(DedupPipeline, crawler)
    store.process_item(dedup.process_item(_page("http://h/a")))
    store.process_item(dedup.process_item(_page("http://h/a", text=TEXT + "Đính chính: hội nghị ngày 15/3.")))
    store.close_spider(), dedup.close_spider()
    db = sqlite3.connect(tmp_path / "a.db")
    assert db.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    assert db.execute("SELECT count(*) FROM article_versions").fetchone() == (1,)
    assert crawler.stats.get_value("govarchive/articles_updated") == 1


def test_notices_with_one_stock_line_are_two_notices_when_their_titles_or_files_differ(crawler, tmp_path):
    store, dedup = _stage(StorePipeline, crawler), _stage(DedupPipeline, crawler)
    stock = "Chi tiết xem tại văn bản đính kèm./."

    def notice(url: str, month: int, file: int) -> PageItem:
        return _page(url, stock, title=f"Thông báo lịch tiếp dân tháng {month}",
                     attachments=f'[{{"label": "Tải về", "url": "http://h/tb-{file}.pdf"}}]')

    for url, month, file in (("http://h/tb-1", 4, 1), ("http://h/tb-2", 5, 2), ("http://h/tb-3", 5, 3)):
        store.process_item(dedup.process_item(notice(url, month, file)))
    with pytest.raises(DropItem, match="duplicate of article 1"):  # the same notice at another address
        dedup.process_item(notice("http://h/print/tb-1", 4, 1))
    store.close_spider(), dedup.close_spider()
    db = sqlite3.connect(tmp_path / "a.db")
    assert db.execute("SELECT count(*) FROM articles").fetchone() == (3,)


def test_an_article_first_read_from_its_printer_view_keeps_the_capture_of_its_own_page(crawler, tmp_path):
    store, dedup = _stage(StorePipeline, crawler), _stage(DedupPipeline, crawler)
    printer = _page("http://h/tin-1", warc_file="a.warc.gz", warc_offset=10, warc_length=5)
    printer.fetched_url = "http://h/in/tin-1"  # canonical to the article
    store.process_item(dedup.process_item(printer))
    with pytest.raises(DropItem, match="duplicate of article 1"):
        dedup.process_item(_page("http://h/tin-1", warc_file="a.warc.gz", warc_offset=20, warc_length=7))
    store.close_spider(), dedup.close_spider()
    db = sqlite3.connect(tmp_path / "a.db")
    assert db.execute("SELECT warc_offset, warc_length FROM articles").fetchone() == (20, 7)


def test_photo_stories_without_text_are_stored_as_two_when_their_titles_differ(crawler, tmp_path):
    store, dedup = _stage(StorePipeline, crawler), _stage(DedupPipeline, crawler)
    for n in (1, 2):
        story = _page(f"http://h/tin-anh/{n}", "", title=f"Hình ảnh đại hội số {n}")
        store.process_item(dedup.process_item(story))
    store.close_spider(), dedup.close_spider()
    db = sqlite3.connect(tmp_path / "a.db")
    rows = db.execute("SELECT title, text FROM articles ORDER BY id").fetchall()
    assert rows == [("Hình ảnh đại hội số 1", ""), ("Hình ảnh đại hội số 2", "")]
