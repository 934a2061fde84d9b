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
    "number": re.compile(r"^(so ky hieu|so\s*/\s*ky hieu|ky hieu|so hieu|so van ban|so hieu van ban)$"),
    "issued": re.compile(r"^(ngay ban hanh|ban hanh ngay|ngay ky|ngay van ban|ngay ky ban hanh)$"),
    "subject": re.compile(r"^(trich yeu|trich yeu noi dung|noi dung|ve viec|tieu de van ban)$"),
    "type": re.compile(r"^(loai van ban|hinh thuc van ban|the loai)$"),
    "issuer": re.compile(r"^(co quan ban hanh|noi ban hanh|don vi ban hanh|co quan)$"),
    "signer": re.compile(r"^(nguoi ky|nguoi ky duyet|chuc vu nguoi ky)$"),
    "effective": re.compile(r"^(ngay hieu luc|ngay co hieu luc|hieu luc)$"),
}
STATED = ("number", "issued", "subject", "type")  # what a listing row's cells say, in this order
MAX_ROWS = 60  # rows of a table read at most
MAX_TABLES = 200  # tables of a page looked at most


def fields_of(table: lxml_html.HtmlElement) -> dict[str, str]:
    """The document fields a table (or a definition list) states, a label and a value a row."""
    fields: dict[str, str] = {}
    rows = [row.findall("td") + row.findall("th") for row in islice(table.iter("tr"), MAX_ROWS)]
    rows += [[dt, dt.getnext()] for dt in islice(table.iter("dt"), MAX_ROWS) if dt.getnext() is not None]
    for cells in rows:
        if len(cells) < 2:
            continue
        label = " ".join(fold(clean_line(cells[0].text_content())).strip(" :").split())
        value = clean_line(" ".join(c.text_content() for c in cells[1:]))
        for name, pattern in LABELS.items():
            if value and name not in fields and pattern.match(label):
                fields[name] = value[:1000]
    return fields


def is_document_page_table(fields: dict[str, str]) -> bool:
    """Enough of a document's fields to be its page: its number or subject, and one more."""
    return ("number" in fields or "subject" in fields) and len(fields) >= 2


def document_fields(anchor: lxml_html.HtmlElement) -> dict[str, str]:
    """The fields of the document page table a link to a file stands in or under, if any."""
    for ancestor in anchor.iterancestors("table", "dl", "div"):
        fields = fields_of(ancestor)
        if is_document_page_table(fields):
            return fields
        if ancestor.tag == "div" and len(ancestor.findall(".//table")) > 3:
            break  # past the page's content
    return {}


def stated_cells(fields: dict[str, str]) -> list[str]:
    """The fields as a listing row's cells: number, day, subject, type."""
    return [fields[name] for name in STATED if fields.get(name)]


def document_page(root: lxml_html.HtmlElement) -> dict[str, str]:
    """The fields of the first table of a page that states a document and links its file, or {}:
    a page that states a document and gives its text alone (no file) keeps its text as an article."""
    for table in islice(root.iter("table", "dl"), MAX_TABLES):
        fields = fields_of(table)
        if is_document_page_table(fields) and _links_a_file(table):
            return fields
    return {}


def _links_a_file(table: lxml_html.HtmlElement) -> bool:
    holder = table.getparent() if table.getparent() is not None else table
    return any(is_document(a.get("href") or "") for a in holder.iter("a"))
