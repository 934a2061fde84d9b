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
import re
import zlib
from collections.abc import AsyncIterator, Iterable
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Response, TextResponse, XmlResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.response import get_base_url, response_status_message
from scrapy.utils.sitemap import Sitemap

from common.clock import new_crawl_id, utc_now
from common.dates import contains_date, month_first_by
from common.textnorm import clean_line, xml_compatible
from common.urls import (
    canonical_url,
    declared_base,
    embedded_document,
    fetch_address,
    host_of,
    is_binary,
    is_document,
    is_followable,
    joined,
    kept_address,
    slashed,
    url_key,
)
from crawler.discovery.browser import chosen_links, clicked, clicked_links, data_links, written_links
from crawler.discovery.rowdates import row_date
from crawler.discovery.soft404 import NotFoundPages
from crawler.discovery.traps import TrapGuard, shape
from crawler.documents.detail import document_page, stated_cells
from crawler.documents.detect import declared_document, is_html, sniff
from crawler.documents.metadata import NUMBER
from crawler.runtime import signals as found
from crawler.runtime.downloader import StoppedBeforeFetch
from crawler.runtime.extensions import PAGE_LIMIT_STAT
from crawler.runtime.failures import plain_reason
from crawler.runtime.items import DocumentItem, PageItem
from crawler.runtime.legacy_tls import tls_reason
from crawler.runtime.middlewares import TrapSkipped
from spiders.listings import PAGING_PARAMS, ListingDiscovery, next_page_of

logger = logging.getLogger(__name__)

# a pager's link text: a number, the words of a pager ("Trang sau", "Tiếp theo", "Cuối"), an arrow,
# or the words with their arrows ("Trang sau »", "« Trước", "[3]"); "Tin tiếp theo" or "Bài sau"
# (the next article) are no pager's, nor a year ("2024": an archive's link, in sidebars of articles)
PAGINATION_TEXT = re.compile(
    r"^[«‹<\[(]*\s*(?:\d{1,3}|(?!19|20)\d{4}|(?:trang\s+)?(?:sau|trước|tiếp(?:\s+theo)?|kế(?:\s+tiếp)?|cuối|đầu)|trang\s+\d+"
    r"|next|prev(?:ious)?|last|first)?\s*[»›>\])]*$", re.I)
# a pager's address: a paging parameter the listings know (not WordPress's ?p=, which names a
# post) or a page in the path (/trang-2, /page/2, NukeViet's /page-2, DotNetNuke's /PageID/2)
PAGINATION_URL = re.compile(rf"[?&](?:{PAGING_PARAMS})=\d+|/(?:trang|page)[-/]\d+(?=[/.?#]|$)"
                            r"|/(?:pageid|currentpage)/\d+(?=/default\.aspx|/?$|[?#])", re.I)
FEED_TYPES = ("rss", "atom")
MAX_SITEMAP_BYTES = 50 * 1024 * 1024
GONE = (404, 410)  # the server says the page is not there: a dead end, not a failure
DOCUMENT_MAX_BYTES = 50 * 1024 * 1024


class LinkFacts(NamedTuple):
    canonical: str
    key: str  # the dedup key
    host: str
    binary: bool  # a document, image, media or archive by its extension: never a page
    document: bool  # a document a notice attaches (by extension or download handler)


@lru_cache(maxsize=1 << 16)
def link_facts(url: str) -> LinkFacts:
    """What the spider needs to know of an absolute URL, worked out once. Cached: a portal's
    menus and sidebars put the same hundred links on every page, and canonicalising them was a
    quarter of the spider's time (benchmarks/links_bench.py); the extension and download
    checks another tenth (the scale benchmark's profile)."""
    return LinkFacts(canonical_url(url), url_key(url), host_of(url), is_binary(url), is_document(url))


def absolute(base: str, origin: str, href: str) -> str:
    """``urljoin(base, href)``, without urljoin for the two forms most links take (absolute,
    and root-relative ``/tin/bai-12.html``): urljoin was a third of the link handling."""
    if "\\" in href:
        href = slashed(href)
    if href.startswith(("http://", "https://")):
        return href
    if href.startswith("/") and not href.startswith("//") and "/." not in href:
        return origin + href
    return urljoin(base, href)


def _pages_itself(url: str, root, base: str) -> bool:
    """Whether the page's pager links its own next page: the first page of a listing, whatever
    item a section page shows in full above its list. Only pager-looking links are weighed;
    ``base``: what its relative links resolve against."""
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        text = _paging_text(anchor)
        if not (text or PAGINATION_URL.search(href)):
            continue
        try:
            if next_page_of(url, urljoin(base, href), text):
                return True
        except ValueError:  # "http://[::1/x": no address, no page of this listing
            continue
    return False


def _paging_text(anchor) -> bool:
    """Whether the anchor's text is a pager's ("2", "Trang sau", "»"): read only for short anchors."""
    # an anchor without child elements holds its text in .text: no XPath string() for most links
    text = (anchor.text or "") if len(anchor) == 0 else anchor.text_content()
    return len(text) <= 40 and bool(text.strip()) and bool(PAGINATION_TEXT.match(" ".join(text.split())))


def http_reason(status: int) -> str:
    return response_status_message(status).partition(" ")[2]



class PortalSpider(ListingDiscovery, scrapy.Spider):
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

    def robots_parsed(self, robotparser, request) -> None:
        """Schedule the sitemaps that robots.txt names (one robots.txt fetch per host)."""
        protego = getattr(robotparser, "rp", None)
        sitemaps = list(getattr(protego, "sitemaps", []) or [])
        urls = [u for s in sitemaps if (u := joined(request.url, s))]
        for req in self._follow(urls, self.parse_sitemap, 0, 20):
            self.crawler.engine.crawl(req)

    def parse_sitemap(self, response: Response):
        body = self._sitemap_body(response)
        if body is None:
            return
        try:
            sitemap = Sitemap(body)
        except Exception:  # lxml raises several kinds on garbage
            logger.info("not a sitemap: %s", response.url)
            self.crawler.stats.inc_value("govarchive/skipped/bad_sitemap")
            return
        locs = [entry["loc"] for entry in sitemap if entry.get("loc")]
        if sitemap.type == "sitemapindex":
            yield from self._follow(locs, self.parse_sitemap, 0, 20)
        else:
            yield from self._follow(locs, self.parse_page, 1, 5)

    def parse_feed(self, response: Response):
        if not isinstance(response, TextResponse):
            return
        links = parsed(response).xpath(
            "//item/link/text() | //*[local-name()='entry']/*[local-name()='link']/@href"
        ).getall()
        yield from self._follow([u for link in links if (u := joined(response.url, link.strip()))],
                                self.parse_page, 1, 5)

    def parse_document(self, response: Response):
        """A file linked as a document: an HTML answer (an error page, a viewer) is a page."""
        if is_html(response.body):
            yield from self.parse_page(response)
        else:
            yield self._document_item(response)

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
            paged = root is not None and _pages_itself(response.url, root, base)
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
            pager_text = _paging_text(anchor)
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
        yield from self.postbacks(response, root, page_links, hops, _paging_text)
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
                              *chosen_links(root, text)):  # rows, buttons, cards, menus scripts link
            if is_followable(href):
                add(element, href)
        for shown in root.iter("frame", "iframe", "embed", "object"):
            src = (shown.get("src") or shown.get("data") or "").strip()
            if url := embedded_document(src, base):  # a document shown in the page
                add(shown, url, url)
            elif shown.tag in ("frame", "iframe") and is_followable(src):
                add(shown, src)  # an old portal's frameset, a listing in an iframe
        return links

    def _follow_document(self, url: str, anchor, response: Response, hops: int):
        canonical, _, host, _, _ = link_facts(url)
        if not self.documents or (host not in self.sites and host not in self.file_hosts):
            return
        response.meta["page_links"].append(canonical)  # a page linking files is a listing to revisit
        text = clean_line(anchor.text_content())[:300]
        self.crawler.signals.send_catch_log(found.document_linked, spider=self, url=canonical,
                                            page_url=response.url, text=text, seen_at=utc_now())
        for request in self._follow([url], self.parse_document, hops + 1, 2):
            request.meta.update(download_maxsize=self.document_max_bytes, linked_from=response.url,
                                link_text=text, context=_stated(response, anchor) or _row_cells(anchor))
            yield request

    def _document_item(self, response: Response) -> DocumentItem:
        ref = response.meta.get("warc_record")
        linked_from = response.meta.get("linked_from", "")
        owner = response.url if host_of(response.url) in self.sites or not linked_from else linked_from
        return DocumentItem(  # a file on a file host belongs to the portal that linked it
            url=kept_address(response.url), site=self.site_of(owner), crawl_id=self.crawl_id,
            fetched_at=utc_now(), status=response.status,
            content_type=response.headers.get("Content-Type", b"").decode("latin-1"),
            disposition=response.headers.get("Content-Disposition", b"").decode("latin-1"),
            body=response.body, linked_from=linked_from,
            link_text=response.meta.get("link_text", ""), context=response.meta.get("context", []),
            warc_file=ref.file if ref else None, warc_offset=ref.offset if ref else None,
            warc_length=ref.length if ref else None,
        )

    @property
    def site_key(self) -> str | None:
        """The site this crawl is for, when it is one site."""
        keys = set(self.sites.values())
        return keys.pop() if len(keys) == 1 else None

    def on_probe_error(self, failure) -> None:
        logger.debug("probe failed: %s", failure.request.url)

    def on_error(self, failure) -> None:
        request = failure.request
        if failure.check(StoppedBeforeFetch):  # Ctrl-C: pending in the frontier, not a failure
            return
        if failure.check(TrapSkipped):
            self.refused(request.url, str(failure.value))
            return
        if request.meta.get("download_maxsize") and "max size" in failure.getErrorMessage():
            reason = f"document over the size limit ({request.meta['download_maxsize'] >> 20} MB)"
            logger.warning("not fetched %s: %s", request.url, reason)
            self.crawler.stats.inc_value("govarchive/documents/skipped/too_large")
            self.unfetched(request, "dead_end", reason)
            return
        if failure.check(HttpError):  # an error status after the retries (HttpError is an IgnoreRequest)
            status = failure.value.response.status
            reason = f"HTTP {status} {http_reason(status)}".strip()
            kind = "dead_end" if status in GONE else "failed"
            name = f"HTTP{status}"
        elif failure.check(IgnoreRequest):  # robots.txt forbids it: polite, not an error
            logger.debug("not fetched %s: %s", request.url, failure.getErrorMessage())
            if str(failure.value).startswith("never crawled"):  # a link-local or metadata address
                self.unfetched(request, "dead_end", str(failure.value))
                return
            self.crawler.stats.inc_value("govarchive/skipped/robots")
            self.unfetched(request, "dead_end", "refused by robots.txt")
            return
        elif tls := tls_reason(failure.getErrorMessage()):  # said plainly: OpenSSL's words tell no one
            kind, name, reason = "failed", "TLS", f"TLS handshake failed: {tls}"
            self.crawler.stats.set_value("govarchive/tls_failed", tls)
        else:  # timeouts, resets, DNS: the real reason, said plainly, retried by later crawls
            kind, (name, reason) = "failed", plain_reason(failure)
        logger.warning("failed %s: %s", request.url, reason)
        self.unfetched(request, kind, reason)
        self.crawler.stats.inc_value("govarchive/errors/download")
        self.crawler.stats.inc_value(f"govarchive/errors/{name}")

    def unfetched(self, request, kind: str, reason: str) -> None:
        """A page not fetched: ``dead_end`` (robots.txt, 404/410) or ``failed`` (5xx after the
        retries, timeouts, resets: later crawls retry it), written to the archive now."""
        self.crawler.signals.send_catch_log(found.page_unfetched, spider=self, url=request.url, kind=kind,
                                            reason=reason, seen_at=utc_now())

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

    def _sitemap_body(self, response: Response) -> bytes | None:
        if response.status != 200:
            return None
        body = response.body
        if body[:2] == b"\x1f\x8b":
            body = gunzip_bounded(body, MAX_SITEMAP_BYTES)
            if body is None:
                logger.warning("sitemap skipped: damaged gzip, or over %d MB unpacked: %s",
                               MAX_SITEMAP_BYTES >> 20, response.url)
                self.crawler.stats.inc_value("govarchive/skipped/bad_sitemap")
                return None
        return body if b"<urlset" in body[:2000] or b"<sitemapindex" in body[:2000] else None


def parsed(response: TextResponse) -> scrapy.Selector:
    """The response's parsed tree, not cached on it.

    ``response.selector`` caches a Selector that refers back to the response: a
    reference cycle, so each parsed page (and its lxml tree) lived on after the crawl
    was done with it, until the cyclic garbage collector's rare full pass
    (``benchmarks/RESULTS.md``: a large crawl's peak memory). Characters XML does not allow
    are read as spaces (``common.textnorm.xml_compatible``): an element made from the page's
    text (a link a script writes) is refused with them.
    """
    text = xml_compatible(response.text)
    if text is response.text:  # the usual page
        return scrapy.Selector(response)
    kind = "xml" if isinstance(response, XmlResponse) else ("html" if isinstance(response, HtmlResponse)
                                                            else None)  # as Scrapy's Selector chooses
    return scrapy.Selector(text=text, type=kind, base_url=get_base_url(response))


def _stated(response: Response, anchor) -> list[str]:
    """On a document's own page, the fields it states (``Số ký hiệu``, ``Ngày ban hành``,
    ``Trích yếu``) as a listing row's cells, for each file it links; read once a page."""
    if "document_page" not in response.meta:
        response.meta["document_page"] = stated_cells(document_page(anchor.getroottree().getroot()))
    return response.meta["document_page"]


def _row_cells(anchor) -> list[str]:
    """The cells of the listing row (or the list item) a document link stands in: its number,
    date and subject, for the document's metadata."""
    for ancestor in anchor.iterancestors("tr", "li"):
        if ancestor.tag == "tr":
            return [clean_line(cell.text_content())[:500] for cell in ancestor.iter("td", "th")][:12]
        return [clean_line(ancestor.text_content())[:500]]
    return _block_row(anchor)


ROW_CHARS = 600  # a listing row's text at most: more is a section of the page, not a row


def _block_row(anchor) -> list[str]:
    """A row of a listing drawn with blocks (``<div class="item"><div>01/CT-UBND</div><div>04/01/2021
    </div><div><a>…</a></div></div>``): the smallest block above the link with a few blocks side by
    side, its only file link, and a row's length of text; its blocks are the cells."""
    node = anchor
    for _ in range(3):
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            return []
        cells = [child for child in node if isinstance(child.tag, str)]
        files = sum(1 for a in node.iter("a") if is_document(a.get("href") or ""))
        text = clean_line(node.text_content())
        if files > 1 or len(text) > ROW_CHARS:
            return []
        if 2 <= len(cells) <= 8:
            texts = [clean_line(cell.text_content())[:500] for cell in cells]
            # a listing row states the number or the day; a page's own blocks beside a file do not
            return texts if any(NUMBER.fullmatch(t) or contains_date(t) for t in texts) else []
    return []


def gunzip_bounded(data: bytes, limit: int) -> bytes | None:
    """Unpack gzip ``data`` without ever holding more than ``limit`` bytes (a gzip bomb
    unpacks to gigabytes); None when it is damaged or larger than ``limit``."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error:
        return None
    return None if len(out) > limit else out
