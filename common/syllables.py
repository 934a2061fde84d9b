"""Vietnamese words run together, split again at their syllables.

OCR and some PDF text layers drop the space between two printed words ("CHÍNHPHỦ",
"MÔITRƯỜNG", "UBNDTỈNHPHÚTHỌ"). Vietnamese writes one syllable a word, and a syllable has a
fixed shape: an initial consonant, one to three vowels, a final consonant, and one tone mark
at most. A run with no space that no single syllable can be is split into the fewest pieces
of that shape; a run no split explains is left as it is.
"""

from __future__ import annotations

import re
import unicodedata

from common.textnorm import fold

_SHAPE = re.compile(r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
                    r"[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?")
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
ABBREVIATIONS = ("ubnd", "hdnd", "mttq")  # printed run into the next word in headers
MAX_RUN = 40  # letters a run may have to be split (the work grows with its square)


def respace(run: str) -> str:
    """``run`` split at its syllables ("CHÍNHPHỦ" -> "CHÍNH PHỦ"), or as it is."""
    if len(run) > MAX_RUN or not run.isalpha() or _syllable(run):
        return run
    cuts = _cuts(run)
    if cuts is None or len(cuts) < 2:
        return run
    pieces, start = [], 0
    for end in cuts:
        pieces.append(run[start:end])
        start = end
    return " ".join(pieces)


def _syllable(piece: str) -> bool:
    folded = fold(piece)
    if folded in ABBREVIATIONS:
        return True
    tones = sum(1 for c in unicodedata.normalize("NFD", piece) if c in _TONES)
    return tones <= 1 and _SHAPE.fullmatch(folded) is not None


def _cuts(run: str) -> tuple[int, ...] | None:
    """The ends of the fewest syllables that make ``run`` (a syllable is 1 to 7 letters)."""
    best: dict[int, tuple[int, ...] | None] = {len(run): ()}
    for at in range(len(run) - 1, -1, -1):
        found = None
        for end in range(at + 1, min(len(run), at + 7) + 1):
            rest = best[end]
            if rest is not None and (found is None or len(rest) + 1 < len(found)) and _syllable(run[at:end]):
                found = (end, *rest)
        best[at] = found
    return best[0]
