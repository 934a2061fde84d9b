"""A site's own selectors from the registry (``[site.selectors]``): they beat any profile.

Selectors are CSS (``div.noidung``, ``#ctl00_lblTitle``) or, starting with ``/`` or ``(``,
XPath (``(//div[@class='noidung'])[2]``: the second of them). ``drop`` lists selectors of
blocks to remove and ``drop_text`` strings or regular expressions: a line of the text
matching one is removed. ``date_order = "mdy"`` reads the site's numeric dates month first
(ASP.NET's en-US "3/12/2024 8:30:00 AM"); "dmy", as Vietnamese is written, is the default.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from cssselect import GenericTranslator
from cssselect import SelectorError as CssError
from lxml import etree

from crawler.profiles.base import Profile

CSS = GenericTranslator()


class SelectorError(ValueError):
    """A selector in the registry that does not compile."""


def compile_selector(value: str | list[str]) -> etree.XPath:
    parts = [value] if isinstance(value, str) else list(value)
    try:
        expressions = [p if p.startswith(("/", "(")) else CSS.css_to_xpath(p, prefix="descendant-or-self::")
                       for p in parts]
        return etree.XPath(" | ".join(expressions))
    except (CssError, etree.XPathSyntaxError) as exc:
        raise SelectorError(f"{parts!r}: {exc}") from exc


class SiteProfile(Profile):
    name = "site"

    def __init__(self, selectors: Mapping[str, str | list[str]]) -> None:
        self.BODY = self._get(selectors, "body")
        self.TITLE = self._get(selectors, "title")
        self.DATE = self._get(selectors, "date")
        self.AUTHOR = self._get(selectors, "author")
        self.DROP = self._get(selectors, "drop")
        texts = selectors.get("drop_text", [])
        self.drop_text = [re.compile(t) for t in ([texts] if isinstance(texts, str) else texts)]
        self.date_order = selectors.get("date_order")  # "mdy": "3/12/2024" is 12 March; "dmy": 3 December
        self.month_first = self.date_order == "mdy"

    def matches(self, root, url) -> bool:
        return True

    @staticmethod
    def _get(selectors: Mapping, name: str) -> etree.XPath | None:
        return compile_selector(selectors[name]) if selectors.get(name) else None
