"""A portal's template learnt from its own pages: where its title and date sit, what repeats.

A single-page extractor guesses; a crawler sees dozens of pages of one portal. What repeats
across them at the same place is template (the site's name, a category heading, a sidebar,
the account that posted: "admin admin"); what varies is the article. From a few article
pages of one site this module learns:

- the title's place: an element path whose text differs on every page and matches the
  page's ``<title>``, ``og:title`` or address slug on most of them (a heading that repeats,
  such as the category "Tin trong tỉnh", never qualifies);
- the date's place: an element path that holds one date on each page, a different one on
  most (a sidebar's list of dates holds several, and the same ones on every page);
- lines that repeat at one place on most pages and are no sentence: removed from the text;
- the order of the date's numbers, where some of its dates can only be read month first
  ("3/25/2024 2:30:00 PM", ASP.NET's en-US) and none only day first.

The result is a set of selectors in the registry's format (``[site.selectors]``), so the
extraction uses it as it uses a maintainer's: learnt places first, the generic finders
where they find nothing. A maintainer's own selectors win over learnt ones.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

from common.dates import MONTH_FIRST, DateError, contains_date, numeric_order, parse_date
from common.textnorm import clean_line, fold
from common.urls import slug
from crawler.extraction.budget import MAX_BYTES, ExtractionTimeout, time_budget
from crawler.extraction.places import path_of, xpath_of
from crawler.extraction.tree import parse_page

logger = logging.getLogger(__name__)

MIN_PAGES = 4  # pages of a site before anything is learnt
MAX_PAGES = 12  # pages a template is learnt from
PRESENT = 0.6  # share of pages a place must show up on
AGREE = 0.6  # share of pages on which a title place must match the page's own title or slug
LEARN_SECONDS = 30.0  # a site's template from its first pages takes well under a second
MAX_TEXT = 300  # longer texts are the article, not a title, a date or a template line
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "title", "meta", "link"}
_UPDATED = re.compile(r"\W*(cap nhat|sua doi|chinh sua|updated?|modified|last modified)\b")
_TITLE_NAMED = re.compile(r"(^|/)h[1-4]\b|title|tieu-?de|heading|headline", re.I)


@dataclass
class SiteTemplate:
    pages: int
    title: str | None = None  # XPath of the title's element
    body: str | None = None  # XPath of the article text's element
    date: str | None = None  # XPath of the date's element
    date_order: str | None = None  # "mdy"/"dmy" when some dates at that place read only so
    drop_text: list[str] = field(default_factory=list)  # regexes of whole lines to remove
    # url -> (title, date) as the learnt places read them on the pages learnt from
    examples: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    def selectors(self) -> dict[str, object]:
        out: dict[str, object] = {}
        if self.body:
            out["body"] = self.body
        if self.title:
            out["title"] = self.title
        if self.date:
            out["date"] = self.date
        if self.date_order:
            out["date_order"] = self.date_order
        if self.drop_text:
            out["drop_text"] = list(self.drop_text)
        return out


@dataclass
class _Page:
    title_hints: list[str]  # folded: <title>, og:title, the address's slug
    texts: dict[str, list[str]]  # element path -> the short texts at it, in order
    root: lxml_html.HtmlElement
    url: str = ""


def learn(pages: list[tuple[str, str]], seen: Mapping[str, tuple[str, str]] | None = None
          ) -> SiteTemplate | None:
    """The template of one site from ``(url, html)`` of its article pages; None with fewer
    than ``MIN_PAGES`` readable pages. ``seen``: url -> the title and text extracted from
    the page without a template; with it, the body's place is learnt too (``bodyplace``).
    Bounded as a page's extraction is: after ``LEARN_SECONDS`` nothing is learnt."""
    try:
        with time_budget(LEARN_SECONDS):
            return _learn([(url, bounded_text(html)) for url, html in pages[:MAX_PAGES]], seen)
    except ExtractionTimeout:
        logger.warning("learning a template stopped after %g s: the site is read without one", LEARN_SECONDS)
        return None


def bounded_text(html: str) -> str:
    """At most the characters extraction reads of a page (its byte cap, as characters)."""
    return html if len(html) <= MAX_BYTES else html[:MAX_BYTES]


def _learn(pages: list[tuple[str, str]], seen: Mapping[str, tuple[str, str]] | None) -> SiteTemplate | None:
    read = [p for p in (_read(url, html) for url, html in pages) if p is not None]
    if len(read) < MIN_PAGES:
        return None
    title, date = _title_place(read), _date_place(read)
    examples = {p.url: (_read_at(p.root, title), _read_at(p.root, date)) for p in read}
    order = numeric_order([placed for _, placed in examples.values() if placed])
    template = SiteTemplate(pages=len(read), title=title, date=date, drop_text=_repeated_lines(read),
                            examples=examples, date_order=order)
    if seen:
        from crawler.extraction.bodyplace import body_place  # extraction's stages: learnt in a worker

        template.body = body_place(pages, seen, template.selectors())
    return template


def _read_at(root, xpath: str | None) -> str | None:
    found = root.xpath(xpath) if xpath else []
    return clean_line(found[0].text_content()) if found and hasattr(found[0], "text_content") else None


def _read(url: str, html: str) -> _Page | None:
    try:
        root = parse_page(html)
    except (etree.ParserError, ValueError):
        return None
    heads = root.xpath("//title/text() | //meta[@property='og:title']/@content")
    hints = [fold(clean_line(t)) for t in heads]
    hints.append(" ".join(re.split(r"[-_+]+", fold(slug(url)))))
    texts: dict[str, list[str]] = defaultdict(list)
    body = root.find("body")
    for el in (body if body is not None else root).iter():
        if not isinstance(el.tag, str) or el.tag in _SKIP or el.tag == "a" or el.find(".//a") is not None:
            continue
        text = clean_line(el.text_content())
        if text and len(text) <= MAX_TEXT and (len(el) == 0 or _own_text(el)):
            texts[path_of(el)].append(text)
    return _Page([h for h in hints if h], dict(texts), root, url)


def _own_text(el) -> bool:
    """The element says something itself, not only through one child holding all its text."""
    return bool((el.text or "").strip()) or len(el) > 1


def _single(pages: list[_Page], path: str) -> list[str | None]:
    """The one text at ``path`` on each page, None where it holds none or several."""
    return [p.texts[path][0] if len(p.texts.get(path, [])) == 1 else None for p in pages]


def _title_place(pages: list[_Page]) -> str | None:
    """The place whose text varies from page to page and agrees with the page's own title or
    slug on most pages; where the pages carry no title of their own (a ``<title>`` that is only
    the site's name, addresses like ``Post.aspx?ID=123``), the one such place that is named a
    title (a heading, a class saying title) and differs on every page."""
    agreeing: list[tuple[float, str]] = []
    named: list[tuple[int, str]] = []
    for path in _common_paths(pages):
        texts = _single(pages, path)
        shown = [t for t in texts if t and 8 <= len(t) <= MAX_TEXT]
        if len(shown) < PRESENT * len(pages) or len(set(shown)) < 0.8 * len(shown):
            continue
        agree = sum(1 for t, p in zip(texts, pages, strict=True) if t and _matches(fold(t), p.title_hints))
        if agree >= AGREE * len(pages):
            agreeing.append((agree / len(pages), path))
        elif _TITLE_NAMED.search("/".join(path.rsplit("/", 2)[-2:])) and len(set(shown)) == len(shown):
            named.append((len(shown), path))
    for _, path in sorted(agreeing, reverse=True) or sorted(named, reverse=True)[:1]:
        if _selects(path, _single(pages, path), pages):
            return xpath_of(path)
    return None


def _matches(title: str, hints: list[str]) -> bool:
    words = title.split()
    return any(title in hint or (len(hint) >= 12 and hint in title)
               or (len(words) >= 3 and " ".join(words[:4]) in hint) for hint in hints)


def _date_place(pages: list[_Page]) -> str | None:
    """The place holding one date per page, a different one on most pages; a place labelled as
    the day of the last change ("Cập nhật") only when no other place qualifies."""
    found: list[tuple[str, int, bool]] = []
    for path in _common_paths(pages):
        texts = _single(pages, path)
        dated = [t for t in texts if t and len(t) <= 80 and contains_date(t) and _parses(t)]
        if len(dated) >= PRESENT * len(pages) and len(set(dated)) >= 0.5 * len(dated) \
                and _selects(path, texts, pages):
            updated = sum(1 for t in dated if _UPDATED.match(fold(t)))
            found.append((path, len(dated), updated > len(dated) / 2))
    found = [f for f in found if not f[2]] or found
    best, best_count = None, 0
    for path, count, _ in found:  # in page order: the first place wins a tie, unless the next is
        deeper = best is not None and path.startswith(best + "/")  # inside it (the cell, not the row)
        if count > best_count or (count == best_count and deeper):
            best, best_count = path, count
    return xpath_of(best) if best else None


def _parses(text: str) -> bool:
    try:
        parse_date(text)
    except DateError:
        return False
    return True


def _repeated_lines(pages: list[_Page]) -> list[str]:
    """Short lines at one place, the same on most pages, that are no sentence ("admin admin")."""
    out = []
    for path in _common_paths(pages):
        texts = _single(pages, path)
        counts = Counter(t for t in texts if t)
        for text, count in counts.items():
            if count >= 0.8 * len(pages) and len(text) <= 40 and not re.search(r"[.!?:;]", text) \
                    and len(text.split()) >= 2:
                out.append(f"^{re.escape(text)}$")
    return sorted(set(out))


def _common_paths(pages: list[_Page]) -> list[str]:
    counts = Counter(path for p in pages for path in p.texts)
    return [path for path, count in counts.items() if count >= PRESENT * len(pages)]


def _selects(path: str, texts: list[str | None], pages: list[_Page]) -> bool:
    """The XPath made of ``path`` finds that text first on the pages that have it."""
    selector = etree.XPath(xpath_of(path))
    hits = [clean_line(found[0].text_content()) == text if (found := selector(p.root)) else False
            for text, p in zip(texts, pages, strict=True) if text]
    return bool(hits) and sum(hits) >= 0.8 * len(hits)


def changes(template: SiteTemplate, seen: dict[str, tuple[str, str, list[tuple[str, str]]]]) -> bool:
    """Whether ``template`` changes what was extracted without it from the pages ``seen``
    (url -> title, text, date candidates): a title its place reads otherwise, a date its place
    puts before the others that falls on another day, a repeated line it drops. When none of
    the pages it was learnt from changes, reading the site's first pages again is wasted work."""
    drops = [re.compile(r) for r in template.drop_text]
    for url, (title, text, dates) in seen.items():
        if any(d.search(p) for d in drops for p in text.split("\n\n")):
            return True
        placed_title, placed_date = template.examples.get(url, (None, None))
        if placed_title and placed_title != clean_line(title):
            return True
        if placed_date:
            metadata = [c for c in dates if c[0].startswith(("meta", "markup", "htmldate"))]
            placed = ("profile" + (MONTH_FIRST if template.date_order == "mdy" else ""), placed_date)
            if _first_day([*metadata, placed]) != _first_day(dates):
                return True
    return False


def _first_day(candidates: list[tuple[str, str]]) -> str | None:
    for kind, raw in candidates:
        try:
            return parse_date(raw, month_first=kind.endswith(MONTH_FIRST)).value[:10]
        except DateError:
            continue
    return None
