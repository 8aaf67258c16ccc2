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

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from hardgen.core.fixes import Attempt, FileFix, FixOutcome, remaining_findings
from hardgen.core.languages import Language, UnknownLanguageError, language_for_path, parse_language
from hardgen.core.logging import get_logger
from hardgen.refinement.backends.base import Backend, GenerationParams
from hardgen.refinement.compilecheck import check_parses
from hardgen.refinement.errors import BackendCallError, RequestError, ScannerUnavailableError
from hardgen.refinement.scanning import ScanPort
from hardgen.refinement.strategies import Chain, parse_chain
from hardgen.refinement.strategies.base import SampleState, Task
from hardgen.refinement.strategies.sast_repair import describe_findings
from hardgen.refinement.templates import get_template

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
    """A chain that ends with ``sast-repair``; its generate step may only be ``cot`` (the file
    itself takes the place of the generated code, so ``raw`` and ``nep`` have nothing to do)."""
    chain = parse_chain(strategy)
    refused = [n for n in chain.names if n in ("raw", "nep")]
    if refused:
        raise RequestError(
            f"fix starts from the file, so {refused[0]!r} has nothing to do: use sast-repair, cot+sast-repair, "
            "mp+sast-repair or ft+sast-repair"
        )
    if chain.names[-1] != "sast-repair":
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


def _feedback(introduced: list[dict[str, Any]], reason: str) -> str:
    if introduced:
        return (
            f"Your previous answer was rejected because it added these weaknesses:\n{describe_findings(introduced)}\n"
        )
    return f"Your previous answer was rejected: {reason}.\n"


class Fixer:
    """Runs the verified fix loop for a batch of files with one backend and one chain."""

    def __init__(self, scanner: ScanPort, backend: Backend, chain: Chain, spec: FixSpec) -> None:
        self.scanner = scanner
        self.backend = backend
        self.chain = chain
        self.spec = spec
        self.template = get_template("fix")
        self.guidance = cot_guidance() if "cot" in chain.names else ""
        self._prescanned: dict[str, list[dict[str, Any]]] = {}

    def fix_all(self, files: list[FixInput]) -> list[FileFix]:
        """Scan every file in one batch (one engine run, not one per file), then fix file by file."""
        decoded = {f.path: decode(f, self.spec.max_file_bytes) for f in files}
        batch = [(p, d[1], d[0]) for p, d in decoded.items() if not isinstance(d, FileFix)]
        scan_many = getattr(self.scanner, "scan_many", None)
        if batch and scan_many is not None:
            self._prescanned = scan_many(batch)
        workers = max(1, min(len(files), self.backend.concurrency, 4))
        if workers == 1:
            return [self.fix_one(f, i) for i, f in enumerate(files)]
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fix") as pool:
            return list(pool.map(self.fix_one, files, range(len(files))))

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

    def fix_one(self, item: FixInput, index: int = 0) -> FileFix:
        started = time.monotonic()
        decoded = decode(item, self.spec.max_file_bytes)
        if isinstance(decoded, FileFix):
            return decoded
        language, text = decoded
        result = FileFix(item.path, FixOutcome.clean, "", language.value, original_code=text)
        prescanned = self._prescanned.get(item.path)
        result.findings = prescanned if prescanned is not None else self.scanner.scan_code(text, language, item.path)
        if result.findings:
            state = self._state(language, item.path, index)
            self._loop(state, result, language)
            result.model_calls = len(state.calls)
            result.tokens = sum(c.prompt_tokens + c.completion_tokens for c in state.calls)
        result.seconds = time.monotonic() - started
        log.info(
            "fix.file",
            path=item.path,
            outcome=result.outcome.value,
            findings=len(result.findings),
            calls=result.model_calls,
            seconds=round(result.seconds, 2),
        )
        return result

    def _loop(self, state: SampleState, result: FileFix, language: Language) -> None:
        """Ask, verify, keep or reject, up to ``rounds`` times; fills ``result``."""
        for step in self.chain.steps:
            if step.kind == "setup":
                step().run(state)
        base, targets = result.original_code, list(result.findings)
        feedback, partial = "", ""
        for number in range(1, self.spec.rounds + 1):
            prompt = self.template.render(
                **(
                    state.task.values()
                    | {
                        "path": result.path,
                        "findings": describe_findings(targets),
                        "feedback": feedback,
                        "guidance": self.guidance,
                        "code": base.rstrip(),
                    }
                )
            )
            try:
                reply = state.ask(f"{STEP_PREFIX}{number}", "fix", prompt)
            except BackendCallError as exc:
                result.attempts.append(Attempt(number, "rejected", f"model error: {exc}", False, len(targets)))
                if not partial:
                    result.outcome, result.reason = FixOutcome.skipped, f"model error, file left untouched: {exc}"
                    return
                break
            candidate = state.accept(reply).code
            attempt, introduced, remaining = self._verify(candidate, base, targets, language, result.path, number)
            result.attempts.append(attempt)
            if attempt.verdict == "accepted":
                result.outcome, result.fixed_code, result.remaining = FixOutcome.fixed, candidate, []
                result.reason = f"all {len(result.findings)} finding(s) fixed in round {number}, no new finding"
                return
            if attempt.verdict == "partial":
                base, targets, partial, feedback = candidate, remaining, candidate, ""
                continue
            feedback = _feedback(introduced, attempt.reason)
        if partial:
            fixed = len(result.findings) - len(targets)
            result.outcome, result.fixed_code, result.remaining = FixOutcome.partially_fixed, partial, targets
            result.reason = f"{fixed} of {len(result.findings)} finding(s) fixed, {len(targets)} remain"
        else:
            result.outcome, result.remaining = FixOutcome.unfixable, list(result.findings)
            result.reason = f"no verified fix in {self.spec.rounds} round(s); last: {result.attempts[-1].reason}"

    def _verify(
        self, candidate: str, base: str, targets: list[dict[str, Any]], language: Language, path: str, number: int
    ) -> tuple[Attempt, list[dict[str, Any]], list[dict[str, Any]]]:
        """(attempt, introduced findings, remaining targets) for one candidate."""
        if candidate.strip() == base.strip():
            return Attempt(number, "rejected", "the answer did not change the file", True, len(targets)), [], targets
        check = check_parses(candidate, language, path)
        if not check.ok:
            return Attempt(number, "rejected", f"does not parse ({check.reason})", False, len(targets)), [], targets
        found = self.scanner.scan_code(candidate, language, path)
        remaining, introduced = remaining_findings(targets, found)
        if introduced:
            rules = ", ".join(sorted({str(f["rule_id"]) for f in introduced}))
            reason = f"adds {len(introduced)} finding(s): {rules}"
            return Attempt(number, "rejected", reason, True, len(remaining), introduced), introduced, remaining
        if not remaining:
            return Attempt(number, "accepted", "every finding gone, none added", True, 0), [], []
        if len(remaining) < len(targets):
            reason = f"{len(targets) - len(remaining)} of {len(targets)} finding(s) gone, none added"
            return Attempt(number, "partial", reason, True, len(remaining)), [], remaining
        reason = f"none of the {len(targets)} finding(s) it was asked to fix is gone"
        return Attempt(number, "rejected", reason, True, len(remaining)), [], remaining


def require_scanner(scanner: ScanPort | None) -> ScanPort:
    if scanner is None:
        raise ScannerUnavailableError("fix needs the scanner service, and none is configured")
    return scanner
