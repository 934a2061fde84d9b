"""Items passed from the spider through the pipelines.

The spider fills the capture fields; the pipelines fill the article fields in
order (extract, dates, dedup, store), reading and writing through ItemAdapter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PageItem:
    # capture, set by the spider
    url: str  # becomes the canonical address (rel=canonical) in the extract stage
    site: str
    crawl_id: str
    fetched_at: str  # UTC ISO 8601
    status: int = 200
    content_type: str = ""
    body: bytes = b""
    fetched_url: str = ""  # the address actually fetched
    listing_page: bool = False  # a page of a listing: its pager reached it, or it links its next page
    listing_hint: dict | None = None  # title and date a listing endpoint gave for it (JSON)
    # article fields, set by the pipelines
    title: str = ""
    text: str = ""
    author: str | None = None
    source: str | None = None
    attachments: str | None = None  # JSON list of {"label", "url"}: files the body links
    comments: str | None = None  # reader comments, apart from the text
    published_at: str | None = None
    published_raw: str | None = None
    published_from: str | None = None  # which rule chose the date (the winning candidate's kind)
    content_hash: str = ""
    date_candidates: list[tuple[str, str]] = field(default_factory=list)
    existing_id: int | None = None  # set by dedup when the URL is archived with other text
    near_id: int | None = None  # set by dedup: an archived article this one nearly duplicates
    signature: Any = None  # MinHash signature (numpy array), set by dedup
    warc_file: str | None = None  # where the response record is, set by the spider
    warc_offset: int | None = None
    warc_length: int | None = None
    captured_at: str | None = None  # recovered from a web archive: the capture's time (UTC)
    capture_archive: str | None = None  # and the archive's replay address


@dataclass
class DocumentItem:
    """A file a portal publishes (PDF, DOC, DOCX, spreadsheet, archive), as fetched.

    The documents stage reads its text and metadata and stores it; the article
    stages pass it on untouched.
    """

    url: str
    site: str
    crawl_id: str
    fetched_at: str  # UTC ISO 8601
    status: int = 200
    content_type: str = ""
    disposition: str = ""  # Content-Disposition, which often carries the real file name
    body: bytes = b""
    linked_from: str = ""  # the page whose link led here ('' when found otherwise)
    link_text: str = ""
    context: list[str] = field(default_factory=list)  # the linking listing row's cells
    warc_file: str | None = None
    warc_offset: int | None = None
    warc_length: int | None = None
    read: dict | None = None  # its DocumentRecord's fields, once read (by a worker, for the ingest)
