"""The site registry: which portals to crawl, how, and how they are doing.

- :mod:`crawler.registry.entries`: the registry's TOML files, read and checked into :class:`Site` values;
- :mod:`crawler.registry.health`: schedules (cron in Vietnam time) and health flags;
- :mod:`crawler.registry.locks`: which sites a run is crawling (one locked byte each, in one file);
- :mod:`crawler.registry.units`: each site's administrative units before and after 1 July 2025;
- ``sites/``: the bundled registry, one TOML file per province.
"""

from crawler.registry.entries import (
    BUNDLED,
    KEY,
    LEVELS,
    PLATFORMS,
    RegistryError,
    Site,
    cron_problem,
    load,
    load_file,
    sites_table,
    url_problem,
)

__all__ = ["BUNDLED", "KEY", "LEVELS", "PLATFORMS", "RegistryError", "Site", "cron_problem", "load",
           "load_file", "sites_table", "url_problem"]
