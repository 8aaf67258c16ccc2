"""``replay/<id>`` or ``replay/<manifest.jsonl>``: answer from a recorded manifest, with no model.

An id (letters, digits, ``-``, ``_``: no ``/`` and no ``.``) names a registered manifest,
``replay_dir()/<id>.jsonl``; that is the only form the gateway passes on, so a caller of the
public API never chooses a file. A path (the CLI on a user's own machine) is read as given.

A manifest is JSONL, one recorded sample per line, exactly what ``hardgen generate --record FILE``
writes (and what ``--format json`` prints per sample)::

    {"language": "python", "scenario": 1, "strategy": "nep", "index": 0, "model": "openai/gpt-4.1",
     "raw_response": "...", "prompts": [{"step": "nep:insecure-example", "response": "..."},
                                        {"step": "nep", "response": "..."}]}

Lookup is by (language, scenario, strategy, index); inside a sample, by the step name and its
occurrence (``sast-repair`` steps repeat). A line without ``prompts`` answers every step with its
``raw_response`` (or ``code``). This lets a study be re-run, re-scanned and re-analysed offline.
"""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path
from typing import Any

from hardgen.core.settings import replay_dir
from hardgen.refinement.backends.base import Backend, CallContext, GenerationParams, RawCompletion
from hardgen.refinement.errors import BackendCallError, ConfigError

Key = tuple[str, int, str, int]
_CACHE: dict[tuple[str, float, str], dict[Key, dict[str, Any]]] = {}
_LOCK = threading.Lock()
_REGISTERED_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


def manifest_path(name: str) -> Path:
    """The manifest a ``replay/`` model names: a registered id, else a path."""
    if _REGISTERED_ID.fullmatch(name):
        return replay_dir() / f"{name}.jsonl"
    return Path(name)


def load_manifest(path: Path, model_filter: str = "") -> dict[Key, dict[str, Any]]:
    """Index a manifest by (language, scenario, strategy, index); later lines win."""
    try:
        stamp = path.stat().st_mtime
    except OSError:
        raise ConfigError(f"replay manifest not found: {path}") from None
    cache_key = (str(path.resolve()), stamp, model_filter)
    with _LOCK:
        if cache_key in _CACHE:
            return _CACHE[cache_key]
        index: dict[Key, dict[str, Any]] = {}
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    key = (
                        str(record["language"]),
                        int(record.get("scenario", 0)),
                        str(record["strategy"]),
                        int(record.get("index", 0)),
                    )
                except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                    raise ConfigError(f"{path}:{number}: not a manifest record ({type(exc).__name__})") from None
                if model_filter and record.get("model") not in (model_filter, None):
                    continue
                index[key] = record
        _CACHE[cache_key] = index
        return index


class ReplayBackend(Backend):
    provider = "replay"
    default_concurrency = 64
    known_options = frozenset({"model"})

    @property
    def path(self) -> Path:
        return manifest_path(self.model)

    def version(self) -> str:
        return "replay 1"

    def prepare(self) -> None:
        if _REGISTERED_ID.fullmatch(self.model) and not self.path.is_file():
            # an id names the server's registry: say so without showing the server's paths
            raise ConfigError(f"no replay manifest is registered as {self.model!r}")
        load_manifest(self.path, self.options.get("model", ""))

    def _call(self, prompt: str, params: GenerationParams, context: CallContext) -> RawCompletion:
        records = load_manifest(self.path, self.options.get("model", ""))
        key = (context.language, context.scenario, context.strategy, context.index)
        record = records.get(key)
        if record is None:
            raise BackendCallError(f"replay manifest {self.path} has no sample for {key}")
        prompts = record.get("prompts") or []
        matches = [p for p in prompts if p.get("step") == context.step]
        if context.occurrence < len(matches):
            found = matches[context.occurrence]
            stats = found.get("stats") or {}
            return RawCompletion(
                text=str(found.get("response", "")),
                prompt_tokens=int(stats.get("prompt_tokens", 0) or 0),
                completion_tokens=int(stats.get("completion_tokens", 0) or 0),
                model=str(record.get("model", "")),
            )
        if prompts:
            raise BackendCallError(f"replay manifest {self.path} has no response for step {context.step!r} of {key}")
        text = record.get("raw_response") or record.get("code") or ""
        return RawCompletion(text=str(text), model=str(record.get("model", "")))


BACKEND = ReplayBackend
