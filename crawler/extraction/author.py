"""The author a page states plainly, when the body's closing signature did not give one.

Candidates, best first: a byline element in or next to the body (class names
``author``, ``tacgia``, ``byline``...; never inside a comment section), a
right-aligned bold closing line (the Vietnamese portals' signature), then the
page's metadata (JSON-LD ``author.name``, ``<meta name="author">``) unless it
names the site itself ("Cổng thông tin điện tử tỉnh ...", the publisher).
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from common.dates import contains_date
from common.textnorm import clean_line, fold
from crawler.extraction.boilerplate import is_noise_line

BYLINE_CLASS = re.compile(r"(?:^|[\s_-])(?:author|tacgia|tac-gia|tac_gia|byline|writer|nguoi-?viet)"
                          r"(?:[\s_-]|$)", re.I)
COMMENTS = re.compile(r"comment|binh-?luan|y-?kien|reply|respond", re.I)
# a byline's label: "Tác giả:", "Tác giả bài viết:" (NukeViet), "Tin, ảnh:", "Bài và ảnh:",
# "Người đăng:", "Phóng viên:", and WordPress's "bởi" / "Đăng bởi" (by), with or without a colon
LABEL = re.compile(r"^(?:(?:by|von|par|(?:(?:đăng|viết)\s+)?bởi)\s*[:：]?\s+"
                   r"|(?:tác giả(?: bài viết)?|người viết|người đăng|phóng viên|thực hiện"
                   r"|(?:tin|bài|ảnh)(?:\s*(?:,|và|/|&|-)\s*(?:tin|bài|ảnh))*)\s*[:：]\s*)", re.I)
PORTAL = re.compile(r"cong thong tin|cong ttdt|trang thong tin|gov\.vn|\.vn$|\.com$|website|portal")
DOMAIN = re.compile(r"https?:|\w\.(?:vn|com|net|org|info)\b", re.I)
MAX_AUTHOR = 60
# the portal's accounts, which its software prints as the poster ("admin admin", "Quản trị viên"):
# who clicked "publish", not who wrote it
ACCOUNT = re.compile(r"^(?:(?:super)?admin(?:istrator)?\d*|webmaster|quan ?tri(?: ?vien| he thong| website)?"
                     r"|qtv)(?:\s+(?:admin(?:istrator)?|\d+))*$")


def find_author(body: lxml_html.HtmlElement | None, meta_authors: list[str],
                site_names: list[str]) -> str | None:
    """The page's stated author, or None."""
    if body is not None:
        for found in (_byline(body), _right_aligned_closing(body)):
            if found:
                return found
    sites = {fold(name).lower() for name in site_names if name}
    for name in meta_authors:
        name = clean_name(name)
        if name and fold(name).lower() not in sites and not PORTAL.search(fold(name).lower()):
            return name
    return None


def without_label(name: str | None) -> str | None:
    """"Tác giả: Hoàng Lan" -> "Hoàng Lan"; "By Jane Doe" -> "Jane Doe"; a portal's account
    ("admin admin", "Quản trị viên") -> None."""
    if not name:
        return name
    name = LABEL.sub("", name).strip() or name
    return None if is_account(name) else name


# "12/03/2024 | Tác giả: … | Lượt xem: 12", "Tác giả: Minh Tâm - 12/03/2024"
_FIELDS = re.compile(r"\s+[|•·]\s+|\s+[-–]\s+(?=\w[^|]*[:：]|\d)")


# a counter's span run into the name before it ("Tác giả: Minh Tâm<span>1.245</span>"): no name
# ends in digits
_GLUED_COUNT = re.compile(r"(?<=[^\W\d_])\d[\d.,]*$")


def author_in_lines(lines: list[str]) -> str | None:
    """The author a date line states among its fields ("12/03/2024 | Tác giả: Minh Tâm | Lượt
    xem: 12"), labelled; a portal's account ("Người đăng: admin") is none."""
    for line in lines:
        for field in _FIELDS.split(line):
            field = _GLUED_COUNT.sub("", field.strip())
            if LABEL.match(field) and not is_account(field) and (name := clean_name(field)):
                return name
    return None


def is_account(line: str) -> bool:
    """``line`` names one of the portal's accounts, with or without a label ("Người đăng: admin")."""
    return bool(ACCOUNT.match(fold(LABEL.sub("", clean_line(line))).lower().strip(" .")))


def _byline(body: lxml_html.HtmlElement) -> str | None:
    region = body.getparent() if body.getparent() is not None else body
    for el in region.iter():
        if not isinstance(el.tag, str):
            continue
        marks = f"{el.get('class', '')} {el.get('id', '')} {el.get('itemprop', '')}"
        if not BYLINE_CLASS.search(marks) or _in_comments(el, region):
            continue
        name = clean_name(el.text_content())
        if name:
            return name
    return None


def _right_aligned_closing(body: lxml_html.HtmlElement) -> str | None:
    # the last block with text, looked for from the end: reading each block's text from the start
    # read an outer div's whole text once for every block it holds
    last = next((el for el in reversed(list(body.iter("p", "div"))) if clean_line(el.text_content())), None)
    if last is None:
        return None
    aligned = (last.get("align") or "").lower() == "right" or "right" in (last.get("style") or "").lower()
    bold = last.find(".//strong") is not None or last.find(".//b") is not None
    return clean_name(last.text_content()) if aligned and bold else None


def _in_comments(el, stop) -> bool:
    for node in (el, *el.iterancestors()):
        if node is stop:
            return False
        if COMMENTS.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
    return False


def clean_name(text: str) -> str | None:
    """A stated author's name without its label, or None where the line is not a name (too
    long, a date, a site's address, boilerplate)."""
    name = LABEL.sub("", clean_line(text)).strip(" -–—,.:")
    if (not name or len(name) > MAX_AUTHOR or contains_date(name) or is_noise_line(name)
            or DOMAIN.search(name)):  # "(baosonghau.vn)" is a source, not an author
        return None
    return name
