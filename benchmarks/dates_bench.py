"""Date parsing: govarchive's parse_date against plain dateparser.parse, same strings, one run.

    .venv/bin/python benchmarks/dates_bench.py [--rounds 200]

Prints microseconds per call, how many strings each gets right, and the ratio; then the cost
a page of reading an ambiguous date's order from the page's other dates (``month_first_by``),
against the same search with a pattern that opens with a digit, over the pages of
``../shared/real-pages`` (or the gold set's when that is absent).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import dateparser

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "common"))
from test_dates import FORMS  # noqa: E402  (the table the tests check)

from common.dates import _FORMED, _fast_path, month_first_by, parse_date  # noqa: E402

SETTINGS = {"DATE_ORDER": "DMY", "TIMEZONE": "Asia/Ho_Chi_Minh", "RETURN_AS_TIMEZONE_AWARE": True}


def plain(raw: str):
    return dateparser.parse(raw, languages=["vi"], settings=SETTINGS)


def timed(fn, rounds: int, strings: list[str]) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for raw in strings:
            try:
                fn(raw)
            except ValueError:
                pass
    return (time.perf_counter() - start) / (rounds * len(strings)) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    plain("01/01/2020")  # load dateparser's language data before timing
    ours_right = sum(parse_date(raw).value == want for raw, want in FORMS)
    plain_right = sum(bool(d := plain(raw)) and d.date().isoformat() == want[:10] for raw, want in FORMS)
    strings = [raw for raw, _ in FORMS]
    fast = [raw for raw in strings if _fast_path(raw, raw.lower(), False) is not None]
    few = max(1, args.rounds // 20)
    ours_us, plain_us = timed(parse_date, args.rounds, strings), timed(plain, few, strings)
    fast_us, plain_fast_us = timed(parse_date, args.rounds, fast), timed(plain, few, fast)
    print(f"{len(FORMS)} Vietnamese date strings ({len(fast)} take the regex fast path)")
    print(f"govarchive parse_date : {ours_us:8.1f} µs/call, {ours_right}/{len(FORMS)} right")
    print(f"dateparser.parse      : {plain_us:8.1f} µs/call, {plain_right}/{len(FORMS)} right (date part)")
    print(f"all strings: {plain_us / ours_us:.0f}x faster")
    print(f"fast-path strings: {fast_us:.1f} µs against {plain_fast_us:.1f} µs: "
          f"{plain_fast_us / fast_us:.0f}x faster")
    pages_order(args.rounds // 4 or 1)


def pages_order(rounds: int) -> None:
    root = Path(__file__).resolve().parent.parent
    files = sorted((root.parent / "shared" / "real-pages").glob("*.html")) or sorted(
        (root / "tests" / "gold" / "pages").glob("*.html"))
    pages = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    ours = timed(lambda page: month_first_by("05/07/2019 08:30", page), rounds, pages)
    digit_first = timed(lambda page: list(_FORMED.finditer(page)), rounds, pages)
    size = sum(map(len, pages)) / max(1, len(pages)) / 1000
    print(f"a date's order from its page ({len(pages)} pages, {size:.0f} k characters on average): "
          f"{ours:.0f} µs a page; a digit-first pattern {digit_first:.0f} µs ({digit_first / ours:.0f}x)")


if __name__ == "__main__":
    main()
