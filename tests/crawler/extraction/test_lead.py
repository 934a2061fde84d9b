"""The lead (sapo) that portals print between the title and the content, in an element of its own."""
# ruff: noqa: E501 - pages written as portals write them

from __future__ import annotations

from crawler.extraction import extract_html
from crawler.extraction.template import learn
from crawler.profiles import SiteProfile

TITLE = "Huyện Tân Phú triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2024"
LEAD = ("Sáng ngày 12/3, UBND huyện Tân Phú tổ chức hội nghị triển khai nhiệm vụ phát triển kinh tế - "
        "xã hội năm 2024 với sự tham dự của lãnh đạo các xã, thị trấn.")
PARAS = "".join(f"<p>Đoạn {i}: các đại biểu đã thảo luận, đóng góp nhiều ý kiến về giải pháp tháo gỡ khó "
                "khăn trong giải phóng mặt bằng, giải ngân vốn đầu tư công và cải cách hành chính.</p>"
                for i in range(4))
URL = "http://tanphu.gov.vn/chi-tiet.aspx?id=12"


def page(head: str, content: str = f"<div class='noidung'>{PARAS}</div>") -> str:
    return (f"<html><head><title>Cổng thông tin điện tử huyện Tân Phú</title></head><body>"
            f"<div class='menu'><a href='/'>Trang chủ</a><a href='/tin'>Tin tức</a></div>"
            f"<div class='detail'><h1>{TITLE}</h1><div class='ngay'>12/03/2024 08:30</div>"
            f"{head}{content}</div>"
            "<div class='footer'>Cơ quan chủ quản: UBND huyện Tân Phú</div></body></html>")


def test_a_lead_in_an_element_of_its_own_before_the_content_opens_the_text():
    result = extract_html(page(f"<div class='tomtat'><b>{LEAD}</b></div>"), URL)
    assert result.text.startswith(LEAD)
    assert result.text.count(LEAD) == 1


def test_a_lead_before_the_contents_wrapper_opens_the_text():
    content = f"<div class='wrap'><div class='noidung'>{PARAS}</div></div>"
    result = extract_html(page(f"<span class='summary'>{LEAD}</span>", content), URL)
    assert result.text.startswith(LEAD)


def test_a_read_more_link_in_the_lead_is_left_out():
    result = extract_html(page(f"<div class='sapo'>{LEAD} <a href='/tin/12-full'>Xem tiếp</a></div>"), URL)
    assert result.text.startswith(LEAD) and "Xem tiếp" not in result.text


def test_tools_and_a_view_count_between_title_and_content_are_no_lead():
    tools = "<div class='tools'>Lượt xem: 245 | In bài viết | Gửi email | Cỡ chữ A- A A+</div>"
    result = extract_html(page(tools), URL)
    assert result.text.startswith("Đoạn 0")


def test_a_list_of_links_between_title_and_content_is_no_lead():
    links = "".join(f"<li><a href='/tin/{i}'>Tin liên quan số {i} về hoạt động của huyện Tân Phú</a></li>"
                    for i in range(3))
    result = extract_html(page(f"<ul class='lienquan'>{links}</ul>"), URL)
    assert "Tin liên quan" not in result.text


def test_a_portal_whose_body_place_is_learnt_keeps_each_pages_lead():
    def article(n: int) -> tuple[str, str]:
        lead = LEAD.replace("12/3", f"{n + 1}/3")
        html = page(f"<div class='tomtat'>{lead}</div>").replace(TITLE, f"{TITLE} (bài {n})")
        return f"http://tanphu.gov.vn/tin/bai-{n}.html", html.replace("Đoạn", f"Bài {n}, đoạn")

    pages = [article(n) for n in range(6)]
    seen = {url: (r.title, r.text) for url, r in ((u, extract_html(h, u)) for u, h in pages)}
    template = learn(pages, seen)
    assert template is not None and template.body
    url, html = article(9)
    placed = extract_html(html, url, SiteProfile(template.selectors()))
    assert placed.body_from == "site" and placed.text.startswith(LEAD.replace("12/3", "10/3"))


def test_a_lead_set_in_a_heading_inside_the_located_block_stays_before_the_text():
    inner = (f"<div class='detail'><h1>{TITLE}</h1><div class='ngay'>12/03/2024</div>"
             f"<h4 class='summary'>{LEAD}</h4><div class='nd'><p>{PARAS[3:200]}</p></div></div>")
    page_ = (f"<html><head><title>Cổng thông tin điện tử huyện Tân Phú</title></head><body>{inner}"
             "</body></html>")
    result = extract_html(page_, URL)
    assert result.text.startswith(LEAD)


def test_a_title_date_and_lead_in_spans_beside_the_content_are_lines_of_their_own():
    inner = (f"<div class='detail'><span class='tieude'>{TITLE}</span>"
             f"<span class='time'>(12/03/2024 10:00)</span><div class='sapo'><b>{LEAD}</b></div>"
             f"<div class='nd'><p>{PARAS[3:180]}</p></div></div>")
    result = extract_html(f"<html><head><title>Cổng TTĐT</title></head><body>{inner}</body></html>", URL)
    assert (result.title, result.text.startswith(LEAD)) == (TITLE, True)


SHORT = "Sáng 12/3, huyện Tân Phú triển khai nhiệm vụ năm 2024."


def test_a_short_lead_counts_where_the_page_names_it_one():
    named = page(f"<span id='ctl00_lblSummary'><b>{SHORT}</b></span>")
    assert extract_html(named, URL).text.startswith(SHORT)


def test_a_short_unnamed_line_before_the_content_is_no_lead():
    assert not extract_html(page(f"<div class='x'><b>{SHORT}</b></div>"), URL).text.startswith(SHORT)


def test_a_date_line_with_credits_that_the_reading_kept_is_not_where_the_text_starts():
    """A short post's block holds its title; the reading kept the date line with its author and
    dropped the lead (an ``<h4>``): the lead goes back after the date line, before the text."""
    from lxml import html as lxml_html

    from crawler.extraction.lead import with_lead_inside

    line = "Ngày 12 tháng 3 năm 2024 | Tác giả: Nguyễn Văn Hùng - Phòng VH-TT"
    block = lxml_html.fromstring(f"<div class='detail'><p class='title'><b>{TITLE}</b></p><span>{line}</span>"
                                 f"<h4 class='summary'>{LEAD}</h4><div class='nd'>{PARAS}</div></div>")
    first = PARAS[3:PARAS.index("</p>")]
    reading = f"{line}\n{first}"
    assert with_lead_inside(block.find("p"), block, reading) == f"{line}\n{LEAD}\n\n{first}"


def test_the_lead_goes_before_an_editors_lines_that_open_a_block_of_blocks():
    """The text's first lines between ``<br/>``s, then a picture's table, in one block: the lead
    goes before those lines, not before the picture's caption."""
    from lxml import html as lxml_html

    from crawler.extraction.lead import with_lead_inside

    first = PARAS[3:PARAS.index("</p>")]
    caption = "Quang cảnh buổi làm việc của đoàn công tác"
    block = lxml_html.fromstring(
        f"<div class='detail'><p class='title'><b>{TITLE}</b></p><h4 class='summary'>{LEAD}</h4>"
        f"<div class='nd'>{first}<br/><br/><table><tr><td><img src='/x.jpg'/></td></tr>"
        f"<tr><td>{caption}</td></tr></table></div></div>")
    reading = f"{first}\n{caption}"
    assert with_lead_inside(block.find("p"), block, reading) == f"{LEAD}\n\n{first}\n{caption}"


def test_a_lead_heading_at_the_start_of_a_table_cells_lines_around_a_picture_opens_the_text():
    """The title stands above the body; the reading dropped the lead set in a heading at the start
    of the body's cell, above an older editor's lines and a picture."""
    lines = ("Tại hội nghị, đồng chí Chủ tịch UBND huyện đã quán triệt các chỉ tiêu chủ yếu của năm 2024, trong đó "
             "tập trung vào tăng trưởng kinh tế, thu ngân sách và xây dựng nông thôn mới nâng cao.<br/><br/>"
             "<figure><img src='/x.jpg'/><figcaption>Quang cảnh buổi làm việc của đoàn công tác</figcaption>"
             "</figure>Các đại biểu đã thảo luận, đóng góp nhiều ý kiến về giải pháp tháo gỡ khó khăn trong giải "
             "phóng mặt bằng, giải ngân vốn đầu tư công và cải cách thủ tục hành chính.<br/><br/>")
    content = (f"<div class='nd'><table width='100%'><tr><td><h4 class='summary'>{LEAD}</h4>"
               f"<div class='content-text'>{lines}</div></td></tr></table></div>")
    result = extract_html(page("", content), URL)
    assert result.text.startswith(LEAD + "\n\nTại hội nghị") and result.text.count(LEAD) == 1


def test_a_lead_in_the_block_that_holds_the_title_opens_the_text():
    """<div class="head"><h1/><div>date</div><p class="sapo"/></div> above the content's block."""
    paragraphs = "".join(f"<p>Đoạn số {i}: báo cáo cho thấy tổng giá trị sản xuất các ngành kinh tế ước đạt kết quả "
                         f"khá, thu ngân sách trên địa bàn đạt {40 + i}% dự toán, công tác an sinh xã hội được quan "
                         "tâm.</p>" for i in range(4))
    html = (f"<html><head><title>{TITLE}</title></head><body><div class='detail'><div class='head'><h1>{TITLE}</h1>"
            f"<div class='date'>07/08/2019</div><p class='sapo'>{LEAD}</p></div><div class='content'>{paragraphs}"
            f"<h3>Nhiệm vụ 6 tháng cuối năm</h3>{paragraphs}</div></div></body></html>")
    result = extract_html(html, "https://tanphu.gov.vn/tin/1.html")
    assert result.text.startswith(LEAD + "\n\nĐoạn số 0") and result.text.count(LEAD) == 1
