"""Documents: text extraction speed against plain PDFium, OCR seconds per page, and what
documents cost the crawl of the demo portals.

    .venv/bin/python benchmarks/documents_bench.py

1. A 300-page Vietnamese text-layer PDF and a 300-paragraph DOCX (made with fpdf2 and
   python-docx, as the tests make them): govarchive's reader (PDFium, signature-stamp check,
   TCVN3/VNI detection, NFC, tidy, metadata) against a plain PDFium loop on the same file.
2. OCR: seconds per page for image-only pages (Tesseract ``vie``, one thread), if installed.
3. The demo crawl with documents (OCR on and off) and without (GOVARCHIVE_DOCUMENTS=False),
   each in its own process, one run: wall and CPU seconds.
4. The 30 real documents (tests/fixtures/real-documents): wall seconds to read each group
   (typed PDF, scanned PDF, Word) as a crawl reads them, OCR on, Tesseract's time included.

``--real`` runs only part 4.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]


def best_of(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def plain_pdfium(body: bytes) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(body)
    texts = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    pdf.close()
    return "\n".join(texts)


def text_speed() -> None:
    from documents_factory import DECISION, docx_file, text_pdf

    from crawler.documents import process_document

    pages = 300
    pdf = text_pdf(DECISION, pages=pages)
    docx = docx_file(DECISION * 20)
    ours = best_of(lambda: process_document(pdf, "http://x/a.pdf"))
    plain = best_of(lambda: plain_pdfium(pdf))
    word = best_of(lambda: process_document(docx, "http://x/a.docx"))
    print(f"text-layer PDF, {pages} pages: govarchive {pages / ours:,.0f} pages/s, plain PDFium "
          f"{pages / plain:,.0f} pages/s (ratio {ours / plain:.2f})")
    print(f"DOCX, {len(DECISION) * 20} paragraphs: {word * 1000:.0f} ms")


def ocr_speed() -> None:
    from documents_factory import DECISION, scanned_pdf

    from crawler.documents.ocr import ocr_pdf_pages, ocr_problem

    if ocr_problem():
        print(f"OCR: not measured ({ocr_problem()})")
        return
    scan = scanned_pdf(DECISION)
    seconds = best_of(lambda: ocr_pdf_pages(scan, [0]), runs=2)
    print(f"OCR (Tesseract vie, 1 thread, 300 dpi): {seconds:.2f} s per page")


def crawl_cost() -> None:
    from crawl_bench import FAST, run_child  # noqa: F401 - same children, one run

    from crawler.demo.server import serve

    with serve() as portals:
        urls = list(portals.values())
        results = {name: run_child(name, urls) for name in
                   ("govarchive", "govarchive-noocr", "govarchive-nodocs")}
    print(f"{'demo crawl':24}{'wall s':>8}{'cpu s':>8}{'responses':>10}{'articles':>9}")
    for name, r in results.items():
        print(f"{name:24}{r['wall_s']:>8.2f}{r['cpu_s']:>8.2f}{r['responses']:>10}{r['articles']:>9}")
    base = results["govarchive-nodocs"]
    for name in ("govarchive", "govarchive-noocr"):
        r = results[name]
        print(f"{name}/no documents: wall {r['wall_s'] / base['wall_s']:.2f}, "
              f"cpu {r['cpu_s'] / base['cpu_s']:.2f} (Tesseract's own CPU is a child's, not counted)")


def real_documents() -> None:
    import json

    from crawler.documents import process_document

    folder = ROOT / "tests" / "fixtures" / "real-documents"
    groups: dict[str, list[float]] = {}
    for gold_path in sorted((folder / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = folder / gold["file"]
        group = ("scanned PDF" if gold.get("scanned") else "typed PDF") if path.suffix == ".pdf" else "Word"
        body = path.read_bytes()
        start = time.perf_counter()
        process_document(body, f"https://example.gov.vn/{path.name}")
        groups.setdefault(group, []).append(time.perf_counter() - start)
    for group, seconds in groups.items():
        print(f"real documents, {group}: {len(seconds)} files, {sum(seconds):.1f} s "
              f"({sum(seconds) / len(seconds):.2f} s a file)")


if __name__ == "__main__":
    if "--real" not in sys.argv:
        text_speed()
        ocr_speed()
        crawl_cost()
    real_documents()
