"""Crawl throughput at scale: govarchive beside a no-op Scrapy spider and a naive
Scrapy + trafilatura + SQLite spider, on a large local portal, one run.

    .venv/bin/python benchmarks/scale_bench.py 1000 3000     # article counts (10000 takes ~15 min)
    BENCH_REPEAT=3 .venv/bin/python benchmarks/scale_bench.py 1000

Each crawl runs in its own process against ``big_portal`` (~80 KB pages, 20
articles a listing page), throttling off, 8 requests at a time to the host. Prints
pages/s, CPU/wall (above 1 means more than one core worked: ``cpu/wall`` adds to the crawl
process's CPU what its extraction workers say they spent on pages; ``tree`` is every process of
the crawl's tree as /proc counts it, the workers' start included), peak RSS of the crawl
process (the workers' memory is theirs).
With ``BENCH_REPEAT`` the kinds take turns that many times and each row is the run of
median pages/s, with the range of the runs: one run of a 20-second crawl on a shared
machine varies by a fifth.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from big_portal import serve_big  # noqa: E402
from crawl_bench import run_child  # noqa: E402

# every child with the downloader that keeps the per-host limit (Scrapy 2.19's own lets a host get
# all 16 at once when there is no delay: see crawler/runtime/downloader.py)
SETTINGS = {"CONCURRENT_REQUESTS_PER_DOMAIN": 8, "CONCURRENT_REQUESTS": 16, "ROBOTSTXT_OBEY": True,
            "DOWNLOADER": "crawler.runtime.downloader.PoliteDownloader",
            "GOVARCHIVE_MAX_DEPTH": 10000, "GOVARCHIVE_STOP_PAGING": 0}
KINDS = tuple(os.environ.get("BENCH_KINDS", "plain,naive,govarchive-inline,govarchive").split(","))
REPEAT = int(os.environ.get("BENCH_REPEAT", "1"))


def median_run(runs: list[dict]) -> dict:
    """The run of median pages/s, with the range of all of them."""
    for r in runs:
        r["rate"] = r["responses"] / r["wall_s"]
    runs.sort(key=lambda r: r["rate"])
    return {**runs[len(runs) // 2], "low": runs[0]["rate"], "high": runs[-1]["rate"]}


def main(sizes: list[int]) -> None:
    os.environ["BENCH_SETTINGS"] = json.dumps(SETTINGS)
    print(f"{'articles':>8} {'crawler':18}{'pages':>7}{'wall s':>8}{'pages/s':>9}{'cpu/wall':>9}{'tree':>6}"
          f"{'RSS MiB':>9}{'stored':>8}{'runs: pages/s':>16}")
    for size in sizes:
        runs: dict[str, list[dict]] = {kind: [] for kind in KINDS}
        with serve_big(size) as url:
            for _ in range(REPEAT):  # the kinds take turns: a slow spell of the machine hits all
                for kind in KINDS:
                    runs[kind].append(run_child(kind, [url]))
        results = {kind: median_run(r) for kind, r in runs.items()}
        for kind, r in results.items():
            spread = f"{r['low']:.1f}-{r['high']:.1f}" if REPEAT > 1 else ""
            print(f"{size:>8} {kind:18}{r['responses']:>7}{r['wall_s']:>8.1f}{r['rate']:>9.1f}"
                  f"{r['cpu_s'] / r['wall_s']:>9.2f}{r['tree_cpu_s'] / r['wall_s']:>6.2f}"
                  f"{r['peak_rss_mib']:>9.0f}{r['articles']:>8}{spread:>16}")
        if set(results) != {"plain", "naive", "govarchive-inline", "govarchive"}:
            continue
        ours = results["govarchive"]
        print(f"{size:>8} govarchive/plain pages/s {ours['rate'] / results['plain']['rate']:.2f}, "
              f"govarchive/naive {ours['rate'] / results['naive']['rate']:.2f}, "
              f"workers/inline {ours['rate'] / results['govarchive-inline']['rate']:.2f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 3000])
