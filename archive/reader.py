"""The archive for reading, on plain sqlite3: what ``search`` needs to start fast.

sqlite-utils imports numpy; with it a cold ``govarchive search`` spent half its
0.5 s importing (measured with ``python -X importtime``). Read-only commands
open the archive here: a connection and the migration check in SQL. An archive
that is not current (a migration pending, not a govarchive file) goes through
:func:`archive.connect.open_database`, which upgrades it or says what is wrong.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from archive.errors import ArchiveError, busy_timeout_ms

# archive.schema's migrations, by name (tests/archive/test_archive.py keeps the two lists equal)
MIGRATIONS = ("m001_initial", "m002_archival_record", "m003_pages_and_sites", "m004_frontier",
              "m005_sites", "m006_archive_info", "m007_page_failures", "m008_attachments_comments",
              "m009_documents", "m010_recovered", "m011_date_site_index", "m012_findings",
              "m013_units", "m014_citations", "m015_meta_sources", "m016_site_templates",
              "m017_date_rule", "m018_index_on_text_change")


class Reader:
    """The part of sqlite-utils' Database the read paths use: ``conn``, ``execute``, ``table_names``."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters=()) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters)

    def table_names(self) -> list[str]:
        return [name for (name,) in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]


def open_reader(path: str | Path):
    """A :class:`Reader` of a current archive (else what ``open_database`` makes of it)."""
    path = Path(path)
    if not path.is_file():
        from archive.connect import open_database

        return open_database(path, create=False)  # its messages for a missing file or a folder
    busy_ms = busy_timeout_ms()
    try:
        conn = sqlite3.connect(str(path), timeout=busy_ms / 1000)
        conn.execute(f"PRAGMA busy_timeout = {busy_ms}")
        applied = {name for (name,) in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = 'govarchive'")}
    except sqlite3.DatabaseError:
        applied = set()
    except sqlite3.Error as exc:
        raise ArchiveError(f"cannot open archive {path}: {exc}") from exc
    if applied == set(MIGRATIONS):
        return Reader(conn)
    conn.close()
    from archive.connect import open_database

    return open_database(path, create=False)


def dict_rows(db, sql: str, parameters=()) -> list[dict]:
    """The rows of a query as dicts, on a :class:`Reader` or a sqlite-utils Database alike."""
    cursor = db.execute(sql, parameters)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
