"""Host leases against a real redis-server: all or none, renewed off the event loop, lost when taken."""

from __future__ import annotations

import threading
import time

import pytest

from crawler.distributed import keys
from crawler.distributed.leases import HostLease, LeaseKeeper

pytestmark = pytest.mark.crawl  # starts a redis-server


def test_a_lease_is_all_hosts_or_none(redis_server):
    server = redis_server.client()
    assert HostLease(server, ["a.gov.vn"], "w1").acquire()
    assert not HostLease(server, ["b.gov.vn", "a.gov.vn"], "w2").acquire()
    assert server.get(keys.host_lease("b.gov.vn")) is None  # b was given back


def test_the_keeper_renews_while_the_caller_is_busy(redis_server):
    """The caller's thread sleeps through three TTLs (as a held event loop would): the lease stays."""
    server = redis_server.client()
    lease = HostLease(server, ["a.gov.vn"], "w1", ttl_ms=1000)
    assert lease.acquire()
    lost = threading.Event()
    keeper = LeaseKeeper(lease, lost.set).start()
    time.sleep(3.0)  # blocking, on purpose
    keeper.stop()
    assert not lost.is_set()
    assert server.get(keys.host_lease("a.gov.vn")) == b"w1"


def test_the_keeper_reports_a_lease_another_worker_took(redis_server):
    server = redis_server.client()
    lease = HostLease(server, ["a.gov.vn"], "w1", ttl_ms=400)
    assert lease.acquire()
    server.set(keys.host_lease("a.gov.vn"), "w2")  # expired and taken over
    lost = threading.Event()
    keeper = LeaseKeeper(lease, lost.set).start()
    assert lost.wait(timeout=30)
    keeper.stop()
