"""govarchive recover against a real pywb archive of the demo district portal, captured at two
dates, and against failing and hostile archives."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import time
from pathlib import Path

import pytest
from conftest import FAST_SETTINGS, run_cli
from pywb_archive import pywb, pywb_bin, write_captures
from routes import page, serve
from warcio.archiveiterator import ArchiveIterator

from archive.cdx import query_url
from crawler.demo import district
from crawler.demo.content import articles_of

pytestmark = [pytest.mark.crawl,
              pytest.mark.skipif(pywb_bin() is None, reason="no pywb venv (.venv-pywb: make test makes it)")]

ARTICLES = [a for a in articles_of("district") if not ({"windows-1258", "wrong_charset"} & a.flags)]
CHANGED, REMOVED = ARTICLES[0], ARTICLES[1]
ONLY_ARCHIVED = dataclasses.replace(
    ARTICLES[2], id=990, slug="le-ra-quan-chien-dich-mua-he-xanh",
    title="Lễ ra quân chiến dịch Mùa hè xanh năm 2024 tại huyện Mỹ Thành",
    paragraphs=("Sáng 5/7, Huyện đoàn Mỹ Thành tổ chức lễ ra quân chiến dịch tình nguyện Mùa hè xanh "
                "năm 2024 với sự tham gia của hơn 300 đoàn viên, thanh niên.",
                "Chiến dịch tập trung sửa chữa đường giao thông nông thôn, hỗ trợ người dân chuyển đổi số "
                "và tổ chức các lớp học hè miễn phí cho thiếu nhi."),
    flags=frozenset())
FIRST, SECOND, CLOSED = "2024-01-05T02:00:00Z", "2025-03-01T02:00:00Z", "2025-08-01T02:00:00Z"
CLOSING = "<html><body><p>Cổng thông tin đã ngừng hoạt động kể từ ngày 1/7/2025</p></body></html>".encode()
SHUT = ARTICLES[3:8]  # the closing notice was put over these addresses before the portal went dark


def article_page(article, base: str) -> bytes:
    return district._article(article, articles_of("district")).replace("{base}", base).encode()


@pytest.fixture(scope="module")
def archive(demo_portal, tmp_path_factory):
    """pywb holding the district portal's articles at two dates: one changed in between, one
    gone by the second, one that only the archive holds; then a closing notice over several."""
    base = demo_portal.district.rstrip("/")
    folder = tmp_path_factory.mktemp("pywb")
    captures = []
    for article in ARTICLES:
        url = base + district.article_url(article)
        captures.append((url, FIRST, article_page(article, base), "text/html; charset=utf-8"))
        if article is REMOVED:
            continue
        later = article
        if article is CHANGED:
            later = dataclasses.replace(article,
                                        paragraphs=(*article.paragraphs, "Bài viết đã được cập nhật."))
        captures.append((url, SECOND, article_page(later, base), "text/html; charset=utf-8"))
    captures.append((base + district.article_url(ONLY_ARCHIVED), SECOND, article_page(ONLY_ARCHIVED, base),
                     "text/html; charset=utf-8"))
    captures.append((base + "/vi/trang-dong-cua.html", SECOND, CLOSING, "text/html; charset=utf-8"))
    captures += [(base + district.article_url(a), CLOSED, CLOSING, "text/html; charset=utf-8") for a in SHUT]
    warc = folder / "district.warc.gz"
    write_captures(warc, captures)
    with pywb(folder, [warc]) as replay:
        yield replay, base


def recover(replay: str, base: str, db: Path, *extra: str):
    host = base.split("//", 1)[1]
    result = run_cli("recover", host, "--archive", replay, "--db", str(db), *FAST_SETTINGS, *extra)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def rows(db: Path, sql: str, params=()) -> list[tuple]:
    return list(sqlite3.connect(db).execute(sql, params))


def test_recovery_stores_every_archived_article_with_its_page_date_and_provenance(archive, tmp_path):
    replay, base = archive
    db = tmp_path / "r.db"
    result = recover(replay, base, db)
    assert result.returncode == 0, result.stderr
    stored = {title: (published, captured, source) for title, published, captured, source in rows(
        db, "SELECT title, published_at, captured_at, capture_archive FROM articles")}
    for article in (*ARTICLES, ONLY_ARCHIVED):
        published, captured, source = stored[article.title]
        assert published == article.published_at  # from the page, never the capture
        assert source == replay
    assert stored[REMOVED.title][1] == "2024-01-05T02:00:00+00:00"  # gone later: its only capture
    assert stored[CHANGED.title][1] == "2025-03-01T02:00:00+00:00"  # the latest capture
    for article in SHUT:  # the closing notice over them is passed over for their last real page
        assert stored[article.title][1] == "2025-03-01T02:00:00+00:00"
    assert len(stored) == len(ARTICLES) + 1  # the "site closed" page is no article


def test_warc_records_name_the_original_address_and_capture_time(archive, tmp_path):
    replay, base = archive
    db = tmp_path / "r.db"
    recover(replay, base, db)
    ((url, warc_file, offset),) = rows(db, "SELECT url, warc_file, warc_offset FROM articles WHERE title = ?",
                                       [REMOVED.title])
    with open(tmp_path / "warcs" / warc_file, "rb") as handle:
        handle.seek(offset)
        record = next(iter(ArchiveIterator(handle)))
    headers = record.rec_headers
    assert headers.get_header("WARC-Target-URI").startswith(replay)
    assert headers.get_header("WARC-Refers-To-Target-URI") == url
    assert headers.get_header("WARC-Refers-To-Date") == "2024-01-05T02:00:00+00:00"


def test_recovery_after_a_live_crawl_adds_only_what_the_portal_lost(archive, demo_portal, tmp_path):
    replay, base = archive
    db = tmp_path / "r.db"
    assert run_cli("crawl", "--url", demo_portal.district, "--db", str(db), *FAST_SETTINGS).returncode == 0
    live = rows(db, "SELECT count(*) FROM articles")[0][0]
    result = recover(replay, base, db)
    assert result.returncode == 0, result.stderr
    recovered = rows(db, "SELECT title FROM articles WHERE captured_at IS NOT NULL")
    assert recovered == [(ONLY_ARCHIVED.title,)]
    assert rows(db, "SELECT count(*) FROM articles")[0][0] == live + 1
    again = recover(replay, base, db)
    assert "captures fetched         0" in again.stdout  # a second run fetches nothing new


def test_an_archive_answering_429_is_obeyed(tmp_path):
    body = article_page(ONLY_ARCHIVED, "http://mythanh.example.gov.vn")
    times = []

    def capture(n):
        times.append(time.monotonic())
        if n == 1:
            return 429, {"Retry-After": "2"}, b"slow down"
        return 200, {"Content-Type": "text/html"}, body

    url = "http://mythanh.example.gov.vn" + district.article_url(ONLY_ARCHIVED)
    line = json.dumps({"url": url, "timestamp": "20250301020000", "mime": "text/html", "status": "200",
                       "digest": "X"})
    server = serve({"/vn/cdx": page(line, "text/plain"), f"/vn/20250301020000id_/{url}": capture})
    db = tmp_path / "r.db"
    result = run_cli("recover", "mythanh.example.gov.vn", "--archive", server.url + "vn/", "--db", str(db),
                     *FAST_SETTINGS)
    assert result.returncode == 0, result.stderr
    assert len(times) == 2 and times[1] - times[0] >= 1.9
    assert rows(db, "SELECT title FROM articles") == [(ONLY_ARCHIVED.title,)]


def test_a_cdx_address_that_is_no_cdx_server_is_a_clear_error(tmp_path):
    server = serve({"/vn/cdx": page("<html><body>Welcome</body></html>")})
    result = run_cli("recover", "x.gov.vn", "--archive", server.url + "vn/", "--db", str(tmp_path / "r.db"),
                     *FAST_SETTINGS)
    assert result.returncode == 1
    assert "not a CDX listing" in result.stderr and "Traceback" not in result.stderr


def test_malformed_cdx_lines_are_counted_and_skipped(tmp_path):
    good = json.dumps({"url": "http://x.gov.vn/a.html", "timestamp": "20250301020000", "mime": "text/html",
                       "status": "200"})
    listing = "\n".join([good, "{broken", "garbage line"]).encode()
    server = serve({query_url("/vn/cdx", "x.gov.vn"): page(listing, "text/plain"),
                    query_url("/vn/cdx", "www.x.gov.vn"): page("", "text/plain")})
    db = tmp_path / "r.db"
    result = run_cli("recover", "x.gov.vn", "--archive", server.url + "vn/", "--db", str(db), *FAST_SETTINGS)
    assert result.returncode == 0, result.stderr
    stats = json.loads(rows(db, "SELECT stats FROM crawls")[0][0])
    assert stats["govarchive/recover/bad_cdx_lines"] == 2


def test_an_archive_that_is_down_is_a_clear_error(tmp_path):
    from pywb_archive import free_port

    replay = f"http://127.0.0.1:{free_port()}/vn/"
    result = run_cli("recover", "x.gov.vn", "--archive", replay, "--db", str(tmp_path / "r.db"),
                     *FAST_SETTINGS)
    assert result.returncode == 1 and "cannot list captures" in result.stderr
    assert "Traceback" not in result.stderr


def test_defunct_registry_sites_are_offered_and_recovered_under_their_key(archive, tmp_path):
    replay, base = archive
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "soc-trang.toml").write_text(
        f'province = "Sông Hậu"\n[[site]]\nkey = "mythanh"\nname = "Huyện Mỹ Thành"\nlevel = "district"\n'
        f'home = ["{base}/"]\nstatus = "defunct"\n', encoding="utf-8")
    db = tmp_path / "r.db"
    status = run_cli("status", "--registry", str(folder), "--db", str(db))
    assert "recover: govarchive recover mythanh" in status.stdout
    result = run_cli("recover", "--all-defunct", "--registry", str(folder), "--archive", replay,
                     "--db", str(db), *FAST_SETTINGS)
    assert result.returncode == 0, result.stderr
    assert rows(db, "SELECT DISTINCT site FROM articles") == [("mythanh",)]


def test_a_killed_recovery_resumes_without_losing_or_doubling(archive, tmp_path):
    import signal
    import subprocess

    from conftest import BIN, stored_articles

    replay, base = archive
    db = tmp_path / "r.db"
    host = base.split("//", 1)[1]
    command = [str(BIN / "govarchive"), "recover", host, "--archive", replay, "--db", str(db),
               *FAST_SETTINGS, "-s", "DOWNLOAD_DELAY=0.4"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while stored_articles(db) < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert 3 <= stored_articles(db) < len(ARTICLES) + 1
    result = recover(replay, base, db)
    assert result.returncode == 0, result.stderr
    titles = [t for (t,) in rows(db, "SELECT title FROM articles")]
    assert len(titles) == len(set(titles)) == len(ARTICLES) + 1


def test_a_capture_the_archive_cannot_serve_is_tried_again_later(tmp_path):
    url = "http://x.gov.vn/tin/a.html"
    line = json.dumps({"url": url, "timestamp": "20250301020000", "mime": "text/html", "status": "200"})
    server = serve({"/vn/cdx": page(line, "text/plain")})  # the capture itself answers 404
    db = tmp_path / "r.db"
    result = run_cli("recover", "x.gov.vn", "--archive", server.url + "vn/", "--db", str(db), *FAST_SETTINGS)
    assert result.returncode == 0, result.stderr
    recorded = rows(db, "SELECT url, kind, substr(reason, 1, 17) FROM pages")
    assert recorded == [(url, "failed", "archive: HTTP 404")]


def test_captures_under_www_and_the_bare_host_are_both_listed(tmp_path):
    body = article_page(ONLY_ARCHIVED, "http://www.x.gov.vn")
    url = "http://www.x.gov.vn" + district.article_url(ONLY_ARCHIVED)
    line = json.dumps({"url": url, "timestamp": "20250301020000", "mime": "text/html", "status": "200"})
    server = serve({query_url("/vn/cdx", "x.gov.vn"): page("", "text/plain"),
                    query_url("/vn/cdx", "www.x.gov.vn"): page(line, "text/plain"),
                    f"/vn/20250301020000id_/{url}": page(body)})
    db = tmp_path / "r.db"
    result = run_cli("recover", "x.gov.vn", "--archive", server.url + "vn/", "--db", str(db), *FAST_SETTINGS)
    assert result.returncode == 0, result.stderr
    assert rows(db, "SELECT url, site FROM articles") == [(url, "x.gov.vn")]
