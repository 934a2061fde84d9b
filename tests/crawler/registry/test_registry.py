"""The site registry: validation, the shipped entries, per-site spiders and multi-site crawls."""

from __future__ import annotations

import os
import sqlite3
import subprocess

import pytest
from click.testing import CliRunner
from conftest import BIN, FAST_SETTINGS, ROOT, run_cli

from crawler import registry
from crawler.cli import cli
from crawler.demo.content import ARTICLES
from crawler.registry import RegistryError

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them

GOOD = '''province = "Sông Hậu"

[[site]]
key = "{key}"
name = "Cổng thông tin điện tử {key}"
level = "{level}"
home = ["{url}"]
schedule = "*/30 * * * *"
politeness = {{ delay = 0, concurrency = 2, autothrottle = false }}
'''


def write_registry(folder, **sites):
    folder.mkdir(exist_ok=True)
    for key, (url, level) in sites.items():
        (folder / f"{key}.toml").write_text(GOOD.format(key=key, url=url, level=level), encoding="utf-8")
    return folder


def test_bundled_registry_has_the_seed_portals_unverified():
    sites = registry.load()
    for key in ("vinhlong", "namdinh-myloc", "backan", "vinhphuc-songlo", "khanhhoa-khanhvinh"):
        assert key in sites and sites[key].verified is False
    assert {s.level for s in sites.values()} >= {"province", "district", "department"}


BAD = [
    ('province = "X"\n[[site]]\nkey = "a"\nname = "A"\nlevel = "huyen"\nhome = ["http://a/"]\n',
     "site 'a': field 'level': 'huyen' is not one of"),
    ('province = "X"\n[[site]]\nkey = "A b"\nname = "A"\nlevel = "province"\nhome = ["http://a/"]\n',
     "field 'key'"),
    ('province = "X"\n[[site]]\nkey = "a"\nlevel = "province"\nhome = ["http://a/"]\n',
     "site 'a': field 'name': required"),
    ('province = "X"\n[[site]]\nkey = "a"\nname = "A"\nlevel = "province"\nhome = ["ftp://a/"]\n',
     "site 'a': field 'home': 'ftp://a/': a URL must be http:// or https://"),
    ('province = "X"\n[[site]]\nkey = "a"\nname = "A"\nlevel = "province"\nhome = ["http://a/"]\n'
     'schedule = "every day"\n', "site 'a': field 'schedule'"),
    ('province = "X"\n[[site]]\nkey = "a"\nname = "A"\nlevel = "province"\nhome = ["http://a/"]\n'
     'colour = "red"\n', "site 'a': field 'colour': unknown field"),
    ('province = "X"\n[[site]]\nkey = "a"\nname = "A"\nlevel = "province"\nhome = ["http://a/"]\n'
     'politeness = { concurrency = 0 }\n', "field 'politeness.concurrency'"),
    ('province = "X"\n[[site]]\nkey = "a"\nname = "A"\nlevel = "province"\nhome = ["http://a/"]\n'
     'selectors = { headline = "h1" }\n', "field 'selectors.headline'"),
    ('province = "X"\n[[site]]\nkey = "a"\nname = "A"\nlevel = "province"\nhome = ["http://a/"]\n'
     'selectors = { body = "div[[" }\n', "field 'selectors.body': does not compile"),
    ('province = "X"\n[[site]]\nkey = "a"\nname = "A"\nlevel = "province"\nhome = ["http://a/"]\n'
     'selectors = { date_order = "ymd" }\n', "field 'selectors.date_order': one of dmy, mdy"),
    ('[[site]]\nkey = "a"\n', "field 'province'"),
    ('province = "X"\n[[site]\n', "not valid TOML"),
]


@pytest.mark.parametrize("text,message", BAD)
def test_bad_entry_names_file_key_and_field(tmp_path, text, message):
    (tmp_path / "bad.toml").write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError) as info:
        registry.load(tmp_path)
    assert str(info.value).startswith("bad.toml: ")
    assert message in str(info.value)


def test_duplicate_key_across_files(tmp_path):
    write_registry(tmp_path, a=("http://a/", "province"))
    (tmp_path / "b.toml").write_text(GOOD.format(key="a", url="http://b/", level="district"))
    with pytest.raises(RegistryError, match="key already used in a.toml"):
        registry.load(tmp_path)


def test_cli_names_a_bad_entry_in_one_line_and_lists_the_other_sites(tmp_path):
    (tmp_path / "bad.toml").write_text(BAD[0][0], encoding="utf-8")
    write_registry(tmp_path, good=("http://127.0.0.1:9/", "province"))
    result = CliRunner().invoke(cli, ["sites", "--registry", str(tmp_path)])
    assert result.exit_code == 0
    assert result.stderr.startswith("warning: registry: bad.toml: site 'a': field 'level'")
    assert "(site disabled)" in result.stderr and "good" in result.stdout


def test_scrapy_list_shows_one_spider_per_site(tmp_path):
    folder = write_registry(tmp_path / "reg", one=("http://127.0.0.1:9/", "province"),
                            two=("http://127.0.0.1:8/", "district"))
    result = subprocess.run([str(BIN / "scrapy"), "list"], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "GOVARCHIVE_REGISTRY": str(folder)})
    assert result.stdout.split() == ["one", "portal", "recover", "sharepoint_json", "two"]


def test_scrapy_crawl_key_crawls_that_site(demo_portal, tmp_path):
    folder = write_registry(tmp_path / "reg", mythanh=(demo_portal.district, "district"))
    db = tmp_path / "a.db"
    env = {**os.environ, "GOVARCHIVE_REGISTRY": str(folder), "GOVARCHIVE_DB": str(db)}
    result = subprocess.run([str(BIN / "scrapy"), "crawl", "mythanh", "-s", "LOG_LEVEL=WARNING"],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT DISTINCT site FROM articles").fetchall() == [("mythanh",)]
    assert conn.execute("SELECT site, status FROM crawls").fetchall() == [("mythanh", "finished")]


def test_several_sites_in_one_process_each_recorded(demo_portal, tmp_path):
    folder = write_registry(tmp_path / "reg", songhau=(demo_portal.province, "province"),
                            mythanh=(demo_portal.district, "district"))
    db = tmp_path / "a.db"
    result = run_cli("crawl", "--all", "--registry", str(folder), "--db", str(db), *FAST_SETTINGS)
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(db)
    by_site = dict(conn.execute("SELECT site, count(*) FROM articles GROUP BY site"))
    assert by_site == {"songhau": sum(a.portal == "province" for a in ARTICLES),
                       "mythanh": sum(a.portal == "district" for a in ARTICLES)}
    assert sorted(conn.execute("SELECT site, status FROM crawls")) == [
        ("mythanh", "finished"), ("songhau", "finished")]
    listing = CliRunner().invoke(cli, ["sites", "--registry", str(folder), "--db", str(db)])
    assert "finished, 13 new" in listing.output and "finished, 11 new" in listing.output


def test_unknown_key_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["crawl", "nosuch", "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 1 and "not in the registry: nosuch" in result.output


def test_sites_filters_by_province_without_diacritics():
    result = CliRunner().invoke(cli, ["sites", "--province", "vinh phuc", "--db", "/nonexistent/a.db"])
    assert result.exit_code == 0
    assert "vinhphuc-songlo" in result.output and "vinhlong" not in result.output


def test_json_listing_spider_finds_articles_links_do_not_show(demo_portal, tmp_path):
    folder = write_registry(tmp_path / "reg", songhau=(demo_portal.province, "province"))
    entry = (folder / "songhau.toml").read_text()
    api = demo_portal.province + "_api/tin-tuc/QUERYDATA?page=1"
    (folder / "songhau.toml").write_text(entry + f'spider = "sharepoint_json"\nstart_urls = ["{api}"]\n')
    db = tmp_path / "a.db"
    # depth 0: no link is followed from any page, so every article must come from the JSON listing
    result = run_cli("crawl", "songhau", "--registry", str(folder), "--db", str(db), "--max-depth", "0",
                     *FAST_SETTINGS)
    assert result.returncode == 0, result.stderr
    stored = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
    assert stored == sum(a.portal == "province" for a in ARTICLES)


def test_generic_spider_alone_finds_nothing_at_depth_zero(demo_portal, tmp_path):
    folder = write_registry(tmp_path / "reg", songhau=(demo_portal.province, "province"))
    db = tmp_path / "a.db"
    result = run_cli("crawl", "songhau", "--registry", str(folder), "--db", str(db), "--max-depth", "0",
                     *FAST_SETTINGS, "-s", "ROBOTSTXT_OBEY=False")
    assert result.returncode == 0, result.stderr
    assert sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_new_site_probes_and_drafts_a_valid_entry(demo_portal, tmp_path):
    draft = tmp_path / "reg" / "my-thanh.toml"
    draft.parent.mkdir()
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    result = run_cli("new-site", demo_portal.district, "--key", "mythanh", "--province", "Sông Hậu",
                     "--level", "district", "--out", str(draft), *FAST_SETTINGS,
                     env={"TMPDIR": str(scratch)})
    assert result.returncode == 0, result.stderr
    assert not any(scratch.iterdir())  # the probe's scratch archive is gone once read
    assert "platform: vnpt" in result.stderr
    assert "feeds: " + demo_portal.district + "rss/tin-moi.rss" in result.stderr
    assert "sample article: " + demo_portal.district + "vi/news/" in result.stderr
    site = registry.load(draft.parent)["mythanh"]
    assert (site.level, site.platform, site.verified) == ("district", "vnpt", False)
    assert site.home == (demo_portal.district,)


def test_new_site_rejects_a_bad_key():
    result = CliRunner().invoke(cli, ["new-site", "http://x/", "--key", "Bad Key", "--province", "X"])
    assert result.exit_code == 2 and "--key" in result.output


def test_sites_without_a_schedule_come_due_at_night_times_of_their_own():
    from crawler.registry.entries import default_schedule

    sites = registry.load(None)
    unscheduled = [s for s in sites.values() if s.schedule == default_schedule(s.key)]
    assert len(unscheduled) >= 5
    times = {s.schedule for s in unscheduled}
    assert len(times) > len(unscheduled) // 2  # spread, not all at 03:00
    for schedule in times:
        minute, hour, *rest = schedule.split()
        assert 0 <= int(minute) < 60 and 1 <= int(hour) <= 5 and rest == ["*", "*", "*"]
    assert default_schedule("vinhlong") == default_schedule("vinhlong")
