"""Bounded work per page: a cap on the bytes extraction reads, and a time budget.

Measured (``benchmarks/extract_bench.py`` shapes, this machine): extraction
costs about 1.5 s per MB of article HTML, spread over every stage, so a 20 MB
page would hold the crawl for half a minute and its lxml tree for hundreds of
MB. Real article pages are under 1 MB; what makes them larger is inline
``data:`` images pasted from office documents. So extraction:

- drops inline ``data:`` payloads (the WARC keeps the page as served);
- reads at most ``max_bytes`` of what is left, cut at a tag boundary;
- stops after ``seconds`` with :class:`ExtractionTimeout`, through a timer
  signal (only in the main thread, where Scrapy's reactor and the CLI run;
  elsewhere the byte cap alone bounds the work).
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

MAX_BYTES = 2 * 1024 * 1024
SECONDS = 15.0
_DATA_URI = re.compile(rb"data:[\w/+.-]{1,40};base64,[A-Za-z0-9+/=\s]{256,}")


class ExtractionTimeout(BaseException):
    """Extraction of one page went over its time budget.

    A ``BaseException``, as ``KeyboardInterrupt`` is: trafilatura, htmldate and our own
    fallbacks catch ``Exception`` around their work, and a timeout they swallowed let the page
    run on with no budget left (a 20 MB page of ``<br>`` lines took minutes).
    """


def bounded(body: bytes, max_bytes: int = MAX_BYTES) -> tuple[bytes, bool]:
    """The part of ``body`` extraction reads; whether anything but inline images was cut."""
    if len(body) > max_bytes // 4 and b"data:" in body:
        body = _DATA_URI.sub(b"data:,", body)
    if len(body) <= max_bytes:
        return body, False
    cut = body.rfind(b"<", max_bytes - 65536, max_bytes)
    return body[: cut if cut > 0 else max_bytes], True


@contextmanager
def time_budget(seconds: float = SECONDS) -> Iterator[None]:
    """Raise :class:`ExtractionTimeout` in the block after ``seconds`` (main thread only)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum, frame):
        raise ExtractionTimeout(f"extraction stopped after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expired)
    try:
        # fires again every second after the first: a timeout raised while C code held the thread,
        # or inside a callback that drops exceptions (lxml's), is raised again at the next chance
        signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
        yield
    finally:
        _disarm(previous)


def _disarm(previous) -> None:
    """Stop the timer and put the previous handler back, even when the timer fires meanwhile (a
    budget that ran out as the block ended): an armed timer left behind fires into whatever
    runs next, every second."""
    while True:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            return
        except ExtractionTimeout:
            continue
