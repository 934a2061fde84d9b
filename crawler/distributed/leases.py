"""One worker per host at a time: leases in Redis that expire with their worker.

Scrapy's politeness (delay, concurrency per host) holds inside one process; two
workers crawling the same host would double its load. A worker takes a lease
on every host of a site before crawling it (all or none), renews them while it
crawls, and gives them back at the end; a killed worker's leases expire after
``TTL`` and another worker takes the site over.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import redis

from crawler.distributed import keys

logger = logging.getLogger(__name__)

TTL_MS = 20_000  # renewed every quarter of it

RENEW = """
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) ~= ARGV[1] then return 0 end
end
for i, key in ipairs(KEYS) do redis.call('PEXPIRE', key, ARGV[2]) end
return 1
"""
RELEASE = """
for i, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then redis.call('DEL', key) end
end
return 1
"""


class HostLease:
    def __init__(self, server: redis.Redis, hosts: list[str], owner: str, ttl_ms: int = TTL_MS) -> None:
        self.server, self.owner, self.ttl_ms = server, owner, ttl_ms
        self.keys = [keys.host_lease(host) for host in sorted(set(hosts))]

    def acquire(self) -> bool:
        """Every host's lease, or none."""
        taken = []
        for key in self.keys:
            if not self.server.set(key, self.owner, nx=True, px=self.ttl_ms):
                if taken:
                    self.server.eval(RELEASE, len(taken), *taken, self.owner)
                return False
            taken.append(key)
        return True

    def renew(self) -> bool:
        """False when a lease was lost (it expired and another worker holds it)."""
        return bool(self.server.eval(RENEW, len(self.keys), *self.keys, self.owner, self.ttl_ms))

    def release(self) -> None:
        self.server.eval(RELEASE, len(self.keys), *self.keys, self.owner)


class LeaseKeeper:
    """Renews a lease every quarter of its TTL on a thread of its own until stopped.

    Not on the crawl's event loop: anything that holds the loop (a slow crawl start, an
    extraction that falls back to the crawl process for its whole time budget, a loaded
    machine) would let the lease expire and another worker take the host mid-crawl.
    ``on_lost`` is called once, from this thread, when another worker holds a lease now.
    """

    def __init__(self, lease: HostLease, on_lost: Callable[[], None]) -> None:
        self.lease, self.on_lost = lease, on_lost
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="govarchive-lease", daemon=True)

    def start(self) -> LeaseKeeper:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        interval = self.lease.ttl_ms / 1000 / 4
        while not self._stopped.wait(interval):
            try:
                held = self.lease.renew()
            except redis.RedisError:
                continue  # the crawl itself notices Redis going away and stops
            if not held:
                logger.error("lost the lease on %s: stopping this crawl", ", ".join(self.lease.keys))
                self.on_lost()
                return
