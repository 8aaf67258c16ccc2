"""Local causal language models (transformers + peft): what the model server serves.

Only modelserve loads weights: the refinement service's ``hf/`` backend reaches these models
through :class:`hardgen.core.clients.modelserve.ModelServePort`, i.e. the modelserve service over
gRPC, or (the CLI's local mode) :class:`hardgen.modelserve.inprocess.InProcessModelServe`, which
runs this code in the caller's process.

A base model is loaded once per process and device; LoRA adapters are loaded into it on first use
and switched per request (peft multi-adapter: ``load_adapter`` / ``set_adapter`` /
``disable_adapter``), so one copy of the weights serves the base model and every adapter.

Decoding is :mod:`hardgen.modelserve.decoding`'s iteration-level batching: every row keeps its own
temperature, top-p, seed, stop sequences and token budget, rows join and leave the batch between
steps, and a seeded request gives the same text whether it ran alone or in a batch. That is what
lets the server batch concurrent requests.

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
from hardgen.modelserve.decoding import DecodeBatch, Row, RowSpec

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


# ------------------------------------------------------------------------------------------- models


class _LoadedBase:
    """One base model in memory with the adapters loaded into it. Decoding holds ``lock`` for each
    step: loading an adapter changes the model (peft wraps it and injects its layers)."""

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
    def decoder(self) -> DecodeBatch:
        """A fresh, empty batch of rows on this model (see :mod:`hardgen.modelserve.decoding`)."""
        return DecodeBatch(lambda: self.model, self.tokenizer, self.device, self.max_positions)

    def row_spec(self, request: GenerationRequest) -> RowSpec:
        """Tokenise ``request`` and name its adapter (loading it first, so a bad id fails here)."""
        tok = self.tokenizer
        ids = tok(request.prompt, add_special_tokens=False)["input_ids"] or [tok.eos_token_id]
        adapter = self.ensure_adapter(request.adapter_id) if request.adapter_id else BASE
        return RowSpec(
            prompt_ids=list(ids),
            max_new_tokens=request.max_new_tokens,
            temperature=request.temperature,
            top_p=request.top_p,
            seed=request.seed,
            stop=tuple(request.stop),
            adapter=adapter,
            on_token=request.on_token,
        )

    def result(self, row: Row) -> Generation:
        """The :class:`Generation` of a row that ended (latency from its admission to its end)."""
        text = str(self.tokenizer.decode(row.tokens, skip_special_tokens=True))
        if row.stop_hit:
            text = text[: text.find(row.stop_hit)]
        return Generation(
            text=text,
            prompt_tokens=row.prompt_tokens,
            completion_tokens=len(row.tokens),
            latency_ms=(row.finished_at - row.started) * 1000,
            peak_memory_bytes=peak_memory_bytes(self.device),
            finish_reason=row.finish,
            stop_sequence=row.stop_hit,
            seed=row.spec.seed,
            tokens=list(row.tokens),
        )

    def generate_batch(self, requests: Sequence[GenerationRequest]) -> list[Generation]:
        """Generate every request together, each row leaving the batch when it ends."""
        specs = [self.row_spec(r) for r in requests]
        batch = self.decoder()
        rows: list[Row] = []
        with self.lock:
            for spec in specs:
                rows.append(batch.admit(spec))
            while len(batch):
                if batch.step():
                    batch.drop_free_slots()  # nobody waits for the slots of rows that ended
        return [self.result(row) for row in rows]


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
        """Generate several requests together, each leaving the batch when it ends."""
        return self._base.generate_batch(requests)

    # continuous batching (the server's batcher drives a DecodeBatch step by step) ---------------------
    @property
    def lock(self) -> threading.RLock:
        """Held around each admission and step: loading an adapter changes the model."""
        return self._base.lock

    def decoder(self) -> DecodeBatch:
        return self._base.decoder()

    def row_spec(self, request: GenerationRequest) -> RowSpec:
        return self._base.row_spec(request)

    def result(self, row: Row) -> Generation:
        return self._base.result(row)
