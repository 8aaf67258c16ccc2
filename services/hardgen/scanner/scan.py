"""Scan orchestration: inputs → one engine invocation per batch → normalised, de-duplicated findings.

Steps for a batch: detect language (extension or override), skip and report binary files, decode
non-UTF-8 text with replacement, look every (file, engine) up in the result cache, write the
misses into one temporary folder, run each engine once over all its misses, split the batch when
an engine crashes so that only the offending file gets an error, fingerprint, de-duplicate across
engines, and store the new results in the cache.
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from hardgen.core.findings import FileError, Finding
from hardgen.core.languages import Language, language_for_path
from hardgen.core.logging import get_logger
from hardgen.core.profiles import Profile, filter_findings, parse_profile
from hardgen.scanner.cache import ResultCache, cache_key
from hardgen.scanner.dedup import deduplicate
from hardgen.scanner.engines.base import Engine, EngineConfigError, EngineError, EngineTimeoutError, ScanFile
from hardgen.scanner.engines.registry import select_engines
from hardgen.scanner.rulepack import rule_pack_version

log = get_logger(__name__)

DEFAULT_TIMEOUT = 300.0
#: Below this many seconds left, a failing batch is not split further: its files get errors.
_MIN_RETRY_SECONDS = 2.0
#: Share of the remaining time one multi-file engine run may use before the batch is split.
_BATCH_SHARE = 0.6
#: With less time than this left, a run gets all of it (nothing useful fits after a share).
_SHARE_MIN_SECONDS = 3.0


class ScanTimeoutError(TimeoutError):
    """The scan did not complete within its time limit (gRPC DEADLINE_EXCEEDED, HTTP 504)."""


class ScanInputError(ValueError):
    """Inputs that cannot be scanned as a whole (bad path, too many files)."""


@dataclass(slots=True)
class SourceInput:
    """One file to scan: the path findings report, its bytes, and an optional language override."""

    path: str
    content: bytes
    language: Language | None = None


@dataclass(slots=True)
class ScanReport:
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    files_scanned: int = 0
    duration_ms: float = 0.0
    rule_pack_version: str = ""
    cache_hits: int = 0
    engines: list[str] = field(default_factory=list)
    engine_runs: int = 0  # engine processes started for this scan (0 when all came from the cache)
    hits_by_path: dict[str, int] = field(default_factory=dict)  # cache hits per file (not serialised)
    engine_seconds: dict[str, float] = field(default_factory=dict)  # wall time per engine, cache included
    profile: str = Profile.DEFAULT.value  # which query ids were reported (hardgen.core.profiles)
    # engines that could not run at all (broken install, unwritable $HOME, bad rule pack): the
    # scan is incomplete, which callers must not read as "no findings" (CLI exit 1, SARIF
    # executionSuccessful false)
    failed_engines: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "findings": [f.model_dump() for f in self.findings],
            "errors": [e.model_dump() for e in self.errors],
            "skipped": list(self.skipped),
            "files_scanned": self.files_scanned,
            "duration_ms": round(self.duration_ms, 1),
            "rule_pack_version": self.rule_pack_version,
            "cache_hits": self.cache_hits,
            "engines": list(self.engines),
            "engine_runs": self.engine_runs,
            "engine_seconds": {name: round(sec, 3) for name, sec in self.engine_seconds.items()},
            "profile": self.profile,
            "failed_engines": dict(self.failed_engines),
        }


def normalise_path(path: str) -> str:
    """A safe relative '/' path; rejects absolute names and ``..`` components."""
    text = path.replace("\\", "/").strip()
    pure = PurePosixPath(text)
    if not text or pure.is_absolute() or ".." in pure.parts or ":" in (pure.parts[0] if pure.parts else ""):
        raise ScanInputError(f"invalid file path {path!r}: must be relative, without '..'")
    parts = [p for p in pure.parts if p not in ("", ".")]
    if not parts:
        raise ScanInputError(f"invalid file path {path!r}")
    return "/".join(parts)


def unique_paths(inputs: Iterable[SourceInput]) -> Iterator[tuple[str, SourceInput]]:
    """``(normalised path, input)`` per input; :class:`ScanInputError` for a bad or repeated path."""
    seen: set[str] = set()
    for item in inputs:
        path = normalise_path(item.path)
        if path in seen:
            raise ScanInputError(f"file {path!r} appears twice in the batch")
        seen.add(path)
        yield path, item


def check_inputs(inputs: Iterable[SourceInput]) -> None:
    """Raise :class:`ScanInputError` for a bad path or a path given twice (before any scanning)."""
    for _ in unique_paths(inputs):
        pass


def is_binary(content: bytes) -> bool:
    """NUL bytes in the first 8 KiB: what git and grep use to call a file binary."""
    return b"\0" in content[:8192]


@dataclass(slots=True)
class _Prepared:
    path: str
    text: str
    language: Language
    sha256: str


Progress = Callable[[str, int, int], None]


class Scanner:
    """Runs engines over batches of files, with the result cache in front of them."""

    def __init__(
        self,
        engines: Sequence[Engine] | None = None,
        cache: ResultCache | None = None,
        use_cache: bool = True,
    ) -> None:
        self.engines = list(engines) if engines is not None else select_engines()
        self.cache = (cache or ResultCache()) if use_cache else None

    def scan(
        self,
        inputs: Iterable[SourceInput],
        timeout: float = DEFAULT_TIMEOUT,
        engines: Sequence[Engine] | None = None,
        progress: Progress | None = None,
        profile: Profile | str = Profile.DEFAULT,
    ) -> ScanReport:
        """Scan one batch. Raises :class:`ScanTimeoutError` when the time limit is exceeded.

        Engines run every rule and the cache keeps every finding; ``profile`` only chooses which
        findings are reported (before de-duplication, so that a reported finding is never merged
        into one the profile hides).
        """
        chosen = parse_profile(profile)
        started = time.monotonic()
        deadline = started + timeout
        engine_list = list(engines) if engines is not None else self.engines
        report = ScanReport(
            rule_pack_version=rule_pack_version(), engines=[e.name for e in engine_list], profile=chosen.value
        )
        prepared = self._prepare(inputs, report)
        report.files_scanned = len(prepared)
        findings: list[Finding] = []
        with tempfile.TemporaryDirectory(prefix="hardgen-scan-") as tmp:
            written: dict[int, Path] = {}
            for engine in engine_list:
                if progress:
                    progress(engine.name, 0, len(prepared))
                engine_started = time.monotonic()
                findings.extend(self._run_engine(engine, prepared, Path(tmp), written, deadline, report))
                spent = time.monotonic() - engine_started
                report.engine_seconds[engine.name] = report.engine_seconds.get(engine.name, 0.0) + spent
                if progress:
                    progress(engine.name, len(prepared), len(prepared))
        lines: dict[str, list[str]] = {}
        texts = {p.path: p.text for p in prepared}
        findings = [_fingerprinted(f, lines, texts) for f in filter_findings(findings, chosen)]
        report.findings = sorted(deduplicate(findings), key=lambda f: (f.path, f.start_line, f.rule_id, f.engine))
        report.errors.sort(key=lambda e: (e.path, e.engine))
        report.duration_ms = (time.monotonic() - started) * 1000
        log.info(
            "scan.completed",
            files=report.files_scanned,
            findings=len(report.findings),
            errors=len(report.errors),
            skipped=len(report.skipped),
            cache_hits=report.cache_hits,
            engine_runs=report.engine_runs,
            duration_ms=round(report.duration_ms, 1),
            profile=chosen.value,
        )
        return report

    def _prepare(self, inputs: Iterable[SourceInput], report: ScanReport) -> list[_Prepared]:
        prepared: list[_Prepared] = []
        for path, item in unique_paths(inputs):
            language = item.language or language_for_path(path)
            if language is None:
                report.skipped.append(f"{path}: unsupported file type")
                continue
            if is_binary(item.content):
                report.skipped.append(f"{path}: binary file")
                continue
            text = item.content.decode("utf-8", errors="replace")
            prepared.append(_Prepared(path, text, language, hashlib.sha256(item.content).hexdigest()))
        return prepared

    def _run_engine(
        self,
        engine: Engine,
        prepared: list[_Prepared],
        tmp: Path,
        written: dict[int, Path],
        deadline: float,
        report: ScanReport,
    ) -> list[Finding]:
        indexed = [(i, p) for i, p in enumerate(prepared) if p.language in engine.languages]
        if not indexed:
            return []
        version = engine.version()
        keys = {i: cache_key(p.sha256, p.language.value, engine.name, version) for i, p in indexed}
        cached = self.cache.get_many(keys.values()) if self.cache else {}
        findings: list[Finding] = []
        misses: list[ScanFile] = []
        index_of: dict[str, int] = {}
        for i, p in indexed:
            hit = cached.get(keys[i])
            if hit is not None:
                report.cache_hits += 1
                report.hits_by_path[p.path] = report.hits_by_path.get(p.path, 0) + 1
                findings.extend(f.model_copy(update={"path": p.path}) for f in hit)
                continue
            if i not in written:
                target = tmp / f"{i:06d}" / _disk_name(p.path, p.language)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(p.text, encoding="utf-8")
                written[i] = target
            misses.append(ScanFile(path=p.path, abs_path=written[i], language=p.language))
            index_of[p.path] = i
        if not misses:
            return findings
        new_findings, errors = self._run_batch(engine, misses, deadline, report)
        findings.extend(new_findings)
        report.errors.extend(errors)
        if self.cache is not None:
            failed = {e.path for e in errors}
            per_file: dict[str, list[Finding]] = {f.path: [] for f in misses if f.path not in failed}
            for finding in new_findings:
                if finding.path in per_file:
                    per_file[finding.path].append(finding)
            self.cache.put_many({keys[index_of[path]]: items for path, items in per_file.items()})
        return findings

    def _run_batch(
        self, engine: Engine, files: list[ScanFile], deadline: float, report: ScanReport
    ) -> tuple[list[Finding], list[FileError]]:
        """Run the engine once over ``files``; on a crash, split the batch and retry the halves."""
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise ScanTimeoutError("scan time limit exceeded")
        # A run gets part of the remaining time, so that a file that hangs the engine can still be
        # isolated (by splitting the batch) and reported before the scan's own limit runs out.
        budget = remaining * _BATCH_SHARE if remaining > _SHARE_MIN_SECONDS else remaining
        report.engine_runs += 1
        try:
            result = engine.scan(files, timeout=budget)
        except EngineTimeoutError as exc:
            if len(files) == 1 and budget < remaining:
                return [], [FileError(path=files[0].path, engine=engine.name, message=f"timeout: {exc}")]
            if len(files) == 1 or deadline - time.monotonic() < _MIN_RETRY_SECONDS:
                raise ScanTimeoutError(f"engine {engine.name} exceeded the scan time limit") from exc
            log.info("engine.split_batch", engine=engine.name, files=len(files), error=str(exc))
            middle = len(files) // 2
            left = self._run_batch(engine, files[:middle], deadline, report)
            right = self._run_batch(engine, files[middle:], deadline, report)
            return left[0] + right[0], left[1] + right[1]
        except EngineConfigError as exc:
            message = " ".join(str(exc).split())[:300]
            log.error("engine.config_error", engine=engine.name, error=message)
            report.failed_engines.setdefault(engine.name, message)
            return [], [FileError(path=f.path, engine=engine.name, message=message) for f in files]
        except (EngineError, OSError, ValueError) as exc:
            message = " ".join(str(exc).split())[:300] or type(exc).__name__
            if len(files) == 1 or deadline - time.monotonic() < _MIN_RETRY_SECONDS:
                log.warning("engine.failed", engine=engine.name, files=len(files), error=message)
                failed = f"engine failed: {message}"
                return [], [FileError(path=f.path, engine=engine.name, message=failed) for f in files]
            log.info("engine.split_batch", engine=engine.name, files=len(files), error=message)
            middle = len(files) // 2
            left = self._run_batch(engine, files[:middle], deadline, report)
            right = self._run_batch(engine, files[middle:], deadline, report)
            return left[0] + right[0], left[1] + right[1]
        known = {f.path for f in files}
        return [f for f in result.findings if f.path in known], list(result.errors)


def _disk_name(path: str, language: Language) -> str:
    """The file's base name, with its language's extension added when the name lacks it
    (``--language`` overrides and extension-less scripts: tools pick the parser by extension)."""
    name = PurePosixPath(path).name
    return name if language_for_path(name) is language else name + language.extension


def _fingerprinted(finding: Finding, lines: dict[str, list[str]], texts: dict[str, str]) -> Finding:
    if finding.path not in lines:
        lines[finding.path] = texts.get(finding.path, "").splitlines()
    file_lines = lines[finding.path]
    line_text = file_lines[finding.start_line - 1] if 0 < finding.start_line <= len(file_lines) else ""
    return finding.with_fingerprint(line_text)


def scan_inputs(
    inputs: Iterable[SourceInput],
    engine_names: Sequence[str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    use_cache: bool = True,
    profile: Profile | str = Profile.DEFAULT,
) -> ScanReport:
    """One-call convenience: select engines by name (default selection when empty) and scan."""
    scanner = Scanner(select_engines(engine_names), use_cache=use_cache)
    return scanner.scan(inputs, timeout=timeout, profile=profile)
