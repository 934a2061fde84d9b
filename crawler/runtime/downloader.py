"""Scrapy's downloader with its per-host concurrency limit kept (Scrapy 2.19, asyncio reactor).

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

from time import monotonic

from scrapy.core.downloader import Downloader, Slot
from scrapy.utils.asyncio import call_later
from scrapy.utils.defer import _schedule_coro


class PoliteDownloader(Downloader):
    def _process_queue(self, slot: Slot) -> None:
        if slot.latercall:
            return
        now = monotonic()
        delay = slot.download_delay()
        if delay:
            penalty = delay - now + slot.lastseen
            if penalty > 0:
                slot.latercall = call_later(penalty, self._latercall, slot)
                return
        while slot.queue and slot.free_transfer_slots() > 0:
            slot.lastseen = now
            request, queue_dfd = slot.queue.popleft()
            slot.transferring.add(request)  # the added line: counted before its task starts
            _schedule_coro(self._wait_for_download(slot, request, queue_dfd))
            if delay:
                self._process_queue(slot)
                break
