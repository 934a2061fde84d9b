"""The metadata gate on 30 real administrative documents (typed, scanned, DOC, DOCX): floors pinned.

``make eval`` prints the figures (``tests/gold/documents.py``). Floors sit at what was measured,
so a change that loses a field on these documents fails here. Slow (OCR of eleven scans).
"""

from __future__ import annotations

import shutil

import pytest

from tests.gold.documents import score

pytestmark = [pytest.mark.crawl,  # slow: OCR of the scans
              pytest.mark.skipif(not shutil.which("tesseract"), reason="Tesseract is not installed")]

FLOORS = {"number": 0.96, "type": 0.96, "issued": 0.73, "issuer": 0.96, "signer": 0.93, "subject": 0.96}
PASSAGES = 0.95


@pytest.fixture(scope="module")
def result():
    return score()


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_field_floor(result, name):
    assert result.share(name) >= FLOORS[name], "\n".join(m for m in result.misses if f" {name}:" in m)


def test_text_passages_floor(result):
    assert result.passage_share >= PASSAGES
