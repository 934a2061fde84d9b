"""Errors logged on one line keep why: the exception's type and message, not its traceback."""

from __future__ import annotations

import logging

from crawler.runtime.extensions import _NoTraceback


def test_an_error_logged_on_one_line_says_why():
    try:
        raise ValueError("database is locked")
    except ValueError:
        import sys

        record = logging.LogRecord("scrapy.core.scraper", logging.ERROR, __file__, 1, "Error processing %s",
                                   ("PageItem(url='http://x.gov.vn/tin/3.html')",), sys.exc_info())
    assert _NoTraceback().filter(record)
    assert record.exc_info is None
    assert record.getMessage() == ("Error processing PageItem(url='http://x.gov.vn/tin/3.html') "
                                   "(ValueError: database is locked)")
