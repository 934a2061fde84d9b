"""The demo portals' "Văn bản" (documents) sections and their files.

The files (made by ``python -m tests.documents_factory crawler/demo/files``) are
a decision with a text layer, a plan as DOCX, a letter as Word 97-2003 (written
by LibreOffice) and a notice scanned to an image-only PDF whose only text is its
signature stamp (OCR reads it). The
province publishes the decision under two addresses (a file URL and a download
handler); the district relays it, lists its own two documents, and serves the
scan through ``DownloadFile.aspx?id=7`` as ``application/octet-stream`` with the
file's name in Content-Disposition.
"""

from __future__ import annotations

from pathlib import Path

from crawler.demo.common import Page

FILES = Path(__file__).parent / "files"
PDF, DOCX, OCTET = ("application/pdf",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/octet-stream")

# (number, date, subject, file, path on the portal)
DECISION = ("123/QĐ-UBND", "12/03/2024",
            "Quyết định về việc phê duyệt Kế hoạch phòng, chống dịch tả lợn châu Phi năm 2024",
            "qd-123-ubnd.pdf")
PLAN = ("45/KH-UBND", "02/04/2024", "Kế hoạch triển khai chuyển đổi số trên địa bàn huyện năm 2024",
        "kh-45-ubnd.docx")
LETTER = ("1234/UBND-VP", "05/09/2024", "V/v tăng cường phòng, chống lụt bão năm 2024", "cv-1234-ubnd.doc")
NOTICE = ("07/TB-UBND", "08/05/2024", "Thông báo về lịch tiếp công dân tháng 5 năm 2024",
          "tb-07-ubnd-scan.pdf")


def _file(name: str, content_type: str, download_as: str = "") -> Page:
    headers = (("Content-Disposition", f'attachment; filename="{download_as}"'),) if download_as else ()
    return Page((FILES / name).read_bytes(), content_type, headers=headers)


def listing_table(rows: list[tuple[str, str, str, str]]) -> str:
    """A "Văn bản" table: number, date issued, subject, and the file's link."""
    body = "".join(f"<tr><td>{number}</td><td>{date}</td><td>{subject}</td>"
                   f"<td><a href='{href}'>Tải về</a></td></tr>" for number, date, subject, href in rows)
    return ("<table class='vb'><tr><th>Số ký hiệu</th><th>Ngày ban hành</th><th>Trích yếu</th>"
            f"<th>Tệp</th></tr>{body}</table>")


def province_files() -> tuple[str, dict[str, Page]]:
    """The province's documents table and the files it serves."""
    table = listing_table([(*DECISION[:3], "/Documents/qd-123-ubnd.pdf"),
                           (*DECISION[:3], "/Pages/DownloadFile.aspx?id=123")])
    return table, {"/Documents/qd-123-ubnd.pdf": _file(DECISION[3], PDF),
                   "/Pages/DownloadFile.aspx?id=123": _file(DECISION[3], OCTET, "qd-123-ubnd.pdf")}


def district_files() -> tuple[str, dict[str, Page]]:
    table = listing_table([(*PLAN[:3], "/uploads/vb/kh-45-ubnd.docx"),
                           (*NOTICE[:3], "/DownloadFile.aspx?id=7"),
                           (*DECISION[:3], "/uploads/vb/qd-123-ubnd.pdf"),
                           (*LETTER[:3], "/uploads/vb/cv-1234-ubnd.doc")])
    return table, {"/uploads/vb/kh-45-ubnd.docx": _file(PLAN[3], DOCX),
                   "/DownloadFile.aspx?id=7": _file(NOTICE[3], OCTET, "tb-07-ubnd.pdf"),
                   "/uploads/vb/qd-123-ubnd.pdf": _file(DECISION[3], PDF),
                   "/uploads/vb/cv-1234-ubnd.doc": _file(LETTER[3], "application/msword")}


DISTRICT_DOCUMENT_LINKS = ("/uploads/vb/kh-45-ubnd.docx", "/DownloadFile.aspx?id=7", "/uploads/vb/qd-123-ubnd.pdf")
