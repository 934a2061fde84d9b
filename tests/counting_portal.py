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
        # counted around the handling only: the socket's shutdown after it (process_request_thread)
        # is no request in flight, and on a loaded machine the client, its answer whole, had sent
        # the next request while the old thread still closed (a peak of 3 at concurrency 2)
        def finish_request(self, request, client_address):
            port = self.server_address[1]
            with lock:
                active[port] += 1
                peak[port] = max(peak[port], active[port])
            time.sleep(0.02)  # long enough for requests sent together to overlap
            try:
                super().finish_request(request, client_address)
            finally:
                with lock:
                    active[port] -= 1

    monkeypatch.setattr(demo_server, "ThreadingHTTPServer", Counting)
    with demo_server.serve() as urls:
        yield urls, peak
