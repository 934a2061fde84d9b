"""The local archive and a worker's remote archive both implement ArchiveWriter, as a type checker sees it."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

from archive.writer import ArchiveWriter


def test_both_writers_satisfy_the_protocol_for_mypy():
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--follow-imports=silent", "--ignore-missing-imports",
         "--no-incremental", "--python-version", "3.11", "tests/archive/writer_contract.py"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_writer_missing_a_method_is_caught(tmp_path):
    """The check itself bites: a class without ``known`` is refused."""
    source = tmp_path / "partial.py"
    source.write_text("from archive.writer import ArchiveWriter\n\n"
                      "class Partial:\n    def close(self) -> None: ...\n\n"
                      "def writer() -> ArchiveWriter:\n    return Partial()\n")
    result = subprocess.run([sys.executable, "-m", "mypy", "--follow-imports=silent", "--no-incremental",
                             str(source)], cwd=ROOT, capture_output=True, text=True, timeout=300,
                            env={"MYPYPATH": str(ROOT), "PATH": ""})
    assert result.returncode == 1 and "ArchiveWriter" in result.stdout


def test_the_protocol_names_every_write_a_worker_makes():
    names = {n for n in vars(ArchiveWriter) if not n.startswith("_")}
    assert {"record_page", "record_failure", "classify_pages", "add_document_links", "record_redirects",
            "known", "start_crawl", "finish_crawl", "close"} <= names
