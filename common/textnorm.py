"""Text normalisation shared by extraction, deduplication and search.

All text that enters the archive is NFC: windows-1258 pages decode to base
letters plus combining marks, and the same word must compare equal however
the portal encoded it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# invisible characters editors leave inside words: soft hyphens, zero-width spaces and joiners, a
# byte-order mark; a space there split "Tân" into "T ân"
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_BLANK_LINES = re.compile(r"\n{3,}")
_FOLD_D = str.maketrans({"đ": "d", "Đ": "D"})


def _fold_table() -> dict[int, str | None]:
    """Every Latin letter with diacritics to its base letter; combining marks dropped."""
    table: dict[int, str | None] = {cp: None for cp in range(0x300, 0x370)}
    for cp in range(0xC0, 0x1EFA):
        base = unicodedata.normalize("NFD", chr(cp))[:1]
        if base.isascii() and base.isalpha() and base != chr(cp):
            table[cp] = base
    table.update({ord("đ"): "d", ord("Đ"): "D"})
    return table


def _as_list(table: dict[int, str | None]) -> list[str | None]:
    """``table`` as a list indexed by code point. str.translate looks a dict up with an int
    object for every character, a list by position: twice as fast on Vietnamese text. A code
    point past the list's end raises IndexError, which translate takes for "unchanged", as it
    takes a dict's miss."""
    out: list[str | None] = [chr(cp) for cp in range(max(table) + 1)]
    for cp, base in table.items():
        out[cp] = base
    return out


_FOLD = _fold_table()
_FOLD_LIST = _as_list(_FOLD)


def _variants() -> dict[str, str]:
    """Each base letter with every letter that folds to it (both cases)."""
    out: dict[str, set[str]] = {}
    for cp, base in _FOLD.items():
        if base:
            out.setdefault(base.lower(), {base.lower(), base.upper()}).update({chr(cp)})
    return {base: "".join(sorted(letters)) for base, letters in out.items()}


_VARIANTS = _variants()
_WORDS = re.compile(r"\w+", re.UNICODE)


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC form."""
    return unicodedata.normalize("NFC", text)


def clean_line(text: str) -> str:
    """NFC, with runs of spaces (``&nbsp;`` included) collapsed, invisible characters (soft hyphens,
    zero-width spaces) dropped and ends stripped."""
    text = nfc(text)
    # every character _SPACES collapses but the plain space is unprintable: a printable line
    # without two spaces in a row has nothing to collapse, and one C scan says so (the regex
    # visits each character: the most of a page's text normalisation)
    if "  " not in text and text.isprintable():
        return text.strip()
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def clean_text(text: str) -> str:
    """Normalise a multi-paragraph body: one paragraph per block, blank line between.

    >>> clean_text("  a\\u00a0 b \\n\\n\\n\\n c ")
    'a b\\n\\nc'
    """
    paragraphs = [clean_line(p) for p in re.split(r"\n\s*\n|\n", nfc(text))]
    return "\n\n".join(p for p in paragraphs if p)


def fold_d(text: str) -> str:
    """Fold ``đ``/``Đ`` to ``d``/``D``: FTS5's ``remove_diacritics`` never does."""
    return text.translate(_FOLD_D)


def fold(text: str) -> str:
    """Fold for comparison: no diacritics, ``đ`` to ``d``, lower case (NFC or NFD input)."""
    return text.translate(_FOLD_LIST).lower()


def loose_pattern(text: str) -> re.Pattern:
    """A regex finding ``text`` in NFC text whatever its diacritics, case and spacing.

    Faster than folding a long text to search it: "dan van" finds "Dân  vận".
    """
    parts = []
    for char in fold(nfc(text)).strip():
        if char.isspace():
            if parts and parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif char in _VARIANTS:
            parts.append(f"[{_VARIANTS[char]}]")
        elif char.isalpha():
            parts.append(f"[{re.escape(char)}{re.escape(char.upper())}]")
        else:
            parts.append(re.escape(char))
    return re.compile(r"(?<!\w)" + "".join(parts) + r"(?!\w)")


def words(text: str) -> list[str]:
    """Lower-case word tokens of ``text`` (diacritics kept)."""
    return _WORDS.findall(nfc(text).lower())


SHORT_TEXT_WORDS = 60  # a body this short may be a notice's stock line ("Chi tiết xem tại văn bản đính kèm")


def content_hash(text: str, title: str = "", files: Iterable[str] = ()) -> str:
    """Hash of the article text that survives whitespace and encoding noise.

    Two pages whose bodies differ only in spacing, line breaks, Unicode form or
    letter case hash the same: that is "the same normalised text". A short body
    is hashed with its title and the addresses of the files it links: portals post
    notices whose body is one stock line ("Chi tiết xem tại văn bản đính kèm./."),
    and two notices with different titles or files are two notices.
    """
    tokens = words(text)
    if len(tokens) < SHORT_TEXT_WORDS:
        tokens = [*words(title), "\x00", *tokens, "\x00", *sorted(files)]
    return hashlib.sha256(" ".join(tokens).encode("utf-8")).hexdigest()


# Letters only Vietnamese writes (with its tone marks): a cheap language signal.
_VI_LETTERS = frozenset("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯ")


def is_vietnamese(text: str, sample: int = 3000) -> bool:
    """Whether ``text`` is Vietnamese: one word in ten or more holds a letter only Vietnamese uses."""
    tokens = text[:sample].split()
    needed, marked = 0.1 * len(tokens), 0
    for token in tokens:  # stops at the tenth: Vietnamese marks one word in two (pages ask it often)
        if not _VI_LETTERS.isdisjoint(token):
            marked += 1
            if marked >= needed:
                return True
    return False


# The marks Vietnamese letters carry: five tones, circumflex, breve, horn (NFD).
_VI_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")
SYLLABLE_LETTERS = 7  # "nghiêng", the longest Vietnamese syllable


def is_syllable(token: str) -> bool:
    """Whether ``token`` (punctuation around it aside) could be a Vietnamese syllable: at most
    seven letters, each a Latin letter with only Vietnamese marks. OCR noise ("cÏomùmmnfn")
    is not."""
    word = token.strip(".,;:!?()[]{}\"'“”‘’-–")
    if not word or len(word) > SYLLABLE_LETTERS:
        return False
    for letter in word:
        parts = unicodedata.normalize("NFD", letter)
        if letter not in "đĐ" and not (parts[0].isascii() and parts[0].isalpha()
                                       and _VI_MARKS.issuperset(parts[1:])):
            return False
    return True


# two searches, not one pattern of both: one pattern of both is the slower on a page that has
# neither, the usual page
NOT_XML_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
NOT_XML_REFERENCE = re.compile(r"&#[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF])(?![0-9a-fA-F]);?"
                               r"|&#0*(?:[0-8]|1[1-24-9]|2\d|3[01]|6553[45])(?!\d);?")  # &#x0B; &#11;


def xml_compatible(html: str) -> str:
    """``html`` with the characters XML does not allow (C0 controls but tab and line ends, U+FFFE,
    U+FFFF), and character references to them (``&#11;``), read as spaces: lxml keeps them in a
    parsed tree, and then refuses any text or attribute set from them ("All strings must be XML
    compatible"). Pages pasted from Word carry vertical tabs, its manual line break."""
    if NOT_XML_CHARACTER.search(html):
        html = NOT_XML_CHARACTER.sub(" ", html)
    if NOT_XML_REFERENCE.search(html):
        html = NOT_XML_REFERENCE.sub(" ", html)
    return html
