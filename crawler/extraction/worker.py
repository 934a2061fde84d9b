"""An extraction worker's side: the jobs it runs and its loop (``crawler.extraction.pool`` starts it).

A worker reads ``(job name, arguments)`` from its socket and writes back ``(True, answer)`` or
``(False, exception)``, one job at a time, until the crawl process closes its end or is gone.
"""

from __future__ import annotations

import json
import os
import pickle
import signal
import threading
import time
from functools import lru_cache
from multiprocessing.connection import Connection
from typing import Any

from common.textnorm import content_hash
from crawler.extraction.result import Extraction

WARM_PAGE = ("<html><body><article><h1>Chỉ thị</h1><p>" + "Chỉ thị về công tác dân vận. " * 40
             + "</p></article></body></html>").encode()
PRELOAD = ["crawler.extraction.page", "crawler.extraction.bodyplace", "crawler.extraction.worker",
           "archive.neardup", "trafilatura", "lxml.html"]


@lru_cache(maxsize=64)
def _profile(selectors: str):
    from crawler.profiles import SiteProfile

    return SiteProfile(json.loads(selectors)) if selectors else None


def extract_job(body: bytes, url: str, content_type: str, selectors: str, max_bytes: int,
                seconds: float) -> tuple[Extraction, object, str, float]:
    """One page in a worker: its extraction, for an article its MinHash signature and content
    hash (the dedup stage's, computed here off the reactor), and the CPU seconds it took (the
    crawl's stats add them up: the workers' share of the work)."""
    from archive import neardup
    from crawler.extraction import extract_bytes  # preloaded by the workers (PRELOAD)

    started = time.process_time()
    result = extract_bytes(body, url, content_type, _profile(selectors), max_bytes=max_bytes, seconds=seconds)
    signature, digest = None, ""
    if result.is_article:
        files = [a["url"] for a in result.attachments]
        signature, digest = neardup.signature(result.text), content_hash(result.text, result.title, files)
    return result, signature, digest, time.process_time() - started


def learn_job(pages: list[tuple[str, str]], seen: dict[str, tuple[str, str]]):
    """A site's template learnt in a worker (its body's place is checked by extracting the pages
    again: CPU the reactor's process should not spend, at hundreds of portals at once)."""
    from crawler.extraction.template import learn

    return learn(pages, seen)


PARENT_CHECK_SECONDS = 2.0


def watch_parent(pid: int) -> None:
    """In each worker: exit once the crawl process that started it is gone.

    A crawl killed with SIGKILL (the OOM killer, ``kill -9``) closes its end of each worker's
    socket, which ends a worker waiting for a page; this ends one that is not waiting, and one
    whose socket's other end some process still holds (a worker of a process pool held the task
    queue's write end itself, and outlived its crawl for good).
    """
    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_SECONDS)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(0)
            except PermissionError:  # another user's process took the PID: ours is gone
                os._exit(0)

    threading.Thread(target=watch, name="govarchive-parent-watch", daemon=True).start()


JOBS = {"extract": extract_job, "learn": learn_job}


def serve(conn: Connection, parent: int) -> None:
    """A worker's loop: a job from its socket, the answer back, until the crawl process closes it."""
    # Ctrl-C reaches the whole process group: the crawl process decides when its workers stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    watch_parent(parent)
    while True:
        try:
            name, args = pickle.loads(conn.recv_bytes())
        except (EOFError, OSError):
            return
        try:
            answer: tuple[bool, Any] = (True, JOBS[name](*args))
        except Exception as exc:  # a bug extraction did not catch: the caller's, as a raise
            answer = (False, exc)
        try:
            data = pickle.dumps(answer, pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # an exception that cannot be pickled: its text
            data = pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
        try:
            conn.send_bytes(data)
        except OSError:
            return
