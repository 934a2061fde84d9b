"""OCR words laid out again in lines, with the columns of a line apart (crawler.documents.layout)."""

from __future__ import annotations

from crawler.documents.layout import Box, page_text, signature_box, words_of

PAGE = (2480, 3508)  # the page row of _tsv: A4 at 300 dpi
HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def _tsv(*words: tuple[int, int, int, int, str]) -> str:
    """(block, paragraph, line, left, text) words of height 40, 30 pixels wide per letter."""
    rows = [HEAD, "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t"]
    for block, par, line, left, text in words:
        rows.append(f"5\t1\t{block}\t{par}\t{line}\t1\t{left}\t100\t{30 * len(text)}\t40\t91.5\t{text}")
    return "\n".join(rows)


def test_a_wide_gap_in_a_line_is_a_column_gap():
    tsv = _tsv((1, 1, 1, 200, "Nơi"), (1, 1, 1, 310, "nhận:"), (1, 1, 1, 1400, "KT."), (1, 1, 1, 1500, "THỦ"))
    assert page_text(tsv) == "Nơi nhận:\tKT. THỦ\n"


def test_paragraphs_are_apart_by_a_blank_line():
    tsv = _tsv((1, 1, 1, 200, "Điều"), (1, 1, 1, 340, "1."), (1, 2, 1, 200, "Điều"), (1, 2, 1, 340, "2."))
    assert page_text(tsv) == "Điều 1.\n\nĐiều 2.\n"


def test_a_cut_row_is_skipped_and_the_rest_read():
    tsv = _tsv((1, 1, 1, 200, "Số:")) + "\n5\t1\t1\t1\t2\t1\tx\n" + _tsv((1, 1, 3, 200, "Hà"))[len(HEAD) + 1:]
    assert [w.text for w in words_of(tsv)] == ["Số:", "Hà"]


def test_an_empty_page_is_empty():
    assert page_text(HEAD + "\n") == ""


def test_the_signature_block_stands_right_of_nơi_nhận_below_it():
    tsv = _tsv((1, 1, 1, 200, "Điều"), (2, 1, 1, 200, "Nơi"), (2, 1, 1, 310, "nhận:"), (2, 1, 1, 1400, "KT."))
    box, named = signature_box(words_of(tsv), *PAGE)
    assert named and box == Box(int(2480 * 0.42), 0, 2480, 100 + 22 * 40)  # from 4 lines above


def test_without_nơi_nhận_the_last_authority_in_the_right_column_places_the_block():
    tsv = _tsv((1, 1, 1, 200, "Căn"), (1, 1, 2, 1400, "GIÁM"), (1, 1, 2, 1550, "ĐÓC"))
    box, named = signature_box(words_of(tsv), *PAGE)
    assert not named and box.left == int(2480 * 0.42)
    left_column = words_of(_tsv((1, 1, 1, 200, "GIÁM"), (1, 1, 1, 360, "ĐỐC")))
    assert signature_box(left_column, *PAGE) is None  # a left column's
    assert signature_box(words_of(HEAD + "\n"), *PAGE) is None


def test_a_huge_page_is_rendered_smaller_not_at_300_dpi():
    """A hostile file's 200-inch page would take 3.6 billion pixels at 300 dpi."""
    from crawler.documents.ocr import DPI, MAX_PIXELS, page_scale

    assert page_scale((595, 842)) == DPI / 72  # A4
    scale = page_scale((14400, 14400))
    assert (14400 * scale) ** 2 <= MAX_PIXELS * 1.001
