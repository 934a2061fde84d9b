"""The browser, wired into Scrapy: a Scrapy add-on that turns scrapy-playwright on when it can run.

``GOVARCHIVE_BROWSER``: ``auto`` (default) renders script shells, and every page of a site whose
registry entry says ``browser = true``, when scrapy-playwright and a system Chromium are here;
``off`` never does. Only requests that carry ``meta["playwright"]`` go through the browser; the
rest take Scrapy's own HTTP handler as before. Playwright's driver and the browser start only
when the first page needs them (:class:`LazyBrowserProvider`): most crawls never do, and one
process may run hundreds of crawls. ``GOVARCHIVE_BROWSER_MISSING`` tells the spider why not.
"""

from __future__ import annotations

import asyncio
import logging
import time

from common.urls import host_of
from crawler.discovery.browser import browser_missing, chromium_path

logger = logging.getLogger(__name__)

HANDLER = "crawler.runtime.handlers.BrowserHandler"  # scrapy-playwright's, one idle connection a host
HTTP_HANDLER = "crawler.runtime.handlers.HTTPHandler"
# the closed networks archives run in: no background connections, no sandbox as root, no GPU
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--disable-quic", "--js-flags=--max-old-space-size=256",
                 "--renderer-process-limit=2"]
SKIPPED_RESOURCES = {"image", "media", "font", "stylesheet", "websocket", "eventsource", "manifest",
                     "texttrack"}


class BrowserAddon:
    """Sets scrapy-playwright's settings, or records why the browser is not available."""

    def update_settings(self, settings) -> None:
        mode = str(settings.get("GOVARCHIVE_BROWSER", "auto")).lower()
        configured = settings.get("GOVARCHIVE_CHROMIUM")
        missing = "turned off (GOVARCHIVE_BROWSER = off)" if mode == "off" else browser_missing(configured)
        settings.set("GOVARCHIVE_BROWSER_MISSING", missing, priority="addon")
        # one idle connection a host either way (crawler/runtime/handlers.py); set here, as the
        # project's DOWNLOAD_HANDLERS would outrank an add-on's
        handler = HTTP_HANDLER if missing else HANDLER
        settings.set("DOWNLOAD_HANDLERS", {**settings.getdict("DOWNLOAD_HANDLERS"),
                                           "http": handler, "https": handler}, priority="addon")
        if missing:
            return
        settings.set("PLAYWRIGHT_BROWSER_TYPE", "chromium", priority="addon")
        launch = {"executable_path": chromium_path(configured), "headless": True, "args": CHROMIUM_ARGS}
        settings.set("PLAYWRIGHT_LAUNCH_OPTIONS", launch, priority="addon")
        settings.set("PLAYWRIGHT_BROWSER_PROVIDER", "crawler.runtime.browser.LazyBrowserProvider",
                     priority="addon")
        settings.set("PLAYWRIGHT_ABORT_REQUEST", "crawler.runtime.browser.skip_resource", priority="addon")
        seconds = settings.getfloat("GOVARCHIVE_BROWSER_SECONDS", 30.0)
        settings.set("PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT", seconds * 1000, priority="addon")
        settings.set("PLAYWRIGHT_MAX_CONTEXTS", 1, priority="addon")
        settings.set("PLAYWRIGHT_MAX_PAGES_PER_CONTEXT", 2, priority="addon")


class Pace:
    """The portal's delay between the requests a page makes in the browser (its scripts, its API
    calls): the page's own request went through Scrapy's per-host queue, the rest do not.

    One request at a time, and the delay counted from when the last one *ended*: the browser hands
    a request on some time after it is let go, unevenly (a loaded machine made a 0.3 s delay
    0.27 s at the server when counted from the release)."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.last = time.monotonic()
        self.idle = asyncio.Event()  # clear while a request of the page is on the wire
        self.idle.set()
        self.lock = asyncio.Lock()

    def started(self) -> None:
        self.idle.clear()
        self.last = time.monotonic()

    def ended(self, _request=None) -> None:
        self.idle.set()
        self.last = time.monotonic()

    async def wait(self) -> None:
        async with self.lock:
            await self.idle.wait()
            ahead = self.last + self.delay - time.monotonic()
            if ahead > 0:
                await asyncio.sleep(ahead)
            self.started()


async def pace_page(page, request) -> None:
    """``playwright_page_init_callback``: the page's requests keep the host's delay
    (``meta["browser_delay"]``, the larger of the configured delay and robots.txt's)."""
    pace = page.govarchive_pace = Pace(float(request.meta.get("browser_delay") or 0.0))
    page.on("requestfinished", pace.ended)
    page.on("requestfailed", pace.ended)


async def skip_resource(request) -> bool:
    """What the browser does not fetch: images, media, fonts, styles, and anything on another host
    (a page's listing comes from its own site; the rest is not needed to list it). What it does
    fetch waits the host's delay."""
    if request.resource_type in SKIPPED_RESOURCES:
        return True
    try:
        page = request.frame.page
        page_url = page.url
    except Exception:  # a request with no frame yet: the navigation itself
        return False
    if page_url.startswith("http") and host_of(request.url) != host_of(page_url):
        return True
    pace = getattr(page, "govarchive_pace", None)
    if pace is not None:
        if request.is_navigation_request():  # sent now; Scrapy's queue for the host paced it
            pace.started()
        else:
            await pace.wait()
    return False


try:
    from scrapy_playwright.provider import PlaywrightBrowserProvider
except ImportError:  # the browser extra is not installed: the add-on says so, nothing loads this
    PlaywrightBrowserProvider = object  # type: ignore[assignment,misc]


class LazyBrowserProvider(PlaywrightBrowserProvider):  # type: ignore[misc,valid-type]
    """scrapy-playwright's provider, starting Playwright's driver at the first rendered page."""

    started = False

    async def start(self) -> None:
        return None

    async def launch_browser(self):
        if not self.started:
            await PlaywrightBrowserProvider.start(self)
            self.started = True
            logger.info("browser started: %s", self.config.launch_options.get("executable_path"))
        return await PlaywrightBrowserProvider.launch_browser(self)

    async def close(self) -> None:
        if self.started:
            await PlaywrightBrowserProvider.close(self)
