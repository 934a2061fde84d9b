"""A portal's template learnt from its own pages (crawler.extraction.template)."""

from __future__ import annotations

import json
import re
import signal

import pytest
from click.testing import CliRunner

from crawler.cli import cli
from crawler.extraction.page import extract_html, resolve_date
from crawler.extraction.template import MIN_PAGES, learn
from crawler.profiles import SiteProfile
from tests.gold.learning import family

POSTER = "bientap tanhung"  # the account that posted, as no rule but the learnt template knows it


@pytest.fixture(params=[0, 1], ids=["header-row", "left-sidebar"])
def pages(request):
    return family(1, request.param, POSTER)


def test_the_title_and_date_places_and_the_repeated_lines_are_learnt(pages):
    template = learn([(p.url, p.html) for p in pages])
    assert template.title and template.date and "^bientap\\ tanhung$" in template.drop_text
    site = SiteProfile(template.selectors())
    for page in pages:
        assert site.title(_root(page.html)).text_content().strip() == page.title


def test_nothing_is_learnt_from_too_few_pages(pages):
    assert learn([(p.url, p.html) for p in pages[:MIN_PAGES - 1]]) is None


def test_a_heading_that_repeats_is_never_the_title_and_a_sidebars_dates_never_the_date(pages):
    template = learn([(p.url, p.html) for p in pages])
    assert "cat-title" not in template.title and "chuyen-muc" not in template.title
    assert "date" not in template.date.rsplit("/", 1)[-1]  # the sidebar's <span class="date">


def test_the_learnt_template_takes_the_posting_account_out_of_the_text(pages):
    site = SiteProfile(learn([(p.url, p.html) for p in pages[1:]]).selectors())
    alone, learnt = extract_html(pages[0].html, pages[0].url), extract_html(pages[0].html, pages[0].url, site)
    assert learnt.title == pages[0].title and POSTER not in learnt.text
    assert learnt.text.replace("\n", "") in alone.text.replace("\n", "")


def test_govarchive_extract_learns_from_several_saved_pages_of_one_portal(tmp_path):
    files = []
    for n, page in enumerate(family(0, 1, POSTER)[:5]):
        files.append(tmp_path / f"page{n}.html")
        files[-1].write_text(page.html, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", *map(str, files)])
    assert result.exit_code == 0, result.output
    assert "learnt from 5 pages" in result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 5 and not any(POSTER in r["text"] for r in rows)
    alone = CliRunner().invoke(cli, ["extract", "--no-learn", *map(str, files)])
    assert any(POSTER in json.loads(line)["text"] for line in alone.stdout.splitlines())


def _root(html: str):
    from lxml import html as lxml_html

    return lxml_html.document_fromstring(re.sub(r"^<\?xml[^>]*>", "", html))


def test_the_day_of_the_last_change_is_the_date_only_where_no_other_day_is_shown():
    pages = family(0, 1, POSTER)  # the date shown as "Cập nhật: 03/07/2019" after the body
    assert "ngay-dang" in learn([(p.url, p.html) for p in pages]).date
    title = '<div class="news-title">'
    published = [p.html.replace(title, f'<div class="xuat-ban">Ngày đăng {n + 1}/06/2019</div>{title}')
                 for n, p in enumerate(pages)]
    template = learn([(p.url, html) for p, html in zip(pages, published, strict=True)])
    assert "xuat-ban" in template.date


def test_the_portal_learning_figure_holds_its_floor():
    """``make eval``'s "portal learning" figure, pinned: with the learnt template nothing of the
    template leaks, and title and day are no worse than without it."""
    from tests.gold.learning import score

    alone, learnt = score()
    assert learnt.leaked == 0 and learnt.title >= alone.title and learnt.day >= alone.day
    assert learnt.title == learnt.pages and learnt.day == learnt.pages
    assert learnt.placed == learnt.pages  # every page's body read at the place learnt from the others


def test_a_template_that_changes_nothing_seen_asks_for_no_second_reading():
    from crawler.extraction.template import SiteTemplate, changes

    url = "http://x.gov.vn/1"
    seen = {url: ("Hội nghị tổng kết", "Đoạn một.\n\nĐoạn hai.", [("date line", "12/03/2024")])}
    placed = {url: ("Hội nghị tổng kết", "12/03/2024 08:30")}  # what the learnt places read there
    same = SiteTemplate(pages=6, title="//h1", date="//td", examples=placed)
    assert not changes(same, seen)
    assert changes(SiteTemplate(pages=6, drop_text=[r"^Đoạn hai\.$"]), seen)  # a line it drops
    other_title = SiteTemplate(pages=6, title="//td", examples={url: ("Tin trong tỉnh", None)})
    assert changes(other_title, seen)
    other_day = SiteTemplate(pages=6, date="//td", examples={url: (None, "13/03/2024")})
    assert changes(other_day, seen)


def test_learning_that_runs_out_of_its_time_learns_nothing(pages, monkeypatch, caplog):
    from crawler.extraction import template

    monkeypatch.setattr(template, "LEARN_SECONDS", 1e-6)
    assert template.learn([(p.url, p.html) for p in pages]) is None
    assert "learning a template stopped" in caplog.text
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no timer left to fire into the next work


def test_a_site_that_prints_dates_month_first_is_learnt_so():
    pages = family(3, 0, POSTER)  # "7/3/2019 3:43:00 PM" for 3 July; days past 12 show the order
    template = learn([(p.url, p.html) for p in pages[1:]])
    assert template.selectors()["date_order"] == "mdy"

    first = pages[0]  # "7/3/2019 3:43:00 PM": its en-US form alone reads it month first too
    learnt = resolve_date(extract_html(first.html, first.url, SiteProfile(template.selectors())))
    assert learnt.published_at[:10] == first.day and learnt.published_from.endswith("month first")


def test_a_site_that_prints_dates_day_first_learns_no_month_first_order(pages):
    assert learn([(p.url, p.html) for p in pages]).selectors().get("date_order") != "mdy"


def test_a_site_whose_placed_dates_read_only_day_first_is_learnt_so():
    pages = [(f"https://a.gov.vn/tin/{i}", "<html><head><title>Cổng thông tin xã A</title></head><body>"
              "<div class='menu'><a href='/'>Trang chủ</a> <a href='/tin'>Tin tức</a></div>"
              f"<h1 class='title'>Tin số {i}: hội nghị về việc {i} năm</h1><div class='date'>{13 + i}/8/2019"
              " 3:43:00 PM</div><div class='content'>"
              + f"<p>Nội dung thứ {i} của bài viết về hội nghị tổng kết công tác năm của xã.</p>" * 4
              + "</div><div class='footer'>Bản quyền thuộc UBND xã A</div></body></html>") for i in range(8)]
    assert learn(pages).selectors()["date_order"] == "dmy"


def test_a_site_learnt_day_first_reads_an_en_us_looking_date_day_first():
    html = ("<html><head><title>Tin</title></head><body><h1>Hội nghị tổng kết công tác năm</h1>"
            "<p class='date'>8/12/2024 8:30:00 AM</p><div class='content'>"
            + "<p>UBND huyện tổ chức hội nghị tổng kết công tác năm với nhiều nội dung quan trọng.</p>" * 4
            + "</div></body></html>")
    alone = resolve_date(extract_html(html, "https://a.gov.vn/tin/1"))
    told = resolve_date(extract_html(html, "https://a.gov.vn/tin/1", SiteProfile({"date_order": "dmy"})))
    assert alone.published_at[:10] == "2024-08-12" and told.published_at[:10] == "2024-12-08"
