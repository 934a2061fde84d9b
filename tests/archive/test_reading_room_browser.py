"""The reading room in real headless Chromium (the system's, driven by Playwright): search, open a
hit, see the page as captured; no request leaves 127.0.0.1.

``GOVARCHIVE_SCREENSHOTS=docs/images`` also writes the README's screenshots there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.crawl,  # real crawls or servers: `pytest -m "not crawl"` skips them
              pytest.mark.skipif(not shutil.which("chromium"), reason="no chromium (.ci/run installs it)")]

BIN = Path(sys.executable).parent
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def room(crawled_demo):
    proc = subprocess.Popen([str(BIN / "govarchive"), "serve", "--db", str(crawled_demo.db), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    if "http://" not in line:
        proc.kill()
        pytest.fail(f"serve did not start: {line}{proc.stderr.read()}")
    yield line.split(" at ")[1].split()[0].rstrip("/")
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
        yield browser
        browser.close()


def shoot(page, tmp_path: Path, name: str) -> None:
    page.screenshot(path=str(tmp_path / name), full_page=False)
    folder = os.environ.get("GOVARCHIVE_SCREENSHOTS")
    if folder:
        shutil.copy(tmp_path / name, Path(folder) / name)


def test_search_open_a_hit_and_see_it_as_captured_without_leaving_the_archive(room, browser, tmp_path):
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    hosts: set[str] = set()
    context.on("request", lambda request: hosts.add(urlsplit(request.url).hostname or request.url))
    page = context.new_page()
    page.goto(f"{room}/search?q=dan+van+kheo")
    hits = page.locator(".hit a.title")
    assert hits.count() >= 1
    shoot(page, tmp_path, "reading-room-search.png")
    title = hits.first.inner_text()
    hits.first.click()
    page.wait_for_url("**/article/*")
    assert page.locator("h1").inner_text() == title
    frame = page.frame_locator("iframe.capture")
    assert frame.locator("body").inner_text(timeout=30_000).strip()
    assert page.locator("#citation").inner_text().count("WARC record") == 1
    shoot(page, tmp_path, "reading-room-article.png")
    context.close()
    assert hosts <= {"127.0.0.1"}, hosts


def test_the_reading_room_reads_on_a_phone(room, browser, tmp_path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                  is_mobile=True)
    page = context.new_page()
    page.goto(f"{room}/search?q=dan+van")
    page.locator(".hit a.title").first.click()
    page.wait_for_url("**/article/*")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width  # nothing wider than the screen: no sideways scrolling
    shoot(page, tmp_path, "reading-room-phone.png")
    context.close()
