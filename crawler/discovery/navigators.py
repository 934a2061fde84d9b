"""A page's own functions that send the browser to an address built from their argument.

Older portals page their listings with a function of the page's: ``function goPage(p) {
window.location = 'TinTuc.aspx?cat=3&page=' + p; }``, called by the pager's links
(``javascript:goPage(3)``, ``onclick="return goPage(3);"``). Neither link names an address; a
browser would go to the one the function builds. :func:`called_links` reads the inline scripts'
short functions that assign ``location`` (or call ``location.replace``/``assign``), and gives
each link calling one the address it builds with the call's arguments. A function whose address
takes anything else (a field's value, another function's answer) is not read: its address is
not in the page. :func:`form_pagers` reads the functions that page by the page's form instead:
they set a field to their argument and submit the form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from lxml import etree

# a short function, its body without braces of its own (a pager's, not an application's)
# (a name is read from its first character only and is short: a minified script's long runs of
# letters would be tried from every one of them otherwise, in time growing as their square)
FUNCTION = re.compile(r"(?:function\s+(?P<name>[A-Za-z_$][\w$]{0,80})"
                      r"|(?<![\w$])(?P<var>[A-Za-z_$][\w$]{0,80})\s*=\s*function)"
                      r"\s*\((?P<params>[^()]{0,200})\)\s*\{(?P<body>[^{}]{0,600})\}")
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
    for name, params, body in _functions(root, "location"):
        if navigation := NAVIGATION.search(body):
            found[name] = (params, (navigation["assigned"] or navigation["called"]).strip())
    return found


def called_links(root, html: str) -> list[tuple[object, str]]:
    """(element, address) for each link or element whose click calls a navigating function of
    the page with arguments that make its address. ``html``: the page's text, which spares the
    walk where no function navigates."""
    if "location" not in html or "function" not in html:
        return []
    functions = navigators(root)
    built = ((el, _built(*functions[name], args)) for el, name, args in _calls(root, functions))
    return list(islice(((el, address) for el, address in built if address), MAX_LINKS))


def _functions(root, word: str):
    """(name, parameters, body) of each short function of the page's inline scripts that hold
    ``word``."""
    for script in root.iter("script"):
        code = script.text or ""
        if script.get("src") or word not in code:
            continue
        for function in FUNCTION.finditer(code):
            params = [p.strip() for p in function["params"].split(",") if p.strip()]
            yield function["name"] or function["var"], params, function["body"]


def _calls(root, functions: dict):
    """(element, function's name, its arguments as written) for each click that calls one of
    ``functions``."""
    for el in CALLERS(root) if functions else []:
        code = f"{el.get('onclick') or ''} {el.get('href') or ''}"
        for call in CALL.finditer(code):
            if call["name"] in functions:
                yield el, call["name"], call["args"]


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


# a function that pages by the page's form: sets a field to its argument, then submits the form
# (``document.frmList.page.value = p; document.frmList.submit();``, by the field's id, or jQuery's)
FIELD_SET = re.compile(
    r"document\.(?:forms\[\s*(?:\d+|['\"]\w+['\"])\s*\]|\w+)\.(?:elements\[\s*['\"](?P<element>[\w$]+)['\"]\s*\]"
    r"|(?P<field>[\w$]+))\.value\s*=\s*(?P<value>[\w$]+)"
    r"|document\.getElementById\(\s*['\"](?P<id>[\w$-]+)['\"]\s*\)\.value\s*=\s*(?P<by_id>[\w$]+)"
    r"|\$\(\s*['\"]#(?P<jquery>[\w$-]+)['\"]\s*\)\.val\(\s*(?P<by_jquery>[\w$]+)\s*\)")
SUBMIT = re.compile(r"\.submit\(\s*\)")


@dataclass(frozen=True)
class FormPage:
    field: str  # the form field the page number goes in
    value: str  # this link's page
    current: str  # the field's value as served: the page shown
    form: str  # an XPath to the form that holds the field


def form_pagers(root, html: str) -> list[FormPage]:
    """Each page a pager's links ask by calling a function of the page that sets a form's field to
    its argument, a number, and submits the form (a tag's link searching its word is no page)."""
    if "submit" not in html or "function" not in html:
        return []
    functions = _submitters(root)
    found: dict[tuple[str, str], FormPage] = {}
    fields: dict[tuple[str, str], object] = {}  # each function's field, looked for once
    for _, name, given in _calls(root, functions):
        params, reference, param = functions[name]
        args = dict(zip(params, (a.strip() for a in given.split(",")), strict=False))
        value = (literal[2] if (literal := STRING.match(args.get(param, ""))) else args.get(param, ""))
        if reference not in fields:
            fields[reference] = _field(root, *reference)
        if value.isdigit() and (field := fields[reference]) is not None:  # a page, not a search
            name = field.get("name")
            found.setdefault((name, value), FormPage(name, value, field.get("value") or "",
                                                     f"//form[.//*[@name='{name}']]"))
            if len(found) >= MAX_LINKS:
                break
    return list(found.values())


def _submitters(root) -> dict[str, tuple[list[str], tuple[str, str], str]]:
    """name -> (parameters, (how the field is named: "name" or "id", its name), the parameter set)."""
    found = {}
    for name, params, body in _functions(root, "submit"):
        if not SUBMIT.search(body) or not (setter := FIELD_SET.search(body)):
            continue
        param = setter["value"] or setter["by_id"] or setter["by_jquery"]
        named = setter["element"] or setter["field"]
        if param in params:
            reference = ("name", named) if named else ("id", setter["id"] or setter["jquery"])
            found[name] = (params, reference, param)
    return found


def _field(root, kind: str, name: str):
    """The form field named ``name`` (or with that id), inside a form; None when there is none."""
    for field in root.iter("input", "select"):
        if field.get(kind) == name and field.get("name") and re.fullmatch(r"[\w$.-]+", field.get("name")) \
                and any(a.tag == "form" for a in field.iterancestors()):
            return field
    return None
