"""Portals whose server offers only TLS 1.0 or 1.1, weak keys or old ciphers: fetched with the
system's own OpenSSL.

Scrapy's TLS goes through cryptography's OpenSSL, which no longer has TLS 1.0 or 1.1 at all.
Abandoned portals on old servers (IIS 7.5 on Windows Server 2008 R2 has TLS 1.2 off) still
serve their pages over them, and an archive may be their last reader. Python's ``ssl`` module,
built on the system's OpenSSL, still speaks them at security level 0. A host whose handshake
fails so is fetched this way from then on: in a thread, from within the
download handler (so in the host's download slot: its delay and concurrency as for any page),
with the request's time and size limits. Certificates are not checked, as Scrapy does not: an
archive records what is served.
"""

from __future__ import annotations

import asyncio
import http.client
import logging
import ssl
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

# OpenSSL's words for a handshake that cannot succeed, and what they mean for a portal
OLD_TLS = "the portal offers only TLS 1.0 or 1.1, which this machine's OpenSSL no longer speaks"
TLS_REASONS = (
    (("protocol version", "unsupported protocol", "no protocols available"), OLD_TLS),
    (("wrong version number",), "the portal answers plain HTTP at its https:// address"),
    (("dh key too small",), "the portal's TLS key exchange is too weak for this machine's OpenSSL"),
    (("handshake failure", "no shared cipher", "no ciphers available"),
     "the portal and this machine's OpenSSL share no TLS cipher"),
)
PLAIN_HTTP = TLS_REASONS[1][1]
CHUNK = 64 * 1024


def tls_reason(message: str) -> str | None:
    """What an OpenSSL handshake error means for a portal, or None for any other error."""
    if "SSL" not in message:
        return None
    lowered = message.lower()
    return next((reason for words, reason in TLS_REASONS if any(w in lowered for w in words)), None)


def fixable(message: str) -> bool:
    """Whether the system's OpenSSL at security level 0 may succeed where this handshake failed."""
    reason = tls_reason(message)
    return reason is not None and reason != PLAIN_HTTP


class LegacyTLSError(Exception):
    """The legacy fetch failed too (its reason is the message)."""


@dataclass
class Fetched:
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    version: str  # "HTTP/1.0" or "HTTP/1.1"


@lru_cache(maxsize=1)
def _context() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    context.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
    context.set_ciphers("DEFAULT:@SECLEVEL=0")
    return context


def fetch(url: str, method: str, headers: dict[str, str], body: bytes, timeout: float,
          maxsize: int) -> Fetched:
    """One request over the system's OpenSSL, within ``timeout`` seconds in all and ``maxsize``
    bytes of body (0: no limit); raises :class:`LegacyTLSError`."""
    parts = urlsplit(url)
    deadline = time.monotonic() + timeout
    connection = http.client.HTTPSConnection(parts.hostname, parts.port or 443, timeout=timeout,
                                             context=_context())
    try:
        connection.request(method, (parts.path or "/") + (f"?{parts.query}" if parts.query else ""),
                           body=body or None, headers=headers)
        answer = connection.getresponse()
        chunks, size = [], 0
        while chunk := answer.read(CHUNK):
            chunks.append(chunk)
            size += len(chunk)
            if maxsize and size > maxsize:
                raise LegacyTLSError(f"body over the size limit ({maxsize} bytes)")
            if time.monotonic() > deadline:
                raise LegacyTLSError(f"took longer than {timeout:.0f} s")
        version = "HTTP/1.0" if answer.version == 10 else "HTTP/1.1"
        return Fetched(answer.status, answer.getheaders(), b"".join(chunks), version)
    except (OSError, http.client.HTTPException) as exc:  # ssl.SSLError and timeouts are OSErrors
        raise LegacyTLSError(f"{type(exc).__name__}: {exc}") from exc
    finally:
        connection.close()


async def fetch_async(url: str, method: str, headers: dict[str, str], body: bytes, timeout: float,
                      maxsize: int) -> Fetched:
    """:func:`fetch` in a thread of its own, awaited on the reactor's asyncio loop. A daemon
    thread: a crawl stopped meanwhile exits without waiting for it (a pool's threads are
    joined at exit, up to the request's timeout)."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future = loop.create_future()

    def settle(result: Fetched | None, error: BaseException | None) -> None:
        if not done.cancelled():
            done.set_exception(error) if error is not None else done.set_result(result)

    def run() -> None:
        try:
            outcome: tuple = (fetch(url, method, headers, body, timeout, maxsize), None)
        except BaseException as exc:  # handed to the awaiting coroutine, whatever it is
            outcome = (None, exc)
        try:
            loop.call_soon_threadsafe(settle, *outcome)
        except RuntimeError:  # the loop closed meanwhile: nobody waits
            pass

    threading.Thread(target=run, name="govarchive-legacy-tls", daemon=True).start()
    return await done
