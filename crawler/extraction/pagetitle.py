"""What a page says its title is: its ``<title>``, ``og:title``, address slug and breadcrumb, and
the portal's own name, which they carry beside the title (``titles`` finds the element).

A ``<title>`` or ``og:title`` is split at its separators and the pieces at either end that name
a portal are cut; what is left is matched against the page's headings, folded and without
punctuation, as a slug is.
"""

from __future__ import annotations

import re

from common.textnorm import clean_line, fold
from common.urls import slug
from crawler.extraction.locate import HEADING_TAGS

# "Tin tức > Chi tiết": DNN's, SharePoint's; "Trang chủ >> Tin tức >> ...", "Cổng TTĐT :: ..."
TITLE_SPLIT = re.compile(r"\s+(?:[-|–—:»>›~]|>>|»»|::)\s+|\s*\|\s*")
PATH_SEPARATOR = re.compile(r"\s+(?:[»>›]|>>|»»)\s+")  # a <title> printed as a path: portal, section, post
# a <title> that is only the body the portal speaks for ("UBND huyện An Phú") is the site's name
AUTHORITY = re.compile(r"(ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|dang uy)\s+"
                       r"(tinh|huyen|xa|thanh pho|thi xa|quan|phuong|thi tran)\b")
SITE_NAME_WORDS = 8
PORTAL_NAME = re.compile(r"cong thong tin|cong ttdt|trang thong tin|trang chu|portal|gov\.vn|website")
# a longer portal name is the portal's words, then its unit's: "Cổng thông tin điện tử huyện An Phú
# tỉnh An Giang"
PORTAL_OF_UNIT = re.compile(r"(cong thong tin|cong ttdt|trang thong tin)( dien tu)? (tinh|huyen|xa|thanh pho"
                            r"|thi xa|quan|phuong|thi tran|so|ubnd|uy ban nhan dan)\b(\s\S+){1,8}$")
LABEL_WORDS = 5  # a heading of fewer words names a section or a site, not an article


CRUMB = re.compile(r"crumb|duong-?dan|site-?path|nav(?:igation)?-?path|vi-?tri|(?:^|\s)path(?:\s|$)", re.I)
CRUMB_SEPARATORS = " »›>/|\\-–—:…."


def breadcrumb_item(root) -> str:
    """The breadcrumb's last item where it is no link (the page itself) and no heading says the
    same: on many portals the article's title, often cut short ("Hội nghị tổng kết công tác...")."""
    for el in root.iter():
        if not isinstance(el.tag, str) or not CRUMB.search(f"{el.get('class', '')} {el.get('id', '')}"):
            continue
        last = next((t for t in reversed(el.xpath(".//text()")) if t.strip(CRUMB_SEPARATORS)), None)
        # a tail ("<a>Tin tức</a> » Hội nghị ...") belongs to the element around the link, not to it
        holder = None if last is None else last.getparent().getparent() if last.is_tail else last.getparent()
        if holder is None or any(a.tag == "a" for a in [holder, *holder.iterancestors()]):
            continue
        item = clean_line(str(last)).strip(CRUMB_SEPARATORS)
        if len(item.split()) < LABEL_WORDS:
            return ""
        # a heading of the same words: the crumb names the section printed above the article
        # (a title in a heading is found without it)
        headings = {fold(clean_line(h.text_content())) for h in root.iter(*HEADING_TAGS)}
        return "" if fold(item) in headings else item
    return ""


def title_parts(page_title: str, og_title: str, url: str | None = None, crumb: str = "") -> list[str]:
    """What the page's ``<title>``, ``og:title`` and address slug say, for matching the title
    element, folded and without punctuation. A ``<title>`` that is only the portal's name
    ("Cổng thông tin điện tử") names no article: matched, it made the site's logo the title of
    every page built by script. Portals derive slugs from titles ("hoi-nghi-tong-ket-nam-2024"):
    a heading that reads as the slug is the title, where ``<title>`` is only the site's name."""
    # each split at its separators: an og:title carries the portal's name as <title> does
    parts = [p for whole in (og_title, page_title) for p in TITLE_SPLIT.split(whole or "")
             if len(p.strip()) >= 8]
    if og_title:
        parts.insert(0, og_title)
    if page_title:
        parts.append(page_title)
    if crumb:  # the breadcrumb's last item, where the page names itself there
        parts.append(crumb)
    folded = [bare(fold(clean_line(p))) for p in parts if p.strip()]
    words = bare(fold(slug(url or "")))
    if len(re.findall(r"[a-z]{2,}", words)) >= SLUG_WORDS:
        folded.append(words)
    return [p for p in folded if not site_name(p)]


def names_a_site(text: str) -> bool:
    """``text`` is a portal's or its body's name ("Cổng thông tin điện tử huyện X", "UBND huyện X"),
    which a page's ``<title>`` or ``og:title`` may hold instead of the article's title."""
    return site_name(bare(fold(clean_line(text))))


def site_name(folded: str) -> bool:
    return bool((PORTAL_NAME.match(folded) and (len(folded) <= 40 or PORTAL_OF_UNIT.match(folded)))
                or (AUTHORITY.match(folded) and len(folded.split()) <= SITE_NAME_WORDS))


SLUG_WORDS = 4  # "view detail" or "tin tuc" is a path, "hoi nghi tong ket" a title
_PUNCT = re.compile(r"[\W_]+")


def bare(text: str) -> str:
    """Folded text without punctuation: slugs drop it, and so do some <title>s."""
    return _PUNCT.sub(" ", text).strip()


def link_labels(anchors) -> frozenset[str]:
    """The short texts of a page's links (its menu's sections: "Tin tức - Sự kiện"), case
    folded, for :func:`page_title_without_portal` (Unicode's folding only: a page's hundreds of
    links are read for the two or three pieces of its title)."""
    return frozenset(_label_key(text) for text in anchors if text and len(text.split()) <= LABEL_WORDS)


_DASHES = str.maketrans("–—‒―", "----")


def _label_key(text: str) -> str:
    """A section's name as a menu and a <title> may both print it ("Tin tức – Sự kiện")."""
    return text.translate(_DASHES).casefold()


def page_title_without_portal(page_title: str, site_names: list[str] = (),
                              labels: frozenset[str] = frozenset()) -> str:
    """``<title>`` without the portal's name, which stands before or after the title: parts
    at either end that name a portal (or are the page's ``og:site_name``) are cut, and what
    is left is kept whole, its own dashes with it ("Hội nghị A - giai đoạn 2021-2025").
    Parts at either end that a link of the page names (``labels``, :func:`link_labels`) are its
    section ("Cổng TTĐT - Hội nghị A - Tin tức - Sự kiện"): cut too, the title never with them.
    When no end names the portal or a section, the longest part."""
    pieces = TITLE_SPLIT.split(page_title)
    start, end = _portal_ends(pieces, site_names)
    if start == end:
        return clean_line(page_title)
    start, end = _section_ends(page_title, pieces, start, end, labels)
    if (start, end) != (0, len(pieces)):
        kept = _joined(page_title, pieces, start, end)
        # a path's pieces left between the portal and the post are its sections: the post is the longest
        return max(PATH_SEPARATOR.split(kept), key=len).strip() if PATH_SEPARATOR.search(kept) else kept
    parts = [clean_line(p) for p in pieces if p.strip()]
    return max(parts, key=len) if parts else clean_line(page_title)


def og_title_without_portal(og_title: str, site_names: list[str] = ()) -> str:
    """``og:title`` without the portal's name at either end ("Hội nghị A - Cổng TTĐT huyện B"),
    whole when no end names it: unlike ``<title>``, it is the article's own title."""
    pieces = TITLE_SPLIT.split(og_title)
    start, end = _portal_ends(pieces, site_names)
    return clean_line(og_title) if start == end or (start, end) == (0, len(pieces)) \
        else _joined(og_title, pieces, start, end)


def _portal_ends(pieces: list[str], site_names: list[str]) -> tuple[int, int]:
    """The first and past-the-last of the pieces between those at the ends that name a portal."""
    names = {fold(clean_line(n)) for n in site_names if n.strip()}

    def portal(part: str) -> bool:
        folded = fold(clean_line(part))
        return not folded or bool(PORTAL_NAME.search(folded)) or folded in names

    start, end = 0, len(pieces)
    while start < end and portal(pieces[start]):
        start += 1
    while end > start and portal(pieces[end - 1]):
        end -= 1
    return start, end


def _section_ends(title: str, pieces: list[str], start: int, end: int,
                  labels: frozenset[str]) -> tuple[int, int]:
    """``start``, ``end`` moved past the longest run of pieces at each end that a link of the
    page names, one piece left at least (the section's own " - " kept: "Tin tức - Sự kiện")."""
    if not labels:
        return start, end
    end = next((j for j in range(start + 1, end)
                if _label_key(_joined(title, pieces, j, end)) in labels), end)
    start = next((j for j in range(end - 1, start, -1)
                  if _label_key(_joined(title, pieces, start, j)) in labels), start)
    return start, end


def _joined(title: str, pieces: list[str], start: int, end: int) -> str:
    """The pieces ``start:end`` of ``title`` (split at ``TITLE_SPLIT``) with the separators that
    stood between them."""
    separators = [m.group() for m in TITLE_SPLIT.finditer(title)]
    kept = pieces[start]
    for separator, piece in zip(separators[start:end - 1], pieces[start + 1:end], strict=True):
        kept += separator + piece
    return clean_line(kept)
