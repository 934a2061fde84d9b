"""Shared fixtures: the demo portal server (a subprocess on free ports) and one crawl of it.

Like Scrapy's own mock server, the server is started once per session in its
own process, prints its URLs, and every test that needs a portal uses it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# The tests' portals are on 127.0.0.1: let registries name loopback hosts (users' cannot by default).
os.environ["GOVARCHIVE_ALLOW_PRIVATE_HOSTS"] = "1"

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
FAST_SETTINGS = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0",
                 "-s", "RETRY_BACKOFF_BASE=0"]


@dataclass
class DemoPortal:
    province: str
    district: str
    log: Path

    def lines(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []

    def requested_paths(self, portal: str, lines: list[str] | None = None) -> list[str]:
        lines = self.lines() if lines is None else lines
        return [line.split("\t", 1)[1] for line in lines if line.startswith(portal + "\t")]


@pytest.fixture(scope="session")
def demo_portal(tmp_path_factory) -> Iterator[DemoPortal]:
    log = tmp_path_factory.mktemp("portal") / "requests.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler.demo.server", "--log", str(log)],
        stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )
    urls = {}
    for line in proc.stdout:
        if line.strip() == "ready":
            break
        name, url = line.split()
        urls[name] = url
    try:
        yield DemoPortal(urls["province"], urls["district"], log)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def registry_entry(key: str, url: str, level: str = "province", delay: float = 0) -> str:
    """A registry file of one site, crawled at full speed (2 requests at a time, no AutoThrottle)."""
    return (f'province = "Sông Hậu"\n\n[[site]]\nkey = "{key}"\nname = "Cổng thông tin điện tử {key}"\n'
            f'level = "{level}"\nhome = ["{url}"]\n'
            f"politeness = {{ delay = {delay}, concurrency = 2, autothrottle = false }}\n")


def stored_articles(db: Path) -> int:
    """Articles in ``db`` so far (0 while the file or its tables do not exist yet)."""
    import sqlite3

    if not db.exists():
        return 0
    try:
        return sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def run_cli(*args: str, cwd: Path | None = None, timeout: int = 300,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    env.pop("GOVARCHIVE_DB", None)
    return subprocess.run([str(BIN / "govarchive"), *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=timeout, env=env)


@dataclass
class CrawledDemo:
    db: Path
    result: subprocess.CompletedProcess
    portal: DemoPortal
    log_lines: list[str]  # the server's log lines of this crawl only

    def requested_paths(self, portal: str) -> list[str]:
        return self.portal.requested_paths(portal, self.log_lines)


@pytest.fixture(scope="session")
def crawled_demo(demo_portal, tmp_path_factory) -> CrawledDemo:
    db = tmp_path_factory.mktemp("crawl") / "archive.db"
    before = len(demo_portal.lines())
    result = run_cli("crawl", "--url", demo_portal.province, "--url", demo_portal.district,
                     "--db", str(db), *FAST_SETTINGS)
    assert result.returncode == 0, result.stderr
    return CrawledDemo(db, result, demo_portal, demo_portal.lines()[before:])


@pytest.fixture
def redis_server(tmp_path):
    """A real redis-server on a free loopback port (``tests/redis_server.py``), stopped after the test."""
    from redis_server import RedisServer

    server = RedisServer(tmp_path).start()
    yield server
    server.stop()
