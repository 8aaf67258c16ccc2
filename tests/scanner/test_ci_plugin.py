"""The scanner as a CI plug-in: the GitHub action, the GitLab template and the pre-commit hook each
install the ``[scanner]`` extra (without it, Python/JavaScript/Java scans found nothing) and pass
their inputs through to ``hardgen scan``; their scan scripts run here with the real CLI."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from hardgen.core.settings import project_root
from hardgen.scanner.codequality import to_codequality

ROOT = project_root()
BIN = Path(sys.executable).parent
VULNERABLE = "import os\nfrom flask import Flask, request\napp = Flask(__name__)\n\n@app.route('/run')\ndef run():\n    return str(os.system(request.args['cmd']))\n"  # noqa: E501


def load(name: str) -> Any:
    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))


def step(action: dict[str, Any], name: str) -> dict[str, Any]:
    matches = [s for s in action["runs"]["steps"] if s.get("name", "").startswith(name)]
    assert len(matches) == 1, name
    return matches[0]


def test_github_action_installs_the_scanner_extra_and_passes_inputs() -> None:
    action = load("action.yml")
    assert action["runs"]["using"] == "composite"
    install = step(action, "Install hardgen")
    assert re.search(r"pip install .*\[scanner\]", install["run"])
    scan = step(action, "hardgen scan")
    env = scan["env"]
    for option, variable, name in [
        ("--fail-on", "INPUT_FAIL_ON", "fail-on"),
        ("--profile", "INPUT_PROFILE", "profile"),
        ("--output", "INPUT_SARIF_FILE", "sarif-file"),
    ]:
        assert env[variable] == "${{ inputs." + name + " }}" and name in action["inputs"]
        assert f'{option} "${variable}"' in scan["run"]
    assert env["INPUT_PATH"] == "${{ inputs.path }}" and "--format sarif" in scan["run"]
    assert "${{" not in scan["run"], "inputs reach the script through env only (no script injection)"
    upload = step(action, "Upload SARIF")
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    gate = step(action, "Fail on findings")
    assert gate["if"] == "${{ steps.scan.outputs.exit-code == '1' }}" and "exit 1" in gate["run"]


def test_gitlab_template_installs_the_scanner_extra_and_passes_variables() -> None:
    template = load("ci/hardgen.gitlab-ci.yml")
    job = template["hardgen-scan"]
    assert "hardgen[scanner]" in template["variables"]["HARDGEN_PACKAGE"]
    assert any("pip install" in line and "$HARDGEN_PACKAGE" in line for line in job["before_script"])
    scan = next(line for line in job["script"] if line.startswith("hardgen scan"))
    for option, variable in [("--fail-on", "HARDGEN_FAIL_ON"), ("--profile", "HARDGEN_PROFILE"),
                             ("--output", "HARDGEN_SARIF")]:  # fmt: skip
        assert f'{option} "${variable}"' in scan and variable in template["variables"]
    assert job["artifacts"]["when"] == "always" and job["artifacts"]["paths"] == ["$HARDGEN_SARIF"]
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"


def test_pre_commit_hook_installs_the_scanner_extra() -> None:
    (hook,) = load(".pre-commit-hooks.yaml")
    assert hook["language"] == "python" and hook["entry"].startswith("hardgen scan")
    # pre-commit runs `pip install . <additional_dependencies>` in the hook repository's clone
    assert ".[scanner]" in hook["additional_dependencies"]
    assert "--fail-on" in hook["entry"] and hook["pass_filenames"] is True


def test_docs_install_the_scanner_extra_everywhere() -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    installs = [line for line in text.splitlines() if "pip install" in line]
    assert installs and all("[scanner]" in line for line in installs), installs


def run_bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    path = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"
    return subprocess.run(
        ["bash", "-eo", "pipefail", "-c", script],
        cwd=cwd,
        env=os.environ | env | {"PATH": path},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def scan_cache(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One result cache for the module: the same file is analysed once, later runs read the cache."""
    return str(tmp_path_factory.mktemp("cache"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "app").mkdir(parents=True)
    (repo / "app" / "views.py").write_text(VULNERABLE)
    return repo


@pytest.mark.slow
def test_github_action_scan_step_gates_on_fail_on_and_writes_sarif(
    project: Path, tmp_path: Path, scan_cache: str
) -> None:
    scan = step(load("action.yml"), "hardgen scan")
    outputs = {}
    for fail_on in ("high", "none"):
        output = tmp_path / f"output-{fail_on}"
        output.write_text("")
        env = {"GITHUB_OUTPUT": str(output), "INPUT_PATH": "app", "INPUT_FAIL_ON": fail_on, "INPUT_PROFILE": "default",
               "INPUT_SARIF_FILE": f"{fail_on}.sarif", "HARDGEN_CACHE": scan_cache}  # fmt: skip
        done = run_bash(scan["run"], project, env)
        assert done.returncode == 0, done.stderr  # the step itself passes; the gate step fails the job
        outputs[fail_on] = output.read_text().strip()
        sarif = json.loads((project / f"{fail_on}.sarif").read_text())
        assert {r["ruleId"] for r in sarif["runs"][0]["results"]} >= {"py/command-line-injection"}
    assert outputs == {"high": "exit-code=1", "none": "exit-code=0"}


@pytest.mark.slow
def test_gitlab_script_fails_the_job_and_keeps_both_reports(project: Path, scan_cache: str) -> None:
    template = load("ci/hardgen.gitlab-ci.yml")
    script = "\n".join(template["hardgen-scan"]["script"])
    variables = {k: v for k, v in template["variables"].items() if k != "HARDGEN_PACKAGE"}
    done = run_bash(script, project, variables | {"HARDGEN_CACHE": scan_cache})
    assert done.returncode == 1, done.stderr
    issues = json.loads((project / "gl-code-quality-report.json").read_text())
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("py/command-line-injection", "blocker", {"path": "app/views.py", "lines": {"begin": 7}})
    ]
    assert (project / "hardgen.sarif").is_file()


def test_codequality_leaves_out_suppressed_results() -> None:
    result = {"ruleId": "py/sql-injection", "message": {"text": "m"}, "properties": {"security-severity": "8.8"},
              "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a%20b/x.py"}, "region": {"startLine": 3}}}]}  # fmt: skip  # noqa: E501
    log = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "hardgen"}}, "results": [
        result, result | {"suppressions": [{"kind": "inSource", "justification": "reviewed"}]}]}]}  # fmt: skip
    issues = to_codequality(log)
    assert [(i["check_name"], i["severity"], i["location"]["path"]) for i in issues] == [
        ("py/sql-injection", "critical", "a b/x.py")
    ]
