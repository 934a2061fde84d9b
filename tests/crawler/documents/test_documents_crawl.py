"""Documents in real crawls: the demo portals' Văn bản sections, recrawls, and hostile files."""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

import pytest
from conftest import BIN, FAST_SETTINGS, ROOT, run_cli
from documents_factory import DECISION, scanned_pdf, text_pdf
from routes import page, serve

from crawler.documents.ocr import ocr_problem

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them

needs_ocr = pytest.mark.skipif(ocr_problem() is not None, reason=f"no OCR here: {ocr_problem()}")


def rows(db: Path, sql: str, params=()) -> list[tuple]:
    return list(sqlite3.connect(db).execute(sql, params))


# the demo portals ---------------------------------------------------------------------------------
def test_every_demo_document_is_stored_once_with_its_metadata(crawled_demo):
    found = {r[0]: r[1:] for r in rows(crawled_demo.db, "SELECT file_name, kind, number, doc_type, "
                                       "issued_on, signer FROM documents")}
    assert found["qd-123-ubnd.pdf"] == ("pdf", "123/QĐ-UBND", "Quyết định", "2024-03-12", "Lâm Hoàng Nghiệp")
    assert found["kh-45-ubnd.docx"] == ("docx", "45/KH-UBND", "Kế hoạch", "2024-04-02", "Trần Văn Thanh")
    assert found["tb-07-ubnd.pdf"][:3] == ("pdf", "07/TB-UBND", "Thông báo")  # named by Content-Disposition
    assert found["mau-don-dang-ky.html"][0] == "pdf"  # a damaged PDF at an .html address: kept as what it is
    assert found["cv-1234-ubnd.doc"][:3] == ("doc", "1234/UBND-VP", "Công văn")
    assert len(found) == 5


def test_the_same_file_under_three_addresses_is_one_document_with_every_link(crawled_demo):
    (document,) = rows(crawled_demo.db, "SELECT id FROM documents WHERE file_name = 'qd-123-ubnd.pdf'")
    links = rows(crawled_demo.db, "SELECT url, page_url FROM document_links WHERE document_id = ?", document)
    addresses = {url.split("/", 3)[3] for url, _ in links}
    assert addresses == {"Documents/qd-123-ubnd.pdf", "Pages/DownloadFile.aspx?id=123",
                         "uploads/vb/qd-123-ubnd.pdf"}
    assert len({page for _, page in links}) >= 3  # the province listing, the district listing and a page


def test_the_listing_row_gives_the_subject(crawled_demo):
    (subject,) = rows(crawled_demo.db, "SELECT subject FROM documents WHERE number = '45/KH-UBND'")[0]
    assert subject == "Triển khai chuyển đổi số trên địa bàn huyện năm 2024"


def test_a_scanned_notice_is_read_by_ocr_or_waits_for_it(crawled_demo):
    ((method, pending, text, note),) = rows(crawled_demo.db, "SELECT text_method, ocr_pending, text, note "
                                            "FROM documents WHERE number = '07/TB-UBND'")
    if ocr_problem() is None:
        assert method == "ocr" and pending == 0 and "tiếp công dân" in text.lower()
    else:
        assert pending == 1 and "govarchive ocr" in note


@pytest.mark.parametrize("query", ["dịch tả lợn", "dich ta lon", "quyet dinh 123", "QĐ-UBND"])
def test_documents_are_found_with_and_without_diacritics(crawled_demo, query):
    result = run_cli("search", query, "--documents", "--db", str(crawled_demo.db), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "123/QĐ-UBND" in [row["number"] for row in json.loads(result.stdout)]


def test_export_and_show_a_document(crawled_demo, tmp_path):
    out = tmp_path / "vanban.jsonl"
    result = run_cli("export", "--documents", "--db", str(crawled_demo.db), "--out", str(out))
    assert result.returncode == 0 and "5 documents exported" in result.stderr
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    decision = next(d for d in exported if d["number"] == "123/QĐ-UBND")
    raw = subprocess.run([str(BIN / "govarchive"), "show", str(decision["id"]), "--document", "--raw",
                          "--db", str(crawled_demo.db)], capture_output=True, timeout=60)
    assert raw.stdout == (ROOT / "crawler/demo/files/qd-123-ubnd.pdf").read_bytes()
    shown = run_cli("show", str(decision["id"]), "--document", "--db", str(crawled_demo.db))
    shown = json.loads(shown.stdout)
    assert len(shown["links"]) >= 4


def test_a_second_crawl_fetches_no_document_again(demo_portal, tmp_path):
    db = tmp_path / "a.db"
    for _ in range(2):
        before = len(demo_portal.lines())
        crawled = run_cli("crawl", "--url", demo_portal.district, "--db", str(db), *FAST_SETTINGS)
        assert crawled.returncode == 0, crawled.stderr
        fetched = [p for p in demo_portal.requested_paths("district", demo_portal.lines()[before:])
                   if p.endswith((".pdf", ".docx")) or "DownloadFile" in p]
    assert fetched == []  # the second crawl's
    assert rows(db, "SELECT count(*) FROM documents")[0][0] == 5
    assert rows(db, "SELECT kind FROM pages WHERE url LIKE '%/vi/van-ban.html'") == [("listing",)]


# hostile and failing files ------------------------------------------------------------------------
def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(DECISION))))
    writer.encrypt(user_password="mat-khau")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _bomb_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b" " * (300 << 20))
    return out.getvalue()


def _cut(body: bytes):
    """A download that stops half-way: the length promised, half the bytes sent."""
    return lambda n: (200, {"Content-Type": "application/pdf", "Content-Length": str(len(body))},
                      body[: len(body) // 2])


def test_hostile_files_are_stored_as_what_they_are_or_skipped_with_a_reason(tmp_path):
    good = text_pdf(DECISION)
    files = {"/vb/good.pdf": page(good, "application/pdf"),
             "/vb/big.pdf": page(b"%PDF-1.4\n" + os.urandom(2 << 20), "application/pdf"),
             "/vb/cut.pdf": _cut(text_pdf(["Kế hoạch"] * 400)),
             "/vb/fake.pdf": page("<html><body><p>Không tìm thấy tệp</p></body></html>", "application/pdf"),
             "/vb/locked.pdf": page(_encrypted_pdf(), "application/pdf"),
             "/vb/bomb.docx": page(_bomb_docx(), "application/octet-stream")}
    listing = "".join(f"<tr><td>{i}/QĐ-UBND</td><td><a href='{p}'>Tải về</a></td></tr>"
                      for i, p in enumerate(files))
    server = serve({"/": page(f"<html><body><table>{listing}</table></body></html>"), **files})
    db = tmp_path / "a.db"
    max_bytes = 1 << 20
    result = run_cli("crawl", "--url", server.url, "--db", str(db), *FAST_SETTINGS,
                     "-s", f"GOVARCHIVE_DOCUMENT_MAX_BYTES={max_bytes}")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    stored = {url.rsplit("/", 1)[1]: (text_method, note) for url, text_method, note in rows(
        db, "SELECT url, text_method, note FROM documents")}
    assert set(stored) == {"good.pdf", "locked.pdf", "bomb.docx"}
    assert stored["good.pdf"][0] == "pdf"
    assert "encrypted" in stored["locked.pdf"][1] and "zip bomb" in stored["bomb.docx"][1]
    pages = {url.rsplit("/", 1)[1]: (kind, reason) for url, kind, reason in rows(
        db, "SELECT url, kind, reason FROM pages WHERE url LIKE '%/vb/%'")}
    assert pages["big.pdf"] == ("dead_end", f"document over the size limit ({max_bytes >> 20} MB)")
    assert pages["cut.pdf"][0] == "failed"  # tried again by a later crawl, nothing stored now
    stats = json.loads(rows(db, "SELECT stats FROM crawls")[0][0])
    assert stats["govarchive/documents/skipped/too_large"] == 1


def test_a_file_a_server_calls_a_page_is_stored_as_the_document_it_is(tmp_path):
    """A handler linked as a page answers with a PDF and ``text/html``: its bytes decide."""
    home = "<html><body><p><a href='/xem.aspx?id=7'>Quyết định số 12 về đăng ký hộ tịch</a></p></body></html>"
    server = serve({"/": page(home),
                    "/xem.aspx": page(text_pdf(DECISION), "text/html; charset=utf-8")})
    db = tmp_path / "a.db"
    result = run_cli("crawl", "--url", server.url, "--db", str(db), *FAST_SETTINGS)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert [(url.rsplit("/", 1)[1], kind) for url, kind in rows(db, "SELECT url, kind FROM documents")] == [
        ("xem.aspx?id=7", "pdf")]


@needs_ocr
def test_scans_stored_without_ocr_are_read_later_by_govarchive_ocr(tmp_path):
    scan = scanned_pdf(["THÔNG BÁO", "Về lịch tiếp công dân tháng 5 năm 2024"])
    server = serve({"/": page("<html><body><a href='/vb/tb.pdf'>Thông báo</a></body></html>"),
                    "/vb/tb.pdf": page(scan, "application/pdf")})
    db = tmp_path / "a.db"
    crawled = run_cli("crawl", "--url", server.url, "--db", str(db), *FAST_SETTINGS,
                      env={"GOVARCHIVE_OCR": "off"})
    assert crawled.returncode == 0, crawled.stderr
    assert rows(db, "SELECT ocr_pending, text FROM documents") == [(1, "")]
    result = run_cli("ocr", "--db", str(db))
    assert result.returncode == 0, result.stderr
    ((pending, method, text),) = rows(db, "SELECT ocr_pending, text_method, text FROM documents")
    assert (pending, method) == (0, "ocr") and "tiếp công dân" in text.lower()
    assert "1 documents checked, 1 changed" in result.stdout


def test_ocr_without_tesseract_says_so_in_one_line(tmp_path):
    result = run_cli("ocr", "--db", str(tmp_path / "a.db"), env={"GOVARCHIVE_OCR": "off"})
    assert result.returncode == 1 and result.stderr.startswith("Error: cannot OCR: OCR turned off")


# file hosts, reprocessing, the web view ----------------------------------------------------------
def test_files_on_a_registry_file_host_are_fetched_and_the_host_is_not_crawled(tmp_path):
    files = serve({"/vb/qd.pdf": page(text_pdf(DECISION), "application/pdf"),
                   "/": page("<html><body><a href='/tin/a.html'>tin</a></body></html>")})
    file_host = files.url.split("/")[2]
    portal = serve({"/": page(f"<html><body><a href='http://{file_host}/vb/qd.pdf'>QĐ</a></body></html>")})
    folder = tmp_path / "reg"
    folder.mkdir()
    (folder / "x.toml").write_text(
        f'province = "Sông Hậu"\n[[site]]\nkey = "x"\nname = "X"\nlevel = "district"\n'
        f'home = ["{portal.url}"]\nfile_hosts = ["{file_host}"]\n', encoding="utf-8")
    db = tmp_path / "a.db"
    result = run_cli("crawl", "x", "--registry", str(folder), "--db", str(db), *FAST_SETTINGS)
    assert result.returncode == 0, result.stderr
    assert rows(db, "SELECT site, number FROM documents") == [("x", "123/QĐ-UBND")]
    assert files.log == ["/robots.txt", "/vb/qd.pdf"]  # its robots.txt obeyed; never crawled for pages


def test_file_hosts_must_be_host_names():
    from crawler.registry import RegistryError
    from crawler.registry.entries import _site

    with pytest.raises(RegistryError, match="field 'file_hosts'"):
        _site("x.toml", "P", {"key": "x", "name": "X", "level": "district", "home": ["https://x.gov.vn/"],
                              "file_hosts": ["https://vanban.x.gov.vn/files"]})


def test_reextract_reads_documents_again_from_the_warc(crawled_demo, tmp_path):
    db = tmp_path / "archive.db"
    shutil.copy(crawled_demo.db, db)
    shutil.copytree(crawled_demo.db.parent / "warcs", tmp_path / "warcs")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE documents SET text = 'hỏng', signer = NULL WHERE number = '45/KH-UBND'")
    result = run_cli("reextract", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "text changed" in result.stdout or "text, " in result.stdout
    ((text, signer),) = rows(db, "SELECT text, signer FROM documents WHERE number = '45/KH-UBND'")
    assert "chuyển đổi số" in text and signer == "Trần Văn Thanh"


def test_datasette_shows_documents_and_their_canned_queries(crawled_demo, tmp_path):
    db = tmp_path / "archive.db"
    shutil.copy(crawled_demo.db, db)
    proc = subprocess.Popen([str(BIN / "govarchive"), "serve", "--db", str(db), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = proc.stdout.readline().split(" at ")[1].split()[0]

        def get(path: str, **params) -> list:
            with urllib.request.urlopen(base + path + "?" + urllib.parse.urlencode(params), timeout=120) as r:
                return json.loads(r.read())

        found = get("archive/search_documents.json", q="dich ta lon", _shape="array")
        assert [row["number"] for row in found] == ["123/QĐ-UBND"]
        counts = get("archive/documents_by_type_and_year.json", site="", _shape="array")
        assert {(r["doc_type"], r["year"]) for r in counts} >= {("Kế hoạch", "2024"), ("Công văn", "2024")}
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_documents_own_page_gives_its_file_the_day_and_subject_it_states_and_is_no_article(tmp_path):
    """A file whose header leaves the day blank (handwritten on the original), a page that states it."""
    undated = text_pdf(["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 01/CT-UBND", "CHỈ THỊ",
                        "Về việc tăng cường công tác phòng cháy, chữa cháy",
                        "Để chủ động phòng ngừa cháy nổ dịp Tết, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị."])
    detail = ("<html><head><title>Văn bản</title></head><body><div class='main'><h2>Chi tiết văn bản</h2>"
              "<table><tr><td>Số ký hiệu</td><td>01/CT-UBND</td></tr>"
              "<tr><td>Ngày ban hành</td><td>04/01/2021</td></tr>"
              "<tr><td>Trích yếu</td><td>Về việc tăng cường công tác phòng cháy, chữa cháy dịp Tết</td></tr>"
              "<tr><td>Tệp đính kèm</td><td><a href='/files/ct-01.pdf'>Tải về</a></td></tr></table></div>"
              "</body></html>")
    home = "<html><body><a href='/van-ban/chi-tiet-1.html'>Chỉ thị 01/CT-UBND</a></body></html>"
    server = serve({"/": page(home), "/van-ban/chi-tiet-1.html": page(detail),
                    "/files/ct-01.pdf": page(undated, "application/pdf")})
    db = tmp_path / "a.db"
    result = run_cli("crawl", "--url", server.url, "--db", str(db), *FAST_SETTINGS)
    assert result.returncode == 0, result.stderr[-2000:]
    ((number, issued, subject, sources),) = rows(db, "SELECT number, issued_on, subject, meta_sources "
                                                     "FROM documents")
    assert (number, issued) == ("01/CT-UBND", "2021-01-04")
    assert subject == "Về việc tăng cường công tác phòng cháy, chữa cháy dịp Tết"
    assert json.loads(sources)["issued_on"]["source"] == "listing row"
    assert rows(db, "SELECT count(*) FROM articles") == [(0,)]
    # remembered as a page that leads to a document: later crawls look at it again
    reasons = rows(db, "SELECT reason FROM pages WHERE url LIKE '%chi-tiet-1%'")
    assert reasons == [("a document's page (01/CT-UBND)",)]


def test_a_notice_that_shows_its_pdf_in_a_viewer_attaches_it_and_the_crawl_fetches_it(tmp_path):
    """The notice's only content is an <iframe> of a PDF viewer given the file: the notice is an
    article with the file as its attachment, and the file is fetched and stored as a document."""
    title = "Thông báo lịch tiếp công dân tháng 4"
    notice = (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><div class='menu'>"
              f"<a href='/'>Trang chủ</a></div><div class='ct'><h1>{title}</h1>"
              "<div class='ngay'>Ngày 03/04/2024</div><div class='nd'><iframe width='100%' "
              "src='/pdfjs/web/viewer.html?file=%2Fuploads%2Ftb-07.pdf'></iframe></div></div></body></html>")
    home = f"<html><body><a href='/tin/thong-bao-lich-tiep-cong-dan.html'>{title}</a></body></html>"
    server = serve({"/": page(home), "/tin/thong-bao-lich-tiep-cong-dan.html": page(notice),
                    "/uploads/tb-07.pdf": page(text_pdf(DECISION), "application/pdf")})
    db = tmp_path / "a.db"
    result = run_cli("crawl", "--url", server.url, "--db", str(db), *FAST_SETTINGS)
    server.shutdown()
    assert result.returncode == 0, result.stderr[-2000:]
    ((attachments,),) = rows(db, "SELECT attachments FROM articles")
    assert [a["url"].rsplit("/", 1)[1] for a in json.loads(attachments)] == ["tb-07.pdf"]
    assert rows(db, "SELECT file_name FROM documents") == [("tb-07.pdf",)]
