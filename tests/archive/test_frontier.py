"""The resume frontier's rows: done marks written with the next transaction, never lost on a stop."""

from __future__ import annotations

import sqlite3

import pytest

from archive.frontier import DONE_BATCH, Frontier
from archive.store import Archive


@pytest.fixture
def frontier(tmp_path):
    archive = Archive(tmp_path / "a.db")
    made = Frontier(archive.db, "site")
    with made.atomic():
        for n in range(DONE_BATCH + 5):
            made.add(f"fp{n}", f"http://h/{n}", b"", None)
    yield made
    archive.close()


def done_elsewhere(frontier) -> set[str]:
    """The done marks another connection sees: what is committed."""
    path = frontier.db.execute("PRAGMA database_list").fetchone()[2]
    with sqlite3.connect(path) as other:
        return {fp for (fp,) in other.execute("SELECT fp FROM frontier WHERE done = 1")}


def test_a_done_mark_made_outside_a_transaction_waits_for_the_next_one(frontier):
    frontier.mark_done("fp1")
    assert not frontier.db.conn.in_transaction and done_elsewhere(frontier) == set()
    with frontier.atomic():
        frontier.add("fp-new", "http://h/new", b"", None)
    assert done_elsewhere(frontier) == {"fp1"}


def test_a_done_mark_inside_a_transaction_is_written_in_it(frontier):
    with frontier.atomic():
        frontier.mark_done("fp2")
    assert done_elsewhere(frontier) == {"fp2"}


def test_done_marks_are_written_on_their_own_once_a_batch_is_kept(frontier):
    for n in range(DONE_BATCH):
        frontier.mark_done(f"fp{n}")
    assert done_elsewhere(frontier) == {f"fp{n}" for n in range(DONE_BATCH)}


def test_flush_writes_the_marks_kept_and_the_rows_say_so(frontier):
    frontier.mark_done("fp3")
    frontier.flush()
    assert done_elsewhere(frontier) == {"fp3"}
    assert [fp for fp, done, *_ in frontier.rows() if done] == ["fp3"]


def test_a_block_that_writes_nothing_takes_no_write_lock(frontier):
    """Most article pages link nothing new: their block must not wait for the lock another crawl
    process holds (here held throughout, with no waiting allowed)."""
    frontier.mark_done("fp4")  # an item's mark, kept for the next write
    path = frontier.db.execute("PRAGMA database_list").fetchone()[2]
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    frontier.db.execute("PRAGMA busy_timeout = 0")
    try:
        with frontier.atomic():
            pass
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert done_elsewhere(frontier) == set()
    with frontier.atomic():
        frontier.add("fp-new", "http://h/new", b"", None)  # the first write: the kept mark with it
    assert done_elsewhere(frontier) == {"fp4"}
