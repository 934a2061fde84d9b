"""WebForms pagers: the pager's postbacks only, never another form action."""

from __future__ import annotations

from lxml import html

from crawler.discovery.postback import pager_postbacks, webforms_page

FORM = ("<form id='aspnetForm' method='post'><input type='hidden' name='__VIEWSTATE' value='x'>{}</form>")


def postbacks(links: str):
    root = html.fromstring(FORM.format(links))
    return pager_postbacks(root, lambda a: a.text_content() in ("»", "Trang sau"))


def test_numbered_pager_arguments_are_found():
    found = postbacks("<a href=\"javascript:__doPostBack('ctl00$grv','Page$2')\">2</a>")
    assert [(p.target, p.argument, p.relative) for p in found] == [("ctl00$grv", "Page$2", False)]


def test_a_next_link_button_without_argument_is_a_pager_by_its_text():
    found = postbacks("<a href=\"javascript:__doPostBack('ctl00$lnkNext','')\">Trang sau</a>")
    assert found and found[0].relative


def test_search_and_login_postbacks_are_never_taken():
    found = postbacks("<a href=\"javascript:__doPostBack('ctl00$btnSearch','')\">Tìm kiếm</a>"
                      "<a href=\"javascript:__doPostBack('ctl00$Login1','')\">Đăng nhập</a>"
                      "<a href=\"javascript:__doPostBack('ctl00$grv','Sort$Title')\">Tiêu đề</a>")
    assert found == []


def test_a_page_without_a_webforms_form_has_no_postbacks():
    root = html.fromstring("<div><a href=\"javascript:__doPostBack('g','Page$2')\">2</a></div>")
    assert pager_postbacks(root, lambda a: True) == []


def test_postback_options_written_by_link_buttons_are_read():
    found = postbacks("<a href='javascript:WebForm_DoPostBackWithOptions(new WebForm_PostBackOptions("
                      "\"ctl00$pager\", \"Page$Next\", false, \"\", \"\", false, true))'>»</a>")
    assert [(p.target, p.argument) for p in found] == [("ctl00$pager", "Page$Next")]


def test_a_page_is_told_webforms_by_its_hidden_state_fields():
    assert webforms_page(FORM.format(""))
    assert webforms_page("<input type='hidden' name='__EVENTVALIDATION' value='x'>")
    assert not webforms_page("<form><input name='q'></form><a href='/trang-2'>2</a>")
