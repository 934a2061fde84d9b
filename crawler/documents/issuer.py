"""The issuing body of an administrative document, from the left column of its header.

Decree 30/2020/NĐ-CP (Phụ lục I) prints, left of the national motto, the body the document is
issued by, under the body it belongs to when it has one: "UBND TỈNH LÂM ĐỒNG / SỞ NỘI VỤ",
"BỘ CÔNG AN / CÔNG AN TỈNH LÂM ĐỒNG". The issuer is the lower body, with the place the upper
one names when its own name names none ("SỞ NỘI VỤ TỈNH LÂM ĐỒNG"); a name printed on two
lines ("ỦY BAN NHÂN DÂN / TỈNH BÌNH THUẬN") is one body. A decision its chairman issues says so
under its subject ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN"): then he is the issuer. The
two columns reach the text run together, split by a tab, or one after the other; OCR prints
the motto with its marks wrong ("CỌNG HÒA XÃ HỌI"), so it is found without them, and runs words
together ("THỦ TƯỚNG CHÍNHPHỦ"), which are split again at their syllables.
"""

from __future__ import annotations

import re

from common.syllables import respace
from common.textnorm import fold
from crawler.documents.signature import CELLS

_MOTTO = re.compile(r"c\W*o\W*n\W*g\W*h\W*o\W*a\W*x\W*a\W*h\W*o\W*i|doc lap\s*[-–]|dang cong san viet",
                    re.I)  # matched on folded text, whose letters stand where the printed ones do
_STOP = re.compile(r"^\s*(s[ốoóồ]\s*[:.]|s[ốo]\s+\d)|ng[aà]y\s*\S*\s*th[aá]ng", re.I)
# a line that starts a body's name: the issuer under the body it belongs to
# (folded: OCR slips on the marks of capitals, "TỎ CÔNG TÁC")
# the state's other bodies, the courts, the banks and the mass organisations (folded)
_OTHER_BODIES = (r"bao hiem xa hoi|kho bac|vien kiem sat|toa an|ngan hang|chi nhanh|lien doan|hai quan|"
                 r"hoi (?:nong dan|lien hiep|cuu chien binh|chu thap do|nguoi cao tuoi|luat gia|nha bao)|"
                 r"cong ty|tong cong ty|hoc vien|dai phat thanh|kiem toan|bo doi bien phong")
# (a Party committee under the organisation it leads: "ĐẢNG BỘ TỈNH AN GIANG / HUYỆN ỦY CHÂU THÀNH")
_BODY_HEAD = re.compile(r"^(so|cong an|trung tam|van phong|phong|chi cuc|cuc|tong cuc|ban|truong|"
                        r"benh vien|bo chi huy|thanh tra|doan|uy ban|ubnd|hoi dong|to|"
                        r"(?:tinh|thanh|huyen|quan|thi|dang) uy|chi bo|" + _OTHER_BODIES + r")\b")
# (a committee, "HUYỆN ỦY ...", is a body, not a place)
_PLACE = re.compile(r"\b((?:TỈNH|THÀNH PHỐ|TP\.?|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s+(?![UỦ]Y\b)\S.*)$")
_CHAIRMAN = re.compile(r"^CHỦ TỊCH\s+(ỦY|UỶ) BAN NHÂN DÂN\s+\S")
_ABBREVIATIONS = ((re.compile(r"^UBND\b"), "ỦY BAN NHÂN DÂN"), (re.compile(r"^HĐND\b"), "HỘI ĐỒNG NHÂN DÂN"))
# a body's name, not a title in capitals standing where no header was printed
_BODY = re.compile(r"\b(uy ban|ubnd|hdnd|hoi dong|so|phong|ban|bo|van phong|thu tuong|chinh phu|cuc|"
                   r"tong cuc|truong|tinh uy|huyen uy|thanh uy|dang uy|cong an|bo chi huy|trung tam|"
                   r"chi cuc|doan|mat tran|thanh tra|to|" + _OTHER_BODIES + r") ")  # folded
# the Party's bodies are named after the committee above them: "BAN CHẤP HÀNH TRUNG ƯƠNG /
# VĂN PHÒNG" is the Văn phòng Trung ương Đảng, "TỈNH ỦY LÂM ĐỒNG / BAN TUYÊN GIÁO" the Ban
# Tuyên giáo Tỉnh ủy Lâm Đồng
_PARTY = ((re.compile(r"^BAN CHẤP HÀNH TRUNG ƯƠNG$"), "TRUNG ƯƠNG ĐẢNG"),
          (re.compile(r"^((?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|ĐẢNG) ỦY\b.*)$"), r"\1"))
MAX_LINES = 4  # of the left column


def issuer_of(head: list[str]) -> str | None:
    """The issuing body, in capitals as printed (joined lines, abbreviations written out)."""
    chairman = next((line.strip() for line in head if _CHAIRMAN.match(line.strip())), None)
    if chairman:
        return chairman
    lines = _left_column(head)
    if not lines:
        return None
    start = next((i for i, line in enumerate(lines) if i and _BODY_HEAD.match(fold(line))
                  and not _PLACE.match(line)), 0)
    body, parent = " ".join(lines[start:]), " ".join(lines[:start])
    party = next((m.expand(suffix) for pattern, suffix in _PARTY if (m := pattern.match(parent))), None)
    if parent and fold(body).startswith("chi nhanh"):  # a branch is named after its bank
        body = f"{parent} {body}"
    elif party:
        body = f"{body} {party}"
    elif start and not _PLACE.search(body):
        place = _PLACE.search(parent)
        body = f"{body} {place.group(1)}" if place else body
    for pattern, written in _ABBREVIATIONS:
        body = pattern.sub(written, body)
    return body if _BODY.search(fold(body) + " ") else None


def _left_column(head: list[str]) -> list[str]:
    """The capitals heading the left column, the motto and the right column cut away."""
    out: list[str] = []
    for line in head[:8]:
        if _STOP.search(line):
            break
        # the first cell with words: a scanner's rule or speck may stand before it
        left = next((c for c in CELLS.split(line.strip()) if re.search(r"[^\W\d_]{2,}", c)), "")
        motto = _MOTTO.search(fold(left))
        left = (left[:motto.start()] if motto else left).strip(" -–—_.")
        if not left or not any(c.isalpha() for c in left):
            if out:
                break
            continue  # a rule or a scanner's speck above the header
        if left.upper() != left or not re.search(r"[^\W\d_]{2,}", left):
            if out:
                break
            continue
        if " " not in left and len(left) <= 3:
            continue  # "TH", "LỊ": a stamp's or a speck's letters OCR read beside the header
        out.append(" ".join(respace(word) for word in left.split()))  # "CHÍNHPHỦ": OCR ran them together
        if len(out) == MAX_LINES:
            break
    return out
