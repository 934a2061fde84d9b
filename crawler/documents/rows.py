"""The listing row a document's link stands in (a table's row, a list item, a row drawn with
blocks): its cells, which state the document's number, date and subject."""

from __future__ import annotations

from common.dates import contains_date
from common.textnorm import clean_line
from common.urls import is_document
from crawler.documents.metadata import NUMBER


def row_cells(anchor) -> list[str]:
    """The cells of the listing row (or the list item) a document link stands in: its number,
    date and subject, for the document's metadata."""
    for ancestor in anchor.iterancestors("tr", "li"):
        if ancestor.tag == "tr":
            return [clean_line(cell.text_content())[:500] for cell in ancestor.iter("td", "th")][:12]
        return [clean_line(ancestor.text_content())[:500]]
    return _block_row(anchor)


ROW_CHARS = 600  # a listing row's text at most: more is a section of the page, not a row


def _block_row(anchor) -> list[str]:
    """A row of a listing drawn with blocks (``<div class="item"><div>01/CT-UBND</div><div>04/01/2021
    </div><div><a>…</a></div></div>``): the smallest block above the link with a few blocks side by
    side, its only file link, and a row's length of text; its blocks are the cells."""
    node = anchor
    for _ in range(3):
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            return []
        cells = [child for child in node if isinstance(child.tag, str)]
        files = sum(1 for a in node.iter("a") if is_document(a.get("href") or ""))
        text = clean_line(node.text_content())
        if files > 1 or len(text) > ROW_CHARS:
            return []
        if 2 <= len(cells) <= 8:
            texts = [clean_line(cell.text_content())[:500] for cell in cells]
            # a listing row states the number or the day; a page's own blocks beside a file do not
            return texts if any(NUMBER.fullmatch(t) or contains_date(t) for t in texts) else []
    return []
