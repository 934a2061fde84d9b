"""``govarchive demo``: serve the demo portals locally and crawl them into a demo archive.

The demo replaces only a file it made itself (``archive_info.purpose = 'demo'``):
an archive of real crawls given by mistake is refused, never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from archive.connect import ArchiveError, open_database, purpose, set_purpose
from archive.reader import open_reader
from archive.sites import sync_sites
from archive.store import CrawlCounts
from common.urls import host_of
from crawler import registry
from crawler.demo.server import serve
from crawler.runtime.runner import CrawlSummary, run_crawl

SITE_KEYS = {"province": "demo-songhau", "district": "demo-mythanh"}
DEMO_REGISTRY = Path(__file__).parent / "sites"
# The demo server is ours and local: no need to wait between requests.
FAST = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "RETRY_BACKOFF_BASE": 0,
        "LOG_LEVEL": "WARNING", "GOVARCHIVE_SHORT_ERRORS": True}


def run_demo(db_path: str | Path,
             progress: Callable[[CrawlCounts], None] | None = None) -> CrawlSummary:
    """Crawl both demo portals into a fresh demo archive at ``db_path``."""
    fresh_demo_archive(Path(db_path))
    with serve() as urls:
        sites = {host_of(url): SITE_KEYS[name] for name, url in urls.items()}
        return run_crawl(list(urls.values()), db_path, sites=sites, settings=FAST,
                         progress=progress)


def fresh_demo_archive(path: Path) -> None:
    """Remove the previous demo archive (only a demo archive) and make a new one."""
    if path.exists():
        db = open_reader(path)
        try:
            made_for = purpose(db)
        finally:
            db.conn.close()
        if made_for != "demo":
            raise ArchiveError(f"{path} is an archive of real crawls, not a demo archive: "
                               "the demo never replaces it (give --db another file)")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(path, write=True)
    try:
        set_purpose(db, "demo")
        sync_sites(db, registry.load(DEMO_REGISTRY, allow_private=True).values())
    finally:
        db.conn.close()
