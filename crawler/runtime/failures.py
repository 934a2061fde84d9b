"""A failed download said plainly, for the log line and the ``pages`` row archivists read.

Scrapy wraps Twisted's reasons: a connection the server closed early reads
``DownloadFailedError: [<twisted.python.failure.Failure twisted.internet.error.ConnectionDone:
Connection was closed cleanly.>]``, and a body shorter than its ``Content-Length`` reads
``ResponseDataLossError:`` with no words at all. The reason keeps the error's name (what a
maintainer searches for) and says what happened.
"""

from __future__ import annotations

from twisted.python.failure import Failure

# what an error says happened, where its own message says nothing or only wraps another's
PLAIN = {
    "ResponseDataLossError": "the server sent less than it announced (Content-Length), on every try",
    "_DataLoss": "the body was shorter than its Content-Length",
    "ConnectionDone": "the server closed the connection before a whole response",
    "ConnectionLost": "the connection was lost before a whole response",
    "ConnectionRefusedError": "the server refused the connection",
    "InvalidHeaderName": "the server sent a header no HTTP client accepts",
    "DownloadCancelledError": "the download was cancelled (over the size limit, or the crawl stopping)",
}
MAX_REASON = 300


def plain_reason(failure: Failure) -> tuple[str, str]:
    """The failure's name (for the stats) and its reason: the wrapped causes' names and messages,
    each said plainly where Scrapy's or Twisted's words say nothing."""
    name = failure.type.__name__
    causes = [_said(type(cause).__name__, _message(cause)) for cause in _causes(failure.value)]
    said = "; ".join(dict.fromkeys(causes)) or PLAIN.get(name) or _message(failure.value) or name
    return name, f"{name}: {said}"[:MAX_REASON]


def _causes(error: BaseException) -> list[BaseException]:
    """The errors Twisted's ``ResponseFailed`` holds (Scrapy raises its own ``from`` it)."""
    cause = error.__cause__
    reasons = getattr(cause, "reasons", None) or getattr(error, "reasons", None) or []
    return [r.value for r in reasons if isinstance(r, Failure)]


def _message(error: BaseException) -> str:
    return " ".join(str(error).split())


def _said(name: str, message: str) -> str:
    plain = PLAIN.get(name)
    return f"{plain} ({name})" if plain else (message or name)
