"""Checks shared by the four Semgrep rule-pack tests (``test_rules_<language>.py``).

Every pack (``services/hardgen/scanner/rules/<language>``) follows one contract, so the tests
check it with one piece of code instead of four copies that drift apart:

* every rule file holds one rule with the metadata the scanner reports (CodeQL query id, CWE ids
  matching the catalogue, confidence, references) and has a Semgrep ``--test`` file beside it
  (:func:`check_rule_metadata`);
* ``semgrep --test`` passes on the whole pack, in one process (:func:`check_rule_tests`);
* one ``semgrep scan`` over the language's reference completions reports, per file, exactly the
  query ids each is labelled with and nothing for secure ones; the JavaScript and Go tests also
  scan the partial programs, which must report nothing (:func:`scan_findings`,
  :func:`label_mismatches`).

The two Semgrep processes of a pack are started together in the background
(:func:`start_semgrep_runs`), so that they overlap each other and the cheap checks instead of
adding up. Their output goes to files rather than pipes: a full pipe would stall a process until
the test that reads it comes round. Code under analysis is only parsed, never executed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml

from hardgen.core.catalogue import catalogue, parse_cwe
from hardgen.core.languages import Language
from hardgen.core.scenarios import load_corpus

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "services" / "hardgen" / "scanner" / "rules"
#: No telemetry and no version check: the tests must not reach the network.
OFFLINE = ("--metrics=off", "--disable-version-check")
#: Upper bound on one Semgrep process; a pack's runs take well under a minute on an idle machine.
TIMEOUT_S = 300
#: Line-comment marker of each language, for the ``ruleid:``/``ok:`` annotations of Semgrep tests.
COMMENT = {Language.PYTHON: "#", Language.JAVASCRIPT: "//", Language.JAVA: "//", Language.GO: "//"}


class Case(NamedTuple):
    """One scenario file to scan, with the query ids and CWEs it is labelled with (none for secure
    completions and partial programs)."""

    name: str
    path: Path
    rules: frozenset[str]
    cwes: frozenset[int]


def pack_dir(language: Language) -> Path:
    """The language's rule folder: Semgrep's ``--config`` and ``--test`` target alike."""
    return RULES / language.value


def semgrep_binary() -> str:
    """The Semgrep beside this interpreter (the venv's), else one on ``PATH``; skip without it, as
    the scanner itself runs without Semgrep and so may a development machine."""
    beside = Path(sys.executable).parent / "semgrep"
    found = str(beside) if beside.is_file() else shutil.which("semgrep")
    if found is None:
        pytest.skip("semgrep is not installed")
    return found


def load_rules(language: Language) -> dict[Path, list[dict[str, Any]]]:
    """Rule file → its ``rules`` list, as written (a file is meant to hold exactly one rule, which
    :func:`check_rule_metadata` asserts, so nothing here assumes it)."""
    return {
        path: yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]
        for path in sorted(pack_dir(language).glob("*.yaml"))
    }


def rule_cwes(language: Language) -> dict[str, set[int]]:
    """CodeQL query id → the CWE ids its Semgrep rule declares: what a finding of that rule
    contributes to a completion's CWE labels."""
    return {
        entries[0]["metadata"]["codeql_id"]: set(entries[0]["metadata"]["cwes"])
        for entries in load_rules(language).values()
    }


def check_rule_metadata(
    language: Language, *, required: Collection[str] = (), min_rules: int = 1, min_cases: int = 1
) -> set[str]:
    """Assert the pack's layout and metadata, because the scanner reports these fields as they are
    (a wrong CWE or query id would silently mislabel every finding of the rule).

    ``required``: query ids the pack must define; ``min_rules``: the least number of rule files;
    ``min_cases``: the least number of ``ruleid:`` and of ``ok:`` annotations in each rule's test
    file. Returns the query ids the pack defines.
    """
    rules = load_rules(language)
    least = max(min_rules, len(required))
    assert len(rules) >= least, f"the {language} pack has {len(rules)} rule files, want {least} or more"
    short, comment = language.short, COMMENT[language]
    known = {query.id: set(query.cwes) for query in catalogue().queries_for(language)}
    seen: set[str] = set()
    for path, entries in rules.items():
        assert len(entries) == 1, f"{path.name}: one rule per file"
        rule = entries[0]
        meta = rule["metadata"]
        codeql_id = meta["codeql_id"]
        assert "/" not in rule["id"], f"{path.name}: Semgrep ids allow no '/'"
        assert rule["id"].startswith(f"{short}-"), f"{path.name}: rule id starts with {short}-"
        assert rule["languages"] == [language.value], path.name
        assert codeql_id.startswith(f"{short}/"), path.name
        assert codeql_id not in seen, f"{codeql_id} defined twice"
        seen.add(codeql_id)
        assert path.stem == codeql_id.rsplit("/", 1)[1], f"{path.name} is named after its query"
        cwes = meta["cwes"]
        assert cwes and all(isinstance(c, int) for c in cwes), f"{path.name}: cwes are ints"
        assert [parse_cwe(c.split(":")[0]) for c in meta["cwe"]] == cwes, f"{path.name}: cwe names"
        if codeql_id.startswith(f"{short}/hardgen/"):
            assert codeql_id not in known, f"{codeql_id} is a CodeQL query, not a hardgen one"
        else:
            assert codeql_id in known, f"{codeql_id} is not a CodeQL {language} query"
            assert set(cwes) == known[codeql_id], f"{path.name}: CWEs differ from the catalogue"
        assert meta["confidence"] in {"HIGH", "MEDIUM", "LOW"}, path.name
        assert meta["references"], f"{path.name}: references"
        test_file = path.with_suffix(language.extension)
        assert test_file.is_file(), f"{path.name} has no test file"
        text = test_file.read_text(encoding="utf-8")
        for kind in ("ruleid", "ok"):
            count = text.count(f"{comment} {kind}: {rule['id']}")
            assert count >= min_cases, f"{test_file.name}: {count} '{kind}' cases, want {min_cases} or more"
    assert seen >= set(required), f"missing queries: {sorted(set(required) - seen)}"
    return seen


def corpus_cases(language: Language) -> tuple[list[Case], list[Case]]:
    """(reference completions, partial programs) of the language's scenarios, paths resolved so
    that they compare equal to the paths Semgrep reports. Partial programs carry no labels: where a
    test scans them, the prompt itself must not trigger a rule, else a completion's findings are not
    its own. (The Python and Java tests scan references only: scenario 06's partial programs there
    are unauthenticated handlers that ``missing-authentication`` reports.)"""
    references: list[Case] = []
    partial_programs: list[Case] = []
    for scenario in load_corpus():
        if scenario.language is not language:
            continue
        partial_programs.append(
            Case(f"{scenario.id}:{scenario.file}", scenario.path.resolve(), frozenset(), frozenset())
        )
        for ref in scenario.references:
            path = scenario.reference_path(ref).resolve()
            references.append(Case(f"{scenario.id}:{ref.file}", path, frozenset(ref.rules), frozenset(ref.cwes)))
    return references, partial_programs


@dataclass(frozen=True)
class Run:
    """A background process whose stdout and stderr go to files (see the module docstring)."""

    proc: subprocess.Popen[bytes]
    stdout: Path
    stderr: Path

    def finish(self, timeout: float = TIMEOUT_S) -> tuple[int, str, str]:
        """Wait for the process; (exit status, stdout, stderr)."""
        returncode = self.proc.wait(timeout=timeout)
        return returncode, self.stdout.read_text(encoding="utf-8"), self.stderr.read_text(encoding="utf-8")


def start(commands: Mapping[str, Sequence[str]], workdir: Path) -> dict[str, Run]:
    """Start every command at once (named as in ``commands``), output under ``workdir``."""
    runs: dict[str, Run] = {}
    for name, command in commands.items():
        stdout, stderr = workdir / f"{name}.out", workdir / f"{name}.err"
        with stdout.open("wb") as out, stderr.open("wb") as err:
            runs[name] = Run(subprocess.Popen(list(command), stdout=out, stderr=err), stdout, stderr)
    return runs


def stop(runs: Mapping[str, Run]) -> None:
    """Kill what is still running (a failed test may leave a run unread), so no process outlives
    the module that started it."""
    for run in runs.values():
        if run.proc.poll() is None:
            run.proc.kill()
            run.proc.wait()


def semgrep_commands(language: Language, targets: Sequence[Path], *, jobs: int = 1) -> dict[str, list[str]]:
    """``test``: ``semgrep --test`` over the whole pack; ``scan``: one ``semgrep scan`` of
    ``targets`` with the pack. ``jobs`` stays at 1 by default because the two run side by side and
    ``--test`` already keeps every core busy (the test machines are shared)."""
    binary, pack = semgrep_binary(), str(pack_dir(language))
    return {
        "test": [binary, "--test", *OFFLINE, "--json", "--config", pack, pack],
        "scan": [
            binary,
            "scan",
            *OFFLINE,
            "--jobs",
            str(jobs),
            "--no-git-ignore",
            "--json",
            "--config",
            pack,
            *(str(path) for path in targets),
        ],
    }


def start_semgrep_runs(
    language: Language,
    workdir: Path,
    *,
    partial_programs: bool,
    extra: Mapping[str, Sequence[str]] | None = None,
) -> Iterator[dict[str, Run]]:
    """Body of a module-scoped fixture: start :func:`semgrep_commands` over the language's reference
    completions (and, with ``partial_programs``, its partial programs), plus ``extra`` commands such
    as the Java pack's ``javac``, in the background; yield the runs, stop them afterwards."""
    references, partials = corpus_cases(language)
    targets = [case.path for case in (references + partials if partial_programs else references)]
    runs = start({**semgrep_commands(language, targets), **(extra or {})}, workdir)
    try:
        yield runs
    finally:
        stop(runs)


def check_rule_tests(run: Run, language: Language) -> None:
    """Assert that ``semgrep --test`` passed for every rule of the pack. Its JSON report is read
    rather than the "All tests passed" line, because the report also names configs that failed
    to load or have no test file, and the failing matches, and lets the check count the rules."""
    returncode, stdout, stderr = run.finish()
    assert stdout.strip(), f"semgrep --test printed no JSON:\n{stderr[-4000:]}"
    report = json.loads(stdout)
    assert not report["config_with_errors"], report["config_with_errors"]
    assert not report["config_missing_tests"], report["config_missing_tests"]
    checks = {check_id: check for result in report["results"].values() for check_id, check in result["checks"].items()}
    assert len(checks) == len(load_rules(language)), f"tested {sorted(checks)}"
    failed = {
        check_id: {"matches": check["matches"], "errors": check["errors"]}
        for check_id, check in checks.items()
        if not check["passed"] or check["errors"]
    }
    assert not failed, f"semgrep --test failures: {json.dumps(failed, indent=1)[-4000:]}"
    assert returncode == 0, stderr[-4000:]


def scan_findings(run: Run) -> dict[Path, set[str]]:
    """Resolved file path → CodeQL query ids Semgrep reported for it; the scan must succeed without
    errors, since a file Semgrep failed to parse would otherwise look secure."""
    returncode, stdout, stderr = run.finish()
    assert returncode == 0, stderr[-4000:]
    output = json.loads(stdout)
    assert not output["errors"], output["errors"]
    found: dict[Path, set[str]] = defaultdict(set)
    for result in output["results"]:
        found[Path(result["path"]).resolve()].add(result["extra"]["metadata"]["codeql_id"])
    return found


def label_mismatches(
    cases: Sequence[Case], found: Mapping[Path, set[str]], cwes_of_rule: Mapping[str, set[int]]
) -> list[str]:
    """One line per disagreement between the labels and the findings: a file must be reported with
    exactly its labelled query ids, and each labelled CWE must belong to one of those queries (the
    study counts CWEs through the rules that fire)."""
    mismatches = []
    for name, path, labels, cwes in cases:
        reported = found.get(path, set())
        if reported != labels:
            mismatches.append(f"{name}: labelled {sorted(labels)}, reported {sorted(reported)}")
        reported_cwes = set().union(*(cwes_of_rule.get(rule, set()) for rule in labels))
        if not cwes <= reported_cwes:
            mismatches.append(f"{name}: cwes {sorted(cwes - reported_cwes)} belong to none of its rules")
    return mismatches


def check_scan_labels(
    run: Run,
    language: Language,
    *,
    partial_programs: bool,
    also_found: Mapping[Path, set[str]] | None = None,
    also_cwes: Mapping[str, set[int]] | None = None,
) -> None:
    """Assert that the corpus scan (``run``) reports exactly each file's labels (see
    :func:`label_mismatches`). The corpus must hold ten scenarios with at least three insecure and
    three secure variants each, so that every rule is checked both ways.

    ``partial_programs``: the scan covered them too, and they must report nothing;
    ``also_found``/``also_cwes``: findings and rule CWEs of another engine on the same files (Go's
    ``gocustom``), judged together with Semgrep's because the labels cover both.
    """
    references, partials = corpus_cases(language)
    assert len(references) >= 60, "ten scenarios with at least three insecure and three secure variants"
    cases = references
    if partial_programs:
        assert len(partials) == 10, "one partial program per scenario"
        cases = references + partials
    found = scan_findings(run)
    for path, rules in (also_found or {}).items():
        found[path] |= rules
    cwes_of_rule = {**rule_cwes(language), **(also_cwes or {})}
    mismatches = label_mismatches(cases, found, cwes_of_rule)
    assert not mismatches, "rule pack and labels disagree:\n" + "\n".join(mismatches)
