"""Soft-404s: "page not found" served with 200, which must never become an article.

Two pieces of evidence, either enough:

- the page says so where a page names itself (its ``<title>``, its first headings), or its
  whole text is a short not-found message;
- it is the page the portal serves for an address that cannot exist: each crawl asks every
  portal for one such address (``probe_path``); when that answers 200, pages whose text lines
  are nearly all the same as that answer's are its not-found page.
"""

from __future__ import annotations

import re
import secrets
from itertools import islice

from lxml import html as lxml_html

NOT_FOUND = re.compile(
    r"không tìm thấy (?:trang|nội dung|bài viết|dữ liệu|tin)|(?:trang|bài viết|nội dung|tin tức|tin)"
    r" (?:bạn (?:yêu cầu|tìm|truy cập) )?(?:không tồn tại|đã bị xóa|đã bị xoá)|page not found|"
    r"404 not found|error 404|lỗi 404|^404$|the resource cannot be found",
    re.I,
)
SHORT_TEXT = 600  # characters: a whole page this short that says "not found" is only that
SAME_PAGE = 0.92  # share of text lines in common with the portal's not-found answer


def probe_path() -> str:
    """An address no portal has, different on every crawl (a cache must not answer it)."""
    return f"/govarchive-no-such-page-{secrets.token_hex(6)}.html"


def _text_lines(root) -> set[str]:
    body = root.find(".//body")
    lines = ((body if body is not None else root).itertext())
    return {" ".join(line.split()).lower() for line in lines if line.strip()} - {""}


def says_not_found(root) -> str | None:
    """The not-found words a page names itself with, or None."""
    heads = [root.findtext(".//title") or ""]
    # the first four headings only: a listing has dozens of item headings, each read in full before
    heads += [h.text_content() for h in islice((h for tag in ("h1", "h2", "h3") for h in root.iter(tag)), 4)]
    for text in heads:
        found = NOT_FOUND.search(" ".join(text.split()))
        if found:
            return found[0]
    body = root.find(".//body")
    if body is None:
        return None
    pieces, size = [], 0
    for piece in body.itertext():  # asked of every page: stop reading once it is no short page
        size += len(piece.strip())
        if size > SHORT_TEXT:
            return None
        pieces.append(piece)
    text = " ".join(" ".join(pieces).split())
    found = NOT_FOUND.search(text)
    return found[0] if found else None


class NotFoundPages:
    """Each portal's own not-found answer, learnt from its probe."""

    def __init__(self) -> None:
        self.answers: dict[str, set[str]] = {}  # host -> text lines of its 200 not-found answer

    def learn(self, host: str, text: str) -> None:
        """Learn ``host``'s not-found answer from its decoded text."""
        try:
            lines = _text_lines(lxml_html.fromstring(text))
        except (ValueError, lxml_html.etree.ParserError):
            return
        if lines:
            self.answers[host] = lines

    def reason(self, host: str, root) -> str | None:
        """Why the page parsed as ``root`` is a soft-404, or None."""
        words = says_not_found(root)
        if words:
            return f"soft-404: the page says “{words}”"
        known = self.answers.get(host)
        if known and _same_lines(known, root):
            return "soft-404: the portal's answer for an address that does not exist"
        return None


def _same_lines(known: set[str], root) -> bool:
    """Whether the page's text lines are nearly all ``known``'s (a share ``SAME_PAGE`` of both
    sets'), read only until the lines beside them rule it out: an article's own lines do after
    the template's few dozen, and reading every line of every page was a tenth of a many-portal
    crawl's spider time."""
    body = root.find(".//body")
    others = len(known) * (1 / SAME_PAGE - 1)  # more lines not in ``known``, and the share is less
    lines: set[str] = set()
    extra = 0
    for piece in (body if body is not None else root).itertext():
        if not piece.strip():
            continue
        line = " ".join(piece.split()).lower()
        if line not in lines:
            lines.add(line)
            if line not in known:
                extra += 1
                if extra > others:
                    return False
    union = len(known | lines)
    return bool(union) and len(known & lines) / union >= SAME_PAGE
