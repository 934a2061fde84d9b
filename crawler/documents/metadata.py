"""A Vietnamese administrative document's metadata: number and symbol, type, issuing body,
date issued, signer and subject line (trích yếu).

Decree 30/2020/NĐ-CP fixes how these documents are laid out, so the rules are
regular: the issuing body heads the left column above "Số: 123/QĐ-UBND", the
place and date ("Sóc Trăng, ngày 12 tháng 3 năm 2024") stand on the right, the
type ("QUYẾT ĐỊNH") and the subject ("Về việc ...", "V/v ..." for a letter)
follow, the signer's name closes the text. Candidates also come from the
listing row or notice that linked the file; the document's own first page wins
for each field it states, except the subject, which a listing states whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from common.textnorm import fold, is_syllable
from crawler.documents.issuer import issuer_of
from crawler.documents.signature import AUTHORITY_IN, CELLS, signer_of

# 123/QĐ-UBND, 16/CT-TTg, 45/2023/NĐ-CP, 1234/UBND-VP, 05/2024/TT-BTC
_SYMBOL = r"\d{1,5}(?:/\d{4})?/[A-ZĐ][\wĐđ]*(?:-[A-ZĐ][\wĐđ]*)*"
NUMBER = re.compile(rf"(?<![\w/])({_SYMBOL})(?![\w/])")
NUMBER_LABEL = re.compile(rf"\b(?i:số)\s*(?i:ký hiệu)?\s*[:.]?\s*({_SYMBOL})(?![\w/])")
# as printed in a header, spaced for a hand-written number: "Số: 779 /QĐ-UBND", "Số: 409/TTr-CAT(PC04)",
# "Số: 2775/SNV-CCHC&VTLT", the Party's "Số 36-HD/VPTW"
_LABELLED = re.compile(r"\b(?i:số)\s*(?i:ký hiệu)?\s*[:.]?\s*"
                       r"(\d{1,5}(?:\s*/\s*\d{4})?\s*/\s*[A-ZĐ][\wĐđ&]*(?:\s*-\s*[A-ZĐ(][\wĐđ&()]*)*"
                       r"|\d{1,5}-[A-ZĐ][\wĐđ]*/[A-ZĐ][\wĐđ]*(?:-[A-ZĐ][\wĐđ]*)*)")
# where the header ends and the body begins: the citations, the addressee, the first article
# (a body may open on the day of the meeting it reports: "Ngày 07/11/2025, đồng chí ...")
# (a minutes' body opens on when it met: "Hôm nay, vào lúc 8 giờ ...")
_BODY_START = re.compile(r"^\W*(Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị|Kính gửi|Điều 1\b|Hôm nay\b|"
                         r"Ngày \d{1,2}/\d{1,2}/\d{4})", re.I)
# the code in a symbol -> the type's name: every type and code of Decree 30/2020/NĐ-CP (Phụ lục
# III), the legal documents' (Luật 80/2015/QH13), and the permits and certificates offices issue
TYPES = {
    "NQ": "Nghị quyết", "QĐ": "Quyết định", "CT": "Chỉ thị", "QC": "Quy chế", "QyĐ": "Quy định",
    "TC": "Thông cáo", "TB": "Thông báo", "HD": "Hướng dẫn", "CTr": "Chương trình", "KH": "Kế hoạch",
    "PA": "Phương án", "ĐA": "Đề án", "DA": "Dự án", "BC": "Báo cáo", "BB": "Biên bản", "TTr": "Tờ trình",
    "HĐ": "Hợp đồng", "CĐ": "Công điện", "GN": "Bản ghi nhớ", "TTh": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền", "GM": "Giấy mời", "GGT": "Giấy giới thiệu", "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi", "PC": "Phiếu chuyển", "PB": "Phiếu báo",
    "TT": "Thông tư", "NĐ": "Nghị định", "TTLT": "Thông tư liên tịch", "NQLT": "Nghị quyết liên tịch",
    "L": "Luật", "PL": "Pháp lệnh", "VBHN": "Văn bản hợp nhất",
    "GP": "Giấy phép", "GCN": "Giấy chứng nhận",
}
# types Decree 30/2020 lays out without a trích yếu: a letter of introduction, a leave permit, a slip
NO_SUBJECT = {"Giấy giới thiệu", "Giấy nghỉ phép", "Giấy ủy quyền", "Phiếu gửi", "Phiếu chuyển", "Phiếu báo"}
TYPE_NAMES = sorted(set(TYPES.values()) | {"Công văn"}, key=len, reverse=True)
_HEADING = re.compile(r"^\s*(" + "|".join(n.upper() for n in TYPE_NAMES) + r")\s*$")
_LEADING_TYPE = re.compile(r"^\s*(" + "|".join(TYPE_NAMES) + r")\b", re.I)
# OCR runs words into numbers ("ngày24tháng") and drops the marks of "năm" ("nm", "nam")
_ISSUED = re.compile(r"ng[aà]y\s*(\d{1,2})\s*th[aá]ng\s*(\d{1,2})\s*n[aă]?m\s*(\d{4})", re.I)
_NUMERIC_DATE = re.compile(r"(?<![\d/])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/])")
_MOTTO = re.compile(r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|"
                    r"Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc|ĐẢNG CỘNG SẢN VIỆT NAM", re.I)
_SUBJECT_START = re.compile(r"^\s*(V/v|Về việc|Về|Ban hành|Phê duyệt|Triển khai|Tăng cường)\b", re.I)
# what OCR makes of a subject's opening words: "VA tham gia ..." for "V/v", "và việc" for "Về việc"
_OCR_OPENINGS = ((re.compile(r"^V\s*(?:/\s*[vVyY]|A)\s+(?=[a-zđ\u00c0-\u1ef9])"), "V/v "),
                 (re.compile(r"^(?:và|vẻ|vê|vể|vệ|ve)\s+việc\b", re.I), "Về việc"))
_SIGN_ROLE = re.compile(r"^\s*(KT\.|TM\.|Q\.|TL\.|TUQ\.)?\s*(PHÓ |Q\. )?(CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG|"
                        r"BÍ THƯ|THỦ TRƯỞNG|CHÁNH VĂN PHÒNG|TỔNG GIÁM ĐỐC|THỦ TƯỚNG|BỘ TRƯỞNG)", re.I)
# blanks a typed header leaves for the electronic signature to stamp: "Số:   /BC-UBND",
# "ngày   tháng 12 năm 2025"
_BLANK_NUMBER = re.compile(r"\b(?i:số)\s*:?\s*(/\s*[A-ZĐ][\wĐđ&()-]*)")
_BLANK_DAY = re.compile(r"ng[aà]y[\s._…-]*th[aá]ng[\s._…-]*(\d{1,2})?\s+n[aă]m\s+(\d{4})", re.I)
_PLACE_DATE = re.compile(r",\s*ngày\b.{0,12}\btháng\b", re.I)
# what OCR makes of a stamp or a scanner's streak at the end of a line: "99900900000090000002gg;"
_SOUP = re.compile(r"\s+(?=\S*\d)(?=\S*[^\W\d])\S{8,}\W*$")



@dataclass
class DocumentMeta:
    number: str | None = None  # số ký hiệu: "123/QĐ-UBND"
    doc_type: str | None = None  # "Quyết định", "Công văn", ...
    issuer: str | None = None  # "ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG"
    issued_on: str | None = None  # YYYY-MM-DD
    signer: str | None = None
    subject: str | None = None  # trích yếu
    # where each field was read: header, signature field, signature block, signature stamp,
    # listing row, link text, file name, symbol (a type from the number's code), subject
    sources: dict[str, str] = field(default_factory=dict)

    def take(self, name: str, value: str | None, source: str) -> None:
        """``value`` for field ``name``, read from ``source``; nothing when it is None."""
        if value is not None:
            setattr(self, name, value)
            self.sources[name] = source


def document_meta(text: str, row: list[str] | None = None, link_text: str = "") -> DocumentMeta:
    """Metadata from a document's text, with the cells of the listing row that linked it
    (``row``) and the link's text filling what the text does not state. A listing row
    states the subject whole; a link's text only when the document states none."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    head, row = header(lines), [c for c in (row or []) if c and c.strip()]
    links = [link_text] if link_text.strip() else []
    meta = DocumentMeta()
    meta.take("number", *_first(("header", find_number, ["\n".join(head)]), ("listing row", find_number, row),
                                ("link text", find_number, links)))
    meta.take("subject", *_first(("listing row", _context_subject, [row]),
                                 ("header", subject_of, [head]),
                                 ("link text", _context_subject, [links])))
    meta.take("doc_type", *type_of(head, meta.number, meta.subject, row, links))
    if meta.doc_type and meta.sources.get("doc_type") == "symbol" and meta.sources.get("number") != "header":
        meta.sources["doc_type"] = meta.sources["number"]  # the code of a number a listing gave
    meta.take("issuer", issuer_of(head), "header")
    meta.take("issued_on", *_first(("header", header_date, ["\n".join(head[:15])]),
                                   ("listing row", issued_on, row), ("link text", issued_on, links)))
    meta.take("signer", *signer_of(lines[3:], text))  # past the issuer's lines
    return meta


def _first(*candidates) -> tuple[str | None, str]:
    """The first value a reader finds, with its source: ``(source, reader, inputs)`` in order."""
    for source, reader, inputs in candidates:
        for value in inputs:
            found = reader(value)
            if found:
                return found, source
    return None, ""


def blanks(text: str) -> tuple[str | None, tuple[int | None, int] | None]:
    """What the header leaves blank for a signature's stamp: the number's ``/SYMBOL`` and the
    date's ``(month, year)``, the month None when it is blank too; None for what it prints."""
    head = header_text(text)
    number, day = _BLANK_NUMBER.search(head), _BLANK_DAY.search(head)
    month = int(day.group(1)) if day and day.group(1) else None
    return (re.sub(r"\s+", "", number.group(1)) if number else None,
            (month, int(day.group(2))) if day else None)


def with_stamps(meta: DocumentMeta, text: str, number: str | None, day: int | None,
                month: int | None = None) -> DocumentMeta:
    """The number, day (and month) a signature stamped into the header's blanks, where the
    text has none."""
    symbol, month_year = blanks(text)
    if meta.number is None and symbol and number:
        meta.take("number", number + symbol, "signature field")
        if meta.doc_type is None:
            meta.take("doc_type", *type_of([], meta.number, meta.subject, [], []))
    if meta.issued_on is None and month_year and day and (month_year[0] or month):
        try:
            meta.take("issued_on", date(month_year[1], month_year[0] or month, day).isoformat(),
                      "signature field")
        except ValueError:
            pass
    return meta


def with_signing_day(meta: DocumentMeta, text: str, signed: date | None) -> DocumentMeta:
    """The day of the last digital signature for a date the header left blank, when it falls
    in the month and year the header prints (a later signature, a portal's, does not)."""
    month_year = blanks(text)[1]
    if meta.issued_on is None and signed and month_year and signed.year == month_year[1] \
            and month_year[0] in (None, signed.month):
        meta.take("issued_on", signed.isoformat(), "signature time")
    return meta


def header_text(text: str) -> str:
    """The header block of a document's text, read from its first lines only: splitting a
    long document whole to find them cost more than the header's own reading."""
    lines = []
    for found in re.finditer(r"[^\n]+", text):
        if line := found.group().strip():
            lines.append(line)
            if len(lines) == 40:
                break
    return "\n".join(header(lines))


def header(lines: list[str]) -> list[str]:
    """The header block: the lines before the body (its citations, addressee or first article),
    at most 40. Numbers and dates past it are cited documents', never the document's own."""
    for index, line in enumerate(lines[:40]):
        if index >= 3 and _BODY_START.match(line):
            return lines[:index]
    return lines[:40]


def find_number(text: str) -> str | None:
    """The number and symbol: the one labelled "Số:" first, else the first in the text."""
    labelled = _LABELLED.search(text)
    if labelled:
        return re.sub(r"\s+", "", labelled.group(1))
    found = NUMBER.search(text)
    return found.group(1) if found else None


def type_of(head: list[str], number: str | None, subject: str | None, row: list[str],
            links: list[str]) -> tuple[str | None, str]:
    """The type and where it was read: the header's heading, a listing row's or link's leading
    type name, the code in the number's symbol, or a letter's "V/v" subject."""
    for line in head:
        heading = heading_in(line)
        if heading:
            return heading, "header"
    for source, candidates in (("listing row", row), ("link text", links), ("header", head[:1])):
        for candidate in candidates:
            leading = _LEADING_TYPE.match(candidate)
            if leading:
                return _name(leading.group(1)), source
    if number and re.match(r"\d+-[A-ZĐ]", number):  # the Party's 36-HD/VPTW
        code = number.split("/")[0].split("-")[1]
        if code in TYPES:
            return TYPES[code], "symbol"
    if number:
        parts = number.split("/")[-1].split("-")
        if parts[0] in TYPES:
            return TYPES[parts[0]], "symbol"
        if len(parts) >= 1 and "/" in number:  # 1234/UBND-VP: a letter has no type code
            return "Công văn", "symbol"
    if subject and subject.lower().startswith("v/v"):
        return "Công văn", "subject"
    return None, ""


def header_date(text: str) -> str | None:
    """The date of a header's place-and-date line, "ngày 12 tháng 3 năm 2024"; a date written
    12/03/2024 in a header is another's (a receipt stamp, the meeting a notice reports)."""
    return issued_on(text) if _ISSUED.search(text) else None


def issued_on(text: str) -> str | None:
    """The date issued, ``YYYY-MM-DD``: "ngày 12 tháng 3 năm 2024", or 12/03/2024 in a listing."""
    match = _ISSUED.search(text) or _NUMERIC_DATE.search(text)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        issued = date(year, month, day)
    except ValueError:
        return None
    return issued.isoformat() if 1945 <= year <= 2100 else None


def subject_of(head: list[str]) -> str | None:
    """The subject line: what follows the type heading, or a letter's "V/v ..." line, up to six
    lines; a line that is more OCR noise than words (a rule or a stamp misread) ends it."""
    head = [_opening(line) for line in head]
    for index, line in enumerate(head):
        if line and heading_in(line) in NO_SUBJECT:
            return None  # the line under its heading is the body
        if line and (heading_in(line) or _SUBJECT_START.match(line)):
            start = index + 1 if heading_in(line) else index
            taken: list[str] = []
            for line in head[start:start + 8]:
                cells = [c.strip() for c in CELLS.split(line) if c.strip()]
                if taken and any(c.upper() == c and AUTHORITY_IN.search(c) for c in cells[1:]):
                    break  # the authority under the subject, a stamp beside it
                follow = _words_cell(cells)
                if not follow and not taken:
                    continue
                if len(taken) == 6:
                    break
                # a subject may cite a decree "ngày 09 tháng 3 năm 2007": only the place-and-date
                # line, or a date standing alone, ends it; a signing title is printed in capitals
                if (not follow or (follow.upper() == follow and _SIGN_ROLE.match(follow)) or _noise(follow)
                        or re.match(r"(?i)ng[aà]y\b", follow)
                        or _BODY_START.match(follow) or _PLACE_DATE.search(follow)
                        or "....." in follow or AUTHORITY_IN.search(follow)
                        or (taken and (follow.upper() == follow or len(follow) > 150))):
                    break
                taken.append(follow)
            subject = _SOUP.sub("", " ".join(taken)).strip()
            if len(subject) >= 8:
                return subject[:500]
    return None


def _words_cell(cells: list[str]) -> str:
    """The cell of a two-column line that goes on with the subject: the left one (a letter
    prints "V/v ..." beside the place and date), unless it is OCR noise (a received-stamp box
    left of a centred subject, "(cÏomùmmnfn]") and another is words."""
    for cell in cells:
        tokens = cell.split()
        if sum(map(is_syllable, tokens)) * 2 > len(tokens):
            return cell
    return cells[0] if cells else ""


def _opening(line: str) -> str:
    for pattern, opening in _OCR_OPENINGS:
        line = pattern.sub(opening, line, count=1)
    return line


def _noise(line: str) -> bool:
    """Fewer than half the tokens are words: "CN C5. 5 25 Rới À1 DNAIG.APM" under a subject."""
    tokens = line.split()
    words = sum(1 for t in tokens if t.strip(".,;:()-–\"'“”").isalpha())
    return len(tokens) >= 3 and words * 2 < len(tokens)


def _context_subject(context: list[str]) -> str | None:
    """The longest cell of a listing row that is neither a number, a date nor a type."""
    cells = [c.strip() for c in context
             if len(c.strip()) >= 15 and not NUMBER.fullmatch(c.strip()) and not _NUMERIC_DATE.fullmatch(c)]
    if not cells:
        return None
    best = max(cells, key=len)
    best = NUMBER.sub("", _LEADING_TYPE.sub("", best, count=1), count=1).strip(" :-–")
    best = re.sub(r"^(số|ngày \S+)\s+", "", best, flags=re.I).strip()
    return (best[:1].upper() + best[1:500]) or None


# headings that name a type longer than its name
_ALIASES = {"Thông cáo báo chí": "Thông cáo", "Giấy mời họp": "Giấy mời"}
_FOLDED_TYPES = {fold(n).upper(): t for n, t in [*((n, n) for n in TYPE_NAMES), *_ALIASES.items()]}


def heading_in(line: str) -> str | None:
    """The type a heading line names ("QUYẾT ĐỊNH"), in any cell of a two-column line and
    whatever an OCR made of its diacritics ("QUYÉT ĐỊNH", "KÉ HOẠCH")."""
    for cell in CELLS.split(_MOTTO.sub("", line)):
        cell = cell.strip(" _:")
        if cell and cell.upper() == cell:
            name = _FOLDED_TYPES.get(" ".join(fold(cell).upper().split()))
            if name:
                return name
    return None


def _name(heading: str) -> str:
    lowered = heading.lower()
    return next(n for n in TYPE_NAMES if n.lower() == lowered)
