"""Every Redis key govarchive uses: a worker, the ingest and ``enqueue`` agree through these."""

from __future__ import annotations

PREFIX = "govarchive"
SITES = f"{PREFIX}:sites"  # sorted set: site keys waiting or being crawled (score: when queued)
STREAM = f"{PREFIX}:items"  # what workers found: items and archive operations
GROUP = "ingest"  # the stream's consumer group
DEAD = f"{PREFIX}:dead"  # entries the ingest could not use, kept for a person to look at
KNOWN = f"{PREFIX}:known"  # hash: URL -> what the archive knows of it (the incremental filter's view)
INGEST_LOCK = f"{PREFIX}:ingest"  # the one ingest holds this
WORKERS = f"{PREFIX}:workers"  # hash: worker id -> what it is doing (for `status` and tests)

# scrapy-redis's settings take templates on the spider's name, which is the site key
QUEUE_TEMPLATE = PREFIX + ":%(spider)s:requests"
DUPEFILTER_TEMPLATE = PREFIX + ":%(spider)s:dupefilter"


def queue(site: str) -> str:
    return QUEUE_TEMPLATE % {"spider": site}


def dupefilter(site: str) -> str:
    return DUPEFILTER_TEMPLATE % {"spider": site}


def inflight(site: str) -> str:
    """Hash: fingerprint -> request, for requests a worker took from the queue and has not finished."""
    return f"{PREFIX}:{site}:inflight"


def running(site: str) -> str:
    """The id of the site's crawl in progress (a worker taking a site over marks it killed)."""
    return f"{PREFIX}:{site}:crawl"


def host_lease(host: str) -> str:
    return f"{PREFIX}:lease:{host}"


def site_state(site: str) -> list[str]:
    """Everything a finished crawl of ``site`` leaves behind."""
    return [queue(site), dupefilter(site), inflight(site), running(site)]
