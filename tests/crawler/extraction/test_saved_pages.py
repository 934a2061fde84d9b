"""Saved pages read as a crawl reads a portal (crawler.extraction.saved, `govarchive extract`)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from click.testing import CliRunner

from crawler.cli import cli
from crawler.extraction.saved import SavedPage, address_of, read_saved
from tests.gold.learning import family


def saved(url: str, html: str) -> bytes:
    """A page as a browser saves it: the address it came from in a comment at the top."""
    return f"<!-- saved from url=({len(url):04d}){url} -->\n{html}".encode()


def test_a_saved_page_gives_its_address_by_the_browsers_note():
    assert address_of(saved("https://tanhung.gov.vn/a.aspx", "<html></html>")) == "https://tanhung.gov.vn/a.aspx"


def test_a_saved_page_gives_its_address_by_its_canonical_link_or_og_url():
    canonical = b'<html><head><link rel="canonical" href="https://a.gov.vn/tin/1.html"></head></html>'
    og = b'<html><head><meta property="og:url" content="https://b.gov.vn/tin/2.html"></head></html>'
    assert address_of(canonical) == "https://a.gov.vn/tin/1.html"
    assert address_of(og) == "https://b.gov.vn/tin/2.html"
    assert address_of(b"<html><body>no address</body></html>") is None


def test_pages_of_two_portals_each_learn_their_own_template():
    pages = [SavedPage(f"{n}.html", saved(p.url, p.html))
             for n, p in enumerate(family(0, 0)[:5] + family(0, 1)[:5])]
    reading = read_saved(pages, datetime.now(UTC))
    assert set(reading.templates) == {"tanhung.longan.gov.vn", "hungthanh.longan.gov.vn"}
    assert all(t.pages == 5 for t in reading.templates.values())
    assert not any("admin admin" in r.text for _, r in reading.results)


def test_a_portal_with_fewer_than_four_pages_learns_nothing():
    pages = [SavedPage(f"{n}.html", saved(p.url, p.html)) for n, p in enumerate(family(0, 0)[:3])]
    assert read_saved(pages, datetime.now(UTC)).templates == {}


def test_govarchive_extract_says_which_portal_each_template_is_of(tmp_path):
    files = []
    for n, p in enumerate(family(1, 0)[:4] + family(1, 1)[:4]):
        files.append(tmp_path / f"{n}.html")
        files[-1].write_bytes(saved(p.url, p.html))
    result = CliRunner().invoke(cli, ["extract", *map(str, files)])
    assert result.exit_code == 0, result.output
    assert "learnt from 4 pages of tanhung.longan.gov.vn" in result.stderr
    assert "learnt from 4 pages of hungthanh.longan.gov.vn" in result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["url"] for r in rows] == [p.url for p in family(1, 0)[:4] + family(1, 1)[:4]]


def mirrored(address: str, html: str, when: str = "Sat, 27 Aug 2022 03:56:34 GMT") -> bytes:
    """A page of an HTTrack mirror: its footer note, as HTTrack writes it, at the top."""
    return (f"<!DOCTYPE html><html>\n<!-- Mirrored from {address} by HTTrack Website Copier/3.x "
            f"[XR&CO'2014], {when} -->\n<!-- Added by HTTrack --><head></head>{html}</html>").encode()


def test_a_canonical_link_to_the_sites_home_names_no_page():
    """Many portals declare their home on every page: a saved post would be judged as the home."""
    both = (b'<html><head><link rel="canonical" href="https://a.gov.vn/">'
            b'<meta property="og:url" content="https://a.gov.vn/tin/1.html"></head></html>')
    assert address_of(both) == "https://a.gov.vn/tin/1.html"
    assert address_of(b'<html><head><link rel="canonical" href="https://a.gov.vn/"></head></html>') is None


def test_a_mirrored_page_gives_its_address_by_httracks_note():
    assert address_of(mirrored("sotttt.hanoi.gov.vn/chi-dao-dieu-hanh", "")) == \
        "http://sotttt.hanoi.gov.vn/chi-dao-dieu-hanh"  # HTTrack leaves http's scheme out
    assert address_of(mirrored("https://a.gov.vn/tin/1.html", "")) == "https://a.gov.vn/tin/1.html"


def test_a_mirrored_page_is_read_as_of_when_it_was_mirrored():
    """A page is never dated after its fetch: a mirror's page after the time HTTrack fetched it."""
    body = ("<body><h1>Hội nghị tổng kết công tác cải cách hành chính năm 2022</h1><div class='date'>{day}"
            "</div><div class='content'>" + "<p>Ủy ban nhân dân huyện tổ chức hội nghị tổng kết công tác "
            "cải cách hành chính với sự tham dự của lãnh đạo các phòng, ban.</p>" * 4 + "</div></body>")
    pages = [SavedPage(f"{day}.html", mirrored(f"a.gov.vn/tin/{n}.html", body.format(day=day)))
             for n, day in enumerate(["20/08/2022", "05/09/2022"])]
    reading = read_saved(pages, datetime(2026, 12, 7, tzinfo=UTC), learn_templates=False)
    assert [r.published_at for _, r in reading.results] == ["2022-08-20", None]
    assert "after the fetch time 2022-08-27" in " ".join(reading.results[1][1].date_notes)
