"""Filters researchers put on articles: site, province, level, period.

``site`` is the archive's own column; province and level come from the site
registry (a site key's entry), so they are resolved to a list of site keys
before any SQL runs. Every value reaches SQL as a parameter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from common.textnorm import fold


class FilterError(ValueError):
    """A filter value the user must correct; the message is for the user."""


@dataclass(frozen=True)
class Filters:
    site: str | None = None
    sites: tuple[str, ...] | None = None  # from --province/--level, resolved through the registry
    date_from: str | None = None  # YYYY-MM-DD, inclusive, Vietnam time as stored
    date_to: str | None = None

    def where(self, alias: str = "a", date_column: str = "published_at") -> tuple[str, list]:
        """An SQL condition on ``articles`` (aliased) and its parameters; ``date_column`` is
        ``issued_on`` for documents."""
        clauses, params = ["1 = 1"], []
        if self.site:
            clauses.append(f"{alias}.site = ?")
            params.append(self.site)
        if self.sites is not None:
            clauses.append(f"{alias}.site IN ({','.join('?' * len(self.sites)) or 'NULL'})")
            params.extend(self.sites)
        dates, more = self.period(alias, date_column)
        return " AND ".join([*clauses, dates]), params + more

    def period(self, alias: str = "a", date_column: str = "published_at") -> tuple[str, list]:
        """The date part of :meth:`where` alone."""
        clauses, params = ["1 = 1"], []
        if self.date_from:
            clauses.append(f"{alias}.{date_column} >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append(f"{alias}.{date_column} < ?")  # the whole last day: before the next one
            params.append(_next_day(self.date_to))
        return " AND ".join(clauses), params

    def site_keys(self) -> list[str] | None:
        """The sites an article must be from (both filters: those in each), or None for any."""
        if self.site and self.sites is not None:
            return [self.site] if self.site in self.sites else []
        if self.site:
            return [self.site]
        return None if self.sites is None else list(dict.fromkeys(self.sites))


def parse_day(value: str | None, option: str) -> str | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD value as the first day it covers."""
    if not value:
        return None
    parts = value.strip().split("-")
    try:
        numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
        return date(*numbers[:3]).isoformat() if len(parts) <= 3 else _bad(value, option)
    except (ValueError, TypeError):
        return _bad(value, option)


def parse_day_to(value: str | None, option: str) -> str | None:
    """The last day a YYYY, YYYY-MM or YYYY-MM-DD value covers."""
    first = parse_day(value, option)
    if first is None:
        return None
    parts = value.strip().split("-")
    y, m, d = (int(p) for p in first.split("-"))
    if len(parts) == 1:
        return f"{y}-12-31"
    if len(parts) == 2:
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1).isoformat()
    return first


def _bad(value: str, option: str):
    raise FilterError(f"{option}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")


def _next_day(day: str) -> str:
    return date.fromordinal(date.fromisoformat(day).toordinal() + 1).isoformat()


UNIT_WORDS = re.compile(r"^(?:tinh|thanh pho|tp\.?|quan|huyen|thi xa|thi tran|xa|phuong)\s+")


def unit_name(name: str | None) -> str:
    """A unit's name for matching: folded, without "Tỉnh", "Thành phố", "Huyện"..."""
    return UNIT_WORDS.sub("", fold(name or "").lower().strip())


def _new_province(site) -> str:
    if hasattr(site, "unit_columns"):  # a registry entry: its units, looked up once
        return site.unit_columns().get("new_province") or ""
    return getattr(site, "new_province", "") or ""


def sites_for(registry: dict, province: str | None, level: str | None,
              district: str | None = None) -> tuple[str, ...] | None:
    """Registry site keys of a province (as it was before 1 July 2025, or as it is now), a former
    district and/or a level (with or without diacritics); None: no filter."""
    if not province and not level and not district:
        return None
    wanted, former = unit_name(province), unit_name(district)
    keys = [key for key, site in registry.items()
            if (not wanted or wanted in (unit_name(site.province), unit_name(_new_province(site))))
            and (not former or unit_name(getattr(site, "district", "")) == former)
            and (not level or site.level == level)]
    if not keys:
        raise FilterError(f"no registry site in {district or ''} {province or ''} {level or ''}".strip())
    return tuple(keys)


def build(registry_loader, site: str | None = None, province: str | None = None, level: str | None = None,
          date_from: str | None = None, date_to: str | None = None, district: str | None = None) -> Filters:
    """Filters from command-line values; ``registry_loader()`` is called only when needed."""
    wanted = province or level or district
    sites = sites_for(registry_loader(), province, level, district) if wanted else None
    return Filters(site=site, sites=sites, date_from=parse_day(date_from, "--from"),
                   date_to=parse_day_to(date_to, "--to"))
