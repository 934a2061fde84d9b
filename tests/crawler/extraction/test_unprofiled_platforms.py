"""Article pages of platforms no profile knows, read by the generic path as a crawl meets them.

NukeViet (VINADES' open-source CMS, and its eGovernment edition that district and commune portals
run): its news module's detail page, after ``themes/egov/modules/news/detail.tpl``, with the
head its ``detail.php`` writes (``article:published_time`` from PHP's ``date('Y-m-dTH:i:s')``).
"""

from __future__ import annotations

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
