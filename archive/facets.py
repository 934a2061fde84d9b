"""Filter tokens in the search index, so a filtered search is a posting-list intersection.

Every article's indexed text ends with three tokens nobody types: its site
(``zqfs`` + the site key, punctuation as ``0``), its year (``zqfy2019``) and
month (``zqfm201903``). A search with ``--site``, ``--province``/``--level``
(a list of sites) or a period adds them to the FTS query, so SQLite's full-text
index returns only the matches that pass, before any ranking. Before this a
filtered search ranked every match of the words and dropped those of other
sites: p95 57 ms with ``--site`` and 88-108 ms with a province and a year on a
million articles (``benchmarks/search_bench.py``). The exact SQL filters still
apply after: the tokens only narrow (two sites whose keys differ only by
punctuation share a token).

The tokens follow the article's text in the index, after its words, so
snippets and highlights (which read the stored text) never see them.
"""

from __future__ import annotations

import re
from datetime import date

PREFIX = "zqf"
_PLAIN = re.compile(r"[a-z0-9]+")
MAX_YEARS = 30  # a longer period narrows nothing worth the OR of its years


def site_token(site: str) -> str | None:
    """The site's token; None when the tokenizer would not keep it whole (non-ASCII hosts)."""
    token = site.lower().replace("-", "0").replace(".", "0").replace(":", "0")
    return f"{PREFIX}s{token}" if _PLAIN.fullmatch(token) else None


def sql(row: str) -> str:
    """SQL appending the tokens of ``row`` (``new``, ``old`` or ``articles``) to its text."""
    site = f"replace(replace(replace(lower({row}.site), '-', '0'), '.', '0'), ':', '0')"
    day = f"{row}.published_at"
    return (f"' {PREFIX}s' || {site} || coalesce(' {PREFIX}y' || substr({day}, 1, 4) || ' {PREFIX}m' "
            f"|| substr({day}, 1, 4) || substr({day}, 6, 2), '')")


def query(site: str | None, sites: tuple[str, ...] | None, date_from: str | None,
          date_to: str | None) -> str:
    """The FTS terms the filters allow ('' when they narrow nothing)."""
    terms = []
    chosen = [site] if site else list(sites) if sites else []
    tokens = [site_token(s) for s in chosen]
    if tokens and all(tokens):
        terms.append(_any(tokens))
    if date_from or date_to:
        first = int((date_from or "1900")[:4])
        last = int((date_to or str(date.today().year + 1))[:4])
        months = range(int(date_from[5:7]), int(date_to[5:7]) + 1) if date_from and date_to else range(12)
        if first == last and len(months) < 12:  # part of one year: its months
            terms.append(_any([f"{PREFIX}m{first}{m:02d}" for m in months]))
        elif 0 <= last - first < MAX_YEARS:
            terms.append(_any([f"{PREFIX}y{y}" for y in range(first, last + 1)]))
    return " AND ".join(terms)


def _any(tokens: list[str]) -> str:
    return tokens[0] if len(tokens) == 1 else "(" + " OR ".join(tokens) + ")"
