"""The ``govarchive`` command line: thin wrappers over the library.

Each command parses its options, calls one library function and turns library
errors into a one-line message.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

import click

from archive.search import SearchError, search
from archive.store import ArchiveError, CrawlCounts, open_database
from crawler import __version__

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
DEFAULT_DB = "archive.db"


def db_option(default: str | None = None):
    return click.option(
        "--db", "db_path", type=click.Path(dir_okay=False), show_default=True,
        default=lambda: os.environ.get("GOVARCHIVE_DB", default or DEFAULT_DB),
        help="Archive file (default: $GOVARCHIVE_DB or archive.db).",
    )


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="govarchive")
def cli() -> None:
    """Archive Vietnamese local government portals into a searchable SQLite file."""


def _progress(counts: CrawlCounts) -> None:
    click.echo(
        f"  pages {counts.pages_fetched} | articles {counts.articles_new} new"
        f" {counts.articles_updated} updated | duplicates {counts.duplicates}"
        f" | skipped {counts.skipped} | errors {counts.errors}", err=True,
    )


def _parse_settings(pairs: tuple[str, ...]) -> dict[str, str]:
    settings = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"expected NAME=VALUE, got {pair!r}", param_hint="-s")
        settings[key.strip()] = value
    return settings


def registry_option():
    return click.option(
        "--registry", type=click.Path(file_okay=False), default=lambda: os.environ.get("GOVARCHIVE_REGISTRY"),
        help="Folder of site files (default: $GOVARCHIVE_REGISTRY or the bundled registry).",
    )


def _load_registry(folder):
    """The registry; an entry that does not validate is named on stderr and left out."""
    from crawler.registry import RegistryError, load

    problems: list[str] = []
    try:
        sites = load(folder, problems=problems)
    except RegistryError as exc:
        raise click.ClickException(str(exc)) from exc
    for problem in problems:
        click.echo(f"warning: registry: {problem} (site disabled)", err=True)
    return sites


def _select_sites(sites, keys, all_sites, province, level) -> list[str]:
    unknown = [k for k in keys if k not in sites]
    if unknown:
        raise click.ClickException(f"not in the registry: {', '.join(unknown)} (see: govarchive sites)")
    from crawler.textnorm import fold

    chosen = list(keys) or [
        k for k, s in sites.items()
        if (all_sites or province or level)
        and (not province or fold(province) in fold(s.province))
        and (not level or s.level == level) and s.status != "defunct"
    ]
    if not chosen:
        raise click.ClickException("no registry site matches")
    return chosen


@cli.command(context_settings=CONTEXT)
@click.argument("keys", nargs=-1)
@click.option("--url", "urls", multiple=True, help="Home page of a portal not in the registry (repeatable).")
@click.option("--all", "all_sites", is_flag=True, help="Every registry site not marked defunct.")
@click.option("--province", help="Registry sites of this province (with or without diacritics).")
@click.option("--level", type=click.Choice(["province", "district", "commune", "department"]))
@registry_option()
@db_option()
@click.option("--max-pages", type=click.IntRange(min=0), default=0, help="Stop after N pages (0: no limit).")
@click.option("--max-depth", type=click.IntRange(min=0), default=None, help="Link hops from the home page.")
@click.option("--refresh", is_flag=True, help="Fetch archived articles again (changes become versions).")
@click.option("-s", "--set", "setting", multiple=True, metavar="NAME=VALUE", help="A Scrapy setting.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log at INFO level.")
def crawl(keys, urls, all_sites, province, level, registry, db_path, max_pages, max_depth, refresh,
          setting, verbose) -> None:
    """Crawl registry sites, or portals from their home pages, into the archive.

    A crawl into an existing archive is incremental: archived articles and known
    dead ends are not fetched again; listings, feeds and sitemaps are.

    Examples:

        govarchive crawl vinhlong namdinh-myloc
        govarchive crawl --province "Vinh Phuc"
        govarchive crawl --url https://vinhlong.gov.vn/ --max-pages 500
    """
    from crawler.runner import run_crawl, run_sites

    if urls and (keys or all_sites or province or level):
        raise click.UsageError("give registry sites or --url, not both")
    if not (urls or keys or all_sites or province or level):
        raise click.UsageError("give registry site keys, --all, --province, --level or --url")
    settings = {"LOG_LEVEL": "INFO" if verbose else "WARNING", "GOVARCHIVE_REFRESH": refresh,
                "GOVARCHIVE_SHORT_ERRORS": not verbose, "GOVARCHIVE_MAX_PAGES": max_pages,
                **({"GOVARCHIVE_MAX_DEPTH": max_depth} if max_depth is not None else {}),
                **({"GOVARCHIVE_REGISTRY": registry} if registry else {}), **_parse_settings(setting)}
    try:
        if urls:
            click.echo(f"Crawling {', '.join(urls)} into {db_path}", err=True)
            summaries = [run_crawl(list(urls), db_path, settings=settings, progress=_progress)]
        else:
            chosen = _select_sites(_load_registry(registry), keys, all_sites, province, level)
            with ExitStack() as stack:
                chosen = _lock_sites(stack, chosen, db_path)
                if not chosen:
                    raise click.ClickException("every site given is being crawled by another run")
                click.echo(f"Crawling {', '.join(chosen)} into {db_path}", err=True)
                summaries = run_sites(chosen, db_path, settings=settings, progress=_progress)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    for summary in summaries:
        _print_summary(summary, db_path)
    _exit_for(summaries)


def _lock_sites(stack: ExitStack, keys: list[str], db_path: str) -> list[str]:
    """Take each site's lock (kept until ``stack`` closes); the sites whose lock was free."""
    from crawler.health import site_lock

    locks = Path(db_path).resolve().parent / "locks"
    chosen = []
    for key in keys:
        if stack.enter_context(site_lock(locks, key)):
            chosen.append(key)
        else:
            click.echo(f"skipped {key}: another run is crawling it", err=True)
    return chosen


def _exit_for(summaries) -> None:
    for summary in summaries:
        _exit_status(summary)


def _exit_status(summary) -> None:
    if summary.status == "interrupted":
        sys.exit(130)  # what a shell reports for Ctrl-C; everything stored so far is committed
    if summary.status == "failed":
        raise click.ClickException(f"crawl {summary.crawl_id} failed: no portal answered"
                                   f"{_first_error(summary.stats)}")
    if summary.status == "warc_write_failed":
        reason = summary.stats.get("govarchive/warc/failed", "unknown error")
        raise click.ClickException(f"crawl stopped: cannot write WARC files ({reason}); "
                                   "articles stored before that are complete")


def _first_error(stats: dict) -> str:
    errors = sorted((v, k.rsplit("/", 1)[-1]) for k, v in stats.items()
                    if k.startswith("govarchive/errors/") and k != "govarchive/errors/download")
    return f" ({', '.join(f'{name} x{n}' for n, name in reversed(errors[-3:]))})" if errors else ""


def _print_summary(summary, db_path) -> None:
    c = summary.counts
    site = f" ({summary.site})" if summary.site else ""
    click.echo(f"Crawl {summary.crawl_id}{site}: {summary.status}")
    for label, value in (("pages fetched", c.pages_fetched), ("articles new", c.articles_new),
                         ("articles updated", c.articles_updated), ("duplicates", c.duplicates),
                         ("pages skipped", c.skipped), ("errors", c.errors)):
        click.echo(f"  {label:<17}{value:>7}")
    click.echo(f"  archive: {db_path} ({summary.articles_in_archive} articles)")


@cli.command(context_settings=CONTEXT)
@click.option("--province", help="Only this province (with or without diacritics).")
@click.option("--level", type=click.Choice(["province", "district", "commune", "department"]))
@registry_option()
@db_option()
def sites(province, level, registry, db_path) -> None:
    """List registry sites with their status and last crawl.

    Example:

        govarchive sites --province "Nam Dinh" --level district
    """
    from crawler.registry import sites_table

    chosen = _load_registry(registry)
    try:
        rows = sites_table(chosen, db_path if Path(db_path).exists() else None, province, level)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    for row in rows:
        click.echo(f"{row['key']:<22}{row['level']:<11}{row['place']:<28}{row['status']:<22}{row['last_crawl']}")
    click.echo(f"{len(rows)} sites")


def _health(registry, db_path):
    from crawler.health import now_utc, site_health

    sites = _load_registry(registry)
    try:
        return sites, site_health(sites, db_path, now_utc())
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc


@cli.command(context_settings=CONTEXT)
@registry_option()
@db_option()
def schedule(registry, db_path) -> None:
    """Show each site's schedule (Vietnam time), last run and next run.

    Example:

        govarchive schedule --db archive.db
    """
    _, health = _health(registry, db_path)
    for h in health:
        due = "due now" if h.due else (h.next_run or "")
        click.echo(f"{h.key:<22}{h.schedule:<16}{(h.last_run or 'never')[:16]:<18}{due}")


@cli.command("run-due", context_settings=CONTEXT)
@registry_option()
@db_option()
@click.option("-s", "--set", "setting", multiple=True, metavar="NAME=VALUE", help="A Scrapy setting.")
def run_due(registry, db_path, setting) -> None:
    """Crawl the sites whose schedule is due; run it every few minutes from cron.

    A lock per site keeps two runs from crawling the same site at once.

    Example (crontab):

        */10 * * * * cd /srv/archive && govarchive run-due --db archive.db >> run-due.log 2>&1
    """
    from crawler.runner import run_sites

    _, health = _health(registry, db_path)
    due = [h.key for h in health if h.due]
    with ExitStack() as stack:
        chosen = _lock_sites(stack, due, db_path)
        if not chosen:
            click.echo("nothing due")
            return
        settings = {"LOG_LEVEL": "WARNING", "GOVARCHIVE_SHORT_ERRORS": True,
                    **({"GOVARCHIVE_REGISTRY": registry} if registry else {}), **_parse_settings(setting)}
        try:
            summaries = run_sites(chosen, db_path, settings=settings)
        except ArchiveError as exc:
            raise click.ClickException(str(exc)) from exc
    for summary in summaries:
        _print_summary(summary, db_path)


@cli.command(context_settings=CONTEXT)
@registry_option()
@db_option()
def status(registry, db_path) -> None:
    """Portal health: last crawl, new articles, errors, weekly trend and flags.

    Example:

        govarchive status --db archive.db
    """
    _, health = _health(registry, db_path)
    for h in health:
        trend = " ".join(str(n) for n in h.per_week) or "-"
        flags = "; ".join(h.flags) or "ok"
        click.echo(f"{h.key:<22}{(h.last_run or 'never')[:16]:<18}{h.last_status or '':<22}"
                   f"new {h.new_articles:<5}errors {h.errors:<4}weeks [{trend}]  {flags}")


@cli.command("new-site", context_settings=CONTEXT)
@click.argument("url")
@click.option("--key", required=True, help="Registry key for the new site, e.g. binhdinh-tuyphuoc.")
@click.option("--province", required=True, help="Province the portal belongs to.")
@click.option("--level", type=click.Choice(["province", "district", "commune", "department"]),
              default="province", show_default=True)
@click.option("--max-pages", type=click.IntRange(min=5), default=60, show_default=True)
@click.option("--out", type=click.Path(dir_okay=False),
              help="Write the draft entry here (default: print it).")
@click.option("-s", "--set", "setting", multiple=True, metavar="NAME=VALUE", help="A Scrapy setting.")
def new_site(url, key, province, level, max_pages, out, setting) -> None:
    """Probe a portal and draft its registry entry.

    Example:

        govarchive new-site https://tuyphuoc.binhdinh.gov.vn/ --key binhdinh-tuyphuoc \\
            --province "Bình Định" --level district --out crawler/sites/binh-dinh.toml
    """
    from crawler.probe import draft_entry, probe
    from crawler.registry import KEY

    if not KEY.match(key):
        raise click.BadParameter("lower-case letters, digits and '-' only", param_hint="--key")
    settings = {"LOG_LEVEL": "WARNING", "GOVARCHIVE_SHORT_ERRORS": True, **_parse_settings(setting)}
    click.echo(f"Probing {url} (at most {max_pages} pages)...", err=True)
    try:
        result = probe(url, max_pages, settings)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"platform: {result.platform}   pages fetched: {result.pages_fetched}", err=True)
    for label, urls in (("sitemaps", result.sitemaps), ("feeds", result.feeds),
                        ("listings", result.listings)):
        click.echo(f"{label}: {', '.join(urls[:5]) or 'none found'}", err=True)
    if result.sample:
        s = result.sample
        click.echo(f"sample article: {s['url']}\n  title: {s['title']}\n  date: {s['published_at']}"
                   f"\n  text: {s['text'][:200]}...", err=True)
    else:
        click.echo("sample article: none found in the probe (try --max-pages)", err=True)
    draft = draft_entry(result, key, province, level)
    if out:
        Path(out).write_text(draft, encoding="utf-8")
        click.echo(f"draft written to {out}", err=True)
    else:
        click.echo(draft)


@cli.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--url", help="The page's original address (with a single file).")
def extract(files, url) -> None:
    """Run the crawl's extraction on saved HTML files; print one JSON object per file.

    Example:

        govarchive extract saved-page.html --url https://vinhlong.gov.vn/Pages/x.aspx
    """
    from crawler.extract import extract_page

    if url and len(files) > 1:
        raise click.UsageError("--url goes with a single file")
    now = datetime.now(UTC)
    for name in files:
        try:
            body = Path(name).read_bytes()
        except OSError as exc:
            raise click.ClickException(f"cannot read {name}: {exc.strerror or exc}") from exc
        r = extract_page(body, url, None, now)
        record = {"file": name, "url": r.url, "is_article": r.is_article, "reason": r.reason,
                  "title": r.title, "published_at": r.published_at,
                  "published_raw": r.published_raw, "author": r.author, "source": r.source,
                  "text": r.text, "date_notes": r.date_notes, "truncated": r.truncated}
        click.echo(json.dumps(record, ensure_ascii=False))


def filter_options(fn):
    """--site, --province, --level, --from, --to: the filters search, export and stats share."""
    for option in reversed([
        click.option("--site", help="Only this site key (or host, for ad-hoc crawls)."),
        click.option("--province", help="Only registry sites of this province (diacritics optional)."),
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
            db = open_database(db_path, create=False)
        except ArchiveError as exc:
            raise click.ClickException(str(exc)) from exc
        try:
            known = archived_sites(db)
        finally:
            db.conn.close()
    return {**known, **_load_registry(registry)}


def _filters(site, province, level, date_from, date_to, registry, db_path):
    from archive.filters import FilterError, build

    try:
        return build(lambda: _catalogue(registry, db_path), site, province, level, date_from, date_to)
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
def search_cmd(query, db_path, site, province, level, date_from, date_to, registry, collapse, sort, limit,
               fmt) -> None:
    """Full-text search, with or without diacritics; phrases, AND/OR/NOT and prefix* work.

    Example:

        govarchive search "dan van kheo" --province "Vinh Long" --from 2018 --to 2024 --collapse
    """
    filters = _filters(site, province, level, date_from, date_to, registry, db_path)
    try:
        db = open_database(db_path, create=False)
        rows = search(db, query, limit, filters=filters, sort=sort, collapse=collapse)
    except (ArchiveError, SearchError) as exc:
        raise click.ClickException(str(exc)) from exc
    _print_rows(rows, fmt)


@cli.command(context_settings=CONTEXT)
@db_option()
@filter_options
@click.option("--query", "-q", help="Only articles matching this search query.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--out", "out_path", default="-", show_default=True, help="A file, or - for standard output.")
@click.option("--bom", is_flag=True, help="Start the CSV with a BOM (for spreadsheet programs).")
def export(db_path, site, province, level, date_from, date_to, registry, query, fmt, out_path, bom) -> None:
    """Stream articles as JSON lines or CSV (UTF-8), in constant memory.

    Columns: id, url, site, title, published_at, published_raw, author, source,
    text, fetched_at, crawl_id, cluster_id, warc_file, warc_offset, warc_length.

    Example:

        govarchive export --province "Vinh Long" --from 2019 --format csv --bom --out vinhlong.csv
    """
    from archive.export import export_rows, write_export

    filters = _filters(site, province, level, date_from, date_to, registry, db_path)
    try:
        db = open_database(db_path, create=False)
        rows = export_rows(db, filters, query)
        if out_path == "-":
            count = write_export(rows, sys.stdout, fmt, bom)
        else:
            count = _write_whole(out_path, lambda out: write_export(rows, out, fmt, bom))
    except (ArchiveError, SearchError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{count} articles exported", err=True)


def _write_whole(path: str, write) -> int:
    """Write to ``path`` through a ``.part`` file: a failed export leaves no half file."""
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
@click.option("--group", type=click.Choice(["site", "province", "level"]), help="A column per group.")
@click.option("--plot", "plot_path", metavar="FILE.png", help="Draw the counts (needs matplotlib).")
def stats(db_path, site, province, level, date_from, date_to, registry, by, group, plot_path) -> None:
    """Articles published per month or year, optionally per site, province or level.

    Example:

        govarchive stats --by year --group province --plot trend.png
    """
    from archive.export import counts

    filters = _filters(site, province, level, date_from, date_to, registry, db_path)
    reg = _catalogue(registry, db_path) if group in ("province", "level") else None
    try:
        db = open_database(db_path, create=False)
        rows = counts(db, filters, by, group, reg)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    groups = sorted({g for _, g, _ in rows})
    table: dict[str, dict[str, int]] = {}
    for period, name, n in rows:
        table.setdefault(period, {})[name] = n
    click.echo(f"{by:<9}" + "".join(f"{g[:18]:>20}" for g in groups))
    for period, values in table.items():
        click.echo(f"{period:<9}" + "".join(f"{values.get(g, 0):>20}" for g in groups))
    if plot_path:
        _plot(table, groups, by, plot_path)


def _plot(table: dict, groups: list[str], by: str, path: str) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise click.ClickException("--plot needs matplotlib: pip install 'govarchive[plot]'") from exc
    periods = [p for p in table if p != "undated"]
    fig, ax = plt.subplots(figsize=(10, 4))
    for g in groups:
        ax.plot(periods, [table[p].get(g, 0) for p in periods], marker="o", label=g)
    ax.set_xlabel(by)
    ax.set_ylabel("articles")
    ax.tick_params(axis="x", labelrotation=60)
    if len(groups) > 1:
        ax.legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(path)
    click.echo(f"plot written to {path}", err=True)


def _print_rows(rows: list[dict], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["id"])
        writer.writeheader()
        writer.writerows(rows)
    elif not rows:
        click.echo("No matches.")
    else:
        for row in rows:
            date = (row["published_at"] or "----------")[:10]
            portals = f"  [{row['portals']} portals]" if row.get("portals", 1) > 1 else ""
            click.echo(f"{date}  {row['site']:<22}  {row['title']}{portals}")
            click.echo(f"{'':12}{row['snippet']}")


@cli.command(context_settings=CONTEXT)
@click.argument("article_id", type=int)
@db_option()
@click.option("--raw", is_flag=True, help="Write the page exactly as the portal served it.")
def show(article_id, db_path, raw) -> None:
    """Show one article: its fields, every URL it was seen at, its versions.

    Example:

        govarchive show 12
        govarchive show 12 --raw > page.html
    """
    from archive.queries import article_record, raw_capture
    from archive.warc import WarcError

    try:
        if raw:
            sys.stdout.buffer.write(raw_capture(db_path, article_id))
            return
        record = article_record(db_path, article_id)
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
    from crawler.reextract import reextract as run

    selectors = {key: s.selectors for key, s in _load_registry(registry).items() if s.selectors}
    try:
        report = run(db_path, site=site, since=since, dry_run=dry_run, selectors=selectors)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    for change in report.changes:
        click.echo(f"article {change.article_id} {change.url}: {', '.join(change.fields)} changed")
    for problem in report.problems:
        click.echo(f"skipped {problem}", err=True)
    verb = "would change" if dry_run else "changed"
    click.echo(f"{report.checked} articles checked, {len(report.changes)} {verb}, "
               f"{len(report.problems)} skipped")


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
        warning = prepare_archive(db_path, _load_registry(registry).values())
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


@cli.command(context_settings=CONTEXT)
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default="demo.db", show_default=True,
              help="The demo archive (never $GOVARCHIVE_DB; only a demo archive is replaced).")
@click.option("--query", default="dan van kheo", show_default=True, help="The sample search.")
def demo(db_path, query) -> None:
    """Crawl the bundled offline demo portals into a fresh demo.db and search it.

    It writes only its own demo archive: an existing file that is not one is refused.

    Example:

        govarchive demo
    """
    from crawler.demo.runner import run_demo

    try:
        summary = run_demo(db_path, progress=_progress)
        db = open_database(db_path, create=False)
        rows = search(db, query, 5)
    except (ArchiveError, SearchError) as exc:
        raise click.ClickException(str(exc)) from exc
    _print_summary(summary, db_path)
    click.echo(f'\nSearch "{query}":')
    _print_rows(rows, "table")
    click.echo(f"\nTry: govarchive search 'xay dung dang' --db {db_path}")
