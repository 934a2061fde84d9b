"""Extraction of one page, one stage per module.

``page`` runs the stages in order and is the entry point (``extract_page``):

- ``budget``: bounded work (bytes read, seconds spent);
- ``decode``: bytes to NFC text, whatever the headers claim; ``tree``: the text parsed, the same
  way for extraction and for learning (a ``<br/>`` parts the words around it);
- ``metadata``: ``<head>``, JSON-LD and microdata;
- ``boilerplate``: blocks removed by what they hold;
- ``locate``: the body in the cleaned tree; ``datelines``: the date lines around the title and
  the body; ``dateread``: whether one line reads as a date line (not a sentence naming a day);
  ``pagetitle``: what the ``<title>``,
  ``og:title``, slug and breadcrumb say, less the portal's name; ``titles``: the title element
  among its candidates;
  ``sideprose``: the post's block, not a sidebar's prose that outweighs a short post;
  ``lead``: the lead a portal prints between the title and the body, in an element of its own;
- ``bodytext``: the body as text (``stoplist``: trafilatura's jusText fallback without its
  per-call cost); ``textlines``: its lines finished (title and date lines, tools dropped);
  ``credits``: the signature and source lines split off as author and source;
- ``generic``: on layouts no trusted profile knows, candidates and the rule that picks one;
- ``attachments``: the documents a post links, with their labels;
- ``author``: bylines, closing lines and metadata authors;
- ``verdict``: is it an article (a title, enough text, not a listing; short posts kept), as a
  ``result.Rejection`` for code and a reason for people, asking ``headlines`` (other posts'
  headlines and links leading on around the page) and ``selflinks`` (the page's links to
  itself: in the menu, its title's); ``result`` holds what a page gave.

``pool`` runs extraction in worker processes, one per core; ``reextract`` extracts archived
articles again from their WARC records; ``template`` learns a portal's template (where its
title and date sit, the lines every page repeats) from its own pages, as selectors, and
``bodyplace`` where its article text sits (its next pages then skip the candidates' chooser);
``places`` writes an element's place as a path and an XPath for both; ``saved`` reads saved
pages as a crawl reads portals (each page's address, a template learnt per portal).

``page`` also gathers the date candidates (metadata, date lines, ``<time>``, URL,
htmldate on foreign pages); ``common.dates`` parses them.

Platform knowledge lives in ``crawler.profiles``; dates are parsed by ``common.dates``.
"""

from crawler.extraction.result import Extraction, Rejection, resolve_date

__all__ = ["Extraction", "Rejection", "extract_bytes", "extract_html", "extract_page", "resolve_date"]
_PAGE = ("extract_bytes", "extract_html", "extract_page")


def __getattr__(name: str):
    """``extract_*`` from ``page``, imported at first use: a crawl process extracts in its
    workers, and importing the page's stages (trafilatura with them) was a fifth of a second
    of each crawl process's start (benchmarks/RESULTS.md, stop 49)."""
    if name in _PAGE:
        from crawler.extraction import page

        return getattr(page, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
