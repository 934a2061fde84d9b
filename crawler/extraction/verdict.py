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
from collections import Counter
from collections.abc import Callable
from itertools import islice
from typing import Any
from urllib.parse import unquote, urlsplit

from lxml import etree

from common.dates import contains_date, without_dates
from common.textnorm import clean_line, fold
from common.urls import canonical_url, is_binary, is_document, joined, url_key
from crawler.documents.detail import document_page
from crawler.extraction.attachments import attachment_anchors, links_document
from crawler.extraction.boilerplate import MEDIA, TOOL_STRINGS, is_noise_line
from crawler.extraction.dateread import is_sentence
from crawler.extraction.result import Extraction, Rejection
from crawler.extraction.titles import is_label

MIN_BODY_CHARS = 300
DOCUMENT_PAGE_CHARS = 1200  # a document's page is its fields; more text is an article about it
MIN_POST_CHARS = 12  # a dated post's body: a few words ("Xem chi tiết tại đây.")
MAX_ENTRIES_SCAN = 3000  # elements looked at around a short body for sibling entries
ENTRY_LEVELS = 4  # ancestors of a short body searched for sibling entries
MAX_LINK_DENSITY = 0.4
HEADLINE_CHARS = 30  # a link this long in the body is a headline of another page
HEADLINED_SHARE = 0.6  # of a short text's words (besides days) in headlines: a list read as text
ENTRIES = 3  # other posts' headlines around a page's own that make it a section page
LINKED_ENTRIES = 2  # ... when its own headline links to another post (a "Xem tiếp" may lead to a source)
HEADLINE_LEVELS = 6  # blocks above a headline link that count it
HEADLINES_ATTR = "data-govarchive-headlines"
# a link's words that say the text goes on elsewhere, folded ("Chi tiết" is left out: a notice
# links its document's page so; "Xem thêm" too: an article links its section so)
READ_MORE = frozenset({"xem tiep", "doc tiep", "doc them", "chi tiet", "xem chi tiet", "read more",
                       "continue reading"})
READ_MORE_CHARS = 24
INDEX_PAGES = frozenset({"default", "index", "home", "trang-chu", "trangchu"})  # a folder's own page
READ_MORE_MARKS = " []()»>›→.…:"
TEASER_TAIL = 25  # an excerpt cut short ("…", "[...]") ends its line, or a link's words follow
TEASER_WORDS = READ_MORE | {"xem them"}  # closing an excerpt; elsewhere it links a section's page
# an excerpt cut short and its link on, inside a line: a layout table's row read as one line
TEASER_INSIDE = re.compile(r"(?:…|\.\.\.)\]?\s*[\[(]?(?:"
                           + "|".join(sorted(TEASER_WORDS, key=len, reverse=True)) + r")\b")
# a picture that is a page tool's button (Joomla's print and e-mail icons by the title), not a post's
TOOL_PICTURE = re.compile(r"(?<![a-z])(?:print|e?mail|pdf|share|icons?|button|facebook|zalo|twitter|rss)",
                          re.I)
TOOL_WORDS = TOOL_STRINGS | {"in", "print", "email", "e-mail", "gui email", "pdf"}
ICON_PIXELS = 32
LINKED_HEADINGS = ("boolean((//h1|//h2|//h3|//h4|//*[contains(@class,'title') or contains(@class,'tieu')])"
                   f"//a[string-length(normalize-space()) >= {HEADLINE_CHARS}])")
LINKED_SHARE = 0.5  # of a text read where no block held it: other pages' headlines make it a listing
TEASED = 5  # ... or this many of them (each with its lead)
SLUG_CHARS = 8  # a last segment this long inside another's ("slug" in "123-slug") names one post
POST_ID = re.compile(r"\d{3,}")  # an id in a post's address ("view_content/4418033-...", "ItemID=123")
# What a portal's pages about itself are called: an undated page so titled is no article.
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
STATIC_WORDS = 8  # "Giới thiệu chung về huyện Mỹ Thành": a page name, not a sentence
MENU = re.compile(r"\b(nav|menu)", re.I)
NOT_MENU = re.compile(r"crumb|path|lang", re.I)  # a breadcrumb or a language switch links the page itself
MENU_LEVELS = 8


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
    if body is not None and (around := _headlines_around(body, title_el)) >= LINKED_ENTRIES \
            and ((_links_away(title_el, url) or _leads_away(body, title_el, url)) if around >= ENTRIES
                 else _links_away(title_el, url)):
        # the post over the text is another page's, among others' headlines: a section page that
        # shows its newest post in full above the list
        return Rejection.LISTING, "a section page: its post is another page's, among other headlines"
    if len(result.text) < MIN_BODY_CHARS and not _short_post(result, body, dated, url, title_el):
        if dated and _among_dated_entries(body, title_el, url):
            return Rejection.LISTING, "a teaser among dated entries"  # fetched again by later crawls
        if _headlines_only(result.text, anchor_texts) or (body is None and _mostly_headlines(
                result.text, anchor_texts)):  # a short section page: headlines and a pager
            return Rejection.LISTING, "other pages' headlines only"
        return Rejection.NOT_ARTICLE, f"too little text ({len(result.text)} chars)"
    if title_el is not None and body is not None and is_label(title_el) \
            and _headline_link_before(body, title_el, url):
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
    if len(headlines) >= LINKED_ENTRIES and _links_away(title_el, url):
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


def linked_from_menu(root, url: str | None) -> bool:
    """Whether the page's own menu links the page (asked before the menus are cleaned away): its
    name in a menu, not a headline in a list of news that says "menu"."""
    named = _links_to_itself(root, url, lambda link: _in_menu(link)
                             and len(link.text_content().split()) <= STATIC_WORDS)
    return next(named, None) is not None  # an element's truth is its children: no any()


OWN_HEADING = frozenset({"h1", "h2", "h3", "h4"})
TITLE_CLASS = re.compile(r"title|heading|tieu-?de", re.I)


def unlink_own_title(root, url: str | None) -> None:
    """A heading that links the page itself (Joomla's ``contentheading``, WordPress's
    ``entry-title``) is the page's title, not another post's headline: its link goes, its text
    stays, so the block around it reads as the article it is. Asked after the menus were read."""
    for link in list(_links_to_itself(root, url, _in_title)):
        link.drop_tag()


def _in_title(link) -> bool:
    parent = link.getparent()
    return parent is not None and (parent.tag in OWN_HEADING
                                   or bool(TITLE_CLASS.search(parent.get("class", ""))))


def _links_to_itself(root, url: str | None, where: Callable[[Any], bool]):
    """The page's links to itself that stand ``where`` says (never on the home page, whose links
    to itself are a listing's). The page's last path segment in the link first (cheap), then
    ``where``, then the same address: canonical_url is the costly part, and most pages link
    themselves (breadcrumb, print, share) where no caller looks."""
    tail = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1] if url else ""
    if not tail:
        return
    path, here = _path(url), None
    for link in root.iter("a"):
        href = (link.get("href") or "").strip()
        if tail not in href or href.startswith(("#", "javascript:")) or not where(link):
            continue
        target = joined(url, href)  # None: "http://[::1/x", no address
        if target is not None and _path(target) == path \
                and canonical_url(target) == (here := here or canonical_url(url)):
            yield link


def _path(url: str) -> str:
    return unquote(urlsplit(url).path).rstrip("/").lower()


def _in_menu(link) -> bool:
    for level, el in enumerate(link.iterancestors()):
        if level >= MENU_LEVELS:
            break
        marks = f"{el.get('class', '')} {el.get('id', '')}"
        if NOT_MENU.search(marks):
            return False
        if el.tag == "nav" or MENU.search(marks):
            return True
    return False


def _short_post(result: Extraction, body, dated: bool, url: str | None, title_el) -> bool:
    """A dated post with one sentence, attachments or pictures (a "Tin ảnh" story of photos
    alone) that is no teaser (asked of short texts only: the teaser checks walk the page)."""
    return (dated and (len(result.text) >= MIN_POST_CHARS or bool(result.attachments)
                       or _pictures(body) >= PICTURES or _shows_media(body))
            and not _among_dated_entries(body, title_el, url))


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


def _among_dated_entries(body, title_el, url: str | None) -> bool:
    """Whether ``body`` is one teaser among dated entries (a listing), not a post standing alone:
    a headline linking to another page stands over it, or the blocks around it hold several
    dated lines."""
    if body is None:
        return False
    if _headline_link_before(body, title_el, url):
        return True
    region = body
    for _ in range(ENTRY_LEVELS):
        if region.getparent() is None or region.getparent().tag in ("body", "html"):
            break
        region = region.getparent()
        if _dated_lines(region) >= 3:
            return True
    return False


def _headline_link_before(body, title_el, url: str | None) -> bool:
    """A link of headline length to another page after the title (or the page's start) and
    before the body's first sentence of its own: the body is that other page's teaser."""
    here = canonical_url(url) if url else None

    def headline(el) -> bool:
        href = (el.get("href") or "").strip()
        target = joined(url or "", href) if el.tag == "a" and href and not href.startswith("#") else None
        return (target is not None and len(clean_line(el.text_content())) >= HEADLINE_CHARS
                and canonical_url(target) != here)

    started = title_el is None
    for n, el in enumerate(body.getroottree().getroot().iter()):
        if el is body or n > MAX_ENTRIES_SCAN * 10:
            break
        started = started or el is title_el
        if started and headline(el):
            return True
    for el in body.iter():  # inside the body, up to its first sentence of its own
        if headline(el):
            return True
        if el.tag != "a" and len(clean_line(el.text or "")) >= HEADLINE_CHARS:
            return False
    return False


def _links_away(title_el, url: str | None):
    """Whether the title is a link to another post (not to the page itself in another form)."""
    if title_el is None or not url:
        return False
    text = clean_line(title_el.text_content())
    anchors = [a for a in (*title_el.iterancestors("a"), *title_el.iter("a"))
               if len(clean_line(a.text_content())) >= 0.8 * len(text)]
    target = joined(url, (anchors[0].get("href") or "").strip()) if anchors else None
    return target is not None and not is_document(target) and not _same_post(target, url)


def _same_post(a: str, b: str) -> bool:
    """Two addresses of one post: the same key, the same last segment, or the same id in them."""
    if url_key(a) == url_key(b):
        return True
    stems = [urlsplit(u).path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0].lower() for u in (a, b)]
    ids = [set(POST_ID.findall(urlsplit(u).path + "?" + urlsplit(u).query)) for u in (a, b)]
    shorter, longer = sorted(stems, key=len)
    return (len(shorter) >= SLUG_CHARS and shorter in longer) or shorter == longer or bool(ids[0] & ids[1])


def _same_host(target: str, url: str) -> bool:
    return urlsplit(target).netloc.lower() == urlsplit(url).netloc.lower()


def _up_from(target: str, url: str) -> bool:
    """Whether ``target``, on the page's site, is its root or a section above the page: its path
    the same as, or a folder of, the page's, or a folder's index page (a query, a listing's page,
    taken as the section's)."""
    there, here = urlsplit(target), urlsplit(url)
    up = there.path.rstrip("/").rsplit(".", 1)[0]
    folder, _, name = up.rpartition("/")
    if name.lower() in INDEX_PAGES:
        up = folder
    path = here.path.rstrip("/")
    return not up or path == up or path.startswith(up + "/") or path.rsplit(".", 1)[0] == up


def mark_headlines(root) -> None:
    """Count, on each block, the headline links it holds as the page was served: boilerplate
    removal takes a section page's list away, and the verdict asks how many stood there."""
    # only where a heading holds a headline's link, or a "Xem tiếp" or a picture links a post:
    # elsewhere no page can lead to another post (most articles)
    if not (root.xpath(LINKED_HEADINGS) or any(_leading(a, a.text or "") for a in root.iter("a"))):
        return
    counts: Counter = Counter()
    for anchor in root.iter("a"):
        raw = anchor.text or "" if len(anchor) == 0 else anchor.text_content()  # most links: one text
        if len(raw) < HEADLINE_CHARS or len(" ".join(raw.split())) < HEADLINE_CHARS:
            continue  # (a document's link counts too: the title's own link is asked for that)
        counts.update(islice(anchor.iterancestors(), HEADLINE_LEVELS))
    for element, count in counts.items():
        if count >= ENTRIES:  # fewer say nothing (the verdict asks for ENTRIES beside the title's own)
            element.set(HEADLINES_ATTR, str(count))


def _leading(anchor, text: str, url: str | None = None) -> bool:
    """A link that leads on to a post: "Xem tiếp", "Đọc tiếp", or a picture alone; "Xem thêm"
    when it leads to another page of the site that is not above the page's own address (an
    article links its section so), where the page's address is known."""
    if len(text) > READ_MORE_CHARS:
        return False
    words = fold(" ".join(text.split())).strip(READ_MORE_MARKS)
    if words in READ_MORE:
        return True
    if words == "xem them":  # on to a post of this site: a source's "Xem thêm" links its original
        target = joined(url, (anchor.get("href") or "").strip()) if url else None
        return url is None or (target is not None and _same_host(target, url) and not _up_from(target, url))
    picture = anchor.find("img")
    return not words and picture is not None and not _tool_picture(picture) \
        and not is_binary(anchor.get("href") or "")


def _tool_picture(img) -> bool:
    """A page tool's button: its picture's file or words name a tool, or it is icon-sized."""
    words = {fold(" ".join((img.get(name) or "").split())) for name in ("alt", "title")}
    sizes = [img.get(name) or "" for name in ("width", "height")]
    return bool(TOOL_PICTURE.search(img.get("src") or "")) or bool(words & TOOL_WORDS) \
        or any(size.isdigit() and int(size) <= ICON_PIXELS for size in sizes)


def _leads_away(body, title_el, url: str | None) -> bool:
    """The post's block (title and body) holds a link leading on to another post."""
    holder = _holding_both(body, title_el)
    if holder is None or holder.tag in ("body", "html") or not url:
        return False
    for anchor in holder.iter("a"):
        target = joined(url, (anchor.get("href") or "").strip())
        if target and _leading(anchor, anchor.text_content(), url) and not is_document(target) \
                and not _same_post(target, url):
            return True
    return False


def _holding_both(body, title_el):
    """The smallest element holding the title and the body (None without a title)."""
    if title_el is None:
        return None
    around_body = {body, *body.iterancestors()}
    return next((node for node in (title_el, *title_el.iterancestors()) if node in around_body), None)


def _headlines_around(body, title_el) -> int:
    """Other pages' headline links the column that holds the title and the body held as served
    (:func:`mark_headlines`)."""
    region = _holding_both(body, title_el)
    region = region.getparent() if region is not None and region.getparent() is not None else region
    if region is None or region.tag in ("body", "html"):
        return 0
    own = len([a for a in (*title_el.iter("a"), *title_el.iterancestors("a"))])
    return int(region.get(HEADLINES_ATTR, "0")) - own


def _dated_lines(region) -> int:
    dated = 0
    for n, el in enumerate(region.iter()):
        if n > MAX_ENTRIES_SCAN:
            break
        own = " ".join(t.strip() for t in [el.text, *(c.tail for c in el)] if t and t.strip())
        dated += bool(own and len(own) < 120 and contains_date(own))
    return dated


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
