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


def _portal(extra_routes=None, robots: str = "User-agent: *\nAllow: /\n"):
    from routes import page, serve

    links = " ".join(f"<a href='/tin/{n}.html'>Tin {n}</a>" for n in range(6))
    routes = {"/robots.txt": page(robots, "text/plain"), "/": page(f"<html><body>{links}</body></html>"),
              **{f"/tin/{n}.html": page(f"<html><body><h1>Tin {n}</h1></body></html>") for n in range(6)}}
    return serve({**routes, **(extra_routes or {})})


def _gaps(times: list[tuple[float, str]]) -> list[float]:
    """Seconds between the starts of consecutive requests, robots.txt's own fetch left out."""
    starts = [t for t, path in times if path != "/robots.txt"]
    return [b - a for a, b in zip(starts, starts[1:], strict=False)]


def test_robots_crawl_delay_is_obeyed_whatever_the_configured_delay(tmp_path):
    """The portal asks for 1 s; the crawl is configured with none and AutoThrottle off. A lower
    bound only: a loaded machine makes gaps longer, never shorter."""
    from conftest import FAST_SETTINGS

    server = _portal(robots="User-agent: *\nCrawl-delay: 1\nAllow: /\n")
    result = run_cli("crawl", "--url", server.url, "--db", str(tmp_path / "a.db"), *FAST_SETTINGS)
    server.shutdown()
    assert result.returncode in (0, 1), result.stderr
    gaps = _gaps(server.times)
    assert len(gaps) >= 6 and min(gaps) >= 0.95, gaps


def test_a_retry_after_pauses_the_whole_host(tmp_path):
    """The first page answers 429 with Retry-After: 2: no request reaches the host for 2 s."""
    from conftest import FAST_SETTINGS
    from routes import page

    def busy(n):
        if n == 1:
            return 429, {"Retry-After": "2", "Content-Type": "text/html"}, b"slow down"
        return page("<html><body><h1>Tin 0</h1></body></html>")(n)

    server = _portal({"/tin/0.html": busy})
    result = run_cli("crawl", "--url", server.url, "--db", str(tmp_path / "a.db"), *FAST_SETTINGS,
                     "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1")
    server.shutdown()
    assert result.returncode in (0, 1), result.stderr
    refused = next(t for t, path in server.times if path == "/tin/0.html")
    after = [t for t, path in server.times if t > refused]
    assert after and min(after) - refused >= 1.95, [(round(t - refused, 2), p) for t, p in server.times]
    assert server.counts["/tin/0.html"] == 2  # and it was tried again
