"""Helpers every package of govarchive uses; this package imports nothing of the project.

- :mod:`common.textnorm`: Vietnamese text (NFC, folding of diacritics and ``đ``, content hashes);
- :mod:`common.syllables`: words run together ("CHÍNHPHỦ") split again at their syllables;
- :mod:`common.urls`: canonical URLs, URL keys, link classification;
- :mod:`common.dates`: Vietnamese publication dates to ISO 8601 in Vietnam time;
- :mod:`common.legacy`: text in the pre-Unicode font encodings TCVN3 and VNI converted to Unicode;
- :mod:`common.scripted`: what a page's scripts link without an ``<a href>`` (a click's ``window.open``);
- :mod:`common.clock`: UTC timestamps and crawl ids.

It sits below ``archive`` and ``crawler`` so that neither imports the other for a helper.
"""

__version__ = "0.1.0"
