"""UTC timestamps as the archive stores them, crawl ids, and times as Vietnam reads them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7), "ICT")


def utc_now() -> str:
    """Now in UTC, ISO 8601 to the second (``fetched_at``, ``first_seen``, ...)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_crawl_id() -> str:
    """A ``crawls.id``: the UTC start time to the microsecond, e.g. ``20261204T235607123456Z``."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def vn_time(value: str | datetime | None, missing: str = "never") -> str:
    """A time as Vietnam sees it, with its zone: ``2026-11-24 03:00 +07``."""
    if not value:
        return missing
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # the archive keeps UTC
    return moment.astimezone(VN_TZ).strftime("%Y-%m-%d %H:%M +07")
