"""The reading room: pages for researchers in ``govarchive serve``, one module a page (as Datasette
keeps its own views), beside Datasette's tables and JSON API, which stay where they are.

- :mod:`~archive.views.base`: the archive a page reads, templates, times in Vietnam time;
- :mod:`~archive.views.search`: ``/search?q=…`` with facets (portal, province, level, year, kind);
- :mod:`~archive.views.article`: ``/article/<id>``: the article, its addresses, versions, copies, citation;
- :mod:`~archive.views.document`: ``/document/<id>``: a document's metadata and text;
- :mod:`~archive.views.capture`: ``/article/<id>/capture`` (the page as captured, made safe to show in a
  sandboxed frame: no script, nothing fetched from outside the archive), ``/article/<id>/record`` (the
  raw WARC record) and ``/document/<id>/capture`` (the file as served).

Every address is stable, so a researcher can cite it.
"""

from __future__ import annotations

from archive.views import article, capture, document, search

ROUTES = [
    (r"^/search$", search.search_page),
    (r"^/article/(?P<id>\d+)$", article.article_page),
    (r"^/article/(?P<id>\d+)/capture$", capture.article_capture),
    (r"^/article/(?P<id>\d+)/record$", capture.article_record_file),
    (r"^/document/(?P<id>\d+)$", document.document_page),
    (r"^/document/(?P<id>\d+)/capture$", capture.document_file),
]
