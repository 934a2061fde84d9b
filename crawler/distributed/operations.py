"""The archive operations a worker may send, applied by the ingest: a closed list."""

from __future__ import annotations

from archive.store import Archive, CrawlCounts

COUNTED_HERE = ("articles_new", "articles_updated", "duplicates")  # the ingest counts these itself


def apply_op(archive: Archive, name: str, args: dict) -> list[str]:
    """Apply one operation; the URLs whose archive record it changed (for the known mirror).

    An unknown name or wrong arguments raise ``ValueError``/``TypeError``/``KeyError``.
    """
    handler = OPERATIONS.get(name)
    if handler is None:
        raise ValueError(f"unknown operation {name!r}")
    return handler(archive, **args) or []


def _start_crawl(archive: Archive, crawl_id: str, started_at: str, start_urls: list, site=None):
    archive.start_crawl(crawl_id, started_at, list(start_urls), site)


def _finish_crawl(archive: Archive, crawl_id: str, finished_at: str, status: str, counts: dict,
                  stats: dict):
    merged = {**counts, **archive.crawl_counts(crawl_id, COUNTED_HERE)}
    archive.finish_crawl(crawl_id, finished_at, status, CrawlCounts(**merged), stats)


def _record_page(archive: Archive, url: str, site: str, kind: str, reason: str, fetched_at: str,
                 crawl_id: str):
    archive.record_page(url, site, kind, reason, fetched_at, crawl_id)
    return [url]


def _record_failure(archive: Archive, url: str, site: str, reason: str, when: str, crawl_id: str):
    archive.record_failure(url, site, reason, when, crawl_id)
    return [url]


def _classify_pages(archive: Archive, links: dict):
    archive.classify_pages({page: set(urls) for page, urls in links.items()})
    return list(links)


def _add_document_links(archive: Archive, links: list):
    """``links``: ``[file url, page url, link text, seen at, crawl id]`` each."""
    archive.add_document_links([tuple(link) for link in links])
    return [link[0] for link in links]


def _record_redirects(archive: Archive, redirects: list):
    archive.record_redirects([tuple(r) for r in redirects])
    return [r[0] for r in redirects]


def _mark_killed(archive: Archive, crawl_id: str):
    archive.mark_killed(crawl_id)


OPERATIONS = {
    "start_crawl": _start_crawl, "finish_crawl": _finish_crawl, "record_page": _record_page,
    "record_failure": _record_failure, "classify_pages": _classify_pages,
    "add_document_links": _add_document_links, "record_redirects": _record_redirects,
    "mark_killed": _mark_killed,
}
