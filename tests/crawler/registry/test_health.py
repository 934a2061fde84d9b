"""Schedules, run-due with a fixed clock, the per-site lock, and health flags."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import FAST_SETTINGS, run_cli
from test_registry import write_registry

from archive.store import Archive
from crawler import registry
from crawler.registry.health import site_health
from crawler.registry.locks import SiteLocks, site_lock

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them

NOW = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


def run_due(folder, db, now: datetime):
    return run_cli("run-due", "--registry", str(folder), "--db", str(db), *FAST_SETTINGS,
                   env={"GOVARCHIVE_NOW": now.isoformat()})


def test_run_due_crawls_what_is_due_and_then_waits(demo_portal, tmp_path):
    folder = write_registry(tmp_path / "reg", mythanh=(demo_portal.district, "district"))
    (folder / "mythanh.toml").write_text((folder / "mythanh.toml").read_text().replace(
        'schedule = "*/30 * * * *"', 'schedule = "0 3 * * *"'))
    db = tmp_path / "a.db"
    real_now = datetime.now(UTC)
    first = run_due(folder, db, real_now)
    assert first.returncode == 0, first.stderr
    assert "(mythanh): finished" in first.stdout
    assert run_due(folder, db, real_now + timedelta(minutes=1)).stdout.strip() == "nothing due"
    again = run_due(folder, db, real_now + timedelta(hours=25))
    assert "(mythanh): finished" in again.stdout
    assert sqlite3.connect(db).execute("SELECT count(*) FROM crawls").fetchone()[0] == 2


def test_a_locked_site_is_skipped(demo_portal, tmp_path):
    folder = write_registry(tmp_path / "reg", mythanh=(demo_portal.district, "district"))
    db = tmp_path / "a.db"
    with site_lock(tmp_path / "locks", "mythanh") as got:
        assert got
        result = run_due(folder, db, datetime.now(UTC))
    assert "skipped mythanh: another run is crawling it" in result.stderr
    assert "nothing due" in result.stdout


def test_lock_is_exclusive(tmp_path):
    with site_lock(tmp_path, "a") as first, site_lock(tmp_path, "a") as second:
        assert first and not second
    with site_lock(tmp_path, "a") as again:
        assert again


def test_one_file_holds_a_runs_sites_however_many(tmp_path):
    with SiteLocks(tmp_path) as first, SiteLocks(tmp_path) as second:
        assert all(first.take(f"xa{n}") for n in range(700))
        assert not second.take("xa5") and second.take("other")
        first.release("xa5")
        assert second.take("xa5")
    assert [p.name for p in tmp_path.iterdir()] == ["sites.lock"]


def history(tmp_path, runs: list[dict]):
    archive = Archive(tmp_path / "a.db")
    for n, run in enumerate(runs):
        archive.db["crawls"].insert({
            "id": f"c{n}", "site": "x", "started_at": run["at"].isoformat(),
            "status": run.get("status", "finished"),
            "pages_fetched": run.get("pages", 10), "articles_new": run.get("new", 0),
            "errors": run.get("errors", 0), "stats": json.dumps(run.get("stats", {}))})
    archive.db.conn.commit()
    archive.close()
    sites = {"x": registry.Site("x", "X", "P", "district", ("http://x/",))}
    return site_health(sites, tmp_path / "a.db", NOW)[0]


def days_ago(n: float) -> datetime:
    return NOW - timedelta(days=n)


def test_healthy_site_has_no_flags(tmp_path):
    h = history(tmp_path, [{"at": days_ago(d), "new": 3} for d in (21, 14, 7, 1)])
    assert h.flags == [] and h.per_week == [3, 3, 3, 3]


def test_failing_runs_in_a_row(tmp_path):
    runs = [{"at": days_ago(5), "new": 2}] + [
        {"at": days_ago(d), "status": "finished", "pages": 0, "errors": 1} for d in (3, 2, 1)]
    assert "failing 3 runs in a row" in history(tmp_path, runs).flags


def test_no_new_articles_where_there_used_to_be_some(tmp_path):
    runs = [{"at": days_ago(d), "new": 4} for d in (10, 9)] + [{"at": days_ago(d)} for d in (3, 2, 1)]
    assert "no new articles in 3 crawls (layout change?)" in history(tmp_path, runs).flags


def test_redirected_to_another_domain(tmp_path):
    runs = [{"at": days_ago(1), "stats": {"govarchive/redirected_to": "newprovince.gov.vn"}}]
    assert "redirected to newprovince.gov.vn" in history(tmp_path, runs).flags


def test_a_run_left_running_by_a_kill_does_not_block_the_schedule(tmp_path):
    h = history(tmp_path, [{"at": days_ago(3), "status": "running", "pages": 0}])
    assert h.due  # the lock, not the status, keeps two runs apart; the frontier resumes it


def test_defunct_after_days_of_connection_failures(tmp_path):
    failures = {"govarchive/errors/download": 1, "govarchive/errors/DNSLookupError": 1}
    runs = [{"at": days_ago(30), "new": 1}] + [
        {"at": days_ago(d), "pages": 0, "errors": 1, "stats": failures} for d in (20, 15, 10, 5, 1)]
    flags = history(tmp_path, runs).flags
    assert any(f.startswith("defunct? unreachable since") for f in flags)


def test_not_defunct_before_the_days_have_passed(tmp_path):
    failures = {"govarchive/errors/download": 1, "govarchive/errors/DNSLookupError": 1}
    runs = [{"at": days_ago(d), "pages": 0, "errors": 1, "stats": failures} for d in (3, 2, 1)]
    assert not any("defunct" in f for f in history(tmp_path, runs).flags)


@pytest.fixture
def moved_portal():
    """A portal whose home page now redirects to a new domain (another port)."""
    seen = []

    class New(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            seen.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"<html><body>new portal</body></html>")

        def log_message(self, *args):
            pass

    new = ThreadingHTTPServer(("127.0.0.2", 0), New)

    class Old(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(301)
            self.send_header("Location", f"http://127.0.0.2:{new.server_address[1]}/")
            self.end_headers()

        def log_message(self, *args):
            pass

    old = ThreadingHTTPServer(("127.0.0.1", 0), Old)
    for server in (new, old):
        threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{old.server_address[1]}/", seen
    for server in (new, old):
        server.shutdown()


def test_redirect_to_another_domain_is_flagged_and_not_followed(moved_portal, tmp_path):
    url, new_requests = moved_portal
    folder = write_registry(tmp_path / "reg", old=(url, "district"))
    db = tmp_path / "a.db"
    assert run_cli("crawl", "old", "--registry", str(folder), "--db", str(db), *FAST_SETTINGS).returncode == 0
    assert new_requests == []
    status = run_cli("status", "--registry", str(folder), "--db", str(db))
    assert "redirected to 127.0.0.2:" in status.stdout
