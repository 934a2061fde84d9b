"""Near-duplicate articles: MinHash over word shingles, LSH bands stored in SQLite.

Syndicated copies differ a little (a source line, a few words, other
captions). Each article gets a MinHash signature of ``NUM_PERM`` values over
its word ``SHINGLE``-grams; the signature is cut into ``BANDS`` bands of
``ROWS`` values and each band's hash is a row of ``near_dup_bands``. A new
article's candidates are the articles sharing any band (an indexed lookup),
and a candidate is a near duplicate when the signatures agree on at least
``THRESHOLD`` of their values (estimated Jaccard similarity). Because the
index is a table, it persists across runs and needs no memory to rebuild.

The shingle size and threshold were chosen on the labelled pairs in
``tests/archive/test_neardup.py`` (syndicated edits against same-topic articles).

The MinHash is datasketch 2.0's ``affine32`` scheme (SHA-1's first 32 bits of each
shingle, MurmurHash3's finalizer, then ``a * h + b`` modulo 2**32 with seed 7's
parameters), written here in numpy and pinned: every archive's signatures were made
with it, and datasketch's default changed between 1.x and 2.0 (an archive signed by
one would silently stop matching the other). A test checks it bit for bit against
datasketch. Written here also for cost: datasketch drew the 64 permutations for every
article (a third of the signature's time) and brings scipy (0.9 s of imports in each
extraction worker).
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from sqlite_utils import Database

from common.textnorm import fold, words

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 3
THRESHOLD = 0.5
SEED = 7
MAX_CANDIDATES = 500  # articles compared with a new one at most (see find_similar)
PER_BAND = 64  # articles read from one band's bucket at most
FIRST_CANDIDATES, FIRST_PER_BAND = 16, 8  # the first look: the closest few (see find_similar)
SURE = 0.8  # a match this close in the first look ends the lookup


@dataclass(frozen=True)
class Match:
    article_id: int
    similarity: float


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The ``a`` (odd) and ``b`` of the NUM_PERM affine permutations, as datasketch draws them."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer (uint32 arithmetic wraps: that is the modulo)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signature(text: str) -> np.ndarray:
    """MinHash signature (uint64 values) of the text's folded word shingles."""
    tokens = words(fold(text))
    # each run of SHINGLE words (all the words when fewer), once; the shorter lists end the zip
    runs = zip(*(tokens[i:] for i in range(SHINGLE)), strict=False)
    grams = set(map(" ".join, runs)) or {" ".join(tokens)}
    # SHA-1's first four bytes of each shingle, little-endian: datasketch's sha1_hash32
    sha1 = hashlib.sha1
    hashes = np.frombuffer(b"".join([sha1(g.encode()).digest()[:4] for g in grams]), dtype="<u4")
    a, b = _permutations()
    with np.errstate(over="ignore"):
        permuted = _fmix32(hashes.astype(np.uint32)).reshape(-1, 1) * a + b
    return permuted.min(axis=0).astype(np.uint64)


def band_hashes(sig: np.ndarray) -> list[int]:
    out = []
    for band in range(BANDS):
        digest = hashlib.blake2b(sig[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8).digest()
        out.append(struct.unpack("<q", digest)[0])
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def find_similar(db: Database, sig: np.ndarray) -> Match | None:
    """The most similar archived article at or above THRESHOLD, if any."""
    # First the few articles sharing the most bands: a syndicated copy (the usual near duplicate,
    # and the costly case, one story copied by every commune) shares most of its bands and is
    # among them, nearly the same. Only when none of them is that close are the buckets read deep.
    found, rows = _closest(db, sig, FIRST_PER_BAND, FIRST_CANDIDATES)
    if not rows or (found is not None and found.similarity >= SURE):
        return found
    return _closest(db, sig, PER_BAND, MAX_CANDIDATES)[0]


def _closest(db: Database, sig: np.ndarray, per_band: int, candidates: int) -> tuple[Match | None, int]:
    """The best match among the ``candidates`` articles sharing the most bands (each band's bucket
    read ``per_band`` deep), and how many were compared."""
    # Each band's bucket read newest first and at most per_band deep (the primary key's order),
    # then the candidates sharing the most bands first: an archive of alike notices (or one story
    # syndicated to every district) fills a bucket with thousands of articles, and a lookup must
    # not grow with them. Views of one page come in one crawl: newest.
    bands = " UNION ALL ".join(
        "SELECT * FROM (SELECT article_id FROM near_dup_bands WHERE band = ? AND hash = ? "
        f"ORDER BY article_id DESC LIMIT {per_band})" for _ in range(BANDS))
    # one statement: the bands' buckets counted and the signatures read by SQLite (16 queries and
    # a Python Counter over up to a thousand ids were most of the lookup's cost)
    rows = db.execute(
        f"SELECT c.article_id, s.signature FROM (SELECT article_id, count(*) AS n FROM ({bands}) "
        f"GROUP BY article_id ORDER BY n DESC, article_id DESC LIMIT {candidates}) AS c "
        "JOIN near_dup_signatures AS s USING (article_id) ORDER BY c.n DESC, c.article_id DESC",
        [x for band, value in enumerate(band_hashes(sig)) for x in (band, value)]).fetchall()
    size = NUM_PERM * 8
    rows = [(article_id, blob) for article_id, blob in rows if blob is not None and len(blob) == size]
    if not rows:
        return None, 0
    # all candidates at once: an archive of notices alike shares bands among hundreds of
    # articles, and one comparison at a time was a quarter of a many-portal crawl's CPU
    matrix = np.frombuffer(b"".join(blob for _, blob in rows), dtype=np.uint64).reshape(-1, NUM_PERM)
    scores = (matrix == sig).mean(axis=1)
    top = int(np.argmax(scores))
    return (Match(rows[top][0], float(scores[top])) if scores[top] >= THRESHOLD else None), len(rows)


def add(db: Database, article_id: int, sig: np.ndarray) -> None:
    """Index an article (inside the caller's transaction)."""
    db.execute("INSERT OR REPLACE INTO near_dup_signatures (article_id, signature) VALUES (?, ?)",
               [article_id, sig.tobytes()])
    db.conn.executemany(
        "INSERT OR IGNORE INTO near_dup_bands (band, hash, article_id) VALUES (?, ?, ?)",
        [(band, h, article_id) for band, h in enumerate(band_hashes(sig))],
    )


def remove(db: Database, article_id: int) -> None:
    db.execute("DELETE FROM near_dup_bands WHERE article_id = ?", [article_id])
    db.execute("DELETE FROM near_dup_signatures WHERE article_id = ?", [article_id])
