"""The gateway's gRPC client of the refinement service, and the GeneratedSample → dict conversion
of its responses.

Only the gateway calls refinement over gRPC (``hardgen generate --gateway`` goes through the
gateway's REST API; study workers run refinement's code themselves), so this lives with the gateway
rather than in core, which holds only what two services share. Every
call has a deadline; failures raise :class:`RefinementClientError` carrying the gRPC status name
(``INVALID_ARGUMENT``, ``FAILED_PRECONDITION``, ``UNAVAILABLE``...) and a one-line message.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import grpc

from hardgen.core.clients.base import GrpcClient
from hardgen.core.clients.scanner import finding_to_dict
from hardgen.v1 import common_pb2, refinement_pb2, refinement_pb2_grpc

DEFAULT_TIMEOUT = 600.0


class RefinementClientError(RuntimeError):
    """The refinement service refused or failed a call; ``status`` is the gRPC status name."""

    def __init__(self, status: str, message: str) -> None:
        super().__init__(" ".join(message.split()))
        self.status = status


def stats_to_dict(stats: common_pb2.CallStats) -> dict[str, Any]:
    return {
        "latency_ms": stats.latency_ms,
        "prompt_tokens": stats.prompt_tokens,
        "completion_tokens": stats.completion_tokens,
        "peak_memory_bytes": stats.peak_memory_bytes,
        "model": stats.model,
        "backend": stats.backend,
        "backend_version": stats.backend_version,
        "seed": stats.seed,
        "temperature": stats.temperature,
        "attempts": stats.attempts,
    }


def sample_to_dict(msg: refinement_pb2.GeneratedSample) -> dict[str, Any]:
    """A sample as JSON-ready dict; the same shape as the in-process ``Sample.to_dict()``
    (and so a valid line of a ``replay`` manifest)."""
    prompts = []
    for i, p in enumerate(msg.prompts):
        stats = msg.prompt_stats[i] if i < len(msg.prompt_stats) else None
        cached = bool(msg.prompt_cached[i]) if i < len(msg.prompt_cached) else False
        prompts.append(
            {
                "id": p.id,
                "step": p.step,
                "template": p.template,
                "template_version": p.template_version,
                "text": p.text,
                "response": p.response,
                "stats": stats_to_dict(stats) if stats is not None and stats.backend else None,
                "cached": cached,
            }
        )
    return {
        "id": msg.id,
        "index": msg.index,
        "language": msg.language,
        "scenario": msg.scenario,
        "model": msg.model,
        "strategy": msg.strategy,
        "seed": msg.seed,
        "code": msg.code,
        "raw_response": msg.raw_response,
        "extracted": msg.extracted,
        "extraction": msg.extraction,
        "merged": msg.merged,
        "parses": msg.parses,
        "prompts": prompts,
        "stats": stats_to_dict(msg.stats),
        "findings": [finding_to_dict(f) for f in msg.findings],
        "scanned": msg.scanned,
        "error": msg.error,
        "template_versions": dict(msg.template_versions),
        "notes": dict(msg.notes),
    }


def strategy_to_dict(info: refinement_pb2.StrategyInfo) -> dict[str, Any]:
    return {
        "name": info.name,
        "description": info.description,
        "from_study": info.from_study,
        "kind": info.kind,
        "templates": list(info.templates),
        "options": dict(info.options),
    }


def file_fix_to_dict(msg: refinement_pb2.FileFix) -> dict[str, Any]:
    """A ``FileFix`` message as the dict :meth:`hardgen.core.fixes.FileFix.from_dict` reads."""
    return {
        "path": msg.path,
        "language": msg.language,
        "outcome": msg.outcome,
        "reason": msg.reason,
        "original_code": msg.original_code,
        "fixed_code": msg.fixed_code,
        "findings": [finding_to_dict(f) for f in msg.findings],
        "remaining": [finding_to_dict(f) for f in msg.remaining],
        "attempts": [
            {
                "round": a.round,
                "verdict": a.verdict,
                "reason": a.reason,
                "parses": a.parses,
                "remaining": a.remaining,
                "introduced": [finding_to_dict(f) for f in a.introduced],
            }
            for a in msg.attempts
        ],
        "model_calls": msg.model_calls,
        "tokens": msg.tokens,
        "seconds": msg.seconds,
    }


class RefinementClient(GrpcClient):
    """``RefinementClient("127.0.0.1:50052").generate(scenario=1, language="python", model=...)``."""

    service = "refinement"
    stub_class = refinement_pb2_grpc.RefinementStub
    default_timeout = DEFAULT_TIMEOUT

    def generate(
        self,
        *,
        language: str,
        model: str,
        strategy: str = "raw",
        scenario: int = 0,
        prompt: str = "",
        n: int = 1,
        seed: int = 0,
        temperature: float = 0.2,
        max_new_tokens: int = 512,
        scan: bool = False,
        options: Mapping[str, str] | None = None,
        timeout: float | None = None,
    ) -> refinement_pb2.GenerateResponse:
        request = refinement_pb2.GenerateRequest(
            scenario=scenario,
            prompt=prompt,
            language=language,
            model=model,
            strategy=strategy,
            n=n,
            seed=seed,
            temperature=temperature,
            max_new_tokens=max_new_tokens,
            scan=scan,
            options=dict(options or {}),
        )
        return self._call(self._stub.Generate, request, timeout)  # type: ignore[no-any-return]

    def fix(
        self,
        *,
        files: list[tuple[str, bytes | str, str]],
        model: str,
        strategy: str = "sast-repair",
        rounds: int = 3,
        seed: int = 0,
        temperature: float = 0.2,
        max_new_tokens: int = 2048,
        options: Mapping[str, str] | None = None,
        engines: list[str] | None = None,
        profile: str = "",
        timeout: float | None = None,
    ) -> refinement_pb2.FixResponse:
        """Verified fixes of ``(path, content, language)`` files (see ``Refinement.Fix``)."""
        request = refinement_pb2.FixRequest(
            files=[
                common_pb2.SourceFile(path=p, content=c.encode("utf-8") if isinstance(c, str) else c, language=lang)
                for p, c, lang in files
            ],
            model=model,
            strategy=strategy,
            rounds=rounds,
            seed=seed,
            temperature=temperature,
            max_new_tokens=max_new_tokens,
            options=dict(options or {}),
            engines=list(engines or []),
            profile=profile,
        )
        return self._call(self._stub.Fix, request, timeout)  # type: ignore[no-any-return]

    def list_strategies(self, timeout: float = 10.0) -> refinement_pb2.ListStrategiesResponse:
        return self._call(self._stub.ListStrategies, refinement_pb2.ListStrategiesRequest(), timeout)  # type: ignore[no-any-return]

    def health(self, timeout: float = 5.0) -> common_pb2.HealthResponse:
        return self._call(self._stub.Health, common_pb2.HealthRequest(), timeout)  # type: ignore[no-any-return]

    def _error(self, code: grpc.StatusCode | None, details: str, deadline: float) -> RefinementClientError:
        if code == grpc.StatusCode.UNAVAILABLE and "scanner" not in details:
            details = f"refinement service at {self.address} is unreachable"
        elif code == grpc.StatusCode.DEADLINE_EXCEEDED:
            details = f"refinement service at {self.address} did not answer within {deadline:.0f}s"
        return RefinementClientError(code.name if code is not None else "UNKNOWN", details)
