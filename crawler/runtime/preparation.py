"""What a crawl run needs before Scrapy starts, without importing Scrapy: the archive and the
WARC folder made ready, and how many portals a process can crawl at once under its open-files limit.

A run split over crawl processes (:mod:`crawler.runtime.many`) does this in its parent while
the crawl processes start; importing Scrapy there only to reach this function took the parent
0.4 s of a core the starting crawl processes wanted, and they waited for it
(``benchmarks/RESULTS.md``, stop 57).
"""

from __future__ import annotations

import multiprocessing
import resource
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from archive.shared_files import SharedFiles
from archive.warc import prepare_warc_folder, warc_folder

# A portal's crawl holds its sockets only (at most CONCURRENT_REQUESTS_PER_DOMAIN in flight, and one
# closing): the crawls of a process share its archive connection and WARC file (archive.shared_files).
# The rest is the process's own: the archive with its -wal, WARC, pipes to the extraction workers.
FILES_PER_SITE = 3
FILES_RESERVED = 128
SITES_AT_ONCE = 200  # portals a crawl process crawls at once by default, if the limit allows (~0.6 MiB each)


def prepare_archive(shared: SharedFiles, db_path: str | Path, settings: Mapping[str, Any] | None) -> None:
    """Create and migrate the archive now (errors before the crawl)."""
    if getattr(multiprocessing.current_process(), "_inheriting", False):
        # an extraction worker starting imports the main module: a script that crawls at import
        raise RuntimeError("a crawl was started while a worker process imported the main script: "
                           "start crawls under `if __name__ == \"__main__\":`")

    shared.database(db_path)
    if (settings or {}).get("GOVARCHIVE_WARC_ENABLED", True) not in (False, "False", "0"):
        prepare_warc_folder(Path((settings or {}).get("GOVARCHIVE_WARC_DIR") or warc_folder(db_path)))


def portals_at_once(configured: int = 0) -> tuple[int, int]:
    """How many portals one process crawls at once (``configured``, if more than 0, at most), and
    the open-files limit that bounds it."""
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    unlimited = soft == resource.RLIM_INFINITY
    by_files = 10**6 if unlimited else max(1, (soft - FILES_RESERVED) // FILES_PER_SITE)
    return (min(configured, by_files) if configured > 0 else min(SITES_AT_ONCE, by_files)), soft
