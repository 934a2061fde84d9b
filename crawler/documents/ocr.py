"""OCR of scanned PDF pages with Tesseract's Vietnamese model (Debian ``tesseract-ocr-vie``).

Tesseract runs as a subprocess, one thread (``OMP_THREAD_LIMIT=1``: its own
threads only fight the crawl for the cores), with a time limit per page and a
limit on pages per document. PDFium renders each page at 300 dpi in grey. Tesseract gives
words with their boxes (TSV), laid out again in lines with the columns apart (``layout``).
Without Tesseract or its ``vie`` model the document is kept with
``ocr_pending`` and ``govarchive ocr`` does it later.

The seal is stamped in red over the signature and the signer's name; in grey it is as dark as
the print and Tesseract reads neither. Where the page OCR found no signer,
:func:`ocr_signature` reads the signature block again from the red channel of a colour
render, in which red ink is as light as the paper and black print stays dark.
"""

from __future__ import annotations

import functools
import logging
import math
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from crawler.documents.layout import Box, date_line, page_text, signature_box, text_of, words_of

logger = logging.getLogger(__name__)

DPI = 300
MAX_PIXELS = 25_000_000  # a page that would render larger renders smaller (A4 at 300 dpi: 8.7 million)
PAGE_SECONDS = 120.0
MAX_OCR_PAGES = 20


class OcrUnavailable(Exception):
    """Tesseract or its Vietnamese model is not installed."""


@functools.cache
def ocr_problem() -> str | None:
    """Why OCR cannot run here (one line), or None when it can."""
    if os.environ.get("GOVARCHIVE_OCR", "").lower() in ("0", "off", "no", "false"):
        return "OCR turned off (GOVARCHIVE_OCR=off)"
    if not shutil.which("tesseract"):
        return "tesseract is not installed (Debian: apt install tesseract-ocr tesseract-ocr-vie)"
    try:
        langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"tesseract does not run: {exc}"
    if "vie" not in langs.stdout.split():
        return "tesseract has no Vietnamese model (Debian: apt install tesseract-ocr-vie)"
    return None


@dataclass(frozen=True)
class OcrPage:
    text: str
    signature: Box | None = None  # where the signature block is (in points), when the page has one
    recipients: bool = False  # the block was found beside "Nơi nhận", not only by an authority line
    date_line: tuple[Box, str] | None = None  # the header's date line (in points) and its OCR text


def ocr_pdf_pages(body: bytes, pages: list[int], seconds: float = PAGE_SECONDS) -> dict[int, OcrPage]:
    """The OCR of each of ``pages`` (0-based) of a PDF; a page that fails or runs out
    of time is left out (and logged). Raises :class:`OcrUnavailable` when OCR cannot run."""
    problem = ocr_problem()
    if problem:
        raise OcrUnavailable(problem)
    import pypdfium2 as pdfium

    out: dict[int, OcrPage] = {}
    pdf = pdfium.PdfDocument(body)
    try:
        with tempfile.TemporaryDirectory(prefix="govarchive-ocr-") as folder:
            for index in pages:
                image = Path(folder) / f"page-{index}.png"
                page = pdf[index]
                scale = page_scale(page.get_size())
                picture = page.render(scale=scale, grayscale=True).to_pil()
                picture.save(image)
                page.close()
                tsv = ocr_image(image, seconds, PAGE_OPTIONS + ("tsv",))
                if tsv is not None:
                    words = words_of(tsv)
                    box, named = signature_box(words, *picture.size) or (None, False)
                    line, printed = date_line(words, *picture.size) or (None, "")
                    out[index] = OcrPage(text_of(words), _in_points(box, scale), named,
                                         (_in_points(line, scale), printed) if line else None)
                image.unlink()
    finally:
        pdf.close()
    return out


PAGE_OPTIONS = ("-l", "vie", "--psm", "3")  # Vietnamese, a page of blocks
BLOCK_OPTIONS = ("-l", "vie", "--psm", "6", "tsv")  # the signature block: one block of lines
RED_INK = 60  # a pixel this much redder than green is the seal's ink
RED_SHARE = 0.005  # a block with fewer such pixels has no red seal (a black-and-white scan)


def ocr_signature(body: bytes, index: int, box: Box, seconds: float = PAGE_SECONDS) -> str | None:
    """The text of the signature block in ``box`` of page ``index``, the red seal taken out;
    None when the block has no red (a black seal cannot be told from the print) or OCR fails."""
    import numpy as np
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(body)
    try:
        page = pdf[index]
        width, height = page.get_size()
        # what is cut off each side (left, bottom, right, top), in points
        cut = (box.left, max(0, height - box.bottom), max(0, width - box.right), box.top)
        block = page.render(scale=page_scale((width, height)), crop=cut).to_pil().convert("RGB")
        page.close()
    finally:
        pdf.close()
    pixels = np.asarray(block, dtype=np.int16)
    if ((pixels[..., 0] - pixels[..., 1]) > RED_INK).mean() < RED_SHARE:
        return None
    with tempfile.TemporaryDirectory(prefix="govarchive-ocr-") as folder:
        image = Path(folder) / "block.png"
        block.getchannel("R").save(image)
        tsv = ocr_image(image, seconds, BLOCK_OPTIONS)
    return page_text(tsv) if tsv is not None else None


def page_scale(size: tuple[float, float]) -> float:
    """Pixels a point for a page of ``size`` points: 300 dpi, less for a page so large that it
    would take more than ``MAX_PIXELS`` (a hostile file's page size is no memory bomb)."""
    return min(DPI / 72, math.sqrt(MAX_PIXELS / max(1.0, size[0] * size[1])))


def _in_points(box: Box | None, scale: float) -> Box | None:
    if box is None:
        return None
    return Box(*(round(v / scale) for v in (box.left, box.top, box.right, box.bottom)))


def ocr_image(path: Path, seconds: float = PAGE_SECONDS,
              options: tuple[str, ...] = PAGE_OPTIONS) -> str | None:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        run = subprocess.run(["tesseract", str(path), "stdout", *options],
                             capture_output=True, timeout=seconds, env=env)
    except subprocess.TimeoutExpired:
        logger.warning("OCR gave up on a page after %.0f s", seconds)
        return None
    if run.returncode != 0:
        logger.warning("OCR failed on a page: %s", run.stderr.decode("utf-8", "replace")[-200:].strip())
        return None
    return run.stdout.decode("utf-8", "replace")
