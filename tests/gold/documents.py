"""Score document metadata on real administrative documents with hand-written metadata.

    .venv/bin/python -m tests.gold.documents [--each] [--sources] [--unnamed | --portal-names]

``tests/fixtures/real-documents`` (copied from the team's shared set, see its README and
SOURCES.tsv: 30 documents, typed, scanned, DOC and DOCX) holds each file with its gold
metadata. Each is read as a crawl reads it (``process_document``, OCR on), and scored per
field: number (số ký hiệu, spaces around ``/`` ignored), type, date issued, issuer and signer
(case, spaces and diacritics as printed ignored for the signer), issuer (case, marks and
punctuation ignored: headers print it in capitals, OCR slips on the marks), subject (whitespace and
case ignored, a trailing full stop ignored), and the share of the gold text passages found
in the text. ``tests/crawler/documents/test_real_documents.py`` pins floors on them.
``--unnamed`` serves every file as ``document.pdf`` (as many portals name them), so no number
comes from a file name; ``--portal-names`` under the name its portal gave it (SOURCES.tsv:
upload prefixes, "Gioi thieu chu ky.pdf", "298 PC04.pdf"), what a crawl sees. ``--sources`` prints, per source a field was read from, how often it was right: what the
confidences in ``crawler/documents/sources.py`` stand for.
"""

from __future__ import annotations

import csv
import functools
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from common.textnorm import fold
from crawler.documents import process_document

REAL = Path(__file__).resolve().parent.parent / "fixtures" / "real-documents"
FIELDS = ("number", "type", "issued", "issuer", "signer", "subject")
TYPES = {"pdf": "application/pdf", "doc": "application/msword",
         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def _norm(value: str | None) -> str:
    text = unicodedata.normalize("NFC", value or "").lower()
    return re.sub(r"\s+", " ", re.sub(r"\s*/\s*", "/", text)).strip().rstrip(".")


def _loose(value: str | None) -> str:
    """A body's name without case, marks or punctuation: headers print it in capitals, and
    OCR slips on their marks ("TỈNH BÉN TRE")."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(value or "")))


@dataclass
class DocumentScore:
    documents: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    asked: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    passages: int = 0
    passage_total: int = 0
    misses: list[str] = field(default_factory=list)
    by_source: dict[str, list[int]] = field(default_factory=dict)  # source -> [right, read]

    def share(self, name: str) -> float:
        return self.right[name] / self.asked[name] if self.asked[name] else 1.0

    @property
    def passage_share(self) -> float:
        return self.passages / self.passage_total if self.passage_total else 1.0


NAMES = ("set", "none", "portal")  # the set's own file names, "document.pdf", the portals' names


def read(gold: dict, names: str = "set"):
    """The record of a gold file as a crawl makes it, served under the set's file name; ``names``
    "none" serves it under a name that says nothing ("document.pdf"), as many portals do, so the
    file name gives no number; "portal" under the name its portal gave it."""
    path = REAL / gold["file"]
    suffix = path.suffix.lstrip(".").lower()
    name = {"set": path.name, "none": f"document.{suffix}", "portal": portal_names().get(gold["file"])}[names]
    return process_document(path.read_bytes(), f"https://example.gov.vn/{quote(name or path.name)}",
                            TYPES[suffix])


@functools.cache
def portal_names() -> dict[str, str]:
    """Each file's name where its portal kept it (the last part of its path in SOURCES.tsv)."""
    with open(REAL / "SOURCES.tsv", encoding="utf-8", newline="") as sources:
        return {row["file"]: row["path"].rsplit("/", 1)[-1] for row in csv.DictReader(sources, delimiter="\t")}


def score(documents: list[dict] | None = None, names: str = "set") -> DocumentScore:
    result = DocumentScore()
    for gold in documents or golds():
        record = read(gold, names)
        result.documents += 1
        found = {"number": record.number if record else None, "type": record.doc_type if record else None,
                 "issued": record.issued_on if record else None, "issuer": record.issuer if record else None,
                 "signer": record.signer if record else None,
                 "subject": record.subject if record else None}
        sources = json.loads(record.meta_sources or "{}") if record else {}
        for name in FIELDS:
            if gold.get(name) is None:
                continue
            result.asked[name] += 1
            same = _loose if name == "issuer" else _norm
            right = same(found[name]) == same(gold[name])
            if found[name] is not None:
                column = {"type": "doc_type", "issued": "issued_on"}.get(name, name)
                tally = result.by_source.setdefault(sources.get(column, {}).get("source", "?"), [0, 0])
                tally[0], tally[1] = tally[0] + right, tally[1] + 1
            if right:
                result.right[name] += 1
            else:
                result.misses.append(f"{Path(gold['file']).name} {name}: {found[name]!r} != {gold[name]!r}")
        text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", record.text if record else "")).lower()
        for passage in gold.get("text_snippets") or []:
            result.passage_total += 1
            result.passages += re.sub(r"\s+", " ", passage.lower()) in text
    return result


def golds() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((REAL / "gold").glob("*.json"))]


def main() -> None:
    names = "none" if "--unnamed" in sys.argv else "portal" if "--portal-names" in sys.argv else "set"
    result = score(names=names)
    served = {"set": "", "none": ", served as document.pdf", "portal": ", under their portals' file names"}
    print(f"real documents: {result.documents}{served[names]}")
    for name in FIELDS:
        print(f"  {name:<8} {result.share(name):.3f}  ({result.right[name]}/{result.asked[name]})")
    print(f"  passages {result.passage_share:.3f}  ({result.passages}/{result.passage_total})")
    if "--sources" in sys.argv:
        for source, (right, read) in sorted(result.by_source.items(), key=lambda kv: -kv[1][1]):
            print(f"  from {source:<16} right {right}/{read}")
    if "--each" in sys.argv:
        print("\n".join(result.misses))


if __name__ == "__main__":
    main()
