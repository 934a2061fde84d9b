"""Log formatter: a skipped page is one short line, not a dump of the item."""

from __future__ import annotations

import logging

from scrapy.logformatter import LogFormatter


class QuietDropFormatter(LogFormatter):
    def dropped(self, item, exception, response, spider=None):
        return {
            "level": logging.DEBUG,
            "msg": "Skipped %(url)s: %(reason)s",
            "args": {"url": getattr(item, "url", "?"), "reason": exception},
        }
