"""How fast one ingest stores what workers send: its capacity, in stream entries a second.

    .venv/bin/python benchmarks/ingest_bench.py [SITES] [ARTICLES]     # default 4 300

Serves SITES big portals (``big_portal``, other articles each), lets workers
crawl them into a Redis stream with no ingest running, then times ``govarchive
ingest --until-done`` over the whole stream, against the time of the same
ingest over an empty stream (its start-up), in one run.
"""

from __future__ import annotations

import os
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
from distributed_bench import SITE, _port  # noqa: E402

BIN = Path(sys.executable).parent


def main(sites: int, articles: int) -> None:
    with ExitStack() as stack, tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        (tmp / "registry").mkdir()
        keys = [f"bench{i}" for i in range(sites)]
        for i, key in enumerate(keys):
            url = stack.enter_context(serve_big(articles, host=f"127.0.0.{i + 2}", seed=10 + i))
            (tmp / "registry" / f"{key}.toml").write_text(SITE.format(key=key, url=url, delay=0),
                                                          encoding="utf-8")
        port = _port()
        redis = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                  "--appendonly", "no"], stdout=subprocess.DEVNULL)
        time.sleep(0.3)
        env = {**os.environ, "GOVARCHIVE_REGISTRY": str(tmp / "registry"),
               "GOVARCHIVE_ALLOW_PRIVATE_HOSTS": "1", "GOVARCHIVE_REDIS": f"redis://127.0.0.1:{port}/0"}
        govarchive = str(BIN / "govarchive")
        try:
            empty = _timed([govarchive, "ingest", "--db", str(tmp / "empty.db"), "--until-done"], env)
            subprocess.run([govarchive, "enqueue", *keys], env=env, check=True, capture_output=True)
            subprocess.run([govarchive, "worker", "--warc-dir", str(tmp / "warcs"), "--sites-at-once",
                            str(sites), "-s", "GOVARCHIVE_MAX_DEPTH=10000", "-s", "GOVARCHIVE_STOP_PAGING=0"],
                           env=env, check=True, capture_output=True)
            entries = int(subprocess.run(["redis-cli", "-p", str(port), "xlen", "govarchive:items"],
                                         capture_output=True, text=True, check=True).stdout)
            full = _timed([govarchive, "ingest", "--db", str(tmp / "a.db"), "--until-done"], env)
        finally:
            redis.terminate()
            redis.wait()
        stored = sqlite3.connect(tmp / "a.db").execute("SELECT count(*) FROM articles").fetchone()[0]
    work = full - empty
    print(f"{entries} stream entries ({stored} articles stored): ingest {full:.1f} s, of which start-up "
          f"{empty:.1f} s; {entries / work:.0f} entries/s, {stored / work:.0f} articles/s")


def _timed(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


if __name__ == "__main__":
    args = sys.argv[1:]
    main(int(args[0]) if args else 4, int(args[1]) if len(args) > 1 else 300)
