"""Platform profiles, first match wins; a site's own selectors (``SiteProfile``) beat them.

``base`` is what a profile is; one module per platform: ``sharepoint``, ``liferay``, ``postdate``,
``wordpress``, ``joomla``, ``news``, ``vnpt``; ``site`` compiles a registry entry's selectors.

Adding a platform: one small file here with its selectors, one line in
``PROFILES``, and its pages in the gold set (``tests/gold``).
"""

from __future__ import annotations

from lxml import html as lxml_html

from crawler.profiles.base import Profile
from crawler.profiles.joomla import Joomla
from crawler.profiles.liferay import Liferay
from crawler.profiles.news import News
from crawler.profiles.postdate import PostDate
from crawler.profiles.sharepoint import SharePoint
from crawler.profiles.site import SelectorError, SiteProfile
from crawler.profiles.vnpt import VnptTable
from crawler.profiles.wordpress import WordPress

PROFILES: list[Profile] = [SharePoint(), Liferay(), PostDate(), WordPress(), Joomla(), News(), VnptTable()]


def detect(root: lxml_html.HtmlElement, url: str | None = None) -> Profile | None:
    """The platform profile matching this page, or None for an unknown layout."""
    return next((p for p in PROFILES if p.matches(root, url)), None)


__all__ = ["PROFILES", "Profile", "SelectorError", "SiteProfile", "detect"]
