"""Joomla sites: ``item-page`` with schema.org ``headline`` and ``articleBody``."""

from crawler.profiles.base import Profile, has_class, xpath


class Joomla(Profile):
    name = "joomla"
    TRUSTED_BODY = False  # themes vary the world over: a candidate, not the answer
    MARKERS = xpath("boolean(//meta[@name='generator'][starts-with(@content, 'Joomla')] | "
                    f"//div[{has_class('item-page')}])")
    BODY = xpath("//*[@itemprop='articleBody']")
    TITLE = xpath(f"//div[{has_class('item-page')}]//*[@itemprop='headline' or @itemprop='name']")
    DATE = xpath(f"//dd[{has_class('published')}]//time/@datetime | //dd[{has_class('published')}] | "
                 f"//dd[{has_class('create')}]")
    AUTHOR = xpath(f"//dd[{has_class('createdby')}]//*[@itemprop='name']")
