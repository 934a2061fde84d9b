"""What every archive module shares, importable without sqlite-utils (``archive.reader``)."""

from __future__ import annotations

import os

BUSY_TIMEOUT_MS = 15_000  # how long a writer waits for another's lock; GOVARCHIVE_BUSY_TIMEOUT (s)
SQLITE_MAGIC = b"SQLite format 3\x00"


class ArchiveError(Exception):
    """A problem with the archive file that the user can act on."""


def busy_timeout_ms() -> int:
    try:
        return int(float(os.environ.get("GOVARCHIVE_BUSY_TIMEOUT", "")) * 1000)
    except ValueError:
        return BUSY_TIMEOUT_MS
