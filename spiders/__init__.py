"""Spiders, found by name through ``SPIDER_MODULES``:

- ``portal``: the generic portal spider (home pages, sitemaps, feeds, listings, articles, documents);
- ``recover``: a dead portal's captures from a web archive (CDX listing, then replay);
- ``sharepoint_json``: a portal whose listings come from SharePoint's JSON endpoint.

The portal spider's parts, each a module: ``listings`` (what it does beyond following links:
form posts, load-more endpoints, menus scripts draw, soft-404s, traps), ``pager`` (a pager's
links), ``feeds`` (sitemaps and feeds), ``documents`` (the files pages link), ``failures`` (the
pages not fetched, and why), ``links`` (a link's facts, worked out once) and ``reading`` (a
response's tree, a bounded gunzip).
"""
