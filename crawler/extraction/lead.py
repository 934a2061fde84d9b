"""The lead (sapo) of an article on a layout no profile knows.

Vietnamese portals print the lead in an element of its own between the title and the content
(``tomtat``, ``sapo``, ``summary``, a bold ``<span>`` of an ASP.NET page), not inside the block
that collects the most paragraph text. That block is what ``locate.find_body`` finds, and
trafilatura's reading of the page drops the lead too: the article lost its first paragraph.

The lead is prose that stands after the title and before the body, in the chain from the body
up to the element that holds both: the body's preceding siblings and those of its ancestors.
A date line, the tools (print, font size, share), a view count or a list of links is no lead.
"""

from __future__ import annotations

import copy

from lxml import html as lxml_html

from common.textnorm import clean_line
from common.urls import is_document
from crawler.extraction.boilerplate import is_noise_line
from crawler.extraction.locate import words_besides_dates

LEAD_CHARS = 60  # a lead is a sentence or two: shorter blocks are labels, captions, bylines
LEAD_WORDS = 10  # words besides its days: a date line with a label and a time has fewer
LINK_SHARE = 0.3  # a block whose text is more than this share links is navigation
MAX_SIBLINGS = 12  # blocks looked at between title and body; a lead stands next to the body


def lead_before(title: lxml_html.HtmlElement | None, body: lxml_html.HtmlElement | None) -> list[str]:
    """The lead's lines, in their order, when prose stands between ``title`` and ``body``."""
    if title is None or body is None or title is body:
        return []
    holding_title = {title, *title.iterancestors()}
    if body in holding_title or any(a is body for a in title.iterancestors()):
        return []  # the title stands inside the body: nothing between them
    found: list[str] = []
    looked = 0
    for node in (body, *body.iterancestors()):
        if node in holding_title:
            break
        for sibling in node.itersiblings(preceding=True):
            looked += 1
            if sibling in holding_title or looked > MAX_SIBLINGS:
                return found[::-1]
            text = _unlinked_text(sibling) if isinstance(sibling.tag, str) else ""
            if text and _is_lead(sibling, text):
                found.append(text)
    return []  # the title was not reached: what was seen is no part of the article's head


def _unlinked_text(el: lxml_html.HtmlElement) -> str:
    """The block's text without its navigation links: a lead ends on "Xem tiếp", "weiterlesen"."""
    if el.find(".//a") is None:
        return clean_line(el.text_content())
    clone = copy.deepcopy(el)
    for anchor in list(clone.iter("a")):
        if not is_document(anchor.get("href") or ""):
            anchor.drop_tree()  # its tail stays
    return clean_line(clone.text_content())


def _is_lead(el: lxml_html.HtmlElement, text: str) -> bool:
    if len(text) < LEAD_CHARS or words_besides_dates(text) < LEAD_WORDS or is_noise_line(text):
        return False
    linked = sum(len(clean_line(a.text_content())) for a in el.iter("a"))
    return linked <= LINK_SHARE * (len(text) + linked)
