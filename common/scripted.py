"""What a page's scripts link without an ``<a href>``: the address a click opens (an ``onclick``,
a ``javascript:`` link), a card's or row's ``data-href``. The crawl follows them
(``crawler.discovery.browser``); extraction attaches the documents among them to the post."""

from __future__ import annotations

import re

# ``location.href = "/portal/"``, ``window.location='…'``, ``location.replace("…")``: the whole
# of many portals' root page. An assignment, not a comparison (``location.href == "…"``).
SCRIPT_REDIRECT = re.compile(
    r"""\blocation(?:\.href)?\s*=\s*(["'])(?P<assigned>[^"'\s<>]+)\1"""
    r"""|\blocation\.(?:replace|assign)\(\s*(["'])(?P<called>[^"'\s<>]+)\3\s*\)""")
# what a click opens: the above, or ``window.open('/Uploads/vb/qd-12.pdf')`` (a row, a button)
SCRIPT_OPEN = re.compile(SCRIPT_REDIRECT.pattern + r"""|\bwindow\.open\(\s*(["'])(?P<opened>[^"'\s<>]+)\5""")
DATA_ATTRIBUTES = ("data-href", "data-link")  # Bootstrap-era "clickable rows" and cards


def clicked(el) -> list[str]:
    """What a click on ``el`` opens by script (its ``onclick``, a ``javascript:`` link), as
    written: a listing's rows and a document's "Xem" button on some portals link nowhere else."""
    href = el.get("href") or ""
    code = f"{el.get('onclick') or ''} {href if href.lstrip().lower().startswith('javascript:') else ''}"
    found = (m["assigned"] or m["called"] or m["opened"] for m in SCRIPT_OPEN.finditer(code))
    return list(dict.fromkeys(found))


def scripted_targets(el) -> list[str]:
    """Every address ``el`` links by script or data attribute, as written."""
    data = [value.strip() for name in DATA_ATTRIBUTES if (value := el.get(name) or "").strip()]
    return list(dict.fromkeys([*clicked(el), *data]))
