"""Inline suppressions with a reason and ``.hardgenignore``, through the real CLI and Semgrep; and the
project's own gate: ``hardgen scan . --fail-on high`` passes on this repository."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from hardgen.core.findings import Finding
from hardgen.core.languages import Language
from hardgen.core.settings import project_root
from hardgen.scanner import sarif
from hardgen.scanner.suppressions import apply_suppressions, parse_suppressions

HARDGEN = str(Path(sys.executable).parent / "hardgen")

VIEWS = """import os
import yaml
from flask import Flask, request

app = Flask(__name__)


@app.route("/run")
def run():
    # hardgen: ignore[py/command-line-injection] only the ops network reaches /run; reviewed in SEC-12
    return str(os.system(request.args["cmd"]))


@app.route("/cfg")
def cfg():
    return str(yaml.load(request.data))  # hardgen: ignore[py/unsafe-deserialization]
"""
SERVER_JS = (
    "const express = require('express');\n"
    "const app = express();\n"
    "app.get('/calc', (req, res) => {\n"
    "  res.send(String(eval(req.query.expr))); "
    "// hardgen: ignore[js/code-injection, js/reflected-xss, js/untrusted-data-to-external-api] sandboxed in a worker\n"
    "});\n"
)


def finding(rule: str, line: int, path: str = "a.py") -> Finding:
    return Finding(rule_id=rule, severity=9.0, path=path, start_line=line, end_line=line)


def test_comment_syntax_per_language_ids_and_placement() -> None:
    go = "package main\n// hardgen: ignore[go/path-injection,go/study/path-traversal]  reviewed: fixed root\nx := 1\n"
    (item,) = parse_suppressions("cmd/main.go", go)
    assert (item.line, item.ids, item.reason) == (
        2,
        ("go/path-injection", "go/study/path-traversal"),
        "reviewed: fixed root",
    )
    assert parse_suppressions("a.js", "x = 1 # hardgen: ignore[js/x] not a JS comment\n") == []
    assert parse_suppressions("A.java", "int x; // hardgen: ignore[java/xss] escaped upstream\n")[0].ids == (
        "java/xss",
    )
    text = "a = 1\n# hardgen: ignore[py/sql-injection] constant table name\nq = 2\nr = 3\n"
    result = apply_suppressions(
        [finding("py/sql-injection", 3), finding("py/sql-injection", 4), finding("py/path-injection", 3)],
        {"a.py": text},
    )
    # the line itself or the line after the comment; only the named query
    assert [(s.finding.start_line, s.reason) for s in result.suppressed] == [(3, "constant table name")]
    assert [(f.rule_id, f.start_line) for f in result.active] == [("py/sql-injection", 4), ("py/path-injection", 3)]


def test_a_suppression_without_a_reason_suppresses_nothing_and_warns() -> None:
    text = "x = 1  # hardgen: ignore[py/sql-injection]\ny = 2  # hardgen: ignore[] because\n"
    result = apply_suppressions([finding("py/sql-injection", 1)], {"a.py": text}, {"a.py": Language.PYTHON})
    assert result.suppressed == [] and len(result.active) == 1
    assert result.warnings == [
        "a.py:1: hardgen: ignore[py/sql-injection] has no reason; nothing is suppressed (write the reason after "
        "the brackets)",
        "a.py:2: hardgen: ignore[] names no query id; nothing suppressed",
    ]


def scan(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"HARDGEN_CACHE": str(cwd.parent / "cache")}
    return subprocess.run(
        [HARDGEN, "scan", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for rel, text in {
        "app/views.py": VIEWS,
        "web/server.js": SERVER_JS,
        "fixtures/bad.py": VIEWS,
        "fixtures/keep.py": "import os\nfrom flask import request\n\ndef f():\n    os.system(request.args['c'])\n",
        "vendor/lib/x.js": "eval(location.hash)\n",
    }.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    (root / ".hardgenignore").write_text("# fixtures are insecure on purpose\nfixtures/\n!fixtures/keep.py\n/vendor/\n")
    return root


def results(document: dict[str, Any]) -> list[tuple[str, str, Any]]:
    found = document["runs"][0]["results"]
    uri = "locations"
    return sorted(
        (r["ruleId"], r[uri][0]["physicalLocation"]["artifactLocation"]["uri"], r.get("suppressions")) for r in found
    )


def test_suppressed_findings_are_sarif_suppressions_and_do_not_fail(repo: Path) -> None:
    (repo / "fixtures" / "keep.py").unlink()  # only suppressed and medium findings remain at high
    views = (repo / "app" / "views.py").read_text()
    (repo / "app" / "views.py").write_text(views.replace("yaml.load(request.data)", "yaml.safe_load(request.data)"))
    done = scan(repo, ".", "--format", "sarif", "--fail-on", "high")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    sarif.validate(document)
    reviewed = "only the ops network reaches /run; reviewed in SEC-12"
    assert ("py/command-line-injection", "app/views.py", [{"kind": "inSource", "justification": reviewed}]) in results(
        document
    )
    js = [r for r in results(document) if r[1] == "web/server.js"]
    assert js and all(r[2] == [{"kind": "inSource", "justification": "sandboxed in a worker"}] for r in js)
    unsuppressed = [r for r in document["runs"][0]["results"] if not r.get("suppressions")]
    assert unsuppressed and all(r["level"] != "error" for r in unsuppressed)  # nothing high or critical left
    # --fail-on medium counts the unsuppressed medium XSS finding, never the suppressed critical ones
    assert scan(repo, ".", "--fail-on", "medium").returncode == 1


def test_ignore_file_and_reasonless_suppressions_in_json_and_table(repo: Path) -> None:
    done = scan(repo, ".", "--format", "json", "--fail-on", "high")
    assert done.returncode == 1  # the reasonless suppression silences nothing; keep.py is un-ignored
    report = json.loads(done.stdout)
    assert report["ignored_files"] == 2 and report["files_scanned"] == 3  # fixtures/bad.py, vendor/lib/x.js
    scanned = {f["path"] for f in report["findings"]} | {s["path"] for s in report["suppressed"]}
    assert scanned == {"app/views.py", "web/server.js", "fixtures/keep.py"}
    assert {(f["rule_id"], f["path"]) for f in report["findings"] if f["level"] == "critical"} == {
        ("py/unsafe-deserialization", "app/views.py"),
        ("py/command-line-injection", "fixtures/keep.py"),
    }
    assert {s["rule_id"] for s in report["suppressed"]} >= {"py/command-line-injection", "js/code-injection"}
    assert report["suppression_warnings"] == [
        "app/views.py:16: hardgen: ignore[py/unsafe-deserialization] has no reason; nothing is suppressed "
        "(write the reason after the brackets)"
    ]
    assert "warning: app/views.py:16: hardgen: ignore[py/unsafe-deserialization] has no reason" in done.stderr
    # files named on the command line (as pre-commit passes them) are subject to the ignore file too
    named = scan(repo, "fixtures/bad.py", "app/views.py")
    assert "suppress" in named.stdout and "1 suppressed, 1 ignored by .hardgenignore" in named.stderr


@pytest.mark.slow
def test_the_repository_passes_its_own_scan(tmp_path: Path) -> None:
    """What CI runs on this repository: rule fixtures, corpora and scenarios are in .hardgenignore, reviewed
    false positives carry inline suppressions with their reason. (A cold scan of the repository takes
    about 1.5 min of CPU; the cache makes a re-run take seconds.)"""
    root = project_root()
    out = tmp_path / "hardgen.sarif"
    env = os.environ | {"HARDGEN_CACHE": str(root / "data" / "cache")}
    done = subprocess.run(
        [HARDGEN, "scan", ".", "--fail-on", "high", "--format", "sarif", "--output", str(out)],
        cwd=root, env=env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    document = json.loads(out.read_text())
    run = document["runs"][0]
    failing = [
        (r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
         r["locations"][0]["physicalLocation"]["region"]["startLine"], r["properties"]["engine"])
        for r in run["results"] if r["level"] == "error" and not r.get("suppressions")
    ]  # fmt: skip
    assert done.returncode == 0 and not failing, f"fix or review and suppress: {failing} {done.stderr[-2000:]}"
    assert run["invocations"][0]["executionSuccessful"] is True
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert not any(u.startswith(("scenarios/", "services/hardgen/scanner/rules/", "tests/")) for u in uris)
    suppressed = [r for r in run["results"] if r.get("suppressions")]
    assert "py/sql-injection" in {r["ruleId"] for r in suppressed}  # the reviewed SQL builders
    assert all(s["justification"] for r in suppressed for s in r["suppressions"])
