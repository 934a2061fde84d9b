"""Filter tokens in the search index (archive/facets.py): filtered searches narrow in the index."""

from __future__ import annotations

import pytest

from archive import facets
from archive.filters import Filters
from archive.search import search
from archive.store import Archive


@pytest.fixture
def archive(tmp_path):
    a = Archive(tmp_path / "a.db")
    a.start_crawl("c", "2026", [])
    rows = [("vinhlong", "2019-03-05T08:00:00+07:00"), ("vinhlong", "2021-07-01T08:00:00+07:00"),
            ("namdinh-myloc", "2019-11-20T08:00:00+07:00"), ("127.0.0.1:8080", None),
            ("xn--tnh-vnh-long.vn", "2019-03-09T08:00:00+07:00")]
    for i, (site, day) in enumerate(rows):
        a.insert_article({"url": f"http://x/{i}", "site": site, "title": f"Tin {i}", "published_at": day,
                          "text": "Đàn vịt khỏe mạnh.", "content_hash": f"h{i}", "fetched_at": "2026",
                          "crawl_id": "c"})
    yield a
    a.close()


def _urls(archive, **filters) -> list[str]:
    return sorted(r["url"] for r in search(archive.db, "dan vit", 20, filters=Filters(**filters)))


def test_every_article_carries_its_site_year_and_month_tokens(archive):
    def match(term: str) -> set[int]:
        return {r[0] for r in archive.db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?",
                                                 [term])}

    assert match("zqfsvinhlong") == {1, 2}
    assert match("zqfsnamdinh0myloc") == {3}
    assert match(facets.site_token("127.0.0.1:8080")) == {4}
    assert match("zqfy2019") == {1, 3, 5} and match("zqfm201903") == {1, 5}


@pytest.mark.parametrize(("filters", "expected"), [
    ({"site": "vinhlong"}, ["http://x/0", "http://x/1"]),
    ({"sites": ("vinhlong", "namdinh-myloc")}, ["http://x/0", "http://x/1", "http://x/2"]),
    ({"date_from": "2019-01-01", "date_to": "2019-12-31"}, ["http://x/0", "http://x/2", "http://x/4"]),
    ({"date_from": "2019-03-01", "date_to": "2019-03-31"}, ["http://x/0", "http://x/4"]),
    ({"date_from": "2019-03-06", "date_to": "2019-11-30"}, ["http://x/2", "http://x/4"]),
    ({"date_from": "2020-01-01"}, ["http://x/1"]),
    ({"site": "127.0.0.1:8080"}, ["http://x/3"]),
    ({"sites": ()}, []),
])
def test_filtered_searches_find_exactly_what_the_filters_pass(archive, filters, expected):
    assert _urls(archive, **filters) == expected


def test_a_site_the_tokenizer_would_split_is_filtered_without_tokens():
    assert facets.site_token("tỉnh.vn") is None
    assert facets.query("tỉnh.vn", None, None, None) == ""


def test_a_changed_date_moves_the_article_in_the_index(archive):
    archive.update_article(1, {"published_at": "2024-01-02T08:00:00+07:00"})
    assert _urls(archive, date_from="2024-01-01", date_to="2024-12-31") == ["http://x/0"]
    assert "http://x/0" not in _urls(archive, date_from="2019-01-01", date_to="2019-12-31")


def test_the_tokens_never_show_in_snippets(archive):
    rows = search(archive.db, "khoe", 20, filters=Filters(site="vinhlong"))
    assert rows and all("zqf" not in r["snippet"] for r in rows)
