"""A post's date printed below its text, alone on its line: taken; a related headline's day, never."""

from __future__ import annotations

import pytest

from crawler.extraction import extract_bytes, resolve_date

PARA = ("Tại hội nghị, đồng chí Chủ tịch UBND huyện đã quán triệt các chỉ tiêu chủ yếu của năm 2024, "
        "trong đó tập trung vào tăng trưởng kinh tế, thu ngân sách và xây dựng nông thôn mới nâng cao.")
SIDE = "<div class='side'><ul>" + "".join(
    f"<li><a href='/t/{i}'>Tin số {i} về hoạt động</a> <span class='date'>(1{i}/02/2024)</span></li>"
    for i in range(5)) + "</ul></div>"
RELATED = ("<div class='other'><b>Tin khác</b><ul><li><a href='/t/9'>Hội nghị công tác dân vận</a> "
           "<i>(03/03/2024)</i></li></ul></div>")


def read(content: str, after: str = ""):
    html = (f"<html><head><title>Cổng TTĐT</title></head><body>{SIDE}<div class='main'>"
            f"<h1>Hội nghị triển khai nhiệm vụ năm 2024</h1><div class='nd'>{content}</div>{after}</div>"
            "</body></html>")
    return resolve_date(extract_bytes(html.encode(), "http://x.gov.vn/tin/1.html", "text/html"))


def test_a_day_alone_on_the_line_after_the_body_is_the_date():
    assert read(f"<p>{PARA}</p><p>{PARA}</p>", f"<p><i>08/11/2024 09:30</i></p>{RELATED}").published_at == (
        "2024-11-08T09:30:00+07:00")


def test_a_day_alone_closing_the_body_is_the_date_and_leaves_the_text():
    r = read(f"<p>{PARA}</p><p>{PARA}</p><p><i>08/11/2024</i></p>")
    assert (r.published_at, r.text.endswith("nâng cao.")) == ("2024-11-08", True)


def test_a_related_headlines_day_below_the_body_gives_no_date():
    assert read(f"<p>{PARA}</p><p>{PARA}</p>", RELATED).published_at is None


def test_a_day_below_the_body_with_its_credits_beside_it_is_the_date_and_gives_the_author():
    r = read(f"<p>{PARA}</p><p>{PARA}</p>", "<span class='time'>16/09/2024 | Tác giả: Minh Tâm</span>")
    assert (r.published_at, r.author) == ("2024-09-16", "Minh Tâm")


def test_a_day_in_a_time_element_closing_the_body_keeps_the_credits_beside_it():
    r = read(f"<p>{PARA}</p><p>{PARA}</p><div class='date'><time datetime='2024-11-08T08:30:00+07:00'>"
             "08/11/2024</time> | Tác giả: Minh Tâm</div>")
    assert (r.published_at[:10], r.author, r.text.endswith("nâng cao.")) == ("2024-11-08", "Minh Tâm", True)


@pytest.mark.parametrize("label", ["Đăng lúc", "Đăng tải:", "Tin đăng:", "Xuất bản:", "Ngày đưa tin:",
                                   "Cập nhật:", "Posted:"])
def test_a_publication_label_and_a_day_closing_the_body_is_the_date_and_leaves_the_text(label):
    r = read(f"<p>{PARA}</p><p>{PARA}</p><p>{label} 08/11/2024</p>")
    assert (r.published_at, r.text.endswith("nâng cao.")) == ("2024-11-08", True)


@pytest.mark.parametrize("tools", ["Lượt xem: 125 |", "In bài | Gửi email |", "Viết bởi Admin |"])
def test_a_day_on_the_tools_line_closing_the_body_is_the_date(tools):
    r = read(f"<p>{PARA}</p><p>{PARA}</p><div class='tools'>{tools} 08/11/2024</div>")
    assert (r.published_at, r.text.endswith("nâng cao.")) == ("2024-11-08", True)


@pytest.mark.parametrize("line", ["[08/11/2024 09:30] Lượt xem: 55", "08/11/2024 09:30 - 123 lượt xem",
                                  "(08/11/2024 09:30) Đã xem: 55", "08/11/2024 09:30, Bình luận: 0",
                                  "08/11/2024 09:30 (1.245 lượt xem)", "Số lần xem: 55 - 08/11/2024 09:30"])
def test_a_day_with_a_counter_beside_it_however_separated_closing_the_body_is_the_date(line):
    r = read(f"<p>{PARA}</p><p>{PARA}</p><div class='info'>{line}</div>")
    assert (r.published_at, r.text.endswith("nâng cao.")) == ("2024-11-08T09:30:00+07:00", True)


@pytest.mark.parametrize("label", ["Tạo ngày", "Ngày tạo:", "Được đăng ngày", "Được thêm vào"])
def test_the_day_a_post_was_made_closing_the_body_is_the_date(label):
    r = read(f"<p>{PARA}</p><p>{PARA}</p><p>{label} 08/11/2024 | Sửa đổi lần cuối 30/12/2024</p>")
    assert (r.published_at, r.text.endswith("nâng cao.")) == ("2024-11-08", True)


def test_a_short_line_opening_with_a_label_word_but_no_colon_gives_no_date():
    r = read(f"<p>{PARA}</p><p>Xuất bản sách ảnh ngày 08/11/2024</p><p>{PARA}</p>")
    assert r.published_at is None


def test_a_day_on_the_counters_line_after_the_body_is_the_date():
    r = read(f"<p>{PARA}</p>", "<span class='time'>Lượt xem: 1.245 | 08/11/2024</span>")
    assert (r.published_at, r.text.endswith("nâng cao.")) == ("2024-11-08", True)


def test_a_day_on_the_counters_line_opening_the_body_is_the_date():
    r = read(f"<div class='date'>Lượt xem: 1.245 | 08/11/2024</div><div>{PARA}</div>")
    assert (r.published_at, r.text.startswith("Tại hội nghị")) == ("2024-11-08", True)


@pytest.mark.parametrize("credit, author", [("Tác giả: Minh Tâm", "Minh Tâm"),
                                            ("Đăng bởi: Quản trị viên", None), ("(Cổng TTĐT)", None)])
def test_a_day_after_a_credit_and_a_dash_below_the_text_is_the_date(credit, author):
    r = read(f"<p>{PARA}</p><p>{PARA}</p><div class='info'>{credit} - 08/11/2024</div>")
    assert (r.published_at, r.author, r.text.endswith("nâng cao.")) == ("2024-11-08", author, True)


def test_a_dash_between_a_day_and_its_time_below_the_text_keeps_the_time():
    r = read(f"<p>{PARA}</p><p>{PARA}</p><div class='info'>08/11/2024 - 09:30</div>")
    assert r.published_at == "2024-11-08T09:30:00+07:00"


@pytest.mark.parametrize("line", ["Thời gian: 08h00 ngày 15/12/2024",
                                  "Thời gian: 08 giờ 00, ngày 15/12/2024"])
def test_an_invitations_time_atop_its_text_gives_no_date(line):
    # the event's time, where the post prints no day of its own: no date rather than a wrong one
    assert read(f"<p>{line}</p><p>{PARA}</p>").published_at is None


def test_a_day_alone_atop_the_text_is_still_the_date():
    assert read(f"<p>Ngày đăng: 05/12/2024</p><p>{PARA}</p>").published_at[:10] == "2024-12-05"


@pytest.mark.parametrize("closing", ["<p>N.H</p>", "<p>(baosonghau.vn)</p>", "<p><b>Minh Tâm</b></p>"])
def test_a_day_alone_closing_the_body_above_its_signature_or_source_is_the_date(closing):
    r = read(f"<p>{PARA}</p><p>{PARA}</p><span>Thứ Năm, 8/6/2017</span>{closing}")
    assert (r.published_at, r.text.endswith("nâng cao.")) == ("2017-06-08", True)


def test_a_day_in_the_last_paragraph_above_a_signature_is_no_date():
    r = read(f"<p>{PARA}</p><p>Hội nghị sẽ tổng kết vào ngày 15/12/2024 tại hội trường huyện.</p><p>N.H</p>")
    assert r.published_at is None


@pytest.mark.parametrize("line", ["ngày 7 tháng 8 năm 2024 | Cập nhật: 30/12/2024 10:00",
                                  "Cập nhật: 30/12/2024 10:00 | 07/08/2024"])
def test_a_date_line_of_the_day_and_its_last_change_gives_the_day_whichever_comes_first(line):
    html = (f"<html><head><title>Cổng TTĐT</title></head><body><div class='main'><h1>Hội nghị triển khai "
            f"nhiệm vụ năm 2024</h1><div>{line}</div><div class='nd'><p>{PARA}</p><p>{PARA}</p></div></div>"
            "</body></html>")
    r = resolve_date(extract_bytes(html.encode(), "http://x.gov.vn/tin/1.html", "text/html"))
    assert r.published_at[:10] == "2024-08-07"


@pytest.mark.parametrize("line", ["<p align='right'><i>(Cập nhật ngày 08/11/2024)</i></p>",
                                  "<p align='right'><b>Minh Tâm</b> - 08/11/2024</p>",
                                  "<p align='right'>Nguyễn Văn Hùng - 08/11/2024</p>"])
def test_a_day_after_its_label_or_a_signature_closing_the_body_is_the_date_and_leaves_the_text(line):
    r = read(f"<p>{PARA}</p><p>{PARA}</p>{line}")
    assert (r.published_at, r.text.endswith("nâng cao.")) == ("2024-11-08", True)


def test_a_day_closing_the_text_is_the_date_where_the_title_has_only_a_last_changes_day():
    html = ("<html><head><title>Cổng TTĐT</title></head><body><div class='main'><div>Cập nhật lúc 10:15 ngày "
            f"02/12/2024</div><h1>Hội nghị triển khai nhiệm vụ năm 2024</h1><p>{PARA}</p><p>{PARA}</p>"
            "<p align='right'><i>08/11/2024</i></p></div></body></html>")
    r = resolve_date(extract_bytes(html.encode(), "http://x.gov.vn/tin/1.html", "text/html"))
    assert r.published_at == "2024-11-08"
