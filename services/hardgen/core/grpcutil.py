"""gRPC channel and server options shared by every service: message size limits, keepalive, TLS.

TLS is configured from files named by environment variables, so the same images run with
certificates mounted from Kubernetes Secrets or without them on a developer's loopback:

* servers: ``HARDGEN_TLS_CERT`` + ``HARDGEN_TLS_KEY`` (PEM) switch the port to TLS; with
  ``HARDGEN_TLS_CLIENT_AUTH=require`` and ``HARDGEN_TLS_CA`` clients must present a certificate
  signed by that CA (mutual TLS).
* clients: ``HARDGEN_TLS_CA`` (the CA that signed the servers' certificates) switches channels to
  TLS; ``HARDGEN_TLS_CERT``/``HARDGEN_TLS_KEY`` are sent as client certificate when set;
  ``HARDGEN_TLS_SERVER_NAME`` overrides the name checked against the certificate (useful when
  dialling an IP).

Without these variables everything stays plaintext, which is only meant for loopback and a
private cluster network.

Request ids: a client call made while :data:`REQUEST_ID` is set (the gateway sets it per HTTP
request) carries it as ``x-request-id`` metadata; servers built with :func:`server_interceptors`
bind it to their logs, send it back as trailing metadata, and turn an unexpected exception into
``INTERNAL: internal error (request <id>)`` with no traceback, so an error seen by a caller can be
found in every service's logs by one id.
"""

from __future__ import annotations

import contextvars
import re
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import grpc
import structlog

from hardgen.core.logging import get_logger
from hardgen.core.settings import grpc_max_message_bytes, grpc_settings

log = get_logger(__name__)

REQUEST_ID_KEY = "x-request-id"
REQUEST_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar("hardgen_request_id", default=None)
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")

#: read once at import (``HARDGEN_GRPC_MAX_MESSAGE_BYTES``): every channel and server of a process agree
MAX_MESSAGE_BYTES = grpc_max_message_bytes()

CHANNEL_OPTIONS: list[tuple[str, Any]] = [
    ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
    ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
    ("grpc.keepalive_time_ms", 30_000),
]
SERVER_OPTIONS: list[tuple[str, Any]] = [
    ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
    ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
]


class TLSConfigError(RuntimeError):
    """A TLS variable names a file that cannot be read, or only half a pair is set."""


def _read(var: str) -> bytes | None:
    name = str(getattr(grpc_settings(), var.removeprefix("HARDGEN_").lower())).strip()
    if not name:
        return None
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        raise TLSConfigError(f"{var}={name}: {exc.strerror or exc}") from None


def _pair() -> tuple[bytes, bytes] | None:
    cert, key = _read("HARDGEN_TLS_CERT"), _read("HARDGEN_TLS_KEY")
    if (cert is None) != (key is None):
        raise TLSConfigError("set both HARDGEN_TLS_CERT and HARDGEN_TLS_KEY, or neither")
    return (key, cert) if key is not None and cert is not None else None


def server_credentials() -> grpc.ServerCredentials | None:
    """TLS credentials for a server from the environment, or None (plaintext)."""
    pair = _pair()
    if pair is None:
        return None
    require_client = grpc_settings().tls_client_auth == "require"
    ca = _read("HARDGEN_TLS_CA") if require_client else None
    if require_client and ca is None:
        raise TLSConfigError("HARDGEN_TLS_CLIENT_AUTH=require needs HARDGEN_TLS_CA")
    return grpc.ssl_server_credentials([pair], root_certificates=ca, require_client_auth=require_client)


def add_port(server: grpc.Server, address: str) -> int:
    """Bind ``address`` with TLS when the server has a certificate, else plaintext; the bound port."""
    creds = server_credentials()
    if creds is None:
        return int(server.add_insecure_port(address))
    return int(server.add_secure_port(address, creds))


def channel_credentials() -> grpc.ChannelCredentials | None:
    """TLS credentials for a client from the environment (``HARDGEN_TLS_CA``), or None."""
    ca = _read("HARDGEN_TLS_CA")
    if ca is None:
        return None
    pair = _pair()
    return grpc.ssl_channel_credentials(
        root_certificates=ca,
        private_key=pair[0] if pair else None,
        certificate_chain=pair[1] if pair else None,
    )


def _options() -> list[tuple[str, Any]]:
    name = grpc_settings().tls_server_name.strip()
    return CHANNEL_OPTIONS + ([("grpc.ssl_target_name_override", name)] if name else [])


class _ClientCallDetails(grpc.ClientCallDetails):  # type: ignore[misc]
    def __init__(self, details: Any, metadata: list[tuple[str, str]]) -> None:
        self.method = details.method
        self.timeout = details.timeout
        self.metadata = metadata
        self.credentials = details.credentials
        self.wait_for_ready = getattr(details, "wait_for_ready", None)
        self.compression = getattr(details, "compression", None)


class RequestIdClientInterceptor(grpc.UnaryUnaryClientInterceptor):  # type: ignore[misc]
    """Adds the current :data:`REQUEST_ID` to every unary call as ``x-request-id`` metadata."""

    def intercept_unary_unary(self, continuation: Callable[..., Any], details: Any, request: Any) -> Any:
        rid = REQUEST_ID.get()
        if rid:
            metadata = [m for m in (details.metadata or []) if m[0] != REQUEST_ID_KEY] + [(REQUEST_ID_KEY, rid)]
            details = _ClientCallDetails(details, metadata)
        return continuation(details, request)


def channel(address: str) -> grpc.Channel:
    """A channel with the project's size limits, TLS when ``HARDGEN_TLS_CA`` is set, and request
    id propagation."""
    creds = channel_credentials()
    if creds is None:
        base = grpc.insecure_channel(address, options=CHANNEL_OPTIONS)
    else:
        base = grpc.secure_channel(address, creds, options=_options())
    return grpc.intercept_channel(base, RequestIdClientInterceptor())


class RequestIdServerInterceptor(grpc.ServerInterceptor):  # type: ignore[misc]
    """Binds the caller's request id (or a new one) to the handler's logs, returns it as trailing
    metadata, and answers an unexpected exception with INTERNAL naming only the request id."""

    def intercept_service(self, continuation: Callable[..., Any], details: Any) -> Any:
        handler = continuation(details)
        if handler is None or handler.unary_unary is None:
            return handler
        given = dict(details.invocation_metadata or ()).get(REQUEST_ID_KEY, "")
        rid = given if isinstance(given, str) and _SAFE_ID.match(given) else uuid.uuid4().hex
        inner = handler.unary_unary
        method = details.method

        def unary(request: Any, context: grpc.ServicerContext) -> Any:
            context.set_trailing_metadata(((REQUEST_ID_KEY, rid),))
            with structlog.contextvars.bound_contextvars(request_id=rid):
                try:
                    return inner(request, context)
                except Exception as exc:
                    if context.code() not in (None, grpc.StatusCode.OK):  # context.abort(): already answered
                        raise
                    log.error("grpc_unhandled", method=method, error_type=type(exc).__name__)
                    context.abort(grpc.StatusCode.INTERNAL, f"internal error (request {rid})")

        return grpc.unary_unary_rpc_method_handler(
            unary, request_deserializer=handler.request_deserializer, response_serializer=handler.response_serializer
        )


def server_interceptors() -> list[grpc.ServerInterceptor]:
    """Interceptors every hardgen gRPC server installs (``grpc.server(..., interceptors=...)``)."""
    return [RequestIdServerInterceptor()]


def aio_channel(address: str) -> grpc.aio.Channel:
    creds = channel_credentials()
    if creds is None:
        return grpc.aio.insecure_channel(address, options=CHANNEL_OPTIONS)
    return grpc.aio.secure_channel(address, creds, options=_options())


# Older name, kept for callers not yet moved over: it now honours the TLS variables too.
insecure_channel = channel
