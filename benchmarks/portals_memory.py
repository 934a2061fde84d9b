"""Where a portal's memory goes: a crawl process's heap with few portals and with many, compared.

    .venv/bin/python benchmarks/portals_memory.py 20 80        # two portal counts
    AT=20 .venv/bin/python benchmarks/portals_memory.py 20 80  # the snapshot 20 s in (default 16)

For each count: N portals of 40 articles (``tests/pattern_portals.small``) served on N loopback
addresses by a process of their own (portal servers in the crawl's process would count as its
memory), then ``crawl_sites`` over them in a child under ``tracemalloc``, which AT seconds in
prints its RSS, how many crawls run, and the Python heap by file. The last lines: what grew
per crawl running, by file (Python objects only; RSS also holds lxml's and SQLite's C memory
and what the allocator keeps). Tracemalloc slows the crawl; compare counts, not speed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

AT = float(os.environ.get("AT", "16"))


def serve(count: int, folder: Path) -> None:
    from conftest import registry_entry
    from pattern_portals import serve_portal, small
    from portals_bench import loopback

    portals = [serve_portal(f"xa{n}", small(f"xa{n}", 40), host=loopback(n)) for n in range(count)]
    for portal in portals:
        entry = registry_entry(portal.name, portal.url, level="commune")  # default politeness
        entry = entry.replace("politeness = { delay = 0, concurrency = 2, autothrottle = false }", "")
        (folder / f"{portal.name}.toml").write_text(entry, encoding="utf-8")
    print("ready", flush=True)
    sys.stdin.read()  # until the parent closes it


def crawl(count: int, out: str) -> None:
    import gc
    import threading
    import tracemalloc

    from scrapy.crawler import Crawler

    from crawler.runtime.runner import crawl_sites

    tracemalloc.start()

    def snapshot() -> None:
        crawling = sum(1 for o in gc.get_objects() if isinstance(o, Crawler) and o.crawling)
        with open("/proc/self/status") as status:
            rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024
        stats = tracemalloc.take_snapshot().statistics("filename")
        by_file = {str(s.traceback[0].filename): s.size for s in stats}
        Path(out).write_text(json.dumps({"rss": rss, "crawling": crawling, "by_file": by_file}))
        os._exit(0)  # the extraction workers see their pipe close and end

    threading.Timer(AT, snapshot).start()
    crawl_sites([f"xa{n}" for n in range(count)], tempfile.mkdtemp() + "/a.db")


def measure(count: int) -> dict:
    folder = Path(tempfile.mkdtemp())
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(count), str(folder)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    server.stdout.readline()
    env = {**os.environ, "GOVARCHIVE_REGISTRY": str(folder), "GOVARCHIVE_ALLOW_PRIVATE_HOSTS": "1"}
    out = folder / "snapshot.json"
    try:  # its output to a file: the extraction workers it leaves hold its stdout open a while
        subprocess.run([sys.executable, __file__, "--crawl", str(count), str(out)], env=env, cwd=ROOT,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=AT + 120)
    finally:
        server.stdin.close()
        server.wait()
    return json.loads(out.read_text())


def main() -> None:
    if sys.argv[1] == "--serve":
        serve(int(sys.argv[2]), Path(sys.argv[3]))
        return
    if sys.argv[1] == "--crawl":
        crawl(int(sys.argv[2]), sys.argv[3])
        return
    few, many = (measure(int(n)) for n in sys.argv[1:3])
    for r in (few, many):
        print(f"{r['crawling']:>4} crawls running: RSS {r['rss']:.0f} MiB, Python heap "
              f"{sum(r['by_file'].values()) / 2**20:.1f} MiB")
    more = max(1, many["crawling"] - few["crawling"])
    rss = (many["rss"] - few["rss"]) / more
    heap = (sum(many["by_file"].values()) - sum(few["by_file"].values())) / more / 1024
    print(f"a crawl running more: RSS {rss:.2f} MiB, of it Python objects {heap:.0f} KiB; by file:")
    grown = {f: (many["by_file"].get(f, 0) - few["by_file"].get(f, 0)) / more for f in many["by_file"]}
    for name, size in sorted(grown.items(), key=lambda kv: -kv[1])[:12]:
        print(f"  {size / 1024:7.1f} KiB  {name.replace(str(ROOT), '.')}")


if __name__ == "__main__":
    main()
