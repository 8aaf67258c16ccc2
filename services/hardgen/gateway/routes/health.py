"""``/healthz`` (liveness, always 200 while the gateway runs), ``/readyz`` (503 until refinement
answers) and ``/metrics`` (Prometheus text format)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Response

from hardgen import __version__
from hardgen.gateway.deps import get_metrics, get_refinement, get_scanner
from hardgen.gateway.errors import ApiError, responses
from hardgen.gateway.models import HealthOut

router = APIRouter(tags=["health"])


def _status(client: Any) -> str:
    try:
        return str(client.health(timeout=2.0).status) or "UNKNOWN"
    except Exception:  # noqa: BLE001 - any failure means "not serving" for a health probe
        return "UNAVAILABLE"


def service_statuses(refinement: Any, scanner: Any) -> dict[str, str]:
    return {"refinement": _status(refinement), "scanner": _status(scanner)}


@router.get("/healthz", response_model=HealthOut)
def healthz(refinement: Any = Depends(get_refinement), scanner: Any = Depends(get_scanner)) -> dict[str, Any]:
    """The gateway is alive; ``services`` says whether refinement and scanner answer."""
    services = service_statuses(refinement, scanner)
    status = "ok" if all(v == "SERVING" for v in services.values()) else "degraded"
    return {"status": status, "version": __version__, "services": services}


@router.get("/readyz", response_model=HealthOut, responses=responses(503))
def readyz(refinement: Any = Depends(get_refinement), scanner: Any = Depends(get_scanner)) -> dict[str, Any]:
    """Ready to take generations: the refinement service answers."""
    services = service_statuses(refinement, scanner)
    if services["refinement"] != "SERVING":
        raise ApiError(503, "upstream_unavailable", "refinement service is not serving")
    return {"status": "ok", "version": __version__, "services": services}


@router.get("/metrics", response_class=Response, responses={200: {"content": {"text/plain": {}}}})
def metrics(collector: Any = Depends(get_metrics)) -> Response:
    """Prometheus metrics of this gateway process."""
    from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

    return Response(generate_latest(collector.registry), media_type=CONTENT_TYPE_LATEST)
