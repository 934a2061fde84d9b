"""Article pages of platforms no profile knows, read by the generic path as a crawl meets them.

NukeViet (VINADES' open-source CMS, and its eGovernment edition that district and commune portals
run): its news module's detail page, after ``themes/egov/modules/news/detail.tpl``, with the
head its ``detail.php`` writes (``article:published_time`` from PHP's ``date('Y-m-dTH:i:s')``).
An ASP.NET WebForms portal of a local vendor (labels ``lblTitle``, ``lblDate``, a short bold
``lblSummary``), Drupal 7's node (RDFa, "Gửi bởi admin vào T4, …"), DotNetNuke's EasyDNNnews
and Joomla 1.5's article with its buttons' pictures by the title.
"""

from __future__ import annotations

import pytest

from crawler.extraction import extract_page, resolve_date

URL = "http://tanphuoc.tiengiang.gov.vn/tin-hoat-dong/huyen-uy-to-chuc-hoi-nghi-so-ket-1234.html"
TITLE = "Huyện ủy tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm 2019"
LEAD = "Sáng ngày 7/8/2019, Huyện ủy Tân Phước tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm."
PARAGRAPHS = [
    "Dự hội nghị có đồng chí Bí thư Huyện ủy; các đồng chí trong Ban Thường vụ Huyện ủy, lãnh đạo "
    "các ban, ngành, đoàn thể huyện và Bí thư các tổ chức cơ sở đảng.",
    "Theo báo cáo, 6 tháng đầu năm 2019, tình hình kinh tế - xã hội của huyện tiếp tục phát triển; "
    "tổng giá trị sản xuất ước đạt 3.245 tỷ đồng, tăng 8,2% so với cùng kỳ.",
]


def related(items: list[tuple[str, str]]) -> str:
    return "".join(f'<li><em class="fa fa-angle-right">&nbsp;</em><a href="/tin-hoat-dong/{n}.html" '
                   f'title="{t}"><h4>{t}</h4></a><em>({d})</em></li>' for n, (t, d) in enumerate(items))


def nukeviet(published_meta: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    newer = related([("UBND huyện họp phiên thường kỳ tháng 8", "12/08/2019"),
                     ("Ra quân vệ sinh môi trường", "10/08/2019")])
    older = related([("Hội nghị công tác dân vận", "01/08/2019")])
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{TITLE} - Tin hoạt động - Cổng thông tin điện tử huyện Tân Phước</title>
<meta name="generator" content="NukeViet v4.3" />
<meta property="og:title" content="{TITLE}" /><meta property="og:type" content="article" />
<meta property="og:site_name" content="Cổng thông tin điện tử huyện Tân Phước" />
<meta property="article:published_time" content="{published_meta}" />
<meta property="article:section" content="Tin hoạt động" /><link rel="canonical" href="{URL}" /></head>
<body><header><h2>HUYỆN TÂN PHƯỚC - TỈNH TIỀN GIANG</h2><ul><li><a href="/">Trang chủ</a></li>
<li><a href="/tin-hoat-dong/">Tin hoạt động</a></li></ul>
<div class="marquee">Hôm nay: Thứ sáu, 06/12/2024</div></header>
<div class="col-md-16"><ul class="breadcrumbs"><li><a href="/">Trang chủ</a></li>
<li><a href="/tin-hoat-dong/">
<span>Tin hoạt động</span></a></li></ul>
<div class="news_column panel panel-default newsdetail"><div class="panel-body">
<h1 class="title margin-bottom-lg">{TITLE}</h1>
<div class="row margin-bottom-lg newsdetailmetatop"><div class="col-md-12">
<span class="h5"><i class="fa fa-clock-o"></i>Thứ tư - 07/08/2019 15:43</span>
<span class="h5"><i class="fa fa-eye"></i>1.245</span></div></div>
<div class="clearfix"><div class="hometext m-bottom">{LEAD}</div></div>
<div id="news-bodyhtml" class="bodytext margin-bottom-lg">{body}</div>
<div class="margin-bottom-lg"><p class="h5 text-right"><strong>Tác giả bài viết: </strong>Minh Tâm</p>
<p class="h5 text-right"><strong>Nguồn tin: </strong>Văn phòng Huyện ủy</p></div></div></div>
<div class="news_column panel panel-default newsdetailbox"><div class="panel-body other-news">
<div class="tptabtitle"><ul><li><a href="#news-relatednew">Những tin mới hơn</a></li>
<li><a href="#news-related">Những tin cũ hơn</a></li></ul></div>
<ul class="related related-square">{newer}</ul>
<ul class="related related-square">{older}</ul></div></div></div>
<div class="col-md-8"><div class="panel-heading">Tin mới</div><ul><li>
<a href="/tin-hoat-dong/a.html">Triển khai kế hoạch phòng chống lụt bão năm 2019</a> <span>(13/08/2019)</span>
</li></ul></div>
<footer><p>Cơ quan chủ quản: Ủy ban nhân dân huyện Tân Phước</p><p>Phát triển bởi VINADES.,JSC</p></footer>
</body></html>""".encode()


def test_a_nukeviet_article_reads_its_title_lead_text_and_credits_without_the_related_lists():
    r = extract_page(nukeviet("2019-08-07+0715:43:00"), URL)
    assert (r.is_article, r.title, r.author, r.source) == (True, TITLE, "Minh Tâm", "Văn phòng Huyện ủy")
    assert r.text.splitlines()[0] == LEAD and all(p in r.text for p in PARAGRAPHS)
    assert not any(leak in r.text for leak in ("tháng 8", "vệ sinh", "Tin mới", "VINADES", "Tác giả"))


def test_a_nukeviet_date_is_the_moment_in_vietnam_whatever_zone_its_server_names():
    for meta in ("2019-08-07+0715:43:00", "2019-08-07ICT15:43:00", "2019-08-07UTC08:43:00"):
        dated = resolve_date(extract_page(nukeviet(meta), URL))
        assert dated.published_at == "2019-08-07T15:43:00+07:00", meta


SHORT_LEAD = "Sáng ngày 7/8, Huyện ủy Tân Phước tổ chức hội nghị sơ kết."
SIDE = ("<div class='block'><h2>Tin mới</h2><ul><li><a href='/a/1'>Triển khai kế hoạch phòng chống lụt bão"
        "</a>"
        " (13/08/2019)</li></ul></div>")
BODY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
WEBFORMS = f"""<html><head><title>Cổng thông tin điện tử huyện Tân Phước</title></head><body>
<form id="aspnetForm" action="./ChiTiet.aspx?ID=1234" method="post"><table><tr><td class="left">{SIDE}</td>
<td class="center"><div class="tieudechuyenmuc">TIN TỨC - SỰ KIỆN</div><div id="ctl00_cph_pnlDetail">
<span id="ctl00_cph_lblTitle" class="title-detail">{TITLE}</span><br/>
<span id="ctl00_cph_lblDate" class="date-detail">Cập nhật: 07/08/2019 15:43</span><br/>
<span id="ctl00_cph_lblSummary" class="summary"><b>{SHORT_LEAD}</b></span>
<div id="ctl00_cph_divContent" class="content-detail">{BODY}</div>
<div style="text-align:right"><span id="ctl00_cph_lblAuthor"><b>Minh Tâm</b></span></div>
<div class="other-news"><b>Các tin khác:</b><ul><li>
<a href="ChiTiet.aspx?ID=1230">Hội nghị công tác dân vận</a>
<span class="date">(01/08/2019)</span></li></ul></div></div></td></tr></table></form></body></html>"""
DRUPAL = f"""<html><head><title>{TITLE} | Cổng thông tin điện tử huyện Tân Phước</title></head><body>
<div class="region region-content"><h1 class="title" id="page-title">{TITLE}</h1>
<div id="node-123" class="node node-article clearfix" typeof="sioc:Item foaf:Document">
<div class="submitted"><span property="dc:date dc:created" content="2019-08-07T15:43:00+07:00">Gửi bởi
<span class="username" property="foaf:name">admin</span> vào T4, 07/08/2019 - 15:43</span></div>
<div class="content"><div class="field field-name-body"><div class="field-items">
<div class="field-item even" property="content:encoded">{BODY}
<p style="text-align:right"><strong>Minh Tâm</strong></p></div></div></div>
<div class="field field-name-field-tags"><div class="field-label">Tags:&nbsp;</div>
<div class="field-items"><a href="/taxonomy/term/3">Hội nghị</a></div></div></div>
<ul class="links inline"><li class="comment-add">
<a href="/comment/reply/123#comment-form">Thêm bình luận mới</a>
</li></ul></div></div><div id="sidebar">{SIDE}</div></body></html>"""
EASYDNN = f"""<html><head><title>Tin tức > {TITLE}</title>
<meta name="GENERATOR" content="DotNetNuke "/></head>
<body><form method="post" id="Form"><div class="DnnModule DnnModule-EasyDNNnews"><div class="edn_article">
<h1 class="edn_articleTitle">{TITLE}</h1><div class="edn_metaDetails"><span class="edn_author">Tác giả:
<a href="/tin-tuc/author/5/minh-tam">Minh Tâm</a></span> <time datetime="2019-08-07">07/08/2019</time></div>
<div class="edn_articleSummary"><p>{SHORT_LEAD}</p></div><div class="edn_articleContent">{BODY}</div>
<div class="edn_socialPrintWrapper"><a class="edn_printButton" href="#">In bài viết</a></div></div>
<div class="edn_relatedArticles"><h3>Tin liên quan</h3><ul><li><a href="/tin-tuc/ArticleID/1230">Hội nghị công
tác dân vận</a><time>01/08/2019</time></li></ul></div></div><div class="sidebar">{SIDE}</div>
</form></body></html>"""


@pytest.mark.parametrize("page, lead, day", [
    (WEBFORMS, SHORT_LEAD, "2019-08-07T15:43:00+07:00"),
    (DRUPAL, None, "2019-08-07T15:43:00+07:00"),
    (EASYDNN, SHORT_LEAD, "2019-08-07"),
], ids=["aspnet-webforms", "drupal", "easydnn"])
def test_a_platforms_article_reads_its_title_day_lead_text_and_author(page, lead, day):
    r = resolve_date(extract_page(page.encode(), URL))
    assert (r.is_article, r.title, r.published_at, r.author) == (True, TITLE, day, "Minh Tâm")
    assert all(p in r.text for p in PARAGRAPHS) and (lead is None or r.text.splitlines()[0] == lead)
    leaks = ("Tin mới", "lụt bão", "dân vận", "Tags", "bình luận", "In bài")
    assert not any(leak in r.text for leak in leaks)


JOOMLA_URL = "http://tanphuoc.tiengiang.gov.vn/tin-tuc/1234-hoi-nghi-so-ket.html"  # search-engine friendly
BUTTONS = (("/tin-tuc/1234-hoi-nghi-so-ket.pdf", "pdf_button.png", "PDF"),
           ("/tin-tuc/1234-hoi-nghi-so-ket.html?tmpl=component&amp;print=1", "printButton.png", "In"),
           ("/component/mailto/?tmpl=component&amp;link=aHR0cDovL3Rhbn", "emailButton.png", "E-mail"))


def joomla15(created: str) -> str:
    """Joomla 1.5's article (``com_content/views/article/tmpl/default.php``): the title's table with
    the PDF, print and e-mail buttons (pictures linking other addresses), the dates' rows."""
    buttons = "".join(f'<td align="right" class="buttonheading"><a href="{href}" title="{alt}">'
                      f'<img src="/images/M_images/{icon}" alt="{alt}" /></a></td>'
                      for href, icon, alt in BUTTONS)
    side = "".join(f"<li><a href='/tin-tuc/{n}'>Triển khai kế hoạch phòng chống lụt bão đợt {n}</a>"
                   " (13/08/2019)</li>" for n in range(5))
    return f"""<html><head><title>{TITLE}</title></head><body><table><tr><td class="left"><h2>Tin mới</h2>
<ul>{side}</ul></td><td>
<table class="contentpaneopen"><tr><td class="contentheading" width="100%">
<a href="{JOOMLA_URL}" class="contentpagetitle">{TITLE}</a></td>{buttons}</tr></table>
<table class="contentpaneopen"><tr><td><span class="small">Viết bởi Administrator</span></td></tr>
<tr><td valign="top" class="createdate">{created}</td></tr><tr><td valign="top">{BODY}</td></tr>
<tr><td colspan="2" class="modifydate">Lần cập nhật cuối ( Thứ tư, 21 Tháng 8 2019 10:15 )</td></tr></table>
<span class="article_separator">&nbsp;</span></td></tr></table></body></html>"""


@pytest.mark.parametrize("created", ["Thứ tư, 07 Tháng 8 2019 15:43", "Thứ Tư, 07 Tháng Tám 2019 15:43"])
def test_a_joomla_article_is_not_a_section_page_for_its_buttons_pictures(created):
    r = resolve_date(extract_page(joomla15(created).encode(), JOOMLA_URL))
    assert (r.is_article, r.title, r.published_at) == (True, TITLE, "2019-08-07T15:43:00+07:00")
    assert all(p in r.text for p in PARAGRAPHS)
    assert not any(leak in r.text for leak in ("Tin mới", "lụt bão", "Lần cập nhật"))
