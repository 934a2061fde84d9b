"""Settings copies that share what they do not change (crawler/runtime/shared_settings.py)."""

from __future__ import annotations

import tracemalloc

from crawler.runtime.runner import project_settings
from crawler.runtime.shared_settings import SharedSettings


def test_a_copy_reads_as_the_original():
    original = project_settings({"DOWNLOAD_DELAY": 2.0})
    copied = original.copy()
    assert isinstance(copied, SharedSettings)
    assert copied.copy_to_dict() == original.copy_to_dict()
    assert copied.getpriority("DOWNLOAD_DELAY") == original.getpriority("DOWNLOAD_DELAY")


def test_a_change_to_a_copy_stays_in_it():
    original = project_settings()
    one, other = original.copy(), original.copy()
    one.set("DOWNLOAD_DELAY", 7.0, priority="spider")
    one.set("DOWNLOAD_HANDLERS", {"ftp": None}, priority="spider")  # nested: Scrapy changes it in place
    assert one.getfloat("DOWNLOAD_DELAY") == 7.0 and one.getpriority("DOWNLOAD_DELAY") == 30
    assert "ftp" in one.getdict("DOWNLOAD_HANDLERS")
    for unchanged in (original, other):
        assert unchanged.getfloat("DOWNLOAD_DELAY") == 0.5
        assert "ftp" not in unchanged.getdict("DOWNLOAD_HANDLERS")


def test_a_change_to_the_original_after_a_copy_stays_in_it():
    original = project_settings()
    copied = original.copy()
    original.set("DOWNLOAD_DELAY", 9.0, priority="cmdline")
    original.set("DOWNLOAD_HANDLERS", {"s3": None}, priority="cmdline")
    assert copied.getfloat("DOWNLOAD_DELAY") == 0.5 and "s3" not in copied.getdict("DOWNLOAD_HANDLERS")


def test_a_frozen_copy_leaves_the_original_writable_and_a_deleted_setting_can_come_back():
    original = project_settings()
    copied = original.copy()
    copied.freeze()
    original.set("DOWNLOAD_DELAY", 1.5)
    other = original.copy()
    del other["DOWNLOAD_DELAY"]
    other.set("DOWNLOAD_DELAY", 3.0)
    assert (copied.getfloat("DOWNLOAD_DELAY"), other.getfloat("DOWNLOAD_DELAY")) == (0.5, 3.0)


def test_a_copy_costs_a_fraction_of_scrapys_deep_copy():
    original = project_settings()
    tracemalloc.start()
    shared = [original.copy() for _ in range(20)]
    ours = tracemalloc.get_traced_memory()[0]
    deep = [super(SharedSettings, original).copy() for _ in range(20)]
    theirs = tracemalloc.get_traced_memory()[0] - ours
    tracemalloc.stop()
    assert len(shared) == len(deep) and ours * 4 < theirs
