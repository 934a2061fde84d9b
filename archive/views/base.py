"""What every reading-room page needs: the archive, its templates, times in Vietnam time."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from datasette.utils.asgi import Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from archive.errors import ArchiveError
from common.clock import vn_time

TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).with_name("templates")),
                        autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
TEMPLATES.filters["vn_time"] = lambda value: vn_time(value, missing="")
# the pages themselves: only what the archive serves (the archive may be read offline)
PAGE_POLICY = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
               "frame-src 'self'; script-src 'none'; form-action 'self'; base-uri 'none'")


def archive_database(datasette):
    """The archive served (the first database Datasette holds)."""
    return datasette.get_database()


def page(template: str, status: int = 200, **context) -> Response:
    html = TEMPLATES.get_template(template).render(**context)
    return Response.html(html, status=status, headers={"Content-Security-Policy": PAGE_POLICY,
                                                       "X-Content-Type-Options": "nosniff"})


def not_found(what: str) -> Response:
    return page("govarchive_missing.html", status=404, message=what)


async def read_row(datasette, request, record, kind: str) -> tuple[dict | None, Response | None]:
    """The row the address's id names (``record(db_path, id)``, off the event loop), or the page
    saying there is no such ``kind``."""
    row_id = int(request.url_vars["id"])
    try:
        return await asyncio.to_thread(record, archive_database(datasette).path, row_id), None
    except ArchiveError:
        return None, not_found(f"No {kind} {row_id} in this archive.")


def paragraphs(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").split("\n\n") if p.strip()]


def published(value: str | None) -> str:
    """A publication date as stored (already Vietnam time): ``2024-03-01 08:30`` or ``2024-03-01``."""
    if not value:
        return "no date found"
    return value[:16].replace("T", " ")


def attachments(value: str | None) -> list[dict]:
    try:
        items = json.loads(value or "[]")
    except ValueError:
        return []
    return [a for a in items if isinstance(a, dict) and a.get("url")]


def site_row(conn, key: str) -> dict:
    cursor = conn.execute("SELECT * FROM sites WHERE key = ?", [key])
    row = cursor.fetchone()
    if row is None:
        return {"key": key, "name": key}
    return dict(zip([c[0] for c in cursor.description], row, strict=True))
