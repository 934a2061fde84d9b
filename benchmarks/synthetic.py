"""A synthetic archive of realistic Vietnamese articles, for the search benchmark.

Text comes from an order-1 Markov chain over syllables, trained on the
article bodies the project already holds (demo portals, gold set, seed
dumps), so word frequencies look like a portal's: a few syllables ("công",
"tác", "tỉnh", "dân") occur in most articles, most occur rarely. Articles are
written straight into a migrated archive (triggers fill the folded search
index), spread over ``sites`` sites and 2012-2025, published in random order
relative to their rowids, as happens when old portals are crawled late.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path

from archive.store import open_database
from common.textnorm import fold, nfc
from crawler.demo.content import ARTICLES

ROOT = Path(__file__).resolve().parent.parent
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+")
_SYLLABLE = re.compile(r"[^\W\d_]+", re.UNICODE)
START = datetime(2012, 1, 1)
SPAN_MINUTES = 14 * 365 * 24 * 60


def corpus() -> list[str]:
    """Sentences of real-looking portal prose."""
    texts = [a.body for a in ARTICLES]
    gold = ROOT / "tests" / "gold" / "expected.json"
    if gold.exists():
        texts += [e["text"] for e in json.loads(gold.read_text(encoding="utf-8")).values()]
    seeds = ROOT.parent / "shared" / "seeds"
    for path in sorted(seeds.glob("*.txt")) if seeds.exists() else []:
        texts += [line for line in path.read_text(encoding="utf-8").splitlines() if len(line) > 60]
    return [s for t in texts for s in _SENTENCE.split(nfc(t)) if len(s.split()) >= 5]


class Chain:
    """Order-1 Markov chain over lowercase syllables."""

    def __init__(self, sentences: list[str], rng: random.Random) -> None:
        self.rng = rng
        self.next: dict[str, list[str]] = defaultdict(list)
        self.starts: list[str] = []
        for sentence in sentences:
            words = [w.lower() for w in _SYLLABLE.findall(sentence)]
            if len(words) < 3:
                continue
            self.starts.append(words[0])
            for a, b in zip(words, words[1:], strict=False):
                self.next[a].append(b)
        self.vocabulary = sorted(set(self.starts) | set(self.next))

    def sentence(self, min_words: int = 10, max_words: int = 28) -> str:
        word = self.rng.choice(self.starts)
        words = [word]
        for _ in range(self.rng.randint(min_words, max_words) - 1):
            follow = self.next.get(word)
            word = self.rng.choice(follow) if follow else self.rng.choice(self.starts)
            words.append(word)
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."


def sentence_pool(size: int, seed: int = 7) -> tuple[list[str], Chain]:
    rng = random.Random(seed)
    chain = Chain(corpus(), rng)
    return [chain.sentence() for _ in range(size)], chain


def sites(n: int) -> list[tuple[str, str, str]]:
    """(key, province, level): 34 provinces, the rest districts and communes."""
    provinces = [f"tinh-{i:02d}" for i in range(34)]
    out = [(p, p, "province") for p in provinces]
    for i in range(n - len(out)):
        province = provinces[i % len(provinces)]
        out.append((f"{province}-{'huyen' if i % 3 else 'xa'}-{i:03d}", province,
                    "district" if i % 3 else "commune"))
    return out


def articles(n: int, site_keys: list[str], pool: list[str], seed: int = 11):
    """Rows for ``articles``: 6-14 pooled sentences each (~1-2 KB), random dates."""
    rng = random.Random(seed)
    for i in range(1, n + 1):
        body = " ".join(rng.choices(pool, k=rng.randint(6, 14)))
        title = rng.choice(pool).rstrip(".")[:140]
        published = START + timedelta(minutes=rng.randrange(SPAN_MINUTES))
        site = rng.choice(site_keys)
        text = f"{body}\n\nBài {i}."
        yield (i, f"https://{site}.gov.vn/tin-tuc/{i}.html", site, title,
               published.strftime("%Y-%m-%dT%H:%M:00+07:00"), hashlib.sha1(text.encode()).hexdigest(),
               text, "2026-01-01T00:00:00+00:00")


def build(path: Path, n: int, n_sites: int, progress=print) -> None:
    """Write ``n`` synthetic articles into a new archive at ``path``."""
    db = open_database(path)
    db.execute("PRAGMA synchronous = OFF")
    pool, _ = sentence_pool(60_000)
    keys = [k for k, _, _ in sites(n_sites)]
    sql = ("INSERT INTO articles (id, url, site, title, published_at, content_hash, text, fetched_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
    batch: list[tuple] = []
    for row in articles(n, keys, pool):
        batch.append(row)
        if len(batch) == 20_000:
            with db.conn:
                db.conn.executemany(sql, batch)
            batch.clear()
            if row[0] % 200_000 == 0:
                progress(f"  {row[0]:,} articles")
    with db.conn:
        db.conn.executemany(sql, batch)
    db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')")
    db.conn.commit()
    db.conn.close()


def queries(count: int, seed: int = 5) -> list[str]:
    """Two-word queries as researchers type them: adjacent syllables of the prose, some unaccented."""
    rng = random.Random(seed)
    pool, _ = sentence_pool(5_000, seed=seed)
    out = []
    while len(out) < count:
        words = _SYLLABLE.findall(rng.choice(pool).lower())
        if len(words) < 2:
            continue
        start = rng.randrange(len(words) - 1)
        query = " ".join(words[start:start + 2])
        out.append(fold(query).lower() if rng.random() < 0.5 else query)
    return out
