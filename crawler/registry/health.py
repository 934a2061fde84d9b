"""Schedules and portal health, from the registry and the ``crawls`` history.

Schedules are cron expressions read in Vietnam time (UTC+7), the portals' own
clock: ``0 3 * * *`` is 03:00 in Hanoi. A site is due when it was never
crawled or its next run after the last crawl's start has come.

Health flags, per site:

- ``failing N``: the last N crawls (N >= ``FAILING_RUNS``) all failed (not
  finished, or nothing fetched);
- ``no new articles``: none in the last ``QUIET_RUNS`` crawls although earlier
  crawls found some (a layout change, or a portal gone quiet: look);
- ``redirected to HOST``: the home page redirects to another domain, which is
  recorded and not crawled as if it were the old site;
- ``defunct?``: DNS or connection failures only, for ``DEFUNCT_DAYS`` days.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from croniter import croniter

from archive.crawl_history import site_runs
from archive.store import ArchiveError
from crawler.registry import Site

VN_TZ = timezone(timedelta(hours=7))
FAILING_RUNS = 3
QUIET_RUNS = 3
DEFUNCT_DAYS = 14
FINISHED = ("finished", "finished (page limit)")
NETWORK_ERRORS = ("DNSLookupError", "ConnectionRefusedError", "TCPTimedOutError", "TimeoutError",
                  "ConnectError", "NoRouteError",
                  # Scrapy 2.19's own names for the same failures
                  "CannotResolveHostError", "DownloadConnectionRefusedError", "DownloadTimeoutError")


@dataclass
class SiteHealth:
    key: str
    schedule: str
    last_run: str | None = None
    last_status: str | None = None
    next_run: str | None = None
    due: bool = False
    new_articles: int = 0
    errors: int = 0
    per_week: list[int] = field(default_factory=list)  # new articles, last 4 weeks, oldest first
    flags: list[str] = field(default_factory=list)


def now_utc() -> datetime:
    """The clock; ``GOVARCHIVE_NOW`` (ISO 8601, UTC unless it names a zone) fixes it, for tests
    and dry runs."""
    fixed = os.environ.get("GOVARCHIVE_NOW")
    if not fixed:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(fixed)
    except ValueError as exc:
        raise ArchiveError(f"GOVARCHIVE_NOW={fixed!r} is not an ISO 8601 time") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def next_run(schedule: str, after: datetime) -> datetime:
    return croniter(schedule, after.astimezone(VN_TZ)).get_next(datetime)


def site_health(sites: dict[str, Site], db_path: str | Path | None, now: datetime) -> list[SiteHealth]:
    history = site_runs(db_path) if db_path and Path(db_path).exists() else {}
    return [_one(site, history.get(site.key, []), now) for site in sites.values()]


def _one(site: Site, runs: list[dict], now: datetime) -> SiteHealth:
    health = SiteHealth(site.key, site.schedule)
    if site.status == "defunct":
        health.flags.append("defunct (registry)")
    done = [r for r in runs if r["status"] != "running"]
    if not runs:
        health.due = site.status != "defunct"
        return _with_recovery_hint(health)
    last = runs[-1]
    started = datetime.fromisoformat(last["started_at"])
    upcoming = next_run(site.schedule, started)
    health.last_run, health.last_status = last["started_at"], last["status"]
    health.next_run = upcoming.isoformat(timespec="minutes")
    # a run still marked running was killed, or holds the site's lock (which run-due respects)
    health.due = upcoming <= now and site.status != "defunct"
    health.new_articles, health.errors = last["new"], last["errors"]
    health.per_week = [sum(r["new"] for r in done if _weeks_ago(r, now) == w) for w in (3, 2, 1, 0)]
    health.flags += _flags(done, now)
    return _with_recovery_hint(health)


def _with_recovery_hint(health: SiteHealth) -> SiteHealth:
    """A dead portal's next step: what the web archives hold of it."""
    if any(flag.startswith("defunct") for flag in health.flags):
        health.flags.append(f"recover: govarchive recover {health.key}")
    return health


def _weeks_ago(run: dict, now: datetime) -> int:
    return (now - datetime.fromisoformat(run["started_at"])).days // 7


def _failed(run: dict) -> bool:
    return run["status"] not in FINISHED or run["pages"] == 0


def _flags(runs: list[dict], now: datetime) -> list[str]:
    flags = []
    failing = 0
    for run in reversed(runs):
        if not _failed(run):
            break
        failing += 1
    if failing >= FAILING_RUNS:
        flags.append(f"failing {failing} runs in a row")
    recent, earlier = runs[-QUIET_RUNS:], runs[:-QUIET_RUNS]
    if len(recent) == QUIET_RUNS and not any(r["new"] for r in recent) and any(r["new"] for r in earlier):
        flags.append(f"no new articles in {QUIET_RUNS} crawls (layout change?)")
    redirected = runs[-1]["stats"].get("govarchive/redirected_to") if runs else None
    if redirected:
        flags.append(f"redirected to {redirected}")
    dead = [r for r in reversed(runs) if _failed(r) and _network_only(r)]
    if dead and len(dead) == failing and failing:
        first = datetime.fromisoformat(dead[-1]["started_at"])
        if now - first >= timedelta(days=DEFUNCT_DAYS):
            flags.append(f"defunct? unreachable since {first:%Y-%m-%d}")
    return flags


def _network_only(run: dict) -> bool:
    errors = [k.rsplit("/", 1)[-1] for k in run["stats"] if k.startswith("govarchive/errors/")]
    return bool(errors) and all(e in (*NETWORK_ERRORS, "download") for e in errors)


