"""Real document files made for the tests and the demo portals (no mocks).

PDFs with a Vietnamese text layer (fpdf2 with the DejaVu font), image-only PDFs
of Vietnamese text (Pillow renders the page, as a scanner would), DOCX (python-docx),
Word 97-2003 files (LibreOffice converts a DOCX, when installed) and text in the TCVN3
font encoding. ``python -m tests.documents_factory DIR``
writes the demo portals' files.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

DECISION = [
    "ỦY BAN NHÂN DÂN", "TỈNH SÓC TRĂNG", "Số: 123/QĐ-UBND", "Sóc Trăng, ngày 12 tháng 3 năm 2024",
    "QUYẾT ĐỊNH", "Về việc phê duyệt Kế hoạch phòng, chống dịch tả lợn châu Phi năm 2024",
    "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Xét đề nghị của Giám đốc Sở Nông nghiệp và Phát triển nông thôn,",
    "QUYẾT ĐỊNH:", "Điều 1. Phê duyệt Kế hoạch phòng, chống dịch tả lợn châu Phi năm 2024.",
    "Điều 2. Sở Nông nghiệp chủ trì, phối hợp các huyện, thị xã, thành phố triển khai thực hiện.",
    "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
    "Lâm Hoàng Nghiệp",
]


def text_pdf(lines: list[str], pages: int = 1) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    for _ in range(pages):
        pdf.add_page()
        for line in lines:
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def scanned_pdf(lines: list[str], stamp: str = "") -> bytes:
    """An image-only PDF (a scan), with an optional signature stamp as its only text layer."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1654, 2339), 255)  # A4 at 200 dpi
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 34)
    y = 120
    for line in lines:
        draw.text((120, y), line, font=font, fill=0)
        y += 56
    out = io.BytesIO()
    image.save(out, "PDF", resolution=200.0)
    data = out.getvalue()
    if stamp:  # a signed scan: the signature's text is the only text layer
        from pypdf import PdfReader, PdfWriter

        stamp_page = PdfReader(io.BytesIO(text_pdf([stamp]))).pages[0]
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        writer.pages[0].merge_page(stamp_page)
        buffer = io.BytesIO()
        writer.write(buffer)
        data = buffer.getvalue()
    return data


def sealed_scan(lines: list[str], authority: list[str], name: str) -> bytes:
    """A colour scan of a letter signed under a red seal: "Nơi nhận" left of the signature
    block, the seal's thick red ring stamped over the name as a province's seal is."""
    from PIL import Image, ImageChops, ImageDraw, ImageFont

    image = Image.new("RGB", (1654, 2339), "white")  # A4 at 200 dpi
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 34)
    y = 120
    for line in lines:
        draw.text((120, y), line, font=font, fill="black")
        y += 56
    y += 40
    for left, right in zip(["Nơi nhận:", "- Như trên;", "- Lưu: VT."], authority, strict=False):
        draw.text((120, y), left, font=font, fill="black")
        draw.text((950, y), right, font=font, fill="black")
        y += 56
    y += 200
    draw.text((1000, y), name, font=font, fill="black")
    seal = Image.new("RGB", image.size, "white")  # ink on ink: the print stays dark under the seal
    ring = ImageDraw.Draw(seal)
    centre, red = (1080, y + 10), (225, 35, 45)
    for radius, width in ((150, 26), (95, 12)):
        ring.ellipse((centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius),
                     outline=red, width=width)
    ring.line((centre[0] - 150, y + 20, centre[0] + 150, y + 20), fill=red, width=14)
    image = ImageChops.multiply(image, seal)
    out = io.BytesIO()
    image.save(out, "PDF", resolution=200.0)
    return out.getvalue()


def docx_file(lines: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


LETTER = [
    "ỦY BAN NHÂN DÂN", "HUYỆN MỸ XUYÊN", "Số: 1234/UBND-VP", "V/v tăng cường phòng, chống lụt bão năm 2024",
    "Mỹ Xuyên, ngày 5 tháng 9 năm 2024", "Kính gửi: Ủy ban nhân dân các xã, thị trấn.",
    "Để chủ động ứng phó với mưa bão, Ủy ban nhân dân huyện yêu cầu các xã kiểm tra đê bao, "
    "cống đập và phương án sơ tán dân.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thị Hồng",
]


def word97_file(lines: list[str]) -> bytes | None:
    """A Word 97-2003 file, written by LibreOffice from a DOCX; None without LibreOffice."""
    import shutil
    import subprocess
    import tempfile

    if not shutil.which("soffice"):
        return None
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "letter.docx"
        source.write_bytes(docx_file(lines))
        subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/profile", "--headless",
                        "--convert-to", "doc", "--outdir", folder, str(source)],
                       capture_output=True, timeout=120, check=True)
        return (Path(folder) / "letter.doc").read_bytes()


def to_tcvn3(text: str) -> str:
    """Unicode Vietnamese as a TCVN3 (.VnTime) file's text reads through Latin-1."""
    from common.legacy import TCVN3

    back = {v: k for k, v in TCVN3.items() if v.islower() or v in "ĂÂĐÊÔƠƯ"}
    return "".join(back.get(c, back.get(c.lower(), c)) for c in text)


def demo_files(folder: Path) -> None:
    """The demo portals' documents (committed under crawler/demo/files/)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "qd-123-ubnd.pdf").write_bytes(text_pdf(DECISION))
    (folder / "kh-45-ubnd.docx").write_bytes(docx_file([
        "ỦY BAN NHÂN DÂN", "HUYỆN MỸ XUYÊN", "Số: 45/KH-UBND", "Mỹ Xuyên, ngày 2 tháng 4 năm 2024",
        "KẾ HOẠCH", "Triển khai chuyển đổi số trên địa bàn huyện năm 2024",
        "I. MỤC ĐÍCH, YÊU CẦU", "Đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước.",
        "II. NHIỆM VỤ", "Phòng Văn hóa và Thông tin chủ trì, phối hợp các xã, thị trấn thực hiện.",
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Thanh"]))
    (folder / "tb-07-ubnd-scan.pdf").write_bytes(scanned_pdf([
        "UBND HUYỆN MỸ XUYÊN", "Số: 07/TB-UBND", "Mỹ Xuyên, ngày 8 tháng 5 năm 2024", "THÔNG BÁO",
        "Về lịch tiếp công dân tháng 5 năm 2024", "Chủ tịch Ủy ban nhân dân huyện tiếp công dân",
        "vào ngày thứ Năm hằng tuần tại trụ sở tiếp công dân huyện.", "CHỦ TỊCH", "Trần Văn Thanh"],
        stamp="Ký bởi: Ủy ban nhân dân huyện Mỹ Xuyên"))
    letter = word97_file(LETTER)
    if letter:
        (folder / "cv-1234-ubnd.doc").write_bytes(letter)


if __name__ == "__main__":
    demo_files(Path(sys.argv[1]))
