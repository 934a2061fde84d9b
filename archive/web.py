"""The archive in Datasette: read-only, described, searchable the way the CLI searches.

This module is a Datasette plugin (registered under the ``datasette`` entry
point, so a plain ``datasette archive.db`` gets it too) and the library behind
``govarchive serve``:

- ``govarchive_fts(q)`` and ``govarchive_fold(text)`` SQL functions: the CLI's
  query rewriting (NFC, ``đ`` folded, words quoted) for canned and custom SQL;
- ``_search`` on a table page is folded the same way before Datasette reads it,
  so "dong thap" and "Đồng Tháp" find the same rows as ``govarchive search``;
  the articles page's search box leads to the reading room's search, ranked as the CLI
  ranks (Datasette's table view can only sort by a column);
- the reading room (:mod:`archive.views`): search, article, document and capture pages;
- long cells (article text) are cut in HTML pages; JSON and CSV give them whole;
- metadata: titles, descriptions, column meanings and the canned queries.

Datasette opens a mutable file with ``mode=ro`` and this project registers no
writing query, so nothing served can change the archive.
"""

from __future__ import annotations

import logging
import socket
import sqlite3
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl

from archive.search import SearchError, fts_query
from archive.web_metadata import metadata
from common.textnorm import fold_d, nfc

log = logging.getLogger(__name__)


def _fts(query: str | None) -> str:
    try:
        return fts_query(query or "")
    except SearchError:
        return '""'  # an empty query matches nothing instead of failing


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("govarchive_fts", 1, _fts, deterministic=True)
    conn.create_function("govarchive_fold", 1, lambda t: fold_d(nfc(t)) if t else t, deterministic=True)


@hookimpl
def register_routes(datasette):
    """The reading room's pages (archive/views/): search, article, document, capture."""
    from archive.views import ROUTES

    return ROUTES


@hookimpl
def asgi_wrapper(datasette):
    return lambda app: fold_search_parameters(app, datasette)


def fold_search_parameters(app, datasette=None):
    """ASGI middleware: ``_search`` values folded like the index (NFC, ``đ`` to ``d``); the
    articles page's search sent on to the ranked canned query.

    Only for govarchive archives: the plugin is loaded by any Datasette in the environment,
    and another database's full-text index was not built with ``đ`` folded.
    """
    archives: dict[str, bool] = {}

    async def is_archive(path: str) -> bool:
        name = path.strip("/").partition("/")[0]
        if datasette is None:
            return True
        if name not in archives:
            database = datasette.databases.get(name)
            archives[name] = database is not None and await _is_govarchive(database)
        return archives[name]

    async def wrapped(scope, receive, send):
        if (scope.get("type") == "http" and b"_search" in scope.get("query_string", b"")
                and await is_archive(scope.get("path", ""))):
            pairs = parse_qsl(scope["query_string"].decode("utf-8", "replace"), keep_blank_values=True)
            folded = [(k, fold_d(nfc(v)) if k.startswith("_search") else v) for k, v in pairs]
            ranked = _ranked_search(scope.get("path", ""), dict(pairs))
            if ranked:
                await _redirect(send, ranked)
                return
            scope = {**scope, "query_string": urlencode(folded).encode()}
        await app(scope, receive, send)

    return wrapped


async def _is_govarchive(database) -> bool:
    """A file govarchive made: its ``archive_info`` table says what it is for."""
    try:
        result = await database.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'archive_info'")
    except Exception:  # noqa: BLE001 - a database Datasette cannot query is not ours either
        return False
    return bool(result.rows)


def _ranked_search(path: str, params: dict) -> str | None:
    """``/DB/articles?_search=q`` (the HTML page, no other filter): the reading room's ``/search?q=q``,
    ranked as ``govarchive search`` ranks (Datasette's table view can only sort by a column)."""
    _, _, table = path.strip("/").partition("/")
    if table != "articles" or set(params) != {"_search"} or not params["_search"].strip():
        return None
    return f"/search?{urlencode({'q': params['_search']})}"


async def _redirect(send, location: str) -> None:
    await send({"type": "http.response.start", "status": 302,
                "headers": [(b"location", location.encode()), (b"content-length", b"0")]})
    await send({"type": "http.response.body", "body": b""})


def prepare_archive(db_path: str | Path, sites) -> str | None:
    """Migrate the archive and copy the registry's sites into it; a warning if that cannot be written.

    Raises :class:`archive.store.ArchiveError` when there is no archive at ``db_path``.
    """
    from archive.sites import sync_sites
    from archive.store import open_database

    db = open_database(db_path, create=False)
    try:
        sync_sites(db, sites)
    except sqlite3.OperationalError as exc:
        return f"sites table not refreshed ({exc}); serving it as it is"
    finally:
        db.conn.close()
    return None


def make_datasette(db_path: str | Path):
    """A Datasette instance serving the archive at ``db_path`` with this plugin."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    import archive.web as plugin

    if not pm.is_registered(plugin):  # not already loaded through the entry point
        pm.register(plugin, name="govarchive")
    return Datasette(files=[str(db_path)], metadata=metadata(Path(db_path).stem),
                     settings={"sql_time_limit_ms": 3000, "facet_time_limit_ms": 500,
                               "truncate_cells_html": 240})


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001,
          on_ready: Callable[[str], None] = print) -> None:
    """Serve the archive until interrupted; ``on_ready(url)`` once the port is listening.

    ``port`` 0 picks a free port (the URL tells which).
    """
    import uvicorn

    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    app = make_datasette(db_path).app()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    on_ready(f"http://{host}:{sock.getsockname()[1]}/")
    server.run(sockets=[sock])
