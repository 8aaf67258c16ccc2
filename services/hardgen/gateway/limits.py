"""Per-caller concurrency limit: a caller (API key, else client address) may have N requests in flight.

Generations can take minutes; without a per-caller cap one client could hold every worker of the
gateway and of the services behind it. Beyond the cap the answer is 429 immediately, not a queue.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from collections.abc import Iterator

from fastapi import Request

from hardgen.gateway.errors import ApiError


def caller_id(request: Request) -> str:
    """A stable, non-secret caller id: a hash of the API key header, else the client address."""
    key = request.headers.get("x-api-key") or request.headers.get("authorization")
    if key:
        return "key:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return "addr:" + (request.client.host if request.client else "unknown")


class CallerLimiter:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._in_flight: Counter[str] = Counter()
        self._lock = threading.Lock()

    def acquire(self, caller: str) -> bool:
        with self._lock:
            if self._in_flight[caller] >= self.limit:
                return False
            self._in_flight[caller] += 1
            return True

    def release(self, caller: str) -> None:
        with self._lock:
            self._in_flight[caller] -= 1
            if self._in_flight[caller] <= 0:
                del self._in_flight[caller]

    def in_flight(self, caller: str) -> int:
        with self._lock:
            return self._in_flight[caller]


def limit_caller(request: Request) -> Iterator[None]:
    """FastAPI dependency: hold one of the caller's slots for the duration of the request."""
    limiter: CallerLimiter = request.app.state.limiter
    caller = caller_id(request)
    if not limiter.acquire(caller):
        raise ApiError(429, "rate_limited", f"at most {limiter.limit} requests in flight per caller")
    try:
        yield
    finally:
        limiter.release(caller)
