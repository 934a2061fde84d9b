"""The ASP.NET "ArticleDetailControl" family (DotNetNuke-style portals, often Viettel-built):
``Title``, ``PostDate``, a bold ``Lead`` and the ``Content`` block."""

from crawler.profiles.base import Profile, has_class, xpath

DETAIL = "//*[contains(@id, 'ArticleDetailControl')]"


class PostDate(Profile):
    name = "postdate"
    MARKERS = xpath(f"boolean({DETAIL} | //*[{has_class('PostDate')}])")
    BODY = xpath(f"{DETAIL}//div[{has_class('Lead')} or {has_class('Content')}] | "
                 f"//div[{has_class('ArticleLead')} or {has_class('ArticleContent')}]")
    TITLE = xpath(f"{DETAIL}//*[{has_class('Title')}] | //*[{has_class('ArticleTitle')}]")
    DATE = xpath(f"//*[{has_class('PostDate')}]")
