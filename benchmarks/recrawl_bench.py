"""First crawl, re-crawl and kill-and-resume of the demo portals: requests, responses and time.

    .venv/bin/python benchmarks/recrawl_bench.py

Each crawl is a ``govarchive crawl --url`` process against the same local demo
server (throttling off). The resume case kills a crawl with SIGKILL once 8
articles are stored and runs the same command again; it reports both runs and
checks the archive holds exactly the first crawl's articles.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOVARCHIVE = Path(sys.executable).parent / "govarchive"
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_BACKOFF_BASE=0"]


def start_server() -> tuple[subprocess.Popen, list[str]]:
    proc = subprocess.Popen([sys.executable, "-m", "crawler.demo.server"], stdout=subprocess.PIPE,
                            text=True, cwd=ROOT)
    urls = []
    for line in proc.stdout:
        if line.strip() == "ready":
            break
        urls.append(line.split()[1])
    return proc, urls


def crawl_args(urls: list[str], db: Path) -> list[str]:
    return [str(GOVARCHIVE), "crawl", *[a for u in urls for a in ("--url", u)], "--db", str(db)]


def last_run(db: Path) -> dict:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    row = conn.execute("SELECT * FROM crawls ORDER BY started_at DESC LIMIT 1").fetchone()
    stats = json.loads(row["stats"] or "{}")
    return {"requests": stats.get("downloader/request_count", 0), "responses": row["pages_fetched"],
            "new": row["articles_new"]}


def timed(urls: list[str], db: Path, *extra: str) -> dict:
    start = time.perf_counter()
    subprocess.run(crawl_args(urls, db) + FAST + list(extra), check=True, capture_output=True, cwd=ROOT)
    return {**last_run(db), "wall_s": time.perf_counter() - start}


def killed(urls: list[str], db: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(crawl_args(urls, db) + FAST, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, cwd=ROOT)
    while articles(db) < 8 and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return time.perf_counter() - start


def articles(db: Path) -> int:
    try:
        return sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def urls_of(db: Path) -> list[str]:
    return [u for (u,) in sqlite3.connect(db).execute("SELECT url FROM articles ORDER BY url")]


def main() -> None:
    server, urls = start_server()
    folder = Path(tempfile.mkdtemp())
    try:
        first = timed(urls, folder / "a.db")
        again = timed(urls, folder / "a.db")
        killed_s = killed(urls, folder / "b.db")
        stored_before = articles(folder / "b.db")
        resumed = timed(urls, folder / "b.db")
    finally:
        server.terminate()
    print(f"{'run':<22}{'requests':>9}{'responses':>10}{'new':>5}{'wall s':>8}")
    for name, r in (("first crawl", first), ("re-crawl", again), ("resume after SIGKILL", resumed)):
        print(f"{name:<22}{r['requests']:>9}{r['responses']:>10}{r['new']:>5}{r['wall_s']:>8.2f}")
    print(f"re-crawl / first: requests {again['requests'] / first['requests']:.2f}, "
          f"time {again['wall_s'] / first['wall_s']:.2f}")
    resumed_urls = urls_of(folder / "b.db")
    same = resumed_urls == urls_of(folder / "a.db")
    print(f"killed after {killed_s:.2f} s with {stored_before} articles stored; resumed crawl added "
          f"{resumed['new']}; same articles as the uninterrupted crawl: {same}; "
          f"rows {len(resumed_urls)}, distinct URLs {len(set(resumed_urls))}")


if __name__ == "__main__":
    main()
