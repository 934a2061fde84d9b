from datetime import UTC, datetime

import pytest

from common.dates import DateError, contains_date, parse_date

FETCHED = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)

FORMS = [
    ("Ngày 14/03/2019 08:59:47", "2019-03-14T08:59:47+07:00"),
    ("Thứ Ba, 23/7/2024", "2024-07-23"),
    ("12 Th3, 2024", "2024-03-12"),
    ("02/11/2021 23:58     |  Lượt xem 1631", "2021-11-02T23:58:00+07:00"),
    ("Cập nhật lúc 10:20, ngày 05/07/2019", "2019-07-05T10:20:00+07:00"),
    ("ngày 5 tháng 7 năm 2019", "2019-07-05"),
    ("Thứ hai, 05/07/2019 - 10:20", "2019-07-05T10:20:00+07:00"),
    ("05-07-2019", "2019-07-05"),
    ("(14/3/2019)", "2019-03-14"),
    ("14.03.2019", "2019-03-14"),
    ("Thứ Sáu, ngày 12 tháng 03 năm 2021", "2021-03-12"),
    ("Đăng ngày: 1/2/2020", "2020-02-01"),
    ("21/07/2022 | 10:00 AM", "2022-07-21T10:00:00+07:00"),
    ("Thứ năm, 2/11/2023, 19:20 (GMT+7)", "2023-11-02T19:20:00+07:00"),
    ("05/07/2019 02:15 CH", "2019-07-05T14:15:00+07:00"),
    ("05/07/2019 09:15 SA", "2019-07-05T09:15:00+07:00"),
    ("10h20 ngày 5/7/2019", "2019-07-05T10:20:00+07:00"),
    ("2019-03-14T08:59:47+00:00", "2019-03-14T15:59:47+07:00"),
    ("2019-03-14T08:59:47Z", "2019-03-14T15:59:47+07:00"),
    ("2019-03-14T08:59:47.123+07:00", "2019-03-14T08:59:47+07:00"),
    ("2019-03-14", "2019-03-14"),
    ("Thứ Hai, 12 Tháng 3 2019", "2019-03-12"),
    ("NGÀY 5 THÁNG 7 NĂM 2019", "2019-07-05"),
    ("thứ tư, 07 08 2019 15:43", "2019-08-07T15:43:00+07:00"),  # SharePoint-era: spaces only
    ("(05.08.2019 16:32)", "2019-08-05T16:32:00+07:00"),
    ("05 Tháng 08, 2019", "2019-08-05"),
    ("5 tháng 8, 2019", "2019-08-05"),
    ("2019/08/05", "2019-08-05"),
    ("2019.08.05 09:30", "2019-08-05T09:30:00+07:00"),
    ("05-Aug-2019", "2019-08-05"),
    ("Thứ tư - 07/08/2019 15:43", "2019-08-07T15:43:00+07:00"),  # NukeViet's page
    ("2019-08-07+0715:43:00", "2019-08-07T15:43:00+07:00"),  # NukeViet's meta: PHP "Y-m-dTH:i:s"
    ("2019-08-07ICT15:43:00", "2019-08-07T15:43:00+07:00"),
    ("2019-08-06UTC19:00:00", "2019-08-07T02:00:00+07:00"),  # a server on UTC: Vietnam's next day
    ("2019-08-07XYZ15:43:00", "2019-08-07"),  # a zone name unknown: the day alone
    ("Tháng Tám 7, 2019", "2019-08-07"),  # WordPress's Vietnamese "F j, Y": the month first
    ("Tháng Tám 07, 2019 3:43 chiều", "2019-08-07T15:43:00+07:00"),
    ("Th8 7, 2019", "2019-08-07"),  # "M j, Y"
    ("tháng 8 7, 2019", "2019-08-07"),
]


@pytest.mark.parametrize("raw", ["05 Tháng 08, 2019", "5 tháng 8, 2019", "2019/08/05", "05-Aug-2019",
                                 "05 Th8, 2019", "05 Th8 2019"])
def test_the_shortened_and_year_first_forms_are_found_where_they_are_printed(raw):
    """The date locator looks only where contains_date says a date is: these parsed, unfound."""
    assert contains_date(f"Cập nhật: {raw}")


@pytest.mark.parametrize("raw", ["7 thg 8, 2019", "07 Thg 08 2019", "thg 8 7, 2019"])
def test_cldr_vietnamese_short_month_is_read(raw):
    assert parse_date(raw).value == "2019-08-07"


@pytest.mark.parametrize("raw, want", [("Wed Aug 07 15:43:21 ICT 2019", "2019-08-07T15:43:21+07:00"),
                                       ("Wed Aug 07 08:43:21 UTC 2019", "2019-08-07T15:43:21+07:00")])
def test_javas_unformatted_date_is_read_in_its_zone(raw, want):
    assert parse_date(raw).value == want


@pytest.mark.parametrize("text", ["1 2 3 4", "Phòng 12 13 2019", "có 40 05 2019 hộ"])
def test_numbers_apart_by_spaces_are_a_date_only_when_day_month_and_year_can_be(text):
    assert not contains_date(text)


@pytest.mark.parametrize("raw,expected", FORMS)
def test_vietnamese_date_forms(raw, expected):
    assert parse_date(raw, FETCHED).value == expected


def test_raw_string_is_kept():
    assert parse_date("  Ngày 14/03/2019 08:59:47 ", FETCHED).raw == "Ngày 14/03/2019 08:59:47"


def test_day_comes_first():
    assert parse_date("03/04/2019").value == "2019-04-03"


def test_nfd_input_parses():
    import unicodedata

    assert parse_date(unicodedata.normalize("NFD", "ngày 5 tháng 7 năm 2019")).value == "2019-07-05"


@pytest.mark.parametrize("raw", ["31/02/2019", "30/13/2020", "ngày 32 tháng 1 năm 2020"])
def test_impossible_dates_are_rejected_with_reason(raw):
    with pytest.raises(DateError, match="impossible"):
        parse_date(raw, FETCHED)


def test_date_after_fetch_time_is_rejected():
    with pytest.raises(DateError, match="after the fetch time"):
        parse_date("01/01/2027", FETCHED)


def test_time_after_fetch_time_is_rejected():
    with pytest.raises(DateError, match="after the fetch time"):
        parse_date("22/11/2026 23:00", FETCHED)


def test_same_day_without_time_is_accepted():
    assert parse_date("22/11/2026", FETCHED).value == "2026-11-22"


def test_year_before_portals_is_rejected():
    with pytest.raises(DateError, match="before"):
        parse_date("01/01/1900")


@pytest.mark.parametrize("raw", ["", "   ", "Lượt xem 1631", "xyz"])
def test_no_date_is_an_error_not_a_crash(raw):
    with pytest.raises(DateError):
        parse_date(raw)


@pytest.mark.parametrize("text,expected", [
    ("Ngày 14/03/2019", True), ("ngày 5 tháng 7 năm 2019", True), ("2019-03-14", True),
    ("Lượt xem 1631", False), ("Số lượt truy cập : 16.575.804", False), ("Hotline 1900.1234", False),
])
def test_contains_date(text, expected):
    assert contains_date(text) is expected


def test_a_date_that_can_only_be_read_month_first_is_read_so():
    assert parse_date("3/25/2024 2:30:00 PM").value == "2024-03-25T14:30:00+07:00"  # ASP.NET's en-US


def test_numbers_that_read_either_way_are_day_first_unless_told():
    assert parse_date("3/12/2024 8:30:00 AM").value == "2024-12-03T08:30:00+07:00"
    assert parse_date("3/12/2024 8:30:00 AM", month_first=True).value == "2024-03-12T08:30:00+07:00"


def test_month_first_never_makes_a_day_first_date_impossible():
    assert parse_date("25/3/2024", month_first=True).value == "2024-03-25"


def test_the_pages_other_dates_of_the_same_form_tell_the_order():
    from common.dates import month_first_by

    page = "<li>3/25/2024 2:30:00 PM</li><li>4/2/2024 9:00:00 AM</li>"
    assert month_first_by("Ngày đăng: 3/12/2024 8:30:00 AM", page)
    assert not month_first_by("3/12/2024 8:30:00 AM", page + "<li>13/2/2024 2:30:00 PM</li>")  # both orders


def test_aspnet_en_us_form_alone_is_month_first():
    from common.dates import month_first_by

    assert month_first_by("8/12/2024 8:30:00 AM", "<p>8/12/2024 8:30:00 AM</p>")
    assert month_first_by("Cập nhật: 3/5/2024 2:30 PM", "")


def test_a_padded_or_vietnamese_clock_stays_day_first_when_nothing_tells():
    from common.dates import month_first_by

    assert not month_first_by("08/12/2024 08:30 AM", "")  # written by hand, day first
    assert not month_first_by("8/12/2024 8:30:00 SA", "")  # vi-VN culture
    assert not month_first_by("8/12/2024 8:30:00 AM", "<li>13/2/2024 2:30:00 PM</li>")  # the page tells


def test_dates_of_another_form_say_nothing_of_the_order():
    from common.dates import month_first_by

    page = "<li>3/25/2024 2:30:00 PM</li>"  # the software's stamp; the text writes "25/3/2024"
    assert not month_first_by("3/12/2024", page)
    assert not month_first_by("12/03/2024 8:30:00 AM", "<li>25/3/2024 8:30:00 AM</li>")


@pytest.mark.parametrize("raw, want", [("2 giờ trước", "2024-03-11"), ("3 ngày trước", "2024-03-09"),
                                       ("Hôm qua lúc 10:20", "2024-03-11T10:20:00+07:00")])
def test_a_date_counted_back_is_counted_from_the_fetch_not_from_today(raw, want):
    assert parse_date(raw, datetime(2024, 3, 11, 18, 0, tzinfo=UTC)).value == want  # 01:00 on the 12th


@pytest.mark.parametrize("raw", ["1 tuần trước", "2 tháng trước", "3 năm trước"])
def test_weeks_months_or_years_back_name_no_day(raw):
    with pytest.raises(DateError, match="names no day"):
        parse_date(raw, FETCHED)


def test_a_date_counted_back_without_the_fetch_time_is_refused():
    with pytest.raises(DateError, match="needs the fetch time"):
        parse_date("2 giờ trước")


@pytest.mark.parametrize("raw,expected", [
    ("Ngày đăng: 12/08/24", "2024-08-12"), ("12/08/24 09:15", "2024-08-12T09:15:00+07:00"),
    ("09:15 - 12/08/24", "2024-08-12T09:15:00+07:00"), ("Cập nhật lúc: 12.08.24", "2024-08-12"),
    ("Ngày 05/08/99", "1999-08-05")])
def test_a_two_digit_year_beside_a_time_or_after_a_dates_label_is_read(raw, expected):
    assert contains_date(raw) and parse_date(raw, FETCHED).value == expected


@pytest.mark.parametrize("text", ["12/08/24", "(12/08/24)", "Số 12/08/24", "tỷ lệ 1/2/3"])
def test_two_digit_triples_alone_are_no_date(text):
    assert not contains_date(text)


def test_without_dates_takes_out_every_form_the_parser_reads():
    from common.dates import without_dates

    assert without_dates("28 thg 1, 2024 | Tháng Tám 7, 2019 | 05-Aug-2019").replace("|", " ").split() == []


def test_a_clock_run_into_a_count_keeps_its_pm():
    assert parse_date("7/12/2024 8:12:00 PM1.245").value == "2024-12-07T20:12:00+07:00"


def test_an_unpadded_hour_with_seconds_and_english_pm_marks_en_us():
    from common.dates import month_first_by

    assert month_first_by("10/11/2024 8:11:00 AM", "") and not month_first_by("10/11/2024 08:11:00 AM", "")


def test_a_day_and_month_slash_year_is_read():
    assert parse_date("ngày 15 tháng 3/2024").value == "2024-03-15"
