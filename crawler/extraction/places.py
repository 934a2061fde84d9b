"""An element's place on a page as a path of tags and classes, and the XPath that finds it again.

Shared by what a site's template learns (``template``: title and date; ``bodyplace``: the body).
"""

from __future__ import annotations

import re


def path_of(el) -> str:
    """The element's place: tags from ``body`` down, each with its first class; a class made
    unique by a number ("news-12345") keeps what comes before the number, and ends in "*"."""
    steps = []
    while el is not None and el.tag not in ("body", "html"):
        classes = (el.get("class") or "").split()
        cls = re.sub(r"\d{3,}.*", "*", classes[0]) if classes else ""
        steps.append(f"{el.tag}.{cls}" if cls and cls != "*" else el.tag)
        el = el.getparent()
    return "/".join(reversed(steps))


def xpath_of(path: str) -> str:
    parts = []
    for step in path.split("/"):
        tag, _, cls = step.partition(".")
        token = f" {cls[:-1]}" if cls.endswith("*") else f" {cls} "
        if "'" in cls:  # no quote can stand inside an XPath string literal: the tag alone
            cls = ""
        parts.append(f"{tag}[contains(concat(' ', normalize-space(@class), ' '), '{token}')]" if cls else tag)
    return "/html/body/" + "/".join(parts)
