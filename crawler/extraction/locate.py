"""Find the article's body, title and visible date line in a cleaned tree.

- Body: the element that collects the most paragraph text (readability-style
  scoring; link text does not count).
- Title: the last short block before the body that matches ``<title>`` (minus
  the portal's suffix or prefix) or ``og:title``; else the last heading before
  the body. A category header above the title matches neither.
- Date line: short blocks holding a date inside the smallest element that
  holds both title and body, nearest the title first; never inside the body
  (event and decree dates live there), never inside a link (related lists).
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from common.dates import contains_date
from common.textnorm import clean_line, fold
from common.urls import is_document, slug
from crawler.extraction.boilerplate import NOISE_LINE

PARAGRAPH_TAGS = ("p", "pre", "blockquote", "li", "dd", "h4", "h5", "h6")
CONTAINER_TAGS = ("div", "td", "section", "article", "main", "font", "span", "center", "form")
HEADING_TAGS = frozenset({"h1", "h2", "h3"})
TITLE_HINT = re.compile(r"title|tieude|tieu-de|heading|headline", re.I)
# a class that names the section's heading ("FolderTitle", "portlet-title", "cat-title"), not the article's
SECTION_HINT = re.compile(r"folder|categor|cat-?title|chuyen-?muc|danh-?muc|portlet|module|box-?title", re.I)
TITLE_SPLIT = re.compile(r"\s+[-|–—:»]\s+|\s*\|\s*")
DATE_LABEL = re.compile(r"^(ngay dang|dang ngay|ngay cap nhat|cap nhat|ngay xuat ban|thoi gian|ngay)\b")
MAX_LINE = 150
PROSE_TAGS = frozenset({"p", "div", "td", "blockquote", "li"})
MAX_SCAN = 5000  # elements scanned for a date line; bounds pathological pages


def _is_link(node) -> bool:
    """A navigation link (a link to a document is what a post attaches: its content)."""
    return node.tag == "a" and not is_document(node.get("href") or "")


def _plain_len(el: lxml_html.HtmlElement) -> int:
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


def find_body(root: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    scores: dict = {}
    for unit in root.iter(*PARAGRAPH_TAGS, *CONTAINER_TAGS):
        if unit.tag in CONTAINER_TAGS:
            own = len((unit.text or "").strip()) + sum(len((c.tail or "").strip()) for c in unit)
            if own < 40:
                continue
            length, container = own, unit
        else:
            length, container = _plain_len(unit), unit.getparent()
        if length < 25 or container is None:
            continue
        score = 1 + min(length, 1000) / 100 + unit.text_content().count(",")
        scores[container] = scores.get(container, 0.0) + score
        grand = container.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + score / 2
    if not scores:
        return None
    return max(scores, key=scores.get)


PORTAL_NAME = re.compile(r"cong thong tin|cong ttdt|trang thong tin|trang chu|portal|gov\.vn|website")


def title_parts(page_title: str, og_title: str, url: str | None = None) -> list[str]:
    """What the page's ``<title>``, ``og:title`` and address slug say, for matching the title
    element, folded and without punctuation. A ``<title>`` that is only the portal's name
    ("Cổng thông tin điện tử") names no article: matched, it made the site's logo the title of
    every page built by script. Portals derive slugs from titles ("hoi-nghi-tong-ket-nam-2024"):
    a heading that reads as the slug is the title, where ``<title>`` is only the site's name."""
    parts = [p for p in TITLE_SPLIT.split(page_title) if len(p.strip()) >= 8]
    if og_title:
        parts.insert(0, og_title)
    if page_title:
        parts.append(page_title)
    folded = [_bare(fold(clean_line(p))) for p in parts if p.strip()]
    words = _bare(fold(slug(url or "")))
    if len(re.findall(r"[a-z]{2,}", words)) >= SLUG_WORDS:
        folded.append(words)
    return [p for p in folded if not (PORTAL_NAME.match(p) and len(p) <= 40)]


SLUG_WORDS = 4  # "view detail" or "tin tuc" is a path, "hoi nghi tong ket" a title
_PUNCT = re.compile(r"[\W_]+")


def _bare(text: str) -> str:
    """Folded text without punctuation: slugs drop it, and so do some <title>s."""
    return _PUNCT.sub(" ", text).strip()


def page_title_without_portal(page_title: str, site_names: list[str] = ()) -> str:
    """``<title>`` without the portal's name, which stands before or after the title: parts
    at either end that name a portal (or are the page's ``og:site_name``) are cut, and what
    is left is kept whole, its own dashes with it ("Hội nghị A - giai đoạn 2021-2025").
    When no end names the portal, the longest part."""
    pieces = TITLE_SPLIT.split(page_title)
    separators = [m.group() for m in TITLE_SPLIT.finditer(page_title)]
    names = {fold(clean_line(n)) for n in site_names if n.strip()}

    def portal(part: str) -> bool:
        folded = fold(clean_line(part))
        return not folded or bool(PORTAL_NAME.search(folded)) or folded in names

    start, end = 0, len(pieces)
    while start < end and portal(pieces[start]):
        start += 1
    while end > start and portal(pieces[end - 1]):
        end -= 1
    if start == end:
        return clean_line(page_title)
    if (start, end) != (0, len(pieces)):
        kept = pieces[start]
        for separator, piece in zip(separators[start:end - 1], pieces[start + 1:end], strict=True):
            kept += separator + piece
        return clean_line(kept)
    parts = [clean_line(p) for p in pieces if p.strip()]
    return max(parts, key=len) if parts else clean_line(page_title)


def _matches(text: str, parts: list[str]) -> bool:
    for part in parts:
        if text == part:
            return True
        shorter, longer = sorted((text, part), key=len)
        if len(shorter) >= 0.6 * len(longer) and shorter in longer:
            return True
    return False


def heading_text(el: lxml_html.HtmlElement) -> str:
    """A title element's text without a date that stands in an element of its own inside it
    (``<h1>Tổng kết năm 2019 <span>(05/08/2019)</span></h1>``): the day is the page's, not the
    title's. A date written into the title's own words stays ("Lịch tiếp dân ngày 05/8")."""
    dated = [child for child in el.iterdescendants() if isinstance(child.tag, str)
             and _DATE_ONLY.fullmatch(clean_line(child.text_content()) or "x")]
    if not dated:
        return clean_line(el.text_content())
    skip = {id(node) for child in dated for node in child.iter()}
    pieces = [el.text or ""]
    for node in el.iterdescendants():
        if id(node) not in skip and isinstance(node.tag, str):
            pieces.append(node.text or "")
        if id(node) not in skip or node in dated:  # a dated element's tail is the title's again
            pieces.append(node.tail or "")
    return clean_line(" ".join(pieces))


_DATE_ONLY = re.compile(r"[\s(\[|,\-–—]*(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}|\d{4}-\d{2}-\d{2})"
                        r"(?:\s*,?\s*\d{1,2}[:h]\d{2}(?::\d{2})?)?[\s)\]|,\-–—]*")


def find_title(
    root: lxml_html.HtmlElement, body: lxml_html.HtmlElement | None, parts: list[str]
) -> lxml_html.HtmlElement | None:
    """Best title element: a match before the body, a match inside it (before the
    prose starts), the last heading before the body, the first heading inside it, a plain
    block just above the body, the first bold line that opens the body."""
    found: dict[str, lxml_html.HtmlElement] = {}
    in_body = False
    near = _near_body(body)
    for el in root.iter():
        if el is body:
            in_body = True
        if not isinstance(el.tag, str) or el.tag in ("title", "head", "meta", "html", "body"):
            continue
        text = clean_line(el.text_content())
        if in_body and el is not body and el.tag in PROSE_TAGS and len(text) > MAX_LINE:
            break  # the prose has started
        if not 8 <= len(text) <= 300:
            continue
        where = "inside" if in_body else "before"
        own = heading_text(el) if contains_date(text) else text
        if _matches(_bare(fold(own)), parts):
            kind = "match"
        elif el.tag in HEADING_TAGS or (TITLE_HINT.search(hints := el.get("class", "") + el.get("id", ""))
                                        and not SECTION_HINT.search(hints)):
            if contains_date(own) and len(_DATES.sub(" ", own).split()) < TITLE_WORDS:
                continue  # a date line classed "title-date", not a title that names a day
            kind = "heading"
        elif where == "before" and el in near and _plain_block(el, text):
            kind = "block"  # a title in a plain span or cell, just above the body (table layouts)
        elif where == "inside" and el.tag in BOLD_TAGS and _opens(el, body, text):
            kind = "bold"  # an older portal's title: the bold first line of the content cell
        else:
            continue
        if where == "before" or f"{kind} inside" not in found:
            found[f"{kind} {where}"] = el
    for key in ("match before", "match inside", "heading before", "heading inside", "bold inside",
                "block before"):
        if key in found:
            return found[key]
    return None


BOLD_TAGS = frozenset({"b", "strong"})
TITLE_WORDS = 4  # words a heading keeps besides its dates to be a title
_DATES = re.compile(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[:h]\d{2}|"
                    r"ng[aà]y|th[uứ]\s*\w+|\W+", re.I)


def _opens(el: lxml_html.HtmlElement, body: lxml_html.HtmlElement, text: str) -> bool:
    """``el`` is the body's first line, a whole line in bold: no text of the body before it, none
    beside it in its block, no link, no date, long enough to be a headline."""
    if len(text) < 20 or el.find(".//a") is not None or contains_date(text):
        return False
    block = el.getparent()
    if block is not None and block is not body and clean_line(block.text_content()) != text:
        return False  # bold words inside a sentence
    before = []
    for node in body.iter():
        if node is el or node is block:
            break
        before.append(node.text or "")
    return not clean_line(" ".join(before))


def _near_body(body: lxml_html.HtmlElement | None, levels: int = 3) -> set:
    """Elements of the region around the body, less the body's own ancestors."""
    if body is None:
        return set()
    region = body
    for _ in range(levels):
        region = region.getparent() if region.getparent() is not None else region
    return set(region.iter()) - {body, *body.iterancestors()} - set(body.iter())


def _plain_block(el: lxml_html.HtmlElement, text: str) -> bool:
    """A plain span or cell: no link in it or around it (a sidebar's headline is a link in a
    list, and was taken for the title beside a content cell), no date, no paragraphs."""
    return (len(text) >= 20 and el.tag not in ("a", "li") and el.find(".//a") is None
            and not contains_date(text) and not any(a.tag in ("a", "li") for a in el.iterancestors())
            and not any(isinstance(c.tag, str) and c.tag in PROSE_TAGS for c in el))


def _common_ancestor(a, b):
    ancestors = {a, *a.iterancestors()}  # elements, not id()s: proxies must stay alive
    for node in [b, *b.iterancestors()]:
        if node in ancestors:
            return node
    return None


def find_date_lines(
    title: lxml_html.HtmlElement | None, body: lxml_html.HtmlElement | None
) -> list[str]:
    """Visible date lines near the title, best first."""
    anchor = title if title is not None else body
    if anchor is None:
        return []
    region = _common_ancestor(title, body) if title is not None and body is not None else None
    region = region if region is not None else anchor.getparent()
    if region is None:
        return []
    holds = {anchor, *anchor.iterancestors()}
    if body is not None:
        holds.update(body.iterancestors())
    before, after, skipped = [], [], set()
    after_body = anchor_pos = -1
    for position, el in enumerate(region.iter()):
        if position > MAX_SCAN:
            break
        if el in skipped:
            continue
        if el is anchor:
            anchor_pos = position
        if el is body and el not in holds:
            after_body = 1
            skipped.update(el.iter())
            continue
        if el in holds or not isinstance(el.tag, str) or el.tag == "a":
            continue
        text = clean_line(el.text_content())
        if len(text) > MAX_LINE:
            # prose has started: the body begins here when the title is inside it
            if anchor_pos >= 0 and el.tag in PROSE_TAGS:
                after_body = 1
            continue
        if not contains_date(text) or el.find(".//a") is not None:
            continue
        skipped.update(el.iter())
        if after_body == 1:
            if DATE_LABEL.match(fold(text)):
                after.append((position, text))
        else:
            before.append((position, text))
    before.sort(key=lambda item: abs(item[0] - max(anchor_pos, 0)))
    found = [text for _, text in before + after]
    if not found and body is not None and (title is None or body in (title, *title.iterancestors())):
        return _header_row_dates(body)
    return found


def _header_row_dates(body: lxml_html.HtmlElement, levels: int = 3) -> list[str]:
    """Where the title is inside the body (table layouts: ``<b>`` in the content cell), the day
    may sit in the row above, beside the category (SharePoint's ``<td class="Time">``): short
    dated blocks before the body, within a few levels of it, nearest first; none inside a list
    of links (a sidebar's headlines with their days)."""
    region = body
    for _ in range(levels):
        parent = region.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        region = parent
    if region is body:
        return []
    dated = []
    for position, el in enumerate(region.iter()):
        if position > MAX_SCAN or el is body:
            break
        if not isinstance(el.tag, str) or el.tag == "a" or len(el):
            continue  # a leaf: the cell or span that holds the day itself
        text = clean_line(el.text_content())
        if len(text) <= 80 and contains_date(text) and not NOISE_LINE.match(fold(text)) \
                and not _among_links(el, region):  # "Hôm nay: 05/12/2026" is the clock
            dated.append(text)
    return dated[::-1]


def _among_links(el: lxml_html.HtmlElement, region: lxml_html.HtmlElement) -> bool:
    for ancestor in el.iterancestors():
        if ancestor is region:
            return False
        if len(ancestor.findall(".//a")) >= 2 or ancestor.tag == "li":
            return True
    return False


def find_times(title: lxml_html.HtmlElement | None, body: lxml_html.HtmlElement | None) -> list[str]:
    """``<time datetime>`` values in the article's own region (title and body), never the page's."""
    anchor = title if title is not None else body
    if anchor is None:
        return []
    region = _common_ancestor(title, body) if title is not None and body is not None else None
    if region is None or region.tag in ("body", "html"):
        region = anchor.getparent() if anchor.getparent() is not None else anchor
    return [clean_line(el.get("datetime")) for el in region.iter("time")
            if (el.get("datetime") or "").strip()]
