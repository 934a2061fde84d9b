"""On a layout no profile knows: two candidates for the body text, and a measured rule.

Candidates:

- **located**: our own body (``locate.find_body`` in the tree our boilerplate
  rules cleaned), as text;
- **trafilatura**: trafilatura's extraction of the whole page, with the
  reader comments it finds kept apart.

Each candidate has lines the other lacks. The rule asks whose extra lines are
substance:

- trafilatura's extra lines count when our boilerplate rules kept them (they
  survive in the cleaned tree and are not noise lines) and they are prose as
  below: the footers, polls and counters it takes on Vietnamese portals do not
  survive, the paragraphs and sub-headings the located body missed do; the
  page's title, which trafilatura's reading opens with, a section's or the
  portal's name above the text, a date line, a related list's dated headlines
  and a signature the located element holds are no substance; on a Vietnamese
  page, nor is what it reads after the text both read outside the block that holds
  the located body (another column's: a sidebar's box of prose, a poll);
- the located body's extra lines count when they are prose, not a link's text
  (related lists), not a dated list item, and not what trafilatura read as
  reader comments (pingbacks, replies).

The candidate with more substance in its extra lines wins; on a Vietnamese page
trafilatura's reading, when it wins, keeps only the lines our boilerplate rules
kept (its related lists and widgets are what those rules remove). Each extractor is
trusted where it was built and measured: on a Vietnamese page the located
body wins a tie (it carries the portals' conventions: signature, source,
captions); elsewhere trafilatura wins a tie or a lead of the located body
under ``SMALL_LEAD`` characters (a promo line, an "Anzeige"), provided all it
adds survived our boilerplate rules. When both carry substance the other lacks (each found a different
part of the article), a third candidate is tried: the smallest element of the
cleaned tree holding the located body and the blocks trafilatura read; it wins
when it holds most of both. Measured on the peer pages (``tests/gold/peers.py``) and the gold
set's unknown layouts (``tests/gold/evaluate.py``), which pin it.
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import trafilatura
from lxml import html as lxml_html
from trafilatura.settings import Extractor

from common.dates import contains_date
from common.textnorm import clean_line, fold, is_vietnamese
from crawler.extraction.boilerplate import is_noise_line
from crawler.extraction.credits import is_credit
from crawler.extraction.textlines import found_date_line

logger = logging.getLogger(__name__)

PROSE_WORDS = 3  # a line of fewer words trafilatura adds is a badge or a field ("Mới"), no substance
KEPT_SHARE = 0.5  # trafilatura's lines our rules keep must hold this share of the located text
LIST_ITEM = 120  # a dated line shorter than this is a list item ("Tin khác ... (12/3/2024)")
BOTH_FOUND = 300  # characters of substance each candidate must hold alone for the container to be tried
SMALL_LEAD = 200  # on a foreign page, a located lead this small does not outweigh trafilatura
COVER = 0.9  # the container must hold this share of each candidate's text
MAX_PROBES = 30  # trafilatura's lines looked for in the tree
HEADLINE_CHARS = 20  # a title this long found in the body's text is its headline, not a word
LIST_MARK = re.compile(r"^\s*[-*•]\s+")
RUN_TOGETHER = 20  # characters of a known line that, found inside a longer line, are taken out of it
LABEL_WORDS = 4  # a section's name above the text is this many words at most ("Tin hoạt động")
SECTION_LABEL = 60  # characters: a line in capitals above the text shorter than this names a section
BLOCKS = ("p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "dd")


@dataclass
class Candidate:
    name: str
    text: str
    comments: str = ""


@dataclass
class Choice:
    chosen: Candidate
    gain: dict[str, int]  # substance in each candidate's extra lines, by name


@lru_cache(maxsize=1)
def _options() -> Extractor:
    return Extractor(output_format="python", comments=True, tables=True, with_metadata=False, dedup=False)


def _page_options(url: str | None) -> Extractor:
    """trafilatura's options for a whole page, built once and copied with the page's address:
    trafilatura builds them from its config file's parser on every call otherwise (a sixth of
    its time on a short page). It copies them before changing any."""
    options = copy.copy(_options())
    options.url = options.source = url
    return options


def trafilatura_candidate(html: str, url: str | None) -> Candidate | None:
    """trafilatura's body and comments for the whole page (None when it finds nothing)."""
    try:
        doc = trafilatura.bare_extraction(html, options=_page_options(url))
    except Exception:  # trafilatura raises assorted errors on odd pages
        logger.debug("trafilatura failed on %s", url)
        return None
    if doc is None or not (doc.text or "").strip():
        return None
    return Candidate("trafilatura", doc.text or "", doc.comments or "")


def choose(located: Candidate | None, other: Candidate | None, cleaned: lxml_html.HtmlElement,
           body: lxml_html.HtmlElement | None = None, to_text=None, title: str = "",
           dates: Iterable[str] = ()) -> Choice | None:
    """The candidate whose extra lines carry more substance (see the module's rule).

    ``body`` is the located element and ``to_text`` turns an element into text: with
    both, the container of the two candidates is tried when each has what the other lacks.
    ``title``: the page's title, which trafilatura's reading opens with and is no substance;
    ``dates``: the page's date lines found, no substance either (as the text will drop them).
    """
    if located is None or not located.text.strip():
        return Choice(other, {}) if other else None
    if other is None:
        return Choice(located, {})
    mine, theirs = _lines(located.text), _lines(other.text)
    # a line the other candidate holds anywhere (they break lines differently) is shared
    mine_all, theirs_all = " ".join(mine), " ".join(theirs)
    read_as_comments = " ".join(_lines(other.comments))
    kept = " ".join(cleaned.text_content().split())  # what our boilerplate rules left
    links = {clean_line(a.text_content()) for a in cleaned.iter("a")}
    shared = [i for i, line in enumerate(theirs) if line in mine_all]
    shared_from, shared_to = (shared[0], shared[-1]) if shared else (len(theirs), len(theirs))
    # what the located element holds after the text both read is no gain of trafilatura's, though
    # the located reading dropped it: a signature line (the author is read from the element)
    held = " ".join(body.text_content().split()) if body is not None else ""
    vietnamese = is_vietnamese(f"{title} {located.text}")  # a notice's text may be a file's name alone
    # on a portal, what trafilatura reads after the text both read and outside the block that holds
    # the located body is another column's: a sidebar's box of prose ("Giới thiệu chung"), a poll
    beside = _block_text(body, title) if vietnamese else None
    elsewhere = {i for i, line in enumerate(theirs) if beside is not None and i > shared_to
                 and line not in mine_all and _bare(line) not in beside}
    extra_other = [_beyond(line, mine, title) for i, line in enumerate(theirs)
                   if line not in mine_all and not (i < shared_from and _section_label(line, vietnamese))
                   and not (i > shared_to and line in held) and i not in elsewhere]
    found = {fold(d) for d in dates}
    extra_other = [line for line in extra_other if line and not found_date_line(fold(line), found)]
    gain_other = sum(len(line) for line in extra_other
                     if _kept(line, kept) and _prose(line, links) and len(line.split()) >= PROSE_WORDS)
    gain_located = sum(len(line) for line in mine if line not in theirs_all
                       and line not in read_as_comments and _prose(line, links))
    gain = {located.name: gain_located, other.name: gain_other}
    if min(gain_located, gain_other) >= BOTH_FOUND and body is not None and to_text is not None:
        holder = container(body, theirs, cleaned)
        if holder is not None:  # its lines that either candidate read, in its order
            lines = [line for line in _lines(to_text(holder)) if line in mine_all or line in theirs_all]
            text = " ".join(lines)
            if _covers(text, mine) and _covers(text, theirs):
                return Choice(Candidate("container", "\n".join(lines)), gain)
    if gain_other > gain_located:
        if vietnamese:  # where our rules were built: what they removed stays out
            lines = _in_page_order([line for i, line in enumerate(theirs)
                                    if line in mine_all or (_kept(_bare(line), kept) and i not in elsewhere)],
                                   kept)
            first = next((i for i, line in enumerate(lines) if line in mine_all), len(lines))
            lines = [line for i, line in enumerate(lines)  # the section's name above the post, put first
                     if i >= first or not _section_label(line, vietnamese)]
            if sum(map(len, lines)) >= KEPT_SHARE * len(located.text):
                return Choice(Candidate(other.name, "\n".join(lines), other.comments), gain)
            # what is left of trafilatura's reading lost what both read (its lines run a cell's
            # paragraphs together past a caption it dropped): the located text holds it
            return Choice(located, gain)
        return Choice(other, gain)
    # all it adds that would be substance survived our boilerplate rules (a date line or a
    # headline it adds is no substance either way)
    clean_other = gain_other == sum(len(line) for line in extra_other if _prose(line, links))
    if not vietnamese and clean_other and gain_located < SMALL_LEAD:
        return Choice(other, gain)
    return Choice(located, gain)


def kept_only(text: str, cleaned: lxml_html.HtmlElement) -> str:
    """trafilatura's reading less the lines our boilerplate rules removed from ``cleaned``."""
    kept = " ".join(cleaned.text_content().split())
    return "\n".join(line for line in _lines(text) if _kept(_bare(line), kept))


def container(body: lxml_html.HtmlElement, lines: list[str], cleaned: lxml_html.HtmlElement):
    """The smallest element holding ``body`` and the blocks where ``lines`` stand (not <body>)."""
    wanted = [line for line in lines if len(line) >= 40][:MAX_PROBES]
    if not wanted:
        return None
    holders = [el for el in cleaned.iter(*BLOCKS)
               if any(line in " ".join(el.text_content().split()) for line in wanted)]
    if not holders:
        return None
    ancestors = {id(el): el for el in body.iterancestors()} | {id(body): body}
    common = body
    for el in holders:
        node = el
        while node is not None and id(node) not in ancestors:
            node = node.getparent()
        if node is None:
            return None
        if node in common.iterancestors():
            common = node
    return None if common.tag in ("body", "html") else common


def _block_text(body: lxml_html.HtmlElement | None, title: str = "") -> str | None:
    """The text of the block that holds the located body (its parent), spaces folded; None where
    that is the whole page. A body holding the headline is the post's whole block: its parent
    is the page's row, whose other column (a sidebar) is no part of the post."""
    parent = body.getparent() if body is not None else None
    if parent is None or parent.tag in ("body", "html", "form"):
        return None
    headline = clean_line(title)
    if len(headline) >= HEADLINE_CHARS and headline in (own := " ".join(body.text_content().split())):
        return own
    return " ".join(parent.text_content().split())


def _covers(text: str, lines: list[str]) -> bool:
    total = sum(len(line) for line in lines)
    return sum(len(line) for line in lines if line in text) >= COVER * total


def _lines(text: str) -> list[str]:
    return list(dict.fromkeys(line for line in map(clean_line, text.splitlines()) if line))


def _in_page_order(lines: list[str], page: str) -> list[str]:
    """trafilatura's lines in the order the page prints them: it reads a block its body
    expressions name first (``ArticleContent``, ``entry-content``) and what it recovers after it,
    so the lead above that block closed the text. A line the page's text does not hold keeps its
    place after the line before it."""
    places, last = [], -1.0
    for line in lines:
        found = page.find(" ".join(_bare(line).split()))
        last = float(found) if found >= 0 else last + 1e-6
        places.append(last)
    order = sorted(range(len(lines)), key=lambda i: places[i])
    return [lines[i] for i in order]


def _bare(line: str) -> str:
    """A line of trafilatura's without its list and table marks ("- ", "| a | b |")."""
    return " ".join(LIST_MARK.sub("", line).replace("|", " ").split())


def _kept(line: str, kept: str) -> bool:
    return not is_noise_line(line) and " ".join(line.split()) in kept


def _beyond(line: str, mine: list[str], title: str) -> str:
    """What a line of trafilatura's says beyond the title and the located lines it holds: it runs
    inline blocks together ("<title><date><lead>" as one line), whose only news is the date."""
    for known in (clean_line(title), *mine):
        if len(known) >= RUN_TOGETHER and known in line:
            line = line.replace(known, " ")
    return clean_line(line)


def _section_label(line: str, vietnamese: bool = False) -> bool:
    """A short line above the text both read that names a section or the portal: in capitals
    ("TIN TỨC - SỰ KIỆN"), or a few words that end no sentence ("Tin hoạt động"); on a
    Vietnamese page any short line that ends no sentence ("Cổng thông tin điện tử huyện Mỹ
    Thành": a portal's lead is a sentence or two)."""
    if len(line) >= SECTION_LABEL or not any(c.isalpha() for c in line):
        return False
    sentence = line.endswith((".", "!", "?", ":"))
    return line.upper() == line or not sentence and (vietnamese or len(line.split()) <= LABEL_WORDS)


STAMP_FIRST = re.compile(r"^[\d\s:/.,]+[|•·\-–]\s*")  # a header row's time before its byline


def _prose(line: str, links: set[str]) -> bool:
    """Whether a line is substance: not a link, a widget's line, a credit (after the time a header
    row prints before it: "08:19 | Tác giả: …"), a time or a short dated line."""
    if line in links or is_noise_line(line) or is_credit(STAMP_FIRST.sub("", line, count=1)):
        return False
    if not any(c.isalpha() for c in line):  # a time, a number: what a date line leaves ("08:13")
        return False
    return not (len(line) < LIST_ITEM and contains_date(line))
