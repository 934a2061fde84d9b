"""Commands that watch the registry's portals: sites, schedule, status."""

from __future__ import annotations

from pathlib import Path

import click

from archive.store import ArchiveError
from crawler.cli.common import CONTEXT, cli, db_option, load_registry, registry_option, table, vn_time


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

    chosen = load_registry(registry)
    try:
        rows = sites_table(chosen, db_path if Path(db_path).exists() else None, province, level)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    table([[r["key"], r["level"], r["place"], r["now"] or "?", r["status"],
            f"{vn_time(r['last_crawl'])} {r['last_status']}, {r['articles_new']} new" if r["last_crawl"]
            else "never"] for r in rows],
          ["site", "level", "place (before 7/2025)", "now", "status", "last crawl"])
    click.echo(f"{len(rows)} sites")
    for r in rows:
        if r["units_problem"]:
            click.echo(f"warning: {r['key']}: administrative units not found: {r['units_problem']}", err=True)


def registry_health(registry, db_path):
    from crawler.registry.health import now_utc, site_health

    sites = load_registry(registry)
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
    _, health = registry_health(registry, db_path)
    table([[h.key, h.schedule, vn_time(h.last_run), "due now" if h.due else vn_time(h.next_run, "")]
           for h in health], ["site", "schedule (Vietnam time)", "last run", "next run"])


@cli.command(context_settings=CONTEXT)
@registry_option()
@db_option()
def status(registry, db_path) -> None:
    """Portal health: last crawl, new articles, errors, weekly trend and flags.

    Example:

        govarchive status --db archive.db
    """
    _, health = registry_health(registry, db_path)
    table([[h.key, vn_time(h.last_run), h.last_status or "", h.new_articles, h.errors,
            " ".join(str(n) for n in h.per_week) or "-",
            "; ".join(h.flags) or ("ok" if h.last_run else "never crawled")] for h in health],
          ["site", "last run", "status", "new", "errors", "new per week (4 weeks)", "health"])


@cli.command(context_settings=CONTEXT)
@click.argument("crawl_id", required=False)
@db_option()
@click.option("--skipped", is_flag=True, help="List every page not taken as an article, with the reason.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def report(crawl_id, db_path, skipped, fmt) -> None:
    """What a crawl did per host (default: the latest crawl), and the pages it skipped and why.

    Examples:

        govarchive report --db archive.db
        govarchive report 20261204T235607123456Z-vinhlong --skipped
        govarchive report --format jsonl > crawl-report.jsonl
    """
    from archive.crawl_report import crawl_report

    try:
        result = crawl_report(db_path, crawl_id)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "jsonl":
        for line in result.lines():
            click.echo(line)
        return
    click.echo(f"crawl {result.crawl_id}: {result.status}, started {vn_time(result.started_at)}")
    table([[h.host, h.responses, h.articles, h.documents, h.listings, h.dead_ends, h.failed]
           for h in result.hosts], ["host", "responses", "articles", "documents", "listings", "dead ends",
                                    "failed"])
    if result.counts:
        table([[reason, count] for reason, count in result.counts.items()],
              ["not followed or not stored", "count"])
    if skipped:
        table([[s["kind"], s["reason"], s["url"]] for s in result.skipped], ["kind", "reason", "url"])
