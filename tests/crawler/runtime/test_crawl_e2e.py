"""A real crawl of the demo portals (real Scrapy, real SQLite) and what it left in the archive."""

from __future__ import annotations

import sqlite3

import pytest

from crawler.demo import district, province
from crawler.demo.common import BOILERPLATE_STRINGS
from crawler.demo.content import ARTICLES

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them


@pytest.fixture(scope="module")
def rows(crawled_demo):
    db = sqlite3.connect(crawled_demo.db)
    db.row_factory = sqlite3.Row
    return {r["title"]: dict(r) for r in db.execute("SELECT * FROM articles")}


@pytest.fixture(scope="module")
def crawl_row(crawled_demo):
    db = sqlite3.connect(crawled_demo.db)
    db.row_factory = sqlite3.Row
    return dict(db.execute("SELECT * FROM crawls").fetchone())


def article_path(article) -> str:
    return (province if article.portal == "province" else district).article_url(article)


def test_every_demo_article_is_stored_once(rows):
    assert sorted(rows) == sorted(a.title for a in ARTICLES)


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: str(a.id))
def test_article_fields_are_right(rows, article):
    row = rows[article.title]
    assert row["published_at"] == article.published_at
    assert row["author"] == article.author
    assert row["source"] == article.source
    assert row["text"] == article.body
    assert row["url"].endswith(article_path(article))


def test_each_date_says_which_rule_chose_it(rows):
    assert {r["published_from"] is None for r in rows.values() if r["published_at"] is None} <= {True}
    assert all(r["published_from"] for r in rows.values() if r["published_at"])


def test_no_boilerplate_in_any_body(rows):
    leaks = [(t, s) for t, r in rows.items() for s in BOILERPLATE_STRINGS if s in r["text"]]
    assert leaks == []


def test_no_listing_contact_or_print_page_stored(rows):
    urls = [r["url"] for r in rows.values()]
    assert not [u for u in urls if "print" in u or "View_Detail" in u or "trang-" in u]
    assert not [u for u in urls if "lien-he" in u or "lich-cong-tac" in u or "van-ban" in u]


def test_article_under_two_urls_is_stored_once(rows, crawled_demo):
    assert "/Pages/View_Detail.aspx?ItemID=113" in crawled_demo.requested_paths("province")
    article = next(a for a in ARTICLES if "two_urls" in a.flags)
    assert rows[article.title]["url"].endswith(article_path(article))


def test_robots_disallowed_paths_are_never_requested(crawled_demo):
    paths = crawled_demo.requested_paths("province") + crawled_demo.requested_paths("district")
    assert paths, "the crawl requested nothing"
    assert not [p for p in paths if p.startswith(("/noi-bo/", "/_layouts/", "/quan-tri/"))]


def test_printer_links_are_canonicalised_before_requesting(crawled_demo):
    assert not [p for p in crawled_demo.requested_paths("province") if "print=" in p]


def test_tracking_parameters_are_never_requested(crawled_demo):
    assert not [p for p in crawled_demo.requested_paths("province") if "utm_" in p]


def test_each_page_is_requested_once(crawled_demo):
    paths = crawled_demo.requested_paths("district")
    assert len(paths) == len(set(paths))


def test_links_to_documents_are_fetched_once_each(crawled_demo):
    paths = crawled_demo.requested_paths("province") + crawled_demo.requested_paths("district")
    files = [p for p in paths if p.endswith((".pdf", ".docx")) or "DownloadFile" in p]
    assert files and len(files) == len(set(files))


def test_articles_found_only_through_sitemap_feed_and_page_two(rows):
    for flag in ("sitemap_only", "feed_only", "deep_page"):
        article = next(a for a in ARTICLES if flag in a.flags)
        assert article.title in rows, flag


def test_crawl_is_recorded_with_counts(crawl_row):
    assert crawl_row["status"] == "finished"
    assert crawl_row["articles_new"] == len(ARTICLES)
    assert crawl_row["duplicates"] >= 2
    assert crawl_row["errors"] == 0
    assert crawl_row["pages_fetched"] > len(ARTICLES)
    assert crawl_row["finished_at"] >= crawl_row["started_at"]


def test_bad_pages_are_counted_as_skips(crawl_row):
    import json

    stats = json.loads(crawl_row["stats"])
    assert "govarchive/skipped/non_html" not in stats  # the PDF at an .html address is a document
    assert stats["govarchive/documents/stored"] == 5
    assert stats["govarchive/skipped/empty"] == 1
    assert stats["govarchive/articles_without_date"] == 1


def test_rows_have_crawl_id_and_utc_fetch_time(rows, crawl_row):
    for row in rows.values():
        assert row["crawl_id"] == crawl_row["id"]
        assert row["fetched_at"].endswith("+00:00")


def test_summary_is_printed(crawled_demo):
    out = crawled_demo.result.stdout
    assert "articles new" in out and f"({len(ARTICLES)} articles)" in out


def test_search_finds_crawled_articles_without_diacritics(crawled_demo):
    from conftest import run_cli

    result = run_cli("search", "dan van kheo", "--db", str(crawled_demo.db), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "Dân vận khéo" in result.stdout


def test_redirect_maps_to_its_target_and_the_old_address_is_kept(crawled_demo, rows):
    article = next(a for a in ARTICLES if a.id == 202)
    row = rows[article.title]
    assert row["url"].endswith(district.article_url(article))
    seen = [u for (u,) in sqlite3.connect(crawled_demo.db).execute(
        "SELECT url FROM article_urls WHERE article_id = ?", [row["id"]])]
    from common.urls import url_key

    assert url_key(crawled_demo.portal.district.rstrip("/") + district.OLD_ADDRESS) in map(url_key, seen)
