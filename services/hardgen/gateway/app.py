"""The FastAPI application: ``create_app(settings)`` wires settings, gRPC clients, limits, metrics,
the error body and the routers. Tests pass their own settings (service addresses on loopback)."""

from __future__ import annotations

import importlib
import re
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request, Response

from hardgen import __version__
from hardgen.core.grpcutil import REQUEST_ID
from hardgen.core.logging import get_logger
from hardgen.gateway.apikeys import KeyStore
from hardgen.gateway.auth import install_auth
from hardgen.gateway.errors import install_error_handlers
from hardgen.gateway.limits import BodySizeLimit, CallerLimiter
from hardgen.gateway.metrics import GatewayMetrics
from hardgen.gateway.routes import ROUTER_MODULES
from hardgen.gateway.settings import GatewaySettings

log = get_logger(__name__)
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def create_app(settings: GatewaySettings | None = None, refinement: Any = None, scanner: Any = None) -> FastAPI:
    """Build the app; ``refinement``/``scanner`` default to gRPC clients at the settings' addresses.

    Auth is on unless ``settings.auth_enabled`` is False (``HARDGEN_AUTH=off``, local dev only)."""
    settings = settings or GatewaySettings()
    if refinement is None:
        from hardgen.gateway.refinement_client import RefinementClient

        refinement = RefinementClient(settings.refinement_address, timeout=settings.generation_timeout_s)
    if scanner is None:
        from hardgen.core.clients.scanner import ScannerClient

        scanner = ScannerClient(settings.scanner_address, timeout=settings.scan_timeout_s)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        for client in (app.state.refinement, app.state.scanner):
            close = getattr(client, "close", None)
            if close is not None:
                close()

    app = FastAPI(
        title="hardgen gateway",
        version=__version__,
        description=(
            "Generate code with LLMs under hardening strategies and scan it for CWE weaknesses. "
            'Every error answers `{"error": {"code", "message", "request_id"}}`.'
        ),
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.refinement = refinement
    app.state.scanner = scanner
    app.state.limiter = CallerLimiter(settings.max_concurrent_per_caller)
    app.state.metrics = metrics = GatewayMetrics()

    install_error_handlers(app)
    if settings.auth_enabled:
        # added before the request-id middleware, so that one wraps it and ids reach 401/403/429
        keys = KeyStore(settings.keys_path, settings.keys_usage_db, readonly=True if settings.keys_readonly else None)
        install_auth(app, keys, settings.default_rate_per_minute)
    else:
        log.warning("gateway_auth_off", reason="HARDGEN_AUTH=off: every route is open (local dev only)")

    @app.middleware("http")
    async def _request_id(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        given = request.headers.get("x-request-id", "")
        request.state.request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
        # gRPC calls made for this request carry the id (hardgen.core.grpcutil's client interceptor)
        token = REQUEST_ID.set(request.state.request_id)
        try:
            response = await call_next(request)
        finally:
            REQUEST_ID.reset(token)
        response.headers["X-Request-ID"] = request.state.request_id
        return response

    app.middleware("http")(metrics.middleware)
    # outermost: refuse oversized bodies before anything reads them
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)

    for name in ROUTER_MODULES:
        app.include_router(importlib.import_module(f"hardgen.gateway.routes.{name}").router)
    return app
