"""Turn a page's bytes into NFC text, whatever its headers claim.

Order of evidence: a byte-order mark; valid UTF-8 with non-ASCII bytes (a
single-byte charset declared for UTF-8 bytes is the common portal mistake and
yields mojibake); the HTTP header; the ``<meta>`` declaration; detection.
windows-1258 pages decode to base letters plus combining tone marks, so the
result is always normalised to NFC.
"""

from __future__ import annotations

import codecs
import re

from common.textnorm import nfc

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']""")
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")  # lxml refuses it in a str: strip after decoding
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_ALIASES = {"windows-1258": "cp1258", "x-cp1258": "cp1258", "latin1": "iso-8859-1"}


def charset_from_content_type(content_type: str | None) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.I)
    return match.group(1) if match else None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = _ALIASES.get(name.strip().lower(), name.strip().lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(body: bytes, header_charset: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)`` for an HTML body; ``text`` is NFC."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return nfc(body[len(bom) :].decode(encoding, errors="replace")), encoding
    if not body.isascii():
        try:
            return nfc(body.decode("utf-8")), "utf-8"
        except UnicodeDecodeError:
            pass
    meta = _META_CHARSET.search(body[:4096]) or _XML_ENCODING.match(body[:200])
    declared = [_codec(header_charset), _codec(meta.group(1).decode("ascii", "ignore") if meta else None)]
    for encoding in declared:
        if encoding and encoding != "utf-8":
            try:
                return nfc(body.decode(encoding)), encoding
            except UnicodeDecodeError:
                continue
    text, encoding = _detect(body)
    return nfc(text), encoding


def _detect(body: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    encoding = best.encoding if best is not None else "utf-8"
    return body.decode(encoding, errors="replace"), encoding
