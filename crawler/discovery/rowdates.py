"""The date a listing prints beside a link: the linked page's day, for pages that print none.

Older portals often show an article's day only in their lists (``<li><a>Title</a> (05/08/2019)
</li>``, a table row's date cell, a block row's meta line), not on the article's own page. A
row is the link's nearest ``li``, ``tr`` or small block that links nowhere else; its date is
the one short text outside the link that holds a date. A row with two such texts, a date
only inside the link's own words ("Lịch tiếp công dân ngày 05/08/2019") or a block of a
page's length gives nothing: no date is better than a wrong one. The crawl keeps the date as
the page's last candidate (``listing``), after every date the page itself shows.
"""

from __future__ import annotations

import re

from common.dates import contains_date
from common.textnorm import clean_line

ROW_CHARS = 600  # a row's text at most: more is a section of the page, not a row
DATE_CHARS = 80  # a date's own text at most ("12/03/2024 | Lượt xem: 5"), not a teaser's lead
LABEL_WORDS = 6  # words beside the date in its text ("Ngày đăng", "Lượt xem"); more are a sentence
LEVELS = 4  # elements climbed from the link to its row
_WORD = re.compile(r"[^\W\d_]{2,}")
_ROWS = ("li", "tr", "dd", "article")
_BOUNDS = ("ul", "ol", "table", "tbody", "dl", "body", "html")


def row_date(anchor) -> str | None:
    """The date text printed beside ``anchor`` in its listing row, or None."""
    if (anchor.tail or "").strip()[:1].islower():
        return None  # a link inside a sentence ("ban hành <a>kế hoạch</a> về việc ..."): prose
    href = anchor.get("href")
    node = anchor
    for _ in range(LEVELS):
        node = node.getparent()
        if node is None or not isinstance(node.tag, str) or node.tag in _BOUNDS:
            return None
        if any(a.get("href") != href for a in node.iter("a")) or len(node.text_content()) > ROW_CHARS:
            return None  # a row of several links (whose date?) or a section of the page
        dates = _dates_outside(node)
        if len(dates) == 1:
            return dates[0]
        if dates or node.tag in _ROWS:
            return None
    return None


def _dates_outside(row) -> list[str]:
    found = []
    for text in row.xpath(".//text()"):
        line = clean_line(str(text))
        if line and len(line) <= DATE_CHARS and line not in found and not _in_link(text) \
                and len(_WORD.findall(line)) <= LABEL_WORDS and contains_date(line):
            found.append(line)
    return found


def _in_link(text) -> bool:
    owner = text.getparent()  # a text's element, or for a tail the element it follows
    holders = [owner, *owner.iterancestors()] if text.is_text else owner.iterancestors()
    return any(el.tag == "a" for el in holders)
