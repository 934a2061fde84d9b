"""Run a crawl in this process and report what it did.

Scrapy's reactor runs once per process: call :func:`run_crawl` once (the CLI
does). Ctrl-C stops the crawl gracefully (a second Ctrl-C forces it); every
article stored before is already committed, and the run is recorded as
``interrupted``.
"""

from __future__ import annotations

import errno
import gc
import logging
import sqlite3
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from archive.crawl_history import CrawlSummary, crawl_summary
from archive.shared_files import SharedFiles
from archive.store import ArchiveError, CrawlCounts, mark_interrupted
from common.clock import new_crawl_id, utc_now
from crawler.runtime import signals
from crawler.runtime.preparation import portals_at_once, prepare_archive
from crawler.runtime.shared_settings import SharedSettings
from crawler.runtime.transfers import Transfers, places_for

logger = logging.getLogger(__name__)

# one crawl set up a reactor turn when many start at once: the first crawls' requests go out
# between the set-ups of the others instead of after all of them
STARTS_A_TURN = 1
QUIET_BELOW_LOG_LEVEL = ("scrapy", "scrapy_playwright", "trafilatura", "htmldate", "justext", "courlan")
GC_YOUNG = 50_000  # net allocations between the collector's young passes (Python's default: 700)


class StoppableProcess(CrawlerProcess):
    """Scrapy's process with Ctrl-C as an archivist expects it.

    The first Ctrl-C says so at once and stops without fetching what waits in the hosts'
    queues, nor reading the pages fetched and not yet read (they are in the WARC files; all are
    left pending in the frontier: the next crawl resumes them); pages being read are finished
    and stored, and the crawl is recorded ``interrupted``. A second Ctrl-C stops at
    once, and the crawls of this process are recorded ``interrupted`` first (they stayed
    ``running``, and the command exited 0).
    """

    def __init__(self, settings: Settings, db_path: str | Path) -> None:
        super().__init__(settings)
        # Scrapy leaves the root logger at NOTSET and filters at its handler: every DEBUG record of
        # Scrapy and of the extraction libraries (seven a page) was made and handed over, then
        # dropped, 3% of a many-portal crawl's CPU. Below LOG_LEVEL they are not made at all.
        for name in QUIET_BELOW_LOG_LEVEL:
            logging.getLogger(name).setLevel(self.settings.get("LOG_LEVEL") or "DEBUG")
        self.db_path = db_path
        self.crawl_ids: list[str] = []
        self.stopping = False  # Ctrl-C: start no more crawls

    def crawl(self, crawler_or_spidercls, *args, **kwargs):
        if kwargs.get("crawl_id"):
            self.crawl_ids.append(kwargs["crawl_id"])
        return super().crawl(crawler_or_spidercls, *args, **kwargs)

    def _signal_shutdown(self, signum, frame) -> None:
        from twisted.internet import reactor

        self.stopping = True
        super()._signal_shutdown(signum, frame)  # queues the graceful stop first
        reactor.callFromThread(self._stop_fast)

    def _stop_fast(self) -> None:
        sys.stderr.write("\nstopping: finishing the pages in flight (Ctrl-C again to stop at once)\n")
        for crawler in self.crawlers:
            crawler.signals.send_catch_log(signal=signals.stopping)
            downloader = getattr(crawler.engine, "downloader", None)
            if hasattr(downloader, "drop_queued"):
                dropped = downloader.drop_queued()
                crawler.stats.set_value("govarchive/stopped/dropped_queued", dropped)

    def _signal_kill(self, signum, frame) -> None:
        from twisted.internet import reactor

        reactor.callFromThread(self._record_interrupted)  # before the reactor stops
        super()._signal_kill(signum, frame)

    def _record_interrupted(self) -> None:
        sys.stderr.write("stopped at once: pages in flight are fetched again by the next crawl\n")
        try:
            mark_interrupted(self.db_path, self.crawl_ids, utc_now())
        except ArchiveError as exc:
            sys.stderr.write(f"could not record the crawl as interrupted: {exc}\n")


def project_settings(overrides: Mapping[str, Any] | None = None) -> Settings:
    settings = SharedSettings()  # each crawler's copy shares what it does not change
    settings.setmodule("crawler.runtime.settings", priority="project")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def record_sites(db, sites) -> None:
    """The registry's sites recorded in the archive ``db``, said and not fatal when it fails: no
    crawl reads them, and their administrative units (``vietnamadminunits``, a third of a second
    to import) are not worth holding the first request back."""
    from archive.sites import sync_sites

    try:
        sync_sites(db, sites)
    except (ArchiveError, sqlite3.Error) as exc:
        logger.warning("the registry's sites were not recorded in the archive: %s", exc)


def crawl_sites(
    keys: list[str],
    db_path: str | Path,
    *,
    settings: Mapping[str, Any] | None = None,
    progress: Callable[..., None] | None = None,
    on_start: Callable[[str], None] | None = None,
    sync: bool = True,
) -> tuple[list[str], list[str]]:
    """Crawl registry sites in this process, each with its own spider and politeness, at most
    :func:`sites_at_once` at a time: the next starts as one finishes. The crawl ids started
    (``on_start`` is told each as it starts), and the keys left when the run was stopped. ``sync``: record
    the registry's sites in the archive when the crawls end (a run split over processes did it once)."""
    with SharedFiles() as shared:
        overrides = {"GOVARCHIVE_DB": str(db_path), "GOVARCHIVE_PROGRESS": progress,
                     "GOVARCHIVE_SHARED_FILES": shared, **(settings or {})}
        configured = project_settings(overrides)
        at_once, _ = sites_at_once(configured)
        from crawler.extraction.pool import behind  # extraction's imports, for crawls only

        transfers = Transfers(places_for(configured, min(at_once, len(keys))), behind)
        overrides["GOVARCHIVE_TRANSFERS"] = transfers
        process = StoppableProcess(project_settings(overrides), db_path)
        loader = process.spider_loader  # the process's own: a second one warned of registry problems again
        prepare_archive(shared, db_path, settings)
        try:
            done = _run_in_turn(process, loader, keys, on_start)
        finally:
            if sync:
                record_sites(shared.database(db_path), loader.sites.values())
        if transfers.fewest < transfers.most:
            logger.info("requests on the wire at once: %d, down to %d while the process was behind",
                        transfers.most, transfers.fewest)
        return done


def _run_in_turn(process: StoppableProcess, loader, keys: list[str],
                 on_start: Callable[[str], None] | None = None) -> tuple[list[str], list[str]]:
    at_once, limit = sites_at_once(process.settings)
    if len(keys) > at_once and not process.settings.getbool("GOVARCHIVE_SHARD"):
        logger.warning("%d portals: %d crawled at once, the next starting as one finishes (open files "
                       "limit %d; GOVARCHIVE_SITES_AT_ONCE sets it)", len(keys), at_once, limit)
    pending, crawl_ids, running = list(keys), [], [0]

    def start_next(result=None):
        if pending and not process.stopping:
            key = pending.pop(0)
            crawl_ids.append(f"{new_crawl_id()}-{key}")
            if on_start:
                on_start(crawl_ids[-1])
            running[0] += 1
            process.crawl(loader.load(key), crawl_id=crawl_ids[-1]).addBoth(finished, key, crawl_ids[-1])
        return result

    def finished(result, key: str, crawl_id: str):
        """The next portal starts as one finishes. One that could not start for lack of open
        files goes back to the head of the queue and the run crawls one fewer at once: starting
        the next would fail the same way, and so every portal after it."""
        running[0] -= 1
        if _out_of_files(result) and running[0] > 0 and not process.stopping:
            crawl_ids.remove(crawl_id)
            pending.insert(0, key)
            logger.warning("%s could not start for lack of open files: %d portals at once from now",
                           key, running[0])
            return None
        return start_next(result)

    def start_some(count: int) -> None:
        """A crawl or two a reactor turn: setting up hundreds of crawlers before the first turn
        kept every portal waiting seconds for its first request."""
        for _ in range(min(STARTS_A_TURN, count)):
            start_next()
        if count > STARTS_A_TURN:
            from twisted.internet import reactor

            reactor.callLater(0, start_some, count - STARTS_A_TURN)

    start_some(min(at_once, len(keys)))
    transfers = process.settings.get("GOVARCHIVE_TRANSFERS")
    if crawl_ids and transfers:  # a crawl started: the reactor is installed
        from twisted.internet import reactor

        transfers.watch(reactor)
    thresholds = _tune_gc()
    try:
        process.start()
    finally:  # a program that runs crawls in its own process gets its collector back
        gc.unfreeze()
        gc.set_threshold(*thresholds)
    return crawl_ids, pending


def _tune_gc() -> tuple[int, ...]:
    """A crawl process allocates fast (requests, deferreds, responses) and keeps little: with
    Python's default thresholds the cyclic collector took a sixth of its CPU at hundreds of
    portals, most of it full passes over the modules, settings and crawlers made at start
    (``benchmarks/RESULTS.md``, stop 48). Those are frozen out of its passes, and the young
    generation is collected less often; its garbage is freed by reference counting all the
    same, the collector only finds cycles. Returns the thresholds it replaced."""
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(GC_YOUNG, *before[1:])
    return before


def _out_of_files(result) -> bool:
    error = getattr(result, "value", None)  # a twisted Failure's exception
    return (isinstance(error, ArchiveError) and "too many open files" in str(error)) or (
        isinstance(error, OSError) and error.errno == errno.EMFILE)


def sites_at_once(settings) -> tuple[int, int]:
    """How many portals one process crawls at once, and the open-files limit that bounds it."""
    return portals_at_once(settings.getint("GOVARCHIVE_SITES_AT_ONCE", 0))


def run_crawl(
    urls: list[str],
    db_path: str | Path,
    *,
    max_pages: int = 0,
    max_depth: int | None = None,
    sites: dict[str, str] | None = None,
    settings: Mapping[str, Any] | None = None,
    progress: Callable[[CrawlCounts], None] | None = None,
) -> CrawlSummary:
    """Crawl the portals at ``urls`` into the archive at ``db_path``."""
    crawl_id = new_crawl_id()
    with SharedFiles() as shared:
        prepare_archive(shared, db_path, settings)
        overrides = {"GOVARCHIVE_DB": str(db_path), "GOVARCHIVE_PROGRESS": progress,
                     "GOVARCHIVE_MAX_PAGES": max_pages, "GOVARCHIVE_SHARED_FILES": shared, **(settings or {})}
        process = StoppableProcess(project_settings(overrides), db_path)
        process.crawl("portal", url=urls, crawl_id=crawl_id, sites=sites, max_depth=max_depth)
        process.start()
    return crawl_summary(db_path, crawl_id)


# Toward a public web archive: about one request a second, one at a time (archive.org asks
# for that and blocks clients that ignore its 429s); Retry-After is obeyed by the retries.
RECOVER_SETTINGS = {"DOWNLOAD_DELAY": 1.0, "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
                    "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0, "GOVARCHIVE_STOP_PAGING": 0}


@dataclass(frozen=True)
class RecoverTarget:
    host: str  # the portal's host, as the archive knows it
    site: str  # the registry key (or the host, for a portal not in the registry)


def run_recover(
    targets: list[RecoverTarget],
    db_path: str | Path,
    *,
    cdx: str,
    replay: str,
    date_from: str | None = None,
    date_to: str | None = None,
    settings: Mapping[str, Any] | None = None,
    progress: Callable[[CrawlCounts], None] | None = None,
) -> list[CrawlSummary]:
    """Recover each portal's captures from a web archive into the archive at ``db_path``."""
    crawl_ids = []
    with SharedFiles() as shared:
        prepare_archive(shared, db_path, settings)
        overrides = {**RECOVER_SETTINGS, "GOVARCHIVE_DB": str(db_path), "GOVARCHIVE_PROGRESS": progress,
                     "GOVARCHIVE_SHARED_FILES": shared, **(settings or {})}
        process = StoppableProcess(project_settings(overrides), db_path)
        for target in targets:
            crawl_ids.append(f"{new_crawl_id()}-recover-{target.site}")
            process.crawl("recover", host=target.host, cdx=cdx, replay=replay, date_from=date_from,
                          date_to=date_to, crawl_id=crawl_ids[-1], sites={target.host: target.site})
        process.start()
    return [crawl_summary(db_path, crawl_id) for crawl_id in crawl_ids]


