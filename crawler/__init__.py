"""govarchive: archival crawler for Vietnamese local government web portals.

The crawler's packages, one concern each (``docs/architecture.md`` draws how they meet):

- :mod:`crawler.runtime`: the Scrapy runtime: settings, middlewares, downloader, extensions,
  WARC capture, the resume frontier, the incremental filter, items, the runner and the probe;
- :mod:`crawler.discovery`: what plain links do not reach (WebForms pagers, load-more endpoints, script
  shells) and the traps the spider keeps out of;
- :mod:`crawler.registry`: the site registry (its TOML files in ``registry/sites/``), schedules and health;
- :mod:`crawler.profiles`: platform profiles (Liferay, SharePoint, ...) and a site's own selectors;
- :mod:`crawler.extraction`: article extraction from HTML, its process pool, re-extraction from WARC;
- :mod:`crawler.documents`: documents (PDF, Word, spreadsheets): text, OCR, metadata, re-reading;
- :mod:`crawler.distributed`: many machines: workers, the ingest, leases, the shared frontier;
- :mod:`crawler.cli`: the ``govarchive`` command;
- :mod:`crawler.demo`: the offline demo portals.

Helpers shared with ``archive`` live in the leaf package :mod:`common`.
"""

from common import __version__

__all__ = ["__version__"]
