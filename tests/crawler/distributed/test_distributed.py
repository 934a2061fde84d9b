"""Many machines: a real redis-server, worker processes and an ingest crawling the demo portals.

Each test queues the demo sites, runs real ``govarchive worker`` and ``govarchive
ingest`` processes against a redis-server started here (loopback, free port,
persistence off unless the test needs it) and compares the archive with the one
a single-process crawl of the same portals made.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest
from conftest import BIN, ROOT, registry_entry
from counting_portal import counting_demo
from redis_server import RedisServer, free_port

from crawler.distributed import codec, keys
from crawler.distributed.remote import known_kind, known_value
from crawler.runtime.items import PageItem

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them

redis = pytest.importorskip("redis")


def _registry(folder: Path, portal, delay: float = 0, twin: bool = False) -> Path:
    """The two demo portals as registry sites; ``twin``: a third site on the province's host."""
    folder.mkdir(exist_ok=True)
    sites = {"prov": (portal.province, "province"), "dist": (portal.district, "district")}
    if twin:
        sites["prov-twin"] = (portal.province + "vi/", "province")
    for key, (url, level) in sites.items():
        (folder / f"{key}.toml").write_text(registry_entry(key, url, level, delay), encoding="utf-8")
    return folder


class Cluster:
    """Worker and ingest processes of one test."""

    def __init__(self, tmp: Path, server: RedisServer, registry: Path) -> None:
        self.tmp, self.server, self.registry = tmp, server, registry
        self.db = tmp / "archive.db"
        self.procs: list[subprocess.Popen] = []

    def env(self) -> dict:
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "GOVARCHIVE_REGISTRY": str(self.registry),
               "GOVARCHIVE_REDIS": self.server.url}
        env.pop("GOVARCHIVE_DB", None)
        return env

    def run(self, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
        return subprocess.run([str(BIN / "govarchive"), *args], capture_output=True, text=True,
                              cwd=ROOT, timeout=timeout, env=self.env())

    def start(self, name: str, *args: str) -> subprocess.Popen:
        out = open(self.tmp / f"{name}.out", "w")  # noqa: SIM115 - closed with the process
        err = open(self.tmp / f"{name}.err", "w")  # noqa: SIM115
        proc = subprocess.Popen([str(BIN / "govarchive"), *args], stdout=out, stderr=err, text=True,
                                cwd=ROOT, env=self.env())
        self.procs.append(proc)
        return proc

    def worker(self, name: str, *extra: str) -> subprocess.Popen:
        return self.start(name, "worker", "--id", name, "--warc-dir", str(self.tmp / "warcs"),
                          "-s", "GOVARCHIVE_LEASE_SECONDS=3", *extra)

    def ingest(self, name: str = "ingest") -> subprocess.Popen:
        return self.start(name, "ingest", "--db", str(self.db), "--until-done")

    def output(self, name: str) -> str:
        return (self.tmp / f"{name}.out").read_text() + (self.tmp / f"{name}.err").read_text()

    def wait_all(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        for proc in self.procs:
            proc.wait(timeout=max(1, deadline - time.monotonic()))

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()

    def rows(self, sql: str) -> list[tuple]:
        return sqlite3.connect(self.db).execute(sql).fetchall()

    def wait_for_articles(self, count: int, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if self.rows("SELECT count(*) FROM articles")[0][0] >= count:
                    return
            except sqlite3.OperationalError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"fewer than {count} articles after {timeout} s")


@pytest.fixture
def cluster(tmp_path, redis_server, demo_portal):
    made = Cluster(tmp_path, redis_server, _registry(tmp_path / "registry", demo_portal))
    yield made
    made.stop()


# Each article with every address it was seen at: an article served at two addresses (the demo's
# "two_urls") keeps as its row's url the one fetched first, which the workers' order decides.
ARTICLES = ("SELECT title, published_at, content_hash, (SELECT group_concat(url, ' ') FROM "
            "(SELECT DISTINCT url FROM article_urls WHERE article_id = a.id ORDER BY url)) "
            "FROM articles AS a ORDER BY content_hash")


def _reference(crawled_demo) -> list[tuple]:
    return sqlite3.connect(crawled_demo.db).execute(ARTICLES).fetchall()


def test_two_workers_and_an_ingest_store_what_one_process_stores(cluster, crawled_demo, demo_portal):
    before = len(demo_portal.lines())
    assert cluster.run("enqueue", "prov", "dist").returncode == 0
    ingest = cluster.ingest()
    workers = [cluster.worker("w1"), cluster.worker("w2")]
    cluster.wait_all()
    assert ingest.returncode == 0 and all(w.returncode == 0 for w in workers), cluster.output("w1")
    assert cluster.rows(ARTICLES) == _reference(crawled_demo)
    assert cluster.rows("SELECT count(*) FROM documents") == sqlite3.connect(crawled_demo.db).execute(
        "SELECT count(*) FROM documents").fetchall()
    fetched = Counter(demo_portal.lines()[before:])
    assert fetched and max(fetched.values()) == 1, [line for line, n in fetched.items() if n > 1]
    assert all("crawl" in cluster.output(w) and "finished" in cluster.output(w) for w in ("w1", "w2"))
    assert cluster.rows("SELECT key, level FROM sites ORDER BY key") == [("dist", "district"),
                                                                          ("prov", "province")]
    statuses = cluster.rows("SELECT site, status FROM crawls ORDER BY site")
    assert statuses == [("dist", "finished"), ("prov", "finished")]
    client = cluster.server.client()
    left = sorted(k.decode() for k in client.keys("govarchive:*"))
    assert left == [keys.STREAM, keys.KNOWN] and client.xlen(keys.STREAM) == 0  # no frontier, lease, entry


def test_a_second_round_is_incremental_through_the_known_urls(cluster, demo_portal):
    cluster.run("enqueue", "prov", "dist")
    cluster.ingest(), cluster.worker("w1")
    cluster.wait_all()
    first = len(demo_portal.lines())
    cluster.run("enqueue", "prov", "dist")
    cluster.ingest("ingest2"), cluster.worker("w1b")
    cluster.wait_all()
    again = demo_portal.lines()[first:]
    assert not any("/tin-tuc/" in line and line.endswith(".html") for line in again), again
    assert cluster.rows("SELECT count(*), count(DISTINCT url) FROM articles")[0] == (24, 24)


def test_one_host_is_crawled_by_one_worker_at_a_time(tmp_path, redis_server, monkeypatch):
    """Two sites on one host, two workers: the host never sees more than its 2 connections."""
    with counting_demo(monkeypatch) as (urls, peak):
        portal = type("Portal", (), {"province": urls["province"], "district": urls["district"]})
        made = Cluster(tmp_path, redis_server, _registry(tmp_path / "registry", portal, twin=True))
        try:
            made.run("enqueue", "prov", "prov-twin", "dist")
            made.ingest(), made.worker("w1"), made.worker("w2")
            made.wait_all()
        finally:
            made.stop()
        assert all(p.returncode == 0 for p in made.procs), made.output("w1") + made.output("w2")
    assert peak and max(peak.values()) <= 2, peak
    assert made.rows("SELECT count(*), count(DISTINCT url) FROM articles")[0] == (24, 24)


def test_a_worker_killed_mid_crawl_loses_nothing(tmp_path, redis_server, demo_portal, crawled_demo):
    made = Cluster(tmp_path, redis_server, _registry(tmp_path / "registry", demo_portal, delay=0.3))
    try:
        made.run("enqueue", "dist", "prov")
        made.ingest()
        victim = made.worker("w1")
        made.wait_for_articles(3)
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        made.worker("w2", "-s", "DOWNLOAD_DELAY=0")
        made.wait_all()
        assert made.procs[0].returncode == 0, made.output("ingest")
        assert made.rows(ARTICLES) == _reference(crawled_demo)
        assert ("killed",) in made.rows("SELECT status FROM crawls")
        assert "were in flight" in made.output("w2") or "Resuming crawl" in made.output("w2")
    finally:
        made.stop()


def test_the_ingest_killed_and_restarted_loses_nothing(tmp_path, redis_server, demo_portal, crawled_demo):
    made = Cluster(tmp_path, redis_server, _registry(tmp_path / "registry", demo_portal, delay=0.2))
    try:
        made.run("enqueue", "dist", "prov")
        victim = made.ingest("ingest1")
        made.worker("w1")
        made.wait_for_articles(3)
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        made.procs.remove(victim)
        made.ingest("ingest2")
        made.wait_all()
        assert all(p.returncode == 0 for p in made.procs), made.output("ingest2")
        assert made.rows(ARTICLES) == _reference(crawled_demo)
        assert made.server.client().xlen(keys.STREAM) == 0
    finally:
        made.stop()


def test_redis_going_away_stops_a_worker_cleanly_and_it_resumes(tmp_path, demo_portal, crawled_demo):
    server = RedisServer(tmp_path, persist=True).start()
    made = Cluster(tmp_path, server, _registry(tmp_path / "registry", demo_portal, delay=0.3))
    try:
        made.run("enqueue", "dist", "prov")
        made.ingest("ingest1")
        worker = made.worker("w1")
        made.wait_for_articles(3)
        server.stop()  # Redis goes away mid-crawl (it saves its data: it comes back later)
        worker.wait(timeout=60)
        made.procs[0].wait(timeout=60)
        said = made.output("w1")
        assert worker.returncode == 1 and "Redis is unavailable" in said, said
        assert "Traceback" not in said and "Traceback" not in made.output("ingest1")
        server.start()
        made.procs.clear()
        made.ingest("ingest2"), made.worker("w2", "-s", "DOWNLOAD_DELAY=0")
        made.wait_all()
        assert all(p.returncode == 0 for p in made.procs), made.output("w2") + made.output("ingest2")
        assert made.rows(ARTICLES) == _reference(crawled_demo)
    finally:
        made.stop()
        server.stop()


def test_a_worker_without_redis_says_so_in_one_line(cluster):
    result = cluster.run("worker", "--redis", f"redis://127.0.0.1:{free_port()}/0")
    assert result.returncode == 1
    assert result.stderr.startswith("Error: cannot reach Redis at") and "Traceback" not in result.stderr


def test_malformed_stream_entries_are_logged_and_kept_aside(cluster):
    client = cluster.server.client()
    good = codec.encode_op("start_crawl", crawl_id="c1", started_at="2026-11-23T00:00:00+00:00",
                           start_urls=[], site="prov")
    bad = [{"v": "9", "kind": "page", "data": "{}"}, {"v": "1", "kind": "page", "data": "not json"},
           {"v": "1", "kind": "op", "op": "drop_tables", "data": "{}"},
           {"v": "1", "kind": "page", "data": '{"url": "http://x/", "colour": "red"}'},
           {"v": "1", "kind": "op", "op": "record_page", "data": '{"url": 3}'}]
    for fields in [*bad, good]:
        client.xadd(keys.STREAM, fields)
    result = cluster.run("ingest", "--db", str(cluster.db), "--until-done")
    assert result.returncode == 0, result.stderr
    assert "5 entries skipped" in result.stdout and "Traceback" not in result.stderr
    assert client.xlen(keys.DEAD) == 5 and client.xlen(keys.STREAM) == 0
    assert cluster.rows("SELECT id FROM crawls") == [("c1",)]


def test_a_page_item_survives_the_stream():
    import numpy as np

    item = PageItem(url="http://a/x.html", site="a", crawl_id="c", fetched_at="2026-11-23T00:00:00+00:00",
                    body=b"<html>big</html>", title="Tiêu đề", text="Nội dung", signature=np.arange(4,
                    dtype=np.uint64) * np.uint64(2**62), date_candidates=[("meta", "2026-11-20")])
    kind, back = codec.decode(codec.encode_item(item))
    assert kind == "page" and back.title == "Tiêu đề" and back.body == b""
    assert back.signature.tolist() == item.signature.tolist()
    assert back.date_candidates == [("meta", "2026-11-20")]


def test_known_urls_read_like_the_archive():
    before = "2026-11-23T10:00:00+00:00"
    assert known_kind(known_value("article", "2026-11-01T00:00:00+00:00"), before) == "article"
    assert known_kind(known_value("article", "2026-11-23T11:00:00+00:00"), before) is None  # this crawl's
    assert known_kind(known_value("failed", "2026-11-01", "2026-11-24T00:00:00+00:00"), before) == "failed"
    assert known_kind(known_value("failed", "2026-11-01", "2026-11-22T00:00:00+00:00"), before) is None
    assert known_kind(b"garbage", before) is None
