"""Liferay portals: ``journal-content-article`` and ``asset-publisher`` portlets,
``/-/view_content/ID-slug`` and ``/-/asset_publisher/.../content/...`` addresses."""

import re

from crawler.profiles.base import Profile, has_class, xpath


class Liferay(Profile):
    name = "liferay"
    MARKERS = xpath(f"boolean(//div[{has_class('journal-content-article')}] | "
                    f"//div[{has_class('portlet-boundary')}])")
    URL = re.compile(r"/-/(?:view_content|asset_publisher)/")
    BODY = xpath(f"//div[{has_class('asset-full-content')}]//div[{has_class('asset-content')}] | "
                 f"//div[{has_class('journal-content-article')}]//div[{has_class('content-detail')}]")
    TITLE = xpath(f"//div[{has_class('asset-full-content')}]//*[{has_class('header-title')}] | "
                  f"//div[{has_class('journal-content-article')}]//*[{has_class('title')}]")
    DATE = xpath(f"//div[{has_class('asset-full-content')}]//*[{has_class('metadata-publish-date')} or "
                 f"{has_class('date-time')}]")
