"""How one line, or one short element, reads as a date line: a day with its label, counters
and credits beside it, or a day printed in pieces (a badge), and not a sentence that names a
day. ``datelines`` finds such lines around the title and the body; the body's scoring and the
title's ranking ask the same questions of single lines."""

from __future__ import annotations

import re
from itertools import islice

from lxml import html as lxml_html

from common.dates import contains_date, without_dates
from common.textnorm import clean_line, fold
from crawler.extraction.boilerplate import is_noise_line
from crawler.extraction.credits import BRACKETED_LINE, is_credit, is_signature

MAX_LINE = 150  # characters: a longer block is prose, no line
DATE_LABEL = re.compile(r"^(ngay dang|dang ngay|dang luc|dang tai|tin dang|ngay cap nhat|cap nhat"
                        r"|ngay xuat ban|xuat ban|thoi gian|ngay|posted|published|updated)\b")


LABEL_WORDS = 4  # words of a date's label ("Ngày cập nhật lúc"): more are a sentence that names a day
# the portal's clock ("Hôm nay: Thứ Hai, 05/08/2024", "Today is ..."): the day the page was served,
# never the post's; a sentence opening on the same words goes on with a comma or a clause
CLOCK = re.compile(r"^\W*(?:hom nay(?: la)?\s*(?::|-|,?\s*(?:thu|chu nhat|ngay|\d))|today\s*(?::|is\b))")
# a weather box prints the day it shows the weather of, the day the page was served
WEATHER = re.compile(r"\d\s*°\s*[cf]?\b|\d\s*do c\b|\b(?:thoi tiet|nhiet do|do am|weather)\b")


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


def without_counters(line: str) -> str:
    """The line without the counters and credits beside its date ("26/08/2024 | Lượt xem: 1.245",
    "16/09/2024 | Tác giả: Minh Tâm"), and without a credit, a source or a signature before a dash
    ("Đăng bởi: Quản trị viên - 07/08/2019", "(Cổng TTĐT) - 07/08/2019", "Minh Tâm - 07/08/2019"; a
    dash between a day and its time stays)."""
    line = _COUNTER.sub(" ", _CREDIT_DASH.sub(lambda m: "" if is_credit(m[1]) or BRACKETED_LINE.match(m[1])
                                              or is_signature(m[1]) else m[0], line)).strip()
    parts = re.split(r"\s[|•·]\s", line)
    return " ".join(part for part in parts if not is_noise_line(part) and not is_credit(part)
                    ) if len(parts) > 1 else line


_CREDIT_DASH = re.compile(r"^(\D{3,80}?)\s[-–]\s")  # what stands before the first dash, with no digit
# a counter beside the day, its label before or after its number, whatever separates them ("[07/08/2019]
# Lượt xem: 55", "07/08/2019 - 123 lượt xem", "(55 lượt xem)", "Đã xem: 55", "Bình luận: 0")
_COUNTS = (r"(?:số\s+)?(?:lượt|lần)\s+(?:xem|đọc|truy\s+cập|thích|chia\s+sẻ)|đã\s+xem|số\s+lần\s+xem"
           r"|bình\s+luận|phản\s+hồi|views?|hits?|comments?")
_COUNTER = re.compile(rf"[\s,;|•·\-–]*[(\[]?(?:(?:{_COUNTS})\s*:?\s*\d[\d.,]*"
                      rf"|(?<![\d:/.])\d[\d.,]*\s*(?:{_COUNTS}))[)\]]?", re.I)  # not a time's minutes


SENTENCE_WORDS = 6  # words besides the dates: a line that ends as a sentence is prose, no date line
# what a date line holds besides its words: days, times, "ngày", a weekday, punctuation
_DATE_TOKENS = re.compile(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}|\d{1,2}\s+\d{1,2}\s+\d{4}\b"
                          r"|\b(?:ng[aà]y\s+\d{1,2}\s+)?th[aá]ng\s+\d{1,2}\s+n[aă]m\s+\d{4}"
                          r"|\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:am|pm|sa|ch)\b)?"
                          r"|\b(?:gmt|utc)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?"  # the time's zone: "(GMT+7)"
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


def first_line(el: lxml_html.HtmlElement) -> str:
    """The element's text up to its first ``<br/>`` ("05/08/2019<br/>Ủy ban nhân dân huyện …":
    the date an editor typed atop the text, in its first paragraph)."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == "br":
            break
        parts += [child.text_content() if isinstance(child.tag, str) else "", child.tail or ""]
    return clean_line("".join(parts))


def is_clock(line: str) -> bool:
    """The portal's clock, or its weather box: today's day, as the page was served."""
    if CLOCK.match(fold(line[:40])):
        return True
    lowered = line.lower()  # the weather's words all hold "độ" or "thời tiết" ("nhiệt độ", "32 độ C")
    return ("°" in line or "độ" in lowered or "thời tiết" in lowered or "weather" in lowered) \
        and bool(WEATHER.search(fold(line)))


def is_date_line(line: str) -> bool:
    """A day and nothing else ("Thứ Hai, 05/08/2019 08:30", "05/08/2019 | Lượt xem: 12", "16/09/2024
    | Tác giả: Minh Tâm"), or a day after its label ("Cập nhật lúc: 09:15 04/03/2024"): a date
    line, not a sentence that names a day."""
    if len(line) > MAX_LINE or not contains_date(line) or is_clock(line):
        return False
    bare = without_counters(line)
    words = words_besides_dates(bare)
    return not words or (bool(DATE_LABEL.match(fold(bare))) and words <= LABEL_WORDS)

