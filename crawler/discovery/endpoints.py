"""Load-more and listing endpoints: listings paged by script instead of by links.

"Xem thêm" buttons carry their endpoint in a ``data-*`` attribute
(``data-url="/Ajax/LoadMore.ashx?cat=3&skip=10"``) or build it in inline script
(``'/api/news?cat=' + catId + '&page=' + pageIndex``). Either way it is a URL with a paging
parameter (page, skip, offset, start, cur...). :func:`endpoints_in` finds them; the spider
requests them value after value while each answer brings new links; :func:`answer_links`
reads an answer, an HTML fragment or JSON (with the titles and dates JSON carries).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
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
    value: int  # its value in ``url``
    step: int  # added for the next request; 0: the number of items the last answer held

    def following(self, items: int) -> Endpoint:
        step = self.step or max(items, 1)
        return Endpoint(with_param(self.url, self.param, self.value + step), self.param, self.value + step,
                        self.step)


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
        terms = re.findall(TERM, match[0])
        head = terms[0][1:-1]
        if not head.startswith(("/", "http")) or ("?" not in match[0] and "/" not in head[1:]):
            continue
        url, first = "", None
        for term in terms:
            if term[0] in "'\"":
                url += term[1:-1]
            elif term.isdigit():
                url += term
            else:  # a variable: its value in the script, or the paging slot
                name = term.split(".")[-1]
                value = re.search(ASSIGN.format(name=re.escape(name)), script, re.M)
                if url.endswith("=") and PAGE_PARAM.match(url.rsplit("&", 1)[-1].rsplit("?", 1)[-1][:-1]):
                    first = int(value[1]) if value and value[1].isdigit() else 1
                    url += str(first)
                elif value and value[1]:
                    url += value[1]
                else:
                    url = ""
                    break
        if url:
            yield url, first


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
