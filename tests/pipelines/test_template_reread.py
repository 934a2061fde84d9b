"""A real crawl of a portal family the extractor has no profile for: the site's template is learnt
from its first article pages, and those pages are read again with it when the crawl ends."""

from __future__ import annotations

import os
import re
import sqlite3
from urllib.parse import urlsplit

import pytest
from conftest import registry_entry, run_cli
from routes import page, serve

from tests.gold.learning import family

pytestmark = pytest.mark.crawl  # a real crawl against a local server

POSTER = "bientap tanhung"  # the account that posted, as no rule but the learnt template knows it


@pytest.mark.parametrize("form", [0, 3], ids=["day-first", "month-first"])
def test_the_pages_read_before_the_template_was_learnt_are_read_again_with_it(tmp_path, form):
    pages = family(form, 1, POSTER)  # form 3: en-US stamps, "7/3/2019 3:43:00 PM" for 3 July
    paths = [urlsplit(p.url).path + "?" + urlsplit(p.url).query for p in pages]
    links = "".join(f"<li><a href='{path}'>{p.title}</a></li>" for path, p in zip(paths, pages, strict=True))
    home = f"<html><head><title>Tin tức</title></head><body><ul>{links}</ul></body></html>"
    server = serve({"/robots.txt": page("User-agent: *\nAllow: /\n", "text/plain"), "/": page(home),
                    **{path: page(p.html) for path, p in zip(paths, pages, strict=True)}})
    (tmp_path / "registry").mkdir()
    (tmp_path / "registry" / "tanhung.toml").write_text(registry_entry("tanhung", server.url, "district"),
                                                        encoding="utf-8")
    db = tmp_path / "a.db"
    result = run_cli("crawl", "tanhung", "--db", str(db), "-v",
                     env={"GOVARCHIVE_REGISTRY": str(tmp_path / "registry"),
                          "GOVARCHIVE_ALLOW_PRIVATE_HOSTS": os.environ["GOVARCHIVE_ALLOW_PRIVATE_HOSTS"]})
    server.shutdown()
    assert result.returncode == 0, result.stderr
    rows = sqlite3.connect(db).execute("SELECT title, text, published_at FROM articles").fetchall()
    assert len(rows) == len(pages)
    assert not [title for title, text, _ in rows if POSTER in text], result.stderr[-3000:]
    assert {(title, (day or "")[:10]) for title, _, day in rows} == {(p.title, p.day) for p in pages}
    reread = re.search(r"read (\d+) articles of tanhung extracted before its template again: (\d+) changed",
                       result.stderr)
    assert reread and int(reread.group(2)) >= 6  # the six it learnt from, and those in flight meanwhile
    learnt = sqlite3.connect(db).execute("SELECT selectors FROM site_templates WHERE site = ?",
                                         ["tanhung"]).fetchone()
    assert "news-content" in learnt[0]  # where the article text sits, for the next crawl's pages
