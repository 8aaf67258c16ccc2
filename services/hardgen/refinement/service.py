"""The refinement service in-process: one request → n samples through a strategy chain.

The CLI uses it directly, the gRPC server wraps it, and study workers call it per work item, so
every path produces the same :class:`Sample` records (exact prompts, replies, extracted code,
parse flag, per-call statistics, template versions, notes).
"""

from __future__ import annotations

import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from hardgen.core.clients.modelserve import ModelServePort
from hardgen.core.clients.scanner import ScannerUnavailableError
from hardgen.core.events import sample_id
from hardgen.core.fixes import FileFix
from hardgen.core.languages import parse_language
from hardgen.core.logging import get_logger
from hardgen.core.scenarios import ScenarioError, get_scenario
from hardgen.refinement.backends import Backend, CallStats, GenerationParams, get_backend
from hardgen.refinement.errors import ConfigError, RefinementError, RequestError
from hardgen.refinement.fixing import Fixer, FixInput, FixSpec, check_spec, fix_chain, require_scanner
from hardgen.refinement.scanning import FindingsScanner
from hardgen.refinement.settings import ProviderSettings
from hardgen.refinement.strategies import Chain, all_steps, parse_chain
from hardgen.refinement.strategies.base import PromptRecord, SampleState, Task

log = get_logger(__name__)

MAX_N = 100
#: options read by strategies (and the sample id); the rest go to the backend
STRATEGY_OPTIONS = frozenset({"nep_source", "repair_rounds", "ft_model", "mp_refresh", "study", "top_p"})


@dataclass(slots=True)
class GenerateSpec:
    """One generation request (the gRPC ``GenerateRequest`` in Python)."""

    language: str
    model: str
    strategy: str = "raw"
    scenario: int = 0
    prompt: str = ""
    n: int = 1
    seed: int = 0
    temperature: float = 0.2
    max_new_tokens: int = 512
    scan: bool = False
    options: dict[str, str] = field(default_factory=dict)
    #: Scan profile of the repair feedback and ``scan`` (a study's ``scanner.profile``); "" = the scanner's default.
    profile: str = ""


@dataclass(slots=True)
class Sample:
    """One generated sample; :meth:`to_dict` is also the ``replay`` manifest's line format."""

    id: str
    index: int
    language: str
    scenario: int
    model: str
    strategy: str
    seed: int
    code: str = ""
    raw_response: str = ""
    extracted: str = ""
    extraction: str = ""
    merged: bool = False
    parses: bool = False
    prompts: list[PromptRecord] = field(default_factory=list)
    stats: CallStats = field(default_factory=CallStats)
    findings: list[dict[str, Any]] = field(default_factory=list)
    scanned: bool = False
    error: str = ""
    template_versions: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "index": self.index,
            "language": self.language,
            "scenario": self.scenario,
            "model": self.model,
            "strategy": self.strategy,
            "seed": self.seed,
            "code": self.code,
            "raw_response": self.raw_response,
            "extracted": self.extracted,
            "extraction": self.extraction,
            "merged": self.merged,
            "parses": self.parses,
            "prompts": [p.to_dict() for p in self.prompts],
            "stats": self.stats.to_dict(),
            "findings": self.findings,
            "scanned": self.scanned,
            "error": self.error,
            "template_versions": self.template_versions,
            "notes": self.notes,
        }


@dataclass(frozen=True, slots=True)
class StrategyInfo:
    name: str
    description: str
    from_study: bool
    kind: str
    templates: tuple[str, ...]
    options: dict[str, str]


def build_task(spec: GenerateSpec) -> Task:
    """The scenario (or free-form prompt) a request names; RequestError when it does not exist."""
    try:
        language = parse_language(spec.language)
    except ValueError as exc:
        raise RequestError(str(exc)) from None
    if spec.scenario and spec.prompt:
        raise RequestError("give either a scenario number or a prompt, not both")
    if spec.scenario:
        try:
            scenario = get_scenario(spec.scenario, language)
        except ScenarioError as exc:
            raise RequestError(str(exc)) from None
        return Task(language=language, task=scenario.task, scenario=scenario)
    if not spec.prompt.strip():
        raise RequestError("give a scenario number or a prompt")
    return Task(language=language, task=spec.prompt.strip())


def split_options(options: dict[str, str], chain: Chain) -> tuple[dict[str, str], dict[str, str]]:
    """(strategy options, backend options); ``adapter`` belongs to ``ft`` when the chain has it."""
    strategy_keys = set(STRATEGY_OPTIONS) | ({"adapter"} if "ft" in chain.names else set())
    strategy = {k: v for k, v in options.items() if k in strategy_keys}
    backend = {k: v for k, v in options.items() if k not in strategy_keys}
    return strategy, backend


class RefinementService:
    """Runs strategy chains against model backends; ``scanner`` is needed for scans and repairs.

    ``models``: the model server ``hf/`` models go through when it is not the modelserve service's
    gRPC client (the CLI's local mode passes the model server in its own process)."""

    def __init__(
        self,
        scanner: FindingsScanner | None = None,
        models: ModelServePort | None = None,
        settings: ProviderSettings | None = None,
    ) -> None:
        self.scanner = scanner
        self.models = models
        #: provider endpoints and retry step, read once by ``python -m hardgen.refinement`` and shared by
        #: every backend; None (library use, tests): each backend reads them when it is first built
        self.settings = settings
        self._backends: dict[tuple[str, tuple[tuple[str, str], ...]], Backend] = {}
        self._backends_lock = threading.Lock()

    def _backend(self, model: str, options: dict[str, str]) -> Backend:
        """One backend object per (model, options), so HTTP clients and their connections are reused."""
        key = (model, tuple(sorted(options.items())))
        with self._backends_lock:
            backend = self._backends.get(key)
            if backend is None:
                if len(self._backends) > 256:
                    self._backends.clear()
                backend = self._backends[key] = get_backend(model, options, self.models, self.settings)
            return backend

    def strategies(self) -> list[StrategyInfo]:
        return [
            StrategyInfo(s.name, s.description, s.from_study, s.kind, s.templates, dict(s.options)) for s in all_steps()
        ]

    def _prepare(self, spec: GenerateSpec) -> tuple[Task, Chain, Backend, dict[str, str]]:
        if not 1 <= spec.n <= MAX_N:
            raise RequestError(f"n must be between 1 and {MAX_N}")
        if not 0.0 <= spec.temperature <= 2.0:
            raise RequestError("temperature must be between 0 and 2")
        if not 1 <= spec.max_new_tokens <= 32768:
            raise RequestError("max_new_tokens must be between 1 and 32768")
        task = build_task(spec)
        chain = parse_chain(spec.strategy)
        strategy_options, backend_options = split_options(dict(spec.options), chain)
        backend = self._backend(spec.model, backend_options)
        return task, chain, backend, strategy_options

    def _require_scanner(self, why: str) -> None:
        if self.scanner is None:
            raise ScannerUnavailableError(f"{why} needs the scanner service, and none is configured")
        if not self.scanner.healthy():
            raise ScannerUnavailableError(f"{why} needs the scanner service at {self.scanner.address}: unreachable")

    def generate(self, spec: GenerateSpec) -> list[Sample]:
        """n samples; configuration errors raise, a failed model call is recorded in its sample."""
        task, chain, backend, strategy_options = self._prepare(spec)
        if spec.scan:
            self._require_scanner("scan")
        for step in chain.steps:
            if step.needs_scanner:
                self._require_scanner(step.name)
        backend.prepare()  # a missing key or model fails the request once, before any sample
        workers = max(1, min(spec.n, backend.concurrency, 8))
        if workers == 1:
            return [self._one(spec, task, chain, backend, strategy_options, i) for i in range(spec.n)]
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sample") as pool:
            futures = [pool.submit(self._one, spec, task, chain, backend, strategy_options, i) for i in range(spec.n)]
            return [f.result() for f in futures]

    def fix(self, files: list[FixInput], spec: FixSpec) -> list[FileFix]:
        """Verified fixes for ``files`` (see :mod:`hardgen.refinement.fixing`); one outcome per file.

        A wrong request, a model that cannot be served or an unreachable scanner fail the whole
        request; a model call that fails leaves only its file untouched (outcome ``skipped``).
        """
        check_spec(spec, files)
        chain = fix_chain(spec.strategy)
        strategy_options, backend_options = split_options(dict(spec.options), chain)
        backend = self._backend(spec.model, backend_options)
        self._require_scanner("fix")
        scanner = require_scanner(self.scanner)
        profile = "" if spec.profile == "default" else spec.profile  # empty: the scanner's default
        if spec.engines or profile:
            scanner = scanner.with_options(spec.engines, profile)
        backend.prepare()
        spec = replace(spec, options=strategy_options)
        return Fixer(scanner, backend, chain, spec).fix_all(files)

    def prompts(self, spec: GenerateSpec) -> list[PromptRecord]:
        """The prompts a chain would send, without calling a model (``hardgen prompt``).

        Steps whose prompt depends on an earlier reply show a placeholder for that reply; ``nep``
        uses the labelled insecure reference; ``sast-repair`` prompts appear only with findings.
        """
        task, chain, backend, strategy_options = self._prepare(spec)
        state = self._state(spec, task, chain, backend, strategy_options, 0, dry_run=True)
        chain.run(state)
        return state.prompts

    def _state(
        self,
        spec: GenerateSpec,
        task: Task,
        chain: Chain,
        backend: Backend,
        options: dict[str, str],
        index: int,
        dry_run: bool = False,
    ) -> SampleState:
        params = GenerationParams(
            max_new_tokens=spec.max_new_tokens,
            temperature=spec.temperature,
            top_p=float(options.get("top_p", 0.95)),
            seed=spec.seed + index,
        )
        return SampleState(
            task=task,
            backend=backend,
            params=params,
            strategy=chain.name,
            index=index,
            options=options,
            scanner=self.scanner.with_options([], spec.profile)
            if self.scanner is not None and spec.profile not in ("", "default")
            else self.scanner,
            dry_run=dry_run,
        )

    def _one(
        self, spec: GenerateSpec, task: Task, chain: Chain, backend: Backend, options: dict[str, str], index: int
    ) -> Sample:
        state = self._state(spec, task, chain, backend, options, index)
        study = options.get("study", "")
        if task.scenario is None:  # free-form tasks: the prompt text is part of the identity
            study += "\x1fprompt:" + hashlib.sha256(task.task.encode("utf-8")).hexdigest()[:16]
        sample = Sample(
            id=sample_id(study, task.language.value, spec.model, task.number, chain.name, index),
            index=index,
            language=task.language.value,
            scenario=task.number,
            model=spec.model,
            strategy=chain.name,
            seed=spec.seed + index,
        )
        try:
            chain.run(state)
            if spec.scan and state.result is not None:
                sample.findings = state.scan()
                sample.scanned = True
        except (RequestError, ConfigError):
            raise
        except (RefinementError, ScannerUnavailableError) as exc:
            sample.error = str(exc)
            log.warning("sample_failed", model=spec.model, strategy=chain.name, index=index, error=sample.error)
        self._fill(sample, state, chain)
        return sample

    @staticmethod
    def _fill(sample: Sample, state: SampleState, chain: Chain) -> None:
        result = state.result
        if result is not None:
            sample.code = result.code
            sample.extracted = result.snippet
            sample.extraction = result.method
            sample.merged = result.merged
            sample.parses = result.parses
        scanning_chain = any(step.needs_scanner for step in chain.steps)
        if state.findings is not None and not sample.scanned and scanning_chain:
            sample.findings, sample.scanned = state.findings, True
        sample.raw_response = state.raw_response
        sample.prompts = state.prompts
        sample.stats = CallStats.total(state.calls)
        if not state.calls:
            sample.stats.model = state.backend.model
            sample.stats.backend = state.backend.provider
        sample.template_versions = dict(state.template_versions)
        sample.notes = dict(state.notes)
