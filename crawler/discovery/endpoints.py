"""Load-more and listing endpoints: listings paged by script instead of by links.

"Xem thêm" buttons carry their endpoint in a ``data-*`` attribute
(``data-url="/Ajax/LoadMore.ashx?cat=3&skip=10"``) or build it in inline script
(``'/api/news?cat=' + catId + '&page=' + pageIndex``). Either way it is a URL with a paging
parameter (page, skip, offset, start, cur...), or jQuery's call gives the paging parameter in
its data apart from the address (``$.ajax({url: '/Services/Tin.asmx/DanhSach', type: 'POST',
data: JSON.stringify({catId: 3, pageIndex: pageIndex})})``, ``$.post(url, {page: p})``): a form
post, or an ASP.NET web method's JSON. :func:`endpoints_in` finds them; the spider requests
them value after value while each answer brings new links; :func:`answer_links` reads an
answer, an HTML fragment or JSON (with the titles and dates JSON carries).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import islice
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from lxml import etree
from lxml import html as lxml_html

from common.urls import joined

PAGE_PARAM = re.compile(r"^(?:page|pageindex|pagenumber|pageno|pagenum|currentpage|p|pg|trang|"
                        r"skip|offset|start|from|cur|_\w+_cur)$", re.I)
OFFSET_PARAM = re.compile(r"^(?:skip|offset|start|from)$", re.I)
URL_ATTRIBUTES = ("data-url", "data-href", "data-source", "data-api", "data-endpoint", "data-load",
                  "data-ajax", "data-next", "data-link", "data-src")
# the inline scripts and the data-* attributes, found by libxml2: a walk over every element asking
# for each attribute in Python was a twentieth of a single-portal crawl's reactor (py-spy)
_CANDIDATES = etree.XPath("//script[not(@src)] | //@*[starts-with(name(), 'data-')]")
STRING = r"'[^'\n]*'|\"[^\"\n]*\""
TERM = rf"(?:{STRING}|[A-Za-z_$][\w$.]*|\d+)"
CONCAT = re.compile(rf"(?:{STRING})(?:\s*\+\s*{TERM})*")
ASSIGN = r"(?:\bvar|\blet|\bconst|[,{{;]|^)\s*{name}\s*[:=]\s*['\"]?([\w.-]*)['\"]?"
URL_KEYS = re.compile(r"^(?:url|link|href|path|fileref|permalink|detailurl|linkdetail|uri)$", re.I)
TITLE_KEYS = re.compile(r"^(?:title|tieude|name|ten|headline)$", re.I)
DATE_KEYS = re.compile(r"^(?:date|ngay\w*|published\w*|created\w*|publishdate|pubdate|postdate|time)$", re.I)
HTML_KEYS = re.compile(r"^(?:html|content|data|items?|result|d)$", re.I)
MAX_JSON_NODES = 20_000  # a JSON answer is walked this far at most


@dataclass(frozen=True)
class Endpoint:
    url: str  # the first request's URL
    param: str  # the paging parameter
    value: int  # its value in ``url`` (or in ``form``)
    step: int  # added for the next request; 0: the number of items the last answer held
    method: str = "GET"
    form: tuple[tuple[str, str], ...] = ()  # a POST's fields, the paging one among them
    as_json: bool = False  # the fields sent as a JSON object (an ASP.NET web method's)

    def following(self, items: int) -> Endpoint:
        value = self.value + (self.step or max(items, 1))
        if self.method == "POST":
            form = tuple((k, str(value) if k == self.param else v) for k, v in self.form)
            return replace(self, value=value, form=form)
        return replace(self, url=with_param(self.url, self.param, value), value=value)


@dataclass(frozen=True)
class Hint:
    url: str
    title: str = ""
    date: str = ""


def with_param(url: str, name: str, value: int) -> str:
    parts = urlsplit(url)
    params = [(k, str(value) if k == name else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    return urlunsplit(parts._replace(query=urlencode(params)))


def _endpoint(url: str, first: int | None = None) -> Endpoint | None:
    """An endpoint when ``url`` has a paging parameter."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if PAGE_PARAM.match(name) and (value.isdigit() or first is not None):
            current = first if first is not None else int(value)
            # skip=10 on the button: each click skips 10 more; skip=0: as many as the answer held
            step = (current if current > 0 else 0) if OFFSET_PARAM.match(name) else 1
            return Endpoint(with_param(url, name, current), name, current, step)
    return None


def _script_urls(script: str) -> Iterator[tuple[str, int | None]]:
    """URLs a script builds from string literals and variables: (url, first paging value or None)."""
    for match in CONCAT.finditer(script):
        head = match[0][1:match[0].index(match[0][0], 1)]
        if not head.startswith(("/", "http")) or ("?" not in match[0] and "/" not in head[1:]):
            continue
        url, first = _evaluate(match[0], script)
        if url:
            yield url, first


def _evaluate(expression: str, script: str) -> tuple[str, int | None]:
    """A concatenation of literals and variables as the script would make it ('' where a
    variable's value is not in the script), and the first paging value where a variable fills
    a paging parameter (``'...&page=' + pageIndex``)."""
    url, first = "", None
    for term in re.findall(TERM, expression):
        if term[0] in "'\"":
            url += term[1:-1]
        elif term.isdigit():
            url += term
        else:  # a variable: its value in the script, or the paging slot
            name = term.split(".")[-1]
            value = re.search(ASSIGN.format(name=re.escape(name)), script, re.M)
            param = url.rsplit("&", 1)[-1].rsplit("?", 1)[-1][:-1] if url.endswith("=") else ""
            if param and PAGE_PARAM.match(param):
                first = int(value[1]) if value and value[1].isdigit() else 1
                url += str(first)
            elif value and value[1]:
                url += value[1]
            else:
                return "", None
    return url, first


# jQuery's calls: ``$.ajax({...})`` with its options, ``$.get``/``$.getJSON``/``$.post(url, {...})``,
# ``$('#list').load(url, {...})`` (a POST, its data being an object)
AJAX = re.compile(r"(?:\$|\bjQuery)\s*\.\s*ajax\s*\(\s*\{")
SHORTHAND = re.compile(rf"(?:(?:\$|\bjQuery)\s*\.\s*(?P<verb>getJSON|get|post)|\.\s*(?P<load>load))\s*\(\s*"
                       rf"(?P<url>{CONCAT.pattern})\s*,\s*(?P<json>JSON\.stringify\(\s*)?\{{(?P<data>[^{{}}]*)\}}")
OPTION_URL = re.compile(rf"\burl\s*:\s*(?P<url>{CONCAT.pattern})")
OPTION_POST = re.compile(r"\b(?:type|method)\s*:\s*['\"]POST['\"]", re.I)
OPTION_DATA = re.compile(rf"\bdata\s*:\s*(?:(?P<json>JSON\.stringify\(\s*)?\{{(?P<data>[^{{}}]*)\}}"
                         rf"|(?P<query>{CONCAT.pattern}))")
OPTION_JSON = re.compile(r"\bcontentType\s*:\s*['\"][^'\"]*json", re.I)
PAIR = re.compile(rf"""(?:^|,)\s*['"]?(?P<key>[A-Za-z_$][\w$]*)['"]?\s*:\s*(?P<value>{STRING}|[^,]+)""")
MAX_OPTIONS = 4000  # characters of a $.ajax call's options read
MAX_CALLS = 50  # calls of each kind read from one script: a listing's script makes a few


def _ajax_calls(script: str) -> Iterator[tuple[str, bool, dict | str, bool]]:
    """jQuery's calls in ``script``: (address expression, a POST, its data: an object's inside as
    a dict, or a query string's expression, sent as JSON)."""
    for match in islice(SHORTHAND.finditer(script), MAX_CALLS):
        post = bool(match["load"]) or match["verb"] == "post"
        yield match["url"], post, _pairs(match["data"]), bool(match["json"])
    for match in islice(AJAX.finditer(script), MAX_CALLS):
        options = _balanced(script, match.end() - 1)
        url, data = OPTION_URL.search(options), OPTION_DATA.search(options)
        if url and data:
            as_json = bool(data["json"] or OPTION_JSON.search(options))
            fields = data["query"] if data["query"] else _pairs(data["data"] or "")
            yield url["url"], bool(OPTION_POST.search(options)), fields, as_json


def _pairs(inside: str) -> dict:
    """An object literal's fields, their values' expressions as written."""
    return {m["key"]: m["value"].strip() for m in PAIR.finditer(inside)}


def _value(key: str, expression: str, script: str) -> str:
    """A data field's value as the script would send it first; a paging field's is a number (its
    variable's first value, and what ``pageIndex + 1`` adds to it), 1 when the script does not say."""
    if not PAGE_PARAM.match(key):
        return _evaluate(expression, script)[0]
    if expression.isdigit():
        return expression
    name = re.match(r"([A-Za-z_$][\w$.]*)(?:\s*\+\s*(\d+))?", expression)
    value = name and re.search(ASSIGN.format(name=re.escape(name[1].split(".")[-1])), script, re.M)
    first = int(value[1]) if value and value[1].isdigit() else 1
    return str(first + int(name[2] or 0) if name else first)


def _balanced(script: str, start: int) -> str:
    """The object literal opening at ``start``, to its closing brace (strings skipped), at most
    :data:`MAX_OPTIONS` characters."""
    depth, quote = 0, ""
    for i in range(start, min(len(script), start + MAX_OPTIONS)):
        char = script[i]
        if quote:
            quote = "" if char == quote and script[i - 1] != "\\" else quote
        elif char in "'\"":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return script[start:i + 1]
    return script[start:start + MAX_OPTIONS]


def _ajax_endpoints(script: str, base_url: str) -> Iterator[Endpoint]:
    """The paging endpoints of a script's jQuery calls whose data holds a paging parameter."""
    for expression, post, data, as_json in _ajax_calls(script):
        address, _ = _evaluate(expression, script)
        url = joined(base_url, address) if address.startswith(("/", "http")) or "." in address else None
        if not url:
            continue
        if isinstance(data, str):  # a query string: 'cat=3&page=' + page
            pairs = parse_qsl(_evaluate(data, script)[0], keep_blank_values=True)
        else:
            pairs = [(key, _value(key, expression, script)) for key, expression in data.items()]
        paging = next(((k, v) for k, v in pairs if PAGE_PARAM.match(k) and v.isdigit()), None)
        if paging is None:
            continue
        if not post:
            endpoint = _endpoint(f"{url}{'&' if '?' in url else '?'}{urlencode(pairs)}")
        else:
            name, value = paging[0], int(paging[1])
            step = (value if value > 0 else 0) if OFFSET_PARAM.match(name) else 1
            endpoint = Endpoint(url, name, value, step, "POST", tuple(pairs), as_json)
        if endpoint is not None:
            yield endpoint


def endpoints_in(root, base_url: str) -> list[Endpoint]:
    """The paging endpoints a page's ``data-*`` attributes and inline scripts name."""
    found: dict[tuple[str, str], Endpoint] = {}
    for node in _CANDIDATES(root):  # in document order, as a walk over every element gave them
        if isinstance(node, str):  # a data-* attribute's value (lxml gives its name with it)
            if node.attrname in URL_ATTRIBUTES and (
                    endpoint := _endpoint(joined(base_url, node.strip()) or "")) is not None:
                found.setdefault((urlsplit(endpoint.url).path, endpoint.param), endpoint)
        elif node.text:
            for url, first in _script_urls(node.text):
                if (endpoint := _endpoint(joined(base_url, url) or "", first)) is not None:
                    found.setdefault((urlsplit(endpoint.url).path, endpoint.param), endpoint)
            if "ajax" in node.text or "$." in node.text or ".load" in node.text:
                for endpoint in _ajax_endpoints(node.text, base_url):
                    found.setdefault((urlsplit(endpoint.url).path, endpoint.param), endpoint)
    return list(found.values())


def answer_links(body: bytes, content_type: str, base_url: str) -> list[Hint]:
    """The article links an endpoint's answer holds: anchors of an HTML fragment, or URLs of JSON."""
    text = body.decode("utf-8", "replace").strip()
    if "json" in content_type or text[:1] in "[{":
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if data is not None:
            return _json_links(data, base_url)
    return _fragment_links(text, base_url)


def _fragment_links(text: str, base_url: str) -> list[Hint]:
    if not text.strip():
        return []
    try:
        root = lxml_html.fragment_fromstring(text, create_parent="div")
    except (ValueError, lxml_html.etree.ParserError):
        return []
    hints = []
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        if href and not href.startswith(("#", "javascript:", "mailto:")) and (url := joined(base_url, href)):
            hints.append(Hint(url, " ".join(anchor.text_content().split())))
    return hints


def _json_links(data, base_url: str) -> list[Hint]:
    hints: list[Hint] = []
    stack, walked = [data], 0
    while stack and walked < MAX_JSON_NODES:
        node = stack.pop()
        walked += 1
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            url = _field(node, URL_KEYS)
            if url and (absolute := joined(base_url, url)):
                title, when = _field(node, TITLE_KEYS), _field(node, DATE_KEYS)
                hints.append(Hint(absolute, " ".join(title.split()), when))
            for key, value in node.items():
                if isinstance(value, dict | list):
                    stack.append(value)
                elif isinstance(value, str) and HTML_KEYS.match(key) and "<a" in value:
                    hints.extend(_fragment_links(value, base_url))
    return hints


def _field(node: dict, keys: re.Pattern) -> str:
    """The first non-empty string (or number) under a key ``keys`` matches."""
    for key, value in node.items():
        if keys.match(key) and isinstance(value, str | int) and not isinstance(value, bool):
            if str(value).strip():
                return str(value).strip()
    return ""
