"""WARC capture read back with warcio, repair of torn files, and failures that stop a crawl."""

from __future__ import annotations

import gzip
import sqlite3
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BIN, FAST_SETTINGS, run_cli
from warcio.archiveiterator import ArchiveIterator

from archive.warc import Capture, RecordRef, RotatingWarcWriter, WarcError, read_response, repair
from crawler.cli import cli
from crawler.demo import district, province

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them


def warc_files(db: Path) -> list[Path]:
    return sorted((db.parent / "warcs").glob("*.warc.gz"))


def records(paths):
    for path in paths:
        with open(path, "rb") as handle:
            yield from ((path, r, r.content_stream().read()) for r in ArchiveIterator(handle))


@pytest.fixture(scope="module")
def served(crawled_demo):
    """Every page's bytes as the demo server sends them, by absolute URL."""
    out = {}
    for base, pages in ((crawled_demo.portal.province, province.build()),
                        (crawled_demo.portal.district, district.build())):
        root = base.rstrip("/")
        for path, page in pages.items():
            out[root + path] = page.body.replace(b"{base}", root.encode())
    return out


def test_every_fetched_url_has_a_response_record(crawled_demo):
    fetched = {p for portal in ("province", "district") for p in crawled_demo.requested_paths(portal)}
    captured = {r.rec_headers.get_header("WARC-Target-URI").split("/", 3)[3]
                for _, r, _ in records(warc_files(crawled_demo.db)) if r.rec_type == "response"}
    assert {p.lstrip("/") for p in fetched} == captured


def test_records_carry_the_standard_headers(crawled_demo):
    responses = [r for _, r, _ in records(warc_files(crawled_demo.db)) if r.rec_type == "response"]
    assert responses
    for record in responses:
        headers = record.rec_headers
        assert headers.protocol == "WARC/1.1"
        for name in ("WARC-Date", "WARC-Target-URI", "WARC-Payload-Digest", "WARC-IP-Address"):
            assert headers.get_header(name), name
    kinds = {r.rec_type for _, r, _ in records(warc_files(crawled_demo.db))}
    assert kinds == {"warcinfo", "response", "request"}


def test_payloads_are_the_served_bytes(crawled_demo, served):
    for _, record, payload in records(warc_files(crawled_demo.db)):
        if record.rec_type == "response" and record.http_headers.get_statuscode() == "200":
            uri = record.rec_headers.get_header("WARC-Target-URI")
            expected = served.get(uri) or served[uri.split("?")[0]]  # the server ignores unknown queries
            assert payload == expected, uri


def test_warcio_check_accepts_the_files(crawled_demo):
    result = subprocess.run([str(BIN / "warcio"), "check", *map(str, warc_files(crawled_demo.db))],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_open_files_after_a_finished_crawl(crawled_demo):
    assert not list((crawled_demo.db.parent / "warcs").glob("*.open"))


def test_each_article_points_to_its_record(crawled_demo, served):
    runner = CliRunner()
    ids = [r[0] for r in sqlite3.connect(crawled_demo.db).execute("SELECT id FROM articles")]
    urls = dict(sqlite3.connect(crawled_demo.db).execute("SELECT id, url FROM articles"))
    for article_id in ids:
        result = runner.invoke(cli, ["show", str(article_id), "--raw", "--db", str(crawled_demo.db)])
        assert result.exit_code == 0
        assert result.stdout_bytes == served[urls[article_id]]


def test_reextract_after_a_crawl_changes_nothing(crawled_demo):
    result = CliRunner().invoke(cli, ["reextract", "--db", str(crawled_demo.db), "--dry-run"])
    assert result.exit_code == 0
    assert "24 articles checked, 0 would change, 0 skipped" in result.output


def capture(n: int) -> Capture:
    return Capture(f"http://x.gov.vn/{n}", "GET", [("User-Agent", "t")], 200, "OK",
                   [("Content-Type", "text/html")], f"<p>trang {n}</p>".encode())


def test_repair_leaves_a_file_a_live_crawl_is_writing(tmp_path):
    """Two crawls on one folder (run-due, workers on one machine): the second's start must not
    cut and close the first's file under it."""
    writer = RotatingWarcWriter(tmp_path, "c1")
    writer.write(capture(0))
    assert repair(tmp_path) == []
    writer.write(capture(1))
    writer.close()
    closed = next(tmp_path.glob("*.warc.gz"))
    assert [r.rec_type for _, r, _ in records([closed])] == ["warcinfo"] + ["response", "request"] * 2


def test_a_record_of_a_file_still_being_written_is_read(tmp_path):
    """A crawl reads its own first pages again before its WARC file is closed and renamed."""
    writer = RotatingWarcWriter(tmp_path, "c1")
    ref = writer.write(capture(7))
    assert not (tmp_path / ref.file).exists()
    assert read_response(tmp_path, ref).body == b"<p>trang 7</p>"
    writer.close()
    assert read_response(tmp_path, ref).body == b"<p>trang 7</p>"


def test_torn_last_record_is_cut_on_the_next_run(tmp_path):
    writer = RotatingWarcWriter(tmp_path, "c1")
    for n in range(3):
        writer.write(capture(n))
    open_file = next(tmp_path.glob("*.open"))
    whole = open_file.stat().st_size
    with open(open_file, "ab") as handle:  # a kill in the middle of the next record
        handle.write(gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n" + b"x" * 500)[:60])
    writer._file.close()  # the writer's process is gone: its lock with it
    assert repair(tmp_path) == [open_file.name]
    closed = tmp_path / open_file.name.removesuffix(".open")
    assert closed.stat().st_size == whole
    assert [r.rec_type for _, r, _ in records([closed])] == ["warcinfo"] + ["response", "request"] * 3


def test_every_flipped_byte_of_a_record_is_reported(tmp_path):
    """warcio alone returns an empty page for a damaged deflate stream; every byte that
    carries content (all but the gzip header's time and OS fields) must be caught."""
    writer = RotatingWarcWriter(tmp_path, "c1")
    ref = writer.write(Capture("http://x.gov.vn/1", "GET", [], 200, "OK", [("Content-Type", "text/html")],
                               "<p>Thông báo số 12/TB-UBND về lịch tiếp công dân</p>".encode() * 40))
    writer.close()
    path = tmp_path / ref.file
    whole = path.read_bytes()
    missed = []
    for position in range(ref.offset, ref.offset + ref.length):
        damaged = bytearray(whole)
        damaged[position] ^= 0xFF
        path.write_bytes(bytes(damaged))
        try:
            read_response(tmp_path, ref)
            missed.append(position - ref.offset)
        except WarcError as exc:
            assert f"{ref.file} at offset {ref.offset}" in str(exc)
    assert missed == [4, 5, 6, 7, 8, 9]  # MTIME, XFL, OS: no content


def test_a_gzip_bomb_record_is_refused(tmp_path):
    (tmp_path / "bomb.warc.gz").write_bytes(gzip.compress(b"WARC/1.1\r\n" + b"\0" * (65 << 20)))
    with pytest.raises(WarcError, match="larger than 64 MiB"):
        read_response(tmp_path, RecordRef("bomb.warc.gz", 0, 0))


def test_files_rotate_at_the_size_limit(tmp_path):
    writer = RotatingWarcWriter(tmp_path, "c1", max_bytes=1)
    for n in range(3):
        writer.write(capture(n))
    writer.close()
    assert len(list(tmp_path.glob("*.warc.gz"))) == 3


def test_disk_full_raises(tmp_path):
    (tmp_path / "c1-00001.warc.gz.open").symlink_to("/dev/full")
    with pytest.raises(OSError):
        RotatingWarcWriter(tmp_path, "c1").write(capture(1))


def test_unwritable_warc_folder_stops_before_crawling(tmp_path, demo_portal):
    (tmp_path / "not-a-folder").write_text("x")
    db = tmp_path / "a.db"
    result = run_cli("crawl", "--url", demo_portal.district, "--db", str(db), *FAST_SETTINGS,
                     "-s", f"GOVARCHIVE_WARC_DIR={tmp_path / 'not-a-folder' / 'warcs'}")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("Error: cannot write WARC files in")
    assert sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_damaged_record_is_reported_and_skipped(crawled_demo, tmp_path):
    import shutil

    db = tmp_path / "copy.db"
    shutil.copy(crawled_demo.db, db)
    shutil.copytree(crawled_demo.db.parent / "warcs", tmp_path / "warcs")
    file, offset = sqlite3.connect(db).execute(
        "SELECT warc_file, warc_offset FROM articles ORDER BY id LIMIT 1").fetchone()
    with open(tmp_path / "warcs" / file, "r+b") as handle:
        handle.seek(offset)
        handle.write(b"\x00" * 64)
    result = CliRunner().invoke(cli, ["reextract", "--db", str(db)])
    assert result.exit_code == 0
    assert f"cannot read WARC record {file} at offset {offset}" in result.output
    assert "24 articles checked, 0 changed, 1 skipped" in result.output


def test_pywb_indexer_finds_every_article_at_its_offset(crawled_demo):
    import json

    result = subprocess.run([str(BIN / "cdxj-indexer"), *map(str, warc_files(crawled_demo.db))],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    index = {}
    for line in result.stdout.splitlines():
        entry = json.loads(line.split(" ", 2)[2])
        index[entry["url"]] = entry
    for url, file, offset in sqlite3.connect(crawled_demo.db).execute(
            "SELECT url, warc_file, warc_offset FROM articles"):
        entry = index[url]
        assert (entry["filename"], int(entry["offset"]), entry["status"]) == (file, offset, "200")


@pytest.fixture
def tiny_folder(tmp_path):
    folder = tmp_path / "tiny"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", str(folder)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    yield folder
    subprocess.run(["umount", str(folder)], capture_output=True)


def test_disk_full_during_a_crawl_stops_it_with_every_row_complete(tiny_folder, demo_portal, tmp_path):
    db = tmp_path / "a.db"
    result = run_cli("crawl", "--url", demo_portal.province, "--url", demo_portal.district,
                     "--db", str(db), *FAST_SETTINGS, "-s", f"GOVARCHIVE_WARC_DIR={tiny_folder}")
    assert result.returncode == 1
    assert "Error: crawl stopped: cannot write WARC files" in result.stderr
    assert "Traceback" not in result.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT status FROM crawls").fetchone()[0] == "warc_write_failed"
    stored = conn.execute("SELECT url, warc_file, warc_offset, warc_length FROM articles").fetchall()
    assert len(stored) < 24
    for url, file, offset, length in stored:  # no row without its whole record
        response = read_response(tiny_folder, RecordRef(file, offset, length))
        assert (response.url, response.status) == (url, 200)
    assert not list(tiny_folder.glob("*.open"))  # cut after its last whole record and closed
    check = subprocess.run([str(BIN / "warcio"), "check", *map(str, tiny_folder.glob("*.warc.gz"))],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout


def test_records_submitted_to_the_writers_thread_are_written_in_order(tmp_path):
    writer = RotatingWarcWriter(tmp_path, "c1", max_bytes=4000)  # small files: rotations too
    pages = [(f"http://h/{n}", f"trang {n} ".encode() * (50 + n)) for n in range(30)]
    futures = [writer.submit("write", Capture(url=url, method="GET", request_headers=[], status=200,
                                              reason="OK", response_headers=[], body=body))
               for url, body in pages]
    refs = [f.result() for f in futures]
    writer.close()
    assert [read_response(tmp_path, ref).body for ref in refs] == [body for _, body in pages]
    order = [(ref.file, ref.offset) for ref in refs]
    assert order == sorted(order) and len({ref.file for ref in refs}) > 1
    assert not list(tmp_path.glob("*.open"))


def test_after_a_failed_write_nothing_more_is_written(tmp_path):
    writer = RotatingWarcWriter(tmp_path, "c1")
    capture = Capture(url="http://h/a", method="GET", request_headers=[], status=200, reason="OK",
                      response_headers=[], body=b"x")
    writer.submit("write", capture).result()
    writer.abort()
    with pytest.raises(OSError, match="stopped after a failed write"):
        writer.submit("write", capture).result()
    assert len(list(tmp_path.glob("*.warc.gz"))) == 1


def test_records_handed_over_before_an_abort_fail_with_its_reason(tmp_path):
    writer = RotatingWarcWriter(tmp_path, "c1")
    capture = Capture(url="http://h/a", method="GET", request_headers=[], status=200, reason="OK",
                      response_headers=[], body=b"x")
    with writer._lock:  # the writer's thread waits on the file while both records are handed over
        waiting = [writer.submit("write", capture) for _ in range(2)]
        writer.abort()
    for future in waiting:
        with pytest.raises(OSError, match="stopped after a failed write"):
            future.result(timeout=30)
