"""Measure a model's raw samples the way the study does: how many parse, how many the scanner flags.

For the demo model this is the acceptance check (at least 80% of raw samples parse; samples
include both flagged and clean programs, so the demo's tables are not empty). Extraction is the
refinement service's own (``hardgen.core.extraction``), so the parse rate measured here is the one a
study would record.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from hardgen.core.clients.scanner import ScannerPort
from hardgen.core.extraction import extract
from hardgen.core.languages import Language
from hardgen.core.logging import get_logger
from hardgen.core.prompts import raw_prompt
from hardgen.core.scenarios import Scenario, load_corpus
from hardgen.modelserve.localmodel import GenerationRequest, LocalModel

log = get_logger(__name__)

def extract_code(reply: str, scenario: Scenario) -> tuple[str, bool]:
    """(program, parses) of a reply, extracted and merged exactly as the refinement service does."""
    result = extract(reply, scenario.language, scenario.prefix(), scenario.suffix())
    return result.code, result.parses


@dataclass
class SampleResult:
    scenario: str
    language: str
    index: int
    parses: bool
    rules: list[str] = field(default_factory=list)
    completion_tokens: int = 0
    finish_reason: str = ""


@dataclass
class EvalReport:
    samples: list[SampleResult]
    seconds: float
    generated_tokens: int
    scanned: bool

    @property
    def parse_rate(self) -> float:
        return sum(s.parses for s in self.samples) / len(self.samples) if self.samples else 0.0

    @property
    def flagged_share(self) -> float:
        """Share of parsing samples with at least one finding."""
        parsed = [s for s in self.samples if s.parses]
        return sum(bool(s.rules) for s in parsed) / len(parsed) if parsed else 0.0

    def summary(self) -> dict[str, Any]:
        by_lang: dict[str, dict[str, float]] = {}
        for lang in sorted({s.language for s in self.samples}):
            rows = [s for s in self.samples if s.language == lang]
            parsed = [s for s in rows if s.parses]
            by_lang[lang] = {
                "samples": len(rows),
                "parse_rate": round(sum(s.parses for s in rows) / len(rows), 3),
                "flagged_share": round(sum(bool(s.rules) for s in parsed) / len(parsed), 3) if parsed else 0.0,
            }
        return {
            "samples": len(self.samples),
            "parse_rate": round(self.parse_rate, 3),
            "flagged_share": round(self.flagged_share, 3) if self.scanned else None,
            "flagged": sum(bool(s.rules) for s in self.samples),
            "clean_parsing": sum(s.parses and not s.rules for s in self.samples),
            "scanned": self.scanned,
            "seconds": round(self.seconds, 1),
            "generated_tokens": self.generated_tokens,
            "tokens_per_second": round(self.generated_tokens / self.seconds, 1) if self.seconds else 0.0,
            "by_language": by_lang,
        }


def evaluate(
    model: str,
    *,
    samples: int = 1,
    temperature: float = 0.0,
    max_new_tokens: int = 768,
    batch_size: int = 8,
    scanner: ScannerPort | None = None,
    language: str | None = None,
    seed: int = 42,
    adapter: str | None = None,
) -> EvalReport:
    """Generate ``samples`` raw samples per scenario, extract, parse-check and scan them with ``scanner``
    (the scanner service's client or the in-process scanner; None: unscanned)."""
    lm = LocalModel.load(model, adapter=adapter)
    scenarios = [s for s in load_corpus() if language is None or s.language.value == language]
    jobs = [(s, i) for s in scenarios for i in range(samples)]
    started = time.monotonic()
    results: list[SampleResult] = []
    codes: list[tuple[str, Language, str]] = []
    tokens = 0
    for start in range(0, len(jobs), batch_size):
        chunk = jobs[start : start + batch_size]
        outs = lm.generate_batch([
            GenerationRequest(raw_prompt(s), max_new_tokens=max_new_tokens, temperature=temperature,
                              seed=seed + i, stop=(), adapter_id=lm.adapter)
            for s, i in chunk
        ])
        for (s, i), out in zip(chunk, outs, strict=True):
            code, ok = extract_code(out.text, s)
            tokens += out.completion_tokens
            path = f"{s.id}/{i}{s.language.extension}"
            results.append(SampleResult(path, s.language.value, i, ok, completion_tokens=out.completion_tokens,
                                        finish_reason=out.finish_reason))
            codes.append((path, s.language, code))
        log.info("demo eval progress", done=len(results), total=len(jobs))
    seconds = time.monotonic() - started
    if scanner is not None:
        found = scanner.scan([(path, code, lang.value) for path, lang, code in codes])
        rules: dict[str, set[str]] = {}
        for f in found.findings:
            rules.setdefault(f.path, set()).add(f.rule_id)
        for r in results:
            r.rules = sorted(rules.get(r.scenario, set()))
    return EvalReport(results, seconds, tokens, scanner is not None)
