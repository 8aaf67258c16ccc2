"""Build small GPT-2 models from scratch: the offline demo model and the seconds-long test model.

The demo model exists so the whole study runs with no GPU and no network. It is trained to
*memorise* the scenario corpus (each raw prompt followed by each of its reference completions,
insecure and secure alike), so its samples are whole, parseable programs of both kinds; results
from it demonstrate the pipeline and say nothing about real LLMs.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hardgen.core.clients.scanner import ScannerPort
from hardgen.core.logging import get_logger
from hardgen.modelserve.localmodel import quiet_transformers
from hardgen.modelserve.tokenizer import train_bpe_tokenizer
from hardgen.modelserve.training import Example, TrainConfig, encode_examples, make_optimizer, mean_loss, train

log = get_logger(__name__)

MANIFEST = "hardgen_model.json"


@dataclass(frozen=True)
class ModelSize:
    """GPT-2 shape, tokenizer size and a default training budget."""

    n_layer: int
    n_embd: int
    n_head: int
    n_positions: int
    vocab_size: int
    epochs: int
    batch_size: int
    learning_rate: float
    line_tokens: bool = False  # BPE merges may span a line (see hardgen.modelserve.tokenizer)


SIZES: dict[str, ModelSize] = {
    # tests: trains in a few seconds on one core; learns enough for loss to fall and text to come out
    "tiny": ModelSize(n_layer=2, n_embd=64, n_head=2, n_positions=512, vocab_size=512, epochs=4,
                      batch_size=4, learning_rate=3e-3, line_tokens=True),
    # the demo model: ~4-5M parameters, memorises the corpus in a few minutes on 2 cores
    "demo": ModelSize(n_layer=4, n_embd=256, n_head=4, n_positions=512, vocab_size=8192, epochs=24,
                      batch_size=8, learning_rate=1.5e-3, line_tokens=True),
}


def corpus_hash(texts: Sequence[str]) -> str:
    digest = hashlib.sha256()
    for text in texts:
        digest.update(hashlib.sha256(text.encode("utf-8")).digest())
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def build_model(
    out_dir: Path | str,
    texts: Sequence[str] | Sequence[Example],
    size: str | ModelSize = "tiny",
    *,
    steps: int | None = None,
    epochs: int | None = None,
    seed: int = 42,
    name: str | None = None,
    threads: int | None = None,
    on_step: Callable[[int, float, float], None] | None = None,
    extra_manifest: dict[str, Any] | None = None,
    loss_on_prompt: bool = True,
    learning_rate: float | None = None,
    eval_limit: int | None = 64,
    check: EpochCheck | None = None,
) -> dict[str, Any]:
    """Train a byte-level BPE tokenizer and a GPT-2 from scratch on ``texts``; save both to ``out_dir``.

    ``texts`` are whole documents or :class:`Example` (prompt, completion) pairs; the loss covers
    every token unless ``loss_on_prompt`` is false (then only completions: the demo model answers
    prompts, it need not learn to write them). Deterministic for a seed
    and thread count. Writes ``hardgen_model.json`` (shape, parameters, steps, losses, corpus hash,
    weights fingerprint) and returns it.

    ``check`` (see :class:`EpochCheck`) may end training before the last epoch, once the model
    passes it; the schedule stays the full run's, so a model that stops early is the model the
    full run has at that step.
    """
    import torch
    from transformers import GPT2Config, GPT2LMHeadModel

    quiet_transformers()
    shape = SIZES[size] if isinstance(size, str) else size
    examples = [t if isinstance(t, Example) else Example("", t) for t in texts]
    if not examples:
        raise ValueError("no training texts")
    docs = [e.prompt + e.completion for e in examples]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if threads:
        torch.set_num_threads(threads)
    torch.manual_seed(seed)
    started = time.monotonic()

    tokenizer = train_bpe_tokenizer(docs, shape.vocab_size, line_tokens=shape.line_tokens)
    config = GPT2Config(
        vocab_size=len(tokenizer),
        n_positions=shape.n_positions,
        n_embd=shape.n_embd,
        n_layer=shape.n_layer,
        n_head=shape.n_head,
        resid_pdrop=0.0,
        embd_pdrop=0.0,
        attn_pdrop=0.0,
        bos_token_id=tokenizer.eos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.eos_token_id,
    )
    model = GPT2LMHeadModel(config)
    data = encode_examples(tokenizer, examples, shape.n_positions, loss_on_prompt=loss_on_prompt)
    n_tokens = sum(len(d.input_ids) for d in data)
    if steps is None:
        per_epoch = max(1, -(-len(data) // shape.batch_size))
        steps = per_epoch * (epochs or shape.epochs)
    cfg = TrainConfig(
        steps=steps,
        batch_size=shape.batch_size,
        learning_rate=learning_rate or shape.learning_rate,
        seed=seed,
        warmup_steps=min(20, max(1, steps // 10)),
    )
    initial = mean_loss(model, data, tokenizer.pad_token_id, limit=eval_limit)
    per_epoch = max(1, -(-len(data) // shape.batch_size))
    checks: list[dict[str, Any]] = []
    if check is None:
        losses = train(model, data, cfg, pad_id=tokenizer.pad_token_id, on_step=on_step)
    else:
        losses, checks = _train_until(model, tokenizer, data, cfg, per_epoch, check, out, on_step)
    final = mean_loss(model, data, tokenizer.pad_token_id, limit=eval_limit)
    elapsed = time.monotonic() - started

    model.generation_config.pad_token_id = tokenizer.eos_token_id
    model.save_pretrained(str(out))
    tokenizer.save_pretrained(str(out))
    weights = out / "model.safetensors"
    manifest: dict[str, Any] = {
        "name": name or out.name,
        "architecture": "gpt2",
        "shape": asdict(shape),
        "parameters": sum(p.numel() for p in model.parameters()),
        "vocab_size": len(tokenizer),
        "examples": len(data),
        "tokens_per_epoch": n_tokens,
        "steps": len(losses),
        "scheduled_steps": steps,
        "epochs_trained": round(len(losses) / per_epoch, 2),
        "stopped_early": len(losses) < steps,
        "checks": checks,
        "batch_size": cfg.batch_size,
        "learning_rate": cfg.learning_rate,
        "seed": seed,
        "loss_on_prompt": loss_on_prompt,
        "threads": torch.get_num_threads(),
        "initial_loss": initial,
        "final_loss": final,
        "last_step_loss": losses[-1] if losses else None,
        "train_seconds": round(elapsed, 2),
        "corpus_hash": corpus_hash(docs),
        "fingerprint": file_sha256(weights) if weights.exists() else None,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        **(extra_manifest or {}),
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    log.info("model built", path=str(out), parameters=manifest["parameters"], steps=len(losses),
             initial_loss=round(initial, 3), final_loss=round(final, 3), seconds=manifest["train_seconds"])
    return manifest


@dataclass(frozen=True)
class EpochCheck:
    """When to test the model between epochs, and the test: ``passes(model_dir, epoch)`` gets the
    model saved as it is then and returns ``(passed, figures)``.

    Why a loss gate: a test costs seconds of generation and a scan, so it runs only once the
    training loss shows the corpus is nearly memorised (from ``from_epoch``, every ``every``)."""

    passes: Callable[[Path, int], tuple[bool, dict[str, Any]]]
    from_epoch: int = 8
    every: int = 2
    #: mean training loss of the epoch. The demo build (24-epoch schedule): 0.98 at epoch 8 (22 % of
    #: samples parse), 0.49 at 10 (50 %), 0.23 at 12 (68 %), 0.10 at 14 (90 %); checks of a model
    #: that rambles to the token limit cost a minute, those of a nearly memorised one seconds
    loss_gate: float = 0.15


def _train_until(
    model: Any,
    tokenizer: Any,
    data: Sequence[Any],
    cfg: TrainConfig,
    per_epoch: int,
    check: EpochCheck,
    out: Path,
    on_step: Callable[[int, float, float], None] | None,
) -> tuple[list[float], list[dict[str, Any]]]:
    """Train epoch by epoch on the full run's schedule; stop after the first passed check."""
    losses: list[float] = []
    checks: list[dict[str, Any]] = []
    epochs = -(-cfg.steps // per_epoch)
    optimizer = make_optimizer(model, cfg)  # one optimizer across the chunks, as in one train() call
    for epoch in range(1, epochs + 1):
        start = (epoch - 1) * per_epoch
        part = train(model, data, cfg, pad_id=tokenizer.pad_token_id, on_step=on_step, start_step=start,
                     end_step=start + per_epoch, optimizer=optimizer)
        losses += part
        epoch_loss = sum(part) / len(part) if part else float("nan")
        due = epoch >= check.from_epoch and (epoch - check.from_epoch) % check.every == 0
        if epoch == epochs or not due or not epoch_loss < check.loss_gate:
            continue
        probe = out.with_name(out.name + f".epoch{epoch}")
        model.save_pretrained(str(probe))
        tokenizer.save_pretrained(str(probe))
        try:
            passed, figures = check.passes(probe, epoch)
        finally:
            import shutil

            shutil.rmtree(probe, ignore_errors=True)
        checks.append({"epoch": epoch, "loss": round(epoch_loss, 4), "passed": passed, **figures})
        log.info("demo model check", epoch=epoch, loss=round(epoch_loss, 4), passed=passed, **figures)
        if passed:
            break
    return losses, checks


@dataclass(frozen=True)
class DemoTargets:
    """What the demo model must do before training may stop early, measured as the study measures
    (``hardgen.modelserve.demo_eval``: one greedy raw sample per scenario, the refinement service's
    extractor, the scanner): nearly every sample parses, and the samples are a mix of flagged and
    clean programs, so the demo's tables have both. The full 24-epoch model: 97.5 % parse, 74 %
    flagged (docs/modelserve.md)."""

    min_parse_rate: float = 0.95
    min_flagged_share: float = 0.5
    max_flagged_share: float = 0.9
    max_new_tokens: int = 384  # the demo study's budget


def demo_check(scanner: ScannerPort | None, targets: DemoTargets | None = None) -> EpochCheck:
    """The early-stopping check of the demo build; without a scanner only the parse rate counts."""
    goal = targets or DemoTargets()

    def passes(path: Path, epoch: int) -> tuple[bool, dict[str, Any]]:
        from hardgen.modelserve.demo_eval import evaluate
        from hardgen.modelserve.localmodel import LocalModel

        try:
            report = evaluate(str(path), samples=1, temperature=0.0, max_new_tokens=goal.max_new_tokens,
                              batch_size=20, scanner=scanner)
        except Exception as exc:  # noqa: BLE001 - a check that cannot run never stops training
            return False, {"error": f"{type(exc).__name__}: {exc}"[:200]}
        finally:
            LocalModel.clear_cache()  # the probe folder is deleted after the check
        figures = {"parse_rate": round(report.parse_rate, 3),
                   "flagged_share": round(report.flagged_share, 3) if report.scanned else None,
                   "check_seconds": round(report.seconds, 1)}
        ok = report.parse_rate >= goal.min_parse_rate and (
            not report.scanned or goal.min_flagged_share <= report.flagged_share <= goal.max_flagged_share)
        return ok, figures

    return EpochCheck(passes=passes)


def default_threads() -> int:
    """Training threads: ``HARDGEN_TRAIN_THREADS`` or every core torch sees."""
    from hardgen.modelserve.settings import TrainingSettings

    return TrainingSettings().train_threads


def demo_examples(root: Path | None = None) -> list[Example]:
    """Each scenario's raw prompt followed by each of its references, insecure and secure alike."""
    from hardgen.core.prompts import raw_prompt
    from hardgen.core.scenarios import load_corpus
    from hardgen.modelserve.prompts import completion_text

    out = []
    for scenario in load_corpus(root):
        prompt = raw_prompt(scenario)
        for ref in scenario.references:
            out.append(Example(prompt, completion_text(scenario, scenario.reference_code(ref))))
    return out


def demo_dir() -> Path:
    from hardgen.core.settings import models_dir

    return models_dir() / "demo"


def build_demo(
    *,
    force: bool = False,
    out_dir: Path | None = None,
    epochs: int | None = None,
    steps: int | None = None,
    seed: int = 42,
    on_step: Callable[[int, float, float], None] | None = None,
    scanner: ScannerPort | None = None,
    early_stop: bool = True,
) -> dict[str, Any]:
    """Build the demo model under ``models_dir()/demo`` (reused when present unless ``force``).

    With the preset budget (no ``epochs``/``steps``) and ``early_stop``, training stops at the first
    epoch whose model meets :class:`DemoTargets` (scanned with ``scanner`` when given), instead of
    always running every epoch: the corpus is usually memorised well before the last one."""
    out = out_dir or demo_dir()
    manifest_path = out / MANIFEST
    if manifest_path.is_file() and not force:
        return dict(json.loads(manifest_path.read_text(encoding="utf-8")), reused=True)
    examples = demo_examples()
    if not examples:
        raise ValueError("the scenario corpus has no reference completions to train on")
    tmp = out.with_name(out.name + ".building")
    import shutil

    shutil.rmtree(tmp, ignore_errors=True)
    manifest = build_model(tmp, examples, size="demo", epochs=epochs, steps=steps, seed=seed, name="demo",
                           loss_on_prompt=True,
                           threads=default_threads() or None, on_step=on_step,
                           check=demo_check(scanner) if early_stop and epochs is None and steps is None else None,
                           extra_manifest={"note": "demonstrates the pipeline; not a finding about real LLMs"})
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    return manifest
