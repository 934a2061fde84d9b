"""What a page's scripts link without an ``<a href>``: the address a click opens (an ``onclick``,
a ``javascript:`` link), a card's or row's ``data-href``, a button's ``data-url`` naming a file.
The crawl follows them (``crawler.discovery.browser``); extraction attaches the documents among
them to the post."""

from __future__ import annotations

import re

from common.urls import is_document

# ``location.href = "/portal/"``, ``window.location='…'``, ``location.replace("…")``: the whole
# of many portals' root page. An assignment, not a comparison (``location.href == "…"``).
SCRIPT_REDIRECT = re.compile(
    r"""\blocation(?:\.href)?\s*=\s*(["'])(?P<assigned>[^"'\s<>]+)\1"""
    r"""|\blocation\.(?:replace|assign)\(\s*(["'])(?P<called>[^"'\s<>]+)\3\s*\)""")
# what a click opens: the above, or ``window.open('/Uploads/vb/qd-12.pdf')`` (a row, a button)
SCRIPT_OPEN = re.compile(SCRIPT_REDIRECT.pattern + r"""|\bwindow\.open\(\s*(["'])(?P<opened>[^"'\s<>]+)\5""")
DATA_ATTRIBUTES = ("data-href", "data-link")  # Bootstrap-era "clickable rows" and cards
# a download button's or a viewer's own attribute: its file, where it names a document (a share
# button's ``data-url`` names the page, a lazy image's ``data-src`` the picture: neither is read)
FILE_ATTRIBUTES = ("data-url", "data-file", "data-src", "data-path", "data-download")
# a portal's own function: ``openFile('/Uploads/qd-12.pdf')``, ``ViewDoc("/Handlers/Download.ashx?id=5")``
# opens the document quoted among its arguments (an address: a path or a file's name, not a word)
QUOTED = re.compile(r"""(["'])(?P<text>[^"'\s<>]+)\1""")


def clicked(el) -> list[str]:
    """What a click on ``el`` opens by script (its ``onclick``, a ``javascript:`` link), as
    written: a listing's rows and a document's "Xem" button on some portals link nowhere else."""
    href = el.get("href") or ""
    code = f"{el.get('onclick') or ''} {href if href.lstrip().lower().startswith('javascript:') else ''}"
    found = [m["assigned"] or m["called"] or m["opened"] for m in SCRIPT_OPEN.finditer(code)]
    found += [text for m in QUOTED.finditer(code) if _names_document(text := m["text"])]
    return list(dict.fromkeys(found))


def file_targets(el) -> list[str]:
    """The documents ``el``'s file attributes (:data:`FILE_ATTRIBUTES`) name, as written."""
    found = ((el.get(name) or "").strip() for name in FILE_ATTRIBUTES)
    return list(dict.fromkeys(value for value in found if _names_document(value)))


def _names_document(text: str) -> bool:
    return ("/" in text or "." in text) and is_document(text)


def scripted_targets(el) -> list[str]:
    """Every address ``el`` links by script or data attribute, as written."""
    data = [value.strip() for name in DATA_ATTRIBUTES if (value := el.get(name) or "").strip()]
    return list(dict.fromkeys([*clicked(el), *data, *file_targets(el)]))
