"""Many portals at once: govarchive crawl --all beside a plain Scrapy spider with the same politeness.

    .venv/bin/python benchmarks/portals_bench.py 10 50        # numbers of portals
    ARTICLES=20 .venv/bin/python benchmarks/portals_bench.py 150   # smaller portals (default 40)
    PROFILE=/tmp/crawl.prof .venv/bin/python benchmarks/portals_bench.py 50   # cProfile the crawl
    PYSPY=/tmp/crawl.txt .venv/bin/python benchmarks/portals_bench.py 150    # py-spy: every process
    FILES_LIMIT=1024 .venv/bin/python benchmarks/portals_bench.py 700         # crawls under ulimit -n 1024
    STOP_AFTER=15 .venv/bin/python benchmarks/portals_bench.py 300            # Ctrl-C: how long it takes
    SETTINGS="GOVARCHIVE_CRAWL_PROCESSES=1" .venv/bin/python benchmarks/portals_bench.py 150  # -s settings
    KEEP=/tmp/pb .venv/bin/python benchmarks/portals_bench.py 50   # keep the archive and the crawl's log
    PHASES=5 .venv/bin/python benchmarks/portals_bench.py 300   # CPU and requests/s every 5 s of the run

Serves N small portals (``tests/pattern_portals.small``: a home page linking ARTICLES articles,
robots.txt) on N loopback addresses (127.0.x.y: each its own host), and crawls them all in one
machine twice, one run: ``govarchive crawl --all`` (a registry of the N sites, default
politeness) and a plain Scrapy spider that follows the same links under the same per-host
politeness (robots.txt, DOWNLOAD_DELAY, 2 per host, AutoThrottle) and stores nothing. Prints
pages/s, wall time beside the politeness bound (each crawler's own: the most requests it made to
one host, robots.txt included, one delay apart; govarchive also asks for a page that should not
exist, the sitemap and the pages the home page links, so its bound is longer), CPU/wall of
the crawl process and its workers (``main``: of the crawl processes alone, without the
extraction workers), peak RSS (of the crawl processes; ``tree``: with the workers), peak open
files of the crawl processes, articles stored. ``crawl --all`` may split the portals over crawl
processes (``crawler.runtime.many``): the figures add them up.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

from proctree import cpu_seconds, rss_mib, tree  # noqa: E402

ARTICLES = int(os.environ.get("ARTICLES", "40"))  # issue 26 states its goals for 40 articles a portal
DELAY = 0.5  # the project's DOWNLOAD_DELAY: the politeness bound's unit
STOP_AFTER = float(os.environ.get("STOP_AFTER", "0"))  # Ctrl-C to govarchive this many seconds in, if set
FILES_LIMIT = int(os.environ.get("FILES_LIMIT", "0"))  # the crawls' open-files limit (ulimit -n), if set
PHASES = float(os.environ.get("PHASES", "0"))  # seconds a line of the run's timeline covers, if set


def limit_files() -> None:
    """In the crawl's process before it starts: the open-files limit a user would have (the
    portals' servers, in this process, need more than that)."""
    resource.setrlimit(resource.RLIMIT_NOFILE, (FILES_LIMIT, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))


def plain_child(urls: list[str]) -> None:
    import scrapy
    from scrapy.crawler import CrawlerProcess
    from scrapy.linkextractors import LinkExtractor

    class Plain(scrapy.Spider):
        name = "plain"
        start_urls = urls
        links = LinkExtractor()

        def parse(self, response):
            origin = "/".join(response.url.split("/")[:3])
            for link in self.links.extract_links(response):
                if link.url.startswith(origin):
                    yield scrapy.Request(link.url)

    process = CrawlerProcess({"LOG_LEVEL": "ERROR", "ROBOTSTXT_OBEY": True, "DOWNLOAD_DELAY": DELAY,
                              "CONCURRENT_REQUESTS_PER_DOMAIN": 2, "CONCURRENT_REQUESTS": 16,
                              "AUTOTHROTTLE_ENABLED": True, "AUTOTHROTTLE_START_DELAY": 1.0,
                              "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0, "TELNETCONSOLE_ENABLED": False,
                              "DOWNLOADER": "crawler.runtime.downloader.PoliteDownloader"})
    process.crawl(Plain)
    process.start()


def crawl_processes(pid: int) -> list[int]:
    """The crawl process and the crawl processes it split the portals over (``crawler.runtime.many``),
    without the extraction workers and their fork server."""
    found = []
    for member in tree(pid):
        try:
            with open(f"/proc/{member}/cmdline", "rb") as cmdline:
                command = cmdline.read()
        except OSError:
            continue
        if member == pid or b"crawler.runtime.many" in command:
            found.append(member)
    return found


def fd_kinds(pid: int) -> Counter:
    """The process's open files by kind: socket, pipe, archive (.db, -wal, -shm), WARC, other."""
    kinds: Counter = Counter()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith(("socket:", "pipe:", "anon_inode:")):
            kinds[target.split(":")[0]] += 1
        elif target.endswith((".db", ".db-wal", ".db-shm")):
            kinds["archive"] += 1
        elif ".warc" in target:
            kinds["warc"] += 1
        else:
            kinds["other"] += 1
    return kinds


def watch(proc: subprocess.Popen, peak: dict) -> None:
    """Peak open files of the crawl process (and what they were at the peak), and peak RSS of it
    and of its whole tree, sampled."""
    began = time.perf_counter()
    while proc.poll() is None:
        crawlers = crawl_processes(proc.pid)
        kinds: Counter = Counter()
        for pid in crawlers:
            try:
                kinds += fd_kinds(pid)
            except OSError:
                pass
        if sum(kinds.values()) > peak.get("files", 0):
            peak["files"], peak["kinds"] = sum(kinds.values()), kinds
            peak["files_at"] = time.perf_counter() - began
        cpu = peak.setdefault("cpu_by_pid", {})
        for pid in crawlers:
            cpu[pid] = max(cpu.get(pid, 0.0), cpu_seconds(pid))
        peak["main_cpu"] = sum(cpu.values())
        every = peak.setdefault("tree_cpu_by_pid", {})  # the workers are not reaped by us: rusage misses them
        for pid in tree(proc.pid):
            every[pid] = max(every.get(pid, 0.0), cpu_seconds(pid))
        peak["tree_cpu"] = sum(every.values())
        peak.setdefault("series", []).append((time.monotonic(), peak["main_cpu"], peak["tree_cpu"],
                                              idle_seconds()))
        peak["rss"] = max(peak.get("rss", 0.0), sum(rss_mib(pid) for pid in crawlers))
        peak["tree_rss"] = max(peak.get("tree_rss", 0.0), sum(rss_mib(p) for p in tree(proc.pid)))
        time.sleep(0.2)


def idle_seconds() -> float:
    """The machine's idle CPU seconds since boot, all cores (``/proc/stat``: idle and iowait)."""
    with open("/proc/stat") as stat:
        fields = stat.readline().split()[1:]
    return (int(fields[3]) + int(fields[4])) / os.sysconf("SC_CLK_TCK")


def timeline(run: dict, began: float, ours: list[list[float]], plain: list[list[float]], step: float
             ) -> list[str]:
    """govarchive's run (started at ``began``, monotonic) in steps of ``step`` seconds: the CPU its
    crawl processes and its workers used, the machine's idle cores, and the requests a second of
    both crawlers (plain's at the same seconds of its own run): where a run is CPU-bound, and in
    which phase."""
    lines, last = [], None
    samples = [(t - began, *rest) for t, *rest in run["series"]]
    for n, sample in enumerate(samples):
        if last is not None and sample[0] - last[0] < step and n < len(samples) - 1:
            continue  # the run's last sample closes a shorter step
        if last is not None:
            (t0, main0, tree0, idle0), (t1, main1, tree1, idle1) = last, sample
            span = t1 - t0
            asked = [sum(t0 <= t < t1 for log in logs for t in log) / span for logs in (ours, plain)]
            lines.append(f"{t0:5.0f}-{t1:3.0f} s  crawl {(main1 - main0) / span:4.2f}  workers "
                         f"{(tree1 - tree0 - main1 + main0) / span:4.2f}  idle {(idle1 - idle0) / span:4.2f}"
                         f"  requests/s {asked[0]:4.0f} (plain {asked[1]:4.0f})")
        last = sample
    return lines


def interrupt(proc: subprocess.Popen, after: float, out: dict) -> None:
    """Ctrl-C to the crawl ``after`` seconds in; how long it took to stop."""
    time.sleep(after)
    if proc.poll() is None:
        out["signalled"] = time.perf_counter()
        proc.send_signal(signal.SIGINT)


def run(command: list[str], env: dict, stop_after: float = 0.0) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    serving = resource.getrusage(resource.RUSAGE_SELF)  # this process: the portals' servers (and the watch)
    started, peak = time.perf_counter(), {}
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=ROOT, preexec_fn=limit_files if FILES_LIMIT else None)
    watcher = threading.Thread(target=watch, args=(proc, peak), daemon=True)
    watcher.start()
    if stop_after:
        threading.Thread(target=interrupt, args=(proc, stop_after, peak), daemon=True).start()
    _, err = proc.communicate()
    wall = time.perf_counter() - started
    if "signalled" in peak:
        took = time.perf_counter() - peak["signalled"]
        print(f"        Ctrl-C {stop_after:.0f} s in: stopped {took:.1f} s later (exit {proc.returncode})")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    served = resource.getrusage(resource.RUSAGE_SELF)
    servers = (served.ru_utime - serving.ru_utime) + (served.ru_stime - serving.ru_stime)
    return {"wall": wall, "cpu": max(cpu, peak.get("tree_cpu", 0.0)),
            "main_cpu": peak.get("main_cpu", 0.0), "rss_mib": peak.get("rss", 0.0),
            "tree_mib": peak.get("tree_rss", 0.0), "servers_cpu": servers,
            "files": peak.get("files", 0), "kinds": dict(peak.get("kinds", {})),
            "files_at": peak.get("files_at", 0.0), "series": peak.get("series", []),
            "error": err[-500:] if proc.returncode not in (0, 3, 130) else "", "stderr": err}


def loopback(n: int) -> str:
    """The n-th portal's own loopback address (Linux routes all of 127.0.0.0/8 to lo)."""
    return f"127.0.{1 + n // 250}.{2 + n % 250}"


def bound(portals) -> float:
    """The politeness bound of what a crawler fetched: the busiest host's requests one delay apart."""
    return max((len(portal.log) - 1 for portal in portals), default=0) * DELAY


def pace(portals, began: float) -> str:
    """When the crawl had asked for a half, nine tenths and all of its pages (seconds from its
    command): a slow start or a long tail of a few portals shows here, not in pages/s."""
    times = sorted(t - began for portal in portals for t, *_ in portal.log)
    if not times:
        return "-"
    return "/".join(f"{times[min(len(times) - 1, int(len(times) * q))]:.0f}" for q in (0.5, 0.9, 1.0))


def measure(count: int) -> dict:
    from conftest import registry_entry
    from pattern_portals import serve_portal, small

    portals = [serve_portal(f"xa{n}", small(f"xa{n}", ARTICLES), host=loopback(n)) for n in range(count)]
    out = {"portals": count}
    with tempfile.TemporaryDirectory() as tmp:
        registry = Path(tmp) / "registry"
        registry.mkdir()
        for portal in portals:
            entry = registry_entry(portal.name, portal.url, level="commune")  # default politeness:
            entry = entry.replace("politeness = { delay = 0, concurrency = 2, autothrottle = false }", "")
            (registry / f"{portal.name}.toml").write_text(entry, encoding="utf-8")
        env = {**os.environ, "GOVARCHIVE_REGISTRY": str(registry), "GOVARCHIVE_ALLOW_PRIVATE_HOSTS": "1"}
        for portal in portals:
            portal.log.clear()
        command = [str(Path(sys.executable).with_name("govarchive")), "crawl", "--all", "--db", f"{tmp}/a.db",
                   *(f"-s{setting}" for setting in os.environ.get("SETTINGS", "").split())]
        if os.environ.get("PROFILE"):  # the crawl process under cProfile, its stats to this file
            command = [sys.executable, "-m", "cProfile", "-o", os.environ["PROFILE"], *command]
        elif os.environ.get("PYSPY"):  # every crawl process and worker sampled, collapsed stacks to this file
            spy = str(Path(sys.executable).with_name("py-spy"))  # pip install -e '.[profile]'
            command = [spy, "record", "--subprocesses", "--nonblocking", "--format", "raw", "--rate", "200",
                       "-o", os.environ["PYSPY"], "--", *command]
        began = time.monotonic()
        ours = run(command, env, STOP_AFTER)
        ours["first_page"] = min((t for portal in portals for t, *_ in portal.log), default=began) - began
        import sqlite3

        stored = sqlite3.connect(f"{tmp}/a.db").execute("SELECT count(*) FROM articles").fetchone()[0]
        ours["articles"] = stored
        if os.environ.get("KEEP"):  # the archive and the crawl's log, to look into after
            keep = Path(os.environ["KEEP"]) / str(count)
            keep.mkdir(parents=True, exist_ok=True)
            sqlite3.connect(f"{tmp}/a.db").execute("VACUUM INTO ?", [str(keep / "a.db")])
            (keep / "crawl.log").write_text(ours["stderr"], encoding="utf-8")
        if stored < count * ARTICLES and not ours["error"] and not STOP_AFTER:  # say what was lost
            ours["error"] = f"exit {ours.get('exit')}: " + ours["stderr"][-1500:]
        ours["pages"] = sum(len([p for _, _, p in portal.log if p != "/robots.txt"]) for portal in portals)
        ours["bound"] = bound(portals)
        ours["pace"] = pace(portals, began)
        ours_began, ours_log = began, [[t - began for t, *_ in portal.log] for portal in portals]
        for portal in portals:
            portal.log.clear()
        began = time.monotonic()
        plain = run([sys.executable, __file__, "--plain", *(p.url for p in portals)], env)
        plain["first_page"] = min((t for portal in portals for t, *_ in portal.log), default=began) - began
        plain["pages"] = sum(len([p for _, _, p in portal.log if p != "/robots.txt"]) for portal in portals)
        plain["bound"] = bound(portals)
        plain["pace"] = pace(portals, began)
        if PHASES:
            plain_log = [[t - began for t, *_ in portal.log] for portal in portals]
            out["timeline"] = timeline(ours, ours_began, ours_log, plain_log, PHASES)
    stoppers = [threading.Thread(target=portal.server.shutdown) for portal in portals]
    for stopper in stoppers:  # each waits out its server's poll (0.5 s): at once, not in turn
        stopper.start()
    for stopper in stoppers:
        stopper.join()
    out.update(govarchive=ours, plain=plain)
    return out


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--plain":
        plain_child(sys.argv[2:])
        return
    counts = [int(a) for a in sys.argv[1:]] or [10, 50]
    print(f"{ARTICLES} articles a portal, default politeness (0.5 s, AutoThrottle, 2 per host); "
          f"open files limit {FILES_LIMIT or resource.getrlimit(resource.RLIMIT_NOFILE)[0]}")
    print(f"{'portals':>7} {'crawler':11}{'pages':>7}{'pages/s':>8}{'wall s':>8}{'bound s':>8}{'cpu/wall':>9}"
          f"{'main':>6}{'RSS MiB':>8}{'tree MiB':>9}{'files':>6}{'stored':>7}")
    for count in counts:
        r = measure(count)
        for name in ("plain", "govarchive"):
            m = r[name]
            print(f"{count:>7} {name:11}{m['pages']:>7}{m['pages'] / m['wall']:>8.1f}{m['wall']:>8.1f}"
                  f"{m['bound']:>8.1f}{m['cpu'] / m['wall']:>9.2f}"
                  f"{m['main_cpu'] / m['wall']:>6.2f}{m['rss_mib']:>8.0f}{m['tree_mib']:>9.0f}"
                  f"{m['files']:>6}"
                  f"{m.get('articles', '-'):>7}" + (f"  ERROR {m['error']}" if m["error"] else ""))
        print(f"{'':>7} first request after: plain {r['plain']['first_page']:.1f} s, "
              f"govarchive {r['govarchive']['first_page']:.1f} s; the portals' servers' CPU/wall: plain "
              f"{r['plain']['servers_cpu'] / r['plain']['wall']:.2f}, "
              f"govarchive {r['govarchive']['servers_cpu'] / r['govarchive']['wall']:.2f}")
        print(f"{'':>7} half, nine tenths and all of the pages asked for by (s): plain {r['plain']['pace']}, "
              f"govarchive {r['govarchive']['pace']}")
        kinds = (f"{name} {dict(sorted(r[name]['kinds'].items()))} {r[name]['files_at']:.0f} s in"
                 for name in ("plain", "govarchive"))
        print(f"{'':>7} open files at the peak: " + "; ".join(kinds))
        ours, plain = (r[k]["pages"] / r[k]["wall"] for k in ("govarchive", "plain"))
        print(f"{'':>7} ratio pages/s govarchive/plain: {ours / plain:.2f}; wall/bound: plain "
              f"{r['plain']['wall'] / r['plain']['bound']:.2f}, govarchive "
              f"{r['govarchive']['wall'] / r['govarchive']['bound']:.2f}")
        if r.get("timeline"):
            print(f"{'':>7} govarchive's run (CPU in cores; the run's command starts at 0 s):")
            for line in r["timeline"]:
                print(f"{'':>9}{line}")
    print(json.dumps({"note": "RSS: the crawl process's peak; tree: with its workers; sampled every 0.2 s"}))


if __name__ == "__main__":
    main()
