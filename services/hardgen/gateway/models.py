"""Request and response bodies of the public API (pydantic; they are the OpenAPI schema)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from hardgen.core.findings import Finding  # the one finding model: the API returns it as the scanner made it
from hardgen.core.languages import parse_language


class GenerationRequest(BaseModel):
    """Generate code for a scenario (or a free-form task) with a model and a strategy chain."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "scenario": 1,
                    "language": "python",
                    "model": "openai/gpt-4.1",
                    "strategy": "cot",
                    "n": 2,
                    "scan": True,
                }
            ]
        },
    )

    scenario: int | None = Field(None, ge=1, le=99, description="scenario number (give this or prompt)")
    prompt: str | None = Field(None, min_length=1, description="a free-form task instead of a scenario")
    language: str = Field(description="python, javascript, java or go")
    model: str = Field(min_length=3, max_length=300, pattern=r"^[a-z0-9_-]+/.+", description="provider/model")
    strategy: str = Field("raw", min_length=1, max_length=100, description="chain, e.g. raw, nep, cot+sast-repair")
    n: int = Field(1, ge=1, description="number of samples (at most the gateway's limit)")
    seed: int = Field(0, ge=0, le=2**62)
    temperature: float = Field(0.2, ge=0.0, le=2.0)
    max_new_tokens: int = Field(512, ge=1, le=8192)
    scan: bool = Field(False, description="scan each sample with the scanner service and return findings")
    options: dict[str, str] = Field(default_factory=dict, description="strategy options, e.g. repair_rounds")

    @field_validator("language")
    @classmethod
    def _language(cls, value: str) -> str:
        return parse_language(value).value

    @model_validator(mode="after")
    def _one_task(self) -> GenerationRequest:
        if (self.scenario is None) == (self.prompt is None):
            raise ValueError("give exactly one of scenario or prompt")
        return self


class CallStatsOut(BaseModel):
    latency_ms: float
    prompt_tokens: int
    completion_tokens: int
    peak_memory_bytes: int
    model: str
    backend: str
    backend_version: str
    seed: int
    temperature: float
    attempts: int


class PromptOut(BaseModel):
    id: str
    step: str = Field(description="e.g. raw, nep:insecure-example, mp:meta, sast-repair:round-1")
    template: str
    template_version: str
    text: str = Field(description="the exact text sent")
    response: str
    stats: CallStatsOut | None
    cached: bool


class SampleOut(BaseModel):
    id: str
    index: int
    language: str
    scenario: int
    model: str
    strategy: str
    seed: int
    code: str = Field(description="the final program (merged into the partial program when needed)")
    raw_response: str
    extracted: str
    extraction: str
    merged: bool
    parses: bool
    prompts: list[PromptOut]
    stats: CallStatsOut
    findings: list[Finding]
    scanned: bool
    error: str = Field(description="non-empty when this sample failed (it is still returned)")
    template_versions: dict[str, str]
    notes: dict[str, str]


class GenerationResponse(BaseModel):
    request_id: str
    samples: list[SampleOut]


class ScanFileIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str = Field(min_length=1, max_length=500, description="relative path, '/' separated")
    content: str
    language: str = Field("", description="empty = from the extension")


class ScanRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    files: list[ScanFileIn] = Field(min_length=1)
    engines: list[str] = Field(default_factory=list, description="empty = the scanner's default engines")
    timeout_seconds: float | None = Field(
        None, ge=1, le=600, description="seconds for the scan (at least 1; capped by the gateway's own limit)"
    )
    profile: Literal["default", "extended"] = Field(
        "default", description="default: CodeQL's query ids only; extended: also */hardgen/* (hardgen.core.profiles)"
    )


class FileErrorOut(BaseModel):
    path: str
    engine: str
    message: str


class ScanResponse(BaseModel):
    request_id: str
    findings: list[Finding]
    errors: list[FileErrorOut]
    skipped: list[str]
    files_scanned: int
    duration_ms: float
    rule_pack_version: str
    cache_hits: int
    profile: str = Field("default", description="the scan profile the findings were filtered with")


class FixRequest(BaseModel):
    """``POST /v1/fixes``: files (the ``/v1/scans`` limits) and the model and chain that fix them."""

    model_config = ConfigDict(extra="forbid")

    files: list[ScanFileIn] = Field(min_length=1)
    model: str = Field(min_length=3, max_length=300, pattern=r"^[a-z0-9_-]+/.+", description="provider/model")
    strategy: str = Field(
        "sast-repair", min_length=1, max_length=100, description="chain ending with sast-repair, e.g. cot+sast-repair"
    )
    rounds: int = Field(3, ge=1, le=10, description="attempts per file")
    seed: int = Field(0, ge=0, le=2**62)
    temperature: float = Field(0.2, ge=0.0, le=2.0)
    max_new_tokens: int = Field(2048, ge=1, le=8192)
    options: dict[str, str] = Field(default_factory=dict, description="strategy options (the generations allow-list)")
    engines: list[str] = Field(default_factory=list, description="empty = the scanner's default engines")
    profile: Literal["default", "extended"] = Field("default", description="scan profile (hardgen.core.profiles)")


class FixAttemptOut(BaseModel):
    round: int
    verdict: str = Field(description="accepted | partial | rejected")
    reason: str
    parses: bool
    remaining: int = Field(description="findings it was asked to fix that are still there")
    introduced: list[Finding] = Field(description="new findings (why it was rejected)")


class FileFixOut(BaseModel):
    path: str
    language: str
    outcome: str = Field(description="fixed | partially_fixed | unfixable | clean | skipped | unsupported")
    reason: str = Field(description="one line: why")
    findings: list[Finding] = Field(description="before the fix")
    remaining: list[Finding]
    attempts: list[FixAttemptOut]
    model_calls: int
    tokens: int
    seconds: float
    diff: str = Field(description="unified diff of the accepted (or best partial) fix; empty when none")
    fixed_code: str = Field(description="the accepted (or best partial) file; empty when none")


class FixResponse(BaseModel):
    request_id: str
    files: list[FileFixOut]
    exit_code: int = Field(description="0 when every finding was fixed or there were none, else 1 (as the CLI)")


class ScenarioOut(BaseModel):
    id: str
    number: int
    name: str
    cwe: int
    language: str
    framework: str
    task: str
    insecure_references: int
    secure_references: int


class StrategyOut(BaseModel):
    name: str
    description: str
    from_study: bool
    kind: str
    templates: list[str]
    options: dict[str, str]


class HealthOut(BaseModel):
    status: str = Field(description="ok when every service answers, else degraded")
    version: str
    services: dict[str, str]


def as_dict(model: BaseModel) -> dict[str, Any]:
    return model.model_dump()
