"""WordPress commune sites: ``entry-title``, ``entry-content``, ``time.entry-date``."""

from crawler.profiles.base import Profile, has_class, xpath


class WordPress(Profile):
    name = "wordpress"
    TRUSTED_BODY = False  # themes vary the world over: a candidate, not the answer
    MARKERS = xpath("boolean(//meta[@name='generator'][starts-with(@content, 'WordPress')] | "
                    "//link[contains(@href, 'wp-content') or contains(@href, 'wp-includes')])")
    BODY = xpath(f"//article//div[{has_class('entry-content')}]")
    TITLE = xpath(f"//article//*[{has_class('entry-title')}]")
    DATE = xpath(f"//article//time[{has_class('published')} or {has_class('entry-date')}]/@datetime")
    AUTHOR = xpath(f"//article//*[{has_class('byline')}]//*[{has_class('author')}]")
    DROP = xpath(f"//div[{has_class('sharedaddy')} or {has_class('jp-relatedposts')}]")
