"""Link-local and cloud metadata addresses are never crawled, whatever the settings."""

from __future__ import annotations

import pytest

from common.urls import never_crawled
from crawler.registry import url_problem

METADATA = ["169.254.169.254", "0xa9fea9fe", "2852039166", "[fe80::1]", "[::ffff:169.254.169.254]",
            "100.100.100.200", "[fd00:ec2::254]", "metadata.google.internal", "0.0.0.0"]


@pytest.mark.parametrize("host", METADATA)
def test_metadata_and_link_local_hosts_are_never_crawled(host):
    assert never_crawled(host.strip("[]"))


@pytest.mark.parametrize("host", ["127.0.0.1", "[::1]", "10.1.2.3", "vinhlong.gov.vn", "localhost"])
def test_other_hosts_are_left_to_the_registry_policy(host):
    assert never_crawled(host.strip("[]")) == ""


@pytest.mark.parametrize("host", METADATA)
def test_the_registry_refuses_them_even_when_private_hosts_are_allowed(host):
    assert "never crawled" in url_problem(f"http://{host}/", allow_private=True)
