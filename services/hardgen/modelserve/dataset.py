"""Fine-tuning datasets: the corpus's secure references (plus user JSONL), each one scanned first.

Every example is (raw prompt, fenced whole program), so training matches inference. An example the
scanner flags, or cannot analyse, is dropped and reported: a hardening fine-tune must not learn a
weakness from its own training set.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from hardgen.core.languages import Language, UnknownLanguageError, parse_language
from hardgen.core.prompts import raw_prompt
from hardgen.core.scenarios import load_corpus
from hardgen.modelserve.prompts import completion_text
from hardgen.modelserve.scan import NamedScanner, ScanItem
from hardgen.modelserve.training import Example


class DatasetError(ValueError):
    """No usable examples, or a malformed user dataset."""


@dataclass(frozen=True)
class DatasetExample:
    source: str
    language: Language | None
    prompt: str
    completion: str
    code: str  # what the scanner sees


@dataclass
class DroppedExample:
    source: str
    reason: str
    rules: list[str] = field(default_factory=list)


@dataclass
class Dataset:
    examples: list[DatasetExample]
    dropped: list[DroppedExample]
    scanner: str  # which scanner checked it, or "none"
    language: str = ""

    @property
    def hash(self) -> str:
        digest = hashlib.sha256()
        for ex in self.examples:
            digest.update(json.dumps([ex.prompt, ex.completion]).encode("utf-8"))
        return digest.hexdigest()

    def training_examples(self) -> list[Example]:
        return [Example(ex.prompt, ex.completion) for ex in self.examples]

    def report(self) -> dict[str, Any]:
        return {
            "language": self.language or "all",
            "examples": len(self.examples),
            "dropped": [asdict(d) for d in self.dropped],
            "scanner": self.scanner,
            "hash": self.hash,
        }

    def to_jsonl(self) -> str:
        return "".join(json.dumps({"prompt": e.prompt, "completion": e.completion}) + "\n" for e in self.examples)


_FENCE = re.compile(r"```([A-Za-z0-9_+-]*)\n(.*?)```", re.DOTALL)


def _code_of(completion: str) -> tuple[str, str]:
    """(fence language, code) of the first fenced block, else ("", completion)."""
    match = _FENCE.search(completion)
    return (match.group(1), match.group(2)) if match else ("", completion)


def corpus_examples(language: Language | None, root: Path | None = None) -> list[DatasetExample]:
    """Each secure reference of each scenario (of ``language``, or all) as a training example."""
    out = []
    for scenario in load_corpus(root):
        if language is not None and scenario.language is not language:
            continue
        prompt = raw_prompt(scenario)
        for ref in scenario.secure:
            code = scenario.reference_code(ref)
            out.append(DatasetExample(
                source=f"{scenario.folder.parent.name}/{scenario.language.value}/{ref.file}",
                language=scenario.language,
                prompt=prompt,
                completion=completion_text(scenario, code),
                code=code,
            ))
    return out


def jsonl_examples(path: Path, language: Language | None) -> tuple[list[DatasetExample], list[DroppedExample]]:
    """Read ``{"prompt", "completion", "language"?}`` lines; malformed lines are dropped and reported."""
    if not path.is_file():
        raise DatasetError(f"dataset file {path} not found")
    examples: list[DatasetExample] = []
    dropped: list[DroppedExample] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path.name}:{number}"
        try:
            record = json.loads(line)
            prompt, completion = str(record["prompt"]), str(record["completion"])
        except (json.JSONDecodeError, KeyError, TypeError):
            dropped.append(DroppedExample(source, "not a JSON object with prompt and completion"))
            continue
        fence, code = _code_of(completion)
        lang: Language | None = language
        for name in (record.get("language"), fence):
            if lang is None and name:
                with contextlib.suppress(UnknownLanguageError):
                    lang = parse_language(str(name))
        if language is not None and lang is not None and lang is not language:
            continue  # another language's example in a per-language dataset
        examples.append(DatasetExample(source, lang, prompt, completion, code))
    return examples, dropped


def build_dataset(
    language: Language | str | None = None,
    *,
    extra_jsonl: Path | None = None,
    scanner: NamedScanner | None = None,
    include_corpus: bool = True,
    corpus_root: Path | None = None,
) -> Dataset:
    """Collect, scan and filter; raise :class:`DatasetError` when nothing usable is left."""
    lang = parse_language(language) if isinstance(language, str) and language else None
    if isinstance(language, Language):
        lang = language
    candidates = corpus_examples(lang, corpus_root) if include_corpus else []
    dropped: list[DroppedExample] = []
    if extra_jsonl is not None:
        extra, bad = jsonl_examples(extra_jsonl, lang)
        candidates += extra
        dropped += bad
    kept = candidates
    if scanner is not None:
        kept = []
        scannable = [c for c in candidates if c.language is not None]
        for c in candidates:
            if c.language is None:
                dropped.append(DroppedExample(c.source, "language unknown, cannot be scanned"))
        verdicts = scanner.fn([ScanItem(c.source, c.language, c.code) for c in scannable if c.language])
        for c, verdict in zip(scannable, verdicts, strict=True):
            if verdict.error:
                dropped.append(DroppedExample(c.source, f"scanner error: {verdict.error}"))
            elif verdict.rules:
                dropped.append(DroppedExample(c.source, "flagged by the scanner", sorted(verdict.rules)))
            else:
                kept.append(c)
    dataset = Dataset(kept, dropped, scanner.name if scanner else "none", lang.value if lang else "")
    if not kept:
        detail = f"; {len(dropped)} dropped ({dropped[0].source}: {dropped[0].reason})" if dropped else ""
        raise DatasetError(f"dataset for {lang.value if lang else 'all languages'} has no usable examples{detail}")
    return dataset
