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

When the process falls behind (its CPU the limit), more requests on the wire fetch nothing
sooner: their answers wait in their sockets until the reactor reads them, and AutoThrottle,
taking that wait for the servers' slowness, keeps every portal's request out. So the places
follow the reactor's lag, as a congestion window follows a network's: a turn of the loop later
than :data:`LAG` takes an eighth of the places away (down to :data:`LEAST`), a turn on time
gives a sixteenth back (up to the configured number). A process with time to spare keeps them
all; a busy one keeps as many as it reads in time (300 portals over two processes, both cores
busy: 304 sockets at the peak, ``benchmarks/portals_bench.py``).

Nor does a request go out while the pages already fetched wait for the extraction workers
(``behind``): fetched sooner, a page only waits longer, with its response in memory (5,000 a
process at 300 portals, ``benchmarks/RESULTS.md``, stop 41). The look every :data:`TICK` lets
the line go again once the workers caught up, and a look that finds them behind takes places
away as a late one does: with all its places, a process let 150 hosts go at once when the
workers caught up, their pages came back together and put them behind again (305 sockets at the
peak of 300 portals, stop 44). For the same reason a watched process starts with
:data:`LEAST` places and grows them while it keeps up.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

logger = logging.getLogger(__name__)

LEAST = 16  # Scrapy's CONCURRENT_REQUESTS: a few portals keep the places one crawl would have
TICK = 0.1  # seconds between two looks at the reactor's lag
LAG = 0.05  # a look this late: the reactor is behind, and answers wait unread


def places_for(settings, portals_at_once: int) -> int:
    """``GOVARCHIVE_REQUESTS_AT_ONCE``, or one place a portal crawled at once (at least :data:`LEAST`)."""
    configured = settings.getint("GOVARCHIVE_REQUESTS_AT_ONCE", 0)
    return configured if configured > 0 else max(LEAST, portals_at_once)


class Transfers:
    """Places for requests on the wire, shared by the downloaders of one process's crawls.

    Scrapy runs them all on the reactor thread, so a plain counter is enough.
    ``limit`` 0: no bound (a crawl alone, bounded by its own ``CONCURRENT_REQUESTS``).
    """

    def __init__(self, limit: int = 0, behind: Callable[[], bool] | None = None) -> None:
        self.behind = behind  # whether the pages fetched wait for extraction: no place then
        self.most = limit  # the configured places: :attr:`limit` follows the lag below it
        self.limit = limit
        self.fewest = limit  # the lowest :attr:`limit` came to
        self.active = 0
        self._clock = None
        self._due = 0.0
        self.waited = 0  # times a host found no place free
        self._waiting: OrderedDict[tuple[int, int], tuple[Any, Any]] = OrderedDict()

    def take(self) -> bool:
        """A place for one request, if one is free."""
        if self.limit and self.active >= self.limit or self._extraction_behind():
            return False
        self.active += 1
        return True

    def _extraction_behind(self) -> bool:
        # only while watched: the look every TICK lets the hosts in line go when it caught up
        return self._clock is not None and self.behind is not None and self.behind()

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
        self._wake()

    def lagged(self, lag: float, extraction_behind: bool = False) -> None:
        """The reactor ran ``lag`` seconds late: fewer places when it is behind, or when the pages
        fetched wait for extraction; more when neither."""
        if not self.most:
            return
        if lag > LAG or extraction_behind:
            self.limit = max(min(LEAST, self.most), self.limit - self.limit // 8)
            self.fewest = min(self.fewest, self.limit)
        elif self.limit < self.most:
            self.limit = min(self.most, self.limit + max(1, self.limit // 16))
            self._wake()

    def watch(self, clock) -> None:
        """Look at the reactor's lag every :data:`TICK` (``clock``: the reactor, or a test's)."""
        self._clock = clock
        self._due = clock.seconds() + TICK
        if self.most:  # watched, the places start few and grow while the process keeps up
            self.limit = min(self.most, LEAST)
        clock.callLater(TICK, self._tick)

    def _tick(self) -> None:
        now = self._clock.seconds()
        self.lagged(now - self._due, self._extraction_behind())
        self._wake()  # extraction may have caught up
        self._due = now + TICK
        self._clock.callLater(TICK, self._tick)

    def _wake(self) -> None:
        while self._waiting and (not self.limit or self.active < self.limit) \
                and not self._extraction_behind():
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
