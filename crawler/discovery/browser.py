"""Pages only a browser can list: script shells, and where to find a browser to render them.

A *script shell* is a page whose listing is filled in by script from an API: as served it has
next to no links of its own site and next to no text, but it has scripts. Such a page (or
every page of a site whose registry entry says ``browser = true``) is rendered in headless
Chromium; the system's own ``chromium`` is used, never a browser downloaded at run time. A
shell whose scripts only send the browser elsewhere (``location.href = "/portal/"``) is
followed there without one.

What a browser would follow without being a page's ``<a href>`` is read here too, without a
browser: what a click opens by script, cards and rows whose address is in ``data-href``, links
in the markup a page's inline scripts write (``document.write`` menus, ``innerHTML``), and the
choices of jump menus (a ``<select>`` that goes where its chosen option says).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil

from lxml import etree

# the spider reads clicked here
from common.scripted import FILE_ATTRIBUTES, SCRIPT_REDIRECT, clicked, file_targets

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


def clicked_links(root, html: str) -> list[tuple[object, str]]:
    """(element, address) for each element with a click handler that opens an address
    (``javascript:`` links without one are the caller's: it reads every link). ``html``: the
    page's text, which spares the tree's walk where no handler is. lxml's tree, of lxml.html
    or parsel."""
    return [(el, href) for el in (ONCLICK(root) if "onclick" in html else []) for href in clicked(el)]


DATA_LINK = etree.XPath("//*[@data-href or @data-link]")
FILE_LINK = etree.XPath("//*[@data-url or @data-file or @data-src or @data-path or @data-download]")
# an ``<a href>`` in the markup an inline script writes: ``document.write('<a href="/tin/">Tin
# tức<\/a>')``, ``menu.innerHTML = "<a href=\\"/gt/\\">…</a>"``. Only a whole address: one
# built by concatenation (``'<a href="' + url + '">'``) is the page's function to run, not read.
WRITTEN_ANCHOR = re.compile(
    r"""<a\b[^<>]*?\bhref\s*=\s*\\?(["'])(?P<href>[^"'\\\s<>+]+)\\?\1[^<>]*>(?P<text>.{0,300}?)<\\?/a\s*>""",
    re.IGNORECASE | re.DOTALL)
TAGS = re.compile(r"<[^<>]*>")
MAX_WRITTEN = 500  # anchors read from one page's scripts: a script's data is not a menu


def data_links(root, html: str) -> list[tuple[object, str]]:
    """(element, address) for each card or row a script makes clickable by its ``data-href``
    (or ``data-link``): the "clickable row" of Bootstrap-era listings; and each document a
    button's or a viewer's file attribute names (``data-url``, ``data-file``...)."""
    found = []
    if "data-href" in html or "data-link" in html:
        found = [(el, href) for el in DATA_LINK(root)
                 if (href := (el.get("data-href") or el.get("data-link") or "").strip())]
    if any(name in html for name in FILE_ATTRIBUTES):
        found += [(el, target) for el in FILE_LINK(root) for target in file_targets(el)]
    return found


def written_links(root) -> list[tuple[object, str]]:
    """(anchor, address) for the links in the markup a page's inline scripts write, each a new
    ``<a>`` element holding the link's text (a pager's "2" is read as a pager's)."""
    found = []
    for script in root.iter("script"):
        code = script.text or ""
        if script.get("src") or "href" not in code or "<a" not in code:
            continue
        for match in WRITTEN_ANCHOR.finditer(code):
            anchor = etree.Element("a", href=match["href"])
            anchor.text = " ".join(TAGS.sub(" ", match["text"]).replace("\\", "").split())
            found.append((anchor, match["href"]))
            if len(found) >= MAX_WRITTEN:
                return found
    return found


JUMP_MENUS = etree.XPath("//select[@onchange]")
PAGE_LIKE = re.compile(r"[/?]|\.(?:s?html?|aspx?|php|jsp|cfm)\b", re.I)


def chosen_links(root, html: str) -> list[tuple[object, str]]:
    """(option, address) for each choice of a jump menu: a ``<select>`` whose ``onchange`` goes
    where the chosen option's value says (``location = this.value``, Dreamweaver's
    ``MM_jumpMenu``): old portals' year and month archives, sections and pagers. Values that
    are no address (``2``, ``vi``) are the page's script's to use, not read."""
    if "onchange" not in html:
        return []
    return [(option, value) for menu in JUMP_MENUS(root) for option in menu.iter("option")
            if (value := (option.get("value") or "").strip()) and PAGE_LIKE.search(value)]
