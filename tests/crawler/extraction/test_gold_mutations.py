"""Floors on the gold-mutations figure (tests/gold/mutations.py): the gold set's pages changed as
other portals print the same post (no class, no metadata, the headline in bold, the day below
the text, comments, a sidebar's prose), read again."""

from __future__ import annotations

import pytest

from crawler.extraction import extract_page
from tests.gold.evaluate import FETCHED_AT, gold, token_f1
from tests.gold.mutations import KINDS, changed, score


@pytest.mark.parametrize("kind", KINDS, ids=" + ".join)
def test_each_way_of_printing_the_gold_pages_reads_them_right(kind):
    result = score([kind])
    assert result.right == result.pages, result.misses


def test_a_news_portals_lead_in_a_div_is_read_with_the_text():
    case = gold()["news_0"]
    body, url = changed("news_0", case, ("div paragraphs",))
    result = extract_page(body, url, "text/html; charset=utf-8", fetched_at=FETCHED_AT)
    assert (result.platform, token_f1(result.text, case["text"]) >= 0.95) == ("news", True)
