"""A crawl of a portal whose layouts the demo never showed: the five seed-shaped pages."""

from __future__ import annotations

import json
import sqlite3
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import FAST_SETTINGS, ROOT, run_cli

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them

SEEDS = ROOT / "tests" / "fixtures" / "seeds"
EXPECTED = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def unseen_portal(tmp_path_factory):
    root = tmp_path_factory.mktemp("unseen")
    links = "".join(f'<li><a href="/tin/{name}.html">{name}</a></li>' for name in EXPECTED)
    (root / "index.html").write_text(f"<html><body><ul>{links}</ul></body></html>", encoding="utf-8")
    (root / "tin").mkdir()
    for name in EXPECTED:
        (root / "tin" / f"{name}.html").write_bytes((SEEDS / f"{name}.html").read_bytes())
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_unseen_layouts_are_crawled_right(unseen_portal, tmp_path):
    db = tmp_path / "a.db"
    result = run_cli("crawl", "--url", unseen_portal, "--db", str(db), *FAST_SETTINGS)
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(db)
    rows = {r[0]: r[1:] for r in conn.execute("SELECT title, published_at, author, text FROM articles")}
    assert sorted(rows) == sorted(e["title"] for e in EXPECTED.values())
    for expected in EXPECTED.values():
        assert rows[expected["title"]] == (expected["published_at"], expected["author"], expected["text"])
