"""Scrapy settings for govarchive: polite by default.

``scrapy.cfg`` points here; the ``govarchive`` CLI loads the same module and
overrides a few values per run (database, limits). Portals are small servers
run by local governments: obey robots.txt, at most two requests at a time per
host, AutoThrottle on, back off on errors, and say who we are.
"""

import os

from common import __version__

BOT_NAME = "govarchive"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
SPIDER_LOADER_CLASS = "crawler.runtime.spiderloader.RegistrySpiderLoader"

GOVARCHIVE_CONTACT = os.environ.get("GOVARCHIVE_CONTACT", "set GOVARCHIVE_CONTACT to your e-mail")
USER_AGENT = (
    f"govarchive/{__version__} (archival crawler of Vietnamese local government portals; "
    f"contact: {GOVARCHIVE_CONTACT})"
)
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
# Outputs of one page processed at once. Scrapy starts that many asyncio tasks for every
# response, and a page yields one item and a few new links: the default 100 costs the reactor
# time for nothing (benchmarks/RESULTS.md).
CONCURRENT_ITEMS = 8
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Scrapy 2.19's downloader lets a host get more than its concurrency when the delay is 0, applies
# no robots.txt Crawl-delay, and lets other requests go to a host that answered Retry-After
DOWNLOADER = "crawler.runtime.downloader.PoliteDownloader"
GOVARCHIVE_CRAWL_DELAY_MAX = 60.0  # a Crawl-delay above this is kept to it (and logged)

DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
RETRY_BACKOFF_BASE = 2.0  # seconds before the first retry, doubled each time
RETRY_BACKOFF_MAX = 60.0
RETRY_AFTER_MAX = 600.0  # a Retry-After (429, 503) above this is kept to it; the whole host waits
DOWNLOADER_MIDDLEWARES = {
    "crawler.runtime.middlewares.NeverCrawledHostsMiddleware": 1,  # link-local, cloud metadata
    "crawler.runtime.middlewares.TrapMiddleware": 2,  # queued requests of a pattern found to be a trap
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.runtime.middlewares.BackoffRetryMiddleware": 550,
    # below redirects (600) and decompression (590): every response as served
    "crawler.runtime.capture.WarcCaptureMiddleware": 950,
}

# Breadth first: listings and their pages before the long tail.
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"

SPIDER_MIDDLEWARES = {
    "crawler.runtime.incremental.IncrementalMiddleware": 950,
    "crawler.runtime.resume.FrontierMiddleware": 900,  # records what passed the incremental filter
}
# The pipeline chain, declared once: (priority, stage, the roles that run it). A local crawl
# runs every stage but the stream; a worker reads documents and extracts, then streams its
# items; the ingest stores them (dedup, dates, store) into the one SQLite archive.
# Dedup comes before dates: duplicates need no date work and must not count as undated.
PIPELINE_CHAIN = (
    (50, "pipelines.document_files.DocumentPipeline", ("local", "worker", "ingest")),
    (100, "pipelines.extract.ExtractPipeline", ("local", "worker")),
    (200, "pipelines.dedup.DedupPipeline", ("local", "ingest")),
    (300, "pipelines.dates.DatePipeline", ("local", "ingest")),
    (400, "pipelines.store.StorePipeline", ("local", "ingest")),
    (900, "pipelines.stream.StreamPipeline", ("worker",)),
)


def item_pipelines(role: str) -> dict[str, int]:
    """``ITEM_PIPELINES`` for a role: ``local``, ``worker`` or ``ingest``."""
    return {stage: priority for priority, stage, roles in PIPELINE_CHAIN if role in roles}


ITEM_PIPELINES = item_pipelines("local")
# Scrapy's EXTENSIONS_BASE less two, left out here rather than turned off in EXTENSIONS: Scrapy
# imports every class EXTENSIONS names, even one set to None, and RemoteControl's module imports
# aiohttp, 0.1 s of every crawl process's start. LogCount put a handler per crawl on the root
# logger: with the crawls of many portals in one process every record went through each (work
# growing with the portals, each portal's log_count/* counting every other portal's lines), and
# nothing here reads those counts. tests/crawler/runtime/test_runtime_alone.py follows Scrapy's list.
EXTENSIONS_BASE = {
    "scrapy.extensions.corestats.CoreStats": 0,
    "scrapy.extensions.telnet.TelnetConsole": 0,
    "scrapy.extensions.memusage.MemoryUsage": 0,
    "scrapy.extensions.memdebug.MemoryDebugger": 0,
    "scrapy.extensions.closespider.CloseSpider": 0,
    "scrapy.extensions.feedexport.FeedExporter": 0,
    "scrapy.extensions.logstats.LogStats": 0,
    "scrapy.extensions.spiderstate.SpiderState": 0,
    "scrapy.extensions.throttle.AutoThrottle": 0,
}
EXTENSIONS = {
    "crawler.runtime.extensions.CrawlRecorder": 500,
    "crawler.runtime.findings.FindingsRecorder": 505,  # redirects, document links, failures: at once
    "crawler.runtime.extensions.Progress": 510,
    "crawler.runtime.extensions.OneLineErrors": 520,
}
# The browser (scrapy-playwright with the system's Chromium) for pages built by script, when both
# are here; requests without meta["playwright"] keep Scrapy's own HTTP handler. The add-on also
# names the HTTP handlers, with one idle connection a host (crawler/runtime/handlers.py).
ADDONS = {"crawler.runtime.browser.BrowserAddon": 0}
# No telnet console: nobody debugs a crawl through it, and every crawl past the port range
# logged an ERROR (one port per crawl in a process).
TELNETCONSOLE_ENABLED = False
# Nor Scrapy's remote control (2.19: an HTTP server on a local port that runs the Python code it
# is sent, with a job file in the user's home): one listening socket per crawl, half a many-portal
# run's open files, and code execution nobody here asked for.
REMOTE_CONTROL_ENABLED = False
# Scrapy parses a callback's source on every response to warn of a generator returning a value:
# its cache is keyed by the bound method, new on each response, so it never hits. That was 16% of
# a many-portal crawl's CPU (issue 26); tests/spiders/test_callbacks.py checks our callbacks once.
WARN_ON_GENERATOR_RETURN_VALUE = False
LOG_FORMATTER = "crawler.runtime.logformatter.QuietDropFormatter"
STATS_CLASS = "crawler.runtime.stats.CrawlStats"  # Scrapy's, without its costly attribute shim
LOG_LEVEL = "INFO"

# govarchive's own settings
GOVARCHIVE_DB = os.environ.get("GOVARCHIVE_DB", "archive.db")
GOVARCHIVE_REGISTRY = os.environ.get("GOVARCHIVE_REGISTRY")  # folder of site files; None: bundled
GOVARCHIVE_MAX_DEPTH = 6  # link hops from a start page; listing pagination does not count
GOVARCHIVE_MAX_PAGES = 0  # requests the spider makes at most (0: no limit); robots.txt not counted
GOVARCHIVE_REFRESH = False  # fetch archived articles again (their changes become versions)
# pages that failed wait out their backoff (6 h, doubling) before a crawl tries them again;
# `govarchive crawl` (started by hand, usually because the portal works again) sets False
GOVARCHIVE_FAILED_BACKOFF = True
# portals crawl --all and run-due crawl at once over all their crawl processes, the next starting as
# one finishes (0: up to 200 a process, as the open-files limit allows)
GOVARCHIVE_SITES_AT_ONCE = 0
# processes those portals are split over ("auto": one per core, with at least 16 portals each)
GOVARCHIVE_CRAWL_PROCESSES = "auto"
GOVARCHIVE_SHARD = False  # set in each crawl process of a split run
# requests on the wire at once in a crawl process of crawl --all / run-due, over all its portals
# (0: one a portal crawled at once, at least 16); each host's own politeness applies as well
GOVARCHIVE_REQUESTS_AT_ONCE = 0
GOVARCHIVE_RESUME = True  # a killed crawl of a site resumes from its frontier (False: start over)
GOVARCHIVE_STOP_PAGING = 1  # listing pages in a row with nothing new before paging stops (0: never)
GOVARCHIVE_WARC_ENABLED = True  # WARC capture of every response
GOVARCHIVE_WARC_DIR = None  # default: warcs/ beside the archive
GOVARCHIVE_WARC_MAX_BYTES = 1 << 30  # rotate WARC files at 1 GiB
GOVARCHIVE_EXTRACT_MAX_BYTES = 2 * 1024 * 1024  # extraction reads at most this much of a page
GOVARCHIVE_EXTRACT_WORKERS = "auto"  # extraction processes: "auto" = one per core; 0 = in the crawl process
GOVARCHIVE_EXTRACT_SECONDS = 15.0  # and gives a page up after this long (kept in the WARC)
GOVARCHIVE_DOCUMENTS = True  # fetch the documents (PDF, DOC, DOCX ...) pages link
GOVARCHIVE_DOCUMENT_MAX_BYTES = 50 * 1024 * 1024  # documents larger than this are not fetched
GOVARCHIVE_BROWSER = "auto"  # render script shells in Chromium when it is here; "off": never
GOVARCHIVE_CHROMIUM = None  # the Chromium to drive (default: $GOVARCHIVE_CHROMIUM, or chromium on PATH)
GOVARCHIVE_BROWSER_SECONDS = 30.0  # a page the browser has not loaded in this time is given up
GOVARCHIVE_BROWSER_MAX_PAGES = 500  # pages rendered per crawl at most
GOVARCHIVE_OCR = True  # OCR scanned PDF pages during the crawl (False: leave them to `govarchive ocr`)
GOVARCHIVE_OCR_MAX_PAGES = 20  # scanned pages OCR'd per document
GOVARCHIVE_ROLE = "local"  # "worker" under `govarchive worker`, "ingest" under `govarchive ingest`
# the ArchiveWriter crawl components write through (a worker's: the Redis stream)
GOVARCHIVE_ARCHIVE_WRITER = "archive.store.Archive"
GOVARCHIVE_REDIS_URL = None  # set by `govarchive worker`
GOVARCHIVE_LEASE_SECONDS = 20.0  # a killed worker's hosts are free again after this long
GOVARCHIVE_SHORT_ERRORS = False  # one-line errors without tracebacks (the CLI turns it on)
GOVARCHIVE_PROGRESS_INTERVAL = 5.0
GOVARCHIVE_PROGRESS = None  # a callable(dict) set by the CLI to show progress
