"""Commands for documents beyond search, export and show: ``ocr``."""

from __future__ import annotations

import click

from archive.store import ArchiveError
from crawler.cli.common import CONTEXT, cli, db_option, report_changes


@cli.command(context_settings=CONTEXT)
@db_option()
@click.option("--site", help="Only this site key.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many documents.")
def ocr(db_path, site, limit) -> None:
    """OCR the scanned pages of documents stored while Tesseract was missing (or turned off).

    Needs Debian's tesseract-ocr and tesseract-ocr-vie; reads the files from the
    WARC records, not the portals.

    Example:

        govarchive ocr --site vinhlong --limit 50
    """
    from crawler.documents.ocr import ocr_problem
    from crawler.documents.reprocess import reread_documents

    problem = ocr_problem()
    if problem:
        raise click.ClickException(f"cannot OCR: {problem}")
    try:
        report = reread_documents(db_path, site=site, only_pending=True, limit=limit,
                                  progress=lambda done, total: click.echo(f"{done}/{total}", err=True))
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    report_changes(report, False, "document")
