"""The govarchive CLI through click's CliRunner (crawls run as subprocesses elsewhere)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import ROOT

from archive.store import Archive
from crawler.cli import cli

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them

SEED = ROOT / "tests" / "fixtures" / "seeds" / "004_khanhvinh.html"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.mark.parametrize("command", ["crawl", "extract", "search", "demo"])
def test_every_command_has_help_with_an_example(runner, command):
    result = runner.invoke(cli, [command, "-h"])
    assert result.exit_code == 0
    assert "Example" in result.output


def test_version(runner):
    assert "govarchive" in runner.invoke(cli, ["--version"]).output


def test_extract_prints_one_json_object_per_file(runner):
    result = runner.invoke(cli, ["extract", str(SEED), str(SEED)])
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 2
    record = json.loads(lines[0])
    assert record["title"] == "Hiệu quả từ công tác dân vận chính quyền trên địa bàn huyện Khánh Vĩnh"
    assert record["published_at"] == "2021-11-02T23:58:00+07:00"
    assert {"url", "author", "text"} <= set(record)


def test_extract_takes_the_original_url(runner):
    result = runner.invoke(cli, ["extract", str(SEED), "--url", "https://khanhvinh.khanhhoa.gov.vn/a?utm_source=x"])
    assert json.loads(result.output)["url"] == "https://khanhvinh.khanhhoa.gov.vn/a"


def test_extract_missing_file_is_one_line(runner):
    result = runner.invoke(cli, ["extract", "no-such-file.html"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot read no-such-file.html")
    assert "Traceback" not in result.output


def test_extract_url_with_several_files_is_refused(runner):
    result = runner.invoke(cli, ["extract", str(SEED), str(SEED), "--url", "http://x"])
    assert result.exit_code == 2


def test_extract_binary_file_reports_not_article(runner, tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.4\x00\x01\x02")
    record = json.loads(runner.invoke(cli, ["extract", str(path)]).output)
    assert record["is_article"] is False and record["reason"]


@pytest.fixture
def small_db(tmp_path):
    path = tmp_path / "a.db"
    a = Archive(path)
    a.start_crawl("c1", "2026", [])
    a.insert_article({"url": "http://x/1", "site": "x", "title": "Đồng Tháp",
                      "text": "Đồng Tháp ra quân.", "content_hash": "h", "fetched_at": "2026",
                      "crawl_id": "c1", "published_at": "2019-01-02"})
    a.close()
    return path


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_search_formats(runner, small_db, fmt):
    result = runner.invoke(cli, ["search", "dong thap", "--db", str(small_db), "--format", fmt])
    assert result.exit_code == 0
    assert "Đồng Tháp" in result.output


def test_search_db_from_environment(runner, small_db):
    result = runner.invoke(cli, ["search", "dong thap"], env={"GOVARCHIVE_DB": str(small_db)})
    assert "Đồng Tháp" in result.output


def test_search_missing_db_is_one_line(runner, tmp_path):
    result = runner.invoke(cli, ["search", "x", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and result.output.startswith("Error: no archive")
    assert not (tmp_path / "none.db").exists()


def test_search_malformed_query_is_one_line(runner, small_db):
    result = runner.invoke(cli, ["search", '"dong', "--db", str(small_db)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "malformed query" in result.output


def test_search_no_match(runner, small_db):
    assert "No matches" in runner.invoke(cli, ["search", "zzz", "--db", str(small_db)]).output


def test_crawl_requires_a_url(runner):
    assert runner.invoke(cli, ["crawl"]).exit_code == 2


def test_crawl_bad_setting_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(cli, ["crawl", "--url", "http://127.0.0.1:9/", "-s", "NOEQUALS"])
    assert result.exit_code == 2 and "NAME=VALUE" in result.output


def test_crawl_into_missing_folder_is_one_line(runner, tmp_path):
    db = str(tmp_path / "x" / "a.db")
    result = runner.invoke(cli, ["crawl", "--url", "http://127.0.0.1:9/", "--db", db])
    assert result.exit_code == 1 and "does not exist" in result.output


def test_every_command_module_is_known_to_the_lazy_group():
    import importlib

    from crawler.cli.common import COMMAND_MODULES

    for module in COMMAND_MODULES:
        importlib.import_module(module)
    by_module = {}
    for name, command in cli.commands.items():
        by_module.setdefault(command.callback.__module__, set()).add(name)
    assert by_module == {module: set(names) for module, names in COMMAND_MODULES.items()}


def test_a_search_imports_neither_scrapy_nor_sqlite_utils(small_db):
    """What made a cold search take 0.5 s (imports); it reads with plain sqlite3."""
    import subprocess
    import sys

    code = ("import sys\nfrom click.testing import CliRunner\nfrom crawler.cli import cli\n"
            f"r = CliRunner().invoke(cli, ['search', 'dan van', '--db', {str(small_db)!r},"
            " '--with-documents'])\n"
            "assert r.exit_code == 0, r.output\n"
            "print(sorted(m for m in ('scrapy', 'sqlite_utils', 'numpy', 'datasette', 'redis')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_reader_knows_every_migration():
    from archive.reader import MIGRATIONS
    from archive.schema import migrations

    assert list(MIGRATIONS) == [m.name for m in migrations._migrations]


def test_an_archive_with_a_pending_migration_is_upgraded_by_a_search(runner, small_db):
    import sqlite3

    conn = sqlite3.connect(small_db)
    with conn:
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm010_recovered'")
        for table in ("articles", "article_versions"):
            conn.execute(f"ALTER TABLE {table} DROP COLUMN capture_archive")
            conn.execute(f"ALTER TABLE {table} DROP COLUMN captured_at")
    conn.close()
    result = runner.invoke(cli, ["search", "dan van", "--db", str(small_db)])
    assert result.exit_code == 0, result.output
    names = [r[0] for r in sqlite3.connect(small_db).execute("SELECT name FROM _sqlite_migrations")]
    assert "m010_recovered" in names
