"""The "gold mutations" figure: the gold set's pages changed as other portals print the same
post, and read again (with no class left, no platform profile matches).

    .venv/bin/python -m tests.gold.mutations [--misses]

Each gold page (``tests/gold/pages``) is read after one or more of these changes, which leave
its title, day and text as they were: no ``class``, ``id`` or microdata (no platform profile
and no class hint matches), no ``<meta>``, script or ``<time>`` (no metadata to fall back on),
a ``<title>`` naming only the portal, an address that says nothing (``?id=77123``), the
headline in a bold block instead of a heading, the day printed in another form or below the
text (above the signature and source), paragraphs as divs or as lines between ``<br/>``s,
empty paragraphs between them, the portal's header printing today's day, readers' comments
under a plain heading, the section's other posts with their leads, a breadcrumb, the counters
and tools under the headline, a box of prose in the sidebar, a comment form, tags, share links,
the footer's day of the portal's last change, the post's own headline in the sidebar's list,
and the headline repeated in bold as the text's first line. A page is right when it is
stored as an article with its title, its day, a text of token F1 at least ``TEXT_F1`` against
the gold text, and nothing of the page around it. ``tests/crawler/extraction/
test_gold_mutations.py`` asks each way for every page right. Stop 54's probe found its first
misses: a bold lead under the day taken for the title, the day above a signature lost, a
sidebar's prose and a thread under a plain heading read as text.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from lxml import html as lxml_html

from crawler.extraction import extract_page
from crawler.extraction.decode import charset_from_content_type, decode_html
from tests.gold.evaluate import FETCHED_AT, GOLD, gold, same, token_f1

TEXT_F1 = 0.95
SITE = "Cổng thông tin điện tử tỉnh Sông Hậu"
OPAQUE_URL = "https://songhau.gov.vn/default.aspx?id=77123"
# what the added parts print: none of it may reach the text
ADDED = ["Tôi rất đồng tình", "Hôm nay:", "kế hoạch phát triển kinh tế số", "Huyện Mỹ Thành nằm ở phía",
         "Lượt xem", "Trang chủ", "Họ và tên", "Mã xác nhận", "Từ khóa", "Bản quyền", "Facebook", "In trang"]
COMMENTS = "".join(f"<div><b>Nguyễn Văn {i}</b> <span>(0{i}/12/2024)</span><p>Tôi rất đồng tình với chủ trương "
                   f"này, mong chính quyền địa phương quan tâm hơn nữa đến đời sống bà con vùng xa số {i}.</p></div>"
                   for i in range(1, 4))
TEASERS = "".join(f"<div><a href='/tin/{i}.html'>Huyện Mỹ Thành triển khai kế hoạch phát triển kinh tế số {i}</a> "
                  f"<span>(1{i}/11/2024)</span><p>Ủy ban nhân dân huyện vừa ban hành kế hoạch triển khai các nhiệm "
                  f"vụ trọng tâm về phát triển kinh tế, xã hội trong giai đoạn mới số {i}...</p></div>"
                  for i in range(4))
SIDE_PROSE = ("<div><div>Giới thiệu chung</div><p>Huyện Mỹ Thành nằm ở phía tây nam của tỉnh Sông Hậu, có diện "
              "tích tự nhiên hơn 35.000 ha, dân số trên 150.000 người, gồm 15 xã và 1 thị trấn; là vùng đất giàu "
              "truyền thống cách mạng, có tiềm năng lớn về nông nghiệp và du lịch sinh thái.</p></div>")
BREADCRUMB = ("<div><a href='/'>Trang chủ</a> » <a href='/tin-tuc'>Tin tức - Sự kiện</a> » "
              "<a href='/tin-tuc/hoat-dong'>Tin hoạt động</a></div>")
COUNTERS = ("<div>Lượt xem: 1.245 | <a href='#'>Bản in</a> | <a href='#'>Gửi email</a> | "
            "<a href='#'>Chia sẻ</a></div>")
WIDGET_NAMES = ("Liên kết web", "Thăm dò ý kiến", "Tin mới", "Xem nhiều nhất")
COMMENT_FORM = ("<div><div>Gửi ý kiến của bạn</div><form action='/binh-luan' method='post'>Họ và tên (*) <input name='n'/>"
                " Email (*) <input name='e'/> Nội dung (*) <textarea></textarea> Mã xác nhận <input name='c'/>"
                " <button>Gửi ý kiến</button></form></div>")
TAGS = ("<div>Từ khóa: <a href='/tag/kinh-te'>kinh tế</a>, <a href='/tag/xa-hoi'>xã hội</a>, "
        "<a href='/tag/dau-tu'>đầu tư công</a></div>")
FOOTER_DAY = "<div>Cập nhật lần cuối: 03/12/2026 08:00. Bản quyền © 2026 Cổng thông tin điện tử tỉnh Sông Hậu</div>"
SHARE = ("<div><a href='https://www.facebook.com/sharer/sharer.php?u=x'>Facebook</a> <a href='https://zalo.me/share'>"
         "Zalo</a> <a href='javascript:window.print()'>In trang</a></div>")


@dataclass
class Page:
    """One gold page being changed: its tree and its expected fields."""

    root: lxml_html.HtmlElement
    case: dict
    url: str

    def title_element(self, smallest: bool = False):
        """The element holding the headline (the largest such block, or the smallest)."""
        start, limit = self.case["title"][:25], len(self.case["title"]) + 40
        found = [el for el in self.root.iter() if isinstance(el.tag, str)
                 and el.tag not in ("title", "head", "html", "body") and start in el.text_content()
                 and len(el.text_content()) < limit]
        if not found:
            return None
        return (min if smallest else max)(found, key=lambda el: len(el.text_content()))

    def text_block(self):
        """The element holding the text's last paragraph, and its parent."""
        paragraphs = [line for line in self.case["text"].split("\n") if len(line) > 60]
        start = paragraphs[-1][:40] if paragraphs else "\0"
        found = [el for el in self.root.iter("p", "div", "td") if start in el.text_content()]
        return min(found, key=lambda el: len(el.text_content())) if found else None

    def date_element(self):
        shown = self.case.get("date_shown") or ""
        found = [el for el in self.root.iter() if isinstance(el.tag, str) and shown
                 and shown in el.text_content() and el.tag not in ("html", "body")]
        return min(found, key=lambda el: len(el.text_content())) if found else None


def _no_class(page: Page) -> None:
    for el in page.root.iter():
        if isinstance(el.tag, str):
            for name in ("class", "id", "itemprop", "itemtype", "itemscope", "rel"):
                el.attrib.pop(name, None)


def _no_meta(page: Page) -> None:
    for el in list(page.root.iter("meta", "script", "time")):
        if el.tag == "time":
            el.tag = "span"
            el.attrib.pop("datetime", None)
        elif not (el.get("charset") or el.get("http-equiv")):
            el.drop_tree()


def _site_title(page: Page) -> None:
    for el in page.root.iter("title"):
        el.text = SITE


def _opaque(page: Page) -> None:
    page.url = OPAQUE_URL


def _wrap_inside(el: lxml_html.HtmlElement, wrapper: lxml_html.HtmlElement) -> None:
    """``el``'s text and children moved into ``wrapper``, which becomes its only child."""
    wrapper.text, el.text = el.text, None
    for child in list(el):
        wrapper.append(child)
    el.insert(0, wrapper)


def _bold_title(page: Page) -> None:
    for heading in list(page.root.iter("h1", "h2", "h3")):
        heading.tag = "div"
        _wrap_inside(heading, lxml_html.Element("b"))


def _date_form(form: str) -> Callable[[Page], None]:
    def change(page: Page) -> None:
        day = datetime.fromisoformat(page.case["published_at"])
        shown, new = page.case.get("date_shown") or "", day.strftime(form)
        for el in page.root.iter():
            if isinstance(el.tag, str):
                for attr in ("text", "tail"):
                    value = getattr(el, attr)
                    if value and shown and shown in value:
                        setattr(el, attr, value.replace(shown, new))
    return change


def _date_below(page: Page) -> None:
    date, last = page.date_element(), page.text_block()
    if date is not None and last is not None and not any(a is date for a in last.iterancestors()):
        date.tail = None
        date.getparent().remove(date)
        last.addnext(date)


def _div_paragraphs(page: Page) -> None:
    for el in page.root.iter("p"):
        el.tag = "div"


def _br_lines(page: Page) -> None:
    for parent in {p.getparent() for p in page.root.iter("p")}:
        paragraphs = [child for child in parent if child.tag == "p"]
        if len(paragraphs) < 2:
            continue
        first = paragraphs[0]
        for other in paragraphs[1:]:
            first.append(lxml_html.Element("br"))
            first.append(lxml_html.Element("br"))
            first[-1].tail = other.text or ""
            for child in list(other):
                first.append(child)
            parent.remove(other)
        first.tag = "div"


def _empty_paragraphs(page: Page) -> None:
    for el in list(page.root.iter("p")):
        if len(el.text_content()) > 60:
            el.addnext(lxml_html.fromstring("<p>&nbsp;</p>"))


def _today(page: Page) -> None:
    page.root.find(".//body").insert(0, lxml_html.fromstring("<div>Hôm nay: Thứ Hai, 07/12/2026</div>"))


def _after_text(html: str) -> Callable[[Page], None]:
    def change(page: Page) -> None:
        last = page.text_block()
        if last is not None and last.getparent() is not None:
            last.getparent().addnext(lxml_html.fromstring(html))
    return change


def _beside_title(html: str, before: bool) -> Callable[[Page], None]:
    def change(page: Page) -> None:
        title = page.title_element()
        if title is not None:
            (title.addprevious if before else title.addnext)(lxml_html.fromstring(html))
    return change


def _title_links_itself(page: Page) -> None:
    title = page.title_element(smallest=True)
    if title is not None and title.tag != "a" and title.find(".//a") is None:
        _wrap_inside(title, lxml_html.Element("a", href=page.url))


def _side_prose(page: Page) -> None:
    widget = next((el for el in page.root.iter() if isinstance(el.tag, str)
                   and (el.text or "").strip() in WIDGET_NAMES), None)
    if widget is not None:
        widget.addprevious(lxml_html.fromstring(SIDE_PROSE))


def _footer_day(page: Page) -> None:
    page.root.find(".//body").append(lxml_html.fromstring(FOOTER_DAY))


def _own_headline_aside(page: Page) -> None:
    """The sidebar's newest posts, this one's headline among them."""
    widget = next((el for el in page.root.iter() if isinstance(el.tag, str)
                   and (el.text or "").strip() in WIDGET_NAMES), None)
    if widget is not None:
        widget.addnext(lxml_html.fromstring(
            f"<ul><li><a href='/tin/9001.html'>{page.case['title']}</a></li><li><a href='/tin/9002.html'>Huyện Mỹ "
            "Thành tổ chức hội nghị tổng kết công tác năm 2024</a></li></ul>"))


def _headline_repeated(page: Page) -> None:
    """The editor's copy of the headline, in bold, as the text's first line."""
    opening = [line for line in page.case["text"].split("\n") if len(line) > 60][:1]
    found = [el for el in page.root.iter("p", "div", "td") if opening and opening[0][:40] in el.text_content()]
    if found:
        first = min(found, key=lambda el: len(el.text_content()))
        first.addprevious(lxml_html.fromstring(f"<p><strong>{page.case['title']}</strong></p>"))


CHANGES: dict[str, Callable[[Page], None]] = {
    "no class": _no_class, "no meta": _no_meta, "site title": _site_title, "opaque address": _opaque,
    "bold title": _bold_title, "day dashed": _date_form("Thứ hai - %d/%m/%Y %H:%M"),
    "day after time": _date_form("%H:%M | %d/%m/%Y"), "day dotted": _date_form("(%d.%m.%Y %H:%M)"),
    "day below": _date_below, "div paragraphs": _div_paragraphs, "br lines": _br_lines,
    "empty paragraphs": _empty_paragraphs, "today": _today,
    "comments": _after_text(f"<div><div>Ý kiến bạn đọc</div>{COMMENTS}</div>"),
    "teasers": _after_text(f"<div><div>Tin khác</div>{TEASERS}</div>"), "breadcrumb": _beside_title(BREADCRUMB, before=True),
    "counters": _beside_title(COUNTERS, before=False), "side prose": _side_prose, "title links itself": _title_links_itself,
    "comment form": _after_text(COMMENT_FORM), "tags": _after_text(TAGS), "footer day": _footer_day,
    "share": _beside_title(SHARE, before=False), "own headline aside": _own_headline_aside,
    "headline repeated": _headline_repeated,
}
BARE = ("no class", "no meta")
KINDS = [(name,) for name in CHANGES if name not in BARE] + [
    (*BARE, name) for name in CHANGES if name not in BARE] + [
    (*BARE, "site title", "opaque address", "bold title", "br lines"),
    (*BARE, "site title", "bold title", "title links itself"),
    (*BARE, "site title", "bold title", "day below", "comments", "teasers", "counters", "side prose"),
    (*BARE, "site title", "bold title", "own headline aside", "comment form", "tags", "share", "footer day"),
]


@dataclass
class Result:
    pages: int = 0
    right: int = 0
    misses: list[str] = field(default_factory=list)
    by_kind: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def share(self) -> float:
        return self.right / self.pages if self.pages else 0.0


def changed(name: str, case: dict, kind: tuple[str, ...]) -> tuple[bytes, str]:
    """The gold page ``name`` with the changes of ``kind``, as UTF-8, and its address."""
    raw = (GOLD / "pages" / f"{name}.html").read_bytes()
    text, _ = decode_html(raw, charset_from_content_type(case["content_type"]))
    page = Page(lxml_html.fromstring(text), case, case["url"])
    for change in kind:
        CHANGES[change](page)
    return lxml_html.tostring(page.root, encoding="utf-8"), page.url


def wrong(result, case: dict) -> list[str]:
    """What the extraction got wrong of the page's expected fields."""
    errors = [] if result.is_article else [f"not an article: {result.reason}"]
    if not same(result.title, case["title"]):
        errors.append(f"title {result.title[:60]!r}")
    if (result.published_at or "")[:10] != case["published_at"][:10]:
        errors.append(f"day {result.published_at} ({result.published_from})")
    if (f1 := token_f1(result.text, case["text"])) < TEXT_F1:
        errors.append(f"text F1 {f1:.2f}")
    leaked = [b for b in [*case["boilerplate"], *ADDED] if b in (result.text or "")]
    return errors + ([f"leaked {leaked[:3]}"] if leaked else [])


def score(kinds: list[tuple[str, ...]] = KINDS) -> Result:
    out = Result()
    cases = gold()
    for kind in kinds:
        right = 0
        for name, case in cases.items():
            body, url = changed(name, case, kind)
            result = extract_page(body, url, "text/html; charset=utf-8", fetched_at=FETCHED_AT)
            if errors := wrong(result, case):
                out.misses.append(f"{' + '.join(kind)}: {name}: {'; '.join(errors)}")
            else:
                right += 1
        out.by_kind[" + ".join(kind)] = (right, len(cases))
        out.pages += len(cases)
        out.right += right
    return out


def report(show_misses: bool = False) -> str:
    result = score()
    lines = [f"gold mutations: the gold set's {len(gold())} pages changed {len(KINDS)} ways and read again",
             f"  right       {result.share:.3f}  ({result.right}/{result.pages})"]
    lines += [f"  {kind}: {right}/{pages}" for kind, (right, pages) in result.by_kind.items() if right < pages]
    if show_misses:
        lines += ["", *result.misses]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(show_misses="--misses" in sys.argv))
