"""Runtime components built alone with Scrapy's get_crawler over a temporary archive: the incremental
filter and the resume frontier."""

from __future__ import annotations

import asyncio
import subprocess
import sys

import pytest
from scrapy import Request, Spider
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from archive.store import Archive
from crawler.runtime.incremental import IncrementalMiddleware
from crawler.runtime.resume import FrontierMiddleware


async def _aiter(items):
    for item in items:
        yield item


def _outputs(middleware, response, outputs) -> list:
    async def run():
        return [x async for x in middleware.process_spider_output(response, _aiter(outputs))]
    return asyncio.run(run())


def _archive_with_article(path, url: str) -> None:
    archive = Archive(path)
    archive.start_crawl("old", "2000-01-01T00:00:00+00:00", [])
    archive.insert_article({"url": url, "site": "h", "title": "T", "text": "x", "content_hash": "h",
                            "fetched_at": "2000-01-01T00:00:00+00:00", "crawl_id": "old"})
    archive.close()


def test_the_incremental_filter_drops_archived_articles_and_keeps_new_links(tmp_path):
    _archive_with_article(tmp_path / "a.db", "http://h/old.html")
    crawler = get_crawler(Spider, settings_dict={"GOVARCHIVE_DB": str(tmp_path / "a.db")})
    middleware = IncrementalMiddleware.from_crawler(crawler)
    middleware.spider_opened(None)
    page = HtmlResponse("http://h/", body=b"<html></html>",
                        request=Request("http://h/", meta={"page_links": ["http://h/old.html", "http://h/new.html"]}))
    kept = _outputs(middleware, page, [Request("http://h/old.html", meta={"hops": 1}),
                                       Request("http://h/new.html", meta={"hops": 1})])
    assert [r.url for r in kept] == ["http://h/new.html"]
    assert crawler.stats.get_value("govarchive/incremental/known_article") == 1


def test_the_incremental_filter_asks_the_archive_once_an_address(tmp_path, monkeypatch):
    from crawler.runtime import incremental

    _archive_with_article(tmp_path / "a.db", "http://h/old.html")
    crawler = get_crawler(Spider, settings_dict={"GOVARCHIVE_DB": str(tmp_path / "a.db")})
    middleware = IncrementalMiddleware.from_crawler(crawler)
    middleware.spider_opened(None)
    statements: list[str] = []
    middleware.archive.db.conn.set_trace_callback(statements.append)
    menu = ["http://h/old.html", "http://h/menu.html"]  # links every page of the portal repeats

    def page(url: str, links: list[str]) -> HtmlResponse:
        return HtmlResponse(url, body=b"<html></html>", request=Request(url, meta={"page_links": links}))

    _outputs(middleware, page("http://h/1", menu), [])
    asked = len(statements)
    _outputs(middleware, page("http://h/2", menu), [])
    assert asked and len(statements) == asked  # the same links: nothing asked again
    monkeypatch.setattr(incremental, "KNOWN_CACHE", 1)  # past its bound it forgets, and still answers
    requests = [Request(f"http://h/{name}.html", meta={"hops": 1}) for name in ("old", "new")]
    kept = _outputs(middleware, page("http://h/3", [*menu, "http://h/new.html"]), requests)
    assert [r.url for r in kept] == ["http://h/new.html"]
    assert crawler.stats.get_value("govarchive/incremental/known_article") == 1


def test_the_frontier_records_new_requests_and_skips_those_it_holds(tmp_path):
    Archive(tmp_path / "a.db").close()
    crawler = get_crawler(Spider, settings_dict={"GOVARCHIVE_DB": str(tmp_path / "a.db")})
    crawler.spider = Spider(name="portal")
    middleware = FrontierMiddleware.from_crawler(crawler)
    middleware.spider_opened(crawler.spider)
    page = HtmlResponse("http://h/", body=b"<html></html>", request=Request("http://h/"))
    first = _outputs(middleware, page, [Request("http://h/a.html"), Request("http://h/b.html")])
    again = _outputs(middleware, page, [Request("http://h/a.html")])
    assert [r.url for r in first] == ["http://h/a.html", "http://h/b.html"] and again == []
    pending = middleware.frontier.rows()
    assert len(pending) == 2 and not any(done for _, done, _, _ in pending)
    middleware.spider_closed(crawler.spider, "finished")  # a finished crawl leaves no frontier
    archive = Archive(tmp_path / "a.db")
    assert archive.db.execute("SELECT count(*) FROM frontier").fetchone() == (0,)
    archive.close()


def test_a_recovery_keeps_one_frontier_per_web_archive():
    from crawler.runtime.resume import job_key

    class Recovery:
        name, sites = "recover", {"myloc.namdinh.gov.vn": "namdinh-myloc"}

        def __init__(self, replay):
            self.replay = replay

    wayback, local = job_key(Recovery("https://web.archive.org/web/")), job_key(Recovery("http://localhost:8080/c/"))
    assert wayback != local and "namdinh-myloc" in wayback


def test_capture_writes_every_response_as_served_and_says_where(tmp_path):
    from archive.warc import read_response
    from crawler.runtime.capture import WarcCaptureMiddleware

    crawler = get_crawler(Spider, settings_dict={"GOVARCHIVE_DB": str(tmp_path / "a.db")})
    spider = Spider(name="portal")
    spider.crawl_id = "c1"
    middleware = WarcCaptureMiddleware.from_crawler(crawler)
    middleware.spider_opened(spider)
    request = Request("http://h/tin/a.html")
    body = "<html><body>Thông báo lịch tiếp dân</body></html>".encode()
    response = HtmlResponse("http://h/tin/a.html", status=404, body=body, request=request,
                            headers={"Content-Type": "text/html; charset=utf-8"})
    assert asyncio.run(middleware.process_response(request, response)) is response
    middleware.spider_closed(spider)
    stored = read_response(tmp_path / "warcs", request.meta["warc_record"])
    assert (stored.url, stored.status, stored.body) == ("http://h/tin/a.html", 404, body)
    assert [p.name for p in (tmp_path / "warcs").iterdir()] == ["c1-00001.warc.gz"]


def test_a_crawl_listens_on_no_port():
    """Scrapy's telnet console and remote control each open a listening socket per crawl."""
    from scrapy.exceptions import NotConfigured
    from scrapy.extensions.remote_control import RemoteControl
    from scrapy.extensions.telnet import TelnetConsole
    from scrapy.utils.misc import build_from_crawler

    from crawler.runtime.runner import project_settings

    settings = project_settings()
    switches = {name: settings[name] for name in ("TELNETCONSOLE_ENABLED", "REMOTE_CONTROL_ENABLED")}
    crawler = get_crawler(Spider, settings_dict=switches)
    for extension in (TelnetConsole, RemoteControl):
        with pytest.raises(NotConfigured):
            build_from_crawler(extension, crawler)


def test_a_crawl_does_not_import_the_remote_controls_web_server():
    """Scrapy imports an extension's module before asking whether it is on, and every one its
    EXTENSIONS names: aiohttp, at every crawl process's start. Asked as Scrapy's extension
    manager asks."""
    code = ("import sys\n"
            "from scrapy.extension import ExtensionManager\n"
            "from scrapy.utils.misc import load_object\n"
            "from crawler.runtime.runner import project_settings\n"
            "for path in ExtensionManager._get_mwlist_from_settings(project_settings()):\n"
            "    load_object(path)\n"
            "print('scrapy.extensions.remote_control' in sys.modules, 'aiohttp' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


def test_the_crawls_extensions_are_scrapys_less_the_remote_control_and_the_log_counts():
    from scrapy.settings import default_settings

    from crawler.runtime import settings

    left_out = {"scrapy.extensions.logcount.LogCount", "scrapy.extensions.remote_control.RemoteControl"}
    assert settings.EXTENSIONS_BASE == {k: v for k, v in default_settings.EXTENSIONS_BASE.items()
                                        if k not in left_out}


def test_after_ctrl_c_a_fetched_page_is_not_read_and_stays_pending():
    from crawler.runtime import signals
    from crawler.runtime.downloader import StoppedBeforeFetch

    crawler = get_crawler(Spider)
    middleware = FrontierMiddleware.from_crawler(crawler)
    page = HtmlResponse("http://h.gov.vn/tin/1", body=b"<p>x</p>", request=Request("http://h.gov.vn/tin/1"))
    assert middleware.process_spider_input(page) is None
    crawler.signals.send_catch_log(signal=signals.stopping)
    with pytest.raises(StoppedBeforeFetch):
        middleware.process_spider_input(page)
    assert middleware.process_spider_exception(page, StoppedBeforeFetch(page.url)) == []
    assert middleware.process_spider_exception(page, ValueError("a bug")) is None  # not ours to hide


def test_after_ctrl_c_a_page_without_items_is_not_marked_done(tmp_path):
    """The errback of a page not read (raised above) sends its empty output through here."""
    from crawler.runtime import signals

    crawler = get_crawler(Spider, settings_dict={"GOVARCHIVE_DB": str(tmp_path / "a.db")})
    middleware = FrontierMiddleware.from_crawler(crawler)
    spider = Spider("s")
    crawler.spider = spider
    middleware.spider_opened(spider)
    marked = []
    middleware._mark_done = marked.append
    page = HtmlResponse("http://h.gov.vn/tin/1", body=b"<p>x</p>",
                        request=Request("http://h.gov.vn/tin/1", meta={"frontier_fp": "f1"}))
    crawler.signals.send_catch_log(signal=signals.stopping)
    assert _outputs(middleware, page, []) == [] and marked == []
    middleware.spider_closed(spider, "shutdown")


class _Portal(Spider):
    name = "portal"

    def parse_page(self, response):
        return []

    def on_error(self, failure):
        return None


def test_a_frontier_record_reads_back_as_scrapy_reads_its_own():
    from scrapy.utils.request import request_from_dict

    from crawler.runtime.resume import request_record

    spider = _Portal()
    request = Request("http://h/a", callback=spider.parse_page, errback=spider.on_error, priority=3,
                      meta={"hops": 2})
    assert request_record(request, spider) == request.to_dict(spider=spider)
    back = request_from_dict(request_record(request, spider), spider=spider)
    assert (back.callback, back.errback, back.meta, back.priority) == (
        spider.parse_page, spider.on_error, {"hops": 2}, 3)


def test_a_callback_that_is_no_method_of_the_spider_is_refused_as_scrapy_refuses_it():
    from crawler.runtime.resume import request_record

    with pytest.raises(ValueError):
        request_record(Request("http://h/a", callback=lambda response: None), _Portal())


def test_the_delay_jitter_is_drawn_once_a_gap_and_averages_the_delay():
    """Scrapy drew it at every look at a host's queue, so a request waited for the largest of
    several draws: gaps of 0.62 s at a 0.5 s delay."""
    from crawler.runtime.downloader import PoliteDownloader

    crawler = get_crawler(Spider, settings_dict={"DOWNLOAD_DELAY": 1.0, "DOWNLOAD_DELAY_JITTER": 0.5,
                                                 "AUTOTHROTTLE_ENABLED": False})

    async def gaps() -> list[float]:  # Scrapy's downloader and its slots ask for the running loop
        downloader = PoliteDownloader(crawler)
        key, slot = downloader._get_slot(Request("http://h/"))
        out = []
        for _ in range(4000):
            downloader.draw_gap(slot, key)
            looks = {downloader._gap(slot, key) for _ in range(5)}
            assert len(looks) == 1
            out.append(looks.pop())
        downloader.close()
        return out

    drawn = asyncio.run(gaps())
    assert 0.5 <= min(drawn) and max(drawn) <= 1.5
    assert abs(sum(drawn) / len(drawn) - 1.0) < 0.03


def test_the_http_handlers_keep_one_idle_connection_a_host():
    """Two per host stayed open four minutes each, the second idle under a delay.
    With the browser or without, the handler the add-on names keeps one under a delay, and one a
    request allowed at once without. Built in a process of its own: Scrapy's HTTP handler needs
    the reactor installed."""
    code = """
import asyncio
from scrapy import Spider
from scrapy.utils.misc import load_object
from scrapy.utils.reactor import install_reactor
from scrapy.utils.test import get_crawler
from crawler.runtime.browser import BrowserAddon

install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")

async def kept(mode, delay=0.5):
    crawler = get_crawler(Spider, {"ADDONS": {BrowserAddon: 0}, "GOVARCHIVE_BROWSER": mode,
                                   "DOWNLOAD_DELAY": delay, "CONCURRENT_REQUESTS_PER_DOMAIN": 2})
    handlers = crawler.settings.getwithbase("DOWNLOAD_HANDLERS")
    assert handlers["http"] == handlers["https"]
    return load_object(handlers["https"])(crawler)._pool.maxPersistentPerHost

print(*(asyncio.run(kept(mode)) for mode in ("off", "auto")), asyncio.run(kept("off", delay=0)))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.split() == ["1", "1", "2"], out.stderr[-2000:]  # no delay: a request at once each


def test_a_host_with_nothing_queued_gets_no_wake_up_armed_with_the_delay_of_now():
    """Armed after robots.txt with AutoThrottle's 1 s start delay, a wake-up made the next page
    wait that out though the delay came down to 0.5 s as robots.txt's answer arrived."""
    from time import monotonic

    from crawler.runtime.downloader import PoliteDownloader

    crawler = get_crawler(Spider, settings_dict={"DOWNLOAD_DELAY": 1.0, "AUTOTHROTTLE_ENABLED": False})

    async def armed() -> tuple[bool, bool]:
        downloader = PoliteDownloader(crawler)
        key, slot = downloader._get_slot(Request("http://h/"))
        slot.lastseen = monotonic()  # a request just left
        downloader._process_queue(slot)
        empty = slot.latercall is not None
        slot.queue.append((Request("http://h/a"), None))
        downloader._process_queue(slot)
        queued = slot.latercall is not None
        slot.queue.clear()
        downloader.close()
        return empty, queued

    assert asyncio.run(armed()) == (False, True)
