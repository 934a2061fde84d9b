"""Deduplication that loses nothing, versions, and recovery after a kill, through real crawls."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import BIN, FAST_SETTINGS, ROOT, run_cli, stored_articles

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them

SEEDS = ROOT / "tests" / "fixtures" / "seeds"
ORIGINAL = (SEEDS / "004_khanhvinh.html").read_text(encoding="utf-8")
FIRST_WORDS = "Thời gian qua, công tác dân vận chính quyền"


REQUESTED: list[str] = []


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        REQUESTED.append(self.path)


def serve_folder(root: Path, pages: dict[str, str]):
    root.mkdir()
    for name, html in pages.items():
        (root / name).write_text(html, encoding="utf-8")
    links = "".join(f'<a href="/{name}">{name}</a> ' for name in pages)
    (root / "index.html").write_text(f"<html><body>{links}</body></html>", encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture
def portal(tmp_path):
    """One portal, and a second one carrying a syndicated copy of its article ``a.html``."""
    server, url = serve_folder(tmp_path / "site", {
        "a.html": ORIGINAL,
        # the same article at a second address, other sidebar
        "c.html": ORIGINAL.replace("16.575.804", "16.575.999"),
        "other.html": (SEEDS / "002_backan.html").read_text(encoding="utf-8"),
    })
    # syndicated on another portal: a source line, other words, a counter changed in the sidebar
    other, other_url = serve_folder(tmp_path / "other-portal", {
        "b.html": ORIGINAL.replace("<p>&nbsp;</p><p>CTV", "<p>(Theo Báo Khánh Hòa)</p><p>&nbsp;</p><p>CTV")
                          .replace("thân thiện và gần dân", "gần gũi với nhân dân")
                          .replace("Khánh Vĩnh</div>", "Khánh Vĩnh (bài đăng lại)</div>", 1),
    })
    yield tmp_path / "site", f"{url},{other_url}"
    server.shutdown()
    other.shutdown()


def crawl(url: str, db: Path, *extra: str) -> None:
    urls = [arg for u in url.split(",") for arg in ("--url", u)]
    result = run_cli("crawl", *urls, "--db", str(db), *FAST_SETTINGS, *extra)
    assert result.returncode == 0, result.stderr


def rows(db: Path, sql: str) -> list[tuple]:
    return list(sqlite3.connect(db).execute(sql))


def test_copies_are_clustered_and_sightings_kept(portal, tmp_path):
    root, url = portal
    db = tmp_path / "a.db"
    crawl(url, db)
    found = rows(db, "SELECT id, url, cluster_id FROM articles")
    articles = {u.rsplit("/", 1)[1]: (i, c) for i, u, c in found}
    assert set(articles) - {"a.html", "c.html"} == {"b.html", "other.html"} and len(articles) == 3
    kept = articles.get("a.html") or articles.get("c.html")
    assert kept[1] is not None and kept[1] == articles["b.html"][1]
    assert articles["other.html"][1] is None
    seen_rows = rows(db, f"SELECT url FROM article_urls WHERE article_id = {kept[0]}")
    seen = {u.rsplit("/", 1)[1] for (u,) in seen_rows}
    assert seen == {"a.html", "c.html"}


def test_changed_article_keeps_its_earlier_version(portal, tmp_path):
    root, url = portal
    db = tmp_path / "a.db"
    crawl(url, db)
    corrected = ORIGINAL.replace(FIRST_WORDS, "Trong năm qua, công tác dân vận chính quyền")
    (root / "a.html").write_text(corrected, encoding="utf-8")
    (root / "c.html").write_text(corrected, encoding="utf-8")
    crawl(url, db, "--refresh")
    (text,) = rows(db, "SELECT text FROM articles WHERE url LIKE '%/a.html' OR url LIKE '%/c.html'")[0]
    assert text.startswith("Trong năm qua")
    versions = rows(db, "SELECT text, replaced_at FROM article_versions")
    assert len(versions) == 1 and versions[0][0].startswith(FIRST_WORDS)
    assert rows(db, "SELECT count(*) FROM articles")[0][0] == 3


def test_kill_mid_crawl_then_next_run_repairs_and_goes_on(demo_portal, tmp_path):
    db = tmp_path / "a.db"
    proc = subprocess.Popen(
        [str(BIN / "govarchive"), "crawl", "--url", demo_portal.province, "--db", str(db),
         "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0.2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if stored_articles(db) >= 2:
            break
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    warcs = db.parent / "warcs"
    assert list(warcs.glob("*.open")), "the killed crawl left its file open"
    crawl(demo_portal.province, db)
    assert not list(warcs.glob("*.open"))
    check = subprocess.run([str(BIN / "warcio"), "check", *map(str, warcs.glob("*.warc.gz"))],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    from click.testing import CliRunner

    from crawler.cli import cli

    for (article_id,) in rows(db, "SELECT id FROM articles"):
        result = CliRunner().invoke(cli, ["show", str(article_id), "--raw", "--db", str(db)])
        assert result.exit_code == 0 and result.stdout_bytes.startswith(b"<!DOCTYPE html>"), result.output


def test_recrawl_finds_new_articles_and_leaves_archived_ones(portal, tmp_path):
    root, url = portal
    db = tmp_path / "a.db"
    crawl(url, db)
    new = ORIGINAL.replace(FIRST_WORDS, "Tin mới hoàn toàn: công tác dân vận").replace(
        "Hiệu quả từ công tác dân vận", "Bài mới về công tác dân vận")
    (root / "d.html").write_text(new, encoding="utf-8")
    index = (root / "index.html").read_text(encoding="utf-8")
    (root / "index.html").write_text(index.replace("</body>", '<a href="/d.html">d</a></body>'))
    REQUESTED.clear()
    crawl(url, db)
    assert "/d.html" in REQUESTED
    assert "/a.html" not in REQUESTED and "/other.html" not in REQUESTED
    assert rows(db, "SELECT count(*) FROM articles")[0][0] == 4
