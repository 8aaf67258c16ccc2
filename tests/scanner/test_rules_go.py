"""The Go Semgrep rule pack (``services/hardgen/scanner/rules/go``) together with ``gocustom``.

* every rule file holds one rule with the metadata the scanner reports (CodeQL query id, CWE ids
  matching the catalogue, confidence, references) and has a Semgrep ``--test`` file beside it;
* ``semgrep --test`` passes on the whole pack (one process);
* one ``semgrep scan`` over every Go reference completion of the scenario corpus, plus one
  ``gocustom`` batch, report per file exactly the query ids the completion is labelled with, and
  nothing for secure completions or for the partial programs themselves.

Code under analysis is only parsed, never compiled, executed or imported.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from hardgen.core.catalogue import catalogue, parse_cwe
from hardgen.core.languages import Language
from hardgen.core.scenarios import load_corpus
from hardgen.scanner.engines.base import ScanFile
from hardgen.scanner.engines.gocustom import DESER_RULE, HASH_RULE, PATH_RULE, GoCustomEngine

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "services" / "hardgen" / "scanner" / "rules" / "go"
OFFLINE = ["--metrics=off", "--disable-version-check"]

# queries the Go pack must cover at least (the brief's list plus what the corpus needs)
REQUIRED = {
    "go/path-injection",
    "go/sql-injection",
    "go/command-injection",
    "go/reflected-xss",
    "go/stack-trace-exposure",
    "go/hardcoded-credentials",
    "go/log-injection",
    "go/unvalidated-url-redirection",
    "go/request-forgery",
    "go/clear-text-logging",
    "go/hardgen/missing-authentication",
    "go/hardgen/cleartext-password-storage",
}
GOCUSTOM_RULES = {PATH_RULE: None, HASH_RULE: [327, 328, 916], DESER_RULE: [502]}


def _semgrep() -> str:
    beside = Path(sys.executable).parent / "semgrep"
    found = str(beside) if beside.is_file() else shutil.which("semgrep")
    if found is None:
        pytest.skip("semgrep is not installed")
    return found


def _rules() -> dict[Path, list[dict[str, Any]]]:
    return {path: yaml.safe_load(path.read_text(encoding="utf-8"))["rules"] for path in sorted(PACK.glob("*.yaml"))}


def test_pack_has_one_rule_per_file_with_metadata_and_a_test_file() -> None:
    rules = _rules()
    known = {q.id: set(q.cwes) for q in catalogue().queries_for(Language.GO)}
    seen: set[str] = set()
    for path, entries in rules.items():
        assert len(entries) == 1, f"{path.name}: one rule per file"
        rule = entries[0]
        meta = rule["metadata"]
        codeql_id = meta["codeql_id"]
        assert "/" not in rule["id"] and rule["id"].startswith("go-"), f"{path.name}: Semgrep ids allow no '/'"
        assert rule["languages"] == ["go"]
        assert codeql_id not in seen, f"{codeql_id} defined twice"
        seen.add(codeql_id)
        assert path.stem == codeql_id.rsplit("/", 1)[1], f"{path.name} is named after its query"
        cwes = meta["cwes"]
        assert cwes and all(isinstance(c, int) for c in cwes), path.name
        assert [parse_cwe(c.split(":")[0]) for c in meta["cwe"]] == cwes, path.name
        if codeql_id.startswith("go/hardgen/"):
            assert codeql_id not in known
        else:
            assert codeql_id in known, f"{codeql_id} is not a CodeQL Go query"
            assert set(cwes) == known[codeql_id], f"{path.name}: CWEs differ from the catalogue"
        assert meta["confidence"] in {"HIGH", "MEDIUM", "LOW"}
        assert meta["references"], path.name
        test_file = path.with_suffix(".go")
        assert test_file.is_file(), f"{path.name} has no test file"
        text = test_file.read_text(encoding="utf-8")
        assert text.count(f"// ruleid: {rule['id']}") >= 2, f"{test_file.name}: several positive cases"
        assert text.count(f"// ok: {rule['id']}") >= 2, f"{test_file.name}: several negative cases"
    assert seen >= REQUIRED, f"missing queries: {sorted(REQUIRED - seen)}"
    assert not seen & set(GOCUSTOM_RULES), "gocustom's queries are not duplicated in the Semgrep pack"


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


def _go_files() -> list[tuple[str, Path, set[str], set[int]]]:
    """(name, path, labelled query ids, labelled CWEs) for every Go completion and partial program."""
    cases: list[tuple[str, Path, set[str], set[int]]] = []
    for scenario in load_corpus():
        if scenario.language is not Language.GO:
            continue
        cases.append((f"{scenario.id}:{scenario.file}", scenario.path.resolve(), set(), set()))
        for ref in scenario.references:
            path = scenario.reference_path(ref).resolve()
            cases.append((f"{scenario.id}:{ref.file}", path, set(ref.rules), set(ref.cwes)))
    return cases


def test_pack_and_gocustom_report_exactly_the_labels_of_every_go_reference() -> None:
    cases = _go_files()
    assert len(cases) >= 70, "ten scenarios, each a partial program plus at least 3 + 3 variants"
    done = subprocess.run(
        [
            _semgrep(),
            "scan",
            *OFFLINE,
            "--jobs",
            "1",  # one batch on a shared machine: less CPU than Semgrep's default workers
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

    engine = GoCustomEngine()
    batch = [ScanFile(path=str(path), abs_path=path, language=Language.GO) for _, path, _, _ in cases]
    custom = engine.scan(batch, timeout=60)
    assert custom.errors == []
    for finding in custom.findings:
        found[Path(finding.path)].add(finding.rule_id)

    rule_cwes = {
        entries[0]["metadata"]["codeql_id"]: set(entries[0]["metadata"]["cwes"]) for entries in _rules().values()
    }
    rule_cwes.update({rule: set(cwes or catalogue().cwes_for(rule)) for rule, cwes in GOCUSTOM_RULES.items()})
    mismatches = []
    for name, path, labels, cwes in cases:
        if found.get(path, set()) != labels:
            mismatches.append(f"{name}: labelled {sorted(labels)}, reported {sorted(found.get(path, set()))}")
        reported_cwes = set().union(*(rule_cwes.get(rule, set()) for rule in labels)) if labels else set()
        if not cwes <= reported_cwes:
            mismatches.append(f"{name}: cwes {sorted(cwes - reported_cwes)} belong to none of its rules")
    assert not mismatches, "\n".join(mismatches)
    # every gocustom check is exercised by the corpus
    assert {f.rule_id for f in custom.findings} == set(GOCUSTOM_RULES)


def test_go_corpus_parses_with_the_go_toolchain_and_is_gofmt_formatted() -> None:
    """tree-sitter is lenient; ``gofmt -e`` is Go's own parser (skipped where Go is not installed)."""
    gofmt = shutil.which("gofmt")
    if gofmt is None:
        pytest.skip("gofmt is not installed (apt-get install golang-go)")
    paths = [str(path) for _, path, _, _ in _go_files()]
    done = subprocess.run([gofmt, "-l", "-e", *paths], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-4000:]
    assert done.stdout.strip() == "", f"not gofmt-formatted:\n{done.stdout}"
