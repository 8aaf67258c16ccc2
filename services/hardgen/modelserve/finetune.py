"""LoRA fine-tuning of a local causal LM on the scanned secure references, with checkpoints and a registry.

A run is identified by its base model, dataset and settings (the adapter id is derived from them
unless named), so running the same command again after an interruption resumes from the last
checkpoint under ``models_dir()/adapters/<id>/checkpoint`` instead of starting over. The finished
adapter (``save_pretrained``), its config, dataset hash, base model and metrics are written next to
it and recorded in the adapter registry.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hardgen.core.languages import Language, parse_language
from hardgen.core.logging import get_logger
from hardgen.modelserve.dataset import Dataset, build_dataset
from hardgen.modelserve.localmodel import (
    ADAPTER_MANIFEST,
    adapters_dir,
    model_fingerprint,
    quiet_transformers,
    resolve_device,
    resolve_model_path,
)
from hardgen.modelserve.registry import AdapterRecord, AdapterRegistry
from hardgen.modelserve.scan import NamedScanner, NoScannerError, default_scanner
from hardgen.modelserve.training import (
    TrainConfig,
    encode_examples,
    make_optimizer,
    mean_loss,
    train,
)

log = get_logger(__name__)

CHECKPOINT = "checkpoint"


class FineTuneError(RuntimeError):
    """A fine-tune that cannot run or finish (message says why and what to do)."""


class FineTuneInterrupted(FineTuneError):
    """The run stopped early; its last checkpoint remains and the same command resumes it."""


@dataclass
class FineTuneConfig:
    """Settings of one LoRA run (defaults: small CPU-friendly run, seed 42 as in the study)."""

    base_model: str = "demo"
    language: str = ""  # '' = all languages
    steps: int | None = None
    epochs: int | None = None  # used when steps is None (default 3)
    learning_rate: float = 2e-3
    batch_size: int = 4
    lora_r: int = 8
    lora_alpha: int = 16
    lora_dropout: float = 0.05
    target_modules: list[str] | None = None  # None = peft's default for the architecture
    seed: int = 42
    max_length: int = 1024
    device: str = "auto"
    load_in_4bit: bool = False
    name: str | None = None
    extra_dataset: str | None = None
    corpus: bool = True
    checkpoint_every: int = 10
    warmup_steps: int = 5
    eval_limit: int = 64  # examples in the before/after loss (an even spread of the training set)

    @classmethod
    def from_request(cls, request: Any, default_model: str, device: str) -> FineTuneConfig:
        """The configuration a ``FineTuneRequest`` asks for (gRPC ``FineTune`` and the study's
        fine-tune work item alike); proto3's zero values mean "the default"."""
        defaults = cls()
        return cls(
            base_model=request.base_model or default_model,
            language=request.language,
            steps=request.steps or None,
            epochs=request.epochs or None,
            learning_rate=request.learning_rate or defaults.learning_rate,
            lora_r=request.lora_r or defaults.lora_r,
            lora_alpha=request.lora_alpha or defaults.lora_alpha,
            lora_dropout=request.lora_dropout or defaults.lora_dropout,
            target_modules=list(request.target_modules) or None,
            seed=request.seed or defaults.seed,
            name=request.name or None,
            extra_dataset=request.extra_dataset_jsonl or None,
            device=device,
        )

    def settings(self) -> dict[str, Any]:
        """The settings that define the run (the adapter id hashes these and the dataset)."""
        data = asdict(self)
        for key in ("device", "name", "checkpoint_every", "eval_limit"):
            data.pop(key)
        return data


@dataclass(frozen=True)
class Preset:
    """Fine-tuning parameters the study used, by model (``provider`` says where the run happens)."""

    name: str
    provider: str  # local | openai | gemini
    model: str
    epochs: int | None = None
    steps: int | None = None
    seed: int = 42
    extra: dict[str, Any] = field(default_factory=dict)


PRESETS: dict[str, Preset] = {
    "gpt-4.1": Preset("gpt-4.1", "openai", "gpt-4.1-2025-04-14", epochs=5, seed=42),
    "gemini-2.0-flash": Preset("gemini-2.0-flash", "gemini", "gemini-2.0-flash-001", epochs=30),
    "o4-mini": Preset("o4-mini", "openai", "o4-mini-2025-04-16", steps=25,
                      extra={"eval_interval": 6, "reasoning_effort": "medium", "method": "reinforcement"}),
    "deepseek-r1-distill-32b": Preset("deepseek-r1-distill-32b", "local", "deepseek-ai/DeepSeek-R1-Distill-Qwen-32B",
                                      epochs=5, extra={"load_in_4bit": True}),
    "demo": Preset("demo", "local", "demo", epochs=3),
}


def apply_preset(cfg: FineTuneConfig, preset: str) -> FineTuneConfig:
    """Fill epochs/steps/seed from a local preset (explicit steps or epochs win)."""
    found = PRESETS.get(preset)
    if found is None:
        raise FineTuneError(f"unknown preset {preset!r} (choose from {', '.join(PRESETS)})")
    if found.provider != "local":
        raise FineTuneError(
            f"preset {preset!r} is a hosted fine-tune: use `hardgen finetune --provider {found.provider}`"
        )
    return replace(
        cfg,
        epochs=cfg.epochs if cfg.epochs is not None or cfg.steps is not None else found.epochs,
        steps=cfg.steps if cfg.steps is not None else found.steps,
        seed=found.seed,
        load_in_4bit=cfg.load_in_4bit or bool(found.extra.get("load_in_4bit", False)),
    )


def adapter_id_for(cfg: FineTuneConfig, base_fingerprint: str, dataset_hash: str) -> str:
    if cfg.name:
        return cfg.name
    basis = json.dumps([cfg.settings(), base_fingerprint, dataset_hash], sort_keys=True, default=str)
    digest = hashlib.sha256(basis.encode()).hexdigest()[:10]
    base = Path(cfg.base_model).name or "model"
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in base)
    return f"{safe}-{cfg.language or 'all'}-{digest}"


StepHook = Callable[[int, int, float], None]  # (step, total steps, loss)


def _load_base(path: Path, device: str, load_in_4bit: bool) -> tuple[Any, Any]:
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    quiet_transformers()
    tokenizer = AutoTokenizer.from_pretrained(str(path))
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    kwargs: dict[str, Any] = {}
    if load_in_4bit:
        try:
            import bitsandbytes  # noqa: F401
            from transformers import BitsAndBytesConfig
        except ImportError as exc:
            raise FineTuneError("4-bit loading needs bitsandbytes (pip install bitsandbytes) and CUDA") from exc
        if not device.startswith("cuda"):
            raise FineTuneError("4-bit loading needs a CUDA device")
        kwargs["quantization_config"] = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_compute_dtype=torch.bfloat16)
        kwargs["device_map"] = {"": device}
    model: Any = AutoModelForCausalLM.from_pretrained(str(path), **kwargs)
    if not load_in_4bit:
        model = model.to(device)
    else:
        from peft import prepare_model_for_kbit_training

        model = prepare_model_for_kbit_training(model)
    return model, tokenizer


def _lora_model(base: Any, cfg: FineTuneConfig, checkpoint: Path | None) -> Any:
    from peft import LoraConfig, PeftModel, get_peft_model

    if checkpoint is not None:
        return PeftModel.from_pretrained(base, str(checkpoint), is_trainable=True)
    arch = getattr(base.config, "model_type", "")
    lora = LoraConfig(
        r=cfg.lora_r,
        lora_alpha=cfg.lora_alpha,
        lora_dropout=cfg.lora_dropout,
        target_modules=cfg.target_modules,
        fan_in_fan_out=arch == "gpt2",  # GPT-2 stores its projections as Conv1D (transposed)
        task_type="CAUSAL_LM",
    )
    try:
        return get_peft_model(base, lora)
    except ValueError as exc:
        raise FineTuneError(f"LoRA does not fit this model: {exc}") from exc


def _save_checkpoint(ckpt: Path, model: Any, optimizer: Any, step: int, extra: dict[str, Any]) -> None:
    """Write the adapter, optimizer and RNG state to a temp folder, then swap it in (never half-written)."""
    import torch

    tmp = ckpt.with_name(ckpt.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    model.save_pretrained(str(tmp))
    torch.save({"optimizer": optimizer.state_dict(), "rng": torch.get_rng_state()}, tmp / "trainer.pt")
    (tmp / "state.json").write_text(json.dumps({"step": step, **extra}, indent=2), encoding="utf-8")
    shutil.rmtree(ckpt, ignore_errors=True)
    tmp.rename(ckpt)


def run_finetune(
    cfg: FineTuneConfig,
    *,
    scanner: NamedScanner | None | str = "auto",
    registry: AdapterRegistry | None = None,
    on_step: StepHook | None = None,
    should_stop: Callable[[int], bool] | None = None,
    force: bool = False,
) -> AdapterRecord:
    """Build and scan the dataset, train a LoRA adapter (resuming a checkpoint if one exists), register it.

    Idempotent: an adapter already trained with the same settings, data and base is returned as it
    is (``reused=True``) instead of trained again, so re-running a study or ``hardgen finetune`` costs
    nothing; ``force`` retrains it.

    ``scanner``: "auto" finds one (see :mod:`hardgen.modelserve.scan`) and fails if none is found;
    None runs unscanned (recorded in the metrics); or pass a :class:`NamedScanner`.
    """
    import torch

    registry = registry or AdapterRegistry()
    base_path = resolve_model_path(cfg.base_model)
    fingerprint = model_fingerprint(base_path)
    if cfg.language:
        cfg = replace(cfg, language=parse_language(cfg.language).value)
    if scanner == "auto":
        scanner = default_scanner()
        if scanner is None:
            raise NoScannerError(
                "no scanner found to check the training examples: start the scanner service "
                "(HARDGEN_SCANNER_ADDR) or pass --no-scan to train on unscanned examples"
            )
    named_scanner: NamedScanner | None = scanner if isinstance(scanner, NamedScanner) else None
    dataset: Dataset = build_dataset(
        Language(cfg.language) if cfg.language else None,
        extra_jsonl=Path(cfg.extra_dataset) if cfg.extra_dataset else None,
        scanner=named_scanner,
        include_corpus=cfg.corpus,
    )
    adapter_id = adapter_id_for(cfg, fingerprint, dataset.hash)
    out_dir = adapters_dir() / adapter_id
    ckpt = out_dir / CHECKPOINT
    existing = registry.get(adapter_id)
    if existing is not None and existing.status == "succeeded" and (out_dir / "adapter_config.json").is_file():
        same = (existing.config, existing.dataset_hash, existing.base_fingerprint) == (
            cfg.settings(), dataset.hash, fingerprint
        )
        if same and not force:
            log.info("fine-tune reused", adapter=adapter_id)
            return replace(existing, reused=True)
        if not force:
            raise FineTuneError(
                f"adapter {adapter_id!r} exists with other settings or data; pass --force to retrain it "
                "or choose another --name"
            )
        shutil.rmtree(out_dir, ignore_errors=True)  # --force: train from scratch, no stale checkpoint

    device = resolve_device(cfg.device)
    if cfg.seed is not None:
        torch.manual_seed(cfg.seed)
    base, tokenizer = _load_base(base_path, device, cfg.load_in_4bit)
    max_length = min(cfg.max_length, int(getattr(base.config, "n_positions", 0) or cfg.max_length))
    data = encode_examples(tokenizer, dataset.training_examples(), max_length, loss_on_prompt=False)
    if not data:
        raise FineTuneError("no example has completion tokens left within --max-length")
    steps = cfg.steps or max(1, -(-len(data) // cfg.batch_size)) * (cfg.epochs or 3)
    tcfg = TrainConfig(steps=steps, batch_size=cfg.batch_size, learning_rate=cfg.learning_rate, seed=cfg.seed,
                       warmup_steps=min(cfg.warmup_steps, max(0, steps // 5)))

    state: dict[str, Any] = {}
    resume_from = ckpt if (ckpt / "state.json").is_file() else None
    if resume_from is not None:
        state = json.loads((ckpt / "state.json").read_text(encoding="utf-8"))
        if state.get("dataset_hash") != dataset.hash or state.get("steps") != steps:
            log.warning("stale checkpoint ignored", adapter=adapter_id)
            resume_from, state = None, {}
    model = _lora_model(base, cfg, resume_from)
    pad = tokenizer.pad_token_id
    optimizer = make_optimizer(model, tcfg)
    start_step = 0
    if resume_from is not None:
        saved = torch.load(resume_from / "trainer.pt", weights_only=False)
        optimizer.load_state_dict(saved["optimizer"])
        torch.set_rng_state(saved["rng"])
        start_step = int(state["step"])
        initial_loss = float(state["initial_loss"])
        log.info("resuming fine-tune", adapter=adapter_id, step=start_step, steps=steps)
    else:
        initial_loss = mean_loss(model, data, pad, limit=cfg.eval_limit)
    out_dir.mkdir(parents=True, exist_ok=True)
    loss_log = out_dir / "loss.jsonl"
    if start_step == 0:
        loss_log.write_text("", encoding="utf-8")
    extra_state = {"initial_loss": initial_loss, "dataset_hash": dataset.hash, "steps": steps}

    def step_hook(step: int, loss: float, lr: float) -> None:
        with loss_log.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps({"step": step + 1, "loss": round(loss, 5), "lr": lr}) + "\n")
        if on_step is not None:
            on_step(step + 1, steps, loss)

    registry.register(AdapterRecord(
        id=adapter_id, provider="local", base_model=cfg.base_model, base_fingerprint=fingerprint,
        language=cfg.language, path=str(out_dir), status="running", dataset_hash=dataset.hash,
        examples=len(dataset.examples), dropped_examples=len(dataset.dropped), initial_loss=initial_loss,
        config=cfg.settings(), created_at=datetime.now(UTC).isoformat(timespec="seconds"),
    ))
    try:
        losses = train(
            model, data, tcfg, pad_id=pad, optimizer=optimizer, start_step=start_step, on_step=step_hook,
            on_checkpoint=lambda s, opt: _save_checkpoint(ckpt, model, opt, s, extra_state),
            checkpoint_every=cfg.checkpoint_every, should_stop=should_stop,
        )
    except KeyboardInterrupt as exc:
        done = json.loads((ckpt / "state.json").read_text())["step"] if (ckpt / "state.json").is_file() else 0
        raise FineTuneInterrupted(
            f"fine-tune {adapter_id} interrupted; last checkpoint at step {done} of {steps}: "
            "run the same command again to resume"
        ) from exc
    except torch.OutOfMemoryError as exc:
        raise FineTuneError("out of memory: lower --batch-size or --max-length, or use --load-in-4bit") from exc
    final_loss = mean_loss(model, data, pad, limit=cfg.eval_limit)
    model.save_pretrained(str(out_dir))
    record = AdapterRecord(
        id=adapter_id, provider="local", base_model=cfg.base_model, base_fingerprint=fingerprint,
        language=cfg.language, path=str(out_dir), status="succeeded", dataset_hash=dataset.hash,
        examples=len(dataset.examples), dropped_examples=len(dataset.dropped),
        initial_loss=initial_loss, final_loss=final_loss, config=cfg.settings(),
        metrics={"steps": steps, "resumed_from_step": start_step, "last_step_loss": losses[-1] if losses else None,
                 "scanned": named_scanner is not None, "scanner": dataset.scanner,
                 "dropped": [d.source for d in dataset.dropped], "device": device},
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    manifest = record.to_dict() | {"base_model_path": str(base_path), "dataset": dataset.report()}
    (out_dir / ADAPTER_MANIFEST).write_text(json.dumps(manifest, indent=2, default=str) + "\n", encoding="utf-8")
    (out_dir / "dataset.jsonl").write_text(dataset.to_jsonl(), encoding="utf-8")
    shutil.rmtree(ckpt, ignore_errors=True)
    registry.register(record)
    log.info("fine-tune done", adapter=adapter_id, initial_loss=round(initial_loss, 4),
             final_loss=round(final_loss, 4), steps=steps, examples=len(dataset.examples),
             dropped=len(dataset.dropped))
    return record
