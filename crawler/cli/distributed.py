"""Many machines through Redis: ``enqueue`` sites, run ``worker``s, run one ``ingest``."""

from __future__ import annotations

import os

import click

from crawler.cli.common import CONTEXT, cli, db_option, load_registry, parse_settings, registry_option

DEFAULT_REDIS = "redis://127.0.0.1:6379/0"


def redis_option():
    return click.option("--redis", "redis_url", metavar="URL",
                        default=lambda: os.environ.get("GOVARCHIVE_REDIS", DEFAULT_REDIS),
                        help=f"Redis server (default: $GOVARCHIVE_REDIS or {DEFAULT_REDIS}).")


def _unreachable(redis_url: str, exc: Exception) -> click.ClickException:
    return click.ClickException(f"cannot reach Redis at {redis_url}: {exc}")


@cli.command(context_settings=CONTEXT)
@click.argument("keys", nargs=-1)
@click.option("--all", "all_sites", is_flag=True, help="Every registry site that is not defunct.")
@redis_option()
@registry_option()
def enqueue(keys, all_sites, redis_url, registry) -> None:
    """Queue registry sites for the workers (a site already queued keeps its place).

    Examples:

        govarchive enqueue vinhlong namdinh-myloc --redis redis://queue.lan:6379/0
        govarchive enqueue --all
    """
    import redis

    from crawler.distributed.worker import enqueue as enqueue_sites

    sites = load_registry(registry)
    chosen = [k for k, s in sites.items() if all_sites and s.status != "defunct"] + list(keys)
    unknown = [k for k in chosen if k not in sites]
    if unknown:
        raise click.BadParameter(f"not in the registry: {', '.join(unknown)}", param_hint="KEYS")
    if not chosen:
        raise click.UsageError("give site keys, or --all")
    try:
        added = enqueue_sites(redis_url, list(dict.fromkeys(chosen)))
    except redis.RedisError as exc:
        raise _unreachable(redis_url, exc) from exc
    click.echo(f"queued {added} sites ({len(set(chosen)) - added} were queued already)")


@cli.command(context_settings=CONTEXT)
@redis_option()
@click.option("--warc-dir", type=click.Path(file_okay=False), default="warcs", show_default=True,
              help="This worker's WARC folder (copy its files to the archive's warcs/ folder).")
@click.option("--sites-at-once", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Sites crawled side by side (each with its own politeness).")
@click.option("--wait", is_flag=True, help="Wait for more sites when the queue is empty (a service).")
@click.option("--id", "worker_id", help="Name of this worker (default: HOST-PID).")
@registry_option()
@click.option("-s", "--set", "setting", multiple=True, metavar="NAME=VALUE", help="A Scrapy setting.")
@click.option("-v", "--verbose", is_flag=True, help="Scrapy's INFO log (default: warnings and errors).")
def worker(redis_url, warc_dir, sites_at_once, wait, worker_id, registry, setting, verbose) -> None:
    """Crawl sites from the Redis queue, one worker per host at a time; items go to the ingest.

    A site a worker was killed on is taken over by another after its lease (20 s)
    runs out, from its frontier in Redis. Ctrl-C stops cleanly.

    Examples:

        govarchive worker --redis redis://queue.lan:6379/0 --warc-dir /srv/govarchive/warcs
        govarchive worker --sites-at-once 4 --wait
    """
    import redis

    from archive.store import ArchiveError
    from crawler.distributed.worker import run_worker

    settings = {"GOVARCHIVE_SHORT_ERRORS": True, "LOG_LEVEL": "INFO" if verbose else "WARNING",
                **parse_settings(setting)}
    if registry:
        settings["GOVARCHIVE_REGISTRY"] = registry
    try:
        report = run_worker(redis_url, warc_dir=warc_dir, settings=settings, worker_id=worker_id,
                            sites_at_once=sites_at_once, wait=wait)
    except redis.RedisError as exc:
        raise _unreachable(redis_url, exc) from exc
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    for site, crawl_id, reason in report.crawls:
        click.echo(f"{site}: crawl {crawl_id} {reason}")
    if report.interrupted and not report.stopped:
        click.echo(f"worker {report.worker_id} stopped by a signal; its sites go on when a worker "
                   "starts again")
        return
    if report.stopped:
        raise click.ClickException(f"worker {report.worker_id} stopped: {report.stopped}; "
                                   "its sites go on when a worker starts again")
    click.echo(f"worker {report.worker_id}: the queue is done ({len(report.crawls)} crawls)")


@cli.command(context_settings=CONTEXT)
@redis_option()
@db_option()
@click.option("--until-done", is_flag=True,
              help="Stop once no site is queued or crawled and every entry is stored (default: run on).")
@registry_option()
@click.option("-s", "--set", "setting", multiple=True, metavar="NAME=VALUE", help="A Scrapy setting.")
@click.option("-v", "--verbose", is_flag=True, help="Scrapy's INFO log (default: warnings and errors).")
def ingest(redis_url, db_path, until_done, registry, setting, verbose) -> None:
    """Store what the workers send into the archive: the only process that writes it.

    Examples:

        govarchive ingest --redis redis://queue.lan:6379/0 --db /srv/govarchive/archive.db
        govarchive ingest --until-done
    """
    import redis

    from archive.store import ArchiveError
    from crawler.distributed.ingest import run_ingest

    settings = {"GOVARCHIVE_SHORT_ERRORS": True, "LOG_LEVEL": "INFO" if verbose else "WARNING",
                **parse_settings(setting)}
    try:
        stats = run_ingest(redis_url, db_path, until_done=until_done, settings=settings,
                           sites=load_registry(registry).values())
    except redis.RedisError as exc:
        raise _unreachable(redis_url, exc) from exc
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"ingested {stats.get('govarchive/ingest/entries', 0)} entries: "
               f"{stats.get('govarchive/articles_new', 0)} new articles, "
               f"{stats.get('govarchive/articles_updated', 0)} updated, "
               f"{stats.get('govarchive/documents/stored', 0)} documents, "
               f"{stats.get('govarchive/ingest/skipped', 0)} entries skipped")
    if stats.get("govarchive/ingest/archive_error"):
        raise click.ClickException(f"cannot write the archive ({stats['govarchive/ingest/archive_error']}): "
                                   "stopped; the pending entries are applied when the ingest starts again")
    if stats.get("govarchive/redis_unavailable"):
        raise click.ClickException(f"Redis is unavailable ({stats['govarchive/redis_unavailable']}): "
                                   "stopped; pending entries are stored when the ingest starts again")
