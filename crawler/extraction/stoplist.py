"""trafilatura's last fallback (jusText) with its stoplist hashed once, not on every call.

When trafilatura's own reading comes out short (a listing page, a notice, a page it cannot
read), it asks jusText, giving it the union of jusText's hundred languages' stoplists: one
tuple of about 154,000 words. jusText looks that tuple up in an ``lru_cache`` on every call,
and a tuple does not keep its hash, so each call hashed 154,000 strings: a fifth of a listing
page's extraction (``benchmarks/RESULTS.md``, stop 50). The same words in a tuple that keeps
its hash are the same stoplist: the same output.

:func:`install` wraps trafilatura's builder of that tuple; it is still built at the first
fallback. On a trafilatura without that builder it leaves trafilatura as it is.
"""

from __future__ import annotations

from trafilatura import external


class HashedOnce(tuple):
    """A tuple that hashes its items once."""

    def __new__(cls, items):
        self = super().__new__(cls, items)
        self._hash = tuple.__hash__(self)
        return self

    def __hash__(self) -> int:
        return self._hash


def install() -> None:
    """trafilatura's jusText stoplist built as a :class:`HashedOnce` (idempotent)."""
    build = getattr(external, "jt_stoplist_init", None)
    if build is None or getattr(build, "hashed_once", False):
        return

    def hashed_stoplist() -> tuple[str, ...]:
        external.JT_STOPLIST = HashedOnce(build())
        return external.JT_STOPLIST

    hashed_stoplist.hashed_once = True  # type: ignore[attr-defined]
    external.jt_stoplist_init = hashed_stoplist
    if getattr(external, "JT_STOPLIST", None):  # built already (another import came first)
        external.JT_STOPLIST = HashedOnce(external.JT_STOPLIST)
