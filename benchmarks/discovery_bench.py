"""Reaching every article: govarchive beside a plain Scrapy crawl on the platforms' listing patterns.

    .venv/bin/python benchmarks/discovery_bench.py            # all patterns
    .venv/bin/python benchmarks/discovery_bench.py traps      # one

Serves each pattern portal of ``tests/pattern_portals.py`` (WebForms postback pager, load-more
and script-built JSON endpoints, Liferay asset publisher, a portal full of traps, a script
shell, an old portal a browser follows through a script redirect, frames, a base, click
handlers, an image map and backslashed links) and crawls it twice, one run: ``govarchive
crawl --url`` (zero-config), and a plain Scrapy spider that follows every same-host
``<a href>`` (Scrapy's LinkExtractor, its own dedup), both with robots.txt obeyed, two
requests at a time, no delay. The plain crawl is cut at
``PLAIN_MAX_REQUESTS`` requests (it never ends in the traps). Prints per portal the articles
found (distinct article titles fetched) of those it holds, the requests, the requests per
article found, and the requests spent in traps (calendar, session ids, path loops, facet
combinations, soft-404s), counted from each server's own log.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

PLAIN_MAX_REQUESTS = int(os.environ.get("PLAIN_MAX_REQUESTS", "3000"))
# CRAWL_DELAY=1: each portal's robots.txt asks for it, and the gaps between govarchive's requests
# (links, form posts, endpoints and renders alike) are printed from the server's log
CRAWL_DELAY = float(os.environ.get("CRAWL_DELAY", "0"))
TRAP = re.compile(r"lich-cong-tac|sid=|/chuyen-muc/chuyen-muc|van-ban\?.*=.*&|da-go|/-/.*/-/")
TITLE = re.compile(rb"<h1 class='title'>(\w+ b\xc3\xa0i \d+)")


def plain_child(url: str) -> None:
    """A plain Scrapy crawl of one portal, printing the distinct article titles it fetched."""
    import scrapy
    from scrapy.crawler import CrawlerProcess
    from scrapy.linkextractors import LinkExtractor

    titles: set[str] = set()

    class Plain(scrapy.Spider):
        name = "plain"
        start_urls = [url]
        links = LinkExtractor()  # same host: checked below (allow_domains does not match an IP and port)

        def parse(self, response):
            found = TITLE.search(response.body)
            if found:
                titles.add(found[1].decode())
            if not hasattr(response, "text"):
                return
            for link in self.links.extract_links(response):
                if link.url.startswith(url):
                    yield scrapy.Request(link.url)

    process = CrawlerProcess({"LOG_LEVEL": "ERROR", "ROBOTSTXT_OBEY": True, "DOWNLOAD_DELAY": 0,
                              "CONCURRENT_REQUESTS_PER_DOMAIN": 2, "AUTOTHROTTLE_ENABLED": False,
                              "CLOSESPIDER_PAGECOUNT": PLAIN_MAX_REQUESTS, "TELNETCONSOLE_ENABLED": False})
    process.crawl(Plain)
    process.start()
    print(json.dumps(sorted(titles)))


def govarchive_titles(db: Path) -> set[str]:
    import sqlite3

    rows = sqlite3.connect(db).execute("SELECT title FROM articles").fetchall()
    return {t.split(":")[0] for (t,) in rows}


def measure(name: str) -> dict:
    from pattern_portals import BUILDERS, EXPECTED, ROBOTS, serve_portal

    out = {"portal": name, "articles": EXPECTED[name]}
    robots = ROBOTS + (f"Crawl-delay: {CRAWL_DELAY}\n" if CRAWL_DELAY else "")
    for kind in ("govarchive", "plain") if not CRAWL_DELAY else ("govarchive",):
        portal = serve_portal(name, BUILDERS[name](), robots)
        started = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            if kind == "govarchive":
                command = [str(Path(sys.executable).with_name("govarchive")), "crawl", "--url", portal.url,
                           "--db", f"{tmp}/a.db", "-s", "AUTOTHROTTLE_ENABLED=False",
                           "-s", "DOWNLOAD_DELAY=0"]
                subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
                found = govarchive_titles(Path(tmp) / "a.db")
            else:
                done = subprocess.run([sys.executable, __file__, "--plain", portal.url], capture_output=True,
                                      text=True, check=True, cwd=ROOT)
                found = set(json.loads(done.stdout.strip().splitlines()[-1]))
        portal.server.shutdown()
        paths = [p for _, _, p in portal.log if p != "/robots.txt"]
        starts = sorted(t for t, _, p in portal.log if p != "/robots.txt")
        gaps = sorted(b - a for a, b in zip(starts, starts[1:], strict=False)) or [0.0]
        found = {t for t in found if t.startswith(name + " ")}
        out[kind] = {"found": len(found), "requests": len(paths),
                     "per_article": len(paths) / len(found) if found else float("inf"),
                     "trap_requests": sum(1 for p in paths if TRAP.search(p)),
                     "wall_s": time.perf_counter() - started,
                     "gap_min": gaps[0], "gap_median": gaps[len(gaps) // 2]}
    return out


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--plain":
        plain_child(sys.argv[2])
        return
    from pattern_portals import BUILDERS

    names = sys.argv[1:] or list(BUILDERS)
    if CRAWL_DELAY:
        print(f"robots.txt Crawl-delay: {CRAWL_DELAY} s; gaps between govarchive's requests to each portal")
        print(f"{'portal':10}{'requests':>9}{'min gap s':>10}{'median s':>9}{'found':>7}")
        for name in names:
            g = measure(name)["govarchive"]
            print(f"{name:10}{g['requests']:>9}{g['gap_min']:>10.2f}{g['gap_median']:>9.2f}{g['found']:>7}")
        return
    print(f"{'portal':10}{'articles':>9} | {'govarchive: found':>18}{'requests':>9}{'req/art':>8}{'traps':>7}"
          f" | {'plain Scrapy: found':>20}{'requests':>9}{'req/art':>8}{'traps':>7}")
    for name in names:
        r = measure(name)
        g, p = r["govarchive"], r["plain"]
        print(f"{name:10}{r['articles']:>9} | {g['found']:>18}{g['requests']:>9}{g['per_article']:>8.1f}"
              f"{g['trap_requests']:>7} | {p['found']:>20}{p['requests']:>9}{p['per_article']:>8.1f}"
              f"{p['trap_requests']:>7}")


if __name__ == "__main__":
    main()
