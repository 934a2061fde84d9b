"""The ``govarchive`` command line: thin wrappers over the library.

Each command parses its options, calls one library function and turns library
errors into a one-line message. One module per concern: ``crawling`` (crawl,
run-due, new-site, demo), ``watch`` (sites, schedule, status, report), ``research``
(extract, search, export, stats, show, reextract, serve), ``documents`` (ocr), ``recovery`` (recover),
``distributed`` (enqueue, worker, ingest); ``common`` holds the group and shared options,
``progress`` the live progress line.
"""

from crawler.cli.common import cli  # its commands' modules are imported when a command runs

__all__ = ["cli"]
