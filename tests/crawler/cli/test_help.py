"""Every command is documented, shows its examples one per line, and names sites that exist."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import ROOT

from crawler.cli import cli
from crawler.cli.common import COMMAND_MODULES
from crawler.registry import load

COMMANDS = sorted(name for names in COMMAND_MODULES.values() for name in names)
DOCS = "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")])


def _help(command: str) -> str:
    result = CliRunner().invoke(cli, [command, "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_docs(command):
    assert re.search(rf"govarchive {command}\b", DOCS), f"no `govarchive {command}` in README.md or docs/"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_an_example_one_per_line(command):
    text = _help(command)
    examples = [line for line in text.splitlines() if line.startswith("      ") and "govarchive " in line]
    assert examples, f"`govarchive {command} --help` gives no example"
    assert all(line.count("govarchive ") == 1 for line in examples), examples


NEW_SITE_KEYS = {"binhdinh-tuyphuoc"}  # the key docs/adding-a-site.md creates


def test_the_site_keys_in_examples_are_in_the_bundled_registry():
    keys = set(load(None)) | NEW_SITE_KEYS
    text = DOCS + "\n".join(_help(c) for c in COMMANDS)
    key = r"((?:[a-z][a-z0-9]*-?)+[a-z0-9])"
    named = set(re.findall(rf"govarchive (?:crawl|recover|enqueue) {key}(?=\s)", text))
    named |= set(re.findall(rf"--site {key}\b", text))
    assert named - keys == set(), "examples name sites the bundled registry does not have"
