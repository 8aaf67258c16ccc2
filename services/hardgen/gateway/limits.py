"""Per-caller concurrency limit: a caller (API key, else client address) may have N requests in flight.

Generations can take minutes; without a per-caller cap one client could hold every worker of the
gateway and of the services behind it. Beyond the cap the answer is 429 immediately, not a queue.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from typing import Any

from fastapi import Depends, Request

from hardgen.gateway.errors import ApiError, responses


def caller_id(request: Request) -> str:
    """A stable, non-secret caller id: the authenticated key's id, else a hash of the key header
    (auth off), else the client address."""
    authenticated = getattr(request.state, "caller", None)
    if authenticated:
        return str(authenticated)
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


_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class BodySizeLimit:
    """ASGI middleware: 413 ``too_large`` for a body over ``max_bytes``, before any of it is parsed.

    A declared ``Content-Length`` is checked up front; a chunked body is read (up to the limit)
    and replayed to the app, so a client cannot stream an unbounded body into JSON parsing.
    """

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.isdigit() or int(declared) > self.max_bytes:
                await self._refuse(headers, send)
                return
            await self.app(scope, receive, send)
            return
        if "chunked" not in headers.get("transfer-encoding", "").lower():
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await self._refuse(headers, send)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> dict[str, Any]:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, headers: dict[str, str], send: Any) -> None:
        given = headers.get("x-request-id", "")
        rid = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
        body = json.dumps(
            {"error": {"code": "too_large", "message": f"request body over {self.max_bytes} bytes", "request_id": rid}}
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"x-request-id", rid.encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def limited(*statuses: int) -> dict[str, Any]:
    """``router.post`` keywords of a route that calls a service behind the gateway: the per-caller
    limiter and its 429 go together, with 422 and the upstream's 502/503/504, plus ``statuses``."""
    documented = sorted({*statuses, 422, 429, 502, 503, 504})
    return {"responses": responses(*documented), "dependencies": [Depends(limit_caller)]}
