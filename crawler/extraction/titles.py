"""Find the article's title in a cleaned tree, from what the page says of it.

The candidates, best first: an element whose text matches the page's ``<title>`` (minus the
portal's name), ``og:title`` or address slug, before the body or at its top; the last heading
before the body; the first heading at the body's top; the bold line that opens the body (older
portals' content cells); a plain block just above the body (table layouts). A short heading
above the body names a section or the site ("Tin tức - Sự kiện", "UBND HUYỆN AN PHÚ") and gives
way to a headline that opens the article. A day that stands in an element of its own inside
the heading is no part of the title.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from itertools import islice

from lxml import html as lxml_html

from common.dates import contains_date, without_dates
from common.textnorm import clean_line, fold, is_vietnamese
from crawler.extraction.boilerplate import BADGES
from crawler.extraction.credits import is_credit
from crawler.extraction.dateread import (
    MAX_LINE,
    dated_piece,
    is_date_line,
    spaced_line,
    without_counters,
    words_besides_dates,
)
from crawler.extraction.lead import LEAD_NAME
from crawler.extraction.locate import HEADING_TAGS, LINE_BLOCKS, PROSE_TAGS
from crawler.extraction.pagetitle import LABEL_WORDS, TITLE_SPLIT, bare, names_a_site

# "Head": DotNetNuke's module title class, a word of its own (not "header", "thead")
TITLE_HINT = re.compile(r"title|tieude|tieu-de|heading|headline|(?:^|\s)head(?:\s|$)", re.I)
# a class that names the section's heading ("FolderTitle", "portlet-title", "cat-title"), not the article's
SECTION_HINT = re.compile(r"folder|categor|cat-?title|chuyen-?muc|danh-?muc|portlet|module|box-?title"
                          r"|(?:^|[\s_-])cat(?:[\s_-]|$)", re.I)  # "cat", "title-cat", "cat-name"
# the headings a title may stand in: older templates set the article's in an h4 under the section's
TITLE_HEADINGS = HEADING_TAGS | {"h4"}


def titled_headings(root, parts: list[str]) -> list:
    """The headings (h1-h3) that read as the page's own title (``title_parts``) with a date line
    beside them: a dated post's heading, which no boilerplate rule may take away with the block
    around it (a listing's heading reads as its title too, but no day stands by it)."""
    out = []
    for heading in root.iter("h1", "h2", "h3"):
        text = bare(fold(clean_line(heading.text_content())))
        if len(text) >= 15 and any(text == p or text in p for p in parts) and _dated(heading):
            out.append(heading)
    return out


def _dated(heading, reach: int = 2, dated=contains_date) -> bool:
    """A short line with a day (``dated``: one that names it, or ``is_date_line``: a day with its
    time, label, counters and credits, and no other words), no link, right before or within
    ``reach`` blocks after ``heading``."""
    after = heading.getnext()
    near = [heading.getprevious(), after, after.getnext() if after is not None and reach > 1 else None]
    return any(el is not None and isinstance(el.tag, str) and el.find(".//a") is None
               and len(line := clean_line(el.text_content())) <= MAX_LINE
               and (dated(line) or dated(spaced_line(el))) for el in near)


def names_the_page(el: lxml_html.HtmlElement, parts: list[str]) -> bool:
    """``el`` reads as the page's own title (``title_parts``: its ``<title>``, og:title, address)."""
    return _names(heading_text(el), parts)


def _names(text: str, parts: list[str]) -> bool:
    """A line is the title, or holds it or is held by it (a day, a section's name besides), unless
    it is a sentence that restates it: "UBND huyện thông báo kết quả xét tuyển ... như sau:"
    opens a notice titled "Thông báo kết quả xét tuyển ..."."""
    folded = bare(fold(text))
    if text.rstrip().endswith((".", ":")):
        return folded in parts
    for part in parts:
        if folded == part:
            return True
        shorter, longer = sorted((folded, part), key=len)
        if len(shorter) >= 0.6 * len(longer) and shorter in longer:
            return True
    return False


def heading_text(el: lxml_html.HtmlElement) -> str:
    """A title element's text without a date that stands in an element of its own inside it
    (``<h1>Tổng kết năm 2019 <span>(05/08/2019)</span></h1>``) or on a line of its own
    (``<h1>Tổng kết năm 2019<br/>05/08/2019</h1>``): the day is the page's, not the title's. A
    date written into the title's own words stays ("Lịch tiếp dân ngày 05/8"). A closing badge
    ("<span class='new'>Mới</span>") goes first, and a section's name opening it."""
    el = _without_badge(_without_kicker(el))
    if el.find(".//br") is not None and (lines := _heading_lines(el)) and len(lines) > 1:
        kept = [line for line in lines if not is_date_line(line)]
        if kept and len(kept) < len(lines):
            return clean_line(" ".join(kept))
    dated = [child for child in el.iterdescendants() if isinstance(child.tag, str)
             and _DATE_ONLY.fullmatch(clean_line(child.text_content()) or "x")]
    if not dated:
        return without_bracketed_day(clean_line(el.text_content()))[0]
    skip = {id(node) for child in dated for node in child.iter()}
    pieces = [el.text or ""]
    for node in el.iterdescendants():
        if id(node) not in skip and isinstance(node.tag, str):
            pieces.append(node.text or "")
        if id(node) not in skip or node in dated:  # a dated element's tail is the title's again
            pieces.append(node.tail or "")
    return clean_line(" ".join(pieces))


def _without_badge(el: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """The heading without a "Mới" (new) badge in an element of its own that closes it (a copy
    when there is one)."""
    last = el[-1] if len(el) and isinstance(el[-1].tag, str) else None
    if last is None or (last.tail or "").strip() \
            or fold(clean_line(last.text_content())).strip("!()[] ") not in BADGES:
        return el
    clone = copy.deepcopy(el)
    clone.remove(clone[-1])
    return clone


KICKER_CLASS = re.compile(r"(?:^|[\s_-])(?:cat(?:e|egory)?|chuyen-?muc|danh-?muc|kicker|label|tag)"
                          r"(?:[\s_-]|$)", re.I)
KICKER_SEPARATORS = " |:»›>/-–—"


def _without_kicker(el: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """The heading without the section's name that opens it in an element of its own, a link
    to the section or a span classed so (``<h1><a href="/tin-tuc">Tin tức</a> | Hội nghị …</h1>``),
    where the title follows it (a copy when there is one)."""
    first = el[0] if len(el) and isinstance(el[0].tag, str) and not (el.text or "").strip() else None
    if first is None or not ((first.tag == "a" and first.get("href"))
                             or KICKER_CLASS.search(first.get("class", ""))):
        return el
    label = clean_line(first.text_content())
    rest = clean_line(el.text_content())[len(label):].lstrip(KICKER_SEPARATORS)
    if not label or len(label.split()) >= LABEL_WORDS or len(rest.split()) < LABEL_WORDS:
        return el
    clone = copy.deepcopy(el)
    tail = (clone[0].tail or "").lstrip(KICKER_SEPARATORS)
    clone.remove(clone[0])  # its tail goes with it: put back, less the separator
    clone.text = tail
    return clone


def heading_dates(el: lxml_html.HtmlElement | None) -> list[str]:
    """The date lines a title element holds below its words (``<h1>Tổng kết<br/>Ngày đăng:
    05/08/2019</h1>``), or in brackets before or after them (``<h1>Tổng kết (05/08/2019)</h1>``):
    the page's date line, which the title's own text leaves out."""
    if el is None:
        return []
    el = _without_badge(el)
    if el.find(".//br") is not None:
        lines = _heading_lines(el)
        dated = [line for line in lines[1:] if is_date_line(line)]
        if dated and len(dated) < len(lines):
            return dated
    _, day = without_bracketed_day(clean_line(el.text_content()))
    return [day] if day else []


def without_bracketed_day(text: str) -> tuple[str, str]:
    """A heading's words without the day bracketed before or after them ("Tổng kết năm 2019
    (05/08/2019)", "[05/08/2019] Tổng kết năm 2019"), and that day ("" when there is none, or
    when the words left would be too few to be a title)."""
    for pattern in (_BRACKETED_AFTER, _BRACKETED_BEFORE):
        if (match := pattern.search(text)) is None:
            continue
        rest = (text[:match.start()] + text[match.end():]).split()
        if len(rest) >= 3:
            return " ".join(rest), match.group("day")
    return text, ""


def _heading_lines(el: lxml_html.HtmlElement) -> list[str]:
    clone = copy.deepcopy(el)
    clone.tail = None
    for br in clone.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return [line for line in (clean_line(part) for part in clone.text_content().split("\n")) if line]


# a day, with its time before or after it ("12/03/2024 | 08:30 AM", "08:30 - 12/03/2024 (GMT+7)")
_TIME = r"\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:AM|PM|SA|CH))?"
_DAY = r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}"
_DATE_ONLY = re.compile(r"[\s(\[|,\-–—]*(?:" + _TIME + r"[\s,|\-–—]*)?"
                        r"(?:" + _DAY + r"|\d{4}-\d{2}-\d{2})"
                        r"(?:[\s,|\-–—]*" + _TIME + r")?(?:\s*\(?GMT\s*[+-]\d{1,2}\)?)?[\s)\]|,\-–—]*",
                        re.I)


_BRACKETED_DAY = (r"[(\[]\s*(?P<day>(?:" + _TIME + r"\s*[,|\-–—]?\s*)?" + _DAY
                  + r"(?:\s*[,|\-–—]?\s*" + _TIME + r")?)\s*[)\]]")
_BRACKETED_AFTER = re.compile(r"\s*" + _BRACKETED_DAY + r"\s*$", re.I)
_BRACKETED_BEFORE = re.compile(r"^\s*" + _BRACKETED_DAY + r"\s*", re.I)


def find_title(
    root: lxml_html.HtmlElement, body: lxml_html.HtmlElement | None, parts: list[str]
) -> lxml_html.HtmlElement | None:
    """Best title element: a match before the body, a match inside it (before the
    prose starts), the last heading before the body, the first heading inside it (before the
    prose; the one with the day beside it, if another), a plain
    block just above the body, the first bold line that opens the body. One with no day beside
    it gives way to a later one that has it: it is the section's name above the post ("Tin hoạt
    động của các xã, thị trấn"), which the ``<title>`` may repeat, too long to read as a label;
    on Vietnamese pages so does a section's heading (classed so, or linking away) to a later
    headline, whatever day stands beside it (SharePoint's header row: the section, the day),
    and an undated heading outside the ``<article>`` that holds the text to a headline inside it."""
    seen = list(_candidates(root, body, parts))
    ranked = _ranked(seen)
    if not ranked:
        return None
    first = ranked[0]
    undated = not dated_line(first)
    # (a section's heading, on portals' layouts: SharePoint's prints the day beside it; and one
    # outside the <article> that holds the text, above a headline inside it)
    portal = is_vietnamese(heading_text(first))
    sectional = portal and _sectional(first)
    post = _article_of(body) if portal and undated else None
    if post is not None and any(a is post for a in first.iterancestors()):
        post = None
    if undated or sectional:
        line = set(_line_of(first).iter())  # (not the same line's inner elements)
        later = [c for c in seen[next(i for i, (*_, el) in enumerate(seen) if el is first) + 1:]
                 if c[2] not in line]
        later = [c for c in later if not _subtitle(c[2], first)]
        if any(not is_label(el) and ((undated and dated_line(el)) or (sectional and not _sectional(el))
                                     or (post is not None and is_titled(el) and _within(el, post)))
               for *_, el in later):
            return _ranked(later)[0]
    return first


def _subtitle(el: lxml_html.HtmlElement, head: lxml_html.HtmlElement) -> bool:
    """A smaller heading of fewer words right below the headline: its subtitle, not a later title."""
    return (el.tag in TITLE_HEADINGS and head.tag in TITLE_HEADINGS and el.tag > head.tag
            and el.getprevious() is head
            and len(heading_text(el).split()) < len(heading_text(head).split()))


def opening_block(root: lxml_html.HtmlElement,
                  body: lxml_html.HtmlElement | None) -> lxml_html.HtmlElement | None:
    """An unclassed template's headline: a plain block (a ``<div>``, no heading, no class) that
    opens the text with the day beside it. Asked where :func:`find_title` found none and the page
    declares no title of its own (its ``<title>`` names the portal): a first line is a guess the
    ``<title>`` outranks."""
    return next((el for kind, _, el in _candidates(root, body, [], plain=True) if kind == "plain"), None)


def _article_of(body: lxml_html.HtmlElement | None) -> lxml_html.HtmlElement | None:
    """The ``<article>`` that holds the text, if the page marks its post so."""
    if body is None:
        return None
    return next((el for el in (body, *body.iterancestors()) if el.tag == "article"), None)


def _within(el: lxml_html.HtmlElement, block: lxml_html.HtmlElement) -> bool:
    return any(a is block for a in el.iterancestors())


def _sectional(el: lxml_html.HtmlElement) -> bool:
    """Classed a section's heading (``cat``, ``title-cat``, ``portlet-title``: the line or what
    wraps it alone), or a link away (a page's links to itself are unlinked before): a section's
    name, or another post's."""
    link = el.find(".//a[@href]") if el.tag != "a" else el
    return any(SECTION_HINT.search(e.get("class", "") + e.get("id", "")) for e in _line(el)) \
        or (link is not None and clean_line(link.text_content()) == clean_line(el.text_content()))


def _candidates(root: lxml_html.HtmlElement, body: lxml_html.HtmlElement | None, parts: list[str],
                plain: bool = False) -> Iterator[tuple[str, str, lxml_html.HtmlElement]]:
    """The title's candidates in the page's order: (kind, where, element); ``plain``: the plain
    blocks opening the text with the day beside them too (:func:`opening_block`)."""
    in_body = prose = False
    near = _near_body(body)
    for el in root.iter():
        if el is body:
            in_body = True
        if not isinstance(el.tag, str) or el.tag in ("title", "head", "meta", "html", "body") \
                or (prose and not is_headline(el)):
            continue  # after the prose, only the page's headline (the body found was a sidebar's prose)
        text = clean_line(el.text_content())
        if in_body and el is not body and el.tag in PROSE_TAGS and _prose(el, text) and not _holds_lines(el):
            prose = True  # the prose started (a block of blocks, a head holding the title, is looked into)
            continue
        if not 8 <= len(text) <= MAX_TITLE:
            continue
        where = "inside" if in_body else "before"
        own = heading_text(el) if contains_date(text) else text
        if _names(own, parts):
            kind = "match"
        elif prose:
            continue
        elif LEAD_NAME.search(el.get("class", "") + el.get("id", "")) or _in_lead(el):
            continue  # a deck or lead in a heading of its own (<h2 class="sapo">), under the headline
        elif _credits(own):
            continue  # the date line's fields: "(09/01/2024 10:00) | Tác giả: Nguyễn Văn Hùng"
        elif el.tag in TITLE_HEADINGS or (_title_classed(el) and not _holds_lines(el)):  # a head: its lines
            if contains_date(own) and words_besides_dates(own) < TITLE_WORDS:
                continue  # a date line classed "title-date", not a title that names a day
            kind = "heading"
        elif where == "before" and el in near and _plain_block(el, own) and not own.endswith((".", ":")) \
                and words_besides_dates(without_counters(own)) >= TITLE_WORDS:  # no time and byline
            # a title in a plain span or cell, just above the body (table layouts); one that ends
            # as a sentence ends is the lead printed between the day and the text
            kind = "block"
        elif where == "inside" and el.tag in BOLD_TAGS and _opens(el, body, own):
            kind = "bold"  # an older portal's title: the bold first line of the content cell
        elif plain and where == "inside" and el is not body and _plain_block(el, own) \
                and _opens(el, body, own) and words_besides_dates(own) >= TITLE_WORDS and dated_line(el):
            kind = "plain"  # a plain block atop the text with the day beside it: taken where nothing else is
        else:
            continue
        yield kind, where, el


def _ranked(candidates: list[tuple[str, str, lxml_html.HtmlElement]]) -> list[lxml_html.HtmlElement]:
    """The best candidate of each kind and place (before the body: the last; inside: the first,
    or one that outranks it), in ``TITLE_ORDER``."""
    found: dict[str, lxml_html.HtmlElement] = {}
    for kind, where, el in candidates:
        if where == "before" and (last := found.get(f"{kind} before")) is not None and _subtitle(el, last):
            continue  # the last heading before the body, but its headline's subtitle
        if where == "before" or f"{kind} inside" not in found or _outranks(el, found[f"{kind} inside"]):
            found[f"{kind} {where}"] = el
    ranked = [found[key] for key in TITLE_ORDER if key in found]
    if ranked and is_label(ranked[0]) and any(found.get(k) is not None and not is_label(found[k])
                                              for k in ("heading before", "heading inside", "bold inside",
                                                        "block before")):
        # a section's or site's name above the article ("Tin tức - Sự kiện", "UBND HUYỆN AN PHÚ"),
        # even one the <title> repeats ("Thông báo - Cổng TTĐT ..."), gives way to a headline, or
        # to a bold line opening the text or a plain block just above it (a bold cell, a centred
        # line: older portals' titles)
        ranked.sort(key=is_label)
    return ranked


def dated_line(el: lxml_html.HtmlElement) -> bool:
    """A day stands right before or after the line ``el`` is, or on a line of its own inside it."""
    # (a date line: a notice's whole block, its title and day, is short and names a day too)
    return _dated(line := _line_of(el), 1, is_date_line) or bool(heading_dates(line))


def _line_of(el: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """The block that is ``el``'s line: ``el`` itself, or the block it fills with its words
    (``<p><b>…</b></p>``; Joomla's title row, the print and e-mail buttons beside it)."""
    return _line(el)[-1]


def _line(el: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """``el`` and the elements around it that hold its words and nothing else, inmost first."""
    text, line = clean_line(el.text_content()), [el]
    while (parent := line[-1].getparent()) is not None and parent.tag not in ("body", "html") \
            and clean_line(parent.text_content()) == text:
        line.append(parent)
    return line


def _prose(el: lxml_html.HtmlElement, text: str) -> bool:
    """A block of the text, which ends the search for a title inside the body: a line longer
    than a date line, unless it reads as a headline (classed a title, or bold throughout, with
    no full stop): official titles run past 150 characters ("…, triển khai nhiệm vụ … giai đoạn
    2021 - 2025")."""
    if len(text) <= MAX_LINE:
        return False
    if len(text) > MAX_TITLE or text.endswith((".", "!", "?", ":")):
        return True
    bold = clean_line(" ".join(b.text_content() for b in el.iter(*BOLD_TAGS) if b.getparent() is not None
                               and b.getparent().tag not in BOLD_TAGS))
    return not (_title_classed(el) or bold == text)


MAX_TITLE = 300  # characters: no title is longer


def is_titled(el: lxml_html.HtmlElement) -> bool:
    """A heading of its own, or an element classed a title (not a section's)."""
    return is_headline(el) or _title_classed(el)


def _title_classed(el: lxml_html.HtmlElement) -> bool:
    hints = el.get("class", "") + el.get("id", "")
    return bool(TITLE_HINT.search(hints)) and not SECTION_HINT.search(hints)


def is_headline(el: lxml_html.HtmlElement) -> bool:
    """A heading of its own (h1-h4), not an item of a list (the sidebar's latest posts list this one)."""
    return el.tag in TITLE_HEADINGS and not any(a.tag in ("li", "a") for a in el.iterancestors())


def _holds_lines(el: lxml_html.HtmlElement) -> bool:
    """A block of blocks (a head holding the title, its day and the lead)."""
    return any(isinstance(c.tag, str) and c.tag in LINE_BLOCKS for c in el)


def _credits(text: str) -> bool:
    """A line of the post's fields with a credit among them (the author's, the source's)."""
    return any(is_credit(piece.strip()) for piece in TITLE_SPLIT.split(text) if piece.strip())


def _outranks(heading: lxml_html.HtmlElement, first: lxml_html.HtmlElement) -> bool:
    """Of the headings that open the body before its prose, the one with the day beside it
    wins over the first, and a headline over a section's name: a section's name printed above
    the article's heading gives way to it (whatever holds that heading: a titled table cell),
    while a numbered part's heading after the title and its day does not, nor the title's subtitle."""
    return ((_dated(heading, 1) and not _dated(first, 1) and not _subtitle(heading, first))
            or (is_label(first) and not is_label(heading)))


TITLE_ORDER = ("match before", "match inside", "heading before", "heading inside", "bold inside",
               "block before")
def is_label(el: lxml_html.HtmlElement) -> bool:
    """A section's or site's name: a heading of few words, or one that names a portal or its
    authority ("Cổng thông tin điện tử huyện X" in the logo's h1)."""
    return is_label_text(heading_text(el))


def is_label_text(text: str) -> bool:
    """:func:`is_label` for a line of text (a ``<title>`` less the portal's name)."""
    return len(bare(fold(text)).split()) < LABEL_WORDS or names_a_site(text)


BOLD_TAGS = frozenset({"b", "strong"})
TITLE_WORDS = 4  # words a heading keeps besides its dates to be a title


def _in_lead(el: lxml_html.HtmlElement, levels: int = 2) -> bool:
    """Inside a block named a lead (``<div class="sapo"><b>…</b></div>``): a bold deck, no title."""
    for parent in islice(el.iterancestors(), levels):
        if LEAD_NAME.search(parent.get("class", "") + parent.get("id", "")):
            return True
    return False


def _opens(el: lxml_html.HtmlElement, body: lxml_html.HtmlElement, text: str) -> bool:
    """``el`` is the body's first line, a whole line in bold: no text of the body before it, none
    beside it in its block, no link, no date, long enough to be a headline."""
    if not 20 <= len(text) <= 200 or text.endswith((".", ":")) or el.find(".//a") is not None \
            or contains_date(text):
        return False  # a bold lead (a sentence) or a label, not a headline
    block = el.getparent()
    if block is not None and block is not body and clean_line(block.text_content()) != text \
            and heading_text(block) != text:  # its date on a line of its own is no more words
        return False  # bold words inside a sentence
    before: list[str] = []
    told, around = 0, set(el.iterancestors())
    for node in body.iter():
        if node is el or (node is block and block is not body):
            break
        texts = []
        if isinstance(node.tag, str) and not _in_heading(node, body) and not _COUNT.match(node.text or ""):
            texts.append(node.text or "")  # (a section's heading above the post, however long its
            # name, and a counter beside the day, "1.245", are no text)
        if node is not body and node not in around and not _COUNT.match(node.tail or ""):
            texts.append(node.tail or "")  # the lines between <br/>s before it: the text's own
        before += texts
        told += sum(map(len, texts))
        if told > 2 * MAX_LINE:
            return False  # prose before it, not a section's name and a day: read no further
    # the post's date line may stand above its title, and the section's name ("Tin hoạt động"),
    # or both: the section's name, then the day ("Thời sự", "Thứ bảy, 1/5/2021, 07:56")
    pieces = [line for text in before if (line := clean_line(text))]
    return any((not k or _names_a_section(" ".join(pieces[:k])))
               and (k == len(pieces) or is_date_line(" ".join(pieces[k:]))) for k in range(len(pieces) + 1))


_COUNT = re.compile(r"^\s*\d[\d.,]*\s*$")


def _in_heading(node: lxml_html.HtmlElement, body: lxml_html.HtmlElement) -> bool:
    for el in (node, *node.iterancestors()):
        if el is body:
            return False
        if el.tag in TITLE_HEADINGS or SECTION_HINT.search(el.get("class", "") + el.get("id", "")):
            return True
    return False


def _names_a_section(text: str) -> bool:
    """A line of few words besides its days, or a portal's name: a section's or a site's name."""
    return len(bare(fold(without_dates(text))).split()) < LABEL_WORDS or names_a_site(text)


def _near_body(body: lxml_html.HtmlElement | None, levels: int = 3) -> set:
    """Elements of the region around the body, less the body's own ancestors: ``levels`` up,
    a wrapper that holds nothing else not counted (a content cell in a table in a div is as near
    the title above that div as a content div is)."""
    if body is None:
        return set()
    region = body
    while levels and (parent := region.getparent()) is not None:
        levels -= sum(1 for child in parent if isinstance(child.tag, str)) > 1
        region = parent
    return set(region.iter()) - {body, *body.iterancestors()} - set(body.iter())


def _plain_block(el: lxml_html.HtmlElement, text: str) -> bool:
    """A plain span or cell: no link in it or around it (a sidebar's headline is a link in a
    list, and was taken for the title beside a content cell), no date, no paragraphs."""
    return (len(text) >= 20 and el.tag not in ("a", "li") and el.find(".//a") is None
            and not contains_date(text) and not any(a.tag in ("a", "li") for a in el.iterancestors())
            and not any(isinstance(c.tag, str) and c.tag in PROSE_TAGS for c in el)
            # a meta row's pieces run together ("18/07/2024" and a count "1.245"): a date all the same
            and not dated_piece(el))
