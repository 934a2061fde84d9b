"""The documents a document cites: its legal bases ("Căn cứ ..."), what it carries out
("Thực hiện ..."), and the proposals it answers ("Theo đề nghị ... tại Tờ trình số ...").

Decree 30/2020/NĐ-CP puts them between the subject line and the first article, one clause a
line, each ending in ";". A clause names a document by its number ("Nghị định số
37/2014/NĐ-CP ngày 05 tháng 5 năm 2014") or, for laws, by its name and date ("Luật Tổ chức
chính quyền địa phương ngày 19 tháng 6 năm 2015"). These are kept as data (the
``document_citations`` table), never as the document's own number or date, so a researcher
can find what implements a decree.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from crawler.documents.metadata import NUMBER, TYPE_NAMES, TYPES

CLAUSE_START = re.compile(r"^\W*(Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị)\b\s*", re.I)
CLAUSE_END = re.compile(r"^\W*(QUYẾT ĐỊNH|CHỈ THỊ|Điều 1\b|Kính gửi|NAY|QUY ĐỊNH)\s*[:.]?", re.I)
KINDS = {"căn cứ": "basis", "thực hiện": "implements", "theo đề nghị": "proposal", "xét đề nghị": "proposal"}
_DATE = re.compile(r"ng[aà]y\s+(\d{1,2})\s*(?:/|th[aá]ng)\s*(\d{1,2})\s*(?:/|n[aă]m)\s*(\d{4})", re.I)
# a law's name runs to its date (or number, or the clause's end): "Luật Phòng, chống tham nhũng ngày ..."
_NAMED_LAW = re.compile(r"\b((?:Bộ\s+)?Luật|Pháp lệnh|Hiến pháp)\s+([^;]{3,160}?)"
                        r"(?=\s+(?:ngày|năm)\b|\s+số\s*\d|;|$)")
_TYPE_BEFORE = re.compile(r"(" + "|".join(TYPE_NAMES) + r")\s+(?:số\s*)?$", re.I)
MAX_CLAUSES = 60  # a preamble is a dozen lines; an OCR'd page of numbers must not make thousands
MAX_PREAMBLE_LINES = 120


@dataclass(frozen=True)
class Citation:
    kind: str  # basis (Căn cứ), implements (Thực hiện), proposal (Theo đề nghị)
    number: str | None  # "37/2014/NĐ-CP"; None for a law cited by its name
    doc_type: str | None  # "Nghị định", "Luật", ...
    title: str | None  # a law's name: "Tổ chức chính quyền địa phương"
    issued_on: str | None  # YYYY-MM-DD when the clause gives the date
    clause: str  # the clause as printed (at most 300 characters)

    def row(self) -> dict:
        return asdict(self)


def citations(text: str) -> list[Citation]:
    """The citations of a document's preamble, in order, each document once."""
    found: list[Citation] = []
    seen: set[tuple] = set()
    for clause, kind in _clauses(text):
        for citation in _cited(clause, kind):
            key = (citation.number or "", "" if citation.number else (citation.title or ""))
            if key not in seen:
                seen.add(key)
                found.append(citation)
    return found[:MAX_CLAUSES]


def _clauses(text: str):
    """(clause, kind) for each preamble clause; a clause may run over several lines."""
    current, kind = "", ""
    for line in text.splitlines()[:MAX_PREAMBLE_LINES * 4]:
        line = " ".join(line.split())
        start = CLAUSE_START.match(line)
        if start:
            if current:
                yield current, kind
            current, kind = line, KINDS.get(start[1].lower(), "basis")
        elif current and CLAUSE_END.match(line):
            yield current, kind
            current = ""
            if line.upper().startswith(("ĐIỀU 1", "KÍNH GỬI")):
                return
        elif current and line:
            current += " " + line
        if current.rstrip().endswith((";", ".")) and current:
            yield current, kind
            current = ""
    if current:
        yield current, kind


def _cited(clause: str, kind: str) -> list[Citation]:
    out = []
    short = clause[:300]
    for match in NUMBER.finditer(clause):
        number = match[1]
        code = number.rsplit("/", 1)[-1].split("-")[0]
        before = _TYPE_BEFORE.search(clause[max(0, match.start() - 40):match.start()])
        doc_type = before[1].capitalize() if before else TYPES.get(code)
        out.append(Citation(kind, number, doc_type, None, _date_after(clause, match.end()), short))
    if not out:
        for match in _NAMED_LAW.finditer(clause):
            out.append(Citation(kind, None, match[1].capitalize(), match[2].strip(),
                                _date_after(clause, match.end()), short))
    return out


def _date_after(clause: str, at: int) -> str | None:
    """The date printed right after a cited number or name ("ngày 05 tháng 5 năm 2014")."""
    found = _DATE.search(clause, at, at + 40)
    if not found:
        return None
    day, month, year = int(found[1]), int(found[2]), int(found[3])
    if not (1 <= day <= 31 and 1 <= month <= 12 and 1945 <= year <= 2100):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
