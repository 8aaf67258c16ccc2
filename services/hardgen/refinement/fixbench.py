"""``make bench-fix``: the measured fix rate of ``hardgen fix`` over the corpus's insecure references.

Every insecure reference completion of the scenario corpus is a whole program with known
findings. This benchmark copies them into a temporary folder (one per language), runs
``hardgen fix <folder> --format json`` on each as a user would (a subprocess, the scanner in
process) and prints per language: files, the share fixed / partially fixed / unfixable (of the
files with findings), files skipped (a model error), findings introduced by the candidates that
were rejected for them, model calls per fixed file and per file, and wall time.

The default model is the offline demo model (``hf/demo``, ``hardgen model build-demo``), so the
figures say what the verification loop does with a small memorising model, not what a real LLM
achieves; ``--model`` takes any ``provider/model`` (``mock/secure`` is the upper bound by
construction: it answers with the scenario's secure reference).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hardgen.core.languages import Language
from hardgen.core.scenarios import load_corpus


@dataclass(slots=True)
class LanguageFigures:
    language: str
    files: int = 0
    with_findings: int = 0
    fixed: int = 0
    partial: int = 0
    unfixable: int = 0
    skipped: int = 0
    introduced: int = 0  # findings added by rejected candidates
    calls: int = 0
    calls_fixed: int = 0  # model calls spent on the files that ended fixed
    seconds: float = 0.0
    exit_code: int = 0

    def share(self, count: int) -> str:
        return f"{100.0 * count / self.with_findings:.0f}%" if self.with_findings else "-"

    def row(self) -> list[str]:
        per_fix = f"{self.calls_fixed / self.fixed:.2f}" if self.fixed else "-"
        per_file = f"{self.calls / self.with_findings:.2f}" if self.with_findings else "-"
        return [
            self.language,
            str(self.files),
            str(self.with_findings),
            self.share(self.fixed),
            self.share(self.partial),
            self.share(self.unfixable),
            str(self.skipped),
            str(self.introduced),
            per_fix,
            per_file,
            f"{self.seconds:.0f}",
        ]


COLUMNS = [
    "language",
    "files",
    "with findings",
    "fixed",
    "partial",
    "unfixable",
    "skipped",
    "introduced (rejected)",
    "calls/fix",
    "calls/file",
    "seconds",
]


def write_references(language: Language, folder: Path, limit: int | None) -> int:
    """Copy the language's insecure references into ``folder/<scenario>/<file>``; returns how many."""
    count = 0
    for scenario in load_corpus():
        if scenario.language is not language:
            continue
        for ref in scenario.insecure:
            if limit is not None and count >= limit:
                return count
            target = folder / scenario.id / Path(ref.file).name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(scenario.reference_code(ref), encoding="utf-8")
            count += 1
    return count


def tally(language: str, files: list[dict[str, Any]], seconds: float, code: int) -> LanguageFigures:
    figures = LanguageFigures(language, files=len(files), seconds=seconds, exit_code=code)
    for item in files:
        outcome = item["outcome"]
        figures.with_findings += 1 if item["findings"] else 0
        figures.fixed += outcome == "fixed"
        figures.partial += outcome == "partially_fixed"
        figures.unfixable += outcome == "unfixable"
        figures.skipped += outcome == "skipped"
        figures.calls += item["model_calls"]
        figures.calls_fixed += item["model_calls"] if outcome == "fixed" else 0
        figures.introduced += sum(len(a["introduced"]) for a in item["attempts"] if a["verdict"] == "rejected")
    return figures


def run_language(language: Language, args: argparse.Namespace) -> LanguageFigures:
    with tempfile.TemporaryDirectory(prefix=f"hardgen-bench-fix-{language.value}-") as tmp:
        folder = Path(tmp)
        write_references(language, folder, args.limit)
        command = [sys.executable, "-m", "hardgen.cli.main", "fix", ".", "-m", args.model, "-f", "json"]
        command += ["--rounds", str(args.rounds), "-S", args.strategy, "--max-new-tokens", str(args.max_new_tokens)]
        command += [part for engine in args.engine for part in ("-e", engine)]
        started = time.monotonic()
        done = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=args.timeout, check=False)  # noqa: S603
        seconds = time.monotonic() - started
    try:
        files = json.loads(done.stdout)["files"]
    except (json.JSONDecodeError, KeyError):  # exit 2, or 1 with an error line instead of a report
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise SystemExit(f"error: hardgen fix failed for {language.value} (exit {done.returncode}): {last}") from None
    return tally(language.value, files, seconds, done.returncode)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hardgen.refinement.fixbench", description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="hf/demo", help="provider/model (default: the offline demo model)")
    parser.add_argument("--strategy", default="sast-repair")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--max-new-tokens", type=int, default=400)
    parser.add_argument("--language", action="append", default=[], help="one language (repeatable); default all")
    parser.add_argument("--limit", type=int, default=None, help="at most this many references per language")
    parser.add_argument("--engine", action="append", default=[], help="scanner engines (default: the scanner's)")
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds per language")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    args = parser.parse_args(argv)
    languages = [Language(name) for name in args.language] or list(Language)
    results = []
    for language in languages:
        figures = run_language(language, args)
        results.append(figures)
        print(" | ".join(f"{c}: {v}" for c, v in zip(COLUMNS, figures.row(), strict=True)), file=sys.stderr, flush=True)
    if args.format == "json":
        print(json.dumps({"model": args.model, "rounds": args.rounds, "languages": [vars_of(r) for r in results]}))
        return 0
    print(
        f"hardgen fix over the corpus's insecure references: model {args.model}, {args.strategy}, "
        f"{args.rounds} round(s)"
    )
    widths = [max(len(c), *(len(r.row()[i]) for r in results)) for i, c in enumerate(COLUMNS)]
    print("  ".join(c.ljust(w) for c, w in zip(COLUMNS, widths, strict=True)))
    for figures in results:
        print("  ".join(cell.ljust(w) for cell, w in zip(figures.row(), widths, strict=True)))
    return 0


def vars_of(figures: LanguageFigures) -> dict[str, Any]:
    return {name: getattr(figures, name) for name in LanguageFigures.__slots__}  # type: ignore[attr-defined]


if __name__ == "__main__":
    raise SystemExit(main())
