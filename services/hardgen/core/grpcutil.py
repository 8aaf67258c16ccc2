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
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import grpc

MAX_MESSAGE_BYTES = int(os.environ.get("HARDGEN_GRPC_MAX_MESSAGE_BYTES", str(64 * 1024 * 1024)))

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
    name = os.environ.get(var, "").strip()
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
    require_client = os.environ.get("HARDGEN_TLS_CLIENT_AUTH", "").strip().lower() == "require"
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
    name = os.environ.get("HARDGEN_TLS_SERVER_NAME", "").strip()
    return CHANNEL_OPTIONS + ([("grpc.ssl_target_name_override", name)] if name else [])


def channel(address: str) -> grpc.Channel:
    """A channel with the project's size limits, TLS when ``HARDGEN_TLS_CA`` is set."""
    creds = channel_credentials()
    if creds is None:
        return grpc.insecure_channel(address, options=CHANNEL_OPTIONS)
    return grpc.secure_channel(address, creds, options=_options())


def aio_channel(address: str) -> grpc.aio.Channel:
    creds = channel_credentials()
    if creds is None:
        return grpc.aio.insecure_channel(address, options=CHANNEL_OPTIONS)
    return grpc.aio.secure_channel(address, creds, options=_options())


# Older name, kept for callers not yet moved over: it now honours the TLS variables too.
insecure_channel = channel
