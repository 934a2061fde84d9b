"""A page's links to itself: its name in the site's menu (a static page the menu links) and
its title linking its own address (Joomla's ``contentheading``), which is its title, not
another post's headline."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice
from typing import Any
from urllib.parse import unquote, urlsplit

from common.urls import canonical_url, joined

MENU = re.compile(r"\b(nav|menu)", re.I)
STATIC_WORDS = 8  # "Giới thiệu chung về huyện Mỹ Thành": a page name, not a sentence
NOT_MENU = re.compile(r"crumb|path|lang", re.I)  # a breadcrumb or a language switch links the page itself
MENU_LEVELS = 8


def linked_from_menu(root, url: str | None) -> bool:
    """Whether the page's own menu links the page (asked before the menus are cleaned away): its
    name in a menu, not a headline in a list of news that says "menu"."""
    named = _links_to_itself(root, url, lambda link: _in_menu(link)
                             and len(link.text_content().split()) <= STATIC_WORDS)
    return next(named, None) is not None  # an element's truth is its children: no any()


OWN_HEADING = frozenset({"h1", "h2", "h3", "h4"})


TITLE_CLASS = re.compile(r"title|heading|tieu-?de", re.I)


def unlink_own_title(root, url: str | None) -> None:
    """A heading that links the page itself (Joomla's ``contentheading``, WordPress's
    ``entry-title``) is the page's title, not another post's headline: its link goes, its text
    stays, so the block around it reads as the article it is. Asked after the menus were read."""
    for link in list(_links_to_itself(root, url, _in_title)):
        link.drop_tag()


def _in_title(link) -> bool:
    parent = link.getparent()
    if parent is None:
        return False
    titled = bool(TITLE_CLASS.search(parent.get("class", "")))
    return parent.tag in OWN_HEADING or titled or _headline_alone(link)


PLAIN_BLOCKS = frozenset({"div", "p", "td", "span", "b", "strong", "font", "center"})
HEADLINE_WORDS = 4  # "Trang chủ", "In bài", a language's name: fewer words than a headline has
LIST_LEVELS = 3  # ancestors looked at for the list item a sidebar's headline stands in


def _headline_alone(link) -> bool:
    """A headline's words alone in a plain block (no heading, no class to tell it), not an item
    of a list: the page's title as an unclassed template prints it, linking the page itself. A
    sidebar's list of the newest posts links the page as one of its items."""
    parent = link.getparent()
    text = " ".join(link.text_content().split())
    return parent.tag in PLAIN_BLOCKS and len(text.split()) >= HEADLINE_WORDS \
        and " ".join(parent.text_content().split()) == text and not _in_menu(link) \
        and not any(a.tag in ("li", "ul", "ol") for a in islice(link.iterancestors(), LIST_LEVELS))


def _links_to_itself(root, url: str | None, where: Callable[[Any], bool]):
    """The page's links to itself that stand ``where`` says (never on the home page, whose links
    to itself are a listing's). The page's last path segment in the link first (cheap), then
    ``where``, then the same address: canonical_url is the costly part, and most pages link
    themselves (breadcrumb, print, share) where no caller looks."""
    tail = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1] if url else ""
    if not tail:
        return
    path, here = _path(url), None
    for link in root.iter("a"):
        href = (link.get("href") or "").strip()
        if tail not in href or href.startswith(("#", "javascript:")) or not where(link):
            continue
        target = joined(url, href)  # None: "http://[::1/x", no address
        if target is not None and _path(target) == path \
                and canonical_url(target) == (here := here or canonical_url(url)):
            yield link


def _path(url: str) -> str:
    return unquote(urlsplit(url).path).rstrip("/").lower()


def _in_menu(link) -> bool:
    for level, el in enumerate(link.iterancestors()):
        if level >= MENU_LEVELS:
            break
        marks = f"{el.get('class', '')} {el.get('id', '')}"
        if NOT_MENU.search(marks):
            return False
        if el.tag == "nav" or MENU.search(marks):
            return True
    return False
