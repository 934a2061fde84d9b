"""Which sites a run is crawling, so that two runs never crawl one site at once.

Each site is one byte of ``locks/sites.lock`` beside the archive, locked with an open file
description lock (Linux ``F_OFD_SETLK``): a run holds all its sites through one open file,
however many. A file per site held open for the length of the run (as before) took one of
the process's open files per portal, so a registry of 700 portals ran out of them before the
first page. OFD locks are released when the file is closed, by the kernel if the run dies,
and they conflict between two opens in the same process as between processes.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# struct flock on Linux (x86-64, arm64): l_type, l_whence, l_start, l_len, l_pid, padding
_FLOCK = "hhqqi4x"


def _offset(key: str) -> int:
    """The site's byte: 56 bits of a hash, so two of a registry's keys never share one."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=7).digest(), "big")


class SiteLocks:
    """The sites this run holds, in ``folder/sites.lock``; :meth:`close` releases them all."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._file = open(folder / "sites.lock", "a+b")  # noqa: SIM115 - held until close()
        self.held: set[str] = set()

    def _set(self, key: str, kind: int) -> bool:
        request = struct.pack(_FLOCK, kind, 0, _offset(key), 1, 0)
        try:
            fcntl.fcntl(self._file, fcntl.F_OFD_SETLK, request)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                return False
            raise
        return True

    def take(self, key: str) -> bool:
        """Hold ``key`` if no other run holds it; whether it was got (never waits)."""
        if key in self.held:
            return True
        got = self._set(key, fcntl.F_WRLCK)
        if got:
            self.held.add(key)
        return got

    def release(self, key: str) -> None:
        if key in self.held:
            self._set(key, fcntl.F_UNLCK)
            self.held.discard(key)

    def close(self) -> None:
        self._file.close()
        self.held.clear()

    def __enter__(self) -> SiteLocks:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@contextmanager
def site_lock(folder: Path, key: str) -> Iterator[bool]:
    """Hold one site's lock while the block runs, if free; yield whether it was got."""
    with SiteLocks(folder) as locks:
        yield locks.take(key)
