"""The signer of an administrative document: the name under its signature block.

Decree 30/2020/NĐ-CP sets the block at the foot of the last page, right of "Nơi nhận": the
authority lines (TM., KT., TL., TUQ., Q. and a title such as CHỦ TỊCH), the gap for the seal
and signature, then the name, with a rank before it for the police and the army. The two
columns reach the text side by side, run together (a PDF's text), split by a tab (OCR laid
out by ``layout``, Word tables), or one after the other.
"""

from __future__ import annotations

import re

from common.textnorm import fold

# a rank, or a degree ("TS.", "PGS.TS.", "ThS.", "BSCKII."), printed before the name: not the name
_RANK = re.compile(r"^(?:(?:Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|"
                   r"Thiếu tá)\s+"
                   r"|(?:(?:GS|PGS|TSKH|TS|ThS|Ths|BSCKII|BSCKI|BSCK[12]|BS|DS|KS|KTS|CN|LS|NGND|NGƯT)\.\s*)+)")
_TITLES = ("CHỦ TỊCH", "GIÁM ĐỐC", "TRƯỞNG", "BÍ THƯ", "THỦ TRƯỞNG", "CHÁNH VĂN PHÒNG", "CHÁNH THANH TRA",
           "TỔNG GIÁM ĐỐC", "THỦ TƯỚNG", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "CỤC TRƯỞNG", "TỔNG CỤC TRƯỞNG",
           "VIỆN TRƯỞNG", "HIỆU TRƯỞNG", "TỔNG THANH TRA")
# matched without diacritics: OCR prints "GIÁM ĐÓC", "BỌ TRƯƠNG"
_FOLDED_TITLES = sorted({fold(t).upper() for t in _TITLES}, key=len, reverse=True)
_AUTHORITY = re.compile(r"^(TM|KT|Q|TL|TUQ|T/M|K/T)\s*\.|^(PHO |Q\. )?(" + "|".join(_FOLDED_TITLES) + r")\b")
_LOOK = re.compile(r"\b(?:TM|KT|Q|TL|TUQ|T/M|K/T)\s*\.|CH[ỦU] T[ỊI]CH|GI[ÁA]M|TR[ƯU][ỞƠỜO]NG|T[ƯU][ỚO]NG|"
                   r"BÍ THƯ|CH[ÁA]NH ")
AUTHORITY_IN = re.compile(r"\b(?:TM|KT|Q|TL|TUQ|T/M|K/T)\s*\.|CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG|BÍ THƯ|CHÁNH |"
                           r"THỦ TƯỚNG")
# what stands before an authority run into the same line: "Nơi nhận:", a recipient "- Như trên;"
_RECIPIENT = re.compile(r"^(?:Nơi nhận\s*:?|-[^;]*;|-\s*Lưu[^.]*\.)\s*", re.I)
CELLS = re.compile(r"\t+|\s*\|\s*|\s{4,}")
_STAMP_SIGNER = re.compile(r"^\s*(?:Ký bởi|Người ký)\s*:\s*(.+)$", re.I | re.M)
_SIGNED = re.compile(r"\s*(?:[-–—]\s*)?\(?(?:Đã ký|đã ký|ĐÃ KÝ)\)?\s*$")  # an e-copy's "Trần Văn A – Đã ký"
_RECIPIENTS = re.compile(r"^\W*N[ơo]i nh[ậa]n\b", re.I)
_FILED = re.compile(r"^\W*L[ưu]u\s*:?\s*VT\b")  # the recipients' last line: "- Lưu: VT, KTTH"


def signer_of(body: list[str], text: str) -> tuple[str | None, str]:
    """The signer: the name under the first signing authority after the header (TM., KT., ...
    or a title such as CHỦ TỊCH), read cell by cell: two columns put "Nơi nhận" and its list
    beside the signature block, in one line (Word tables, tabs) or run together (a PDF's text).
    When OCR lost the authority (under the seal, or misread), the name standing alone in the
    lines beside and below "Nơi nhận". Else the stamp's "Ký bởi:" if a person's. A rank
    (Thiếu tướng) is not part of the name."""
    for start, line in enumerate(body):
        if not _LOOK.search(line):  # a cheap look first: a long document has thousands of lines
            continue
        near = body[start:start + 12]
        cells = [c.strip(" _") for line_near in near for c in CELLS.split(line_near) if c.strip(" _")]
        for index, cell in enumerate(cells):
            if is_authority(cell):
                for follow in cells[index + 1:index + 16]:
                    name = _name_in(follow)
                    if name:
                        return name, "signature block"
                break
    beside = _beside_recipients(body)
    if beside:
        return beside, "signature block"
    stamp = _STAMP_SIGNER.search(text)
    if stamp and is_person_name(stamp.group(1).strip()):
        return stamp.group(1).strip(), "signature stamp"
    return None, ""


def _beside_recipients(body: list[str]) -> str | None:
    """A name standing alone (a line, or a cell of one) among the 25 lines from "Nơi nhận", or
    the 12 around the list's last line "- Lưu: VT" when OCR lost the heading."""
    window = next(((i, i + 25) for i, line in enumerate(body) if _RECIPIENTS.match(line)), None)
    filed = (i for i, line in enumerate(body) if _FILED.match(line))
    window = window or next(((max(0, i - 12), i + 12) for i in filed), None)
    if window is None:
        return None
    for near in body[window[0]:window[1]]:
        for cell in CELLS.split(near):
            cell = cell.strip(" _")
            name = _name_in(cell) if cell and not cell.startswith("-") else None
            if name:
                return name
    return None


def is_authority(cell: str) -> bool:
    """A signing authority line, or one run together after "Nơi nhận:" or a recipient."""
    tail = _RECIPIENT.sub("", cell).strip()
    return bool(tail) and tail.upper() == tail and bool(_AUTHORITY.match(fold(tail).upper()))


def _name_in(cell: str) -> str | None:
    """A person's name standing alone, or closing a recipient line it was run together with."""
    cell = _RANK.sub("", _SIGNED.sub("", cell.strip(" “”\"'*.,;:")).strip(" “”\"'*.,;:")).strip()
    if is_person_name(cell):
        return cell
    if cell.startswith("-"):
        words = cell.split()
        for size in (4, 3, 2):
            name = " ".join(words[-size:])
            if len(words) > size and is_person_name(name) and words[-size - 1].endswith(";"):
                return name
    return None


def is_person_name(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 5 and all(w[0].isupper() and w[1:].islower() and w.isalpha() for w in words)
