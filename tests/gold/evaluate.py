"""Score govarchive's extraction and plain trafilatura on the gold set (``make eval``).

    .venv/bin/python -m tests.gold.evaluate [--pages]

Per family and overall: body token F1 (multiset of lower-cased word tokens),
title exact (whitespace normalised), publication date right (govarchive: the
full value, with the time when the page shows one; trafilatura gives a day,
so its day is compared), author exact, and boilerplate leaked (the page's
sidebar, widget and footer strings found in the text). ``tests/crawler/extraction/test_gold.py``
pins floors on these figures.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import trafilatura

from crawler.extraction import extract_page

GOLD = Path(__file__).parent
FETCHED_AT = datetime(2026, 11, 1, tzinfo=UTC)
TOKEN = re.compile(r"\w+")


@dataclass
class Score:
    pages: int = 0
    f1: float = 0.0
    titles: int = 0
    dates: int = 0
    authors: int = 0
    leaked: int = 0  # boilerplate strings found, summed over pages
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.pages += other.pages
        self.f1 += other.f1
        self.titles += other.titles
        self.dates += other.dates
        self.authors += other.authors
        self.leaked += other.leaked
        self.misses += other.misses

    def row(self) -> dict[str, float]:
        n = max(1, self.pages)
        return {"f1": self.f1 / n, "title": self.titles / n, "date": self.dates / n,
                "author": self.authors / n, "leaked": self.leaked}


def tokens(text: str) -> Counter:
    return Counter(TOKEN.findall(unicodedata.normalize("NFC", text or "").lower()))


def token_f1(got: str, want: str) -> float:
    g, w = tokens(got), tokens(want)
    common = sum((g & w).values())
    if not common:
        return 0.0
    precision, recall = common / sum(g.values()), common / sum(w.values())
    return 2 * precision * recall / (precision + recall)


def same(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()) == " ".join((b or "").split())


def gold() -> dict[str, dict]:
    return json.loads((GOLD / "expected.json").read_text(encoding="utf-8"))


def ours(body: bytes, case: dict) -> dict:
    result = extract_page(body, case["url"], case["content_type"], fetched_at=FETCHED_AT)
    return {"title": result.title, "date": result.published_at, "author": result.author,
            "text": result.text}


def plain(body: bytes, case: dict) -> dict:
    out = trafilatura.extract(body, url=case["url"], output_format="json", with_metadata=True)
    data = json.loads(out) if out else {}
    return {"title": data.get("title"), "date": data.get("date"), "author": data.get("author"),
            "text": data.get("text") or ""}


def score_page(name: str, case: dict, got: dict, day_only: bool) -> Score:
    want_date = case["published_at"][:10] if day_only else case["published_at"]
    s = Score(pages=1, f1=token_f1(got["text"], case["text"]), titles=same(got["title"], case["title"]),
              dates=got["date"] == want_date, authors=same(got["author"], case["author"]),
              leaked=sum(1 for b in case["boilerplate"] if b in (got["text"] or "")))
    if not (s.titles and s.dates and s.f1 >= 0.97 and not s.leaked):
        s.misses.append(f"{name}: f1 {s.f1:.3f} title {got['title']!r} date {got['date']!r} "
                        f"(want {want_date!r}) leaked {s.leaked}")
    return s


def evaluate(extractor: str = "govarchive") -> dict[str, Score]:
    """Scores per family and ``"overall"`` for ``govarchive`` or ``trafilatura``."""
    run, day_only = (ours, False) if extractor == "govarchive" else (plain, True)
    families: dict[str, Score] = {}
    for name, case in gold().items():
        body = (GOLD / "pages" / f"{name}.html").read_bytes()
        families.setdefault(case["family"], Score()).add(score_page(name, case, run(body, case), day_only))
    overall = Score()
    for score in families.values():
        overall.add(score)
    return {**families, "overall": overall}


def report(show_pages: bool = False) -> str:
    ours_, plain_ = evaluate("govarchive"), evaluate("trafilatura")
    lines = [f"{'family':<12}{'pages':>6}  {'body F1':>15}  {'title':>13}  {'date':>13}  {'author':>13}"
             f"  {'leaked':>11}", f"{'':<20}{'govarchive / trafilatura':>38}"]
    for family in ours_:
        a, b = ours_[family].row(), plain_[family].row()
        lines.append(f"{family:<12}{ours_[family].pages:>6}  {a['f1']:>7.3f} {b['f1']:>7.3f}  "
                     f"{a['title']:>6.2f} {b['title']:>6.2f}  {a['date']:>6.2f} {b['date']:>6.2f}  "
                     f"{a['author']:>6.2f} {b['author']:>6.2f}  {a['leaked']:>5} {b['leaked']:>5}")
    if show_pages:
        lines += ["", "govarchive misses:", *ours_["overall"].misses]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(show_pages="--pages" in sys.argv))
