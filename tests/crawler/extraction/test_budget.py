"""Bounded work per page: the byte cap and a time budget nothing inside extraction can swallow."""

from __future__ import annotations

import time

import pytest

from crawler.extraction.budget import ExtractionTimeout, bounded, time_budget


def test_a_timeout_passes_through_code_that_catches_every_exception():
    """trafilatura and htmldate wrap their work in ``except Exception``: the budget must still end it."""
    with pytest.raises(ExtractionTimeout), time_budget(0.05):
        while True:
            try:
                time.sleep(0.01)
            except Exception:  # noqa: BLE001 - what third-party extractors do
                pass


def test_the_budget_is_disarmed_after_the_block():
    with time_budget(0.05):
        pass
    time.sleep(0.1)  # no alarm left behind


def test_a_page_over_the_cap_is_cut_at_a_tag():
    body = b"<p>" + b"x" * 100 + b"</p>" * 100_000
    cut, truncated = bounded(body, 65_536)
    assert truncated and len(cut) <= 65_536 and cut.endswith(b"</p>")
