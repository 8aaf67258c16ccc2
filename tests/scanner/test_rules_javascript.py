"""The JavaScript Semgrep rule pack (``services/hardgen/scanner/rules/javascript``).

* every rule file holds one rule with the metadata the scanner reports (CodeQL query id, CWE ids
  matching the catalogue, confidence, references) and has a Semgrep ``--test`` file beside it;
* ``semgrep --test`` passes on the whole pack (one command);
* one ``semgrep scan`` over every JavaScript reference completion of the scenario corpus reports,
  per file, exactly the query ids the completion is labelled with, nothing for secure ones, and
  nothing for the partial programs themselves.

Code under analysis is only parsed by Semgrep, never executed or imported.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from hardgen.core.catalogue import parse_cwe
from hardgen.core.languages import Language
from hardgen.core.scenarios import load_corpus

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "services" / "hardgen" / "scanner" / "rules" / "javascript"
SEVERITY_CSV = ROOT / "services" / "hardgen" / "core" / "data" / "codeql-security-severity.csv"
OFFLINE = ["--metrics=off", "--disable-version-check"]

# queries the issue asks the JavaScript pack to cover at least
REQUIRED = {
    "js/path-injection",
    "js/sql-injection",
    "js/command-line-injection",
    "js/reflected-xss",
    "js/stack-trace-exposure",
    "js/insufficient-password-hash",
    "js/hardcoded-credentials",
    "js/unsafe-deserialization",
    "js/log-injection",
    "js/server-side-unvalidated-url-redirection",
    "js/request-forgery",
    "js/regex-injection",
    "js/missing-rate-limiting",
    "js/untrusted-data-to-external-api",
    "js/type-confusion-through-parameter-tampering",
    "js/clear-text-cookie",
    "js/hardgen/missing-authentication",
}


def _semgrep() -> str:
    beside = Path(sys.executable).parent / "semgrep"
    found = str(beside) if beside.is_file() else shutil.which("semgrep")
    if found is None:
        pytest.skip("semgrep is not installed")
    return found


def _rules() -> dict[Path, list[dict]]:
    return {path: yaml.safe_load(path.read_text(encoding="utf-8"))["rules"] for path in sorted(PACK.glob("*.yaml"))}


def _codeql_javascript_cwes() -> dict[str, set[int]]:
    """CodeQL JavaScript query id → CWE ids, from the catalogue's data file."""
    known: dict[str, set[int]] = {}
    for line in SEVERITY_CSV.read_text(encoding="utf-8").splitlines():
        fields = line.split(",")
        if len(fields) >= 4 and fields[0].startswith("js/"):
            known[fields[0]] = {parse_cwe(c) for c in fields[3].split()}
    return known


def test_pack_has_one_rule_per_file_with_metadata_and_a_test_file() -> None:
    rules = _rules()
    assert len(rules) >= len(REQUIRED)
    known = _codeql_javascript_cwes()
    seen: set[str] = set()
    for path, entries in rules.items():
        assert len(entries) == 1, f"{path.name}: one rule per file"
        rule = entries[0]
        meta = rule["metadata"]
        codeql_id = meta["codeql_id"]
        assert "/" not in rule["id"], f"{path.name}: Semgrep ids allow no '/'"
        assert rule["languages"] == ["javascript"]
        assert codeql_id.startswith("js/"), path.name
        assert codeql_id not in seen, f"{codeql_id} defined twice"
        seen.add(codeql_id)
        assert path.stem == codeql_id.rsplit("/", 1)[1], f"{path.name} is named after its query"
        cwes = meta["cwes"]
        assert cwes and all(isinstance(c, int) for c in cwes), path.name
        assert [parse_cwe(c.split(":")[0]) for c in meta["cwe"]] == cwes, path.name
        if codeql_id.startswith("js/hardgen/"):
            assert codeql_id not in known
        else:
            assert codeql_id in known, f"{codeql_id} is not a CodeQL JavaScript query"
            assert set(cwes) == known[codeql_id], f"{path.name}: CWEs differ from the catalogue"
        assert meta["confidence"] in {"HIGH", "MEDIUM", "LOW"}
        assert meta["references"], path.name
        test_file = path.with_suffix(".js")
        assert test_file.is_file(), f"{path.name} has no test file"
        text = test_file.read_text(encoding="utf-8")
        assert f"// ruleid: {rule['id']}" in text and f"// ok: {rule['id']}" in text, test_file.name
    assert seen >= REQUIRED, f"missing queries: {sorted(REQUIRED - seen)}"


def test_semgrep_test_passes_for_the_whole_pack() -> None:
    done = subprocess.run(
        [_semgrep(), "--test", *OFFLINE, "--json", "--config", str(PACK), str(PACK)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.stdout.strip(), done.stderr[-4000:]
    report = json.loads(done.stdout)
    assert not report["config_with_errors"], report["config_with_errors"]
    assert not report["config_missing_tests"], report["config_missing_tests"]
    checks = {rule_id: check for result in report["results"].values() for rule_id, check in result["checks"].items()}
    assert len(checks) == len(_rules())
    failed = {rule_id: check["matches"] for rule_id, check in checks.items() if not check["passed"]}
    assert not failed, json.dumps(failed, indent=1)[-4000:]
    assert done.returncode == 0, done.stderr[-4000:]


def _javascript_corpus() -> tuple[list[tuple[str, Path, set[str], set[int]]], list[Path]]:
    cases, partial_programs = [], []
    for scenario in load_corpus():
        if scenario.language is not Language.JAVASCRIPT:
            continue
        partial_programs.append(scenario.path.resolve())
        for ref in scenario.references:
            path = scenario.reference_path(ref).resolve()
            cases.append((f"{scenario.id}:{ref.file}", path, set(ref.rules), set(ref.cwes)))
    return cases, partial_programs


def test_pack_reports_exactly_the_labels_of_every_reference_completion() -> None:
    cases, partial_programs = _javascript_corpus()
    assert len(partial_programs) == 10
    assert len(cases) >= 60, "ten scenarios with at least three insecure and three secure variants"
    done = subprocess.run(
        [
            _semgrep(),
            "scan",
            *OFFLINE,
            "--no-git-ignore",
            "--json",
            "--config",
            str(PACK),
            *(str(path) for _, path, _, _ in cases),
            *(str(path) for path in partial_programs),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    output = json.loads(done.stdout)
    assert not output["errors"], output["errors"]
    found: dict[Path, set[str]] = defaultdict(set)
    for result in output["results"]:
        found[Path(result["path"]).resolve()].add(result["extra"]["metadata"]["codeql_id"])
    rule_cwes = {
        entries[0]["metadata"]["codeql_id"]: set(entries[0]["metadata"]["cwes"]) for entries in _rules().values()
    }
    mismatches = []
    for name, path, labels, cwes in cases:
        if found.get(path, set()) != labels:
            mismatches.append(f"{name}: labelled {sorted(labels)}, reported {sorted(found.get(path, set()))}")
        reported_cwes = set().union(*(rule_cwes.get(rule, set()) for rule in labels)) if labels else set()
        if not cwes <= reported_cwes:
            mismatches.append(f"{name}: cwes {sorted(cwes - reported_cwes)} belong to none of its rules")
    for path in partial_programs:
        if found.get(path):
            mismatches.append(f"{path.relative_to(ROOT)}: the partial program itself reports {sorted(found[path])}")
    assert not mismatches, "\n".join(mismatches)
