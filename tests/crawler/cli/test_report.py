"""govarchive report: per host what a crawl did, and each page it skipped with the reason."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import FAST_SETTINGS, run_cli
from routes import page, serve, status

from crawler.cli import cli
from crawler.demo.content import ARTICLES

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them

ARTICLE = ARTICLES[0]


def test_the_report_counts_per_host_and_gives_every_skip_its_reason(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in ARTICLE.paragraphs)
    server = serve({
        "/robots.txt": page("User-agent: *\nDisallow: /private/\n", "text/plain"),
        "/": page("<html><body><a href='/tin/a.html'>a</a> <a href='/private/x.html'>x</a> "
                  "<a href='/tin/gone.html'>gone</a> <a href='/tin/down.html'>down</a></body></html>"),
        "/tin/a.html": page(f"<html><head><title>{ARTICLE.title}</title></head><body><div class='detail'>"
                            f"<h1>{ARTICLE.title}</h1><div class='date'>{ARTICLE.date_line}</div>{body}"
                            "</div></body></html>"),
        "/tin/down.html": status(500)})
    db = tmp_path / "a.db"
    result = run_cli("crawl", "--url", server.url, "--db", str(db), *FAST_SETTINGS, "-s", "RETRY_TIMES=0")
    server.shutdown()
    assert result.returncode == 0, result.stderr
    out = CliRunner().invoke(cli, ["report", "--db", str(db), "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    lines = [json.loads(line) for line in out.output.splitlines()]
    assert lines[0]["type"] == "crawl" and lines[0]["status"] == "finished"
    (host,) = [line for line in lines if line["type"] == "host"]
    assert host["host"] == server.url.split("//")[1].rstrip("/") and host["articles"] == 1
    assert host["responses"] >= 5  # robots.txt, the home page, the article and the errors
    assert host["failed"] == 1 and host["dead_ends"] >= 2
    reasons = {line["url"].rsplit("/", 1)[-1]: line["reason"] for line in lines
               if line["type"] == "skipped" and line["url"].endswith(".html")}
    assert reasons == {"x.html": "refused by robots.txt", "gone.html": "HTTP 404 Not Found",
                       "down.html": "HTTP 500 Internal Server Error"}
    table = CliRunner().invoke(cli, ["report", "--db", str(db), "--skipped"])
    assert table.exit_code == 0 and "refused by robots.txt" in table.output and "127.0.0.1" in table.output


def test_a_report_of_no_crawl_says_so(tmp_path):
    from archive.store import Archive

    Archive(tmp_path / "a.db").close()
    out = CliRunner().invoke(cli, ["report", "--db", str(tmp_path / "a.db")])
    assert out.exit_code == 1 and "no crawl in" in out.output
