"""The article body element as plain text.

trafilatura turns the body element into text (paragraphs, tables as rows,
captions kept); a plain block serializer is the fallback when trafilatura
returns nothing or drops most of the element. The lines are finished by
``textlines``; the signature and source lines are ``credits``'.
"""

from __future__ import annotations

import copy
import logging
import re
from functools import lru_cache
from itertools import islice

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.settings import Extractor
from trafilatura.xpaths import BODY_XPATH

from common.textnorm import clean_line, is_vietnamese
from crawler.extraction.boilerplate import is_noise_line
from crawler.extraction.credits import is_signature
from crawler.extraction.stoplist import install as install_hashed_stoplist

logger = logging.getLogger(__name__)
install_hashed_stoplist()  # trafilatura's jusText fallback: see crawler.extraction.stoplist

BLOCK_TAGS = frozenset(
    "p div br li tr table h1 h2 h3 h4 h5 h6 blockquote dd dt figcaption pre section ul ol".split()
)
TABLE_PARTS = frozenset({"td", "th", "tr", "tbody", "thead", "table"})
BLOCK_PARENTS = ("div", "td", "section", "article", "form", "li")
LINE_INLINE = frozenset({"span", "font", "b", "strong", "em", "i", "small", "label"})


def element_text(body: lxml_html.HtmlElement, known: bool = False) -> str:
    """Text of ``body`` through trafilatura, or the block serializer.

    ``known``: the body is a container a profile or the site's selectors named;
    it holds the article and nothing else, so it is serialized as it is
    (trafilatura would drop short lines such as signatures and leads).
    """
    plain = serialize_blocks(body)
    if known:
        return plain
    wrapper = lxml_html.Element("html")
    clone = copy.deepcopy(body)
    if clone.tag in TABLE_PARTS:  # a lone cell confuses trafilatura's table handling
        _unwrap_layout(clone)
    for table in [t for t in clone.iter("table") if t is not clone and _one_cell(t)]:
        _unwrap_layout(table)  # a table of one cell lays out a title or a caption: no data row
    _inline_lines(clone)
    _text_divs_as_paragraphs(clone)
    captions = list(clone.iter("figcaption"))
    for figure in clone.iter("figure", "figcaption"):  # trafilatura drops figures, captions and all
        figure.tag = "div" if figure.tag == "figure" else "p"
    _tails_as_paragraphs(clone)
    etree.SubElement(wrapper, "body").append(clone)
    _no_inner_content_blocks(wrapper, clone)
    try:
        text = trafilatura.extract(wrapper, options=_body_options())
    except Exception:  # trafilatura raises assorted errors on odd trees
        logger.debug("trafilatura failed on the body element; using the block serializer")
        text = None
    if not text or len(text) < 0.6 * len(plain):
        return plain
    return _with_closing(text, plain, clone, captions)


def _no_inner_content_blocks(wrapper: lxml_html.HtmlElement, clone: lxml_html.HtmlElement) -> None:
    """The located body is read whole, in its order: a block inside it that trafilatura's body
    expressions name (``ArticleContent``, ``entry-content``) was read first and the body's other
    lines after it, the lead below the text (VNPT's portals: the lead in ``ArticleHeader`` above
    ``ArticleContent``). Such a block loses its class and id in the copy read."""
    for expression in BODY_XPATH:
        for _ in range(INNER_BLOCKS):
            found = [el for el in expression(wrapper) if el is not clone]
            named = [el for el in found if "class" in el.attrib or "id" in el.attrib]
            if not named:
                break  # none, or one named by its tag alone (an <article>): it stays
            for el in named:
                el.attrib.pop("class", None)
                el.attrib.pop("id", None)


INNER_BLOCKS = 4  # blocks unnamed for each of trafilatura's body expressions, at most


@lru_cache(maxsize=1)
def _body_options() -> Extractor:
    """trafilatura's options for a body element, built once: trafilatura builds them from its
    config file's parser on every call otherwise (a sixth of its time on a short page). It
    copies them before changing any."""
    return Extractor(output_format="txt", recall=True, comments=False, images=False, tables=True,
                     dedup=False)


RUN_ON_AFTER = ("div", "table", "p", "ul", "ol", "blockquote", "section", "h2", "h3", "h4", "h5", "h6")


def _tails_as_paragraphs(root: lxml_html.HtmlElement) -> None:
    """Text run on after a block (a picture's table or figure, then the text's lines between
    ``<br/>``s, as older portals' editors write): a paragraph of its own, which trafilatura reads;
    it drops a block's tail."""
    for block in list(root.iter(*RUN_ON_AFTER)):
        if block is not root and (block.tail or "").strip():
            run_on = lxml_html.Element("p")
            run_on.text, block.tail = block.tail, None
            block.addnext(run_on)


CAPTION_CLASS = re.compile(r"caption|image_desc|img-desc|chu-?thich", re.I)


def _with_closing(text: str, plain: str, clone: lxml_html.HtmlElement, figcaptions: list) -> str:
    """trafilatura's reading with the closing line it dropped: a short line ending the text
    (a signature, "Minh Tâm", "BBT"; a picture's caption) goes with the boilerplate in its
    eyes when the block below it is a rating widget or a tools bar, or when nothing follows.
    A line the serializer read right after trafilatura's last line, that signs or is one of
    the body's captions, is put back."""
    lines = [ln for ln in (clean_line(x) for x in plain.splitlines()) if ln]
    last = clean_line(text.rstrip().rpartition("\n")[2])
    at = next((i for i in range(len(lines) - 1, -1, -1) if lines[i] == last), None)  # its last place
    if at is None:
        return text
    captions: set[str] | None = None  # read only when a line was dropped: rare
    for following in lines[at + 1: at + 1 + CLOSING_LINES]:  # a caption, then the signature
        if following in text:
            return text
        if captions is None:
            captions = {clean_line(el.text_content()) for el in [*figcaptions, *_captions(clone)]}
        heading = len(following.split()) > 1 and following.isupper()  # "TIN LIÊN QUAN", a newsletter's
        signs = is_signature(following) and not heading and not is_noise_line(following)
        if not (following in captions or (signs and is_vietnamese(text))):
            return text
        text = f"{text.rstrip()}\n{following}"
    return text


CLOSING_LINES = 2


def _captions(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """A picture's caption besides ``<figcaption>``: an element classed so, or a centred line
    in italics alone (CKEditor's way: ``<p style="text-align:center"><em>…</em></p>``)."""
    found = [el for el in tree.iter("td", "p", "div", "span") if CAPTION_CLASS.search(el.get("class") or "")]
    return found + [p for p in tree.iter("p") if _centred_italics(p)]


def _centred_italics(p: lxml_html.HtmlElement) -> bool:
    if "center" not in (p.get("style") or "") + (p.get("align") or "") or len(p) != 1:
        return False
    return p[0].tag in ("em", "i") and not (p.text or "").strip() and not (p[0].tail or "").strip()


LAYOUT_CHILDREN = frozenset({"div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "form"})


def _unwrap_layout(part: lxml_html.HtmlElement) -> None:
    """A body that is a table, or a part of one: trafilatura reads a table as rows of cells ("| a |
    b |"), which a page laid out in a table is not (a short notice's block can be the layout table
    holding title, date and text). Where the table's own cells hold blocks (divs, headings, lists,
    tables, not a Word table's paragraphs) or it is one cell (its sidebar's cell gone with the
    boilerplate), its parts become plain blocks; otherwise only the element itself does (a lone
    cell). ``part`` is a copy: it has no ancestors."""
    # a table inside the part is one of its own (a picture's, with its caption), never the part's
    own = [part, *(el for el in part.iter(*TABLE_PARTS)
                   if el is not part and el.tag != "table" and _in_no_inner_table(el, part))]
    cells = [el for el in own if el.tag in ("td", "th")]
    layout = len(cells) <= 1 or any(child.tag in LAYOUT_CHILDREN for cell in cells for child in cell)
    for el in own if layout else [part]:
        el.tag = "div"


def _one_cell(table: lxml_html.HtmlElement) -> bool:
    """One cell of its own: a table nested in it (a lead's, a picture's) has its own cells."""
    own = (cell for cell in table.iter("td", "th") if _in_no_inner_table(cell, table))
    return sum(1 for _ in islice(own, 2)) == 1


def _inline_lines(tree: lxml_html.HtmlElement) -> None:
    """An inline element that stands alone among blocks is a line of its own: ASP.NET portals put
    the title, the date and the lead in ``<span>``s beside the content's ``<div>``, which a
    reading runs together ("... 09:15 21/06/2024UBND tỉnh ..."). Inline elements inside running
    text are left as they are."""
    for parent in tree.iter(*BLOCK_PARENTS):
        children = [c for c in parent if isinstance(c.tag, str)]
        if (not any(c.tag in BLOCK_TAGS for c in children) or (parent.text or "").strip()
                or any((c.tail or "").strip() for c in children)):
            continue
        for child in children:
            if child.tag in LINE_INLINE:
                child.tag = "div"


# what a block of text cannot hold: with one of these inside, a <div> is a block of blocks
HOLDS_BLOCKS = (BLOCK_TAGS - {"br"}) | {"article", "aside", "figure", "footer", "form", "header", "nav",
                                       "iframe", "main", "dl", "tbody", "td", "th"}


LINKED_RUN = 0.5  # a run of text more linked than this is navigation


def _text_divs_as_paragraphs(tree: lxml_html.HtmlElement) -> None:
    """A ``<div>`` holding a run of text and no block is a paragraph: trafilatura reads a
    ``<div>``'s text only when the ``<p>``s hold too little, so a lead (``<div class="sapo">``)
    or a paragraph an editor wrote as a ``<div>`` among ``<p>``s was lost from a long article.
    Its class and id stay, so trafilatura's own rules on them still apply. A run of links (the
    previous and next posts, a tools bar) is navigation, left a ``<div>``."""
    for div in list(tree.iter("div")):
        if div is tree or any(isinstance(el.tag, str) and el.tag in HOLDS_BLOCKS for el in div.iter()
                              if el is not div):
            continue  # (asked first: it stops at a block of blocks' first block, its text would not)
        text = clean_line(div.text_content())
        if not text:
            continue
        linked = sum(len(clean_line(a.text_content())) for a in div.iter("a"))
        if linked <= LINKED_RUN * len(text):
            div.tag = "p"


def _in_no_inner_table(el, part) -> bool:
    """``el`` belongs to ``part``'s own table, not to a table nested inside it."""
    for ancestor in el.iterancestors():
        if ancestor == part:
            return True
        if ancestor.tag == "table":
            return False
    return False


def serialize_blocks(body: lxml_html.HtmlElement) -> str:
    """Plain text with a line break at every block boundary (no recursion)."""
    out: list[str] = []
    for event, el in etree.iterwalk(body, events=("start", "end")):
        if not isinstance(el.tag, str):
            continue
        if event == "start":
            if el.tag in BLOCK_TAGS:
                out.append("\n")
            if el.tag == "td":
                out.append(" | ")
            out.append(el.text or "")
        else:
            if el.tag in BLOCK_TAGS:
                out.append("\n")
            if el is not body:
                out.append(el.tail or "")
    return "\n".join(line.strip(" |") for line in "".join(out).split("\n"))


