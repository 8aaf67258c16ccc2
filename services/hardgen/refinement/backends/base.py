"""What every model backend shares: call parameters, per-call statistics, retries and a concurrency cap.

A backend subclass implements only :meth:`Backend._call` (one HTTP request or one local generation)
and classifies its failures as retryable or not; :meth:`Backend.complete` adds the rest, so that
latency, attempts and the retry policy mean the same thing for every provider in the study.
"""

from __future__ import annotations

import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_random_exponential

from hardgen.core.logging import get_logger
from hardgen.refinement.errors import BackendCallError, RequestError
from hardgen.refinement.settings import ProviderSettings

if TYPE_CHECKING:
    from hardgen.core.clients.modelserve import ModelServePort

log = get_logger(__name__)

DEFAULT_MAX_ATTEMPTS = 4


@dataclass(frozen=True, slots=True)
class GenerationParams:
    """Sampling parameters of one call; recorded with every sample so runs can be repeated."""

    max_new_tokens: int = 512
    temperature: float = 0.2
    top_p: float = 0.95
    seed: int = 0
    stop: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CallContext:
    """Where a call sits in a study; only the ``replay`` and ``mock`` backends look at it."""

    language: str = ""
    scenario: int = 0
    strategy: str = ""
    index: int = 0
    step: str = ""
    occurrence: int = 0  # how many earlier calls of the same sample had the same step name
    scenario_ref: Any = None  # hardgen.core.scenarios.Scenario when the task is a scenario


@dataclass(slots=True)
class CallStats:
    """Cost and provenance of one model call (the proto ``CallStats`` in Python)."""

    latency_ms: float = 0.0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    peak_memory_bytes: int = 0
    model: str = ""
    backend: str = ""
    backend_version: str = ""
    seed: int = 0
    temperature: float = 0.0
    attempts: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @staticmethod
    def total(calls: list[CallStats]) -> CallStats:
        """Sum of a sample's calls (latency, tokens, attempts); peak memory is the maximum."""
        if not calls:
            return CallStats()
        last = calls[-1]
        return CallStats(
            latency_ms=sum(c.latency_ms for c in calls),
            prompt_tokens=sum(c.prompt_tokens for c in calls),
            completion_tokens=sum(c.completion_tokens for c in calls),
            peak_memory_bytes=max(c.peak_memory_bytes for c in calls),
            model=last.model,
            backend=last.backend,
            backend_version=last.backend_version,
            seed=last.seed,
            temperature=last.temperature,
            attempts=sum(c.attempts for c in calls),
        )


@dataclass(slots=True)
class RawCompletion:
    """What :meth:`Backend._call` returns; token counts are 0 when the provider does not say."""

    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    peak_memory_bytes: int = 0
    finish_reason: str = ""
    model: str = ""
    #: set when the server says what generated (modelserve); otherwise :meth:`Backend.version`
    backend_version: str = ""


@dataclass(slots=True)
class Completion:
    text: str
    stats: CallStats = field(default_factory=CallStats)
    finish_reason: str = ""


_SEMAPHORES: dict[str, threading.BoundedSemaphore] = {}
_SEMAPHORES_LOCK = threading.Lock()


def _semaphore(key: str, limit: int) -> threading.BoundedSemaphore:
    with _SEMAPHORES_LOCK:
        sem = _SEMAPHORES.get(key)
        if sem is None:
            sem = _SEMAPHORES[key] = threading.BoundedSemaphore(max(1, limit))
        return sem


def retry_base_seconds() -> float:
    """First backoff step (``HARDGEN_RETRY_BASE_SECONDS``, default 1 s; tests use a few ms)."""
    return ProviderSettings().retry_base_seconds


def _is_retryable(exc: BaseException) -> bool:
    return isinstance(exc, BackendCallError) and exc.retryable


class Backend(ABC):
    """A model addressed as ``provider/model``; subclasses set :attr:`provider` and implement ``_call``."""

    provider: ClassVar[str] = ""
    default_concurrency: ClassVar[int] = 8
    #: option names this backend understands (others are rejected so typos do not pass silently)
    known_options: ClassVar[frozenset[str]] = frozenset()
    common_options: ClassVar[frozenset[str]] = frozenset({"concurrency", "max_attempts", "timeout"})

    def __init__(
        self, model: str, options: Mapping[str, str] | None = None, settings: ProviderSettings | None = None
    ) -> None:
        self.model = model
        self.options: dict[str, str] = dict(options or {})
        #: endpoints, retry step and secrets; read when the backend is built (the service keeps one per model)
        self.settings = settings or ProviderSettings()
        self.max_attempts = int(self.options.get("max_attempts", DEFAULT_MAX_ATTEMPTS))
        self.timeout = float(self.options.get("timeout", "120"))
        env_limit = self.settings.concurrency(self.provider)
        self.concurrency = int(self.options.get("concurrency", env_limit or self.default_concurrency))

    @classmethod
    def check_options(cls, options: Mapping[str, str]) -> None:
        unknown = sorted(set(options) - cls.known_options - cls.common_options)
        if unknown:
            allowed = ", ".join(sorted(cls.known_options | cls.common_options))
            raise RequestError(f"{cls.provider} backend: unknown option(s) {', '.join(unknown)} (allowed: {allowed})")

    @property
    def name(self) -> str:
        return f"{self.provider}/{self.model}"

    def version(self) -> str:
        """Client library (or model) version recorded in every CallStats."""
        return ""

    def prepare(self) -> None:
        """Check configuration (keys, paths) before any call; raises a one-line ConfigError."""
        return None

    def bind_models(self, models: ModelServePort) -> None:
        """Use ``models`` to reach served models (the CLI's in-process model server); only ``hf/``,
        whose models modelserve serves, uses it: a hosted provider has its own endpoint."""
        return None

    def with_adapter(self, adapter: str) -> Backend:
        """The same backend serving a fine-tuned variant (``ft``); providers without adapters refuse."""
        raise RequestError(f"{self.provider} backend has no adapters: name a fine-tuned model instead")

    def with_model(self, model: str) -> Backend:
        """The same provider and options with another model id (a provider fine-tune id for ``ft``)."""
        return type(self)(model, self.options, settings=self.settings)

    @abstractmethod
    def _call(self, prompt: str, params: GenerationParams, context: CallContext) -> RawCompletion:
        """One request; raise :class:`BackendCallError` (``retryable`` for 429/5xx/connection errors)."""

    def complete(self, prompt: str, params: GenerationParams, context: CallContext | None = None) -> Completion:
        """Call the model under the concurrency cap, retrying with exponential backoff and jitter."""
        context = context or CallContext()
        base = self.settings.retry_base_seconds
        retrying = Retrying(
            stop=stop_after_attempt(max(1, self.max_attempts)),
            wait=wait_random_exponential(multiplier=base, max=max(base * 30, 0.05)),
            retry=retry_if_exception(_is_retryable),
            reraise=True,
        )
        attempts = 0
        started = time.perf_counter()
        raw: RawCompletion | None = None
        with _semaphore(self.name, self.concurrency):
            try:
                for attempt in retrying:
                    with attempt:
                        attempts = attempt.retry_state.attempt_number
                        if attempts > 1:
                            log.info("model_call_retry", backend=self.name, attempt=attempts, step=context.step)
                        raw = self._call(prompt, params, context)
            except BackendCallError as exc:
                suffix = f" (after {attempts} attempts)" if attempts > 1 else ""
                raise BackendCallError(
                    f"{self.name}: {exc}{suffix}", retryable=exc.retryable, status=exc.status
                ) from None
        assert raw is not None
        latency = (time.perf_counter() - started) * 1000.0
        stats = CallStats(
            latency_ms=round(latency, 3),
            prompt_tokens=raw.prompt_tokens,
            completion_tokens=raw.completion_tokens,
            peak_memory_bytes=raw.peak_memory_bytes,
            model=raw.model or self.model,
            backend=self.provider,
            backend_version=raw.backend_version or self.version(),
            seed=params.seed,
            temperature=params.temperature,
            attempts=attempts,
        )
        log.info(
            "model_call",
            backend=self.name,
            step=context.step,
            latency_ms=stats.latency_ms,
            prompt_tokens=stats.prompt_tokens,
            completion_tokens=stats.completion_tokens,
            attempts=attempts,
        )
        return Completion(text=raw.text, stats=stats, finish_reason=raw.finish_reason)


def http_failure(endpoint: str, status: int | None, detail: str = "") -> BackendCallError:
    """Map an HTTP status to a one-line error; 408/409/429 and 5xx are worth retrying."""
    retryable = status is None or status in (408, 409, 429) or status >= 500
    what = f"{endpoint} returned HTTP {status}" if status is not None else f"cannot reach {endpoint}"
    detail = " ".join(detail.split())[:200]
    return BackendCallError(f"{what}: {detail}" if detail else what, retryable=retryable, status=status)


def require_env(variable: str, settings: ProviderSettings | None = None) -> str:
    """The value of an API-key variable, or a :class:`MissingKeyError` naming it."""
    from hardgen.refinement.errors import MissingKeyError

    value = (settings or ProviderSettings()).secret(variable)
    if not value:
        raise MissingKeyError(variable)
    return value
