"""Documents: the files portals publish (Quyết định, Chỉ thị, Kế hoạch ... as PDF, Word,
spreadsheets), read into text and metadata.

``detect`` says what a file is, ``text`` reads it, ``ocr`` reads scans, ``legacy``
converts TCVN3/VNI text, ``metadata`` finds number, type, issuer, date, signer and
subject, ``citations`` the documents it cites (its "Căn cứ" clauses), ``stamps`` reads the
number and day an electronic signature stamps into a typed header's blanks, ``process``
puts them together for one file; ``reprocess`` reads archived files again from their WARC
records (``govarchive ocr``, ``reextract``).
"""

from crawler.documents.process import DocumentRecord, process_document

__all__ = ["DocumentRecord", "process_document"]
