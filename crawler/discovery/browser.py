"""Pages only a browser can list: script shells, and where to find a browser to render them.

A *script shell* is a page whose listing is filled in by script from an API: as served it has
next to no links of its own site and next to no text, but it has scripts. Such a page (or
every page of a site whose registry entry says ``browser = true``) is rendered in headless
Chromium; the system's own ``chromium`` is used, never a browser downloaded at run time. A
shell whose scripts only send the browser elsewhere (``location.href = "/portal/"``) is
followed there without one.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil

from lxml import etree

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")
SHELL_MAX_LINKS = 8  # same-site links a page may have and still be a shell (menus are often static)
SHELL_MAX_TEXT = 800  # characters of visible text, scripts and styles left out


def chromium_path(configured: str | None = None) -> str | None:
    """The Chromium to drive: the configured path, ``$GOVARCHIVE_CHROMIUM``, or one on PATH."""
    for candidate in (configured, os.environ.get("GOVARCHIVE_CHROMIUM")):
        if candidate:
            return candidate if os.access(candidate, os.X_OK) else None
    return next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)


def browser_missing(configured: str | None = None) -> str:
    """Why no page can be rendered here ('' when one can)."""
    if importlib.util.find_spec("scrapy_playwright") is None:
        return "scrapy-playwright is not installed (it comes with govarchive: reinstall it)"
    if chromium_path(configured) is None:
        return "no Chromium found (install the chromium package, or set GOVARCHIVE_CHROMIUM)"
    return ""


def script_shell(root, own_links: int) -> bool:
    """Whether a served page looks filled in by script: scripts, few own links, little text."""
    if own_links > SHELL_MAX_LINKS:
        return False
    scripts = [s for s in root.iter("script") if s.get("src") or (s.text or "").strip()]
    if not scripts:
        return False
    body = root.find(".//body")
    if body is None:
        return True
    text = 0
    for element in body.iter():
        if element.tag in ("script", "style", "noscript", "template") or not isinstance(element.tag, str):
            continue
        text += len((element.text or "").strip())
        if text > SHELL_MAX_TEXT:
            return False
    return True


# ``location.href = "/portal/"``, ``window.location='…'``, ``location.replace("…")``: the whole
# of many portals' root page. An assignment, not a comparison (``location.href == "…"``).
SCRIPT_REDIRECT = re.compile(
    r"""\blocation(?:\.href)?\s*=\s*(["'])(?P<assigned>[^"'\s<>]+)\1"""
    r"""|\blocation\.(?:replace|assign)\(\s*(["'])(?P<called>[^"'\s<>]+)\3\s*\)""")
# what a click opens: the above, or ``window.open('/Uploads/vb/qd-12.pdf')`` (a row, a button)
SCRIPT_OPEN = re.compile(SCRIPT_REDIRECT.pattern + r"""|\bwindow\.open\(\s*(["'])(?P<opened>[^"'\s<>]+)\5""")
ONCLICK = etree.XPath("//*[@onclick]")
MAX_REDIRECTS = 3  # targets taken from one page (a mobile site's, the desktop one's)


def script_redirects(root) -> list[str]:
    """Where a page's scripts send the browser (its inline scripts and the body's ``onload``),
    as written: a shell that only redirects is followed without a browser."""
    body = root.find(".//body")
    sources = [s.text or "" for s in root.iter("script") if not s.get("src")]
    sources += [body.get("onload") or ""] if body is not None else []
    found = [m["assigned"] or m["called"] for text in sources for m in SCRIPT_REDIRECT.finditer(text)]
    return list(dict.fromkeys(found))[:MAX_REDIRECTS]


def clicked(el) -> list[str]:
    """What a click on ``el`` opens by script (its ``onclick``, a ``javascript:`` link), as
    written: a listing's rows and a document's "Xem" button on some portals link nowhere else."""
    href = el.get("href") or ""
    code = f"{el.get('onclick') or ''} {href if href.lstrip().lower().startswith('javascript:') else ''}"
    found = (m["assigned"] or m["called"] or m["opened"] for m in SCRIPT_OPEN.finditer(code))
    return list(dict.fromkeys(found))


def clicked_links(root, html: str) -> list[tuple[object, str]]:
    """(element, address) for each element with a click handler that opens an address
    (``javascript:`` links without one are the caller's: it reads every link). ``html``: the
    page's text, which spares the tree's walk where no handler is. lxml's tree, of lxml.html
    or parsel."""
    return [(el, href) for el in (ONCLICK(root) if "onclick" in html else []) for href in clicked(el)]
