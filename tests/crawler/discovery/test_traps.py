"""Traps recognised from evidence: one behaviour a test."""

from __future__ import annotations

from datetime import date

import pytest

from crawler.discovery.traps import TrapGuard, calendar_reason, loop_reason

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize("url", ["http://x.vn/lich?thang=13&nam=2024", "http://x.vn/lich?thang=0&nam=2024",
                                 "http://x.vn/lich?month=-1", "http://x.vn/lich?nam=2031",
                                 "http://x.vn/lich?nam=1900", "http://x.vn/su-kien?date=2031-01-01",
                                 "http://x.vn/su-kien?ngay=31-02-2024", "http://x.vn/lich/2035/01/"])
def test_calendar_pages_out_of_any_real_time_are_refused(url):
    assert calendar_reason(url, TODAY)


@pytest.mark.parametrize("url", ["http://x.vn/lich?thang=3&nam=2024", "http://x.vn/index.php?m=15&id=4",
                                 "http://x.vn/tin?d=45", "http://x.vn/2024/03/tin.html",
                                 "http://x.vn/su-kien?date=2026-12-20"])
def test_real_dates_and_module_numbers_are_not_calendars(url):
    assert calendar_reason(url, TODAY) is None


def test_a_relative_link_that_repeats_a_segment_is_a_loop():
    assert loop_reason("http://x.vn/tin-tuc/-/view_content/1/-/view_content/2", relative=True)
    assert loop_reason("http://x.vn/tin-tuc/-/view_content/1/-/view_content/2", relative=False) is None


def test_a_block_repeated_at_once_is_a_loop_however_it_was_linked():
    assert loop_reason("http://x.vn/a/b/a/b/c", relative=False)
    assert loop_reason("http://x.vn/chuyen-muc/chuyen-muc/", relative=False)


def test_similar_segments_are_not_a_loop():
    assert loop_reason("http://x.vn/tin-tuc/tin-tuc-su-kien/123", relative=True) is None


def test_a_page_wide_token_that_changes_between_pages_becomes_session_noise():
    guard = TrapGuard(TODAY)
    assert guard.saw_links(["http://x.vn/a?sid=4f2a9c81d0e3", "http://x.vn/b?sid=4f2a9c81d0e3"]) == []
    assert guard.saw_links(["http://x.vn/a?sid=77b1e0c2aa90", "http://x.vn/c?sid=77b1e0c2aa90"]) == ["sid"]
    assert guard.key("x.vn", "x.vn/a?id=3&sid=77b1e0c2aa90") == "x.vn/a?id=3"


def test_a_language_switch_is_not_session_noise():
    guard = TrapGuard(TODAY)
    guard.saw_links(["http://x.vn/a?lang=vi", "http://x.vn/b?lang=vi"])
    assert guard.saw_links(["http://x.vn/a?lang=en", "http://x.vn/b?lang=en"]) == []


def test_a_parameter_with_several_values_on_one_page_is_not_session_noise():
    guard = TrapGuard(TODAY)
    for _ in range(3):
        assert guard.saw_links([f"http://x.vn/tin?id={n}a1b2c3d4e5" for n in range(3)]) == []


def test_filters_seen_alone_are_refused_together():
    guard = TrapGuard(TODAY)
    guard.saw_links(["http://x.vn/van-ban?linhvuc=1", "http://x.vn/van-ban?coquan=2"])
    assert guard.refuse("http://x.vn/van-ban?linhvuc=1&coquan=2&nam=2024").startswith("facet")
    assert guard.refuse("http://x.vn/van-ban?linhvuc=1&page=2") is None


def test_a_chain_of_one_shape_that_brings_nothing_runs_dry():
    guard = TrapGuard(TODAY, dry_pages=3)
    for n in range(3):
        assert guard.refuse(f"http://x.vn/lich?tuan={n + 1}") is None
        guard.page_done(f"http://x.vn/lich?tuan={n + 1}", f"http://x.vn/lich?tuan={n}", new_elsewhere=0)
    assert guard.refuse("http://x.vn/lich?tuan=9").startswith("trap pattern")
    assert guard.blocked("http://x.vn/lich?tuan=10")


def test_a_listing_whose_pages_bring_articles_never_runs_dry():
    guard = TrapGuard(TODAY, dry_pages=3)
    for n in range(2, 20):
        guard.page_done(f"http://x.vn/tin?page={n}", f"http://x.vn/tin?page={n - 1}", new_elsewhere=10)
    assert guard.refuse("http://x.vn/tin?page=21") is None


def test_articles_linking_articles_are_no_chain():
    guard = TrapGuard(TODAY, dry_pages=2)
    for n in range(5):
        guard.page_done(f"http://x.vn/tin/{n + 1}.html", f"http://x.vn/tin/{n}.html", new_elsewhere=0)
    assert guard.refuse("http://x.vn/tin/9.html") is None
