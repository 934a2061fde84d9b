"""Commands that crawl: crawl, run-due, new-site, demo."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path

import click

from archive.errors import ArchiveError
from crawler.cli.common import (
    CONTEXT,
    check_output,
    cli,
    db_option,
    load_registry,
    parse_settings,
    registry_option,
    vn_time,
)
from crawler.cli.progress import CrawlProgress


def _select_sites(sites, keys, all_sites, province, level) -> list[str]:
    unknown = [k for k in keys if k not in sites]
    if unknown:
        raise click.ClickException(f"not in the registry: {', '.join(unknown)} (see: govarchive sites)")
    from common.textnorm import fold

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
@click.option("--max-depth", type=click.IntRange(min=0), default=None,
              help="Link hops from the home page (a listing's pager does not count).")
@click.option("--refresh", is_flag=True, help="Fetch archived articles again (changes become versions).")
@click.option("-s", "--set", "setting", multiple=True, metavar="NAME=VALUE", help="A Scrapy setting.")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log at INFO level.")
def crawl(keys, urls, all_sites, province, level, registry, db_path, max_pages, max_depth, refresh,
          setting, verbose) -> None:
    """Crawl registry sites, or portals from their home pages, into the archive.

    A crawl into an existing archive is incremental: archived articles and known
    dead ends are not fetched again; listings, feeds and sitemaps are. Exit codes:
    0 finished, 3 at a limit, 4 stopped, 1 no portal answered, 130 interrupted.

    Examples:

        govarchive crawl vinhlong namdinh-myloc
        govarchive crawl --province "Vinh Phuc"
        govarchive crawl --url https://vinhlong.gov.vn/ --max-pages 500
    """
    # Scrapy is imported by the crawl processes a split run starts, not here before they start
    from crawler.runtime.many import run_sites

    if urls and (keys or all_sites or province or level):
        raise click.UsageError("give registry sites or --url, not both")
    if not (urls or keys or all_sites or province or level):
        raise click.UsageError("give registry site keys, --all, --province, --level or --url")
    from crawler.registry import url_problem

    for url in urls:  # before any archive is made: local hosts are fine here, metadata never
        if problem := url_problem(url, allow_private=True):
            raise click.UsageError(f"--url {url}: {problem}")
    # started by hand, usually because a portal works again: pages that failed are tried now
    settings = {"LOG_LEVEL": "INFO" if verbose else "WARNING", "GOVARCHIVE_REFRESH": refresh,
                "GOVARCHIVE_FAILED_BACKOFF": False,
                "GOVARCHIVE_SHORT_ERRORS": not verbose, "GOVARCHIVE_MAX_PAGES": max_pages,
                **({"GOVARCHIVE_MAX_DEPTH": max_depth} if max_depth is not None else {}),
                **({"GOVARCHIVE_REGISTRY": registry} if registry else {}), **parse_settings(setting)}
    progress = CrawlProgress()
    settings["GOVARCHIVE_PROGRESS_INTERVAL"] = progress.interval
    try:
        if urls:
            from crawler.runtime.runner import run_crawl

            click.echo(f"Crawling {', '.join(urls)} into {db_path}", err=True)
            with progress:
                summaries = [run_crawl(list(urls), db_path, settings=settings, progress=progress)]
        else:
            chosen = _select_sites(load_registry(registry), keys, all_sites, province, level)
            with ExitStack() as stack:
                chosen = _lock_sites(stack, chosen, db_path)
                if not chosen:
                    raise click.ClickException("every site given is being crawled by another run")
                click.echo(f"Crawling {', '.join(chosen)} into {db_path}", err=True)
                with progress:
                    summaries = run_sites(chosen, db_path, settings=settings, progress=progress)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    print_summaries(summaries, db_path)
    _exit_for(summaries)


def _lock_sites(stack: ExitStack, keys: list[str], db_path: str) -> list[str]:
    """Take each site's lock (kept until ``stack`` closes); the sites whose lock was free."""
    from crawler.registry.locks import SiteLocks

    locks = stack.enter_context(SiteLocks(Path(db_path).resolve().parent / "locks"))
    chosen = []
    for key in keys:
        if locks.take(key):
            chosen.append(key)
        else:
            click.echo(f"skipped {key}: another run is crawling it", err=True)
    return chosen


# How a crawl ended, as the exit code a scheduler or a script can act on (README: "Exit codes").
EXIT_LIMIT = 3  # finished at a limit (--max-pages): more remains to fetch
EXIT_STOPPED = 4  # stopped for another reason (Redis gone, a host lease lost, memory)
EXIT_INTERRUPTED = 130  # Ctrl-C or SIGTERM, as a shell reports it; everything stored is committed


def _exit_for(summaries) -> None:
    """Exit with the gravest way one of the crawls ended: interrupted, failed (no portal
    answered, or WARC files could not be written: 1), stopped, at a limit; 0 when all finished."""
    statuses = [s.status for s in summaries]
    if "interrupted" in statuses:
        sys.exit(EXIT_INTERRUPTED)
    for summary in summaries:
        _fail_for(summary)
    if any(s not in ("finished", "finished (page limit)") for s in statuses):
        sys.exit(EXIT_STOPPED)
    if "finished (page limit)" in statuses:
        sys.exit(EXIT_LIMIT)


def _fail_for(summary) -> None:
    if summary.status == "failed":
        tls = summary.stats.get("govarchive/tls_failed")
        raise click.ClickException(f"crawl {summary.crawl_id} failed: no portal answered"
                                   f"{_first_error(summary.stats)}" + (f": {tls}" if tls else ""))
    if summary.status == "warc_write_failed":
        reason = summary.stats.get("govarchive/warc/failed", "unknown error")
        raise click.ClickException(f"crawl stopped: cannot write WARC files ({reason}); "
                                   "articles stored before that are complete")


def _first_error(stats: dict) -> str:
    errors = sorted((v, k.rsplit("/", 1)[-1]) for k, v in stats.items()
                    if k.startswith("govarchive/errors/") and k != "govarchive/errors/download")
    return f" ({', '.join(f'{name} x{n}' for n, name in reversed(errors[-3:]))})" if errors else ""


# A crawl's counts: the field, its label in one crawl's summary, its column in a run's table.
COUNTS = (("pages_fetched", "pages fetched", "pages"), ("articles_new", "articles new", "new"),
          ("articles_updated", "articles updated", "updated"), ("duplicates", "duplicates", "duplicates"),
          ("skipped", "pages skipped", "skipped"), ("errors", "errors", "errors"))


def print_summary(summary, db_path) -> None:
    c = summary.counts
    if summary.status == "not started":  # its error was logged when it failed
        click.echo(f"Crawl {summary.crawl_id}: not started (see the error above)")
        return
    site = f" ({summary.site})" if summary.site else ""
    click.echo(f"Crawl {summary.crawl_id}{site}: {summary.status}, {vn_time(summary.started_at)} to "
               f"{vn_time(summary.finished_at, 'now')}")
    for field, label, _ in COUNTS:
        click.echo(f"  {label:<17}{getattr(c, field):>7}")
    click.echo(f"  archive: {db_path} ({summary.articles_in_archive} articles)")


def print_summaries(summaries, db_path) -> None:
    """One crawl as :func:`print_summary`; several (``crawl --all``, ``run-due``) as a table, a
    row a crawl and their total: nine lines a portal came to thousands for a registry."""
    if len(summaries) <= 1:
        for summary in summaries:
            print_summary(summary, db_path)
        return
    from tabulate import tabulate

    fields = [field for field, _, _ in COUNTS]
    rows = [[s.site or "", s.crawl_id, s.status, *(getattr(s.counts, f) for f in fields)] for s in summaries]
    statuses = sorted({s.status for s in summaries})
    total = ["total", f"{len(summaries)} crawls", ", ".join(statuses),
             *(sum(getattr(s.counts, f) for s in summaries) for f in fields)]
    headers = ["site", "crawl", "status", *(column for _, _, column in COUNTS)]
    click.echo(tabulate([*rows, total], headers=headers))
    articles = max(s.articles_in_archive for s in summaries)
    click.echo(f"archive: {db_path} ({articles} articles)")


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
    from crawler.cli.watch import registry_health
    from crawler.runtime.many import run_sites

    _, health = registry_health(registry, db_path)
    due = [h.key for h in health if h.due]
    with ExitStack() as stack:
        chosen = _lock_sites(stack, due, db_path)
        if not chosen:
            click.echo("nothing due")
            return
        settings = {"LOG_LEVEL": "WARNING", "GOVARCHIVE_SHORT_ERRORS": True,
                    **({"GOVARCHIVE_REGISTRY": registry} if registry else {}), **parse_settings(setting)}
        try:
            summaries = run_sites(chosen, db_path, settings=settings)
        except ArchiveError as exc:
            raise click.ClickException(str(exc)) from exc
    print_summaries(summaries, db_path)
    _exit_for(summaries)


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
            --province "Bình Định" --level district --out tuyphuoc-draft.toml
    """
    from crawler.registry import KEY
    from crawler.runtime.probe import draft_entry, probe

    if not KEY.match(key):
        raise click.BadParameter("lower-case letters, digits and '-' only", param_hint="--key")
    if out:
        check_output(out, may_replace=False)  # a province file holds other sites' entries
    settings = {"LOG_LEVEL": "WARNING", "GOVARCHIVE_SHORT_ERRORS": True, **parse_settings(setting)}
    click.echo(f"Probing {url} (at most {max_pages} pages)...", err=True)
    try:
        with CrawlProgress() as progress:
            result = probe(url, max_pages, {**settings, **progress.settings()})
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
        try:
            Path(out).write_text(draft, encoding="utf-8")
        except OSError as exc:  # the probe is not lost: the draft goes to stdout
            click.echo(draft)
            raise click.ClickException(f"cannot write {out} ({exc.strerror}): the draft is above") from exc
        click.echo(f"draft written to {out}", err=True)
    else:
        click.echo(draft)


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
    from archive.reader import open_reader
    from archive.search import SearchError, search
    from crawler.cli.research import print_rows
    from crawler.demo.runner import run_demo

    try:
        with CrawlProgress() as progress:
            summary = run_demo(db_path, progress=progress)
        db = open_reader(db_path)
        rows = search(db, query, 5)
    except (ArchiveError, SearchError) as exc:
        raise click.ClickException(str(exc)) from exc
    print_summary(summary, db_path)
    click.echo(f'\nSearch "{query}":')
    print_rows(rows, "table")
    click.echo(f"\nTry: govarchive search 'xay dung dang' --db {db_path}")
