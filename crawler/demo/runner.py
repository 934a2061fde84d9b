"""``govarchive demo``: serve the demo portals locally and crawl them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from archive.store import CrawlCounts
from crawler.demo.server import serve
from crawler.runner import CrawlSummary, run_crawl
from crawler.urls import host_of

SITE_KEYS = {"province": "demo-songhau", "district": "demo-mythanh"}
# The demo server is ours and local: no need to wait between requests.
FAST = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "RETRY_BACKOFF_BASE": 0,
        "LOG_LEVEL": "WARNING", "GOVARCHIVE_SHORT_ERRORS": True}


def run_demo(db_path: str | Path,
             progress: Callable[[CrawlCounts], None] | None = None) -> CrawlSummary:
    """Crawl both demo portals into a fresh archive at ``db_path``."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    with serve() as urls:
        sites = {host_of(url): SITE_KEYS[name] for name, url in urls.items()}
        return run_crawl(list(urls.values()), db_path, sites=sites, settings=FAST,
                         progress=progress)
