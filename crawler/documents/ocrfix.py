"""OCR's slips of diacritics in one line, mended by the rest of the document.

Tesseract reads the same words differently from line to line: the subject line prints
"kiêm soát" and "Phôi hợp", the body "kiểm soát" and "phối hợp" ten times. Where two words of
the line, without their marks, are a pair the document writes otherwise more often (at least
twice, and more often than as the line has it), the line takes the document's spelling. Pairs,
not single words: "ma túy" and "mà tùy" fold alike, and only a pair tells which is meant.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from common.textnorm import fold

_WORD = re.compile(r"[^\W\d_]+")
MIN_SEEN = 2  # how often the document must write a pair its way


def mend(line: str, text: str) -> str:
    """``line`` with each pair of words the ``text`` spells otherwise more often respelled."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    words = [w.lower() for w in _WORD.findall(text)]
    for first, second in zip(words, words[1:], strict=False):
        spellings[fold(f"{first} {second}")][f"{first} {second}"] += 1
    tokens = list(_WORD.finditer(line))
    out, last = [], 0
    replaced: dict[int, str] = {}
    for a, b in zip(tokens, tokens[1:], strict=False):
        if line[a.end():b.start()].strip():  # punctuation between: not a pair
            continue
        pair = f"{a.group().lower()} {b.group().lower()}"
        seen = spellings.get(fold(pair))
        if not seen:
            continue
        best, count = seen.most_common(1)[0]
        if best != pair and count >= MIN_SEEN and count > seen[pair]:
            first, second = best.split(" ")
            replaced.setdefault(a.start(), _cased(first, a.group()))
            replaced[b.start()] = _cased(second, b.group())
    for match in tokens:
        out.append(line[last:match.start()] + replaced.get(match.start(), match.group()))
        last = match.end()
    return "".join(out) + line[last:]


def _cased(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if like[:1].isupper() else word
