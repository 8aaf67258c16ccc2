"""``python -m hardgen.scanner.agreement`` (``make agreement``): per-query recall and precision of the
``default`` profile on the rule packs' own regression corpus.

The corpus lives beside the rules, in ``rules/<language>/agreement/``: realistic programs, one per
file, written the way an LLM writes a web handler in the study's frameworks. Line 1 of each file
is a comment in the language's syntax naming the EXACT set of query ids the default profile must
report on it; an optional line 2 names the queries the program is a deliberate near-miss for::

    # hardgen-expect: py/path-injection, py/stack-trace-exposure
    # hardgen-near-miss: py/command-line-injection

``hardgen-expect: none`` says nothing may be reported. For each query, a program that expects it
and gets it is a true positive, one that expects it and misses it a false negative, and any other
program it is reported on a false positive. All programs are scanned in one batch through the
normal :class:`~hardgen.scanner.scan.Scanner` (all default engines, the real rule packs, the
result cache), exactly as ``hardgen scan`` would.

``--record`` writes ``rules/<language>/agreement/baseline.json`` with each query's figures; the test
``tests/scanner/test_agreement_corpus.py`` fails when a query drops below them, and requires every
ported query (:func:`ported_queries`) to have at least :data:`MIN_PROGRAMS` expecting programs and as
many near-misses. Exit status: 0 (this is a report, disagreements included), 2 for bad usage or a
malformed corpus file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hardgen.core.languages import EXTENSIONS, Language, UnknownLanguageError, language_for_path, parse_language
from hardgen.core.profiles import Profile
from hardgen.scanner.rulepack import rules_dir
from hardgen.scanner.scan import DEFAULT_TIMEOUT, Scanner, ScanReport, SourceInput

#: Expecting programs and near-misses each ported query needs (issue 11).
MIN_PROGRAMS = 5
BASELINE_NAME = "baseline.json"
_COMMENT = {Language.PYTHON: "#", Language.JAVASCRIPT: "//", Language.JAVA: "//", Language.GO: "//"}
_QUERY_ID = re.compile(r"^[a-z]+(/[A-Za-z0-9_.-]+)+$")
#: Tolerance when comparing with recorded figures (they are stored rounded).
_EPSILON = 1e-3


class AgreementError(ValueError):
    """A corpus file or baseline that cannot be used (one line, naming the file)."""


@dataclass(frozen=True, slots=True)
class Program:
    """One corpus file and what its header says the default profile must report on it."""

    path: Path
    language: Language
    expect: frozenset[str]
    near_miss: frozenset[str]

    @property
    def key(self) -> str:
        """The path findings report for this program: ``<language>/<file name>``."""
        return f"{self.language.value}/{self.path.name}"


@dataclass(slots=True)
class QueryScore:
    """One query's figures on the corpus of one language."""

    query: str
    language: Language
    support: int = 0  # programs that expect the query
    near_misses: int = 0  # programs that are a deliberate near-miss for it
    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[str] = field(default_factory=list)  # file names
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        """Share of expecting programs it is reported on; None without support."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def precision(self) -> float | None:
        """Share of its reports that were expected; None when it reported nothing."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "language": self.language.value,
            "support": self.support,
            "near_misses": self.near_misses,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "recall": _rounded(self.recall),
            "precision": _rounded(self.precision),
            "false_positives": sorted(self.false_positives),
            "misses": sorted(self.misses),
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def corpus_dir(language: Language) -> Path:
    return rules_dir() / language.value / "agreement"


def _ids(text: str, path: Path, line: int, label: str) -> frozenset[str]:
    items = [item.strip() for item in text.split(",")]
    if items == ["none"]:
        return frozenset()
    bad = [item for item in items if not _QUERY_ID.match(item)]
    if bad or not items:
        raise AgreementError(f"{path}:{line}: {label} needs query ids separated by commas or 'none', got {text!r}")
    return frozenset(items)


def parse_program(path: Path, language: Language | None = None) -> Program:
    """The program's header (module docstring); :class:`AgreementError` when it is malformed."""
    lang = language or language_for_path(path.name)
    if lang is None:
        raise AgreementError(f"{path}: not a file of a supported language")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()[:2]
    except (OSError, UnicodeDecodeError) as exc:
        raise AgreementError(f"{path}: cannot read: {exc}") from exc
    comment = _COMMENT[lang]
    expect_prefix = f"{comment} hardgen-expect:"
    if not lines or not lines[0].startswith(expect_prefix):
        raise AgreementError(f"{path}:1: line 1 must be '{expect_prefix} <query-id>, ...' or '... none'")
    expect = _ids(lines[0].removeprefix(expect_prefix), path, 1, "hardgen-expect")
    near_miss: frozenset[str] = frozenset()
    near_prefix = f"{comment} hardgen-near-miss:"
    if len(lines) > 1 and "hardgen-near-miss" in lines[1]:
        if not lines[1].startswith(near_prefix):
            raise AgreementError(f"{path}:2: line 2 must be '{near_prefix} <query-id>, ...'")
        near_miss = _ids(lines[1].removeprefix(near_prefix), path, 2, "hardgen-near-miss")
        if not near_miss:
            raise AgreementError(f"{path}:2: hardgen-near-miss names no query")
    both = sorted(expect & near_miss)
    if both:
        raise AgreementError(f"{path}:2: {', '.join(both)} both expected and a near-miss")
    return Program(path, lang, expect, near_miss)


def load_programs(languages: Iterable[Language]) -> list[Program]:
    """Every program of the given languages' corpora, sorted by path."""
    programs: list[Program] = []
    for language in languages:
        folder = corpus_dir(language)
        if folder.is_dir():
            files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix == EXTENSIONS[language])
            programs.extend(parse_program(p, language) for p in files)
    return programs


def scan_programs(programs: Sequence[Program], scanner: Scanner | None = None) -> ScanReport:
    """One batch scan of all programs with the default profile."""
    inputs = [SourceInput(p.key, p.path.read_bytes(), p.language) for p in programs]
    return (scanner or Scanner()).scan(inputs, timeout=DEFAULT_TIMEOUT * 2, profile=Profile.DEFAULT)


def score(programs: Sequence[Program], report: ScanReport) -> dict[str, QueryScore]:
    """Per-query figures: keyed by query id, every query that is expected, a near-miss or reported."""
    reported: dict[str, set[str]] = {p.key: set() for p in programs}
    for finding in report.findings:
        reported.setdefault(finding.path, set()).add(finding.rule_id)
    scores: dict[str, QueryScore] = {}

    def entry(query: str, language: Language) -> QueryScore:
        return scores.setdefault(query, QueryScore(query, language))

    for program in programs:
        found = reported.get(program.key, set())
        for query in program.expect:
            item = entry(query, program.language)
            item.support += 1
            if query in found:
                item.tp += 1
            else:
                item.fn += 1
                item.misses.append(program.path.name)
        for query in program.near_miss:
            entry(query, program.language).near_misses += 1
        for query in found - program.expect:
            item = entry(query, program.language)
            item.fp += 1
            item.false_positives.append(program.path.name)
    return dict(sorted(scores.items()))


def engine_errors(report: ScanReport) -> list[str]:
    return [f"{e.path}: {e.engine}: {e.message}" for e in report.errors]


# -- baselines -------------------------------------------------------------------------------------


def baseline_path(language: Language) -> Path:
    return corpus_dir(language) / BASELINE_NAME


def read_baseline(language: Language) -> dict[str, dict[str, Any]]:
    """Recorded figures per query id ({} when none recorded)."""
    path = baseline_path(language)
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        queries = data["queries"]
        if not isinstance(queries, dict):
            raise TypeError("'queries' is not an object")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise AgreementError(f"{path}: unreadable baseline: {exc}") from exc
    return queries


def write_baseline(language: Language, scores: Iterable[QueryScore]) -> Path:
    """Record the figures of ``language``'s queries (replacing the previous baseline)."""
    path = baseline_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    queries = {
        s.query: {k: v for k, v in s.to_dict().items() if k in ("support", "near_misses", "recall", "precision")}
        for s in scores
        if s.language is language
    }
    document = {"language": language.value, "profile": Profile.DEFAULT.value, "queries": queries}
    path.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


def regressions(scores: dict[str, QueryScore], recorded: dict[str, dict[str, Any]]) -> list[str]:
    """One line per recorded figure the current scores fall below."""
    problems: list[str] = []
    for query, figures in sorted(recorded.items()):
        current = scores.get(query)
        for metric in ("recall", "precision"):
            then = figures.get(metric)
            if then is None:
                continue
            now = getattr(current, metric) if current is not None else None
            if now is None:
                if metric == "recall":
                    problems.append(f"{query}: no expecting programs any more (recorded recall {then:.2f})")
                continue
            if now < float(then) - _EPSILON:
                problems.append(f"{query}: {metric} {now:.2f} < recorded {float(then):.2f}")
    return problems


def query_slug(query: str) -> str:
    """``go/study/path-traversal`` → ``study-path-traversal``: how corpus file names start."""
    return query.split("/", 1)[-1].replace("/", "-")


def ported_queries(recorded: dict[str, dict[str, Any]], programs: Sequence[Program]) -> set[str]:
    """Recorded queries the corpus was written for: a near-miss names them or a program is named
    ``<slug>-fire-...``. Queries that are only expected beside another (a cookie finding in a
    session program) are scored but need no programs of their own."""
    names = {p.path.name for p in programs}
    return {
        query
        for query, figures in recorded.items()
        if figures.get("near_misses") or any(name.startswith(f"{query_slug(query)}-fire-") for name in names)
    }


def thin_queries(
    recorded: dict[str, dict[str, Any]], scores: dict[str, QueryScore], programs: Sequence[Program]
) -> list[str]:
    """Ported queries (:func:`ported_queries`) with fewer than :data:`MIN_PROGRAMS` expecting
    programs or near-misses."""
    problems: list[str] = []
    for query in sorted(ported_queries(recorded, programs)):
        current = scores.get(query)
        support = current.support if current else 0
        near = current.near_misses if current else 0
        if support < MIN_PROGRAMS or near < MIN_PROGRAMS:
            problems.append(f"{query}: {support} expecting programs and {near} near-misses (need {MIN_PROGRAMS} each)")
    return problems


# -- command line ----------------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _print_table(scores: dict[str, QueryScore], programs: Sequence[Program], report: ScanReport) -> None:
    from rich.console import Console
    from rich.table import Table

    # Query ids must stay whole: piped output (make agreement | less, CI logs) gets a wide console.
    console = Console(width=None if sys.stdout.isatty() else 160, soft_wrap=True)
    table = Table(title=f"agreement of the default profile on {len(programs)} corpus programs")
    for name in ("query", "support", "near-misses", "TP", "FP", "FN", "recall", "precision"):
        table.add_column(name, justify="left" if name == "query" else "right", no_wrap=True)
    for s in scores.values():
        table.add_row(s.query, str(s.support), str(s.near_misses), str(s.tp), str(s.fp), str(s.fn),
                      _fmt(s.recall), _fmt(s.precision))  # fmt: skip
    console.print(table)
    for s in scores.values():
        for name in s.misses:
            console.print(f"missed    {s.query} in {s.language.value}/{name}", highlight=False)
        for name in s.false_positives:
            console.print(f"extra     {s.query} in {s.language.value}/{name}", highlight=False)
    for line in engine_errors(report):
        console.print(f"error     {line}", highlight=False)


def _languages(values: list[str]) -> list[Language]:
    if not values:
        return list(Language)
    return [parse_language(v) for item in values for v in item.split(",") if v.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hardgen.scanner.agreement", description=__doc__.splitlines()[0])
    parser.add_argument("--language", action="append", default=[], help="language(s) (default: all four)")
    parser.add_argument("--format", choices=["table", "json"], default="table")
    parser.add_argument("--record", action="store_true", help="write rules/<language>/agreement/baseline.json")
    args = parser.parse_args(argv)
    from hardgen.core.logging import configure_logging

    configure_logging("console", level="WARNING")
    try:
        languages = _languages(args.language)
        programs = load_programs(languages)
    except (AgreementError, UnknownLanguageError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    report = scan_programs(programs)
    scores = score(programs, report)
    if args.format == "json":
        document = {
            "profile": Profile.DEFAULT.value,
            "programs": len(programs),
            "rule_pack_version": report.rule_pack_version,
            "queries": [s.to_dict() for s in scores.values()],
            "errors": engine_errors(report),
        }
        print(json.dumps(document, indent=2))
    else:
        _print_table(scores, programs, report)
    if args.record:
        for language in languages:
            if any(p.language is language for p in programs):
                written = write_baseline(language, scores.values())
                print(f"recorded {written}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
