"""What a crawl prints when it ends: one crawl in full, several as a table with their total."""

from __future__ import annotations

from archive.store import CrawlCounts
from crawler.cli.crawling import print_summaries
from crawler.runtime.runner import CrawlSummary


def _summary(site: str, pages: int, new: int, status: str = "finished") -> CrawlSummary:
    return CrawlSummary(f"20261206T010000Z-{site}", site, status, "2026-12-06T01:00:00+00:00",
                        "2026-12-06T01:01:00+00:00", CrawlCounts(pages_fetched=pages, articles_new=new),
                        articles_in_archive=80, stats={})


def test_one_crawl_is_printed_in_full(capsys):
    print_summaries([_summary("xa1", 45, 40)], "a.db")
    out = capsys.readouterr().out
    assert "(xa1): finished" in out and "articles new" in out and "archive: a.db (80 articles)" in out


def test_several_crawls_are_a_row_each_and_their_total(capsys):
    print_summaries([_summary("xa1", 45, 40), _summary("xa2", 40, 38, "interrupted")], "a.db")
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 6  # header, rule, two crawls, total, archive
    assert lines[2].split()[:4] == ["xa1", "20261206T010000Z-xa1", "finished", "45"]
    assert lines[4].split()[:2] == ["total", "2"] and "finished, interrupted" in lines[4]
    assert lines[4].split()[-6:-4] == ["85", "78"]
    assert lines[5] == "archive: a.db (80 articles)"


def test_no_crawl_prints_nothing(capsys):
    print_summaries([], "a.db")
    assert capsys.readouterr().out == ""
