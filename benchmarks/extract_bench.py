"""Extraction speed and memory: govarchive against plain trafilatura, same pages, one run.

    .venv/bin/python benchmarks/extract_bench.py [--rounds 20]

Two sets, reported apart: the portal pages (the demo articles and non-article
pages, the 5 seed-shaped fixtures and the 40 gold-set pages: seven platforms and
an unknown layout), where platform profiles keep most pages on the fast path;
and the 80 peer pages (other extractors' real test pages, ``tests/fixtures/peer``),
layouts no trusted profile knows, where trafilatura runs as a candidate. Prints
pages/s, the peak of the Python heap while extracting them once (tracemalloc:
lxml's C allocations are not in it), and the ratio (govarchive /
trafilatura; above 1.0 means govarchive is faster).
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

import trafilatura

from crawler.demo import district, province
from crawler.demo.content import ARTICLES
from crawler.extraction import extract_bytes

ROOT = Path(__file__).resolve().parent.parent


def pages() -> list[tuple[str, bytes]]:
    built = {"province": province.build(), "district": district.build()}
    url_of = {"province": province.article_url, "district": district.article_url}
    out = [(url_of[a.portal](a), built[a.portal][url_of[a.portal](a)].body) for a in ARTICLES]
    for portal, site in built.items():
        for path, page in site.items():
            if page.content_type.startswith("text/html") and page.body and "print" not in path:
                if not any(path == url_of[a.portal](a) for a in ARTICLES if a.portal == portal):
                    out.append((path, page.body))
    out += [(p.name, p.read_bytes()) for p in sorted((ROOT / "tests/fixtures/seeds").glob("*.html"))]
    out += [(p.name, p.read_bytes()) for p in sorted((ROOT / "tests/gold/pages").glob("*.html"))]
    return out


def peer_pages() -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted((ROOT / "tests/fixtures/peer").glob("*/pages/*.html"))]


def measure(fn, docs, rounds: int) -> tuple[float, float]:
    for _, body in docs:  # warm-up: imports, caches
        fn(body)
    start = time.perf_counter()
    for _ in range(rounds):
        for _, body in docs:
            fn(body)
    rate = rounds * len(docs) / (time.perf_counter() - start)
    tracemalloc.start()
    for _, body in docs:
        fn(body)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return rate, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    for label, docs in (("portal pages", pages()), ("peer pages", peer_pages())):
        ours = measure(lambda b: extract_bytes(b, "http://demo.gov.vn/a"), docs, args.rounds)
        plain = measure(lambda b: trafilatura.extract(b, with_metadata=True), docs, args.rounds)
        print(f"{label}: {len(docs)} pages x {args.rounds} rounds")
        print(f"{'':14}{'pages/s':>10}{'py-heap MiB':>12}")
        print(f"{'govarchive':14}{ours[0]:>10.1f}{ours[1]:>12.1f}")
        print(f"{'trafilatura':14}{plain[0]:>10.1f}{plain[1]:>12.1f}")
        print(f"speed ratio govarchive/trafilatura: {ours[0] / plain[0]:.2f}\n")

if __name__ == "__main__":
    main()
