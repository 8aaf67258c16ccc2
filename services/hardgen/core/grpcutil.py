"""gRPC channel and server options shared by every service: message size limits and keepalive."""

from __future__ import annotations

import os
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


def insecure_channel(address: str) -> grpc.Channel:
    """A channel with the project's size limits (TLS variants arrive with the reliability work)."""
    return grpc.insecure_channel(address, options=CHANNEL_OPTIONS)


def aio_channel(address: str) -> grpc.aio.Channel:
    return grpc.aio.insecure_channel(address, options=CHANNEL_OPTIONS)
