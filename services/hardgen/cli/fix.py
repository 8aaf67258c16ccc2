"""``hardgen fix PATH...``: verified fixes for existing code, as a diff, JSON or SARIF suggestions.

It scans the files, asks the model (through a strategy chain ending in ``sast-repair``) for a
corrected version of each file with findings, and keeps a candidate only when it parses, every
finding it was asked to fix is gone and no new finding appears (up to ``--rounds`` attempts).
The loop is the refinement service's (:mod:`hardgen.refinement.fixing`), run in this process with
the scanner in process too, or on a gateway with ``--gateway URL`` (``POST /v1/fixes``).

Output on stdout: ``--format diff`` (default) a unified diff of the accepted fixes
(``git apply``-able), ``json`` every file's outcome and why, ``sarif`` SARIF 2.1.0 whose results
carry ``fixes``. One line per file on stderr says what happened. ``--apply`` writes accepted fixes
in place, refusing files with uncommitted changes in a git work tree unless ``--force``.
Exit codes: 0 every finding fixed (or none), 1 findings remain or a file failed, 2 usage error.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from hardgen.cli.common import EXIT_FINDINGS, EXIT_USAGE, fail, post_gateway, stderr
from hardgen.cli.generate import parse_options
from hardgen.cli.modelserving import ModelServeOption
from hardgen.cli.scan import scan_root, walk
from hardgen.core.fixes import FileFix, FixOutcome, exit_code, sarif_fix
from hardgen.core.languages import language_for_path
from hardgen.core.profiles import Profile


class FixFormat(StrEnum):
    diff = "diff"
    json = "json"
    sarif = "sarif"


def register(app: typer.Typer) -> None:
    app.command("fix")(fix)


def dirty_files(paths: list[Path]) -> set[Path]:
    """Files among ``paths`` with uncommitted changes (or untracked) in a git work tree."""
    dirty: set[Path] = set()
    for path in paths:
        folder = path.parent
        try:
            done = subprocess.run(  # noqa: S603, S607 - fixed argv, git reads the work tree only
                ["git", "status", "--porcelain", "--", path.name],
                cwd=folder,
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue  # no git: nothing to protect
        if done.returncode == 0 and done.stdout.strip():
            dirty.add(path)
    return dirty


def _collect(paths: list[Path], base: Path) -> tuple[list[Any], dict[str, Path], list[FileFix]]:
    """(inputs for the fixer, relative path → file, outcomes decided here: unreadable files)."""
    from hardgen.refinement.fixing import FixInput

    inputs: list[FixInput] = []
    where: dict[str, Path] = {}
    early: list[FileFix] = []
    for path, _explicit in walk(paths, None):
        try:
            relative = path.resolve().relative_to(base).as_posix()
        except ValueError:
            fail(f"{path} is outside the root {base}")
        if relative in where:
            continue
        where[relative] = path
        if language_for_path(path) is None:
            early.append(FileFix(relative, FixOutcome.unsupported, "not a language hardgen scans"))
            continue
        try:
            content = path.read_bytes()
        except OSError as exc:
            early.append(FileFix(relative, FixOutcome.skipped, f"unreadable ({exc.strerror})"))
            continue
        inputs.append(FixInput(relative, content))
    return inputs, where, early


def _in_process(
    inputs: list[Any], spec: Any, engines: list[str], profile: str, no_cache: bool, modelserve: str
) -> list[FileFix]:
    from hardgen.cli.modelserving import model_port
    from hardgen.core.clients.scanner import ScannerUnavailableError
    from hardgen.refinement.errors import RefinementError, RequestError
    from hardgen.refinement.scanning import FindingsScanner
    from hardgen.refinement.service import RefinementService
    from hardgen.scanner.engines.registry import UnknownEngineError, parse_engines, select_engines
    from hardgen.scanner.inprocess import InProcessScanner

    try:  # a misspelt or missing engine is a usage error, before any model call
        select_engines(parse_engines(engines))
    except UnknownEngineError as exc:
        fail(str(exc))
    # the scanner in this process, behind the same port as the scanner service: no service needed
    port = FindingsScanner(InProcessScanner(timeout=300.0, use_cache=not no_cache), engines, profile)
    if not port.healthy():
        fail("no scanner engine is available here (is semgrep installed?)")
    try:
        return RefinementService(port, models=model_port(modelserve)).fix(inputs, spec)
    except RequestError as exc:
        fail(str(exc), EXIT_USAGE)
    except (RefinementError, ScannerUnavailableError) as exc:
        fail(str(exc), EXIT_FINDINGS)


def _via_gateway(url: str, inputs: list[Any], spec: Any) -> list[FileFix]:
    outcomes: list[FileFix] = []
    files = []
    for item in inputs:
        try:
            files.append({"path": item.path, "content": item.content.decode("utf-8")})
        except UnicodeDecodeError:  # JSON carries text: decided here, as the service would
            outcomes.append(FileFix(item.path, FixOutcome.skipped, "not UTF-8"))
    if not files:
        return outcomes
    body = {
        "files": files,
        "model": spec.model,
        "strategy": spec.strategy,
        "rounds": spec.rounds,
        "seed": spec.seed,
        "temperature": spec.temperature,
        "max_new_tokens": spec.max_new_tokens,
        "options": spec.options,
        "engines": spec.engines,
        "profile": spec.profile or "default",
    }
    answer = post_gateway(url, "/v1/fixes", body, timeout=1800.0)
    sent = {f["path"]: f["content"] for f in files}
    fixes = [FileFix.from_dict(f) for f in answer["files"]]
    for item in fixes:  # the answer carries the fixed file, not the one sent
        item.original_code = sent.get(item.path, "")
    return outcomes + fixes


def apply_fixes(fixes: list[FileFix], where: dict[str, Path], force: bool) -> tuple[list[str], list[str]]:
    """Write accepted fixes in place; (written, one line per refused file). Files with uncommitted
    changes are refused unless ``force``; a file changed since it was read always is."""
    accepted = [f for f in fixes if f.accepted]
    dirty = set() if force else dirty_files([where[f.path] for f in accepted])
    written, refused = [], []
    for item in accepted:
        path = where[item.path]
        if path in dirty:
            refused.append(f"{item.path}: not written (uncommitted changes; --force writes it)")
            continue
        if path.read_text(encoding="utf-8") != item.original_code:
            refused.append(f"{item.path}: not written (it changed while the fix was made)")
            continue
        tmp = path.with_name(f".{path.name}.hardgen-fix")
        tmp.write_text(item.fixed_code, encoding="utf-8")
        os.chmod(tmp, path.stat().st_mode & 0o7777)
        tmp.replace(path)
        written.append(item.path)
    return written, refused


def sarif_document(fixes: list[FileFix], base: Path, profile: str) -> dict[str, Any]:
    """The scanner's SARIF log of the original findings, each result of a fixed file with its fix."""
    from hardgen.core.findings import Finding
    from hardgen.scanner.sarif import SRCROOT, artifact_uri, to_sarif

    findings = [Finding.model_validate({k: v for k, v in f.items() if k != "level"}) for x in fixes for f in x.findings]
    document = to_sarif(findings, root=base, profile=profile)
    by_path = {f.path: f for f in fixes if f.accepted}
    for result in document["runs"][0]["results"]:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        fixed = next((f for p, f in by_path.items() if artifact_uri(p) == uri), None)
        if fixed is not None:
            result["fixes"] = [sarif_fix(fixed, uri, SRCROOT)]
    return document


def _report(fixes: list[FileFix]) -> None:
    for item in fixes:
        found = f"{len(item.findings)} finding(s), " if item.findings else ""
        calls = f", {item.model_calls} model call(s)" if item.model_calls else ""
        stderr.print(f"{item.path}: {item.outcome.value} ({found}{item.reason}{calls})", highlight=False, markup=False)


def fix(
    paths: list[Path] = typer.Argument(..., help="files and folders to fix (folders are walked)"),
    model: str = typer.Option(..., "--model", "-m", help="provider/model: openai/gpt-4.1, hf/demo, mock/secure, ..."),
    strategy: str = typer.Option(
        "sast-repair", "--strategy", "-S", help="chain ending with sast-repair: sast-repair, cot+sast-repair, ..."
    ),
    rounds: int = typer.Option(3, "--rounds", help="attempts per file (1-10)"),
    engine: list[str] = typer.Option([], "--engine", "-e", help="scanner engines: semgrep,gocustom,bandit,codeql"),
    profile: Profile = typer.Option(
        Profile.DEFAULT, "--profile", help="default: CodeQL-compatible query ids only; extended: also */hardgen/*"
    ),
    fmt: FixFormat = typer.Option(FixFormat.diff, "--format", "-f", help="diff, json or sarif"),
    apply: bool = typer.Option(False, "--apply", help="write the accepted fixes in place"),
    force: bool = typer.Option(False, "--force", help="with --apply: also write files with uncommitted changes"),
    root: Path | None = typer.Option(None, "--root", help="folder that reported paths are relative to"),
    seed: int = typer.Option(0, "--seed"),
    temperature: float = typer.Option(0.2, "--temperature"),
    max_new_tokens: int = typer.Option(2048, "--max-new-tokens"),
    option: list[str] = typer.Option([], "--option", "-o", help="key=value (base_url, ...)"),
    gateway: str | None = typer.Option(None, "--gateway", help="run the fix on this gateway (POST /v1/fixes)"),
    no_cache: bool = typer.Option(False, "--no-cache", help="ignore and do not update the scan cache"),
    modelserve: str = ModelServeOption,
) -> None:
    """Fix scanner findings with a model, keeping only fixes that parse, remove them and add none."""
    from hardgen.cli.settings import report_log_level
    from hardgen.core.logging import configure_logging

    configure_logging("console", level=report_log_level())
    from hardgen.refinement.fixing import FixSpec

    if force and not apply:
        fail("--force only makes sense with --apply")
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        fail(f"no such file or folder: {missing[0]}")
    base = scan_root(paths, root)
    inputs, where, early = _collect(paths, base)
    engines = [e.strip() for item in engine for e in item.split(",") if e.strip()]
    spec = FixSpec(
        model=model,
        strategy=strategy,
        rounds=rounds,
        seed=seed,
        temperature=temperature,
        max_new_tokens=max_new_tokens,
        options=parse_options(option),
        engines=engines if gateway else [],
        profile=profile.value,
    )
    fixes = early
    if inputs:
        fixes = early + (
            _via_gateway(gateway, inputs, spec)
            if gateway
            else _in_process(inputs, spec, engines, profile.value, no_cache, modelserve)
        )
    order = {p: i for i, p in enumerate(where)}
    fixes.sort(key=lambda f: order.get(f.path, len(order)))
    _report(fixes)
    written: list[str] = []
    refused: list[str] = []
    if apply:
        written, refused = apply_fixes(fixes, where, force)
        for line in refused:
            stderr.print(line, highlight=False, markup=False)
    if fmt is FixFormat.json:
        body = {"files": [f.to_dict() for f in fixes], "applied": written, "root": str(base)}
        text = json.dumps(body, indent=2, ensure_ascii=False) + "\n"
    elif fmt is FixFormat.sarif:
        text = json.dumps(sarif_document(fixes, base, profile.value), indent=2, ensure_ascii=False) + "\n"
    else:
        text = "".join(f.diff() for f in fixes if f.accepted)
    sys.stdout.write(text)
    sys.stdout.flush()
    raise typer.Exit(EXIT_FINDINGS if refused else exit_code(fixes))
