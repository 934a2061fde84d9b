"""What one crawl did, per host, and every page it did not take as an article with the reason.

Read from the archive alone: the crawl's row (its statistics hold the responses per host), and
the articles, documents and pages the crawl recorded. ``govarchive report`` prints it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from archive.errors import ArchiveError
from archive.reader import dict_rows, open_reader
from common.urls import host_of

HOST_STAT = "govarchive/host_responses/"
COUNTED = ("govarchive/not_followed/", "govarchive/skipped/", "govarchive/duplicates/",
           "govarchive/incremental/")


@dataclass
class HostReport:
    host: str
    responses: int = 0  # answers received (retries and robots.txt included)
    articles: int = 0  # stored or updated by this crawl
    documents: int = 0
    listings: int = 0  # pages kept to be fetched again (new articles appear there)
    dead_ends: int = 0  # not articles, refused by robots.txt, 404/410: not fetched again
    failed: int = 0  # 5xx after the retries, timeouts, resets: tried again later


@dataclass
class CrawlReport:
    crawl_id: str
    status: str
    started_at: str
    finished_at: str | None
    hosts: list[HostReport]
    skipped: list[dict]  # url, host, kind, reason
    # links not followed and pages not stored, counted by reason (out of scope, session noise,
    # page budget, each trap, duplicates...): most are not worth a row each
    counts: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """JSON lines: the crawl, one line a host, one line a skipped page."""
        head = {"type": "crawl", "id": self.crawl_id, "status": self.status, "started_at": self.started_at,
                "finished_at": self.finished_at}
        return [json.dumps(head, ensure_ascii=False),
                *(json.dumps({"type": "host", **asdict(h)}, ensure_ascii=False) for h in self.hosts),
                *(json.dumps({"type": "count", "reason": r, "count": n}, ensure_ascii=False)
                  for r, n in self.counts.items()),
                *(json.dumps({"type": "skipped", **s}, ensure_ascii=False) for s in self.skipped)]


def crawl_report(db_path: str | Path, crawl_id: str | None = None) -> CrawlReport:
    """The report of ``crawl_id`` (default: the latest crawl)."""
    db = open_reader(db_path)
    try:
        where = "id = ?" if crawl_id else "1 = 1"
        crawls = dict_rows(db, f"SELECT id, status, started_at, finished_at, stats FROM crawls WHERE {where} "
                               "ORDER BY started_at DESC LIMIT 1", [crawl_id] if crawl_id else [])
        if not crawls:
            raise ArchiveError(f"no crawl {crawl_id} in {db_path}" if crawl_id else f"no crawl in {db_path}")
        crawl = crawls[0]
        hosts: dict[str, HostReport] = {}

        def host(url: str) -> HostReport:
            name = host_of(url)
            return hosts.setdefault(name, HostReport(name))

        stats = json.loads(crawl["stats"] or "{}")
        counts = {key.split("/", 1)[1]: int(value) for key, value in sorted(stats.items())
                  if key.startswith(COUNTED) and isinstance(value, int | float) and value}
        for key, value in stats.items():
            if key.startswith(HOST_STAT):
                host("http://" + key.removeprefix(HOST_STAT)).responses += int(value)
        for (url,) in db.execute("SELECT url FROM articles WHERE crawl_id = ?", [crawl["id"]]):
            host(url).articles += 1
        for (url,) in db.execute("SELECT url FROM documents WHERE crawl_id = ?", [crawl["id"]]):
            host(url).documents += 1
        skipped = []
        for url, kind, reason in db.execute(
                "SELECT url, kind, reason FROM pages WHERE crawl_id = ? ORDER BY kind, url", [crawl["id"]]):
            report = host(url)
            if kind == "listing":
                report.listings += 1
                continue
            if kind == "failed":
                report.failed += 1
            else:
                report.dead_ends += 1
            skipped.append({"url": url, "host": report.host, "kind": kind, "reason": reason})
    finally:
        db.conn.close()
    return CrawlReport(crawl["id"], crawl["status"], crawl["started_at"], crawl["finished_at"],
                       sorted(hosts.values(), key=lambda h: h.host), skipped, counts)
