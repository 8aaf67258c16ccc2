"""Iteration-level ("continuous") batching for a local causal LM: rows join and leave between steps.

A fixed batch decodes until its longest row ends, and a request that arrives meanwhile waits for
the whole batch. On the study's workload (rows of 50 tokens on average, the longest near 170) that
left most of a batch's rows finished and idle: measured on the demo, 46 batches of 13.6 rows spent
198 s decoding 32k tokens, about 3.5 useful rows per step. Here every step decodes one token for
each live row; a row that ends leaves at once and a waiting request takes its slot at the next
step, so the batch stays full while there is work.

How a row joins: its prompt is run alone (the prefill, exactly what it would be without company),
then its key/value cache is left-padded to the batch's width and written into a free slot. Each row
keeps its own position ids, attention mask, token budget, stop sequences, streaming callback and
random generator, so what a row generates does not depend on the rows beside it. Rows of different
LoRA adapters share a step through peft's mixed-adapter batches (``adapter_names``).

The columns on the left that are padding for every live row are dropped from time to time, so the
cost of a step follows the longest live row, not the history of the batch.
"""

from __future__ import annotations

import functools
import inspect
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

#: peft's name for "no adapter" in a mixed-adapter batch
BASE_ADAPTER = "__base__"
#: drop the all-padding columns on the left once there are this many
_COMPACT_COLUMNS = 32


def token_budget(prompt_tokens: int, max_new_tokens: int, max_positions: int) -> tuple[int, int]:
    """(new tokens, prompt tokens kept) within the model's context: the prompt wins, the budget
    shrinks to what is left; a prompt that alone fills the context keeps its last part."""
    wanted = max(1, max_new_tokens)
    if prompt_tokens + wanted <= max_positions:
        return wanted, prompt_tokens
    if prompt_tokens < max_positions:
        return max_positions - prompt_tokens, prompt_tokens
    budget = min(wanted, max(1, max_positions // 4))
    return budget, max_positions - budget


@dataclass
class RowSpec:
    """What a row needs from its request (kept free of the request types above this module)."""

    prompt_ids: list[int]
    max_new_tokens: int
    temperature: float
    top_p: float
    seed: int | None
    stop: Sequence[str]
    adapter: str  # peft adapter name, or "" for the base model
    on_token: Callable[[int, str], None] | None = None


@dataclass
class Row:
    """A row being decoded, and then its result."""

    spec: RowSpec
    kept_ids: list[int]
    budget: int
    generator: Any  # torch.Generator for sampled rows, None for greedy ones
    started: float = field(default_factory=time.monotonic)
    tokens: list[int] = field(default_factory=list)
    done: bool = False
    finish: str = "length"  # TGI's names: length | eos_token | stop_sequence
    stop_hit: str = ""
    text: str = ""  # decoded tokens so far (kept only for rows that stream or have stop sequences)
    finished_at: float = 0.0

    @property
    def prompt_tokens(self) -> int:
        return len(self.kept_ids)

    @property
    def next_position(self) -> int:
        """Position id of the token fed next (the last one sampled)."""
        return len(self.kept_ids) + len(self.tokens) - 1


def sample_rows(logits: Any, rows: Sequence[Row]) -> list[int]:
    """One token per row from ``logits`` ([rows, vocab]): greedy rows take the arg max; sampled rows
    draw from their temperature and top-p distribution with one uniform number from their own
    generator (inverse CDF), so a row's draw never depends on the others. Softmax, the top-p sort
    and the search run once for all sampled rows (one ``multinomial`` per row cost 3.6 ms of a
    16-row step, this 0.3 ms)."""
    import torch

    logits = logits.float().cpu()  # the row generators live on the CPU, and token ids go back to Python
    chosen = [int(c) for c in torch.argmax(logits, dim=-1).tolist()]
    sampled = [i for i, row in enumerate(rows) if row.generator is not None]
    if not sampled:
        return chosen
    # a row's draw must not depend on its company: rows with and without top-p take separate paths
    for group in ([i for i in sampled if rows[i].spec.top_p >= 1.0], [i for i in sampled if rows[i].spec.top_p < 1.0]):
        if group:
            for i, token in zip(group, _draw(logits[group], [rows[i] for i in group]), strict=True):
                chosen[i] = token
    return chosen


def _draw(logits: Any, rows: Sequence[Row]) -> list[int]:
    """Inverse-CDF draws for sampled rows that all use top-p or all do not."""
    import torch

    temperature = torch.tensor([[row.spec.temperature] for row in rows], dtype=torch.float32)
    probs = torch.softmax(logits.float() / temperature, dim=-1)
    order = None
    if rows[0].spec.top_p < 1.0:
        probs, order = torch.sort(probs, dim=-1, descending=True)
        before = torch.cumsum(probs, dim=-1) - probs
        keep = before < torch.tensor([[row.spec.top_p] for row in rows], dtype=torch.float32)
        keep[:, 0] = True
        probs = probs * keep
    cdf = torch.cumsum(probs, dim=-1)
    uniform = torch.stack([torch.rand((), generator=row.generator) for row in rows])
    picks = torch.searchsorted(cdf, (uniform * cdf[:, -1]).unsqueeze(1)).squeeze(1).clamp(max=probs.shape[-1] - 1)
    if order is not None:
        picks = order.gather(1, picks.unsqueeze(1)).squeeze(1)
    return [int(p) for p in picks.tolist()]


def _cache_argument(model: Any) -> str:
    """``cache`` (transformers 5.x renamed it) or ``past_key_values`` (earlier releases)."""
    inner = model.get_base_model() if hasattr(model, "get_base_model") else model
    return _cache_argument_of(type(inner).__module__, type(inner).__qualname__, type(inner).forward)


@functools.cache
def _cache_argument_of(module: str, name: str, forward: Any) -> str:
    """Per model class (named by ``module`` and ``name``): inspecting a signature costs a step's time."""
    return "cache" if "cache" in inspect.signature(forward).parameters else "past_key_values"


def _returned_cache(out: Any) -> Any:
    cache = getattr(out, "cache", None)
    return cache if cache is not None else out.past_key_values


class DecodeBatch:
    """The live rows of one base model and their shared key/value cache.

    Not thread-safe: one thread admits and steps (the server's batcher, or
    :meth:`hardgen.modelserve.localmodel.LocalModel.generate_batch` for a fixed set of rows); the
    caller holds the model's lock around :meth:`admit` and :meth:`step`.
    """

    def __init__(self, model: Callable[[], Any], tokenizer: Any, device: str, max_positions: int) -> None:
        #: the model at call time: loading the first LoRA adapter wraps the base model in a PeftModel
        self.model = model
        self.tokenizer = tokenizer
        self.device = device
        self.max_positions = max_positions
        self.eos_id: int | None = tokenizer.eos_token_id
        self.pad_id: int = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
        self.slots: list[Row | None] = []
        self.cache: Any = None  # transformers DynamicCache, batch dimension = slots
        self.mask: Any = None  # [slots, width] long: 1 where a slot's column holds a real token

    # ---------------------------------------------------------------------------------- state
    @property
    def live(self) -> list[Row]:
        return [row for row in self.slots if row is not None]

    def __len__(self) -> int:
        return len(self.live)

    @property
    def width(self) -> int:
        return 0 if self.mask is None else int(self.mask.shape[1])

    # -------------------------------------------------------------------------------- joining
    def new_row(self, spec: RowSpec) -> Row:
        import torch

        budget, keep = token_budget(len(spec.prompt_ids), spec.max_new_tokens, self.max_positions)
        generator = None
        if spec.temperature > 0:
            generator = torch.Generator(device="cpu")
            generator.manual_seed(int(spec.seed) if spec.seed is not None else int(torch.seed()) % (2**63))
        return Row(spec=spec, kept_ids=spec.prompt_ids[-keep:], budget=budget, generator=generator)

    def admit(self, spec: RowSpec) -> Row:
        """Prefill ``spec``'s prompt alone, sample its first token, and give it a slot (a row that
        ends on its first token is returned done and takes no slot)."""
        import torch

        row = self.new_row(spec)
        ids = torch.tensor([row.kept_ids], dtype=torch.long, device=self.device)
        positions = torch.arange(len(row.kept_ids), device=self.device).unsqueeze(0)
        with torch.inference_mode():
            model = self.model()
            out = model(
                input_ids=ids,
                attention_mask=torch.ones_like(ids),
                position_ids=positions,
                use_cache=True,
                **self._adapter_kwargs(model, [row]),
            )
            self._accept(row, sample_rows(out.logits[:, -1, :], [row])[0])
            if not row.done:
                self._insert(row, _returned_cache(out))
        return row

    def _insert(self, row: Row, cache: Any) -> None:
        """Write the row's prefill cache into a free slot (or a new one), left-padded to the width."""
        import torch

        length = len(row.kept_ids)
        if self.cache is None:
            self.cache, self.mask = cache, torch.ones((1, length), dtype=torch.long, device=self.device)
            self.slots = [row]
            return
        if length > self.width:
            self._pad_left(length - self.width)
        pad = self.width - length
        free = next((i for i, slot in enumerate(self.slots) if slot is None), None)
        row_mask = torch.cat([torch.zeros(pad, dtype=torch.long), torch.ones(length, dtype=torch.long)]).to(self.device)
        for mine, theirs in zip(self.cache.layers, cache.layers, strict=True):
            keys = torch.nn.functional.pad(theirs.keys, (0, 0, pad, 0))
            values = torch.nn.functional.pad(theirs.values, (0, 0, pad, 0))
            if free is None:
                mine.keys = torch.cat([mine.keys, keys], dim=0)
                mine.values = torch.cat([mine.values, values], dim=0)
            else:
                mine.keys[free] = keys[0]
                mine.values[free] = values[0]
        if free is None:
            self.mask = torch.cat([self.mask, row_mask.unsqueeze(0)], dim=0)
            self.slots.append(row)
        else:
            self.mask[free] = row_mask
            self.slots[free] = row

    def _pad_left(self, columns: int) -> None:
        import torch

        for layer in self.cache.layers:
            layer.keys = torch.nn.functional.pad(layer.keys, (0, 0, columns, 0))
            layer.values = torch.nn.functional.pad(layer.values, (0, 0, columns, 0))
        self.mask = torch.nn.functional.pad(self.mask, (columns, 0))

    # ------------------------------------------------------------------------------- decoding
    def step(self) -> list[Row]:
        """Decode one token for every live row; return the rows that ended (their slots are free)."""
        import torch

        if not self.live:
            return []
        last = [row.tokens[-1] if row is not None else self.pad_id for row in self.slots]
        positions = [row.next_position if row is not None else 0 for row in self.slots]
        ids = torch.tensor(last, dtype=torch.long, device=self.device).unsqueeze(1)
        position_ids = torch.tensor(positions, dtype=torch.long, device=self.device).unsqueeze(1)
        # a free slot attends to its own newest column only: harmless, and never a fully masked row
        newest = torch.ones((len(self.slots), 1), dtype=torch.long, device=self.device)
        with torch.inference_mode():
            self.mask = torch.cat([self.mask, newest], 1)
        ended: list[Row] = []
        with torch.inference_mode():
            model = self.model()
            out = model(
                input_ids=ids,
                attention_mask=self.mask,
                position_ids=position_ids,
                use_cache=True,
                **{_cache_argument(model): self.cache},
                **self._adapter_kwargs(model, self.slots),
            )
            self.cache = _returned_cache(out)
            live = [(i, row) for i, row in enumerate(self.slots) if row is not None]
            picks = sample_rows(out.logits[[i for i, _ in live], -1, :], [row for _, row in live])
            for (i, row), token in zip(live, picks, strict=True):
                self._accept(row, token)
                if row.done:
                    self.slots[i] = None
                    self.mask[i] = 0
                    ended.append(row)
            self._compact()
        return ended

    def _accept(self, row: Row, token: int) -> None:
        """Record ``token`` for ``row``: end it at EOS, a stop sequence or its budget; stream it."""
        if self.eos_id is not None and token == self.eos_id:
            row.done, row.finish = True, "eos_token"
        else:
            row.tokens.append(token)
            spec = row.spec
            if spec.on_token is not None or spec.stop:
                text = str(self.tokenizer.decode(row.tokens))
                piece, row.text = text[len(row.text):], text
                if spec.on_token is not None:
                    spec.on_token(token, piece)
                hit = next((s for s in spec.stop if s and s in text), "")
                if hit:
                    row.done, row.finish, row.stop_hit = True, "stop_sequence", hit
            if not row.done and len(row.tokens) >= row.budget:
                row.done, row.finish = True, "length"
        if row.done:
            row.finished_at = time.monotonic()

    def _compact(self) -> None:
        """Drop the columns on the left that are padding for every live row."""
        live = [i for i, row in enumerate(self.slots) if row is not None]
        if not live:
            self.slots, self.cache, self.mask = [], None, None
            return
        lengths = [len(row.kept_ids) + len(row.tokens) for row in self.slots if row is not None]
        spare = self.width - max(lengths)
        if spare >= _COMPACT_COLUMNS:
            for layer in self.cache.layers:
                layer.keys = layer.keys[:, :, spare:, :].contiguous()
                layer.values = layer.values[:, :, spare:, :].contiguous()
            self.mask = self.mask[:, spare:].contiguous()

    def drop_free_slots(self) -> None:
        """Remove the free slots (a copy of the cache): the caller found nobody waiting for them."""
        import torch

        live = [i for i, row in enumerate(self.slots) if row is not None]
        if len(live) == len(self.slots):
            return
        if not live:
            self.slots, self.cache, self.mask = [], None, None
            return
        with torch.inference_mode():
            index = torch.tensor(live, dtype=torch.long, device=self.device)
            for layer in self.cache.layers:
                layer.keys = layer.keys.index_select(0, index)
                layer.values = layer.values.index_select(0, index)
            self.mask = self.mask.index_select(0, index)
        self.slots = [self.slots[i] for i in live]

    @staticmethod
    def _adapter_kwargs(model: Any, slots: Sequence[Row | None]) -> dict[str, Any]:
        from peft import PeftModel

        if not isinstance(model, PeftModel):
            return {}
        return {"adapter_names": [row.spec.adapter or BASE_ADAPTER if row is not None else BASE_ADAPTER
                                  for row in slots]}
