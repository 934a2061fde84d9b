"""Find the article's body in a cleaned tree (the title: ``titles``; the date line: ``datelines``).

The body is the element that collects the most paragraph text (readability-style scoring;
link text does not count); a short post's block is found from its title (:func:`post_block`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import html as lxml_html
from lxml.html import HtmlElement

from common.textnorm import clean_line
from common.urls import is_document
from crawler.extraction.dateread import MAX_LINE, is_date_line

HEADING_TAGS = frozenset({"h1", "h2", "h3"})
PARAGRAPH_TAGS = ("p", "pre", "blockquote", "li", "dd", "h4", "h5", "h6")
CONTAINER_TAGS = ("div", "td", "section", "article", "main", "font", "span", "center", "form")
PROSE_TAGS = frozenset({"p", "div", "td", "blockquote", "li"})


def _is_link(node) -> bool:
    """A navigation link (a link to a document is what a post attaches: its content)."""
    return node.tag == "a" and not is_document(node.get("href") or "")


def plain_len(el: lxml_html.HtmlElement) -> int:
    """Length of text in ``el`` outside navigation links."""
    total = 0
    for node in el.iter():
        if _is_link(node) or not isinstance(node.tag, str):
            continue
        if node is el or not _is_link(node.getparent()):
            total += len((node.text or "").strip())
        if node is not el:
            total += len((node.tail or "").strip())
    return total


def find_body(root: lxml_html.HtmlElement,
              is_title: Callable[[lxml_html.HtmlElement], bool] | None = None) -> HtmlElement | None:
    """The block holding the most paragraph text (:func:`body_candidates`' first)."""
    ranked = body_candidates(root, is_title)
    return ranked[0] if ranked else None


def body_candidates(root: lxml_html.HtmlElement,
                    is_title: Callable[[lxml_html.HtmlElement], bool] | None = None) -> list[HtmlElement]:
    """Blocks by the paragraph text they hold (and half of it for the block above), most first.
    The page's title (``is_title``) and its date line, in the block above the text with the
    lead, are none of its text: they made that head block outweigh a one-paragraph post's own."""
    scores: dict = {}
    blocks: dict = {}  # each run's block, found once: the runs of one block climb the same way
    for unit in root.iter(*PARAGRAPH_TAGS, *CONTAINER_TAGS):
        if unit.tag in CONTAINER_TAGS:
            own = len((unit.text or "").strip()) + sum(len((c.tail or "").strip()) for c in unit)
            if own < 40:
                continue
            length, container = own, _text_block(unit, blocks)
        else:
            length, container = plain_len(unit), unit.getparent()
        if length < 25 or container is None or (is_title is not None and is_title(unit)):
            continue
        text = unit.text_content()
        if length <= MAX_LINE and is_date_line(clean_line(text)):
            continue  # the post's date line (with its author) is no text: it stands in the head
        score = 1 + min(length, 1000) / 100 + text.count(",")
        scores[container] = scores.get(container, 0.0) + score
        grand = container.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + score / 2
    return sorted(scores, key=scores.get, reverse=True)


def _text_block(unit: lxml_html.HtmlElement, known: dict) -> lxml_html.HtmlElement | None:
    """The block whose text a run of words is: a paragraph written as a ``<div>``, or as a
    ``<span>`` or ``<font>`` (in a ``<div>`` of its own, as editors paste them), is one line of
    its block, which holds the article's other lines, its lead and its captions. ``known``: the
    blocks found so far (a block of thousands of runs had its children read for each of them)."""
    node, passed = unit, []
    while node is not None and node.tag in INLINE_RUNS:
        if node in known:
            node = known[node]
            break
        if not _holds_no_block(node) or (node.tag == "div" and _breaks_lines(node)):
            break
        passed.append(node)
        node = node.getparent()
    for run in passed:
        known[run] = node
    return node


def _breaks_lines(el: lxml_html.HtmlElement) -> bool:
    """Lines between ``<br/>``s: a block of lines (an ASP.NET page's title, day and text in
    labels, one after the other in its content ``<div>``), no paragraph of the block above."""
    return any((br.tail or "").strip() or br.getnext() is not None for br in el.iter("br"))


INLINE_RUNS = frozenset({"div", "span", "font"})


def _holds_no_block(el: lxml_html.HtmlElement) -> bool:
    return not any(child.tag in _BLOCKS for child in el)


_BLOCKS = frozenset({"div", "p", "table", "ul", "ol", "section", "article", "blockquote", "h1", "h2", "h3",
                     "h4", "h5", "h6"})
# a block of lines: an element holding one of these holds blocks (a head of a title, its day, a lead)
LINE_BLOCKS = _BLOCKS | {"li", "td"}
SHORT_POST = 200  # plain characters: a located body shorter than this may be a notice's footer
HEADLINE_LINK = 30  # characters: a link this long names another post


def post_block(title: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The block a short post stands in, found from its title: where the body's scoring finds no
    body (a notice is a title, a date, a line and a file), the title's largest ancestor that is
    no part of the navigation: none of the page's other headings, at most two navigation links
    and none of a headline's length.
    None when the title stands alone."""
    # the title's own heading, inside the element a profile names the title (<div class="news-
    # title"><h2>), is no other heading
    block, around = None, {title, *title.iterancestors(), *title.iter()}
    for ancestor in title.iterancestors():
        if ancestor.tag in ("body", "html") or _holds_side_column(ancestor, around):
            break
        links = [clean_line(a.text_content()) for a in ancestor.iter("a") if _is_link(a)]
        headings = sum(1 for h in ancestor.iter(*HEADING_TAGS) if h not in around)
        if len(links) > 2 or headings or any(len(text) >= HEADLINE_LINK for text in links):
            break  # the navigation, or a list of other posts' headlines (a listing)
        block = ancestor
    if block is None or clean_line(block.text_content()) == clean_line(title.text_content()):
        return None
    return block


# a page's side column, by its class's own word ("snRight", "col-left", "cot-phai", "sidebar"), not
# a line's alignment ("text-left")
_SIDE = re.compile(r"^(?:sn|col-?|column-?|cot-?)?(?:right|left|phai|trai)(?:-?col(?:umn)?)?$"
                   r"|^side-?bar\b", re.I)


def _holds_side_column(block: lxml_html.HtmlElement, around: set) -> bool:
    """One of ``block``'s children, off the title's path, is a side column: a notice's block stops
    below it (after boilerplate removal, a sidebar's lone heading, "Bản đồ hành chính" over a map
    picture, was all that was left of it, and was read as the notice's text)."""
    return any(child not in around and isinstance(child.tag, str)
               and any(_SIDE.match(word) for word in child.get("class", "").split())
               for child in block)


def right_after(el: lxml_html.HtmlElement, block: lxml_html.HtmlElement) -> bool:
    """``el`` is, or stands inside, the element right after ``block``: a one-paragraph post's
    text in the content block after its head block (title, day, lead)."""
    after = next((sib for sib in block.itersiblings() if isinstance(sib.tag, str)), None)
    return after is not None and (el is after or any(a is after for a in el.iterancestors()))
