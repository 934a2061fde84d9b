"""The process's places for requests on the wire, shared by its crawls (crawler/runtime/transfers.py)."""

from __future__ import annotations

from scrapy.settings import Settings

from crawler.runtime.transfers import LAG, LEAST, TICK, Transfers, places_for


class _Downloader:
    """Stands for a crawl's downloader: what the line wakes is recorded."""

    def __init__(self, transfers: Transfers, sends: bool = True) -> None:
        self.transfers, self.sends, self.woken = transfers, sends, []

    def queue_ready(self, slot) -> None:
        self.woken.append(slot)
        if self.sends and not self.transfers.take():
            self.transfers.wait(self, slot)


def test_no_more_places_are_taken_than_the_limit():
    transfers = Transfers(2)
    assert [transfers.take() for _ in range(3)] == [True, True, False]


def test_a_place_given_back_goes_to_the_host_that_waited_longest():
    transfers = Transfers(1)
    first, second = _Downloader(transfers), _Downloader(transfers)
    assert transfers.take()
    transfers.wait(first, "a")
    transfers.wait(second, "b")
    transfers.give_back()
    assert (first.woken, second.woken) == (["a"], [])
    transfers.give_back()
    assert second.woken == ["b"]


def test_a_host_waits_in_line_once_however_often_it_asks():
    transfers = Transfers(1)
    downloader = _Downloader(transfers)
    transfers.take()
    for _ in range(3):
        transfers.wait(downloader, "a")
    transfers.give_back()
    transfers.give_back()
    assert downloader.woken == ["a"]


def test_a_host_that_cannot_send_yet_lets_the_next_one_have_the_place():
    transfers = Transfers(1)
    held, ready = _Downloader(transfers, sends=False), _Downloader(transfers)
    transfers.take()
    transfers.wait(held, "a")
    transfers.wait(ready, "b")
    transfers.give_back()
    assert (held.woken, ready.woken, transfers.active) == (["a"], ["b"], 1)


def test_a_closed_crawl_leaves_the_line():
    transfers = Transfers(1)
    closed = _Downloader(transfers)
    transfers.take()
    transfers.wait(closed, "a")
    transfers.forget(closed)
    transfers.give_back()
    assert closed.woken == []


def test_no_limit_never_refuses():
    transfers = Transfers(0)
    assert all(transfers.take() for _ in range(1000))


def test_places_default_to_one_a_portal_and_at_least_scrapys_usual():
    assert places_for(Settings(), 150) == 150
    assert places_for(Settings(), 3) == LEAST
    assert places_for(Settings({"GOVARCHIVE_REQUESTS_AT_ONCE": 5}), 150) == 5


def test_every_copy_of_the_settings_names_the_one_count():
    import copy

    transfers = Transfers(3)
    copied = copy.deepcopy(Settings({"GOVARCHIVE_TRANSFERS": transfers}))
    assert copied.get("GOVARCHIVE_TRANSFERS") is transfers


def test_a_lagging_reactor_takes_places_away_down_to_scrapys_usual():
    transfers = Transfers(160)
    transfers.lagged(LAG * 2)
    assert transfers.limit == 140
    for _ in range(100):
        transfers.lagged(LAG * 2)
    assert transfers.limit == transfers.fewest == LEAST


def test_a_reactor_on_time_gives_places_back_up_to_the_configured_number():
    transfers = Transfers(160)
    for _ in range(30):
        transfers.lagged(LAG * 2)
    for _ in range(200):
        transfers.lagged(0.0)
    assert transfers.limit == 160 and transfers.fewest == LEAST


def test_places_given_back_go_to_the_hosts_in_line():
    transfers = Transfers(32)
    downloader = _Downloader(transfers, sends=False)
    for _ in range(10):
        transfers.lagged(LAG * 2)
    for _ in range(transfers.limit):
        assert transfers.take()
    transfers.wait(downloader, "a")
    transfers.lagged(0.0)
    assert downloader.woken == ["a"]


def test_a_process_without_a_bound_keeps_none():
    transfers = Transfers(0)
    transfers.lagged(10.0)
    assert transfers.limit == 0 and all(transfers.take() for _ in range(100))


def test_watched_places_start_few_and_the_lag_is_read_every_tick():
    """300 portals' first requests went out at once, 113 sockets 5 s in: a crawl starts with few."""
    from twisted.internet.task import Clock

    clock, transfers = Clock(), Transfers(160)
    transfers.watch(clock)
    assert transfers.limit == LEAST
    clock.advance(TICK)  # the first look on time
    assert transfers.limit == LEAST + 1
    clock.advance(TICK + LAG * 3)  # the next ran late
    assert transfers.limit == LEAST


def test_pages_waiting_for_extraction_take_places_away():
    """Released all at once when extraction caught up, 150 requests a process came back together
    and put it behind again: 305 sockets at the peak of 300 portals."""
    transfers = Transfers(160)
    transfers.lagged(0.0, extraction_behind=True)
    assert transfers.limit == 140
    transfers.lagged(0.0)
    assert transfers.limit == 140 + 140 // 16


def test_no_request_goes_out_while_the_pages_fetched_wait_for_extraction():
    """At 300 portals pages came in faster than the workers read them: 5,000 waited in a process."""
    from twisted.internet.task import Clock

    behind = [True]
    clock, transfers = Clock(), Transfers(160, lambda: behind[0])
    transfers.watch(clock)
    downloader = _Downloader(transfers)
    assert not transfers.take()
    transfers.wait(downloader, "a")
    clock.advance(TICK)
    assert downloader.woken == []  # still behind: the host stays in line
    behind[0] = False
    clock.advance(TICK)  # the next look finds extraction caught up: the host goes
    assert downloader.woken == ["a"] and transfers.active == 1


def test_unwatched_places_do_not_wait_for_extraction():
    """A crawl no look wakes (the line would wait for good) is bounded by its own settings."""
    transfers = Transfers(0, lambda: True)
    assert transfers.take()
