"""Workers through Redis: 1 worker against 2 on several polite sites, one run.

    .venv/bin/python benchmarks/distributed_bench.py [SITES] [ARTICLES] [DELAY]   # default 4 150 0.1

Serves SITES big portals (``big_portal``) on different loopback hosts (127.0.0.2,
127.0.0.3 ...: different hosts to Scrapy), each a registry site with DELAY s
between requests and 2 at a time, as portals are crawled. Then, each against a
fresh redis-server and archive: a local ``govarchive crawl`` of all sites in one
process (the reference), one worker, two workers, two workers with two sites
at once each; one ingest each time. Prints wall time until the archive holds
everything, pages/s, speed-up over one worker, and the articles stored (the same
every time).
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from big_portal import serve_big  # noqa: E402

BIN = Path(sys.executable).parent
SITE = '''province = "Bench"
[[site]]
key = "{key}"
name = "Bench {key}"
level = "district"
home = ["{url}"]
politeness = {{ delay = {delay}, concurrency = 2, autothrottle = false }}
'''


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(name: str, registry: Path, keys: list[str], workers: int, per_worker: int, tmp: Path) -> dict:
    port = _port()
    redis = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                              "--appendonly", "no"], stdout=subprocess.DEVNULL)
    time.sleep(0.3)
    url = f"redis://127.0.0.1:{port}/0"
    db = tmp / f"{name}.db"
    env = {**os.environ, "GOVARCHIVE_REGISTRY": str(registry), "GOVARCHIVE_ALLOW_PRIVATE_HOSTS": "1",
           "GOVARCHIVE_REDIS": url}
    common = ["-s", "GOVARCHIVE_MAX_DEPTH=10000", "-s", "GOVARCHIVE_STOP_PAGING=0"]
    try:
        start = time.perf_counter()
        if workers == 0:
            subprocess.run([str(BIN / "govarchive"), "crawl", *keys, "--db", str(db), *common], env=env,
                           check=True, capture_output=True)
        else:
            subprocess.run([str(BIN / "govarchive"), "enqueue", *keys], env=env, check=True,
                           capture_output=True)
            procs = [subprocess.Popen([str(BIN / "govarchive"), "ingest", "--db", str(db), "--until-done"],
                                      env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
            procs += [subprocess.Popen([str(BIN / "govarchive"), "worker", "--id", f"w{i}", "--warc-dir",
                                        str(tmp / f"{name}-warcs"), "--sites-at-once", str(per_worker),
                                        *common], env=env, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL) for i in range(workers)]
            for proc in procs:
                if proc.wait() != 0:
                    raise RuntimeError(f"{name}: a process failed ({proc.args[1]})")
        wall = time.perf_counter() - start
    finally:
        redis.terminate()
        redis.wait()
    conn = sqlite3.connect(db)
    pages = conn.execute("SELECT sum(pages_fetched) FROM crawls").fetchone()[0]
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    return {"wall": wall, "pages": pages, "articles": articles}


def main(sites: int, articles: int, delay: float) -> None:
    with ExitStack() as stack, tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        registry = tmp / "registry"
        registry.mkdir()
        keys = []
        for i in range(sites):
            url = stack.enter_context(serve_big(articles, host=f"127.0.0.{i + 2}", seed=10 + i))
            keys.append(f"bench{i}")
            (registry / f"{keys[-1]}.toml").write_text(SITE.format(key=keys[-1], url=url, delay=delay),
                                                       encoding="utf-8")
        runs = [("one process, all sites", 0, 1), ("1 worker", 1, 1), ("2 workers", 2, 1),
                ("2 workers x 2 sites", 2, 2)]
        results = {name: run(f"r{n}", registry, keys, workers, per, tmp)
                   for n, (name, workers, per) in enumerate(runs)}
    base = results["1 worker"]["wall"]
    print(f"{sites} sites x {articles} articles, delay {delay} s, 2 requests at a time per site; one run")
    print(f"{'':24}{'wall s':>8}{'pages':>7}{'pages/s':>9}{'vs 1 worker':>12}{'articles':>9}")
    for name, r in results.items():
        print(f"{name:24}{r['wall']:>8.1f}{r['pages']:>7}{r['pages'] / r['wall']:>9.1f}"
              f"{base / r['wall']:>12.2f}{r['articles']:>9}")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(int(args[0]) if args else 4, int(args[1]) if len(args) > 1 else 150,
         float(args[2]) if len(args) > 2 else 0.1)
