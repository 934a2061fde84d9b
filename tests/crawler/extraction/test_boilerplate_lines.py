"""Lines inside the article's own block that are never its text (crawler.extraction.boilerplate)."""
# ruff: noqa: E501 - pages written as portals write them

from __future__ import annotations

import pytest

from crawler.extraction import extract_page

PARAS = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân huyện đã tổ chức hội nghị tổng kết công tác dân vận "
                "chính quyền năm 2024, đánh giá kết quả và đề ra nhiệm vụ trọng tâm cho năm tiếp theo.</p>"
                for i in range(4))
FILE = "<td><a href='/upload/kh-12.pdf'>kh-12.pdf</a></td>"


def read(widget: str, after: str = ""):
    page = (f"<html><head><title>Cổng thông tin điện tử huyện</title></head><body><div class='box'>"
            f"<h1>Hội nghị tổng kết công tác dân vận</h1><div class='ngay'>Ngày 12/03/2024</div>"
            f"<div class='nd'>{PARAS}<p style='text-align:right'><b>Minh Tâm</b></p>{widget}</div>"
            f"{after}</div></body></html>")
    return extract_page(page.encode(), "http://huyen.gov.vn/tin/hoi-nghi.html")


@pytest.mark.parametrize("widget", [
    "<div class='rate'>Đánh giá bài viết: <input type='radio'/>1 <input type='radio'/>2 "
    "<span>Tổng số điểm: 4.5/5</span></div>",
    "<div class='fb-comments' data-href='x'></div><div>Bình luận bằng Facebook</div>",
    f"<table><tr><td>Tệp đính kèm</td>{FILE}<td>Tải về</td></tr></table>",
    "<div class='audio'><b>Nghe audio</b><select><option>Giọng nữ miền Bắc</option></select></div>",
    "<div class='rate'>Đánh giá: <span>★★★★☆</span> (12 lượt)</div>",
    "<div class='rate'><p>Đánh giá:</p><img src='/star.png'/><img src='/star.png'/><p>(12 lượt)</p></div>",
    "<div class='qr'><img src='/qr.png'/><p>Quét mã QR để đọc trên điện thoại</p></div>",
])
def test_a_widget_closing_the_article_block_is_neither_text_nor_in_the_authors_way(widget):
    result = read(widget)
    assert result.text.endswith("cho năm tiếp theo.") or result.text.endswith("kh-12.pdf)")
    assert result.author == "Minh Tâm"
    assert not any(word in result.text for word in ("Đánh giá", "Facebook", "Tải về", "Tệp đính kèm", "Nghe",
                                                    "Giọng", "Quét mã"))


@pytest.mark.parametrize("line", [
    "Đánh giá: Nhìn chung các đơn vị đã hoàn thành tốt nhiệm vụ được giao trong năm.",
    "Nghe tin bão sắp đổ bộ, người dân các xã ven biển đã chủ động chằng chống nhà cửa."])
def test_a_sentence_that_opens_as_a_widget_label_stays_text(line):
    assert line in read(f"<p>{line}</p>").text


def test_the_attachment_boxs_file_is_still_listed_after_the_text():
    result = read(f"<table><tr><td>Tệp đính kèm</td>{FILE}</tr></table>")
    assert [a["url"] for a in result.attachments] == ["http://huyen.gov.vn/upload/kh-12.pdf"]


LEAD = ("tổ chức hội nghị sơ kết công tác tháng và triển khai nhiệm vụ tháng tới với sự tham dự của lãnh đạo "
        "các xã, thị trấn, các phòng, ban, ngành, đoàn thể trên địa bàn huyện.")


def teasers(count: int = 6) -> str:
    return "".join(
        f"<div class='item'><h3><a href='/tin/bai-{i}.html'>Bài số {i}: huyện triển khai nhiều hoạt động "
        f"thiết thực trong tháng</a></h3><span>{10 + i:02d}/03/2024</span>"
        f"<p>Sáng ngày {10 + i}/3, Ủy ban nhân dân huyện {LEAD}</p></div>" for i in range(count))


def test_other_posts_headlines_with_their_leads_under_the_article_are_no_part_of_it():
    result = read(f"<div class='other'><h2>Tin cùng chuyên mục</h2>{teasers()}</div>")
    assert result.is_article
    assert "Bài số" not in result.text and "sơ kết" not in result.text


def test_a_section_page_showing_its_newest_post_in_full_above_the_teasers_is_a_listing():
    featured = (f"<div class='featured'><h2><a href='/tin/bai-99.html'>Hội nghị tổng kết công tác dân vận "
                f"năm 2024 của huyện</a></h2><span>12/03/2024</span>{PARAS}</div>")
    page = (f"<html><head><title>Tin tức - Sự kiện</title></head><body><div class='content'>"
            f"<h1>Tin tức - Sự kiện</h1>{featured}{teasers()}</div></body></html>")
    result = extract_page(page.encode(), "http://huyen.gov.vn/tin-tuc")
    assert result.rejection == "listing"


def test_a_page_of_teasers_is_a_listing():
    page = (f"<html><head><title>Tin tức - Sự kiện</title></head><body><div class='content'>"
            f"<h1>Tin tức - Sự kiện</h1>{teasers(8)}</div></body></html>")
    assert extract_page(page.encode(), "http://huyen.gov.vn/tin-tuc?page=2").rejection == "listing"


COMMENT = ("Tôi rất đồng tình với chủ trương này của huyện, mong rằng các cấp chính quyền sẽ sớm triển khai "
           "thực hiện để người dân được hưởng lợi, nhất là bà con vùng sâu vùng xa.")


def thread(heading: str, tag: str = "h3") -> str:
    return f"<{tag}>{heading}</{tag}>" + "".join(
        f"<div class='item'><b>Nguyễn Văn {chr(65 + i)}</b> <i>(1{i}/03/2024)</i><p>{COMMENT}</p></div>"
        for i in range(8))


@pytest.mark.parametrize("heading", ["Ý kiến bạn đọc", "Bình luận", "Các ý kiến phản hồi"])
def test_a_long_thread_of_comments_under_its_heading_in_a_block_of_its_own_is_no_text(heading):
    assert "đồng tình" not in read("", after=f"<div class='box2'>{thread(heading)}</div>").text


@pytest.mark.parametrize("heading", ["Ý kiến bạn đọc", "Các ý kiến phản hồi"])
def test_a_thread_under_its_heading_in_a_plain_div_in_a_block_of_its_own_is_no_text(heading):
    # no heading's tag or class: the words alone name the readers' thread
    assert "đồng tình" not in read("", after=f"<div>{thread(heading, 'div')}</div>").text

@pytest.mark.parametrize("heading", ["Ý kiến bạn đọc", "Bình luận"])
def test_a_thread_under_its_heading_inside_the_articles_own_block_is_no_text(heading):
    result = read(thread(heading))
    assert "đồng tình" not in result.text and result.text.endswith("cho năm tiếp theo.")


def test_a_comment_tool_above_the_text_takes_nothing_with_it():
    page = (f"<html><head><title>Cổng thông tin điện tử huyện</title></head><body><div class='box'>"
            f"<h1>Hội nghị tổng kết công tác dân vận</h1><div class='ngay'>Ngày 12/03/2024</div>"
            f"<div class='nd'><div class='tools'><span>Bình luận</span></div>{PARAS}</div></div>"
            "</body></html>")
    result = extract_page(page.encode(), "http://huyen.gov.vn/tin/hoi-nghi.html")
    assert result.text.count("Đoạn") == 4


@pytest.mark.parametrize("line", [
    "Hôm nay (12/3), Ủy ban nhân dân huyện tổ chức hội nghị tổng kết công tác dân vận chính quyền.",
    "Trang chủ của xã được nâng cấp từ tháng 5 với nhiều tính năng mới phục vụ người dân."])
def test_a_paragraph_that_opens_as_a_counter_or_a_breadcrumb_stays_text(line):
    # "Hôm nay: 1.234" is the visitor counter, "Trang chủ » Tin tức" a breadcrumb; a sentence
    # opening on the same words is the article's, and was dropped
    assert line in read(f"<p>{line}</p>").text


@pytest.mark.parametrize("widget", ["<p>Hôm nay: 1.234</p>", "<p>Trang chủ » Tin tức</p>"])
def test_a_counter_and_a_breadcrumb_closing_the_block_are_no_text(widget):
    assert read(widget).text.endswith("cho năm tiếp theo.")


# The section's other posts under the text, as older templates print them ------------------------
NEIGHBOURS = {
    "earlier posts": "<div class='older'><b>Các tin đã đưa:</b><ul><li><a href='/t/5'>Lễ phát động phong trào "
                     "thi đua yêu nước năm 2019</a></li><li><a href='/t/6'>Ra mắt mô hình dân vận khéo tại xã Phú "
                     "Bình</a></li></ul></div>",
    "previous and next": "<div class='nav'><a href='/t/7'>« Bài trước: Hội nghị tổng kết công tác dân vận</a> "
                         "<a href='/t/8'>Bài sau: Phát động Tết trồng cây đời đời nhớ ơn Bác Hồ »</a></div>",
    "a counter under typed links": "<p><b>Bài viết liên quan:</b></p><p><a href='/t/1'>Xã Phú Lợi ra quân làm "
                                   "đường giao thông nông thôn</a></p><p><a href='/t/2'>Hội nghị triển khai nhiệm "
                                   "vụ phát triển kinh tế năm 2024</a></p><p class='view'>Số lượt xem: 1.245</p>",
}


def _post_with(after_text: str):
    from crawler.extraction import extract_bytes

    text = "".join(f"<p>Đoạn {i}: Sáng nay, Ủy ban nhân dân huyện tổ chức hội nghị sơ kết công tác 6 tháng đầu "
                   "năm, triển khai nhiệm vụ trọng tâm 6 tháng cuối năm với sự tham dự của lãnh đạo.</p>"
                   for i in range(4))
    html = ("<html><head><title>Huyện sơ kết công tác 6 tháng đầu năm</title></head><body><div class='main'>"
            "<h1>Huyện sơ kết công tác 6 tháng đầu năm</h1><div class='date'>07/08/2019</div>"
            f"<div class='content'>{text}{after_text}</div></div></body></html>")
    return extract_bytes(html.encode(), "https://x.gov.vn/tin/so-ket.html")


def test_a_post_with_its_sections_earlier_posts_and_its_neighbours_links_inside_its_block_is_an_article():
    result = _post_with(NEIGHBOURS["earlier posts"] + NEIGHBOURS["previous and next"])
    assert result.is_article, result.reason
    assert "Các tin đã đưa" not in result.text and "Bài trước" not in result.text


@pytest.mark.parametrize("name", sorted(NEIGHBOURS))
def test_the_sections_other_posts_under_the_text_stay_out_of_it(name):
    result = _post_with(NEIGHBOURS[name] + "<div class='vote'>Đánh giá bài viết: ★★★★☆</div>")
    assert result.is_article, result.reason
    assert result.text.endswith("với sự tham dự của lãnh đạo."), result.text[-200:]


def test_the_links_to_the_previous_and_next_posts_above_the_comments_stay_out_of_the_text():
    from crawler.extraction import extract_bytes

    thread = "".join(f"<div class='item'><b>Nguyễn Văn {c}</b> <i>(1{n}/03/2024)</i><p>Tôi rất đồng tình với chủ "
                     "trương này của huyện, mong rằng các cấp chính quyền sẽ sớm triển khai thực hiện.</p></div>"
                     for n, c in enumerate("ABC"))
    html = ("<html><head><title>Chi tiết tin</title></head><body><div class='main'><div class='detail'>"
            "<h2>Huyện sơ kết công tác 6 tháng đầu năm</h2><div class='date'>07/08/2019</div><div class='nd'>"
            "<div>Tại hội nghị, đồng chí Chủ tịch UBND huyện đã quán triệt các chỉ tiêu chủ yếu của năm 2024, trong "
            "đó tập trung vào tăng trưởng kinh tế và xây dựng nông thôn mới nâng cao.</div><div class='nav'><a "
            "href='/tin/7'>« Bài trước: Tin tức số 7 về hoạt động của huyện</a> <a href='/tin/8'>Bài sau: Tin tức "
            f"số 8 về hoạt động của huyện »</a></div><div class='box2'><h3>Bình luận</h3>{thread}</div></div></div>"
            "</div></body></html>")
    result = extract_bytes(html.encode(), "https://x.gov.vn/tin/1")
    assert result.is_article, result.reason
    assert "Bài trước" not in result.text and "Bài sau" not in result.text, result.text


@pytest.mark.parametrize("line", ["© Bản quyền thuộc về UBND huyện Tân Phú. Ghi rõ nguồn khi phát hành lại thông tin.",
                                  "Ghi rõ nguồn “Cổng TTĐT huyện Tân Phú” khi phát hành lại thông tin từ website này."])
def test_a_copyright_line_under_a_short_posts_text_goes_alone(line):
    # the footer's rule climbs to the largest small block with no prose: not past the post's paragraphs
    paras = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân huyện đã tổ chức hội nghị tổng kết công tác dân vận "
                    "chính quyền năm 2024, đánh giá kết quả và đề ra nhiệm vụ trọng tâm.</p>" for i in range(3))
    page = (f"<html><head><title>Cổng thông tin điện tử huyện</title></head><body><div class='box'>"
            f"<h1>Hội nghị tổng kết công tác dân vận</h1><div class='ngay'>Ngày 12/03/2024</div>"
            f"<div class='nd'>{paras}<p>{line}</p></div></div></body></html>")
    r = extract_page(page.encode(), "http://huyen.gov.vn/tin/hoi-nghi.html")
    assert (r.is_article, r.text.count("Đoạn"), "nguồn" in r.text) == (True, 3, False)
