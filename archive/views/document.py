"""``/document/<id>``: a document's metadata, text and where it was found."""

from __future__ import annotations

from archive.document_queries import document_record
from archive.views.base import archive_database, page, paragraphs, read_row, site_row


async def document_page(datasette, request):
    document, missing = await read_row(datasette, request, document_record, "document")
    if missing:
        return missing
    site = await archive_database(datasette).execute_fn(lambda conn: site_row(conn, document["site"]))
    text = paragraphs(document["text"])
    return page("govarchive_document.html", document=document, site=site, paragraphs=text[:400],
                cut=len(text) > 400)
