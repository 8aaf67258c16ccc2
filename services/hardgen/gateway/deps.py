"""Dependencies routes receive: settings and the gRPC clients (built once per app, overridable in tests)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request

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


#: The parameter types a route declares to receive them (``settings: SettingsDep``), one line each.
SettingsDep = Annotated[GatewaySettings, Depends(get_settings)]
RefinementDep = Annotated[Any, Depends(get_refinement)]
ScannerDep = Annotated[Any, Depends(get_scanner)]
MetricsDep = Annotated[Any, Depends(get_metrics)]
