"""The Datasette plugin folds searches only in govarchive archives, never in other databases."""

from __future__ import annotations

import asyncio

import sqlite_utils
from datasette.app import Datasette
from test_research import write_articles


def _rows(datasette: Datasette, path: str) -> list[dict]:
    async def fetch():
        response = await datasette.client.get(path)
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(fetch())


def test_another_databases_search_is_left_as_typed(tmp_path):
    other = sqlite_utils.Database(tmp_path / "notes.db")
    other["notes"].insert({"body": "Đảng bộ xã họp"})
    other["notes"].enable_fts(["body"])  # unicode61 folds accents, never đ
    other.conn.close()
    datasette = Datasette(files=[str(tmp_path / "notes.db")])
    assert len(_rows(datasette, "/notes/notes.json?_search=Đảng&_shape=array")) == 1


def test_an_archives_search_is_folded_as_the_cli_folds_it(tmp_path):
    write_articles(tmp_path / "archive.db")
    datasette = Datasette(files=[str(tmp_path / "archive.db")])
    titles = {row["title"] for row in _rows(datasette, "/archive/articles.json?_search=dan van kheo"
                                                        "&_shape=array&site=khanhhoa-khanhvinh")}
    assert titles == {"Khánh Vĩnh: dan van kheo"}
    folded = {row["title"] for row in _rows(datasette, "/archive/articles.json?_search=Khánh Vĩnh"
                                                        "&_shape=array&site=khanhhoa-khanhvinh")}
    assert "Khánh Vĩnh: dan van kheo" in folded
