"""``POST /v1/generations``: samples from a model through a strategy chain (via refinement gRPC)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from hardgen.core.clients.base import message_from
from hardgen.core.scenarios import ScenarioError, get_scenario
from hardgen.gateway.auth import record_tokens
from hardgen.gateway.deps import MetricsDep, RefinementDep, SettingsDep
from hardgen.gateway.errors import ApiError, request_id
from hardgen.gateway.limits import limited
from hardgen.gateway.models import GenerationRequest, GenerationResponse
from hardgen.gateway.provider_policy import check_model, check_model_options
from hardgen.gateway.refinement_client import RefinementClientError, sample_to_dict
from hardgen.gateway.routes.upstream import from_grpc_status
from hardgen.gateway.settings import GatewaySettings
from hardgen.v1 import refinement_pb2

router = APIRouter(prefix="/v1", tags=["generations"])


def check_limits(body: GenerationRequest, settings: GatewaySettings) -> None:
    """The gateway's own limits and allow-lists (400 ``limit_exceeded`` / ``not_allowed``)."""
    if body.n > settings.max_n:
        raise ApiError(400, "limit_exceeded", f"n={body.n} exceeds the limit of {settings.max_n} samples")
    if body.prompt is not None and len(body.prompt) > settings.max_prompt_chars:
        raise ApiError(
            400, "limit_exceeded", f"prompt has {len(body.prompt)} characters, the limit is {settings.max_prompt_chars}"
        )
    check_model_request(body.model, body.options, settings)


def check_model_request(model: str, options: dict[str, str], settings: GatewaySettings) -> None:
    """The provider policy and the option allow-list (400 ``not_allowed``); ``/v1/fixes`` too."""
    check_model(model, settings)
    refused = sorted(set(options) - set(settings.allowed_options))
    if refused:
        allowed = ", ".join(settings.allowed_options)
        raise ApiError(400, "not_allowed", f"option(s) {', '.join(refused)} not accepted (allowed: {allowed})")
    check_model_options(model, options, settings)


def sample_tokens(sample: dict[str, Any]) -> int:
    """Model tokens a sample spent (its model calls' CallStats; cached prompts cost nothing)."""
    spent = sum(
        (p["stats"]["prompt_tokens"] + p["stats"]["completion_tokens"])
        for p in sample["prompts"]
        if p["stats"] and not p["cached"]
    )
    if spent == 0 and sample["stats"]:
        spent = sample["stats"]["prompt_tokens"] + sample["stats"]["completion_tokens"]
    return int(spent)


@router.post(
    "/generations",
    response_model=GenerationResponse,
    summary="Generate code with a model and a hardening strategy",
    **limited(400, 404),
)
def create_generation(
    body: GenerationRequest, request: Request, settings: SettingsDep, refinement: RefinementDep, metrics: MetricsDep
) -> dict[str, Any]:
    """Run the strategy chain ``n`` times. Samples whose model call failed are returned with
    ``error`` set; ``scan: true`` adds the scanner's findings for each sample."""
    check_limits(body, settings)
    if body.scenario is not None:
        try:
            get_scenario(body.scenario, body.language)
        except ScenarioError as exc:
            raise ApiError(404, "not_found", str(exc)) from None
    try:
        message = message_from(
            refinement_pb2.GenerateRequest, body, scenario=body.scenario or 0, prompt=body.prompt or ""
        )
        response = refinement.generate(message, timeout=settings.generation_timeout_s)
    except RefinementClientError as exc:
        raise from_grpc_status(exc.status, str(exc)) from None
    samples = [sample_to_dict(s) for s in response.samples]
    record_tokens(request, sum(sample_tokens(s) for s in samples))
    for sample in samples:
        metrics.samples.labels(sample["strategy"], "error" if sample["error"] else "ok").inc()
        metrics.findings.labels("generations").inc(len(sample["findings"]))
    return {"request_id": request_id(request), "samples": samples}
