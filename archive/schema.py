"""The archive's schema, created and changed only through migrations.

The schema is a public contract: users' scripts query ``articles`` and
``crawls`` directly. A change is a new migration appended below; an applied
migration is never edited.

Full-text search: ``articles_fts`` is an FTS5 index over ``title`` and ``text``
with ``unicode61 remove_diacritics 2``. That tokenizer never folds ``đ``, so
the triggers here (not sqlite-utils' default ones) index ``đ``/``Đ`` as
``d``/``D``; queries are folded the same way (``archive.search``). Because the
folding is one letter for one letter, token positions match the stored text
and ``snippet()`` highlights the original words.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("govarchive")

FTS_TOKENIZE = "unicode61 remove_diacritics 2"


def fold_sql(column: str) -> str:
    """SQL expression folding đ/Đ in ``column`` (no user-defined function needed)."""
    return f"replace(replace({column}, 'đ', 'd'), 'Đ', 'D')"


@migrations()
def m001_initial(db: Database) -> None:
    db["crawls"].create(
        {
            "id": str, "started_at": str, "finished_at": str, "status": str,
            "start_urls": str, "pages_fetched": int, "articles_new": int,
            "articles_updated": int, "duplicates": int, "errors": int, "skipped": int,
            "stats": str,
        },
        pk="id",
    )
    db["articles"].create(
        {
            "id": int, "url": str, "site": str, "title": str, "published_at": str,
            "published_raw": str, "author": str, "source": str, "text": str,
            "content_hash": str, "fetched_at": str, "crawl_id": str,
        },
        pk="id",
        foreign_keys=[("crawl_id", "crawls", "id")],
        not_null={"url", "site", "title", "text", "content_hash", "fetched_at"},
    )
    db["articles"].create_index(["url"], unique=True)
    db["articles"].create_index(["content_hash"], unique=True)
    db["articles"].create_index(["site", "published_at"])
    db["articles"].create_index(["published_at"])
    _create_search_index(db)


def _create_search_index(db: Database) -> None:
    db["articles"].enable_fts(["title", "text"], tokenize=FTS_TOKENIZE, create_triggers=False)
    new = f"new.rowid, {fold_sql('new.title')}, {fold_sql('new.text')}"
    old = f"old.rowid, {fold_sql('old.title')}, {fold_sql('old.text')}"
    db.executescript(
        f"""
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
          INSERT INTO articles_fts (rowid, title, text) VALUES ({new});
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
          INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', {old});
        END;
        CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
          INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', {old});
          INSERT INTO articles_fts (rowid, title, text) VALUES ({new});
        END;
        """
    )
    rebuild_search_index(db)


def rebuild_search_index(db: Database) -> None:
    """Re-index every article with folding (use instead of FTS5's ``'rebuild'``).

    Ends with FTS5's ``optimize``: one bulk insert leaves many segments, which search
    slower than one (``benchmarks/RESULTS.md``)."""
    db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
    db.execute(
        f"INSERT INTO articles_fts (rowid, title, text) "
        f"SELECT rowid, {fold_sql('title')}, {fold_sql('text')} FROM articles"
    )
    db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')")


@migrations()
def m002_archival_record(db: Database) -> None:
    """WARC pointers, every URL an article was seen at, earlier versions, near-duplicates."""
    for column, kind in (("warc_file", str), ("warc_offset", int), ("warc_length", int),
                         ("cluster_id", int)):
        db["articles"].add_column(column, kind)
    db["articles"].create_index(["cluster_id"])
    db["article_urls"].create(
        {"id": int, "article_id": int, "url": str, "site": str, "first_seen": str, "last_seen": str},
        pk="id", foreign_keys=[("article_id", "articles", "id")], not_null={"article_id", "url"},
    )
    db["article_urls"].create_index(["url", "article_id"], unique=True)
    db["article_urls"].create_index(["article_id"])
    db.execute(
        "INSERT INTO article_urls (article_id, url, site, first_seen, last_seen) "
        "SELECT id, url, site, fetched_at, fetched_at FROM articles"
    )
    db["article_versions"].create(
        {"id": int, "article_id": int, "title": str, "published_at": str, "published_raw": str,
         "author": str, "source": str, "text": str, "content_hash": str, "fetched_at": str,
         "crawl_id": str, "warc_file": str, "warc_offset": int, "warc_length": int,
         "replaced_at": str},
        pk="id", foreign_keys=[("article_id", "articles", "id")],
    )
    db["article_versions"].create_index(["article_id"])
    db["near_dup_signatures"].create({"article_id": int, "signature": bytes}, pk="article_id",
                                     foreign_keys=[("article_id", "articles", "id")])
    db.executescript(
        """
        CREATE TABLE near_dup_bands (band INTEGER NOT NULL, hash INTEGER NOT NULL,
                                     article_id INTEGER NOT NULL REFERENCES articles(id),
                                     PRIMARY KEY (band, hash, article_id)) WITHOUT ROWID;
        """
    )


@migrations()
def m003_pages_and_sites(db: Database) -> None:
    """Non-article pages seen (for incremental crawls) and the site of each crawl."""
    db["pages"].create(
        {"url": str, "site": str, "kind": str, "reason": str, "first_fetched": str,
         "last_fetched": str, "crawl_id": str},
        pk="url",
    )
    db["pages"].create_index(["site", "kind"])
    db["crawls"].add_column("site", str)
    db["crawls"].create_index(["site", "started_at"])


@migrations()
def m004_frontier(db: Database) -> None:
    """Each site's crawl frontier, so that a killed crawl resumes where it stopped."""
    db.executescript(
        """
        CREATE TABLE frontier (id INTEGER PRIMARY KEY, job TEXT NOT NULL, fp TEXT NOT NULL,
                               url TEXT NOT NULL, request BLOB NOT NULL,
                               done INTEGER NOT NULL DEFAULT 0, crawl_id TEXT, added_at TEXT,
                               UNIQUE (job, fp));
        CREATE INDEX frontier_pending ON frontier (job, done);
        """
    )


@migrations()
def m005_sites(db: Database) -> None:
    """Each registry site's name, province and level, so SQL can group articles by them."""
    db["sites"].create(
        {"key": str, "name": str, "province": str, "level": str, "district": str, "commune": str,
         "platform": str, "status": str, "home": str, "updated_at": str},
        pk="key",
    )
    db["sites"].create_index(["province"])


DEMO_SITES = ("demo-songhau", "demo-mythanh")


@migrations()
def m006_archive_info(db: Database) -> None:
    """What the file is for (``archive`` or ``demo``), so no command replaces an archive by mistake.

    An archive made before this migration is a demo archive when every crawl in
    it was of the bundled demo portals.
    """
    db["archive_info"].create({"key": str, "value": str}, pk="key")
    sites = {row[0] for row in db.execute("SELECT DISTINCT coalesce(site, '') FROM crawls")}
    demo = bool(sites) and sites <= {*DEMO_SITES, ""} and db.execute(
        "SELECT count(*) FROM articles WHERE site NOT IN (?, ?)", DEMO_SITES).fetchone()[0] == 0 \
        and db.execute("SELECT count(*) FROM articles").fetchone()[0] > 0
    db["archive_info"].insert({"key": "purpose", "value": "demo" if demo else "archive"})


@migrations()
def m007_page_failures(db: Database) -> None:
    """Pages that failed to download (5xx after retries, timeouts, resets): retried with backoff.

    ``kind`` = ``failed``, ``reason`` the real cause, ``failures`` how many crawls
    in a row failed on it, ``next_try`` (UTC) before which crawls leave it alone.
    """
    db["pages"].add_column("failures", int)
    db["pages"].add_column("next_try", str)
    # Before this, a page that failed to download was recorded as a dead end "refused by
    # robots.txt" and never fetched again: let every such page be tried once more.
    db.execute("UPDATE pages SET kind = 'failed', failures = 0 WHERE kind = 'dead_end' "
               "AND reason = 'refused by robots.txt'")


@migrations()
def m008_attachments_comments(db: Database) -> None:
    """Files an article links from its body (a notice is often only its attachments), and the
    reader comments found beside it, kept apart from the text."""
    for table in ("articles", "article_versions"):
        db[table].add_column("attachments", str)  # JSON list of {"label", "url"}, NULL when none
        db[table].add_column("comments", str)


DOCUMENT_FTS = ("number", "subject", "text")


@migrations()
def m009_documents(db: Database) -> None:
    """Files portals publish (Quyết định, Chỉ thị, Kế hoạch, Báo cáo ... as PDF, DOC, DOCX),
    with their text and metadata, and every page that linked each.

    One row per file content (``sha256`` unique): the same file under two URLs is
    one document with two links. ``text_method`` says how the text was read
    (pdf, docx, doc, xlsx, ocr, pdf+ocr ...); ``ocr_pending`` marks scans waiting
    for ``govarchive ocr``; ``note`` says what was left out and why.
    """
    db["documents"].create(
        {"id": int, "url": str, "site": str, "file_name": str, "mime": str, "kind": str, "size": int,
         "sha256": str, "pages": int, "text": str, "text_method": str, "encoding": str,
         "ocr_pending": int, "note": str, "number": str, "doc_type": str, "issuer": str,
         "issued_on": str, "signer": str, "subject": str, "fetched_at": str, "crawl_id": str,
         "warc_file": str, "warc_offset": int, "warc_length": int},
        pk="id", not_null={"url", "site", "sha256", "fetched_at"},
    )
    db["documents"].create_index(["sha256"], unique=True)
    db["documents"].create_index(["site", "doc_type", "issued_on"])
    db["documents"].create_index(["issued_on"])
    db["documents"].create_index(["number"])
    db["document_links"].create(
        {"id": int, "document_id": int, "url": str, "page_url": str, "link_text": str,
         "first_seen": str, "last_seen": str, "crawl_id": str},
        pk="id", foreign_keys=[("document_id", "documents", "id")],
        not_null={"document_id", "url", "page_url"},
    )
    # page_url is '' (not NULL) for a file found without a linking page, so this holds
    db["document_links"].create_index(["document_id", "url", "page_url"], unique=True)
    db["document_links"].create_index(["url"])
    db["document_links"].create_index(["page_url"])
    db.execute("CREATE VIEW document_articles AS SELECT DISTINCT l.document_id, u.article_id, l.page_url "
               "FROM document_links l JOIN article_urls u ON u.url = l.page_url")
    db["documents"].enable_fts(list(DOCUMENT_FTS), tokenize=FTS_TOKENIZE, create_triggers=False)
    columns = ", ".join(DOCUMENT_FTS)
    new = ", ".join(fold_sql(f"new.{c}") for c in DOCUMENT_FTS)
    old = ", ".join(fold_sql(f"old.{c}") for c in DOCUMENT_FTS)
    db.executescript(
        f"""
        CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
          INSERT INTO documents_fts (rowid, {columns}) VALUES (new.rowid, {new});
        END;
        CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
          INSERT INTO documents_fts (documents_fts, rowid, {columns}) VALUES ('delete', old.rowid, {old});
        END;
        CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN
          INSERT INTO documents_fts (documents_fts, rowid, {columns}) VALUES ('delete', old.rowid, {old});
          INSERT INTO documents_fts (rowid, {columns}) VALUES (new.rowid, {new});
        END;
        """
    )


@migrations()
def m010_recovered(db: Database) -> None:
    """Articles recovered from a web archive: when the capture was made (UTC) and the
    archive's replay address. NULL for articles crawled from the live portal."""
    for table in ("articles", "article_versions"):
        db[table].add_column("captured_at", str)
        db[table].add_column("capture_archive", str)



@migrations()
def m011_date_site_index(db: Database) -> None:
    """The date index carries each article's id and site: a search filtered by many sites
    walks it newest first without reading the articles' rows (most of a ``--level``
    search's time otherwise). It serves every query the date index served."""
    db.execute("CREATE INDEX IF NOT EXISTS idx_articles_published_at_id_site "
               "ON articles (published_at, id, site)")
    db.execute("DROP INDEX IF EXISTS idx_articles_published_at")


@migrations()
def m012_findings(db: Database) -> None:
    """What a crawl learns besides articles, written as it learns it: ``redirect`` (``url`` the old
    address, ``target`` where it led) and ``document_link`` (``url`` the file, ``target`` the page
    linking it, ``text`` the link's). ``resolved`` is 1 once the row became a sighting of the
    article or a link of the document; until then the next crawls try again, so a crawl killed
    before its end loses none of them."""
    db["findings"].create({"id": int, "kind": str, "url": str, "target": str, "text": str, "site": str,
                           "seen_at": str, "crawl_id": str, "resolved": int}, pk="id",
                          not_null={"kind", "url", "target"}, defaults={"resolved": 0})
    db["findings"].create_index(["kind", "url", "target"], unique=True)
    db["findings"].create_index(["resolved"])


@migrations()
def m013_units(db: Database) -> None:
    """Each site's administrative units before and after the 1 July 2025 reform: the codes of
    its old province and district, and the province (and commune) it is in now, so that
    articles group by the old map or the new one."""
    for column in ("province_code", "district_code", "new_province", "new_province_code", "new_commune",
                   "new_commune_code"):
        db["sites"].add_column(column, str)
    db["sites"].create_index(["new_province"])


@migrations()
def m014_citations(db: Database) -> None:
    """The documents a document cites (its "Căn cứ", "Thực hiện", "Theo đề nghị" clauses): ``kind``
    basis, implements or proposal; the cited ``number`` (or, for a law cited by name, ``title``),
    ``doc_type``, ``issued_on``, and the ``clause`` as printed. Documents read before this
    migration get theirs from ``govarchive reextract --documents``."""
    db["document_citations"].create({"id": int, "document_id": int, "kind": str, "number": str,
                                     "doc_type": str, "title": str, "issued_on": str, "clause": str},
                                    pk="id", not_null={"document_id", "kind"})
    db["document_citations"].create_index(["number"])
    db["document_citations"].create_index(["document_id"])


@migrations()
def m015_meta_sources(db: Database) -> None:
    """Where each metadata field of a document was read, and how far to trust it: JSON
    ``{"number": {"source": "header", "confidence": 0.95}, ...}`` (crawler/documents/sources.py).
    Documents read before this migration get theirs from ``govarchive reextract --documents``."""
    db["documents"].add_column("meta_sources", str)


@migrations()
def m016_site_templates(db: Database) -> None:
    """Each site's template as learnt from its own article pages (crawler/extraction/template.py):
    ``selectors`` (JSON, the registry's selector format: where the title and the date sit,
    lines that repeat), the number of ``pages`` it was learnt from and when."""
    db["site_templates"].create({"site": str, "selectors": str, "pages": int, "learnt_at": str}, pk="site")


@migrations()
def m017_date_rule(db: Database) -> None:
    """Which rule chose an article's ``published_at``: ``published_from`` names the candidate
    that won (``date line``, ``profile``, ``meta:article:published_time``, ``url``, ``listing``,
    ...), so a researcher can weigh a date. Articles stored before it have NULL until
    ``govarchive reextract`` reads them again."""
    for table in ("articles", "article_versions"):
        db[table].add_column("published_from", str)


@migrations()
def m018_index_on_text_change(db: Database) -> None:
    """The search indexes are rewritten only when an indexed column changes. The update triggers
    fired on any column: a near-duplicate joining a cluster (``cluster_id``), a capture's WARC
    pointer or a date read again re-indexed whole texts (the cost: ``benchmarks/RESULTS.md``).
    What the indexes hold is unchanged."""
    for table, columns in (("articles", ("title", "text")), ("documents", DOCUMENT_FTS)):
        listed = ", ".join(columns)
        new = ", ".join(fold_sql(f"new.{c}") for c in columns)
        old = ", ".join(fold_sql(f"old.{c}") for c in columns)
        db.executescript(
            f"""
            DROP TRIGGER IF EXISTS {table}_au;
            CREATE TRIGGER {table}_au AFTER UPDATE OF {listed} ON {table} BEGIN
              INSERT INTO {table}_fts ({table}_fts, rowid, {listed}) VALUES ('delete', old.rowid, {old});
              INSERT INTO {table}_fts (rowid, {listed}) VALUES (new.rowid, {new});
            END;
            """
        )
