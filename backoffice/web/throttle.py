"""A sliding-window counter per client address, for sign-in failures.

In memory and per process: each waitress process (or each worker behind a load balancer) counts
on its own, so the effective limit is the limit times the number of processes. Core's
per-account lock, which lives in the database, is the throttle that holds across processes;
this one slows a single address trying many accounts.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque


class SlidingWindow:
    def __init__(self, limit: int, window_seconds: float, *, max_keys: int = 100_000) -> None:
        self.limit = limit
        self.window = window_seconds
        self.max_keys = max_keys
        self._hits: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        hits = self._hits.get(key)
        if hits is None:
            return deque()
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if not hits:
            del self._hits[key]
        return hits

    def retry_after(self, key: str, now: float | None = None) -> int:
        """Seconds until ``key`` may try again; 0 when it may now."""
        now = time.monotonic() if now is None else now
        with self._lock:
            hits = self._recent(key, now)
            if len(hits) < self.limit:
                return 0
            return max(1, int(hits[0] + self.window - now) + 1)

    def hit(self, key: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            self._recent(key, now)
            hits = self._hits.setdefault(key, deque())
            hits.append(now)
            self._hits.move_to_end(key)
            while len(hits) > self.limit:
                hits.popleft()
            while len(self._hits) > self.max_keys:  # bounded memory: forget the stalest address
                self._hits.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._hits.clear()
