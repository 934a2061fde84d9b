"""What storing one article costs the archive, as a crawl stores them (one commit each).

    .venv/bin/python benchmarks/archive_writes_bench.py [ARTICLES]   # default 20000

Fills a scratch archive with ARTICLES articles of varied Vietnamese text (with their
near-duplicate index, as the store stage writes them) and prints the CPU and wall time an
article's insert took over the last 2,000: with the archive's WAL checkpoint interval
(``archive.connect.CHECKPOINT_PAGES``) and with SQLite's default of 1,000 pages.
"""

from __future__ import annotations

import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from archive import neardup  # noqa: E402
from archive.store import Archive  # noqa: E402

WORDS = ("sáng ngày ủy ban nhân dân xã tổ chức hội nghị lần thứ triển khai nhiệm vụ trọng tâm về phát "
         "triển kinh tế văn hóa và xã hội trên địa bàn các đại biểu đã thảo luận nhiều giải pháp thiết "
         "thực nhằm nâng cao đời sống người dân cải cách hành chính").split()
LAST = 2000


def records(count: int) -> list[dict]:
    rng = random.Random(1)
    out = []
    for n in range(count):
        site = f"xa{n % 150}"
        text = "\n".join(" ".join(rng.choices(WORDS, k=60)) + f" {site} {n}" for _ in range(5))
        out.append({"url": f"http://{site}.gov.vn/tin/{n}.html", "site": site, "title": f"{site} bài {n}",
                    "published_at": "2024-03-01T08:30:00+07:00", "text": text,
                    "content_hash": hashlib.sha1(text.encode()).hexdigest(),
                    "fetched_at": "2024-03-01T00:00:00Z", "crawl_id": "bench"})
    return out


def measure(rows: list[dict], signatures: list, checkpoint: int | None) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        archive = Archive(Path(folder) / "a.db")
        archive.start_crawl("bench", "2026-12-05T00:00:00Z", [])
        if checkpoint:
            archive.db.execute(f"PRAGMA wal_autocheckpoint = {checkpoint}")
        for row, signature in zip(rows[:-LAST], signatures[:-LAST], strict=True):
            archive.insert_article(row, signature)
        wall, cpu = time.perf_counter(), time.process_time()
        for row, signature in zip(rows[-LAST:], signatures[-LAST:], strict=True):
            archive.insert_article(row, signature)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        archive.close()
    return cpu * 1000 / LAST, wall * 1000 / LAST


def main() -> None:
    count = max(LAST + 1, int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
    rows = records(count)
    signatures = [neardup.signature(row["text"]) for row in rows]
    for label, checkpoint in (("SQLite's default (1,000 pages)", 1000), ("the archive's", None)):
        cpu, wall = measure(rows, signatures, checkpoint)
        print(f"checkpoint {label:32} {cpu:.3f} ms CPU, {wall:.3f} ms wall an article "
              f"(the last {LAST:,} of {count:,})")


if __name__ == "__main__":
    main()
