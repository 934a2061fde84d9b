"""Stage 3: the publication date from the candidates, in Vietnam time.

Candidates come best first (metadata, the visible date line, the URL); the
first that parses and is not after the fetch time wins. Rejections and pages
without any date are logged and counted; the article is kept either way.
"""

from __future__ import annotations

import logging
from datetime import datetime

from itemadapter import ItemAdapter

from crawler.extraction import Extraction, resolve_date
from pipelines.base import Stage, pages_only

logger = logging.getLogger(__name__)


class DatePipeline(Stage):
    @pages_only
    def process_item(self, item):
        adapter = ItemAdapter(item)
        fetched = datetime.fromisoformat(adapter["fetched_at"])
        result = resolve_date(Extraction(date_candidates=adapter["date_candidates"]), fetched)
        adapter["published_at"], adapter["published_raw"] = result.published_at, result.published_raw
        adapter["published_from"] = result.published_from
        if result.date_notes and result.published_at is None:
            logger.info("no publication date for %s: %s", adapter["url"], "; ".join(result.date_notes))
            self.stats.inc_value("govarchive/articles_without_date")
        elif result.date_notes:
            self.stats.inc_value("govarchive/date_candidates_rejected", len(result.date_notes))
        return item
