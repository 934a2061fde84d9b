"""The files a portal's pages link: followed as documents (within the size limit, on the
portal's host or its file hosts), with what the link and its listing row state, and stored as
documents unless the answer is a page after all (an error page, a viewer)."""

from __future__ import annotations

from scrapy.http import Response

from common.clock import utc_now
from common.textnorm import clean_line
from common.urls import host_of, kept_address
from crawler.documents.detail import document_page, stated_cells
from crawler.documents.detect import is_html
from crawler.documents.rows import row_cells
from crawler.runtime import signals as found
from crawler.runtime.items import DocumentItem
from spiders.links import link_facts

DOCUMENT_MAX_BYTES = 50 * 1024 * 1024


def _stated(response: Response, anchor) -> list[str]:
    """On a document's own page, the fields it states (``Số ký hiệu``, ``Ngày ban hành``,
    ``Trích yếu``) as a listing row's cells, for each file it links; read once a page."""
    if "document_page" not in response.meta:
        response.meta["document_page"] = stated_cells(document_page(anchor.getroottree().getroot()))
    return response.meta["document_page"]


class DocumentLinks:
    """A mixin of :class:`spiders.portal.PortalSpider`: its document links and their answers."""

    def parse_document(self, response: Response):
        """A file linked as a document: an HTML answer (an error page, a viewer) is a page."""
        if is_html(response.body):
            yield from self.parse_page(response)
        else:
            yield self._document_item(response)

    def _follow_document(self, url: str, anchor, response: Response, hops: int):
        canonical, _, host, _, _ = link_facts(url)
        if not self.documents or (host not in self.sites and host not in self.file_hosts):
            return
        response.meta["page_links"].append(canonical)  # a page linking files is a listing to revisit
        text = clean_line(anchor.text_content())[:300]
        self.crawler.signals.send_catch_log(found.document_linked, spider=self, url=canonical,
                                            page_url=response.url, text=text, seen_at=utc_now())
        for request in self._follow([url], self.parse_document, hops + 1, 2):
            request.meta.update(download_maxsize=self.document_max_bytes, linked_from=response.url,
                                link_text=text, context=_stated(response, anchor) or row_cells(anchor))
            yield request

    def _document_item(self, response: Response) -> DocumentItem:
        ref = response.meta.get("warc_record")
        linked_from = response.meta.get("linked_from", "")
        owner = response.url if host_of(response.url) in self.sites or not linked_from else linked_from
        return DocumentItem(  # a file on a file host belongs to the portal that linked it
            url=kept_address(response.url), site=self.site_of(owner), crawl_id=self.crawl_id,
            fetched_at=utc_now(), status=response.status,
            content_type=response.headers.get("Content-Type", b"").decode("latin-1"),
            disposition=response.headers.get("Content-Disposition", b"").decode("latin-1"),
            body=response.body, linked_from=linked_from,
            link_text=response.meta.get("link_text", ""), context=response.meta.get("context", []),
            warc_file=ref.file if ref else None, warc_offset=ref.offset if ref else None,
            warc_length=ref.length if ref else None,
        )
