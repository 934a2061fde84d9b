"""A page's tree, parsed once the same way for extraction and for learning a site's template.

lxml's ``text_content()`` joins the texts around a ``<br/>`` with nothing between them: a date
line "12/03/2024<br/>08:30" read "12/03/202408:30", which holds no date, and a heading broken
over two lines lost the space between its words. Each ``<br/>`` is given a space after it, as
a browser shows a break; the block serializer breaks the line there all the same.

Characters XML does not allow are read as spaces (``common.textnorm.xml_compatible``): lxml's
HTML parser keeps them in the tree, and every later change to the text around them (boilerplate
removal, a link made absolute) then fails.
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from common.textnorm import xml_compatible
from common.urls import declared_base, joined

_PARSER = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
# lxml.html's own class lookup is a Python function called for every element a walk touches (it
# gives forms and inputs their classes, which extraction never uses); lxml's C lookup gives each
# element the plain HTML class with no call (benchmarks/RESULTS.md, stop 48)
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
    pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity))


def parse_page(html: str) -> lxml_html.HtmlElement:
    """The document's root; raises lxml's ``ParserError`` or ``ValueError`` as lxml does."""
    root = lxml_html.document_fromstring(xml_compatible(html), parser=_PARSER)
    for br in root.iter("br"):
        br.tail = " " + br.tail if br.tail else " "
    return root


LINKING = {"a": "href", "area": "href", "link": "href", "iframe": "src", "embed": "src", "object": "data"}
UNRESOLVED = ("#", "javascript:", "mailto:", "tel:", "data:", "http:", "https:", "//")


def rebase_links(root: lxml_html.HtmlElement, url: str) -> None:
    """Make the page's relative links absolute against its ``<base href>``, when it declares
    one: every later reading joins a link to the page's own address. In-page anchors
    (``#top``) stay as they are, as links to the page itself."""
    base = declared_base(root, url)
    if base == url:
        return
    for el in root.iter(*LINKING):
        value = (el.get(LINKING[el.tag]) or "").strip()
        if value and not value.lower().startswith(UNRESOLVED) and (absolute := joined(base, value)):
            el.set(LINKING[el.tag], absolute)


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
CARDS = etree.XPath("//*[@data-href or @data-link]")


def link_cards(root: lxml_html.HtmlElement, html: str) -> None:
    """Give each card or row a script makes clickable by its ``data-href`` (or ``data-link``)
    the link a reader clicks: its heading, or its longest line, becomes an ``<a>`` to the
    address, so a listing of such cards reads as a listing of links. ``html``: the page's text,
    which spares the walk where no card is."""
    if "data-href" not in html and "data-link" not in html:
        return
    for card in CARDS(root):
        href = (card.get("data-href") or card.get("data-link") or "").strip()
        if not href or card.tag == "a" or next(card.iter("a"), None) is not None:
            continue
        named = next(card.iter(*HEADINGS), None)
        if named is None:
            texts = [el for el in card.iter() if isinstance(el.tag, str) and (el.text or "").strip()]
            named = max(texts, key=lambda el: len(el.text.strip()), default=None)
        if named is None or named.tag in ("script", "style"):
            continue
        link = etree.SubElement(named, "a", href=href)
        link.text, named.text = named.text, None
        for child in list(named)[:-1]:  # all but the link itself, each with its tail
            link.append(child)
