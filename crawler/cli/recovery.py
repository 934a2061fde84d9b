"""Web archives both ways: ``recover`` a dead portal from one, ``export-wacz`` the archive for one."""

from __future__ import annotations

import sys

import click

from archive.cdx import WAYBACK_CDX, WAYBACK_REPLAY
from archive.reader import open_reader
from archive.store import ArchiveError
from common.urls import host_of
from crawler.cli.common import CONTEXT, cli, db_option, load_registry, parse_settings, registry_option
from crawler.cli.progress import CrawlProgress

RECOVER_STATS = (("captures listed", "govarchive/recover/captures_listed"),
                 ("captures chosen", "govarchive/recover/captures_chosen"),
                 ("already archived", "govarchive/recover/already_archived"),
                 ("captures fetched", "govarchive/recover/captures_fetched"))


@cli.command(context_settings=CONTEXT)
@click.argument("targets", nargs=-1)
@click.option("--all-defunct", is_flag=True, help="Every registry site whose status is defunct.")
@click.option("--from", "date_from", metavar="DATE", help="Captures made on or after (YYYY[-MM[-DD]]).")
@click.option("--to", "date_to", metavar="DATE",
              help="Captures made on or before (default: the latest, i.e. just before the portal died).")
@click.option("--archive", "replay", default=WAYBACK_REPLAY, show_default=True,
              help="The archive's replay address (a pywb collection: http://host/coll/).")
@click.option("--cdx", help="Its CDX API (default: the Wayback Machine's, or ARCHIVE/cdx for pywb).")
@db_option()
@registry_option()
@click.option("-s", "--set", "setting", multiple=True, metavar="NAME=VALUE", help="A Scrapy setting.")
def recover(targets, all_defunct, date_from, date_to, replay, cdx, db_path, registry, setting) -> None:
    """Recover portals from a web archive: list their captures, fetch the latest good one of
    each address, and archive it like a live page (original URL, dates from the page, the
    capture time and archive kept as provenance). Already archived addresses are skipped,
    so running it again fetches only what is new.

    TARGETS are registry site keys or host names.

    Examples:

        govarchive recover namdinh-myloc --to 2025-06-30
        govarchive recover --all-defunct
        govarchive recover mythanh.soctrang.gov.vn --archive http://localhost:8080/my-coll/
    """
    from crawler.cli.crawling import EXIT_INTERRUPTED, _exit_for, print_summary
    from crawler.runtime.runner import RecoverTarget, run_recover

    sites = load_registry(registry)
    chosen = [RecoverTarget(host_of(s.home[0]), key) for key, s in sites.items()
              if all_defunct and s.status == "defunct"]
    for target in targets:
        if target in sites:
            chosen.append(RecoverTarget(host_of(sites[target].home[0]), target))
        else:
            host = host_of(target if "://" in target else f"http://{target}/")
            if "." not in host and ":" not in host:  # a word that is no registry key
                raise click.BadParameter(f"{target!r} is neither a registry site nor a host name")
            chosen.append(RecoverTarget(host, host))
    if not chosen:
        raise click.UsageError("give site keys or hosts, or --all-defunct (no registry site is defunct)")
    if cdx is None:
        cdx = WAYBACK_CDX if replay == WAYBACK_REPLAY else replay.rstrip("/") + "/cdx"
    progress = CrawlProgress()
    settings = {"LOG_LEVEL": "WARNING", "GOVARCHIVE_SHORT_ERRORS": True,
                "GOVARCHIVE_PROGRESS_INTERVAL": progress.interval, **parse_settings(setting)}
    click.echo(f"Recovering {', '.join(t.site for t in chosen)} from {replay} into {db_path}", err=True)
    try:
        with progress:
            summaries = run_recover(chosen, db_path, cdx=cdx, replay=replay, date_from=date_from,
                                    date_to=date_to, settings=settings, progress=progress)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    for summary in summaries:
        print_summary(summary, db_path)
        for label, key in RECOVER_STATS:
            click.echo(f"  {label:<21}{summary.stats.get(key, 0):>5}")
    if any(s.status == "interrupted" for s in summaries):
        sys.exit(EXIT_INTERRUPTED)
    failed = [s for s in summaries if s.status in ("archive_error", "failed")]
    if failed:
        stats = failed[0].stats
        raise click.ClickException(stats.get("govarchive/recover/error") or "the archive did not answer")
    _exit_for(summaries)


@cli.command("export-wacz", context_settings=CONTEXT)
@click.option("--out", "out_path", required=True, metavar="FILE.wacz", help="The WACZ to write.")
@db_option()
@click.option("--site", help="Only this site's articles and documents.")
@click.option("--from", "date_from", metavar="DATE", help="Published on or after (YYYY[-MM[-DD]]).")
@click.option("--to", "date_to", metavar="DATE", help="Published on or before (YYYY[-MM[-DD]]).")
@click.option("--title", default="govarchive", show_default=True, help="The collection's title.")
def export_wacz_cmd(out_path, db_path, site, date_from, date_to, title) -> None:
    """Package the archive's WARC captures as a WACZ for pywb, ReplayWeb.page and other
    replay tools: the WARCs, a CDXJ index, a page list with each article's text, and a
    datapackage with every file's hash.

    Example:

        govarchive export-wacz --out myloc.wacz --site namdinh-myloc --from 2020
    """
    from archive.filters import FilterError, build
    from archive.wacz import export_wacz
    from crawler.cli.common import check_output

    try:
        filters = build(dict, site, None, None, date_from, date_to)
    except FilterError as exc:
        raise click.ClickException(str(exc)) from exc
    check_output(out_path)
    try:
        db = open_reader(db_path)
        summary = export_wacz(db, db_path, out_path, filters, title)
    except (ArchiveError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{summary.path}: {summary.warc_files} WARC files, {summary.records} records of articles "
               f"and documents, {summary.pages} pages, {summary.bytes:,} bytes", err=True)
