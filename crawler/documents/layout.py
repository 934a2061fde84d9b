"""Text laid out from word boxes: an OCR page's words put back in lines, and the columns of a
line kept apart by a tab.

An administrative document sets two columns side by side twice: the issuer beside the
national motto (and "Số:" beside the place and date), and "Nơi nhận" beside the signature
block. Tesseract's plain text runs such a line together ("Nơi nhận: KT. THỦ TƯỚNG", "- Như
Điều 3; PHÓ THỦ TƯỚNG"), so the metadata reader cannot tell the recipient list from the
signer's title. Its TSV gives each word's box: a gap much wider than a space between two
words of one line is a column gap, written as a tab, which the reader splits cells on.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from common.textnorm import fold
from crawler.documents.signature import is_authority

_RECIPIENTS = re.compile(r"^\W*noi nhan\b")  # "Nơi nhận:", folded: OCR drops its marks
# The signature block stands right of "Nơi nhận" (Decree 30/2020, Phụ lục I): from a few lines
# above its line (the authority may start higher) to the room for the seal, signature and name.
BLOCK_LEFT = 0.42  # share of the page's width where the right column starts
BLOCK_ABOVE, BLOCK_BELOW = 4, 22  # line heights
HEADER_SHARE = 0.4  # the header's place and date line stands in this top share of the first page
_MONTH_WORD = re.compile(r"th\w{1,3}g")  # "tháng", folded, as OCR reads it ("thang", "thing")
COLUMN_GAP = 2.5  # a gap this many line heights wide separates columns, not words
MIN_CONFIDENCE = -1  # Tesseract gives -1 for block and line rows, 0-100 for words


@dataclass(frozen=True)
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int
    line: tuple[int, int, int]  # (block, paragraph, line) as Tesseract numbers them
    confidence: float

    @property
    def right(self) -> int:
        return self.left + self.width


def words_of(tsv: str) -> list[Word]:
    """The words of a Tesseract TSV page (``tesseract IMAGE stdout tsv``), in its order."""
    words = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if not text:
            continue
        try:
            words.append(Word(text, int(row["left"]), int(row["top"]), int(row["width"]),
                              int(row["height"]), (int(row["block_num"]), int(row["par_num"]),
                                                   int(row["line_num"])),
                              float(row["conf"])))
        except (KeyError, TypeError, ValueError):
            continue  # a row cut short: the rest of the page still reads
    return words


def lines_of(words: list[Word]) -> list[list[Word]]:
    lines: list[list[Word]] = []
    for word in words:
        if lines and lines[-1][0].line == word.line:
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def line_text(line: list[Word]) -> str:
    """A line's words, a tab where the gap between two is a column's."""
    height = sorted(w.height for w in line)[len(line) // 2]
    out = line[0].text
    for before, word in zip(line, line[1:], strict=False):
        out += ("\t" if word.left - before.right > COLUMN_GAP * height else " ") + word.text
    return out


def page_text(tsv: str) -> str:
    """The page as text: Tesseract's lines, its paragraphs apart by a blank line, columns by tabs."""
    return text_of(words_of(tsv))


def text_of(words: list[Word]) -> str:
    """:func:`page_text` of words already read from the TSV."""
    out: list[str] = []
    paragraph = None
    for line in lines_of(words):
        if paragraph is not None and line[0].line[:2] != paragraph:
            out.append("")
        paragraph = line[0].line[:2]
        out.append(line_text(line))
    return "\n".join(out) + ("\n" if out else "")


@dataclass(frozen=True)
class Box:
    """A rectangle of a page, from its top left: in pixels of a rendered page, or in points."""
    left: int
    top: int
    right: int
    bottom: int


def signature_box(words: list[Word], width: int, height: int) -> tuple[Box, bool] | None:
    """Where the signature block is on a page ``width`` by ``height`` pixels, and whether
    "Nơi nhận" says so: from the line that starts with it, else from the page's last signing
    authority in the right column (OCR misreads "Nơi nhận" under a stamp or in a faint scan);
    None when the page has neither."""
    lines = lines_of(words)
    anchor, named = next(((line[0], True) for line in lines
                          if _RECIPIENTS.match(fold(" ".join(w.text for w in line[:2])))), (None, False))
    for line in lines if anchor is None else ():
        right = [w for w in line if w.left >= width * BLOCK_LEFT]
        if right and is_authority(" ".join(w.text for w in right)):
            anchor = right[0]  # the last one: a decision's title authority stands higher
    if anchor is None:
        return None
    top, bottom = anchor.top - BLOCK_ABOVE * anchor.height, anchor.top + BLOCK_BELOW * anchor.height
    return Box(int(width * BLOCK_LEFT), max(0, top), width, min(height, bottom)), named


def date_line(words: list[Word], width: int, height: int) -> tuple[Box, str] | None:
    """The header's place and date line ("Phú Thọ, ngày 16 tháng 12 năm 2011") on a first page
    ``width`` by ``height`` pixels: its right-column words' box and their text; None when no
    line near the top of the right column names a month beside a year."""
    for line in lines_of(words):
        right = [w for w in line if w.left >= width * HEADER_SHARE and w.top < height * HEADER_SHARE]
        text = " ".join(w.text for w in right)
        if right and _MONTH_WORD.search(fold(text)) and re.search(r"(?<!\d)(19|20)\d\d(?!\d)", text):
            return Box(min(w.left for w in right), min(w.top for w in right),
                       max(w.right for w in right), max(w.top + w.height for w in right)), text
    return None
