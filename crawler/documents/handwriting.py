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
PADS = (0.15, 0.4)  # line heights added above and below the line's box: two crops, one reading
# folded: "ngay 07thang 12 nam 2011", "ngay04 thing01nam2021" (a letter of a word misread)
_DATE = re.compile(r"ng\w{0,2}y\s*(\d{1,2})\s*th\w{1,3}g\s*(\d{1,2})\s*n\w{0,2}m\s*(\d{4})")
_PRINTED_MONTH = re.compile(r"th[aá]ng\s*(\d{1,2})\s*n", re.I)
_PRINTED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


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
    session = onnxruntime.InferenceSession(str(model_path()), options, providers=["CPUExecutionProvider"])
    labels = ["", *session.get_modelmeta().custom_metadata_map["character"].splitlines(), " "]
    return session, labels


def read_line(image) -> str:
    """The text of one line of print or handwriting in a PIL ``image``, by PP-OCR's recogniser."""
    import numpy as np

    session, labels = _recogniser()
    width = max(1, math.ceil(HEIGHT * image.width / max(1, image.height)))
    pixels = np.asarray(image.convert("RGB").resize((width, HEIGHT)), dtype=np.float32)
    pixels = (pixels[:, :, ::-1].transpose(2, 0, 1) / 255.0 - 0.5) / 0.5  # trained on BGR, -1..1
    batch = np.zeros((1, 3, HEIGHT, max(width, MIN_WIDTH)), dtype=np.float32)
    batch[0, :, :, :width] = pixels
    scores = session.run(None, {session.get_inputs()[0].name: batch})[0][0]
    best = scores.argmax(axis=1)
    # CTC: a label repeated over steps is one character; label 0 is the blank between them
    kept = [b for i, b in enumerate(best) if b and (i == 0 or b != best[i - 1]) and b < len(labels)]
    return "".join(labels[b] for b in kept)


def agreed_date(readings: list[str], printed: str) -> date | None:
    """The date the recogniser's ``readings`` of a date line give, where they agree with each
    other and with Tesseract's reading of its print (``printed``): the year always, the
    month when Tesseract read one. None when any of that fails."""
    year = _PRINTED_YEAR.findall(printed)
    month = _PRINTED_MONTH.search(printed)
    found = {day for day in map(_parsed, readings) if day}  # an impossible date is a failed reading
    if len(found) != 1 or not year:
        return None
    day = found.pop()
    if day.year != int(year[-1]) or (month and int(month.group(1)) != day.month):
        return None
    return day


def _parsed(reading: str) -> date | None:
    found = _DATE.search(fold(reading))
    if not found:
        return None
    day, month, year = found.groups()
    if len(day) != 2 or (len(month) == 1 and month in "012"):  # written "07", "01": a digit lost
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def handwritten_date(body: bytes, index: int, box: Box, printed: str) -> date | None:
    """The date on page ``index``'s line at ``box`` (points) whose print Tesseract read as
    ``printed``, read again by PP-OCR; None without the model, or when the readings do not agree."""
    readings = _readings(body, index, box)
    logger.debug("date line read as %r (Tesseract: %r)", readings, printed)
    return agreed_date(readings, printed) if readings else None


def _readings(body: bytes, index: int, box: Box) -> list[str]:
    """The line at ``box`` read from each crop of :data:`PADS`; none without the model."""
    if model_path() is None:
        return []
    import pypdfium2 as pdfium

    readings = []
    pdf = pdfium.PdfDocument(body)
    try:
        page = pdf[index]
        width, height = page.get_size()
        line = box.bottom - box.top
        for pad in PADS:
            top, bottom = max(0.0, box.top - pad * line), min(height, box.bottom + pad * line)
            cut = (max(0.0, box.left - line), height - bottom, max(0.0, width - box.right - line), top)
            readings.append(read_line(page.render(scale=page_scale((width, height)), crop=cut).to_pil()))
        page.close()
    finally:
        pdf.close()
    return readings
