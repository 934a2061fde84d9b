"""Menus in a portal's own script files: the links a browser would draw from them.

Portals of the 2000s drew their menus from a script file of their own (``<script
src="/js/menu.js">``): ``document.write`` calls, or a menu library's arrays
(``Menu1 = new Array("Tin tức", "tin-tuc.htm", ...)``, ``aI("text=Tin tức;url=tin-tuc.htm;")``).
The page itself then links no section. A crawl without a browser reads such a file as
Heritrix's script extractor does: the page addresses it names. Libraries (jQuery and the
like), minified bundles and a platform's combined scripts name no sections: they are not
fetched.
"""

from __future__ import annotations

import re

from crawler.discovery.browser import WRITTEN_ANCHOR

MAX_SCRIPTS = 4  # own script files read from one page
MAX_SCRIPT_BYTES = 512 * 1024  # a menu is a few kilobytes; a bundle is not a menu
MAX_LINKS = 300  # addresses taken from one script
LIBRARY = re.compile(  # short names whole: "responsive-menu.js" is a portal's own
    r"jquery|bootstrap|analytics|gtag|google|facebook|fbevents|swfobject|modernizr|html5shiv|angular|"
    r"lodash|popper|fancybox|lightbox|select2|datepicker|recaptcha|polyfill|"
    r"\b(?:respond|react|vue|moment|slick|owl)\b|\.min\.js|combo|minifier|barebone|\.jsp", re.I)
# a page's address in a script: quoted, or after ``url=`` / ``href=`` in a menu's item string
PAGE_ADDRESS = re.compile(
    r"""(?:["']|\burl=|\bhref=)\s*(?P<address>(?:https?://[^"'\s;<>()]+?|[\w\-./%~]+?)"""
    r"""\.(?:s?html?|aspx?|php|jsp|cfm)(?:\?[^"'\s;<>()]*)?)(?=["';\s)>]|$)""", re.I)


def menu_scripts(root) -> list[str]:
    """The ``src`` of the page's own script files that may draw its menu, as written."""
    found = []
    for script in root.iter("script"):
        src = (script.get("src") or "").strip()
        if src and not src.lower().startswith(("data:", "javascript:")) and not LIBRARY.search(src):
            found.append(src)
    return list(dict.fromkeys(found))[:MAX_SCRIPTS]


def script_links(code: str) -> list[str]:
    """The page addresses a script names, as written (relative ones are the including page's)."""
    found = [m["href"] for m in WRITTEN_ANCHOR.finditer(code)]
    found += [m["address"] for m in PAGE_ADDRESS.finditer(code)]
    return list(dict.fromkeys(a for a in found if "\\" not in a and "'" not in a))[:MAX_LINKS]
