"""A small client for CDX servers: the Wayback Machine's and pywb's (and anything speaking either).

Written here rather than taken from ``wayback`` or ``cdx_toolkit``: the first
speaks only to archive.org, the second pulls in Common Crawl machinery and its
own HTTP client, and govarchive fetches through Scrapy (politeness, retries,
WARC capture) anyway. What is needed is small: the query URL, the two JSON
shapes (archive.org's array of rows with its resume key; pywb's one object per
line) and the plain space-separated lines, and the rule that picks a capture.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlencode

from common.urls import url_key

WAYBACK_CDX = "https://web.archive.org/cdx/search/cdx"
WAYBACK_REPLAY = "https://web.archive.org/web/"
PAGE_SIZE = 5000  # captures per CDX request (archive.org pages with a resume key)
KEEP_TYPES = ("text/html", "application/xhtml", "application/pdf", "application/msword",
              "application/vnd.openxmlformats", "application/vnd.ms-excel", "application/octet-stream")


class CdxError(ValueError):
    """An answer that is not a CDX listing; the message is for the user."""


@dataclass(frozen=True)
class CdxCapture:
    url: str  # the original address
    timestamp: str  # YYYYMMDDhhmmss, UTC
    mime: str
    status: str
    digest: str

    @property
    def captured_at(self) -> str:
        """The capture time, ISO 8601 UTC."""
        moment = datetime.strptime(self.timestamp[:14].ljust(14, "0"), "%Y%m%d%H%M%S").replace(tzinfo=UTC)
        return moment.isoformat(timespec="seconds")

    def replay_url(self, replay: str) -> str:
        """The raw capture (``id_``: as archived, links not rewritten)."""
        return f"{replay.rstrip('/')}/{self.timestamp}id_/{self.url}"


def query_url(endpoint: str, host: str, date_from: str | None = None, date_to: str | None = None,
              resume_key: str | None = None) -> str:
    params = {"url": host, "matchType": "host", "output": "json", "limit": PAGE_SIZE,
              "showResumeKey": "true"}
    if date_from:
        params["from"] = date_from.replace("-", "")
    if date_to:
        params["to"] = date_to.replace("-", "")
    if resume_key:
        params["resumeKey"] = resume_key
    return f"{endpoint}?{urlencode(params)}"


def parse_listing(body: bytes) -> tuple[list[CdxCapture], str | None, int]:
    """``(captures, resume key or None, malformed lines)``; :class:`CdxError` for a body
    that is no CDX listing at all (an HTML page, an error text)."""
    text = body.decode("utf-8", "replace").strip()
    if not text:
        return [], None, 0
    if text.startswith("<"):
        raise CdxError("the archive answered with an HTML page, not a CDX listing (is --cdx right?)")
    if text.startswith("[["):
        return _from_rows(text)
    captures, bad = [], 0
    for line in text.splitlines():
        capture = _from_line(line.strip())
        if capture is None:
            bad += 1
        else:
            captures.append(capture)
    if bad and not captures:
        raise CdxError(f"no CDX line could be read ({bad} lines, the first: {text.splitlines()[0][:80]!r})")
    return captures, None, bad


def _from_rows(text: str) -> tuple[list[CdxCapture], str | None, int]:
    """archive.org's ``output=json``: a header row, the rows, then ``[]`` and the resume key."""
    try:
        rows = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CdxError(f"damaged CDX JSON: {exc}") from exc
    header, resume, captures, bad = rows[0], None, [], 0
    for index, row in enumerate(rows[1:], start=1):
        if row == [] and index + 1 < len(rows):  # the resume key follows an empty row
            resume = rows[index + 1][0] if rows[index + 1] else None
            break
        try:
            fields = dict(zip(header, row, strict=True))
            captures.append(CdxCapture(fields["original"], fields["timestamp"], fields.get("mimetype", ""),
                                    fields.get("statuscode", ""), fields.get("digest", "")))
        except (KeyError, ValueError, TypeError):
            bad += 1
    return captures, resume, bad


def _from_line(line: str) -> CdxCapture | None:
    if not line:
        return None
    if line.startswith("{"):  # pywb: one JSON object per line
        try:
            fields = json.loads(line)
            return CdxCapture(fields["url"], fields["timestamp"], fields.get("mime", ""),
                           str(fields.get("status", "")), fields.get("digest", ""))
        except (json.JSONDecodeError, KeyError, TypeError):
            return None
    if line.count(" {") == 1:  # CDXJ: "urlkey timestamp {json}"
        head, _, rest = line.partition(" {")
        parts = head.split()
        try:
            fields = json.loads("{" + rest)
            return CdxCapture(fields["url"], parts[1], fields.get("mime", ""), str(fields.get("status", "")),
                           fields.get("digest", ""))
        except (json.JSONDecodeError, KeyError, IndexError, TypeError):
            return None
    # archive.org's plain lines: urlkey timestamp original mimetype statuscode digest length
    parts = line.split()
    if len(parts) >= 6 and parts[1].isdigit():
        return CdxCapture(parts[2], parts[1], parts[3], parts[4], parts[5])
    return None


def choose(captures: list[CdxCapture], before: str | None = None) -> list[CdxCapture]:
    """For each address, the capture to recover: the latest good one (status 200, a page or a
    document), at or before ``before`` (YYYYMMDD...) when given; in address order.

    A page that a dying portal put at many addresses at once ("Cổng thông tin đã ngừng hoạt
    động", a redirect notice, an error page) is not a good capture: when ``PLACEHOLDER_SHARE``
    of the addresses (at least 3) changed into the same content, captures of it are passed
    over, so each address's last real page is taken.
    """
    placeholders = _placeholders(captures)
    best: dict[str, CdxCapture] = {}
    for capture in captures:
        if capture.status not in ("200", "") or not capture.mime.startswith(KEEP_TYPES):
            continue
        if capture.digest and capture.digest in placeholders:
            continue
        if before and capture.timestamp[: len(before)] > before:
            continue
        key = url_key(capture.url)
        if key not in best or capture.timestamp > best[key].timestamp:
            best[key] = capture
    return [best[key] for key in sorted(best)]


PLACEHOLDER_SHARE = 0.2


def _placeholders(captures: list[CdxCapture]) -> set[str]:
    """Digests the portal's pages turned into: one page at many addresses that held other
    pages before (the same article under a few address variants never had other content)."""
    history: dict[str, list[CdxCapture]] = {}
    for capture in captures:
        history.setdefault(url_key(capture.url), []).append(capture)
    changed_into: dict[str, int] = {}
    for versions in history.values():
        versions.sort(key=lambda c: c.timestamp)
        seen: set[str] = set()
        for capture in versions:
            if capture.digest and seen - {capture.digest}:
                changed_into[capture.digest] = changed_into.get(capture.digest, 0) + 1
            seen.add(capture.digest)
    threshold = max(3, PLACEHOLDER_SHARE * len(history))
    return {digest for digest, count in changed_into.items() if count >= threshold}
