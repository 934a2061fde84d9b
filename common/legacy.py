"""Vietnamese text in pre-Unicode font encodings, found in old DOC and PDF files and old web pages.

Before Unicode, Vietnamese documents were typed in 8-bit fonts: TCVN3 (ABC,
fonts ``.VnTime``, ``.VnArial``) and VNI (``VNI-Times``). A text extractor
reads such a file's bytes as Windows-1252 / Latin-1, so "Bảo Thắng" comes out
as "B¶o Th¾ng" (TCVN3) and "Việt Nam" as "Vieät Nam" (VNI). No Python codec
exists for either: these tables map the Latin-1 characters back.

TCVN3 puts each accented lower-case letter in one byte (capitals come from a
separate upper-case font with the same codes, so they convert to lower case).
VNI writes a base letter followed by one or two mark bytes.
"""

from __future__ import annotations

import re
import unicodedata

# TCVN3 (TCVN 5712:1993, VN3): Latin-1 character -> Vietnamese letter
TCVN3 = dict(zip(
    "¸µ¶·¹¨¾»¼½Æ©ÊÇÈÉË®ÐÌÎÏÑªÕÒÓÔÖÝ×ØÜÞãßáâä«èåæçé¬íêëìîóïñòô\xadøõö÷ùýúûüþ¡¢§£¤¥¦",
    "áàảãạăắằẳẵặâấầẩẫậđéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵĂÂĐÊÔƠƯ",
    strict=True,
))

# VNI-Windows: base letter + mark characters -> Vietnamese letter
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_HAT_TONES = {"á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE_TONES = {"é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for upper in (False, True):
        def case(s: str, up: bool = upper) -> str:
            return s.upper() if up else s
        for base in "aeouy":
            for mark, accent in _VNI_TONES.items():
                table[case(base + mark)] = unicodedata.normalize("NFC", case(base) + accent)
        for base in "aeo":  # circumflex: â ê ô, then with a tone
            table[case(base + "â")] = unicodedata.normalize("NFC", case(base) + "\u0302")
            for mark, accent in _VNI_HAT_TONES.items():
                table[case(base + mark)] = unicodedata.normalize("NFC", case(base) + "\u0302" + accent)
        table[case("aê")] = case("ă")
        for mark, accent in _VNI_BREVE_TONES.items():
            table[case("a" + mark)] = unicodedata.normalize("NFC", case("a") + "\u0306" + accent)
        for single, horn in (("ô", "ơ"), ("ö", "ư")):  # horn letters, alone and with a tone
            table[case(single)] = case(horn)
            for mark, accent in _VNI_TONES.items():
                table[case(single + mark)] = unicodedata.normalize("NFC", case(horn) + accent)
        for vni, letter in (("í", "í"), ("ì", "ì"), ("æ", "ỉ"), ("ó", "ĩ"), ("ò", "ị"), ("î", "ỵ"),
                            ("ñ", "đ")):
            table[case(vni)] = case(letter)
    return table


VNI = _vni_table()
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, VNI), key=len, reverse=True)))

# What gives each encoding away in Latin-1 text: TCVN3's tone letters are Latin-1
# symbols (¸ µ ¶ · ¹ ® ¬ ...); VNI's are marks that follow a vowel (Vieät, caùc, ñeán).
_TCVN3_SIGNS = re.compile("[¸µ¶·¹¨»¼½®ª«¬\xad©]")
_VNI_SIGNS = re.compile("[aeiouyAEOUY][äåëïöøûüõæ]|[ôö][ùøûõï]|ñ[aeoiu]")
_VIETNAMESE = re.compile("[ăđơưĂĐƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")  # beyond Latin-1


def legacy_encoding(text: str) -> str | None:
    """``"tcvn3"`` or ``"vni"`` when ``text`` reads as that encoding through Latin-1, else None.

    Unicode Vietnamese always has letters beyond Latin-1 (ạ ả ư ơ đ ...); a text that
    has many such signs and few real Vietnamese letters is legacy-encoded.
    """
    sample = text[:20000]
    tcvn3, vni = len(_TCVN3_SIGNS.findall(sample)), len(_VNI_SIGNS.findall(sample))
    if max(tcvn3, vni) < 3 or len(_VIETNAMESE.findall(sample)) > max(tcvn3, vni):
        return None
    return "tcvn3" if tcvn3 >= vni else "vni"


def has_signs(text: str) -> bool:
    """Whether ``text`` holds any of the signs of TCVN3 or VNI read through Latin-1 (a quick look
    before :func:`legacy_encoding` weighs them)."""
    return bool(_TCVN3_SIGNS.search(text) or _VNI_SIGNS.search(text))


def from_tcvn3(text: str) -> str:
    return unicodedata.normalize("NFC", "".join(TCVN3.get(c, c) for c in text))


def from_vni(text: str) -> str:
    return unicodedata.normalize("NFC", _VNI_PATTERN.sub(lambda m: VNI[m.group()], text))


def to_unicode(text: str) -> tuple[str, str | None]:
    """The text in Unicode NFC, and the legacy encoding it was converted from (or None)."""
    encoding = legacy_encoding(text)
    if encoding == "tcvn3":
        return from_tcvn3(text), encoding
    if encoding == "vni":
        return from_vni(text), encoding
    return unicodedata.normalize("NFC", text), None
