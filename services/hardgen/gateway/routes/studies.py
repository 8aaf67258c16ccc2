"""Studies through the gateway: start one (``POST /v1/studies``), follow it, read its tables and
report. Tables and the HTML report come from the analytics service over gRPC; progress is
:func:`hardgen.core.progress.study_progress`, the same object ``hardgen study status`` shows (the
workers' outcomes from JetStream plus what analytics has stored) — never another service's internals."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import HTMLResponse

from hardgen.core.clients.analytics import AnalyticsClient, AnalyticsClientError, AnalyticsNotFoundError
from hardgen.core.logging import get_logger
from hardgen.core.progress import StudyProgress, study_progress
from hardgen.core.study import StudySpec
from hardgen.core.studypublish import run_study
from hardgen.gateway.deps import get_settings
from hardgen.gateway.errors import ApiError, responses
from hardgen.gateway.provider_policy import check_study
from hardgen.gateway.settings import GatewaySettings

router = APIRouter(prefix="/v1", tags=["studies"])
log = get_logger(__name__)

TABLE_MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json", "markdown": "text/markdown; charset=utf-8"}


def analytics(request: Request) -> AnalyticsClient:
    """One analytics gRPC client per app, made on first use at the settings' address."""
    client = getattr(request.app.state, "analytics", None)
    if client is None:
        client = AnalyticsClient(get_settings(request).analytics_address)
        request.app.state.analytics = client
    return client


def _upstream(exc: AnalyticsClientError) -> ApiError:
    if isinstance(exc, AnalyticsNotFoundError):
        return ApiError(404, "not_found", str(exc))
    if "did not answer" in str(exc):
        return ApiError(504, "upstream_timeout", str(exc))
    return ApiError(503, "upstream_unavailable", str(exc))


@router.get("/studies", responses=responses(503, 504))
def list_studies(request: Request) -> dict[str, Any]:
    """Every study the analytics store holds, with sample and finding counts."""
    try:
        studies = analytics(request).list_studies()
    except AnalyticsClientError as exc:
        raise _upstream(exc) from None
    return {
        "studies": [
            {"name": s.name, "samples": s.samples, "findings": s.findings, "created_at": s.created_at} for s in studies
        ]
    }


@router.post("/studies", status_code=202, responses=responses(400, 422, 503))
async def start_study(spec: StudySpec, settings: GatewaySettings = Depends(get_settings)) -> dict[str, Any]:
    """Publish a study's work items to JetStream and answer 202; nothing runs in the gateway.

    ``ft`` cells that need a LoRA adapter wait for one fine-tune work item that modelserve
    consumes (``finetune``: ``queued``, or ``done`` when the adapter already exists); it publishes
    those cells once the adapter is registered, so restarting the gateway loses nothing. Follow it
    with ``GET /v1/studies/{study}/status``. Re-posting the same study resumes it: samples that
    already have an outcome are not redone, and a registered adapter is not trained again.
    """
    check_study(spec, settings)
    try:
        # no reconnect attempts: with NATS down the caller gets its 503 at once
        publish = run_study(spec, settings.nats_url, resume=True, reconnect_attempts=0)
        report = await asyncio.wait_for(publish, timeout=PUBLISH_TIMEOUT)
    except (ConnectionError, TimeoutError) as exc:
        raise ApiError(503, "upstream_unavailable", f"NATS is unreachable: {exc or 'no answer in time'}") from None
    log.info("gateway.study_published", study=spec.name, published=report.published, finetune=report.finetune)
    return {
        "study": spec.name,
        "samples": spec.total_samples,
        "published": report.published,
        "skipped_done": report.skipped_done,
        "finetune": report.finetune or None,
        "status": f"/v1/studies/{spec.name}/status",
    }


#: Publishing is a few hundred JetStream round trips; more than this means NATS is not answering.
PUBLISH_TIMEOUT = 60.0


@router.get("/studies/{study}/status", response_model=StudyProgress, responses=responses(404, 503))
async def status(study: str, request: Request, settings: GatewaySettings = Depends(get_settings)) -> dict[str, Any]:
    """Per cell done / failed / pending from the workers' outcomes, and how many samples analytics
    has stored (``stored``; ``null`` with ``analytics_error`` when analytics is unreachable).
    ``finished`` is true once every sample has an outcome *and* is stored, so its tables are final.
    The same object as ``hardgen study status --format json``."""
    try:
        progress = await study_progress(study, settings.nats_url, analytics(request).address)
    except LookupError as exc:
        raise ApiError(404, "not_found", str(exc).strip("'\"")) from None
    except ConnectionError as exc:
        raise ApiError(503, "upstream_unavailable", str(exc)) from None
    return progress.as_dict()


@router.get("/studies/{study}/tables/{name}", responses=responses(400, 404, 503, 504))
def table(
    study: str,
    name: str,
    request: Request,
    format: str = Query("json", pattern="^(csv|json|markdown)$", description="csv, json or markdown"),  # noqa: A002
) -> Response:
    """One of the study's tables (prevalence, improvement_severity, fix_categories, …)."""
    try:
        content = analytics(request).get_table(study, name, format)
    except AnalyticsClientError as exc:
        raise _upstream(exc) from None
    return Response(content, media_type=TABLE_MEDIA[format])


@router.get("/studies/{study}/report", response_class=HTMLResponse, responses=responses(404, 503, 504))
def report(study: str, request: Request) -> HTMLResponse:
    """The self-contained HTML report (figures embedded), rendered by the analytics service."""
    try:
        page = analytics(request).get_report(study, timeout=120.0)
    except AnalyticsClientError as exc:
        raise _upstream(exc) from None
    return HTMLResponse(page)
