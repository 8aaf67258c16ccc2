"""The Java Semgrep rule pack (``services/hardgen/scanner/rules/java``).

* every rule file holds one rule with the metadata the scanner reports (CodeQL query id, CWE ids
  matching the catalogue, confidence, references) and has a Semgrep ``--test`` file beside it;
* ``semgrep --test`` passes on the whole pack (one process);
* one ``semgrep scan`` over every Java reference completion of the scenario corpus reports, per
  file, exactly the query ids the completion is labelled with (none for secure ones).

Code under analysis is only parsed by Semgrep, never executed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from hardgen.core.catalogue import parse_cwe
from hardgen.core.languages import Language
from hardgen.core.scenarios import load_corpus

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "services" / "hardgen" / "scanner" / "rules" / "java"
SEVERITY_CSV = ROOT / "services" / "hardgen" / "core" / "data" / "codeql-security-severity.csv"
OFFLINE = ["--metrics=off", "--disable-version-check"]


def _semgrep() -> str:
    beside = Path(sys.executable).parent / "semgrep"
    found = str(beside) if beside.is_file() else shutil.which("semgrep")
    if found is None:
        pytest.skip("semgrep is not installed")
    return found


def _rule_files() -> list[Path]:
    return sorted(PACK.glob("*.yaml"))


def _codeql_java_cwes() -> dict[str, set[int]]:
    """CodeQL Java query id → CWE ids, from the catalogue's data file."""
    known: dict[str, set[int]] = {}
    for line in SEVERITY_CSV.read_text(encoding="utf-8").splitlines():
        fields = line.split(",")
        if len(fields) >= 4 and fields[0].startswith("java/"):
            known[fields[0]] = {parse_cwe(c) for c in fields[3].split()}
    return known


def _java_references() -> list[tuple[str, Path, set[str]]]:
    cases = []
    for scenario in load_corpus():
        if scenario.language is not Language.JAVA:
            continue
        for ref in scenario.references:
            cases.append((f"{scenario.id}:{ref.file}", scenario.reference_path(ref).resolve(), set(ref.rules)))
    return cases


def test_pack_has_one_rule_per_file_with_metadata_and_a_test_file() -> None:
    files = _rule_files()
    assert len(files) >= 20, "the Java pack covers at least twenty queries"
    known = _codeql_java_cwes()
    seen_ids: set[str] = set()
    for path in files:
        rules = yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]
        assert len(rules) == 1, f"{path.name}: one rule per file"
        rule = rules[0]
        meta = rule["metadata"]
        codeql_id = meta["codeql_id"]
        assert "/" not in rule["id"], f"{path.name}: Semgrep ids allow no '/'"
        assert rule["languages"] == ["java"]
        assert codeql_id.startswith("java/"), path.name
        assert codeql_id not in seen_ids, f"{codeql_id} defined twice"
        seen_ids.add(codeql_id)
        assert path.stem == codeql_id.rsplit("/", 1)[-1], f"{path.name}: file named after the query"
        assert (PACK / f"{path.stem}.java").is_file(), f"{path.name}: no --test file beside it"
        cwes = meta["cwes"]
        assert cwes and all(isinstance(c, int) for c in cwes), f"{path.name}: cwes are ints"
        assert {parse_cwe(c.split(":")[0]) for c in meta["cwe"]} == set(cwes), f"{path.name}: cwe names"
        if codeql_id.startswith("java/hardgen/"):
            assert codeql_id not in known
        else:
            assert codeql_id in known, f"{codeql_id} is not a CodeQL Java query"
            assert set(cwes) == known[codeql_id], f"{path.name}: cwes differ from the catalogue"
        assert meta["confidence"] in {"LOW", "MEDIUM", "HIGH"}
        assert meta["references"], f"{path.name}: references"


@pytest.fixture(scope="module")
def semgrep_runs() -> Iterator[dict[str, subprocess.Popen[str]]]:
    """Start both Semgrep processes at once (``--test`` on the pack, one scan of the corpus) so
    that the two assertion groups overlap instead of adding up."""
    binary = _semgrep()
    paths = [str(path) for _, path, _ in _java_references()]
    commands = {
        "test": [binary, "--test", "--json", *OFFLINE, str(PACK)],
        "scan": [binary, "scan", *OFFLINE, "--no-git-ignore", "--json", "--config", str(PACK), *paths],
    }
    procs = {
        name: subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for name, cmd in commands.items()
    }
    yield procs
    for proc in procs.values():
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _json_output(proc: subprocess.Popen[str]) -> dict[str, Any]:
    stdout, _ = proc.communicate(timeout=300)
    return json.loads(stdout)


def test_semgrep_rule_tests_pass(semgrep_runs: dict[str, subprocess.Popen[str]]) -> None:
    report = _json_output(semgrep_runs["test"])
    assert report["config_with_errors"] == [], report["config_with_errors"]
    assert report["config_missing_tests"] == [], report["config_missing_tests"]
    failed = {
        check_id: check["matches"]
        for config in report["results"].values()
        for check_id, check in config["checks"].items()
        if not check["passed"] or check["errors"]
    }
    assert not failed, f"semgrep --test failures: {failed}"
    tested = {check_id for config in report["results"].values() for check_id in config["checks"]}
    assert len(tested) == len(_rule_files())


def test_reference_completions_get_exactly_their_labels(semgrep_runs: dict[str, subprocess.Popen[str]]) -> None:
    cases = _java_references()
    assert len(cases) >= 60
    report = _json_output(semgrep_runs["scan"])
    assert report["errors"] == [], report["errors"]
    reported: dict[Path, set[str]] = defaultdict(set)
    for result in report["results"]:
        reported[Path(result["path"]).resolve()].add(result["extra"]["metadata"]["codeql_id"])
    wrong = {
        name: {"labelled": sorted(labels), "reported": sorted(reported[path])}
        for name, path, labels in cases
        if reported[path] != labels
    }
    assert not wrong, f"rule pack and labels disagree: {json.dumps(wrong, indent=1)}"
