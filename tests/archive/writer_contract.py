"""Checked by mypy, never run: both archive writers are :class:`archive.writer.ArchiveWriter`."""

from archive.store import Archive
from archive.writer import ArchiveWriter
from crawler.distributed.remote import RemoteArchive


def local(path: str) -> ArchiveWriter:
    return Archive(path)


def remote(url: str) -> ArchiveWriter:
    return RemoteArchive(url)
