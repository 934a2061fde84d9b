"""Spiders, found by name through ``SPIDER_MODULES``:

- ``portal``: the generic portal spider (home pages, sitemaps, feeds, listings, articles, documents);
- ``recover``: a dead portal's captures from a web archive (CDX listing, then replay);
- ``sharepoint_json``: a portal whose listings come from SharePoint's JSON endpoint.
"""
