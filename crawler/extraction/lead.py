"""The lead (sapo) of an article on a layout no profile knows.

Vietnamese portals print the lead in an element of its own between the title and the content
(``tomtat``, ``sapo``, ``summary``, a bold ``<span>`` of an ASP.NET page), not inside the block
that collects the most paragraph text. That block is what ``locate.find_body`` finds, and
trafilatura's reading of the page drops the lead too: the article lost its first paragraph.

The lead is prose that stands after the title and before the body, in the chain from the body
up to the element that holds both: the body's preceding siblings and those of its ancestors;
or, where the located body holds the title too, a block between the title and where the
body's reading starts.
A date line, the tools (print, font size, share), a view count or a list of links is no lead.
"""

from __future__ import annotations

import copy
import re

from lxml import html as lxml_html

from common.textnorm import clean_line
from common.urls import is_document
from crawler.extraction.boilerplate import is_noise_line
from crawler.extraction.dateread import badge_read, first_line, is_date_line, words_besides_dates
from crawler.extraction.locate import LINE_BLOCKS

LEAD_CHARS = 60  # a lead is a sentence or two: shorter blocks are labels, captions, bylines
LEAD_WORDS = 10  # words besides its days: a date line with a label and a time has fewer
# a block the page names its lead ("sapo", "tomtat", "summary", NukeViet's "hometext", ASP.NET's
# "lblSummary") is taken from a short sentence on: the name says what it is
LEAD_NAME = re.compile(r"sapo|tom-?tat|summary|hometext|lead|intro|abstract|mo-?ta|trich-?yeu|description",
                       re.I)
NAMED_LEAD_CHARS = 30
NAMED_LEAD_WORDS = 6
LINK_SHARE = 0.3  # a block whose text is more than this share links is navigation
MAX_SIBLINGS = 12  # blocks looked at between title and body; a lead stands next to the body
BEFORE_TITLE = 150  # characters: a block before the title this long is prose, not the article's head
FIRST_LINE = 40  # characters of the body's first line that find where it stands
PASSED_CHARS = 12  # a shorter block between the lead and that line (a caption) is found by its text too
LEAD_TAGS = frozenset({"p", "div", "h2", "h3", "h4", "h5", "h6", "span", "td", "blockquote", "strong", "b",
                       "em", "i", "font", "section"})
READ_TAGS = LEAD_TAGS | {"figcaption"}  # a caption is read, never taken for a lead
INLINE_TAGS = frozenset({"a", "b", "strong", "em", "i", "u", "span", "font", "br", "img", "small", "sup",
                         "sub", "time"})


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
            if sibling in holding_title and sibling is not title:  # the head: a title, its day, a lead
                found.extend(reversed(_after_title(sibling, title)))
            if sibling in holding_title or looked > MAX_SIBLINGS:
                return found[::-1]
            text = _unlinked_text(sibling) if isinstance(sibling.tag, str) else ""
            if text and _is_lead(sibling, text):
                found.append(text)
    return []  # the title was not reached: what was seen is no part of the article's head


def _after_title(head: lxml_html.HtmlElement, title: lxml_html.HtmlElement) -> list[str]:
    """Leads in the block that holds the title, after it (``<div class="head"><h1/><div>date</div>
    <p class="sapo"/></div>`` above the content's block), innermost blocks only: one that holds
    the date and the lead together is not read whole."""
    out: list[str] = []
    skip, started = set(title.iter()), False
    for el in head.iter():
        started = started or el is title
        if not started or el in skip or not isinstance(el.tag, str) or el.tag not in LEAD_TAGS:
            continue
        if any(isinstance(d.tag, str) and d.tag in LINE_BLOCKS for d in el.iterdescendants()):
            continue
        text = _unlinked_text(el)
        if text and _is_lead(el, text):
            out.append(text)
            skip.update(el.iter())
    return out


def with_lead_inside(title: lxml_html.HtmlElement | None, body: lxml_html.HtmlElement | None,
                     text: str) -> str:
    """``text``, the body's reading, with the lead it lost put back before the block where it goes
    on: trafilatura drops a lead set in a heading (``<h2 class="sapo">``), or one above a
    picture in the lines of an older editor. Blocks between the title (or the body's start, when
    the title stands above the body) and the first block the reading kept (one of
    ``FIRST_LINE`` characters or more) are looked at."""
    if body is None:
        return text
    inside = title is not None and any(a is body for a in title.iterancestors())
    found: list[str] = []
    passed: list[str] = []  # shorter blocks after the lead (a picture's caption): the lead goes before them
    skip = set(title.iter()) if inside else set()
    started, looked = not inside, 0  # a title above the body: the body's head is its first blocks
    for el in body.iter():
        started = started or el is title
        if not started or el in skip or not isinstance(el.tag, str) or el.tag not in READ_TAGS:
            continue
        # a block of blocks: its own blocks are looked at one by one, and the words it holds itself
        # (an editor's lines between <br/>s, around a picture's table) mark where the text starts
        nested = any(isinstance(child.tag, str) and child.tag not in INLINE_TAGS for child in el)
        block = _own_words(el) if nested else _unlinked_text(el)
        if not nested and el.find("br") is not None:
            block = first_line(el)  # lines between <br/>s: the reading parts them, the first leads
        # a date line (with its credits) is the head's, which the reading may keep above the lead
        findable = (len(block) >= FIRST_LINE and el.tag != "figcaption" and not is_date_line(block)
                    and not is_date_line(badge_read(el, block)))  # a badge's pieces run together
        at = text.find(block) if findable else -1
        if at >= 0:  # the reading kept this block: the lead goes before it, and before its line
            inner = el.iterdescendants("figcaption", "td", "p") if nested else ()
            before = passed + [clean_line(d.text_content()) for d in inner]  # a caption above its words
            at = min([at, *(p for b in before if len(b) >= PASSED_CHARS and 0 <= (p := text.find(b)) < at)])
            at = text.rfind("\n", 0, at) + 1  # (a table's row, a caption's cell)
            lead = [line for line in found if line not in text]
            return text[:at] + "".join(f"{line}\n\n" for line in lead) + text[at:] if lead else text
        if nested:
            continue
        looked += 1
        if looked > MAX_SIBLINGS:
            break
        if block and el.tag != "figcaption" and _is_lead(el, block):
            found.append(block)
            skip.update(el.iter())
        elif found and len(block) >= PASSED_CHARS:
            passed.append(block)
    return text


def _own_words(el: lxml_html.HtmlElement) -> str:
    """The first run of words a block of blocks holds itself (its text, or a tail after one of its
    blocks: the line after a picture), up to a ``<br/>``."""
    runs = [el.text, *(child.tail for child in el)]
    return next((line for run in runs if len(line := clean_line(run or "")) >= FIRST_LINE), "")


def from_title(body: lxml_html.HtmlElement, title: lxml_html.HtmlElement | None) -> lxml_html.HtmlElement:
    """The body to read, from its title on, when the located body holds the title: what stands
    before the title in it (a section's name, a breadcrumb, the date) is no text of the article.
    The title itself goes too (its reading may differ from the title's text: trafilatura drops
    an ``<h1>``). ``body`` as it is when the title is elsewhere or prose stands before it."""
    if title is None or not any(a is body for a in title.iterancestors()):
        return body
    steps, node = [], title
    while node is not body:
        parent = node.getparent()
        steps.append(parent.index(node))
        node = parent
    node = title
    while node is not body:
        for sib in node.itersiblings(preceding=True):
            if isinstance(sib.tag, str) and len(clean_line(sib.text_content())) >= BEFORE_TITLE:
                return body  # prose before the title: the title may be no heading of the whole body
        node = node.getparent()
    clone = copy.deepcopy(body)
    target = clone
    for index in reversed(steps):
        target = target[index]
    for node in (target, *target.iterancestors()):
        if node is clone:
            break
        for sib in list(node.itersiblings(preceding=True)):
            node.getparent().remove(sib)  # with its tail: text before the title as well
    target.drop_tree()  # its tail (a date or text run on after it) stays
    return clone


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
    named = bool(LEAD_NAME.search(f"{el.get('class', '')} {el.get('id', '')}"))
    chars, words = (NAMED_LEAD_CHARS, NAMED_LEAD_WORDS) if named else (LEAD_CHARS, LEAD_WORDS)
    if len(text) < chars or words_besides_dates(text) < words or is_noise_line(text):
        return False
    linked = sum(len(clean_line(a.text_content())) for a in el.iter("a"))
    return linked <= LINK_SHARE * (len(text) + linked)
