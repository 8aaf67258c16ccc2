"""A study: the grid models × languages × scenarios × strategy chains × samples, as a YAML file.

``studies/*.yaml`` is validated here (pydantic, one-line errors) and expanded into work items
with deterministic ids (:func:`hardgen.core.events.sample_id`), so that publishing the same study
twice, or resuming it, never creates a second copy of a sample.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from hardgen.core.events import sample_id
from hardgen.core.languages import Language, parse_language
from hardgen.core.profiles import PROFILES, Profile, parse_profile
from hardgen.core.registries import known_steps

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
_MODEL = re.compile(r"^[a-z][a-z0-9_-]*/.+$")
KNOWN_STEPS = known_steps()  # refinement's registered strategies (core/data/registries.yaml)


class StudyError(ValueError):
    """A study file that cannot be read or is invalid (message is one line)."""


class FineTuneSpec(BaseModel):
    """How the study's ``ft`` cells get their fine-tuned model (run before those cells start)."""

    model_config = ConfigDict(extra="forbid")

    base: str = Field(default="demo", description="base model for local LoRA (modelserve)")
    per_language: bool = False
    steps: int = Field(default=200, ge=1, le=100_000)
    learning_rate: float = Field(default=2e-3, gt=0)
    lora_r: int = Field(default=16, ge=1)
    lora_alpha: int = Field(default=32, ge=1)
    seed: int = 42
    models: dict[str, str] = Field(
        default_factory=dict,
        description="model address → fine-tuned address for hosted models (e.g. a provider ft id)",
    )


class ScannerSpec(BaseModel):
    """How the study's samples are scanned (``scanner:`` in the YAML)."""

    model_config = ConfigDict(extra="forbid")

    profile: Profile = Field(
        default=Profile.DEFAULT,
        description="default: CodeQL-compatible query ids only (the study's figures); extended: also */hardgen/*",
    )

    @field_validator("profile", mode="before")
    @classmethod
    def _profile(cls, value: object) -> Profile:
        if not isinstance(value, str | Profile):
            raise ValueError(f"profile must be one of {', '.join(PROFILES)}")
        return parse_profile(value)


#: Work-item option that carries the study's scan profile to the workers' scan calls.
SCAN_PROFILE_OPTION = "scan_profile"


class StudySpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    description: str = ""
    models: Annotated[list[str], Field(min_length=1)]
    languages: Annotated[list[Language], Field(min_length=1)]
    scenarios: list[int] = Field(default_factory=lambda: list(range(1, 11)))
    strategies: Annotated[list[str], Field(min_length=1)]
    samples: int = Field(default=3, ge=1, le=1000, description="samples per cell")
    seed: int = 42
    temperature: float = Field(default=0.8, ge=0.0, le=2.0)
    max_new_tokens: int = Field(default=512, ge=16, le=32_768)
    concurrency: dict[str, int] = Field(default_factory=dict, description="per backend provider")
    engines: list[str] = Field(default_factory=lambda: ["semgrep", "gocustom"])
    scanner: ScannerSpec = Field(default_factory=ScannerSpec)
    finetune: FineTuneSpec = Field(default_factory=FineTuneSpec)
    options: dict[str, str] = Field(default_factory=dict)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not _NAME.match(value):
            raise ValueError("name: letters, digits, '-' and '_' only (max 64)")
        return value

    @field_validator("models")
    @classmethod
    def _models(cls, value: list[str]) -> list[str]:
        for address in value:
            if not _MODEL.match(address):
                raise ValueError(f"model {address!r} is not provider/model (e.g. openai/gpt-4.1, hf/demo)")
        return value

    @field_validator("languages", mode="before")
    @classmethod
    def _languages(cls, value: list[str]) -> list[Language]:
        return [parse_language(v) if isinstance(v, str) else v for v in value]

    @field_validator("scenarios")
    @classmethod
    def _scenarios(cls, value: list[int]) -> list[int]:
        bad = [n for n in value if not 1 <= n <= 10]
        if bad:
            raise ValueError(f"scenarios must be 1-10, got {bad}")
        return sorted(set(value))

    @field_validator("strategies")
    @classmethod
    def _strategies(cls, value: list[str]) -> list[str]:
        for chain in value:
            unknown = [step for step in chain.split("+") if step not in KNOWN_STEPS]
            if unknown:
                raise ValueError(f"strategy {chain!r}: unknown step(s) {unknown} (known: {sorted(KNOWN_STEPS)})")
        return value

    @model_validator(mode="after")
    def _concurrency_positive(self) -> StudySpec:
        if any(v < 1 for v in self.concurrency.values()):
            raise ValueError("concurrency values must be ≥ 1")
        return self

    @property
    def needs_finetune(self) -> bool:
        return any("ft" in chain.split("+") for chain in self.strategies)

    @property
    def total_samples(self) -> int:
        return sum(1 for _ in self.cells()) * self.samples

    def has_finetuned(self, model: str) -> bool:
        """A model gets ``ft`` cells when it is a local ``hf/`` model (LoRA trained by modelserve
        before those cells start) or the study names its fine-tuned counterpart."""
        return model.startswith("hf/") or model in self.finetune.models

    def cells(self) -> Iterator[tuple[str, Language, int, str]]:
        """(model, language, scenario, strategy) in a stable order; ``ft`` chains only for models
        that have a fine-tuned counterpart (see :meth:`has_finetuned`)."""
        for model in self.models:
            for language in self.languages:
                for scenario in self.scenarios:
                    for strategy in self.strategies:
                        if "ft" in strategy.split("+") and not self.has_finetuned(model):
                            continue
                        yield model, language, scenario, strategy

    def items(self) -> Iterator[WorkItemSpec]:
        for model, language, scenario, strategy in self.cells():
            for index in range(self.samples):
                yield WorkItemSpec(
                    id=sample_id(self.name, language.value, model, scenario, strategy, index),
                    study=self.name,
                    language=language.value,
                    model=model,
                    scenario=scenario,
                    strategy=strategy,
                    index=index,
                    # one seed per sample, derived from the study seed: reproducible and distinct
                    seed=self.seed * 1_000_003 + index,
                    temperature=self.temperature,
                    max_new_tokens=self.max_new_tokens,
                    engines=list(self.engines),
                    options=dict(self.options)
                    | {SCAN_PROFILE_OPTION: self.scanner.profile.value}
                    | self._ft_option(model, strategy),
                )

    def _ft_option(self, model: str, strategy: str) -> dict[str, str]:
        if "ft" not in strategy.split("+"):
            return {}
        return {"ft_model": self.finetune.models.get(model, "")}


class WorkItemSpec(BaseModel):
    """The Python view of ``hardgen.v1.WorkItem`` (see :meth:`to_proto`)."""

    id: str
    study: str
    language: str
    model: str
    scenario: int
    strategy: str
    index: int
    seed: int
    temperature: float
    max_new_tokens: int
    engines: list[str] = Field(default_factory=list)
    options: dict[str, str] = Field(default_factory=dict)

    def to_proto(self) -> object:
        from hardgen.v1 import events_pb2

        return events_pb2.WorkItem(**self.model_dump())

    @property
    def cell(self) -> tuple[str, str, int, str]:
        return (self.model, self.language, self.scenario, self.strategy)


def load_study(path: str | Path) -> StudySpec:
    """Read and validate a study file; :class:`StudyError` with a one-line message otherwise."""
    file = Path(path)
    try:
        raw = yaml.safe_load(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StudyError(f"study file not found: {file}") from None
    except (OSError, yaml.YAMLError) as exc:
        raise StudyError(f"{file}: cannot read YAML: {str(exc).splitlines()[0]}") from exc
    if not isinstance(raw, dict):
        raise StudyError(f"{file}: a study is a YAML mapping")
    try:
        return StudySpec.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "study"
        raise StudyError(f"{file}: {where}: {first['msg']}") from None
