"""One downloaded file to one archive record: kind, text (OCR for scans), metadata.

Pure and synchronous: the crawl's documents stage runs it in a worker thread,
``reextract`` and ``govarchive ocr`` run it on the WARC copy.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import asdict, dataclass, field

from crawler.documents.citations import citations
from crawler.documents.detect import KINDS, file_name, sniff
from crawler.documents.handwriting import handwritten_date, model_path
from crawler.documents.layout import Box
from crawler.documents.metadata import (
    DocumentMeta,
    blanks,
    document_meta,
    header_text,
    type_of,
    with_signing_day,
    with_stamps,
)
from crawler.documents.ocr import MAX_OCR_PAGES, OcrPage, OcrUnavailable, ocr_pdf_pages, ocr_signature
from crawler.documents.ocrfix import mend
from crawler.documents.signature import signer_of
from crawler.documents.sources import described, number_from_file_name, printed_symbol
from crawler.documents.stamps import last_signing_day, stamped_header
from crawler.documents.text import DocumentText, finish, read_text

logger = logging.getLogger(__name__)
# a header laid out by Decree 30/2020 (or the Party's): the motto, a "Số" line or a date line
_ADMINISTRATIVE = re.compile(r"CỘNG H[OÒ]A XÃ HỘI|ĐẢNG CỘNG SẢN|Độc lập\s*[-–]\s*Tự do|^\s*Số\s*[:.]",
                             re.I | re.M)


@dataclass
class DocumentRecord:
    file_name: str
    kind: str
    mime: str
    size: int
    sha256: str
    text: str
    text_method: str | None
    pages: int | None
    encoding: str | None
    ocr_pending: int
    note: str
    number: str | None
    doc_type: str | None
    issuer: str | None
    issued_on: str | None
    signer: str | None
    subject: str | None
    citations: list[dict] = field(default_factory=list)  # the documents it cites (citations.py)
    meta_sources: str | None = None  # JSON: {field: {"source": ..., "confidence": ...}} (sources.py)

    def stored(self) -> dict:
        return asdict(self)


def process_document(body: bytes, url: str, content_type: str = "", disposition: str = "",
                     row: list[str] | None = None, link_text: str = "", ocr: bool = True,
                     ocr_pages: int = MAX_OCR_PAGES) -> DocumentRecord | None:
    """The record of a file, or None when the bytes are no document (an HTML page)."""
    name = file_name(url, disposition)
    kind = sniff(body, content_type, name)
    if kind is None:
        return None
    text = read_text(body, kind)
    if text.scanned_pages:
        text = _with_ocr(body, text, ocr, ocr_pages)
    meta = document_meta(text.text, row, link_text)
    if kind == "pdf" and (meta.number is None or meta.issued_on is None) and any(blanks(text.text)):
        if ocr:
            stamped = stamped_header(body)
            meta = with_stamps(meta, text.text, stamped.number, stamped.day, stamped.month)
        meta = with_signing_day(meta, text.text, last_signing_day(body))
    if meta.signer is None and text.signature_block:
        meta.take("signer", _signer_under_seal(body, text), "signature block")
    head = header_text(text.text)
    meta = _with_handwriting(_with_file_name(meta, head, name), body, text)
    if (text.method or "").endswith("ocr") and meta.subject and meta.sources.get("subject") == "header":
        meta.subject = mend(meta.subject, text.text)  # OCR's slips of diacritics, by the body's spelling
    note = "; ".join(filter(None, [text.note, _unread(meta, head, text)]))
    return DocumentRecord(
        file_name=name, kind=kind, mime=KINDS[kind], size=len(body),
        sha256=hashlib.sha256(body).hexdigest(), text=text.text, text_method=text.method,
        pages=text.pages, encoding=text.encoding, ocr_pending=int(text.ocr_pending), note=note,
        **{k: getattr(meta, k) for k in ("number", "doc_type", "issuer", "issued_on", "signer", "subject")},
        citations=[c.row() for c in citations(text.text)],
        meta_sources=json.dumps(described(meta, (text.method or "").endswith("ocr")), ensure_ascii=False),
    )


def _with_file_name(meta: DocumentMeta, head: str, name: str) -> DocumentMeta:
    """The number from the file's name where the header prints its symbol but OCR could not
    read the number before it (handwritten, or under a stamp)."""
    symbol = printed_symbol(head) if meta.number is None else None
    number = number_from_file_name(name, symbol, meta.doc_type) if symbol else None
    if number:
        meta.take("number", number, "file name")
        if meta.doc_type is None:
            meta.take("doc_type", type_of([], number, meta.subject, [], [])[0], "file name")
    return meta


def _with_handwriting(meta: DocumentMeta, body: bytes, text: DocumentText) -> DocumentMeta:
    """The date a scan's header has written by hand, read again by PP-OCR where Tesseract's
    reading gave none. Not the number: a digit PP-OCR drops from it leaves a number as likely
    as the right one ("93" for "493"), where a date's day and month are written with two digits."""
    if meta.issued_on is None and text.date_line:
        try:
            day = handwritten_date(body, 0, *text.date_line)
        except Exception as exc:  # noqa: BLE001 - PDFium or the model on a damaged file: the date stays unread
            logger.warning("handwritten date not read: %s", exc)
            day = None
        meta.take("issued_on", day.isoformat() if day else None, "handwriting")
    return meta


def _signer_under_seal(body: bytes, text: DocumentText) -> str | None:
    """The signer read again from the signature block OCR found, its red seal taken out."""
    index, box = text.signature_block
    try:
        block = ocr_signature(body, index, box)
    except Exception as exc:  # noqa: BLE001 - PDFium on a damaged page: the signer stays unread
        logger.warning("OCR of the signature block failed: %s", exc)
        return None
    return signer_of(block.splitlines(), "")[0] if block else None


def _signature_block(pages: dict[int, OcrPage]) -> tuple[int, Box] | None:
    """The first page's block found beside "Nơi nhận" (a file may hold a second document after
    the first), else the last page's found by its authority line (the first pages of a decision
    have its title authority)."""
    found = sorted((i, p) for i, p in pages.items() if p.signature)
    named = [(i, p.signature) for i, p in found if p.recipients]
    if named:
        return named[0]
    return (found[-1][0], found[-1][1].signature) if found else None


def _unread(meta: DocumentMeta, head: str, text: DocumentText) -> str:
    """What an administrative document's header did not give, said instead of guessed, and
    what would read a handwritten day where the recogniser is not installed."""
    if not _ADMINISTRATIVE.search(head):
        return ""
    missing = [label for label, value in (("number", meta.number), ("date issued", meta.issued_on))
               if not value]
    if not missing:
        return ""
    hint = ("; `pip install 'govarchive[handwriting]'` and then `govarchive reextract` read handwritten days"
            if not meta.issued_on and text.date_line and model_path() is None else "")
    return f"header: {' and '.join(missing)} not read (handwritten or unreadable){hint}"


def _with_ocr(body: bytes, text: DocumentText, ocr: bool, max_pages: int) -> DocumentText:
    """Scanned pages replaced by their OCR text, or the document marked to wait for OCR."""
    pages = text.scanned_pages[:max_pages]
    notes = [text.note] if text.note else []
    if not ocr:
        notes.append(f"{len(text.scanned_pages)} scanned pages wait for `govarchive ocr`")
        text.note, text.ocr_pending = "; ".join(notes), True
        return text
    try:
        found = ocr_pdf_pages(body, pages)
    except OcrUnavailable as exc:
        notes.append(f"{len(text.scanned_pages)} scanned pages not read: {exc}; run `govarchive ocr` later")
        text.note, text.ocr_pending = "; ".join(notes), True
        return text
    except Exception as exc:  # noqa: BLE001 - PDFium on a damaged page: keep the text layer
        logger.warning("OCR failed: %s", exc)
        text.note = "; ".join([*notes, f"OCR failed: {exc}"])
        return text
    for index, page in found.items():
        text.page_texts[index] = page.text
    text.signature_block = _signature_block(found)
    text.date_line = found[0].date_line if 0 in found else None
    text.scanned_pages = [i for i in text.scanned_pages if i not in found]
    text.method = "ocr" if len(found) == len(text.page_texts) else "pdf+ocr"
    if len(found) < len(pages):
        notes.append(f"OCR failed on {len(pages) - len(found)} pages")
    if len(text.scanned_pages) > len(pages) - len(found):
        notes.append(f"OCR of the first {max_pages} scanned pages only")
    text.note = "; ".join(notes)
    return finish(text)


__all__ = ["DocumentRecord", "process_document"]
