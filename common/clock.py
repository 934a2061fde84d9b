"""UTC timestamps as the archive stores them, and crawl ids."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> str:
    """Now in UTC, ISO 8601 to the second (``fetched_at``, ``first_seen``, ...)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_crawl_id() -> str:
    """A ``crawls.id``: the UTC start time to the microsecond, e.g. ``20261204T235607123456Z``."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
