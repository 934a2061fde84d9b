"""What every command shares: the group, the --db and --registry options, tables, times."""

from __future__ import annotations

import importlib
import os
from datetime import timedelta, timezone
from pathlib import Path

import click

from archive.errors import SQLITE_MAGIC
from common import __version__
from common.clock import vn_time  # noqa: F401 - the commands import it from here

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
DEFAULT_DB = "archive.db"
VN_TZ = timezone(timedelta(hours=7))


def db_option(default: str | None = None):
    return click.option(
        "--db", "db_path", type=click.Path(dir_okay=False), show_default=True,
        default=lambda: os.environ.get("GOVARCHIVE_DB", default or DEFAULT_DB),
        help="Archive file (default: $GOVARCHIVE_DB or archive.db).",
    )


# Each command's module, imported when the command runs: a cold `govarchive search` does not
# import Scrapy, sqlite-utils or datasette (0.47 s of imports before, measured -X importtime).
COMMAND_MODULES = {
    "crawler.cli.crawling": ("crawl", "demo", "new-site", "run-due"),
    "crawler.cli.distributed": ("enqueue", "ingest", "worker"),
    "crawler.cli.documents": ("ocr",),
    "crawler.cli.recovery": ("export-wacz", "recover"),
    "crawler.cli.research": ("export", "extract", "reextract", "search", "serve", "show", "stats"),
    "crawler.cli.watch": ("report", "schedule", "sites", "status"),
}


def keep_examples(help_text: str | None) -> str | None:
    """Each indented block of a docstring (the examples) kept line by line: click rewraps
    paragraphs, and ran ``govarchive crawl a`` and ``govarchive crawl b`` into one line.
    ``\\b`` before a paragraph is click's own way to keep it."""
    if not help_text:
        return help_text
    import inspect

    paragraphs = inspect.cleandoc(help_text).split("\n\n")
    return "\n\n".join(f"\b\n{p}" if p.startswith("    ") and not p.startswith("\b") else p
                       for p in paragraphs)


class ExampleCommand(click.Command):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.help = keep_examples(self.help)


class LazyGroup(click.Group):
    """Commands registered by their modules, which are imported on first use (click's lazy pattern)."""

    modules = {name: module for module, names in COMMAND_MODULES.items() for name in names}
    command_class = ExampleCommand

    def list_commands(self, ctx) -> list[str]:
        return sorted(set(self.commands) | set(self.modules))

    def get_command(self, ctx, cmd_name):
        if cmd_name not in self.commands and cmd_name in self.modules:
            importlib.import_module(self.modules[cmd_name])
        return self.commands.get(cmd_name)


@click.group(cls=LazyGroup, context_settings=CONTEXT)
@click.version_option(__version__, prog_name="govarchive")
def cli() -> None:
    """Archive Vietnamese local government portals into a searchable SQLite file."""


def parse_settings(pairs: tuple[str, ...]) -> dict[str, str]:
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


def load_registry(folder):
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


def check_output(path: str, *, may_replace: bool = True) -> None:
    """Refuse to write over an archive, a WARC file or (``may_replace=False``) any existing file."""
    target = Path(path)
    if not target.parent.is_dir():
        raise click.ClickException(f"folder {target.parent} does not exist (nothing was done)")
    if not target.exists():
        return
    if target.is_dir():
        raise click.ClickException(f"{path} is a folder")
    with open(target, "rb") as handle:
        head = handle.read(16)
    if head == SQLITE_MAGIC or target.name.endswith((".warc.gz", ".warc", ".warc.gz.open")):
        raise click.ClickException(f"{path} is an archive file: give another output file")
    if not may_replace:
        raise click.ClickException(f"{path} exists: give a new file (nothing was written)")


def report_changes(report, dry_run: bool, noun: str) -> None:
    """What ``reextract``/``ocr`` changed (``noun``: article or document), what they skipped, counts."""
    for change in report.changes:
        click.echo(f"{noun} {getattr(change, noun + '_id')} {change.url}: {', '.join(change.fields)} changed")
    for problem in report.problems:
        click.echo(f"skipped {problem}", err=True)
    verb = "would change" if dry_run else "changed"
    click.echo(f"{report.checked} {noun}s checked, {len(report.changes)} {verb}, "
               f"{len(report.problems)} skipped")


def table(rows: list[dict] | list[list], headers) -> None:
    """Print rows as a plain table with a header line (tabulate)."""
    from tabulate import tabulate

    click.echo(tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True))
