"""The reading room (archive/views/), through Datasette's own in-process client: one page a test."""
# ruff: noqa: E501 - pages and records written as portals write them

from __future__ import annotations

import asyncio
import gzip
import re
from pathlib import Path

import pytest

from archive.document_store import DocumentStore
from archive.store import Archive
from archive.warc import Capture, RotatingWarcWriter, warc_folder
from archive.web import make_datasette

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Đảng bộ huyện tổng kết năm</title>
<script>document.title = 'x'; fetch('http://tracker.example/p')</script>
<link rel="stylesheet" href="http://cdn.example/site.css"><meta http-equiv="refresh" content="0;url=http://evil.example/">
</head><body onload="alert(1)"><img src="http://dongthap.gov.vn/logo.png" alt="Logo"><nav><a href="http://dongthap.gov.vn/2">Tin đăng ký</a>
<a href="https://facebook.com/share">Chia sẻ</a></nav><h1>Đảng bộ huyện tổng kết năm</h1>
<p style="background:url(http://img.example/bg.png)">Đảng bộ huyện tổng kết công tác năm 2024 với nhiều kết quả.</p>
<iframe src="http://video.example/embed"></iframe></body></html>"""
ARTICLES = [  # (path, title, text, published_at)
    ("1", "Đảng bộ huyện tổng kết năm", "Đảng bộ huyện tổng kết công tác năm 2024 với nhiều kết quả.\n\nĐoạn hai.",
     "2024-12-20T08:30:00+07:00"),
    ("2", "Mở lớp đăng ký trực tuyến", "Người dân đăng ký trực tuyến hồ sơ đang tăng.", "2023-05-02"),
]


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("room") / "archive.db"
    folder = warc_folder(path)
    folder.mkdir()
    writer = RotatingWarcWriter(folder, "c1")
    archive = Archive(path)
    archive.start_crawl("c1", "2026-01-01T00:00:00+00:00", [])
    archive.db.execute("INSERT INTO sites (key, name, province, level) VALUES "
                       "('dongthap', 'Cổng thông tin điện tử Đồng Tháp', 'Đồng Tháp', 'province')")
    for n, (path_part, title, text, published) in enumerate(ARTICLES, 1):
        url = f"http://dongthap.gov.vn/{path_part}"
        # the second as pasted from Word: a vertical tab, a control character's reference in a link
        body = PAGE if n == 1 else (f"<html><body><h1>{title}</h1><p>{text}\x0b<a href='/3&#1;' title='a\x01'>"
                                    "Tin khác</a></p></body></html>")
        ref = writer.write(Capture(url=url, method="GET", request_headers=[], status=200, reason="OK",
                                   response_headers=[("Content-Type", "text/html; charset=utf-8")],
                                   body=body.encode()))
        archive.insert_article({"url": url, "site": "dongthap", "title": title, "text": text,
                                "content_hash": f"h{n}", "fetched_at": "2026-01-01T01:00:00+00:00",
                                "crawl_id": "c1", "published_at": published, "published_from": "date line",
                                "warc_file": ref.file,
                                "warc_offset": ref.offset, "warc_length": ref.length})
    pdf = b"%PDF-1.4 a document"
    ref = writer.write(Capture(url="http://dongthap.gov.vn/qd.pdf", method="GET", request_headers=[], status=200,
                               reason="OK", response_headers=[("Content-Type", "application/pdf")], body=pdf))
    DocumentStore(archive.db).insert(
        {"url": "http://dongthap.gov.vn/qd.pdf", "site": "dongthap", "file_name": "qd.pdf", "mime": "application/pdf",
         "kind": "pdf", "size": len(pdf), "sha256": "s1", "text": "Quyết định về đăng ký hộ tịch.",
         "number": "12/QĐ-UBND", "doc_type": "Quyết định", "issued_on": "2024-02-03", "subject": "Về đăng ký hộ tịch",
         "meta_sources": '{"number": {"source": "file name", "confidence": 0.5}, '
                         '"issued_on": {"source": "header", "confidence": 0.95}}',
         "fetched_at": "2026-01-01T01:00:00+00:00", "crawl_id": "c1", "warc_file": ref.file,
         "warc_offset": ref.offset, "warc_length": ref.length},
        {"url": "http://dongthap.gov.vn/qd.pdf", "page_url": "http://dongthap.gov.vn/1", "link_text": "QĐ",
         "seen_at": "2026-01-01", "crawl_id": "c1"})
    writer.close()
    archive.close()
    return path


def get(archive_path: Path, address: str):
    async def fetch():
        return await make_datasette(archive_path).client.get(address)
    return asyncio.run(fetch())


def test_search_puts_the_exact_diacritics_first_and_links_each_hit_to_its_reader_page(archive_path):
    page = get(archive_path, "/search?q=Đảng")
    assert page.status_code == 200
    first = page.text.index("/article/1")
    assert first < page.text.index("/article/2")  # "đăng" and "đang" come after "Đảng"


def test_search_without_diacritics_finds_both(archive_path):
    text = get(archive_path, "/search?q=dang").text
    assert "/article/1" in text and "/article/2" in text


def test_search_hits_show_the_date_the_portal_and_the_match(archive_path):
    text = get(archive_path, "/search?q=tong+ket").text
    assert "2024-12-20 08:30" in text and "Cổng thông tin điện tử Đồng Tháp" in text and "<mark>" in text


def test_facets_narrow_the_search_through_the_address(archive_path):
    text = get(archive_path, "/search?q=dang").text
    assert "/search?q=dang&amp;year=2023" in text
    narrowed = get(archive_path, "/search?q=dang&year=2023").text
    assert "/article/2" in narrowed and "/article/1" not in narrowed


def test_documents_are_searched_when_asked(archive_path):
    text = get(archive_path, "/search?q=ho+tich&kind=documents").text
    assert "/document/1" in text and "12/QĐ-UBND" in text


def test_a_malformed_query_is_a_message_not_a_crash(archive_path):
    page = get(archive_path, "/search?q=" + "x" * 600)
    assert page.status_code == 200 and "too long" in page.text


def test_the_article_page_reads_as_an_article_with_its_citation(archive_path):
    page = get(archive_path, "/article/1")
    text = page.text
    assert page.status_code == 200 and "<h1>Đảng bộ huyện tổng kết năm</h1>" in text
    assert "<p>Đoạn hai.</p>" in text and "2024-12-20 08:30" in text
    assert "(date from: date line)" in text  # which rule chose the date
    citation = re.search(r'id="citation">(.*?)</p>', text, re.S)[1]
    assert "Cổng thông tin điện tử Đồng Tháp" in citation and "http://dongthap.gov.vn/1" in citation
    assert "urn:uuid:" in citation and "2026-01-01 08:00 +07" in citation  # archived time in Vietnam time


def test_the_article_page_links_its_documents_and_shows_the_capture_frame(archive_path):
    text = get(archive_path, "/article/1").text
    assert "/document/1" in text and 'src="/article/1/capture"' in text and "sandbox=" in text


def test_the_capture_runs_no_script_and_fetches_nothing_from_outside(archive_path):
    page = get(archive_path, "/article/1/capture")
    text = page.text
    assert page.status_code == 200 and "Đảng bộ huyện tổng kết công tác" in text
    assert "<script" not in text and "onload" not in text and "<iframe" not in text and "refresh" not in text
    assert not re.search(r'(?:src|href)="https?://', text), re.findall(r'(?:src|href)="https?://[^"]+', text)
    assert "url(" not in text and "[image not captured: Logo]" in text
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "sandbox" in policy


def test_links_the_archive_holds_lead_to_their_reader_page_and_others_say_not_captured(archive_path):
    text = get(archive_path, "/article/1/capture").text
    assert 'href="/article/2"' in text
    assert "not captured: https://facebook.com/share" in text


def test_a_capture_with_characters_xml_does_not_allow_is_shown(archive_path):
    page = get(archive_path, "/article/2/capture")
    assert page.status_code == 200 and "Người dân đăng ký trực tuyến" in page.text


def test_the_raw_record_is_the_warc_record_as_written(archive_path):
    page = get(archive_path, "/article/1/record")
    assert page.status_code == 200 and "attachment" in page.headers["content-disposition"]
    assert gzip.decompress(page.content).startswith(b"WARC/1.1\r\nWARC-Type: response")


def test_the_document_page_gives_metadata_text_and_the_file(archive_path):
    text = get(archive_path, "/document/1").text
    assert "12/QĐ-UBND" in text and "Về đăng ký hộ tịch" in text and "2024-02-03" in text
    file = get(archive_path, "/document/1/capture")
    assert file.content == b"%PDF-1.4 a document" and file.headers["content-type"] == "application/pdf"
    assert "sandbox" in file.headers["content-security-policy"]


def test_the_document_page_says_where_each_field_was_read(archive_path):
    text = get(archive_path, "/document/1").text
    assert "from the file name, uncertain" in text and "from the header</span>" in text


def test_a_missing_article_is_a_404_page(archive_path):
    page = get(archive_path, "/article/999")
    assert page.status_code == 404 and "No article 999" in page.text


def test_reading_room_pages_load_nothing_from_outside_the_archive(archive_path):
    for address in ("/search?q=dang", "/article/1", "/document/1"):
        page = get(archive_path, address)
        assert not re.search(r'(?:src)="(?:https?:)?//', page.text), address
        assert "default-src 'self'" in page.headers["content-security-policy"]


def test_the_datasette_tables_stay_where_they_are(archive_path):
    assert get(archive_path, "/archive/articles.json").status_code == 200


def test_a_documents_citations_are_rows_and_the_document_page_shows_what_it_cites_and_what_cites_it(tmp_path):
    from archive.document_queries import document_record

    path = tmp_path / "a.db"
    archive = Archive(path)
    store = DocumentStore(archive.db)
    link = {"url": "http://x.gov.vn/a.pdf", "page_url": "", "link_text": "", "seen_at": "2026-01-01", "crawl_id": "c1"}
    base = {"site": "x", "file_name": "a.pdf", "mime": "application/pdf", "kind": "pdf", "size": 1,
            "fetched_at": "2026-01-01", "crawl_id": "c1"}
    decree = store.insert({**base, "url": "http://x.gov.vn/nd.pdf", "sha256": "1", "number": "37/2014/NĐ-CP",
                           "doc_type": "Nghị định"}, {**link, "url": "http://x.gov.vn/nd.pdf"})
    decision = store.insert({**base, "url": "http://x.gov.vn/qd.pdf", "sha256": "2", "number": "01/QĐ-UBND",
                             "citations": [{"kind": "basis", "number": "37/2014/NĐ-CP", "doc_type": "Nghị định",
                                            "title": None, "issued_on": "2014-05-05", "clause": "Căn cứ ..."}]},
                            {**link, "url": "http://x.gov.vn/qd.pdf"})
    archive.close()
    assert document_record(path, decision)["citations"][0]["number"] == "37/2014/NĐ-CP"
    assert [d["id"] for d in document_record(path, decree)["cited_by"]] == [decision]
    text = get(path, f"/document/{decision}").text
    assert "Căn cứ: Nghị định 37/2014/NĐ-CP (2014-05-05)" in text
    assert f'href="/document/{decision}"' in get(path, f"/document/{decree}").text
