"""Two crawls started at once into one archive (cron's run beside a crawl started by hand): each
stores every article of its portals, and neither loses one to the other's writes."""

from __future__ import annotations

import os
import sqlite3
import subprocess

import pytest
from conftest import BIN, ROOT, registry_entry
from pattern_portals import serve_portal, small

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them

PORTALS = 5  # a registry each


@pytest.fixture(scope="module")
def two_crawls(tmp_path_factory):
    folder = tmp_path_factory.mktemp("shared")
    portals, runs = [], []
    for run in ("a", "b"):
        (folder / run).mkdir()
        for n in range(PORTALS):
            key = f"{run}{n}"
            portals.append(serve_portal(key, small(key), robots="User-agent: *\nCrawl-delay: 0.1\n"))
            (folder / run / f"{key}.toml").write_text(registry_entry(key, portals[-1].url, level="commune"),
                                                      encoding="utf-8")
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "GOVARCHIVE_REGISTRY": str(folder / run)}
        env.pop("GOVARCHIVE_DB", None)
        command = [str(BIN / "govarchive"), "crawl", "--all", "--db", str(folder / "a.db")]
        with open(folder / f"{run}.log", "w") as log:  # files: a full pipe would stop a crawl
            runs.append(subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
    results = [(run.wait(timeout=300), (folder / f"{name}.log").read_text())
               for run, name in zip(runs, "ab", strict=True)]
    for portal in portals:
        portal.server.shutdown()
    return folder / "a.db", results


def test_both_crawls_store_every_article_of_their_portals(two_crawls):
    db, results = two_crawls
    for code, stderr in results:
        assert code == 0, stderr[-2000:]
        assert "Error processing" not in stderr, stderr[-2000:]
    sites = dict(sqlite3.connect(db).execute("SELECT site, count(*) FROM articles GROUP BY site").fetchall())
    assert sites == {f"{run}{n}": 3 for run in "ab" for n in range(PORTALS)}


def test_both_crawls_record_their_sites_and_finish(two_crawls):
    db, _ = two_crawls
    conn = sqlite3.connect(db)
    assert [k for (k,) in conn.execute("SELECT key FROM sites ORDER BY key")] == \
        [f"{run}{n}" for run in "ab" for n in range(PORTALS)]
    assert {s for (s,) in conn.execute("SELECT DISTINCT status FROM crawls")} == {"finished"}
