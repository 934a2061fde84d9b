"""govarchive serve: a real Datasette on 127.0.0.1 (port 0), queried through its JSON API."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_research import write_articles

from crawler.cli import cli

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "archive.db"
    write_articles(path)
    return path


@pytest.fixture(scope="module")
def server(archive_path) -> Iterator[str]:
    """``govarchive serve --port 0`` in a subprocess; its URL, read from its first line."""
    proc = subprocess.Popen([str(BIN / "govarchive"), "serve", "--db", str(archive_path), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    if "http://" not in line:
        proc.kill()
        pytest.fail(f"serve did not start: {line}{proc.stderr.read()}")
    yield line.split(" at ")[1].split()[0]
    proc.terminate()
    proc.wait(timeout=10)


def get(server: str, path: str, **params) -> tuple[int, object]:
    url = server + path.lstrip("/") + ("?" + urllib.parse.urlencode(params) if params else "")
    try:
        with urllib.request.urlopen(url, timeout=120) as response:  # generous: a loaded machine
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def titles(server: str, path: str, **params) -> list[str]:
    status, rows = get(server, path, _shape="array", **params)
    assert status == 200, rows
    return [row["title"] for row in rows]


@pytest.mark.parametrize("query", ["dong thap", "Đồng Tháp", unicodedata.normalize("NFD", "Đồng Tháp")])
def test_table_search_folds_like_the_cli(server, query):
    assert titles(server, "archive/articles.json", _search=query) == ["Tổng kết “Dân vận khéo” năm 2018"]


def test_canned_search_finds_words_without_diacritics(server):
    assert len(titles(server, "archive/search.json", q="dan van kheo")) == 5


def test_canned_search_takes_phrases_and_operators(server):
    found = titles(server, "archive/search.json", q='"dân vận khéo" NOT kạn')
    assert set(found[:2]) == {"Khánh Vĩnh: dan van kheo", "Tổng kết “Dân vận khéo” năm 2018"}  # in titles
    assert found[2:] == ["Huyện Mỹ Lộc sơ kết dân vận"]


def test_canned_search_malformed_query_is_an_error_not_a_crash(server):
    status, body = get(server, "archive/search.json", q='"dan van')
    assert status == 400 and body["error"] == "unterminated string"


def test_articles_per_month_per_province(server):
    status, rows = get(server, "archive/articles_per_month_per_province.json", _shape="array")
    assert status == 200
    assert {"month": "2018-03", "province": "Vĩnh Long", "articles": 1} in rows
    assert sum(r["articles"] for r in rows) == 5  # the undated article is not in a month


def test_latest_per_site(server):
    status, rows = get(server, "archive/latest_per_site.json", _shape="array")
    by_site = {r["site"]: r for r in rows}
    assert status == 200 and len(by_site) == 5
    assert by_site["khanhhoa-khanhvinh"]["title"] == "Khánh Vĩnh: dan van kheo"  # dated before undated
    assert by_site["khanhhoa-khanhvinh"]["articles"] == 2 and by_site["vinhlong"]["province"] == "Vĩnh Long"


def test_story_portals_lists_every_copy(server):
    status, rows = get(server, "archive/story_portals.json", id=3, _shape="array")
    assert status == 200 and sorted(r["site"] for r in rows) == ["backan", "vinhphuc-songlo"]


def test_metadata_describes_tables_and_columns(server):
    status, meta = get(server, "-/metadata.json")
    articles = meta["databases"]["archive"]["tables"]["articles"]
    assert status == 200 and "Vietnam time" in articles["columns"]["published_at"]


def test_archive_cannot_be_changed_through_sql(server, archive_path):
    status, body = get(server, "archive.json", sql="DELETE FROM articles")
    assert status == 400 and body["ok"] is False
    status, body = get(server, "archive.json", sql="SELECT count(*) AS n FROM articles", _shape="array")
    assert body == [{"n": 6}]


def test_serve_without_an_archive_says_so(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and result.output.startswith("Error: no archive at")
    assert len(result.output.strip().splitlines()) == 1


def test_serve_on_a_taken_port_says_so(archive_path, server):
    port = urllib.parse.urlsplit(server).port
    result = CliRunner().invoke(cli, ["serve", "--db", str(archive_path), "--port", str(port)])
    assert result.exit_code == 1 and f"cannot listen on 127.0.0.1:{port}" in result.output


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(not CHROMIUM, reason="Debian's chromium is not installed (.ci/run installs it)")
def test_search_page_in_a_headless_browser(server, tmp_path):
    url = server + "archive/articles?" + urllib.parse.urlencode({"_search": "dong thap"})
    dom = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path}", "--dump-dom", url],
        capture_output=True, text=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)},
    ).stdout
    assert "Tổng kết “Dân vận khéo” năm 2018" in dom and "Bắc Kạn" not in dom


def test_sites_table_follows_the_registry(tmp_path):
    from dataclasses import replace

    from archive.sites import sync_sites
    from archive.store import open_database
    from crawler.registry import load

    db = open_database(tmp_path / "a.db")
    site = load(None)["vinhlong"]
    sync_sites(db, [site])
    sync_sites(db, [replace(site, province="Vĩnh Long mới")])  # the 2025 reform renames provinces
    assert list(db.execute("SELECT key, province FROM sites")) == [("vinhlong", "Vĩnh Long mới")]


def test_canned_search_puts_title_matches_first(server):
    found = titles(server, "archive/search.json", q="dan van kheo")
    assert "Huyện Mỹ Lộc sơ kết dân vận" not in found[:3]
    assert all("khéo" in t.lower() or "kheo" in t.lower() for t in found[:3])


def test_the_articles_page_search_box_leads_to_the_ranked_search(server):
    url = server + "archive/articles?" + urllib.parse.urlencode({"_search": "Đồng Tháp"})

    class NoFollow(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        urllib.request.build_opener(NoFollow).open(url, timeout=120)
        raise AssertionError("no redirect")
    except urllib.error.HTTPError as exc:
        assert exc.code == 302
        assert exc.headers["location"] == "/search?" + urllib.parse.urlencode({"q": "Đồng Tháp"})


def test_html_pages_cut_long_texts(server):
    status, settings = get(server, "-/settings.json")
    assert status == 200 and settings["truncate_cells_html"] == 240
