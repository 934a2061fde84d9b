"""Users install a wheel, not this checkout: build it, install it into a fresh venv, run it.

An editable install hides a package the wheel leaves out (``crawler.profiles``
once was), so this test builds the wheel of the tree as it is, installs it
with its dependencies from the wheelhouse ``make test`` prepares (no network
during the tests), and runs ``govarchive`` from outside the checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them

WHEELHOUSE = Path(os.environ.get("GOVARCHIVE_WHEELHOUSE", ROOT / ".venv" / "wheelhouse"))
SEED = ROOT / "tests" / "fixtures" / "seeds" / "000_vinhlong.html"


def run(*args, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess:
    dropped = ("PYTHON", "GOVARCHIVE_DB", "VIRTUAL_ENV")  # nothing may lead back to the checkout
    env = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd, env=env,
                            timeout=timeout)
    assert result.returncode == 0, f"{args}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin folder of a fresh venv holding the wheel built from this tree."""
    if not (WHEELHOUSE / ".built").exists():
        pytest.skip(f"no wheelhouse at {WHEELHOUSE} (make test builds it)")
    work = tmp_path_factory.mktemp("wheel")
    # a clean copy: an in-tree build reuses build/lib, where modules since moved or removed linger
    source = work / "source"
    # (without the tools' caches: mypy, run by another test at the same time, writes and removes
    # its cache's -wal while the copy walks it, and the copy failed on a file gone)
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".venv", "build", "dist", "*.egg-info", ".git", "__pycache__", "*.db", "warcs", "fixtures",
        ".mypy_cache", ".ruff_cache", ".pytest_cache"))
    offline = ["--no-index", "--find-links", WHEELHOUSE, "--quiet"]
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", *offline, "-w", work / "dist", source, cwd=work)
    (wheel,) = (work / "dist").glob("govarchive-*.whl")
    run(sys.executable, "-m", "venv", work / "venv", cwd=work)
    run(work / "venv" / "bin" / "python", "-m", "pip", "install", *offline, wheel, cwd=work)
    return work / "venv" / "bin"


def test_the_wheel_carries_every_package_and_its_data(installed, tmp_path):
    code = ("import crawler.profiles, crawler.demo, crawler.registry as r, spiders.portal, pipelines.store, "
            "archive.web, crawler.runtime.browser, scrapy_playwright; "
            "from archive.views.base import TEMPLATES; TEMPLATES.get_template('govarchive_article.html'); "
            "print(len(r.load()), crawler.profiles.__file__)")
    out = run(installed / "python", "-c", code, cwd=tmp_path).stdout.split()
    assert int(out[0]) > 10 and str(ROOT) not in out[1]


def test_the_installed_command_extracts_a_page(installed, tmp_path):
    result = run(installed / "govarchive", "extract", SEED, "--url", "https://vinhlong.gov.vn/Pages/x.aspx",
                 cwd=tmp_path)
    record = json.loads(result.stdout)
    assert record["is_article"] and record["published_at"] == "2019-03-14T08:59:47+07:00"


def test_the_installed_command_runs_the_demo_crawl(installed, tmp_path):
    result = run(installed / "govarchive", "demo", cwd=tmp_path)
    assert "articles new" in result.stdout and (tmp_path / "demo.db").exists()
    assert list((tmp_path / "warcs").glob("*.warc.gz"))
