"""govarchive export-wacz: the archive as a WACZ that the wacz validator accepts and pywb replays."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import urllib.request
import zipfile

import pytest
from conftest import run_cli
from pywb_archive import pywb, pywb_bin

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them

needs_pywb = pytest.mark.skipif(pywb_bin() is None, reason="no pywb venv (.venv-pywb: make test makes it)")


@pytest.fixture
def archive(crawled_demo, tmp_path):
    db = tmp_path / "archive.db"
    shutil.copy(crawled_demo.db, db)
    shutil.copytree(crawled_demo.db.parent / "warcs", tmp_path / "warcs")
    return db


def export(db, out, *extra):
    result = run_cli("export-wacz", "--out", str(out), "--db", str(db), *extra)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    return result


def test_the_wacz_holds_warcs_index_pages_and_hashes(archive, tmp_path):
    out = tmp_path / "demo.wacz"
    export(archive, out)
    with zipfile.ZipFile(out) as package:
        names = package.namelist()
        assert {"indexes/index.cdx", "pages/pages.jsonl", "datapackage.json",
                "datapackage-digest.json"} <= set(names)
        warcs = [n for n in names if n.startswith("archive/")]
        assert warcs and all(package.getinfo(n).compress_type == zipfile.ZIP_STORED for n in warcs)
        pages = [json.loads(line) for line in package.read("pages/pages.jsonl").splitlines()]
        resources = json.loads(package.read("datapackage.json"))["resources"]
    assert pages[0]["format"] == "json-pages-1.0"
    assert len(pages) - 1 == 24 and all(p["text"] and p["title"] and p["ts"].endswith("Z") for p in pages[1:])
    assert {r["path"] for r in resources} == set(names) - {"datapackage.json", "datapackage-digest.json"}
    assert not list(tmp_path.glob("*.part"))


@needs_pywb
@pytest.mark.parametrize("extra", [(), ("--site", "127.0.0.1"), ("--from", "2021", "--to", "2022")])
def test_wacz_validate_accepts_it(archive, tmp_path, extra):
    if extra[:1] == ("--site",):
        site = json.loads(run_cli("export", "--db", str(archive)).stdout.splitlines()[0])["site"]
        extra = ("--site", site)
    out = tmp_path / "part.wacz"
    export(archive, out, *extra)
    result = subprocess.run([str(pywb_bin() / "wacz"), "validate", "-f", str(out)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0 and "Validation succeeded" in result.stdout, result.stdout + result.stderr


@needs_pywb
def test_pywb_replays_an_article_from_it(archive, tmp_path):
    out = tmp_path / "demo.wacz"
    export(archive, out)
    url, title = sqlite3.connect(archive).execute("SELECT url, title FROM articles WHERE id = 2").fetchone()
    folder = tmp_path / "pywb"
    folder.mkdir()
    with pywb(folder, [out], wacz=True) as replay:
        with urllib.request.urlopen(f"{replay}2030id_/{url}", timeout=120) as response:
            page = response.read().decode("utf-8")
    assert title.split(":")[0] in page


def test_export_wacz_never_writes_over_an_archive(archive):
    result = run_cli("export-wacz", "--out", str(archive), "--db", str(archive))
    assert result.returncode == 1 and "is an archive file" in result.stderr


def test_the_wacz_holds_only_this_archives_warc_files(archive, tmp_path):
    """A shared warcs/ folder also holds other archives' files and old demos': they stay out."""
    own = sorted(p.name for p in (tmp_path / "warcs").glob("*.warc.gz"))
    shutil.copy(tmp_path / "warcs" / own[0], tmp_path / "warcs" / "20200101T000000000000Z-00001.warc.gz")
    out = tmp_path / "demo.wacz"
    export(archive, out)
    with zipfile.ZipFile(out) as package:
        packed = sorted(n.removeprefix("archive/") for n in package.namelist() if n.startswith("archive/"))
    assert packed == own
