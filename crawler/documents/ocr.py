"""OCR of scanned PDF pages with Tesseract's Vietnamese model (Debian ``tesseract-ocr-vie``).

Tesseract runs as a subprocess, one thread (``OMP_THREAD_LIMIT=1``: its own
threads only fight the crawl for the cores), with a time limit per page and a
limit on pages per document. PDFium renders each page at 300 dpi in grey. Tesseract gives
words with their boxes (TSV), laid out again in lines with the columns apart (``layout``).
Without Tesseract or its ``vie`` model the document is kept with
``ocr_pending`` and ``govarchive ocr`` does it later.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from crawler.documents.layout import page_text

logger = logging.getLogger(__name__)

DPI = 300
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


def ocr_pdf_pages(body: bytes, pages: list[int], seconds: float = PAGE_SECONDS) -> dict[int, str]:
    """The OCR text of each of ``pages`` (0-based) of a PDF; a page that fails or runs out
    of time is left out (and logged). Raises :class:`OcrUnavailable` when OCR cannot run."""
    problem = ocr_problem()
    if problem:
        raise OcrUnavailable(problem)
    import pypdfium2 as pdfium

    out: dict[int, str] = {}
    pdf = pdfium.PdfDocument(body)
    try:
        with tempfile.TemporaryDirectory(prefix="govarchive-ocr-") as folder:
            for index in pages:
                image = Path(folder) / f"page-{index}.png"
                page = pdf[index]
                page.render(scale=DPI / 72, grayscale=True).to_pil().save(image)
                page.close()
                tsv = ocr_image(image, seconds, PAGE_OPTIONS + ("tsv",))
                if tsv is not None:
                    out[index] = page_text(tsv)
                image.unlink()
    finally:
        pdf.close()
    return out


PAGE_OPTIONS = ("-l", "vie", "--psm", "3")  # Vietnamese, a page of blocks


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
