"""``mp``: meta prompting.

Ask the model once per (model, language) for an instruction that maximises the security of the
code it writes, cache the answer on disk (``<cache_dir>/refinement/mp/``), and prepend it to every
task prompt of the sample. Caching is the point: the study uses one instruction per model and
language, not a fresh one per sample, so results do not vary with the meta answer's sampling.
Option ``mp_refresh=true`` asks again and overwrites the cache.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from pathlib import Path

from hardgen.core.prompts import LANGUAGE_NAMES
from hardgen.core.settings import cache_dir
from hardgen.refinement.strategies.base import SampleState, Step

META_STEP = "mp:meta"
_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def _lock(key: str) -> threading.Lock:
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(key, threading.Lock())


def cache_path(model: str, language: str, template_version: str) -> Path:
    digest = hashlib.sha256("\x1f".join([model, language, template_version]).encode()).hexdigest()[:24]
    return cache_dir() / "refinement" / "mp" / f"{digest}.json"


def clean_instruction(reply: str) -> str:
    """The instruction without reasoning blocks, fences or surrounding quotes."""
    text = re.sub(r"<think>.*?</think>", "", reply, flags=re.DOTALL | re.IGNORECASE)
    text = re.sub(r"```[^\n]*\n?", "", text).strip()
    return text.strip("\"'“”").strip()


class MetaPrompt(Step):
    name = "mp"
    kind = "setup"
    description = "ask the model once per (model, language) for a security instruction; prepend it to prompts"
    templates = ("mp-meta", "mp")
    options = {"mp_refresh": "true to ask again instead of using the cached instruction"}

    def run(self, state: SampleState) -> None:
        template = state.use_template("mp-meta")
        state.use_template("mp")
        language = state.task.language
        prompt = template.render(language_name=LANGUAGE_NAMES[language])
        path = cache_path(state.backend.name, language.value, template.version)
        refresh = state.options.get("mp_refresh", "").lower() in {"1", "true", "yes"}
        with _lock(str(path)):
            cached = None if refresh or state.dry_run else self._read(path)
            if cached is not None:
                from hardgen.refinement.strategies.base import PromptRecord

                state.prompts.append(PromptRecord(META_STEP, "mp-meta", template.version, prompt, cached, cached=True))
                state.notes["mp_instruction"] = "cached"
            else:
                cached = clean_instruction(state.ask(META_STEP, "mp-meta", prompt, task_prompt=False))
                if not state.dry_run and cached:
                    self._write(path, state.backend.name, language.value, template.version, cached)
                state.notes["mp_instruction"] = "asked" if cached else "empty"
        if cached:  # an empty answer adds nothing rather than a blank line before the task
            state.preamble.append(cached)

    @staticmethod
    def _read(path: Path) -> str | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return None
        value = data.get("instruction")
        return str(value) if value else None

    @staticmethod
    def _write(path: Path, model: str, language: str, version: str, instruction: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        body = {"model": model, "language": language, "template_version": version, "instruction": instruction}
        tmp.write_text(json.dumps(body, indent=2), encoding="utf-8")
        tmp.replace(path)


STEP = MetaPrompt
