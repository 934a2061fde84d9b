"""The author a page states plainly: JSON-LD and meta (never the site's own name), bylines, closing lines."""

from __future__ import annotations

import json

import pytest

from crawler.extraction import extract_page

PARAS = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân huyện đã tổ chức hội nghị tổng kết công tác dân vận chính quyền "
                f"năm 2024, đánh giá kết quả và đề ra nhiệm vụ trọng tâm cho năm tiếp theo.</p>" for i in range(4))


def page(head: str = "", after: str = "", inside: str = "") -> bytes:
    return f"""<html><head><meta charset="utf-8"><title>Hội nghị tổng kết công tác dân vận</title>{head}</head>
<body><div class="main"><h1>Hội nghị tổng kết công tác dân vận</h1><div class="date">Ngày 12/03/2024</div>
<div class="content">{PARAS}{inside}</div>{after}</div>
<div class="comments"><div class="author">Bạn đọc Nguyễn Văn B</div><p>Bài viết hay.</p></div></body></html>""".encode()


def jsonld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


@pytest.mark.parametrize("head, want", [
    (jsonld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Trần Thị Hoa"}}), "Trần Thị Hoa"),
    (jsonld({"@type": "NewsArticle", "author": [{"name": "Lê Văn Nam"}, {"name": "Phạm Thu"}]}), "Lê Văn Nam"),
    ('<meta name="author" content="Ban Tuyên giáo Huyện ủy">', "Ban Tuyên giáo Huyện ủy"),
    (jsonld({"@type": "NewsArticle", "author": {"name": "Cổng thông tin điện tử huyện Mỹ Lộc"},
             "publisher": {"name": "Cổng thông tin điện tử huyện Mỹ Lộc"}}), None),
    ('<meta property="og:site_name" content="UBND huyện Mỹ Lộc"><meta name="author" content="UBND huyện Mỹ Lộc">',
     None),
    ('<meta name="author" content="myloc.namdinh.gov.vn">', None),
])
def test_metadata_author_unless_it_names_the_site(head, want):
    assert extract_page(page(head=head), "https://myloc.namdinh.gov.vn/tin/1.html").author == want


def test_a_closing_author_element():
    r = extract_page(page(after='<p class="author">Nguyễn Hữu Minh</p>'), "https://x.gov.vn/tin/2.html")
    assert r.author == "Nguyễn Hữu Minh"


def test_a_tacgia_byline_with_its_label():
    r = extract_page(page(after='<div class="tacgia">Tác giả: Hoàng Lan</div>'), "https://x.gov.vn/tin/3.html")
    assert r.author == "Hoàng Lan"


def test_a_right_aligned_bold_closing_line():
    r = extract_page(page(inside='<p style="text-align: right;"><strong>Phòng Văn hóa - Thông tin</strong></p>'),
                     "https://x.gov.vn/tin/4.html")
    assert r.author == "Phòng Văn hóa - Thông tin"


@pytest.mark.parametrize("closing", [
    '<p style="text-align: right;"><b>Minh Tâm</b><br>(Trung tâm VH-TT-TT huyện)</p>',
    '<p style="text-align: right;"><b>Minh Tâm</b></p><p style="text-align: right;">(Trung tâm VH-TT-TT huyện)</p>',
])
def test_a_signatures_body_in_brackets_on_its_own_line_goes_with_it(closing):
    r = extract_page(page(inside=closing), "https://x.gov.vn/tin/4b.html")
    assert r.author == "Minh Tâm (Trung tâm VH-TT-TT huyện)"
    assert r.text.endswith("cho năm tiếp theo."), r.text[-120:]


def test_a_commenter_is_not_the_author():
    assert extract_page(page(), "https://x.gov.vn/tin/5.html").author is None


def test_the_press_labels_of_a_byline_are_not_part_of_the_name():
    from crawler.extraction.author import without_label

    assert [without_label(line) for line in ("Tin, ảnh: Thanh Hà", "Bài và ảnh: Minh Tuấn", "Tin/ảnh: Lan Anh",
                                               "Phóng viên: Hoàng Lan", "Tiến Dũng", "bởi Thu Trang",
                                               "Đăng bởi: Minh Khôi")] == [
        "Thanh Hà", "Minh Tuấn", "Lan Anh", "Hoàng Lan", "Tiến Dũng", "Thu Trang", "Minh Khôi"]


def test_a_wordpress_byline_naming_the_portals_account_gives_no_author():
    from crawler.extraction.author import without_label

    assert [without_label(line) for line in ("bởi quantri", "Đăng bởi: quantrivien", "bởi admin")] == [None] * 3


def test_a_closing_sentence_without_its_full_stop_is_no_signature_and_stays_in_the_text():
    from crawler.extraction.textlines import finish_text

    for closing in ("Hội nghị kết thúc cùng ngày", "Trân trọng thông báo", "Một số hình ảnh tại hội nghị"):
        finished = finish_text(f"Dòng đầu của bài viết dài đủ.\n{closing}", "Tiêu đề", [])
        assert (finished.author, finished.text.endswith(closing)) == (None, True), closing


def test_names_initials_abbreviations_and_bodies_sign():
    from crawler.extraction.textlines import finish_text

    for signature in ("Nguyễn Thị Hồng Nhung", "N.H", "BBT", "Thanh Hà - Minh Tuấn", "Minh Tuấn (Trung tâm VH-TT)",
                      "Phòng Văn hóa và Thông tin huyện", "Văn phòng HĐND và UBND huyện",
                      "Ngọc Lan - Phòng Văn hóa và Thông tin huyện", "Nguyễn Văn Hùng - Trung tâm VH-TT"):
        assert finish_text(f"Dòng đầu của bài viết dài đủ.\n{signature}", "Tiêu đề", []).author == signature


@pytest.mark.parametrize("closing", ["<p>admin admin</p>", "<div class='nguoi-dang'>Người đăng: admin</div>",
                                     "<p class='author'>Quản trị viên</p>", "<p>Administrator</p>"])
def test_the_portals_account_closing_the_body_is_neither_author_nor_text(closing):
    result = extract_page(page(inside=closing), "http://huyen.gov.vn/tin/hoi-nghi.html")
    assert result.author is None
    assert not result.text.rstrip().lower().endswith(("admin", "quản trị viên", "administrator"))


@pytest.mark.parametrize("closing", ["Hội nghị kết thúc - Ban tổ chức cảm ơn", "Lê Văn Minh - Chủ tịch UBND huyện"])
def test_a_closing_line_with_a_dash_that_is_no_name_and_body_stays_in_the_text(closing):
    from crawler.extraction.textlines import finish_text

    assert finish_text(f"Dòng đầu của bài viết dài đủ.\n{closing}", "Tiêu đề", []).author is None


def test_a_name_that_holds_the_word_admin_is_still_an_author():
    result = extract_page(page(inside="<p class='author'>Nguyễn Văn Admin</p>"), "http://huyen.gov.vn/tin/a.html")
    assert result.author == "Nguyễn Văn Admin"


@pytest.mark.parametrize("closing,author", [("<p>Tác giả: Nguyễn Văn Bình</p>", "Nguyễn Văn Bình"),
                                            ("<p style='text-align:right'><b>Tin, ảnh: Thu Hà</b></p>", "Thu Hà")])
def test_a_labelled_byline_closing_the_body_is_the_author_and_leaves_the_text(closing, author):
    result = extract_page(page(inside=closing), "http://huyen.gov.vn/tin/hoi-nghi.html")
    assert result.author == author
    assert author not in result.text


@pytest.mark.parametrize("thread", [
    "<div class='binh-luan'><b>Nguyễn Văn A</b><p>Bài viết rất hay, cảm ơn ban biên tập đã đưa tin.</p></div>",
    "<div class='box'><h3>Ý kiến bạn đọc</h3><div><b>Nguyễn Văn A</b><p>Bài viết rất hay, cảm ơn ban biên tập "
    "đã đưa tin.</p></div></div>"])
def test_a_thread_of_reader_comments_under_the_article_is_no_part_of_its_text(thread):
    result = extract_page(page(inside=thread), "http://huyen.gov.vn/tin/hoi-nghi.html")
    assert "Bài viết rất hay" not in result.text and "Nguyễn Văn A" != result.author


NUKEVIET_CREDITS = ('<div class="margin-bottom-lg"><p class="h5 text-right"><strong>Tác giả bài viết: </strong>Minh Tâm'
                    '</p><p class="h5 text-right"><strong>Nguồn tin: </strong>Văn phòng Huyện ủy</p></div>')


def test_labelled_author_and_source_lines_below_the_body_as_nukeviet_prints_them():
    r = extract_page(page(after=NUKEVIET_CREDITS), "https://x.gov.vn/tin/6.html")
    assert (r.author, r.source) == ("Minh Tâm", "Văn phòng Huyện ủy")
    assert "Tác giả bài viết" not in r.text


def test_the_credit_lines_are_found_past_the_attached_files():
    files = '<div class="panel"><a href="/uploads/kh-12.pdf">Tải về: kh-12.pdf</a></div>'
    r = extract_page(page(after=files + NUKEVIET_CREDITS), "https://x.gov.vn/tin/7.html")
    assert r.author == "Minh Tâm"


def test_an_unlabelled_name_below_the_body_is_not_taken_for_its_author():
    related = '<ul class="related"><li><a href="/tin/9.html">Hội nghị công tác dân vận</a></li></ul>'
    assert extract_page(page(after=related), "https://x.gov.vn/tin/8.html").author is None


@pytest.mark.parametrize("line, want", [
    ("Ngày 12/03/2024 | Tác giả: Minh Tâm | Lượt xem: 12", "Minh Tâm"),
    ("Thứ Ba, 12/03/2024 • Tin, ảnh: Thu Hà", "Thu Hà"),
    ("Ngày đăng: 12/03/2024 - Người đăng: admin", None),  # the account that posted is no author
])
def test_the_author_among_the_date_lines_fields(line, want):
    html = page().replace(b"Ng\xc3\xa0y 12/03/2024", line.encode())
    assert extract_page(html, "http://x.gov.vn/tin/1").author == want


def test_a_counter_run_into_the_authors_name_is_no_part_of_it():
    line = ("<div class='meta'><span>Ngày 12/03/2024 | Tác giả: Minh Tâm</span>"
            "<span><i class='fa fa-eye'></i>1.245</span></div>")
    html = page().replace(b'<div class="date">Ng\xc3\xa0y 12/03/2024</div>', line.encode())
    assert extract_page(html, "http://x.gov.vn/tin/1").author == "Minh Tâm"


@pytest.mark.parametrize("closing, want", [
    ("<p align='right'>Minh Tâm - 12/03/2024</p>", "Minh Tâm"),
    ("<p align='right'><b>Minh Tâm</b> - 12/03/2024</p>", "Minh Tâm"),
    ("<p align='right'>N.H | 12/03/2024 15:30</p>", "N.H"),
    ("<p align='right'>Minh Tâm (12/03/2024)</p>", "Minh Tâm"),
])
def test_a_signature_and_its_day_closing_the_text_give_the_author_and_leave_the_text(closing, want):
    result = extract_page(page(inside=closing), "https://myloc.namdinh.gov.vn/tin/1")
    assert (result.author, result.text.endswith("năm tiếp theo.")) == (want, True)


def test_a_units_name_and_a_day_closing_the_text_give_no_author_and_leave_the_text():
    # where and when the post was written, not who wrote it
    result = extract_page(page(inside="<p align='right'>Huyện Mỹ Lộc - 12/03/2024</p>"), "https://myloc.namdinh.gov.vn/tin/1")
    assert (result.author, result.text.endswith("năm tiếp theo.")) == (None, True)


POST = ("<html><head><title>Cổng thông tin điện tử huyện Đắk Song</title></head><body><div class='nd'>"
        "<h1>1 ha trồng dưa chuột lấy hạt, thu hơn 500 triệu đồng</h1>"
        + "".join(f"<p>Đoạn {i}: Mô hình trồng dưa chuột của ông Vũ Văn Bàn có diện tích 1,5 ha, liên kết với "
                  "công ty để trồng dưa chuột lấy hạt giống, mỗi năm thu về khoảng 700 triệu đồng.</p>"
                  for i in range(3))
        + "<p style='text-align:right'>Bài, ảnh: Đức Hùng</p><p><a href='{href}'>{href}</a></p></div></body></html>")


def test_a_repost_closing_on_the_originals_address_has_that_site_as_its_source():
    href = "http://baodaknong.org.vn/chuyen-lam-an/1-ha-trong-dua-chuot-75365.html"
    r = extract_page(POST.format(href=href).encode(), "http://daksong.daknong.gov.vn/1-ha-trong-dua-chuot/")
    assert (r.author, r.source) == ("Đức Hùng", "baodaknong.org.vn")
    assert href not in r.text


def test_an_address_of_the_portals_own_page_closing_the_text_names_no_source():
    href = "http://daksong.daknong.gov.vn/tin-tuc/ke-hoach-2019.html"
    r = extract_page(POST.format(href=href).encode(), "http://daksong.daknong.gov.vn/1-ha-trong-dua-chuot/")
    assert r.source is None


def test_the_originals_address_under_a_labelled_source_line_is_no_line_of_the_text():
    href = "http://baodaknong.org.vn/chuyen-lam-an/1-ha-trong-dua-chuot-75365.html"
    html = POST.format(href=href).replace("<p style='text-align:right'>Bài, ảnh: Đức Hùng</p>",
                                          "<p>Nguồn: Báo Đắk Nông</p>")
    r = extract_page(html.encode(), "http://daksong.daknong.gov.vn/1-ha-trong-dua-chuot/")
    assert r.source == "Báo Đắk Nông" and href not in r.text
