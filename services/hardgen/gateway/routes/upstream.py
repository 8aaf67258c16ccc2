"""Map failures of the services behind the gateway to HTTP statuses and the error body."""

from __future__ import annotations

from hardgen.gateway.errors import ApiError

_GRPC_TO_HTTP = {
    "INVALID_ARGUMENT": (400, "bad_request"),
    "FAILED_PRECONDITION": (400, "model_unavailable"),
    "NOT_FOUND": (404, "not_found"),
    "RESOURCE_EXHAUSTED": (429, "rate_limited"),
    "UNAVAILABLE": (503, "upstream_unavailable"),
    "DEADLINE_EXCEEDED": (504, "upstream_timeout"),
}


def from_grpc_status(status: str, message: str) -> ApiError:
    http, code = _GRPC_TO_HTTP.get(status, (502, "upstream_error"))
    return ApiError(http, code, message)


def from_scanner_error(exc: Exception) -> ApiError:
    """``hardgen.core.clients.scanner`` errors by class name (their module is the scanner's contract)."""
    name = type(exc).__name__
    if name == "ScannerUnavailableError":
        return ApiError(503, "upstream_unavailable", str(exc))
    if name == "ScannerTimeoutError":
        return ApiError(504, "upstream_timeout", str(exc))
    if name == "ScannerRequestError":
        return ApiError(400, "bad_request", str(exc))
    return ApiError(502, "upstream_error", str(exc))
