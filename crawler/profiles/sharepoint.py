"""SharePoint provincial portals: ``s4-workspace``, rich text in ``ms-rtestate-field``,
``/Pages/<date>/...aspx`` and ``View_Detail.aspx?ItemID=`` addresses."""

import re

from crawler.profiles.base import Profile, has_class, xpath


class SharePoint(Profile):
    name = "sharepoint"
    MARKERS = xpath(f"boolean(//*[@id='s4-workspace'] | //div[{has_class('ms-rtestate-field')}])")
    URL = re.compile(r"/Pages/[^?]*\.aspx|/View_Detail\.aspx\?ItemID=", re.I)
    BODY = xpath(f"//div[{has_class('ms-rtestate-field')}][string-length(normalize-space()) > 200]")
    TITLE = xpath(f"//*[{has_class('title-detail')} or {has_class('ms-pageTitle')} or "
                  f"{has_class('news-title')}]")
    DATE = xpath(f"//*[{has_class('date-detail')} or {has_class('news-date')} or {has_class('PostDate')}]")
