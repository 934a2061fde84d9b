"""The post's text, not a sidebar's prose beside it.

``locate.body_candidates`` ranks blocks by the paragraph text they hold. Beside a short post (a
line or two), a sidebar's prose outweighs it: the district's introduction, a quotation of Hồ Chí
Minh, the week's notice. Such a block is recognised by where it stands and what it speaks of:

- a post's text never precedes its title: a block standing before the page's headline is a
  sidebar printed first (and its own heading, "Giới thiệu chung", is no title of the page);
- a post's text speaks of its title: a block after the post that shares none of the title's
  words, while a block between them does, is a sidebar printed after it. A block of prose
  beside the title (its parent holds the title) is the post's own, whatever its words.

The prose found is left out of the page, so that no reading (trafilatura's among them) takes it
for the post's text.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from common.dates import contains_date
from common.textnorm import fold, is_vietnamese
from crawler.extraction.dateread import MAX_LINE
from crawler.extraction.locate import plain_len
from crawler.extraction.titles import (
    SECTION_HINT,
    dated_line,
    find_title,
    heading_text,
    is_headline,
    is_label,
    is_titled,
    names_the_page,
)

CANDIDATES = 6  # ranked blocks looked at: the sidebar's prose, its column, the post's blocks
TITLE_WORDS_TOLD = 5  # pairs of syllables a title needs for its words to tell its text
OFF_TITLE = 0.35  # a block holding fewer of the title's pairs speaks of something else
ON_TITLE = 0.6  # a block holding this many of them speaks of the title
OWN_TEXT = 60  # characters: a line of a post, more than a date line


def post_text(root: HtmlElement, ranked: list[HtmlElement], title: HtmlElement | None,
              parts: list[str]) -> tuple[HtmlElement | None, HtmlElement | None]:
    """The post's body and title, from the ranked blocks and the title found for the first;
    the sidebar's prose found on the way is dropped from ``root``."""
    body = ranked[0] if ranked else None
    if len(ranked) < 2 or not is_vietnamese(ranked[0].text_content()):
        return body, title  # the portals' sidebars: elsewhere layouts differ (trafilatura's test pages)
    # the first block's own heading, nothing, or past that block (a sidebar's prose) a heading
    # with no day beside it: a section's name (one the <title> repeats, too long for a label)
    nameless = _names_no_post(title)
    if nameless and (title is None or is_label(title)
                     or (_starts_before(ranked[0], title) and not _nested(ranked[0], title))):
        headline = _headline_after(root, ranked, parts)
        title = headline if headline is not None else title
        nameless = _names_no_post(title)
        if nameless:
            heading = _heading_after(root, ranked[0])  # a section page's: the prose before it is a sidebar's
            if heading is not None and after_title(ranked, heading)[0] is None:
                _leave_out((heading, _before(ranked, heading, heading)))
                return None, heading
    if nameless and _widget(ranked, title):
        ranked[0].drop_tree()  # the page's own content (a section's list) went with the boilerplate
        return None, None
    if title is None:
        return body, title
    after = _leave_out(after_title(ranked, title))
    if after is None and names_the_page(title, parts):
        after = _leave_out(about_the_title(ranked, title, heading_text(title)))
    body = _with_text_after(after if after is not None else body, title, ranked)
    _leave_out((body, _before(ranked, title, body)))  # the post's own text beside prose before it
    return body, title


def _names_no_post(title: HtmlElement | None) -> bool:
    """No title, a label, or a heading with no day beside it: no post's headline for certain."""
    return title is None or is_label(title) or not dated_line(title)


def _widget(ranked: list[HtmlElement], title: HtmlElement | None) -> bool:
    """The page's only text is a box of prose under a heading of its own, with no day and not
    the page's title: a sidebar's widget ("Giới thiệu chung", a quotation under its box's title)
    on a page whose own content the cleaning took (a section page's list of headlines)."""
    top = ranked[0]
    if top.tag in ("body", "html") or (title is not None and any(a is top for a in title.iterancestors())):
        return False
    if any(not _nested(block, top) for block in ranked[1:CANDIDATES]):
        return False
    if contains_date(" ".join(top.itertext())):  # its pieces apart: "năm 2019" "07/08/2019" run together
        return False
    head = next((child for child in top if isinstance(child.tag, str)), None)
    if head is None or head.tag in ("p", "ul", "ol", "table") or (head.text or "").strip() == "":
        return False
    return is_label(head) or bool(SECTION_HINT.search(head.get("class", "")))


def _before(ranked: list[HtmlElement], title: HtmlElement, body: HtmlElement) -> list[HtmlElement]:
    """The ranked blocks standing before the title, when the body holds or follows it: prose a
    reading of the whole page (trafilatura's) would take with the post's text."""
    kept = {*title.iterancestors(), *body.iterancestors(), body}
    holds = any(a is body for a in title.iterancestors())
    if body.getparent() is None or (_starts_before(body, title) and not holds):
        return []
    return [b for b in ranked[:CANDIDATES] if b.getparent() is not None and b not in kept
            and _starts_before(b, title) and not _nested(b, body)  # (one left out is out of the page)
            and plain_len(b) > MAX_LINE]  # prose, not a line: a section's name beside the post's day


def _leave_out(found: tuple[HtmlElement | None, list[HtmlElement]]) -> HtmlElement | None:
    block, prose = found
    if block is not None:
        for gone in prose:
            gone.drop_tree()
    return block


def _headline_after(root: HtmlElement, ranked: list[HtmlElement], parts: list[str]) -> HtmlElement | None:
    """The title found for the next blocks (a few, not those holding the first or inside it),
    when it is a headline standing after the first block: a heading or an element classed a
    title, or a block that is none of the ranked text (a timetable's cell is a block of them)."""
    top = ranked[0]
    for block in ranked[1:CANDIDATES]:
        if _nested(block, top):
            continue
        title = find_title(root, block, parts)
        if title is None or is_label(title) or top in set(title.iterancestors()) \
                or not _starts_before(top, title):
            continue
        if is_titled(title) or (title not in ranked and title.tag not in ("td", "li")):
            return title
    return None


def _heading_after(root: HtmlElement, top: HtmlElement) -> HtmlElement | None:
    """The page's first heading (h1-h4, not in a list) after ``top`` and outside it."""
    return next((el for el in root.iter("h1", "h2", "h3", "h4") if _starts_before(top, el) and is_headline(el)
                 and not any(a is top for a in el.iterancestors())), None)


def after_title(ranked: list[HtmlElement],
                title: HtmlElement) -> tuple[HtmlElement | None, list[HtmlElement]]:
    """The first ranked block that holds or follows the title, when the first stands before it,
    and the blocks before the title to leave out. (None, []) when the first holds or follows it."""
    top = ranked[0]
    holding = set(title.iterancestors())
    if top in holding or not _starts_before(top, title):
        return None, []
    for i, block in enumerate(ranked[1:CANDIDATES], start=1):
        if _nested(block, top):
            continue  # it holds the prose as well, or stands inside it
        if block in holding or _starts_before(title, block):
            kept = holding | set(block.iterancestors())
            return block, [b for b in ranked[:i] if b not in kept and _starts_before(b, title)]
    return None, []


TEXT_AFTER = 100  # plain characters in the block right after a head block: the post's text
HEAD_TEXT = 350  # plain characters of a head block besides its title: its day, a lead


def _with_text_after(body: HtmlElement | None, title: HtmlElement,
                     ranked: list[HtmlElement]) -> HtmlElement | None:
    """A head block (the title, its day and lead) outweighs a one-paragraph post's text in the
    block right after it: the post is their parent, where that is ranked too and holds no other
    ranked block's prose before the head (a sidebar's)."""
    if body is None or not any(a is body for a in title.iterancestors()) \
            or plain_len(body) - plain_len(title) > HEAD_TEXT or not _text_after(body):
        return body  # a block with text of its own besides its title is the post's, not a head
    parent = body.getparent()
    if parent is None or parent not in ranked[:CANDIDATES] \
            or any(_nested(other, parent) and _starts_before(other, body) and not _nested(other, body)
                   for other in ranked[:CANDIDATES] if other is not parent and other is not body):
        return body
    return parent


def _text_after(block: HtmlElement) -> bool:
    """The element right after ``block`` holds prose: ``block`` is a head block above the text."""
    after = block.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()
    return after is not None and plain_len(after) >= TEXT_AFTER


def about_the_title(ranked: list[HtmlElement], title: HtmlElement,
                    title_text: str) -> tuple[HtmlElement | None, list[HtmlElement]]:
    """The block between the title and the first block that speaks of the title, when the first
    does not, and the blocks that do not to leave out. (None, []) when nothing is to change, the
    first stands beside the title, or the title is too short to tell."""
    words = set(_pairs(title_text))
    if len(words) < TITLE_WORDS_TOLD or _share(ranked[0], words) >= OFF_TITLE:
        return None, []
    top, parent = ranked[0], ranked[0].getparent()
    if parent is None or any(a is parent for a in title.iterancestors()):
        return None, []
    after = _starts_before(title, top)  # the prose after the post: the post's block stands between
    off = [top]
    for block in ranked[1:CANDIDATES]:
        if any(a is block for a in top.iterancestors()):
            continue  # it holds the prose as well
        if _share(block, words) < OFF_TITLE:
            off.append(block)
        elif _starts_before(title, block) and (not after or _starts_before(block, top)) \
                and not any(a is o for o in off for a in block.iterancestors()) \
                and _share(block, words) >= ON_TITLE and plain_len(block) >= OWN_TEXT:
            holding = {*block.iterancestors(), *title.iterancestors()}  # never left out with the prose
            return block, [o for o in off if o not in holding]
    return None, []


def _starts_before(a: HtmlElement, b: HtmlElement) -> bool:
    """``a`` starts before ``b`` in the page (one holding the other starts before it). Found from
    their ancestors where they part: a map of the whole page's order cost more on every page."""
    path_a, path_b = [a, *a.iterancestors()][::-1], [b, *b.iterancestors()][::-1]
    depth = 0
    while depth < min(len(path_a), len(path_b)) and path_a[depth] is path_b[depth]:
        depth += 1
    if depth == 0:
        return False  # one of them was left out of the page with the prose around it
    if depth == len(path_a) or depth == len(path_b):
        return depth == len(path_a) and depth < len(path_b)  # a holds b
    parent = path_a[depth - 1]
    return parent.index(path_a[depth]) < parent.index(path_b[depth])


def _nested(a: HtmlElement, b: HtmlElement) -> bool:
    return any(x is b for x in a.iterancestors()) or any(x is a for x in b.iterancestors())


def _pairs(text: str) -> list[str]:
    """Pairs of syllables: a Vietnamese word is one or two syllables, and single ones ("huyện",
    "năm", "công") are in every text of a portal."""
    syllables = re.findall(r"\w+", fold(text))
    return [f"{a} {b}" for a, b in zip(syllables, syllables[1:], strict=False)]


def _share(block: HtmlElement, words: set[str]) -> float:
    return len(words.intersection(_pairs(block.text_content()))) / len(words)
