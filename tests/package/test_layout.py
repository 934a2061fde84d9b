"""The house: packages by concern, imports one way, no cycles, every package says what it holds.

Imports are read from the source (``ast``), not run; imports under ``if TYPE_CHECKING:`` do not
run and are left out. A unit is ``common``, ``archive``, ``spiders``, ``pipelines`` or a package of
``crawler/``.
"""

from __future__ import annotations

import ast
import graphlib
import re
from pathlib import Path

import pytest
from conftest import ROOT

TOPS = ("common", "archive", "crawler", "spiders", "pipelines")


def _modules() -> dict[str, Path]:
    found = {}
    for top in TOPS:
        for path in (ROOT / top).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def _runtime_imports(path: Path, name: str, known: dict[str, Path]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {id(n) for node in ast.walk(tree)
               if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
               for sub in node.body for n in ast.walk(sub)}
    out = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            targets = [node.module or ""] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


def _unit(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "crawler" and len(parts) > 1 else parts[0]


MODULES = _modules()
IMPORTS = {name: _runtime_imports(path, name, MODULES) for name, path in MODULES.items()}


def _graph(key) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, targets in IMPORTS.items():
        graph.setdefault(key(module), set()).update(key(t) for t in targets if key(t) != key(module))
    return graph


@pytest.mark.parametrize("level", ["top", "unit", "module"])
def test_no_import_cycle(level):
    key = {"top": lambda m: m.split(".")[0], "unit": _unit, "module": lambda m: m}[level]
    graph = _graph(key)
    if level == "module":  # a package's __init__ re-exporting its own modules is not a cycle
        graph = {m: {t for t in ts if not t.startswith(m + ".")} for m, ts in graph.items()}
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as exc:
        pytest.fail(f"import cycle between {level}s: {' -> '.join(exc.args[1])}")


def test_common_is_a_leaf():
    assert not {t for m, ts in IMPORTS.items() if m.startswith("common") for t in ts
                if not t.startswith("common")}


def test_archive_imports_only_common():
    wrong = {(m, t) for m, ts in IMPORTS.items() if m.startswith("archive") for t in ts
             if t.split(".")[0] not in ("archive", "common")}
    assert not wrong


def test_crawler_holds_packages_not_loose_modules():
    loose = [p.name for p in (ROOT / "crawler").glob("*.py") if p.name != "__init__.py"]
    assert not loose


@pytest.mark.parametrize("package", sorted(
    p.parent.relative_to(ROOT).as_posix().replace("/", ".")
    for top in TOPS for p in (ROOT / top).rglob("__init__.py")))
def test_every_package_names_its_modules(package):
    folder = ROOT / package.replace(".", "/")
    doc = ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8"))) or ""
    assert doc, f"{package} has no docstring"
    modules = [p.stem for p in folder.glob("*.py") if p.stem != "__init__"]
    modules += [p.name for p in folder.iterdir() if (p / "__init__.py").exists()]
    missing = [m for m in modules if m not in doc]
    assert not missing, f"{package}'s docstring does not name {missing}"


SQL = re.compile(r"\b(SELECT\b.+\bFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
                 r"CREATE\s+(TABLE|INDEX))\b")


def test_every_sql_statement_lives_in_archive():
    """The schema is a public contract: only ``archive/`` may speak SQL to it."""
    found = []
    for name, path in MODULES.items():
        if name.split(".")[0] == "archive":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found


def test_one_way_to_open_an_archive_for_reading_and_one_for_writing():
    """Outside ``archive/``: ``open_reader`` reads (never migrates, starts fast); a writer is
    ``open_database(..., write=True)`` or ``Archive``, which prove they can write before they start."""
    found = []
    for name, path in MODULES.items():
        if name.split(".")[0] == "archive":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) ==
                    "open_database" and not any(k.arg == "write" for k in node.keywords)):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found


def test_importing_the_project_installs_no_reactor():
    """Scrapy installs the asyncio reactor when a crawl starts; a module that imports
    ``twisted.internet.reactor`` on import installs the default one first and every crawl fails."""
    import subprocess
    import sys

    names = sorted(m for m in MODULES if not m.startswith(("crawler.demo", "crawler.cli")))
    code = f"import importlib, sys\nfor n in {names!r}: importlib.import_module(n)\n" \
           "print('twisted.internet.reactor' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                            timeout=300)
    assert result.stdout.strip() == "False", result.stderr[-2000:]


def test_a_crawl_process_loads_no_extraction_stage():
    """A crawl process extracts in its workers: its spider, stages and runner load none of the
    page's stages (trafilatura among them), which cost each crawl process's start."""
    import subprocess
    import sys

    code = ("import sys, crawler.runtime.runner, crawler.runtime.many, spiders.portal\n"
            "import crawler.extraction.pool\n"
            "from crawler.runtime.settings import ITEM_PIPELINES\n"
            "from scrapy.utils.misc import load_object\n"
            "for name in ITEM_PIPELINES: load_object(name)\n"
            "print(sorted(m for m in ('crawler.extraction.page', 'trafilatura') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                            timeout=300)
    assert result.stdout.strip() == "[]", result.stderr[-2000:]
