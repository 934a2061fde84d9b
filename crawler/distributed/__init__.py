"""Many machines: workers that crawl and extract, one ingest that owns the archive.

The shape (docs/deployment.md has the commands and systemd units)::

    govarchive enqueue KEY ...       sites to crawl -> Redis sorted set ``govarchive:sites``
    govarchive worker  (N hosts)     claims a site, crawls it with scrapy-redis's scheduler and
                                     dupefilter as the shared frontier, extracts, writes its own
                                     WARC files and sends what it found to a Redis Stream
    govarchive ingest  (one host)    reads the stream as a consumer group and runs the archive
                                     stages (dedup, dates, store, documents) into SQLite

- ``keys``: every Redis key the three use, in one place.
- ``codec``: items and archive operations as stream entries (JSON, versioned).
- ``remote``: what a worker's stages write to the archive, sent as operations (its last pipeline
  stage, ``pipelines.stream``, sends the items).
- ``frontier``: the shared frontier (scrapy-redis) with in-flight requests kept until done.
- ``leases``: one worker per host at a time, so per-host politeness holds across machines.
- ``worker`` and ``ingest``: the two long-running processes; ``operations``: the archive
  writes the ingest accepts; ``mirror``: the known URLs it publishes for the workers.
"""
