"""Words run together, split again at their syllables (common.syllables)."""

from __future__ import annotations

import pytest

from common.syllables import respace


@pytest.mark.parametrize(("run", "words"), [
    ("CHÍNHPHỦ", "CHÍNH PHỦ"), ("MÔITRƯỜNG", "MÔI TRƯỜNG"), ("UBNDTỈNHPHÚTHỌ", "UBND TỈNH PHÚ THỌ"),
    ("TỈNHBÌNHDƯƠNG", "TỈNH BÌNH DƯƠNG"), ("HÀNỘI", "HÀ NỘI"),
])
def test_a_run_of_syllables_is_split_into_the_fewest(run, words):
    assert respace(run) == words


@pytest.mark.parametrize("word", ["NGHIÊNG", "KSTTHC", "VIỆT-NAM", "TW", "ABCXYZ", "x" * 100])
def test_a_syllable_an_abbreviation_or_what_no_split_explains_is_left_alone(word):
    assert respace(word) == word
