"""Discovery: how the spider reaches pages that plain links do not lead to, and keeps out of traps.

- :mod:`~crawler.discovery.postback`: ASP.NET WebForms pagers (``__doPostBack``), posted back as a
  browser would;
- :mod:`~crawler.discovery.endpoints`: load-more and listing endpoints in ``data-*`` attributes and
  inline scripts (jQuery's calls with the page in their data too), and the links their HTML or
  JSON answers hold;
- :mod:`~crawler.discovery.navigators`: pagers calling a function of the page that builds the
  address from its argument (``javascript:goPage(3)``), or sets the form's page field and
  submits the form;
- :mod:`~crawler.discovery.browser`: pages only a browser can list (script shells), rendered in the
  system's Chromium through scrapy-playwright;
- :mod:`~crawler.discovery.scripts`: menus drawn by a portal's own script files, read for the
  page addresses they name;
- :mod:`~crawler.discovery.traps`: calendars, path loops, facet combinations, session noise and
  patterns that run dry, recognised from what the crawl sees;
- :mod:`~crawler.discovery.soft404`: "not found" pages served with 200;
- :mod:`~crawler.discovery.rowdates`: the date a listing prints beside a link, the linked page's
  last date candidate.

No module here imports Scrapy's engine or the archive: the spider asks, these answer.
"""
