"""The generic portal spider: any portal from its home page, no configuration.

It finds pages through robots.txt ``Sitemap:`` lines (read from the robots.txt
that Scrapy's RobotsTxtMiddleware fetches anyway) and ``/sitemap.xml``,
RSS/Atom feeds linked from pages, and every same-host link (listings and their
pagination included). Every HTML page goes to the pipelines, which decide from
its content whether it is an article. Links are canonicalised and deduplicated
before a Request is made: each page links the same menu dozens of times.

    scrapy crawl portal -a url=https://vinhlong.gov.vn/
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.http import Response, TextResponse

from common.clock import new_crawl_id, utc_now
from common.dates import month_first_by
from common.urls import (
    canonical_url,
    declared_base,
    embedded_document,
    fetch_address,
    host_of,
    is_followable,
    joined,
)
from crawler.discovery.browser import chosen_links, clicked, clicked_links, data_links, written_links
from crawler.discovery.navigators import called_links
from crawler.discovery.rowdates import row_date
from crawler.discovery.soft404 import NotFoundPages
from crawler.discovery.traps import TrapGuard, shape
from crawler.documents.detect import declared_document, is_html, sniff
from crawler.runtime import signals as found
from crawler.runtime.extensions import PAGE_LIMIT_STAT
from crawler.runtime.items import PageItem
from spiders.documents import DOCUMENT_MAX_BYTES, DocumentLinks
from spiders.failures import Failures
from spiders.feeds import FEED_TYPES, SitemapsAndFeeds
from spiders.links import absolute, link_facts
from spiders.listings import ListingDiscovery, next_page_of
from spiders.pager import PAGINATION_URL, pages_itself, paging_text
from spiders.reading import parsed

logger = logging.getLogger(__name__)


class PortalSpider(SitemapsAndFeeds, DocumentLinks, Failures, ListingDiscovery, scrapy.Spider):
    name = "portal"
    site = None  # a registry Site, for the per-site subclasses (crawler.runtime.spiderloader)

    def __init__(
        self, url: str | Iterable[str] | None = None, crawl_id: str | None = None,
        sites: dict[str, str] | None = None, max_depth: int | str | None = None,
        file_hosts: str | Iterable[str] | None = None, **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        urls = url.split(",") if isinstance(url, str) else list(url or [])
        if self.site is not None and not urls:
            urls = [*self.site.home, *self.site.start_urls]
            sites = {host_of(u): self.site.key for u in urls}
        self.start_urls = [u.strip() for u in urls if u.strip()]
        if not self.start_urls:
            raise ValueError("give at least one start URL: -a url=https://example.gov.vn/")
        self.crawl_id = crawl_id or new_crawl_id()
        self.sites = {host_of(u): (sites or {}).get(host_of(u), host_of(u)) for u in self.start_urls}
        hosts = file_hosts.split(",") if isinstance(file_hosts, str) else list(file_hosts or [])
        if self.site is not None:
            hosts += list(self.site.file_hosts)
        # hosts a portal keeps its files on (vanban.<tinh>.gov.vn): documents only, never crawled
        self.file_hosts = {h.strip().lower().removeprefix("www.") for h in hosts if h.strip()}
        self.allowed_domains = sorted({urlsplit(u).hostname or "" for u in self.start_urls}
                                      | {h.split(":")[0] for h in self.file_hosts})
        self.document_max_bytes = DOCUMENT_MAX_BYTES
        self.documents = True  # fetch the files pages link (GOVARCHIVE_DOCUMENTS)
        self.max_depth = int(max_depth) if max_depth is not None else None
        self.max_pages = 0  # set from GOVARCHIVE_MAX_PAGES
        self.seen: set[str] = set()
        self.traps = TrapGuard()
        self.not_found = NotFoundPages()
        self.render_all = bool(self.site is not None and self.site.browser)  # the registry says so
        self.browser_max_pages = 500
        self.rendered = 0
        self.told_no_browser = False

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.max_depth is None:
            spider.max_depth = crawler.settings.getint("GOVARCHIVE_MAX_DEPTH", 6)
        spider.max_pages = crawler.settings.getint("GOVARCHIVE_MAX_PAGES", 0)
        spider.document_max_bytes = crawler.settings.getint("GOVARCHIVE_DOCUMENT_MAX_BYTES",
                                                            DOCUMENT_MAX_BYTES)
        spider.documents = crawler.settings.getbool("GOVARCHIVE_DOCUMENTS", True)
        spider.browser_max_pages = crawler.settings.getint("GOVARCHIVE_BROWSER_MAX_PAGES", 500)
        crawler.signals.connect(spider.robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(spider.response_downloaded, signal=signals.response_downloaded)
        return spider

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for request in self.not_found_probes():
            yield request
        for url in self.start_urls:
            parts = urlsplit(url)
            for request in self._follow([f"{parts.scheme}://{parts.netloc}/sitemap.xml"],
                                        self.parse_sitemap, 0, 20):
                yield request
            for request in self._follow([url], self.parse_page, 0, 10):
                yield request

    # callbacks ------------------------------------------------------------
    def response_downloaded(self, response, request, spider=None) -> None:
        """Note every redirect, even one whose target was already crawled (and so filtered)."""
        location = response.headers.get("Location")
        if 300 <= response.status < 400 and location:
            target = joined(response.url, location.decode("latin-1"))
            if target is None:  # a Location that is no address: the redirect fails as such
                return
            self.note_redirect(request.url, target)

    def note_redirect(self, old: str, target: str) -> None:
        """Record a redirect (the server's, or a page's script's) as the crawl sees it."""
        self.crawler.signals.send_catch_log(found.redirect_found, spider=self, old=canonical_url(old),
                                            target=canonical_url(target), seen_at=utc_now())
        if host_of(target) not in self.sites:  # recorded, and not crawled as this site
            logger.warning("%s redirects to another domain: %s", old, target)
            self.crawler.stats.set_value("govarchive/redirected_to", host_of(target))

    def parse_page(self, response: Response):
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        disposition = response.headers.get("Content-Disposition", b"").decode("latin-1")
        if not is_html(response.body) and (sniff(response.body, content_type) or (
                "html" not in content_type and declared_document(content_type, disposition))):
            # a download handler without a file extension, or a file a server calls a page: its bytes tell
            yield self._document_item(response)
            return
        html_page = isinstance(response, TextResponse) and "html" in (content_type or "text/html")
        root = parsed(response).root if html_page else None
        if root is not None and response.status == 200:
            reason = self.not_found.reason(host_of(response.url), root)
            if reason:
                self.soft_404(response, reason)
                return
        base = declared_base(root, response.url) if root is not None else response.url
        if not response.meta.get("postback"):  # a form post's answer has no address of its own
            paged = root is not None and pages_itself(response.url, root, base)
            yield self._page_item(response, content_type, paged)
        if root is None or response.meta.get("hops", 0) >= self.max_depth:
            return
        yield from self._links(response, root, response.meta.get("hops", 0), base)

    def _page_item(self, response: Response, content_type: str, first_of_listing: bool = False) -> PageItem:
        ref = response.meta.get("warc_record")
        return PageItem(  # every page goes to the pipelines, which decide what it is
            url=response.url, site=self.site_of(response.url),
            crawl_id=self.crawl_id, fetched_at=utc_now(), status=response.status,
            content_type=content_type, body=response.body, fetched_url=response.url,
            warc_file=ref.file if ref else None, warc_offset=ref.offset if ref else None,
            warc_length=ref.length if ref else None,
            listing_page=bool(response.meta.get("listing_page")) or first_of_listing,
            listing_hint=response.meta.get("listing_hint"),
        )

    def _links(self, response: TextResponse, root, hops: int, base: str):
        """Requests for a page's feeds, links, documents, pager postbacks and endpoints
        (``base``: what its relative links resolve against, its ``<base href>`` or address)."""
        feeds = root.iterfind(".//link[@rel='alternate']")
        feed_urls = [u for f in feeds
                     if f.attrib.get("href") and any(t in f.attrib.get("type", "") for t in FEED_TYPES)
                     and (u := joined(base, f.attrib["href"]))]
        yield from self._follow(feed_urls, self.parse_feed, hops, 15)
        page_links = response.meta["page_links"] = []  # every link, for the incremental filter
        links = self._gathered(response, root, base)
        # what the page's links show (session ids, filters alone) before any is followed
        self.traps.saw_links([f.canonical for *_, f in links if "?" in f.canonical and f.host in self.sites])
        own_shape, new_elsewhere = shape(response.url), 0
        for anchor, href, url, facts in links:
            if facts.document:
                yield from self._follow_document(url, anchor, response, hops)
                continue
            pager_text = paging_text(anchor)
            paging = pager_text or bool(PAGINATION_URL.search(href))
            if paging:
                response.meta["has_paging"] = True  # a paginated page is a listing
            elif facts.host in self.sites and not facts.binary:
                page_links.append(facts.canonical)
            next_hops, priority = (hops, 8) if paging else (hops + 1, 0)
            relative = not href.startswith(("/", "http:", "https:"))
            for request in self._follow([url], self.parse_page, next_hops, priority, relative):
                request.meta.update(paging=paging, source=response.url,
                                    listing_page=next_page_of(response.url, url, pager_text))
                if not paging and anchor.tag == "a" and (day := row_date(anchor)):
                    order = month_first_by(day, response.text)  # the listing's other dates tell it
                    request.meta["listing_hint"] = {"date": day, "month_first": order}
                if shape(request.url) != own_shape:
                    new_elsewhere += 1
                yield request
        yield from self.postbacks(response, root, page_links, hops, paging_text)
        yield from self.form_pages(response, root, hops)
        yield from self.menu_script_requests(response, root, hops, base)
        endpoints = list(self.endpoint_requests(response, root, hops, base))
        yield from endpoints
        if not endpoints and not response.meta.get("has_paging"):
            yield from self.renders(response, root, len(set(page_links)), hops, base)
        self.traps.page_done(response.url, response.meta.get("source"), new_elsewhere)

    def _gathered(self, response: TextResponse, root, base: str) -> list:
        """(element, href, address, facts) for every link the page has: its anchors and image
        map areas, what a click opens by script, cards' ``data-href``, anchors its scripts write,
        jump menus' choices, and the documents and pages its frames show."""
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(response.url))
        links = []

        def add(element, href: str, url: str | None = None) -> None:
            try:
                url = url or absolute(base, origin, href)
                links.append((element, href, url, link_facts(url)))
            except ValueError:  # "http://[::1/x": no address; the page's other links go on
                self.crawler.stats.inc_value("govarchive/links/malformed")

        for anchor in root.iter("a", "area"):  # lxml itself: a Selector per anchor cost 30%
            href = (anchor.get("href") or "").strip()
            if is_followable(href):
                add(anchor, href)
            elif anchor.get("onclick") is None and href.lower().startswith("javascript:"):
                for target in clicked(anchor):  # "javascript:window.open('/tin/1.html')"
                    add(anchor, target)
        text = response.text
        for element, href in (*clicked_links(root, text), *data_links(root, text), *written_links(root),
                              *chosen_links(root, text), *called_links(root, text)):
            # rows, buttons, cards, menus scripts link; pagers calling the page's own function
            if is_followable(href):
                add(element, href)
        for shown in root.iter("frame", "iframe", "embed", "object"):
            src = (shown.get("src") or shown.get("data") or "").strip()
            if url := embedded_document(src, base):  # a document shown in the page
                add(shown, url, url)
            elif shown.tag in ("frame", "iframe") and is_followable(src):
                add(shown, src)  # an old portal's frameset, a listing in an iframe
        return links

    @property
    def site_key(self) -> str | None:
        """The site this crawl is for, when it is one site."""
        keys = set(self.sites.values())
        return keys.pop() if len(keys) == 1 else None

    def key_of(self, url: str) -> str:
        """The dedup key of a page address, less the portal's session parameters."""
        facts = link_facts(url)
        return self.traps.key(facts.host, facts.key)

    def page_limit_reached(self) -> bool:
        if not self.max_pages or len(self.seen) < self.max_pages:
            return False
        if not self.crawler.stats.get_value(PAGE_LIMIT_STAT):
            logger.info("page limit of %d reached: no new requests", self.max_pages)
            self.crawler.stats.set_value(PAGE_LIMIT_STAT, 1)
        return True

    def site_of(self, url: str) -> str:
        """The site key a URL belongs to (the registry key, or its host for ad-hoc crawls)."""
        return self.sites.get(host_of(url), host_of(url))

    # helpers --------------------------------------------------------------
    def _follow(self, urls: Iterable[str], callback, hops: int, priority: int, relative: bool = False):
        for url in urls:
            if not url.startswith(("http://", "https://")):
                continue
            try:
                canonical, key, host, binary, _ = link_facts(url)
            except ValueError:  # "http://[::1/x": no address
                self.crawler.stats.inc_value("govarchive/links/malformed")
                continue
            if callback == self.parse_page and binary:
                continue  # documents and images are not articles
            if host not in self.sites and not (callback == self.parse_document and host in self.file_hosts):
                self.crawler.stats.inc_value("govarchive/not_followed/out_of_scope")
                continue
            plain_key, key = key, self.traps.key(host, key)
            if key in self.seen:
                if key != plain_key and plain_key not in self.seen:
                    self.crawler.stats.inc_value("govarchive/not_followed/session_noise")
                continue
            if self.page_limit_reached():
                self.crawler.stats.inc_value("govarchive/not_followed/page_budget")
                return
            self.seen.add(key)
            if callback in (self.parse_page, self.parse_endpoint):
                reason = self.traps.refuse(canonical, relative)
                if reason:
                    self.refused(canonical, reason)
                    continue
            fetched = fetch_address(url) if "/(" in url else canonical  # a cookieless session kept
            yield scrapy.Request(
                fetched, callback, priority=priority, meta={"hops": hops},
                errback=self.on_probe_error if callback == self.parse_sitemap else self.on_error,
            )


