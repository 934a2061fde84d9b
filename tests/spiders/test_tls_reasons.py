"""OpenSSL's handshake errors said plainly: what they mean for a portal."""

from __future__ import annotations

import pytest

from spiders.portal import tls_reason


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
