"""Portals on old TLS: OpenSSL's handshake errors said plainly, and a portal offering only TLS 1.0
fetched with the system's OpenSSL."""

from __future__ import annotations

import sqlite3
import ssl
import threading
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import FAST_SETTINGS, run_cli
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from routes import RouteServer, page
from warcio.archiveiterator import ArchiveIterator

from crawler.runtime.legacy_tls import LegacyTLSError, fetch, tls_reason


@pytest.mark.parametrize("openssl,says", [
    ("tlsv1 alert protocol version", "TLS 1.0 or 1.1"),
    ("unsupported protocol", "TLS 1.0 or 1.1"),
    ("wrong version number", "plain HTTP"),
    ("dh key too small", "too weak"),
    ("sslv3 alert handshake failure", "no TLS cipher"),
])
def test_a_handshake_error_is_said_plainly(openssl, says):
    assert says in tls_reason(f"[<Failure OpenSSL.SSL.Error: [('SSL routines', '', '{openssl}')]>]")


@pytest.mark.parametrize("message", ["Connection was refused by other side: 111", "User timeout"])
def test_other_errors_are_not_tls(message):
    assert tls_reason(message) is None


# a portal on an old server: TLS 1.0 only ---------------------------------------------------------
def _certificate(folder: Path) -> tuple[Path, Path]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=30)).sign(key, hashes.SHA256()))
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                       serialization.PrivateFormat.TraditionalOpenSSL,
                                                       serialization.NoEncryption()))
    return folder / "cert.pem", folder / "key.pem"


def _tls10_server(routes: dict, folder: Path) -> RouteServer:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    try:
        context.set_ciphers("DEFAULT:@SECLEVEL=0")
        with warnings.catch_warnings():  # deprecated: that is the point
            warnings.simplefilter("ignore", DeprecationWarning)
            context.minimum_version = context.maximum_version = ssl.TLSVersion.TLSv1
    except (ssl.SSLError, ValueError):
        pytest.skip("this machine's OpenSSL has no TLS 1.0 at all")
    context.load_cert_chain(*_certificate(folder))
    server = RouteServer(routes)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _article(n: int) -> str:
    body = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân huyện tổ chức hội nghị lần thứ {n} với sự tham dự của "
                   "lãnh đạo các phòng, ban, ngành và Ủy ban nhân dân các xã.</p>" for i in range(4))
    return (f"<html><head><title>Hội nghị lần thứ {n}</title></head><body><h1>Huyện Tân Hưng tổ chức "
            f"hội nghị lần thứ {n} về cải cách hành chính</h1><div class='date'>0{n}/03/2024</div>"
            f"<div class='content'>{body}</div></body></html>")


@pytest.mark.crawl
def test_a_portal_offering_only_tls_1_0_is_archived(tmp_path):
    home = "<html><body>" + "".join(f"<a href='/tin/{n}.html'>Tin {n}</a>" for n in (1, 2)) + "</body></html>"
    server = _tls10_server({"/robots.txt": page("User-agent: *\nAllow: /\n", "text/plain"), "/": page(home),
                            **{f"/tin/{n}.html": page(_article(n)) for n in (1, 2)}}, tmp_path)
    url = f"https://127.0.0.1:{server.server_address[1]}/"
    try:
        fetch(url, "GET", {}, b"", 10, 0)
    except LegacyTLSError:
        server.shutdown()
        pytest.skip("this machine's system OpenSSL refuses TLS 1.0 too")
    db = tmp_path / "a.db"
    result = run_cli("crawl", "--url", url, "--db", str(db), *FAST_SETTINGS, "-s", "RETRY_TIMES=0")
    server.shutdown()
    assert result.returncode == 0, result.stderr
    assert "offers only an old TLS" in result.stderr
    with sqlite3.connect(db) as conn:
        urls = {u for (u,) in conn.execute("SELECT url FROM articles")}
    assert urls == {f"{url}tin/{n}.html" for n in (1, 2)}
    records = [r for f in (tmp_path / "warcs").glob("*.warc.gz") for r in ArchiveIterator(f.open("rb"))
               if r.rec_type == "response"]
    assert {r.rec_headers.get_header("WARC-Target-URI") for r in records} >= urls


def test_a_legacy_fetch_keeps_the_size_limit(tmp_path):
    server = _tls10_server({"/big": page("x" * 300_000)}, tmp_path)
    url = f"https://127.0.0.1:{server.server_address[1]}/big"
    try:
        assert len(fetch(url, "GET", {}, b"", 10, 0).body) == 300_000
    except LegacyTLSError:
        pytest.skip("this machine's system OpenSSL refuses TLS 1.0 too")
    else:
        with pytest.raises(LegacyTLSError, match="size limit"):
            fetch(url, "GET", {}, b"", 10, 100_000)
    finally:
        server.shutdown()
