"""How a many-portal run is split over crawl processes (crawler.runtime.many), without crawling."""

from __future__ import annotations

import os

from crawler.runtime.many import SITES_PER_PROCESS, _child_settings, at_once_each, crawl_processes
from crawler.runtime.preparation import FILES_PER_SITE, FILES_RESERVED, SITES_AT_ONCE


def test_a_few_portals_stay_in_one_process():
    assert crawl_processes({}, 1) == 1
    assert crawl_processes({}, SITES_PER_PROCESS - 1) == 1


def test_many_portals_take_a_process_per_core_at_most():
    assert crawl_processes({}, 10_000) == (os.cpu_count() or 1)


def test_the_setting_chooses_but_never_more_processes_than_portals():
    assert crawl_processes({"GOVARCHIVE_CRAWL_PROCESSES": "3"}, 100) == 3
    assert crawl_processes({"GOVARCHIVE_CRAWL_PROCESSES": 4}, 2) == 2
    assert crawl_processes({"GOVARCHIVE_CRAWL_PROCESSES": 1}, 500) == 1


def test_the_portals_at_once_asked_are_for_the_whole_run():
    assert at_once_each({"GOVARCHIVE_SITES_AT_ONCE": 9}, 2)[0] == 4  # 8 over both: never more than asked
    assert at_once_each({"GOVARCHIVE_SITES_AT_ONCE": 1}, 2)[0] == 1


def test_unasked_each_process_crawls_what_its_open_files_allow():
    import resource

    each, limit = at_once_each({}, 2)
    assert limit == resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    assert each == min(SITES_AT_ONCE, max(1, (limit - FILES_RESERVED) // FILES_PER_SITE))


def test_each_process_gets_its_share_of_the_cores():
    child = _child_settings({"LOG_LEVEL": "WARNING"}, processes=2, each=4)
    assert child["GOVARCHIVE_SITES_AT_ONCE"] == 4
    assert child["GOVARCHIVE_EXTRACT_WORKERS"] == max(1, (os.cpu_count() or 1) // 2)
    assert child["GOVARCHIVE_SHARD"] and child["LOG_LEVEL"] == "WARNING"


def test_what_json_cannot_carry_stays_behind():
    child = _child_settings({"GOVARCHIVE_PROGRESS": print, "X": object(), "GOVARCHIVE_EXTRACT_WORKERS": 0},
                            processes=2, each=100)
    assert "GOVARCHIVE_PROGRESS" not in child and "X" not in child
    assert child["GOVARCHIVE_EXTRACT_WORKERS"] == 0  # the user's choice is kept


def test_a_split_run_into_a_file_that_is_no_archive_says_so_in_one_line(tmp_path):
    import sqlite3

    from conftest import registry_entry, run_cli

    (tmp_path / "registry").mkdir()
    for key in ("xa1", "xa2"):
        entry = registry_entry(key, f"http://127.0.0.9/{key}/", level="commune")
        (tmp_path / "registry" / f"{key}.toml").write_text(entry, encoding="utf-8")
    sqlite3.connect(tmp_path / "other.db").execute("CREATE TABLE notes (x)")
    result = run_cli("crawl", "--all", "--db", str(tmp_path / "other.db"),
                     "-s", "GOVARCHIVE_CRAWL_PROCESSES=2",
                     env={"GOVARCHIVE_REGISTRY": str(tmp_path / "registry")}, timeout=120)
    assert result.returncode == 1 and "is not a govarchive archive" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_crawl_process_sends_its_crawls_progress_as_one_line_an_interval():
    """Hundreds of crawls each report every interval: a line each was a write, a wake-up and a
    parse for every one of them."""
    import io

    from archive.store import CrawlCounts
    from crawler.runtime.many import Reports

    out = io.StringIO()
    reports = Reports(out, every=3600)
    for round_ in range(3):
        for n in range(300):
            reports.progress(CrawlCounts(pages_fetched=round_ * 10 + n), source=n)
    reports.done(["c1"], [])
    lines = out.getvalue().splitlines()
    assert len(lines) == 3  # the first report at once, the rest with the end, and the end


def test_the_parent_reads_every_crawls_latest_counts_from_the_lines():
    import io
    import json

    from archive.store import CrawlCounts
    from crawler.runtime.many import Reports, read_report

    out = io.StringIO()
    reports = Reports(out, every=3600)
    reports.started("t-xa01")
    reports.progress(CrawlCounts(pages_fetched=1), source="a")
    reports.progress(CrawlCounts(pages_fetched=2), source="b")
    reports.progress(CrawlCounts(pages_fetched=5), source="a")
    reports.done(["t-xa01"], ["xa02"])
    shown, report = {}, {"started": []}
    for line in out.getvalue().splitlines():
        read_report(json.loads(line), report, lambda counts, source: shown.__setitem__(source, counts), 1)
    assert shown == {(1, "a"): CrawlCounts(pages_fetched=5), (1, "b"): CrawlCounts(pages_fetched=2)}
    assert report == {"started": ["t-xa01"], "done": {"crawl_ids": ["t-xa01"], "pending": ["xa02"]}}
