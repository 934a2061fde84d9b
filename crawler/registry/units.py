"""Each site's administrative units before and after 1 July 2025.

The reform merged 63 provinces into 34, abolished the district level and merged communes.
A registry entry names the units it was filed under (``province``, and ``district`` and
``commune`` below the province level); their codes, and the province and commune they are in
now, come from ``vietnamadminunits`` (MIT licence; the GPL-3.0 ``vietnam-provinces`` could not be
shipped inside this Apache-2.0 package), which carries the official unit lists and the
old-to-new mapping. An entry may state ``new_province`` or ``new_commune`` itself (where a
former district's portal belongs to one of several new communes, the mapping cannot say):
its own statement wins.

The package is imported only when units are asked for (it takes 0.4 s to import).
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from functools import lru_cache

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Units:
    province_code: str = ""  # before 1 July 2025
    district_code: str = ""
    new_province: str = ""  # after: the province it is in now
    new_province_code: str = ""
    new_commune: str = ""  # and, for a commune (or a ward), the commune it is part of now
    new_commune_code: str = ""
    problem: str = ""  # why the units could not be found ('' when they were)

    def columns(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if k != "problem"}


def _address(*parts: str) -> str:
    return ", ".join(p for p in parts if p)


@lru_cache(maxsize=8192)
def units_of(province: str, district: str = "", commune: str = "") -> Units:
    """The codes of the units a site was filed under, and the province and commune they are in now."""
    if not province:
        return Units(problem="no province")
    try:
        from vietnamadminunits import convert_address, parse_address
    except ImportError:
        return Units(problem="vietnamadminunits is not installed")
    level = 3 if commune else 2 if district else 1
    address = _address(commune, district, province)
    try:
        old = parse_address(address, mode="LEGACY", level=level)
        new = convert_address(address)
    except Exception as exc:  # noqa: BLE001 - the package raises plain Exceptions for unknown names
        return Units(problem=f"{address!r} is not in the official lists before 2025 ({exc})")
    if not old.province_code:
        return Units(problem=f"{province!r} is not a province before 2025")
    if district and not old.district_code:
        return Units(str(old.province_code), problem=f"{district!r} is not a district of {province}")
    return Units(str(old.province_code), str(old.district_code or ""), new.province or "",
                 str(new.province_code or ""), (new.ward or "") if commune else "",
                 str(new.ward_code or "") if commune else "")


def site_units(site) -> Units:
    """A registry site's units, its own ``new_province``/``new_commune`` first."""
    found = units_of(site.province, site.district, site.commune)
    stated = {k: v for k, v in (("new_province", site.new_province), ("new_commune", site.new_commune)) if v}
    return Units(**{**asdict(found), **stated}) if stated else found
