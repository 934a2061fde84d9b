"""WARC/1.1 files: the evidence of what each portal served.

Files live in a ``warcs/`` folder beside the archive, named
``{crawl_id}-{sequence:05d}.warc.gz``, gzip per record, rotated at a size
limit. A file being written is named ``*.warc.gz.open`` and renamed when
closed; an ``.open`` file found later was interrupted, and :func:`repair`
cuts it after its last whole record. Records are flushed before the article
that points to them is stored, so a row never points to missing bytes.

A crawl hands its records to the writer's own thread (:meth:`RotatingWarcWriter.submit`), one
at a time and in order: compressing a page and hashing its payload are most of a record's cost,
and zlib and hashlib let go of the GIL, so they run beside the crawl's reactor on another core.
"""

from __future__ import annotations

import fcntl
import io
import logging
import os
import tempfile
import threading
import zlib
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from common import __version__

logger = logging.getLogger(__name__)

OPEN_SUFFIX = ".open"
# What reading a damaged or hostile record raises: warcio meets bad headers with
# AttributeError, KeyError or IndexError as well as its own ArchiveLoadFailed.
BAD_RECORD = (OSError, ValueError, EOFError, zlib.error, ArchiveLoadFailed,
              AttributeError, KeyError, IndexError)
SKIP_HEADERS = {b"transfer-encoding"}  # the body is stored de-chunked
MAX_RECORD_BYTES = 64 << 20  # one record, decompressed; downloads are capped at 16 MiB


class WarcError(Exception):
    """A WARC file that cannot be written or read; the message names file and offset."""


@dataclass(frozen=True)
class RecordRef:
    file: str  # name within the warcs folder
    offset: int
    length: int
    record_id: str = ""  # its WARC-Record-ID, for records that refer to it


@dataclass(frozen=True)
class Capture:
    """One exchange to write, independent of Scrapy's classes."""

    url: str
    method: str
    request_headers: list[tuple[str, str]]
    status: int
    reason: str
    response_headers: list[tuple[str, str]]
    body: bytes
    ip: str | None = None
    # more WARC headers: a recovered capture's original URI and date (WARC-Refers-To-*)
    extra_headers: tuple[tuple[str, str], ...] = ()
    request_body: bytes = b""  # a form post's fields, as sent


def warc_folder(db_path: str | Path) -> Path:
    return Path(db_path).resolve().parent / "warcs"


def prepare_warc_folder(folder: Path) -> None:
    """Create the folder and prove it writable, before a crawl starts."""
    from archive.errors import ArchiveError

    try:
        folder.mkdir(parents=True, exist_ok=True)
        # a probe of its own: the crawl processes of one run prove the folder side by side, and
        # with one name for all, one removed another's probe before that one did (ENOENT)
        handle, probe = tempfile.mkstemp(prefix=".write-test-", dir=folder)
        try:
            os.write(handle, b"x")
        finally:
            os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        raise ArchiveError(f"cannot write WARC files in {folder}: {exc.strerror or exc}") from exc


class GzipPerRecord:
    """The file a WARCWriter writes to: one gzip member per record, at zlib's default level.

    warcio compresses at level 9, which costs the crawl's reactor thread a third more per
    page than level 6 for files barely smaller (``benchmarks/RESULTS.md``).
    warcio ends every record with ``flush()``, which ends the member here.
    """

    LEVEL = 6

    def __init__(self, out) -> None:
        self.out = out
        self._member = None

    def write(self, data: bytes) -> None:
        if self._member is None:
            self._member = zlib.compressobj(self.LEVEL, zlib.DEFLATED, zlib.MAX_WBITS + 16)
        self.out.write(self._member.compress(data))

    def flush(self) -> None:
        if self._member is not None:
            self.out.write(self._member.flush())
            self._member = None
        self.out.flush()


class RotatingWarcWriter:
    def __init__(self, folder: Path, prefix: str, max_bytes: int = 1 << 30) -> None:
        self.folder, self.prefix, self.max_bytes = folder, prefix, max_bytes
        self.sequence = 0
        self._file: io.BufferedWriter | None = None
        self._writer: WARCWriter | None = None
        self._name = ""
        self._good = 0  # end of the last record known to be flushed whole
        # the file: the writer's thread writes it; close and abort come from the crawl's thread
        self._lock = threading.RLock()
        # the thread, apart from the file's lock: handing a record over never waits for a write
        self._handing = threading.Lock()
        self._thread: ThreadPoolExecutor | None = None
        self._aborted = False  # after a failed write nothing more is written, not even to a new file

    def submit(self, method: str, *args) -> Future:
        """``write`` or ``write_conversion`` run on the writer's own thread, after every record
        submitted before it; its future gives the :class:`RecordRef` or raises its error."""
        with self._handing:
            if self._thread is None:
                self._thread = ThreadPoolExecutor(1, thread_name_prefix="warc-writer")
            return self._thread.submit(getattr(self, method), *args)

    def _open(self) -> None:
        self.sequence += 1
        self._name = f"{self.prefix}-{self.sequence:05d}.warc.gz"
        self._file = open(self.folder / (self._name + OPEN_SUFFIX), "wb")  # noqa: SIM115
        # held while the file is written: another process's repair() leaves a live file alone
        fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self._writer = WARCWriter(GzipPerRecord(self._file), gzip=False, warc_version="1.1")
        self._good = 0
        info = {"software": f"govarchive/{__version__}", "format": "WARC File Format 1.1",
                "conformsTo": "https://iso.org/standard/68004.html"}
        self._writer.write_record(self._writer.create_warcinfo_record(self._name, info))
        self._file.flush()
        self._good = self._file.tell()

    def write(self, capture: Capture) -> RecordRef:
        """Write the response and its request; return where the response record is."""
        with self._lock:
            return self._write(capture)

    def _write(self, capture: Capture) -> RecordRef:
        self._check()
        if self._file is None or self._file.tell() >= self.max_bytes:
            self._close_file()
            self._open()
        writer, out = self._writer, self._file
        extra = {"WARC-IP-Address": capture.ip} if capture.ip else {}
        extra.update(capture.extra_headers)
        headers = [(k, v) for k, v in capture.response_headers if k.lower().encode() not in SKIP_HEADERS]
        status = StatusAndHeaders(f"{capture.status} {capture.reason}".strip(), headers, protocol="HTTP/1.1")
        response = writer.create_warc_record(capture.url, "response", payload=io.BytesIO(capture.body),
                                             http_headers=status, warc_headers_dict=extra)
        offset = out.tell()
        writer.write_record(response)
        length = out.tell() - offset
        path = capture.url.split("://", 1)[-1].partition("/")[2]
        request_line = StatusAndHeaders(f"{capture.method} /{path} HTTP/1.1", capture.request_headers,
                                        is_http_request=True)
        record_id = response.rec_headers.get_header("WARC-Record-ID")
        request = writer.create_warc_record(
            capture.url, "request", http_headers=request_line,
            payload=io.BytesIO(capture.request_body) if capture.request_body else None,
            length=len(capture.request_body) if capture.request_body else None,
            warc_headers_dict={"WARC-Concurrent-To": record_id},
        )
        writer.write_record(request)
        out.flush()
        self._good = out.tell()
        return RecordRef(self._name, offset, length, record_id)

    def write_conversion(self, url: str, body: bytes, refers_to: str, content_type: str) -> RecordRef:
        """Write what was made of a captured response (a browser's rendered DOM) as a
        ``conversion`` record naming the response record it was made from."""
        with self._lock:
            return self._write_conversion(url, body, refers_to, content_type)

    def _write_conversion(self, url: str, body: bytes, refers_to: str, content_type: str) -> RecordRef:
        self._check()
        if self._file is None or self._file.tell() >= self.max_bytes:
            self._close_file()
            self._open()
        writer, out = self._writer, self._file
        headers = {"WARC-Refers-To": refers_to} if refers_to else {}
        record = writer.create_warc_record(url, "conversion", payload=io.BytesIO(body), length=len(body),
                                           warc_content_type=content_type, warc_headers_dict=headers)
        offset = out.tell()
        writer.write_record(record)
        out.flush()
        self._good = out.tell()
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        return RecordRef(self._name, offset, out.tell() - offset, record_id)

    def close(self) -> None:
        """Write what was submitted, then close the file (renamed from ``.open``)."""
        self._stop_thread()
        with self._lock:
            self._close_file()

    def _check(self) -> None:
        if self._aborted:
            raise OSError("the WARC writer stopped after a failed write")

    def _stop_thread(self, wait: bool = True) -> None:
        with self._handing:
            thread, self._thread = self._thread, None
        if thread is not None:
            # records already handed over still run: after an abort each fails on its own, with
            # the abort's reason, where a cancelled one would reach the crawl as a bare cancellation
            thread.shutdown(wait=wait)

    def _close_file(self) -> None:
        if self._file is None:
            return
        self._file.close()
        (self.folder / (self._name + OPEN_SUFFIX)).rename(self.folder / self._name)
        self._file = self._writer = None

    def abort(self) -> None:
        """After a failed write: cut the file after its last whole record and close it.

        Truncating frees space, so this works on a full disk; what cannot be done
        is left to :func:`repair` on the next run.
        """
        self._aborted = True  # nothing more is written after a failure: what waits fails at once
        self._stop_thread(wait=False)
        with self._lock:
            self._abort()

    def _abort(self) -> None:
        if self._file is None:
            return
        path = self.folder / (self._name + OPEN_SUFFIX)
        try:
            self._file.close()
        except OSError:
            pass  # the buffered tail could not be written; it is cut below
        self._file = self._writer = None
        try:
            os.truncate(path, self._good)
            path.rename(self.folder / self._name)
        except OSError as exc:
            logger.error("could not close %s after a failed write (%s); the next run repairs it",
                         path.name, exc)


def repair(folder: Path) -> list[str]:
    """Cut interrupted ``.open`` files after their last whole record and close them."""
    repaired = []
    for path in sorted(folder.glob(f"*{OPEN_SUFFIX}")):
        with open(path, "r+b") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # a crawl (this process's or another's) is writing it
            good = _last_whole_record_end(path)
            handle.truncate(good)
            path.rename(path.with_name(path.name.removesuffix(OPEN_SUFFIX)))
        logger.warning("repaired interrupted WARC %s: kept %d bytes", path.name, good)
        repaired.append(path.name)
    return repaired


def _last_whole_record_end(path: Path) -> int:
    good = 0
    with open(path, "rb") as handle:
        try:
            while (member := _read_member(handle)) is not None:
                for record in ArchiveIterator(io.BytesIO(member[0]), check_digests="raise"):
                    record.content_stream().read()
                good = handle.tell()
        except BAD_RECORD:  # a torn or half-written record: keep what came before
            pass
    return good


@dataclass
class StoredResponse:
    url: str
    date: str
    status: int
    content_type: str
    body: bytes  # the payload as served (transfer- and content-encoding removed)
    ref: RecordRef


def resolve_in(folder: Path, name: str) -> Path:
    """``name`` inside ``folder``; :class:`WarcError` for a pointer that leads anywhere else.

    Archive files travel between people: a row whose ``warc_file`` is ``../../x``,
    an absolute path or a link out of the folder must not make a command read it.
    """
    base = folder.resolve()
    path = (base / name).resolve()
    if not name or not path.is_relative_to(base) or path == base:
        raise WarcError(f"refused WARC pointer {name!r}: it leads outside {folder}")
    return path


def read_response(folder: Path, ref: RecordRef) -> StoredResponse:
    """The response record at ``ref``, its payload digest checked; :class:`WarcError` names
    the file and offset of anything missing or damaged."""
    path = resolve_in(folder, ref.file)
    if not path.exists() and path.with_name(path.name + OPEN_SUFFIX).exists():
        path = path.with_name(path.name + OPEN_SUFFIX)  # still being written: its records are flushed
    where = f"WARC record {ref.file} at offset {ref.offset}"
    try:
        with open(path, "rb") as handle:
            handle.seek(ref.offset)
            member = _read_member(handle)
            if member is None:
                raise WarcError(f"cannot read {where}: no record there (file cut short?)")
            record = next(iter(ArchiveIterator(io.BytesIO(member[0]), check_digests="raise")))
            # a conversion record: the DOM a browser made of a response (what a rendered page's row points to)
            if record.rec_type not in ("response", "conversion"):
                raise ValueError(f"a {record.rec_type} record, not a response")
            record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
            return _stored(record, RecordRef(ref.file, ref.offset, ref.length, record_id))
    except StopIteration:
        raise WarcError(f"cannot read {where}: no record there (file cut short?)") from None
    except BAD_RECORD as exc:
        raise WarcError(f"cannot read {where}: damaged ({_short(exc)})") from exc


def iter_responses(path: Path) -> Iterator[StoredResponse]:
    """Every response record of one file; a damaged record ends the file with WarcError."""
    offset = 0
    with open(path, "rb") as handle:
        while True:
            try:
                member = _read_member(handle)
                if member is None:
                    return
                raw, length = member
                responses = [_stored(record, RecordRef(path.name, offset, length))  # read while current
                             for record in ArchiveIterator(io.BytesIO(raw), check_digests="raise")
                             if record.rec_type == "response"]
            except BAD_RECORD as exc:
                raise WarcError(f"damaged WARC {path.name} after offset {offset}: {_short(exc)}") from exc
            yield from responses
            offset += length


def _read_member(handle, limit: int = MAX_RECORD_BYTES) -> tuple[bytes, int] | None:
    """One gzip member from the handle's position, decompressed strictly: ``(bytes, compressed
    length)``, None at the end of the file.

    Written by hand because warcio, meeting a damaged deflate stream after its first read,
    writes to stderr and returns an empty payload (a flipped byte became an empty page);
    zlib here checks the stream, its CRC and its length, and caps the size (a WARC from
    elsewhere may hold a gzip bomb). A file that is not gzip is an error: govarchive writes
    gzip per record.
    """
    start = handle.tell()
    first = handle.read(2)
    if not first:
        return None
    if first != b"\x1f\x8b":
        raise ValueError("not a gzip member (govarchive writes gzip per record)")
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
    pending, pieces, size = first, [], 0
    while not inflate.eof:
        if not pending:
            pending = handle.read(1 << 16)
            if not pending:
                raise EOFError("the file ends inside the record")
        piece = inflate.decompress(pending, limit + 1 - size)
        pending = inflate.unconsumed_tail
        size += len(piece)
        if size > limit:
            raise ValueError(f"record larger than {limit >> 20} MiB")
        pieces.append(piece)
    end = handle.tell() - len(inflate.unused_data)
    handle.seek(end)
    return b"".join(pieces), end - start


def _short(exc: Exception) -> str:
    """The error in one short printable line (warcio quotes the damaged bytes)."""
    text = " ".join(str(exc).split())
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= 120 else text[:117] + "..."


def _stored(record, ref: RecordRef, body: bytes | None = None) -> StoredResponse:
    http = record.http_headers
    converted = record.rec_type == "conversion"  # no HTTP headers: what the browser made, whole
    stored = StoredResponse(
        url=record.rec_headers.get_header("WARC-Target-URI"),
        date=record.rec_headers.get_header("WARC-Date"),
        status=200 if converted else int(http.get_statuscode() or 0) if http else 0,
        content_type=(record.rec_headers.get_header("Content-Type") or "") if converted
        else (http.get_header("Content-Type") or "") if http else "",
        body=record.content_stream().read() if body is None else body,
        ref=ref,
    )
    _check_whole(record)
    return stored


def _check_whole(record) -> None:
    """A block shorter than its Content-Length is refused: warcio reads what there is and checks
    the payload digest only when the block is whole, so a cut record read as a shorter page."""
    record.raw_stream.read()  # what the payload reader left (the block's end) is consumed
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        raise ValueError(f"the record's block is {missing} bytes shorter than its Content-Length")
