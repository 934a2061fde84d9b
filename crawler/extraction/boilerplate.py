"""Generic boilerplate removal for portal pages whose columns carry neutral names.

Class names like ``box``, ``c1`` or ``blk`` say nothing, so blocks are judged by
what they hold: link-dense blocks (menus, "Tin mới" lists), widgets announced by
their heading ("Thăm dò ý kiến", "Lượt truy cập", "Liên kết web"), agency footers
("Cơ quan chủ quản", "Designed by") and share tools ("In bài viết").

A block that holds prose is never removed: one plain-text run of
``PROTECT_RUN`` characters, or ``PROTECT_PARAGRAPHS`` runs of ``PARAGRAPH_RUN``
(short news has short paragraphs; widgets and footers have neither). That is
how the article survives a sidebar inside its column. But for one kind: a list
of other posts, each item led by its headline link and showing its lead ("Tin
cùng chuyên mục" with teasers), is prose that is not the page's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import html as lxml_html

from common.textnorm import fold
from common.urls import is_document

PROTECT_RUN = 150  # a plain text run this long is article prose
PARAGRAPH_RUN = 60
SENTENCE_RUN = 40  # a plain text run this long is a sentence: its block is no mere link list
PROTECT_PARAGRAPHS = 3
STRONG_RUN = 250
STRONG_PARAGRAPHS = 5
TEASERS = 3  # items each led by a headline link: a list of other posts, however much prose they show
TEASER_SHARE = 0.8  # of the block's items (its heading, a "more" link may be the rest)
HEADLINE = 30  # characters: a link this long names another post
TEASER_CHARS = 600  # a headline and its lead: an item with more text is a post shown in full
FULL_POST = 2.0  # ... as is one this many times the median item's text
UNHEADED_PROSE = 150  # characters: an item without a headline link holding this much is a post
NOISE_TAGS = (
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "select", "option", "input", "button", "textarea", "nav", "aside", "footer", "video", "audio",
    "marquee",  # a ticker: the week's notices or the latest headlines, scrolling across every page
)
MEDIA = "data-govarchive-media"  # set on the element a video or a player was dropped from
# a player's address: an embedded video site's, or a media file's (an old Flash player's flashvars)
_PLAYER = re.compile(r"youtube\.com|youtu\.be|vimeo\.com|facebook\.com/plugins/video"
                     r"|\.(?:mp4|webm|flv|m3u8|mp3)\b", re.I)
WIDGET_HEADINGS = frozenset(fold(h) for h in (
    "Tin mới", "Tin mới nhất", "Tin mới cập nhật", "Xem nhiều nhất", "Đọc nhiều nhất", "Tin đọc nhiều",
    "Tin xem nhiều", "Liên kết web", "Liên kết website", "Liên kết", "Liên kết banner",
    "Thăm dò ý kiến", "Lượt truy cập", "Thống kê truy cập", "Số lượt truy cập", "Video Clip",
    "Thư viện video", "Thư viện ảnh", "Tin liên quan", "Các tin khác", "Tin khác", "Tin cùng chuyên mục",
    "Bài viết liên quan", "Các bài viết khác", "Văn bản mới", "Hỗ trợ trực tuyến", "Quảng cáo",
    "Hình ảnh hoạt động", "Tiện ích", "Dịch vụ công trực tuyến", "Tin tiêu điểm", "Tin nổi bật",
    # the section's earlier and later posts under the text, as older templates title them
    "Các tin đã đưa", "Tin đã đưa", "Các tin đã đăng", "Tin đã đăng", "Các tin mới hơn", "Các tin cũ hơn",
    "Tin mới hơn", "Tin cũ hơn", "Các bài mới hơn", "Các bài cũ hơn", "Các tin khác cùng chuyên mục",
    "Tin khác cùng chuyên mục", "Các tin cùng chuyên mục", "Các tin bài khác", "Tin bài khác",
    "Tin tức khác", "Các tin tức khác", "Bài viết khác",
))
# reader comments: a thread under the article, never its text
THREAD_HEADINGS = frozenset(fold(h) for h in (
    "Ý kiến bạn đọc", "Ý kiến của bạn", "Ý kiến của bạn đọc", "Gửi ý kiến", "Gửi ý kiến của bạn",
    "Viết bình luận", "Bình luận của bạn", "Các bình luận", "Bình luận", "Ý kiến phản hồi",
    "Các ý kiến phản hồi", "Phản hồi của bạn đọc",
))
# ... of which these name the readers' thread and no tool (a "Bình luận" button opens a row of tools
# at the top of the article's own block): a plain element so worded heads the thread all the same
THREAD_TITLES = frozenset(fold(h) for h in (
    "Ý kiến bạn đọc", "Ý kiến của bạn đọc", "Các bình luận", "Ý kiến phản hồi", "Các ý kiến phản hồi",
    "Phản hồi của bạn đọc",
))
WIDGET_HEADINGS = WIDGET_HEADINGS | THREAD_HEADINGS
# the label over links to other posts an editor types under the text
RELATED_LABELS = frozenset(fold(h) for h in (
    "Xem thêm", "Đọc thêm", "Mời xem thêm", "Tin liên quan", "Bài liên quan", "Tin bài liên quan",
    "Các tin liên quan", "Bài viết liên quan", "Tin cùng chủ đề", "Xem thêm các tin khác",
))
THREAD_HEADING_CHARS = 40
TOOL_LINE = 80  # characters: a counter's or the tools' line is short
THREAD_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "b", "strong", "p"})
HEADING_CLASS = re.compile(r"title|heading|header|tieu-?de", re.I)
FOOTER_MARKERS = tuple(fold(m) for m in (
    "Cơ quan chủ quản", "Người chịu trách nhiệm", "Designed by", "Bản quyền thuộc", "Thiết kế bởi",
    "Giấy phép số", "Phát triển bởi", "Ghi rõ nguồn", "Copyright", "All rights reserved",
))
# Where class names do mean something, use them (unless the block holds prose).
NOISE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:footer|foot|footleft|sidebar|menu|navbar|breadcrumbs?|banner|share|social"
    r"|binh-?luan|y-?kien-?ban-?doc)(?:[\s_-]|$)", re.I,
)
MARKER_SPAN = 12  # a footer marker may follow a symbol such as "©" or "®"
TOOL_STRINGS = frozenset(fold(t) for t in (
    "In bài viết", "In trang", "Bản in", "Gửi cho bạn bè", "Gửi email", "Phản hồi", "Chia sẻ",
    "Về đầu trang", "Đầu trang", "Quay lại", "Lưu bài viết", "Lưu tin", "Gửi bình chọn",
    "Xem kết quả", "Thông tin người gửi phản hồi", "Trở về", "Bình luận", "In bài", "In tin", "In",
))
BADGES = frozenset({"moi", "new", "hot"})  # what portals print after a recent post's headline
# Whole lines that are never article text, for the final text filter.
NOISE_LINE = re.compile(
    # the visitor counter and the portal's clock ("Hôm nay: 1.234", "Hôm nay: Thứ Sáu, 06/12/2024"),
    # not a sentence that opens on the same words ("Hôm nay (12/8), UBND huyện ..."); a
    # breadcrumb's first item, not "Trang chủ của xã ..."
    r"^(?:(?:so )?luot (?:nguoi )?(?:truy cap|xem)|dang (?:truy cap|online)|hom nay\s*(?::|[\d.,]+$)"
    r"|tong (?:so )?luot"
    r"|trang chu\s*(?:[»›>/|:]|$)|ban dang o|xem tiep|xem them|doc tiep|tags?\b|tu khoa\b"
    # a rating widget, a comment box's label, the attachment box's label row (the attachments
    # are listed after the text, each with its label and address)
    r"|danh gia bai viet|tong so diem|binh luan (?:bang|qua|tren|voi) facebook|binh luan facebook"
    r"|(?:tep|file|tai lieu|van ban) dinh kem\b|tai ve\b"
    # a text-to-speech player's label and voices ("Nghe đọc bài viết", "Giọng nữ miền Bắc"), a
    # rating's stars or votes, the code to read the page on a phone
    r"|nghe (?:doc )?(?:bai viet|audio|noi dung)\b|giong (?:doc|nam|nu)\b"
    r"|danh gia\s*:?\s*(?:[★☆✩✭]|\d(?:[.,]\d)?\s*/\s*5\b|\(\d+ luot)|quet ma qr\b"
    # the links to the previous and the next post ("« Bài trước: …", "Tin tiếp theo: …")
    r"|«?\s*(?:bai|tin) (?:truoc|sau|tiep theo|ke tiep)\s*(?::|»?$))",
)


@dataclass
class _Stats:
    text: int = 0
    links: int = 0
    link_text: int = 0
    run: int = 0  # longest plain (non-link) text node
    prose: int = 0  # plain text nodes of PARAGRAPH_RUN characters or more

    @property
    def protected(self) -> bool:
        return self.run >= PROTECT_RUN or self.prose >= PROTECT_PARAGRAPHS

    @property
    def strongly_protected(self) -> bool:
        """Enough prose to outweigh explicit evidence (a footer marker, a class name)."""
        return self.run >= STRONG_RUN or self.prose >= STRONG_PARAGRAPHS


def _length(text: str | None) -> int:
    return len(text.strip()) if text else 0


def _collect(root: lxml_html.HtmlElement) -> tuple[list, dict]:
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    stats: dict = {}
    for el in reversed(elements):  # children before parents
        s = _Stats(text=_length(el.text))
        # a link to a document is what a notice attaches: content, not navigation
        in_link = el.tag == "a" and not is_document(el.get("href") or "")
        s.run = 0 if in_link else s.text
        s.prose = int(s.run >= PARAGRAPH_RUN)
        for child in el:
            tail = _length(child.tail)
            s.text += tail
            s.run = max(s.run, tail)
            s.prose += tail >= PARAGRAPH_RUN
            cs = stats.get(child)
            if cs is None:
                continue
            s.text += cs.text
            s.links += cs.links
            s.link_text += cs.link_text
            if not in_link:
                s.run = max(s.run, cs.run)
                s.prose += cs.prose
        if in_link:
            s.links += 1
            s.link_text = s.text
        stats[el] = s
    return elements, stats


def _short_text(el: lxml_html.HtmlElement) -> str:
    return fold(" ".join(el.text_content().split())).strip(" :»›-–|")


def _climb(el, stats: dict, limit: int, strong: bool = False, opening: bool = False,
           after_prose: bool = False, spare_post: bool = False):
    """Largest ancestor of ``el`` that is still small and holds no prose; ``opening``: that ``el``
    opens, nothing with text before it (a widget's heading opens its box: a block that holds
    something before it holds more than the widget, a short notice above "Các tin khác");
    ``after_prose``: no article's prose before it (a copyright line under a short post's text
    took the post with it); ``spare_post``: none holding a headline or a document's link (the
    tools' "Bản in" under a notice of a title and its file, both in fewer than 300 characters,
    took the notice with them)."""
    parent = el.getparent()
    while parent is not None and parent.tag not in ("body", "html"):
        ps = stats.get(parent)
        if ps is None or ps.text > limit:
            break
        if ps.strongly_protected if strong else ps.protected:
            break
        if opening and _text_before(el, parent, stats):
            break
        if after_prose and _prose_before(el, stats):
            break
        if spare_post and _holds_post(parent):
            break
        el, parent = parent, parent.getparent()
    return el


_HEADLINE = re.compile(r"^h[1-4]$")
_TITLE_CLASS = re.compile(r"title|tieu-?de", re.I)


def _holds_post(block) -> bool:
    """A small block holds a headline (a heading, an element classed a title) or a document's link:
    a short post's parts, which no tools row holds."""
    for el in block.iter():
        if not isinstance(el.tag, str):
            continue
        if _HEADLINE.match(el.tag) or _TITLE_CLASS.search(el.get("class", "")) \
                or (el.tag == "a" and is_document(el.get("href") or "")):
            return True
    return False


def _text_before(el, parent, stats: dict) -> bool:
    return bool((parent.text or "").strip()) or any(
        (stats[sib].text if sib in stats else 0) or (sib.tail or "").strip()
        for sib in el.itersiblings(preceding=True))


def _prose_before(el, stats: dict) -> bool:
    """Paragraphs of prose stand before ``el`` among its siblings (a post's, not a footer's lines)."""
    before = [stats[sib] for sib in el.itersiblings(preceding=True) if sib in stats]
    return sum(s.prose for s in before) >= PROTECT_PARAGRAPHS or any(s.run >= PROTECT_RUN for s in before)


def _own_texts(el) -> list[str]:
    return [t for t in [el.text, *(c.tail for c in el)] if t and t.strip()]


def _has_footer_line(el) -> bool:
    for text in _own_texts(el):
        head = fold(text.strip())[: MARKER_SPAN + 30]
        if any(m in head[: MARKER_SPAN + len(m)] for m in FOOTER_MARKERS):
            return True
    return False


def _verdict(el, s: _Stats, stats: dict):
    """Element to remove on account of ``el``, or None."""
    if not s.strongly_protected:
        if NOISE_CLASS.search(f"{el.get('class', '')} {el.get('id', '')}"):
            return el
        if s.text <= 1500 and _has_footer_line(el):
            return _climb(el, stats, 1500, strong=True, after_prose=True)
    if s.text > PROTECT_RUN and _led_by_thread_heading(el, stats):
        return el  # readers' comments under their heading: prose, and never the article's
    if s.links >= TEASERS and _teasers(el, stats):
        return el  # other posts' headlines with their leads ("Tin cùng chuyên mục"): prose, not this post's
    if s.protected:
        return None
    if s.links >= 3 and s.link_text > 0.5 * s.text and s.run < SENTENCE_RUN:
        return el  # a link list; a block holding a sentence of its own is a wrapper: its lists go one by one
    if 0 < s.text <= 60:
        text = _short_text(el)
        if text in WIDGET_HEADINGS:
            return _climb(el, stats, 1500, opening=True)
        if text in TOOL_STRINGS:
            return _climb(el, stats, 300, spare_post=True)
    return None


def _led_by_thread_heading(el, stats: dict) -> bool:
    """The block opens with a reader-comments heading ("Ý kiến bạn đọc", "Bình luận")."""
    first = next((child for child in el if isinstance(child.tag, str)), None)
    if first is None or not 0 < stats[first].text <= THREAD_HEADING_CHARS or (el.text or "").strip():
        return False
    text = _short_line(" ".join(first.text_content().split()))
    if first.tag not in THREAD_HEADING_TAGS and not HEADING_CLASS.search(first.get("class", "")) \
            and text not in THREAD_TITLES:
        return False  # a tools row ("<div class=tools>Bình luận</div>") opens the article's own block
    return text in THREAD_HEADINGS


def _teasers(el, stats: dict) -> bool:
    """A list of other posts: most of the block's items each lead with a headline link (a link
    of a headline's length, not to a document), whatever lead paragraph each shows under it."""
    items = [child for child in el if isinstance(child.tag, str) and stats[child].text > 0]
    if len(items) < TEASERS or any(stats[item].text > TEASER_CHARS for item in items):
        return False  # an item shown in full: a section page's newest post above its list
    heads = [stats[item].link_text >= HEADLINE and _has_headline(item) for item in items]
    headed = [stats[item].text for item, head in zip(items, heads, strict=True) if head]
    if len(headed) < TEASERS or len(headed) < TEASER_SHARE * len(items):
        return False
    if any(not head and stats[item].text >= UNHEADED_PROSE for item, head in zip(items, heads, strict=True)):
        return False  # prose under no headline link: a post shown in full ("Xem tiếp" under it)
    # items alike: one far longer than the others is a post shown in full above its list
    return max(headed) <= FULL_POST * sorted(headed)[len(headed) // 2]


def _has_headline(item) -> bool:
    for anchor in item.iter("a"):
        text = " ".join(anchor.text_content().split())
        if len(text) >= HEADLINE and not is_document(anchor.get("href") or ""):
            return True
    return False


def clean_tree(root: lxml_html.HtmlElement, keep: Iterable[lxml_html.HtmlElement] = ()
               ) -> lxml_html.HtmlElement:
    """Remove noise tags and boilerplate blocks from ``root`` in place; return it.

    ``keep``: elements no block rule removes, nor any block around them (the article's own
    heading: a short notice beside a sidebar in one layout table reads as a link list)."""
    for el in list(root.iter(*NOISE_TAGS)):
        if _is_media(el) and (parent := el.getparent()) is not None:
            parent.set(MEDIA, "1")  # a video story's post holds no text, but is one (``verdict``)
        _drop(el)
    elements, stats = _collect(root)
    removed: set = set()
    kept = {a for el in keep for a in (el, *el.iterancestors())}
    for el in elements:
        if el in removed or el.tag in ("html", "body", "head") or el.getparent() is None:
            continue
        target = _verdict(el, stats[el], stats)
        if target is not None and target.getparent() is not None and target not in kept:
            thread = _thread_after(target, stats) if _short_text(el) in THREAD_HEADINGS else []
            for gone in (target, *thread):
                removed.update(gone.iter())
                _drop(gone)
    for el in elements:
        if el not in removed and el.getparent() is not None and len(el) >= 2:
            for gone in _related_run(el, stats):
                if gone not in kept:
                    removed.update(gone.iter())
                    _drop(gone)
    return root


def _related_run(el, stats: dict) -> list:
    """The run of headline links that closes a block of prose, with its label ("Xem thêm:"): the
    other posts an editor typed under the text, one link a paragraph. Not the text's: read, it
    made a short article a "listing of 3 headlines"."""
    children = [child for child in el if isinstance(child.tag, str)]
    end, run = len(children), []
    while end and (s := stats.get(children[end - 1])) is not None:
        if s.text and not (s.links and s.text - s.link_text <= 3 and s.link_text >= HEADLINE * s.links):
            if s.text <= TOOL_LINE and is_noise_line(children[end - 1].text_content()):
                end -= 1  # a counter or the tools under the links ("Số lượt xem: 1.245"): passed over
                continue
            break
        if s.text:
            run.append(children[end - 1])
        end -= 1
    label = children[end - 1] if end and run and _short_text(children[end - 1]) in RELATED_LABELS else None
    before = children[:end - 1] if label is not None else children[:end]
    prose = sum(stats[c].text - stats[c].link_text for c in before if c in stats)
    if (len(run) >= 2 or label is not None) and prose >= PROTECT_RUN:
        return [*run, *([label] if label is not None else [])]
    return []


def _thread_after(heading, stats: dict) -> list:
    """The readers' comments that follow their heading in the article's own block: its next
    siblings, when prose stands before it (the article). A "Bình luận" tool above the text
    has none before it, and takes nothing with it."""
    if heading.tag == "a" or any(a.tag == "a" for a in heading.iterancestors()):
        return []
    before = sum(stats[sib].text for sib in heading.itersiblings(preceding=True) if sib in stats)
    return list(heading.itersiblings()) if before >= PROTECT_RUN else []


def _is_media(el) -> bool:
    """A video or a sound shown in the page: ``<video>``, ``<audio>``, or a player embedded."""
    if el.tag in ("video", "audio"):
        return True
    if el.tag not in ("iframe", "embed", "object"):
        return False
    where = [el.get("src", ""), el.get("data", ""), *(p.get("value", "") for p in el.iter("param"))]
    return bool(_PLAYER.search(" ".join(where)))


def _drop(el) -> None:
    """Remove ``el`` but keep its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def is_noise_line(line: str) -> bool:
    """True for a text line that is a counter, a tool, a widget heading or a footer line."""
    folded = _short_line(line)
    return (
        folded in WIDGET_HEADINGS
        or folded in TOOL_STRINGS
        or any(folded.startswith(m) for m in FOOTER_MARKERS)
        or bool(NOISE_LINE.match(folded))
    )


def _short_line(line: str) -> str:
    return fold(" ".join(line.split())).strip(" :»›-–|")
