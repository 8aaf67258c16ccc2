"""Verified fixes of existing files (``hardgen fix``, ``POST /v1/fixes``, ``Refinement.Fix``).

The refinement service owns the loop because it owns the model calls and the strategy chains:
scan the file, ask the model (through the chain's setup steps and the ``sast-repair`` step's
findings format) for a corrected file, and keep a candidate only when

* it parses (tree-sitter and the toolchain's syntax check, :mod:`hardgen.refinement.compilecheck`),
* every finding it was asked to fix is gone, and
* no new finding appears (:func:`hardgen.core.fixes.remaining_findings`).

Up to ``rounds`` attempts per file; a rejected candidate's reason (what it broke or added) goes into
the next prompt, and a candidate that removes some findings safely becomes the base of the next
round. Nothing under analysis is executed: the code is only parsed, compiled to syntax and scanned.
"""

from __future__ import annotations

import functools
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from hardgen.core.clients.scanner import ScannerUnavailableError
from hardgen.core.fixes import Attempt, FileFix, FixOutcome, remaining_findings
from hardgen.core.languages import Language, UnknownLanguageError, language_for_path, parse_language
from hardgen.core.logging import get_logger
from hardgen.core.prompts import get_template
from hardgen.refinement.backends.base import Backend, GenerationParams
from hardgen.refinement.compilecheck import check_parses
from hardgen.refinement.errors import BackendCallError, RequestError
from hardgen.refinement.scanning import FindingsScanner
from hardgen.refinement.strategies import Chain, parse_chain
from hardgen.refinement.strategies.base import SampleState, Task
from hardgen.refinement.strategies.sast_repair import describe_findings

log = get_logger(__name__)

MAX_ROUNDS = 10
DEFAULT_ROUNDS = 3
#: Files above this size are skipped (the gateway's default per-file scan limit, too).
MAX_FILE_BYTES = 1024 * 1024
MAX_FILES = 200
#: The step name every fix prompt is recorded under: the same as ``sast-repair``'s rounds, so
#: backends that treat hardening prompts specially (``mock/references``, ``replay/``) do here too.
STEP_PREFIX = "sast-repair:round-"


@dataclass(slots=True)
class FixInput:
    """One file to fix: the path reported back, its bytes and an optional language override."""

    path: str
    content: bytes
    language: str = ""


@dataclass(slots=True)
class FixSpec:
    """One fix request (the gRPC ``FixRequest`` in Python)."""

    model: str
    strategy: str = "sast-repair"
    rounds: int = DEFAULT_ROUNDS
    seed: int = 0
    temperature: float = 0.2
    max_new_tokens: int = 2048
    options: dict[str, str] = field(default_factory=dict)
    engines: list[str] = field(default_factory=list)
    profile: str = ""  # scan profile (default | extended); empty = the scanner's default
    max_file_bytes: int = MAX_FILE_BYTES


def fix_chain(strategy: str) -> Chain:
    """A chain that ends with a step that needs the scanner (``sast-repair``: ``Step.needs_scanner``);
    its generate step may only be ``cot`` (the file
    itself takes the place of the generated code, so ``raw`` and ``nep`` have nothing to do)."""
    chain = parse_chain(strategy)
    refused = [n for n in chain.names if n in ("raw", "nep")]
    if refused:
        raise RequestError(
            f"fix starts from the file, so {refused[0]!r} has nothing to do: use sast-repair, cot+sast-repair, "
            "mp+sast-repair or ft+sast-repair"
        )
    if not chain.steps[-1].needs_scanner:  # the loop feeds findings back: the last step must be a scanning one
        raise RequestError(f"fix strategies end with sast-repair (e.g. sast-repair, cot+sast-repair), got {strategy!r}")
    return chain


def cot_guidance() -> str:
    """The ``cot`` template's security steps (without its task placeholders), for ``cot+sast-repair``."""
    text = get_template("cot").text
    return "\n".join(line for line in text.splitlines() if "$" not in line) + "\n"


def check_spec(spec: FixSpec, files: list[FixInput]) -> None:
    if not 1 <= spec.rounds <= MAX_ROUNDS:
        raise RequestError(f"rounds must be between 1 and {MAX_ROUNDS}")
    if not 0.0 <= spec.temperature <= 2.0:
        raise RequestError("temperature must be between 0 and 2")
    if not 1 <= spec.max_new_tokens <= 32768:
        raise RequestError("max_new_tokens must be between 1 and 32768")
    if not files:
        raise RequestError("no files to fix")
    if len(files) > MAX_FILES:
        raise RequestError(f"{len(files)} files, the limit is {MAX_FILES}")
    paths = [f.path for f in files]
    if len(set(paths)) != len(paths):
        raise RequestError("a file path appears twice in the request")
    for path in paths:
        parts = PurePosixPath(path.replace("\\", "/")).parts
        if not parts or path.startswith(("/", "\\")) or ".." in parts or "\x00" in path or ":" in parts[0]:
            raise RequestError(f"invalid file path {path!r}: must be relative, without '..'")
        if "/".join(p for p in parts if p != ".") != path:  # findings come back under the normal form
            raise RequestError(f"invalid file path {path!r}: use the plain form ('a/b.py', no './', '//' or '\\')")


def decode(item: FixInput, max_bytes: int) -> tuple[Language, str] | FileFix:
    """The file's language and text, or the skipped/unsupported outcome that says why not."""
    try:
        language = parse_language(item.language) if item.language else language_for_path(item.path)
    except UnknownLanguageError as exc:
        raise RequestError(str(exc)) from None
    if language is None:
        return FileFix(item.path, FixOutcome.unsupported, "not a language hardgen scans (python, javascript, java, go)")
    if len(item.content) > max_bytes:
        return FileFix(
            item.path, FixOutcome.skipped, f"{len(item.content)} bytes, over the {max_bytes}-byte limit", language.value
        )
    if b"\0" in item.content[:8192]:
        return FileFix(item.path, FixOutcome.skipped, "binary file", language.value)
    try:
        return language, item.content.decode("utf-8")
    except UnicodeDecodeError as exc:
        return FileFix(item.path, FixOutcome.skipped, f"not UTF-8 (byte {exc.start})", language.value)


def _code_lines(code: str) -> int:
    return sum(1 for line in code.splitlines() if line.strip())


def _feedback(introduced: list[dict[str, Any]], reason: str) -> str:
    if introduced:
        return (
            f"Your previous answer was rejected because it added these weaknesses:\n{describe_findings(introduced)}\n"
        )
    return f"Your previous answer was rejected: {reason}.\n"


@dataclass(slots=True)
class _Run:
    """One file's way through the rounds: the code the next prompt carries and what it must fix."""

    result: FileFix
    language: Language
    state: SampleState
    base: str
    targets: list[dict[str, Any]]
    feedback: str = ""
    partial: str = ""
    done: bool = False
    started: float = field(default_factory=time.monotonic)


class Fixer:
    """Runs the verified fix loop for a batch of files with one backend and one chain.

    Files go through the rounds in lock step so that each round's candidates are scanned in one
    batch (one engine run per round, not one per file): a scanner run costs seconds, a model
    call on a small model less.
    """

    def __init__(self, scanner: FindingsScanner, backend: Backend, chain: Chain, spec: FixSpec) -> None:
        self.scanner = scanner
        self.backend = backend
        self.chain = chain
        self.spec = spec
        self.template = get_template("fix")
        self.guidance = cot_guidance() if "cot" in chain.names else ""
        self.workers = max(1, min(backend.concurrency, 4))

    def _scan(self, batch: list[tuple[str, str, Language]]) -> dict[str, list[dict[str, Any]]]:
        if not batch:
            return {}
        return self.scanner.scan_many(batch)

    def _map(self, function: Any, items: list[Any]) -> list[Any]:
        if self.workers == 1 or len(items) < 2:
            return [function(item) for item in items]
        with ThreadPoolExecutor(max_workers=min(self.workers, len(items)), thread_name_prefix="fix") as pool:
            return list(pool.map(function, items))

    def fix_all(self, files: list[FixInput]) -> list[FileFix]:
        """One outcome per file, in the order given."""
        outcomes: dict[str, FileFix] = {}
        texts: list[tuple[str, str, Language]] = []
        for item in files:
            decoded = decode(item, self.spec.max_file_bytes)
            if isinstance(decoded, FileFix):
                outcomes[item.path] = decoded
            else:
                texts.append((item.path, decoded[1], decoded[0]))
        found = self._scan(texts)
        runs: list[_Run] = []
        for index, (path, text, language) in enumerate(texts):
            result = FileFix(path, FixOutcome.clean, "no findings", language.value, text, findings=found[path])
            outcomes[path] = result
            if result.findings:
                runs.append(_Run(result, language, self._state(language, path, index), text, list(result.findings)))
        self._map(self._setup, runs)
        for number in range(1, self.spec.rounds + 1):
            active = [run for run in runs if not run.done]
            if not active:
                break
            candidates = self._map(functools.partial(self._ask, number=number), active)
            checked = [(run, code) for run, code in zip(active, candidates, strict=True) if code is not None]
            scans = self._scan([(run.result.path, code, run.language) for run, code in checked])
            for run, code in checked:
                self._judge(run, code, scans[run.result.path], number)
        for run in runs:
            self._finish(run)
        return [outcomes[item.path] for item in files]

    def _state(self, language: Language, path: str, index: int) -> SampleState:
        params = GenerationParams(
            max_new_tokens=self.spec.max_new_tokens,
            temperature=self.spec.temperature,
            top_p=float(self.spec.options.get("top_p", 0.95)),
            seed=self.spec.seed + index,
        )
        task = Task(language=language, task=f"Fix the security weaknesses a scanner reported in {path}.")
        return SampleState(
            task=task,
            backend=self.backend,
            params=params,
            strategy=self.chain.name,
            index=index,
            options=self.spec.options,
            scanner=self.scanner,
        )

    def _setup(self, run: _Run) -> None:
        """The chain's setup steps (``mp`` instruction, ``ft`` model) before the first prompt."""
        for step in self.chain.steps:
            if step.kind == "setup":
                step().run(run.state)

    def _ask(self, run: _Run, number: int) -> str | None:
        """One candidate that changes the file and parses, or None (the attempt is recorded)."""
        prompt = self.template.render(
            **(
                run.state.task.values()
                | {
                    "path": run.result.path,
                    "findings": describe_findings(run.targets),
                    "feedback": run.feedback,
                    "guidance": self.guidance,
                    "code": run.base.rstrip(),
                }
            )
        )
        try:
            reply = run.state.ask(f"{STEP_PREFIX}{number}", "fix", prompt)
        except BackendCallError as exc:
            run.result.attempts.append(Attempt(number, "rejected", f"model error: {exc}", False, len(run.targets)))
            if not run.partial:
                run.result.outcome = FixOutcome.skipped
                run.result.reason = f"model error, file left untouched: {exc}"
            run.done = True
            return None
        candidate = run.state.accept(reply).code
        if candidate.strip() == run.base.strip():
            self._reject(run, Attempt(number, "rejected", "the answer did not change the file", True, len(run.targets)))
            return None
        kept, had = _code_lines(candidate), _code_lines(run.result.original_code)
        if kept * 3 < had:  # deleting the program removes its findings too: not a fix
            reason = f"the answer drops most of the file ({kept} of {had} lines left)"
            self._reject(run, Attempt(number, "rejected", reason, True, len(run.targets)))
            return None
        check = check_parses(candidate, run.language, run.result.path)
        if not check.ok:
            reason = f"does not parse ({check.reason})"
            self._reject(run, Attempt(number, "rejected", reason, False, len(run.targets)))
            return None
        return candidate

    def _reject(self, run: _Run, attempt: Attempt) -> None:
        run.result.attempts.append(attempt)
        run.feedback = _feedback(attempt.introduced, attempt.reason)

    def _judge(self, run: _Run, candidate: str, found: list[dict[str, Any]], number: int) -> None:
        """Keep the candidate (fixed or partial) or reject it, by its findings against the targets."""
        remaining, introduced = remaining_findings(run.targets, found)
        if introduced:
            rules = ", ".join(sorted({str(f["rule_id"]) for f in introduced}))
            reason = f"adds {len(introduced)} finding(s): {rules}"
            self._reject(run, Attempt(number, "rejected", reason, True, len(remaining), introduced))
        elif not remaining:
            run.result.attempts.append(Attempt(number, "accepted", "every finding gone, none added", True, 0))
            run.result.outcome, run.result.fixed_code, run.result.remaining = FixOutcome.fixed, candidate, []
            total = len(run.result.findings)
            run.result.reason = f"all {total} finding(s) fixed in round {number}, no new finding"
            run.done = True
        elif len(remaining) < len(run.targets):
            reason = f"{len(run.targets) - len(remaining)} of {len(run.targets)} finding(s) gone, none added"
            run.result.attempts.append(Attempt(number, "partial", reason, True, len(remaining)))
            run.base, run.targets, run.partial, run.feedback = candidate, remaining, candidate, ""
        else:
            reason = f"none of the {len(run.targets)} finding(s) it was asked to fix is gone"
            self._reject(run, Attempt(number, "rejected", reason, True, len(remaining)))

    def _finish(self, run: _Run) -> None:
        result = run.result
        calls = run.state.calls
        result.model_calls = len(calls)
        result.tokens = sum(c.prompt_tokens + c.completion_tokens for c in calls)
        result.seconds = time.monotonic() - run.started
        if result.outcome is FixOutcome.clean:  # not fixed, not skipped: partial or unfixable
            if run.partial:
                fixed = len(result.findings) - len(run.targets)
                result.outcome, result.fixed_code, result.remaining = (
                    FixOutcome.partially_fixed,
                    run.partial,
                    run.targets,
                )
                result.reason = f"{fixed} of {len(result.findings)} finding(s) fixed, {len(run.targets)} remain"
            else:
                result.outcome, result.remaining = FixOutcome.unfixable, list(result.findings)
                last = result.attempts[-1].reason if result.attempts else "no attempt"
                result.reason = f"no verified fix in {self.spec.rounds} round(s); last: {last}"
        elif result.outcome is FixOutcome.skipped:
            result.remaining = list(result.findings)
        log.info(
            "fix.file",
            path=result.path,
            outcome=result.outcome.value,
            findings=len(result.findings),
            calls=result.model_calls,
            seconds=round(result.seconds, 2),
        )


def require_scanner(scanner: FindingsScanner | None) -> FindingsScanner:
    if scanner is None:
        raise ScannerUnavailableError("fix needs the scanner service, and none is configured")
    return scanner
