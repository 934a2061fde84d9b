"""What a platform profile is: where a known platform keeps body, title, date and author.

A profile is a class with XPath selectors compiled once as class constants
(Fundus-style); each field is one small method that subclasses override only
when a selector is not enough. A selector that finds nothing returns None and
extraction falls back to the generic finder for that field alone.
"""

from __future__ import annotations

import copy
import re

from lxml import etree
from lxml import html as lxml_html

from common.textnorm import clean_line

Element = lxml_html.HtmlElement


def has_class(name: str) -> str:
    """XPath predicate: the element's class attribute holds ``name`` as a word."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def xpath(expression: str) -> etree.XPath:
    return etree.XPath(expression)


class Profile:
    name = "generic"
    MARKERS: etree.XPath | None = None  # a boolean XPath: the page is built on this platform
    URL: re.Pattern[str] | None = None  # or its address has this platform's shape
    BODY: etree.XPath | None = None  # every match, in page order, makes the body
    TITLE: etree.XPath | None = None
    DATE: etree.XPath | None = None
    AUTHOR: etree.XPath | None = None
    DROP: etree.XPath | None = None  # removed before extraction: widgets inside the article
    # A body this profile names is the article (portal platforms built for Vietnamese
    # government sites). False for CMSs used the world over (WordPress, Joomla), whose
    # themes vary: their body is one candidate for the generic chooser (extraction.generic).
    TRUSTED_BODY = True

    def matches(self, root: Element, url: str | None) -> bool:
        if self.MARKERS is not None and self.MARKERS(root):
            return True
        return bool(self.URL and url and self.URL.search(url))

    def drop(self, root: Element) -> None:
        for el in self._all(self.DROP, root):
            if el.getparent() is not None:
                el.drop_tree()

    def body(self, root: Element) -> Element | None:
        found = [el for el in self._all(self.BODY, root) if clean_line(el.text_content())]
        found = [el for el in found if not any(a in found for a in el.iterancestors())]
        if len(found) <= 1:
            return found[0] if found else None
        wrapper = lxml_html.Element("div")  # lead and content in separate blocks: one body
        wrapper.extend(copy.deepcopy(el) for el in found)
        return wrapper

    def kept(self, root: Element) -> list[Element]:
        """The elements this profile names the post's title and body, when it is trusted to:
        no boilerplate rule removes them (a one-line notice in the menu's portlet read as links)."""
        if not self.TRUSTED_BODY:
            return []
        return [el for selector in (self.TITLE, self.BODY) for el in self._all(selector, root)
                if isinstance(el.tag, str)]

    def title(self, root: Element) -> Element | None:
        return next((el for el in self._all(self.TITLE, root) if clean_line(el.text_content())), None)

    def date_lines(self, root: Element) -> list[str]:
        return [t for el in self._all(self.DATE, root) if (t := clean_line(_text(el)))]

    def author(self, root: Element) -> str | None:
        return next((t for el in self._all(self.AUTHOR, root) if (t := clean_line(_text(el)))), None)

    @staticmethod
    def _all(selector: etree.XPath | None, root: Element) -> list:
        return list(selector(root)) if selector is not None else []


def _text(node) -> str:
    if isinstance(node, str):  # an attribute selected (datetime="...")
        return str(node)
    return node.text_content()
