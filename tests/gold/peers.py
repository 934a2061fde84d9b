"""Score the generic path on real pages nobody here wrote: other extractors' own test pages.

    .venv/bin/python -m tests.gold.peers [--pages]

``tests/fixtures/peer`` (copied from the team's shared peer-pages, see its
README and SOURCES.tsv) holds trafilatura's real-world test pages with the
strings its tests require in and out of the body, and htmldate's with the
publication day. govarchive and plain trafilatura run on the same pages in
the same run. Measures: must-include (share of required strings found),
must-exclude (share of banned strings absent), pages passing (every string
right), title (where given), and the publication day on htmldate's pages.
``tests/crawler/extraction/test_peer_pages.py`` pins floors on them.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import trafilatura

from crawler.extraction import extract_page

PEER = Path(__file__).resolve().parent.parent / "fixtures" / "peer"
FETCHED_AT = datetime(2026, 11, 1, tzinfo=UTC)


@dataclass
class PeerScore:
    pages: int = 0
    included: int = 0
    include_total: int = 0
    excluded: int = 0
    exclude_total: int = 0
    passing: int = 0
    titles: int = 0
    title_total: int = 0
    dates: int = 0
    date_pages: int = 0
    misses: list[str] = field(default_factory=list)

    def row(self) -> dict[str, float]:
        return {"include": self.included / max(1, self.include_total),
                "exclude": self.excluded / max(1, self.exclude_total),
                "passing": self.passing / max(1, self.pages),
                "title": self.titles / max(1, self.title_total),
                "date": self.dates / max(1, self.date_pages)}


def cases(kind: str) -> list[tuple[str, dict, bytes]]:
    folder = PEER / kind
    return [(path.stem, json.loads(path.read_text(encoding="utf-8")),
             (folder / "pages" / f"{path.stem}.html").read_bytes())
            for path in sorted((folder / "gold").glob("*.json"))]


def ours(body: bytes, url: str) -> dict:
    r = extract_page(body, url, None, fetched_at=FETCHED_AT)
    return {"text": f"{r.text}\n{r.comments}", "title": r.title,
            "date": (r.published_at or "")[:10] or None}


def plain(body: bytes, url: str) -> dict:
    """trafilatura as a user runs it: body and comments (its text output appends them)."""
    out = trafilatura.extract(body, url=url, output_format="json", with_metadata=True)
    data = json.loads(out) if out else {}
    return {"text": f"{data.get('text') or ''}\n{data.get('comments') or ''}", "title": data.get("title"),
            "date": data.get("date")}


def score_text(score: PeerScore, name: str, case: dict, got: dict) -> None:
    text = got["text"] or ""
    found = [s for s in case["must_include"] if s in text]
    leaked = [s for s in case["must_exclude"] if s in text]
    score.pages += 1
    score.included += len(found)
    score.include_total += len(case["must_include"])
    score.excluded += len(case["must_exclude"]) - len(leaked)
    score.exclude_total += len(case["must_exclude"])
    ok = len(found) == len(case["must_include"]) and not leaked
    score.passing += ok
    want_title = (case.get("meta") or {}).get("title")
    if want_title:
        score.title_total += 1
        score.titles += " ".join((got["title"] or "").split()) == " ".join(want_title.split())
    if not ok:
        missing = [s[:40] for s in case["must_include"] if s not in text]
        score.misses.append(f"{name}: missing {missing} leaked {[s[:40] for s in leaked]}")


def score_date(score: PeerScore, name: str, case: dict, got: dict) -> None:
    score.date_pages += 1
    right = got["date"] == case["published_at"]
    score.dates += right
    if not right:
        score.misses.append(f"{name}: date {got['date']!r}, want {case['published_at']!r}")


def evaluate(extractor: str = "govarchive") -> PeerScore:
    run = ours if extractor == "govarchive" else plain
    score = PeerScore()
    for name, case, body in cases("trafilatura"):
        score_text(score, name, case, run(body, case["url"]))
    for name, case, body in cases("htmldate"):
        score_date(score, name, case, run(body, case["url"]))
    return score


def report(show_pages: bool = False) -> str:
    a, b = evaluate("govarchive"), evaluate("trafilatura")
    lines = [f"peer pages: {a.pages} text pages (trafilatura's tests), {a.date_pages} date pages (htmldate's)",
             f"{'measure':<14}{'govarchive':>12}{'trafilatura':>13}"]
    for measure in ("include", "exclude", "passing", "title", "date"):
        lines.append(f"{measure:<14}{a.row()[measure]:>12.3f}{b.row()[measure]:>13.3f}")
    if show_pages:
        lines += ["", "govarchive misses:", *a.misses]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(show_pages="--pages" in sys.argv))
