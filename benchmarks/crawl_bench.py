"""Crawl cost: govarchive against a plain Scrapy link-following spider, same demo portals, one run.

    .venv/bin/python benchmarks/crawl_bench.py

Both crawls run in their own process against the same demo server, with
throttling off (the server is local). The plain spider follows every same-host
link with ``response.follow_all`` and stores nothing: the floor Scrapy itself
costs. Prints wall time, CPU time, responses, Requests the spider yielded (the
plain spider leaves duplicates to Scrapy's dupefilter), articles stored, and
peak RSS, then govarchive's ratios to the plain spider.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
FAST = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "RETRY_BACKOFF_BASE": 0,
        "LOG_LEVEL": "ERROR", "ROBOTSTXT_OBEY": True, "CONCURRENT_REQUESTS_PER_DOMAIN": 2}


def child_plain(urls: list[str]) -> dict:
    import scrapy
    from scrapy.crawler import CrawlerProcess

    class Plain(scrapy.Spider):
        name = "plain"
        start_urls = urls
        allowed_domains = ["127.0.0.1"]
        yielded = 0

        def parse(self, response):
            if not hasattr(response, "xpath"):
                return
            for request in response.follow_all(xpath="//a[@href]"):
                if urlsplit(request.url).netloc == urlsplit(response.url).netloc:
                    Plain.yielded += 1
                    yield request

    process = CrawlerProcess({**FAST, "USER_AGENT": "bench"})
    crawler = process.create_crawler(Plain)
    process.crawl(crawler)
    process.start()
    stats = crawler.stats.get_stats()
    return {"responses": stats.get("response_received_count", 0), "yielded": Plain.yielded,
            "articles": 0}


def child_naive(urls: list[str]) -> dict:
    """What one writes first: Scrapy follows links, trafilatura extracts, SQLite stores each page."""
    import sqlite3

    import scrapy
    import trafilatura
    from scrapy.crawler import CrawlerProcess

    db = sqlite3.connect(Path(tempfile.mkdtemp()) / "naive.db")
    db.execute("CREATE TABLE pages (url TEXT PRIMARY KEY, title TEXT, date TEXT, text TEXT)")

    class Naive(scrapy.Spider):
        name = "naive"
        start_urls = urls
        allowed_domains = ["127.0.0.1"]

        def parse(self, response):
            if not hasattr(response, "xpath"):
                return
            data = trafilatura.bare_extraction(response.text, url=response.url, with_metadata=True)
            if data is not None and data.text:
                db.execute("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?)",
                           [response.url, data.title, data.date, data.text])
                db.commit()
            yield from response.follow_all(xpath="//a[@href]")

    process = CrawlerProcess({**FAST, "USER_AGENT": "bench"})
    crawler = process.create_crawler(Naive)
    process.crawl(crawler)
    process.start()
    stats = crawler.stats.get_stats()
    stored = db.execute("SELECT count(*) FROM pages").fetchone()[0]
    return {"responses": stats.get("response_received_count", 0), "yielded": 0, "articles": stored}


def child_govarchive(urls: list[str], warc: bool = True, settings: dict | None = None) -> dict:
    import sqlite3

    from crawler.runtime.runner import run_crawl

    db = Path(tempfile.mkdtemp()) / "bench.db"
    summary = run_crawl(urls, db, settings={**FAST, "GOVARCHIVE_WARC_ENABLED": warc, **(settings or {})})
    articles = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
    stats = summary.stats
    return {"responses": stats.get("response_received_count", 0),
            "yielded": stats.get("scheduler/enqueued", 0), "articles": articles,
            "worker_cpu_s": stats.get("govarchive/extract/worker_cpu_s", 0.0)}


def run_child(kind: str, urls: list[str]) -> dict:
    """One crawl in its own process. ``cpu_s``: the process's CPU and what its workers say they
    spent on pages; ``tree_cpu_s``: every process of its tree, as /proc counts it (the workers'
    start and their time between pages too)."""
    from proctree import TreeCPU

    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("crawl_bench.py")), "--child", kind,
                             *urls], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    sampled = TreeCPU(proc)
    out, err = proc.communicate()
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, proc.args, out, err)
    result = json.loads(out.strip().splitlines()[-1])
    result["wall_s"] = time.perf_counter() - start
    result["tree_cpu_s"] = sampled.total()
    return result


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        kind, urls = sys.argv[2], sys.argv[3:]
        FAST.update(json.loads(os.environ.get("BENCH_SETTINGS", "{}")))
        started = time.process_time()
        children = {"plain": child_plain, "govarchive": child_govarchive, "naive": child_naive,
                    "govarchive-inline": lambda u: child_govarchive(
                        u, settings={"GOVARCHIVE_EXTRACT_WORKERS": 0}),
                    "govarchive-nowarc": lambda u: child_govarchive(u, warc=False),
                    "govarchive-noocr": lambda u: child_govarchive(u, settings={"GOVARCHIVE_OCR": False}),
                    "govarchive-nodocs": lambda u: child_govarchive(
                        u, settings={"GOVARCHIVE_DOCUMENTS": False})}
        result = children[kind](urls)
        # the crawl process's CPU, and its extraction workers' (they report their own)
        result["cpu_s"] = time.process_time() - started + result.get("worker_cpu_s", 0.0)
        result["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    sys.path.insert(0, str(ROOT))
    from crawler.demo.server import serve

    with serve() as portals:
        urls = list(portals.values())
        plain = run_child("plain", urls)
        ours = run_child("govarchive", urls)
        nowarc = run_child("govarchive-nowarc", urls)
    print(f"{'':18}{'wall s':>8}{'cpu s':>8}{'responses':>10}{'requests':>10}{'articles':>9}{'RSS MiB':>9}")
    for name, r in (("plain scrapy", plain), ("govarchive", ours), ("govarchive no WARC", nowarc)):
        print(f"{name:18}{r['wall_s']:>8.2f}{r['cpu_s']:>8.2f}{r['responses']:>10}{r['yielded']:>10}"
              f"{r['articles']:>9}{r['peak_rss_mib']:>9.0f}")
    keys = ("wall_s", "cpu_s", "responses", "peak_rss_mib")
    print("ratios govarchive/plain: " + ", ".join(f"{k} {ours[k] / plain[k]:.2f}" for k in keys))
    print("WARC capture overhead (with/without): "
          + ", ".join(f"{k} {ours[k] / nowarc[k]:.2f}" for k in ("wall_s", "cpu_s")))
    print("(plain 'requests' = Requests the spider yielded; govarchive's = Requests it scheduled after "
          "its own canonicalising dedup)")


if __name__ == "__main__":
    main()
