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

FLOORS = {"number": 0.96, "type": 0.96, "issued": 0.96, "issuer": 0.96, "signer": 0.93, "subject": 0.96}
PASSAGES = 0.95


@pytest.fixture(scope="module")
def result():
    return score()


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_field_floor(result, name):
    assert result.share(name) >= FLOORS[name], "\n".join(m for m in result.misses if f" {name}:" in m)


def test_text_passages_floor(result):
    assert result.passage_share >= PASSAGES


def test_no_date_issued_is_wrong(result):
    """A date not read is said so; a date read is right: no date is better than a wrong one."""
    wrong = [m for m in result.misses if " issued: " in m and " issued: None " not in m]
    assert not wrong, "\n".join(wrong)
