"""What a downloaded file is: decided by its bytes first, then by what the server says.

Portals serve documents as ``application/octet-stream`` behind handlers such as
``DownloadFile.aspx?id=12``, name DOCX files ``.doc``, and answer a dead
``.pdf`` link with an HTML error page; the extension alone decides nothing.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from email.message import Message
from urllib.parse import unquote, urlsplit

KINDS = {  # kind -> MIME type stored
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
    "rtf": "application/rtf",
    "zip": "application/zip",
    "rar": "application/vnd.rar",
    "7z": "application/x-7z-compressed",
}
_MIME_KINDS = {mime: kind for kind, mime in KINDS.items()} | {
    "application/x-pdf": "pdf", "text/rtf": "rtf", "application/x-zip-compressed": "zip",
    "application/x-rar-compressed": "rar", "application/vnd.ms-word": "doc",
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003, Excel 97-2003, PowerPoint
_HTML = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<(?:!doctype )?html)", re.I)


def file_name(url: str, disposition: str = "") -> str:
    """The file's name: Content-Disposition's ``filename`` (or ``filename*``), else the URL's."""
    if disposition:
        message = Message()
        message["content-disposition"] = disposition
        name = message.get_filename()
        if name:
            return posixpath.basename(name.replace("\\", "/"))[:200]
    return unquote(posixpath.basename(urlsplit(url).path))[:200]


def is_html(body: bytes) -> bool:
    return bool(_HTML.match(body[:512]))


def sniff(body: bytes, content_type: str = "", name: str = "") -> str | None:
    """The document kind (a key of :data:`KINDS`), or None for HTML and anything else."""
    head = body[:8]
    if head.startswith(b"%PDF-") or b"%PDF-" in body[:1024]:
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"Rar!"):
        return "rar"
    if head.startswith(b"7z\xbc\xaf"):
        return "7z"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(body)
    if head.startswith(_OLE):
        return _ole_kind(content_type, name)
    if is_html(body):
        return None
    mime = content_type.split(";", 1)[0].strip().lower()
    return _MIME_KINDS.get(mime)  # bytes we cannot place: trust a document type the server names


IMAGES = ((b"\x89PNG", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF8", "gif"), (b"RIFF", "riff"))


def not_a_page(body: bytes) -> str | None:
    """What a body is by its bytes when no page: a document's kind ("pdf") or an image's ("png"), else
    None. A server may serve either as ``text/html``; read as a page, a PDF held extraction for
    its whole time budget."""
    if is_html(body):
        return None
    return sniff(body) or next((what for magic, what in IMAGES if body.startswith(magic)), None)


def _zip_kind(body: bytes) -> str:
    """A zip's kind from its members; a damaged zip is a zip (its reader says what is wrong)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(body))
        names = set(archive.namelist()[:2000])
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "ppt/presentation.xml" in names:
            return "pptx"
        if "content.xml" in names and "mimetype" in names:
            return "ods" if b"spreadsheet" in archive.read("mimetype")[:100] else "odt"
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error):
        pass
    return "zip"


def _ole_kind(content_type: str, name: str) -> str:
    """Word, Excel and PowerPoint 97-2003 share one container; the name or type tells them apart."""
    hint = f"{content_type} {name}".lower()
    if "excel" in hint or name.lower().endswith(".xls"):
        return "xls"
    if "powerpoint" in hint or name.lower().endswith(".ppt"):
        return "ppt"
    return "doc"


def declared_document(content_type: str, disposition: str) -> bool:
    """Whether the server says this response is a file to keep (not a page to read)."""
    mime = content_type.split(";", 1)[0].strip().lower()
    return mime in _MIME_KINDS or mime == "application/octet-stream" or "attachment" in disposition.lower()
