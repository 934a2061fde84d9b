"""Search latency and export throughput on a large synthetic archive.

    .venv/bin/python benchmarks/search_bench.py [--articles 1000000] [--sites 700] [--queries 100]
    PYTHONHASHSEED=0 .venv/bin/python benchmarks/search_bench.py --db /tmp/sb-1m.db --no-export --rounds 3

Builds (once; reused while it exists) an archive of N synthetic Vietnamese
articles over S sites (``benchmarks/synthetic.py``, about 5 minutes and 2.9 GB
for a million), then reports for two-word queries as researchers type them:

- how many articles each query matches;
- p50/p95/max milliseconds of ``archive.search.search`` for the first page
  (20 rows) by relevance and by date, without filters, with ``--site``,
  ``--province``, ``--level`` (one drawn of province/district/commune), one
  year, and a province with a year;
- the same for plain FTS5 bm25 (``ORDER BY rank`` over every match, what
  search did before), on the first queries only, as the baseline ratio;
- ``govarchive export`` of every article as JSON lines and as CSV: seconds,
  rows/s, and the peak resident memory of the export process.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import synthetic

from archive.filters import Filters
from archive.search import fts_query, search
from archive.store import open_database

BIN = Path(sys.executable).parent


def timings(fn, queries) -> list[float]:
    out = []
    for query in queries:
        start = time.perf_counter()
        fn(query)
        out.append((time.perf_counter() - start) * 1000)
    return out


def summary(label: str, ms: list[float]) -> str:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return f"{label:38s} p50 {statistics.median(ms):8.1f}  p95 {p95:8.1f}  max {ms[-1]:8.1f} ms"


def scenarios(sites: list[tuple[str, str, str]], rng: random.Random) -> dict:
    keys = [k for k, _, _ in sites]
    provinces: dict[str, list[str]] = {}
    for key, province, _ in sites:
        provinces.setdefault(province, []).append(key)

    def site():
        return Filters(site=rng.choice(keys))

    def province_year():
        year = rng.randint(2012, 2025)
        return Filters(sites=tuple(rng.choice(list(provinces.values()))), date_from=f"{year}-01-01",
                       date_to=f"{year}-12-31")

    levels: dict[str, list[str]] = {}
    for key, _, level in sites:
        levels.setdefault(level, []).append(key)

    def province():
        return Filters(sites=tuple(rng.choice(list(provinces.values()))))

    def level():
        return Filters(sites=tuple(levels[rng.choice(sorted(levels))]))

    def year():
        year = rng.randint(2012, 2025)
        return Filters(date_from=f"{year}-01-01", date_to=f"{year}-12-31")

    return {"no filter": lambda: None, "--site": site, "--province": province, "--level": level,
            "one year": year, "--province + one year": province_year}


def run_searches(db, queries: list[str], sites, baseline_queries: int, rounds: int = 1) -> None:
    """Each scenario's queries, each with its own filters drawn once; with ``rounds`` > 1 every
    query runs that many times in turn and counts with its median (one pass of 100 queries
    moves a p95 by a quarter between runs on a shared machine)."""
    rng = random.Random(3)
    for sort in ("relevance", "date"):
        for label, make in scenarios(sites, rng).items():
            cases = [(q, make()) for q in queries]
            runs = [timings(lambda case, s=sort: search(db, case[0], 20, filters=case[1], sort=s), cases)
                    for _ in range(rounds)]
            medians = [statistics.median(times) for times in zip(*runs, strict=True)]
            print(summary(f"{sort:9s} {label}", medians))
    naive = queries[:baseline_queries]
    sql = ("SELECT a.id, snippet(articles_fts, 1, '[', ']', '…', 16) FROM articles_fts "
           "JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? "
           "ORDER BY rank LIMIT 20")
    base = timings(lambda q: db.execute(sql, [fts_query(q)]).fetchall(), naive)
    ours = timings(lambda q: search(db, q, 20), naive)
    print(summary("plain bm25 over every match", base))
    print(summary("search, same queries", ours))
    print(f"ratio (plain bm25 / search, p50): {statistics.median(base) / statistics.median(ours):.0f}x")


def run_export(db_path: Path, fmt: str, rows: int) -> None:
    out = Path(f"/tmp/search-bench-export.{fmt}")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([str(BIN / "govarchive"), "export", "--db", str(db_path), "--format", fmt,
                    "--out", str(out)], check=True, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    size = out.stat().st_size
    out.unlink()
    note = "" if peak > before else " (peak not above an earlier child's)"
    print(f"export {fmt:5s} {rows:,} rows in {seconds:6.1f} s = {rows / seconds:9,.0f} rows/s, "
          f"{size / 2**20:,.0f} MiB written, peak RSS {peak / 1024:,.0f} MiB{note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--sites", type=int, default=700)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--baseline-queries", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=1, help="runs of each query (its median counts)")
    parser.add_argument("--db", type=Path, help="archive to build or reuse")
    parser.add_argument("--no-export", action="store_true")
    args = parser.parse_args()
    path = args.db or Path(f"/tmp/govarchive-search-bench-{args.articles}.db")
    if not path.exists():
        print(f"building {path} ({args.articles:,} articles, {args.sites} sites)…", flush=True)
        start = time.perf_counter()
        synthetic.build(path, args.articles, args.sites)
        print(f"  built in {time.perf_counter() - start:.0f} s", flush=True)
    db = open_database(path, create=False)
    (n,) = db.execute("SELECT count(*) FROM articles").fetchone()
    print(f"archive {path}: {n:,} articles, {os.path.getsize(path) / 2**30:.1f} GiB")
    queries = synthetic.queries(args.queries)
    counts = sorted(db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                               [fts_query(q)]).fetchone()[0] for q in queries)
    print(f"{len(queries)} two-word queries, e.g. {', '.join(queries[:4])}; matches per query: "
          f"p10 {counts[len(counts) // 10]:,}, p50 {counts[len(counts) // 2]:,}, max {counts[-1]:,}")
    run_searches(db, queries, synthetic.sites(args.sites), args.baseline_queries, args.rounds)
    if not args.no_export:
        for fmt in ("jsonl", "csv"):
            run_export(path, fmt, n)


if __name__ == "__main__":
    main()
