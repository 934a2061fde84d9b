"""The body's text finished line by line: the lines that repeat the title or a date line (whole,
or broken over lines), counter and tool lines, widgets' split labels dropped; a label alone
joined to its value; the closing signature and source split off (``credits``)."""

from __future__ import annotations

import re

from common.dates import contains_date
from common.textnorm import clean_line, clean_text, fold
from crawler.extraction.author import LABEL as BYLINE_LABEL
from crawler.extraction.author import is_account
from crawler.extraction.boilerplate import BADGES, is_noise_line
from crawler.extraction.credits import (
    BRACKETED_LINE,
    SOURCE_CREDIT,
    BodyText,
    address_source,
    is_credit,
    is_signature,
    source_line,
)
from crawler.extraction.dateread import is_date_line, words_besides_dates

TITLE_WINDOW = 6  # lines read for the title's: text starts after it when the body holds it
ONE_CELL = re.compile(r"^\|\s*([^|]*?)\s*\|$")  # a row of one cell: a picture's caption in a layout table


def finish_text(raw: str, title: str, date_lines: list[str], signature: bool = True,
                page_url: str | None = None) -> BodyText:
    """Filter lines, split off the signature and source, return NFC paragraphs.

    ``signature``: split off a closing signature line ("N.H", "Ban Dân vận Huyện ủy"), the
    Vietnamese press convention; elsewhere a short closing line is the text's own.
    ``page_url``: the page's address (a closing address of another site's is the source).
    """
    drop = {fold(d) for d in date_lines}
    lines = [clean_line(line) for line in raw.splitlines()]
    # a line without a letter or a digit is a table's empty row ("| |", a picture's cell) or an ornament
    lines = [ONE_CELL.sub(r"\1", ln) for ln in lines if any(c.isalnum() for c in ln)]
    # the text closing on its signature and day, the page's date line ("Minh Tâm - 07/08/2019"):
    # the line goes with the date lines, its signature is the author
    closing = lines[-1] if signature and lines and found_date_line(fold(lines[-1]), drop) else ""
    lines = [ln for ln in _broken_dates_dropped(lines, drop) if not found_date_line(fold(ln), drop)
             and not is_noise_line(ln)]
    lines = _labels_joined(_split_widgets_dropped(lines))
    folded_title = fold(title)
    for i, line in enumerate(lines[:TITLE_WINDOW]):
        if _title_line(fold(line), folded_title) or _headed_title(line, title, drop):
            # text starts after the title when the body holds it
            lines = lines[i + 1 :]
            break
    result = BodyText("", author=signed_day(closing) if closing else None)
    original = None  # a source read from the original's address: a named one goes before it
    for _ in range(3):  # a source line, a signature and the posting account, in any order
        if not lines:
            break
        last = lines[-1]
        if is_account(last) or (signature and dated_place(last)):
            pass  # "admin admin": who published it on the portal; a place and a day: no line of the text
        elif signature and (address := address_source(last, page_url)):
            # the original's address closing a repost: a credit, beside a "Nguồn:" line or alone
            result.source = original = result.source or address
        elif result.source in (None, original) and (source := source_line(last)):
            result.source = source  # a source named ("Nguồn: Báo Đắk Nông") over its address
        elif signature and result.author is None and is_signature(BYLINE_LABEL.sub("", last).strip()):
            # "Tác giả: Nguyễn Văn Bình", "Tin, ảnh: Thu Hà": the label goes with the author's cleaning
            result.author = last
        elif signature and result.author is None and (signer := signed_day(last)):
            # "Minh Tâm - 07/08/2019": the signature and the day it closes the text with (the
            # post's day is read from its date lines, or from this one when it has none)
            result.author = signer
        elif signature and result.author is None and len(lines) > 1 and BRACKETED_LINE.match(last) \
                and is_signature(f"{lines[-2]} {last}"):
            # the name, then its body in brackets on a line of its own: "Minh Tâm", "(Trung tâm VH-TT)"
            result.author = f"{lines[-2]} {last}"
            lines.pop()
        else:
            break
        lines.pop()
    result.text = clean_text("\n".join(lines))
    return result


# a signature, then the day: "Minh Tâm - 07/08/2019", "N.H | 07/08/2019 15:30", "Minh Tâm (07/08/2019)"
SIGNED_DAY = re.compile(r"^(?P<name>[^\d|()]{2,60})\s*(?:\s[-–|]\s*|\|\s*|\()(?P<day>[^()|]*\d[^()|]*?)\)?$")
SIGNED_MAX = 100  # characters: a name and a day (a paragraph closing the text is not read for them)
# a unit's name before a dash is where a post was written, not who wrote it
PLACE = re.compile(r"(?:huyen|xa|tinh|thanh pho|tp\.?|thi xa|thi tran|quan|phuong)\s")
PLACE_WORDS = 6


def signed_day(line: str) -> str | None:
    """The signature of a closing line that is a signature and a day alone, else None. Only a
    dash, a bar or brackets: "Hà Nội, ngày 07/08/2019" is a place's dateline, no signature."""
    name = _before_day(line)
    return name if name and is_signature(name) and not PLACE.match(fold(name)) else None


def dated_place(line: str) -> bool:
    """A closing line that is a unit's name and a day alone ("Huyện Mỹ Lộc - 12/03/2024"): where
    and when the post was written, no line of its text."""
    name = _before_day(line)
    return bool(name) and bool(PLACE.match(fold(name))) and len(name.split()) <= PLACE_WORDS


def _before_day(line: str) -> str:
    """What stands before a dash, a bar or a bracket followed by a day alone ('' otherwise)."""
    found = SIGNED_DAY.match(line) if len(line) <= SIGNED_MAX else None
    if found is None or not contains_date(found["day"]) or words_besides_dates(found["day"]):
        return ""
    return found["name"].strip(" -–|")


def _title_line(folded: str, folded_title: str) -> bool:
    """The title's line, or the title and the badge printed after it ("... năm 2024 Mới")."""
    return folded == folded_title or (folded.startswith(folded_title)
                                      and folded[len(folded_title):].strip(" !()[]") in BADGES)


HEAD_MAX = 100  # characters before a title run together with them: a date line's, a credit's


def _headed_title(line: str, title: str, date_lines: set[str]) -> bool:
    """The title run together with the date line or the credit printed before it in inline
    elements ("08/02/2024 | Tác giả: Minh TâmXã Phú Lợi ra quân ..."): the head's line."""
    if not title or not line.endswith(title) or not 0 < len(line) - len(title) <= HEAD_MAX:
        return False
    head = line[: -len(title)].strip(" |-–:·,")
    return bool(head) and (found_date_line(fold(head), date_lines) or is_date_line(head) or is_credit(head))


def _broken_dates_dropped(lines: list[str], date_lines: set[str]) -> list[str]:
    """Without a date line broken over two or three lines by ``<br/>``s ("05/08/2019", then
    "08:30") or by inline elements read as lines ("05/08/2019 | Tác giả: Minh Tâm", then the
    view count "1.245", run together in the date line), nor a piece of one without a word that
    stands alone (trafilatura keeps the time and drops the day)."""
    if not date_lines:
        return lines
    # compared without spaces: the pieces stood apart by a break or by nothing at all
    keys = {d.replace(" ", "") for d in date_lines}
    # pieces longer together than any date line are not one: most lines are prose, folding
    # each with the one or two before it was 1% of a many-portal crawl's CPU
    longest = 2 * max(map(len, date_lines))
    kept: list[str] = []
    for line in lines:
        pieces = next((k for k in (1, 2) if len(kept) >= k and len(line) + sum(map(len, kept[-k:])) <= longest
                       and fold("".join([*kept[-k:], line])).replace(" ", "") in keys), 0)
        if pieces:
            del kept[-pieces:]
        else:
            kept.append(line)
    return [line for line in kept if not _piece_of(line, date_lines)]


def _piece_of(line: str, date_lines: set[str]) -> bool:
    """A piece of a date line that stands on its own: without a word ("08:30"), or its fields
    from a separator on ("| Tác giả: Minh Tâm", where the day was a ``<time>`` of its own)."""
    if any(c.isalpha() for c in line) and not line.startswith(("|", "•", "·")):
        return False
    return any(f" {fold(line)} " in f" {d} " for d in date_lines)


WIDGET_LABEL_CHARS = 24  # "Đánh giá:", "Lượt xem:": a widget's label read as a line of its own


def _split_widgets_dropped(lines: list[str]) -> list[str]:
    """Without a widget whose label and value were read as two lines (a rating's "Đánh giá:",
    its stars a picture, then "(12 lượt)"), which together are a noise line."""
    kept: list[str] = []
    for line in lines:
        label = kept[-1] if kept else ""
        if label.endswith(":") and len(label) <= WIDGET_LABEL_CHARS and is_noise_line(f"{label} {line}"):
            kept.pop()
        else:
            kept.append(line)
    return kept


def _labels_joined(lines: list[str]) -> list[str]:
    """A credit's label read as a line of its own ("Tác giả bài viết:" in ``<strong>``, the name
    after it) joined to the name on the next line."""
    joined: list[str] = []
    for line in lines:
        if joined and _label_only(joined[-1]):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _label_only(line: str) -> bool:
    found = BYLINE_LABEL.match(line) or SOURCE_CREDIT.match(line)
    return bool(found) and found.end() >= len(line.rstrip())


def found_date_line(folded: str, date_lines: set[str]) -> bool:
    """One of the date lines found (not ``dateread.is_date_line``, which asks whether a line is one
    at all), or one run together with its counters ("Cập nhật: 09:15 20/03/20241.245": the
    date and the views in two inline spans); not one that goes on into the text."""
    if folded in date_lines:
        return True
    for date_line in date_lines:
        if date_line and folded.startswith(date_line):
            rest = folded[len(date_line):].strip(" |-–:·,")
            return not any(c.isalpha() for c in rest) or is_noise_line(rest)
    # a badge's pieces the text runs together ("19Tháng 72024", "21Tháng 12/2024" for a calendar's
    # leaf) and the date line reads spaced ("19 Tháng 7 2024", "21/12/2024"); a count may follow
    if len(folded) > SQUEEZED_LINE:
        return False
    squeezed = _LEAF_RUN.sub(r"\1/", folded.replace(" ", ""), count=1)
    for date_line in date_lines:
        bare = date_line.replace(" ", "")
        if bare and squeezed.startswith(bare) and not any(c.isalpha() for c in squeezed[len(bare):]):
            return True
    return False


SQUEEZED_LINE = 150  # characters: a date line, with its credits


_LEAF_RUN = re.compile(r"^(\d{1,2})thang(?=\d{1,2}[/.\-]\d{4})")
