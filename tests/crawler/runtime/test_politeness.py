"""Per-host politeness as a portal sees it: requests in flight never above the site's concurrency."""

from __future__ import annotations

import os

import pytest
from conftest import registry_entry, run_cli
from counting_portal import counting_demo

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them


def test_a_portal_never_has_more_requests_in_flight_than_its_concurrency(tmp_path, monkeypatch):
    """Scrapy 2.19 alone sent up to 11 at once with no delay (crawler/runtime/downloader.py)."""
    (tmp_path / "registry").mkdir()
    with counting_demo(monkeypatch) as (urls, peak):
        (tmp_path / "registry" / "prov.toml").write_text(registry_entry("prov", urls["province"]),
                                                         encoding="utf-8")
        result = run_cli("crawl", "prov", "--db", str(tmp_path / "a.db"),
                         env={"GOVARCHIVE_REGISTRY": str(tmp_path / "registry"),
                              "GOVARCHIVE_ALLOW_PRIVATE_HOSTS": os.environ["GOVARCHIVE_ALLOW_PRIVATE_HOSTS"]})
    assert result.returncode == 0, result.stderr
    assert sum(peak.values()) and max(peak.values()) == 2, peak
