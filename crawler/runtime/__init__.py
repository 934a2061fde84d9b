"""The Scrapy runtime: everything between a start URL and an item handed to the pipelines.

- :mod:`~crawler.runtime.settings`: the project's Scrapy settings (polite by default);
  :mod:`~crawler.runtime.shared_settings`: their copies, one a crawler, sharing what they do not change;
- :mod:`~crawler.runtime.items`: the items spiders yield (pages, documents);
- :mod:`~crawler.runtime.archive_access`: the archive writer a component gets (SQLite, or a worker's stream);
- :mod:`~crawler.runtime.downloader`, :mod:`~crawler.runtime.middlewares`: per-host politeness, retries
  with backoff; :mod:`~crawler.runtime.transfers`: the requests on the wire at once in a process of
  many portals; :mod:`~crawler.runtime.handlers`: Scrapy's HTTP handlers keeping one idle connection a host,
  and :mod:`~crawler.runtime.legacy_tls`: a portal offering only TLS 1.0/1.1, over the system's OpenSSL;
- :mod:`~crawler.runtime.capture`: every response written to WARC as served;
- :mod:`~crawler.runtime.browser`: the Scrapy add-on that drives the system's Chromium (scrapy-playwright)
  for pages built by script;
- :mod:`~crawler.runtime.resume`: the resume frontier (what a killed crawl had left to fetch);
- :mod:`~crawler.runtime.incremental`: a re-crawl fetches only what is new;
- :mod:`~crawler.runtime.extensions`: the ``crawls`` record, progress, one-line errors;
  :mod:`~crawler.runtime.failures`: a failed download said plainly;
  :mod:`~crawler.runtime.stats`: a crawl's stats, without Scrapy's per-access deprecation shim;
- :mod:`~crawler.runtime.signals`, :mod:`~crawler.runtime.findings`: what a spider learns besides items
  (redirects, document links, pages not fetched), written to the archive as it learns it;
- :mod:`~crawler.runtime.logformatter`, :mod:`~crawler.runtime.spiderloader`: quiet drops, one spider per
  registry site;
- :mod:`~crawler.runtime.runner`: run crawls in this process; :mod:`~crawler.runtime.many`: many portals
  split over a crawl process per core (:mod:`~crawler.runtime.preparation`: what a run makes ready
  before Scrapy starts, without importing it); :mod:`~crawler.runtime.probe`: probe a new portal.

Spiders (``spiders/``) and pipeline stages (``pipelines/``) are named here by string, as Scrapy
settings name them, so this package imports neither.
"""
