"""Whether one line reads as a date line (crawler.extraction.dateread): a day with its label,
time, zone, counters and credits, and not a sentence that names a day."""

from __future__ import annotations

import pytest

from crawler.extraction.dateread import is_clock, is_date_line


@pytest.mark.parametrize("line", ["05/08/2024", "Thứ Hai, 05/08/2024 08:30", "05/08/2024 | Lượt xem: 12",
                                  "Cập nhật lúc: 09:15 04/03/2024", "Thứ bảy, 1/5/2021, 07:56 (GMT+7)",
                                  "05/08/2024 15:43 GMT+07:00", "Ngày đăng: 05/08/2024 15:43 UTC"])
def test_a_day_with_its_label_time_and_zone_is_a_date_line(line):
    assert is_date_line(line)


@pytest.mark.parametrize("line", ["05/08/2024 08:30 Lượt xem: 55", "[05/08/2024 08:30] Lượt xem: 55",
                                  "05/08/2024 - 123 lượt xem", "Đã xem: 55 - 05/08/2024",
                                  "05/08/2024 (55 lượt xem)"])
def test_a_day_with_a_counter_beside_it_however_separated_is_a_date_line(line):
    assert is_date_line(line)


@pytest.mark.parametrize("line", ["Chủ tịch UBND huyện tiếp công dân vào ngày 15/8/2019 tại trụ sở.",
                                  "Hội nghị nhận được 55 lượt ý kiến đóng góp của nhân dân ngày 05/08/2024",
                                  "Hội nghị sơ kết 6 tháng đầu năm 2019 ngày 05/08/2019 của huyện Tân Phú",
                                  "Cập nhật lúc 15:43 UTC"])  # no day at all
def test_a_sentence_or_a_headline_that_names_a_day_is_no_date_line(line):
    assert not is_date_line(line)


@pytest.mark.parametrize("line", ["Hôm nay: Thứ Hai, 05/08/2024", "Hôm nay, thứ hai 05/08/2024",
                                  "Hôm nay là ngày 05/08/2024", "Hôm nay 05/08/2024",
                                  "Today is Monday, August 5, 2024",
                                  # a weather box: the day it shows the weather of
                                  "Tân Phú, 32°C - Thứ Tư 07/12/2024", "Thời tiết Đồng Nai - 05/08/2024",
                                  "Nhiệt độ: 25 - 32 độ C, 05/08/2024"])
def test_the_portals_clock_is_no_date_line(line):
    """The day the page was served, never the post's."""
    assert is_clock(line) and not is_date_line(line)


@pytest.mark.parametrize("line", ["Hôm nay (12/8), UBND huyện tổ chức hội nghị", "Ngày 05/08/2024",
                                  "Hôm nay, UBND huyện đã tổ chức hội nghị ngày 05/08/2024"])
def test_a_sentence_opening_on_today_is_no_clock(line):
    assert not is_clock(line)
