"""A process and its descendants, read from ``/proc`` (Linux): their CPU seconds and memory.

``getrusage(RUSAGE_CHILDREN)`` misses the extraction workers: they are children of
multiprocessing's fork server, which the crawl process never waits for. A benchmark samples
the whole tree while the crawl runs instead, keeping each process's last reading.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time


def tree(pid: int) -> list[int]:
    """The process and its descendants (the extraction workers, their fork server)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    todo.extend(int(c) for c in children.read().split())
        except OSError:
            pass
    return found


def rss_mib(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as status:
            line = next(line for line in status if line.startswith("VmRSS:"))
        return int(line.split()[1]) / 1024
    except (OSError, StopIteration):
        return 0.0


def cpu_seconds(pid: int) -> float:
    """CPU seconds of the process alone (user and system), not of its children."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


class TreeCPU:
    """CPU seconds of ``proc`` and every process it started, sampled every ``every`` seconds
    until it exits (a process's CPU after its last sample is missed: at most ``every`` of it)."""

    def __init__(self, proc: subprocess.Popen, every: float = 0.1) -> None:
        self.proc, self.every = proc, every
        self.by_pid: dict[int, float] = {}
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while self.proc.poll() is None:
            for pid in tree(self.proc.pid):
                self.by_pid[pid] = max(self.by_pid.get(pid, 0.0), cpu_seconds(pid))
            time.sleep(self.every)

    def total(self) -> float:
        self._thread.join()
        return sum(self.by_pid.values())
