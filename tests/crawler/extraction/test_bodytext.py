"""The body element as text (crawler.extraction.bodytext.element_text)."""
# ruff: noqa: E501 - pages written as portals write them

from __future__ import annotations

from lxml import html as lxml_html

from crawler.extraction import extract_bytes
from crawler.extraction.bodytext import element_text

TITLE = "Bài số 20: huyện Mỹ Thành Ủy ban nhân dân triển khai kế hoạch"
NOTICE = "Chi tiết xem tại văn bản đính kèm./."


def test_a_body_that_is_a_layout_table_reads_as_lines_not_a_table_row():
    """A notice's block can be the layout table around it, its sidebar cell gone with the boilerplate."""
    page = lxml_html.document_fromstring(
        f"<html><body><table><tr><td class='main'><div class='box'><h1>{TITLE}</h1>"
        f"<div class='ngay'>Ngày 21/03/2024</div><div class='noidung'><p>{NOTICE}</p>"
        "<p><a href='/files/tb-12.pdf'>TB-12.pdf</a></p></div></div></td></tr></table></body></html>")
    table = page.find(".//table")
    assert element_text(table).splitlines() == [TITLE, "Ngày 21/03/2024", NOTICE, "TB-12.pdf"]


def test_a_table_of_data_inside_the_body_keeps_its_rows():
    body = lxml_html.fragment_fromstring(
        "<div><p>Lịch công tác tuần của Ủy ban nhân dân huyện như sau:</p><table>"
        "<tr><td><p>Thứ 2</p></td><td><p>Họp giao ban</p></td></tr>"
        "<tr><td><p>Thứ 3</p></td><td><p>Làm việc với xã An Phú</p></td></tr></table></div>")
    assert "Thứ 2 | Họp giao ban" in element_text(body)


def test_a_layout_table_of_one_cell_reads_as_lines():
    page = lxml_html.document_fromstring(
        f"<html><body><table width='100%'><tr><td valign='top'><span class='tieude'>{TITLE}</span><br/>"
        f"<span class='ngay'>(12/03/2024)</span><br/><p>{NOTICE}</p></td></tr></table></body></html>")
    assert element_text(page.find(".//table")).splitlines() == [TITLE, "(12/03/2024)", NOTICE]


def test_an_image_caption_in_a_figure_stays_in_the_text():
    para = "Ủy ban nhân dân huyện tổ chức hội nghị tổng kết công tác năm với sự tham dự của các xã. " * 3
    caption = "Đồng chí Chủ tịch UBND huyện phát biểu tại hội nghị"
    body = lxml_html.fragment_fromstring(
        f"<div><p>{para}</p><figure class='image'><img src='/a.jpg'/><figcaption>{caption}</figcaption>"
        f"</figure><p>{para}</p></div>")
    assert caption in element_text(body).splitlines()


PARA = "Ủy ban nhân dân huyện tổ chức hội nghị tổng kết công tác năm với sự tham dự của các xã. " * 3


RATING = "<div class='rate'>Đánh giá bài viết: <input type='radio'/>1</div>"


def _body(closing: str, below: str = RATING) -> str:
    return element_text(lxml_html.fragment_fromstring(
        f"<div><p>{PARA}</p><p>{PARA}</p>{closing}{below}</div>"))


def test_a_closing_signature_above_a_rating_widget_stays_in_the_text():
    signed = _body("<p style='text-align:right'><strong>Minh Tâm</strong></p>")
    assert signed.splitlines()[-1] == "Minh Tâm"


def test_a_closing_caption_stays_in_the_text():
    caption = "Quang cảnh buổi làm việc của đoàn công tác"
    text = _body(f"<figure><img src='/x.jpg'/><figcaption>{caption}</figcaption></figure>", below="")
    assert text.splitlines()[-1] == caption


def test_a_heading_in_capitals_after_the_text_is_not_taken_for_a_signature():
    assert "TIN LIÊN QUAN" not in _body("<p><strong>TIN LIÊN QUAN</strong></p>")


def test_a_centred_caption_in_italics_then_the_signature_close_the_text():
    caption = "Quang cảnh buổi làm việc của đoàn công tác"
    text = _body(f"<p style='text-align:center'><em>{caption}</em></p>"
                 "<p style='text-align:right'><strong>Minh Tâm</strong></p>")
    assert text.splitlines()[-2:] == [caption, "Minh Tâm"]


def test_the_titles_line_with_its_new_badge_is_not_the_texts_first_line():
    from crawler.extraction.textlines import finish_text

    text = finish_text(f"TIN TỨC\n{TITLE} Mới\n{NOTICE}", TITLE, []).text
    assert text == NOTICE


LONG = [f"Đoạn {i}: báo cáo cho thấy tổng giá trị sản xuất các ngành kinh tế ước đạt kết quả khá, thu ngân "
        f"sách trên địa bàn đạt {40 + i}% dự toán, công tác an sinh xã hội được quan tâm thực hiện." for i in range(6)]
SAPO = "Sáng ngày 5/8, UBND huyện Tân Phú tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2019."


def test_a_lead_in_a_div_above_long_paragraphs_stays_in_the_text():
    """trafilatura reads a <div>'s text only when the <p>s hold too little."""
    body = lxml_html.fragment_fromstring(
        f"<div class='content'><div class='sapo'>{SAPO}</div>{''.join(f'<p>{p}</p>' for p in LONG)}</div>")
    assert element_text(body).splitlines()[0] == SAPO


def test_paragraphs_written_as_divs_among_paragraphs_stay_in_the_text():
    short = ("Hội nghị đã thống nhất các giải pháp trọng tâm cho 6 tháng cuối năm. " * 2)[:100].strip()
    for at in range(len(LONG)):  # trafilatura kept or lost such a line by its length and its place
        lines = [short if i == at else p for i, p in enumerate(LONG)]
        paragraphs = "".join(f"<div><span>{p}</span></div>" if i == at else f"<p>{p}</p>" for i, p in enumerate(lines))
        assert element_text(lxml_html.fragment_fromstring(f"<div>{paragraphs}</div>")).splitlines() == lines


def test_a_div_of_links_after_a_caption_stays_out_and_the_caption_in():
    body = lxml_html.fragment_fromstring(
        f"<div class='nd'><div>{LONG[0]}</div><table class='image'><tr><td><img src='/x.jpg'/></td></tr>"
        "<tr><td class='image_desc'>Quang cảnh buổi làm việc</td></tr></table><div class='nav'>"
        "<a href='/tin/7'>« Bài trước: Tin số 7</a> <a href='/tin/8'>Bài sau: Tin số 8 »</a></div></div>")
    text = element_text(body)
    assert "Quang cảnh buổi làm việc" in text and "Bài trước" not in text


def test_a_one_paragraph_post_in_a_span_keeps_its_lead_and_caption():
    """The body's block is the one holding the paragraph's <div><span>, not the span itself,
    which won over its block beside the readers' comments."""
    from crawler.extraction import extract_bytes

    lead = ("(Cổng TTĐT) - Sáng ngày 3/2, đoàn công tác của huyện đã tổ chức kiểm tra tình hình thực hiện nhiệm "
            "vụ tại các xã, thị trấn trên địa bàn.")
    paragraph = ("Tại hội nghị, đồng chí Chủ tịch UBND huyện đã quán triệt các chỉ tiêu chủ yếu của năm 2024, trong "
                 "đó tập trung vào tăng trưởng kinh tế, thu ngân sách và xây dựng nông thôn mới nâng cao.")
    caption = "Quang cảnh buổi làm việc của đoàn công tác"
    comment = ("Tôi rất đồng tình với chủ trương này của huyện, mong rằng các cấp chính quyền sẽ sớm triển khai "
               "thực hiện để người dân được hưởng lợi, nhất là bà con vùng sâu vùng xa.")
    comments = "".join(f"<div class='item'><p>{comment}</p></div>" for _ in range(5))
    html = (f"<html><body><div class='wrap'><div class='main'><div class='detail'><div class='title'>Thông báo "
            f"về việc tuyển dụng viên chức năm 2024 (đợt 70)</div><div class='nd'><h2 class='sapo'>{lead}</h2>"
            f"<div><span>{paragraph}</span></div><p style='text-align:center'><em>{caption}</em></p></div></div>"
            f"<div class='box2'><h3>Ý kiến bạn đọc</h3>{comments}</div></div></div></body></html>")
    text = extract_bytes(html.encode(), "https://tanphu.gov.vn/tin/70").text
    assert text.split("\n\n") == [lead, paragraph, caption]


def test_a_one_cell_layout_table_holding_a_leads_own_table_is_read_as_lines_not_as_a_row():
    # the cell of a nested table (LacViet's lead in a row of its own) counted as the outer
    # table's: the outer one was read as a data row, "| lead text widget |", all on one line
    lead = ("(Cổng TTĐT) - Sáng ngày 17/4, đoàn công tác của huyện đã tổ chức kiểm tra tình hình thực hiện "
            "nhiệm vụ tại các xã, thị trấn trên địa bàn.")
    text = ("Tại hội nghị, đồng chí Chủ tịch UBND huyện đã quán triệt các chỉ tiêu chủ yếu của năm 2024, trong đó "
            "tập trung vào tăng trưởng kinh tế, thu ngân sách và xây dựng nông thôn mới nâng cao.")
    html = ("<html><head><title>Cổng thông tin điện tử huyện Tân Phú</title></head><body><div class='detail'>"
            "<h2>Thông báo về việc tuyển dụng viên chức năm 2024</h2><div class='date'>17.04.2024</div>"
            "<div class='nd'><table width='100%'><tr><td><table><tr><td><b class='lv_description_mode1'>"
            f"{lead}</b></td></tr></table><div class='content-text'>{text}<br/><br/></div><div class='audio'>"
            "<b>Nghe audio</b><select><option>Giọng nữ miền Bắc</option></select></div></td></tr></table></div>"
            "</div></body></html>")
    result = extract_bytes(html.encode(), "https://tanphu.gov.vn/tin/190")
    assert result.text == f"{lead}\n\n{text}"


def test_a_block_trafilatura_names_content_inside_the_body_is_read_in_the_bodys_order():
    # VNPT's portals: the lead in "ArticleHeader" above "ArticleContent"; trafilatura read the
    # named block first and the lead after it, closing the text
    lead = ("TTĐT - Sáng ngày 24/7, đoàn công tác của huyện đã tổ chức kiểm tra tình hình thực hiện nhiệm vụ tại "
            "các xã, thị trấn trên địa bàn.")
    text = ("Tại hội nghị, đồng chí Chủ tịch UBND huyện đã quán triệt các chỉ tiêu chủ yếu của năm 2024, trong đó "
            "tập trung vào tăng trưởng kinh tế, thu ngân sách và xây dựng nông thôn mới nâng cao.")
    body = lxml_html.fromstring(f"<div class='detail'><div class='ArticleHeader'>{lead}</div>"
                                f"<div class='ArticleContent'><p>{text}</p></div></div>")
    assert [line for line in element_text(body).splitlines() if line.strip()] == [lead, text]
