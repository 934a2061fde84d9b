"""The spider's link handling per page: ``PortalSpider.parse_page`` on real-shaped pages.

    .venv/bin/python benchmarks/links_bench.py [--rounds 20]

Pages: the demo portals' pages (about 100 links each, most of them the same
menu on every page) and one 4 MB page of 20,000 links. Prints milliseconds per
page. No network: responses are built in memory and the Requests the callback
yields are counted, not fetched.
"""

from __future__ import annotations

import argparse
import time

from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from crawler.demo import district, province
from spiders.portal import PortalSpider


def huge_page() -> bytes:
    para = "<p>Đoạn văn về công tác dân vận chính quyền tại địa phương.</p>"
    block = para * 10 + "".join(f'<a href="/tin/{i}.html">Tin số {i}</a>' for i in range(20))
    return ("<html><body>" + block * 1000 + "</body></html>").encode()


def responses() -> dict[str, list[HtmlResponse]]:
    demo = []
    for base, build in (("http://songhau.demo/", province.build), ("http://mythanh.demo/", district.build)):
        for path, page in build().items():
            if page.content_type.startswith("text/html") and page.body:
                url = base.rstrip("/") + path
                demo.append(HtmlResponse(url, body=page.body, encoding="utf-8", request=Request(url)))
    big = HtmlResponse("http://songhau.demo/big.html", body=huge_page(), encoding="utf-8",
                       request=Request("http://songhau.demo/big.html"))
    return {"demo pages": demo, "4 MB page": [big]}


def run(pages: list[HtmlResponse], rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        spider = PortalSpider.from_crawler(get_crawler(PortalSpider),
                                           url=["http://songhau.demo/", "http://mythanh.demo/"])
        for response in pages:
            response.meta.update(hops=0)
            for _ in spider.parse_page(response):
                pass
    return (time.perf_counter() - start) * 1000 / (rounds * len(pages))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    for label, pages in responses().items():
        rounds = args.rounds if len(pages) > 1 else max(1, args.rounds // 10)
        print(f"{label:12} {len(pages):4} pages  {run(pages, rounds):8.2f} ms per page")


if __name__ == "__main__":
    main()
