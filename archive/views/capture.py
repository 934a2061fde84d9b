"""A page as it was captured, shown safely; the raw WARC record; a document file as served.

``/article/<id>/capture`` is the source of the article page's frame: the archived HTML with
every script, frame, object, form action, refresh and external resource taken out, so nothing
runs and no request leaves the archive. Links to pages the archive holds lead to their
reader page; every other link and every image (the crawler keeps no images) is marked "not
captured". The response forbids scripts and outside requests itself (Content-Security-Policy
with ``sandbox``), whatever the page holds.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import urljoin

from datasette.utils.asgi import Response
from lxml import html as lxml_html
from w3lib.encoding import html_to_unicode

from archive.document_queries import document_record
from archive.errors import ArchiveError
from archive.queries import article_record
from archive.views.base import archive_database, not_found
from archive.warc import RecordRef, WarcError, read_response, resolve_in, warc_folder
from common.textnorm import xml_compatible

CAPTURE_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; "
                  "sandbox allow-top-navigation-by-user-activation")
FILE_POLICY = "default-src 'none'; frame-ancestors 'self'; sandbox"
DROPPED = ("script", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "link", "base",
           "video", "audio", "source", "track", "picture", "svg", "canvas")
MARK = ("<style>.govarchive-missing{outline:1px dashed #b00;color:#b00;font:12px sans-serif}"
        "a.govarchive-missing{cursor:not-allowed}</style>")


async def _read(datasette, request, record, read):
    """``(row, read(db_path, row))`` for the address's id, or the page saying why not."""
    db = archive_database(datasette)
    try:
        row = await asyncio.to_thread(record, db.path, int(request.url_vars["id"]))
        return row, await asyncio.to_thread(read, db.path, row)
    except (ArchiveError, WarcError, OSError) as exc:
        return None, not_found(str(exc))


async def article_capture(datasette, request):
    _, stored = await _read(datasette, request, article_record, _stored)
    if isinstance(stored, Response):
        return stored
    db = archive_database(datasette)
    _, text = html_to_unicode(stored.content_type, stored.body)
    # _safe rewrites the tree's links, which lxml refuses beside characters XML does not allow
    root = lxml_html.document_fromstring(xml_compatible(text) or "<html></html>")
    hrefs = {urljoin(stored.url, a.get("href", "")) for a in root.iter("a") if a.get("href")}
    archived = await db.execute_fn(lambda conn: _archived(conn, hrefs))
    html = _safe(root, stored.url, archived)
    return Response.html(html, headers={"Content-Security-Policy": CAPTURE_POLICY, "X-Content-Type-Options":
                                        "nosniff", "Referrer-Policy": "no-referrer"})


async def article_record_file(datasette, request):
    """The article's WARC record (a gzip member, as written), for download."""
    article, data = await _read(datasette, request, article_record, _record_bytes)
    if isinstance(data, Response):
        return data
    return Response(data, content_type="application/warc", headers={
        "Content-Disposition": f'attachment; filename="article-{article["id"]}.warc.gz"'})


async def document_file(datasette, request):
    document, stored = await _read(datasette, request, document_record, _stored)
    if isinstance(stored, Response):
        return stored
    name = (document.get("file_name") or f"document-{document['id']}").replace('"', "")
    return Response(stored.body, content_type=document.get("mime") or "application/octet-stream", headers={
        "Content-Security-Policy": FILE_POLICY, "X-Content-Type-Options": "nosniff",
        "Content-Disposition": f'inline; filename="{name}"'})


def _stored(db_path, row: dict):
    if not row.get("warc_file"):
        raise ArchiveError("no WARC record: this row was stored without its capture")
    ref = RecordRef(row["warc_file"], row["warc_offset"], row["warc_length"] or 0)
    return read_response(warc_folder(db_path), ref)


def _record_bytes(db_path, row: dict) -> bytes:
    if not row.get("warc_file") or not row.get("warc_length"):
        raise ArchiveError("no WARC record: this row was stored without its capture")
    path: Path = resolve_in(warc_folder(db_path), row["warc_file"])
    with open(path, "rb") as handle:
        handle.seek(row["warc_offset"])
        return handle.read(row["warc_length"])


def _archived(conn, urls: set[str]) -> dict[str, str]:
    """Reader-page addresses of the URLs the archive holds (articles, then documents)."""
    found: dict[str, str] = {}
    wanted = list(urls)[:2000]
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(f"SELECT url, article_id FROM article_urls WHERE url IN ({marks})", chunk)
        for url, article_id in rows:
            found.setdefault(url, f"/article/{article_id}")
        for url, document_id in conn.execute(
                f"SELECT url, document_id FROM document_links WHERE url IN ({marks})", chunk):
            found.setdefault(url, f"/document/{document_id}")
    return found


def _safe(root, base: str, archived: dict[str, str]) -> str:
    for element in list(root.iter(*DROPPED)):
        element.drop_tree()
    for meta in list(root.iter("meta")):
        if (meta.get("http-equiv") or "").lower() in ("refresh", "content-security-policy", "set-cookie"):
            meta.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name in list(element.attrib):
            lowered = name.lower()
            if lowered.startswith("on") or lowered in ("srcset", "background", "formaction", "ping"):
                del element.attrib[name]
        if "url(" in (element.get("style") or ""):
            del element.attrib["style"]  # a background image from outside
    for form in root.iter("form"):
        form.attrib.pop("action", None)
    for anchor in root.iter("a"):
        target = urljoin(base, anchor.get("href", "")) if anchor.get("href") else ""
        if target in archived:
            anchor.set("href", archived[target])
            anchor.set("target", "_top")
        elif anchor.get("href"):
            anchor.set("title", f"not captured: {target}"[:500])
            anchor.set("class", (anchor.get("class", "") + " govarchive-missing").strip())
            anchor.set("href", "#")
    for image in list(root.iter("img")):
        mark = lxml_html.Element("span", {"class": "govarchive-missing"})
        mark.text = f"[image not captured{': ' + image.get('alt') if image.get('alt') else ''}]"
        mark.tail = image.tail
        image.getparent().replace(image, mark)
    head = root.find("head")
    if head is not None:
        head.insert(0, lxml_html.fragment_fromstring(MARK))
    return lxml_html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")
