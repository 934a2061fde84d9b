"""Bad input ends in one clear line: schedules, registry URLs, queries, XHTML."""

from __future__ import annotations

import unicodedata

import pytest
from click.testing import CliRunner
from conftest import FAST_SETTINGS, run_cli

from archive.search import MAX_QUERY_CHARS, SearchError, fts_query
from crawler import registry
from crawler.cli import cli
from crawler.extraction import extract_page
from crawler.registry import RegistryError, cron_problem, url_problem

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them

ENTRY = '''
[[site]]
key = "{key}"
name = "Site {key}"
level = "district"
home = ["{url}"]
schedule = "{schedule}"
politeness = {{ delay = 0, autothrottle = false }}
'''


def write(folder, *entries: tuple[str, str, str]) -> None:
    folder.mkdir(exist_ok=True)
    text = 'province = "Sông Hậu"\n' + "".join(ENTRY.format(key=k, url=u, schedule=s) for k, u, s in entries)
    (folder / "song-hau.toml").write_text(text, encoding="utf-8")


# schedules --------------------------------------------------------------------------------------
@pytest.mark.parametrize("schedule", ["99 * * * *", "61 25 * * *", "0 3 31 2 *", "0 3 * * * *", "every day"])
def test_bad_cron_strings_are_named(schedule):
    assert cron_problem(schedule)


@pytest.mark.parametrize("schedule", ["0 5 * * MON", "*/30 * * * *", "0 3 * * 1-5", "@daily",
                                      "15 2 1,15 * *"])
def test_cron_strings_croniter_runs_are_accepted(schedule):
    assert cron_problem(schedule) == ""


def test_a_bad_schedule_disables_its_site_and_never_the_others(demo_portal, tmp_path):
    folder = tmp_path / "reg"
    write(folder, ("good", demo_portal.district, "0 5 * * MON"), ("bad", demo_portal.province, "61 25 * * *"))
    db = tmp_path / "a.db"
    first = run_cli("crawl", "good", "--registry", str(folder), "--db", str(db), "--max-pages", "5",
                    *FAST_SETTINGS)
    assert first.returncode == 3, first.stderr  # finished at its page limit
    for command in ("schedule", "status", "sites"):
        result = run_cli(command, "--registry", str(folder), "--db", str(db))
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        assert "good" in result.stdout and "bad" not in result.stdout
        assert result.stderr.splitlines()[0] == (
            "warning: registry: song-hau.toml: site 'bad': field 'schedule': '61 25 * * *' is not a cron "
            "expression (five fields: minute hour day month weekday) (site disabled)")
    due = run_cli("run-due", "--registry", str(folder), "--db", str(db), env={"GOVARCHIVE_NOW": "2099-01-01"})
    assert due.returncode == 0 and "Traceback" not in due.stderr


def test_crawling_a_disabled_site_by_name_says_why(tmp_path):
    write(tmp_path / "reg", ("bad", "https://example.gov.vn/", "99 * * * *"))
    result = CliRunner().invoke(cli, ["crawl", "bad", "--registry", str(tmp_path / "reg"),
                                      "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 1 and "not in the registry: bad" in result.output


# registry URLs ----------------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["http://169.254.169.254/", "file:///etc/passwd", "http://127.0.0.1:8080/",
                                 "http://localhost/", "http://10.0.0.5/", "http://192.168.1.1/",
                                 "http://[::1]/", "http://2130706433/", "http://0x7f.1/", "gopher://a.gov.vn/",
                                 "http://user:pw@a.gov.vn/", "http://a.gov.vn:99999/"])
def test_registry_urls_must_be_public_http_hosts(url):
    assert url_problem(url, allow_private=False)


@pytest.mark.parametrize("url", ["https://vinhlong.gov.vn/", "http://tuyphuoc.binhdinh.gov.vn/Pages/x.aspx",
                                 "http://203.162.10.5/"])
def test_public_portals_pass(url):
    assert url_problem(url, allow_private=False) == ""


def test_loopback_needs_the_setting(tmp_path):
    write(tmp_path, ("local", "http://127.0.0.1:8000/", "0 3 * * *"))
    with pytest.raises(RegistryError, match="127.0.0.1 is a private, loopback or link-local address"):
        registry.load(tmp_path, allow_private=False)
    assert "local" in registry.load(tmp_path, allow_private=True)


def test_the_bundled_registry_names_public_hosts_only():
    assert registry.load(allow_private=False)


# queries ----------------------------------------------------------------------------------------
def test_a_100000_character_query_is_refused_at_once(crawled_demo):
    result = run_cli("search", "dan van " * 12_500, "--db", str(crawled_demo.db), timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip() == (f"Error: query too long (100000 characters; at most {MAX_QUERY_CHARS})")


def test_a_query_of_too_many_words_is_refused():
    with pytest.raises(SearchError, match="query has 40 words; at most 32"):
        fts_query(" ".join(f"w{i}" for i in range(40)))


# pages ------------------------------------------------------------------------------------------
XHTML = """<?xml version="1.0" encoding="{enc}"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Thông báo</title></head><body>
<h1>Thông báo lịch tiếp công dân tháng 3</h1><p>Ngày 12/03/2024</p>
<p>{body}</p></body></html>"""
BODY = ("Ủy ban nhân dân huyện thông báo lịch tiếp công dân định kỳ tháng 3 năm 2024 tại trụ sở. "
        "Công dân có nhu cầu liên hệ trực tiếp bộ phận một cửa để được hướng dẫn. ") * 3


TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Vietnamese as windows-1258 writes it: base letters, tone marks as combining characters."""
    out = []
    for char in text:
        try:
            out.append(char.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out.append(base.encode("cp1258") + "".join(c for c in parts if c in TONES).encode("cp1258"))
    return b"".join(out)


@pytest.mark.parametrize("encoding", ["utf-8", "windows-1258"])
def test_xhtml_with_an_xml_declaration_is_decoded_from_its_bytes(encoding):
    text = XHTML.format(enc=encoding, body=BODY)
    page = text.encode() if encoding == "utf-8" else cp1258(text)
    result = extract_page(page, "https://x.gov.vn/tb.html")
    assert result.is_article, result.reason
    assert result.title == "Thông báo lịch tiếp công dân tháng 3" and result.published_at == "2024-03-12"
    assert "liên hệ trực tiếp" in result.text


@pytest.mark.parametrize("html", [b"", b"<html></html>", b"<frameset><frame src='a.html'></frameset>",
                                  b"<img src='scan.jpg'>", b"\x00\xff" * 1000, b"<" * 100_000,
                                  b"<div>" * 50_000, b"<?xml version='1.0'?><rss></rss>"])
def test_pages_that_are_not_articles_are_a_reason_never_a_crash(html):
    result = extract_page(html, "https://x.gov.vn/a.html")
    assert not result.is_article and result.reason


@pytest.mark.parametrize("url", ["not-a-url", "ftp://x.gov.vn/", "http://169.254.169.254/latest/"])
def test_crawl_refuses_a_bad_url_before_making_an_archive(tmp_path, url):
    from click.testing import CliRunner

    from crawler.cli import cli

    result = CliRunner().invoke(cli, ["crawl", "--url", url, "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 2 and f"--url {url}:" in result.output
    assert not (tmp_path / "a.db").exists()
