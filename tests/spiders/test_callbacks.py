"""What Scrapy's WARN_ON_GENERATOR_RETURN_VALUE checked on every response, checked once here.

The setting is off (crawler/runtime/settings.py: its source parsing cost a sixth of a many-portal
crawl's CPU). A generator callback that returns a value loses it silently, so every method of
every spider is checked with Scrapy's own test.
"""

from __future__ import annotations

import inspect

import pytest
from scrapy.utils.misc import is_generator_with_return_value

from spiders.portal import PortalSpider
from spiders.recover import RecoverSpider
from spiders.sharepoint_json import SharePointJsonSpider


@pytest.mark.parametrize("spider", [PortalSpider, RecoverSpider, SharePointJsonSpider],
                         ids=lambda s: s.__name__)
def test_no_generator_callback_returns_a_value(spider):
    methods = [m for _, m in inspect.getmembers(spider, inspect.isfunction) if inspect.isgeneratorfunction(m)]
    assert methods, "the spider has generator callbacks to check"
    assert [m.__qualname__ for m in methods if is_generator_with_return_value(m)] == []
