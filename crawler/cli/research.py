"""Commands for researchers: extract, search, export, stats, show, reextract, serve."""

from __future__ import annotations

import csv
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from archive.errors import ArchiveError
from archive.reader import open_reader
from archive.search import SearchError, search
from crawler.cli.common import (
    CONTEXT,
    check_output,
    cli,
    db_option,
    load_registry,
    registry_option,
    report_changes,
    table,
)


@cli.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--url", help="The page's original address (with a single file).")
@click.option("--learn/--no-learn", default=True, show_default=True,
              help="With four or more files of one portal: learn its template from them first.")
def extract(files, url, learn) -> None:
    """Run the crawl's extraction on saved HTML files; print one JSON object per file.

    Given four or more saved pages of one portal, the portal's template (where its title,
    date and text sit, the lines every page repeats) is learnt from them and used for each,
    as a crawl does; the learnt selectors go to standard error. Pages of several portals are
    told apart by the address each gives of itself (a browser's "saved from url" note, the
    "Mirrored from" note HTTrack writes in a mirror's pages, its canonical link or og:url):
    each portal learns from its own pages only. A mirrored page is read as of when HTTrack
    fetched it.

    Example:

        govarchive extract saved-page.html --url https://vinhlong.gov.vn/Pages/x.aspx
        govarchive extract saved/tanhung/*.html
        govarchive extract $(find mirror/sotttt.hanoi.gov.vn -name '*.html')
    """
    from crawler.extraction.saved import SavedPage, read_saved

    if url and len(files) > 1:
        raise click.UsageError("--url goes with a single file")
    pages = []
    for name in files:
        try:
            pages.append(SavedPage(name, Path(name).read_bytes(), url))
        except OSError as exc:
            raise click.ClickException(f"cannot read {name}: {exc.strerror or exc}") from exc
    reading = read_saved(pages, datetime.now(UTC), learn)
    for host, template in reading.templates.items():
        learnt = json.dumps(template.selectors(), ensure_ascii=False)
        click.echo(f"learnt from {template.pages} pages{f' of {host}' if host else ''}: {learnt}", err=True)
    for page, r in reading.results:
        record = {"file": page.name, "url": r.url, "is_article": r.is_article, "reason": r.reason,
                  "title": r.title, "published_at": r.published_at,
                  "published_raw": r.published_raw, "published_from": r.published_from,
                  "author": r.author, "source": r.source,
                  "text": r.text, "date_notes": r.date_notes, "truncated": r.truncated}
        click.echo(json.dumps(record, ensure_ascii=False))


def filter_options(fn):
    """--site, --province, --level, --from, --to: the filters search, export and stats share."""
    for option in reversed([
        click.option("--site", help="Only this site key (or host, for ad-hoc crawls)."),
        click.option("--province", help="Only registry sites of this province: as it was before 1 July 2025, "
                                        "or as it is now (diacritics optional)."),
        click.option("--district", help="Only registry sites of this former district (districts ended "
                                        "on 1 July 2025)."),
        click.option("--level", type=click.Choice(["province", "district", "commune", "department"])),
        click.option("--from", "date_from", metavar="DATE", help="Published on or after (YYYY[-MM[-DD]])."),
        click.option("--to", "date_to", metavar="DATE", help="Published on or before (YYYY[-MM[-DD]])."),
        registry_option(),
    ]):
        fn = option(fn)
    return fn


def _catalogue(registry, db_path) -> dict:
    """Sites by key for province and level filters: those the archive recorded, then the registry's."""
    from archive.sites import archived_sites

    known: dict = {}
    if Path(db_path).exists():
        try:
            db = open_reader(db_path)
        except ArchiveError as exc:
            raise click.ClickException(str(exc)) from exc
        try:
            known = archived_sites(db)
        finally:
            db.conn.close()
    return {**known, **load_registry(registry)}


def _filters(site, province, level, date_from, date_to, registry, db_path, district=None):
    from archive.filters import FilterError, build

    try:
        return build(lambda: _catalogue(registry, db_path), site, province, level, date_from, date_to,
                     district)
    except FilterError as exc:
        raise click.ClickException(str(exc)) from exc


@cli.command("search", context_settings=CONTEXT)
@click.argument("query")
@db_option()
@filter_options
@click.option("--collapse", is_flag=True, help="One row per story, with the number of portals carrying it.")
@click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
@click.option("--documents", "kind", flag_value="documents",
              help="Search documents (decisions, plans, reports...) instead of articles.")
@click.option("--with-documents", "kind", flag_value="all",
              help="Articles, then documents (a 'kind' column tells them apart).")
def search_cmd(query, db_path, site, province, district, level, date_from, date_to, registry, collapse, sort,
               limit, fmt, kind) -> None:
    """Full-text search, with or without diacritics; phrases, AND/OR/NOT and prefix* work.

    With --documents, --from/--to apply to the date a document was issued.

    Example:

        govarchive search "dan van kheo" --province "Vinh Long" --from 2018 --to 2024 --collapse
        govarchive search "quyet dinh dich ta lon" --documents
    """
    filters = _filters(site, province, level, date_from, date_to, registry, db_path, district)
    rows = []
    try:
        db = open_reader(db_path)
        if kind != "documents":
            rows = search(db, query, limit, filters=filters, sort=sort, collapse=collapse)
        if kind:
            if kind == "all":
                rows = [{"kind": "article", **row} for row in rows]
            from archive.document_queries import search_documents

            rows += search_documents(db, query, limit, filters=filters, sort=sort)
    except (ArchiveError, SearchError) as exc:
        raise click.ClickException(str(exc)) from exc
    print_rows(rows, fmt)


@cli.command(context_settings=CONTEXT)
@db_option()
@filter_options
@click.option("--query", "-q", help="Only articles matching this search query.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--out", "out_path", default="-", show_default=True, help="A file, or - for standard output.")
@click.option("--bom", is_flag=True, help="Start the CSV with a BOM (for spreadsheet programs).")
@click.option("--documents", is_flag=True, help="Export documents (their text and metadata) instead.")
def export(db_path, site, province, district, level, date_from, date_to, registry, query, fmt, out_path,
           bom, documents) -> None:
    """Stream articles as JSON lines or CSV (UTF-8), in constant memory.

    Columns: id, url, site, title, published_at, published_raw, author, source,
    text, attachments (JSON), comments, fetched_at, crawl_id, cluster_id, warc_file,
    warc_offset, warc_length, published_from.

    With --documents: id, url, site, number, doc_type, issuer, issued_on, signer,
    subject, meta_sources (JSON: where each field was read, and a confidence),
    file_name, mime, size, sha256, pages, text_method, ocr_pending, note, text,
    fetched_at, crawl_id and the WARC pointer; --from/--to are on issued_on.

    Example:

        govarchive export --province "Vinh Long" --from 2019 --format csv --bom --out vinhlong.csv
        govarchive export --documents --site vinhlong --format csv --out vanban.csv
    """
    from archive.document_queries import DOCUMENT_EXPORT_COLUMNS, document_export_rows
    from archive.export import EXPORT_COLUMNS, export_rows, write_export

    filters = _filters(site, province, level, date_from, date_to, registry, db_path, district)
    columns = DOCUMENT_EXPORT_COLUMNS if documents else EXPORT_COLUMNS
    try:
        db = open_reader(db_path)
        rows = (document_export_rows if documents else export_rows)(db, filters, query)
        if out_path == "-":
            count = write_export(rows, sys.stdout, fmt, bom, columns)
        else:
            count = _write_whole(out_path, lambda out: write_export(rows, out, fmt, bom, columns))
    except (ArchiveError, SearchError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{count} {'documents' if documents else 'articles'} exported", err=True)


def _write_whole(path: str, write) -> int:
    """Write to ``path`` through a ``.part`` file: a failed export leaves no half file."""
    check_output(path)
    part = Path(path + ".part")
    try:
        with open(part, "w", encoding="utf-8", newline="") as out:
            count = write(out)
        part.replace(path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return count


@cli.command(context_settings=CONTEXT)
@db_option()
@filter_options
@click.option("--by", type=click.Choice(["month", "year"]), default="month", show_default=True)
@click.option("--group", type=click.Choice(["site", "province", "new_province", "district", "level"]),
              help="A column per group: province is as it was before 1 July 2025, new_province as it is now.")
@click.option("--plot", "plot_path", metavar="FILE.png", help="Draw the counts (needs matplotlib).")
def stats(db_path, site, province, district, level, date_from, date_to, registry, by, group,
          plot_path) -> None:
    """Articles published per month or year, optionally per site, province or level.

    Example:

        govarchive stats --by year --group province --plot trend.png
        govarchive stats --by year --group new_province --district "Tuy Phuoc"
    """
    from archive.export import counts

    filters = _filters(site, province, level, date_from, date_to, registry, db_path, district)
    reg = _catalogue(registry, db_path) if group not in (None, "site") else None
    try:
        db = open_reader(db_path)
        rows = counts(db, filters, by, group, reg)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    groups = sorted({g for _, g, _ in rows})
    per_period: dict[str, dict[str, int]] = {}
    for period, name, n in rows:
        per_period.setdefault(period, {})[name] = n
    table([[period, *(values.get(g, 0) for g in groups)] for period, values in per_period.items()],
          [by, *groups])
    if plot_path:
        _plot(per_period, groups, by, plot_path)


def _plot(table: dict, groups: list[str], by: str, path: str) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise click.ClickException("--plot needs matplotlib: pip install 'govarchive[plot]'") from exc
    from matplotlib.ticker import MaxNLocator

    days = every_period([p for p in table if p != "undated"], by)
    fig, ax = plt.subplots(figsize=(10, 4))
    for g in groups:  # every month (or year) on a time axis, empty ones at 0: a gap is news
        ax.plot(days, [table.get(d.strftime(PERIOD_FORMAT[by]), {}).get(g, 0) for d in days],
                marker="o", label=g)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # articles are counted whole
    ax.set_xlabel(by)
    ax.set_ylabel("articles")
    ax.tick_params(axis="x", labelrotation=60)
    if len(groups) > 1:
        ax.legend(fontsize="small")
    fig.tight_layout()
    check_output(path)
    fig.savefig(path)
    click.echo(f"plot written to {path}", err=True)


PERIOD_FORMAT = {"month": "%Y-%m", "year": "%Y"}


def every_period(periods: list[str], by: str) -> list:
    """Every month (or year) from the first of ``periods`` to the last, as dates."""
    from datetime import date

    if not periods:
        return []
    first, last = min(periods), max(periods)
    if by == "year":
        return [date(y, 1, 1) for y in range(int(first), int(last) + 1)]
    (y, m), (last_y, last_m) = (map(int, first.split("-")), map(int, last.split("-")))
    out = []
    while (y, m) <= (last_y, last_m):
        out.append(date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def print_rows(rows: list[dict], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        names = list(dict.fromkeys(k for row in rows for k in row)) or ["id"]  # articles and documents
        writer = csv.DictWriter(sys.stdout, fieldnames=names)
        writer.writeheader()
        writer.writerows(rows)
    elif not rows:
        click.echo("No matches.")
    else:
        for row in rows:
            if row.get("kind") == "document":
                label = " ".join(filter(None, (row["doc_type"], row["number"])))
                click.echo(f"{(row['issued_on'] or '----------')[:10]}  {row['site']:<22}  "
                           f"{label + ': ' if label else ''}{row['subject']}  (document #{row['id']})")
                click.echo(f"{'':12}{row['snippet']}")
                continue
            date = (row["published_at"] or "----------")[:10]
            portals = f"  [{row['portals']} portals]" if row.get("portals", 1) > 1 else ""
            click.echo(f"{date}  {row['site']:<22}  {row['title']}{portals}  (#{row['id']})")
            click.echo(f"{'':12}{row['snippet']}")


@cli.command(context_settings=CONTEXT)
@click.argument("article_id", type=int)
@db_option()
@click.option("--raw", is_flag=True, help="Write the page (or file) exactly as the portal served it.")
@click.option("--document", is_flag=True, help="The id is a document's (search --documents shows them).")
def show(article_id, db_path, raw, document) -> None:
    """Show one article: its fields, every URL it was seen at, its versions; or one document
    with every address and page that linked it.

    Example:

        govarchive show 12
        govarchive show 12 --raw > page.html
        govarchive show 3 --document --raw > decision.pdf
    """
    from archive.document_queries import document_record, raw_document
    from archive.queries import article_record, raw_capture
    from archive.warc import WarcError

    try:
        if raw:
            body = (raw_document if document else raw_capture)(db_path, article_id)
            if sys.stdout.isatty() and b"\0" in body[:8192]:
                raise click.ClickException(f"the file is binary ({len(body):,} bytes): send it to a file, "
                                           f"e.g. govarchive show {article_id} --raw"
                                           f"{' --document' if document else ''} > file")
            sys.stdout.buffer.write(body)
            return
        record = (document_record if document else article_record)(db_path, article_id)
    except (ArchiveError, WarcError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(record, ensure_ascii=False, indent=2))


@cli.command(context_settings=CONTEXT)
@db_option()
@click.option("--site", help="Only this site key.")
@click.option("--since", help="Only articles fetched on or after this date (YYYY-MM-DD).")
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@registry_option()
def reextract(db_path, site, since, dry_run, registry) -> None:
    """Extract archived articles again from their WARC records (no network).

    Registry sites' selector overrides apply, so a fixed selector fixes the
    articles already archived.

    Example:

        govarchive reextract --site vinhlong --dry-run
    """
    from crawler.extraction.reextract import reextract as run

    selectors = {key: s.selectors for key, s in load_registry(registry).items() if s.selectors}
    try:
        report = run(db_path, site=site, since=since, dry_run=dry_run, selectors=selectors)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    report_changes(report, dry_run, "article")
    from crawler.documents.reprocess import reread_documents

    try:
        documents = reread_documents(db_path, site=site, since=since, dry_run=dry_run)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    report_changes(documents, dry_run, "document")


@cli.command(context_settings=CONTEXT)
@db_option()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True,
              help="Port (0: any free port; the URL printed tells which).")
@registry_option()
def serve(db_path, host, port, registry) -> None:
    """Browse and search the archive in Datasette, read-only.

    Search folds diacritics and đ as `govarchive search` does; canned queries
    count articles per month per province, list each site's latest article
    and the portals that carried a story.

    Example:

        govarchive serve --db archive.db --port 8001
    """
    from archive.web import prepare_archive
    from archive.web import serve as run

    try:
        warning = prepare_archive(db_path, load_registry(registry).values())
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    if warning:
        click.echo(f"warning: {warning}", err=True)
    def ready(url: str) -> None:
        click.echo(f"Serving {db_path} at {url} (Ctrl-C stops)")  # echo flushes: tests read the URL

    try:
        run(db_path, host, port, on_ready=ready)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
