"""A page's own functions that send the browser to an address built from their argument.

Older portals page their listings with a function of the page's: ``function goPage(p) {
window.location = 'TinTuc.aspx?cat=3&page=' + p; }``, called by the pager's links
(``javascript:goPage(3)``, ``onclick="return goPage(3);"``). Neither link names an address; a
browser would go to the one the function builds. :func:`called_links` reads the inline scripts'
short functions that assign ``location`` (or call ``location.replace``/``assign``), and gives
each link calling one the address it builds with the call's arguments. A function whose address
takes anything else (a field's value, another function's answer) is not read: its address is
not in the page.
"""

from __future__ import annotations

import re

from lxml import etree

# a short function, its body without braces of its own (a pager's, not an application's)
FUNCTION = re.compile(r"(?:function\s+(?P<name>[A-Za-z_$][\w$]*)|(?P<var>[A-Za-z_$][\w$]*)\s*=\s*function)\s*"
                      r"\((?P<params>[^()]*)\)\s*\{(?P<body>[^{}]{0,600})\}")
NAVIGATION = re.compile(
    r"\b(?:window\.|document\.|self\.|top\.)?location(?:\.href)?\s*=\s*(?P<assigned>[^;\n}]+)"
    r"|\blocation\.(?:replace|assign)\(\s*(?P<called>[^()]+?)\s*\)")
CALL = re.compile(r"(?<![\w$.])(?P<name>[A-Za-z_$][\w$]*)\s*\((?P<args>[^()]*)\)")
STRING = re.compile(r"""^(["'])(.*)\1$""", re.S)
TERM = re.compile(r"""'[^']*'|"[^"]*"|[^+\s]+""")  # a concatenation's terms, a string's "+" kept
CALLERS = etree.XPath("//*[@onclick] | //a[starts-with(normalize-space(@href), 'javascript:')]")
MAX_LINKS = 500  # addresses read from one page's calls


def navigators(root) -> dict[str, tuple[list[str], str]]:
    """The page's navigating functions: name -> (parameters, the address's expression)."""
    found = {}
    for script in root.iter("script"):
        code = script.text or ""
        if script.get("src") or "location" not in code:
            continue
        for function in FUNCTION.finditer(code):
            if navigation := NAVIGATION.search(function["body"]):
                params = [p.strip() for p in function["params"].split(",") if p.strip()]
                name = function["name"] or function["var"]
                found[name] = (params, (navigation["assigned"] or navigation["called"]).strip())
    return found


def called_links(root, html: str) -> list[tuple[object, str]]:
    """(element, address) for each link or element whose click calls a navigating function of
    the page with arguments that make its address. ``html``: the page's text, which spares the
    walk where no function navigates."""
    if "location" not in html or "function" not in html:
        return []
    functions = navigators(root)
    if not functions:
        return []
    found = []
    for el in CALLERS(root):
        code = f"{el.get('onclick') or ''} {el.get('href') or ''}"
        for call in CALL.finditer(code):
            if call["name"] in functions and (address := _built(*functions[call["name"]], call["args"])):
                found.append((el, address))
                if len(found) >= MAX_LINKS:
                    return found
    return found


def _built(params: list[str], expression: str, args: str) -> str:
    """The address ``expression`` makes with ``params`` given ``args`` ('' where a term is
    anything but a string, a number or a parameter)."""
    values = dict(zip(params, (a.strip() for a in args.split(",")), strict=False))
    address = ""
    for term in TERM.findall(expression):
        term = values.get(term, term)
        if literal := STRING.match(term):
            address += literal[2]
        elif term.isdigit():
            address += term
        else:
            return ""
    return address
