"""The day and month filled in by hand into a scanned header's date line.

Offices print "Phú Thọ, ngày    tháng 12 năm 2011" and write the day (often the month too)
when the document is numbered and sent. Tesseract's Vietnamese model reads print, not
handwriting: it gives "ngày | tháng", "ngày J2 tháng". PP-OCR's text-line recogniser (its
model ships in the ``rapidocr-onnxruntime`` wheel, the optional extra ``handwriting``) was
trained on lines that include handwriting and reads the whole date line, without marks:
"Phu Tho, ngay 07thang 12 nam 2011". It is run here by onnxruntime alone, on a crop of the
line Tesseract located, so neither rapidocr's detector nor OpenCV is loaded.

A date is taken only when it parses and agrees with what Tesseract read of the print: the year,
and the month when the month was printed. The day must be read with two digits and a month
of January or February too, as the rules on administrative documents want them written
(Thông tư 01/2011/TT-BNV, then Nghị định 30/2020/NĐ-CP: "ngày dưới 10 và tháng 1, 2 thì phải
ghi thêm số 0 ở trước"), so a digit the recogniser drops ("3" for "13") leaves no date rather
than a wrong one. Two crops of the line (tight and loose) must not disagree.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import math
import re
from datetime import date
from pathlib import Path

from common.textnorm import fold
from crawler.documents.layout import Box
from crawler.documents.ocr import page_scale

logger = logging.getLogger(__name__)

MODEL = "models/ch_PP-OCRv4_rec_infer.onnx"
HEIGHT = 48  # the recogniser's input height, in pixels
MIN_WIDTH = 320  # its narrowest input
MAX_WIDTH = 60 * HEIGHT  # its widest here: the model's memory grows with the width
MAX_LINE = 40  # points: a taller "line" is lines Tesseract ran together, no date line to crop
PADS = (0.15, 0.4)  # line heights added above and below the line's box: two crops, one reading
# folded: "ngay 07thang 12 nam 2011", "ngay04 thing01nam2021" (a letter of a word misread),
# "ngay/4, thang 12" (a stray comma)
_WRITTEN = r"([/|!lia^]?\d{1,2})[\s,.]*"  # a day or month, and what may stand after it
_DATE = re.compile(rf"ng\w{{0,2}}y\s*{_WRITTEN}th\w{{1,3}}g\s*{_WRITTEN}n\w{{0,2}}m\s*(\d{{4}})")
# a handwritten 1 is one stroke, which recognisers read as whatever stroke their alphabet has
# ("ngay/4" for 14, Tesseract too: "ngày/{4"), or, written with the long upstroke taught in
# Vietnam ("Λ"), as an A ("A6" for 16, "A3" for 13); it is taken for 1 only before one digit,
# where a day or a month written with two digits has its first (a 4, the other digit an A
# might be, begins no day or month)
_STROKE = re.compile(r"[/|!lia^](?=\d$)")
_PRINTED_MONTH = re.compile(r"th[aá]ng\s*(\d{1,2})\s*n", re.I)
_PRINTED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# the handwriting's ink (ink_groups): blue by this many levels over red (a third of it over green)
BLUE = 40
MIN_INK = 0.001  # share of the crop's pixels: less is a black-and-white scan's colour noise
GROUP_GAP = 0.7  # line heights between two strokes of one group ("1" and "6" of "16")
MIN_GROUP = 0.3  # line heights: a narrower group is a dot or a stray stroke


def model_path() -> Path | None:
    """The recogniser's model file, found without importing rapidocr (which imports OpenCV)."""
    if importlib.util.find_spec("onnxruntime") is None:
        return None
    spec = importlib.util.find_spec("rapidocr_onnxruntime")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        if (Path(folder) / MODEL).is_file():
            return Path(folder) / MODEL
    return None


@functools.lru_cache(maxsize=1)
def _recogniser():
    import onnxruntime

    options = onnxruntime.SessionOptions()
    # one thread, as Tesseract gets: the crawl's other work needs the other cores
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    options.log_severity_level = 3
    options.enable_cpu_mem_arena = False  # a few lines a scan: the arena's reserve cost 27 MiB for nothing
    session = onnxruntime.InferenceSession(str(model_path()), options, providers=["CPUExecutionProvider"])
    labels = ["", *session.get_modelmeta().custom_metadata_map["character"].splitlines(), " "]
    return session, labels


def read_line(image) -> str:
    """The text of one line of print or handwriting in a PIL ``image``, by PP-OCR's recogniser."""
    import numpy as np

    session, labels = _recogniser()
    # a line is some 20 heights wide: a box much wider is no line, and is squeezed, not fed whole
    width = max(1, min(MAX_WIDTH, math.ceil(HEIGHT * image.width / max(1, image.height))))
    pixels = np.asarray(image.convert("RGB").resize((width, HEIGHT)), dtype=np.float32)
    pixels = (pixels[:, :, ::-1].transpose(2, 0, 1) / 255.0 - 0.5) / 0.5  # trained on BGR, -1..1
    batch = np.zeros((1, 3, HEIGHT, max(width, MIN_WIDTH)), dtype=np.float32)
    batch[0, :, :, :width] = pixels
    scores = session.run(None, {session.get_inputs()[0].name: batch})[0][0]
    best = scores.argmax(axis=1)
    # CTC: a label repeated over steps is one character; label 0 is the blank between them
    kept = [b for i, b in enumerate(best) if b and (i == 0 or b != best[i - 1]) and b < len(labels)]
    return "".join(labels[b] for b in kept)


def agreed_date(readings: list[str], printed: str, ink: list[str] | None = None) -> date | None:
    """The date the recogniser's ``readings`` of a date line give, where they agree with each
    other and with Tesseract's reading of its print (``printed``): the year always, the
    month when Tesseract read one. ``ink``: the readings of the handwriting's own ink, each
    group of strokes apart (the day; then the month, when it was not printed). None when any
    of that fails."""
    year = _PRINTED_YEAR.findall(printed)
    month = _PRINTED_MONTH.search(printed)
    if not year:
        return None
    found = {day for day in map(_parsed, readings) if day}  # an impossible date is a failed reading
    inked = _from_ink(ink or [], int(year[-1]), int(month.group(1)) if month else None)
    if inked:
        found.add(inked)
    if len(found) != 1:
        return None
    day = found.pop()
    if day.year != int(year[-1]) or (month and int(month.group(1)) != day.month):
        return None
    return day


def _parsed(reading: str) -> date | None:
    found = _DATE.search(fold(reading))
    return _written(*map(_digits, found.groups())) if found else None


def _digits(written: str) -> str:
    """A day or month as read, its leading stroke taken for the 1 it is ("/4" is 14)."""
    return _STROKE.sub("1", written.strip())


def _from_ink(groups: list[str], year: int, month: int | None) -> date | None:
    """The day (and month) the handwriting's groups of strokes read: one group, the day, where
    the month is printed; two, the day and the month, where it is not."""
    groups = [_digits(g) for g in groups]
    if len(groups) != (1 if month else 2) or not all(g.isdigit() for g in groups):
        return None
    return _written(groups[0], groups[1] if month is None else f"{month:02d}", str(year))


def _written(day: str, month: str, year: str) -> date | None:
    """The date of a day, month and year as written; None where a digit was lost: the day is
    written with two digits, January and February too ("07", "01")."""
    if len(day) != 2 or (len(month) == 1 and month in "012"):
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def handwritten_date(body: bytes, index: int, box: Box, printed: str) -> date | None:
    """The date on page ``index``'s line at ``box`` (points) whose print Tesseract read as
    ``printed``, read again by PP-OCR; None without the model, or when the readings do not agree."""
    if model_path() is None or box.bottom - box.top > MAX_LINE:
        return None
    crops = _crops(body, index, box)
    readings = [read_line(crop) for crop in crops]
    ink = [read_line(group) for group in ink_groups(crops[-1], PADS[-1])]
    logger.debug("date line read as %r, its ink as %r (Tesseract: %r)", readings, ink, printed)
    return agreed_date(readings, printed, ink)


def ink_groups(image, pad: float) -> list:
    """The handwriting of a colour crop of a line (``pad`` line heights above and below it),
    black on white, one image a group of strokes standing apart (a day, a month); none on a
    black-and-white scan, or where there is little such ink. Offices write in blue: its
    strokes are told from the black print by their colour, and read without the print around."""
    import numpy as np
    from PIL import Image, ImageOps

    pixels = np.asarray(image.convert("RGB"), dtype=np.int16)
    red, green, blue = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    ink = (blue - red > BLUE) & (blue - green > BLUE // 3) & (pixels.sum(axis=2) < 600)
    if ink.mean() < MIN_INK:
        return []
    line = image.height / (1 + 2 * pad)
    columns = np.flatnonzero(ink.sum(axis=0) > 1)
    groups: list[list[int]] = []
    for x in columns:
        if groups and x - groups[-1][1] <= GROUP_GAP * line:
            groups[-1][1] = x
        else:
            groups.append([x, x])
    drawn = Image.fromarray(np.where(ink, 0, 255).astype("uint8"))
    out = []
    for left, right in groups:
        if right - left < MIN_GROUP * line:
            continue  # a dot, a stray stroke of the seal's edge
        rows = np.flatnonzero(ink[:, left:right + 1].any(axis=1))
        group = drawn.crop((left, rows[0], right + 1, rows[-1] + 1))
        out.append(ImageOps.expand(group, max(1, group.height // 3), fill=255))
    return out


def _crops(body: bytes, index: int, box: Box) -> list:
    """The line at ``box`` rendered in colour for each pad of :data:`PADS`."""
    import pypdfium2 as pdfium

    crops = []
    pdf = pdfium.PdfDocument(body)
    try:
        page = pdf[index]
        width, height = page.get_size()
        line = box.bottom - box.top
        for pad in PADS:
            top, bottom = max(0.0, box.top - pad * line), min(height, box.bottom + pad * line)
            cut = (max(0.0, box.left - line), height - bottom, max(0.0, width - box.right - line), top)
            crops.append(page.render(scale=page_scale((width, height)), crop=cut).to_pil())
        page.close()
    finally:
        pdf.close()
    return crops
