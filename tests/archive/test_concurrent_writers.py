"""Writers that share an archive wait for one another's lock; none fails at once.

Several processes write one archive: the crawl processes of a run, a second crawl started by
cron, ``govarchive serve`` recording the registry's sites. A writer that held a read
transaction when it asked for the write lock got "database is locked" at once, without waiting
the busy timeout: SQLite cannot let it wait (its snapshot would be stale). After another
connection changed the schema, the full-text index reloads its configuration by reading inside
the transaction, before the article's row is written; a crawl lost articles that way.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from archive.connect import open_database
from archive.sites import sync_sites
from archive.store import Archive
from crawler.registry.entries import Site

HELD = 0.5  # seconds the other writer keeps its lock: far below the busy timeout


def record(n: int) -> dict:
    return {"url": f"http://xa.gov.vn/tin/{n}.html", "site": "xa", "title": f"Tin {n}",
            "text": f"Nội dung bài {n}.", "fetched_at": "2026-12-07T00:00:00+00:00",
            "content_hash": f"hash-{n}"}


@pytest.fixture
def archive(tmp_path: Path):
    store = Archive(tmp_path / "a.db")
    store.insert_article(record(1))
    yield store
    store.close()


def other_writer_changes_schema_and_holds_lock(path: Path) -> threading.Thread:
    """Another connection changes the schema, then holds the write lock for ``HELD`` seconds."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE probe (id INTEGER PRIMARY KEY)")
    other.execute("DROP TABLE probe")
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(HELD, lambda: (other.execute("ROLLBACK"), other.close()))
    release.start()
    return release


def test_an_article_is_stored_after_another_writer_changed_the_schema(archive, tmp_path):
    release = other_writer_changes_schema_and_holds_lock(tmp_path / "a.db")
    assert archive.article_by_hash("hash-2") is None  # as the crawl's deduplication asks first
    archive.insert_article(record(2))  # waits for the lock instead of failing at once
    release.join()
    assert archive.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_an_article_is_updated_after_another_writer_changed_the_schema(archive, tmp_path):
    release = other_writer_changes_schema_and_holds_lock(tmp_path / "a.db")
    archive.update_article(1, {"title": "Tin một"})  # sqlite-utils opens its own transaction
    release.join()
    assert archive.db.execute("SELECT title FROM articles WHERE id = 1").fetchone()[0] == "Tin một"


def test_recording_the_sites_does_not_change_the_archive_schema(tmp_path):
    """sqlite-utils' upsert probes SQLite by creating and dropping a table, a schema change
    every other writer's statements then re-read: the sites are written in plain SQL."""
    db = open_database(tmp_path / "a.db")
    before = db.execute("PRAGMA schema_version").fetchone()[0]
    site = Site(key="xa", name="Xã A", province="Hà Nội", level="commune", home=("https://xa.gov.vn/",))
    sync_sites(db, [site])
    sync_sites(db, [site])  # an update of the same row
    assert db.execute("PRAGMA schema_version").fetchone()[0] == before
    assert db.execute("SELECT key, name FROM sites").fetchall() == [("xa", "Xã A")]


OPEN_AT_ONCE = """
import sys, time
from archive.connect import open_database
start = float(sys.argv[2])
while time.time() < start:
    time.sleep(0.001)
open_database(sys.argv[1], write=True).conn.close()
"""


def test_processes_opening_a_new_archive_at_once_all_get_it(tmp_path):
    """Two runs cron starts at the same minute on a new archive: one creates it, the others wait
    for it and find it made (they applied its migrations again: "table ... already exists")."""
    import subprocess
    import sys
    import time

    from conftest import ROOT

    script = tmp_path / "open.py"
    script.write_text(OPEN_AT_ONCE, encoding="utf-8")
    start = str(time.time() + 2)  # every process imported and waiting when the moment comes
    runs = [subprocess.Popen([sys.executable, str(script), str(tmp_path / "a.db"), start], cwd=ROOT,
                             stderr=subprocess.PIPE, text=True) for _ in range(4)]
    errors = [run.communicate(timeout=120)[1] for run in runs]
    assert [run.returncode for run in runs] == [0] * 4, [e[-500:] for e in errors if e]
