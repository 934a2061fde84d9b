"""The demo portals served in this process, counting requests in flight per portal."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def counting_demo(monkeypatch) -> Iterator[tuple[dict[str, str], Counter]]:
    """``(urls, peak)``: ``peak[port]`` is the most requests the portal on ``port`` served at once."""
    from crawler.demo import server as demo_server

    active: Counter = Counter()
    peak: Counter = Counter()
    lock = threading.Lock()

    class Counting(demo_server.ThreadingHTTPServer):
        def process_request_thread(self, request, client_address):
            port = self.server_address[1]
            with lock:
                active[port] += 1
                peak[port] = max(peak[port], active[port])
            time.sleep(0.02)  # long enough for requests sent together to overlap
            try:
                super().process_request_thread(request, client_address)
            finally:
                with lock:
                    active[port] -= 1

    monkeypatch.setattr(demo_server, "ThreadingHTTPServer", Counting)
    with demo_server.serve() as urls:
        yield urls, peak
