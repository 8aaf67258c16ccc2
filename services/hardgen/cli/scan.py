"""``hardgen scan PATH...``: scan files and folders, print a table, JSON or SARIF 2.1.0.

Exit codes: 0 no finding at or above ``--fail-on``; 1 at least one (default threshold ``high``,
GitHub code scanning's default for failing a check); 2 usage error (one line on stderr). JSON and
SARIF go to stdout (or ``--output``) and nothing else does; progress and logs go to stderr.
Finding paths and SARIF URIs are relative to the scan root: the current directory when every
PATH lies inside it (what GitHub code scanning expects when run from the repository root), else
the PATHs' common folder, or ``--root``. ``--profile default`` (the default) reports only the query
ids CodeQL has (plus the study's ``go/study/*`` checks), so results compare with CodeQL's;
``--profile extended`` adds the ``*/hardgen/*`` rules (:mod:`hardgen.core.profiles`).

Paths matched by ``.hardgenignore`` at the scan root are not scanned (:mod:`hardgen.scanner.ignorefile`);
findings silenced by ``hardgen: ignore[<query-id>] <reason>`` comments are reported as suppressed and
do not count for ``--fail-on`` (:mod:`hardgen.scanner.suppressions`). With the default engines, a
language whose engine is not installed is a usage error (exit 2, naming the engine and the install
command), and an engine that fails at run time makes the scan fail (exit 1): never a quiet empty result.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.markup import escape

from hardgen.cli.common import EXIT_FINDINGS, EXIT_OK, fail, stderr
from hardgen.core.catalogue import LEVEL_ORDER
from hardgen.core.languages import Language, UnknownLanguageError, language_for_path, parse_language
from hardgen.core.profiles import Profile

#: Folders a walk never enters (version control, dependencies, virtualenvs, caches).
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache"}
PROGRESS_THRESHOLD = 100

if TYPE_CHECKING:
    from hardgen.scanner.scan import ScanReport
    from hardgen.scanner.suppressions import Suppressed


class ScanFormat(StrEnum):
    table = "table"
    json = "json"
    sarif = "sarif"


class FailOn(StrEnum):
    none = "none"
    low = "low"
    medium = "medium"
    high = "high"
    critical = "critical"


def register(app: typer.Typer) -> None:
    app.command("scan")(scan)


def walk(paths: list[Path], language: Language | None) -> Iterator[tuple[Path, bool]]:
    """(file, named explicitly) for each PATH; folders are walked, skipping SKIP_DIRS."""
    for path in paths:
        if path.is_file():
            yield path, True
            continue
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
            for name in sorted(files):
                candidate = Path(folder) / name
                found = language_for_path(name)
                if found is not None and (language is None or found is language) and not candidate.is_symlink():
                    yield candidate, False


def scan_root(paths: list[Path], root: Path | None) -> Path:
    if root is not None:
        return root.resolve()
    resolved = [p.resolve() for p in paths]
    cwd = Path.cwd().resolve()
    if all(p == cwd or cwd in p.parents for p in resolved):
        return cwd
    folders = [p if p.is_dir() else p.parent for p in resolved]
    return Path(os.path.commonpath([str(f) for f in folders]))


def scan(
    paths: list[Path] = typer.Argument(..., help="files and folders to scan (folders are walked)"),
    engine: list[str] = typer.Option(
        [], "--engine", "-e", help="engines, comma-separated or repeated: semgrep,gocustom,bandit,codeql"
    ),
    language: str = typer.Option("auto", "--language", "-l", help="auto (by extension) or python|javascript|java|go"),
    fmt: ScanFormat = typer.Option(ScanFormat.table, "--format", "-f", help="table, json or sarif"),
    output: Path | None = typer.Option(None, "--output", "-o", help="write the report here instead of stdout"),
    fail_on: FailOn = typer.Option(FailOn.high, "--fail-on", help="exit 1 when a finding reaches this level"),
    root: Path | None = typer.Option(None, "--root", help="folder that finding paths are relative to"),
    timeout: float = typer.Option(1800.0, "--timeout", min=1, help="seconds for the whole scan"),
    no_cache: bool = typer.Option(False, "--no-cache", help="ignore and do not update the result cache"),
    profile: Profile = typer.Option(
        Profile.DEFAULT, "--profile", help="default: CodeQL-compatible query ids only; extended: also */hardgen/*"
    ),
) -> None:
    """Scan source files for CodeQL-style security weaknesses (CWE-tagged, with severities)."""
    from hardgen.cli.settings import report_log_level
    from hardgen.core.logging import configure_logging

    # Warnings and errors only: the report is the output; HARDGEN_LOG_LEVEL=INFO shows engine runs.
    configure_logging("console", level=report_log_level())
    from hardgen.scanner.engines.registry import (
        INSTALL_COMMAND,
        EngineMissingError,
        UnknownEngineError,
        check_required_engines,
        parse_engines,
        select_engines,
    )
    from hardgen.scanner.ignorefile import IgnoreFileError, load_ignore_rules
    from hardgen.scanner.sarif import to_sarif
    from hardgen.scanner.scan import Scanner, ScanTimeoutError, SourceInput
    from hardgen.scanner.suppressions import apply_suppressions

    try:
        lang = None if language.strip().lower() == "auto" else parse_language(language)
        engine_names = parse_engines(engine)
        engines = select_engines(engine_names)
    except (UnknownLanguageError, UnknownEngineError) as exc:
        fail(str(exc))
    if not engines:
        fail(f"no scanner engine is available here: {INSTALL_COMMAND}")
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        fail(f"no such file or folder: {missing[0]}")
    base = scan_root(paths, root)
    try:
        ignore_rules = load_ignore_rules(base)
    except IgnoreFileError as exc:
        fail(str(exc))
    inputs: list[SourceInput] = []
    skipped: list[str] = []
    ignored = 0
    for path, explicit in walk(paths, lang):
        try:
            relative = path.resolve().relative_to(base).as_posix()
        except ValueError:
            fail(f"{path} is outside the scan root {base}")
        if ignore_rules is not None and ignore_rules.ignored(relative):
            ignored += 1
            continue
        if explicit and lang is None and language_for_path(path) is None:
            skipped.append(f"{relative}: unsupported file type")
            continue
        try:
            content = path.read_bytes()
        except OSError as exc:
            skipped.append(f"{relative}: unreadable ({exc.strerror})")
            continue
        inputs.append(SourceInput(path=relative, content=content, language=lang if explicit else None))
    languages = {i.path: i.language or language_for_path(i.path) for i in inputs}
    if not engine_names:  # the default selection: every language present must get its engines
        try:
            check_required_engines({found for found in languages.values() if found is not None}, engines)
        except EngineMissingError as exc:
            fail(str(exc))

    scanner = Scanner(engines, use_cache=not no_cache)
    status = stderr.status(f"scanning {len(inputs)} files") if len(inputs) >= PROGRESS_THRESHOLD else None

    def progress(engine_name: str, done: int, total: int) -> None:
        if status is not None:
            status.update(f"{engine_name}: {'done' if done else 'scanning'} {total} files")

    try:
        if status is not None:
            status.start()
        report = scanner.scan(inputs, timeout=timeout, progress=progress, profile=profile)
    except ScanTimeoutError as exc:
        fail(f"scan timed out: {exc}", code=EXIT_FINDINGS)
    finally:
        if status is not None:
            status.stop()
    report.skipped = skipped + report.skipped
    flagged = {f.path for f in report.findings}
    texts = {i.path: i.content.decode("utf-8", errors="replace") for i in inputs if i.path in flagged}
    outcome = apply_suppressions(report.findings, texts, {p: lang for p, lang in languages.items() if lang})
    report.findings = outcome.active
    silenced = [(s.finding, s.reason) for s in outcome.suppressed]

    if fmt is ScanFormat.sarif:
        document = to_sarif(
            report.findings,
            report.errors,
            root=base,
            profile=report.profile,
            suppressed=silenced,
            failed_engines=report.failed_engines,
        )
        text = json.dumps(document, indent=2) + "\n"
    elif fmt is ScanFormat.json:
        extra = {
            "scan_root": str(base),
            "suppressed": [s.finding.model_dump() | {"justification": s.reason} for s in outcome.suppressed],
            "suppression_warnings": outcome.warnings,
            "ignored_files": ignored,
        }
        text = json.dumps(report.to_dict() | extra, indent=2, ensure_ascii=False) + "\n"
    else:
        text = ""
    if text:
        if output is not None:
            output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    else:
        _print_table(report, output, outcome.suppressed, ignored)
    for error in report.errors:
        if error.engine not in report.failed_engines:  # a failed engine is one error below, not one per file
            stderr.print(f"[yellow]warning[/]: {error.path}: {error.engine}: {error.message}", highlight=False)
    for warning in outcome.warnings:
        stderr.print(f"[yellow]warning[/]: {escape(warning)}", highlight=False)
    for name, why in report.failed_engines.items():
        sys.stderr.write(f"error: engine {name} failed, the scan is incomplete: {' '.join(why.split())}\n")
    threshold = LEVEL_ORDER.index(fail_on.value)
    failing = [f for f in report.findings if fail_on is not FailOn.none and LEVEL_ORDER.index(f.level) >= threshold]
    raise typer.Exit(EXIT_FINDINGS if failing or report.failed_engines else EXIT_OK)


def _print_table(
    report: ScanReport, output: Path | None, suppressed: Sequence[Suppressed] = (), ignored: int = 0
) -> None:
    from rich.table import Table

    table = Table(title=f"{len(report.findings)} findings in {report.files_scanned} files", show_lines=False)
    for column in ("level", "severity", "rule", "CWE", "location", "engine", "message"):
        table.add_column(column)
    for f in report.findings:
        cwes = ",".join(str(c) for c in f.cwes)
        table.add_row(f.level, f"{f.severity:.1f}", f.rule_id, cwes, f"{f.path}:{f.start_line}", f.engine, f.message)
    for item in suppressed:
        f = item.finding
        cwes = ",".join(str(c) for c in f.cwes)
        where = f"{f.path}:{f.start_line}"
        reason = f"suppressed: {escape(item.reason)}"
        table.add_row("suppressed", f"{f.severity:.1f}", f.rule_id, cwes, where, f.engine, reason)
    if output is not None:
        with output.open("w", encoding="utf-8") as handle:
            Console(file=handle, width=200).print(table)
    else:
        Console(soft_wrap=True).print(table)
    summary = f"{report.files_scanned} files, {len(report.findings)} findings, {report.cache_hits} cached"
    if report.skipped:
        summary += f", {len(report.skipped)} skipped"
    if suppressed:
        summary += f", {len(suppressed)} suppressed"
    if ignored:
        summary += f", {ignored} ignored by .hardgenignore"
    stderr.print(summary, highlight=False)
