"""API-key authentication, scopes, per-key rate limits and the daily token cap of the gateway.

Why a middleware and not a dependency per route: routers are added by name
(``routes.ROUTER_MODULES``) by several people; a middleware protects every route, including ones
added later, unless its path is explicitly public. Public paths are the probes (``/healthz``,
``/readyz``: Kubernetes probes send no credentials and the answers hold only service states) and
the API description (``/docs``, ``/openapi.json``: the same text as in the repository).
``/metrics`` needs an ``admin`` key (a Prometheus scrape config can send a bearer token).

Answers: 401 ``unauthenticated`` (no key) / ``invalid_key`` (wrong, unknown or revoked key),
403 ``forbidden`` (the key lacks the route's scope), 429 ``rate_limited`` (token bucket) or
``quota_exceeded`` (daily model tokens spent), each with ``Retry-After``.
"""

from __future__ import annotations

import asyncio
import math
import sqlite3
import threading
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.openapi.utils import get_openapi

from hardgen.core.logging import get_logger
from hardgen.gateway.apikeys import ApiKey, KeyStore
from hardgen.gateway.errors import ErrorBody, error_response

log = get_logger(__name__)

PUBLIC_PATHS = frozenset({"/healthz", "/readyz", "/docs", "/docs/oauth2-redirect", "/redoc", "/openapi.json"})

# (path prefix, scope), first match wins; a path matching none needs ``admin``.
SCOPE_BY_PREFIX: tuple[tuple[str, str | None], ...] = (
    ("/v1/generations", "generate"),
    ("/v1/scans", "scan"),
    ("/v1/fixes", "generate"),  # a fix is model calls checked by scans
    ("/v1/studies", "study"),
    ("/v1/tables", "study"),
    ("/v1/report", "study"),
    ("/v1/scenarios", None),  # any valid key: the catalogue is needed by every kind of caller
    ("/v1/strategies", None),
)
# Routes that spend model tokens and are therefore subject to the daily cap.
METERED_PREFIXES = ("/v1/generations", "/v1/studies", "/v1/fixes")


def required_scope(path: str) -> str | None:
    """The scope a path needs (None: any valid key)."""
    for prefix, scope in SCOPE_BY_PREFIX:
        if path == prefix or path.startswith(prefix + "/"):
            return scope
    return "admin"


def presented_key(request: Request) -> str | None:
    """The key from ``Authorization: Bearer <key>`` or ``X-API-Key``."""
    header = request.headers.get("authorization", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip() or None
    return request.headers.get("x-api-key", "").strip() or None


class TokenBuckets:
    """One token bucket per key: ``rate`` requests per minute, bursts up to ``rate`` requests."""

    def __init__(self) -> None:
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key_id: str, rate_per_minute: float) -> float:
        """0 when a request may go ahead, else the seconds until one may."""
        capacity = max(1.0, rate_per_minute)
        per_second = rate_per_minute / 60.0
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key_id, (capacity, now))
            tokens = min(capacity, tokens + (now - last) * per_second)
            if tokens >= 1.0:
                self._buckets[key_id] = (tokens - 1.0, now)
                return 0.0
            self._buckets[key_id] = (tokens, now)
            return (1.0 - tokens) / per_second


def seconds_to_midnight_utc() -> int:
    now = datetime.now(UTC)
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(1, math.ceil((midnight - now).total_seconds()))


def authenticated_key(request: Request) -> ApiKey | None:
    """The key of this request (None when auth is off or the route is public)."""
    key: ApiKey | None = getattr(request.state, "api_key", None)
    return key


def record_tokens(request: Request, tokens: int) -> None:
    """Count model tokens against the caller's daily cap (no-op without a key)."""
    key = authenticated_key(request)
    if key is not None and tokens > 0:
        try:
            request.app.state.keystore.add_usage(key.id, tokens)
        except (sqlite3.Error, OSError) as exc:
            # the samples are made and paid for: answer them, and make the lost count visible
            log.error("gateway_usage_not_recorded", key_id=key.id, tokens=tokens, error_type=type(exc).__name__)


class Authenticator:
    """The auth middleware's state: the key store and the rate-limit buckets."""

    def __init__(self, store: KeyStore, default_rate_per_minute: float | None) -> None:
        self.store = store
        self.default_rate = default_rate_per_minute
        self.buckets = TokenBuckets()

    async def middleware(self, request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        path = request.url.path
        if path in PUBLIC_PATHS:
            return await call_next(request)
        token = presented_key(request)
        if token is None:
            return error_response(
                request,
                401,
                "unauthenticated",
                "an API key is required (Authorization: Bearer <key> or X-API-Key)",
                {"WWW-Authenticate": "Bearer"},
            )
        # the KDF and SQLite are blocking: keep them off the event loop
        try:
            key = await asyncio.to_thread(self.store.verify, token)
        except (sqlite3.Error, OSError) as exc:
            # e.g. no writable/readable HARDGEN_KEYS_DB in a read-only container: say so, no 500
            log.error("gateway_keystore_unavailable", error_type=type(exc).__name__, path=str(self.store.path))
            return error_response(request, 503, "auth_unavailable", "the API key store cannot be read")
        if key is None:
            log.info("gateway_auth_rejected", path=path, request_id=request.state.request_id)
            return error_response(
                request, 401, "invalid_key", "invalid or revoked API key", {"WWW-Authenticate": "Bearer"}
            )
        scope = required_scope(path)
        if scope is not None and not key.allows(scope):
            return error_response(request, 403, "forbidden", f"this key lacks the {scope!r} scope")
        rate = key.rate_per_minute or self.default_rate
        if rate:
            wait = self.buckets.take(key.id, rate)
            if wait > 0:
                return error_response(
                    request,
                    429,
                    "rate_limited",
                    f"more than {rate:g} requests per minute for this key",
                    {"Retry-After": str(max(1, math.ceil(wait)))},
                )
        if key.daily_tokens is not None and path.startswith(METERED_PREFIXES):
            try:
                used = await asyncio.to_thread(self.store.usage_today, key.id)
            except (sqlite3.Error, OSError):
                return error_response(request, 503, "auth_unavailable", "the API key store cannot be read")
            if used >= key.daily_tokens:
                return error_response(
                    request,
                    429,
                    "quota_exceeded",
                    f"this key has spent its {key.daily_tokens} model tokens for today",
                    {"Retry-After": str(seconds_to_midnight_utc())},
                )
        request.state.api_key = key
        request.state.caller = f"key:{key.id}"
        return await call_next(request)


def install_auth(app: FastAPI, store: KeyStore, default_rate_per_minute: float | None) -> Authenticator:
    """Add the middleware (call before the request-id middleware so that one wraps it)."""
    auth = Authenticator(store, default_rate_per_minute)
    app.state.keystore = store
    app.middleware("http")(auth.middleware)
    document_security(app)
    return auth


def document_security(app: FastAPI) -> None:
    """Put the key schemes and the 401/403/429 answers into the OpenAPI of every protected route
    (done when the schema is first built, so routers registered later are covered too)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        components = schema.setdefault("components", {})
        components.setdefault("securitySchemes", {}).update(
            {
                "bearer": {"type": "http", "scheme": "bearer", "description": "hg_<id>_<secret>"},
                "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
            }
        )
        components.setdefault("schemas", {}).setdefault(
            "ErrorBody", ErrorBody.model_json_schema(ref_template="#/components/schemas/{model}")
        )
        error_ref = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
        meanings = {
            "401": "no API key, or an invalid or revoked one",
            "403": "the key lacks this route's scope",
            "429": "rate limit, daily token cap or concurrency limit of this key (Retry-After)",
            "503": "a service behind the gateway, or the API key store, is unavailable",
        }
        for path, operations in schema.get("paths", {}).items():
            if path in PUBLIC_PATHS:
                continue
            for operation in operations.values():
                operation["security"] = [{"bearer": []}, {"apiKey": []}]
                for status, meaning in meanings.items():
                    operation.setdefault("responses", {}).setdefault(
                        status, {"description": meaning, "content": error_ref}
                    )
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
