"""The archive: one SQLite file (the public schema) and its WARC files. Imports only :mod:`common`.

Opening and writing:

- ``connect``: open a file for writing (create, migrate, check it is an archive); ``errors``: its errors;
- ``reader``: open a file for reading on plain sqlite3 (fast start, never migrates);
- ``schema``: the migrations, the only way the schema changes;
- ``writer``: the :class:`~archive.writer.ArchiveWriter` protocol crawl components write through;
- ``store``: :class:`~archive.store.Archive`, the SQLite writer: crawls, pages, articles, versions;
  ``counts``: a crawl's counts, as recorded and shown;
- ``shared_files``: what the crawls of one process share: a connection per archive, a WARC writer per folder;
- ``document_store``: documents and the links to them; ``sites``: the registry's sites as rows;
- ``findings``: redirects and document links kept as a crawl sees them, resolved when it can;
- ``frontier``: the resume frontier's rows (what a killed crawl had left to fetch);
- ``neardup``: MinHash/LSH near-duplicate index;
- ``templates``: each site's learnt template (where its title and date sit).

Reading:

- ``search``: full-text search with Vietnamese folding; ``search_plans``: bounded plans for common
  words; ``filtered_walk``: the articles passing filters, newest first; ``filters``: the filters;
- ``crawl_report``: what one crawl did per host, and the pages it skipped with the reason;
- ``queries``, ``document_queries``: one article or document, as ``show`` prints it, and rows to read
  again from their WARC records; ``crawl_history``: crawls per site, a crawl's summary, a probe's
  findings; ``known_urls``: every URL the archive knows (what the ingest mirrors for workers);
- ``export``: CSV/JSON lines and per-period counts; ``wacz``: WACZ packages; ``cdx``: CDX listings of
  web archives;
- ``warc``: WARC writing, repair and reading back;
- ``web``, ``web_metadata``: the Datasette plugin behind ``govarchive serve``; ``views``: its reading
  room (search, article, document and capture pages).
"""
