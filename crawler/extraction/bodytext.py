"""The article body as plain text, and the signature and source lines at its end.

trafilatura turns the body element into text (paragraphs, tables as rows,
captions kept); a plain block serializer is the fallback when trafilatura
returns nothing or drops most of the element. Lines that repeat the title or
the date line, and counter or tool lines, are removed; the trailing
signature ("N.H", "Ban Dân vận Huyện ủy") becomes the author and a trailing
"(baobackan.org.vn)" the source.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura.settings import Extractor

from common.dates import contains_date
from common.textnorm import clean_line, clean_text, fold, is_vietnamese
from crawler.extraction.author import LABEL as BYLINE_LABEL
from crawler.extraction.author import clean_name, is_account, without_label
from crawler.extraction.boilerplate import BADGES, is_noise_line
from crawler.extraction.stoplist import install as install_hashed_stoplist

logger = logging.getLogger(__name__)
install_hashed_stoplist()  # trafilatura's jusText fallback: see crawler.extraction.stoplist

BLOCK_TAGS = frozenset(
    "p div br li tr table h1 h2 h3 h4 h5 h6 blockquote dd dt figcaption pre section ul ol".split()
)
SOURCE_LINE = re.compile(r"^\(?\s*(?:theo|nguồn)?\s*:?\s*([\w.-]+\.(?:vn|com|net|org)(?:\.vn)?)\s*\)?$", re.I)
SOURCE_LABEL = re.compile(r"^\(?\s*(?:theo|nguồn(?:\s+tin)?)\s*:?\s*(.{3,80}?)\s*\)?$", re.I)
TABLE_PARTS = frozenset({"td", "th", "tr", "tbody", "thead", "table"})
BLOCK_PARENTS = ("div", "td", "section", "article", "form", "li")
LINE_INLINE = frozenset({"span", "font", "b", "strong", "em", "i", "small", "label"})
SIGNATURE_MAX = 70
# a short line in brackets: a signature's body under its name ("(Trung tâm VH-TT-TT huyện)"), a source
BRACKETED_LINE = re.compile(r"^\([^()]{2,60}\)$")
TITLE_WINDOW = 6
TERMINAL = (".", "!", "?", ":", ";", "…", ",")


@dataclass
class BodyText:
    text: str
    author: str | None = None
    source: str | None = None


def element_text(body: lxml_html.HtmlElement, known: bool = False) -> str:
    """Text of ``body`` through trafilatura, or the block serializer.

    ``known``: the body is a container a profile or the site's selectors named;
    it holds the article and nothing else, so it is serialized as it is
    (trafilatura would drop short lines such as signatures and leads).
    """
    plain = serialize_blocks(body)
    if known:
        return plain
    wrapper = lxml_html.Element("html")
    clone = copy.deepcopy(body)
    if clone.tag in TABLE_PARTS:  # a lone cell confuses trafilatura's table handling
        _unwrap_layout(clone)
    for table in [t for t in clone.iter("table") if t is not clone and _one_cell(t)]:
        _unwrap_layout(table)  # a table of one cell lays out a title or a caption: no data row
    _inline_lines(clone)
    _text_divs_as_paragraphs(clone)
    captions = list(clone.iter("figcaption"))
    for figure in clone.iter("figure", "figcaption"):  # trafilatura drops figures, captions and all
        figure.tag = "div" if figure.tag == "figure" else "p"
    _tails_as_paragraphs(clone)
    etree.SubElement(wrapper, "body").append(clone)
    try:
        text = trafilatura.extract(wrapper, options=_body_options())
    except Exception:  # trafilatura raises assorted errors on odd trees
        logger.debug("trafilatura failed on the body element; using the block serializer")
        text = None
    if not text or len(text) < 0.6 * len(plain):
        return plain
    return _with_closing(text, plain, clone, captions)


@lru_cache(maxsize=1)
def _body_options() -> Extractor:
    """trafilatura's options for a body element, built once: trafilatura builds them from its
    config file's parser on every call otherwise (a sixth of its time on a short page). It
    copies them before changing any."""
    return Extractor(output_format="txt", recall=True, comments=False, images=False, tables=True,
                     dedup=False)


RUN_ON_AFTER = ("div", "table", "p", "ul", "ol", "blockquote", "section", "h2", "h3", "h4", "h5", "h6")


def _tails_as_paragraphs(root: lxml_html.HtmlElement) -> None:
    """Text run on after a block (a picture's table or figure, then the text's lines between
    ``<br/>``s, as older portals' editors write): a paragraph of its own, which trafilatura reads;
    it drops a block's tail."""
    for block in list(root.iter(*RUN_ON_AFTER)):
        if block is not root and (block.tail or "").strip():
            run_on = lxml_html.Element("p")
            run_on.text, block.tail = block.tail, None
            block.addnext(run_on)


CAPTION_CLASS = re.compile(r"caption|image_desc|img-desc|chu-?thich", re.I)


def _with_closing(text: str, plain: str, clone: lxml_html.HtmlElement, figcaptions: list) -> str:
    """trafilatura's reading with the closing line it dropped: a short line ending the text
    (a signature, "Minh Tâm", "BBT"; a picture's caption) goes with the boilerplate in its
    eyes when the block below it is a rating widget or a tools bar, or when nothing follows.
    A line the serializer read right after trafilatura's last line, that signs or is one of
    the body's captions, is put back."""
    lines = [ln for ln in (clean_line(x) for x in plain.splitlines()) if ln]
    last = clean_line(text.rstrip().rpartition("\n")[2])
    at = next((i for i in range(len(lines) - 1, -1, -1) if lines[i] == last), None)  # its last place
    if at is None:
        return text
    captions: set[str] | None = None  # read only when a line was dropped: rare
    for following in lines[at + 1: at + 1 + CLOSING_LINES]:  # a caption, then the signature
        if following in text:
            return text
        if captions is None:
            captions = {clean_line(el.text_content()) for el in [*figcaptions, *_captions(clone)]}
        heading = len(following.split()) > 1 and following.isupper()  # "TIN LIÊN QUAN", a newsletter's
        signs = _is_signature(following) and not heading and not is_noise_line(following)
        if not (following in captions or (signs and is_vietnamese(text))):
            return text
        text = f"{text.rstrip()}\n{following}"
    return text


CLOSING_LINES = 2


def _captions(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """A picture's caption besides ``<figcaption>``: an element classed so, or a centred line
    in italics alone (CKEditor's way: ``<p style="text-align:center"><em>…</em></p>``)."""
    found = [el for el in tree.iter("td", "p", "div", "span") if CAPTION_CLASS.search(el.get("class") or "")]
    return found + [p for p in tree.iter("p") if _centred_italics(p)]


def _centred_italics(p: lxml_html.HtmlElement) -> bool:
    if "center" not in (p.get("style") or "") + (p.get("align") or "") or len(p) != 1:
        return False
    return p[0].tag in ("em", "i") and not (p.text or "").strip() and not (p[0].tail or "").strip()


LAYOUT_CHILDREN = frozenset({"div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "form"})


def _unwrap_layout(part: lxml_html.HtmlElement) -> None:
    """A body that is a table, or a part of one: trafilatura reads a table as rows of cells ("| a |
    b |"), which a page laid out in a table is not (a short notice's block can be the layout table
    holding title, date and text). Where the table's own cells hold blocks (divs, headings, lists,
    tables, not a Word table's paragraphs) or it is one cell (its sidebar's cell gone with the
    boilerplate), its parts become plain blocks; otherwise only the element itself does (a lone
    cell). ``part`` is a copy: it has no ancestors."""
    # a table inside the part is one of its own (a picture's, with its caption), never the part's
    own = [part, *(el for el in part.iter(*TABLE_PARTS)
                   if el is not part and el.tag != "table" and _in_no_inner_table(el, part))]
    cells = [el for el in own if el.tag in ("td", "th")]
    layout = len(cells) <= 1 or any(child.tag in LAYOUT_CHILDREN for cell in cells for child in cell)
    for el in own if layout else [part]:
        el.tag = "div"


def _one_cell(table: lxml_html.HtmlElement) -> bool:
    return sum(1 for _ in islice(table.iter("td", "th"), 2)) == 1


def _inline_lines(tree: lxml_html.HtmlElement) -> None:
    """An inline element that stands alone among blocks is a line of its own: ASP.NET portals put
    the title, the date and the lead in ``<span>``s beside the content's ``<div>``, which a
    reading runs together ("... 09:15 21/06/2024UBND tỉnh ..."). Inline elements inside running
    text are left as they are."""
    for parent in tree.iter(*BLOCK_PARENTS):
        children = [c for c in parent if isinstance(c.tag, str)]
        if (not any(c.tag in BLOCK_TAGS for c in children) or (parent.text or "").strip()
                or any((c.tail or "").strip() for c in children)):
            continue
        for child in children:
            if child.tag in LINE_INLINE:
                child.tag = "div"


# what a block of text cannot hold: with one of these inside, a <div> is a block of blocks
HOLDS_BLOCKS = (BLOCK_TAGS - {"br"}) | {"article", "aside", "figure", "footer", "form", "header", "nav",
                                       "iframe", "main", "dl", "tbody", "td", "th"}


LINKED_RUN = 0.5  # a run of text more linked than this is navigation


def _text_divs_as_paragraphs(tree: lxml_html.HtmlElement) -> None:
    """A ``<div>`` holding a run of text and no block is a paragraph: trafilatura reads a
    ``<div>``'s text only when the ``<p>``s hold too little, so a lead (``<div class="sapo">``)
    or a paragraph an editor wrote as a ``<div>`` among ``<p>``s was lost from a long article.
    Its class and id stay, so trafilatura's own rules on them still apply. A run of links (the
    previous and next posts, a tools bar) is navigation, left a ``<div>``."""
    for div in list(tree.iter("div")):
        if div is tree or any(isinstance(el.tag, str) and el.tag in HOLDS_BLOCKS for el in div.iter()
                              if el is not div):
            continue  # (asked first: it stops at a block of blocks' first block, its text would not)
        text = clean_line(div.text_content())
        if not text:
            continue
        linked = sum(len(clean_line(a.text_content())) for a in div.iter("a"))
        if linked <= LINKED_RUN * len(text):
            div.tag = "p"


def _in_no_inner_table(el, part) -> bool:
    """``el`` belongs to ``part``'s own table, not to a table nested inside it."""
    for ancestor in el.iterancestors():
        if ancestor == part:
            return True
        if ancestor.tag == "table":
            return False
    return False


def serialize_blocks(body: lxml_html.HtmlElement) -> str:
    """Plain text with a line break at every block boundary (no recursion)."""
    out: list[str] = []
    for event, el in etree.iterwalk(body, events=("start", "end")):
        if not isinstance(el.tag, str):
            continue
        if event == "start":
            if el.tag in BLOCK_TAGS:
                out.append("\n")
            if el.tag == "td":
                out.append(" | ")
            out.append(el.text or "")
        else:
            if el.tag in BLOCK_TAGS:
                out.append("\n")
            if el is not body:
                out.append(el.tail or "")
    return "\n".join(line.strip(" |") for line in "".join(out).split("\n"))


ONE_CELL = re.compile(r"^\|\s*([^|]*?)\s*\|$")  # a row of one cell: a picture's caption in a layout table


def finish_text(raw: str, title: str, date_lines: list[str], signature: bool = True) -> BodyText:
    """Filter lines, split off the signature and source, return NFC paragraphs.

    ``signature``: split off a closing signature line ("N.H", "Ban Dân vận Huyện ủy"), the
    Vietnamese press convention; elsewhere a short closing line is the text's own.
    """
    drop = {fold(d) for d in date_lines}
    lines = [clean_line(line) for line in raw.splitlines()]
    # a line without a letter or a digit is a table's empty row ("| |", a picture's cell) or an ornament
    lines = [ONE_CELL.sub(r"\1", ln) for ln in lines if any(c.isalnum() for c in ln)]
    lines = [ln for ln in _broken_dates_dropped(lines, drop) if not found_date_line(fold(ln), drop)
             and not is_noise_line(ln)]
    lines = _labels_joined(_split_widgets_dropped(lines))
    folded_title = fold(title)
    for i, line in enumerate(lines[:TITLE_WINDOW]):
        if _title_line(fold(line), folded_title):  # text starts after the title when the body holds it
            lines = lines[i + 1 :]
            break
    result = BodyText("")
    for _ in range(3):  # a source line, a signature and the posting account, in any order
        if not lines:
            break
        last = lines[-1]
        if is_account(last):  # "admin admin": who published it on the portal, no line of the text
            pass
        elif result.source is None and (source := _source(last)):
            result.source = source
        elif signature and result.author is None and _is_signature(BYLINE_LABEL.sub("", last).strip()):
            # "Tác giả: Nguyễn Văn Bình", "Tin, ảnh: Thu Hà": the label goes with the author's cleaning
            result.author = last
        elif signature and result.author is None and len(lines) > 1 and BRACKETED_LINE.match(last) \
                and _is_signature(f"{lines[-2]} {last}"):
            # the name, then its body in brackets on a line of its own: "Minh Tâm", "(Trung tâm VH-TT)"
            result.author = f"{lines[-2]} {last}"
            lines.pop()
        else:
            break
        lines.pop()
    result.text = clean_text("\n".join(lines))
    return result


def _title_line(folded: str, folded_title: str) -> bool:
    """The title's line, or the title and the badge printed after it ("... năm 2024 Mới")."""
    return folded == folded_title or (folded.startswith(folded_title)
                                      and folded[len(folded_title):].strip(" !()[]") in BADGES)


def _broken_dates_dropped(lines: list[str], date_lines: set[str]) -> list[str]:
    """Without a date line broken over two or three lines by ``<br/>``s ("05/08/2019", then
    "08:30") or by inline elements read as lines ("05/08/2019 | Tác giả: Minh Tâm", then the
    view count "1.245", run together in the date line), nor a piece of one without a word that
    stands alone (trafilatura keeps the time and drops the day)."""
    if not date_lines:
        return lines
    # compared without spaces: the pieces stood apart by a break or by nothing at all
    keys = {d.replace(" ", "") for d in date_lines}
    # pieces longer together than any date line are not one: most lines are prose, folding
    # each with the one or two before it was 1% of a many-portal crawl's CPU
    longest = 2 * max(map(len, date_lines))
    kept: list[str] = []
    for line in lines:
        pieces = next((k for k in (1, 2) if len(kept) >= k and len(line) + sum(map(len, kept[-k:])) <= longest
                       and fold("".join([*kept[-k:], line])).replace(" ", "") in keys), 0)
        if pieces:
            del kept[-pieces:]
        else:
            kept.append(line)
    return [line for line in kept if not _piece_of(line, date_lines)]


def _piece_of(line: str, date_lines: set[str]) -> bool:
    """A piece of a date line that stands on its own: without a word ("08:30"), or its fields
    from a separator on ("| Tác giả: Minh Tâm", where the day was a ``<time>`` of its own)."""
    if any(c.isalpha() for c in line) and not line.startswith(("|", "•", "·")):
        return False
    return any(f" {fold(line)} " in f" {d} " for d in date_lines)


WIDGET_LABEL_CHARS = 24  # "Đánh giá:", "Lượt xem:": a widget's label read as a line of its own


def _split_widgets_dropped(lines: list[str]) -> list[str]:
    """Without a widget whose label and value were read as two lines (a rating's "Đánh giá:",
    its stars a picture, then "(12 lượt)"), which together are a noise line."""
    kept: list[str] = []
    for line in lines:
        label = kept[-1] if kept else ""
        if label.endswith(":") and len(label) <= WIDGET_LABEL_CHARS and is_noise_line(f"{label} {line}"):
            kept.pop()
        else:
            kept.append(line)
    return kept


def _labels_joined(lines: list[str]) -> list[str]:
    """A credit's label read as a line of its own ("Tác giả bài viết:" in ``<strong>``, the name
    after it) joined to the name on the next line."""
    joined: list[str] = []
    for line in lines:
        if joined and _label_only(joined[-1]):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _label_only(line: str) -> bool:
    found = BYLINE_LABEL.match(line) or SOURCE_CREDIT.match(line)
    return bool(found) and found.end() >= len(line.rstrip())


def found_date_line(folded: str, date_lines: set[str]) -> bool:
    """One of the date lines found (not ``dateread.is_date_line``, which asks whether a line is one
    at all), or one run together with its counters ("Cập nhật: 09:15 20/03/20241.245": the
    date and the views in two inline spans); not one that goes on into the text."""
    if folded in date_lines:
        return True
    for date_line in date_lines:
        if date_line and folded.startswith(date_line):
            rest = folded[len(date_line):].strip(" |-–:·,")
            return not any(c.isalpha() for c in rest) or is_noise_line(rest)
    # a badge's pieces the text runs together ("19Tháng 72024", "21Tháng 12/2024" for a calendar's
    # leaf) and the date line reads spaced ("19 Tháng 7 2024", "21/12/2024"); a count may follow
    if len(folded) > SQUEEZED_LINE:
        return False
    squeezed = _LEAF_RUN.sub(r"\1/", folded.replace(" ", ""), count=1)
    for date_line in date_lines:
        bare = date_line.replace(" ", "")
        if bare and squeezed.startswith(bare) and not any(c.isalpha() for c in squeezed[len(bare):]):
            return True
    return False


SQUEEZED_LINE = 150  # characters: a date line, with its credits
_LEAF_RUN = re.compile(r"^(\d{1,2})thang(?=\d{1,2}[/.\-]\d{4})")


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
    return line if _is_signature(line) and not is_noise_line(line) else None


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
            found.source = _source(line)
    return found


def _head(block: lxml_html.HtmlElement, depth: int = 3) -> str:
    """The text a block opens with: its own, or its first child's (``<p><strong>Tác giả: </strong>…``)."""
    while depth and not (block.text or "").strip() and len(block) and isinstance(block[0].tag, str):
        block, depth = block[0], depth - 1
    return " ".join((block.text or "").split())


def _source(line: str) -> str | None:
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


def _is_signature(line: str) -> bool:
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
