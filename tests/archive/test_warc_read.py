"""Reading a WARC record back: a record that does not match its length is refused with file and offset."""

from __future__ import annotations

import gzip
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive.warc import RecordRef, WarcError, iter_responses, read_response

PAGE = "<html><body><h1>Thông báo</h1><p>" + "Nội dung. " * 200 + "</p></body></html>"


def _record() -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("http://127.0.0.1/a", "response",
                                                  payload=io.BytesIO(PAGE.encode()), http_headers=http))
    return out.getvalue()


def test_a_whole_record_reads_as_served(tmp_path):
    (tmp_path / "a.warc.gz").write_bytes(gzip.compress(_record()))
    assert read_response(tmp_path, RecordRef("a.warc.gz", 0, 0)).body == PAGE.encode()


def test_a_record_shorter_than_its_content_length_is_refused(tmp_path):
    (tmp_path / "a.warc.gz").write_bytes(gzip.compress(_record()[:-300]))  # a valid gzip of a cut record
    with pytest.raises(WarcError, match=r"a\.warc\.gz at offset 0: damaged .*shorter than its"):
        read_response(tmp_path, RecordRef("a.warc.gz", 0, 0))
    with pytest.raises(WarcError, match="damaged WARC a.warc.gz after offset 0"):
        list(iter_responses(tmp_path / "a.warc.gz"))


def test_crawl_processes_proving_one_warc_folder_at_once_do_not_trip_each_other(tmp_path):
    """Crawl processes of one run prove the folder writable side by side: with one probe name,
    one removed the other's probe and a whole process of portals failed to start."""
    from concurrent.futures import ThreadPoolExecutor

    from archive.warc import prepare_warc_folder

    folder = tmp_path / "warcs"
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda _: prepare_warc_folder(folder), range(2000)))
    assert list(folder.iterdir()) == []
