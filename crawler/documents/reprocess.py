"""Documents read again from their WARC records: after a better reader, or with OCR.

``govarchive reextract`` re-reads every document (OCR again only where it was
used before); ``govarchive ocr`` reads only those whose scanned pages wait for
OCR. The text, its method, pages and note are replaced. A metadata field read
from the listing row or link that led to the file is kept, since the WARC copy
does not carry them; one read from the document itself is read again. For rows
stored before fields had sources, what the archive has is kept and what it lacks
is filled.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from archive.document_store import DocumentStore
from archive.queries import captured_rows
from archive.reader import open_reader
from archive.store import open_database
from archive.warc import RecordRef, WarcError, read_response, warc_folder
from crawler.documents import process_document
from crawler.documents.ocr import ocr_problem

TEXT_FIELDS = ("text", "text_method", "pages", "encoding", "ocr_pending", "note")
META_FIELDS = ("number", "doc_type", "issuer", "issued_on", "signer", "subject")
CONTEXT_SOURCES = {"listing row", "link text"}  # read from the page that linked the file


@dataclass
class DocumentChange:
    document_id: int
    url: str
    fields: list[str]


@dataclass
class RereadReport:
    checked: int = 0
    changes: list[DocumentChange] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def reread_documents(db_path: str | Path, site: str | None = None, since: str | None = None,
                     dry_run: bool = False, only_pending: bool = False, limit: int | None = None,
                     progress: Callable[[int, int], None] | None = None) -> RereadReport:
    db = open_reader(db_path) if dry_run else open_database(db_path, create=False, write=True)
    store, folder, report = DocumentStore(db), warc_folder(db_path), RereadReport()
    rows = captured_rows(db, "documents", site, since, only_pending, limit)
    try:
        for done, row in enumerate(rows, start=1):
            report.checked += 1
            values = _reread(folder, row, report)
            if values is not None:
                changed = [k for k in (*TEXT_FIELDS, *META_FIELDS, "meta_sources") if values[k] != row.get(k)]
                if store.cited(row["id"]) != [(c["number"], c["title"]) for c in values["citations"]]:
                    changed.append("citations")  # read before citations were kept, or read better now
                if changed:
                    report.changes.append(DocumentChange(row["id"], row["url"], changed))
                    if not dry_run:
                        store.update_text(row["id"], values)
            if progress:
                progress(done, len(rows))
    finally:
        db.conn.close()
    return report


def _reread(folder: Path, row: dict, report: RereadReport) -> dict | None:
    from_ocr = (row["text_method"] or "").endswith("ocr")
    if from_ocr and ocr_problem():
        report.problems.append(f"document {row['id']}: kept as it is: its text came from OCR, "
                               f"which cannot run here ({ocr_problem()})")
        return None
    try:
        ref = RecordRef(row["warc_file"], row["warc_offset"], row["warc_length"] or 0)
        stored = read_response(folder, ref)
    except WarcError as exc:
        report.problems.append(f"document {row['id']}: {exc}")
        return None
    record = process_document(stored.body, row["url"], stored.content_type,
                              ocr=bool(from_ocr or row["ocr_pending"]))
    if record is None:
        report.problems.append(f"document {row['id']}: no longer read as a document; left as it is")
        return None
    new = record.stored()
    values = {k: new[k] for k in TEXT_FIELDS}
    values.update(_merged(row, new))
    values["citations"] = new["citations"]
    return values


def _merged(row: dict, new: dict) -> dict:
    """The metadata fields and their sources after a new reading of the stored file."""
    old_sources = json.loads(row.get("meta_sources") or "null")
    sources = json.loads(new["meta_sources"] or "{}")
    out = {}
    for name in META_FIELDS:
        if old_sources is None:  # stored before sources: keep what it has, fill what it lacks
            keep = row[name] is not None and row[name] != new[name]
            source = {"source": "earlier reading", "confidence": 0.5}
        else:
            source = old_sources.get(name)
            keep = row[name] is not None and (source or {}).get("source") in CONTEXT_SOURCES
        out[name] = row[name] if keep else new[name]
        if keep:
            sources[name] = source
    out["meta_sources"] = json.dumps(sources, ensure_ascii=False)
    return out
