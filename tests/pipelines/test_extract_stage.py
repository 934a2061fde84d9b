"""The extract stage alone (Scrapy's get_crawler, a temporary archive): articles pass, the rest is filed
by the verdict's kind, never by the wording of its reason."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from crawler.demo.content import ARTICLES
from crawler.runtime.items import PageItem
from pipelines.extract import ExtractPipeline

ARTICLE = ARTICLES[0]
PARAGRAPHS = "".join(f"<p>{p}</p>" for p in ARTICLE.paragraphs)
PAGES = {
    "article": (f"<html><head><title>{ARTICLE.title}</title></head><body><div class='detail'>"
                f"<h1>{ARTICLE.title}</h1><div class='date'>{ARTICLE.date_line}</div>{PARAGRAPHS}</div>"
                "</body></html>"),
    "listing": ("<html><head><title>Tin hoạt động của huyện</title></head><body><div class='content'>"
                "<h1>Tin hoạt động của huyện</h1><ul class='list'>" + "".join(
                    f"<li><a href='/tin/{n}.html'>Hội nghị tổng kết công tác năm {2000 + n} của huyện</a>"
                    f" ({n % 28 + 1:02d}/03/2024)</li>" for n in range(20)) + "</ul></div></body></html>"),
    "dead_end": "<html><body><p>Trang này đang được xây dựng.</p></body></html>",
}

POSTER = "bientap tanhung"  # the account that posted, as no rule but the learnt template knows it


@pytest.fixture
def stage(tmp_path):
    crawler = get_crawler(settings_dict={"GOVARCHIVE_DB": str(tmp_path / "a.db"),
                                         "GOVARCHIVE_EXTRACT_WORKERS": 0})
    stage = ExtractPipeline.from_crawler(crawler)
    stage.open_spider()
    yield stage
    asyncio.run(stage.close_spider())


def _item(name: str) -> PageItem:
    url = f"http://127.0.0.1/{name}.html"
    return PageItem(url=url, site="127.0.0.1", crawl_id="c1", fetched_at="2026-01-01T00:00:00+00:00",
                    content_type="text/html; charset=utf-8", body=PAGES[name].encode(), fetched_url=url)


def _filed(stage, name: str) -> tuple[str, str]:
    db = sqlite3.connect(stage.settings["GOVARCHIVE_DB"])
    return db.execute("SELECT kind, reason FROM pages WHERE url LIKE ?", [f"%/{name}.html"]).fetchone()


def test_an_article_passes_with_its_fields(stage):
    item = asyncio.run(stage.process_item(_item("article")))
    assert item.title == ARTICLE.title and ARTICLE.paragraphs[0][:40] in item.text


@pytest.mark.parametrize("name", ["listing", "dead_end"])
def test_a_page_that_is_no_article_is_dropped_and_filed_by_its_kind(stage, name):
    with pytest.raises(DropItem, match="not an article"):
        asyncio.run(stage.process_item(_item(name)))
    kind, reason = _filed(stage, name)
    assert kind == name and reason
    assert stage.stats.get_value("govarchive/skipped/not_article") == 1


def test_a_date_a_listing_endpoint_gave_comes_after_the_pages_own_candidates(stage):
    item = _item("article")
    item.listing_hint = {"title": "", "date": "2024-03-01T08:30:00"}
    item = asyncio.run(stage.process_item(item))
    assert item.date_candidates[-1] == ("listing", "2024-03-01T08:30:00")
    assert len(item.date_candidates) > 1  # the page's own come first


def test_a_page_reached_by_a_listings_pager_is_filed_as_a_listing(stage):
    item = _item("article")
    item.listing_page = True
    with pytest.raises(DropItem):
        asyncio.run(stage.process_item(item))
    assert _filed(stage, "article")[0] == "listing"


def test_a_sites_template_is_learnt_from_its_first_articles_kept_and_used(tmp_path):
    """After six article pages of a registry site the stage learns where its title and date sit and
    which lines repeat, keeps that in the archive, and extracts the next pages with it."""
    from types import SimpleNamespace

    from archive.store import open_database
    from archive.templates import load_template
    from tests.gold.learning import family

    db_path = tmp_path / "a.db"
    crawler = get_crawler(settings_dict={"GOVARCHIVE_DB": str(db_path), "GOVARCHIVE_EXTRACT_WORKERS": 0})
    stage = ExtractPipeline.from_crawler(crawler)
    stage.open_spider(SimpleNamespace(site=SimpleNamespace(key="hungthanh", selectors={})))
    texts = []
    for page in family(0, 1, POSTER)[:8]:
        item = PageItem(url=page.url, site="hungthanh", crawl_id="c1", fetched_at="2026-01-01T00:00:00Z",
                        content_type="text/html", body=page.html.encode(), fetched_url=page.url)
        texts.append(asyncio.run(stage.process_item(item)).text)
    asyncio.run(stage.close_spider())
    assert [POSTER in t for t in texts] == [True] * 6 + [False] * 2  # learnt after the sixth
    learnt = load_template(open_database(db_path), "hungthanh")
    assert learnt["title"] and learnt["date"]
    assert crawler.stats.get_value("govarchive/template/learnt_from") == 6


def test_a_crawl_of_addresses_learns_each_hosts_template_apart(tmp_path):
    """Zero-config (no registry site: the crawl's sites are its hosts), each host's template is
    learnt from its own first articles, and one host's pages never teach another's."""
    from types import SimpleNamespace

    from archive.store import open_database
    from archive.templates import load_template
    from tests.gold.learning import family

    db_path = tmp_path / "a.db"
    crawler = get_crawler(settings_dict={"GOVARCHIVE_DB": str(db_path), "GOVARCHIVE_EXTRACT_WORKERS": 0})
    stage = ExtractPipeline.from_crawler(crawler)
    stage.open_spider(SimpleNamespace(site=None))
    texts: dict[str, list[str]] = {"a.gov.vn": [], "b.gov.vn": []}
    for n, (first, second) in enumerate(zip(family(0, 1, POSTER)[:8], family(1, 1, POSTER)[:8], strict=True)):
        for host, page in (("a.gov.vn", first), ("b.gov.vn", second)) if n % 2 else (("b.gov.vn", second),
                                                                                       ("a.gov.vn", first)):
            item = PageItem(url=page.url, site=host, crawl_id="c1", fetched_at="2026-01-01T00:00:00Z",
                            content_type="text/html", body=page.html.encode(), fetched_url=page.url)
            texts[host].append(asyncio.run(stage.process_item(item)).text)
    asyncio.run(stage.close_spider())
    for host in texts:
        assert [POSTER in t for t in texts[host]] == [True] * 6 + [False] * 2, host
        assert load_template(open_database(db_path), host)["title"]
