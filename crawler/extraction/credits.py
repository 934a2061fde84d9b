"""The lines that credit a post: its signature ("N.H", "Ban Dân vận Huyện ủy"), its source
("(baobackan.org.vn)", "Nguồn: Báo Bắc Kạn") and the labelled lines ("Tác giả:", "Theo:")
after the body or in it, which become the author and the source, not the text's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from urllib.parse import urlsplit

from lxml import html as lxml_html

from common.dates import contains_date
from common.textnorm import clean_line, fold
from crawler.extraction.author import LABEL as BYLINE_LABEL
from crawler.extraction.author import clean_name, without_label
from crawler.extraction.boilerplate import is_noise_line

SOURCE_LINE = re.compile(r"^\(?\s*(?:theo|nguồn)?\s*:?\s*([\w.-]+\.(?:vn|com|net|org)(?:\.vn)?)\s*\)?$", re.I)
SOURCE_LABEL = re.compile(r"^\(?\s*(?:theo|nguồn(?:\s+tin)?)\s*:?\s*(.{3,80}?)\s*\)?$", re.I)
SIGNATURE_MAX = 70
TERMINAL = (".", "!", "?", ":", ";", "…", ",")
# a short line in brackets: a signature's body under its name ("(Trung tâm VH-TT-TT huyện)"), a source
BRACKETED_LINE = re.compile(r"^\([^()]{2,60}\)$")


@dataclass
class BodyText:
    text: str
    author: str | None = None
    source: str | None = None


def trailing_signature(body: lxml_html.HtmlElement) -> str | None:
    """A signature line standing just after the body element, outside it."""
    sibling = body.getnext()
    while sibling is not None and not clean_line(sibling.text_content()):
        sibling = sibling.getnext()
    if sibling is None:
        return None
    if sibling.tag == "a" or sibling.find(".//a") is not None:
        return None  # a pager ("Trước", "Tiếp theo") or a link list, not a signature
    line = clean_line(sibling.text_content())
    return line if is_signature(line) and not is_noise_line(line) else None


FOLLOWING_BLOCKS = 3  # blocks after the body looked at for its author's and source's lines


CREDIT_MAX = 80  # characters: a credit line is a label and a name


SOURCE_CREDIT = re.compile(r"^(?:nguồn(?:\s+tin)?|theo)\s*[:：]", re.I)


def is_credit(line: str) -> bool:
    """A labelled credit line ("Tác giả bài viết: …", "Nguồn tin: …"): the author's or the
    source's field, no substance of the text."""
    return len(line) <= CREDIT_MAX and bool(BYLINE_LABEL.match(line) or SOURCE_CREDIT.match(line))


def labelled_after(body: lxml_html.HtmlElement) -> BodyText:
    """The author and the source a platform prints as labelled lines just after the body
    element, outside it (NukeViet: "Tác giả bài viết: …", "Nguồn tin: …" in right-aligned
    paragraphs below the text, after its attached files). Only labelled lines count: what
    follows a body is often a related-links list or the next article's teaser."""
    found, seen = BodyText(""), 0
    for block in _following(body):
        if seen >= FOLLOWING_BLOCKS or (found.author and found.source):
            break
        line = clean_line(block.text_content()) if isinstance(block.tag, str) else ""
        if line and not is_noise_line(line[:CREDIT_MAX]):  # the tools and widgets are passed over
            seen += 1
            _read_credits(block.iter("p", "div", "span"), found)
    return found


def _following(body: lxml_html.HtmlElement, levels: int = 3):
    """The blocks after the body: its next siblings, then its parent's, up to ``levels`` up (the
    text in its own block, the tools and the readers' comments after it, the credits after that).
    A wrapper that holds the body alone is no level (the text in a one-cell table in its block)."""
    node = body
    while levels > 0:
        alone = True
        for sibling in node.itersiblings():
            alone = False
            yield sibling
        levels -= not (alone and node.getprevious() is None)
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            return


def labelled_in(body: lxml_html.HtmlElement) -> BodyText:
    """The same labelled lines inside the body: a located block that holds the title, the text
    and the credit lines below it. The text leaves them out (they are fields)."""
    return _read_credits(islice(body.iter("p", "div", "span"), CREDIT_BLOCKS), BodyText(""))


CREDIT_BLOCKS = 2000  # blocks of a body read for its credit lines: a bound on any body's size


def _read_credits(blocks, found: BodyText) -> BodyText:
    for block in blocks:
        if found.author and found.source:
            break
        head = _head(block)  # the label opens the line: no block's whole text is read for the others
        if not (BYLINE_LABEL.match(head) or SOURCE_CREDIT.match(head)):
            continue
        if block.find(".//p") is not None or block.find(".//div") is not None:
            continue  # a wrapper: its lines are read one by one
        line = clean_line(block.text_content())
        if len(line) > CREDIT_MAX:
            continue
        if not found.author and BYLINE_LABEL.match(line):
            found.author = without_label(clean_name(line))
        elif not found.source and SOURCE_CREDIT.match(line):
            found.source = source_line(line)
    return found


def _head(block: lxml_html.HtmlElement, depth: int = 3) -> str:
    """The text a block opens with: its own, or its first child's (``<p><strong>Tác giả: </strong>…``)."""
    while depth and not (block.text or "").strip() and len(block) and isinstance(block[0].tag, str):
        block, depth = block[0], depth - 1
    return " ".join((block.text or "").split())


def source_line(line: str) -> str | None:
    match = SOURCE_LINE.match(line) or (SOURCE_LABEL.match(line) if line.startswith("(") or
                                        fold(line).startswith(("theo", "nguon")) else None)
    return match.group(1) if match else None


# a closing line that names a file or offers it ("Tải về: TB-123.pdf") is an attachment's label
FILE_LINE = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|zip|rar|7z)\b|^(?:tai ve|tai xuong|download"
                       r"|file dinh kem|tep dinh kem|van ban dinh kem|dinh kem)\b", re.I)


# a body that signs: "Phòng Văn hóa và Thông tin", "Ban Biên tập", "Trung tâm Y tế huyện"
ORGANISATION = re.compile(r"^(phong|ban|so|trung tam|ubnd|uy ban|van phong|hoi|doan|huyen uy|tinh uy"
                          r"|thanh uy|dang uy|cong an|bao|dai|cong|chi cuc|cuc|bo|vien|truong|benh vien"
                          r"|mat tran|lien doan|kho bac|ban chi huy|bo chi huy|nhom|to|hat|tram|chi nhanh"
                          r"|cau lac bo)\s")


def is_signature(line: str) -> bool:
    """A closing line that signs the post: initials (N.H), an abbreviation (BBT, PV), a name of
    capitalised words ("Nguyễn Thị Hồng Nhung", "Thanh Hà - Minh Tuấn"), or a body's name
    ("Phòng Văn hóa và Thông tin huyện"); not a closing sentence without its full stop
    ("Hội nghị kết thúc cùng ngày", "Trân trọng thông báo"), which stays in the text."""
    if len(line) > SIGNATURE_MAX or len(line.split()) > 10 or contains_date(line):
        return False
    if FILE_LINE.search(fold(line)) or line.endswith(TERMINAL) or not line[:1].isupper():
        return False
    if re.fullmatch(r"(?:[A-ZĐ]\.){1,3}[A-ZĐ]\.?|[A-ZĐ]{2,6}", line.replace(" ", "")):
        return True  # initials (N.H, T.L) or an abbreviation (BBT, PV, CTV)
    named = re.split(r"\s*[(\[]", line, maxsplit=1)[0]  # "Minh Tuấn (Trung tâm VH-TT)": the name
    parts = re.split(r"\s+[-–]\s+", named, maxsplit=1)
    if len(parts) == 2 and ORGANISATION.match(fold(parts[1]) + " "):
        named = parts[0]  # "Ngọc Lan - Phòng Văn hóa và Thông tin huyện": a name, then its body
    words = [w for w in re.split(r"[\s\-–,&/]+", named) if w]
    if words and all(w[:1].isupper() for w in words):
        return True
    body = ORGANISATION.match(fold(named))  # its kind, then its own name, capitalised
    after = len(body.group(1).split()) if body else len(words)
    return after < len(words) and words[after][:1].isupper()


SOURCE_BLOCKS = 3  # the body's closing blocks read for the original's address
_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$", re.I)


def address_source(line: str, page_url: str | None, href: str | None = None) -> str | None:
    """The site a repost came from, where its text closes on the original's address ("http://
    baodaknong.org.vn/chuyen-lam-an/...-75365.html", a district portal reposting the province's
    paper): that site's host. An address of the portal's own pages is none."""
    if not _ADDRESS.match(line):
        return None
    target = href or (line if "://" in line else f"http://{line}")
    host = (urlsplit(target).hostname or "").removeprefix("www.")
    own = (urlsplit(page_url or "").hostname or "").removeprefix("www.")
    return host if host and "." in host and host != own else None


def linked_source(body: lxml_html.HtmlElement, page_url: str | None) -> str | None:
    """:func:`address_source` of the body's closing blocks, where one is a link whose words are
    its address (a reading that drops a line of a link alone drops it from the text)."""
    read = 0
    for block in reversed(list(body.iter("p", "div"))):  # the last first: few texts are read
        if not (text := clean_line(block.text_content())):
            continue
        links = block.findall(".//a")
        if len(links) == 1 and clean_line(links[0].text_content()) == text \
                and (found := address_source(text, page_url, links[0].get("href"))):
            return found
        read += 1
        if read >= SOURCE_BLOCKS:
            break
    return None
