"""Classify SDK exceptions the same way for every HTTP backend (429/5xx/connection → retry)."""

from __future__ import annotations

from hardgen.refinement.backends.base import http_failure
from hardgen.refinement.errors import BackendCallError

_CONNECTION_NAMES = (
    "ConnectError",
    "ConnectTimeout",
    "ConnectionError",
    "APIConnectionError",
    "ReadTimeout",
    "TimeoutException",
    "APITimeoutError",
    "RemoteProtocolError",
    "InferenceTimeoutError",
)


def is_connection_error(exc: BaseException) -> bool:
    """True for transport failures (refused, reset, timed out) from any HTTP client library."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        names = {cls.__name__ for cls in type(current).__mro__}
        if names & set(_CONNECTION_NAMES) or isinstance(current, (ConnectionError, TimeoutError)):
            return True
        current = current.__cause__ or current.__context__
    return False


def status_of(exc: BaseException) -> int | None:
    """HTTP status carried by an SDK exception (``status_code``, ``code`` or ``response.status_code``)."""
    for attr in ("status_code", "code"):
        value = getattr(exc, attr, None)
        if isinstance(value, int) and 100 <= value < 600:
            return value
    response = getattr(exc, "response", None)
    value = getattr(response, "status_code", None)
    return value if isinstance(value, int) else None


def classify(exc: Exception, endpoint: str) -> BackendCallError:
    """One-line, retry-aware error for ``exc``; never includes the prompt or a key."""
    if isinstance(exc, BackendCallError):
        return exc
    status = status_of(exc)
    if status is not None:
        detail = getattr(exc, "message", None) or str(exc)
        return http_failure(endpoint, status, str(detail).splitlines()[0] if str(detail) else "")
    if is_connection_error(exc):
        reason = type(exc).__name__
        return BackendCallError(f"cannot reach {endpoint} ({reason})", retryable=True)
    return BackendCallError(f"{endpoint}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
