"""Open an archive and write to it: crawls and articles.

One :class:`Archive` per writer (each pipeline or extension has its own); within a run they share
the process's connection (:mod:`archive.shared_files`), and SQLite in WAL mode lets readers work beside.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from archive import findings, neardup
from archive.connect import ArchiveError, open_database
from archive.counts import CrawlCounts
from common.urls import kept_address

if TYPE_CHECKING:
    from archive.shared_files import SharedFiles

__all__ = ["Archive", "ArchiveError", "CrawlCounts", "mark_interrupted", "open_database"]

RETRY_AFTER = timedelta(hours=6)  # a failed page waits this long after its first failure
RETRY_AFTER_MAX = timedelta(days=30)
VERSION_COLUMNS = ("title", "published_at", "published_raw", "published_from", "author", "source",
                   "attachments", "comments", "text", "content_hash",
                   "fetched_at", "crawl_id", "warc_file", "warc_offset", "warc_length", "captured_at",
                   "capture_archive")


class Archive:
    """Writes of one crawl component to the archive (an :class:`archive.writer.ArchiveWriter`)."""

    learns_templates = True

    def __init__(self, path: str | Path, shared: SharedFiles | None = None) -> None:
        self.db = shared.database(path) if shared else open_database(path, write=True)
        self._owned = shared is None

    @classmethod
    def from_crawler(cls, crawler) -> Archive:
        """Scrapy's constructor convention: the archive the crawl's ``GOVARCHIVE_DB`` names, on the
        run's shared connection (``GOVARCHIVE_SHARED_FILES``) when it has one."""
        return cls(crawler.settings.get("GOVARCHIVE_DB"), crawler.settings.get("GOVARCHIVE_SHARED_FILES"))

    def close(self) -> None:
        if self._owned:  # a shared connection is closed by the run that opened it
            self.db.conn.close()

    # crawls --------------------------------------------------------------
    def start_crawl(self, crawl_id: str, started_at: str, start_urls: list[str],
                    site: str | None = None) -> None:
        with self.db.conn:
            self.db["crawls"].insert(
                {"id": crawl_id, "started_at": started_at, "status": "running",
                 "start_urls": json.dumps(start_urls), "site": site},
                replace=True,
            )

    def finish_crawl(
        self, crawl_id: str, finished_at: str, status: str, counts: CrawlCounts,
        stats: Mapping[str, Any],
    ) -> None:
        self.resolve_findings()
        row = {"finished_at": finished_at, "status": status, **counts.__dict__,
               "stats": json.dumps(stats, default=str, sort_keys=True)}
        with self.db.conn:
            self.db["crawls"].update(crawl_id, row)

    COUNTERS = ("articles_new", "articles_updated", "duplicates", "errors", "skipped", "pages_fetched")

    def count_in_crawl(self, crawl_id: str, column: str) -> None:
        """One more of ``column`` (a :class:`CrawlCounts` field) in the crawl's row."""
        if column not in self.COUNTERS:
            raise ValueError(f"not a crawl counter: {column}")
        with self.db.conn:
            self.db.execute(f"UPDATE crawls SET {column} = coalesce({column}, 0) + 1 WHERE id = ?",
                            [crawl_id])

    def crawl_counts(self, crawl_id: str, columns: tuple[str, ...]) -> dict[str, int]:
        if not set(columns) <= set(self.COUNTERS):
            raise ValueError(f"not crawl counters: {columns}")
        row = self.db.execute(f"SELECT {', '.join(columns)} FROM crawls WHERE id = ?", [crawl_id]).fetchone()
        return {name: (value or 0) for name, value in zip(columns, row or [0] * len(columns), strict=True)}

    # articles ------------------------------------------------------------
    def article_seen_at(self, url: str) -> int | None:
        """The article last seen at ``url``, as its own address or as a copy."""
        row = self.db.execute(
            "SELECT article_id FROM article_urls WHERE url = ? ORDER BY last_seen DESC LIMIT 1", [url]
        ).fetchone()
        return row[0] if row else None

    def record_page(self, url: str, site: str, kind: str, reason: str, fetched_at: str,
                    crawl_id: str) -> None:
        """A fetched page that is not an article: ``listing`` or ``dead_end``."""
        url = kept_address(url)
        with self.db.conn:
            self.db.execute(
                "INSERT INTO pages (url, site, kind, reason, first_fetched, last_fetched, crawl_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET kind = excluded.kind, "
                "reason = excluded.reason, last_fetched = excluded.last_fetched, "
                "crawl_id = excluded.crawl_id, failures = NULL, next_try = NULL",
                [url, site, kind, reason, fetched_at, fetched_at, crawl_id],
            )

    def record_failure(self, url: str, site: str, reason: str, when: str, crawl_id: str) -> None:
        """A page that could not be downloaded: kept as ``failed`` and retried after a backoff.

        The wait doubles with each crawl that fails on it (``RETRY_AFTER`` first, at
        most ``RETRY_AFTER_MAX``); a page that works again loses its failure record.
        """
        url = kept_address(url)
        row = self.db.execute("SELECT kind, failures FROM pages WHERE url = ?", [url]).fetchone()
        if row and row[0] != "failed":
            return  # a listing or dead end that failed once this time: its kind stands
        failures = (row[1] or 0) + 1 if row else 1
        wait = min(RETRY_AFTER * 2 ** (failures - 1), RETRY_AFTER_MAX)
        next_try = (datetime.fromisoformat(when) + wait).isoformat(timespec="seconds")
        with self.db.conn:
            self.db.execute(
                "INSERT INTO pages (url, site, kind, reason, first_fetched, last_fetched, crawl_id, "
                "failures, next_try) VALUES (?, ?, 'failed', ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE "
                "SET reason = excluded.reason, last_fetched = excluded.last_fetched, "
                "crawl_id = excluded.crawl_id, failures = excluded.failures, next_try = excluded.next_try",
                [url, site, reason, when, when, crawl_id, failures, next_try],
            )

    def site_template(self, site: str) -> dict | None:
        from archive.templates import load_template

        return load_template(self.db, site)

    def save_site_template(self, site: str, selectors: dict, pages: int) -> None:
        from archive.templates import save_template

        save_template(self.db, site, selectors, pages)

    def known(self, urls: list[str], before: str) -> dict[str, str]:
        """What the archive knew of each URL before ``before`` (UTC ISO): ``article``,
        ``document``, ``listing`` or ``dead_end``. What this crawl itself stored does not count."""
        asked = {url: kept_address(url) for url in urls}  # a page fetched under a session: without it
        out: dict[str, str] = {}
        keys = list(dict.fromkeys(asked.values()))
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for url, kind in self.db.execute(
                    f"SELECT url, kind FROM pages WHERE url IN ({marks}) AND first_fetched < ? "
                    "AND (kind != 'failed' OR next_try > ?)", [*chunk, before, before]):
                out[url] = kind
            for (url,) in self.db.execute(
                    f"SELECT url FROM article_urls WHERE url IN ({marks}) AND first_seen < ?",
                    [*chunk, before]):
                out[url] = "article"
            for (url,) in self.db.execute(
                    f"SELECT url FROM document_links WHERE url IN ({marks}) AND first_seen < ?",
                    [*chunk, before]):
                out[url] = "document"
        return {url: out[key] for url, key in asked.items() if key in out}

    def classify_pages(self, links: dict[str, set[str]]) -> None:
        """Non-article pages linking to an archived article or document are listings; the rest dead ends.

        ``links`` maps each page to its links without the site-wide ones (menus,
        sidebars), which would make every page a listing.
        """
        all_links = sorted({url for urls in links.values() for url in urls})
        articles: set[str] = set()
        for start in range(0, len(all_links), 500):
            chunk = all_links[start : start + 500]
            marks = ",".join("?" * len(chunk))
            articles.update(u for (u,) in self.db.execute(
                f"SELECT url FROM article_urls WHERE url IN ({marks}) "
                f"UNION SELECT url FROM document_links WHERE url IN ({marks})", chunk + chunk))
        updates = [("listing" if articles.intersection(urls) else "dead_end", kept_address(page))
                   for page, urls in links.items()]
        with self.db.conn:
            self.db.conn.executemany("UPDATE pages SET kind = ? WHERE url = ?", updates)

    def site_title_files(self, article_id: int) -> tuple[str | None, str | None, str | None]:
        """The article's site, title and attachments (JSON), what tells two views of it apart."""
        row = self.db.execute("SELECT site, title, attachments FROM articles WHERE id = ?",
                              [article_id]).fetchone()
        return (row[0], row[1], row[2]) if row else (None, None, None)

    def article_by_hash(self, content_hash: str) -> dict | None:
        """The article with this text (``id``, ``url``), or None."""
        # plain SQL: sqlite-utils' table lookup lists the views on every call (once a page)
        row = self.db.execute("SELECT id, url FROM articles WHERE content_hash = ? LIMIT 1",
                              [content_hash]).fetchone()
        return {"id": row[0], "url": row[1]} if row else None

    def insert_article(
        self, record: Mapping[str, Any], signature: np.ndarray | None = None,
        near: int | None = None,
    ) -> int:
        """Insert one article with its first sighting (and near-duplicate index); commit.

        ``near`` is an archived article this one nearly duplicates: both join its cluster.
        """
        columns = list(record)
        # plain SQL: sqlite-utils' insert lists the tables and views on every call (a fifth of a
        # stored page's writing time in the scale benchmark's profile); the columns are ours
        sql = (f"INSERT INTO articles ({', '.join(columns)}) "
               f"VALUES ({', '.join('?' * len(columns))})")
        with self.db.conn:
            article_id = self.db.conn.execute(sql, [record[c] for c in columns]).lastrowid
            self._sighting(article_id, record["url"], record["site"], record["fetched_at"])
            self.db.execute("DELETE FROM pages WHERE url = ? AND kind = 'failed'", [record["url"]])
            if signature is not None:
                neardup.add(self.db, article_id, signature)
            if near is not None:
                self._join_cluster(article_id, near)
        return article_id

    def update_article(self, article_id: int, record: Mapping[str, Any]) -> None:
        with self.db.conn:
            self.db["articles"].update(article_id, dict(record))

    def replace_article(
        self, article_id: int, record: Mapping[str, Any], signature: np.ndarray | None = None,
    ) -> None:
        """New text at a known URL: keep the current row as a version, then update it."""
        with self.db.conn:
            old = self.db["articles"].get(article_id)
            version = {k: old[k] for k in VERSION_COLUMNS}
            self.db["article_versions"].insert(
                {**version, "article_id": article_id, "replaced_at": record["fetched_at"]})
            # the row keeps the address it was first stored under; the sighting records this one
            self.db["articles"].update(article_id, {k: v for k, v in record.items() if k != "url"})
            self._sighting(article_id, record["url"], record["site"], record["fetched_at"])
            if signature is not None:
                neardup.remove(self.db, article_id)
                neardup.add(self.db, article_id, signature)

    def record_redirects(self, redirects: list[tuple[str, str, str, str]]) -> int:
        """Old addresses ``(old, target, when, site)`` that redirect: kept in ``findings`` now,
        sightings of the target's article once it is archived (:meth:`resolve_findings`)."""
        findings.add(self.db, findings.REDIRECT,
                     [(old, target, "", site, when, None) for old, target, when, site in redirects])
        return len(redirects)

    def add_document_links(self, links: list[tuple[str, str, str, str, str]]) -> int:
        """Links ``(file url, page url, link text, seen at, crawl id)``: kept in ``findings`` now,
        links of the document once it is archived (:meth:`resolve_findings`)."""
        findings.add(self.db, findings.DOCUMENT_LINK,
                     [(url, page, text, None, seen_at, crawl) for url, page, text, seen_at, crawl in links])
        return len(links)

    def resolve_findings(self) -> int:
        """Redirects and document links whose article or document is archived now, recorded as such."""
        return findings.resolve(self.db, self._sighting)

    def mark_killed(self, crawl_id: str) -> None:
        with self.db.conn:
            self.db.execute("UPDATE crawls SET status = 'killed' WHERE id = ? AND status = 'running'",
                            [crawl_id])

    def prefer_own_capture(self, article_id: int, crawl_id: str, warc: tuple[str, int, int]) -> None:
        """The article's capture is the one of its own address: a printer view (canonical to the
        article) read first in the same crawl had given the row its capture."""
        with self.db.conn:
            self.db.execute("UPDATE articles SET warc_file = ?, warc_offset = ?, warc_length = ? "
                            "WHERE id = ? AND crawl_id = ?", [*warc, article_id, crawl_id])

    def record_sighting(self, article_id: int, url: str, site: str, seen_at: str) -> None:
        """The article was seen (again) at ``url``: a copy, a second address, a re-crawl."""
        with self.db.conn:
            self._sighting(article_id, url, site, seen_at)

    def _sighting(self, article_id: int, url: str, site: str, seen_at: str) -> None:
        self.db.execute(
            "INSERT INTO article_urls (article_id, url, site, first_seen, last_seen) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (url, article_id) "
            "DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)",
            [article_id, url, site, seen_at, seen_at],
        )

    def _join_cluster(self, article_id: int, near: int) -> None:
        row = self.db.execute("SELECT coalesce(cluster_id, id) FROM articles WHERE id = ?", [near])
        cluster = row.fetchone()[0]
        self.db.execute("UPDATE articles SET cluster_id = ? WHERE id IN (?, ?)", [cluster, near, article_id])


def mark_interrupted(path: str | Path, crawl_ids: list[str], finished_at: str,
                     status: str = "interrupted") -> None:
    """Crawls stopped at once (a second Ctrl-C) before they could record their end; ``status``
    ``killed`` for those of a process that died."""
    db = open_database(path, write=True)
    try:
        with db.conn:
            db.conn.executemany(
                "UPDATE crawls SET status = ?, finished_at = ? WHERE id = ? AND status = 'running'",
                [(status, finished_at, c) for c in crawl_ids])
    finally:
        db.conn.close()
