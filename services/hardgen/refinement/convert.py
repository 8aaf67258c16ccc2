"""In-process records ↔ protobuf messages of ``refinement.proto`` (server side)."""

from __future__ import annotations

from hardgen.core.clients.base import message_from
from hardgen.core.clients.scanner import finding_dict_to_proto
from hardgen.core.fixes import FileFix
from hardgen.refinement.backends.base import CallStats
from hardgen.refinement.fixing import DEFAULT_ROUNDS, FixInput, FixSpec
from hardgen.refinement.service import GenerateSpec, Sample, StrategyInfo
from hardgen.v1 import common_pb2, refinement_pb2


def stats_to_proto(stats: CallStats | None) -> common_pb2.CallStats:
    if stats is None:
        return common_pb2.CallStats()
    return common_pb2.CallStats(**stats.to_dict())


def sample_to_proto(sample: Sample) -> refinement_pb2.GeneratedSample:
    return message_from(
        refinement_pb2.GeneratedSample,
        sample,
        prompts=[message_from(common_pb2.PromptRecord, p) for p in sample.prompts],
        stats=stats_to_proto(sample.stats),
        findings=[finding_dict_to_proto(f) for f in sample.findings],
        prompt_stats=[stats_to_proto(p.stats) for p in sample.prompts],
        prompt_cached=[p.cached for p in sample.prompts],
    )


def spec_from_proto(request: refinement_pb2.GenerateRequest) -> GenerateSpec:
    return GenerateSpec(
        language=request.language,
        model=request.model,
        strategy=request.strategy or "raw",
        scenario=request.scenario,
        prompt=request.prompt,
        n=request.n or 1,
        seed=request.seed,
        temperature=request.temperature,
        max_new_tokens=request.max_new_tokens or 512,
        scan=request.scan,
        options=dict(request.options),
    )


def strategy_to_proto(info: StrategyInfo) -> refinement_pb2.StrategyInfo:
    return message_from(refinement_pb2.StrategyInfo, info)


def fix_request_from_proto(request: refinement_pb2.FixRequest) -> tuple[list[FixInput], FixSpec]:
    files = [FixInput(f.path, bytes(f.content), f.language) for f in request.files]
    spec = FixSpec(
        model=request.model,
        strategy=request.strategy or "sast-repair",
        rounds=request.rounds or DEFAULT_ROUNDS,
        seed=request.seed,
        temperature=request.temperature,
        max_new_tokens=request.max_new_tokens or 2048,
        options=dict(request.options),
        engines=list(request.engines),
        profile=request.profile,
    )
    return files, spec


def file_fix_to_proto(fix: FileFix) -> refinement_pb2.FileFix:
    return message_from(
        refinement_pb2.FileFix,
        fix,
        outcome=fix.outcome.value,
        findings=[finding_dict_to_proto(f) for f in fix.findings],
        remaining=[finding_dict_to_proto(f) for f in fix.remaining],
        attempts=[
            message_from(refinement_pb2.FixAttempt, a, introduced=[finding_dict_to_proto(f) for f in a.introduced])
            for a in fix.attempts
        ],
    )
