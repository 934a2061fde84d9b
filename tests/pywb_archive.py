"""A real pywb web archive for the recovery tests, run from its own venv (pywb pins old
libraries; it never enters the project's environment).

The venv is ``.venv-pywb`` (``make test`` and ``.ci/run`` create it), or the one
``GOVARCHIVE_PYWB_VENV`` names. Captures are written as WARC files with the
capture dates the tests choose, added to a collection with ``wb-manager`` and
served by ``wayback`` on a free loopback port.
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent


def pywb_bin() -> Path | None:
    venv = Path(os.environ.get("GOVARCHIVE_PYWB_VENV", ROOT / ".venv-pywb"))
    return venv / "bin" if (venv / "bin" / "wayback").exists() else None


def write_captures(path: Path, captures: list[tuple[str, str, bytes, str]]) -> None:
    """A WARC of ``(url, WARC-Date, body, content type)`` response records."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, date, body, content_type in captures:
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http,
                warc_headers_dict={"WARC-Date": date}))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def pywb(folder: Path, warcs: list[Path], collection: str = "vn", wacz: bool = False) -> Iterator[str]:
    """pywb serving ``warcs`` (or WACZ files) as ``collection``; yields the replay address."""
    bin_dir = pywb_bin()
    subprocess.run([str(bin_dir / "wb-manager"), "init", collection], cwd=folder, check=True,
                   capture_output=True, timeout=120)
    unpack = ["--unpack-wacz"] if wacz else []
    subprocess.run([str(bin_dir / "wb-manager"), "add", *unpack, collection, *map(str, warcs)], cwd=folder,
                   check=True, capture_output=True, timeout=120)
    port = free_port()
    proc = subprocess.Popen([str(bin_dir / "wayback"), "-b", "127.0.0.1", "-p", str(port)], cwd=folder,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/{collection}/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).close()
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)
