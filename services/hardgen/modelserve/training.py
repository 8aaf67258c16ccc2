"""A small, deterministic causal-LM training loop shared by the demo-model build and LoRA fine-tuning.

Why not ``transformers.Trainer``: the runs here are small (hundreds of steps on CPU), must be
bit-for-bit repeatable from a seed, must resume from a checkpoint at an exact step with the same
batch order, and must report a loss per step to a progress bar; a 100-line loop does all that with
no hidden defaults.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

IGNORE_INDEX = -100


@dataclass(frozen=True)
class Example:
    """One training document: the prompt a model sees and the completion it should write."""

    prompt: str
    completion: str


@dataclass(frozen=True)
class Encoded:
    input_ids: list[int]
    labels: list[int]


@dataclass(frozen=True)
class TrainConfig:
    steps: int
    batch_size: int = 8
    learning_rate: float = 1e-3
    seed: int = 42
    warmup_steps: int = 10
    min_lr_ratio: float = 0.1
    weight_decay: float = 0.0
    grad_clip: float = 1.0


StepCallback = Callable[[int, float, float], None]  # (step, loss, learning rate)


def encode_examples(
    tokenizer: Any, examples: Sequence[Example], max_length: int, *, loss_on_prompt: bool
) -> list[Encoded]:
    """Tokenise prompt + completion + EOS; the prompt's labels are masked unless ``loss_on_prompt``.

    Masking the prompt makes a fine-tune learn what to write, not to re-learn the scenario text.
    Rows longer than ``max_length`` are cut from the right (the prompt is kept whole when it fits).
    """
    eos = tokenizer.eos_token_id
    out: list[Encoded] = []
    for ex in examples:
        p_ids = tokenizer(ex.prompt, add_special_tokens=False)["input_ids"] if ex.prompt else []
        c_ids = tokenizer(ex.completion, add_special_tokens=False)["input_ids"] + [eos]
        ids = (p_ids + c_ids)[:max_length]
        labels = list(ids) if loss_on_prompt else ([IGNORE_INDEX] * len(p_ids) + c_ids)[:max_length]
        if any(label != IGNORE_INDEX for label in labels[1:]):
            out.append(Encoded(ids, labels))
    return out


def batch_order(
    n_examples: int, steps: int, batch_size: int, seed: int, lengths: Sequence[int] | None = None
) -> list[list[int]]:
    """Indices of each step's batch: epoch-wise shuffles from ``seed``, so a resumed run sees the
    same batches as an uninterrupted one.

    With ``lengths``, each epoch's shuffle is cut into pools of 8 batches whose members are grouped
    by length before batching (then the batches are shuffled): rows of a batch have similar
    lengths, so little compute goes to padding, and the order stays random across the epoch.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible shuffling, not security
    batch_size = max(1, min(batch_size, n_examples))
    batches: list[list[int]] = []
    carry: list[int] = []
    while len(batches) < steps:
        epoch = list(range(n_examples))
        rng.shuffle(epoch)
        epoch = carry + epoch
        usable = len(epoch) - len(epoch) % batch_size
        epoch, carry = epoch[:usable], epoch[usable:]
        epoch_batches: list[list[int]] = []
        pool = batch_size * 8
        for start in range(0, len(epoch), pool):
            chunk = epoch[start : start + pool]
            if lengths is not None:
                chunk.sort(key=lambda i: lengths[i])
            epoch_batches += [chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size)]
        if lengths is not None:
            rng.shuffle(epoch_batches)
        batches += epoch_batches
    return batches[:steps]


def collate(rows: Sequence[Encoded], pad_id: int) -> dict[str, Any]:
    """Right-pad a batch; padded positions carry no attention and no loss."""
    import torch

    width = max(len(r.input_ids) for r in rows)
    ids = torch.full((len(rows), width), pad_id, dtype=torch.long)
    labels = torch.full((len(rows), width), IGNORE_INDEX, dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    for i, r in enumerate(rows):
        ids[i, : len(r.input_ids)] = torch.tensor(r.input_ids)
        labels[i, : len(r.labels)] = torch.tensor(r.labels)
        mask[i, : len(r.input_ids)] = 1
    return {"input_ids": ids, "attention_mask": mask, "labels": labels}


def lr_at(step: int, cfg: TrainConfig) -> float:
    """Linear warm-up, then cosine decay to ``min_lr_ratio`` of the peak."""
    if cfg.warmup_steps and step < cfg.warmup_steps:
        return cfg.learning_rate * (step + 1) / cfg.warmup_steps
    span = max(1, cfg.steps - cfg.warmup_steps)
    progress = min(1.0, (step - cfg.warmup_steps) / span)
    floor = cfg.learning_rate * cfg.min_lr_ratio
    return floor + (cfg.learning_rate - floor) * 0.5 * (1 + math.cos(math.pi * progress))


def make_optimizer(model: Any, cfg: TrainConfig) -> Any:
    import torch

    params = [p for p in model.parameters() if p.requires_grad]
    return torch.optim.AdamW(params, lr=cfg.learning_rate, weight_decay=cfg.weight_decay)


def train(
    model: Any,
    data: Sequence[Encoded],
    cfg: TrainConfig,
    *,
    pad_id: int,
    optimizer: Any = None,
    start_step: int = 0,
    on_step: StepCallback | None = None,
    on_checkpoint: Callable[[int, Any], None] | None = None,
    checkpoint_every: int = 0,
    should_stop: Callable[[int], bool] | None = None,
    end_step: int | None = None,
) -> list[float]:
    """Run steps ``start_step .. cfg.steps-1`` (or up to ``end_step``, exclusive: a caller that checks
    the model between chunks keeps one schedule and batch order); return their losses.

    ``on_checkpoint(step_done, optimizer)`` is called every ``checkpoint_every`` steps so a killed
    run can resume; ``should_stop(step)`` lets tests simulate an interruption at an exact step.
    """
    import torch

    if not data:
        raise ValueError("no training examples")
    torch.manual_seed(cfg.seed + start_step)
    optimizer = optimizer or make_optimizer(model, cfg)
    order = batch_order(len(data), cfg.steps, cfg.batch_size, cfg.seed, [len(d.input_ids) for d in data])
    model.train()
    losses: list[float] = []
    trainable = [p for p in model.parameters() if p.requires_grad]
    for step in range(start_step, min(cfg.steps, end_step) if end_step is not None else cfg.steps):
        if should_stop is not None and should_stop(step):
            raise KeyboardInterrupt(f"stopped before step {step}")
        lr = lr_at(step, cfg)
        for group in optimizer.param_groups:
            group["lr"] = lr
        batch = collate([data[i] for i in order[step]], pad_id)
        loss = model(**batch).loss
        if not torch.isfinite(loss):
            raise FloatingPointError(f"loss is {loss.item()} at step {step}; lower the learning rate")
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        if cfg.grad_clip:
            torch.nn.utils.clip_grad_norm_(trainable, cfg.grad_clip)
        optimizer.step()
        value = float(loss.detach())
        losses.append(value)
        if on_step is not None:
            on_step(step, value, lr)
        if on_checkpoint is not None and checkpoint_every and (step + 1) % checkpoint_every == 0:
            on_checkpoint(step + 1, optimizer)
    model.eval()
    return losses


def mean_loss(
    model: Any, data: Sequence[Encoded], pad_id: int, batch_size: int = 8, limit: int | None = None
) -> float:
    """Token-weighted mean loss over ``data`` (no gradient): the before/after figure of a fine-tune.

    ``limit`` evaluates an evenly spread subset (a large corpus on CPU: the figure, not the cost).
    """
    import torch

    if limit is not None and len(data) > limit:
        stride = len(data) / limit
        data = [data[int(i * stride)] for i in range(limit)]
    data = sorted(data, key=lambda d: len(d.input_ids))

    model.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for start in range(0, len(data), batch_size):
            batch = collate(data[start : start + batch_size], pad_id)
            n = int((batch["labels"][:, 1:] != IGNORE_INDEX).sum())
            if n:
                total += float(model(**batch).loss) * n
                count += n
    return total / count if count else float("nan")
