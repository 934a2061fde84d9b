"""A scan's date line filled in by hand, read again by PP-OCR (crawler.documents.handwriting).

The rule is tested alone on readings; the recogniser on real scans of the development set,
whose date lines Tesseract located (boxes in points, as ``OcrPage.date_line`` gives them).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from crawler.documents.handwriting import agreed_date, handwritten_date, ink_groups, model_path
from crawler.documents.layout import Box, date_line, words_of
from tests.crawler.documents.test_ocr_layout import PAGE, _tsv

REAL = Path(__file__).resolve().parents[2] / "fixtures" / "real-documents" / "files"
needs_model = pytest.mark.skipif(model_path() is None, reason="the handwriting extra is not installed")


def test_readings_that_agree_with_the_print_give_the_date():
    readings = ["Phu Tho, ngay 07thang 12 nam 2011", "Phui Tho, ngay 07thang 12 nam 2011"]
    assert agreed_date(readings, "Phú Thọ, ngày tháng 12 năm 2011") == date(2011, 12, 7)


def test_a_misread_word_around_the_digits_still_parses():
    assert agreed_date(["Quang Ngai, ngay 04 thing01 nam 2021"], "ngày 2# tháng năm 2021") == date(2021, 1, 4)


def test_two_readings_that_disagree_give_no_date():
    readings = ["ngay 13 thang 11 nam 2025", "ngay 12 thang 11 nam 2025"]
    assert agreed_date(readings, "tháng 11 năm 2025") is None


def test_a_month_other_than_the_printed_one_gives_no_date():
    assert agreed_date(["ngay 16 thang 11 nam 2011"], "ngày | tháng 12 năm 2011") is None


def test_a_year_other_than_the_printed_one_gives_no_date():
    assert agreed_date(["ngay 16 thang 12 nam 2017"], "ngày | tháng 12 năm 2011") is None


def test_an_impossible_reading_is_a_failed_one_not_a_disagreement():
    readings = ["Ha Noi, ngay24thang 0nam 2026", "Ha Noi, ngay24thang 02nam 2026"]
    assert agreed_date(readings, "Hà Nội, ngày44tháng năm 2026") == date(2026, 2, 24)


def test_a_day_not_read_gives_no_date():
    assert agreed_date(["Phu Tho, ngayA thang 12 nam 2011"], "ngày | tháng 12 năm 2011") is None


def test_the_date_line_is_the_right_columns_line_with_a_month_and_a_year():
    words = [(250, "Số:"), (1200, "Phú"), (1320, "Thọ,"), (1450, "ngày"), (1600, "tháng"), (1780, "12"),
             (1860, "năm"), (1970, "2011")]
    tsv = _tsv(*((1, 1, 1, left, text) for left, text in words))
    box, printed = date_line(words_of(tsv), *PAGE)
    assert printed == "Phú Thọ, ngày tháng 12 năm 2011"
    assert box == Box(1200, 100, 1970 + 4 * 30, 140)


def test_a_cited_date_in_the_left_column_is_no_date_line():
    tsv = _tsv((1, 1, 1, 200, "ngày"), (1, 1, 1, 350, "6"), (1, 1, 1, 400, "tháng"), (1, 1, 1, 580, "12"),
               (1, 1, 1, 660, "năm"), (1, 1, 1, 780, "2011"))
    assert date_line(words_of(tsv), *PAGE) is None


@needs_model
@pytest.mark.parametrize(("name", "box", "printed", "issued"), [
    ("02-phutho-ubnd-cv4532.pdf", Box(287, 64, 499, 80), "Phú Thọ, ngày tháng 12 năm 2011",
     date(2011, 12, 7)),
    ("12-quangngai-ct01-2021.pdf", Box(305, 101, 525, 115), "Quảng Ngãi, ngày 2# tháng năm 2021",
     date(2021, 1, 4)),
    ("25-lamdong-ubnd-gm560-2025.pdf", Box(287, 62, 525, 78), "Lâm Đông, ngàyO6 tháng 1] năm 2025",
     date(2025, 11, 6)),
    # the line read as "ngay A6 thang": the blue ink alone reads "16"
    ("01-phutho-stttt-cv275.pdf", Box(283, 88, 486, 103), "Phú Thọ, ngày | tháng 12 năm 2011",
     date(2011, 12, 16)),
])
def test_a_real_scans_handwritten_day_is_read(name, box, printed, issued):
    assert handwritten_date((REAL / name).read_bytes(), 0, box, printed) == issued


def test_a_one_digit_day_is_a_digit_lost_and_gives_no_date():
    """Days under 10 are written "07" (Thông tư 01/2011, Nghị định 30/2020): "3" was "13"."""
    assert agreed_date(["Lam Dong, ngay 3 thang 11 nam 2025"], "ngày J2 tháng I1 năm 2025") is None


def test_a_stroke_before_one_digit_is_the_handwritten_1():
    """A handwritten 1 is one stroke: "/4" is 14 (a real scan's line, Tesseract too read "/{4")."""
    assert agreed_date(["Ben Tre, ngay/4, thang 12 nam 2011", "Ben Tre ngy4:thn 12 nm 011"],
                       "Bắn Tre, ngày/{4. tháng 12 năm 2011") == date(2011, 12, 14)
    assert agreed_date(["ngay |2 thang /1 nam 2011"], "năm 2011") == date(2011, 11, 12)
    assert agreed_date([], "tháng 12 năm 2011", ["l6"]) == date(2011, 12, 16)
    # the 1 with a long upstroke, read as an A: two real scans' days, 16 and 13
    assert agreed_date(["Phu Tho, ngay A6 thang 12 nam 2011"], "ngày | tháng 12 năm 2011") \
        == date(2011, 12, 16)
    assert agreed_date(["Lam Dong, ngay M3 thang 11 nam 2025", "Lam Dong, ngay A3thang 11 nam 2025"],
                       "Lâm Đông, ngày J2 tháng I1 năm 2025", ["3"]) == date(2025, 11, 13)


def test_a_stroke_is_a_1_only_where_a_digit_is_missing():
    assert agreed_date(["ngay /14 thang 12 nam 2011"], "tháng 12 năm 2011") is None  # three glyphs
    assert agreed_date(["ngay 1/ thang 12 nam 2011"], "tháng 12 năm 2011") is None
    assert agreed_date(["ngay / thang 12 nam 2011"], "tháng 12 năm 2011") is None


def test_a_one_digit_january_is_a_digit_lost_and_gives_no_date():
    assert agreed_date(["ngay 24 thang 1 nam 2026"], "ngày44tháng năm 2026") is None
    assert agreed_date(["ngay 24 thang 5 nam 2026"], "ngày44tháng năm 2026") == date(2026, 5, 24)


def test_the_inks_day_with_the_printed_month_gives_the_date():
    assert agreed_date(["Phu Tho, ngayA thang 12 nam 2011"], "ngày | tháng 12 năm 2011", [" 16"]) \
        == date(2011, 12, 16)


def test_the_inks_day_and_month_where_the_month_was_not_printed():
    assert agreed_date([], "ngày đ{ tháng -{Ð năm 2025", ["01", "10"]) == date(2025, 10, 1)
    assert agreed_date([], "ngày đ{ tháng -{Ð năm 2025", ["01"]) is None  # the month unread


def test_ink_that_disagrees_with_the_line_gives_no_date():
    assert agreed_date(["ngay 16 thang 12 nam 2011"], "ngày | tháng 12 năm 2011", ["18"]) is None


def test_ink_with_a_letter_or_one_digit_gives_no_date():
    assert agreed_date([], "ngày | tháng 12 năm 2011", ["B6"]) is None
    assert agreed_date([], "ngày J2 tháng I1 năm 2025", ["3"]) is None  # "13", its 1 lost


def _line(ink: str) -> Image.Image:
    """A line of black print with strokes of ``ink`` colour standing apart: a day, then a month."""
    image = Image.new("RGB", (600, 90), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, 35, 120, 55), fill="black")  # "ngày" in print
    draw.rectangle((140, 25, 150, 65), fill=ink)  # "1"
    draw.rectangle((165, 25, 190, 65), fill=ink)  # "6", close to it: one group
    draw.rectangle((220, 35, 330, 55), fill="black")  # "tháng"
    draw.rectangle((350, 25, 390, 65), fill=ink)  # the month, far from the day
    return image


def test_blue_strokes_are_grouped_apart_from_the_print():
    groups = ink_groups(_line("#1030c0"), 0.4)
    assert [g.width for g in groups] == [51 + 2 * 13, 41 + 2 * 13]  # each padded by a third of its height


def test_a_black_and_white_scan_has_no_ink_of_its_own():
    assert ink_groups(_line("black"), 0.4) == []


@needs_model
def test_a_box_far_wider_than_a_line_is_read_squeezed_not_whole():
    from crawler.documents.handwriting import read_line

    assert isinstance(read_line(Image.new("RGB", (200_000, 20), "white")), str)


def test_without_the_recogniser_the_note_says_how_to_read_a_handwritten_day(monkeypatch):
    """A scan's unread day: the note names the extra, where it is not installed."""
    import crawler.documents.process as process
    from crawler.documents.text import DocumentText

    head = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: /STTTT\nPhú Thọ, ngày | tháng 12 năm 2011"
    text = DocumentText(date_line=(Box(283, 88, 486, 103), "Phú Thọ, ngày | tháng 12 năm 2011"))
    meta = process.DocumentMeta(number="275/STTTT")
    monkeypatch.setattr(process, "model_path", lambda: None)
    assert "govarchive[handwriting]" in process._unread(meta, head, text)
    monkeypatch.setattr(process, "model_path", lambda: Path("model.onnx"))
    assert process._unread(meta, head, text) == "header: date issued not read (handwritten or unreadable)"


def test_a_box_taller_than_a_line_is_not_read():
    page = (REAL / "02-phutho-ubnd-cv4532.pdf").read_bytes()
    assert handwritten_date(page, 0, Box(287, 64, 499, 400), "Phú Thọ, ngày tháng 12 năm 2011") is None
