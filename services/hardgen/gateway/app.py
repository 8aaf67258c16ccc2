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
from hardgen.gateway.errors import install_error_handlers
from hardgen.gateway.limits import CallerLimiter
from hardgen.gateway.metrics import GatewayMetrics
from hardgen.gateway.routes import ROUTER_MODULES
from hardgen.gateway.settings import GatewaySettings

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def create_app(settings: GatewaySettings | None = None, refinement: Any = None, scanner: Any = None) -> FastAPI:
    """Build the app; ``refinement``/``scanner`` default to gRPC clients at the settings' addresses."""
    settings = settings or GatewaySettings.from_env()
    if refinement is None:
        from hardgen.core.clients.refinement import RefinementClient

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

    @app.middleware("http")
    async def _request_id(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        given = request.headers.get("x-request-id", "")
        request.state.request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
        response = await call_next(request)
        response.headers["X-Request-ID"] = request.state.request_id
        return response

    app.middleware("http")(metrics.middleware)

    for name in ROUTER_MODULES:
        app.include_router(importlib.import_module(f"hardgen.gateway.routes.{name}").router)
    return app
