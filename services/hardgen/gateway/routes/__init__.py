"""The gateway's routers. Add a router module here and to :data:`ROUTER_MODULES` to add routes;
analytics (``/v1/tables``, ``/v1/report``) plugs in the same way, calling its service over gRPC."""

from __future__ import annotations

ROUTER_MODULES = ["generations", "scans", "fixes", "catalog", "studies", "health"]
