"""What a spider learns during a crawl that is no item, sent as Scrapy signals the moment it
learns it; :class:`crawler.runtime.findings.FindingsRecorder` writes each to the archive at once,
so a killed crawl loses none (they were kept in lists until the spider closed).

Each is sent with ``send_catch_log(signal, spider=..., **fields)``:

- ``redirect_found``: ``old``, ``target`` (canonical URLs), ``seen_at`` (UTC);
- ``document_linked``: ``url`` (the file), ``page_url``, ``text`` (the link's), ``seen_at``;
- ``page_unfetched``: ``url``, ``kind`` (``dead_end`` or ``failed``), ``reason``.

And one the runner sends: ``stopping`` (Ctrl-C), no fields.
"""

redirect_found = object()
document_linked = object()
page_unfetched = object()
stopping = object()
