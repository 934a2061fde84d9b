"""Deciding what an article is: a title, enough text, and not a listing.

A page is stored when it has a title, at least ``MIN_BODY_CHARS`` of text and
does not look like a list: not mostly link text, not several headline links,
not mostly lines starting or ending with a date. Whether it is a listing is
judged on the located region, whichever candidate's text was chosen
(trafilatura reads a teaser out of a listing as if it were prose). A post with
a title and a date line by it is an article however short its body (a
two-sentence notice, a list of attachments), unless the body is a teaser. An undated
page the site's menu links, or named as a portal's page about itself (Giới thiệu, Liên
hệ, Cơ cấu tổ chức), is a static page, not an article (it stays in the WARC).
"""

from __future__ import annotations

import re
from itertools import islice

from lxml import etree

from common.dates import contains_date, without_dates
from common.textnorm import clean_line, fold, is_vietnamese
from common.urls import is_binary, is_index_page
from crawler.documents.detail import document_page
from crawler.extraction.attachments import attachment_anchors, links_document
from crawler.extraction.boilerplate import MEDIA, is_noise_line
from crawler.extraction.dateread import is_sentence
from crawler.extraction.headlines import (
    ENTRIES,
    HEADLINE_CHARS,
    READ_MORE,
    READ_MORE_MARKS,
    among_dated_entries,
    headline_link_before,
    headlines_around,
    leads_away,
    links_away,
    shows_another_post,
    shows_posts_in_full,
)
from crawler.extraction.result import Extraction, Rejection
from crawler.extraction.selflinks import STATIC_WORDS
from crawler.extraction.titles import is_label

MIN_BODY_CHARS = 300
DOCUMENT_PAGE_CHARS = 1200  # a document's page is its fields; more text is an article about it
MIN_POST_CHARS = 1  # a dated post's body, however short: "Xem văn bản" over a file the crawl could not link
MAX_LINK_DENSITY = 0.4
HEADLINED_SHARE = 0.6  # of a short text's words (besides days) in headlines: a list read as text
# other posts' headlines that make a section page when the page's own headline links to another post
# (fewer than ENTRIES: a "Xem tiếp" may lead to a source)
LINKED_ENTRIES = 2
TEASER_TAIL = 25  # an excerpt cut short ("…", "[...]") ends its line, or a link's words follow
TEASER_WORDS = READ_MORE | {"xem them"}  # closing an excerpt; elsewhere it links a section's page
# an excerpt cut short and its link on, inside a line: a layout table's row read as one line
TEASER_INSIDE = re.compile(r"(?:…|\.\.\.)\]?\s*[\[(]?(?:"
                           + "|".join(sorted(TEASER_WORDS, key=len, reverse=True)) + r")\b")
LINKED_SHARE = 0.5  # of a text read where no block held it: other pages' headlines make it a listing
TEASED = 5  # ... or this many of them (each with its lead)
# What a portal's pages about itself are called: an undated page so titled is no article.
# A search's or a tag's results page, titled so whole ("Kết quả tìm kiếm", "Tìm kiếm: nông thôn mới",
# "Từ khóa: chuyển đổi số"): its rows are other pages' ("Tìm kiếm tài năng trẻ", "Tìm kiếm - cứu nạn"
# are posts)
SEARCH_TITLES = re.compile(r"^(?:(?:ket qua )?tim kiem|search(?: results?)?|ket qua tra cuu)"
                           r"(?:\s*:|\s+(?:cho|voi|theo)\b|\s*$)|^(?:tags?|tu khoa|the)\s*:"
                           # its count of results, where the count is taken for the title
                           r"|^(?:tim thay|co) [\d.,]+ ket qua\b"
                           r"|^[\d.,]+ ket qua (?:tim kiem|phu hop|duoc tim thay)")


# The whole title, a body's name at most after it: "Giới thiệu sách mới" is a post.
STATIC_TITLES = re.compile(r"^(gioi thieu( chung)?|lien he|thong tin lien he"
                           r"|so do (to chuc|trang|website|cong)|co cau to chuc"
                           r"|chuc nang,? nhiem vu( va quyen han)?|lich su hinh thanh( va phat trien)?"
                           r"|danh ba( dien thoai)?|ban do( hanh chinh)?"
                           # the place itself, its leaders, the portal's own terms
                           r"|tong quan|dieu kien tu nhien|vi tri dia ly|dac diem tu nhien"
                           r"|tiem nang( phat trien| dau tu)?|ban lanh dao|don vi hanh chinh"
                           r"|ban bien tap|thong tin toa soan|huong dan su dung|chinh sach bao mat"
                           r"|quy che hoat dong)"
                           r"( (ve |cua )?(huyen|xa|tinh|thanh pho|thi xa|thi tran|phuong|quan|so|ban"
                           r"|uy ban|ubnd|co quan|don vi|trung tam|cong thong tin)\b.*)?$")


def judge(result: Extraction, body, located_text: str, dated: bool, url: str | None,
          title_el=None, anchor_texts: frozenset[str] = frozenset(),
          in_menu: bool = False) -> tuple[Rejection | None, str]:
    """Whether the page is an article: ``(None, "")``, or why not, for code and for people.

    Whether it is a listing is judged on the located region (its links, its dated
    lines), whichever candidate's text was chosen: trafilatura reads a teaser out of
    a listing page as if it were prose. A post with a title and a date line by it is
    an article however short its body (a two-sentence notice, a list of attachments).
    """
    if body is None and not result.text:
        return Rejection.LISTING, "no text block"  # cautious: such a page may list others
    vietnamese = is_vietnamese(f"{result.title} {result.text}")  # where the next two rules hold
    if url and vietnamese and is_index_page(url):
        # a portal's front page, whose welcome box ("Giới thiệu chung") read as a post, or a
        # section's own page: no post has such an address (elsewhere a site's index may be its page)
        return Rejection.LISTING, "the site's home page or a section's index page"
    if SEARCH_TITLES.match(fold(result.title.strip())):
        return Rejection.LISTING, "a search's or a tag's results"
    if body is not None and vietnamese and shows_posts_in_full(body, title_el):
        return Rejection.LISTING, "a section's page of posts shown in full"
    if vietnamese and shows_another_post(title_el, url):
        return Rejection.LISTING, "a section's page showing a post whole: its headline links the post's page"
    if not result.title:
        return Rejection.NOT_ARTICLE, "no title"
    if len(located_text or result.text) <= DOCUMENT_PAGE_CHARS and body is not None \
            and (stated := document_page(body.getroottree().getroot())):
        # its fields go with its file, which the crawl fetches from here (crawler.documents.detail)
        return Rejection.NOT_ARTICLE, f"a document's page ({stated.get('number') or stated.get('subject')})"
    if body is not None and _documents_table(body, title_el, url):
        # rows that each link a document with its day (number, date, subject, file): a page
        # listing documents, whose "title" is its section's name or one row's subject
        return Rejection.LISTING, "a table of documents"
    if body is not None and (around := headlines_around(body, title_el)) >= LINKED_ENTRIES \
            and ((links_away(title_el, url) or leads_away(body, title_el, url)) if around >= ENTRIES
                 else links_away(title_el, url)):
        # the post over the text is another page's, among others' headlines: a section page that
        # shows its newest post in full above the list
        return Rejection.LISTING, "a section page: its post is another page's, among other headlines"
    if len(result.text) < MIN_BODY_CHARS and not _short_post(result, body, dated, url, title_el):
        if dated and among_dated_entries(body, title_el, url):
            return Rejection.LISTING, "a teaser among dated entries"  # fetched again by later crawls
        if _headlines_only(result.text, anchor_texts) or (body is None and _mostly_headlines(
                result.text, anchor_texts)):  # a short section page: headlines and a pager
            return Rejection.LISTING, "other pages' headlines only"
        return Rejection.NOT_ARTICLE, f"too little text ({len(result.text)} chars)"
    if title_el is not None and body is not None and is_label(title_el) \
            and headline_link_before(body, title_el, url):
        # a section's name over another page's headline and its lead: the section page shows
        # its newest item in full above the list
        return Rejection.LISTING, "a section page: its text is another page's teaser"
    lines = [line for line in (located_text or result.text).split("\n") if line.strip()]
    dated = sum(1 for line in lines if _is_dated_item(line))
    # a timetable dated by its title, whose rows link nowhere, is a post ("Lịch công tác tuần 23");
    # one whose only days are its rows is a page the portal rewrites every week, or a listing
    if len(lines) >= 5 and dated > 0.5 * len(lines) and (
            in_menu or not _dated_apart(result, lines) or _rows_link_away(lines, anchor_texts)):
        return Rejection.LISTING, f"list of dated items ({dated} of {len(lines)} lines)"
    if body is None:  # trafilatura's reading of a page where no block held the text
        # ... which keeps a bare list of links as text: a home page of headlines read as an article
        # (a headline's day on a line of its own, "(01/03/2024)", is part of its row)
        linked = sum(1 for line in lines if clean_line(line) in anchor_texts or _is_dated_item(line))
        if len(lines) >= 5 and linked > 0.6 * len(lines):
            return Rejection.LISTING, f"mostly links and their days ({linked} of {len(lines)} lines)"
        # ... or a layout table read as one row ("| Tin mới | Tin tức ... |"), teasers and all
        text = " ".join(lines)
        headlines = [a for a in anchor_texts if len(a) >= HEADLINE_CHARS and a in text]
        if sum(map(len, headlines)) > LINKED_SHARE * len(text) or len(headlines) >= TEASED:
            return Rejection.LISTING, f"other pages' headlines ({len(headlines)})"
        # ... or the excerpts of a section's posts, each cut short and leading on to its post
        if (teased := sum(map(_teasers, lines))) >= 3 and teased > 0.5 * len(lines):
            return Rejection.LISTING, f"other posts' excerpts ({teased} cut short)"
        return _static(result, in_menu)
    files = attachment_anchors(body, url)  # documents are the post's content, not navigation
    # a link to the previous or the next post ("« Bài trước: …") is navigation, no headline
    link_texts = [len(text) for a in body.iter("a") if a not in files
                  and not is_noise_line(text := clean_line(a.text_content()))]
    body_chars = max(1, len(clean_line(body.text_content())))
    if len(link_texts) > 1 and sum(link_texts) > MAX_LINK_DENSITY * body_chars:
        # (one link is no list: a notice's line and the page of the decree it announces)
        return Rejection.LISTING, "mostly links"
    headlines = [n for n in link_texts if n >= HEADLINE_CHARS]
    if len(headlines) >= 3 and sum(headlines) > 0.15 * body_chars:
        return Rejection.LISTING, f"listing of {len(headlines)} headlines"
    if len(headlines) >= LINKED_ENTRIES and links_away(title_el, url):
        return Rejection.LISTING, "a section page: its post is another page's, above other headlines"
    return _static(result, in_menu)


def _teasers(line: str) -> int:
    """Posts' excerpts on a section page in a line: cut short ("…", "[...]") or closed by a "read
    more" at its end, or each cut short and followed by its link on, inside it."""
    tail = line.rstrip()[-TEASER_TAIL:]
    words = fold(tail).rstrip(READ_MORE_MARKS)
    ends = "…" in tail or "..." in tail or any(words.endswith(" " + more) for more in TEASER_WORDS)
    return max(int(ends), len(TEASER_INSIDE.findall(fold(line))))


DOCUMENT_ROWS = 3  # rows of a table that each link a document and name a day: a list of documents
DOCUMENTS_SHARE = 0.6  # of the body's text: the table is the page, not a post's attachments
DOCUMENT_FIELDS = re.compile(r"\b(so (ky )?hieu|trich yeu|ngay ban hanh)\b")  # a documents table's header


def _documents_table(body, title_el, url: str | None) -> bool:
    """Whether the body is mostly a table whose rows, at least three, each link a document and
    name a day, or fewer under a header naming a document's fields ("Số ký hiệu", "Trích yếu"),
    or the title or the body is a cell of one: a list of documents. A notice's table of files
    names no day a row."""
    around = [t for t in (_table_of(title_el), _table_of(body)) if t is not None]
    body_chars = 0  # read at the first table: most pages have none
    for table in around or islice(body.iter("table"), 20):
        body_chars = body_chars or max(1, len(clean_line(body.text_content())))
        if not around and len(clean_line(table.text_content())) < DOCUMENTS_SHARE * body_chars:
            continue  # a post's table of files or figures, not the page
        first = next(table.iter("tr"), None)
        header = " ".join(cell.text_content() for cell in first) if first is not None else ""
        needed = 1 if len(DOCUMENT_FIELDS.findall(fold(header))) >= 2 else DOCUMENT_ROWS
        # the link first: a layout table's row holds the whole page, and a date search over it
        # was a tenth of an unknown layout's extraction
        rows = (r for r in islice(table.iter("tr"), ROWS_READ)
                if links_document(r, url) and contains_date(r.text_content()))
        if next(islice(rows, needed - 1, None), None) is not None:
            return True
    return False


def _table_of(el):
    """The table ``el`` is a cell of (or in a cell of), if any."""
    if el is None:
        return None
    row = next((a for a in (el, *el.iterancestors()) if a.tag == "tr"), None)
    return next(row.iterancestors("table"), None) if row is not None else None


def _headlines_only(text: str, anchor_texts: frozenset[str]) -> bool:
    """Whether every line of a short text (three at least) is a link's text: other pages' headlines,
    as trafilatura reads a short list of them where no block held it."""
    lines = [clean_line(line) for line in text.split("\n") if line.strip()]
    return len(lines) >= 3 and all(len(line) >= ROW_LINK_CHARS and line in anchor_texts for line in lines)


def _mostly_headlines(text: str, anchor_texts: frozenset[str]) -> bool:
    """Whether other pages' headlines (two at least) make most of a short text's words: how
    trafilatura reads a list where no block held the text (a page laid out in a table reads
    as one row: "| Tin mới nhất | Tin tức <headline> 17/06/2024 <headline> 24/02/2024 |")."""
    found = [a for a in anchor_texts if len(a) >= HEADLINE_CHARS and a in text]
    words = len(without_dates(text).replace("|", " ").split())
    headlined = sum(len(a.split()) for a in found)
    # ... or one headline and its day, all that is left: a section page whose other rows the
    # cleaning took with the list
    return (len(found) >= 2 and headlined >= HEADLINED_SHARE * words) \
        or (len(found) == 1 and headlined >= words)


def _static(result: Extraction, in_menu: bool) -> tuple[Rejection | None, str]:
    """What is left of a page that lists nothing: an undated page about the portal itself
    (Giới thiệu, Liên hệ, Cơ cấu tổ chức), or one the site's menu links (a news post is reached
    from listings, not from the menu), is a static page; anything else an article. Asked last:
    the menu links the home page and the sections too, which are listings."""
    name = fold(clean_line(result.title))
    named = bool(STATIC_TITLES.match(name)) and len(name.split()) <= STATIC_WORDS
    if not result.date_candidates and (in_menu or named):
        return Rejection.NOT_ARTICLE, "static page: undated, named as one or in the site's menu"
    return None, ""


def _short_post(result: Extraction, body, dated: bool, url: str | None, title_el) -> bool:
    """A dated post with one sentence, attachments or pictures (a "Tin ảnh" story of photos
    alone) that is no teaser (asked of short texts only: the teaser checks walk the page)."""
    return (dated and (len(result.text) >= MIN_POST_CHARS or bool(result.attachments)
                       or _pictures(body) >= PICTURES or _shows_media(body))
            and not among_dated_entries(body, title_el, url))


# pictures in a dated body without text that make it a post: a photo story, or a notice whose
# text is its scan ("Thông báo lịch tiếp công dân" as one picture of the signed page)
PICTURES = 1
_SHOWN = etree.XPath(".//img[@src]")


def _pictures(body) -> int:
    """The pictures a body shows itself: a linked thumbnail is another page's, a picture linking
    to its own file (to open it larger) is the body's."""
    if body is None:
        return 0
    return sum(1 for img in _SHOWN(body)
               if (link := next(img.iterancestors("a"), None)) is None or is_binary(link.get("href") or ""))


_MEDIA = etree.XPath(f"boolean(descendant-or-self::*[@{MEDIA}])")


def _shows_media(body) -> bool:
    """Whether a video or a sound was shown in the body (a "Video" story: its player alone)."""
    return body is not None and bool(_MEDIA(body))


ROWS_READ = 100  # lines read for links: a listing's rows link from its first
ROW_LINK_CHARS = 15  # a link this long in a dated row names another page ("Trang chủ" does not)


def _dated_apart(result: Extraction, lines: list[str]) -> bool:
    """Whether the page's date line stands apart from its dated rows (a line of its own, or
    outside the text), not the first row of its table."""
    raw = next((clean_line(raw) for kind, raw in result.date_candidates if kind == "date line"), "")
    return bool(raw) and not any(raw in line and clean_line(line) != raw for line in lines)


def _rows_link_away(lines: list[str], anchor_texts: frozenset[str]) -> bool:
    """Whether the dated rows are other pages' headlines: a listing links its rows; a timetable
    ("Lịch công tác tuần", a day a row) is a post of its own, and links none."""
    names = [a for a in anchor_texts if len(a) >= ROW_LINK_CHARS]
    linked = (line for line in islice(lines, ROWS_READ) if any(a in line for a in names))
    return next(islice(linked, 1, None), None) is not None  # two of them


def _is_dated_item(line: str) -> bool:
    """A listing row: short, with a date at its start, or at its end where the line is no
    sentence (prose often closes on a day: "... có hiệu lực từ ngày 01/01/2024.")."""
    if len(line) >= 250:
        return False
    return contains_date(line[:25]) or (contains_date(line[-25:]) and not is_sentence(line))
