"""What the portal spider does beyond following ``<a href>``: the listings platforms page by
other means (WebForms postbacks, load-more endpoints), menus drawn by the portal's own script
files, soft-404s, and the traps it refuses.

A mixin of :class:`spiders.portal.PortalSpider`; the recognisers themselves are in
:mod:`crawler.discovery` and know nothing of Scrapy.
"""

from __future__ import annotations

import json
import logging
import re
from urllib.parse import parse_qsl, urlencode, urlsplit

import scrapy
from scrapy.http import FormRequest, Response, TextResponse

from common.clock import utc_now
from common.urls import host_of, joined
from crawler.discovery.browser import script_redirects, script_shell
from crawler.discovery.endpoints import Endpoint, answer_links, endpoints_in
from crawler.discovery.navigators import form_pagers
from crawler.discovery.postback import FORM_XPATH, Postback, page_state, pager_postbacks, webforms_page
from crawler.discovery.scripts import MAX_SCRIPT_BYTES, menu_scripts, script_links
from crawler.discovery.soft404 import probe_path
from crawler.runtime import signals as found
from crawler.runtime.failures import plain_reason

logger = logging.getLogger(__name__)

PROBE_STAT = "govarchive/not_found_probes"
ENDPOINT_MAX_REQUESTS = 500  # answers of one endpoint at most, however many each brings
MENU_SCRIPT_HOPS = 1  # a menu is on every page: its script is read from the pages near the start
# the parameters that number a listing's pages (the pager's address in spiders.portal too)
PAGING_PARAMS = r"page|trang|pg|paged|pageindex|pagenumber|pageno|cur|_\w+_cur|start|limitstart|offset"
LISTING_PARAM = re.compile(rf"^(?:{PAGING_PARAMS})$", re.I)
PORTLET_PARAM = re.compile(r"^(?:p_p_\w+|_\w+_(?:delta|keywords|advancedSearch|andOperator|orderByCol|"
                           r"orderByType))$")
# a page number in the path: /trang-2, /page/2, NukeViet's /page-2, DotNetNuke's /currentpage/2 and
# EasyDNNnews' /PgrID/<its pager's module>/PageID/2, before DotNetNuke's /Default.aspx if written
PATH_PAGE = re.compile(r"(?:/pgrid/\d+)?/(?:trang|page|p|pageid|currentpage)[-/]?\d+/?$", re.I)
DNN_PAGE_FILE = re.compile(r"/default\.aspx$", re.I)


def next_page_of(source: str, target: str, paging_text: bool) -> bool:
    """Whether ``target`` is another page of the listing ``source`` (so a listing, not an article):
    the same path and parameters with a pager's text ("2", "»") or another value of a paging
    parameter, or the same path with a page number appended, or (a Liferay asset publisher's
    pager: ``/tin-tuc?p_p_id=101_INSTANCE_x&_101_INSTANCE_x_cur=2``) the same path with only a
    paging parameter and the portlet's plumbing added. (``?p=`` is left out: WordPress names its
    posts with it.)"""
    a, b = urlsplit(source), urlsplit(target)
    if a.netloc != b.netloc:
        return False
    if a.path == b.path and b.query and a.query != b.query:
        before, after = dict(parse_qsl(a.query, True)), dict(parse_qsl(b.query, True))
        added = [k for k in after if k not in before]
        if added and before.keys() <= after.keys():  # a pager's parameter and its portlet's, only
            paging = [k for k in added if LISTING_PARAM.match(k)]
            return bool(paging) and all(k in paging or PORTLET_PARAM.match(k) for k in added)
        if before.keys() != after.keys():
            return False
        changed = [k for k in after if after[k] != before[k]]
        return paging_text or all(LISTING_PARAM.match(k) for k in changed)
    source_path, target_path = DNN_PAGE_FILE.sub("", a.path), DNN_PAGE_FILE.sub("", b.path)
    base = PATH_PAGE.sub("", source_path).rstrip("/")
    return bool(PATH_PAGE.search(target_path)) and PATH_PAGE.sub("", target_path).rstrip("/") == base


class ListingDiscovery:
    """Mixed into the portal spider, which provides ``_follow``, ``seen``, ``crawler`` and the rest."""

    # the portal's answer to an address that cannot exist -------------------------------------------
    def not_found_probes(self) -> list[scrapy.Request]:
        requests = []
        for url in self.start_urls:
            parts = urlsplit(url)
            url = f"{parts.scheme}://{parts.netloc}{probe_path()}"
            requests.append(scrapy.Request(url, self.learn_not_found, priority=30, dont_filter=True,
                                           errback=self.on_probe_error,
                                           meta={"dont_redirect": True, "handle_httpstatus_all": True}))
        return requests

    def learn_not_found(self, response: Response):
        self.crawler.stats.inc_value(PROBE_STAT)  # not a page of the portal: not counted as one
        if response.status == 200 and isinstance(response, TextResponse):
            self.not_found.learn(host_of(response.url), response.text)
            logger.info("%s answers 200 for pages that do not exist: such pages are skipped",
                        host_of(response.url))
        return []

    def soft_404(self, response: Response, reason: str) -> None:
        logger.info("%s: %s", reason, response.url)
        self.crawler.stats.inc_value("govarchive/skipped/soft_404")
        self.unfetched(response.request, "dead_end", reason)

    # traps ---------------------------------------------------------------------------------------
    def refused(self, url: str, reason: str) -> None:
        """A link not followed because it leads into a trap: counted, and recorded with its reason."""
        kind = reason.split(":", 1)[0].replace(" ", "_").replace("-", "_")
        self.crawler.stats.inc_value(f"govarchive/not_followed/{kind}")
        logger.debug("not followed (%s): %s", reason, url)
        self.crawler.signals.send_catch_log(found.page_unfetched, spider=self, url=url, kind="dead_end",
                                            reason=reason, seen_at=utc_now())

    # WebForms pagers -------------------------------------------------------------------------------
    def postbacks(self, response: TextResponse, root, links: list[str], hops: int, paging_text):
        """The pager's form posts, each page once; a Next from a page already shown is not sent again."""
        pagers = pager_postbacks(root, paging_text) if webforms_page(response.text) else []
        if not pagers:
            return
        response.meta["has_paging"] = True
        page_key, state = self.key_of(response.url), page_state(links)
        if not response.meta.get("postback"):  # the page as served is the pager's first page
            self.seen.update(Postback(p.target, "Page$1", False).key(page_key, state) for p in pagers)
        for pager in pagers:
            key = pager.key(page_key, state)
            if key in self.seen or self.page_limit_reached():
                continue
            self.seen.add(key)
            try:
                request = FormRequest.from_response(
                    response, formxpath=FORM_XPATH, formdata=pager.formdata, dont_click=True,
                    callback=self.parse_page, errback=self.on_error, priority=8,
                    meta={"hops": hops, "postback": True, "paging": True, "source": response.url})
            except ValueError as exc:  # no form after all
                logger.debug("no postback form on %s: %s", response.url, exc)
                continue
            self.crawler.stats.inc_value("govarchive/discovery/postbacks")
            yield request

    def form_pages(self, response: TextResponse, root, hops: int):
        """The pages a pager asks by setting the page's form field and submitting the form
        (:func:`~crawler.discovery.navigators.form_pagers`), each once; the page shown is not asked."""
        pages = form_pagers(root, response.text)
        page_key = self.key_of(response.url) if pages else ""
        for page in pages:
            if not response.meta.get("postback"):
                self.seen.add(f"{page_key}#{page.field}={page.current}")
            key = f"{page_key}#{page.field}={page.value}"
            if key in self.seen or self.page_limit_reached():
                continue
            self.seen.add(key)
            try:
                request = FormRequest.from_response(
                    response, formxpath=page.form, formdata={page.field: page.value}, dont_click=True,
                    callback=self.parse_page, errback=self.on_error, priority=8,
                    meta={"hops": hops, "paging": True, "source": response.url})
            except ValueError as exc:  # no such form after all
                logger.debug("no pager form on %s: %s", response.url, exc)
                continue
            request.meta["postback"] = request.method == "POST"  # a GET form's answer has an address
            self.crawler.stats.inc_value("govarchive/discovery/form_pages")
            yield request

    # pages only a browser can list ------------------------------------------------------------------
    def renders(self, response: TextResponse, root, own_links: int, hops: int, base: str):
        """The page again, in the browser, when it is a script shell (or its site says every page
        is); where the shell's scripts only send the browser elsewhere, that address instead."""
        if response.meta.get("playwright") or response.meta.get("postback"):
            return
        if not (self.render_all or script_shell(root, own_links)):
            return
        targets = [] if self.render_all else [u for h in script_redirects(root) if (u := joined(base, h))]
        if targets:  # no browser needed: a portal's root that only redirects is one on most machines
            for target in targets:
                self.note_redirect(response.url, target)
            self.crawler.stats.inc_value("govarchive/discovery/script_redirects", len(targets))
            for request in self._follow(targets, self.parse_page, hops, 8):
                request.meta.update(source=response.url)
                yield request
            return
        # set by the browser add-on, which Scrapy applies after the spider is made
        missing = self.crawler.settings.get("GOVARCHIVE_BROWSER_MISSING", "")
        if missing:
            if not self.told_no_browser:
                logger.warning("%s looks built by script: script-built listings are skipped (%s)",
                               response.url, missing)
                self.told_no_browser = True
            self.crawler.stats.inc_value("govarchive/browser/unavailable")
            return
        if self.rendered >= self.browser_max_pages:
            self.crawler.stats.inc_value("govarchive/browser/over_budget")
            return
        self.rendered += 1
        ref = response.meta.get("warc_record")
        self.crawler.stats.inc_value("govarchive/browser/pages")
        host_delay = getattr(self.crawler.engine.downloader, "host_delay", None)
        meta = {"playwright": True, "hops": hops, "refers_to": ref.record_id if ref else "",
                "playwright_page_init_callback": "crawler.runtime.browser.pace_page",
                "browser_delay": host_delay(response.request) if host_delay else 0.0,
                # a shell fills its listing after "load", from the API: wait until the network is quiet
                "playwright_page_goto_kwargs": {"wait_until": "networkidle"}}
        yield scrapy.Request(response.url, self.parse_page, priority=6, dont_filter=True,
                             errback=self.on_render_error, meta=meta)

    def on_render_error(self, failure) -> None:
        reason = plain_reason(failure)[1]  # one line: the browser's errors carry its call log
        logger.warning("could not render %s in the browser: %s", failure.request.url, reason)
        self.crawler.stats.inc_value("govarchive/browser/failed")

    # load-more and listing endpoints -----------------------------------------------------------------
    def endpoint_requests(self, response: TextResponse, root, hops: int, base: str):
        """Requests for the listing endpoints the page's scripts name (``base``: what their
        relative addresses resolve against, as a browser's ``fetch`` does)."""
        for endpoint in endpoints_in(root, base):
            if host_of(endpoint.url) not in self.sites:
                continue
            yield from self._endpoint_request(endpoint, hops)

    def _endpoint_request(self, endpoint: Endpoint, hops: int, asked: int = 0):
        requests = self._posted(endpoint, hops) if endpoint.method == "POST" else \
            self._follow([endpoint.url], self.parse_endpoint, hops, 8)
        for request in requests:
            request.meta.update(endpoint=endpoint, asked=asked + 1, paging=True)
            self.crawler.stats.inc_value("govarchive/discovery/endpoint_requests")
            yield request

    def _posted(self, endpoint: Endpoint, hops: int):
        """A POST endpoint's request, each page once: its fields page it, its address alone is
        every page's (a form post, or an ASP.NET web method's JSON)."""
        key = f"{endpoint.url}#{urlencode(endpoint.form)}"
        if host_of(endpoint.url) not in self.sites or key in self.seen or self.page_limit_reached():
            return
        self.seen.add(key)
        meta = {"hops": hops}
        if endpoint.as_json:  # numbers as numbers: a web method's int parameter reads them so
            body = json.dumps({k: int(v) if v.isdigit() else v for k, v in endpoint.form})
            yield scrapy.Request(endpoint.url, self.parse_endpoint, method="POST", body=body, priority=8,
                                 headers={"Content-Type": "application/json; charset=utf-8"}, meta=meta,
                                 errback=self.on_error)
        else:
            yield FormRequest(endpoint.url, self.parse_endpoint, formdata=dict(endpoint.form), priority=8,
                              meta=meta, errback=self.on_error)

    def parse_endpoint(self, response: Response):
        """An endpoint's answer: follow its links; while they bring new ones, ask for the next."""
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        hints = answer_links(response.body, content_type, response.url)
        hops = response.meta.get("hops", 0)
        page_links = response.meta["page_links"] = []
        new = 0
        for hint in hints:
            page_links.append(hint.url)
            for request in self._follow([hint.url], self.parse_page, hops + 1, 5):
                if hint.title or hint.date:
                    request.meta["listing_hint"] = {"title": hint.title, "date": hint.date}
                new += 1
                yield request
        endpoint, asked = response.meta["endpoint"], response.meta.get("asked", 1)
        # the first answer may be the page the listing shows already (a script's page variable
        # before its click adds one): nothing new, and the next is asked all the same
        if (new or asked == 1) and asked < ENDPOINT_MAX_REQUESTS:
            yield from self._endpoint_request(endpoint.following(len(hints)), hops, asked)

    # menus drawn by the portal's own script files ---------------------------------------------------
    def menu_script_requests(self, response: TextResponse, root, hops: int, base: str):
        """Requests for the page's own script files that may draw its menu
        (:mod:`crawler.discovery.scripts`): read once each, on pages near the start."""
        if hops > MENU_SCRIPT_HOPS:
            return
        urls = [u for src in menu_scripts(root) if (u := joined(base, src))]
        for request in self._follow(urls, self.parse_script, hops, 6):
            request.meta.update(script_of=base, download_maxsize=MAX_SCRIPT_BYTES)
            yield request

    def parse_script(self, response: Response):
        """A script file's page addresses, followed as the links of the page that included it
        (relative ones resolve against it, as ``document.write`` output does)."""
        code = (response.text if isinstance(response, TextResponse)
                else response.body.decode("utf-8", "replace"))
        page = response.meta.get("script_of") or response.url
        urls = [u for href in script_links(code) if (u := joined(page, href))]
        self.crawler.stats.inc_value("govarchive/discovery/script_links", len(urls))
        yield from self._follow(urls, self.parse_page, response.meta.get("hops", 0) + 1, 0, True)
