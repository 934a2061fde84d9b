"""Where each metadata field was read, how far to trust it, and the file name as a last source.

A researcher sees each field of a document with its source (the header, a signature field,
the listing row that linked the file, the file's name, ...) and a confidence, so a number
guessed from a file name is never mistaken for one printed in the header. The confidences
are levels by source, lowered when the text came from OCR; ``python -m tests.gold.documents
--sources`` prints how often each source was right on the real documents.
"""

from __future__ import annotations

import re
import unicodedata

from crawler.documents.metadata import TYPES, DocumentMeta

CONFIDENCE = {
    "header": 0.95,  # printed where Decree 30/2020 puts it
    "signature field": 0.85,  # digits an e-signature drew into the header's blank, read by OCR
    "signature time": 0.8,  # the day of the last digital signature, for a date left blank
    "handwriting": 0.75,  # a date line's handwritten day, read by a second OCR that agrees with the print
    "signature block": 0.9,
    "listing row": 0.9,  # the portal's own table of documents
    "symbol": 0.85,  # a type from the code in the number ("QĐ" is Quyết định)
    "signature stamp": 0.7,  # "Ký bởi:" names who signed the file, most often a body
    "subject": 0.7,  # a letter's "V/v" subject makes it a Công văn
    "link text": 0.6,
    "file name": 0.5,  # portals name files after the number, or after anything
}
FROM_TEXT = {"header", "signature block", "symbol", "subject"}  # read from the text itself
OCR_FACTOR = 0.85  # a text read by OCR has letters and digits wrong now and then

# "Số: J†§ /STTTT-CNTT", "Só:¿92 /TB-UBND", "Số: /74/UBND- KSTTHC": a symbol printed after a
# number that OCR could not read (handwritten, under a stamp)
_SYMBOL_AFTER = re.compile(r"(?i:\bs[oóốồ])(?:[^/\n]|/\d){0,14}"
                           r"(/\s*[A-ZĐ][\wĐđ&()]*(?:\s*-\s*[A-ZĐ(][\wĐđ&()]*)*)")
_CODES = {"cv": "Công văn", **{_code.lower(): _name for _code, _name in TYPES.items()}}
# what signing tools add to a file's name ("1009-ttg.signed.pdf", "x.signed.signed.kydauden.pdf")
_SIGNED = re.compile(r"(?:[._-](?:signed|kydauden|ky_?so))+$")
# codes a file name is read by only when the document's type says so: short, and as often a
# department's or a file's own letters ("pc04-275.pdf") as a rare type's
_NAMED_ONLY = {"tc", "pa", "da", "bb", "hđ", "gn", "tth", "guq", "ggt", "gnp", "pg", "pc", "pb", "nqlt",
               "vbhn", "gp", "gcn"}


def described(meta: DocumentMeta, ocr: bool) -> dict[str, dict[str, object]]:
    """``{field: {"source": ..., "confidence": ...}}`` for each field the metadata has."""
    out: dict[str, dict[str, object]] = {}
    for name, source in meta.sources.items():
        confidence = CONFIDENCE.get(source, 0.5) * (OCR_FACTOR if ocr and source in FROM_TEXT else 1.0)
        out[name] = {"source": source, "confidence": round(confidence, 2)}
    return out


def printed_symbol(head: str) -> str | None:
    """The symbol of a "Số" line whose number could not be read ("/STTTT-CNTT")."""
    found = _SYMBOL_AFTER.search(head)
    return re.sub(r"\s+", "", found.group(1)) if found else None


def number_from_file_name(file_name: str, symbol: str, doc_type: str | None) -> str | None:
    """The number before ``symbol`` from a file name that carries it: the name is only the
    number ("275.pdf"), or the number stands beside the type's code ("cv275", "qd-1009"), the
    symbol's first part ("275-STTTT") or, a word of its own, beside another part of it whole
    ("298 PC04" for 298/TTr-CAT-PC04), in that order. One such number, or none."""
    stem = _SIGNED.sub("", _fold(file_name.rsplit(".", 1)[0]))
    parts = [p.lower() for p in symbol.strip("/").split("-") if p]
    if number := _only_number(stem):
        return number + symbol
    type_codes = {c for c, name in _CODES.items()
                  if doc_type == name or (doc_type is None and c not in _NAMED_ONLY)}
    for codes in (type_codes, {_fold(p) for p in parts[:1]}):
        found = set()
        for match in re.finditer(r"(?<!\d)\d{1,5}(?!\d)", stem):
            before = re.search(r"([a-z]+)[-_ .]?$", stem[:match.start()])
            after = re.match(r"[-_ .]?([a-z]+)", stem[match.end():])
            if (before and before.group(1) in codes) or (after and after.group(1) in codes):
                found.add(match.group())
        if found:
            return found.pop() + symbol if len(found) == 1 else None
    return _beside_part(stem, parts, symbol)


def _only_number(stem: str) -> str | None:
    """The number a name is made of: alone ("275"), or after the time stamp or id an upload
    put before the name it was given, joined by a mark no name is written with
    ("2011_12_28_0904000000972844!~!275": eight digits or more, then "!~!"). A name's own
    "_1" or "-2" (a copy, a part) is no number."""
    stamp, join, name = re.fullmatch(r"(?:(.*?)([^a-z0-9]+))?([a-z0-9]*)", stem).groups()
    if not re.fullmatch(r"\d{1,5}", name):
        return None
    if stamp is None:
        return name
    stamped = re.fullmatch(r"[\d_. -]*", stamp) and sum(c.isdigit() for c in stamp) >= 8
    return name if stamped and not re.fullmatch(r"[-_. ]+", join) else None


def _beside_part(stem: str, parts: list[str], symbol: str) -> str | None:
    """The number standing as a word of the name next to a word that is a part of the symbol,
    digits and all ("298 pc04": PC04 is the unit the number was given in)."""
    words = re.split(r"[-_ .]+", stem)
    whole = {folded for p in parts if re.search(r"[a-z]", folded := _fold(p))}
    found = {word for i, word in enumerate(words) if re.fullmatch(r"\d{1,5}", word)
             and {words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else ""} & whole}
    return found.pop() + symbol if len(found) == 1 else None


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn")
