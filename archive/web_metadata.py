"""What Datasette shows about the archive: descriptions, column meanings, canned queries.

The texts here document the archive schema (a public contract) for people who
browse it; ``docs/querying.md`` says the same for people who script it.
"""

from __future__ import annotations

ARTICLE_COLUMNS = {
    "id": "Article number in this archive (stable; cite it with the URL).",
    "url": "Canonical URL the article was first archived from (tracking and session parameters removed).",
    "site": "Site key: the registry key (see the sites table), or the host without www. for a portal crawled by --url.",
    "title": "Title as the portal shows it, NFC.",
    "published_at": "Publication time in Vietnam time, ISO 8601 (YYYY-MM-DDTHH:MM:SS+07:00), or YYYY-MM-DD when the page shows no time; NULL when none was found.",
    "published_raw": "The date line as printed on the page.",
    "published_from": "Which rule chose the date: the candidate that won (date line, profile, meta:..., url, listing ...); a kind ending in month first read its numbers so (3/12/2024 as 12 March).",
    "author": "Author or signature line, when the page gives one.",
    "source": "Source the portal credits (another paper or portal), when given.",
    "text": "Body text without menus, sidebars, counters or footers; paragraphs separated by blank lines.",
    "attachments": "Documents the post links (JSON list of label and absolute URL): a notice is often only its files. NULL when none.",
    "comments": "Reader comments found beside the article, kept apart from the text. NULL when none.",
    "content_hash": "SHA-256 of the text's lower-case words (a body under 60 words with its title and "
                    "files); the same normalised text is one article.",
    "fetched_at": "When the page was fetched (UTC).",
    "crawl_id": "The crawl that stored this version (see crawls).",
    "cluster_id": "Near-duplicate cluster: the id of the cluster's first article; NULL when the article has no near duplicate.",
    "warc_file": "WARC file holding the raw capture (evidence), relative to the archive folder.",
    "warc_offset": "Byte offset of the response record (a gzip member) in warc_file.",
    "warc_length": "Length in bytes of that record.",
}

DOCUMENT_COLUMNS = {
    "id": "Document number in this archive (stable).",
    "url": "Address the file was first fetched from (every address and linking page: document_links).",
    "site": "Site key of the portal that published it.",
    "file_name": "The file's name (Content-Disposition's, else the URL's).",
    "mime": "The file's type as read from its bytes, not its extension.",
    "kind": "pdf, docx, doc, xlsx, xls, odt, pptx, rtf, zip ...",
    "size": "Bytes.",
    "sha256": "SHA-256 of the file: the same file under two URLs is one document.",
    "pages": "PDF pages.",
    "text": "The document's text, NFC (converted from TCVN3/VNI fonts where the file used them).",
    "text_method": "How the text was read: pdf, docx, doc, xlsx ..., ocr (a scan), pdf+ocr (some pages scanned).",
    "encoding": "tcvn3 or vni when the text was converted from that legacy font encoding.",
    "ocr_pending": "1 when scanned pages wait for `govarchive ocr` (Tesseract was missing or off).",
    "note": "What was left out and why (encrypted, damaged, pages over the limit, a header field not read).",
    "number": "Số ký hiệu: number and symbol, e.g. 123/QĐ-UBND.",
    "doc_type": "Quyết định, Chỉ thị, Kế hoạch, Thông báo, Báo cáo, Công văn ...",
    "issuer": "Issuing body as the document heads it.",
    "issued_on": "Date issued, YYYY-MM-DD.",
    "signer": "Who signed it.",
    "subject": "Trích yếu: the subject line (from the listing that linked it, else the document).",
    "meta_sources": "JSON: where each field was read (header, signature field, signature block, listing row, "
                    "link text, file name ...) and a confidence.",
}

CANNED = {
    "documents_by_type_and_year": {
        "title": "Documents of a site by type and year",
        "description": "Documents counted by type and year issued, for site :site (empty: every site).",
        "sql": """SELECT site, coalesce(doc_type, '?') AS doc_type, substr(issued_on, 1, 4) AS year,
       count(*) AS documents
FROM documents WHERE :site = '' OR site = :site
GROUP BY site, doc_type, year ORDER BY site, year DESC, documents DESC""",
    },
    "search_documents": {
        "title": "Search documents",
        "description": ("Words with or without diacritics in a document's number, subject or text; "
                        "number and subject count most."),
        "sql": """SELECT d.id, d.issued_on, d.site, d.number, d.doc_type, d.subject,
       snippet(documents_fts, 2, '[', ']', '…', 16) AS snippet, d.url
FROM documents_fts CROSS JOIN documents d ON d.id = documents_fts.rowid
WHERE documents_fts MATCH govarchive_fts(:q)
ORDER BY bm25(documents_fts, 10.0, 5.0, 1.0), d.issued_on DESC LIMIT 100""",
    },
    "articles_per_month_per_province": {
        "title": "Articles per month per province",
        "description": "Dated articles counted by month of publication and the site's province.",
        "sql": """WITH per_site AS (
  SELECT substr(published_at, 1, 7) AS month, site, count(*) AS n
  FROM articles WHERE published_at IS NOT NULL GROUP BY month, site)
SELECT month, coalesce(s.province, '?') AS province, sum(n) AS articles
FROM per_site p LEFT JOIN sites s ON s.key = p.site
GROUP BY month, province ORDER BY month, province""",
    },
    "latest_per_site": {
        "title": "Latest article per site",
        "description": "For each site: its newest article and how many it has in the archive.",
        "sql": """WITH per_site AS (SELECT site, count(*) AS articles FROM articles GROUP BY site)
SELECT p.site, s.name, s.province, s.level, p.articles, a.published_at, a.title, a.url, a.id
FROM per_site p
JOIN articles a ON a.id = (SELECT id FROM articles WHERE site = p.site
                           ORDER BY published_at DESC, id DESC LIMIT 1)
LEFT JOIN sites s ON s.key = p.site
ORDER BY a.published_at DESC""",
    },
    "story_portals": {
        "title": "A story's portals",
        "description": "Every portal and address that carried the story of article :id (its near-duplicates).",
        "sql": """WITH story AS (SELECT coalesce(cluster_id, id) AS id FROM articles WHERE id = :id)
SELECT u.site, s.name, s.province, s.level, a.id AS article_id, a.published_at, a.title, u.url,
       u.first_seen, u.last_seen
FROM articles a JOIN story ON a.id = story.id OR a.cluster_id = story.id
JOIN article_urls u ON u.article_id = a.id
LEFT JOIN sites s ON s.key = u.site
ORDER BY a.published_at, u.first_seen""",
    },
    "search": {
        "title": "Search articles",
        "description": ("Words with or without diacritics (\"dan van kheo\"), a \"phrase\", AND/OR/NOT or "
                        "prefix*; best matches first (bm25, the title counting five times the text)."),
        "sql": """SELECT a.id, a.published_at, a.site, a.title,
       snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet, a.url
FROM articles_fts CROSS JOIN articles a ON a.rowid = articles_fts.rowid
WHERE articles_fts MATCH govarchive_fts(:q)
ORDER BY bm25(articles_fts, 5.0, 1.0), a.published_at DESC LIMIT 100""",
    },
}


def metadata(database: str) -> dict:
    """Datasette metadata for an archive served under the name ``database``."""
    hidden = {"hidden": True}
    return {
        "title": "govarchive",
        "description": ("Articles archived from Vietnamese local government portals: one row per "
                        "article, dates in Vietnam time, raw captures kept in WARC files."),
        "source": "govarchive",
        "databases": {database: {
            "description": "The archive. Read-only here.",
            "queries": CANNED,
            "tables": {
                "articles": {"description": "One row per article (deduplicated).",
                             "columns": ARTICLE_COLUMNS, "sort_desc": "published_at",
                             "fts_table": "articles_fts", "fts_pk": "id"},
                "article_urls": {"description": "Every address an article was seen at, by site."},
                "article_versions": {"description": "Earlier texts of articles that changed."},
                "crawls": {"description": "Each crawl: when, status, pages fetched, articles stored."},
                "pages": {"description": "Non-article pages seen (listings, dead ends), for incremental crawls."},
                "sites": {"description": "Registry entries of the sites: name, province, level, platform."},
                "documents": {"description": "One row per document file (decisions, plans, reports...).",
                              "columns": DOCUMENT_COLUMNS, "sort_desc": "issued_on",
                              "fts_table": "documents_fts", "fts_pk": "id"},
                "document_links": {"description": "Every address of a document and the page that linked it."},
                "frontier": hidden, "near_dup_signatures": hidden, "near_dup_bands": hidden,
                "_sqlite_migrations": hidden,
            },
        }},
    }
