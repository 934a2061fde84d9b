"""A failed download's reason, as the pages table and the log line say it (crawler.runtime.failures)."""

from __future__ import annotations

from scrapy.exceptions import (
    DownloadCancelledError,
    DownloadFailedError,
    DownloadTimeoutError,
    ResponseDataLossError,
)
from twisted.internet.error import ConnectionDone
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed

from crawler.runtime.failures import MAX_REASON, plain_reason


def _failure(error: BaseException, cause: BaseException | None = None) -> Failure:
    try:
        raise error from cause
    except type(error):
        return Failure()


def test_a_connection_closed_early_is_said_plainly_not_as_twisteds_repr():
    closed = ResponseFailed([Failure(ConnectionDone())])
    name, reason = plain_reason(_failure(DownloadFailedError(str(closed)), closed))
    assert (name, reason) == ("DownloadFailedError", "DownloadFailedError: the server closed the connection "
                                                     "before a whole response (ConnectionDone)")


def test_a_body_shorter_than_announced_says_so():
    name, reason = plain_reason(_failure(ResponseDataLossError()))
    assert reason == ("ResponseDataLossError: the server sent less than it announced (Content-Length), "
                      "on every try")


def test_a_message_that_says_what_happened_is_kept():
    timeout = DownloadTimeoutError("Getting http://x.gov.vn/ took longer than 5.0 seconds.")
    _, reason = plain_reason(_failure(timeout))
    assert reason == "DownloadTimeoutError: Getting http://x.gov.vn/ took longer than 5.0 seconds."


def test_a_reason_is_one_bounded_line():
    name, reason = plain_reason(_failure(DownloadTimeoutError("took\nlonger " * 200)))
    assert name == "DownloadTimeoutError" and len(reason) == MAX_REASON and "\n" not in reason


def test_a_cancelled_download_says_why_it_may_have_been():
    _, reason = plain_reason(_failure(DownloadCancelledError()))
    assert reason.startswith("DownloadCancelledError: the download was cancelled (over the size limit")
