"""Near-duplicate detection on labelled pairs; the threshold in archive/neardup.py comes from here.

Positives: syndicated copies of each demo article (a source line added, a few
words changed, another caption, a paragraph dropped). Negatives: every pair of
distinct demo and seed-shaped articles, most of them on the same topics
("Dân vận khéo", district conferences). Retrieval goes through the real SQLite
LSH index, so recall includes LSH misses.
"""

from __future__ import annotations

import json
import random

import pytest
from conftest import ROOT

from archive import neardup
from archive.store import Archive
from crawler.demo.content import ARTICLES

SEEDS = json.loads((ROOT / "tests" / "fixtures/seeds/expected.json").read_text(encoding="utf-8"))
TEXTS = [a.body for a in ARTICLES] + [e["text"] for e in SEEDS.values()]


def variant(text: str, kind: int, rng: random.Random) -> str:
    paragraphs = text.split("\n\n")
    if kind == 0:  # republished: a source line and three words changed
        words = paragraphs[-1].split()
        for i in rng.sample(range(len(words)), min(3, len(words))):
            words[i] = "được"
        paragraphs = ["(Theo Báo Sông Hậu)"] + paragraphs[:-1] + [" ".join(words)]
    elif kind == 1:  # another caption and a sentence edited
        paragraphs.insert(1, "Ảnh minh họa: Quang cảnh hội nghị tại hội trường lớn.")
        paragraphs[0] = paragraphs[0].replace(",", ";", 2) + " Tin: CTV."
    else:  # a shortened copy: the last paragraph dropped
        paragraphs = paragraphs[:-1] if len(paragraphs) > 2 else paragraphs
    return "\n\n".join(paragraphs)


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    archive = Archive(tmp_path_factory.mktemp("nd") / "a.db")
    archive.start_crawl("c", "2026", [])
    ids = []
    for n, text in enumerate(TEXTS):
        sig = neardup.signature(text)
        ids.append(archive.insert_article(
            {"url": f"http://x/{n}", "site": "x", "title": str(n), "text": text,
             "content_hash": str(n), "fetched_at": "2026", "crawl_id": "c"}, sig))
    rng = random.Random(1)
    labelled = []  # (similarity found for the pair or 0.0, is_duplicate)
    for n, text in enumerate(TEXTS):
        for kind in range(3):
            match = neardup.find_similar(archive.db, neardup.signature(variant(text, kind, rng)))
            labelled.append((match.similarity if match and match.article_id == ids[n] else 0.0, True))
    sigs = [neardup.signature(t) for t in TEXTS]
    for i in range(len(TEXTS)):
        for j in range(i + 1, len(TEXTS)):
            labelled.append((neardup.similarity(sigs[i], sigs[j]), False))
    return labelled


def precision_recall(labelled, threshold):
    tp = sum(1 for s, dup in labelled if dup and s >= threshold)
    fp = sum(1 for s, dup in labelled if not dup and s >= threshold)
    fn = sum(1 for s, dup in labelled if dup and s < threshold)
    return tp / max(1, tp + fp), tp / max(1, tp + fn)


def test_report_precision_recall(scores, capsys):
    with capsys.disabled():
        positives = sum(dup for _, dup in scores)
        print(f"\nnear-duplicates: {positives} syndicated pairs, {len(scores) - positives} distinct pairs")
        for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
            p, r = precision_recall(scores, threshold)
            print(f"  threshold {threshold:.1f}: precision {p:.3f} recall {r:.3f}")


def test_chosen_threshold_is_precise_and_complete(scores):
    precision, recall = precision_recall(scores, neardup.THRESHOLD)
    assert precision == 1.0
    assert recall >= 0.95


def test_distinct_articles_leave_a_margin_below_the_threshold(scores):
    # the closest distinct pairs are rewrites of one event (demo 101 and seed 000): 0.25
    assert max(s for s, dup in scores if not dup) <= neardup.THRESHOLD - 0.2


def test_signature_is_datasketch_affine32_bit_for_bit():
    """The archive's signatures stay what datasketch 2.0 made (its default scheme changed
    between 1.x and 2.0: a pinned scheme keeps old and new crawls comparable)."""
    import numpy as np
    from datasketch import MinHash

    from common.textnorm import fold, words

    rng = random.Random(5)
    vocabulary = [w for article in ARTICLES for p in article.paragraphs for w in p.split()]
    texts = ["", "a", "Đồng Tháp", *(" ".join(rng.choices(vocabulary, k=rng.randint(3, 400)))
                                       for _ in range(50))]
    for text in texts:
        tokens = words(fold(text))
        grams = {" ".join(tokens[i : i + neardup.SHINGLE]).encode()
                 for i in range(max(1, len(tokens) - neardup.SHINGLE + 1))}
        reference = MinHash(num_perm=neardup.NUM_PERM, seed=neardup.SEED, scheme="affine32")
        reference.update_batch(list(grams))
        assert np.array_equal(neardup.signature(text), reference.hashvalues.astype(np.uint64)), text


def test_a_lookup_compares_a_bounded_number_of_candidates_the_closest_first(tmp_path):
    """Hundreds of alike notices share a band with a new article: at most MAX_CANDIDATES are
    compared, those sharing the most bands first, so the near duplicate is still found."""
    import numpy as np

    db = Archive(tmp_path / "a.db").db
    probe = neardup.signature("Thông báo lịch tiếp công dân của Ủy ban nhân dân huyện tháng 4 năm 2024")
    rows = neardup.ROWS
    with db.conn:
        for article_id in range(1, neardup.MAX_CANDIDATES + 200):
            alike = np.arange(article_id * 100, article_id * 100 + neardup.NUM_PERM, dtype=np.uint64)
            alike[:rows] = probe[:rows]  # one band in common
            neardup.add(db, article_id, alike)
        neardup.add(db, 9999, probe.copy())
    match = neardup.find_similar(db, probe)
    assert match is not None and (match.article_id, match.similarity) == (9999, 1.0)


def _sharing(probe, bands, article_id):
    """A signature that agrees with ``probe`` on ``bands`` only (elsewhere values of its own)."""
    import numpy as np

    sig = np.arange(article_id * 100, article_id * 100 + neardup.NUM_PERM, dtype=np.uint64)
    for band in bands:
        part = slice(band * neardup.ROWS, (band + 1) * neardup.ROWS)
        sig[part] = probe[part]
    return sig


def test_the_first_look_ends_the_lookup_on_a_copy_nearly_the_same(tmp_path):
    """A syndicated copy shares most bands: found among the closest few, the deep look skipped."""
    db = Archive(tmp_path / "a.db").db
    probe = neardup.signature("Thông báo lịch tiếp công dân của Ủy ban nhân dân huyện tháng 4 năm 2024")
    with db.conn:
        for article_id in range(1, 400):  # older articles alike in one band each
            neardup.add(db, article_id, _sharing(probe, [article_id % neardup.BANDS], article_id))
        neardup.add(db, 1000, _sharing(probe, range(14), 1000))  # 56 of 64 values: 0.875
    statements = []
    db.conn.set_trace_callback(statements.append)
    assert neardup.find_similar(db, probe) == neardup.Match(1000, 0.875)
    assert len(statements) == 1


def test_a_close_article_buried_under_newer_alike_ones_is_found_by_the_deep_look(tmp_path):
    """Every band's newest articles are alike in that band only: the first look sees none close
    enough, and the deep look still finds the older near duplicate."""
    db = Archive(tmp_path / "a.db").db
    probe = neardup.signature("Thông báo lịch tiếp công dân của Ủy ban nhân dân huyện tháng 4 năm 2024")
    with db.conn:
        neardup.add(db, 1, _sharing(probe, range(10), 1))  # 40 of 64 values: 0.625, below SURE
        for article_id in range(2, 2 + neardup.BANDS * (neardup.FIRST_PER_BAND + 2)):
            neardup.add(db, article_id, _sharing(probe, [article_id % neardup.BANDS], article_id))
    assert neardup.find_similar(db, probe) == neardup.Match(1, 0.625)
