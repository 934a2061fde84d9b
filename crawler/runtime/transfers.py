"""The requests on the wire at once in one crawl process, bounded across all its crawls.

Each portal of a many-portal run is its own Scrapy crawl, and each crawl's downloader bounds
only its own requests (``CONCURRENT_REQUESTS``): a process of 150 portals had a request out to
every one of them at once, a socket each, and when the process was busy (its CPU the limit) the
answers waited unread in their sockets while more requests went out: 335 sockets at the peak of
300 portals (``benchmarks/portals_bench.py``). Plain Scrapy's one engine bounds them all.

:class:`Transfers` is the process's count. A host's request goes out when the host's own
politeness allows it and the process has a place free; otherwise the host waits in line, and
each answer that comes in lets the longest-waiting host go next, so no portal starves another.
The places default to one a portal crawled at once (at least Scrapy's usual 16): AutoThrottle
keeps about one request on the wire to a slow host, so the line only forms when the process
falls behind, and it is then the back-pressure that keeps sockets and unread answers bounded.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

logger = logging.getLogger(__name__)

LEAST = 16  # Scrapy's CONCURRENT_REQUESTS: a few portals keep the places one crawl would have


def places_for(settings, portals_at_once: int) -> int:
    """``GOVARCHIVE_REQUESTS_AT_ONCE``, or one place a portal crawled at once (at least :data:`LEAST`)."""
    configured = settings.getint("GOVARCHIVE_REQUESTS_AT_ONCE", 0)
    return configured if configured > 0 else max(LEAST, portals_at_once)


class Transfers:
    """Places for requests on the wire, shared by the downloaders of one process's crawls.

    Scrapy runs them all on the reactor thread, so a plain counter is enough.
    ``limit`` 0: no bound (a crawl alone, bounded by its own ``CONCURRENT_REQUESTS``).
    """

    def __init__(self, limit: int = 0) -> None:
        self.limit = limit
        self.active = 0
        self.waited = 0  # times a host found no place free
        self._waiting: OrderedDict[tuple[int, int], tuple[Any, Any]] = OrderedDict()

    def take(self) -> bool:
        """A place for one request, if one is free."""
        if self.limit and self.active >= self.limit:
            return False
        self.active += 1
        return True

    def wait(self, downloader, slot) -> None:
        """``downloader``'s host ``slot`` goes on when a place is free (once in line at most)."""
        key = (id(downloader), id(slot))
        if key not in self._waiting:
            self._waiting[key] = (downloader, slot)
            self.waited += 1

    def give_back(self) -> None:
        """A request's answer (or failure) came in: its place goes to the hosts in line, first come
        first served. A host that cannot send yet (its delay) leaves the line and comes back."""
        self.active = max(0, self.active - 1)
        while self._waiting and (not self.limit or self.active < self.limit):
            _, (downloader, slot) = self._waiting.popitem(last=False)
            downloader.queue_ready(slot)

    # Scrapy copies its settings for each crawler: every copy must name this one object
    def __copy__(self) -> Transfers:
        return self

    def __deepcopy__(self, memo) -> Transfers:
        return self

    def forget(self, downloader) -> None:
        """A crawl closed: its hosts leave the line."""
        for key in [k for k in self._waiting if k[0] == id(downloader)]:
            del self._waiting[key]
