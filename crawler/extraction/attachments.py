"""Files a post attaches: the document links in its body, with their labels.

A notice (Thông báo, Kế hoạch, Quyết định) is often two sentences and a PDF, or
only a list of files. Those links are the record: each becomes an attachment
(label and absolute URL, in the ``attachments`` column) and its line in the
text carries the URL, so the text says what was attached and where it was.
Links to documents do not count as navigation when a page is judged a listing. A document
shown in the page (an ``<iframe>``, ``<embed>`` or ``<object>`` of the PDF, or of a viewer
given it) is made a link in its place before the boilerplate goes: it is attached as well, and
so is a document a link or a button opens by script.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

from lxml import etree
from lxml import html as lxml_html

from common.scripted import DATA_ATTRIBUTES, FILE_ATTRIBUTES, scripted_targets
from common.textnorm import clean_line, fold
from common.urls import embedded_document, is_document, is_followable, is_hosted_file, joined

MAX_ATTACHMENTS = 200


def find_attachments(body: lxml_html.HtmlElement, base_url: str | None) -> list[dict[str, str]]:
    """Document links in ``body``, in page order, each once: ``{"label", "url"}``."""
    found: dict[str, str] = {}
    for anchor in body.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or not is_followable(href):
            continue
        url = joined(base_url or "", href)
        if not url or not url.startswith(("http://", "https://")) or not _attached(url) or url in found:
            continue
        label = clean_line(anchor.text_content()) or clean_line(anchor.get("title") or "")
        if not label or fold(label).lower().strip(" .:»") in GENERIC:
            label = _row_name(anchor, label) or unquote(posixpath.basename(urlsplit(url).path)) or label
        found[url] = label
        if len(found) >= MAX_ATTACHMENTS:
            break
    return [{"label": label, "url": url} for url, label in found.items()]


# a link's words that name no file: its row (a table of attached files) or its address does
GENERIC = frozenset({"tai ve", "tai xuong", "tai file", "tai tep", "download", "xem", "xem file", "xem tep",
                     "tep dinh kem", "file dinh kem", "dinh kem", "tai day", "xem tai day", "chi tiet",
                     "xem chi tiet", "here", "click here"})
_SIZE_OR_COUNT = re.compile(r"^[\d.,\s]*(?:[kmg]?b|bytes?|lượt.*)?$", re.I)


def _row_name(anchor, label: str) -> str:
    """The file's name in the table row a generic link stands in ("tb-1.pdf | 245 KB | Tải về"):
    the row's longest cell that is not the link's, a number or a size. A cell that holds the
    link is its words' ("Nhấn vào để xem: chi tiết"), no name."""
    row = next(anchor.iterancestors("tr"), None)
    if row is None:
        return ""
    around = set(anchor.iterancestors())
    cells = [clean_line(cell.text_content()) for cell in row.iter("td", "th") if cell not in around]
    names = [c for c in cells if c and c != label and not _SIZE_OR_COUNT.match(c)]
    return max(names, key=len) if names else ""


EMBEDDING = ("iframe", "embed", "object")


def expose_embedded(root: lxml_html.HtmlElement, base_url: str | None) -> None:
    """Each element that shows a document in the page becomes a link to it, in its place."""
    for el in list(root.iter(*EMBEDDING)):
        url = embedded_document(el.get("src") or el.get("data") or "", base_url or "")
        if url is None or el.getparent() is None:
            continue
        link = lxml_html.Element("a", href=url)
        name = unquote(posixpath.basename(urlsplit(url).path))
        link.text = clean_line(el.get("title") or "") or name or url
        link.tail = el.tail
        el.getparent().replace(el, link)


_SCRIPTED = etree.XPath("//*[@onclick or @data-href or @data-link or @data-url or @data-file or @data-src"
                        " or @data-path or @data-download] | //a[starts-with(@href, 'javascript:')]")
_SCRIPTED_MARKS = ("onclick", "javascript:", *DATA_ATTRIBUTES, *FILE_ATTRIBUTES)
_INLINE_OPENERS = frozenset({"button", "span", "img", "input", "i", "b", "strong", "font", "em"})


def expose_scripted(root: lxml_html.HtmlElement, base_url: str | None, html: str) -> None:
    """Each link or button that opens a document by script ("Xem văn bản" running
    ``window.open('/files/tb.pdf')``, a row's ``data-href``) links it plainly: the crawl fetches
    the file, and the notice it is the whole of must carry it. ``html``: the page's text, which
    spares the tree's walk where no such element is."""
    if not any(mark in html for mark in _SCRIPTED_MARKS):
        return
    for el in _SCRIPTED(root):
        if el.tag == "a" and is_followable(href := (el.get("href") or "").strip()) and href != "#":
            continue  # a link of its own: what it says is what it links
        if el.tag != "a" and el.tag not in _INLINE_OPENERS:
            continue  # a row or a cell of a table of files: its structure is what tells a list
        url = next((u for target in scripted_targets(el) if (u := joined(base_url or "", target))
                    and u.startswith(("http://", "https://")) and _attached(u)), None)
        if url is None:
            continue
        if el.tag != "a":
            el.tag = "a"  # a button, a span: the link its click is
            for name in [n for n in el.attrib if n not in ("title", "class")]:
                del el.attrib[name]
        el.set("href", url)
        if not clean_line(el.text_content()):
            el.text = unquote(posixpath.basename(urlsplit(url).path)) or url


def attachment_anchors(body: lxml_html.HtmlElement, base_url: str | None) -> set:
    """The anchors of ``body`` that link documents (left out of link-density counts)."""
    return {a for a in body.iter("a") if _links_file(a, base_url)}


def links_document(el: lxml_html.HtmlElement, base_url: str | None) -> bool:
    """Whether ``el`` holds an anchor that links a document (the first one found answers)."""
    return any(_links_file(a, base_url) for a in el.iter("a"))


def _links_file(anchor: lxml_html.HtmlElement, base_url: str | None) -> bool:
    return _attached(joined(base_url or "", (anchor.get("href") or "").strip()) or "")


def _attached(url: str) -> bool:
    """A document's link, or a hosted file's (the crawl follows only the first: the spider asks
    ``is_document``)."""
    return is_document(url) or is_hosted_file(url)


def with_attachments(text: str, attachments: list[dict[str, str]]) -> str:
    """``text`` with each attachment's line carrying its URL; labels not in the text are appended."""
    if not attachments:
        return text
    paragraphs = text.split("\n\n") if text else []
    for item in attachments:
        line = f"{item['label']} ({item['url']})"
        if item["url"] in text:
            continue
        if item["label"] in paragraphs:
            paragraphs[paragraphs.index(item["label"])] = line
        else:
            paragraphs.append(line)
    return "\n\n".join(paragraphs)
