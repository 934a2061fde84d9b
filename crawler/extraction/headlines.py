"""Other posts around a page: the headline links a column held as served, a link that leads
on to another post ("Xem tiếp", a picture), a headline linking away above the text, the dated
entries beside it. ``verdict`` asks these to tell a section page, or a teaser among others,
from a post that stands alone."""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice
from urllib.parse import urlsplit

from common.dates import contains_date
from common.textnorm import clean_line, fold
from common.urls import canonical_url, is_binary, is_document, joined, url_key
from crawler.extraction.boilerplate import TOOL_STRINGS

MAX_ENTRIES_SCAN = 3000  # elements looked at around a short body for sibling entries
HEADLINE_CHARS = 30  # a link this long in the body is a headline of another page
ENTRIES = 3  # other posts' headlines around a page's own that make it a section page
READ_MORE_MARKS = " []()»>›→.…:"
ENTRY_LEVELS = 4  # ancestors of a short body searched for sibling entries
HEADLINE_LEVELS = 6  # blocks above a headline link that count it
HEADLINES_ATTR = "data-govarchive-headlines"
# a link's words that say the text goes on elsewhere, folded ("Chi tiết" is left out: a notice
# links its document's page so; "Xem thêm" too: an article links its section so)
READ_MORE = frozenset({"xem tiep", "doc tiep", "doc them", "chi tiet", "xem chi tiet", "read more",
                       "continue reading"})
READ_MORE_CHARS = 24
INDEX_PAGES = frozenset({"default", "index", "home", "trang-chu", "trangchu"})  # a folder's own page
# a picture that is a page tool's button (Joomla's print and e-mail icons by the title), not a post's
TOOL_PICTURE = re.compile(r"(?<![a-z])(?:print|e?mail|pdf|share|icons?|button|facebook|zalo|twitter|rss)",
                          re.I)
TOOL_WORDS = TOOL_STRINGS | {"in", "print", "email", "e-mail", "gui email", "pdf"}
ICON_PIXELS = 32
LINKED_HEADINGS = ("boolean((//h1|//h2|//h3|//h4|//*[contains(@class,'title') or contains(@class,'tieu')])"
                   f"//a[string-length(normalize-space()) >= {HEADLINE_CHARS}])")
SLUG_CHARS = 8  # a last segment this long inside another's ("slug" in "123-slug") names one post
POST_ID = re.compile(r"\d{3,}")  # an id in a post's address ("view_content/4418033-...", "ItemID=123")
FULL_POST = 300  # characters of a block's own prose (not its links') besides its headline: no teaser
POSTS_IN_FULL = 2  # blocks of one kind each holding a post in full: a section's page (a blog's archive)
_HEADINGS = ("h1", "h2", "h3", "h4")
POST_LINKS = 0.25  # of a post's text, at most, in links (its headline's, "Đọc tiếp")
LAYOUT_CELLS = frozenset({"td", "th", "tr"})  # a table layout's columns: never one post each


def among_dated_entries(body, title_el, url: str | None) -> bool:
    """Whether ``body`` is one teaser among dated entries (a listing), not a post standing alone:
    a headline linking to another page stands over it, or the blocks around it hold several
    dated lines."""
    if body is None:
        return False
    if headline_link_before(body, title_el, url):
        return True
    region = body
    for _ in range(ENTRY_LEVELS):
        if region.getparent() is None or region.getparent().tag in ("body", "html"):
            break
        region = region.getparent()
        if _dated_lines(region) >= 3:
            return True
    return False


def headline_link_before(body, title_el, url: str | None) -> bool:
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


def links_away(title_el, url: str | None):
    """Whether the title is a link to another post (not to the page itself in another form)."""
    target = _title_target(title_el, url)
    return target is not None and _another_post(target, url)


def _another_post(target: str, url: str) -> bool:
    return not is_document(target) and not _same_post(target, url)


def _title_target(title_el, url: str | None) -> str | None:
    """Where the title links, if it is a link (or holds one that is most of it)."""
    if title_el is None or not url:
        return None
    text = clean_line(title_el.text_content())
    anchors = [a for a in (*title_el.iterancestors("a"), *title_el.iter("a"))
               if len(clean_line(a.text_content())) >= 0.8 * len(text)]
    return joined(url, (anchors[0].get("href") or "").strip()) if anchors else None


def shows_another_post(title_el, url: str | None) -> bool:
    """Whether the title links another page of the site, not above the page (its section) and
    not the page itself in another form: a section's page showing one post whole, its headline
    linking to the post's own page (a blog's archive of one post, a category's newest)."""
    target = _title_target(title_el, url)
    return target is not None and _another_post(target, url) and _same_host(target, url) \
        and not _up_from(target, url)


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


def leads_away(body, title_el, url: str | None) -> bool:
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


def headlines_around(body, title_el) -> int:
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


def shows_posts_in_full(body, title_el) -> bool:
    """Whether posts stand in full where the body stands, as a blog's archive shows a section's
    newest: blocks of one kind (tag and class), ``POSTS_IN_FULL`` at least, among the body's
    children or the siblings of the body or of its ancestors, each with a headline, a dated line
    and a post's prose of its own, the page's title in one of them (a post's own headline above
    such blocks makes them its parts: a digest of questions and answers)."""
    holding = set(title_el.iterancestors()) | {title_el} if title_el is not None else set()
    if _alike_posts(body, holding):
        return True
    node = body
    for _ in range(ENTRY_LEVELS):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return False
        if _alike_posts(parent, holding, (node.tag, node.get("class"))):
            return True
        node = parent
    return False


def _alike_posts(parent, holding: set, kind: tuple | None = None) -> bool:
    children = [c for c in parent if isinstance(c.tag, str) and c.tag not in LAYOUT_CELLS]
    if kind is None and children:  # the body's own children: their most common kind
        kinds = Counter((c.tag, c.get("class")) for c in children)
        kind = max(kinds, key=kinds.get)
    alike = [c for c in children if (c.tag, c.get("class")) == kind]
    if len(alike) < POSTS_IN_FULL or (holding and not any(b in holding for b in alike)):
        return False
    # the first blocks that hold posts, as many as it takes (each asked reads its whole subtree)
    return next(islice((b for b in alike if _post_in_full(b)), POSTS_IN_FULL - 1, None), None) is not None


def _post_in_full(block) -> bool:
    heading = next((h for h in block.iter(*_HEADINGS) if len(clean_line(h.text_content())) >= HEADLINE_CHARS
                    and not contains_date(h.text_content())), None)
    if heading is None or not _dated_lines(block):
        return False
    text = len(clean_line(block.text_content()))
    linked = sum(len(clean_line(a.text_content())) for a in block.iter("a"))
    # (a column of a layout holds a list of headlines: its links are much of its text)
    return text - linked - len(clean_line(heading.text_content())) >= FULL_POST and linked < POST_LINKS * text
