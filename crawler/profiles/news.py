"""News-style portals and provincial newspapers (VnExpress-like markup): ``title-detail``,
a ``description`` lead, the ``fck_detail`` body with a right-aligned author line."""

from crawler.profiles.base import Profile, has_class, xpath


class News(Profile):
    name = "news"
    MARKERS = xpath(f"boolean(//article[{has_class('fck_detail')}] | //*[{has_class('detail__content')}])")
    # the lead: VnExpress's <p class="description">; other news portals print it in a div
    BODY = xpath(f"//*[self::p or self::div][{has_class('description')}][not(ancestor::article)] | "
                 f"//article[{has_class('fck_detail')}] | "
                 f"//*[{has_class('detail__summary')} or {has_class('detail__content')}]")
    TITLE = xpath(f"//h1[{has_class('title-detail')} or {has_class('detail__title')}]")
    DATE = xpath(f"//*[{has_class('header-content')}]//span[{has_class('date')}] | "
                 f"//*[{has_class('detail__meta')}]//*[{has_class('date')}]")
    AUTHOR = xpath(f"//article[{has_class('fck_detail')}]/p[contains(@style, 'right')][last()]//strong | "
                   f"//article[{has_class('fck_detail')}]/p[{has_class('author_mail')}]//strong")
