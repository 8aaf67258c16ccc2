"""Hosted fine-tunes: OpenAI (files + fine_tuning jobs) and Gemini (google-genai tuning jobs).

The dataset is the same scanned one a LoRA run uses (:func:`hardgen.modelserve.dataset.build_dataset`),
sent in each provider's format; the job is polled to the end and the tuned model id recorded in the
adapter registry (provider ``openai``/``gemini``, ``remote_model_id``), so the refinement service's
``ft`` strategy can address it as ``openai/<id>`` or ``gemini/<id>``.
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from hardgen.core.logging import get_logger
from hardgen.modelserve.dataset import Dataset
from hardgen.modelserve.registry import AdapterRecord, AdapterRegistry

log = get_logger(__name__)

TERMINAL_OPENAI = {"succeeded", "failed", "cancelled"}
TERMINAL_GEMINI = {"JOB_STATE_SUCCEEDED", "JOB_STATE_FAILED", "JOB_STATE_CANCELLED", "JOB_STATE_EXPIRED"}


class HostedFineTuneError(RuntimeError):
    """The provider refused or failed the job (message carries the provider's reason)."""


@dataclass
class HostedConfig:
    provider: str  # openai | gemini
    model: str
    epochs: int | None = None
    steps: int | None = None  # the study's step budget, recorded (the APIs count epochs themselves)
    seed: int = 42
    suffix: str = "hardgen"
    method: str = "supervised"  # supervised | reinforcement (o4-mini)
    hyperparameters: dict[str, Any] = field(default_factory=dict)
    grader: dict[str, Any] | None = None  # reinforcement fine-tunes need one
    training_uri: str | None = None  # Vertex AI reads its dataset from Cloud Storage (gs://...)
    name: str | None = None
    poll_interval: float = 15.0
    timeout: float = 24 * 3600.0


def chat_jsonl(dataset: Dataset) -> bytes:
    """OpenAI's chat fine-tuning format: one ``{"messages": [user, assistant]}`` per line."""
    lines = [
        json.dumps({"messages": [{"role": "user", "content": ex.prompt},
                                 {"role": "assistant", "content": ex.completion.strip()}]})
        for ex in dataset.examples
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def gemini_jsonl(dataset: Dataset) -> bytes:
    """Vertex AI's supervised tuning format: ``{"contents": [user turn, model turn]}`` per line."""
    lines = [
        json.dumps({"contents": [{"role": "user", "parts": [{"text": ex.prompt}]},
                                 {"role": "model", "parts": [{"text": ex.completion.strip()}]}]})
        for ex in dataset.examples
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _record(cfg: HostedConfig, dataset: Dataset, job_id: str, remote: str, status: str,
            metrics: dict[str, Any]) -> AdapterRecord:
    return AdapterRecord(
        id=cfg.name or f"{cfg.provider}-{job_id.rsplit('/', 1)[-1]}",
        provider=cfg.provider,
        base_model=cfg.model,
        language=dataset.language,
        remote_model_id=remote,
        status=status,
        dataset_hash=dataset.hash,
        examples=len(dataset.examples),
        dropped_examples=len(dataset.dropped),
        config={"epochs": cfg.epochs, "steps": cfg.steps, "seed": cfg.seed, "method": cfg.method,
                **cfg.hyperparameters},
        metrics={"job_id": job_id, "scanner": dataset.scanner, **metrics},
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )


OnStatus = Callable[[str], None]


def _poll(
    get: Callable[[], Any],
    state: Callable[[Any], str],
    terminal: set[str],
    cfg: HostedConfig,
    on_status: OnStatus | None,
) -> Any:
    deadline = time.monotonic() + cfg.timeout
    last = ""
    while True:
        job = get()
        status = state(job)
        if status != last:
            log.info("hosted fine-tune status", provider=cfg.provider, status=status)
            if on_status is not None:
                on_status(status)
            last = status
        if status in terminal:
            return job
        if time.monotonic() > deadline:
            raise HostedFineTuneError(f"{cfg.provider} fine-tune still {status} after {cfg.timeout:.0f}s")
        time.sleep(cfg.poll_interval)


@dataclass(frozen=True)
class _Job:
    """What the caller hands a provider's job: its API client (None: the provider's default) and
    who hears each status change."""

    client: Any
    on_status: OnStatus | None


class HostedFineTune(Protocol):
    def __call__(
        self,
        dataset: Dataset,
        cfg: HostedConfig,
        *,
        client: Any = None,
        registry: AdapterRegistry | None = None,
        on_status: OnStatus | None = None,
    ) -> AdapterRecord: ...


def _hosted(job: Callable[[Dataset, HostedConfig, _Job], tuple[AdapterRecord, str]]) -> HostedFineTune:
    """A provider's job (its record, and why it failed or "") as the public fine-tune: the record is
    registered whatever the outcome, so a failed job is on file too, then a failure is raised."""

    def finetune(
        dataset: Dataset,
        cfg: HostedConfig,
        *,
        client: Any = None,
        registry: AdapterRegistry | None = None,
        on_status: OnStatus | None = None,
    ) -> AdapterRecord:
        record, failure = job(dataset, cfg, _Job(client, on_status))
        (registry or AdapterRegistry()).register(record)
        if failure:
            raise HostedFineTuneError(failure)
        return record

    finetune.__doc__, finetune.__name__ = job.__doc__, job.__name__
    return finetune


@_hosted
def openai_finetune(dataset: Dataset, cfg: HostedConfig, run: _Job) -> tuple[AdapterRecord, str]:
    """Upload the chat JSONL, create the job (supervised, or reinforcement with a grader), poll, register."""
    import openai

    client: Any = run.client or openai.OpenAI()
    hyper: dict[str, Any] = dict(cfg.hyperparameters)
    if cfg.epochs is not None:
        hyper["n_epochs"] = cfg.epochs
    if cfg.method == "reinforcement":
        if not cfg.grader:
            raise HostedFineTuneError("a reinforcement fine-tune (o4-mini) needs a grader (--grader grader.json)")
        method: dict[str, Any] = {"type": "reinforcement",
                                  "reinforcement": {"grader": cfg.grader, "hyperparameters": hyper}}
    else:
        method = {"type": "supervised", "supervised": {"hyperparameters": hyper}}
    try:
        upload = client.files.create(file=("hardgen-finetune.jsonl", io.BytesIO(chat_jsonl(dataset))),
                                     purpose="fine-tune")
        job = client.fine_tuning.jobs.create(model=cfg.model, training_file=upload.id, seed=cfg.seed,
                                             suffix=cfg.suffix, method=method)
        job = _poll(lambda: client.fine_tuning.jobs.retrieve(job.id), lambda j: str(j.status), TERMINAL_OPENAI,
                    cfg, run.on_status)
    except openai.OpenAIError as exc:
        raise HostedFineTuneError(f"openai fine-tune failed: {exc}") from exc
    status = str(job.status)
    error = getattr(job, "error", None)
    outcome = "succeeded" if status == "succeeded" else "failed"
    record = _record(cfg, dataset, job.id, job.fine_tuned_model or "", outcome,
                     {"training_file": upload.id, "trained_tokens": getattr(job, "trained_tokens", None),
                      "error": getattr(error, "message", None) if error else None})
    reason = record.metrics["error"] or "no reason given"
    return record, "" if status == "succeeded" else f"openai fine-tune {job.id} ended {status}: {reason}"


@_hosted
def gemini_finetune(dataset: Dataset, cfg: HostedConfig, run: _Job) -> tuple[AdapterRecord, str]:
    """Create a Vertex AI tuning job through google-genai, poll it, register the tuned model.

    Vertex AI reads training data from Cloud Storage: the dataset is always written to
    ``models_dir()/hosted/<name>/train.jsonl`` in Vertex's format; ``cfg.training_uri`` names where
    it was uploaded (``gs://...``). Without one the run stops and says what to upload where.
    """
    from google import genai
    from google.genai import errors, types

    from hardgen.core.settings import models_dir

    local = models_dir() / "hosted" / (cfg.name or f"gemini-{dataset.hash[:10]}") / "train.jsonl"
    local.parent.mkdir(parents=True, exist_ok=True)
    local.write_bytes(gemini_jsonl(dataset))
    if not cfg.training_uri:
        raise HostedFineTuneError(
            f"Vertex AI tuning reads its data from Cloud Storage: upload {local} "
            "(gcloud storage cp FILE gs://BUCKET/) and pass --training-uri gs://BUCKET/train.jsonl"
        )
    client: Any = run.client or genai.Client()
    config = types.CreateTuningJobConfig(
        epoch_count=cfg.epochs,
        tuned_model_display_name=cfg.name or f"{cfg.suffix}-{dataset.language or 'all'}",
        **{k: v for k, v in cfg.hyperparameters.items() if k in {"learning_rate_multiplier", "adapter_size",
                                                                  "batch_size", "learning_rate"}},
    )
    try:
        job = client.tunings.tune(base_model=cfg.model,
                                  training_dataset=types.TuningDataset(gcs_uri=cfg.training_uri), config=config)
        job = _poll(lambda: client.tunings.get(name=job.name), lambda j: str(getattr(j.state, "value", j.state)),
                    TERMINAL_GEMINI, cfg, run.on_status)
    except errors.APIError as exc:
        raise HostedFineTuneError(f"gemini tuning failed: {exc}") from exc
    state = str(getattr(job.state, "value", job.state))
    tuned = job.tuned_model.model if job.tuned_model is not None and job.tuned_model.model else ""
    outcome = "succeeded" if state == "JOB_STATE_SUCCEEDED" else "failed"
    record = _record(cfg, dataset, str(job.name), tuned, outcome,
                     {"state": state, "training_uri": cfg.training_uri,
                      "error": str(job.error) if getattr(job, "error", None) else None})
    reason = record.metrics["error"] or "no reason given"
    return record, "" if state == "JOB_STATE_SUCCEEDED" else f"gemini tuning {job.name} ended {state}: {reason}"


def hosted_config_from_preset(preset_name: str, **overrides: Any) -> HostedConfig:
    """A :class:`HostedConfig` from one of the study's presets (gpt-4.1, o4-mini, gemini-2.0-flash)."""
    from hardgen.modelserve.finetune import PRESETS

    preset = PRESETS.get(preset_name)
    if preset is None or preset.provider == "local":
        hosted = ", ".join(name for name, p in PRESETS.items() if p.provider != "local")
        raise HostedFineTuneError(f"no hosted preset {preset_name!r} (choose from {hosted})")
    hyper = {k: v for k, v in preset.extra.items() if k in {"eval_interval", "reasoning_effort"}}
    cfg = HostedConfig(provider=preset.provider, model=preset.model, epochs=preset.epochs, steps=preset.steps,
                       seed=preset.seed, method=str(preset.extra.get("method", "supervised")), hyperparameters=hyper)
    for key, value in overrides.items():
        if value is not None:
            setattr(cfg, key, value)
    return cfg
