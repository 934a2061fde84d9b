"""Scrapy settings whose copies share what they do not change.

Scrapy gives each crawler a deep copy of the process's settings (``Crawler.__init__``), about
95 KiB of Python objects (some 250 settings, each an object, the dictionaries nested), and a
many-portal process makes one crawler a portal. A crawler changes a handful of them (its
site's politeness, what add-ons set) before freezing its copy. Here a copy shares every
setting with the settings it was made from, and a setting is copied, deeply, the first time
either side changes it: the same values as Scrapy's copy, at a tenth of the memory
(``tests/crawler/runtime/test_shared_settings.py``, ``benchmarks/portals_memory.py``).

A value a setting holds as a plain list or dict (not Scrapy's nested settings) is shared by
the copies until the setting is set again: Scrapy and this project read those, or replace
them through :meth:`set`; none changes them in place.
"""

from __future__ import annotations

import copy
from typing import Any

from scrapy.settings import Settings


class SharedSettings(Settings):
    _shared: frozenset[str] | set[str] = frozenset()  # names whose attribute other copies hold too

    def copy(self) -> SharedSettings:
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        new.frozen = False
        new.attributes = dict(self.attributes)
        new._shared = set(new.attributes)
        self._shared = set(self.attributes)  # this side must not change them in place either
        return new

    def set(self, name: str, value: Any, priority: int | str = "project") -> None:
        self._assert_mutability()
        if name in self._shared and name in self.attributes:
            self._shared.discard(name)
            self.attributes[name] = copy.deepcopy(self.attributes[name])
        super().set(name, value, priority)
