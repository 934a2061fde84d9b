"""The number and day an electronic signature stamps into a typed document's header.

Documents signed with a digital certificate (most provinces since 2020) are typed with the
number and the day left blank, ``Số:    /BC-UBND`` and ``ngày    tháng 12 năm 2025``; the
signing software draws them as the appearance of signature fields placed over the blanks.
Their text is in no text layer, so each such field in the top of the first page is rendered
(forms drawn, at 600 dpi) and read by Tesseract as one line of digits: the one in the left
column is the number, the first in the right column the day, a second there the month.
"""

from __future__ import annotations

import ctypes
import logging
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from crawler.documents.ocr import ocr_image, ocr_problem

logger = logging.getLogger(__name__)

DPI = 600
MARGIN = 8.0  # points around a field: the stamp's digits reach past its rectangle
HEADER = 0.7  # a field whose top is above this share of the page height is in the header
WIDGET = 20  # FPDF_ANNOT_WIDGET
INK = 40  # grey levels a pixel must change by to be the field's own ink
PAD = 40  # white pixels around the digits: Tesseract misses glyphs that touch the edge
SLANT = 0.2  # the shear that sets an italic digit upright
DIGITS = ("--psm", "7", "-c", "tessedit_char_whitelist=0123456789")


@dataclass(frozen=True)
class Stamped:
    number: str | None = None  # "329", to stand before the blank's "/BC-UBND"
    day: int | None = None
    month: int | None = None  # when the month was left blank too: a second field beside the day


def stamped_header(body: bytes, seconds: float = 30.0) -> Stamped:
    """What signature fields over the first page's header read; empty where OCR cannot run."""
    if ocr_problem():
        return Stamped()
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(body)
    except pdfium.PdfiumError:
        return Stamped()
    try:
        pdf.init_forms()
        page = pdf[0]
        fields = _header_fields(page)
        width = page.get_size()[0]
        read = [(left, _read(page, box, seconds)) for left, box in fields]
    except Exception as exc:  # noqa: BLE001 - PDFium on a damaged file: no stamp read
        logger.warning("stamped header not read: %s", exc)
        return Stamped()
    finally:
        pdf.close()
    number = next((d for left, d in read if left < width / 2 and d and len(d) <= 5), None)
    right = [int(d) for left, d in read if left >= width / 2 and d and len(d) <= 2]
    day = right[0] if right and 1 <= right[0] <= 31 else None
    month = right[1] if day and len(right) > 1 and 1 <= right[1] <= 12 else None
    return Stamped(number, day, month)


def last_signing_day(body: bytes) -> date | None:
    """The day of the file's last digital signature, as its signer's clock gave it (Vietnam's
    for these documents). Where the header was typed with blanks, the office that numbers and
    dates the document signs it in the same step, last, so this is the day it was issued.
    PDFium reads the signatures' /M; no OCR needed."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(body)
    except pdfium.PdfiumError:
        return None
    days = []
    try:
        for index in range(min(raw.FPDF_GetSignatureCount(pdf.raw), 50)):
            signature = raw.FPDF_GetSignatureObject(pdf.raw, index)
            size = raw.FPDFSignatureObj_GetTime(signature, None, 0)
            buffer = ctypes.create_string_buffer(max(size, 1))
            raw.FPDFSignatureObj_GetTime(signature, buffer, size)
            found = re.match(rb"D:(\d{4})(\d{2})(\d{2})", buffer.value)
            if found:
                try:
                    days.append(date(*(int(g) for g in found.groups())))
                except ValueError:
                    continue
    finally:
        pdf.close()
    return max(days) if days else None


def _header_fields(page) -> list[tuple[float, tuple[float, float, float, float]]]:
    import pypdfium2.raw as raw

    height = page.get_size()[1]
    fields = []
    for index in range(raw.FPDFPage_GetAnnotCount(page)):
        annot = raw.FPDFPage_GetAnnot(page, index)
        try:
            if raw.FPDFAnnot_GetSubtype(annot) != WIDGET:
                continue
            rect = raw.FS_RECTF()
            raw.FPDFAnnot_GetRect(annot, ctypes.byref(rect))
        finally:
            raw.FPDFPage_CloseAnnot(annot)
        if rect.top >= height * HEADER and rect.right - rect.left > 2:
            fields.append((rect.left, (rect.left, rect.bottom, rect.right, rect.top)))
    return sorted(fields)


def _read(page, box: tuple[float, float, float, float], seconds: float) -> str:
    """The digits a field draws. The typed words around the blank ("Số:", "/BC-UBND", "ngày",
    "tháng") fall inside the crop and make Tesseract read the line as text, so only the ink
    the field adds is kept: the crop rendered with and without forms, and their difference."""
    from PIL import Image, ImageChops, ImageOps

    width, height = page.get_size()
    left, bottom, right, top = box
    crop = (max(0.0, left - MARGIN), max(0.0, bottom - 3), max(0.0, width - right - MARGIN),
            max(0.0, height - top - 3))
    drawn = page.render(scale=DPI / 72, grayscale=True, may_draw_forms=True, crop=crop).to_pil()
    bare = page.render(scale=DPI / 72, grayscale=True, may_draw_forms=False, crop=crop).to_pil()
    ink = ImageChops.difference(drawn, bare).point(lambda v: 255 if v > INK else 0)
    stamp = Image.new("L", drawn.size, 255)
    stamp.paste(drawn, mask=ink)
    stamp = ImageOps.expand(stamp, PAD, fill=255)
    # Dates are often stamped in italics, whose slanted 1 Tesseract reads as nothing ("16"
    # became "6", "12" became "2"), so the ink is read as drawn and set upright. A reading is
    # taken only when it has as many digits as the ink has glyphs: a digit lost ("11" read
    # "1") would give a wrong date, and no date is better than a wrong one.
    upright = _upright(stamp)
    glyphs = max(_glyphs(stamp), _glyphs(upright))
    for image in (stamp, upright):
        reading = _digits(image, seconds)
        if len(reading) == glyphs:
            return reading
    return ""


def _glyphs(image) -> int:
    """How many glyphs stand side by side: the runs of columns with ink. Italic digits overlap
    in columns as drawn and upright ones once slanted, so the larger count of the two is right."""
    import numpy as np

    columns = (np.asarray(image) < 128).any(axis=0)
    return int(columns[0]) + int(np.sum(columns[1:] & ~columns[:-1]))


def _upright(image):
    from PIL import Image

    width, height = image.size
    return image.transform((width + int(height * SLANT), height), Image.AFFINE,
                           (1, -SLANT, 0, 0, 1, 0), fillcolor=255)


def _digits(image, seconds: float) -> str:
    with tempfile.TemporaryDirectory(prefix="govarchive-stamp-") as folder:
        path = Path(folder) / "field.png"
        image.save(path)
        return (ocr_image(path, seconds, DIGITS) or "").strip().replace(" ", "")
