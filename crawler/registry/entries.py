"""The site registry: one TOML file per province, one ``[[site]]`` table per portal.

A public contract (archivists keep their own registry folders), so the format
is plain and every entry is validated on load; a bad entry is reported with
file, key and field::

    province = "Vĩnh Long"

    [[site]]
    key = "vinhlong"                      # [a-z0-9-], unique across the registry
    name = "Cổng thông tin điện tử tỉnh Vĩnh Long"
    level = "province"                    # province | district | commune | department
    home = ["https://vinhlong.gov.vn/"]
    district = ""                         # or commune = "..."
    platform = "sharepoint"               # sharepoint liferay postdate vnpt viettel wordpress joomla
                                          # news unknown
    status = "active"                     # active | redirected | defunct
    status_seen = "2026-11-22"            # when that status was last seen
    verified = false                      # true once a crawl confirmed the entry
    schedule = "0 3 * * *"                # cron expression (croniter's syntax, Vietnam time);
                                          # without one: daily at a night time drawn from the key
    start_urls = []                       # extra listing or start pages
    file_hosts = []                       # hosts of its documents, e.g. ["vanban.vinhlong.gov.vn"]
    article_pattern = ""                  # regex on URLs, a hint for new-site and reviews
    spider = ""                           # a class in spiders/ for portals that need code
    notes = ""
    [site.selectors]                      # extractor overrides (CSS, or XPath from "/"): body, title,
                                          # date, author, drop; drop_text: regexes of lines to remove;
                                          # date_order: "mdy" where "3/12/2024" is 12 March
    [site.politeness]                     # delay (s), concurrency, autothrottle (bool)
"""

from __future__ import annotations

import os
import re
import tomllib
import zlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from croniter import CroniterBadDateError, croniter

from common.urls import ip_literal, never_crawled

BUNDLED = Path(__file__).parent / "sites"
LEVELS = ("province", "district", "commune", "department")
STATUSES = ("active", "redirected", "defunct")
PLATFORMS = ("sharepoint", "liferay", "postdate", "vnpt", "viettel", "wordpress", "joomla", "news", "unknown")
SELECTOR_FIELDS = ("body", "title", "date", "author", "drop", "drop_text", "date_order")
DATE_ORDERS = ("dmy", "mdy")
POLITENESS_FIELDS = {"delay": (int, float), "concurrency": int, "autothrottle": bool}
KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# Portals are public hosts: an entry naming a loopback, private or link-local
# address (a cloud metadata service, the archivist's own network) is refused
# unless this is set, as the tests do for their local portals.
ALLOW_PRIVATE_ENV = "GOVARCHIVE_ALLOW_PRIVATE_HOSTS"


class RegistryError(ValueError):
    """A registry entry that does not validate; the message names file, key and field."""


@dataclass(frozen=True)
class Site:
    key: str
    name: str
    province: str
    level: str
    home: tuple[str, ...]
    district: str = ""
    commune: str = ""
    platform: str = "unknown"
    status: str = "active"
    status_seen: str = ""
    verified: bool = False
    schedule: str = "0 3 * * *"
    start_urls: tuple[str, ...] = ()
    file_hosts: tuple[str, ...] = ()  # other hosts the portal keeps its documents on
    article_pattern: str = ""
    spider: str = ""
    notes: str = ""
    selectors: dict = field(default_factory=dict)
    politeness: dict = field(default_factory=dict)
    browser: bool = False  # every page rendered in Chromium (the portal builds its pages in script)
    new_province: str = ""  # the province it is in since 1 July 2025, when the entry says so itself
    new_commune: str = ""  # and the commune, where the official mapping cannot tell (a former district)
    source: str = ""  # the file it came from

    def unit_columns(self) -> dict[str, str]:
        """The unit codes before 1 July 2025 and the units after, for the archive's ``sites`` table."""
        from crawler.registry.units import site_units

        return site_units(self).columns()

    def scrapy_settings(self) -> dict:
        """Politeness overrides as Scrapy settings for this site's spider."""
        p, out = self.politeness, {}
        if "delay" in p:
            out["DOWNLOAD_DELAY"] = float(p["delay"])
        if "concurrency" in p:
            out["CONCURRENT_REQUESTS_PER_DOMAIN"] = int(p["concurrency"])
        if "autothrottle" in p:
            out["AUTOTHROTTLE_ENABLED"] = bool(p["autothrottle"])
        return out


def load(folder: str | Path | None = None, *, problems: list[str] | None = None,
         allow_private: bool | None = None) -> dict[str, Site]:
    """Every site in the registry folder (default: the bundled one), by key.

    A bad entry raises :class:`RegistryError`, unless ``problems`` is a list: then
    its message goes there and only that site (or that file, if the file itself
    is unreadable) is left out, so one mistake never stops every other site.
    """
    folder = Path(folder) if folder else BUNDLED
    if allow_private is None:
        allow_private = os.environ.get(ALLOW_PRIVATE_ENV, "") not in ("", "0", "false", "False")
    if not folder.is_dir():
        raise RegistryError(f"no registry folder at {folder}")
    sites: dict[str, Site] = {}
    for path in sorted(folder.glob("*.toml")):
        for site in _collect(lambda p=path: load_file(p, problems, allow_private), problems):
            if site.key in sites:
                _report(RegistryError(f"{path.name}: site {site.key!r}: key already used in "
                                      f"{sites[site.key].source}"), problems)
                continue
            sites[site.key] = site
    return sites


def _collect(read, problems: list[str] | None) -> list[Site]:
    try:
        return read()
    except RegistryError as exc:
        _report(exc, problems)
        return []


def _report(exc: RegistryError, problems: list[str] | None) -> None:
    if problems is None:
        raise exc
    problems.append(str(exc))


def load_file(path: Path, problems: list[str] | None = None, allow_private: bool = False) -> list[Site]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(f"{path.name}: cannot read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"{path.name}: not valid TOML: {exc}") from exc
    province = data.get("province")
    if not isinstance(province, str) or not province.strip():
        raise RegistryError(f"{path.name}: field 'province': a province name is required")
    entries = data.get("site", [])
    if not isinstance(entries, list):
        raise RegistryError(f"{path.name}: 'site' must be a list of [[site]] tables")
    sites = []
    for entry in entries:
        sites += _collect(lambda e=entry: [_site(path.name, province, e, allow_private)], problems)
    return sites


def _site(file: str, province: str, entry: dict, allow_private: bool = False) -> Site:
    if not isinstance(entry, dict):
        raise RegistryError(f"{file}: each [[site]] must be a table")
    key = entry.get("key", "")

    def fail(name: str, message: str) -> RegistryError:
        return RegistryError(f"{file}: site {key or '?'!r}: field {name!r}: {message}")

    if not isinstance(key, str) or not KEY.match(key):
        raise fail("key", "lower-case letters, digits and '-' only")
    known = set(Site.__dataclass_fields__) - {"source", "province"}
    for name in entry:
        if name not in known:
            raise fail(name, "unknown field")
    for name in ("name", "level", "home"):
        if not entry.get(name):
            raise fail(name, "required")
    _check_choice(entry, "level", LEVELS, fail)
    _check_choice(entry, "status", STATUSES, fail)
    _check_choice(entry, "platform", PLATFORMS, fail)
    home = entry["home"] if isinstance(entry["home"], list) else [entry["home"]]
    for name, urls in (("home", home), ("start_urls", entry.get("start_urls", []))):
        if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
            raise fail(name, "a list of http(s) URLs")
        for url in urls:
            problem = url_problem(url, allow_private)
            if problem:
                raise fail(name, f"{url!r}: {problem}")
    hosts = entry.get("file_hosts", [])
    if not isinstance(hosts, list) or not all(isinstance(h, str) and h for h in hosts):
        raise fail("file_hosts", "a list of host names")
    for host in hosts:
        problem = url_problem(f"https://{host}/", allow_private)
        if problem or "/" in host:
            raise fail("file_hosts", f"{host!r}: {problem or 'a host name, not a URL'}")
    if not isinstance(entry.get("browser", False), bool):
        raise fail("browser", "true or false")
    _check_details(entry, fail)
    entry.setdefault("schedule", default_schedule(entry["key"]))
    return Site(**{**entry, "home": tuple(home), "start_urls": tuple(entry.get("start_urls", [])),
                   "file_hosts": tuple(hosts),
                   "province": province, "source": file,
                   "status_seen": str(entry.get("status_seen", ""))})


def _check_choice(entry: dict, name: str, choices: tuple[str, ...], fail) -> None:
    if name in entry and entry[name] not in choices:
        raise fail(name, f"{entry[name]!r} is not one of {', '.join(choices)}")


def url_problem(url: str, allow_private: bool = False) -> str:
    """Why ``url`` cannot be a portal address ('' when it can): http(s) to a public host."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError as exc:
        return f"not a URL ({exc})"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "a URL must be http:// or https:// with a host name"
    if parts.username or parts.password:
        return "a URL must not carry a user name or password"
    host = parts.hostname.rstrip(".")
    forbidden = never_crawled(host)
    if forbidden:
        return f"{forbidden}: never crawled"
    address = ip_literal(host)
    if allow_private:
        return ""
    if host == "localhost" or host.endswith(".localhost"):
        return f"loopback host (set {ALLOW_PRIVATE_ENV}=1 to allow local hosts)"
    if address is not None and not address.is_global:
        return (f"{address} is a private, loopback or link-local address "
                f"(set {ALLOW_PRIVATE_ENV}=1 to allow local hosts)")
    return ""


def default_schedule(key: str) -> str:
    """A site without a schedule is crawled daily at a night time of its own, 01:00 to 05:59 in
    Vietnam time, drawn from its key: one hour for every site made a whole registry due at once."""
    n = zlib.crc32(key.encode())
    return f"{n % 60} {1 + n // 60 % 5} * * *"


def cron_problem(schedule) -> str:
    """Why ``schedule`` is not a usable cron expression ('' when it is), by croniter, which runs it."""
    if not isinstance(schedule, str):
        return f"{schedule!r} is not a cron expression (five fields: minute hour day month weekday)"
    return _cron_problem(schedule)


@lru_cache(maxsize=1024)
def _cron_problem(schedule: str) -> str:
    """Each expression checked once: a registry of hundreds of portals repeats a few (their
    check was half of loading the registry, which a crawl of all of them waits for)."""
    if not croniter.is_valid(schedule):
        return f"{schedule!r} is not a cron expression (five fields: minute hour day month weekday)"
    if not schedule.startswith("@") and len(schedule.split()) != 5:
        return f"{schedule!r}: five fields expected (minute hour day month weekday)"
    try:
        croniter(schedule, datetime.now(UTC)).get_next(datetime)
    except (CroniterBadDateError, ValueError, KeyError) as exc:
        return f"{schedule!r} never runs ({exc})"
    return ""


def _check_details(entry: dict, fail) -> None:
    problem = cron_problem(entry.get("schedule", "0 3 * * *"))
    if problem:
        raise fail("schedule", problem)
    if "status_seen" in entry and not isinstance(entry["status_seen"], date):
        try:
            date.fromisoformat(str(entry["status_seen"]))
        except ValueError as exc:
            raise fail("status_seen", "a date, YYYY-MM-DD") from exc
    if entry.get("article_pattern"):
        try:
            re.compile(entry["article_pattern"])
        except re.error as exc:
            raise fail("article_pattern", f"not a regular expression: {exc}") from exc
    for name, value in entry.get("selectors", {}).items():
        if name not in SELECTOR_FIELDS:
            raise fail(f"selectors.{name}", f"not one of {', '.join(SELECTOR_FIELDS)}")
        _check_selector(name, value, fail)
    for name, value in entry.get("politeness", {}).items():
        kinds = POLITENESS_FIELDS.get(name)
        if kinds is None:
            raise fail(f"politeness.{name}", f"not one of {', '.join(POLITENESS_FIELDS)}")
        if not isinstance(value, kinds) or (name == "concurrency" and value < 1):
            raise fail(f"politeness.{name}", f"bad value {value!r}")
    for name in ("verified",):
        if name in entry and not isinstance(entry[name], bool):
            raise fail(name, "true or false")


def sites_table(sites: dict[str, Site], db_path: str | Path | None, province: str | None = None,
                level: str | None = None, units: bool = True) -> list[dict]:
    """Rows for ``govarchive sites``: each site with its status and last crawl."""
    from archive.crawl_history import last_crawls
    from common.textnorm import fold
    from crawler.registry.units import site_units

    last = last_crawls(db_path) if db_path else {}
    rows = []
    for site in sorted(sites.values(), key=lambda s: (s.province, LEVELS.index(s.level), s.key)):
        if (province and fold(province) not in fold(site.province)) or (level and site.level != level):
            continue
        crawl = last.get(site.key, {})
        found = site_units(site) if units else None
        now = found.columns() if found else {}
        rows.append({
            "key": site.key, "level": site.level,
            "place": " / ".join(p for p in (site.province, site.district, site.commune) if p),
            "now": " / ".join(p for p in (now.get("new_province"), now.get("new_commune")) if p),
            "units_problem": found.problem if found else "",
            "status": site.status + ("" if site.verified else " (unverified)"),
            "last_crawl": crawl.get("started_at"), "last_status": crawl.get("status"),
            "articles_new": crawl.get("articles_new"),
        })
    return rows


def _check_selector(name: str, value, fail) -> None:
    from crawler.profiles.site import SelectorError, compile_selector

    if name == "date_order":
        if value not in DATE_ORDERS:
            raise fail("selectors.date_order", f"one of {', '.join(DATE_ORDERS)}")
        return
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise fail(f"selectors.{name}", "a selector, or a list of them")
    try:
        for v in values:
            re.compile(v) if name == "drop_text" else compile_selector(v)
    except (SelectorError, re.error) as exc:
        raise fail(f"selectors.{name}", f"does not compile: {exc}") from exc
