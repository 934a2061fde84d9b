"""What extraction found on one page, and the verdict on it as a typed value.

``Extraction.reason`` says to people why a page is not an article; ``rejection`` says it to
code (the extract stage files a listing and a dead end apart by it, never by the wording).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from common.dates import MONTH_FIRST, DateError, parse_date


class Rejection(StrEnum):
    """Why a page is not an article, as the crawl acts on it."""

    LISTING = "listing"  # lists other pages (or has no text block, so may): later crawls fetch it again
    NOT_ARTICLE = "not_article"  # no title, too little text: a dead end
    EMPTY = "empty"  # nothing but white space
    MALFORMED = "malformed"  # markup that cannot be parsed, or nested past any reading
    OVER_TIME = "over_time"  # extraction gave up after its time budget (the page is in the WARC)
    WORKER_DIED = "worker_died"  # the extraction process died on it (the page is in the WARC)


@dataclass
class Extraction:
    url: str | None = None  # canonical URL, from rel=canonical when it stays on the host
    title: str = ""
    text: str = ""
    author: str | None = None
    source: str | None = None
    date_candidates: list[tuple[str, str]] = field(default_factory=list)  # (kind, raw)
    published_at: str | None = None
    published_raw: str | None = None
    published_from: str | None = None  # the candidate kind that gave the date: which rule chose it
    date_notes: list[str] = field(default_factory=list)  # why candidates were rejected
    is_article: bool = False
    reason: str = ""  # why it is not an article, for people
    rejection: Rejection | None = None  # the same, for code (None: an article)
    encoding: str | None = None
    truncated: bool = False  # the page was larger than extraction reads (crawler.extraction.budget)
    comments: str = ""  # reader comments, apart from the text (generic path)
    attachments: list[dict[str, str]] = field(default_factory=list)  # documents the body links
    # the body's reading: the profile that named it ("site": the site's selectors), else the
    # candidate chosen (located; on the generic path also trafilatura, container)
    body_from: str = ""
    platform: str = "unknown"  # the platform profile that matched

    def stored(self) -> dict:
        """The article fields as the archive stores them (attachments as JSON, NULL for none)."""
        return {"title": self.title, "published_at": self.published_at, "published_raw": self.published_raw,
                "published_from": self.published_from, "author": self.author, "source": self.source,
                "text": self.text,
                "attachments": json.dumps(self.attachments, ensure_ascii=False) if self.attachments else None,
                "comments": self.comments or None}


def resolve_date(result: Extraction, fetched_at: datetime | None = None) -> Extraction:
    """Parse the date candidates in order; the first valid one wins."""
    for kind, raw in result.date_candidates:
        try:
            parsed = parse_date(raw, now=fetched_at, month_first=kind.endswith(MONTH_FIRST))
        except DateError as exc:
            result.date_notes.append(f"{kind}: {exc}")
            continue
        result.published_at, result.published_raw, result.published_from = parsed.value, parsed.raw, kind
        return result
    if not result.date_candidates:
        result.date_notes.append("no date line near the title and no date metadata")
    return result
