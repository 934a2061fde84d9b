"""What a page's scripts link without an ``<a href>`` (common.scripted)."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from common.scripted import scripted_targets


@pytest.mark.parametrize("markup, targets", [
    ("<a href='#' onclick=\"window.open('/files/a.pdf')\">x</a>", ["/files/a.pdf"]),
    ("<a href=\"javascript:location.href='/tin/1.html'\">x</a>", ["/tin/1.html"]),
    ("<tr data-href='/tin/2.html'><td>x</td></tr>", ["/tin/2.html"]),
    ("<button onclick=\"location.replace('/a')\" data-link='/a'>x</button>", ["/a"]),
    ("<a href='/tin/3.html'>x</a>", []),
    ("<a onclick=\"if (location.href == '/b') return;\">x</a>", []),  # a comparison opens nothing
    # a portal's own function given the document's address; a word or a page among its arguments is none
    ("<a href='#' onclick=\"openFile('/Uploads/qd-12.pdf', 'download')\">x</a>", ["/Uploads/qd-12.pdf"]),
    ("<span onclick='ViewDoc(\"/Handlers/Download.ashx?id=5\")'>x</span>", ["/Handlers/Download.ashx?id=5"]),
    ("<a onclick=\"showPage('/tin/4.html')\">x</a>", []),
    # a button's file attribute naming a document; a share button's page, a lazy image's picture: none
    ("<a class='download' data-url='/files/kq.pdf'>x</a>", ["/files/kq.pdf"]),
    ("<div class='share' data-url='https://huyen.gov.vn/tin/5.html'>x</div>", []),
    ("<img data-src='/images/a.jpg'>", []),
])
def test_the_addresses_an_element_links_by_script_or_data_attribute(markup, targets):
    el = lxml_html.fragment_fromstring(markup, create_parent="table" if markup.startswith("<tr") else False)
    el = el[0] if el.tag == "table" else el
    assert scripted_targets(el) == targets
