"""Extraction speed and memory: govarchive against plain trafilatura, same pages, one run.

    .venv/bin/python benchmarks/extract_bench.py [--rounds 20]

Two sets, reported apart: the portal pages (the demo articles and non-article
pages, the 5 seed-shaped fixtures and the 40 gold-set pages: seven platforms and
an unknown layout), where platform profiles keep most pages on the fast path;
and the 80 peer pages (other extractors' real test pages, ``tests/fixtures/peer``),
layouts no trusted profile knows, where trafilatura runs as a candidate; and the held-back
family of ``tests/gold/learning`` (60 pages of a portal family no profile knows), read
as a crawl reads a portal: without a template, then with the template learnt from the
family's first six pages (its body's place included: the pages then take the selector path). Prints
pages/s, the peak of the Python heap while extracting them once (tracemalloc:
lxml's C allocations are not in it), and the ratio (govarchive /
trafilatura; above 1.0 means govarchive is faster).
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

import trafilatura

from crawler.demo import district, province
from crawler.demo.content import ARTICLES
from crawler.extraction import extract_bytes, extract_html
from crawler.extraction.template import learn
from crawler.profiles import SiteProfile

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


def family_pages() -> tuple[list[tuple[str, bytes]], SiteProfile | None]:
    """The held-back family's pages (every date form and layout), and the template a crawl
    learns from the first six of each layout, as the site's profile."""
    sys.path.insert(0, str(ROOT))  # the family is built by the eval's module
    from tests.gold.learning import DATE_FORMS, family

    out, templates = [], {}
    for form in range(len(DATE_FORMS)):
        for layout in (0, 1):
            pages = family(form, layout)
            first = [(p.url, p.html) for p in pages[:6]]
            seen = {u: (r.title, r.text) for u, h in first if (r := extract_html(h, u))}
            templates[layout] = templates.get(layout) or learn(first, seen)
            out += [(p.url, p.html.encode()) for p in pages]
    return out, templates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    for label, docs in (("portal pages", pages()), ("peer pages", peer_pages())):
        ours = measure(lambda b: extract_bytes(b, "http://demo.gov.vn/a"), docs, args.rounds)
        plain = measure(lambda b: trafilatura.extract(b, with_metadata=True), docs, args.rounds)
        report(label, len(docs), args.rounds, {"govarchive": ours}, plain)
    docs, templates = family_pages()
    urls = {body: url for url, body in docs}
    layout_of = {url: 1 if "ChiTiet" in url else 0 for url, _ in docs}
    profiles = {layout: SiteProfile(t.selectors()) for layout, t in templates.items()}
    bare = measure(lambda b: extract_bytes(b, urls[b]), docs, args.rounds)
    learnt = measure(lambda b: extract_bytes(b, urls[b], site=profiles[layout_of[urls[b]]]), docs,
                     args.rounds)
    plain = measure(lambda b: trafilatura.extract(b, with_metadata=True), docs, args.rounds)
    report("unseen family (tests/gold/learning)", len(docs), args.rounds,
           {"no template": bare, "learnt template": learnt}, plain)
    print("learnt: " + "; ".join(f"layout {k}: {', '.join(sorted(t.selectors()))}"
                                 for k, t in templates.items()))


def report(label: str, count: int, rounds: int, ours: dict[str, tuple[float, float]],
           plain: tuple[float, float]) -> None:
    print(f"{label}: {count} pages x {rounds} rounds")
    print(f"{'':18}{'pages/s':>10}{'py-heap MiB':>12}{'ratio':>8}")
    for name, (rate, heap) in ours.items():
        print(f"{name:18}{rate:>10.1f}{heap:>12.1f}{rate / plain[0]:>8.2f}")
    print(f"{'trafilatura':18}{plain[0]:>10.1f}{plain[1]:>12.1f}{1:>8.2f}\n")

if __name__ == "__main__":
    main()
