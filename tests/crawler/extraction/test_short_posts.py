"""Short posts are posts: two-sentence notices and lists of attachments, on a known and an unknown layout.

The pages follow the Liferay detail layout govarchive has a profile for
(``asset-full-content``) and a plain layout no profile knows, each with a
breadcrumb above the title, which must never become the title.
"""

from __future__ import annotations

import json

import pytest

from common.urls import is_document, is_hosted_file
from crawler.extraction import extract_page, resolve_date

BREADCRUMB = '<ul class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/tb">Thông báo</a></li></ul>'
MENU = "".join(f'<li><a href="/c/{i}">Chuyên mục {i}</a></li>' for i in range(12))
TWO_SENTENCES = ("<p>Sở Thông tin và Truyền thông thông báo lịch tiếp công dân tháng 4 năm 2024.</p>"
                 "<p>Đề nghị các tổ chức, cá nhân có nhu cầu liên hệ Văn phòng Sở.</p>")
FILES = ('<p><a href="/documents/10180/123/KH-45.pdf">Kế hoạch số 45/KH-STTTT</a></p>'
         '<p><a href="/c/document_library/get_file?uuid=ab12&groupId=10180">Phụ lục kèm theo</a></p>'
         '<p><a href="/DownloadFile.aspx?id=77">Quyết định số 123/QĐ-STTTT</a></p>')


def liferay(title: str, body: str) -> bytes:
    return f"""<html><head><meta charset="utf-8"><title>Sở Thông tin và Truyền thông Hà Nội</title></head><body>
<div class="portlet-boundary"><ul class="menu">{MENU}</ul>{BREADCRUMB}
<div class="asset-full-content"><h3 class="header-title">{title}</h3>
<div class="metadata-publish-date">Ngày đăng 03/04/2024 | 10:36 PM</div>
<div class="asset-content">{body}</div></div></div>
<div class="footer">Cơ quan chủ quản: Sở Thông tin và Truyền thông Hà Nội</div></body></html>""".encode()


def unknown(title: str, body: str) -> bytes:
    return f"""<html><head><meta charset="utf-8"><title>{title} - Cổng thông tin điện tử huyện</title></head>
<body><div class="c1"><ul>{MENU}</ul></div><div class="c2">{BREADCRUMB}<h2>{title}</h2>
<div class="ngay">Cập nhật: 03/04/2024</div><div class="nd">{body}</div></div>
<div class="c3">Cơ quan chủ quản: UBND huyện</div></body></html>""".encode()


LAYOUTS = {"liferay": liferay, "unknown": unknown}
URLS = {"liferay": "https://sotttt.hanoi.gov.vn/-/view_content/{}", "unknown": "https://huyen.gov.vn/tin/{}.html"}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_two_sentence_notice_is_an_article(layout):
    title = "Thông báo lịch tiếp công dân tháng 4 năm 2024"
    r = extract_page(LAYOUTS[layout](title, TWO_SENTENCES), URLS[layout].format("1-tb"))
    assert r.is_article, r.reason
    assert r.title == title and r.published_at.startswith("2024-04-03")
    assert r.text.startswith("Sở Thông tin và Truyền thông thông báo") and "Cơ quan chủ quản" not in r.text


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_post_that_is_only_attachments_keeps_them(layout):
    title = "Kế hoạch triển khai chuyển đổi số năm 2024"
    r = extract_page(LAYOUTS[layout](title, FILES), URLS[layout].format("2-kh"))
    host = URLS[layout].split("/-/")[0].split("/tin/")[0]
    assert r.is_article, r.reason
    assert r.title == title and r.published_at.startswith("2024-04-03")
    assert r.attachments == [
        {"label": "Kế hoạch số 45/KH-STTTT", "url": f"{host}/documents/10180/123/KH-45.pdf"},
        {"label": "Phụ lục kèm theo", "url": f"{host}/c/document_library/get_file?uuid=ab12&groupId=10180"},
        {"label": "Quyết định số 123/QĐ-STTTT", "url": f"{host}/DownloadFile.aspx?id=77"},
    ]
    assert f"Kế hoạch số 45/KH-STTTT ({host}/documents/10180/123/KH-45.pdf)" in r.text


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_notice_with_text_and_a_file(layout):
    r = extract_page(LAYOUTS[layout]("Thông báo tuyển dụng", TWO_SENTENCES + FILES.split("</p>")[0] + "</p>"),
                     URLS[layout].format("3-td"))
    assert r.is_article and len(r.attachments) == 1 and r.attachments[0]["url"].endswith("KH-45.pdf")
    assert json.dumps(r.attachments, ensure_ascii=False)


def test_an_undated_short_page_is_still_not_an_article():
    page = unknown("Giới thiệu", "<p>Trang đang được cập nhật.</p>").replace(
        "Cập nhật: 03/04/2024".encode(), b"")
    r = extract_page(page, "https://x.gov.vn/gioi-thieu")
    assert not r.is_article and r.reason.startswith("too little text")


def test_a_list_of_dated_links_is_still_a_listing():
    rows = "".join(f'<p><a href="/tin/{i}">Tin số {i} về công tác dân vận của huyện nhà</a> (0{i % 9 + 1}/04/2024)</p>'
                   for i in range(12))
    r = extract_page(unknown("Tin tức", rows), "https://x.gov.vn/tin-tuc")
    assert not r.is_article


@pytest.mark.parametrize("url", ["https://x.gov.vn/a.pdf", "https://x.gov.vn/DownloadFile.aspx?id=1",
                                 "https://x.gov.vn/documents/1/2/file", "https://x.gov.vn/tai-ve/3",
                                 "https://x.gov.vn/LinkClick.aspx?fileticket=Ab3Xy%3d&tabid=55&mid=420",  # DNN
                                 "https://x.gov.vn/Handler/FileHandler.ashx?fileid=12",
                                 "https://x.gov.vn/ViewFile.aspx?id=12", "https://x.gov.vn/Portal/ShowFile.aspx?id=4",
                                 "https://x.gov.vn/vanban/chitiet?FileID=12",
                                 "https://x.gov.vn/uploads/files/12", "https://x.gov.vn/Upload/TaiLieu/2024/a8f3c"])
def test_document_links(url):
    assert is_document(url)


@pytest.mark.parametrize("url", ["https://x.gov.vn/tin/a.html", "https://x.gov.vn/Pages/x.aspx",
                                 "https://x.gov.vn/LinkClick.aspx?link=123&tabid=55",  # DNN's link to a page
                                 "https://x.gov.vn/Ajax/LoadMore.ashx?cat=3&skip=10",  # a listing's "load more"
                                 "https://x.gov.vn/uploads/2024/",  # a folder
                                 "https://x.gov.vn/uploads/images/anh-1.jpg"])  # a picture
def test_pages_are_not_documents(url):
    assert not is_document(url)


@pytest.mark.parametrize("files", [3, 1])
def test_a_dotnetnuke_notice_of_its_files_alone_is_an_article_with_them(files):
    links = "".join(f'<p><a href="/LinkClick.aspx?fileticket=Ab{i}Xy%3d&amp;tabid=55&amp;mid=420">Quyết định số '
                    f'{100 + i}/QĐ-UBND về việc công nhận kết quả xét tuyển đợt {i}</a></p>' for i in range(files))
    r = extract_page(unknown("Thông báo kết quả xét tuyển viên chức năm 2024", links),
                     "https://huyen.gov.vn/tin/4-tb.html")
    assert r.is_article, r.reason
    assert [a["url"] for a in r.attachments] == [
        f"https://huyen.gov.vn/LinkClick.aspx?fileticket=Ab{i}Xy%3d&tabid=55&mid=420" for i in range(files)]



def test_a_notice_of_one_extensionless_upload_alone_is_an_article_with_it():
    links = '<p><a href="/uploads/files/12">Quyết định số 100/QĐ-UBND về việc công nhận kết quả xét tuyển</a></p>'
    r = extract_page(unknown("Thông báo kết quả xét tuyển viên chức năm 2024", links),
                     "https://huyen.gov.vn/tin/4-tb.html")
    assert r.is_article, r.reason
    assert [a["url"] for a in r.attachments] == ["https://huyen.gov.vn/uploads/files/12"]

HOSTED = ["https://drive.google.com/file/d/1AbC-xyz/view?usp=sharing", "https://drive.google.com/open?id=1AbC",
          "https://docs.google.com/document/d/1AbC/edit", "https://docs.google.com/spreadsheets/d/1AbC/edit",
          "https://www.dropbox.com/s/abc/thong-bao?dl=0", "https://1drv.ms/b/s!AbC"]


@pytest.mark.parametrize("url", HOSTED)
def test_files_on_hosting_services_are_hosted_files_not_documents_to_fetch(url):
    assert is_hosted_file(url) and not is_document(url)


@pytest.mark.parametrize("url", ["https://drive.google.com/drive/folders/1AbC", "https://docs.google.com/forms/d/e/1/viewform",
                                 "https://www.google.com/maps/d/viewer?mid=1"])
def test_a_hosting_services_folders_forms_and_maps_are_no_files(url):
    assert not is_hosted_file(url)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_notice_that_is_only_a_link_to_its_file_on_google_drive_is_an_article_with_it(layout):
    title = "Thông báo về việc tuyển dụng viên chức năm 2024"
    link = f'<p><a href="{HOSTED[0]}">Xem văn bản</a></p>'
    r = extract_page(LAYOUTS[layout](title, link), URLS[layout].format("4-tb"))
    assert r.is_article, r.reason
    assert [a["url"] for a in r.attachments] == [HOSTED[0]]


def test_a_notice_in_a_layout_table_is_its_lines_not_a_table_row():
    """The title's block of a notice laid out in a table is the layout table itself (its sidebar
    cell went with the boilerplate): its text is the notice's line, not "| title date line |"."""
    sidebar = "".join(f"<li><a href='/tin/{k}.html'>Tin khác số {k} của huyện trong tháng này</a></li>"
                      for k in range(12))
    page = (f"<html><head><meta charset='utf-8'><title>Thông báo lịch tiếp công dân tháng 4</title></head><body>"
            f"<table><tr><td class='main'><div class='box'><h1>Thông báo lịch tiếp công dân tháng 4</h1>"
            f"<div class='ngay'>Ngày 03/04/2024</div><div class='nd'><p>Chi tiết xem tại văn bản đính kèm./.</p>"
            f"</div></div></td><td class='side'><ul>{sidebar}</ul></td></tr></table></body></html>").encode()
    result = extract_page(page, "http://huyen.gov.vn/tin/thong-bao-lich-tiep-cong-dan.html")
    assert result.is_article
    assert result.text == "Chi tiết xem tại văn bản đính kèm./."


def test_a_notice_whose_block_is_the_whole_layout_table_reads_as_lines():
    sidebar = "".join(f"<li><a href='/tin/{k}.html'>Tin khác số {k} của huyện Mỹ Thành trong tháng</a></li>"
                      for k in range(12))
    page = ("<html><head><meta charset='utf-8'><title>Bài số 20: huyện Mỹ Thành triển khai kế hoạch</title>"
            "</head><body><div class='menu'><a href='/'>Trang chủ</a></div><table><tr><td class='main'>"
            "<div class='box'><h1>Bài số 20: huyện Mỹ Thành triển khai kế hoạch</h1><div class='ngay'>"
            "Ngày 21/03/2024</div><div class='noidung'><p>Chi tiết xem tại văn bản đính kèm./.</p></div></div>"
            f"</td><td class='side'><ul>{sidebar}</ul></td></tr></table><div class='footer'>Cơ quan chủ quản: "
            "UBND huyện Mỹ Thành</div></body></html>").encode()
    result = extract_page(page, "http://mythanh.gov.vn/tin/bai-20.html")
    assert result.is_article and result.text == "Chi tiết xem tại văn bản đính kèm./."


def test_a_section_page_of_headlines_each_with_its_day_is_a_listing():
    """The list goes with the boilerplate and trafilatura reads the page: its lines are the
    headlines' links and, apart, their days; the section's heading is no post's title."""
    rows = "".join(f"<li><a href='/tin/{i}.html'>Huyện tổ chức hội nghị số {i} về công tác dân vận</a> "
                   f"({i + 1:02d}/03/2024)</li>" for i in range(10))
    page = ("<html><head><meta charset='utf-8'><title>Tin hoạt động - Cổng thông tin điện tử huyện</title></head>"
            f"<body><div class='menu'><a href='/'>Trang chủ</a></div><div class='ct'><h1>Tin hoạt động</h1>"
            f"<ul>{rows}</ul></div></body></html>").encode()
    result = extract_page(page, "http://huyen.gov.vn/tin-hoat-dong")
    assert not result.is_article and result.rejection == "listing"


def test_a_section_page_showing_its_newest_item_in_full_above_its_list_is_a_listing():
    """No pager to tell (a "Xem thêm" button loads the rest): the section's name is the only
    heading of its own, and the text under it is another page's headline and lead."""
    lead = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân huyện đã tổ chức hội nghị tổng kết công tác dân vận năm "
                   "2023, đánh giá kết quả và đề ra nhiệm vụ trọng tâm.</p>" for i in range(3))
    rows = "".join(f"<li><a href='/tin/{i}.html'>Huyện triển khai kế hoạch số {i} về chuyển đổi số năm 2024</a>"
                   f" <span>({i + 1:02d}/03/2024)</span></li>" for i in range(10))
    page = ("<html><head><meta charset='utf-8'><title>Tin hoạt động - Cổng thông tin điện tử huyện</title></head>"
            "<body><div class='menu'><a href='/'>Trang chủ</a></div><div class='ct'><h2>Tin hoạt động</h2>"
            "<div class='featured'><h3><a href='/tin/99.html'>Huyện tổ chức hội nghị tổng kết công tác dân vận"
            f"</a></h3><div class='date'>12/03/2024</div>{lead}</div><ul>{rows}</ul></div></body></html>").encode()
    result = extract_page(page, "http://huyen.gov.vn/tin-hoat-dong")
    assert not result.is_article and result.rejection == "listing"


SECTION_FRAME = ("<html><head><title>Thông báo - Cổng thông tin điện tử huyện Tân Phú</title></head><body>"
                 "<div class='main'><div class='cat'>Thông báo</div>{}</div></body></html>")
NOTICE_TITLE = "Thông báo số 12/TB-UBND về việc lịch tiếp công dân tháng 3"


def test_a_notices_heading_is_its_title_though_the_title_tag_names_only_its_section():
    notice = (f"<div class='detail'><h2>{NOTICE_TITLE}</h2><div class='d'>Ngày đăng: 05/03/2024</div>"
              "<div class='nd'><p><a href='/upload/tb-12.pdf'>tb-12.pdf</a></p></div></div>")
    result = extract_page(SECTION_FRAME.format(notice).encode(), "https://tanphu.gov.vn/thong-bao/tb-12.html")
    assert (result.is_article, result.title, len(result.attachments)) == (True, NOTICE_TITLE, 1)


def headlines(count: int) -> str:
    return "".join(f"<li><a href='/tin/bai-{i}-{i * 7}.html'>Bài số {i}: huyện Tân Phú triển khai nhiều hoạt động "
                   f"trong tháng</a> ({i + 1:02d}/03/2024)</li>" for i in range(count))


def featured(href: str) -> str:
    prose = ("<p>Tại hội nghị, đồng chí Chủ tịch UBND huyện đã quán triệt các chỉ tiêu chủ yếu của năm, trong đó "
             "tập trung vào tăng trưởng kinh tế và xây dựng nông thôn mới nâng cao.</p>")
    return (f"<div class='featured'><h2><a href='{href}'>Hội nghị triển khai nhiệm vụ phát triển kinh tế năm 2024"
            f"</a></h2><p>12/03/2024</p>{prose * 2}</div>")


def test_a_page_whose_title_links_to_another_post_among_headlines_is_a_section_page():
    page = SECTION_FRAME.format(featured("/tin/bai-99.html") + f"<ul>{headlines(6)}</ul>")
    assert extract_page(page.encode(), "https://tanphu.gov.vn/tin-tuc?page=3").rejection == "listing"


def test_a_post_whose_title_links_to_itself_in_another_form_stays_an_article():
    page = SECTION_FRAME.format(featured("/index.php?option=com_content&id=4567") + f"<ul>{headlines(6)}</ul>")
    result = extract_page(page.encode(), "https://tanphu.gov.vn/tin-tuc/4567-hoi-nghi-trien-khai.html")
    assert result.is_article


def featured_unlinked(more: str, paragraphs: int = 2) -> str:
    prose = ("<p>Tại hội nghị, đồng chí Chủ tịch UBND huyện đã quán triệt các chỉ tiêu chủ yếu của năm, trong đó "
             "tập trung vào tăng trưởng kinh tế và xây dựng nông thôn mới nâng cao.</p>")
    return (f"<div class='featured'><h2>Hội nghị triển khai nhiệm vụ phát triển kinh tế năm 2024</h2>"
            f"<p>12/03/2024</p>{prose * paragraphs}{more}</div>")


@pytest.mark.parametrize("more", ["<a href='/tin/bai-99.html'>Xem tiếp</a>",
                                  "<a href='/tin/bai-99.html'>Đọc thêm...</a>",
                                  "<a href='/tin/bai-99.html'>Xem chi tiết →</a>",
                                  "<a href='/tin/bai-99.html'>[Xem thêm]</a>",
                                  "<a href='/tin/bai-99.html'><img src='/a.jpg'/></a>"])
def test_a_post_shown_above_a_list_that_reads_on_elsewhere_is_a_section_page(more):
    page = SECTION_FRAME.format(featured_unlinked(more) + f"<ul>{headlines(6)}</ul>")
    assert extract_page(page.encode(), "https://tanphu.gov.vn/tin-tuc").rejection == "listing"


@pytest.mark.parametrize("section", ["/tin", "/tin/default.aspx", "/"])
def test_an_article_whose_xem_them_links_its_section_stays_an_article(section):
    # "Xem thêm" under an article's related list links the section's page, not a post of its own
    article = (featured_unlinked(f"<a href='{section}'>[Xem thêm]</a>", 3)
               + f"<div class='other'><b>Tin khác</b><ul>{headlines(6)}</ul></div>")
    result = extract_page(SECTION_FRAME.format(article).encode(), "https://tanphu.gov.vn/tin/hoi-nghi-2024.html")
    assert result.is_article


def test_an_article_whose_xem_them_links_its_original_elsewhere_stays_an_article():
    # a post taken from another paper names it, and "Xem thêm" links the original there
    article = (featured_unlinked("<p>Nguồn: Báo Chính phủ <a href='https://baochinhphu.vn/bai-goc-123.htm'>"
                                 "[Xem thêm]</a></p>", 3) + f"<ul>{headlines(6)}</ul>")
    result = extract_page(SECTION_FRAME.format(article).encode(), "https://tanphu.gov.vn/tin/hoi-nghi-2024.html")
    assert result.is_article


TABLE_ROWS = [("Kế hoạch tổ chức các hoạt động kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước", "17/06/2024"),
              ("Xã Phú Lợi ra quân làm đường giao thông nông thôn", "10/04/2024"),
              ("Xã Phú Lợi ra quân làm đường giao thông nông thôn", "19/10/2024"),
              ("Thông báo về việc tuyển dụng viên chức năm 2024", "18/03/2024"),
              ("Kế hoạch tổ chức các hoạt động kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước", "24/02/2024"),
              ("Huyện Tân Phú tổ chức Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2024", "25/04/2024"),
              ("Thông báo về việc tuyển dụng viên chức năm 2024", "07/07/2024"),
              ("UBND tỉnh: Đẩy mạnh chuyển đổi số trong cải cách hành chính", "05/07/2024"),
              ("Xã Phú Lợi ra quân làm đường giao thông nông thôn", "11/03/2024")]


def test_a_list_of_rows_in_a_layout_table_is_a_listing():
    # no block holds text, and trafilatura reads the table's row as one line: the side column's
    # heading, the section's name, two of the headlines with their days
    rows = "".join(f"<div class='row'><a href='/tin/bai-{n}.html'>{title} (tin {n})</a><div class='d'>{day}</div></div>"
                   for n, (title, day) in enumerate(TABLE_ROWS))
    side = "<div class='side'><h2>Tin mới nhất</h2><ul>" + "".join(
        f"<li><a href='/tin/tin-{i}.html'>Tin tức số {i} về hoạt động của huyện trong tuần</a> "
        f"<span class='date'>(1{i}/02/2024)</span></li>" for i in range(6)) + "</ul></div>"
    page = ("<html><head><title>Tin tức - Cổng thông tin điện tử huyện Tân Phú</title></head><body>"
            "<ul class='menu'><li><a href='/'>Trang chủ</a></li><li><a href='/tin-tuc'>Tin tức</a></li></ul><table>"
            f"<tr><td>{side}</td><td><h1>Tin tức - Sự kiện</h1>{rows}</td></tr></table></body></html>")
    assert extract_page(page.encode(), "https://tanphu.gov.vn/tin-tuc?page=3").rejection == "listing"


EXCERPT_HEADLINES = ["UBND tỉnh: Đẩy mạnh chuyển đổi số trong cải cách hành chính",
                     "Huyện Tân Phú tổ chức Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2024",
                     "Xã Phú Lợi ra quân làm đường giao thông nông thôn"]


@pytest.mark.parametrize("more", ["Đọc thêm", "[Xem thêm]", ""])
@pytest.mark.parametrize("frame", [
    "<div class='side'><h3>Tin mới</h3><ul>{side}</ul></div><div class='main'>{posts}</div>",
    # a layout table, the section's name over the posts: trafilatura reads the cell as one line
    "<table><tr><td><div class='side'><h3>TIN XEM NHIỀU</h3><ul>{side}</ul></div></td>"
    "<td><h1>TIN TỨC</h1>{posts}</td></tr></table>"])
def test_a_section_page_of_excerpts_each_cut_short_is_a_listing(more, frame):
    # WordPress's archive: each post's linked headline, its day and its excerpt, which boilerplate
    # removal takes as other posts' teasers, leaving trafilatura's reading of the excerpts alone
    posts = "".join(f"<article><h2 class='entry-title'><a href='/tin-tuc/bai-{n}-1.html'>{EXCERPT_HEADLINES[n % 3]} "
                    f"(tin {n})</a></h2><div class='meta'>1{n}/03/2024</div><p>Sáng ngày {n + 1}/3, UBND huyện tổ "
                    "chức hội nghị sơ kết công tác tháng và triển khai nhiệm vụ tháng tới với sự […] "
                    f"<a href='/tin-tuc/bai-{n}.html'>{more}</a></p></article>" for n in range(6))
    side = "".join(f"<li><a href='/t{n}'>Tin tức số {n} về hoạt động của huyện trong tuần</a> (1{n}/02/2024)</li>"
                   for n in range(6))
    page = ("<html><head><title>TIN TỨC - Cổng thông tin điện tử huyện Tân Phú</title></head><body>"
            + frame.format(side=side, posts=posts) + "</body></html>")
    assert extract_page(page.encode(), "https://tanphu.gov.vn/tin-tuc?page=9").rejection == "listing"


def test_a_short_teaser_among_dated_entries_is_a_listing_not_a_dead_end():
    page = SECTION_FRAME.format(featured_unlinked("<a href='/tin/bai-99.html'>Xem tiếp</a>", 1)
                                + f"<ul>{headlines(6)}</ul>")
    assert extract_page(page.encode(), "https://tanphu.gov.vn/tin-tuc").rejection == "listing"


def test_a_notice_that_links_its_documents_page_stays_a_notice():
    notice = (f"<div class='detail'><h2>{NOTICE_TITLE}</h2><div class='d'>Ngày đăng: 05/03/2024</div>"
              "<div class='nd'><p>Nội dung thông báo xem tại văn bản. <a href='/van-ban/12'>Chi tiết</a></p>"
              f"</div></div><div class='other'><b>Thông báo khác</b><ul>{headlines(6)}</ul></div>")
    result = extract_page(SECTION_FRAME.format(notice).encode(), "https://tanphu.gov.vn/thong-bao/tb-12.html")
    assert (result.is_article, result.title) == (True, NOTICE_TITLE)


@pytest.mark.parametrize("shown", ["<p></p>", "<p><iframe src='https://www.youtube.com/embed/a1B2'></iframe></p>",
                                   "<video controls src='/upload/phong-su.mp4'></video>"])
def test_a_notice_that_is_a_file_alone_keeps_the_sections_other_headlines_out(shown):
    # no block holds text: trafilatura's reading alone, which holds the list beside the notice
    notice = (f"<div class='detail'><h2>{NOTICE_TITLE}</h2><div class='nd'>{shown}<p><a href='/upload/tb-12.pdf'>"
              f"tb-12.pdf</a></p></div><div class='d'>05/03/2024</div></div>"
              f"<div class='other'><b>Thông báo khác</b><ul>{headlines(6)}</ul></div>")
    result = extract_page(SECTION_FRAME.format(notice).encode(), "https://tanphu.gov.vn/thong-bao/tb-12.html")
    assert (result.is_article, result.title, len(result.attachments)) == (True, NOTICE_TITLE, 1)
    assert "Bài số" not in result.text and "Thông báo khác" not in result.text


@pytest.mark.parametrize("layout", [liferay, unknown])
def test_a_dated_photo_story_without_text_is_a_post(layout):
    photos = "".join(f"<p><img src='/anh/{i}.jpg'/></p>" for i in range(4))
    result = extract_page(layout("Một số hình ảnh tại Đại hội Đảng bộ huyện lần thứ XII", photos),
                          "http://x.gov.vn/tin-anh/12")
    assert result.is_article and result.published_at[:10] == "2024-04-03"


@pytest.mark.parametrize("picture", ["<img src='/Uploads/tb-tiep-dan.jpg'/>",
                                     "<a href='/Uploads/tb-tiep-dan.jpg'><img src='/Uploads/tb-tiep-dan.jpg'/></a>"])
def test_a_dated_notice_that_is_one_picture_of_its_page_is_a_post(picture):
    # a commune's notice is often its signed page scanned, the picture alone (opening larger)
    result = extract_page(unknown("Thông báo lịch tiếp công dân tháng 8 năm 2024", f"<p>{picture}</p>"),
                          "http://x.gov.vn/tb/8")
    assert result.is_article and result.published_at[:10] == "2024-04-03"


def test_linked_thumbnails_without_text_are_no_photo_story():
    thumbs = "".join(f"<p><a href='/tin/{i}'><img src='/anh/{i}.jpg'/></a></p>" for i in range(4))
    assert not extract_page(unknown("Thư viện ảnh", thumbs), "http://x.gov.vn/thu-vien-anh").is_article


def test_a_files_table_of_download_links_names_each_file_by_its_row():
    rows = "".join(f"<tr><td>{i}</td><td>Phụ lục {i} kèm theo kế hoạch</td><td>245 KB</td>"
                   f"<td><a href='/upload/pl-{i}.pdf'>Tải về</a></td></tr>" for i in (1, 2))
    body = f"<p>Chi tiết xem tại văn bản đính kèm./.</p><table>{rows}</table>"
    result = extract_page(unknown("Kế hoạch số 45/KH-UBND về chuyển đổi số", body), "http://x.gov.vn/kh/45")
    assert [a["label"] for a in result.attachments] == ["Phụ lục 1 kèm theo kế hoạch", "Phụ lục 2 kèm theo kế hoạch"]


def test_a_download_link_outside_a_table_is_named_by_its_file():
    body = "<p>Chi tiết xem tại văn bản đính kèm./. <a href='/upload/ke-hoach-45.pdf'>Tải về</a></p>"
    result = extract_page(unknown("Kế hoạch số 45/KH-UBND về chuyển đổi số", body), "http://x.gov.vn/kh/45")
    assert [a["label"] for a in result.attachments] == ["ke-hoach-45.pdf"]


TIMETABLE = "<table>" + "".join(
    f"<tr><td>Thứ {d}, 0{d + 1}/04/2024</td><td>Sáng: Chủ tịch UBND huyện dự họp giao ban tại tỉnh. Chiều: làm "
    f"việc tại trụ sở.</td><td>Phòng họp số {d}</td></tr>" for d in range(2, 7)) + "</table>"


@pytest.mark.parametrize("layout", [liferay, unknown])
def test_a_weeks_timetable_dated_by_its_title_is_a_post(layout):
    """Its rows are days, as a listing's are, but they link nowhere: "Lịch công tác tuần 14"."""
    result = extract_page(layout("Lịch công tác tuần 14 năm 2024 của Thường trực UBND", TIMETABLE))
    assert result.is_article, result.reason
    assert "Chủ tịch UBND huyện dự họp giao ban" in result.text


def test_dated_rows_that_link_to_other_pages_are_a_listing():
    rows = "".join(f"<p><a href='/tin/{d}'>Hội nghị tổng kết công tác của xã số {d} năm 2024</a> (0{d}/04/2024)</p>"
                   for d in range(1, 8))
    assert not extract_page(unknown("Tin hoạt động", rows)).is_article


@pytest.mark.parametrize("player", [
    "<iframe width='560' height='315' src='https://www.youtube.com/embed/x1Y2z3'></iframe>",
    "<video controls><source src='/uploads/video/phong-su.mp4' type='video/mp4'></video>",
    "<object data='/player.swf'><param name='flashvars' value='file=/uploads/phong-su.flv'></object>",
])
def test_a_dated_video_story_is_a_post_without_text(player):
    result = extract_page(unknown("Phóng sự: Huyện Mỹ Thành về đích nông thôn mới", f"<p>{player}</p>"))
    assert result.is_article, result.reason


def test_a_dated_page_showing_a_map_and_no_text_is_no_post():
    frame = "<iframe src='https://www.google.com/maps/embed?pb=!1m18'></iframe>"
    assert not extract_page(unknown("Bản đồ hành chính huyện Mỹ Thành", frame)).is_article


def test_a_timetables_first_day_is_not_its_date():
    """Dated below its rows, the timetable's first row ("Thứ 2, 03/04/2024") was taken for its day."""
    page = (f"<html><head><meta charset='utf-8'><title>Cổng thông tin điện tử huyện</title></head><body>"
            f"<div class='c1'><ul>{MENU}</ul></div><div class='detail'><h1>Lịch công tác tuần 14 của UBND "
            f"huyện</h1><div class='nd'>{TIMETABLE}<p><a href='/upload/lich-14.pdf'>lich-14.pdf</a></p></div>"
            "<div class='d'>29/03/2024 | Lượt xem: 37</div></div></body></html>")
    result = resolve_date(extract_page(page.encode()))
    assert result.is_article and result.published_at == "2024-03-29"


def test_a_notice_above_an_other_news_box_keeps_its_block():
    # the box's heading ("Các tin khác") took with it the smallest block around it that held no
    # prose: the notice's whole column, title, day and file
    notice = (f"<div class='newsdetail'><span class='tieude'>{NOTICE_TITLE}</span><br/>"
              "<span class='ngaydang'>05/03/2024 08:30:00</span><div><p>Chi tiết xem tại văn bản đính kèm./.</p>"
              "<p><a href='/upload/tb-12.pdf'>tb-12.pdf</a></p></div><div class='tinkhac'><b>Các tin khác</b><ul>"
              "<li><a href='/a1'>Tin khác số một của huyện</a> (01/03/2024)</li></ul></div></div>")
    result = resolve_date(extract_page(SECTION_FRAME.format(notice).encode(),
                                       "https://tanphu.gov.vn/thong-bao/tb-12.html"))
    assert (result.is_article, result.title, result.published_at[:10]) == (True, NOTICE_TITLE, "2024-03-05")
    assert [a["url"] for a in result.attachments] == ["https://tanphu.gov.vn/upload/tb-12.pdf"]


def documents_table(dated: bool) -> str:
    rows = "".join(f"<tr><td>{n}/KH-UBND</td>{f'<td>0{n}/03/2024</td>' if dated else ''}<td>Kế hoạch số {n} về "
                   f"công tác cải cách hành chính năm 2024</td><td><a href='/upload/kh-{n}.pdf'>Tải về</a></td></tr>"
                   for n in range(1, 5))
    return f"<table class='vb'>{rows}</table>"


def test_a_table_of_documents_each_with_its_day_is_a_listing():
    page = SECTION_FRAME.format(f"<h2>Văn bản chỉ đạo điều hành</h2>{documents_table(dated=True)}")
    assert extract_page(page.encode(), "https://tanphu.gov.vn/van-ban").rejection == "listing"


def test_a_notice_with_a_table_of_its_files_stays_a_notice():
    notice = (f"<div class='detail'><h2>{NOTICE_TITLE}</h2><div class='d'>Ngày đăng: 05/03/2024</div>"
              f"<div class='nd'><p>Các tài liệu kèm theo:</p>{documents_table(dated=False)}</div></div>")
    result = extract_page(SECTION_FRAME.format(notice).encode(), "https://tanphu.gov.vn/thong-bao/tb-12.html")
    assert (result.is_article, result.title, len(result.attachments)) == (True, NOTICE_TITLE, 4)


def test_a_sharepoint_notice_of_a_file_alone_is_stored_with_it():
    # SharePoint's profile names the title's block (<div class="news-title"><h2>); its own
    # heading was taken for another one, and the notice's block was not found: "no text block"
    notice = ("<div id='s4-bodyContainer'><table class='ms-news'><tr class='ms-news-header'>"
              "<td class='FolderTitle'>Thông báo</td><td class='Time'>05/03/2024</td></tr></table>"
              f"<div class='news-title'><h2>{NOTICE_TITLE}</h2></div><div class='ms-rtestate-field'>"
              "<div class='ExternalClass8F2B'><p><a href='/upload/tb-12.pdf'>tb-12.pdf</a></p></div></div></div>")
    result = resolve_date(extract_page(SECTION_FRAME.format(notice).encode(),
                                       "https://tanphu.gov.vn/Lists/ThongBao/View_Detail.aspx?ItemID=12"))
    assert (result.is_article, result.title, result.published_at[:10]) == (True, NOTICE_TITLE, "2024-03-05")
    assert [a["url"] for a in result.attachments] == ["https://tanphu.gov.vn/upload/tb-12.pdf"]


LEAD = ("Sáng nay, Ủy ban nhân dân huyện tổ chức hội nghị sơ kết công tác 6 tháng đầu năm, triển khai nhiệm "
        "vụ trọng tâm 6 tháng cuối năm với sự tham dự của lãnh đạo các phòng, ban, ngành.")


def _section(items: str, featured: str = "") -> bytes:
    return ("<html><head><title>Tin hoạt động - Cổng TTĐT huyện Tân Phú</title></head><body><div class='header'>"
            f"Cổng thông tin điện tử huyện Tân Phú</div><div class='main'><h1>Tin hoạt động</h1>{featured}{items}"
            "</div></body></html>").encode()


def _headline(n: int) -> str:
    return f"Huyện Tân Phú tổ chức hoạt động số {n} về phát triển kinh tế xã hội"


@pytest.mark.parametrize("form", ["rows", "items"])
def test_a_section_page_of_headlines_and_leads_is_a_listing_not_an_empty_article(form):
    if form == "rows":
        items = "<table>" + "".join(f"<tr><td><img src='/i{n}.jpg'></td><td><a href='/tin/{n}.html'><b>{_headline(n)}"
                                    f"</b></a><br>{LEAD}</td></tr>" for n in range(3)) + "</table>"
    else:
        items = "<ul>" + "".join(f"<li><a href='/tin/{n}.html'>{_headline(n)}</a> ({n + 1}/08/2019)<div>{LEAD}</div>"
                                 "</li>" for n in range(3)) + "</ul>"
    r = extract_page(_section(items), "https://tanphu.gov.vn/tin-hoat-dong")
    assert (r.is_article, r.rejection) == (False, "listing"), (r.title, r.text)


def test_a_post_whose_headline_links_to_it_above_two_others_is_a_section_page():
    featured = (f"<div class='featured'><h2><a href='/tin/99.html'>Huyện Tân Phú sơ kết công tác 6 tháng đầu năm "
                f"2019</a></h2><p>{LEAD} {LEAD}</p></div>")
    items = "<ul>" + "".join(f"<li><a href='/tin/{n}.html'>{_headline(n)}</a> ({n + 1}/08/2019)<div>{LEAD}</div>"
                             "</li>" for n in range(2)) + "</ul>"
    r = extract_page(_section(items, featured), "https://tanphu.gov.vn/tin-hoat-dong")
    assert (r.is_article, r.rejection) == (False, "listing"), r.reason


def test_a_notice_of_a_line_and_one_link_to_its_decrees_page_is_an_article():
    # one link is no list, however long its text beside the notice's line
    body = ("<p>Ủy ban nhân dân huyện thông báo kết quả xét tuyển viên chức năm 2024 như sau:</p><p><a href="
            "'/van-ban/chi-tiet?id=7'>Quyết định số 107/QĐ-UBND về việc công nhận kết quả xét tuyển viên chức</a></p>")
    r = extract_page(unknown("Thông báo kết quả xét tuyển viên chức năm 2024", body), "https://huyen.gov.vn/tin/5.html")
    assert r.is_article, r.reason


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("line", ["<p>Xem văn bản</p>", "<p><a href='/van-ban/123.html'>Xem văn bản</a></p>"])
def test_a_dated_notice_of_one_short_line_is_an_article(layout, line):
    # its title and day make it a post, however few words stand under them
    r = extract_page(LAYOUTS[layout]("Thông báo tuyển dụng viên chức năm 2024", line), URLS[layout].format("4-tb"))
    assert (r.is_article, r.text) == (True, "Xem văn bản")


@pytest.mark.parametrize("opener", [
    "<a href='javascript:void(0)' onclick=\"window.open('/files/tb-45.pdf')\">Xem văn bản</a>",
    "<a href='#' onclick=\"window.open('/files/tb-45.pdf', '_blank')\">Xem văn bản</a>",
    "<a href=\"javascript:window.open('/files/tb-45.pdf')\">Xem văn bản</a>",
    "<button onclick=\"location.href='/files/tb-45.pdf'\">Xem văn bản</button>",
    "<span class='file' data-href='/files/tb-45.pdf'>Xem văn bản</span>",
    "<a href='#' onclick=\"openFile('/files/tb-45.pdf')\">Xem văn bản</a>",  # the portal's own function
    "<a class='btn' data-url='/files/tb-45.pdf'>Xem văn bản</a>",
    "<button data-file='/files/tb-45.pdf'>Xem văn bản</button>"])
def test_a_file_a_link_or_a_button_opens_by_script_is_the_notices_attachment(opener):
    r = extract_page(unknown("Thông báo tuyển dụng viên chức năm 2024", opener), URLS["unknown"].format("5-tb"))
    assert (r.is_article, r.attachments) == (True, [{"label": "Xem văn bản",
                                                     "url": "https://huyen.gov.vn/files/tb-45.pdf"}])


def test_a_link_of_its_own_keeps_its_address_whatever_its_click_opens():
    opener = "<a href='/tin/7.html' onclick=\"window.open('/files/tb-45.pdf')\">Tin liên quan đến thông báo</a>"
    r = extract_page(unknown("Thông báo tuyển dụng viên chức năm 2024", TWO_SENTENCES + opener),
                     URLS["unknown"].format("6-tb"))
    assert r.attachments == []


SEARCH_ROWS = "".join(
    f'<div class="r"><a href="/tin-tuc/bai-{i}-123.html">{title}</a><p>... Tại hội nghị, đồng chí Chủ tịch UBND '
    "huyện đã quán triệt các chỉ tiêu chủ yếu của năm 2024, trong đó tập trung vào tăng trưởng ...</p>"
    f"<span>{day}</span></div>"
    for i, (title, day) in enumerate([("Thông báo về việc tuyển dụng viên chức năm 2024", "23/06/2024"),
                                      ("Hội nghị sơ kết công tác 6 tháng đầu năm của huyện", "20/06/2024")]))


@pytest.mark.parametrize("head", ["<h1>Kết quả tìm kiếm</h1><p>Tìm thấy 125 kết quả cho từ khóa “nông thôn mới”</p>",
                                  "<h1>Tìm kiếm: nông thôn mới</h1>", "<h1>Từ khóa: chuyển đổi số</h1>"])
def test_a_searchs_or_a_tags_results_of_two_dated_rows_is_a_listing(head):
    # a row's lead reads as the page's text and its day as the page's date line
    side = "".join(f"<li><a href='/tin/{i}.html'>Tin tức số {i} về hoạt động của huyện</a></li>" for i in range(6))
    html = (f"<html><head><title>Kết quả tìm kiếm - Cổng TTĐT huyện Tân Phú</title></head><body><ul>{MENU}</ul>"
            f"<div><div class='side'><ul>{side}</ul></div><div class='main'>{head}{SEARCH_ROWS}</div></div>"
            "<div class='footer'>Cơ quan chủ quản: UBND huyện Tân Phú</div></body></html>")
    r = extract_page(html.encode(), "https://huyen.gov.vn/tim-kiem?q=nong+thon+moi")
    assert (r.is_article, r.rejection) == (False, "listing")


@pytest.mark.parametrize("title", ["Tìm kiếm tài năng trẻ năm 2024", "Tìm kiếm - cứu nạn trên biển"])
def test_a_post_whose_title_opens_on_search_is_a_post(title):
    assert extract_page(unknown(title, TWO_SENTENCES), URLS["unknown"].format("7-tk")).is_article


LONG_TEXT = TWO_SENTENCES * 4  # past a short post's length: no teaser rule is asked


@pytest.mark.parametrize("heading", ["<h2 class='entry-title'><a href='/tin-tuc/hoi-nghi-so-ket-123.html'>{}</a></h2>",
                                     "<h1><a href='/tin-tuc/hoi-nghi-so-ket-123.html'>{}</a></h1>"])
@pytest.mark.parametrize("address", ["https://huyen.gov.vn/category/tin-tuc/page/2/", "https://huyen.gov.vn/?cat=3"])
def test_a_sections_page_showing_one_post_whole_its_headline_linking_the_posts_page_is_a_listing(heading, address):
    # a blog's archive of one post: the post is stored from its own page, which the headline links
    title = "Hội nghị sơ kết công tác 6 tháng đầu năm 2024"
    html = unknown(title, LONG_TEXT).decode().replace(f"<h2>{title}</h2>", heading.format(title))
    r = extract_page(html.encode(), address)
    assert (r.is_article, r.rejection) == (False, "listing")


@pytest.mark.parametrize("link", ["/tin-tuc/hoi-nghi-so-ket-123.html?print=1", "/tin-tuc/123", "/tin-tuc/", "/",
                                  "https://baochinhphu.vn/hoi-nghi-so-ket-456.htm"])
def test_a_posts_headline_linking_its_own_page_in_another_form_its_section_or_a_source_keeps_it_a_post(link):
    title = "Hội nghị sơ kết công tác 6 tháng đầu năm 2024"
    html = unknown(title, LONG_TEXT).decode().replace(f"<h2>{title}</h2>", f"<h2><a href='{link}'>{title}</a></h2>")
    assert extract_page(html.encode(), "https://huyen.gov.vn/tin-tuc/hoi-nghi-so-ket-123.html").is_article


def test_a_table_of_files_whose_rows_open_them_by_script_stays_a_table():
    rows = "".join(f"<tr onclick=\"window.open('/files/qd-{i}.pdf')\"><td>{i}</td><td>Quyết định số {i}/QĐ-UBND "
                   f"về việc phê duyệt kế hoạch năm 2024</td><td>0{i}/04/2024</td></tr>" for i in range(1, 8))
    r = extract_page(unknown("Văn bản chỉ đạo điều hành", f"<table>{rows}</table>"), "https://huyen.gov.vn/van-ban")
    assert r.attachments == []


# LacViet's news part on SharePoint: the category and the day in a table of their own above the
# post's table, whose rows are the title, the lead, the text and the file; the tools under it
LACVIET = ("<html><head><title>Trang Thông Tin Điện Tử huyện Tân Phú</title></head><body>"
           "<ul class='menu'><li><a href='/'>Trang chủ</a></li><li><a href='/tin-tuc'>Tin tức</a></li>"
           "<li><a href='/thong-bao'>Thông báo</a></li></ul><div class='snCenter'><div class='ms-WPBody'>"
           "<div class='container_top_mid2'><table><tr class='ms-news-header'><td class='FolderTitle'>"
           "Thông báo</td><td class='Time'>09/01/2020</td></tr></table></div><div id='part1'>"
           "<table id='tableforprint'><tr><td><p class='Title'>{title}</p></td></tr>"
           "<tr><td><b class='lv_description_mode1'> </b></td></tr><tr><td><div class='ExternalClass'>"
           "<p><br/></p></div></td></tr><tr><td class='td_ct2'><div class='htvb_Att_img'>Nhấn vào để xem "
           "<a class='htvb_ahref' href='/img/01-TB-UBND_2020.PDF'>: chi tiết<img src='/i/doc.png'/></a>"
           "</div></td></tr></table><br/><span class='css_readCounter'>Số lượt người xem : <b></b></span>"
           "<span class='css_printandback'><a class='print' href='javascript: popuponclick()'> Bản in </a>"
           "</span></div></div></div><div class='snRight'><div class='ms-navheader'><span>Bản đồ hành chính"
           "</span></div><a href='/ban-do/'><img src='/i/bando.png'/></a></div></body></html>")


def test_a_notice_of_a_file_under_its_title_is_not_taken_with_the_print_tool_under_it():
    title = "Thông báo về lịch tiếp công dân của Lãnh đạo UBND huyện 6 tháng đầu năm 2020"
    r = resolve_date(extract_page(LACVIET.format(title=title).encode(), "http://tanphu.gov.vn/01-tb-ubnd/"))
    assert (r.is_article, r.title, r.published_at[:10]) == (True, title, "2020-01-09")
    assert r.attachments == [{"label": "01-TB-UBND_2020.PDF", "url": "http://tanphu.gov.vn/img/01-TB-UBND_2020.PDF"}]
    assert "Số lượt" not in r.text and "Bản in" not in r.text


def test_a_notices_block_stops_short_of_the_pages_side_column():
    # the right column's heading over a map's picture was all boilerplate removal left of it
    title = "Thông báo về lịch tiếp công dân của Lãnh đạo UBND huyện 6 tháng đầu năm 2020"
    r = extract_page(LACVIET.format(title=title).encode(), "http://tanphu.gov.vn/01-tb-ubnd/")
    assert r.is_article and "Bản đồ" not in r.text
