"""Find the article's body and visible date line in a cleaned tree (the title: ``titles``).

- Body: the element that collects the most paragraph text (readability-style
  scoring; link text does not count).
- Date line: short blocks holding a date inside the smallest element that
  holds both title and body, nearest the title first; never inside the body
  (event and decree dates live there), never inside a link (related lists).
  Where the title stands inside the body (a table layout's content cell), the
  blocks just above the body: the day beside the category in the row above.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

from lxml import etree
from lxml import html as lxml_html
from lxml.html import HtmlElement

from common.dates import contains_date, without_dates
from common.textnorm import clean_line, fold
from common.urls import is_document
from crawler.extraction.bodytext import BRACKETED_LINE, is_credit
from crawler.extraction.boilerplate import NOISE_LINE, is_noise_line

HEADING_TAGS = frozenset({"h1", "h2", "h3"})
PARAGRAPH_TAGS = ("p", "pre", "blockquote", "li", "dd", "h4", "h5", "h6")
CONTAINER_TAGS = ("div", "td", "section", "article", "main", "font", "span", "center", "form")
DATE_LABEL = re.compile(r"^(ngay dang|dang ngay|dang luc|dang tai|tin dang|ngay cap nhat|cap nhat"
                        r"|ngay xuat ban|xuat ban|thoi gian|ngay|posted|published|updated)\b")
MAX_LINE = 150
PROSE_TAGS = frozenset({"p", "div", "td", "blockquote", "li"})
MAX_SCAN = 5000  # elements scanned for a date line; bounds pathological pages


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
        if ancestor.tag in ("body", "html"):
            break
        links = [clean_line(a.text_content()) for a in ancestor.iter("a") if _is_link(a)]
        headings = sum(1 for h in ancestor.iter(*HEADING_TAGS) if h not in around)
        if len(links) > 2 or headings or any(len(text) >= HEADLINE_LINK for text in links):
            break  # the navigation, or a list of other posts' headlines (a listing)
        block = ancestor
    if block is None or clean_line(block.text_content()) == clean_line(title.text_content()):
        return None
    return block


def right_after(el: lxml_html.HtmlElement, block: lxml_html.HtmlElement) -> bool:
    """``el`` is, or stands inside, the element right after ``block``: a one-paragraph post's
    text in the content block after its head block (title, day, lead)."""
    after = next((sib for sib in block.itersiblings() if isinstance(sib.tag, str)), None)
    return after is not None and (el is after or any(a is after for a in el.iterancestors()))


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
    next_to_body = False
    for position, el in enumerate(region.iter()):
        if position > MAX_SCAN:
            break
        if el in skipped:
            continue
        if el is anchor:
            anchor_pos = position
        if el is body and el not in holds:
            after_body = 1
            next_to_body = True  # the first line after the body may be its date, alone
            skipped.update(el.iter())
            continue
        if el in holds or not isinstance(el.tag, str) or el.tag == "a":
            continue
        text = clean_line(el.text_content())
        if next_to_body and text and _furniture(el, text) and not _counted_date(el, text):
            # between the text and its date; a counter's line that holds the day is the date line
            skipped.update(el.iter())
            continue
        first_after, next_to_body = next_to_body and bool(text), next_to_body and not text
        if len(text) > MAX_LINE:
            # prose has started: the body begins here when the title is inside it
            if anchor_pos >= 0 and el.tag in PROSE_TAGS:
                after_body = 1
            continue
        text = badge_read(el, text)
        if not contains_date(text) or el.find(".//a") is not None:
            continue
        skipped.update(el.iter())
        if (rows := _dated_rows(el)) is not None:
            skipped.update(rows.iter())  # a timetable's days, or a list's: no row dates the page
            continue
        if is_sentence(text):
            # prose that names a day ("tiếp công dân vào ngày 15/8/2019 tại trụ sở."): an event's,
            # and a short notice's one sentence, which must stay in its text
            if anchor_pos >= 0 and el.tag in PROSE_TAGS:
                after_body = 1
            continue
        if after_body == 1:
            lone = first_after and _lone_date(el, text)
            if lone or DATE_LABEL.match(fold(text)) or _named_date(el, text):
                after.append((position, text))
        else:
            before.append((position, text))
    before.sort(key=lambda item: abs(item[0] - max(anchor_pos, 0)))
    found = sorted((_from_posted(text) for _, text in before + after), key=_label_rank)
    if not found and body is not None and (title is None or body in (title, *title.iterancestors())):
        found = _header_row_dates(body)
    return found or _posted_in_body(body) or _opening_date(body, title) or _closing_date(body)


BADGE_CHARS = 80  # a date printed in pieces is short, with its credits beside it or not


def badge_read(el: lxml_html.HtmlElement, text: str) -> str:
    """``text``, the element's, read again spaced when it is short, holds no date, and none of its
    pieces does alone: a date printed as a badge of pieces."""
    if len(el) and len(text) <= BADGE_CHARS and _DIGIT.search(text) and not contains_date(text) \
            and _few_pieces(el) and not dated_piece(el):
        return _spaced(el)
    return text


_DIGIT = re.compile(r"\d")  # a badge's day: most short lines (menus, tools) are passed over here
BADGE_PIECES = 24  # elements in a badge at most: a short line over thousands of empty ones is none


def _few_pieces(el: lxml_html.HtmlElement) -> bool:
    return sum(1 for _ in islice(el.iterdescendants(), BADGE_PIECES + 1)) <= BADGE_PIECES


# a calendar's leaf: the day big, the month and year under it ("07" over "Tháng 08/2019")
_LEAF = re.compile(r"^(\d{1,2}) (?:th[aá]ng\s*)?(\d{1,2}[/.\-]\d{4})(?![\d/])", re.I)


def dated_piece(el: lxml_html.HtmlElement) -> bool:
    """Whether a piece of the element holds a date without the rest of it (a meta row's date
    beside its view count): the line is that piece's, read next. A wrapper of the whole is none."""
    if not _few_pieces(el):
        return False
    whole = _spaced(el)
    for piece in el.iterdescendants():
        line = _spaced(piece) if len(piece) else clean_line(piece.text_content())
        if line != whole and contains_date(line):
            return True
    return False


def spaced_line(el: lxml_html.HtmlElement) -> str:
    """A short element's text read with a space where its pieces meet (:func:`_spaced`): a
    badge's day ("12", "Tháng 7", "2024") and a counter beside a day ("15/12/2024", "1.245");
    the element's plain text when it has too many pieces to be a line."""
    return _spaced(el) if _few_pieces(el) else clean_line(el.text_content())


def _spaced(el: lxml_html.HtmlElement) -> str:
    """The element's text with a space where two pieces of it meet letter to letter: a date
    printed as a badge (``<span>07</span><span>Tháng 8</span><span>2019</span>``) reads
    "07 Tháng 8 2019"; pieces a separator joins ("<b>07</b>/<b>08</b>/2019") stay as printed."""
    out: list[str] = []
    for piece in el.itertext():
        if out and out[-1][-1:].isalnum() and piece[:1].isalnum():
            out.append(" ")
        out.append(piece)
    return _LEAF.sub(r"\1/\2", clean_line("".join(out)), count=1)


# the day a line says the post was published, wherever it stands in the line; and the day of its
# last change, which gives way to it
POSTED_WORDS = re.compile(r"(ngày\s+đăng|đăng\s+ngày|ngày\s+xuất\s+bản|xuất\s+bản\s+ngày|thời\s+gian\s+đăng"
                          r"|published|posted)", re.I)
UPDATED_WORDS = re.compile(r"^\W*(cập\s+nhật|sửa\s+đổi|chỉnh\s+sửa|updated?|modified|last\s+modified)", re.I)


def _from_posted(line: str) -> str:
    """"Cập nhật: 15/03/2024 - Ngày đăng: 12/03/2024": the line from its posted label on."""
    found = POSTED_WORDS.search(line)
    rest = line[found.start():] if found and found.start() > 0 else ""
    return rest if contains_date(rest) else line


def _label_rank(line: str) -> int:
    """Posted lines first, then the unlabelled, the last change's day last (stable otherwise)."""
    return 0 if POSTED_WORDS.search(line) else 2 if UPDATED_WORDS.match(line) else 1


DATE_CLASS = re.compile(r"(?:^|[\s_-])(?:ngay|ngay-?dang|ngaydang|date|time|posted|published|pubdate"
                        r"|thoi-?gian|created)(?:[\s_-]|$)", re.I)


def _named_date(el: lxml_html.HtmlElement, text: str) -> bool:
    """After the body, an element named a date by its class or id ("ngay", "date") that holds a
    day and nothing else, and stands in no list and beside no link (a related headline's day)."""
    if not DATE_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}") or words_besides_dates(text):
        return False
    parent = el.getparent()
    return not _in_list(el) and (parent is None or parent.find(".//a") is None)


DATED_ROWS = 3  # rows of one table or list, each with a day: a timetable's or a list's, not a date line


def _dated_rows(el: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The table or list ``el`` is a row of (or in a row of), where :data:`DATED_ROWS` rows or
    more each hold a day ("Thứ 2, 11/03/2024 | Sáng: ..."): the first row's day came first after
    a timetable's title, and was taken for the page's."""
    row = next((a for a in (el, *el.iterancestors()) if a.tag in ("tr", "li")), None)
    if row is None or (rows := row.getparent()) is None:
        return None
    # the rows around it only: a table of ten thousand rows is read no further
    near = [*islice(row.itersiblings(preceding=True), DATED_ROWS), row,
            *islice(row.itersiblings(), DATED_ROWS)]
    dated = sum(1 for r in near if r.tag == row.tag and contains_date(r.text_content()))
    return rows if dated >= DATED_ROWS else None


def _furniture(el: lxml_html.HtmlElement, text: str) -> bool:
    """What portals put between a post's text and its date below it: credit lines, the tools, a
    rating widget, a list of other posts (its links are most of its text)."""
    if _credits(el, text) or is_noise_line(text[:MAX_LINE]):
        return True
    linked = sum(len(clean_line(a.text_content())) for a in el.iter("a"))
    return linked >= LINKED_SHARE * len(text)


LINKED_SHARE = 0.5  # a block whose links are this share of its text: the tools' row, other posts' list


def _credits(el: lxml_html.HtmlElement, text: str) -> bool:
    """A labelled credit line ("Tác giả bài viết: …", "Nguồn tin: …"), or a block of them only:
    what some platforms print between the text and its date."""
    if is_credit(text):
        return True
    lines = [clean_line(child.text_content()) for child in el]
    return not clean_line(el.text or "") and len(lines) > 1 and all(map(is_credit, lines))


def _in_list(el: lxml_html.HtmlElement) -> bool:
    """In a list's item, or in a row of a table of dated rows (a timetable, :func:`_dated_rows`)."""
    return any(a.tag == "li" for a in el.iterancestors()) or _dated_rows(el) is not None


def _counted_date(el: lxml_html.HtmlElement, text: str) -> bool:
    """A day beside the counters or the tools ("Lượt xem: 1.245 | 28/06/2024"): a date line."""
    return len(text) <= MAX_LINE and contains_date(text) and _lone_date(el, text)


def _lone_date(el: lxml_html.HtmlElement, text: str) -> bool:
    """The line right after the body that is a day and nothing else ("07/08/2019 15:43", "Thứ
    Tư, 7/8/2019"), in no list: the post's date printed below its text. A related headline's day
    stands beside its link, in a list, further down."""
    return not words_besides_dates(without_counters(text)) and not _in_list(el)


def without_counters(line: str) -> str:
    """The line without the counters and credits beside its date ("26/08/2024 | Lượt xem: 1.245",
    "16/09/2024 | Tác giả: Minh Tâm"), and without a credit or a source before a dash ("Đăng bởi:
    Quản trị viên - 07/08/2019", "(Cổng TTĐT) - 07/08/2019"; a dash between a day and its time
    stays)."""
    line = _CREDIT_DASH.sub(lambda m: "" if is_credit(m[1]) or BRACKETED_LINE.match(m[1]) else m[0], line)
    parts = re.split(r"\s[|•·]\s", line)
    return " ".join(part for part in parts if not is_noise_line(part) and not is_credit(part)
                    ) if len(parts) > 1 else line


_CREDIT_DASH = re.compile(r"^(\D{3,80}?)\s[-–]\s")  # what stands before the first dash, with no digit


SENTENCE_WORDS = 6  # words besides the dates: a line that ends as a sentence is prose, no date line
# what a date line holds besides its words: days, times, "ngày", a weekday, punctuation
_DATE_TOKENS = re.compile(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}|\d{1,2}\s+\d{1,2}\s+\d{4}\b"
                          r"|\b(?:ng[aà]y\s+\d{1,2}\s+)?th[aá]ng\s+\d{1,2}\s+n[aă]m\s+\d{4}"
                          r"|\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:am|pm|sa|ch)\b)?"
                          r"|\bng[aà]y\b|\bth[uứ]\s*(?:hai|ba|t[uư]|n[aă]m|s[aá]u|b[aả]y|\d)\b"
                          r"|\bch[uủ] nh[aậ]t\b|\W+", re.I)


def words_besides_dates(text: str) -> int:
    """How many words ``text`` says besides its days (every form the parser reads), times,
    weekdays and "ngày"."""
    return len(_DATE_TOKENS.sub(" ", without_dates(text)).split())


def is_sentence(text: str) -> bool:
    """Prose that names a day, not a date line: it ends as a sentence ends and says more than
    a label and a day ("Chủ tịch UBND huyện tiếp công dân vào ngày 15/8/2019 tại trụ sở.")."""
    return text.rstrip().endswith((".", "!", "?", "…")) and words_besides_dates(text) >= SENTENCE_WORDS


# a line that says when the post was published, whatever stands around it
POSTED_LABEL = re.compile(r"^\W*(?:(?:ngay dang|dang ngay|ngay dang tin|ngay xuat ban|xuat ban ngay"
                          r"|thoi gian dang|dang luc|dang tai|ngay dua tin|ngay cap nhat|cap nhat luc"
                          r"|posted|published)\b"
                          # words that may open a sentence too: a label only with its colon
                          r"|(?:xuat ban|tin dang|cap nhat)\s*:)")


def _posted_in_body(body: lxml_html.HtmlElement | None) -> list[str]:
    """A short line inside the body labelled as the day it was posted ("Ngày đăng: 05/08/2019",
    often its last line): the body's other dates are events and decrees, never taken."""
    if body is None:
        return []
    lines = []
    for n, el in enumerate(body.iter()):
        if n > MAX_SCAN:
            break
        if not isinstance(el.tag, str) or el.tag == "a" or len(el) > 3:
            continue
        text = clean_line(el.text_content())
        if len(text) <= 100 and POSTED_LABEL.match(fold(text)) and contains_date(text):
            lines.append(text)
    return lines[:1]


CLOSING_LINES = 6  # the body's last lines read for its date: the date, and the tools below it
_LAST_WITH_TEXT = etree.XPath(f"(.//*[normalize-space(text())])[position() > last() - {CLOSING_LINES}]")


LABEL_WORDS = 4  # words of a date's label ("Ngày cập nhật lúc"): more are a sentence that names a day
OPENING_LINES = 3  # the body's first lines read for its date: the tools above it, then the date
_FIRST_WITH_TEXT = etree.XPath(f"(.//*[normalize-space(text())])[position() <= {OPENING_LINES}]")
_AFTER = etree.XPath(f"following::*[normalize-space(text())][position() <= {OPENING_LINES}]")


def _opening_date(body: lxml_html.HtmlElement | None, title: lxml_html.HtmlElement | None) -> list[str]:
    """The body's first line when it is a day alone ("05/08/2019", "Thứ Hai, 05/08/2019 08:30") or
    a day after its label ("Cập nhật lúc: 09:15 04/03/2024"):
    the post's date printed as the first line of its text block, above the paragraphs (after
    the title, when the block holds it)."""
    if body is None:
        return []
    holds_title = title is not None and any(a is body for a in title.iterancestors())
    for first in _AFTER(title) if holds_title else _FIRST_WITH_TEXT(body):
        ancestors = list(first.iterancestors())
        if first.tag == "a" or any(a.tag == "a" for a in ancestors) or not any(a is body for a in ancestors):
            return []
        line = badge_read(first, clean_line(first.text_content()))  # a line broken by <br/>s is one
        line = line if is_date_line(line) else _line_around(first, body, first_line(first))
        if not is_date_line(line) and (is_noise_line(line) or _links_only(first)):
            continue  # the tools above the text (their line may hold the day: "Lượt xem: 12 | 05/08/2019")
        posted = is_date_line(line) and not _in_list(first) and not _EVENT_TIME.match(fold(line))
        return [line] if posted else []
    return []


# "Thời gian: 08h00 ngày 15/12/2024" atop an invitation's text is the event's time, not the post's
_EVENT_TIME = re.compile(r"^\W*thoi gian\s*:")


def first_line(el: lxml_html.HtmlElement) -> str:
    """The element's text up to its first ``<br/>`` ("05/08/2019<br/>Ủy ban nhân dân huyện …":
    the date an editor typed atop the text, in its first paragraph)."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == "br":
            break
        parts += [child.text_content() if isinstance(child.tag, str) else "", child.tail or ""]
    return clean_line("".join(parts))


def is_date_line(line: str) -> bool:
    """A day and nothing else ("Thứ Hai, 05/08/2019 08:30", "05/08/2019 | Lượt xem: 12", "16/09/2024
    | Tác giả: Minh Tâm"), or a day after its label ("Cập nhật lúc: 09:15 04/03/2024"): a date
    line, not a sentence that names a day."""
    if len(line) > MAX_LINE or not contains_date(line):
        return False
    bare = without_counters(line)
    words = words_besides_dates(bare)
    return not words or (bool(DATE_LABEL.match(fold(bare))) and words <= LABEL_WORDS)


def _closing_date(body: lxml_html.HtmlElement | None) -> list[str]:
    """The body's last line when it is a day alone ("08/11/2024"): the post's date printed below
    its text, inside the located block (a short post's block holds its title, text and date).
    The tools and widgets a portal puts below the text are passed over ("In bài | Gửi email",
    "Đánh giá bài viết")."""
    found = _LAST_WITH_TEXT(body) if body is not None else []  # libxml2 finds them, on any body's size
    for last in reversed(found):
        if last.tag == "a" or any(a.tag == "a" for a in last.iterancestors()):
            return []  # a link's text: a related headline, a pager
        line = clean_line(last.text_content())
        if not any(c.isalnum() for c in line):
            continue  # an ornament (a rating's stars "★★★★☆")
        line = _line_around(last, body, line)
        if len(line) <= MAX_LINE and contains_date(line) and _lone_date(last, line):
            return [line]  # the tools' line may hold it ("Lượt xem: 125 | 07/08/2019")
        if is_noise_line(line) or _links_only(last):
            continue  # a widget, the tools
        return []
    return []


_INLINE = frozenset({"time", "span", "i", "em", "b", "strong", "font", "small"})


def _line_around(el: lxml_html.HtmlElement, body: lxml_html.HtmlElement, line: str) -> str:
    """The whole line an inline day stands in, when that line is a date line ("<time>06/08/2024
    </time> | Tác giả: Minh Tâm"): its credits go with it, for the author."""
    parent = el.getparent()
    if el.tag not in _INLINE or parent is None or parent is body:
        return line
    whole = badge_read(parent, clean_line(parent.text_content()))
    return whole if whole != line and is_date_line(whole) else line


def _links_only(el: lxml_html.HtmlElement) -> bool:
    """A row of links and separators ("In bài | Gửi email | Về đầu trang")."""
    if el.find(".//a") is None:
        return False
    outside = (el.text or "") + "".join(child.tail or "" for child in el)
    return not any(c.isalnum() for c in outside)


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
