"""Documents: the files portals publish (Quyết định, Chỉ thị, Kế hoạch ... as PDF, Word,
spreadsheets), read into text and metadata.

``detect`` says what a file is, ``text`` reads it, ``ocr`` reads scans and ``layout`` lays
their words out again in lines with the columns apart (``common.legacy`` converts TCVN3/VNI text),
``metadata`` finds number, type, date and subject, ``issuer`` the issuing body (the lower
body of the header's left column), ``signature`` the signer,
``citations`` the documents it cites (its "Căn cứ" clauses), ``stamps`` reads the number and
day an electronic signature stamps into a typed header's blanks (and the day it was signed),
``handwriting`` the day (and month) written by hand into a scan's date line, by a second OCR,
``detail`` reads a document's own page on a portal (the table of its fields above its file),
``rows`` the cells of the listing row a document's link stands in,
``sources`` says where each field was read and how far to trust it, ``ocrfix`` mends OCR's
slips of diacritics in the subject by the body's spelling, ``process`` puts them
together for one file; ``reprocess`` reads archived files again from their WARC
records (``govarchive ocr``, ``reextract``).
"""

from crawler.documents.process import DocumentRecord, process_document

__all__ = ["DocumentRecord", "process_document"]
