"""Each listing pattern of real platforms, crawled zero-config: every article once, traps bounded."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from conftest import FAST_SETTINGS, run_cli
from pattern_portals import (
    EXPECTED,
    PortalServer,
    ajaxdata,
    dnnpager,
    formpager,
    jspager,
    legacy,
    liferay,
    loadmore,
    serve_portal,
    traps,
    webforms,
    wordpager,
)

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them
NEEDS_CHROMIUM = pytest.mark.skipif(not shutil.which("chromium"), reason="no chromium (.ci/run installs it)")


def crawl(portals: list[PortalServer], db: Path, *extra: str):
    """One crawl of the portals; their servers stop after it (their logs stay to be read)."""
    args = [a for p in portals for a in ("--url", p.url)]
    try:
        result = run_cli("crawl", *args, "--db", str(db), *FAST_SETTINGS, *extra)
    finally:
        for portal in portals:
            portal.server.shutdown()
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def request_gaps(portal: PortalServer) -> list[float]:
    """Seconds between the starts of the portal's consecutive requests, robots.txt left out."""
    starts = sorted(t for t, _, path in portal.log if path != "/robots.txt")
    return [b - a for a, b in zip(starts, starts[1:], strict=False)]


def titles(db: Path, portal: str) -> Counter:
    rows = sqlite3.connect(db).execute("SELECT title FROM articles WHERE title LIKE ?", [f"{portal} bài %"])
    return Counter(title.split(":")[0] for (title,) in rows)


def pages(db: Path) -> dict[str, tuple[str, str]]:
    return {url: (kind, reason) for url, kind, reason in
            sqlite3.connect(db).execute("SELECT url, kind, reason FROM pages")}


@pytest.fixture(scope="module")
def webforms_crawl(tmp_path_factory):
    portal = serve_portal("webforms", webforms())
    db = tmp_path_factory.mktemp("webforms") / "a.db"
    crawl([portal], db)
    return portal, db


def test_a_webforms_pager_is_posted_back_page_after_page(webforms_crawl):
    portal, db = webforms_crawl
    found = titles(db, "webforms")
    assert len(found) == EXPECTED["webforms"] and set(found.values()) == {1}, found
    posts = portal.requests("/TinTuc.aspx", "POST")
    assert len(posts) <= 13, len(posts)  # 12 pages, each once (page 1 at most once more)


def test_a_search_button_is_never_submitted(webforms_crawl):
    portal, _ = webforms_crawl
    assert portal.handle.posts["search"] == 0


def test_a_postback_answer_is_not_an_article_and_no_postback_errs(webforms_crawl):
    portal, db = webforms_crawl
    rows = sqlite3.connect(db).execute("SELECT count(*) FROM articles WHERE url LIKE '%TinTuc%'").fetchone()
    assert rows[0] == 0
    failures = [p for p, (kind, _) in pages(db).items() if kind == "failed"]
    assert not failures


def test_load_more_fragments_and_script_built_json_endpoints_are_followed(tmp_path):
    portal = serve_portal("loadmore", loadmore())
    crawl([portal], tmp_path / "a.db")
    found = titles(tmp_path / "a.db", "loadmore")
    assert len(found) == EXPECTED["loadmore"] and set(found.values()) == {1}, sorted(found)
    assert len(portal.requests("/Ajax/LoadMore.ashx")) <= 3  # skip=10, then one empty answer
    assert len(portal.requests("/api/news")) <= 4  # three pages of eight, then an empty one


def test_listings_paged_by_jquery_calls_whose_data_holds_the_page_are_followed(tmp_path):
    # a web method posted JSON, a form post, a GET whose data object is its query: pages 2, 3, 4 each
    handle = ajaxdata()
    portal = serve_portal("ajaxdata", handle)
    crawl([portal], tmp_path / "a.db")
    found = titles(tmp_path / "a.db", "ajaxdata")
    assert len(found) == EXPECTED["ajaxdata"] and set(found.values()) == {1}, sorted(found)
    # each page once (the first, which the section page shows, at most once), none past the empty one
    assert sorted(handle.asked["json"]) == [2, 3, 4]  # "pageIndex + 1": the script's next page first
    assert sorted(handle.asked["form"]) in (["2", "3", "4"], ["1", "2", "3", "4"])
    assert sorted(handle.asked["get"]) in (["2", "3", "4"], ["1", "2", "3", "4"])


def test_a_pager_of_words_alone_is_followed_past_the_link_depth(tmp_path):
    portal = serve_portal("wordpager", wordpager())
    crawl([portal], tmp_path / "a.db")
    found = titles(tmp_path / "a.db", "wordpager")
    assert len(found) == EXPECTED["wordpager"] and set(found.values()) == {1}, sorted(found)


def test_a_pager_in_the_path_finds_every_story_and_stores_no_listing_page(tmp_path):
    portal = serve_portal("dnnpager", dnnpager())
    db = tmp_path / "a.db"
    crawl([portal], db)
    found = titles(db, "dnnpager")
    assert len(found) == EXPECTED["dnnpager"] and set(found.values()) == {1}, sorted(found)
    stored = [url for (url,) in sqlite3.connect(db).execute("SELECT url FROM articles")]
    assert all("/ArticleID/" in url for url in stored), [u for u in stored if "/ArticleID/" not in u]
    listings = [url for url, (kind, _) in pages(db).items() if "/PageID/" in url and kind == "listing"]
    assert len(listings) == 8, sorted(pages(db).items())


def test_liferay_paging_and_category_paths_fetch_each_article_once(tmp_path):
    portal = serve_portal("liferay", liferay())
    db = tmp_path / "a.db"
    crawl([portal], db)
    found = titles(db, "liferay")
    assert len(found) == EXPECTED["liferay"] and set(found.values()) == {1}, found
    article_fetches = [p for p in portal.requests() if "/content/" in p or "/view_content/" in p]
    assert len(article_fetches) <= EXPECTED["liferay"] + 5, len(article_fetches)
    deep = [p for p in portal.requests() if p.split("?")[0].count("/-/") > 1]
    assert not deep, deep[:5]


@pytest.fixture(scope="module")
def traps_crawl(tmp_path_factory):
    portal = serve_portal("traps", traps())
    db = tmp_path_factory.mktemp("traps") / "a.db"
    result = crawl([portal], db)
    return portal, db, result


def test_every_article_beside_the_traps_is_found_once(traps_crawl):
    _, db, _ = traps_crawl
    found = titles(db, "traps")
    assert len(found) == EXPECTED["traps"] and set(found.values()) == {1}, found


def test_an_endless_calendar_is_left_after_a_few_pages_and_none_is_an_article(traps_crawl):
    portal, db, _ = traps_crawl
    calendar = portal.requests("/lich-cong-tac")
    assert len(calendar) <= 20, len(calendar)
    assert not any("thang=13" in p or "thang=0" in p for p in calendar)
    stored = sqlite3.connect(db).execute("SELECT count(*) FROM articles WHERE url LIKE '%lich-cong-tac%'")
    assert stored.fetchone()[0] == 0
    reasons = [reason for url, (_, reason) in pages(db).items() if "lich-cong-tac" in url]
    assert any(r.startswith("calendar") for r in reasons), reasons


def test_session_ids_do_not_make_pages_new(traps_crawl):
    portal, _, _ = traps_crawl
    notices = portal.requests("/thong-bao")
    assert len(notices) <= 16, notices  # 4 pages; a few twice before the evidence is in


def test_relative_links_that_grow_the_path_are_refused(traps_crawl):
    portal, db, _ = traps_crawl
    assert len(portal.requests("/chuyen-muc/")) <= 2
    assert any(r.startswith("path loop") for _, r in pages(db).values())


def test_facet_combinations_are_not_crawled(traps_crawl):
    portal, _, _ = traps_crawl
    combos = [p for p in portal.requests("/van-ban?") if p.count("=") >= 2]
    assert not combos, combos
    assert len(portal.requests("/van-ban")) <= 11


def test_soft_404_pages_are_skipped_with_their_reason(traps_crawl):
    _, db, _ = traps_crawl
    found = pages(db)
    kind, reason = found[next(u for u in found if u.endswith("/tin/da-go.html"))]
    assert kind == "dead_end" and reason.startswith("soft-404"), reason


def test_the_report_lists_trap_skips_with_their_reasons(traps_crawl):
    _, db, _ = traps_crawl
    result = run_cli("report", "--db", str(db), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    reasons = {line["reason"].split(":")[0] for line in lines if line["type"] == "skipped"}
    assert {"calendar", "path loop", "facet combination", "soft-404"} <= reasons, reasons


def test_two_portals_in_one_run_both_complete_though_one_is_full_of_traps(tmp_path):
    trapped, plain = serve_portal("traps", traps()), serve_portal("liferay", liferay())
    db = tmp_path / "a.db"
    crawl([trapped, plain], db)
    assert len(titles(db, "traps")) == EXPECTED["traps"]
    assert len(titles(db, "liferay")) == EXPECTED["liferay"]


def test_an_old_portal_is_followed_as_a_browser_follows_it(tmp_path):
    """A root redirecting by script to a frameset, a base, rows a click opens, an image map,
    backslashed links, "Xem" buttons, a menu a script writes and cards a script links: every
    article, with no browser."""
    portal = serve_portal("legacy", legacy())
    db = tmp_path / "a.db"
    crawl([portal], db, "-s", "GOVARCHIVE_BROWSER=off")
    found = titles(db, "legacy")
    assert len(found) == EXPECTED["legacy"] and set(found.values()) == {1}, found
    assert not [p for p in portal.requests() if p.startswith("/portal/noidung/tin/")]  # the base held


@NEEDS_CHROMIUM
def test_a_script_shell_is_rendered_in_chromium_and_its_listing_followed(tmp_path):
    from pattern_portals import shell

    portal = serve_portal("shell", shell())
    db = tmp_path / "a.db"
    crawl([portal], db)
    assert len(titles(db, "shell")) == EXPECTED["shell"]
    assert portal.requests("/api/v1/items")  # the browser ran the page's script


@NEEDS_CHROMIUM
def test_the_rendered_dom_is_kept_beside_the_response_as_served(tmp_path):
    from pattern_portals import shell
    from warcio.archiveiterator import ArchiveIterator

    portal = serve_portal("shell", shell(articles=2))
    db = tmp_path / "a.db"
    crawl([portal], db)
    records = {}
    for warc in (tmp_path / "warcs").glob("*.warc.gz"):
        with open(warc, "rb") as stream:
            for record in ArchiveIterator(stream):
                records[record.rec_headers.get_header("WARC-Record-ID")] = (
                    record.rec_type, record.rec_headers.get_header("WARC-Target-URI"),
                    record.rec_headers.get_header("WARC-Refers-To"), record.content_stream().read())
    conversions = [r for r in records.values() if r[0] == "conversion" and r[1] == portal.url]
    assert len(conversions) == 1  # the home page; the article built by script has its own
    _, uri, refers_to, dom = conversions[0]
    assert uri == portal.url and b"/bai-viet/1" in dom
    served = records[refers_to]
    assert served[0] == "response" and served[1] == portal.url and b"/bai-viet/1" not in served[3]


def test_without_a_browser_the_crawl_says_once_that_script_listings_are_skipped(tmp_path):
    from pattern_portals import shell

    portal = serve_portal("shell", shell())
    result = crawl([portal], tmp_path / "a.db", "-s", "GOVARCHIVE_BROWSER=off")
    said = [line for line in result.stderr.splitlines() if "looks built by script" in line]
    assert len(said) == 1 and "GOVARCHIVE_BROWSER = off" in said[0], said
    assert not titles(tmp_path / "a.db", "shell")


def test_a_killed_crawl_resumes_the_postback_pager_where_it_stood(tmp_path):
    """The pager's form posts are kept in the frontier like links: killed after some pages, the next
    crawl posts the pages left, and finds every article once."""
    import signal
    import subprocess
    import time

    from conftest import BIN, ROOT, stored_articles

    portal = serve_portal("webforms", webforms())
    db = tmp_path / "a.db"
    slow = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0.1",
            "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]
    proc = subprocess.Popen([str(BIN / "govarchive"), "crawl", "--url", portal.url, "--db", str(db), *slow],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and stored_articles(db) < 15:
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    pending = sqlite3.connect(db).execute("SELECT count(*) FROM frontier WHERE done = 0").fetchone()[0]
    assert pending and stored_articles(db) < EXPECTED["webforms"]
    crawl([portal], db)
    found = titles(db, "webforms")
    assert len(found) == EXPECTED["webforms"] and set(found.values()) == {1}, found


def test_form_posts_and_links_alike_keep_the_portals_crawl_delay(tmp_path):
    """robots.txt asks for 0.3 s; the crawl is configured with none. A lower bound only: a loaded
    machine makes gaps longer, never shorter."""
    portal = serve_portal("webforms", webforms(articles=15), robots="User-agent: *\nCrawl-delay: 0.3\n")
    crawl([portal], tmp_path / "a.db")
    gaps = request_gaps(portal)
    assert portal.requests("/TinTuc.aspx", "POST") and len(gaps) >= 15
    assert min(gaps) >= 0.29, sorted(gaps)[:5]


def test_the_report_counts_links_not_followed_by_reason(traps_crawl):
    _, db, _ = traps_crawl
    result = run_cli("report", "--db", str(db), "--format", "jsonl")
    counts = {line["reason"]: line["count"] for line in map(json.loads, result.stdout.splitlines())
              if line["type"] == "count"}
    assert counts.get("not_followed/calendar") and counts.get("not_followed/facet_combination"), counts
    assert counts.get("not_followed/session_noise"), counts


@NEEDS_CHROMIUM
def test_the_browsers_own_requests_keep_the_portals_crawl_delay(tmp_path):
    """The rendered page's scripts and API calls do not go through Scrapy's queue for the host:
    they are paced in the browser, and nothing else goes to the host meanwhile."""
    from pattern_portals import shell

    portal = serve_portal("shell", shell(articles=4), robots="User-agent: *\nCrawl-delay: 0.3\n")
    crawl([portal], tmp_path / "a.db")
    assert portal.requests("/api/v1/items")
    gaps = request_gaps(portal)
    assert min(gaps) >= 0.29, sorted(gaps)[:5]


@NEEDS_CHROMIUM
def test_an_article_built_by_script_is_stored_from_the_dom_and_read_again_from_its_record(tmp_path):
    """The row points to the conversion record: show --raw gives the DOM, reextract reads it."""
    from pattern_portals import shell

    portal = serve_portal("shell", shell(articles=1))
    db = tmp_path / "a.db"
    crawl([portal], db)
    rows = sqlite3.connect(db).execute("SELECT id, title FROM articles WHERE url LIKE '%/xem/900'").fetchall()
    assert rows and rows[0][1].startswith("shell bài 900"), rows
    raw = run_cli("show", str(rows[0][0]), "--raw", "--db", str(db))
    assert raw.returncode == 0 and "shell bài 900" in raw.stdout, raw.stderr
    again = run_cli("reextract", "--db", str(db))
    assert again.returncode == 0, again.stderr


def test_a_pager_calling_the_pages_own_function_is_followed(tmp_path):
    portal = serve_portal("jspager", jspager())
    crawl([portal], tmp_path / "a.db")
    found = titles(tmp_path / "a.db", "jspager")
    assert len(found) == EXPECTED["jspager"] and set(found.values()) == {1}, sorted(found)


def test_a_pager_setting_the_forms_page_field_and_submitting_it_is_followed(tmp_path):
    handle = formpager()
    portal = serve_portal("formpager", handle)
    crawl([portal], tmp_path / "a.db")
    found = titles(tmp_path / "a.db", "formpager")
    assert len(found) == EXPECTED["formpager"] and set(found.values()) == {1}, sorted(found)
    posts = portal.requests("/tin-tuc.asp", "POST")
    assert 2 <= len(posts) <= 3, posts  # pages 2 and 3, each once (1 is the page as served)
    assert handle.searches == []  # a tag's word is no page: its search is never submitted
