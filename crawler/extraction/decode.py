"""Turn a page's bytes into NFC text, whatever its headers claim.

Order of evidence: a byte-order mark; valid UTF-8 with non-ASCII bytes (a
single-byte charset declared for UTF-8 bytes is the common portal mistake and
yields mojibake); the HTTP header; the ``<meta>`` declaration; detection.
windows-1258 pages decode to base letters plus combining tone marks, so the
result is always normalised to NFC.

Pages typed in a pre-Unicode Vietnamese font name it (TCVN3's ``.VnTime``, VNI's
``VNI-Times``) and their text decodes to Latin-1 symbols ("B¶o Th¾ng"): such a page is
converted (``common.legacy``) when it names the font and its text reads as that encoding.
Both are needed: the same symbols are French and German text's (« · ¬) on pages that name
no such font. A page whose UTF-8 was read as Windows-1252 before it was served ("Huyá»‡n") is
repaired by ftfy (:func:`from_mojibake`) where its extracted text shows those signs.
"""

from __future__ import annotations

import codecs
import html
import re

import ftfy

from common.legacy import TCVN3, VNI, from_tcvn3, from_vni, legacy_encoding
from common.textnorm import nfc

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']""")
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")  # lxml refuses it in a str: strip after decoding
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_ALIASES = {"windows-1258": "cp1258", "x-cp1258": "cp1258", "latin1": "iso-8859-1"}
# a font named in a face attribute or a font-family list: ".VnTime", ".VnArialH", "VNI-Times"
_LEGACY_FONT = re.compile(r"(?:face|font-family)\s*[=:][^;>}]{0,80}?(?<![\w-])(?:\.vn[a-z]|vni[- ][a-z])",
                          re.I)
_LEGACY_FONT_BYTES = re.compile(_LEGACY_FONT.pattern.encode(), re.I)
_MARKUP = re.compile(r"<(script|style)\b.*?</\1>|<[^>]*>", re.I | re.S)
_ENTITY = re.compile(r"&(?:#\d{2,4}|#x[0-9a-f]{2,4}|[a-z]{2,8});", re.I)
_LEGACY_CHARS = frozenset(TCVN3) | frozenset("".join(VNI))
# an element set in one of TCVN3's capitals fonts (".VnTimeH", ".VnArialH"), up to its end tag
# (a heading's length at most: an element left open is not read to the end of the page)
_CAPITALS_FONT = re.compile(r"<(font|span|p|div|td|b|strong|h[1-6])\b((?:[^>]*?)(?:face|font-family)\s*[=:]"
                            r"[^>]{0,80}?\.vn\w*(?-i:H)\b[^>]*>)(.{0,2000}?)</\1\s*>", re.I | re.S)
_TEXT_OR_MARKUP = re.compile(r"<[^>]*>|&[#\w]+;|[^<&]+")


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


# Vietnamese letters' UTF-8 read as Windows-1252 or Latin-1: the lead bytes of ạ-ỹ ("Huyá»‡n", "Ä‘Æ°á»ng");
# not "Ã" and a byte, which a heading in capitals writes itself ("XÃ&nbsp;PHÚ LỢI" is "XÃ PHÚ LỢI")
MOJIBAKE = re.compile("á[»º]|Æ[°¯]|Ä‘")
# only the encoding's repair: the page's quotes, entities and line breaks stay as they are
_ENCODING_ONLY = ftfy.TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False, fix_character_width=False,
    uncurl_quotes=False, fix_line_breaks=False, remove_control_chars=False, normalization=None, explain=False)


def from_mojibake(text: str, encoding: str) -> tuple[str, str] | None:
    """A page whose text was UTF-8 read as Windows-1252 before it was stored or served (an old
    CMS's database, a copy through the wrong charset), repaired line by line by ftfy, and its
    encoding ending ``+mojibake``; None where nothing was to repair. Asked only where the
    extracted text shows the signs (:data:`MOJIBAKE`): ftfy reads a whole page in tens of ms."""
    fixed = ftfy.fix_text(text, _ENCODING_ONLY)
    return (nfc(fixed), f"{encoding}+mojibake") if fixed != text else None


def from_legacy_font(text: str, encoding: str) -> tuple[str, str] | None:
    """A decoded page in Unicode, and its encoding ending ``+tcvn3`` or ``+vni``, where it names a
    legacy font and its text reads as that encoding; None otherwise. Looked for only once the
    extracted text shows the encodings' signs (``common.legacy.has_signs``): the search for a
    font name costs a tenth of an extraction on every page."""
    if not _LEGACY_FONT.search(text):
        return None
    legacy = legacy_encoding(html.unescape(_MARKUP.sub(" ", text)))
    if legacy is None:
        return None
    # the font's symbols written as entities ("B&para;o") are its letters too
    text = _ENTITY.sub(lambda m: c if (c := html.unescape(m.group())) in _LEGACY_CHARS else m.group(), text)
    if legacy == "vni":
        return from_vni(text), f"{encoding}+vni"
    # TCVN3's capitals are a second font's glyphs for the same codes (".VnTimeH"): what is set in
    # one is read in capitals, as it was shown
    return _CAPITALS_FONT.sub(_in_capitals, from_tcvn3(text)), f"{encoding}+tcvn3"


def _in_capitals(element: re.Match) -> str:
    inner = _TEXT_OR_MARKUP.sub(lambda m: m.group() if m.group()[0] in "<&" else m.group().upper(),
                                element.group(3))
    return f"<{element.group(1)}{element.group(2)}{inner}</{element.group(1)}>"


def _detect(body: bytes) -> tuple[str, str]:
    if _LEGACY_FONT_BYTES.search(body[:200_000]):
        # an 8-bit legacy font was shown through Windows' Western charset: detection guessed
        # another (ISO-8859-10), whose letters are not the font's
        return body.decode("cp1252", errors="replace"), "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    encoding = best.encoding if best is not None else "utf-8"
    return body.decode(encoding, errors="replace"), encoding
