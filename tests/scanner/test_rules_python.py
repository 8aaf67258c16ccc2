"""The Python Semgrep rule pack (``services/hardgen/scanner/rules/python``).

* every rule file holds one rule with the metadata the scanner reports (CodeQL query id, CWE ids
  matching the catalogue, confidence, references) and has a Semgrep ``--test`` file beside it;
* ``semgrep --test`` passes on the whole pack (one process);
* one ``semgrep scan`` over every Python reference completion of the scenario corpus reports, per
  file, exactly the query ids the completion is labelled with, and nothing for secure ones.

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
PACK = ROOT / "services" / "hardgen" / "scanner" / "rules" / "python"
SEVERITY_CSV = ROOT / "services" / "hardgen" / "core" / "data" / "codeql-security-severity.csv"
OFFLINE = ["--metrics=off", "--disable-version-check"]

# queries the issue asks the Python pack to cover at least
REQUIRED = {
    "py/path-injection",
    "py/sql-injection",
    "py/command-line-injection",
    "py/reflective-xss",
    "py/stack-trace-exposure",
    "py/weak-sensitive-data-hashing",
    "py/hardcoded-credentials",
    "py/unsafe-deserialization",
    "py/log-injection",
    "py/url-redirection",
    "py/full-ssrf",
    "py/partial-ssrf",
    "py/polynomial-redos",
    "py/flask-debug",
    "py/clear-text-logging-sensitive-data",
    "py/hardgen/missing-authentication",
}


def _semgrep() -> str:
    beside = Path(sys.executable).parent / "semgrep"
    found = str(beside) if beside.is_file() else shutil.which("semgrep")
    if found is None:
        pytest.skip("semgrep is not installed")
    return found


def _rules() -> dict[Path, dict]:
    return {path: yaml.safe_load(path.read_text(encoding="utf-8"))["rules"] for path in sorted(PACK.glob("*.yaml"))}


def _codeql_python_cwes() -> dict[str, set[int]]:
    """CodeQL Python query id → CWE ids, from the catalogue's data file."""
    known: dict[str, set[int]] = {}
    for line in SEVERITY_CSV.read_text(encoding="utf-8").splitlines():
        fields = line.split(",")
        if len(fields) >= 4 and fields[0].startswith("py/"):
            known[fields[0]] = {parse_cwe(c) for c in fields[3].split()}
    return known


def test_pack_has_one_rule_per_file_with_metadata_and_a_test_file() -> None:
    rules = _rules()
    assert len(rules) >= len(REQUIRED)
    known = _codeql_python_cwes()
    seen: set[str] = set()
    for path, entries in rules.items():
        assert len(entries) == 1, f"{path.name}: one rule per file"
        rule = entries[0]
        meta = rule["metadata"]
        codeql_id = meta["codeql_id"]
        assert "/" not in rule["id"], f"{path.name}: Semgrep ids allow no '/'"
        assert rule["languages"] == ["python"]
        assert codeql_id.startswith("py/"), path.name
        assert codeql_id not in seen, f"{codeql_id} defined twice"
        seen.add(codeql_id)
        assert path.stem == codeql_id.rsplit("/", 1)[1], f"{path.name} is named after its query"
        cwes = meta["cwes"]
        assert cwes and all(isinstance(c, int) for c in cwes), path.name
        assert [parse_cwe(c.split(":")[0]) for c in meta["cwe"]] == cwes, path.name
        if codeql_id.startswith("py/hardgen/"):
            assert codeql_id not in known
        else:
            assert codeql_id in known, f"{codeql_id} is not a CodeQL Python query"
            assert set(cwes) == known[codeql_id], f"{path.name}: CWEs differ from the catalogue"
        assert meta["confidence"] in {"HIGH", "MEDIUM", "LOW"}
        assert meta["references"], path.name
        test_file = path.with_suffix(".py")
        assert test_file.is_file(), f"{path.name} has no test file"
        text = test_file.read_text(encoding="utf-8")
        assert f"# ruleid: {rule['id']}" in text and f"# ok: {rule['id']}" in text, test_file.name
    assert seen >= REQUIRED, f"missing queries: {sorted(REQUIRED - seen)}"


def test_semgrep_test_passes_for_the_whole_pack() -> None:
    done = subprocess.run(
        [_semgrep(), "--test", *OFFLINE, "--config", str(PACK), str(PACK)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = done.stdout + done.stderr
    assert done.returncode == 0, report[-4000:]
    assert "All tests passed" in report, report[-4000:]


def _python_references() -> list[tuple[str, Path, set[str], set[int]]]:
    cases = []
    for scenario in load_corpus():
        if scenario.language is not Language.PYTHON:
            continue
        for ref in scenario.references:
            path = scenario.reference_path(ref).resolve()
            cases.append((f"{scenario.id}:{ref.file}", path, set(ref.rules), set(ref.cwes)))
    return cases


def test_pack_reports_exactly_the_labels_of_every_reference_completion() -> None:
    cases = _python_references()
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
    assert not mismatches, "\n".join(mismatches)
