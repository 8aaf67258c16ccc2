"""Dependencies routes receive: settings and the gRPC clients (built once per app, overridable in tests)."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from hardgen.gateway.settings import GatewaySettings


def get_settings(request: Request) -> GatewaySettings:
    settings: GatewaySettings = request.app.state.settings
    return settings


def get_refinement(request: Request) -> Any:
    """The :class:`hardgen.gateway.refinement_client.RefinementClient` of this app."""
    return request.app.state.refinement


def get_scanner(request: Request) -> Any:
    """The :class:`hardgen.core.clients.scanner.ScannerClient` of this app."""
    return request.app.state.scanner


def get_metrics(request: Request) -> Any:
    return request.app.state.metrics
