"""Local causal language models (transformers + peft): what the model server serves.

Only modelserve loads weights: the refinement service's ``hf/`` backend reaches these models
through :class:`hardgen.core.clients.modelserve.ModelServePort`, i.e. the modelserve service over
gRPC, or (the CLI's local mode) :class:`hardgen.modelserve.inprocess.InProcessModelServe`, which
runs this code in the caller's process.

A base model is loaded once per process and device; LoRA adapters are loaded into it on first use
and switched per request (peft multi-adapter: ``load_adapter`` / ``set_adapter`` /
``disable_adapter``), so one copy of the weights serves the base model and every adapter.

Decoding is done by ``model.generate`` in greedy mode with a logits processor that samples rows
with ``temperature > 0`` from their own seeded generator: every row of a batch keeps its own
temperature, top-p, seed, stop sequences and token budget, and a seeded request gives the same text
whether it ran alone or in a batch. That is what lets the server batch concurrent requests.

Names: ``demo`` or any folder name resolves under ``hardgen.core.settings.models_dir()``; an adapter
id resolves under ``models_dir()/adapters/<id>``; both also accept a path.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import re
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from hardgen.core.logging import get_logger
from hardgen.core.settings import models_dir

log = get_logger(__name__)

MODEL_MANIFEST = "hardgen_model.json"
ADAPTER_MANIFEST = "hardgen_adapter.json"
BASE = ""  # adapter_id meaning "the base model, no adapter"


class LocalModelError(Exception):
    """Base class of the errors below; each message says what to do."""


class ModelNotFoundError(LocalModelError, FileNotFoundError):
    """No base model at that name or path."""


class AdapterNotFoundError(LocalModelError, LookupError, ValueError):
    """No adapter with that id (the HTTP server answers 404)."""


class AdapterMismatchError(LocalModelError, ValueError):
    """The adapter was trained on another base model."""


@dataclass
class Generation:
    """One completion and what it cost. ``text`` excludes a matched stop sequence (see ``stop_sequence``)."""

    text: str
    prompt_tokens: int
    completion_tokens: int
    latency_ms: float
    peak_memory_bytes: int
    finish_reason: str  # length | eos_token | stop_sequence (TGI's names)
    stop_sequence: str = ""
    seed: int | None = None
    tokens: list[int] = field(default_factory=list)


TokenCallback = Callable[[int, str], None]  # (token id, text piece)


@dataclass
class GenerationRequest:
    """One row of a batch; ``on_token`` is called for each new token (streaming)."""

    prompt: str
    max_new_tokens: int = 256
    temperature: float = 0.0
    top_p: float = 1.0
    seed: int | None = None
    stop: Sequence[str] = ()
    adapter_id: str = BASE
    on_token: TokenCallback | None = None

    @classmethod
    def from_message(cls, message: Any) -> GenerationRequest:
        """The row for a ``ModelGenerateRequest`` or a ``ModelRequest`` (the same field names), with
        the server's defaults for unset fields: the gRPC API and the in-process port share it."""
        return cls(
            prompt=message.inputs,
            max_new_tokens=message.max_new_tokens or 256,
            temperature=message.temperature,
            top_p=message.top_p or 1.0,
            seed=message.seed or None,
            stop=tuple(message.stop),
            adapter_id=message.adapter_id,
        )


# --------------------------------------------------------------------------------------------- names


def _looks_like_path(name: str) -> bool:
    return "/" in name or name.startswith(".") or Path(name).is_absolute()


def resolve_model_path(name_or_path: str) -> Path:
    """Folder of a base model: an existing folder path, else ``models_dir()/<name>``."""
    if not name_or_path:
        raise ModelNotFoundError("no base model given")
    candidates = [Path(name_or_path)] if _looks_like_path(name_or_path) else []
    candidates.append(models_dir() / name_or_path)
    for path in candidates:
        if (path / "config.json").is_file():
            return path.resolve()
    hint = " (build it with `hardgen model build-demo`)" if name_or_path == "demo" else ""
    raise ModelNotFoundError(f"base model {name_or_path!r} not found under {models_dir()}{hint}")


def adapters_dir() -> Path:
    return models_dir() / "adapters"


_ADAPTER_ID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")


def resolve_adapter_path(adapter: str) -> Path:
    """Folder of an adapter: ``models_dir()/adapters/<id>``, or a folder path holding adapter_config.json."""
    if _ADAPTER_ID.match(adapter):
        path = adapters_dir() / adapter
        if (path / "adapter_config.json").is_file():
            return path.resolve()
    if _looks_like_path(adapter) and (Path(adapter) / "adapter_config.json").is_file():
        return Path(adapter).resolve()
    raise AdapterNotFoundError(f"adapter {adapter!r} not found under {adapters_dir()}")


def adapter_name(adapter: str) -> str:
    """The peft adapter name for an id or path (peft names may not contain dots)."""
    if _ADAPTER_ID.match(adapter):
        return adapter
    return "a_" + hashlib.sha256(adapter.encode()).hexdigest()[:16]


def model_fingerprint(path: Path) -> str:
    """Identity of a base model: the weights hash from our manifest, else a hash of config.json."""
    manifest = path / MODEL_MANIFEST
    if manifest.is_file():
        fp = json.loads(manifest.read_text(encoding="utf-8")).get("fingerprint")
        if fp:
            return str(fp)
    return hashlib.sha256((path / "config.json").read_bytes()).hexdigest()


def check_adapter_base(adapter_path: Path, base_path: Path, base_name: str) -> None:
    """Refuse an adapter trained on another base model, with a message naming both."""
    meta_file = adapter_path / ADAPTER_MANIFEST
    if not meta_file.is_file():
        return  # a foreign adapter: peft's own shape checks are the last line of defence
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    expected = meta.get("base_fingerprint")
    if expected and expected != model_fingerprint(base_path):
        raise AdapterMismatchError(
            f"adapter {adapter_path.name!r} was trained on base model {meta.get('base_model')!r}, "
            f"not on {base_name!r}"
        )


def quiet_transformers() -> None:
    """Silence transformers' progress bars and advice on stderr: services log JSON lines there."""
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()


def peak_memory_bytes(device: str) -> int:
    """Peak accelerator memory, or the process's peak resident set size on CPU."""
    try:
        import torch

        if device.startswith("cuda") and torch.cuda.is_available():
            return int(torch.cuda.max_memory_allocated())
    except ImportError:  # pragma: no cover - torch is a dependency
        pass
    try:
        import resource

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return int(rss if sys.platform == "darwin" else rss * 1024)
    except (ImportError, OSError):  # pragma: no cover - non-POSIX
        return 0


# ------------------------------------------------------------------------------------ decode helpers


def _make_sampler(rows: Sequence[GenerationRequest], device: str, states: Sequence[_RowState] | None = None) -> Any:
    import torch
    from transformers import LogitsProcessor

    generators: list[Any] = []
    for r in rows:
        if r.temperature > 0:
            g = torch.Generator(device="cpu")
            g.manual_seed(int(r.seed) if r.seed is not None else int(torch.seed()) % (2**63))
            generators.append(g)
        else:
            generators.append(None)

    class PerRowSampler(LogitsProcessor):
        """Sample rows with temperature > 0 from their own generator; greedy picks the choice.

        Why it is shaped this way (the batch's decode time on a CPU was mostly here): rows that
        already finished are skipped, since the batch decodes on until its longest row ends and
        their tokens are discarded; softmax and the top-p sort run once for all sampled rows. Each
        row still draws from its own generator, so a row's text does not depend on its batch.
        """

        def __call__(self, input_ids: Any, scores: Any) -> Any:
            active = [i for i, gen in enumerate(generators)
                      if gen is not None and not (states is not None and states[i].done)]
            if not active:
                return scores
            temperature = torch.tensor([[rows[i].temperature] for i in active], dtype=torch.float32)
            probs = torch.softmax(scores[active].float().cpu() / temperature, dim=-1)
            if any(rows[i].top_p < 1.0 for i in active):
                sorted_p, order = torch.sort(probs, dim=-1, descending=True)
                below = torch.cumsum(sorted_p, dim=-1) - sorted_p
            for k, i in enumerate(active):
                r, row = rows[i], probs[k]
                if r.top_p < 1.0:
                    keep = below[k] < r.top_p
                    keep[0] = True
                    row = torch.zeros_like(row).scatter(0, order[k][keep], sorted_p[k][keep])
                    row = row / row.sum()
                choice = int(torch.multinomial(row, 1, generator=generators[i]))
                scores[i].fill_(float("-inf"))
                scores[i, choice] = 0.0
            return scores

    return PerRowSampler()


class _RowState:
    __slots__ = ("done", "finish", "stop_hit", "tokens")

    def __init__(self) -> None:
        self.tokens: list[int] = []
        self.done = False
        self.finish = "length"
        self.stop_hit = ""


def _make_stopper(rows: Sequence[GenerationRequest], states: list[_RowState], width: int, tokenizer: Any,
                  eos_id: int | None) -> Any:
    import torch
    from transformers import StoppingCriteria

    class PerRowStop(StoppingCriteria):
        """Record each row's new token, stream it, and stop rows at EOS, a stop string or their budget."""

        def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> Any:
            flags = []
            for i, r in enumerate(rows):
                st = states[i]
                if not st.done:
                    tok = int(input_ids[i, -1])
                    if eos_id is not None and tok == eos_id:
                        st.done, st.finish = True, "eos_token"
                    else:
                        before = tokenizer.decode(st.tokens) if (r.on_token or r.stop) else ""
                        st.tokens.append(tok)
                        after = tokenizer.decode(st.tokens) if (r.on_token or r.stop) else ""
                        if r.on_token is not None:
                            r.on_token(tok, after[len(before):])
                        hit = next((s for s in r.stop if s and s in after), "")
                        if hit:
                            st.done, st.finish, st.stop_hit = True, "stop_sequence", hit
                        elif len(st.tokens) >= r.max_new_tokens:
                            st.done, st.finish = True, "length"
                flags.append(st.done)
            return torch.tensor(flags, dtype=torch.bool, device=input_ids.device)

    return PerRowStop()


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


# ------------------------------------------------------------------------------------------- models


class _LoadedBase:
    """One base model in memory with the adapters loaded into it. Generation holds ``lock``: peft's
    active adapter is model-wide state."""

    def __init__(self, name: str, path: Path, device: str) -> None:
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        quiet_transformers()
        self.name = name
        self.path = path
        self.device = device
        self.lock = threading.RLock()
        self.adapters: dict[str, Path] = {}
        self.fingerprint = model_fingerprint(path)
        started = time.monotonic()
        self.tokenizer = AutoTokenizer.from_pretrained(str(path))
        self.tokenizer.padding_side = "left"
        if self.tokenizer.pad_token_id is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token
        dtype = torch.float32
        if device.startswith("cuda") and torch.cuda.is_bf16_supported():
            dtype = torch.bfloat16
        loaded: Any = AutoModelForCausalLM.from_pretrained(str(path), dtype=dtype)
        self.model: Any = loaded.to(device)
        self.model.eval()
        self.max_positions = int(
            getattr(self.model.config, "n_positions", 0)
            or getattr(self.model.config, "max_position_embeddings", 0)
            or 2048
        )
        log.info("base model loaded", model=name, path=str(path), device=device,
                 seconds=round(time.monotonic() - started, 2))

    # adapters ---------------------------------------------------------------------------------
    def ensure_adapter(self, adapter: str) -> str:
        """Load ``adapter`` (id or path) into the model once; return its peft name."""
        name = adapter_name(adapter)
        with self.lock:
            if name in self.adapters:
                return name
            path = resolve_adapter_path(adapter)
            check_adapter_base(path, self.path, self.name)
            from peft import PeftModel

            try:
                if isinstance(self.model, PeftModel):
                    self.model.load_adapter(str(path), adapter_name=name)
                else:
                    self.model = PeftModel.from_pretrained(self.model, str(path), adapter_name=name)
            except (RuntimeError, ValueError, KeyError) as exc:
                raise AdapterMismatchError(
                    f"adapter {adapter!r} does not fit base model {self.name!r}: {str(exc).splitlines()[0]}"
                ) from exc
            self.model.eval()
            self.adapters[name] = path
            log.info("adapter loaded", model=self.name, adapter=name, path=str(path))
            return name

    # generation -------------------------------------------------------------------------------
    def generate_batch(self, requests: Sequence[GenerationRequest]) -> list[Generation]:
        """Generate every request; rows sharing an adapter run as one batch."""
        names = [adapter_name(r.adapter_id) if r.adapter_id else BASE for r in requests]
        for r in requests:
            if r.adapter_id:
                self.ensure_adapter(r.adapter_id)
        results: list[Generation | None] = [None] * len(requests)
        with self.lock:
            for group in dict.fromkeys(names):
                idx = [i for i, n in enumerate(names) if n == group]
                outs = self._generate_group([requests[i] for i in idx], group)
                for i, out in zip(idx, outs, strict=True):
                    results[i] = out
        return [r for r in results if r is not None]

    def _generate_group(self, rows: Sequence[GenerationRequest], adapter: str) -> list[Generation]:
        import contextlib

        import torch
        from peft import PeftModel

        started = time.monotonic()
        tok = self.tokenizer
        full = [tok(r.prompt, add_special_tokens=False)["input_ids"] or [tok.eos_token_id] for r in rows]
        budget, keep = token_budget(max(len(e) for e in full), max(r.max_new_tokens for r in rows),
                                    self.max_positions)
        encoded = [e[-keep:] for e in full]
        width = max(len(e) for e in encoded)
        pad = tok.pad_token_id
        ids = torch.full((len(rows), width), pad, dtype=torch.long)
        mask = torch.zeros((len(rows), width), dtype=torch.long)
        for i, e in enumerate(encoded):
            ids[i, width - len(e):] = torch.tensor(e)
            mask[i, width - len(e):] = 1
        states = [_RowState() for _ in rows]
        eos_id = tok.eos_token_id
        ctx: Any = contextlib.nullcontext()
        if isinstance(self.model, PeftModel):
            if adapter:
                self.model.set_adapter(adapter)
            else:
                ctx = self.model.disable_adapter()
        with ctx, torch.inference_mode():
            self.model.generate(
                input_ids=ids.to(self.device),
                attention_mask=mask.to(self.device),
                max_new_tokens=budget,
                do_sample=False,
                num_beams=1,
                logits_processor=[_make_sampler(rows, self.device, states)],
                stopping_criteria=[_make_stopper(rows, states, width, tok, eos_id)],
                pad_token_id=pad,
                eos_token_id=eos_id,
            )
        latency = (time.monotonic() - started) * 1000
        peak = peak_memory_bytes(self.device)
        outs = []
        for r, e, st in zip(rows, encoded, states, strict=True):
            text = str(tok.decode(st.tokens, skip_special_tokens=True))
            if st.stop_hit:
                text = text[: text.find(st.stop_hit)]
            outs.append(Generation(
                text=text,
                prompt_tokens=len(e),
                completion_tokens=len(st.tokens),
                latency_ms=latency,
                peak_memory_bytes=peak,
                finish_reason=st.finish,
                stop_sequence=st.stop_hit,
                seed=r.seed,
                tokens=list(st.tokens),
            ))
        # A batch shares one token budget and one prompt cut (the longest prompt decides both), so a
        # row may get less room than it would alone. Rows the batch cut short or trimmed are run
        # again on their own: a row's text never depends on what it was batched with. Rare (the
        # batch budget is usually far above what rows generate); streamed rows are not re-run,
        # since their tokens already went out.
        if len(rows) > 1:
            for i, (r, e, st) in enumerate(zip(rows, full, states, strict=True)):
                own_budget, own_keep = token_budget(len(e), r.max_new_tokens, self.max_positions)
                trimmed = min(len(e), keep) != own_keep
                cut = not st.done and len(st.tokens) < own_budget
                if (trimmed or cut) and r.on_token is None:
                    outs[i] = self._generate_group([r], adapter)[0]
        return outs


@functools.cache
def backend_version() -> str:
    """What generates here (``transformers 4.x``), for every CallStats' ``backend_version``.

    modelserve reports it with each generation, served or in-process alike, so a local run and a
    served run record the same value and the refinement image needs no model library to know it."""
    try:
        return f"transformers {importlib.metadata.version('transformers')}"
    except importlib.metadata.PackageNotFoundError:
        return ""


def resolve_device(device: str) -> str:
    if device != "auto":
        return device
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


class LocalModel:
    """A handle on a shared base model with an optional default adapter.

    ``LocalModel.load`` is cheap after the first call for a base and device: handles share the
    weights and each handle may carry its own default adapter.
    """

    _bases: ClassVar[dict[tuple[str, str], _LoadedBase]] = {}
    _bases_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, base: _LoadedBase, adapter: str | None = None) -> None:
        self._base = base
        self.adapter = adapter or BASE

    @classmethod
    def load(cls, name_or_path: str, adapter: str | None = None, device: str = "auto") -> LocalModel:
        """Load (or reuse) base ``name_or_path`` on ``device``; load ``adapter`` into it when given.

        Raises :class:`ModelNotFoundError`, :class:`AdapterNotFoundError` or
        :class:`AdapterMismatchError` with a message fit for a user.
        """
        path = resolve_model_path(name_or_path)
        dev = resolve_device(device)
        key = (str(path), dev)
        with cls._bases_lock:
            base = cls._bases.get(key)
            if base is None:
                base = _LoadedBase(name_or_path, path, dev)
                cls._bases[key] = base
        if adapter:
            base.ensure_adapter(adapter)
        return cls(base, adapter)

    @classmethod
    def clear_cache(cls) -> None:
        """Forget every loaded base (tests; a server reloading its models)."""
        with cls._bases_lock:
            cls._bases.clear()

    # properties -----------------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self._base.name

    @property
    def path(self) -> Path:
        return self._base.path

    @property
    def device(self) -> str:
        return self._base.device

    @property
    def tokenizer(self) -> Any:
        return self._base.tokenizer

    @property
    def max_positions(self) -> int:
        return self._base.max_positions

    @property
    def fingerprint(self) -> str:
        return self._base.fingerprint

    @property
    def loaded_adapters(self) -> list[str]:
        return sorted(self._base.adapters)

    def ensure_adapter(self, adapter: str) -> str:
        return self._base.ensure_adapter(adapter)

    # generation -----------------------------------------------------------------------------------
    def generate(
        self,
        prompt: str,
        *,
        max_new_tokens: int = 256,
        temperature: float = 0.0,
        top_p: float = 1.0,
        seed: int | None = None,
        stop: Sequence[str] | None = (),
        adapter_id: str | None = None,
        on_token: TokenCallback | None = None,
    ) -> Generation:
        """Continue ``prompt``. ``adapter_id`` None uses this handle's adapter, ``""`` the base model.

        Errors are :class:`LocalModelError` subclasses (also ``ValueError``/``OSError`` as fitting),
        so callers that catch the builtin kinds keep working.
        """
        request = GenerationRequest(
            prompt=prompt,
            max_new_tokens=max_new_tokens,
            temperature=temperature,
            top_p=top_p,
            seed=seed,
            stop=tuple(stop or ()),
            adapter_id=self.adapter if adapter_id is None else adapter_id,
            on_token=on_token,
        )
        return self._base.generate_batch([request])[0]

    def generate_batch(self, requests: Sequence[GenerationRequest]) -> list[Generation]:
        """Generate several requests together (the server's dynamic batcher calls this)."""
        return self._base.generate_batch(requests)
