"""A short post beside a sidebar's prose (crawler.extraction.sideprose): the district's
introduction or a quotation of Hồ Chí Minh holds more text than a post of a line or two, and
was read as the post's text, with its heading as the title."""
# ruff: noqa: E501 - pages written as portals write them

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from crawler.extraction import extract_bytes
from crawler.extraction.sideprose import _starts_before

TITLE = "Huyện Tân Phú sơ kết công tác 6 tháng đầu năm 2019"
PARAGRAPHS = [
    "Sáng ngày 5/8, UBND huyện Tân Phú tổ chức hội nghị sơ kết công tác 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2019.",
    "Theo báo cáo, tổng giá trị sản xuất các ngành kinh tế ước đạt 52% kế hoạch năm, thu ngân sách đạt 61% dự toán, tăng 12% so với cùng kỳ.",
]
WIDGETS = {
    "the district's introduction": (
        "<div class='box'><h3>Giới thiệu chung</h3><p>Huyện Tân Phú nằm ở phía Bắc tỉnh Đồng Nai, có diện tích tự nhiên 77.400 ha, "
        "dân số khoảng 160.000 người, gồm 17 xã, thị trấn. Huyện có vị trí chiến lược quan trọng về quốc phòng, an ninh, là cửa ngõ "
        "của tỉnh nối với Tây Nguyên; có Vườn quốc gia Cát Tiên là khu dự trữ sinh quyển thế giới.</p><a href='/gioi-thieu'>Xem thêm</a></div>",
        "Vườn quốc gia"),
    "a quotation": (
        "<div class='box'><div class='box-title'>Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh</div><p><em>“Dễ "
        "trăm lần không dân cũng chịu, khó vạn lần dân liệu cũng xong”. Cán bộ, công chức phải gần dân, hiểu dân, học dân và có "
        "trách nhiệm với dân; việc gì có lợi cho dân thì hết sức làm, việc gì có hại cho dân thì hết sức tránh.</em></p></div>",
        "Dễ trăm lần"),
}
PAGE_TITLES = {"the post's": f"{TITLE} - Cổng TTĐT huyện Tân Phú", "the portal's only": "Cổng thông tin điện tử huyện Tân Phú"}


def page(widget: str, place: str, paragraphs: int, page_title: str) -> bytes:
    text = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:paragraphs])
    main = f"<div class='main'><h1>{TITLE}</h1><div class='date'>07/08/2019</div><div class='content'>{text}</div></div>"
    side = f"<div class='side'><h3>Tin mới</h3><ul><li><a href='/tin/1.html'>Khai mạc hội thao</a></li></ul>{widget}</div>"
    layout = {"a column before": f"<table><tr><td class='left'>{side}</td><td class='center'>{main}</td></tr></table>",
              "a column after": f"<div class='wrap'>{main}{side}</div>",
              "a row above": f"{side}{main}"}[place]
    return f"<html><head><title>{page_title}</title></head><body>{layout}</body></html>".encode()


@pytest.mark.parametrize("paragraphs", [1, 2])
@pytest.mark.parametrize("place", ["a column before", "a column after", "a row above"])
@pytest.mark.parametrize("widget", sorted(WIDGETS))
def test_a_short_post_is_read_not_the_prose_beside_it(widget, place, paragraphs):
    html, words = WIDGETS[widget]
    result = extract_bytes(page(html, place, paragraphs, PAGE_TITLES["the post's"]), "https://tanphu.gov.vn/tin/so-ket.html")
    assert (result.is_article, result.title) == (True, TITLE)
    assert result.text.split("\n\n") == PARAGRAPHS[:paragraphs]
    assert words not in result.text


@pytest.mark.parametrize("widget", sorted(WIDGETS))
def test_the_prose_before_the_post_is_no_text_whatever_the_page_title_says(widget):
    """A post's text never precedes its title; the widget's own heading is no title."""
    html, words = WIDGETS[widget]
    result = extract_bytes(page(html, "a column before", 1, PAGE_TITLES["the portal's only"]),
                           "https://tanphu.gov.vn/Default.aspx?ItemID=12")
    assert result.title == TITLE and result.text == PARAGRAPHS[0] and words not in result.text


def test_a_long_text_that_does_not_repeat_its_title_stays_the_text():
    """Text beside the title's block is the post's own, whatever its words (a lead that does
    repeat them does not take its place)."""
    lead = "Sáng ngày 5/8, UBND huyện Tân Phú tổ chức hội nghị sơ kết công tác 6 tháng đầu năm với sự tham dự của các đại biểu."
    text = "".join(f"<p>Đoạn số {i}: báo cáo cho thấy giá trị sản xuất các ngành kinh tế ước đạt kết quả khá, thu ngân sách đạt {40 + i}% dự toán.</p>"
                   for i in range(4))
    for content in (f"<div class='content'>{text}</div>", f"<div class='body'><div class='content'>{text}</div></div>"):
        html = (f"<html><head><title>{TITLE}</title></head><body><div class='detail'><div class='head'><h1>{TITLE}</h1>"
                f"<div class='date'>07/08/2019</div><p class='sapo'>{lead}</p></div>{content}</div></body></html>")
        result = extract_bytes(html.encode(), "https://tanphu.gov.vn/tin/1.html")
        assert result.text.startswith(lead) and result.text.count("Đoạn số") == 4


def test_a_ticker_is_no_text():
    notice = "THÔNG BÁO: Ủy ban nhân dân huyện Tân Phú thông báo lịch tiếp công dân định kỳ của Chủ tịch UBND huyện vào ngày 15 hằng tháng tại Trụ sở Tiếp công dân huyện."
    html = (f"<html><head><title>{TITLE}</title></head><body><div class='thongbao'><marquee>{notice}</marquee></div>"
            f"<div class='main'><h1>{TITLE}</h1><div class='date'>07/08/2019</div><p>{PARAGRAPHS[0]}</p></div></body></html>")
    result = extract_bytes(html.encode(), "https://tanphu.gov.vn/tin/1.html")
    assert result.text == PARAGRAPHS[0]


# a section's name of five words and more reads as no label, and the <title> may repeat it
SECTIONS = ["Tin tức - Sự kiện", "Chương trình mục tiêu quốc gia xây dựng nông thôn mới"]


@pytest.mark.parametrize("section", SECTIONS)
@pytest.mark.parametrize("shown", ["<p><a href='/upload/tb-15.pdf'>tb-15.pdf</a></p>",
                                   "<p><a href='/upload/tb-15.pdf'>tb-15.pdf</a></p><video src='/upload/a.mp4'></video>"])
def test_a_notice_after_a_sidebars_prose_is_read_from_the_block_holding_its_title(section, shown):
    """A notice (a title, a day, a file) has no text of its own to outweigh the prose: the block
    that holds its title is the post, and the prose before it no part of it. The notice's whole
    block, short and holding its day, is no date line beside the section's name above it."""
    html_widget, words = WIDGETS["a quotation"]
    notice = "Thông báo số 15/TB-UBND về việc lịch tiếp công dân tháng 3"
    html = (f"<html><head><title>{section} - Cổng thông tin điện tử huyện Tân Phú</title></head><body><table><tr><td>"
            f"<div class='side'>{html_widget}</div></td><td><div class='cat'>{section}</div>"
            f"<div class='detail'><div class='title'>{notice}</div><div class='nd'>{shown}</div><div class='d'>Ngày "
            "đăng: 05/03/2024</div></div></td></tr></table></body></html>")
    result = extract_bytes(html.encode(), "https://tanphu.gov.vn/Default.aspx?ItemID=15")
    assert (result.is_article, result.title) == (True, notice)
    assert [a["url"] for a in result.attachments] == ["https://tanphu.gov.vn/upload/tb-15.pdf"]
    assert words not in result.text


@pytest.mark.parametrize("section", SECTIONS)
@pytest.mark.parametrize("rows", [8, 12])
def test_a_section_page_beside_a_sidebars_prose_is_a_listing(section, rows):
    """The section's list of headlines is boilerplate to the cleaning: the widget's prose, all
    that was left, under a heading of its own and with no day, is no post; nor is one row left
    of the list. (Where the title found is the widget's own heading, the box stays read: a post
    under a label with no day would look the same, and losing it is worse.)"""
    result = extract_bytes(section_page(section, WIDGETS["a quotation"][0], rows), "https://tanphu.gov.vn/tin-tuc")
    assert (result.is_article, result.rejection) == (False, "listing")


def section_page(section: str, widget: str, rows: int, pager: bool = True) -> bytes:
    """A section's page: its name, rows of headlines with their days, a pager; a widget beside."""
    items = "".join(f"<div class='row'><a href='/tin-tuc/bai-{i}.html'>Xã Phú Lợi ra quân làm đường giao thông nông "
                    f"thôn (tin {i})</a><div class='d'>{i % 28 + 1:02d}/08/2024</div></div>" for i in range(rows))
    more = "<div class='pager'><a href='?page=2'>2</a> <a href='?page=3'>Trang sau</a></div>" if pager else ""
    return (f"<html><head><title>{section} - Cổng thông tin điện tử huyện Tân Phú</title></head><body><div class='wrap'>"
            f"<div class='side'>{widget}</div><div class='main'><h1>{section}</h1>{items}{more}</div></div>"
            "</body></html>").encode()


def test_a_block_left_out_with_the_prose_around_it_stands_before_nothing():
    # blocks compared after some were dropped from the page: one in a dropped subtree is in no
    # order with the page's (it raised "Element is not a child of this node")
    root = lxml_html.fromstring("<div><div id='a'><p id='p'>x</p></div><div id='b'>y</div></div>")
    p, b = root.get_element_by_id("p"), root.get_element_by_id("b")
    root.get_element_by_id("a").drop_tree()
    assert not _starts_before(p, b) and not _starts_before(b, p)


LONG_SECTION = SECTIONS[1]
BOX = ("<div class='box'><div class='box-title'>Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh</div><p><em>"
       "“Dễ trăm lần không dân cũng chịu, khó vạn lần dân liệu cũng xong”. Cán bộ, công chức phải gần dân, hiểu dân, học "
       "dân và có trách nhiệm với dân; việc gì có lợi cho dân thì hết sức làm, việc gì có hại cho dân thì hết sức tránh, "
       "phải đặt lợi ích của nhân dân lên trên hết, trước hết.</em></p></div>")


@pytest.mark.parametrize("rows", [0, 7, 12])
def test_a_section_page_under_a_long_name_the_title_repeats_is_no_post_of_the_sidebars_prose(rows):
    # its heading has no day beside it: the section's name, however long, not a post's headline
    result = extract_bytes(section_page(LONG_SECTION, BOX, rows, pager=False), "https://tanphu.gov.vn/thong-bao")
    assert not result.is_article and "Dễ trăm lần" not in result.text


def test_a_notice_of_a_video_under_a_long_section_name_is_titled_by_its_heading():
    # the notice's block (its heading, a player, its day below) is short and names a day: no
    # date line beside the section's name above it, which the <title> repeats
    notice = "Thông báo số 23/TB-UBND về việc lịch tiếp công dân tháng 3"
    html = (f"<html><head><title>{LONG_SECTION} - Cổng thông tin điện tử huyện Tân Phú</title></head><body><table><tr>"
            "<td><div class='side'><ul>" + "".join(
                f"<li><a href='/tin-tuc/tin-{i}.html'>Tin tức số {i} về hoạt động của huyện trong tuần</a> <span "
                f"class='date'>(1{i}/02/2024)</span></li>" for i in range(3)) + "</ul></div></td><td><div class='cat'>"
            f"{LONG_SECTION}</div><div class='detail'><h1>{notice}</h1><div class='nd'><video controls src='/upload/a.mp4'>"
            "</video></div><div class='d'>Ngày đăng: 05/03/2024</div></div></td></tr></table></body></html>")
    result = extract_bytes(html.encode(), "https://tanphu.gov.vn/thong-bao/tb-23.html")
    assert (result.is_article, result.title) == (True, notice)


def test_a_section_page_of_which_trafilatura_reads_one_row_is_a_listing():
    # the cleaning takes the section's list; trafilatura's reading of the page keeps one row, a
    # headline and its day: other pages' headline, all that is left
    headlines = ["Hội nghị sơ kết công tác 6 tháng đầu năm, triển khai nhiệm vụ trọng tâm 6 tháng cuối năm 2024 và kế "
                 "hoạch phát triển kinh tế - xã hội giai đoạn 2021 - 2025 trên địa bàn huyện (tin 0)",
                 "UBND tỉnh: Đẩy mạnh chuyển đổi số trong cải cách hành chính (tin 1)",
                 "Huyện Tân Phú tổ chức Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2024 (tin 2)",
                 "Huyện Tân Phú tổ chức Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2024 (tin 3)",
                 "Hội nghị sơ kết công tác 6 tháng đầu năm, triển khai nhiệm vụ trọng tâm 6 tháng cuối năm 2024 và kế "
                 "hoạch phát triển kinh tế - xã hội giai đoạn 2021 - 2025 trên địa bàn huyện (tin 4)"]
    days = ["05/10/2024", "16/09/2024", "28/03/2024", "10/09/2024", "27/12/2024"]
    items = "".join(f"<div class='row'><a href='/tin-tuc/bai-{i}.html'>{h}</a><div class='d'>{d}</div></div>"
                    for i, (h, d) in enumerate(zip(headlines, days, strict=True)))
    html = (f"<html><head><title>{LONG_SECTION} - Cổng thông tin điện tử huyện Tân Phú</title></head><body><div "
            f"class='wrap'><div class='side'>{BOX}</div><div class='main'><h1>{LONG_SECTION}</h1>{items}<div "
            "class='pager'><a href='?page=1'>1</a> <a href='?page=2'>2</a> <a href='?page=3'>Trang sau</a></div></div>"
            "</div></body></html>")
    result = extract_bytes(html.encode(), "https://tanphu.gov.vn/thong-bao")
    assert (result.is_article, result.rejection) == (False, "listing")


LONGER = [f"Đoạn {i}: Hội nghị đã đánh giá kết quả thực hiện các chỉ tiêu kinh tế - xã hội, quốc phòng - an ninh, "
          "chỉ ra những tồn tại, hạn chế và đề ra các giải pháp trọng tâm cho những tháng cuối năm." for i in range(5)]


@pytest.mark.parametrize("widget", sorted(WIDGETS))
def test_a_longer_post_leaves_the_prose_of_the_column_after_it_out(widget):
    """A post of several paragraphs outweighs the sidebar's prose, but a reading of the whole
    page (trafilatura's) takes that prose too, after the text: it stood outside the post's block."""
    html, words = WIDGETS[widget]
    text = "".join(f"<p>{p}</p>" for p in LONGER)
    main = f"<div><h1>{TITLE}</h1><div>07/08/2019</div><div>{text}</div></div>"
    side = f"<div><h3>Tin mới</h3><ul><li><a href='/tin/1.html'>Khai mạc hội thao</a></li></ul>{html}</div>"
    page_title = PAGE_TITLES["the post's"]
    body = f"<html><head><title>{page_title}</title></head><body><div>{main}{side}</div></body></html>"
    result = extract_bytes(body.encode(), "https://tanphu.gov.vn/tin/so-ket.html")
    assert result.text.count("Đoạn") == 5 and words not in result.text, result.text


def test_a_block_with_a_day_is_no_sidebars_widget_though_its_pieces_run_together():
    """Its text read whole runs "năm 2019" into "07/08/2019": read apart, the day is there."""
    from crawler.extraction.sideprose import _widget

    top = lxml_html.fromstring(f"<div><div>Tin hoạt động</div><div>Kế hoạch công tác năm 2019</div>"
                               f"<div>07/08/2019</div><p>{LONGER[0]}</p></div>")
    assert not _widget([top], None)


@pytest.mark.parametrize("widget", sorted(WIDGETS))
def test_the_prose_of_the_column_after_a_post_whose_block_is_the_pages_row_stays_out(widget):
    """The text's first paragraphs in the post's column and the rest in an ``<article>``: the body
    located is the whole column, headline and all, and its parent the page's row, which holds the
    sidebar too; what a reading of the whole page takes from the sidebar is still no text."""
    html, words = WIDGETS[widget]
    first, rest = ("".join(f"<p>{p}</p>" for p in part) for part in (LONGER[:2], LONGER[2:]))
    main = f"<div><div>07/08/2019</div><h1>{TITLE}</h1>{first}<article>{rest}</article></div>"
    side = f"<div>{html}<h3>Tin mới</h3><ul><li><a href='/tin/1.html'>Khai mạc hội thao</a></li></ul></div>"
    body = f"<html><head><title>Cổng TTĐT huyện Tân Phú</title></head><body><section>{main}{side}</section></body></html>"
    result = extract_bytes(body.encode(), "https://tanphu.gov.vn/tin/so-ket.html")
    assert result.text.count("Đoạn") == 5 and words not in result.text, result.text



# a sidebar's box of prose, and a one-paragraph post's text (the layout combinations' parts)
INTRO_BOX = ("<div class='box'><h3>Giới thiệu chung</h3><p>Huyện Tân Phú nằm ở phía Bắc tỉnh Đồng Nai, có diện tích "
             "tự nhiên 77.400 ha, dân số khoảng 160.000 người, gồm 17 xã, thị trấn. Huyện có vị trí chiến lược quan "
             "trọng về quốc phòng, an ninh, là cửa ngõ của tỉnh nối với Tây Nguyên; có Vườn quốc gia Cát Tiên là "
             "khu dự trữ sinh quyển thế giới, với nhiều tiềm năng phát triển du lịch sinh thái.</p>"
             "<a href='/gioi-thieu'>Xem thêm</a></div>")
MEETING = ("Tại hội nghị, đồng chí Chủ tịch UBND huyện đã quán triệt các chỉ tiêu chủ yếu của năm 2024, trong đó "
           "tập trung vào tăng trưởng kinh tế, thu ngân sách và xây dựng nông thôn mới nâng cao.")
SIGNED = "<p style='text-align:right'><strong>Minh Tâm</strong></p>"


def portal_page(inner: str) -> bytes:
    """A portal's page whose <title> names only the portal, around ``inner``."""
    return f"<html><head><title>Cổng thông tin điện tử huyện Tân Phú</title></head><body>{inner}</body></html>".encode()


def test_a_head_block_and_the_text_after_it_beside_a_sidebars_prose_are_the_post():
    # the title and its lead in a head block of their own, one paragraph after it: the head block
    # outweighed the text block, and the post's text was its lead alone
    title = "Hội nghị sơ kết công tác 6 tháng đầu năm 2024 trên địa bàn huyện Tân Phú"
    lead = ("Sáng ngày 18/9, đoàn công tác của huyện đã tổ chức kiểm tra tình hình thực hiện nhiệm vụ tại các "
            "xã, thị trấn trên địa bàn.")
    html = portal_page(f"<table><tr><td class='l'>{INTRO_BOX}</td><td class='c'><div class='detail'>"
                       f"<div class='head'><div class='date'>18/09/2024</div><h4>{title}</h4><p class='lead'>"
                       f"<strong>{lead}</strong></p></div><div class='nd'><p>{MEETING}</p>{SIGNED}</div></div>"
                       "</td></tr></table>")
    result = extract_bytes(html, "https://tanphu.gov.vn/tin/21")
    assert (result.title, result.author) == (title, "Minh Tâm")
    assert result.text.startswith(lead) and MEETING in result.text and "Cát Tiên" not in result.text


def test_a_posts_whole_block_under_a_linked_sections_name_beside_a_sidebars_prose_stays_the_post():
    # the post's block holds its title and text: the column around it (the section's linked name
    # above it) is no head block's parent, and read as the post it made a "teaser among entries"
    title = "Kế hoạch tổ chức các hoạt động kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước (đợt 3)"
    html = portal_page(f"<div class='wrap'><div class='side'>{INTRO_BOX}</div><div class='main'>"
                       "<h2 class='title-cat'><a href='/tin'>Chương trình mục tiêu quốc gia xây dựng nông thôn "
                       f"mới</a></h2><div class='detail'><h4>{title}</h4><span class='time'>Ngày đăng: 11/12/2024 "
                       f"08:11</span><div class='nd'><p>{MEETING}</p>{SIGNED}</div></div></div></div>")
    result = extract_bytes(html, "https://tanphu.gov.vn/tin/183")
    assert (result.is_article, result.title, result.author) == (True, title, "Minh Tâm")


def test_a_head_block_outweighing_the_one_paragraph_after_it_gives_the_post_with_it():
    # no sidebar's prose: the head block (day, title, lead) was ranked first on its own, and
    # the post's one paragraph in the block after it was left out
    title = "Hội nghị sơ kết công tác 6 tháng đầu năm 2024 và kế hoạch phát triển kinh tế - xã hội huyện"
    lead = ("(Cổng TTĐT) - Sáng ngày 12/7, đoàn công tác của huyện đã tổ chức kiểm tra tình hình thực hiện "
            "nhiệm vụ tại các xã, thị trấn trên địa bàn.")
    html = portal_page(f"<div class='wrap'><div class='detail'><div class='head'><div class='meta'>12/07/2024"
                       f"</div><p align='center'><strong><font size='4'>{title}</font></strong></p>"
                       f"<div class='ArticleHeader'>{lead}</div></div><div class='nd'><p>{MEETING}</p>{SIGNED}"
                       "</div></div></div>")
    result = extract_bytes(html, "https://tanphu.gov.vn/tin/221")
    assert result.text.startswith(lead) and MEETING in result.text and result.author == "Minh Tâm"
