"""Many portals in one run: 30 local portals on 30 loopback addresses, crawled with crawl --all."""

from __future__ import annotations

import os
import sqlite3
import subprocess

import pytest
from conftest import ROOT, registry_entry, run_cli
from pattern_portals import serve_portal, small

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them

PORTALS = 30
AT_ONCE = 8
DELAY = 0.2


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    folder = tmp_path_factory.mktemp("many")
    (folder / "registry").mkdir()
    portals = []
    for n in range(PORTALS):
        key = f"xa{n:02d}"
        portals.append(serve_portal(key, small(key), robots=f"User-agent: *\nCrawl-delay: {DELAY}\n",
                                    host=f"127.0.0.{n + 2}"))
        entry = registry_entry(key, portals[-1].url, level="commune")
        (folder / "registry" / f"{key}.toml").write_text(entry, encoding="utf-8")
    result = run_cli("crawl", "--all", "--db", str(folder / "a.db"),
                     "-s", f"GOVARCHIVE_SITES_AT_ONCE={AT_ONCE}", "-s", "GOVARCHIVE_CRAWL_PROCESSES=2",
                     env={"GOVARCHIVE_REGISTRY": str(folder / "registry"),
                          "GOVARCHIVE_ALLOW_PRIVATE_HOSTS": os.environ["GOVARCHIVE_ALLOW_PRIVATE_HOSTS"]})
    for portal in portals:
        portal.server.shutdown()
    return portals, folder / "a.db", result


def test_every_article_of_every_portal_is_stored(many):
    _, db, result = many
    assert result.returncode == 0, result.stderr[-2000:]
    sites = dict(sqlite3.connect(db).execute("SELECT site, count(*) FROM articles GROUP BY site").fetchall())
    assert len(sites) == PORTALS and set(sites.values()) == {3}, sites


def test_a_split_run_records_every_registry_site(many):
    """The parent records the sites while the crawl processes start (after handing out portals)."""
    _, db, _ = many
    rows = sqlite3.connect(db).execute("SELECT key, level, province FROM sites ORDER BY key").fetchall()
    assert rows == [(f"xa{n:02d}", "commune", "Sông Hậu") for n in range(PORTALS)]


def test_each_crawl_process_writes_one_warc_file_and_every_record_reads_back(many):
    from archive.warc import RecordRef, read_response

    _, db, _ = many
    files = sorted(p.name for p in (db.parent / "warcs").iterdir())
    assert len(files) == 2 and all(f.endswith(".warc.gz") for f in files), files  # one a crawl process
    rows = sqlite3.connect(db).execute("SELECT url, warc_file, warc_offset, warc_length FROM articles")
    for url, *ref in rows:
        assert read_response(db.parent / "warcs", RecordRef(*ref)).url == url


def test_each_host_keeps_its_crawl_delay(many):
    portals, _, _ = many
    for portal in portals:
        starts = sorted(t for t, _, path in portal.log if path != "/robots.txt")
        gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
        assert gaps and min(gaps) >= DELAY - 0.01, (portal.name, sorted(gaps)[:3])


def test_no_more_portals_are_crawled_at_once_than_asked_and_the_run_says_so(many):
    portals, _, result = many
    spans = [(min(t for t, *_ in p.log), max(t for t, *_ in p.log)) for p in portals]
    busiest = max(sum(1 for a, b in spans if a <= moment <= b) for moment, _ in spans)
    assert busiest <= AT_ONCE, busiest
    assert f"{PORTALS} portals: {AT_ONCE} crawled at once over 2 crawl processes" in result.stderr


def _slow_portals(tmp_path, count: int) -> list:
    """``count`` portals of 6 articles asking 0.5 s between pages, with their registry in tmp_path."""
    (tmp_path / "registry").mkdir()
    portals = []
    for n in range(count):
        key = f"xa{n:02d}"
        portals.append(serve_portal(key, small(key, articles=6), robots="User-agent: *\nCrawl-delay: 0.5\n",
                                    host=f"127.0.0.{n + 2}"))
        entry = registry_entry(key, portals[-1].url, level="commune")
        (tmp_path / "registry" / f"{key}.toml").write_text(entry, encoding="utf-8")
    return portals


def test_ctrl_c_on_many_portals_stops_them_all_and_starts_no_more(tmp_path):
    """30 portals, 8 at once, each asking 0.5 s between pages: Ctrl-C once some articles are in."""
    import signal
    import subprocess
    import time

    from conftest import BIN, ROOT, stored_articles

    portals = _slow_portals(tmp_path, PORTALS)
    env = {**os.environ, "GOVARCHIVE_REGISTRY": str(tmp_path / "registry")}
    proc = subprocess.Popen([str(BIN / "govarchive"), "crawl", "--all", "--db", str(tmp_path / "a.db"),
                             "-s", f"GOVARCHIVE_SITES_AT_ONCE={AT_ONCE}",
                             "-s", "GOVARCHIVE_CRAWL_PROCESSES=2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and stored_articles(tmp_path / "a.db") < 4:
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    touched = sum(1 for p in portals if p.log)
    again = run_cli("crawl", "--all", "--db", str(tmp_path / "a.db"), "-s", "GOVARCHIVE_CRAWL_PROCESSES=2",
                    env={"GOVARCHIVE_REGISTRY": str(tmp_path / "registry")})
    for portal in portals:
        portal.server.shutdown()
    assert proc.returncode == 130, err[-2000:]
    assert "Traceback" not in err and "portals not started (stopped)" in err
    statuses = {s for (s,) in sqlite3.connect(tmp_path / "a.db").execute("SELECT status FROM crawls")}
    assert "running" not in statuses and "interrupted" in statuses, statuses
    assert touched <= AT_ONCE + 2, touched  # the rest were never started
    # nothing lost: what was queued, fetched and not read, or never started is in the next run
    assert again.returncode == 0, again.stderr[-2000:]
    assert stored_articles(tmp_path / "a.db") == PORTALS * 6


def test_a_crawl_that_never_started_is_summarised_as_such(tmp_path):
    from archive.store import open_database
    from crawler.runtime.runner import crawl_summary

    open_database(tmp_path / "a.db").conn.close()
    summary = crawl_summary(tmp_path / "a.db", "20261205-xa1")
    assert (summary.status, summary.counts.pages_fetched) == ("not started", 0)


def test_running_out_of_open_files_is_said_with_the_limit(tmp_path):
    """SQLite says only "unable to open database file"; the message names the limit and the setting."""
    import subprocess
    import sys

    script = f"""
import resource, sys
from archive.store import open_database
from archive.errors import ArchiveError
open_database({str(tmp_path / 'a.db')!r}).conn.close()
resource.setrlimit(resource.RLIMIT_NOFILE, (64, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
held = []
try:
    while True:
        held.append(open("/dev/null"))
except OSError:
    held.pop().close()
try:
    open_database({str(tmp_path / 'a.db')!r})
except ArchiveError as exc:
    print(exc)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                         cwd=ROOT).stdout
    assert "too many open files" in out and "limit 64" in out and "GOVARCHIVE_SITES_AT_ONCE" in out


def test_a_portal_that_could_not_start_for_lack_of_files_is_told_apart():
    import errno

    from twisted.python.failure import Failure

    from archive.errors import ArchiveError
    from crawler.runtime.runner import _out_of_files

    assert _out_of_files(Failure(ArchiveError("cannot open archive a.db: too many open files (1024 open)")))
    assert _out_of_files(Failure(OSError(errno.EMFILE, "Too many open files")))
    assert not _out_of_files(Failure(ArchiveError("archive a.db is locked by pid 12")))
    assert not _out_of_files(None)


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat") as stat:
                if entry.isdigit() and int(stat.read().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _slow_split_run(tmp_path, stderr=subprocess.DEVNULL):
    """8 portals asking 0.5 s between pages, over 2 crawl processes; started once 2 articles are in."""
    import time

    from conftest import BIN, stored_articles

    portals = _slow_portals(tmp_path, 8)
    env = {**os.environ, "GOVARCHIVE_REGISTRY": str(tmp_path / "registry")}
    proc = subprocess.Popen([str(BIN / "govarchive"), "crawl", "--all", "--db", str(tmp_path / "a.db"),
                             "-s", "GOVARCHIVE_CRAWL_PROCESSES=2"],
                            stdout=subprocess.DEVNULL, stderr=stderr, text=True, cwd=ROOT, env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and stored_articles(tmp_path / "a.db") < 2:
        time.sleep(0.1)
    return proc, portals


def _gone(pids: list[int]) -> None:
    import time

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and any(os.path.exists(f"/proc/{p}") for p in pids):
        time.sleep(0.2)


def test_crawl_processes_whose_parent_is_killed_stop_and_record_their_crawls(tmp_path):
    import signal

    proc, portals = _slow_split_run(tmp_path)
    children = _children(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    _gone(children)
    for portal in portals:
        portal.server.shutdown()
    assert len(children) == 2 and not any(os.path.exists(f"/proc/{c}") for c in children)
    statuses = {s for (s,) in sqlite3.connect(tmp_path / "a.db").execute("SELECT status FROM crawls")}
    assert statuses and "running" not in statuses, statuses


def test_a_crawl_process_that_dies_fails_the_run_and_its_crawls_are_recorded_killed(tmp_path):
    import signal

    proc, portals = _slow_split_run(tmp_path, stderr=subprocess.PIPE)
    victim = _children(proc.pid)[0]
    os.kill(victim, signal.SIGKILL)
    _, err = proc.communicate(timeout=180)
    for portal in portals:
        portal.server.shutdown()
    assert proc.returncode == 4, err[-2000:]
    assert "a crawl process ended without its report (exit code -9)" in err and "Traceback" not in err
    statuses = [s for (s,) in sqlite3.connect(tmp_path / "a.db").execute("SELECT status FROM crawls")]
    assert "killed" in statuses and "finished" in statuses and "running" not in statuses, statuses


def test_a_crawl_process_keeps_its_requests_on_the_wire_within_its_places(tmp_path):
    """Eight slow portals (each answer takes 0.2 s) in one crawl process with two places: never
    more than two requests on the wire over all of them, and every article stored all the same."""
    import threading
    import time

    from conftest import stored_articles

    lock, on_wire, peak = threading.Lock(), [0], [0]

    def slow(handle):
        def answer(method, path, query, form):
            with lock:
                on_wire[0] += 1
                peak[0] = max(peak[0], on_wire[0])
            time.sleep(0.2)
            with lock:
                on_wire[0] -= 1
            return handle(method, path, query, form)
        return answer

    (tmp_path / "registry").mkdir()
    portals = []
    for n in range(8):
        key = f"xa{n:02d}"
        portals.append(serve_portal(key, slow(small(key)), robots="User-agent: *\nCrawl-delay: 0.1\n",
                                    host=f"127.0.0.{n + 2}"))
        entry = registry_entry(key, portals[-1].url, level="commune")
        (tmp_path / "registry" / f"{key}.toml").write_text(entry, encoding="utf-8")
    result = run_cli("crawl", "--all", "--db", str(tmp_path / "a.db"), "-s", "GOVARCHIVE_REQUESTS_AT_ONCE=2",
                     "-s", "GOVARCHIVE_CRAWL_PROCESSES=1",
                     env={"GOVARCHIVE_REGISTRY": str(tmp_path / "registry")})
    for portal in portals:
        portal.server.shutdown()
    assert result.returncode == 0, result.stderr[-2000:]
    assert peak[0] <= 2, peak[0]  # robots.txt is answered at once, outside the count
    assert stored_articles(tmp_path / "a.db") == 8 * 3
