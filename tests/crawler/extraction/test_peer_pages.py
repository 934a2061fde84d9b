"""The eval gate on real pages nobody here wrote: the generic path is never worse than its fallback.

``make eval`` prints these figures (``tests/gold/peers.py``): govarchive and plain
trafilatura on trafilatura's and htmldate's own real-world test pages, in one run.
"""

from __future__ import annotations

import pytest
from gold.peers import PEER, evaluate

FLOORS = {"include": 0.95, "exclude": 0.99, "date": 0.95}  # the goals (23)
MEASURES = ("include", "exclude", "passing", "title", "date")


@pytest.fixture(scope="module")
def scores():
    return evaluate("govarchive").row(), evaluate("trafilatura").row()


def test_the_peer_set_is_there():
    assert len(list((PEER / "trafilatura" / "gold").glob("*.json"))) >= 45
    assert len(list((PEER / "htmldate" / "gold").glob("*.json"))) >= 30


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_floor(scores, measure):
    assert scores[0][measure] >= FLOORS[measure], scores


@pytest.mark.parametrize("measure", MEASURES)
def test_never_below_plain_trafilatura(scores, measure):
    assert scores[0][measure] >= scores[1][measure], scores
