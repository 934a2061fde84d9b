"""A post's head block (its title, its day and its lead in a block of their own) above the block
of its text: the title is found inside the head, the lead opens the text, and the head is never
taken for the text, even beside a post of one paragraph."""
# ruff: noqa: E501 - pages written as portals write them

from __future__ import annotations

import pytest

from crawler.extraction import extract_bytes

TITLE = "Xã Phú Lợi ra quân làm đường giao thông nông thôn năm 2024"
LEAD = ("TTĐT - Sáng ngày 22/12, đoàn công tác của huyện đã tổ chức kiểm tra tình hình thực hiện nhiệm vụ tại các "
        "xã, thị trấn trên địa bàn.")
TEXT = ("Tại hội nghị, đồng chí Chủ tịch UBND huyện đã quán triệt các chỉ tiêu chủ yếu của năm 2024, trong đó tập "
        "trung vào tăng trưởng kinh tế, thu ngân sách và xây dựng nông thôn mới nâng cao.")
RELATED = ("<div class='other'><h3>Tin liên quan</h3><ul>" + "".join(
    f"<li><a href='/tin-tuc/tin-{i}.html'>Tin tức số {i} về hoạt động của huyện trong tuần</a> "
    f"<span class='date'>(1{i}/02/2024)</span></li>" for i in range(6)) + "</ul></div>")
HEADS = {
    "an ASP.NET label": f"<span id='ctl00_ContentPlaceHolder1_lblTitle'>{TITLE}</span>",
    "a label with its day": f"<span id='ctl00_ContentPlaceHolder1_lblTitle'>{TITLE}<br/>22 thg 12, 2024</span>",
    "an h4": f"<h4>{TITLE}</h4>",
    "a centred bold line": f"<p align='center'><strong><font size='4'>{TITLE}</font></strong></p>",
}
LEADS = {
    "a bold paragraph": f"<p class='lead'><strong>{LEAD}</strong></p>",
    "a summary heading": f"<h4 class='summary'>{LEAD}</h4>",
    "a sapo": f"<div class='sapo'><b>{LEAD}</b></div>",
}
TEXTS = {
    "a paragraph": f"<p>{TEXT}</p>",
    "an editor's lines": f"<div class='content-text'>{TEXT}<br/><br/></div>",
}
DATES = {
    "a day": "<div class='date'>(22/12/2024 10:00)</div>",
    "a day and its author": "<div class='date'>thứ hai, 22 12 2024 15:43 | Tác giả: Minh Tâm</div>",
}


def read(head: str, date: str, lead: str, text: str, page_title: str):
    html = (f"<html><head><title>{page_title}</title></head><body><div class='main'><div class='detail'>"
            f"<div class='head'>{head}{date}{lead}</div><div class='nd'>{text}{RELATED}</div></div></div></body></html>")
    return extract_bytes(html.encode(), "https://tanphu.gov.vn/Default.aspx?ItemID=221")


@pytest.mark.parametrize("text", sorted(TEXTS))
@pytest.mark.parametrize("lead", sorted(LEADS))
@pytest.mark.parametrize("date", sorted(DATES))
@pytest.mark.parametrize("head", sorted(HEADS))
def test_the_head_gives_title_and_lead_and_the_text_is_the_posts(head, date, lead, text):
    result = read(HEADS[head], DATES[date], LEADS[lead], TEXTS[text], f"{TITLE} - Cổng thông tin điện tử huyện Tân Phú")
    assert result.title == TITLE
    assert result.text.split("\n\n") == [LEAD, TEXT]


def test_a_head_classed_head_is_no_title_of_its_own():
    """DotNetNuke names its module's title "Head"; a block so classed that holds the title, the
    day and the lead is looked into."""
    html = (f"<html><head><title>Chi tiết tin</title></head><body><div class='detail'><div class='head'>"
            f"<div class='meta'><span>02/10/2024</span> <span>1.245</span></div><p align='center'><strong>"
            f"{TITLE}</strong></p><p class='lead'><strong>{LEAD}</strong></p></div><div class='nd'><p>{TEXT}</p>"
            f"</div></div></body></html>")
    assert extract_bytes(html.encode(), "https://tanphu.gov.vn/Default.aspx?ItemID=272").title == TITLE


def test_a_one_paragraph_post_in_the_block_after_its_head_is_the_posts_text():
    # the text's block holds the links to the previous and next posts after the paragraph: the
    # post's block is the head's, and its text the paragraph in the block after it
    html = (f"<html><head><title>Cổng thông tin điện tử huyện Tân Phú | {TITLE}</title></head><body><table><tr><td>"
            f"<div class='detail'><div class='head'><p class='title'><b>{TITLE}</b></p><span class='time'>Thứ Tư - "
            f"19/10/2024 15:19</span><h4 class='summary'>{LEAD}</h4></div><div class='nd'><div class='content-text'>"
            f"{TEXT}<br/><br/></div><div class='nav'><a href='/tin/7'>« Bài trước: Tin tức số 7 về hoạt động của "
            "huyện trong tuần</a> <a href='/tin/8'>Bài sau: Tin tức số 8 về hoạt động của huyện trong tuần »</a></div>"
            "</div></div></td></tr></table></body></html>")
    result = extract_bytes(html.encode(), "https://tanphu.gov.vn/Default.aspx?ItemID=203")
    assert (result.title, result.text.split("\n\n")) == (TITLE, [LEAD, TEXT])
