"""An archive no command can damage by mistake: demo, foreign and future files, locks, WARC pointers."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import BIN, FAST_SETTINGS, run_cli

from archive.connect import ArchiveError, open_database

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them


def copy_archive(crawled_demo, tmp_path: Path) -> Path:
    db = tmp_path / "archive.db"
    shutil.copy(crawled_demo.db, db)
    shutil.copytree(crawled_demo.db.parent / "warcs", tmp_path / "warcs")
    return db


def count(db: Path, sql: str = "SELECT count(*) FROM articles") -> int:
    return sqlite3.connect(db).execute(sql).fetchone()[0]


# demo -------------------------------------------------------------------------------------------
def test_demo_ignores_govarchive_db_and_leaves_that_archive_alone(crawled_demo, tmp_path):
    real = copy_archive(crawled_demo, tmp_path)
    before = real.read_bytes()
    result = run_cli("demo", cwd=tmp_path, env={"GOVARCHIVE_DB": str(real)}, timeout=300)
    assert result.returncode == 0, result.stderr
    assert real.read_bytes() == before
    assert count(tmp_path / "demo.db") > 0


def test_demo_refuses_to_replace_an_archive_of_real_crawls(crawled_demo, tmp_path):
    real = copy_archive(crawled_demo, tmp_path)
    before = count(real)
    result = run_cli("demo", "--db", str(real), cwd=tmp_path)
    assert result.returncode == 1
    assert "is an archive of real crawls, not a demo archive" in result.stderr
    assert "Traceback" not in result.stderr and count(real) == before


def test_demo_replaces_its_own_demo_archive(tmp_path):
    for _ in range(2):
        result = run_cli("demo", "--db", str(tmp_path / "demo.db"), cwd=tmp_path, timeout=300)
        assert result.returncode == 0, result.stderr
    assert count(tmp_path / "demo.db", "SELECT count(*) FROM crawls") == 1
    assert count(tmp_path / "demo.db", "SELECT value = 'demo' FROM archive_info WHERE key = 'purpose'")


def test_demo_archive_knows_its_provinces_for_filters(tmp_path):
    assert run_cli("demo", "--db", str(tmp_path / "demo.db"), cwd=tmp_path, timeout=300).returncode == 0
    result = run_cli("search", "dan van", "--db", str(tmp_path / "demo.db"), "--province", "Song Hau",
                     "--level", "district")
    assert result.returncode == 0, result.stderr
    assert "demo-mythanh" in result.stdout and "demo-songhau" not in result.stdout


# files that are not this version's archives -------------------------------------------------------
def test_a_foreign_sqlite_file_is_refused_and_left_unchanged(tmp_path):
    other = tmp_path / "notes.db"
    sqlite3.connect(other).executescript("CREATE TABLE notes (x); INSERT INTO notes VALUES (1);")
    before = other.read_bytes()
    for args in (["search", "x"], ["crawl", "--url", "http://127.0.0.1:9/"], ["stats"]):
        result = run_cli(*args, "--db", str(other))
        assert result.returncode == 1
        assert result.stderr.splitlines()[-1] == (f"Error: {other} is not a govarchive archive (it holds "
                                                  "tables notes); give another --db")
    assert other.read_bytes() == before


def test_an_archive_from_a_newer_govarchive_is_refused(crawled_demo, tmp_path):
    db = copy_archive(crawled_demo, tmp_path)
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('govarchive', 'm099_future', '2030-01-01')")
    for args in (["crawl", "--url", "http://127.0.0.1:9/"], ["search", "dan van"]):
        result = run_cli(*args, "--db", str(db), *(FAST_SETTINGS if args[0] == "crawl" else []))
        assert result.returncode == 1
        assert "was written by a newer govarchive (schema m099_future); upgrade govarchive" in result.stderr
        assert "Traceback" not in result.stderr


def test_a_damaged_file_is_one_line(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database at all" * 100)
    result = run_cli("search", "x", "--db", str(bad))
    assert result.returncode == 1 and result.stderr.startswith(f"Error: cannot open archive {bad}")


# locks and permissions --------------------------------------------------------------------------
HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


def test_a_locked_archive_is_waited_for_then_named_with_its_holder(crawled_demo, tmp_path):
    db = copy_archive(crawled_demo, tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db), "25"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        result = run_cli("crawl", "--url", "http://127.0.0.1:9/", "--db", str(db), *FAST_SETTINGS,
                         env={"GOVARCHIVE_BUSY_TIMEOUT": "1"})
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"archive {db} is locked by pid {holder.pid}" in result.stderr
    assert "waited 1 s" in result.stderr and waited < 20


def test_reading_is_not_blocked_by_a_writer(crawled_demo, tmp_path):
    db = copy_archive(crawled_demo, tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db), "20"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = run_cli("search", "dan van", "--db", str(db), env={"GOVARCHIVE_BUSY_TIMEOUT": "1"})
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 0 and "Dân vận" in result.stdout


@pytest.fixture
def read_only_archive(crawled_demo):
    """A copy of the demo archive that the test's user cannot write (as root: run as nobody)."""
    folder = Path(tempfile.mkdtemp(prefix="govarchive-ro-"))
    db = copy_archive(crawled_demo, folder)
    for path in [db, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o444)
    folder.chmod(0o555)
    yield db
    folder.chmod(0o755)
    shutil.rmtree(folder)


# Root writes whatever the file modes say: drop the capability that lets it, so they apply.
NO_OVERRIDE = ["setpriv", "--inh-caps=-dac_override,-dac_read_search",
               "--bounding-set=-dac_override,-dac_read_search", "--"]


def as_reader(*args: str) -> subprocess.CompletedProcess:
    if os.geteuid() == 0 and not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: file modes cannot be made to apply")
    prefix = NO_OVERRIDE if os.geteuid() == 0 else []
    env = {**os.environ}
    env.pop("GOVARCHIVE_DB", None)
    return subprocess.run([*prefix, str(BIN / "govarchive"), *args], capture_output=True, text=True,
                          timeout=120, env=env, cwd="/tmp")


def test_crawl_into_a_read_only_archive_is_one_line(read_only_archive):
    result = as_reader("crawl", "--url", "http://127.0.0.1:9/", "--db", str(read_only_archive),
                       *FAST_SETTINGS)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"archive {read_only_archive} is read-only" in result.stderr


def test_a_read_only_archive_can_still_be_searched(read_only_archive):
    result = as_reader("search", "dan van", "--db", str(read_only_archive))
    assert result.returncode == 0, result.stderr
    assert "Dân vận" in result.stdout


def test_open_database_refuses_a_folder(tmp_path):
    with pytest.raises(ArchiveError, match="is a folder"):
        open_database(tmp_path)


# WARC pointers ----------------------------------------------------------------------------------
@pytest.mark.parametrize("pointer", ["../../outside.txt", "/etc/passwd", "../archive.db", "", "link.warc.gz"])
def test_warc_pointers_outside_the_warcs_folder_are_refused(crawled_demo, tmp_path, pointer):
    db = copy_archive(crawled_demo, tmp_path)
    (tmp_path.parent / "outside.txt").write_text("secret")
    (tmp_path / "warcs" / "link.warc.gz").symlink_to("/etc/passwd")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET warc_file = ?, warc_offset = 0 WHERE id = 1", [pointer])
    shown = run_cli("show", "1", "--raw", "--db", str(db))
    if pointer == "":
        assert "has no WARC record" in shown.stderr
    else:
        assert shown.returncode == 1 and shown.stdout == ""
        assert f"refused WARC pointer {pointer!r}: it leads outside" in shown.stderr
        again = run_cli("reextract", "--db", str(db))
        assert again.returncode == 0
        assert f"skipped article 1: refused WARC pointer {pointer!r}" in again.stderr


def test_a_damaged_warc_record_is_named_by_file_and_offset(crawled_demo, tmp_path):
    db = copy_archive(crawled_demo, tmp_path)
    file, offset, length = sqlite3.connect(db).execute(
        "SELECT warc_file, warc_offset, warc_length FROM articles WHERE id = 2").fetchone()
    path = tmp_path / "warcs" / file
    data = bytearray(path.read_bytes())
    data[offset + length // 2] ^= 0xFF  # one flipped byte inside the record
    path.write_bytes(bytes(data))
    result = run_cli("show", "2", "--raw", "--db", str(db))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith(f"Error: cannot read WARC record {file} at offset {offset}: damaged")
    assert len(result.stderr.splitlines()) == 1


def test_a_cut_warc_file_is_named_by_file_and_offset(crawled_demo, tmp_path):
    db = copy_archive(crawled_demo, tmp_path)
    file, offset = sqlite3.connect(db).execute(
        "SELECT warc_file, max(warc_offset) FROM articles GROUP BY warc_file LIMIT 1").fetchone()
    path = tmp_path / "warcs" / file
    path.write_bytes(path.read_bytes()[: offset + 40])
    last = count(db, f"SELECT id FROM articles WHERE warc_offset = {offset}")
    result = run_cli("show", str(last), "--raw", "--db", str(db))
    assert result.returncode == 1 and f"cannot read WARC record {file} at offset {offset}" in result.stderr


# files commands write ---------------------------------------------------------------------------
def test_export_never_writes_over_an_archive(crawled_demo, tmp_path):
    db = copy_archive(crawled_demo, tmp_path)
    before = db.read_bytes()
    result = run_cli("export", "--db", str(db), "--out", str(db))
    assert result.returncode == 1 and f"{db} is an archive file" in result.stderr
    assert db.read_bytes() == before


def test_new_site_never_writes_over_an_existing_registry_file(tmp_path):
    province = tmp_path / "song-hau.toml"
    province.write_text('province = "Sông Hậu"\n', encoding="utf-8")
    result = run_cli("new-site", "http://127.0.0.1:9/", "--key", "x", "--province", "Sông Hậu",
                     "--out", str(province))
    assert result.returncode == 1 and "exists: give a new file" in result.stderr
    assert province.read_text(encoding="utf-8") == 'province = "Sông Hậu"\n'
