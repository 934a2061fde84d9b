"""Find the article's visible date lines in a cleaned tree, best first.

Short blocks holding a date inside the smallest element that holds both title and body,
nearest the title first; never inside the body (event and decree dates live there), never
inside a link (related lists). Where the title stands inside the body (a table layout's
content cell), the blocks just above the body: the day beside the category in the row above.
Failing those, the body's own edges: a "Ngày đăng" line in it, its first or last line when a
day alone, the header row above it. How one line reads as a date line is ``dateread``'s.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml import etree
from lxml import html as lxml_html

from common.dates import contains_date
from common.textnorm import clean_line, fold
from crawler.extraction.boilerplate import NOISE_LINE, is_noise_line
from crawler.extraction.credits import is_credit, is_signature, source_line
from crawler.extraction.dateread import (
    DATE_LABEL,
    MAX_LINE,
    badge_read,
    first_line,
    is_clock,
    is_date_line,
    is_sentence,
    without_counters,
    words_besides_dates,
)
from crawler.extraction.locate import PROSE_TAGS

MAX_SCAN = 5000  # elements scanned for a date line; bounds pathological pages


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
        if not contains_date(text) or el.find(".//a") is not None or is_clock(text):
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
    if found and all(_label_rank(line) == 2 for line in found):
        # only a last change's day ("Cập nhật lúc 10:15 02/12/2024") near the title: the day the
        # editor typed below the text is the post's, and gives way to nothing but a posted day
        return _closing_date(body) + found
    return (found or _posted_in_body(body) or _opening_date(body, title)
            or (_header_row_dates(region) if region is not body else []) or _closing_date(body))


# the day a line says the post was published, wherever it stands in the line; and the day of its
# last change, which gives way to it
POSTED_WORDS = re.compile(r"(ngày\s+đăng|đăng\s+ngày|ngày\s+xuất\s+bản|xuất\s+bản\s+ngày|thời\s+gian\s+đăng"
                          r"|published|posted)", re.I)
UPDATED_WORDS = re.compile(r"^\W*(cập\s+nhật|sửa\s+đổi|chỉnh\s+sửa|updated?|modified|last\s+modified)", re.I)


def _from_posted(line: str) -> str:
    """"Cập nhật: 15/03/2024 - Ngày đăng: 12/03/2024": the line from its posted label on; and a
    line of a day and its last change's ("07/08/2019 | Cập nhật: 30/12/2020", either first),
    without the change's."""
    found = POSTED_WORDS.search(line)
    rest = line[found.start():] if found and found.start() > 0 else ""
    if contains_date(rest):
        return rest
    parts = _FIELDS.split(line)
    if len(parts) > 1 and any(UPDATED_WORDS.match(part) for part in parts):
        kept = " | ".join(part for part in parts if not UPDATED_WORDS.match(part))
        if contains_date(kept):
            return kept
    return line


_FIELDS = re.compile(r"\s+[|•·–-]\s+")  # the fields of a date line ("07/08/2019 | Cập nhật: ...")


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


# a line that says when the post was published, whatever stands around it
POSTED_LABEL = re.compile(r"^\W*(?:(?:ngay dang|dang ngay|ngay dang tin|ngay xuat ban|xuat ban ngay"
                          r"|thoi gian dang|dang luc|dang tai|ngay dua tin|ngay cap nhat|cap nhat luc"
                          # the day a post was made, as NukeViet's and Joomla's pages name it
                          r"|ngay tao|tao (?:ngay|luc)|duoc (?:dang|them vao)|cap nhat ngay"
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


def _closing_date(body: lxml_html.HtmlElement | None) -> list[str]:
    """The body's last line when it is a day alone ("08/11/2024"): the post's date printed below
    its text, inside the located block (a short post's block holds its title, text and date).
    The tools and widgets a portal puts below the text are passed over ("In bài | Gửi email",
    "Đánh giá bài viết")."""
    found = _LAST_WITH_TEXT(body) if body is not None else []  # libxml2 finds them, on any body's size
    signed = False
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
        if not signed and (is_signature(line) or is_credit(line) or source_line(line)):
            signed = True  # the text's signature or source under its day ("05/08/2024", then "N.H")
            continue
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
    of links (a sidebar's headlines with their days). ``body`` may also be the block holding
    the title and the text, where the category's row is a table of its own above it (LacViet's
    SharePoint news part: ``div.container_top_mid2`` before ``div#part1``)."""
    region = body
    for _ in range(levels):
        parent = region.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        region = parent
    if region is body:
        return []
    dated = []
    holds = {body, *body.iterancestors()}  # the blocks that hold the post: no list of links
    for position, el in enumerate(region.iter()):
        if position > MAX_SCAN or el is body:
            break
        if not isinstance(el.tag, str) or el.tag == "a" \
                or next(islice(el.iter(), SMALL, None), None) is not None:
            continue  # a block of many elements holds no day alone (its text is not read: a bound)
        text = clean_line(el.text_content())
        if len(text) > 80:
            continue
        text = badge_read(el, text)  # a badge of pieces ("25", "Tháng 7", "2024") read as a day
        if not contains_date(text) \
                or any(isinstance(c.tag, str) and contains_date(c.text_content()) for c in el):
            continue  # the smallest element that holds the day: the cell or span, or the badge
        if not NOISE_LINE.match(fold(without_counters(text))) and not is_clock(text) \
                and not _among_links(el, holds):  # "Hôm nay: 05/12/2026"
            dated.append(_inline_line(el, text))
    return dated[::-1]


SMALL = 12  # elements in a block that may hold a day alone: a cell, a line, a badge of pieces
INLINE = frozenset({"span", "font", "b", "strong", "i", "em", "small", "time", "label"})


def _inline_line(el: lxml_html.HtmlElement, text: str) -> str:
    """The line a day stands in: its inline wrappers' text ("<span><time>15/03/2024</time> |
    Tác giả: Minh Tâm</span>"), the author beside the day included."""
    line = el
    while (parent := line.getparent()) is not None and parent.tag in INLINE:
        line = parent
    wider = clean_line(line.text_content()) if line is not el else text
    return wider if len(wider) <= MAX_LINE else text


def _among_links(el: lxml_html.HtmlElement, holds: set) -> bool:
    """In a list of links, or beside another post's headline (a featured post's box above the
    text: one link, of a headline's length; the section's name beside the day is short). The
    blocks that hold the post too (``holds``) are no list: their links are the breadcrumb's."""
    for ancestor in el.iterancestors():
        if ancestor in holds:
            return False
        links = ancestor.findall(".//a")
        if len(links) >= 2 or ancestor.tag == "li" \
                or any(len(clean_line(a.text_content())) >= HEADLINE_CHARS for a in links):
            return True
    return False


HEADLINE_CHARS = 30  # a link this long names another post


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
