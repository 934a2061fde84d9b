import unicodedata

import pytest

from common.textnorm import (
    _FOLD,
    _INVISIBLE,
    _SPACES,
    clean_line,
    clean_text,
    content_hash,
    fold,
    fold_d,
    is_vietnamese,
    loose_pattern,
    nfc,
)


def test_nfc_composes_combining_marks():
    assert nfc(unicodedata.normalize("NFD", "Dân vận khéo")) == "Dân vận khéo"


def test_fold_d_only_touches_d():
    assert fold_d("Đồng Tháp đẹp") == "Dồng Tháp dẹp"


def test_fold_removes_all_diacritics():
    assert fold("Đồng Tháp ĐẸP") == "dong thap dep"


def test_fold_maps_every_character_as_its_table_says():
    # fold reads the table as a list (faster); every code point must come out as the dict says
    text = "".join(chr(cp) for cp in range(0x10000) if not 0xD800 <= cp < 0xE000)
    assert fold(text) == text.translate(_FOLD).lower()


@pytest.mark.parametrize("line", ["  a\u00a0 b ", "a\tb", "a\u200bb", "x\ufeff y", "a \u3000 b", "a  b",
                                  "một hai", " một hai ", "a\nb  c", "a\u2003\u2003b", ""])
def test_clean_line_collapses_as_the_space_pattern_does(line):
    assert clean_line(line) == _SPACES.sub(" ", _INVISIBLE.sub("", nfc(line))).strip()


@pytest.mark.parametrize("line", ["T\u200bân Phú", "T\u00adân Phú", "\ufeffTân\u200d Phú", "Tân\u2060 Phú"])
def test_clean_line_drops_invisible_characters_inside_words(line):
    # a soft hyphen or a zero-width space an editor left inside "Tân" split it into "T ân"
    assert clean_line(line) == "Tân Phú"


@pytest.mark.parametrize("text, expected", [
    ("Chỉ thị về công tác dân vận", True), ("hello world", False), ("", False),
    ("one two three four five six seven eight nine ăn", True), ("a b c d e f g h i j k ăn", False)])
def test_is_vietnamese_needs_one_word_in_ten(text, expected):
    assert is_vietnamese(text) is expected


def test_clean_text_collapses_spaces_and_keeps_paragraphs():
    assert clean_text("\u00a0\u00a0 Một  hai\n\n\n\nBa\u00a0 bốn ") == "Một hai\n\nBa bốn"


def test_content_hash_ignores_spacing_case_and_unicode_form():
    a = "Dân vận khéo\n\nnăm 2018."
    b = unicodedata.normalize("NFD", "  DÂN  vận khéo năm   2018 ")
    assert content_hash(a) == content_hash(b)


def test_content_hash_differs_for_different_text():
    assert content_hash("Dân vận khéo") != content_hash("Dân vận kém")


@pytest.mark.parametrize("needle, text", [
    ("dan van kheo", "Mô hình “Dân  vận khéo” năm 2018"),
    ("Đồng Tháp", "tỉnh ĐỒNG THÁP"),
    ("dong thap", "Đồng Tháp"),
    ("16/CT-TTg", "Chỉ thị 16/ct-ttg của Thủ tướng"),
])
def test_loose_pattern_finds_any_accent_and_case(needle, text):
    assert loose_pattern(needle).search(text)


def test_loose_pattern_matches_whole_words():
    assert not loose_pattern("van").search("vantage") and not loose_pattern("an").search("dân")


def test_a_short_body_is_hashed_with_its_title_and_files_a_long_one_alone():
    from common.textnorm import content_hash

    stock = "Chi tiết xem tại văn bản đính kèm./."
    assert content_hash(stock, "Thông báo A") != content_hash(stock, "Thông báo B")
    assert content_hash(stock, "Thông báo A", ["/a.pdf"]) != content_hash(stock, "Thông báo A", ["/b.pdf"])
    spaced = "chi  tiết xem tại văn bản đính kèm"
    assert content_hash(stock, "Thông báo A") == content_hash(spaced, "THÔNG BÁO a")
    long = "Ủy ban nhân dân huyện tổ chức hội nghị tổng kết công tác dân vận năm 2018. " * 8
    assert content_hash(long, "Tin A") == content_hash(long, "Tin B") == content_hash(long)


def test_a_syllable_is_at_most_seven_letters_with_vietnamese_marks():
    from common.textnorm import is_syllable

    assert all(map(is_syllable, ["nghiêng", "Đắk", "(hỗ", "trợ,", "ĐẾN"]))
    assert not any(map(is_syllable, ["cÏomùmmnfniaannn", "2024", "naïve", "]", "Rới1"]))
