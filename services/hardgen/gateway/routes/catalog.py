"""``GET /v1/scenarios`` (the corpus) and ``GET /v1/strategies`` (from the refinement service)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from hardgen.core.languages import UnknownLanguageError, parse_language
from hardgen.core.scenarios import ScenarioError, load_corpus
from hardgen.gateway.deps import get_refinement
from hardgen.gateway.errors import ApiError, responses
from hardgen.gateway.models import ScenarioOut, StrategyOut
from hardgen.gateway.refinement_client import RefinementClientError, strategy_to_dict
from hardgen.gateway.routes.upstream import from_grpc_status

router = APIRouter(prefix="/v1", tags=["catalogue"])


@router.get("/scenarios", response_model=list[ScenarioOut], responses=responses(400, 422, 503))
def list_scenarios(
    language: str | None = Query(None, description="python, javascript, java or go"),
    number: int | None = Query(None, ge=1, le=99),
) -> list[dict[str, Any]]:
    """Every scenario of the corpus (one entry per scenario and language)."""
    try:
        lang = parse_language(language) if language else None
        corpus = load_corpus()
    except UnknownLanguageError as exc:
        raise ApiError(400, "bad_request", str(exc)) from None
    except ScenarioError as exc:
        raise ApiError(503, "corpus_unavailable", str(exc)) from None
    return [
        {
            "id": s.id,
            "number": s.number,
            "name": s.name,
            "cwe": s.cwe,
            "language": s.language.value,
            "framework": s.framework,
            "task": s.task,
            "insecure_references": len(s.insecure),
            "secure_references": len(s.secure),
        }
        for s in corpus
        if (lang is None or s.language is lang) and (number is None or s.number == number)
    ]


@router.get("/strategies", response_model=list[StrategyOut], responses=responses(502, 503, 504))
def list_strategies(refinement: Any = Depends(get_refinement)) -> list[dict[str, Any]]:
    """The strategies the refinement service runs; chain them with ``+`` (``mp+ft``)."""
    try:
        response = refinement.list_strategies()
    except RefinementClientError as exc:
        raise from_grpc_status(exc.status, str(exc)) from None
    return [strategy_to_dict(s) for s in response.strategies]
