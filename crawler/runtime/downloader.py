"""Scrapy's downloader with per-host politeness kept whole (Scrapy 2.19, asyncio reactor).

What Scrapy leaves out:

- robots.txt's ``Crawl-delay``: Protego parses it, nothing applies it. Here it is each host's
  least delay (the larger of it and the configured one, AutoThrottle or not), capped at
  ``GOVARCHIVE_CRAWL_DELAY_MAX``, read as the search engines that defined it read it: the wait
  after one page has loaded before the next starts, one request at a time (counted from the
  start of the previous request, a loaded process's late sends made 0.2 s come to 0.18 s at the
  server);
- a ``Retry-After`` (429, 503) delays only the refused request's retry; here the whole host
  is held (:meth:`PoliteDownloader.pause`, as the answer arrives), so no request goes to it;
- the per-host concurrency limit (below);
- no wake-up armed for an empty queue (Scrapy arms one after each request, with the delay in
  force then: the first page after robots.txt waited out AutoThrottle's start delay);
- the delay's jitter drawn once a gap: Scrapy draws it again at each look at the host's queue,
  and a request waits until one draw falls below the time already waited, so the gaps came to
  the largest of several draws (0.62 s at a 0.5 s delay, measured at a portal's server:
  ``benchmarks/portals_bench.py``), not the delay on average as ``DOWNLOAD_DELAY_JITTER`` says.

Measured here: with ``DOWNLOAD_DELAY = 0`` and ``CONCURRENT_REQUESTS_PER_DOMAIN
= 2`` a crawl of one demo portal had up to 11 requests in flight to it. In
Scrapy 2.19 ``Downloader._process_queue`` loops ``while slot.free_transfer_slots()
> 0``, but a request joins ``slot.transferring`` only when its download task
starts running, after the loop: under the asyncio reactor ``create_task`` runs
nothing at once, so the loop empties the whole queue into the host. (With a
delay the loop stops after one request, which is why polite defaults hid it.)
Here a request counts as transferring from the moment it is scheduled. The
method is Scrapy's own, one line added; Scrapy's minor version is pinned.
"""

from __future__ import annotations

import logging
import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from time import monotonic

from scrapy import signals
from scrapy.core.downloader import Downloader, Slot
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.asyncio import call_later
from scrapy.utils.defer import _schedule_coro
from twisted.python.failure import Failure

from common.urls import host_of
from crawler.runtime.transfers import Transfers

logger = logging.getLogger(__name__)


def retry_after(response) -> float:
    """Seconds a 429/503 answer asks to wait (``Retry-After`` in seconds or as an HTTP date), else 0."""
    if response.status not in (429, 503):
        return 0.0
    value = response.headers.get("Retry-After", b"").decode("latin-1").strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return 0.0
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class StoppedBeforeFetch(IgnoreRequest):
    """A request dropped from a host's queue when the crawl was told to stop: never fetched,
    left pending in the resume frontier for the next crawl. An ``IgnoreRequest``: Scrapy's
    robots.txt middleware logged a dropped robots.txt (a dead portal's, waiting its retry) as
    an error, with its traceback, for each such portal a Ctrl-C met."""


class PoliteDownloader(Downloader):
    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self.least_delay: dict[str, float] = {}  # host slot -> robots.txt's Crawl-delay
        self.paused_until: dict[str, float] = {}  # host slot -> monotonic time (Retry-After)
        self.crawl_delay_max = crawler.settings.getfloat("GOVARCHIVE_CRAWL_DELAY_MAX", 60.0)
        self.user_agent = crawler.settings.get("USER_AGENT") or "*"
        self._slot_keys: dict[int, str] = {}  # id(slot) -> its key (Scrapy's Slot has __slots__)
        self._gap_factor: dict[str, float] = {}  # host slot -> this gap's factor, drawn as its request left
        self.retry_after_max = crawler.settings.getfloat("RETRY_AFTER_MAX", 600.0)
        self.stopped = False  # Ctrl-C: nothing queued is fetched any more
        self.per_host = max(1, crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"))
        # the process's places for requests on the wire, shared by its crawls (crawl --all)
        self.transfers: Transfers = crawler.settings.get("GOVARCHIVE_TRANSFERS") or Transfers()
        crawler.signals.connect(self._robots_parsed, signal=signals.robots_parsed)
        # sent before the answer frees its place in the host's queue: the pause comes first
        crawler.signals.connect(self._response_downloaded, signal=signals.response_downloaded)

    def _robots_parsed(self, robotparser, request) -> None:
        protego = getattr(robotparser, "rp", None)  # Scrapy's ProtegoRobotParser
        asked = protego.crawl_delay(self.user_agent) if protego is not None else None
        if not asked:
            return
        key = self.get_slot_key(request)
        delay = min(float(asked), self.crawl_delay_max)
        self.least_delay[key] = delay
        self.crawler.stats.set_value(f"govarchive/crawl_delay/{key}", delay)
        logger.info("%s asks for %gs between requests (robots.txt Crawl-delay%s)", key, float(asked),
                    f"; kept to {delay:g}s" if delay < float(asked) else "")

    def _response_downloaded(self, response, request, spider=None) -> None:
        # per host, for `govarchive report` (one stat a host: hundreds of portals at most)
        self.crawler.stats.inc_value(f"govarchive/host_responses/{host_of(request.url)}")
        asked = retry_after(response)
        if asked:
            self.pause(request, min(asked, self.retry_after_max))
        key = self.get_slot_key(request)
        if request.meta.get("playwright") or key in self.least_delay:
            # the browser's last request to the host, or a Crawl-delay host's page, ended just now
            slot = self.slots.get(key)
            if slot is not None:
                slot.lastseen = monotonic()

    def host_delay(self, request) -> float:
        """The least time between two requests to ``request``'s host (configured, or robots.txt's)."""
        key = self.get_slot_key(request)
        slot = self.slots.get(key)
        configured = slot.download_delay() if slot else self.crawler.settings.getfloat("DOWNLOAD_DELAY")
        return max(configured, self.least_delay.get(key, 0.0))

    def pause(self, request, seconds: float) -> None:
        """Hold every request to ``request``'s host for ``seconds`` (a Retry-After)."""
        key = self.get_slot_key(request)
        until = monotonic() + seconds
        if until > self.paused_until.get(key, 0.0):
            self.paused_until[key] = until
            self.crawler.stats.inc_value("govarchive/host_paused")
            logger.warning("%s asked to wait %gs (Retry-After): pausing every request to it", key, seconds)

    def drop_queued(self) -> int:
        """Errback every request waiting in a host's queue (Ctrl-C), and every one queued from now
        on: without it a stopping crawl fetched all of them first, one host delay at a time (the
        engine goes on scheduling until its close begins). Requests on the wire finish."""
        self.stopped = True
        return sum(self._drop(slot) for slot in list(self.slots.values()))

    def _drop(self, slot: Slot) -> int:
        dropped = 0
        if slot.latercall:
            slot.latercall.cancel()
            slot.latercall = None
        while slot.queue:
            request, deferred = slot.queue.popleft()
            deferred.errback(Failure(StoppedBeforeFetch(request.url)))
            dropped += 1
        return dropped

    def needs_backout(self) -> bool:
        """Scrapy's bound (``CONCURRENT_REQUESTS`` in the downloader), and at most one request
        waiting to be sent (in a host's queue, or in a middleware for robots.txt) for each place
        a host allows at once. A request waits as well in the scheduler, where it is one object,
        as here, where it holds a chain of Deferreds, a coroutine and a future: under a delay
        Scrapy filled a portal's downloader to ``CONCURRENT_REQUESTS`` (16) to send one at a
        time, 16 chains a portal of a many-portal run (``benchmarks/portals_memory.py``). The
        scheduler cannot say which host its next request is for, so the bound counts every host
        the crawl has reached: a crawl of many hosts keeps Scrapy's."""
        if super().needs_backout():
            return True
        transferring = sum(len(slot.transferring) for slot in self.slots.values())
        return len(self.active) - transferring >= self.per_host * max(1, len(self.slots))

    def queue_ready(self, slot: Slot) -> None:
        """A place on the wire came free for ``slot``'s host (:class:`Transfers`)."""
        if not self.stopped:
            self._process_queue(slot)

    def close(self) -> None:
        self.transfers.forget(self)
        super().close()

    async def _download(self, slot: Slot, request):
        try:
            return await super()._download(slot, request)
        finally:
            self.transfers.give_back()

    def _get_slot(self, request, spider=None) -> tuple[str, Slot]:
        key, slot = super()._get_slot(request)
        self._slot_keys[id(slot)] = key  # for _process_queue, which is given the slot alone
        return key, slot

    def _key_of(self, slot: Slot) -> str:
        key = self._slot_keys.get(id(slot), "")
        if self.slots.get(key) is not slot:  # a collected slot's id taken by a new one
            key = next((k for k, s in self.slots.items() if s is slot), "")
            self._slot_keys[id(slot)] = key
        return key

    def _process_queue(self, slot: Slot) -> None:
        if self.stopped:
            self.crawler.stats.inc_value("govarchive/stopped/dropped_queued", self._drop(slot))
            return
        if slot.latercall:
            return
        if not slot.queue:
            # no wake-up for an empty queue: armed now, it would keep the delay in force now, and
            # the next request would wait it out (AutoThrottle's 1 s start delay after robots.txt,
            # lowered to 0.5 s as its answer came); a request arriving later asks again
            return
        now = monotonic()
        key = self._key_of(slot)
        held = self.paused_until.get(key, 0.0) - now
        if held > 0 and slot.queue:
            slot.latercall = call_later(held, self._latercall, slot)
            return
        # a page in the browser makes requests of its own to the host: nothing else goes meanwhile,
        # and it goes alone (crawler/runtime/browser.py paces its requests by the same delay)
        if slot.queue and (any(r.meta.get("playwright") for r in slot.transferring)
                           or (slot.transferring and slot.queue[0][0].meta.get("playwright"))):
            return
        if slot.transferring and key in self.least_delay:  # Crawl-delay: one page at a time
            return
        delay = max(self._gap(slot, key), self.least_delay.get(key, 0.0))
        if delay:
            penalty = delay - now + slot.lastseen
            if penalty > 0:
                slot.latercall = call_later(penalty, self._latercall, slot)
                return
        while slot.queue and slot.free_transfer_slots() > 0:
            if not self.transfers.take():  # the process's places are all out: in line for one
                self.transfers.wait(self, slot)
                self.crawler.stats.inc_value("govarchive/transfers/waited")
                break
            slot.lastseen = now
            self.draw_gap(slot, key)
            request, queue_dfd = slot.queue.popleft()
            slot.transferring.add(request)  # the added line: counted before its task starts
            _schedule_coro(self._wait_for_download(slot, request, queue_dfd))
            if delay:
                self._process_queue(slot)
                break

    def draw_gap(self, slot: Slot, key: str) -> None:
        """A request to the host leaves now: how far the delay to the next one strays (the slot's
        jitter), drawn once for the whole gap."""
        self._gap_factor[key] = 1.0 + random.uniform(-slot.jitter, slot.jitter) if slot.jitter else 1.0  # noqa: S311

    def _gap(self, slot: Slot, key: str) -> float:
        """The least time from the host's last request to its next: the slot's delay (AutoThrottle
        may have changed it since) times the factor drawn when that request left."""
        return max(0.0, slot.delay * self._gap_factor.get(key, 1.0))
