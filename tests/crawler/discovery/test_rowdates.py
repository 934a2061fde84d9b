"""The date a listing prints beside a link (crawler.discovery.rowdates)."""

from __future__ import annotations

import pytest
from lxml import html

from crawler.discovery.rowdates import row_date

LEAD = ("UBND huyện tổ chức hội nghị sơ kết công tác tháng và triển khai nhiệm vụ tháng tới với sự tham dự "
        "của đại biểu các xã, thị trấn.")


def date_of(markup: str) -> str | None:
    root = html.fromstring(f"<html><body>{markup}</body></html>")
    return row_date([a for a in root.iter("a") if a.get("href") == "/a"][-1])


@pytest.mark.parametrize("markup,shown", [
    ("<ul><li><a href='/a'>Huyện tổ chức hội nghị</a> (05/08/2019)</li><li><a href='/b'>B</a></li></ul>",
     "(05/08/2019)"),
    ("<table><tr><td><a href='/a'>Huyện tổ chức hội nghị</a></td><td>05/08/2019</td></tr></table>",
     "05/08/2019"),
    (f"<div class='item'><a href='/a'><img/></a><h3><a href='/a'>Huyện tổ chức</a></h3>"
     f"<div class='d'>Ngày đăng: 05/08/2019 | Lượt xem: 1.245</div><p>{LEAD}</p></div>",
     "Ngày đăng: 05/08/2019 | Lượt xem: 1.245"),
], ids=["list-item", "table-row", "teaser-block"])
def test_the_date_beside_a_link_in_its_row(markup, shown):
    assert date_of(markup) == shown


def test_a_date_in_the_links_own_words_is_its_title_not_its_day():
    assert date_of("<ul><li><a href='/a'>Lịch tiếp công dân ngày 05/08/2019</a></li></ul>") is None


def test_a_row_of_several_links_gives_no_date():
    assert date_of("<ul><li><a href='/a'>Tin A</a> <a href='/c'>Chuyên mục</a> 05/08/2019</li></ul>") is None


def test_a_row_with_two_dates_gives_none():
    assert date_of("<table><tr><td><a href='/a'>Tin A</a></td><td>05/08/2019</td><td>07/08/2019</td></tr>"
                   "</table>") is None


def test_a_link_inside_a_sentence_is_no_row():
    sentence = "<p>Ngày 05/08/2019 UBND huyện ban hành <a href='/a'>kế hoạch</a> về việc tổ chức.</p>"
    assert date_of(sentence) is None
    assert date_of(f"<p>Ngày 05/08/2019, {LEAD} <a href='/a'>Xem tại đây</a></p>") is None


def test_a_date_of_another_row_is_not_this_ones():
    rows = "<ul><li><a href='/a'>Tin A</a></li><li><a href='/b'>Tin B</a> (05/08/2019)</li></ul>"
    assert date_of(rows) is None
