"""The CDX client: the listing shapes archives answer with, and the capture chosen per address."""

from __future__ import annotations

import json

import pytest

from archive.cdx import CdxCapture, CdxError, choose, parse_listing, query_url

IA_ROWS = [["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"],
           ["vn,gov,x)/a", "20240105020000", "http://x.gov.vn/a", "text/html", "200", "AAA", "100"],
           ["vn,gov,x)/b", "20240105020000", "http://x.gov.vn/b", "text/html", "301", "BBB", "100"],
           [], ["vn,gov,x)/c 20240105020000"]]


def test_archive_org_rows_and_their_resume_key():
    captures, resume, bad = parse_listing(json.dumps(IA_ROWS).encode())
    assert [c.url for c in captures] == ["http://x.gov.vn/a", "http://x.gov.vn/b"]
    assert resume == "vn,gov,x)/c 20240105020000" and bad == 0


def test_pywb_json_lines_cdxj_and_plain_lines():
    pywb = json.dumps({"url": "http://x.gov.vn/a", "timestamp": "20240105020000", "mime": "text/html",
                       "status": "200", "digest": "AAA"})
    cdxj = 'vn,gov,x)/b 20250101000000 {"url": "http://x.gov.vn/b", "mime": "text/html", "status": "200"}'
    plain = "vn,gov,x)/c 20230101000000 http://x.gov.vn/c text/html 200 CCC 512"
    captures, resume, bad = parse_listing("\n".join([pywb, cdxj, plain, "{broken"]).encode())
    assert [(c.url, c.timestamp) for c in captures] == [
        ("http://x.gov.vn/a", "20240105020000"), ("http://x.gov.vn/b", "20250101000000"),
        ("http://x.gov.vn/c", "20230101000000")]
    assert resume is None and bad == 1


@pytest.mark.parametrize("body", [b"<!DOCTYPE html><html>Welcome</html>", b"garbage\nmore garbage",
                                  b"[[1, 2"])
def test_an_answer_that_is_no_listing_is_an_error(body):
    with pytest.raises(CdxError):
        parse_listing(body)


def test_the_query_asks_for_the_host_page_by_page():
    url = query_url("https://web.archive.org/cdx/search/cdx", "x.gov.vn", "2020-01-01", "2025-06", "KEY")
    assert "url=x.gov.vn" in url and "matchType=host" in url and "from=20200101" in url
    assert "to=202506" in url and "resumeKey=KEY" in url and "output=json" in url


def capture(url: str, ts: str, digest: str, status: str = "200", mime: str = "text/html") -> CdxCapture:
    return CdxCapture(url, ts, mime, status, digest)


def test_the_latest_good_capture_of_each_address_is_chosen():
    chosen = choose([capture("http://x.gov.vn/a", "2023", "1"), capture("http://x.gov.vn/a", "2025", "2"),
                     capture("http://x.gov.vn/a", "2026", "3", status="404"),
                     capture("http://x.gov.vn/b.css", "2025", "4", mime="text/css"),
                     capture("http://x.gov.vn/qd.pdf", "2025", "5", mime="application/pdf")])
    assert [(c.url, c.digest) for c in chosen] == [("http://x.gov.vn/a", "2"),
                                                   ("http://x.gov.vn/qd.pdf", "5")]


def test_captures_after_the_to_date_are_left_out():
    chosen = choose([capture("http://x.gov.vn/a", "20230101", "1"),
                     capture("http://x.gov.vn/a", "20250101", "2")], before="20241231")
    assert [c.digest for c in chosen] == ["1"]


def test_a_closing_notice_put_over_many_pages_is_passed_over():
    captures = [capture(f"http://x.gov.vn/{i}", "2024", f"d{i}") for i in range(6)]
    captures += [capture(f"http://x.gov.vn/{i}", "2025", "CLOSED") for i in range(6)]
    captures += [capture(f"http://x.gov.vn/v{i}", "2024", "SAME") for i in range(3)]  # 1 page, 3 addresses
    assert sorted(c.digest for c in choose(captures)) == sorted([f"d{i}" for i in range(6)] + ["SAME"] * 3)


def test_capture_times_are_utc():
    assert capture("http://x.gov.vn/a", "20240105020304", "1").captured_at == "2024-01-05T02:03:04+00:00"
    assert capture("http://x.gov.vn/a", "20240105", "1").captured_at == "2024-01-05T00:00:00+00:00"
