"""Floors on the layout-combinations figure (tests/gold/layouts.py): pages put together at
random from the parts Vietnamese portals combine, read with no profile and no template."""

from __future__ import annotations

import pytest

from tests.gold.layouts import FIELDS, score, score_others

FLOOR = 0.995  # each field, over 300 pages of two seeds
ALL_RIGHT = 0.995  # pages with every field right
SECTION_FLOOR = 0.995  # listings judged listings, notices stored whole (timetables and video stories too)


@pytest.fixture(scope="module", params=[1, 2])
def result(request):
    return score(300, request.param)


@pytest.mark.parametrize("field", FIELDS)
def test_each_field_stays_above_its_floor(result, field):
    assert result.share(field) >= FLOOR, result.misses[:10]


def test_most_pages_are_right_in_every_field(result):
    assert result.all_right >= ALL_RIGHT, result.misses[:10]


@pytest.mark.parametrize("seed", [1, 2])
def test_a_sections_listings_and_short_notices_are_told_apart(seed):
    listings, notices, misses = score_others(300, seed)
    assert listings >= SECTION_FLOOR and notices >= SECTION_FLOOR, misses[:10]
