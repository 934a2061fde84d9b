"""A crawl process tunes Python's cyclic collector before its reactor runs (what was made at
start frozen out of its passes, the young generation collected less often)."""

from __future__ import annotations

import subprocess
import sys


def test_the_crawl_process_tunes_the_collector():
    code = ("import gc; from crawler.runtime import runner; runner._tune_gc(); "
            "print(gc.get_threshold()[0] == runner.GC_YOUNG, gc.get_freeze_count() > 1000)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "True"]
