"""A document's own page on a portal: the table of its fields above the link to its file.

Portals' "Văn bản" sections link each document to a page of its own that states it field by
field, a label and a value a row: ``Số ký hiệu | 123/QĐ-UBND``, ``Ngày ban hành | 05/08/2019``,
``Trích yếu | Về việc ...``, ``Người ký``, ``Cơ quan ban hành``, then the file. That page is
no article (its text is the labels); its fields are the document's metadata as the portal
states them: the day of a scan whose day is handwritten, the subject whole. The spider gives
them to the file it fetches from there, as a listing row's cells; the extraction records the
page as a document's page, not an article.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml import html as lxml_html

from common.textnorm import clean_line, fold
from common.urls import is_document

# a row's label, folded, to the field it names
LABELS = {
    "number": re.compile(r"^(so\s*[,/]?\s*ky hieu|so va ky hieu|ky hieu|ky hieu van ban|so hieu|so van ban"
                         r"|so hieu van ban)$"),
    "issued": re.compile(r"^(ngay ban hanh|ban hanh ngay|ngay ky|ngay van ban|ngay ky ban hanh|ngay phat hanh"
                         r"|ngay ban hanh van ban)$"),
    "subject": re.compile(r"^(trich yeu|trich yeu noi dung|trich yeu van ban|noi dung|ve viec|tieu de van ban"
                          r"|ten van ban)$"),
    "type": re.compile(r"^(loai van ban|hinh thuc van ban|the loai)$"),
    "issuer": re.compile(r"^(co quan ban hanh|noi ban hanh|don vi ban hanh|co quan|co quan phat hanh"
                         r"|don vi phat hanh)$"),
    "signer": re.compile(r"^(nguoi ky|nguoi ky duyet|chuc vu nguoi ky)$"),
    "effective": re.compile(r"^(ngay hieu luc|ngay co hieu luc|hieu luc)$"),
}
STATED = ("number", "issued", "subject", "type")  # what a listing row's cells say, in this order
MAX_ROWS = 60  # rows of a table read at most
MAX_ELEMENTS = 20000  # elements of a page looked at for a label at most
LEVELS = 4  # blocks above a label where the other fields and the file are looked for


def fields_of(holder: lxml_html.HtmlElement) -> dict[str, str]:
    """The document fields a table, a definition list or a block of lines states, a label and a
    value a row: ``<tr><td>Số ký hiệu</td><td>…</td></tr>``, ``<dt>…</dt><dd>…</dd>``,
    ``<p><b>Số ký hiệu:</b> …</p>``, ``<div><label>Số ký hiệu</label><span>…</span></div>``."""
    fields: dict[str, str] = {}
    for label, value in _pairs(holder):
        if _names_a_field(value):
            continue  # a header row's cells: "Số ký hiệu | Ngày ban hành | Trích yếu | Tải về"
        label = _folded_label(label)
        for name, pattern in LABELS.items():
            if value and name not in fields and pattern.match(label):
                fields[name] = value[:1000]
    return fields


def _folded_label(text: str) -> str:
    return " ".join(fold(text).strip(" :").split())


def _names_a_field(text: str) -> bool:
    label = _folded_label(text)
    return any(pattern.match(label) for pattern in LABELS.values())


def _pairs(holder: lxml_html.HtmlElement):
    """(label, value) of each row of ``holder``, as printed."""
    for row in islice(holder.iter("tr"), MAX_ROWS):
        cells = [cell for cell in row if cell.tag in ("td", "th")]  # in their order: a <th> labels its row
        if len(cells) >= 4 and len(cells) % 2 == 0 \
                and all(_names_a_field(c.text_content()) for c in cells[::2]):  # label, value, label, value
            for label, value in zip(cells[::2], cells[1::2], strict=True):
                yield clean_line(label.text_content()), clean_line(value.text_content())
        elif len(cells) >= 2:
            value = clean_line(" ".join(c.text_content() for c in cells[1:]))
            yield clean_line(cells[0].text_content()), value
    for dt in islice(holder.iter("dt"), MAX_ROWS):
        if dt.getnext() is not None:
            yield clean_line(dt.text_content()), clean_line(dt.getnext().text_content())
    for line in islice(holder.iter("p", "li", "div"), MAX_ROWS * 4):
        parts = [child for child in line if isinstance(child.tag, str)]
        if len(parts) == 2 and all(part.tag == "div" and not _holds_blocks(part) for part in parts) \
                and not (line.text or "").strip():
            # a grid's row: the label's column, then the value's (<div class="col-3">Số ký hiệu</div>…)
            yield clean_line(parts[0].text_content()), clean_line(parts[1].text_content())
            continue
        if any(child.tag in BLOCKS for child in parts):
            continue  # a block of blocks: its lines are read one by one
        text = clean_line(line.text_content())
        if ":" in text[:40]:  # "Số ký hiệu: 01/CT-UBND"
            label, _, value = text.partition(":")
            yield label, value.strip()
        elif len(parts) == 2 and not (line.text or "").strip():  # <label>…</label><span>…</span>
            yield clean_line(parts[0].text_content()), clean_line(parts[1].text_content())


BLOCKS = ("p", "li", "div", "table", "ul")


def _holds_blocks(el: lxml_html.HtmlElement) -> bool:
    return any(isinstance(child.tag, str) and child.tag in BLOCKS for child in el)


def is_document_page_table(fields: dict[str, str]) -> bool:
    """Enough of a document's fields to be its page: its number or subject, and one more."""
    return ("number" in fields or "subject" in fields) and len(fields) >= 2


def stated_cells(fields: dict[str, str]) -> list[str]:
    """The fields as a listing row's cells: number, day, subject, type."""
    return [fields[name] for name in STATED if fields.get(name)]


def document_page(root: lxml_html.HtmlElement) -> dict[str, str]:
    """The fields a page states of one document whose file it links, or {}. The rows are found
    from their labels: an element whose own words are a number's or a subject's label
    ("Số ký hiệu", "Trích yếu"), in a block of a few levels above it that states the fields.
    A page that states a document and gives its text without a file keeps its text as an article."""
    for el in islice(root.iter(), MAX_ELEMENTS):
        own = (el.text or "").strip() if isinstance(el.tag, str) else ""
        if not own or len(own) > 60 or own[:1] not in "SsTtKkNn":  # Số ký hiệu, Trích yếu, Ký hiệu, Nội dung
            continue
        label = _folded_label(own.partition(":")[0])
        if not (LABELS["number"].match(label) or LABELS["subject"].match(label)):
            continue
        holder, stated = el, 0
        for _ in range(LEVELS):
            holder = holder.getparent()
            if holder is None:
                break
            fields = fields_of(holder)
            if is_document_page_table(fields):
                if _links_a_file(holder):
                    return fields
                stated += 1  # a row of two fields states them too: its table's block is one more up
                if stated > 1:
                    return {}
    return {}


def _links_a_file(holder: lxml_html.HtmlElement) -> bool:
    around = holder.getparent() if holder.getparent() is not None else holder
    return any(is_document(a.get("href") or "") for a in around.iter("a"))
