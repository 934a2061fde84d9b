"""Many portals at once: their crawls split over a few crawl processes, one per core.

Scrapy runs a process's crawls on one thread. With a few dozen portals that thread idles
between polite requests; with hundreds it is busy all the time (the crawl process at 0.82
of a core in ``benchmarks/portals_bench.py``) while the machine's other cores wait, and the
run falls behind what politeness allows. So ``crawl --all`` and ``run-due`` split the
portals over ``GOVARCHIVE_CRAWL_PROCESSES`` processes (default: one per core once there are
enough portals to keep each busy). A portal is crawled by one process only, so its
politeness is kept as in one process; each process has its own extraction workers (the
cores shared out) and its own connection to the archive, which SQLite's WAL lets them share.

This process (the parent) makes the archive ready, starts the crawl processes with their
portals (a JSON line on their standard input), records the registry's sites while they start,
adds up their progress (JSON lines on their standard output) for one display, passes Ctrl-C
and SIGTERM on to them (each in its own session, so a terminal's Ctrl-C reaches them once,
through here), and summarises the crawls they report. A crawl process whose parent dies stops
as if told to (its standard input closes).
"""

from __future__ import annotations

import json
import logging
import os
import selectors
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from archive.counts import CrawlCounts
from archive.errors import ArchiveError
from common.clock import new_crawl_id, utc_now
from crawler.runtime import settings as defaults

if TYPE_CHECKING:
    from archive.crawl_history import CrawlSummary

# crawler.runtime.runner (Scrapy, half a second of imports) is imported where it is used: a
# split run starts its crawl processes first, and they import it side by side

logger = logging.getLogger(__name__)

REPORT_EVERY = 0.5  # seconds: a crawl process's progress line to the parent, at most this often
SITES_PER_PROCESS = 16  # fewer portals than this a process: one reactor keeps up (portals_bench)
RECORD_SITES_AFTER = 5.0  # seconds into a split run: its crawl processes have started their crawls


def crawl_processes(settings: Mapping[str, Any] | None, portals: int) -> int:
    """How many crawl processes share ``portals``: ``GOVARCHIVE_CRAWL_PROCESSES``, or one per core
    with at least :data:`SITES_PER_PROCESS` portals each."""
    configured = str((settings or {}).get("GOVARCHIVE_CRAWL_PROCESSES") or defaults.GOVARCHIVE_CRAWL_PROCESSES
                     or "auto")
    if configured not in ("", "auto"):
        return max(1, min(int(configured), portals))
    return max(1, min(os.cpu_count() or 1, portals // SITES_PER_PROCESS))


def run_sites(
    keys: list[str],
    db_path: str | Path,
    *,
    settings: Mapping[str, Any] | None = None,
    progress: Callable[..., None] | None = None,
) -> list[CrawlSummary]:
    """Crawl registry sites, each with its own spider and politeness, in one process or split
    over :func:`crawl_processes`."""
    processes = crawl_processes(settings, len(keys))
    if processes > 1:
        crawl_ids, pending = _run_split(keys, db_path, processes, settings or {}, progress)
    else:
        from crawler.runtime.runner import crawl_sites

        crawl_ids, pending = crawl_sites(keys, db_path, settings=settings, progress=progress)
    from archive.crawl_history import crawl_summary  # not the runner's Scrapy: the crawls are over

    if pending:
        logger.warning("%d portals not started (stopped): %s", len(pending), " ".join(pending[:20]))
    return [crawl_summary(db_path, crawl_id) for crawl_id in crawl_ids]


def at_once_each(settings: Mapping[str, Any], processes: int) -> tuple[int, int]:
    """Portals each crawl process crawls at once, and the open-files limit: what the limit allows
    a process (:func:`~crawler.runtime.preparation.portals_at_once`), or ``GOVARCHIVE_SITES_AT_ONCE``
    shared out (it counts for the whole run)."""
    from crawler.runtime.preparation import portals_at_once

    configured = int(settings.get("GOVARCHIVE_SITES_AT_ONCE") or defaults.GOVARCHIVE_SITES_AT_ONCE or 0)
    each, limit = portals_at_once()
    return (min(each, max(1, configured // processes)) if configured > 0 else each), limit


def _child_settings(settings: Mapping[str, Any], processes: int, each: int) -> dict[str, Any]:
    """What each crawl process is given: the run's settings that JSON carries (not the progress
    display), the portals it crawls at once and its share of the cores for extraction."""
    out = {k: v for k, v in settings.items() if _jsonable(v) and k != "GOVARCHIVE_PROGRESS"}
    out["GOVARCHIVE_SITES_AT_ONCE"] = each
    out["GOVARCHIVE_SHARD"] = True
    if str(out.get("GOVARCHIVE_EXTRACT_WORKERS", "auto")) in ("", "auto"):
        out["GOVARCHIVE_EXTRACT_WORKERS"] = max(1, (os.cpu_count() or 1) // processes)
    return out


def _jsonable(value: Any) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


def _run_split(keys: list[str], db_path: str | Path, processes: int, settings: Mapping[str, Any],
               progress: Callable[..., None] | None) -> tuple[list[str], list[str]]:
    # started first: they import Scrapy (a second or two) while the archive is made ready here
    # (and before this process imports the archive's and Scrapy's modules: they wait for it)
    children = [_spawn() for _ in range(processes)]
    try:
        from archive.shared_files import SharedFiles
        from crawler.runtime.preparation import prepare_archive

        with SharedFiles() as shared:  # the archive made and migrated before any crawl opens it
            prepare_archive(shared, db_path, settings)
    except BaseException:
        for proc in children:  # no portals for them: they end at once
            proc.stdin.close()
            proc.wait()
        raise
    each, limit = at_once_each(settings, processes)
    total = each * processes
    if len(keys) > total:
        logger.warning("%d portals: %d crawled at once over %d crawl processes, the next starting as "
                       "one finishes (open files limit %d; GOVARCHIVE_SITES_AT_ONCE sets it)",
                       len(keys), total, processes, limit)
    logger.info("%d portals over %d crawl processes", len(keys), processes)
    child = _child_settings(settings, processes, each)
    for n, proc in enumerate(children):
        config = {"keys": keys[n::processes], "db": str(db_path), "settings": child}
        try:
            proc.stdin.write(json.dumps(config) + "\n")
            proc.stdin.flush()  # left open: its end tells the child this process is gone
        except BrokenPipeError:  # it died starting (its error is on stderr): reported as such below
            pass
    recorder = _SitesRecorder(db_path, settings)
    with _forwarding_signals(children):
        try:
            reports = _follow(children, progress)
        finally:
            recorder.finish()
    return _outcome(reports, [keys[n::processes] for n in range(processes)], db_path)


class _SitesRecorder:
    """The registry's sites recorded in the archive on a thread of this process, once the crawl
    processes are under way: reading the registry and importing the administrative units take
    CPU the starting crawl processes want, and done when they end they kept the run going a
    third of a second after its last page. A run shorter than the wait records them at its end."""

    def __init__(self, db_path: str | Path, settings: Mapping[str, Any]) -> None:
        self.db_path, self.settings = db_path, settings
        self.done = threading.Event()
        self.timer = threading.Timer(RECORD_SITES_AFTER, self.record)
        self.timer.daemon = True
        self.timer.start()

    def record(self) -> None:
        # the registry's entries are all it needs: Scrapy's spider loader over them walked the
        # spider modules and said the registry's problems a second time
        from archive.connect import open_database
        from archive.sites import sync_sites
        from crawler import registry

        folder = self.settings.get("GOVARCHIVE_REGISTRY") or os.environ.get("GOVARCHIVE_REGISTRY") or None
        try:
            sites = registry.load(folder, problems=[]).values()  # the run said its problems already
            db = open_database(self.db_path, write=True)
            try:
                sync_sites(db, sites)
            finally:
                db.conn.close()
        except Exception as exc:  # not fatal: no crawl reads them (record_sites says the same)
            logger.warning("the registry's sites were not recorded in the archive: %s", exc)
        finally:
            self.done.set()

    def finish(self) -> None:
        self.timer.cancel()
        self.timer.join()  # at once if it was still waiting; else when the recording ends
        if not self.done.is_set():
            self.record()


def _spawn() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "crawler.runtime.many"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, start_new_session=True)


class _forwarding_signals:
    """Ctrl-C and SIGTERM to this process go on to every crawl process, once each."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self, children: list[subprocess.Popen]) -> None:
        self.children, self.previous = children, {}

    def forward(self, signum, frame) -> None:
        for proc in self.children:
            if proc.poll() is None:
                proc.send_signal(signum)

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            self.previous = {s: signal.signal(s, self.forward) for s in self.SIGNALS}
        return self

    def __exit__(self, *exc) -> None:
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)


def _follow(children: list[subprocess.Popen], progress: Callable[..., None] | None) -> list[dict]:
    """Read the crawl processes' reports until each ends; for each, the crawls it started and
    what it said when done (nothing if it died)."""
    reports: list[dict] = [{"started": []} for _ in children]
    with selectors.DefaultSelector() as selector:
        for n, proc in enumerate(children):
            selector.register(proc.stdout, selectors.EVENT_READ, n)
        while selector.get_map():
            for key, _ in selector.select():
                line = key.fileobj.readline()
                if not line:
                    selector.unregister(key.fileobj)
                    continue
                read_report(json.loads(line), reports[key.data], progress, key.data)
    for report, proc in zip(reports, children, strict=True):
        try:
            proc.stdin.close()
        except BrokenPipeError:  # what was left unflushed to a child that died
            pass
        report["exit"] = proc.wait()
    return reports


def read_report(message: dict, report: dict, progress: Callable[..., None] | None, process: int) -> None:
    """One line of a crawl process's :class:`Reports`, into what is known of it (``report``) and
    the display (``progress``, its crawls told apart by ``process``)."""
    for source, counts in message.get("progress", []) if progress is not None else []:
        progress(CrawlCounts(**counts), source=(process, source))
    if "started" in message:
        report["started"].append(message["started"])
    if "done" in message:
        report["done"] = message["done"]


def _outcome(reports: list[dict], groups: list[list[str]],
             db_path: str | Path) -> tuple[list[str], list[str]]:
    """The crawl ids to summarise and the portals left pending. A crawl process that died without
    its report (killed, out of memory) leaves its crawls recorded as ``killed`` and its portals
    that never started summarised as not started, so the run does not end as if all went well."""
    crawl_ids, pending = [], []
    for report, keys in zip(reports, groups, strict=True):
        if "done" in report:
            crawl_ids += report["done"]["crawl_ids"]
            pending += report["done"]["pending"]
            continue
        started = report["started"]
        begun = {crawl_id.split("-", 1)[1] for crawl_id in started}  # "{time}-{site key}"
        never = [key for key in keys if key not in begun]
        logger.error("a crawl process ended without its report (exit code %d): %d crawls recorded as "
                     "killed, %d portals not crawled", report["exit"], len(started), len(never))
        from archive.store import mark_interrupted

        mark_interrupted(db_path, started, utc_now(), status="killed")
        crawl_ids += started + [f"{new_crawl_id()}-{key}" for key in never]
    return crawl_ids, pending


def _child() -> None:
    """A crawl process: its portals from standard input, JSON reports on standard output."""
    from crawler.runtime.runner import crawl_sites  # while the parent makes the archive ready

    line = sys.stdin.readline()
    if not line:  # the run ended before it had portals for this process
        return
    config = json.loads(line)
    reports = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)  # anything printed goes to the log, not into the reports

    def parent_gone() -> None:
        sys.stdin.read()  # returns when the parent closes its end, or dies
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=parent_gone, name="govarchive-parent", daemon=True).start()

    out = Reports(reports)
    try:
        crawl_ids, pending = crawl_sites(config["keys"], config["db"], settings=config["settings"],
                                         progress=out.progress, on_start=out.started, sync=False)
    except ArchiveError as exc:
        logger.error("%s", exc)
        sys.exit(1)
    out.done(crawl_ids, pending)


class Reports:
    """A crawl process's reports to its parent, a JSON line each: the crawls' progress, a crawl
    started, the process done (what :func:`_follow` reads)."""

    def __init__(self, out: IO[str], every: float = REPORT_EVERY) -> None:
        self.out, self.every = out, every
        self.latest: dict[str, dict] = {}  # each crawl's counts not sent yet
        self.sent = float("-inf")

    def progress(self, counts: CrawlCounts, source: object = None) -> None:
        # each of a process's hundreds of crawls reports every interval: one line for them all
        self.latest[str(source)] = asdict(counts)
        if time.monotonic() - self.sent >= self.every:
            self._send()

    def started(self, crawl_id: str) -> None:
        self.out.write(json.dumps({"started": crawl_id}) + "\n")

    def done(self, crawl_ids: list[str], pending: list[str]) -> None:
        self._send()
        self.out.write(json.dumps({"done": {"crawl_ids": crawl_ids, "pending": pending}}) + "\n")

    def _send(self) -> None:
        self.sent = time.monotonic()
        if self.latest:
            self.out.write(json.dumps({"progress": list(self.latest.items())}) + "\n")
            self.latest.clear()


if __name__ == "__main__":
    _child()
