"""The offline demo: two fictional portals served on 127.0.0.1 and crawled by ``govarchive demo``.

- ``content``: the articles, with what a correct extraction yields; ``common``: shared page pieces;
- ``province``, ``district``: the two portals' pages; ``vanban``: their documents sections and files;
- ``server``: serves both; ``runner``: serves, crawls into a demo archive, reports.

``files/`` holds the document files served, ``sites/`` the demo's registry entries.
"""
