"""One error shape for every non-2xx answer: ``{"error": {"code", "message", "request_id"}}``.

Clients (and the CLI's ``--gateway`` mode) can rely on it whatever went wrong: validation,
limits, an unknown scenario, or a service behind the gateway being down.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from hardgen.core.logging import get_logger

log = get_logger(__name__)

_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "too_large", 429: "rate_limited"}


class ErrorDetail(BaseModel):
    code: str = Field(description="machine-readable, e.g. validation_error, limit_exceeded, upstream_unavailable")
    message: str = Field(description="one line for people")
    request_id: str


class ErrorBody(BaseModel):
    error: ErrorDetail


class ApiError(Exception):
    """Raise from a route to answer ``status`` with the error body."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = " ".join(message.split())


def request_id(request: Request) -> str:
    return str(getattr(request.state, "request_id", "") or "")


def error_response(request: Request, status: int, code: str, message: str, headers: Any = None) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "request_id": request_id(request)}}
    return JSONResponse(body, status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors()[:3]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(request, exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(request, 422, "validation_error", _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _CODES.get(exc.status_code, "http_error")
        return error_response(request, exc.status_code, code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("gateway_unhandled", error_type=type(exc).__name__, request_id=request_id(request))
        return error_response(request, 500, "internal_error", "internal error")


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` entries documenting each error status with the error body."""
    meaning = {
        400: "the request is well-formed but not acceptable (unknown strategy/model, limit exceeded)",
        404: "unknown scenario",
        413: "the body, or the archive once unpacked, is larger than the scan limits",
        422: "the body does not validate",
        429: "too many requests in flight for this caller",
        502: "a service behind the gateway failed",
        503: "a service behind the gateway is unavailable",
        504: "a service behind the gateway timed out",
    }
    return {s: {"model": ErrorBody, "description": meaning.get(s, "error")} for s in statuses}
