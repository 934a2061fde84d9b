"""Opening an archive file: migrate it, or refuse it with one line that says why.

An archive is worth keeping only if no command can damage it by mistake, so
before anything is written the file is checked:

- a SQLite file that is not a govarchive archive (it has tables but no
  govarchive migrations) is refused, never "migrated" into one;
- an archive written by a newer govarchive (migrations this version does not
  know) is refused: writing to it with older code could corrupt what it means;
- a writer proves it can write (``BEGIN IMMEDIATE``) before a crawl starts: a
  read-only file or folder, and a lock another process holds for longer than
  the busy timeout, end in a message naming the file (and the holder's pid,
  where ``/proc`` tells it).

``archive_info`` (migration m006) records what the file is for: ``archive``
or ``demo``. Commands that replace a file (``govarchive demo``) replace only
one made for that purpose.
"""

from __future__ import annotations

import errno
import fcntl
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from archive.errors import BUSY_TIMEOUT_MS, SQLITE_MAGIC, ArchiveError, busy_timeout_ms  # noqa: F401 - re-exported
from archive.schema import migrations


def open_database(path: str | Path, *, create: bool = True, write: bool = False,
                  busy_ms: int | None = None) -> Database:
    """Open (and migrate) the archive at ``path``; raise :class:`ArchiveError`.

    ``write``: the caller is about to write (a crawl): prove now that it can.
    """
    path = Path(path)
    busy_ms = busy_timeout_ms() if busy_ms is None else busy_ms
    if not create and not path.exists():
        raise ArchiveError(f"no archive at {path} (run a crawl first, or pass --db)")
    if not path.parent.exists():
        raise ArchiveError(f"folder {path.parent} does not exist")
    if path.is_dir():
        raise ArchiveError(f"{path} is a folder, not an archive file")
    try:
        new = not path.exists() or path.stat().st_size == 0
        db = _connect(path, busy_ms)
        try:
            pending = None if new else _pending(db, path)
        except sqlite3.OperationalError as exc:
            if write or "readonly" not in str(exc):
                raise
            db.conn.close()  # a WAL archive in a folder we cannot write: read it as it stands
            return _read_only(path, busy_ms)
        except ArchiveError:
            if "_sqlite_migrations" not in db.table_names():
                raise
            pending = None  # another process is making it: its migrations are not recorded yet
        if pending is None or pending:
            with _one_maker(path, busy_ms):  # made or upgraded by one process at a time
                pending = _pending(db, path)  # the one before may have done it all
                _prepare(db, pending, write)
        else:
            _prepare(db, pending, write)
    except sqlite3.OperationalError as exc:
        raise ArchiveError(_explain(exc, path, busy_ms)) from exc
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"cannot open archive {path}: {exc}") from exc
    return db


class _WriteFirstConnection(sqlite3.Connection):
    """A connection whose transactions take the write lock when they begin.

    Several processes write one archive (a run's crawl processes, a crawl cron starts, ``serve``
    recording the sites). SQLite lets a writer wait the busy timeout for the lock only if it
    holds no read transaction yet; one that has read (the full-text index reloads its
    configuration inside the transaction after another connection changed the schema) and then
    finds the lock taken fails at once with "database is locked". A transaction that takes the
    lock first (``BEGIN IMMEDIATE``) waits for it: Python begins that way with
    ``isolation_level``, and sqlite-utils' own ``BEGIN`` is made the same here.
    """

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql == "BEGIN":  # sqlite-utils' atomic() and the writes that use it
            sql = "BEGIN IMMEDIATE"
        return super().execute(sql, *args)


def _pending(db: Database, path: Path) -> list:
    check_identity(db, path)
    return migrations.pending(db)


def _prepare(db: Database, pending: list, write: bool) -> None:
    if pending or write:
        _writable(db)
    if db.journal_mode != "wal":
        db.enable_wal()
    # In WAL mode NORMAL never corrupts the archive; a power cut may lose the last commits,
    # which the frontier has not marked done either, so the next crawl fetches them again.
    # FULL syncs every commit, and a crawl commits several times a page.
    db.execute("PRAGMA synchronous = NORMAL")
    if pending:
        migrations.apply(db)
        _record_creation(db)


@contextmanager
def _one_maker(path: Path, busy_ms: int) -> Iterator[None]:
    """The archive created or upgraded by one process at a time: two runs started at once on a
    new archive both applied its migrations ("table ... already exists"), and one seeing the
    other's half-made file took it for a foreign one. A lock file in ``locks/`` beside the
    archive (where the sites' locks are), waited for up to the busy timeout. Without a folder
    to put it in, the archive cannot be made or upgraded there either: SQLite says so."""
    try:
        folder = path.parent / "locks"
        folder.mkdir(exist_ok=True)
        handle = open(folder / f"{path.name}.making.lock", "a+b")  # noqa: SIM115 - held across the yield
    except OSError:
        yield
        return
    try:
        deadline = time.monotonic() + busy_ms / 1000
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise ArchiveError(f"archive {path} is being created or upgraded by another "
                                       "process; try again when it is done") from None
                time.sleep(0.05)
        yield
    finally:
        handle.close()  # the lock goes with it


def _connect(path: Path, busy_ms: int, uri: str = "") -> Database:
    conn = sqlite3.connect(uri or str(path), timeout=busy_ms / 1000, uri=bool(uri),
                           factory=_WriteFirstConnection, isolation_level="IMMEDIATE")
    db = Database(conn)
    db.execute(f"PRAGMA busy_timeout = {busy_ms}")
    return db


def _read_only(path: Path, busy_ms: int) -> Database:
    """Open an archive nobody here may write (no -shm can be made beside it), for reading.

    ``immutable`` tells SQLite the file does not change while open, which holds
    when this user cannot write it; a writer with other rights may see it stale.
    """
    db = _connect(path, busy_ms, f"{path.resolve().as_uri()}?mode=ro&immutable=1")
    check_identity(db, path)
    pending = migrations.pending(db)
    if pending:
        raise ArchiveError(f"archive {path} is read-only and needs upgrading ({pending[0].name}): "
                           "open it once with write access")
    return db


def check_identity(db: Database, path: Path) -> None:
    """Refuse a SQLite file that is not a govarchive archive, or one from a newer govarchive."""
    tables = set(db.table_names())
    applied = {m.name for m in migrations.applied(db)}
    if tables and not applied:
        shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
        raise ArchiveError(f"{path} is not a govarchive archive (it holds tables {shown}); "
                           "give another --db")
    unknown = sorted(applied - {m.name for m in migrations._migrations})
    if unknown:
        raise ArchiveError(f"{path} was written by a newer govarchive (schema {unknown[-1]}); "
                           "upgrade govarchive to use it")


def purpose(db: Database) -> str:
    """What the archive was made for: ``archive`` or ``demo``."""
    row = db.execute("SELECT value FROM archive_info WHERE key = 'purpose'").fetchone()
    return row[0] if row else "archive"


def set_purpose(db: Database, value: str) -> None:
    with db.conn:
        db.execute("INSERT OR REPLACE INTO archive_info (key, value) VALUES ('purpose', ?)", [value])


def _record_creation(db: Database) -> None:
    from common import __version__

    now = datetime.now(UTC).isoformat(timespec="seconds")
    with db.conn:
        db.execute("INSERT OR IGNORE INTO archive_info (key, value) VALUES ('created_at', ?)", [now])
        db.execute("INSERT OR IGNORE INTO archive_info (key, value) VALUES ('created_by', ?)",
                   [f"govarchive {__version__}"])


def _writable(db: Database) -> None:
    """Write once and roll back: fails now, not in the middle of a crawl.

    Taking the write lock alone proves nothing: SQLite opens a file it may not write
    read-only without a word, and its locks are granted all the same; only a write fails.
    Rewriting ``user_version`` with its own value is the smallest write there is.
    """
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        (version,) = db.conn.execute("PRAGMA user_version").fetchone()
        db.conn.execute(f"PRAGMA user_version = {int(version)}")
    finally:
        db.conn.execute("ROLLBACK")


def _explain(exc: sqlite3.OperationalError, path: Path, busy_ms: int) -> str:
    message = str(exc)
    files = _files_left()
    if "unable to open" in message and files is not None and files[0] <= 32:
        return (f"cannot open archive {path}: too many open files ({files[1]} open, limit "
                f"{files[1] + files[0]}; `ulimit -n` raises it, GOVARCHIVE_SITES_AT_ONCE lowers the "
                "portals crawled at once)")
    if "readonly" in message or "read-only" in message or "unable to open" in message:
        return (f"archive {path} is read-only ({message}): check the permissions of the file "
                "and its folder (SQLite writes -wal and -shm files beside it)")
    if "locked" in message or "busy" in message:
        holders = lock_holders(path)
        who = f" by {holders}" if holders else " by another process"
        return (f"archive {path} is locked{who}; waited {busy_ms // 1000} s. "
                "Try again when it has finished")
    return f"cannot open archive {path}: {message}"


def _files_left() -> tuple[int, int] | None:
    """(files this process may still open, files it has open), where /proc and the limit tell.
    SQLite says only "unable to open database file" when the process is out of them."""
    import resource

    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return None
    try:
        used = len(os.listdir("/proc/self/fd"))
    except OSError as exc:  # listing them needs a file too: none left is an answer
        return (0, soft) if exc.errno == errno.EMFILE else None
    return soft - used, used


def lock_holders(path: Path) -> str:
    """Other processes with the archive open, as 'pid N (command)'; '' where /proc cannot tell."""
    targets = {str(Path(f"{path}{suffix}").resolve()) for suffix in ("", "-wal", "-shm")}
    found = []
    proc = Path("/proc")
    if not proc.is_dir():
        return ""
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if any(os.readlink(fd) in targets for fd in (entry / "fd").iterdir()):
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                found.append(f"pid {entry.name} ({command.strip()[:80]})")
        except OSError:
            continue  # another user's process, or gone
    return ", ".join(found[:3])
