"""The archive: migrations, writes, and search with Vietnamese folding."""

from __future__ import annotations

import sqlite3
import unicodedata

import pytest

from archive.schema import migrations, rebuild_search_index
from archive.search import SearchError, fts_query, search
from archive.store import Archive, ArchiveError, CrawlCounts, open_database


@pytest.fixture
def archive(tmp_path):
    a = Archive(tmp_path / "a.db")
    a.start_crawl("c1", "2026-11-22T00:00:00+00:00", ["http://x.gov.vn/"])
    yield a
    a.close()


def add(archive, n, title, text, url=None):
    return archive.insert_article({
        "url": url or f"http://x.gov.vn/{n}", "site": "x.gov.vn", "title": title, "text": text,
        "content_hash": f"h{n}", "fetched_at": "2026-11-22T00:00:00+00:00", "crawl_id": "c1",
        "published_at": f"2019-0{n}-01",
    })


def test_schema_has_public_columns(archive):
    cols = set(archive.db["articles"].columns_dict)
    assert {"id", "url", "site", "title", "published_at", "published_raw", "author", "text",
            "content_hash", "fetched_at", "crawl_id"} <= cols
    assert {"id", "started_at", "finished_at", "status", "start_urls", "pages_fetched",
            "articles_new", "duplicates", "errors"} <= set(archive.db["crawls"].columns_dict)


def test_wal_mode(archive):
    assert archive.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrations_apply_once(tmp_path):
    path = tmp_path / "a.db"
    open_database(path).conn.close()
    db = open_database(path)
    assert [m.name for m in migrations.applied(db)] == ["m001_initial", "m002_archival_record",
                                                        "m003_pages_and_sites", "m004_frontier", "m005_sites",
                                                        "m006_archive_info", "m007_page_failures",
                                                        "m008_attachments_comments", "m009_documents",
                                                        "m010_recovered", "m011_date_site_index",
                                                        "m012_findings", "m013_units",
                                                        "m014_citations", "m015_meta_sources",
                                                        "m016_site_templates", "m017_date_rule",
                                                        "m018_index_on_text_change"]
    assert migrations.pending(db) == []


def _older_archive(path, stop_before: str, title: str, text: str):
    """An archive migrated up to ``stop_before`` with one article, opened (and so migrated) now."""
    from sqlite_utils import Database

    db = Database(path)
    migrations.apply(db, stop_before=stop_before)
    db["crawls"].insert({"id": "c0", "status": "finished"})
    db["articles"].insert({"url": "http://x/1", "site": "x", "title": title, "text": text,
                           "content_hash": "h", "fetched_at": "2025-01-01", "crawl_id": "c0"})
    db.conn.close()
    return open_database(path)


def test_m002_migrates_an_m001_archive_with_rows(tmp_path):
    db = _older_archive(tmp_path / "old.db", "m002_archival_record", "Đồng Nai", "Đồng Nai")
    assert [dict(r) for r in db["article_urls"].rows] == [
        {"id": 1, "article_id": 1, "url": "http://x/1", "site": "x",
         "first_seen": "2025-01-01", "last_seen": "2025-01-01"}]
    assert "warc_file" in db["articles"].columns_dict
    assert search(db, "dong nai")


def test_url_is_unique(archive):
    add(archive, 1, "A", "a")
    with pytest.raises(sqlite3.IntegrityError):
        add(archive, 2, "B", "b", url="http://x.gov.vn/1")


@pytest.mark.parametrize("query", ["dong thap", "Đồng Tháp", "ĐỒNG THÁP", "dong*", '"dong thap"',
                                   unicodedata.normalize("NFD", "Đồng Tháp")])
def test_search_with_or_without_diacritics(archive, query):
    add(archive, 1, "Đồng Tháp đẩy mạnh “Dân vận khéo”", "Tỉnh Đồng Tháp triển khai phong trào.")
    add(archive, 2, "Khánh Hòa", "Tin khác hoàn toàn.")
    assert [r["title"] for r in search(archive.db, query)] == ["Đồng Tháp đẩy mạnh “Dân vận khéo”"]


def test_snippet_highlights_original_words(archive):
    add(archive, 1, "Tin", "Tỉnh Đồng Tháp triển khai phong trào Dân vận khéo.")
    assert "[Đồng] [Tháp]" in search(archive.db, "dong thap")[0]["snippet"]


def test_index_follows_updates_and_deletes(archive):
    aid = add(archive, 1, "Tin", "Đà Lạt")
    archive.update_article(aid, {"text": "Đồng Nai"})
    assert search(archive.db, "dong nai") and not search(archive.db, "da lat")
    archive.db["articles"].delete(aid)
    assert search(archive.db, "dong nai") == []


def test_an_update_of_other_columns_leaves_the_index_alone(archive):
    aid = add(archive, 1, "Tin", "Đà Lạt")
    before = archive.db.conn.total_changes
    with archive.db.conn:  # a near-duplicate joining its cluster: the row alone, no re-indexing
        archive.db.execute("UPDATE articles SET cluster_id = ? WHERE id = ?", [aid, aid])
    assert archive.db.conn.total_changes - before == 1
    assert search(archive.db, "da lat")


def test_documents_index_follows_its_columns_alone(archive):
    db = archive.db
    with db.conn:
        doc = db["documents"].insert({"url": "http://x/a.pdf", "site": "x", "number": "12/QĐ-UBND",
                                      "subject": "Về việc Đà Lạt", "text": "Đà Lạt", "sha256": "s",
                                      "fetched_at": "2026"}).last_pk
    before = db.conn.total_changes
    with db.conn:
        db.execute("UPDATE documents SET meta_sources = '{}' WHERE id = ?", [doc])
    assert db.conn.total_changes - before == 1
    with db.conn:
        db.execute("UPDATE documents SET subject = 'Về việc Đồng Nai' WHERE id = ?", [doc])
    matches = "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?"
    assert db.execute(matches, ["dong nai"]).fetchall()
    assert db.execute(matches, ["subject:lat"]).fetchall() == []  # the old subject left the index


def test_m018_keeps_an_older_archive_searchable(tmp_path):
    db = _older_archive(tmp_path / "old.db", "m018_index_on_text_change", "Tin", "Đà Lạt")
    with db.conn:
        db.execute("UPDATE articles SET text = 'Đồng Nai' WHERE id = 1")
    assert search(db, "dong nai") and not search(db, "da lat")


def test_rebuild_keeps_folding(archive):
    add(archive, 1, "Tin", "Đồng Nai")
    rebuild_search_index(archive.db)
    assert search(archive.db, "dong nai")


def test_punctuation_in_plain_query_is_harmless(archive):
    add(archive, 1, "Chỉ thị", "Thực hiện Chỉ thị số 16/CT-TTg của Thủ tướng.")
    assert search(archive.db, "16/CT-TTg")


@pytest.mark.parametrize("query", ['"unbalanced', "dan AND", "(dan", "NOT"])
def test_malformed_query_is_one_line_error(archive, query):
    with pytest.raises(SearchError, match="malformed query") as info:
        search(archive.db, query)
    assert "\n" not in str(info.value)


def test_empty_query_is_refused():
    with pytest.raises(SearchError, match="empty"):
        fts_query("   ")


def test_finish_crawl_records_counts(archive):
    archive.finish_crawl("c1", "2026-11-22T01:00:00+00:00", "finished",
                         CrawlCounts(pages_fetched=5, articles_new=2), {"k": 1})
    row = archive.db["crawls"].get("c1")
    assert (row["status"], row["pages_fetched"], row["articles_new"]) == ("finished", 5, 2)


def test_missing_archive_is_a_clear_error(tmp_path):
    with pytest.raises(ArchiveError, match="no archive"):
        open_database(tmp_path / "none.db", create=False)


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ArchiveError, match="does not exist"):
        open_database(tmp_path / "no" / "such" / "a.db")


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "a.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ArchiveError, match="cannot open"):
        open_database(path)


def test_a_file_sqlite_can_only_read_is_refused_before_a_crawl_writes(tmp_path):
    """SQLite opens a file it may not write read-only and still grants the write lock: the
    check must write (a crawl into such a file ended in a traceback at its first row)."""
    import sqlite3

    from sqlite_utils import Database

    from archive.connect import _explain, _writable

    path = tmp_path / "archive.db"
    open_database(path).conn.close()
    db = Database(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True))
    with pytest.raises(sqlite3.OperationalError) as caught:
        _writable(db)
    message = _explain(caught.value, path, 1000)
    assert message.startswith(f"archive {path} is read-only") and "\n" not in message


def test_a_page_fetched_under_a_cookieless_session_is_kept_and_known_without_it(archive):
    """ASP.NET gives each visit its own session in the path: a later crawl asks under another."""
    archive.record_page("http://x.gov.vn/(S(lit3py55t21z5v55vlm25s55))/ChuyenMuc.aspx?id=2", "x", "dead_end",
                        "no article", "2026-01-01T00:00:00+00:00", "c1")
    asked = "http://x.gov.vn/(S(0z2abc45xyz3v55vlm25q11))/ChuyenMuc.aspx?id=2"
    assert archive.known([asked], "2026-02-01T00:00:00+00:00") == {asked: "dead_end"}
    assert [u for (u,) in archive.db.execute("SELECT url FROM pages")] == ["http://x.gov.vn/ChuyenMuc.aspx?id=2"]
