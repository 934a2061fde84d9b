"""Item pipeline stages, one per module, in the order ``crawler.runtime.settings.PIPELINE_CHAIN`` gives:

- ``document_files`` (50): document files (PDF, DOC, DOCX ...) read into text and metadata;
- ``extract`` (100): an article's fields from the page, or a drop with the reason;
- ``dedup`` (200): the same or nearly the same text stored once, other addresses kept;
- ``dates`` (300): the publication date chosen among the candidates, in Vietnam time;
- ``store`` (400): one committed row per article;
- ``stream`` (900): in a worker, items sent to the ingest instead of stored.

``base`` holds what every stage shares (stats, an archive writer opened at spider open);
``learning`` the extract stage's per-site template state (learnt from a site's first articles).
"""
