"""The embedded default engine: Semgrep OSS with the project's own rule packs, fully offline.

One ``semgrep scan`` process per batch (over one staged folder, see :func:`stage`), with the rule
packs of the languages present. By default Semgrep's native (OCaml) front end runs it
(``scan --experimental``, ``HARDGEN_SEMGREP_NATIVE``): the same semgrep-core engine with the same
results, without the ~2 s start-up of the Python front end (pysemgrep) that every run paid. Rules keep
CodeQL's query id in ``metadata.codeql_id`` (Semgrep ids cannot contain ``/``) and that is what
findings report, so results line up with CodeQL SARIF and take their severity from the catalogue.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from hardgen.core.catalogue import parse_cwe, severity
from hardgen.core.findings import FileError, Finding
from hardgen.core.languages import Language
from hardgen.core.logging import get_logger
from hardgen.scanner.engines.base import (
    EngineConfigError,
    EngineError,
    EngineResult,
    EngineUnavailableError,
    ScanFile,
)
from hardgen.scanner.engines.proc import run_tool
from hardgen.scanner.rulepack import merged_rules, rule_files, rule_pack_version, rules_dir
from hardgen.scanner.settings import SemgrepSettings

log = get_logger(__name__)

#: Semgrep error types that mean "this file was not (fully) analysed".
_FILE_FAILURES = {"Timeout", "OutOfMemory", "Fatal error", "Lexical error", "Too many matches", "Other syntax error"}
#: Semgrep exit codes for a configuration problem (bad pattern, unparsable YAML, invalid rule).
_CONFIG_EXIT_CODES = {4, 5, 6, 7, 8}
#: a file name ending the native front end takes for a bundle and skips (see :func:`_staged_name`)
_MINIFIED_JS = ".min.js"


@cache
def semgrep_binary() -> str | None:
    """The ``semgrep`` next to this interpreter (the venv's), else the one on PATH."""
    beside = Path(sys.executable).parent / "semgrep"
    if beside.exists():
        return str(beside)
    return shutil.which("semgrep")


def writable_config_home() -> dict[str, str]:
    """Environment that gives Semgrep a writable ``.semgrep`` folder (settings and log file).

    Semgrep creates ``$XDG_CONFIG_HOME/.semgrep`` (else ``$HOME/.semgrep``) on every run and dies with
    ``OSError: [Errno 30]`` when it cannot, e.g. in a pod with a read-only root and ``HOME`` on it;
    the scan then silently loses every Semgrep finding. When that folder cannot be written, point
    ``XDG_CONFIG_HOME`` at a private folder under the temporary directory (a tmpfs in the images)."""
    # builds Semgrep's subprocess environment, so it reads the variable Semgrep itself will read
    config_home = os.environ.get("XDG_CONFIG_HOME")  # subprocess-env
    parent = Path(config_home) if config_home and Path(config_home).is_dir() else Path.home()
    try:
        folder = parent / ".semgrep"
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".hardgen-probe-"):
            return {}
    except OSError as exc:
        fallback = Path(tempfile.gettempdir()) / f"hardgen-semgrep-{os.getuid()}"
        fallback.mkdir(mode=0o700, exist_ok=True)
        log.info("semgrep.config_home", unwritable=str(parent), using=str(fallback), reason=exc.strerror)
        return {"XDG_CONFIG_HOME": str(fallback)}


def _semgrep_version() -> str:
    try:
        return metadata.version("semgrep")
    except metadata.PackageNotFoundError:
        return "unknown"


def error_type(error: dict[str, Any]) -> str:
    kind = error.get("type")
    if isinstance(kind, list) and kind:
        return str(kind[0])
    return str(kind or "")


class SemgrepEngine:
    """Semgrep OSS over the rule packs in :func:`hardgen.scanner.rulepack.rules_dir`."""

    name = "semgrep"
    languages = frozenset(Language)

    def __init__(self, jobs: int | None = None, settings: SemgrepSettings | None = None) -> None:
        self.settings = settings or SemgrepSettings()
        self.jobs = jobs or self.settings.semgrep_jobs or None
        #: seconds Semgrep may spend on one rule for one file before it gives up on that file
        self.per_file_timeout = self.settings.semgrep_file_timeout
        #: larger files are not given to Semgrep (it would skip them silently); they get a FileError
        self.max_target_bytes = self.settings.semgrep_max_bytes
        #: run Semgrep's native front end; cleared for this object's life when it fails (see _run)
        self.native = self.settings.semgrep_native
        self._fallback_lock = threading.Lock()

    def available(self) -> bool:
        return semgrep_binary() is not None

    def version(self) -> str:
        """Part of the result-cache key. The front end (native or Python) is deliberately not in
        it: both run the same semgrep-core with the same rules, and their reports were compared
        result for result (``tests/scanner/test_semgrep_native.py``; all 407 rule fixture programs
        gave the same 1,012 results), so a result cached by one is valid for the other and turning
        ``HARDGEN_SEMGREP_NATIVE`` on or off does not throw the cache away."""
        return f"semgrep-{_semgrep_version()}+rules-{rule_pack_version()}"

    def command(
        self, configs: list[Path], targets: list[Path], timeout: float, native: bool | None = None
    ) -> list[str]:
        """The ``semgrep scan`` command line; ``native`` (default: :attr:`native`) adds
        ``--experimental``, which makes the ``semgrep`` entry point run the scan in semgrep-core's
        own CLI instead of starting the Python front end."""
        binary = semgrep_binary()
        if binary is None:
            raise EngineUnavailableError("semgrep is not installed")
        front_end = ["--experimental"] if (self.native if native is None else native) else []
        cmd = [
            binary, "scan", *front_end, "--json", "--quiet", "--metrics=off", "--disable-version-check",
            "--no-git-ignore", "--x-ignore-semgrepignore-files", "--oss-only",
            "--timeout", str(max(1, int(min(self.per_file_timeout, timeout)))), "--timeout-threshold", "3",
            "--max-target-bytes", str(self.max_target_bytes + 1),
        ]  # fmt: skip
        if self.jobs:
            cmd += ["--jobs", str(self.jobs)]
        for config in configs:
            cmd += ["--config", str(config)]
        return cmd + [str(t) for t in targets]

    def scan(self, files: list[ScanFile], timeout: float) -> EngineResult:
        files = [f for f in files if f.language in self.languages]
        result = EngineResult()
        if not files:
            return result
        too_large = [f for f in files if f.abs_path.stat().st_size > self.max_target_bytes]
        for f in too_large:
            message = f"file larger than {self.max_target_bytes} bytes: not analysed"
            result.errors.append(FileError(path=f.path, engine=self.name, message=message))
        files = [f for f in files if f not in too_large]
        if not files:
            return result
        configs = [p for lang in sorted({f.language for f in files}) for p in rule_files(lang)]
        if not configs:
            log.warning("semgrep.no_rules", rules_dir=str(rules_dir()))
            return result
        with tempfile.TemporaryDirectory(prefix="hardgen-semgrep-") as tmp:
            by_path = stage(files, Path(tmp) / "files")
            part = self._run_merged(configs, Path(tmp), by_path, timeout)
        result.findings.extend(part.findings)
        result.errors.extend(part.errors)
        return result

    def _run_merged(
        self, configs: list[Path], tmp: Path, by_path: dict[str, ScanFile], timeout: float
    ) -> EngineResult:
        """Run with the rule files merged into one config (much faster to load, see
        :func:`merged_rules`); when Semgrep refuses the merged config, run with the files one by
        one, which names and skips a broken rule file."""
        deadline = time.monotonic() + timeout
        text = merged_rules(configs) if len(configs) > 1 else None
        if text is not None:
            merged = tmp / "rules" / "hardgen-rules.yaml"
            merged.parent.mkdir()
            merged.write_text(text, encoding="utf-8")
            try:
                return self._run([merged], tmp / "files", by_path, timeout, sources=configs)
            except EngineConfigError as exc:
                log.warning("semgrep.merged_config_refused", error=str(exc)[:300])
        return self._run(configs, tmp / "files", by_path, max(deadline - time.monotonic(), 1.0))

    def _fall_back(self, reason: str) -> None:
        """The native front end failed where the Python one may not: use the Python front end
        from now on (this run is repeated with it), so a scan is never worse off than before the
        native front end was used. Logged once per engine object."""
        with self._fallback_lock:
            if self.native:
                self.native = False
                log.warning("semgrep.native_fallback", reason=" ".join(reason.split())[:300])

    def _run(
        self,
        configs: list[Path],
        root: Path,
        by_path: dict[str, ScanFile],
        timeout: float,
        sources: list[Path] | None = None,
    ) -> EngineResult:
        """One Semgrep run (repeated at most once without a broken rule file, and at most once with
        the Python front end after the native one failed). ``sources`` are the rule files that
        ``configs`` was merged from, to name the file of a rule Semgrep could not parse."""
        targets = [root]
        env = {"SEMGREP_SEND_METRICS": "off", "SEMGREP_ENABLE_VERSION_CHECK": "0", **writable_config_home()}
        deadline = time.monotonic() + timeout
        skipped = False
        while True:
            native = self.native
            command = self.command(configs, targets, timeout, native=native)
            proc = run_tool(command, deadline - time.monotonic(), env=env)
            try:
                report = json.loads(proc.stdout or b"")
            except json.JSONDecodeError as exc:
                if native:
                    self._fall_back(f"no JSON output (exit {proc.returncode}): {_tail(proc.stderr)}")
                    continue
                if b"Traceback (most recent call last)" in proc.stderr:
                    # Semgrep's own Python crashed before analysing anything (e.g. it cannot
                    # create $HOME/.semgrep on a read-only root): no file is to blame, so the
                    # batch is not split, and the scan reports the engine as failed.
                    raise EngineConfigError(
                        f"semgrep crashed (exit {proc.returncode}): {_last_line(proc.stderr)} "
                        "(semgrep needs a writable $HOME/.semgrep, or XDG_CONFIG_HOME and SEMGREP_LOG_FILE)"
                    ) from exc
                reason = f"semgrep exited {proc.returncode} without JSON output: {_tail(proc.stderr)}"
                raise EngineError(reason) from exc
            if proc.returncode in _CONFIG_EXIT_CODES or "results" not in report:
                bad = _bad_configs(report, configs)
                reason = _first_message(report) or _tail(proc.stderr)
                if bad and not skipped:
                    # One broken rule file must not stop the pack: drop it, say so, run again.
                    log.error("semgrep.rule_file_skipped", files=[str(b) for b in bad], reason=reason)
                    skipped = True
                    configs = [c for c in configs if c not in bad]
                    if configs:
                        continue
                elif native:
                    # The native front end runs the rules it can parse and reports the others
                    # (exit 2), so a configuration exit here is unexpected: repeat with pysemgrep.
                    self._fall_back(f"configuration exit {proc.returncode}: {reason}")
                    continue
                raise EngineConfigError(f"semgrep cannot run the rule pack (exit {proc.returncode}): {reason}")
            _log_rule_errors(report, sources or configs)
            return parse_report(report, by_path)


def _log_rule_errors(report: dict[str, Any], sources: list[Path]) -> None:
    """Log each rule Semgrep could not use (no path: not a file's error), with its rule file.

    Both front ends skip a rule whose pattern does not parse and run the others; the native one
    does the same for a rule that fails the schema (the Python one refuses the whole config, see
    ``semgrep.rule_file_skipped``). Its error names only the rule id, so the file is looked up."""
    for error in report.get("errors", []):
        if not error.get("path") and error.get("level") == "error":
            rule = error.get("rule_id")
            log.error("semgrep.rule_error", type=error_type(error), rule=rule,
                      rule_file=_rule_file(str(rule), sources) if rule else None,
                      message=" ".join(str(error.get("message", "")).split())[:300])  # fmt: skip


def _rule_file(rule_id: str, sources: list[Path]) -> str | None:
    """The rule file that defines ``rule_id`` (an ``id:`` line), or None."""
    pattern = re.compile(rf"^\s*-?\s*id:\s*[\"']?{re.escape(rule_id)}[\"']?\s*(#.*)?$", re.MULTILINE)
    for source in sources:
        try:
            if pattern.search(source.read_text(encoding="utf-8", errors="replace")):
                return str(source)
        except OSError:
            continue
    return None


def parse_report(report: dict[str, Any], by_path: dict[str, ScanFile]) -> EngineResult:
    """Semgrep JSON → findings and per-file errors, for the files of this batch only."""
    result = EngineResult()
    for item in report.get("results", []):
        scan_file = by_path.get(str(Path(item.get("path", "")).resolve()))
        if scan_file is None:
            continue
        extra = item.get("extra", {})
        meta = extra.get("metadata", {}) or {}
        cwes = sorted({parse_cwe(c) for c in _as_list(meta.get("cwes") or meta.get("cwe"))})
        rule_id = str(meta.get("codeql_id") or f"{scan_file.language.short}/semgrep/{item['check_id'].split('.')[-1]}")
        start, end = item.get("start", {}), item.get("end", {})
        result.findings.append(
            Finding(
                rule_id=rule_id,
                cwes=cwes,
                severity=severity(rule_id, cwes, scan_file.language),
                message=" ".join(str(extra.get("message", "")).split()),
                path=scan_file.path,
                start_line=max(1, int(start.get("line", 1))),
                end_line=max(1, int(end.get("line", start.get("line", 1)))),
                start_column=max(1, int(start.get("col", 1))),
                end_column=max(1, int(end.get("col", 1))),
                engine="semgrep",
            )
        )
    for error in report.get("errors", []):
        path = error.get("path")
        scan_file = by_path.get(str(Path(path).resolve())) if path else None
        kind = error_type(error)
        if scan_file is None:
            continue
        if kind in _FILE_FAILURES or (error.get("level") == "error" and kind != "PartialParsing"):
            message = " ".join(str(error.get("message", kind)).split())[:300]
            result.errors.append(FileError(path=scan_file.path, engine="semgrep", message=f"{kind}: {message}"))
    return result


def _bad_configs(report: dict[str, Any], configs: list[Path]) -> set[Path]:
    """Rule files that Semgrep's errors point at (schema errors carry spans in the rule file)."""
    known = {str(c.resolve()): c for c in configs}
    bad: set[Path] = set()
    for error in report.get("errors", []):
        places = [span.get("file", "") for span in error.get("spans", []) or []] + [error.get("path") or ""]
        for place in places:
            config = known.get(str(Path(place).resolve())) if place else None
            if config is not None:
                bad.add(config)
    return bad


def _first_message(report: dict[str, Any]) -> str:
    for error in report.get("errors", []):
        text = error.get("long_msg") or error.get("message") or error.get("short_msg")
        if text:
            return " ".join(str(text).split())[:300]
    return ""


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def stage(files: list[ScanFile], root: Path) -> dict[str, ScanFile]:
    """Hard-link (or copy) the batch into ``root/<n>/<name>``; resolved staged path → file.

    Semgrep gets this one folder as its only target. Given explicit file targets instead, it
    starts one ``semgrep-core -rpc`` process per file just to resolve targets, which is one process
    per file in disguise (minutes for a few thousand files). The ignore lists are disabled
    (``--x-ignore-semgrepignore-files`` and an empty ``.semgrepignore``) so no file is dropped, and
    a name the native front end would drop whatever the file holds is staged under another one
    (:func:`_staged_name`); findings name the file by its own path, never by the staged one.
    """
    root.mkdir(parents=True, exist_ok=True)
    (root / ".semgrepignore").write_text("", encoding="utf-8")
    staged: dict[str, ScanFile] = {}
    for number, scan_file in enumerate(files):
        target = root / f"{number:06d}" / _staged_name(scan_file.abs_path.name)
        target.parent.mkdir()
        try:
            os.link(scan_file.abs_path, target)
        except OSError:
            shutil.copyfile(scan_file.abs_path, target)
        staged[str(target.resolve())] = scan_file
    return staged


def _staged_name(name: str) -> str:
    """``name`` as Semgrep will scan it. hardgen picks a file's language by its extension in any
    case (``APP.PY`` is Python, :func:`hardgen.core.languages.language_for_path`) but Semgrep only
    knows lower-case extensions and would skip the file without a word, so the extension is staged
    in lower case. And Semgrep's native front end never scans a ``*.min.js`` file in a folder
    target as JavaScript (the Python front end does), so ``app.min.js`` is staged as
    ``app.min_.js``, still a ``.js`` file."""
    stem, dot, extension = name.rpartition(".")
    if dot and stem:
        name = f"{stem}.{extension.lower()}"
    return f"{name[: -len(_MINIFIED_JS)]}.min_.js" if name.lower().endswith(_MINIFIED_JS) else name


def _last_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", errors="replace").strip().splitlines()
    return lines[-1].strip()[:300] if lines else "no output"


def _tail(stderr: bytes) -> str:
    text = stderr.decode("utf-8", errors="replace").strip().splitlines()
    return " ".join(text[-3:])[:300] if text else "no output"
