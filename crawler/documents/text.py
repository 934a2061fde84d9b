"""The text of a document file, by kind: PDF, Word, spreadsheets, OpenDocument, RTF, archives.

Each reader takes the file's bytes and returns :class:`DocumentText`; none raises
on a bad file: a damaged, encrypted or unreadable file is kept with an empty text
and a ``note`` saying why. Limits (pages, rows, unpacked size, seconds for the
external ``antiword``/``catdoc``) keep a hostile file from taking unbounded time or
memory. Text is NFC, converted from TCVN3/VNI when a file was typed in those fonts.
"""

from __future__ import annotations

import io
import logging
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from common.legacy import to_unicode
from common.textnorm import is_vietnamese
from crawler.documents.layout import Box

logger = logging.getLogger(__name__)

MAX_PAGES = 1000  # PDF pages read for their text layer
MAX_ROWS = 20000  # spreadsheet rows
MAX_CHARS = 4_000_000  # text kept per document
MAX_UNPACKED = 200 << 20  # bytes a DOCX/XLSX/ODT may unpack to (a zip bomb unpacks to gigabytes)
TOOL_SECONDS = 60
# A signed PDF whose pages are scans carries only the signature stamp as text.
SIGNATURE_LINE = re.compile(r"^\s*(ký bởi|ky boi|signed by|email|cơ quan|co quan|thời gian ký|"
                            r"ngày ký|chức vụ|tổ chức)\s*:", re.I)
MIN_PAGE_CHARS = 40  # a page with less text than this (stamp aside) is a scan: OCR it


@dataclass
class DocumentText:
    text: str = ""
    method: str | None = None  # pdf, docx, doc, xlsx, xls, odt, pptx, rtf, zip, ocr, pdf+ocr
    pages: int | None = None
    note: str = ""
    encoding: str | None = None  # tcvn3 or vni when converted from a legacy font encoding
    scanned_pages: list[int] = field(default_factory=list)  # PDF pages without a text layer
    page_texts: list[str] = field(default_factory=list)  # a PDF's text, page by page
    ocr_pending: bool = False  # scanned pages wait for OCR (off, or not installed)
    signature_block: tuple[int, Box] | None = None  # the OCR'd page and box of the signature block
    date_line: tuple[Box, str] | None = None  # the first page's date line, when OCR read that page


def read_text(body: bytes, kind: str) -> DocumentText:
    reader = READERS.get(kind)
    if reader is None:
        return DocumentText(note=f"no text reader for {kind} files")
    try:
        result = reader(body)
    except Exception as exc:  # every library raises its own kinds on a damaged file
        logger.info("cannot read %s: %s", kind, exc)
        return DocumentText(note=f"damaged or unreadable {kind}: {_short(exc)}")
    return finish(result)


def finish(result: DocumentText) -> DocumentText:
    """The text joined from its pages, capped, converted from a legacy encoding, NFC, tidied."""
    if result.page_texts:
        result.text = "\n\n".join(t.strip() for t in result.page_texts)
    text, encoding = to_unicode(result.text[:MAX_CHARS])
    result.text, result.encoding = _tidy(text), encoding
    return result


def page_needs_ocr(text: str) -> bool:
    """A page whose only text is a signature stamp ("Ký bởi: ...") or nothing at all."""
    kept = [line for line in text.splitlines() if line.strip() and not SIGNATURE_LINE.match(line)]
    return len("".join(kept).strip()) < MIN_PAGE_CHARS


def pages_to_ocr(texts: list[str]) -> list[int]:
    """The pages to OCR: those without text, or every page when the first with text is a
    scanner's OCR layer that did not know Vietnamese (``c6c chi s5``, ``Ldm D6ng``) or that
    wrote its text in a font without a Unicode map (``BØ CÔNG AN``, ``TÈNH LÂM \x10ÒNG``). A
    scanner OCRs a whole file at once, so its first page tells, for one check per document."""
    empty = [i for i, text in enumerate(texts) if page_needs_ocr(text)]
    first = next((text for i, text in enumerate(texts) if i not in empty), None)
    bad = first is not None and (garbled(first) or unmapped(first))
    return list(range(len(texts))) if bad else empty


_MIXED = re.compile(r"^[^\W\d_]+\d[^\W\d_]*$|^[^\W\d_]*\d[^\W\d_]+$")  # b6o, c6c, Ph6, 6ng


def garbled(text: str) -> bool:
    """An OCR layer made without Vietnamese: letters with diacritics came out as digits inside
    words, and the few marked letters a Vietnamese text has everywhere are missing."""
    if is_vietnamese(text):
        return False
    words = [w.strip(".,;:()") for w in text[:3000].split()]
    words = [w for w in words if any(c.isalpha() for c in w)]
    return len(words) >= 30 and sum(1 for w in words if _MIXED.match(w)) >= 0.05 * len(words)


_UNMAPPED = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]")


def unmapped(text: str) -> bool:
    """A text layer drawn in a font whose codes map to no Unicode letters: PDFium gives the raw
    codes, control characters and private-use points amid the letters. A sound layer has none;
    a stray one (a bullet from a symbol font) is not enough."""
    found = len(_UNMAPPED.findall(text[:5000]))
    return found >= 3 and found >= 0.002 * min(len(text), 5000)


def _pdf(body: bytes) -> DocumentText:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(body)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            return DocumentText(method=None, note="encrypted PDF: no text without its password")
        return _pdf_fallback(body, exc)
    try:
        count = len(pdf)
        texts = []
        for index in range(min(count, MAX_PAGES)):
            page = pdf[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    note = f"text of the first {MAX_PAGES} of {count} pages" if count > MAX_PAGES else ""
    scanned = pages_to_ocr(texts)
    return DocumentText("", "pdf", count, note, scanned_pages=scanned, page_texts=texts)


def _pdf_fallback(body: bytes, first: Exception) -> DocumentText:
    """pypdf reads some files PDFium refuses (broken cross-reference tables)."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(body), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return DocumentText(note="encrypted PDF: no text without its password")
        pages = reader.pages[:MAX_PAGES]
        texts = [page.extract_text() or "" for page in pages]
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on garbage
        return DocumentText(note=f"damaged PDF: {_short(first)}; pypdf: {_short(exc)}")
    scanned = pages_to_ocr(texts)
    return DocumentText("", "pdf", len(reader.pages), "read with pypdf", scanned_pages=scanned,
                        page_texts=texts)


def _docx(body: bytes) -> DocumentText:
    import docx

    _check_unpacked(body)
    document = docx.Document(io.BytesIO(body))
    lines = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            lines.extend("\t".join(cell.text for cell in row.cells) for row in block.rows[:MAX_ROWS])
        else:
            lines.append(block.text)
    return DocumentText("\n".join(lines), "docx")


def _doc(body: bytes) -> DocumentText:
    """Word 97-2003 through Debian's antiword (catdoc when antiword gives up)."""
    for tool, args in (("antiword", ["-m", "UTF-8.txt", "-w", "0"]), ("catdoc", ["-d", "utf-8", "-w"])):
        if not shutil.which(tool):
            continue
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "file.doc"
            path.write_bytes(body)
            try:
                run = subprocess.run([tool, *args, str(path)], capture_output=True, timeout=TOOL_SECONDS)
            except subprocess.TimeoutExpired:
                continue
        if run.returncode == 0 and run.stdout.strip():
            return DocumentText(run.stdout.decode("utf-8", "replace"), "doc")
    if not (shutil.which("antiword") or shutil.which("catdoc")):
        return DocumentText(note="Word 97-2003 file: install antiword or catdoc to read its text")
    return DocumentText(note="Word 97-2003 file that antiword and catdoc cannot read")


def _xlsx(body: bytes) -> DocumentText:
    import openpyxl

    _check_unpacked(body)
    book = openpyxl.load_workbook(io.BytesIO(body), read_only=True, data_only=True)
    lines, rows = [], 0
    for sheet in book.worksheets:
        lines.append(f"# {sheet.title}")
        for row in sheet.iter_rows(values_only=True):
            rows += 1
            if rows > MAX_ROWS:
                break
            cells = ["" if v is None else str(v) for v in row]
            if any(cells):
                lines.append("\t".join(cells).rstrip("\t"))
    book.close()
    return DocumentText("\n".join(lines), "xlsx", note=f"first {MAX_ROWS} rows" if rows > MAX_ROWS else "")


def _xls(body: bytes) -> DocumentText:
    import xlrd

    book = xlrd.open_workbook(file_contents=body, on_demand=True)
    lines = []
    for sheet in book.sheets():
        lines.append(f"# {sheet.name}")
        for r in range(min(sheet.nrows, MAX_ROWS)):
            lines.append("\t".join(str(v) for v in sheet.row_values(r)).rstrip("\t"))
    return DocumentText("\n".join(lines), "xls")


_XML_TEXT = {  # zip member pattern -> the elements that hold a paragraph, for OpenDocument and PowerPoint
    "odt": (re.compile(r"^content\.xml$"), ("{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p",
                                            "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}h")),
    "ods": (re.compile(r"^content\.xml$"), ("{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p",)),
    "pptx": (re.compile(r"^ppt/slides/slide\d+\.xml$"),
             ("{http://schemas.openxmlformats.org/drawingml/2006/main}p",)),
}


def _zipped_xml(kind: str):
    pattern, tags = _XML_TEXT[kind]

    def read(body: bytes) -> DocumentText:
        _check_unpacked(body)
        archive = zipfile.ZipFile(io.BytesIO(body))
        names = sorted((n for n in archive.namelist() if pattern.match(n)), key=_natural)
        lines = []
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        for name in names:
            root = etree.fromstring(archive.read(name), parser)
            lines.extend("".join(el.itertext()) for el in root.iter(*tags))
        return DocumentText("\n".join(lines), kind, len(names) if kind == "pptx" else None)
    return read


def _rtf(body: bytes) -> DocumentText:
    from striprtf.striprtf import rtf_to_text

    return DocumentText(rtf_to_text(body[:MAX_CHARS].decode("latin-1"), errors="ignore"), "rtf")


def _zip(body: bytes) -> DocumentText:
    """An archive of files: its table of contents (what it holds is named, not unpacked)."""
    archive = zipfile.ZipFile(io.BytesIO(body))
    names = [_zip_name(info) for info in archive.infolist()[:5000]]
    return DocumentText("\n".join(names), "zip", note=f"archive of {len(archive.infolist())} files")


def _zip_name(info: zipfile.ZipInfo) -> str:
    if info.flag_bits & 0x800:  # UTF-8 names
        return info.filename
    return info.filename.encode("cp437", "replace").decode("utf-8", "replace")  # Windows zips


def _check_unpacked(body: bytes) -> None:
    total = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(body)).infolist())
    if total > MAX_UNPACKED:
        raise ValueError(f"unpacks to {total >> 20} MiB (over {MAX_UNPACKED >> 20} MiB): a zip bomb?")


def _natural(name: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def _tidy(text: str) -> str:
    lines = [" ".join(line.split()) if "\t" not in line else line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."


READERS = {"pdf": _pdf, "docx": _docx, "doc": _doc, "xlsx": _xlsx, "xls": _xls, "rtf": _rtf, "zip": _zip,
           "odt": _zipped_xml("odt"), "ods": _zipped_xml("ods"), "pptx": _zipped_xml("pptx")}
