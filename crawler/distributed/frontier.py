"""The shared frontier: scrapy-redis's queue and dupefilter, with nothing lost to a kill.

scrapy-redis pops a request from the site's queue and forgets it: a worker
killed with requests in flight would lose them. Here the pop also files the
request under its digest in the site's in-flight hash, atomically (one Lua
script), and :class:`InflightMiddleware` takes it out once the page is done:
its links are in the queue and its item is in the stream (or dropped). A
worker taking the site over puts whatever is still in flight back in the queue
first. A page can so be fetched twice after a kill (at least once, never zero
times); the ingest's dedup keeps the archive single.
"""

from __future__ import annotations

import hashlib
import logging

import redis
from scrapy import Request, signals
from scrapy.utils.misc import load_object
from scrapy_redis.scheduler import Scheduler

from crawler.distributed import keys
from crawler.distributed.remote import connect, redis_failed

logger = logging.getLogger(__name__)

FP_META = "inflight_fp"
# scrapy-redis's PriorityQueue keeps the lowest score first; pop it and file it as in flight
POP_INTO_INFLIGHT = """
local found = redis.call('ZRANGE', KEYS[1], 0, 0)
if #found == 0 then return false end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0)
redis.call('HSET', KEYS[2], redis.sha1hex(found[1]), found[1])
return found[1]
"""


class RedisFrontier(Scheduler):
    """scrapy-redis's scheduler, keeping each request in flight until its page is done."""

    @classmethod
    def from_crawler(cls, crawler):
        scheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        return scheduler

    def open(self, spider):
        # scrapy-redis's own open() logs through Spider.log, which Scrapy 2.19 deprecates
        self.spider = spider
        self.queue = load_object(self.queue_cls)(server=self.server, spider=spider,
                                                 key=self.queue_key % {"spider": spider.name},
                                                 serializer=self.serializer)
        if not self.df:
            self.df = load_object(self.dupefilter_cls).from_spider(spider)
        if len(self.queue):
            logger.info("%s: resuming its frontier (%d requests queued)", spider.name, len(self.queue))
        self.inflight_key = keys.inflight(spider.name)
        self.pop = self.server.register_script(POP_INTO_INFLIGHT)
        self._requeue_inflight()

    def _requeue_inflight(self) -> None:
        """Requests a killed worker had in flight go back in the queue, in one transaction."""
        left = self.server.hgetall(self.inflight_key)
        if not left:
            return
        pipe = self.server.pipeline(transaction=True)
        for blob in left.values():
            pipe.zadd(self.queue.key, {blob: -self.queue._decode_request(blob).priority})
        pipe.delete(self.inflight_key)
        pipe.execute()
        logger.warning("%s: %d requests were in flight when its last worker stopped: queued again",
                       self.spider.name, len(left))
        self.stats.set_value("govarchive/resumed/in_flight", len(left))

    def enqueue_request(self, request) -> bool:
        # scrapy-redis's own passes spider= to the stats, which Scrapy 2.19 deprecates
        try:
            if not request.dont_filter and self.df.request_seen(request):
                self.df.log(request, self.spider)
                return False
            self.queue.push(request)
        except redis.RedisError as exc:
            redis_failed(self.crawler, exc)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self):
        try:
            blob = self.pop(keys=[self.queue.key, self.inflight_key])
        except redis.RedisError as exc:
            redis_failed(self.crawler, exc)
            return None
        if not blob:
            return None
        request = self.queue._decode_request(blob)
        request.meta[FP_META] = hashlib.sha1(blob).hexdigest()
        self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        try:
            return len(self) > 0
        except redis.RedisError as exc:
            redis_failed(self.crawler, exc)
            return False


class InflightMiddleware:
    """Takes a page's request out of the in-flight hash once the page is done.

    Done means: its links are in the queue (they are enqueued as the spider
    yields them, before this middleware's output ends) and its item, if any,
    has passed the pipelines (sent to the stream, or dropped).
    """

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.redis = None
        self.key = ""

    @classmethod
    def from_crawler(cls, crawler):
        mw = cls(crawler)
        crawler.signals.connect(mw.spider_opened, signal=signals.spider_opened)
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(mw.item_done, signal=signal)
        return mw

    def spider_opened(self, spider) -> None:
        self.redis = connect(self.crawler.settings.get("GOVARCHIVE_REDIS_URL"))
        self.key = keys.inflight(spider.name)

    async def process_spider_output(self, response, result, spider=None):
        has_item = False
        async for out in result:
            has_item = has_item or not isinstance(out, Request)
            yield out
        if not has_item:
            self._done(response.meta.get(FP_META))

    def item_done(self, item, response, spider, **kwargs) -> None:
        if response is not None:
            self._done(response.meta.get(FP_META))

    def _done(self, fp: str | None) -> None:
        if not fp or self.crawler.stats.get_value("govarchive/redis_unavailable"):
            return  # with Redis gone an item may not have reached the stream: keep the page in flight
        try:
            self.redis.hdel(self.key, fp)
        except redis.RedisError as exc:
            redis_failed(self.crawler, exc)

