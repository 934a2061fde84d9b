"""``govarchive new-site URL``: probe a portal and draft its registry entry.

A short, polite crawl into a scratch archive (its WARC files included), then
what it found: the platform (from the home page's markup), sitemaps and feeds,
listings with pagination, one sample article, and a TOML draft to review. The scratch
archive is removed once read: a probe is not a capture, and each one left a directory
of WARC files in the system's temporary folder.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from archive.crawl_history import probe_findings
from archive.warc import iter_responses
from common.urls import host_of

PLATFORMS = (  # first match wins: markers in the home page's HTML
    ("sharepoint", re.compile(r"ms-rtestate|s4-workspace|/_layouts/|SharePoint", re.I)),
    ("liferay", re.compile(r"Liferay|/-/asset_publisher/|journal-content-article|/-/view_content/")),
    ("wordpress", re.compile(r"wp-content|wp-includes")),
    ("joomla", re.compile(r"com_content|/media/jui/|Joomla", re.I)),
    ("vnpt", re.compile(r"VNPT", re.I)),
    ("viettel", re.compile(r"Viettel", re.I)),
)


@dataclass
class Probe:
    url: str
    platform: str = "unknown"
    pages_fetched: int = 0
    sitemaps: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    listings: list[str] = field(default_factory=list)
    sample: dict | None = None
    article_pattern: str = ""


def detect_platform(html: str) -> str:
    return next((name for name, marker in PLATFORMS if marker.search(html)), "unknown")


def probe(url: str, max_pages: int = 60, settings: dict | None = None) -> Probe:
    with tempfile.TemporaryDirectory(prefix="govarchive-probe-", ignore_cleanup_errors=True) as work:
        return _probe_into(Path(work), url, max_pages, settings)


def _probe_into(work: Path, url: str, max_pages: int, settings: dict | None) -> Probe:
    from crawler.runtime.runner import run_crawl

    db = work / "probe.db"
    summary = run_crawl([url], db, max_pages=max_pages, settings=settings)
    result = Probe(url, pages_fetched=summary.counts.pages_fetched)
    home = host_of(url)
    for path in sorted((work / "warcs").glob("*.warc.gz")):
        for response in iter_responses(path):
            body = response.body[:200_000]
            if urlsplit(response.url).path in ("", "/") and host_of(response.url) == home:
                result.platform = detect_platform(body.decode("utf-8", "replace"))
            if b"<urlset" in body[:2000] or b"<sitemapindex" in body[:2000]:
                result.sitemaps.append(response.url)
            elif b"<rss" in body[:2000] or b"<feed" in body[:2000]:
                result.feeds.append(response.url)
    result.listings, result.sample = probe_findings(db)
    if result.sample:
        result.article_pattern = _pattern(result.sample["url"])
    return result


def _pattern(article_url: str) -> str:
    """A regex for URLs shaped like the sample article's: its first path folder, digits generalised."""
    path = urlsplit(article_url).path
    first = path.strip("/").split("/")[0] if "/" in path.strip("/") else ""
    return f"^/{re.escape(first)}/" if first else ""


def draft_entry(result: Probe, key: str, province: str, level: str) -> str:
    """The registry entry to review and commit (unverified until a crawl confirms it)."""
    lines = [
        "# Drafted by govarchive new-site; review before committing.",
        f'province = "{province}"', "", "[[site]]", f'key = "{key}"',
        'name = "FILL IN: the portal name"', f'level = "{level}"',
        f'home = ["{result.url}"]', f'platform = "{result.platform}"', "verified = false",
    ]
    if result.article_pattern:
        lines.append(f"article_pattern = '{result.article_pattern}'")
    extra = [u for u in result.listings[:3] if u.rstrip("/") != result.url.rstrip("/")]
    if extra:
        lines.append("start_urls = [" + ", ".join(f'"{u}"' for u in extra) + "]")
    return "\n".join(lines) + "\n"
