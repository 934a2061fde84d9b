"""Reading an archived article again from its WARC record (crawler.extraction.reextract), alone."""

from __future__ import annotations

from archive.warc import Capture, RotatingWarcWriter
from crawler.extraction import extract_page
from crawler.extraction.reextract import ReextractReport, change_of, record_of

BODY = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân xã tổ chức hội nghị tổng kết công tác năm 2024.</p>"
               for i in range(6))
PAGE = (f"<html><head><title>Hội nghị tổng kết</title></head><body><h1>Hội nghị tổng kết</h1>{BODY}"
        "</body></html>")


def _row(tmp_path, **fields) -> dict:
    writer = RotatingWarcWriter(tmp_path, "c1")
    ref = writer.write(Capture("http://xa.gov.vn/tin/1", "GET", [], 200, "OK",
                               [("Content-Type", "text/html; charset=utf-8")], PAGE.encode()))
    writer.close()
    row = {"id": 1, "url": "http://xa.gov.vn/tin/1", "fetched_at": "2026-01-01T00:00:00+00:00",
           "warc_file": ref.file, "warc_offset": ref.offset, "warc_length": ref.length,
           "title": "Hội nghị tổng kết", "published_at": None, "published_raw": None, "published_from": None,
           "author": None, "source": None, "text": "", "attachments": None, "comments": None}
    return {**row, **fields}


def test_a_date_the_listing_gave_is_kept_when_the_page_shows_none(tmp_path):
    row = _row(tmp_path, published_at="2024-03-12", published_raw="2024-03-12", published_from="listing")
    report = ReextractReport()
    stored = record_of(tmp_path, row, report)
    change = change_of(row, extract_page(stored.body, row["url"], stored.content_type), report)
    assert change is not None and "text" in change.fields
    assert not {"published_at", "published_raw", "published_from"} & set(change.fields)
