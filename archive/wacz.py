"""The archive as a WACZ (Web Archive Collection Zipped, spec 1.1.1): what pywb, ReplayWeb.page
and the field's other tools read.

Written to the spec directly rather than with the ``wacz`` package, which brings the
frictionless data-package framework for what is a zip of five kinds of file:

- ``archive/*.warc.gz``: the WARC files (stored, not compressed again, so replay
  tools read records by range). The whole archive: its files as they are. One
  site or one period: a new WARC holding the records of its articles and
  documents, gzip members copied byte for byte.
- ``indexes/index.cdx``: a sorted CDXJ index (webrecorder's ``cdxj-indexer``).
- ``pages/pages.jsonl``: one line per article (url, capture time, title, text) for
  replay tools' page lists and full-text search.
- ``datapackage.json``: every file with its SHA-256 and size; ``datapackage-digest.json``
  its own hash.

The zip is written to ``OUT.part`` and renamed when whole.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from archive.filters import Filters
from archive.warc import resolve_in, warc_folder
from common import __version__

WACZ_VERSION = "1.1.1"


@dataclass(frozen=True)
class WaczSummary:
    path: Path
    warc_files: int
    records: int
    pages: int
    bytes: int


def export_wacz(db: Database, db_path: str | Path, out: str | Path, filters: Filters | None = None,
                title: str = "govarchive") -> WaczSummary:
    """Write the WACZ of the archive (or of the rows ``filters`` select) to ``out``."""
    out = Path(out)
    folder = warc_folder(db_path)
    part = out.with_name(out.name + ".part")
    with tempfile.TemporaryDirectory(prefix="govarchive-wacz-") as work:
        if filters is None or filters == Filters():
            warcs = _own_files(db, folder)
            records = sum(1 for _ in _pointers(db, Filters()))
        else:
            warcs, records = [Path(work) / "selection.warc.gz"], 0
            with open(warcs[0], "wb") as selection:
                for member in _members(folder, _pointers(db, filters)):
                    selection.write(member)
                    records += 1
        index = _index(warcs)
        pages = _pages(db, filters or Filters())
        try:
            with zipfile.ZipFile(part, "w", allowZip64=True) as package:
                resources = [_add_file(package, f"archive/{p.name}", p) for p in warcs]
                resources.append(_add_bytes(package, "indexes/index.cdx", index, zipfile.ZIP_DEFLATED))
                resources.append(_add_bytes(package, "pages/pages.jsonl", pages, zipfile.ZIP_DEFLATED))
                datapackage = json.dumps({
                    "profile": "data-package", "wacz_version": WACZ_VERSION, "title": title,
                    "created": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
                    "software": f"govarchive {__version__}", "resources": resources,
                }, ensure_ascii=False, indent=2).encode()
                package.writestr("datapackage.json", datapackage)
                digest = {"path": "datapackage.json",
                          "hash": "sha256:" + hashlib.sha256(datapackage).hexdigest()}
                package.writestr("datapackage-digest.json", json.dumps(digest))
            part.replace(out)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
    return WaczSummary(out, len(warcs), records, pages.count(b"\n") - 1, out.stat().st_size)


def _own_files(db: Database, folder: Path) -> list[Path]:
    """The WARC files this archive's crawls wrote (``{crawl id}-{sequence}.warc.gz``) or its rows
    point to: a shared folder also holds other archives' files and old demos'."""
    crawls = {crawl_id for (crawl_id,) in db.execute("SELECT id FROM crawls")}
    pointed = {name for (name,) in db.execute(
        "SELECT DISTINCT warc_file FROM articles WHERE warc_file IS NOT NULL "
        "UNION SELECT DISTINCT warc_file FROM documents WHERE warc_file IS NOT NULL")}
    return sorted(p for p in folder.glob("*.warc.gz")
                  if p.name.rsplit("-", 1)[0] in crawls or p.name in pointed)


def _pointers(db: Database, filters: Filters) -> Iterator[tuple[str, int, int]]:
    """The WARC records of the selected articles and documents, in file order."""
    articles, params = filters.where("a", "published_at")
    documents, more = filters.where("a", "issued_on")
    yield from db.execute(
        f"SELECT warc_file, warc_offset, warc_length FROM articles a "
        f"WHERE warc_file IS NOT NULL AND {articles} "
        f"UNION SELECT warc_file, warc_offset, warc_length FROM documents a "
        f"WHERE warc_file IS NOT NULL AND {documents} ORDER BY 1, 2", [*params, *more])


def _members(folder: Path, pointers: Iterator[tuple[str, int, int]]) -> Iterator[bytes]:
    """The gzip members the pointers lead to, byte for byte; each WARC file opened once
    (the pointers come in file order)."""
    name, handle = None, None
    try:
        for file, offset, length in pointers:
            if file != name:
                if handle:
                    handle.close()
                name, handle = file, open(resolve_in(folder, file), "rb")  # noqa: SIM115
            handle.seek(offset)
            yield handle.read(length)
    finally:
        if handle:
            handle.close()


def _index(warcs: list[Path]) -> bytes:
    from cdxj_indexer.main import CDXJIndexer

    output = io.StringIO()
    CDXJIndexer(output=output, inputs=[str(p) for p in warcs], sort=True, post_append=True).process_all()
    lines = output.getvalue().splitlines()
    return ("\n".join(_relative(line) for line in lines) + "\n").encode() if lines else b""


def _relative(line: str) -> str:
    """CDXJ ``filename`` as the WARC's name inside ``archive/`` (the indexer writes the path given)."""
    head, _, body = line.partition(" {")
    fields = json.loads("{" + body)
    fields["filename"] = Path(fields["filename"]).name
    return f"{head} {json.dumps(fields)}"


def _pages(db: Database, filters: Filters) -> bytes:
    where, params = filters.where("a")
    lines = [json.dumps({"format": "json-pages-1.0", "id": "pages", "title": "Articles",
                         "hasText": True})]
    for article_id, url, fetched, captured, title, text in db.execute(
            f"SELECT id, url, fetched_at, captured_at, title, text FROM articles a WHERE {where} ORDER BY id",
            params):
        moment = (captured or fetched).replace("+00:00", "Z")
        lines.append(json.dumps({"id": f"article-{article_id}", "url": url, "ts": moment, "title": title,
                                 "text": text}, ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode()


def _add_file(package: zipfile.ZipFile, name: str, path: Path) -> dict:
    digest, size = hashlib.sha256(), 0
    entry = zipfile.ZipInfo(name, _now())  # stored: replay tools read WARC records by range
    with open(path, "rb") as source, package.open(entry, "w", force_zip64=True) as target:
        while chunk := source.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
            target.write(chunk)
    return {"name": _resource_name(name), "path": name, "hash": f"sha256:{digest.hexdigest()}", "bytes": size}


def _add_bytes(package: zipfile.ZipFile, name: str, data: bytes, compression: int) -> dict:
    package.writestr(zipfile.ZipInfo(name, _now()), data, compress_type=compression)
    return {"name": _resource_name(name), "path": name, "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
            "bytes": len(data)}


def _resource_name(path: str) -> str:
    """A data-package resource name: lower case, digits and ``-._`` (crawl ids hold capitals)."""
    return re.sub(r"[^a-z0-9._-]", "-", Path(path).name.lower())


def _now() -> tuple[int, int, int, int, int, int]:
    return datetime.now(UTC).timetuple()[:6]


__all__ = ["WaczSummary", "export_wacz"]
