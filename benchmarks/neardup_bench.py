"""Near-duplicate lookup time against a large archive (default 1,000,000 articles).

    .venv/bin/python benchmarks/neardup_bench.py [--articles 1000000] [--queries 200]

Builds a scratch SQLite archive whose near-duplicate index holds N signatures
(random MinHash values, as the index sees them; plus the demo articles, so
some queries have real matches), then times ``find_similar`` for syndicated
variants of the demo articles and for unrelated new texts: p50/p95/max
milliseconds, with and without computing the signature. Prints file size.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from archive import neardup
from archive.store import Archive
from crawler.demo.content import ARTICLES


def build(path: Path, n: int) -> Archive:
    archive = Archive(path)
    archive.start_crawl("bench", "2026", [])
    db = archive.db
    rng = np.random.default_rng(1)
    batch = 50_000
    with db.conn:
        db.conn.execute("PRAGMA synchronous = OFF")
        for start in range(1, n + 1, batch):
            ids = range(start, min(n + 1, start + batch))
            sigs = rng.integers(0, 2**63, size=(len(ids), neardup.NUM_PERM), dtype=np.uint64)
            db.conn.executemany("INSERT INTO near_dup_signatures VALUES (?, ?)",
                                [(i, s.tobytes()) for i, s in zip(ids, sigs, strict=True)])
            db.conn.executemany("INSERT INTO near_dup_bands VALUES (?, ?, ?)",
                                [(b, h, i) for i, s in zip(ids, sigs, strict=True)
                                 for b, h in enumerate(neardup.band_hashes(s))])
    for a in ARTICLES:  # real articles with ids above the synthetic ones
        neardup.add(db, n + a.id, neardup.signature(a.body))
    db.conn.commit()
    return archive


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def report(label: str, values: list[float]) -> None:
    values = sorted(values)
    p95 = values[int(0.95 * (len(values) - 1))]
    print(f"{label:44} p50 {statistics.median(values):6.2f} ms  p95 {p95:6.2f} ms  max {values[-1]:6.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    path = Path(tempfile.mkdtemp()) / "neardup.db"
    start = time.perf_counter()
    archive = build(path, args.articles)
    print(f"index of {args.articles:,} articles built in {time.perf_counter() - start:.0f} s, "
          f"file {path.stat().st_size / 2**20:.0f} MiB")
    rng = random.Random(2)
    variants = [a.body.replace(",", ";", 2) + " (Theo Báo Sông Hậu)" for a in ARTICLES]
    others = [" ".join(rng.sample(a.body.split(), len(a.body.split()))) for a in ARTICLES]
    hits, lookup, total = 0, [], []
    for n in range(args.queries):
        text = variants[n % len(variants)] if n % 2 == 0 else others[n % len(others)]
        sig = neardup.signature(text)
        lookup.append(timed(lambda s=sig: neardup.find_similar(archive.db, s)))
        total.append(timed(lambda t=text: neardup.find_similar(archive.db, neardup.signature(t))))
        hits += bool(neardup.find_similar(archive.db, sig)) and n % 2 == 0
    report("lookup (signature given)", lookup)
    report("signature + lookup", total)
    print(f"syndicated variants found: {hits} of {(args.queries + 1) // 2}")


if __name__ == "__main__":
    main()
