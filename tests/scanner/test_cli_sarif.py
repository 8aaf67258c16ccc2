"""``hardgen scan`` as a user runs it (a real subprocess), and the SARIF it writes."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

import jsonschema
import pytest

from hardgen.core.findings import FileError, Finding
from hardgen.scanner import sarif

HARDGEN = [sys.executable, "-m", "hardgen.cli.main"]


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*HARDGEN, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def project(tmp_path: Path, rule_pack: Path) -> Path:
    tag = f"# {uuid.uuid4()}\n"
    (tmp_path / "src" / "api").mkdir(parents=True)
    (tmp_path / "src" / "api" / "run code.py").write_text("def run(q):\n    return eval(q)\n" + tag)
    (tmp_path / "src" / "db.py").write_text(
        "def find(cur, name):\n    cur.execute(\"SELECT * FROM u WHERE n = '%s'\" % name)\n" + tag
    )
    (tmp_path / "src" / "ok.py").write_text("def add(a, b):\n    return a + b\n" + tag)
    (tmp_path / "src" / "README.md").write_text("docs\n")
    (tmp_path / "src" / "node_modules").mkdir()
    (tmp_path / "src" / "node_modules" / "dep.js").write_text("eval(x)\n")
    return tmp_path


def test_sarif_output_is_valid_and_uploadable(project: Path) -> None:
    out = project / "results.sarif"
    result = _run(["scan", "src", "--engine", "semgrep", "--format", "sarif", "--output", str(out)], project)
    assert result.returncode == 1, result.stderr  # critical finding ≥ default --fail-on high
    assert result.stdout == ""
    document = json.loads(out.read_text())
    sarif.validate(document)
    run = document["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert set(rules) == {"py/code-injection", "py/sql-injection"}
    assert rules["py/sql-injection"]["properties"]["security-severity"] == "8.8"
    assert {"security", "external/cwe/cwe-089"} <= set(rules["py/sql-injection"]["properties"]["tags"])
    assert {"external/cwe/cwe-094", "external/cwe/cwe-095"} <= set(rules["py/code-injection"]["properties"]["tags"])
    locations = {
        r["ruleId"]: r["locations"][0]["physicalLocation"] for r in run["results"]
    }
    # relative to the scan root (the current directory), percent-encoded, under %SRCROOT%
    expected = {"uri": "src/api/run%20code.py", "uriBaseId": "%SRCROOT%"}
    assert locations["py/code-injection"]["artifactLocation"] == expected
    assert locations["py/sql-injection"]["region"]["startLine"] == 2
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == project.resolve().as_uri() + "/"
    assert all(len(r["partialFingerprints"][sarif.FINGERPRINT_KEY]) == 32 for r in run["results"])
    assert {r["level"] for r in run["results"]} == {"error"}


def test_json_goes_to_stdout_alone_and_fail_on_sets_the_exit_code(project: Path) -> None:
    target = ["scan", "src/db.py", "src/ok.py", "-e", "semgrep", "--format", "json"]
    high = _run([*target, "--fail-on", "high"], project)
    assert high.returncode == 1, high.stderr
    report = json.loads(high.stdout)  # nothing but JSON on stdout
    found = [(f["path"], f["rule_id"], f["level"]) for f in report["findings"]]
    assert found == [("src/db.py", "py/sql-injection", "high")]
    assert report["files_scanned"] == 2

    critical = _run([*target, "--fail-on", "critical"], project)
    assert critical.returncode == 0, critical.stderr
    assert json.loads(critical.stdout)["cache_hits"] == 2  # unchanged files: served from the cache

    clean = _run(["scan", "src/ok.py", "-e", "semgrep", "-f", "json"], project)
    assert clean.returncode == 0 and json.loads(clean.stdout)["findings"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["scan", "src", "--engine", "sonarqube"], "unknown engine 'sonarqube'"),
        (["scan", "missing-folder"], "no such file or folder: missing-folder"),
        (["scan", "src", "--language", "cobol"], "unknown language 'cobol'"),
        (["scan", "src", "--fail-on", "severe"], "severe"),
    ],
)
def test_usage_errors_exit_2(project: Path, args: list[str], message: str) -> None:
    result = _run(args, project)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_sarif_per_engine_runs_and_schema_catches_absolute_uris() -> None:
    findings = [
        Finding(rule_id="go/path-injection", cwes=[22], severity=7.5, path="cmd/main.go", start_line=3,
                engine="gocustom").with_fingerprint("os.Create(name)"),
        Finding(rule_id="go/sql-injection", cwes=[89], severity=8.8, path="db.go", engine="semgrep").with_fingerprint(),
    ]  # fmt: skip
    errors = [FileError(path="broken.go", engine="semgrep", message="Timeout: rule took too long")]
    document = sarif.to_sarif(findings, errors, mode="per-engine", engines=["semgrep", "gocustom"])
    sarif.validate(document)
    names = [run["tool"]["driver"]["name"] for run in document["runs"]]
    assert names == ["hardgen-semgrep", "hardgen-gocustom"]
    notes = document["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["level"] == "error" and "Timeout" in notes[0]["message"]["text"]
    document["runs"][1]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "/etc/x.go"
    with pytest.raises(jsonschema.ValidationError):
        sarif.validate(document)
