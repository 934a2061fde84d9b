"""Crawler traps, recognised by evidence rather than by a list of sites.

A trap is a part of a portal that answers forever with pages that bring nothing: an event
calendar whose « » links run past December, a session id that makes every link new, relative
links that grow the path, filters combined with filters, a "page not found" served with 200.
Their links look like pagination, so depth never grows, and they crowd real listings out of
the queue. :class:`TrapGuard` is the spider's record of what it has seen of each portal:

- **calendar**: a month past 12, a day past 31, a year before 1990 or after next year, a date
  more than a year ahead: refused at once;
- **path loop**: a path whose segments repeat (``/a/b/a/b/``, a segment three times, or
  twice after a relative link grew it);
- **facet combination**: two or more filter parameters together on a path where each was
  seen alone (each filter alone lists every item; combinations only re-cut it);
- **session noise**: a parameter carried with one value by every link of a page and with
  another value on the next page is a session id: dropped from the dedup key;
- **exhausted pattern**: pages reached from a page of the same shape (same path and parameter
  names, other values: « », next, page numbers) that, ``dry_pages`` times in a row, brought
  nothing new outside that shape: further links of the shape are refused.

No network, no Scrapy: the spider asks and tells; this module only counts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit

from common.urls import host_of

MONTH = re.compile(r"^(?:thang|month|mon|mm?)$", re.I)
DAY = re.compile(r"^(?:ngay|day|dd?)$", re.I)
YEAR = re.compile(r"^(?:nam|year|yyyy|yy?)$", re.I)
DATE_VALUE = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$|^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$")
PATH_DATE = re.compile(r"/((?:19|20|21|22|23)\d{2})/(\d{1,2})(?:/|$)")
# parameters that page a listing, or that name one item: never a filter
PAGING_PARAM = re.compile(r"^(?:page|trang|p|pg|paged|pageindex|pagenumber|pagesize|cur|_?\w*_cur|delta|"
                          r"_?\w*_delta|skip|offset|start|limit|top|size)$", re.I)
ITEM_PARAM = re.compile(r"(?:id|key|slug|code|ma)$", re.I)
# a session id: long, and not a word
TOKEN = re.compile(r"^(?=[^g-z]*$)[0-9a-f-]{8,}$|^(?=.*\d)(?=.*[a-z])[0-9a-z_-]{8,}$", re.I)
MIN_YEAR = 1990
NOISE_EVIDENCE = 2  # distinct values of one page-wide parameter on different pages
SHAPE_CAP = 4096  # shapes remembered per crawl (a trap must not grow the guard without bound)


def query_of(url: str) -> tuple[str, str, list[tuple[str, str]]]:
    parts = urlsplit(url)
    return host_of(url), parts.path, parse_qsl(parts.query, keep_blank_values=True)


def shape(url: str) -> str:
    """Host, path and the sorted parameter names: the URLs one template makes with other values."""
    host, path, params = query_of(url)
    return f"{host}{path}?{'&'.join(sorted({k for k, _ in params}))}"


def calendar_reason(url: str, today: date) -> str | None:
    """Why ``url`` is a calendar page out of any real time, or None."""
    _, path, params = query_of(url)
    # "m" and "d" name a module or an item on some portals: a month or day only beside a year
    dated = any(YEAR.match(k) for k, _ in params)
    for name, value in params:
        value = value.strip()
        if value.lstrip("-").isdigit() and len(value) <= 5:
            number = int(value)
            sure = dated or len(name) > 2
            if MONTH.match(name) and sure and not 1 <= number <= 12:
                return f"calendar: month {number}"
            if DAY.match(name) and sure and not 1 <= number <= 31:
                return f"calendar: day {number}"
            if YEAR.match(name) and len(value) == 4 and not MIN_YEAR <= number <= today.year + 1:
                return f"calendar: year {number}"
        found = DATE_VALUE.match(value)
        if found:
            year, month, day = (found[1], found[2], found[3]) if found[1] else (found[6], found[5], found[4])
            try:
                when = date(int(year), int(month), int(day or 1))
            except ValueError:
                return f"calendar: no such date {value}"
            if when > today + timedelta(days=366) or when.year < MIN_YEAR:
                return f"calendar: date {value}"
    match = PATH_DATE.search(path)
    if match and (int(match[1]) > today.year + 1 or not 1 <= int(match[2]) <= 12):
        return f"calendar: {match[1]}/{match[2]} in the path"
    return None


def loop_reason(url: str, relative: bool) -> str | None:
    """Why the path of ``url`` is a relative-link loop, or None."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    counts: dict[str, int] = defaultdict(int)
    for segment in segments:
        counts[segment] += 1
    repeated = [s for s, n in counts.items() if n >= 2 and not s.isdigit()]
    if any(counts[s] >= 3 for s in repeated):
        return "path loop: a segment three times"
    for size in (1, 2, 3):  # /a/b/a/b: a block repeated at once
        for i in range(len(segments) - 2 * size + 1):
            if segments[i:i + size] == segments[i + size:i + 2 * size]:
                return "path loop: repeated segments"
    if relative and repeated:
        return "path loop: a relative link repeats a segment"
    return None


class TrapGuard:
    def __init__(self, today: date | None = None, dry_pages: int = 8) -> None:
        self.today = today or date.today()
        self.dry_pages = dry_pages
        self.dry: dict[str, int] = defaultdict(int)  # shape -> pages in a row with nothing new
        self.exhausted: set[str] = set()
        self.alone: dict[str, set[str]] = defaultdict(set)  # host+path -> filters seen alone
        self.page_wide: dict[str, set[str]] = defaultdict(set)  # host+param -> its page-wide values
        self.noise: dict[str, set[str]] = defaultdict(set)  # host -> session parameters

    # asked before a request is made -----------------------------------------------------------
    def refuse(self, url: str, relative: bool = False) -> str | None:
        """Why a link to ``url`` is not followed, or None."""
        return (calendar_reason(url, self.today) or loop_reason(url, relative)
                or self._facet_reason(url) or self._exhausted_reason(url))

    def blocked(self, url: str) -> str | None:
        """Why a request already queued is not sent now (its shape ran dry since), or None."""
        return self._exhausted_reason(url)

    def key(self, host: str, key: str) -> str:
        """The dedup key (of a page on ``host``) less the portal's session parameters."""
        noise = self.noise.get(host)
        if not noise or "?" not in key:
            return key
        base, _, query = key.partition("?")
        kept = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k not in noise]
        return f"{base}?{urlencode(kept)}" if kept else base

    # told after a page is parsed ----------------------------------------------------------------
    def saw_links(self, links: list[str]) -> list[str]:
        """Learn from a page's same-site links; returns parameters newly found to be session noise."""
        values: dict[tuple[str, str], set[str]] = defaultdict(set)
        paths: dict[tuple[str, str], set[str]] = defaultdict(set)
        for url in links:
            host, path, params = query_of(url)
            filters = [k for k, v in params if not PAGING_PARAM.match(k) and not ITEM_PARAM.search(k)]
            if len(params) == 1 and filters:
                self.alone[host + path].add(filters[0])
            for name, value in params:
                values[host, name].add(value)
                paths[host, name].add(path)
        found = []
        for (host, name), seen in values.items():
            if len(seen) != 1 or len(paths[host, name]) < 2 or name in self.noise[host]:
                continue  # a session id rides on links to many paths, with one value a page
            value = next(iter(seen))
            if not TOKEN.match(value):  # lang=vi, cat=3: a page-wide switch, not a session
                continue
            wide = self.page_wide[f"{host} {name}"]
            wide.add(value)
            if len(wide) >= NOISE_EVIDENCE:
                self.noise[host].add(name)
                found.append(name)
        return found

    def page_done(self, url: str, source: str | None, new_elsewhere: int) -> None:
        """A page reached from ``source`` brought ``new_elsewhere`` new links of other shapes."""
        # only chains of one shape whose pages differ in parameter values (« », next, page numbers)
        if not source or not urlsplit(url).query or shape(source) != shape(url):
            return
        key = shape(url)
        if key not in self.dry and len(self.dry) >= SHAPE_CAP:
            return
        if new_elsewhere:
            self.dry[key] = 0
            return
        self.dry[key] += 1
        if self.dry[key] >= self.dry_pages and len(self.exhausted) < SHAPE_CAP:
            self.exhausted.add(key)

    # helpers -------------------------------------------------------------------------------------
    def _facet_reason(self, url: str) -> str | None:
        host, path, params = query_of(url)
        if any(ITEM_PARAM.search(k) for k, _ in params):
            return None
        filters = {k for k, _ in params if not PAGING_PARAM.match(k)}
        # each filter alone lists every item it selects: two of them together only re-cut it
        if len(filters) >= 2 and len(filters & self.alone.get(host + path, set())) >= 2:
            return f"facet combination: {', '.join(sorted(filters))}"
        return None

    def _exhausted_reason(self, url: str) -> str | None:
        if self.exhausted and shape(url) in self.exhausted:
            return f"trap pattern: {self.dry_pages} pages in a row brought nothing new"
        return None
