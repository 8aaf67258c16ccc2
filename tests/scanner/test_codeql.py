"""The CodeQL engine: the commands it runs and how it reads CodeQL's SARIF."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest

from hardgen.core.languages import Language
from hardgen.scanner.engines import codeql
from hardgen.scanner.engines.base import ScanFile
from hardgen.scanner.engines.registry import UnknownEngineError, select_engines


def _sarif(uri_prefix: str = "") -> dict[str, Any]:
    """A CodeQL-shaped SARIF log: rules live in a query-pack extension, results point at them by index."""
    return {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {"name": "CodeQL", "rules": []},
                    "extensions": [
                        {
                            "name": "codeql/python-queries",
                            "rules": [
                                {"id": "py/unused-import", "properties": {"tags": ["maintainability"]}},
                                {
                                    "id": "py/path-injection",
                                    "properties": {
                                        "tags": ["security", "external/cwe/cwe-022", "external/cwe/cwe-023"],
                                        "security-severity": "7.5",
                                    },
                                },
                                {
                                    "id": "py/custom-check",
                                    "properties": {
                                        "tags": ["security", "external/cwe/cwe-601"],
                                        "security-severity": "6.0",
                                    },
                                },
                            ],
                        }
                    ],
                },
                "results": [
                    {  # a quality query: not a security finding
                        "ruleId": "py/unused-import",
                        "rule": {"id": "py/unused-import", "index": 0, "toolComponent": {"index": 0}},
                        "message": {"text": "Import of 'os' is not used."},
                        "locations": [{"physicalLocation": {"artifactLocation": {"uri": f"{uri_prefix}app/server.py"},
                                                            "region": {"startLine": 1}}}],
                    },
                    {
                        "rule": {"index": 1, "toolComponent": {"index": 0}},
                        "message": {"text": "This path depends on a [user-provided value](1)."},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": f"{uri_prefix}app/server.py", "uriBaseId": "%SRCROOT%"},
                                    "region": {"startLine": 12, "startColumn": 22, "endColumn": 40},
                                }
                            }
                        ],
                    },
                    {
                        "ruleId": "py/custom-check",
                        "message": {"text": "Untrusted URL redirection."},
                        "locations": [{"physicalLocation": {"artifactLocation": {"uri": f"{uri_prefix}lib.py"},
                                                            "region": {"startLine": 3, "endLine": 4}}}],
                    },
                    {  # a file that is not part of the batch
                        "ruleId": "py/path-injection",
                        "message": {"text": "elsewhere"},
                        "locations": [{"physicalLocation": {"artifactLocation": {"uri": "vendor/x.py"},
                                                            "region": {"startLine": 1}}}],
                    },
                ],
                "invocations": [
                    {
                        "executionSuccessful": True,
                        "toolExecutionNotifications": [
                            {
                                "level": "error",
                                "message": {"text": "Could not process some files due to syntax errors"},
                                "locations": [
                                    {"physicalLocation": {"artifactLocation": {"uri": f"{uri_prefix}lib.py"}}}
                                ],
                            }
                        ],
                    }
                ],
            }
        ],
    }  # fmt: skip


def _files(tmp_path: Path) -> dict[str, ScanFile]:
    return {
        p: ScanFile(path=p, abs_path=tmp_path / p, language=Language.PYTHON) for p in ("app/server.py", "lib.py")
    }


def test_commands_use_build_mode_none_and_the_default_security_suite(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HARDGEN_CODEQL_SUITE", raising=False)
    create = codeql.create_command("codeql", Path("/w/db"), Path("/w/src"), Language.JAVA)
    assert create == [
        "codeql", "database", "create", "/w/db", "--language=java", "--source-root=/w/src",
        "--build-mode=none", "--overwrite", "--threads=0", "--quiet",
    ]  # fmt: skip
    assert "--build-mode=autobuild" in codeql.create_command("codeql", Path("d"), Path("s"), Language.GO)
    analyze = codeql.analyze_command("/opt/codeql/codeql", Path("/w/db"), Language.PYTHON, Path("/w/out.sarif"))
    assert analyze[:5] == [
        "/opt/codeql/codeql", "database", "analyze", "/w/db",
        "codeql/python-queries:codeql-suites/python-code-scanning.qls",
    ]  # fmt: skip
    assert "--format=sarif-latest" in analyze and "--output=/w/out.sarif" in analyze
    monkeypatch.setenv("HARDGEN_CODEQL_SUITE", "security-extended")
    wider = "codeql/javascript-queries:codeql-suites/javascript-security-extended.qls"
    assert codeql.suite(Language.JAVASCRIPT) == wider


def test_sarif_results_become_findings(tmp_path: Path) -> None:
    result = codeql.parse_sarif(_sarif(), _files(tmp_path))
    found = [(f.rule_id, f.path, f.start_line, f.end_line, f.cwes, f.severity) for f in result.findings]
    assert found == [
        ("py/path-injection", "app/server.py", 12, 12, [22, 23], 7.5),
        ("py/custom-check", "lib.py", 3, 4, [601], 6.0),  # unknown to the catalogue: SARIF severity
    ]
    first = result.findings[0]
    assert (first.start_column, first.end_column, first.engine) == (22, 40, "codeql")
    assert first.message.startswith("This path depends on")
    assert [(e.path, e.engine) for e in result.errors] == [("lib.py", "codeql")]


def test_sarif_with_absolute_file_uris(tmp_path: Path) -> None:
    root = tmp_path / "src"
    result = codeql.parse_sarif(_sarif(uri_prefix=root.as_uri() + "/"), _files(tmp_path), source_root=root)
    assert [f.path for f in result.findings] == ["app/server.py", "lib.py"]


def test_engine_runs_the_cli_it_is_pointed_at(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A stand-in CLI (shell script) that records its calls and writes the SARIF CodeQL would.
    log = tmp_path / "calls.log"
    (tmp_path / "canned.sarif").write_text(json.dumps(_sarif()))
    fake = tmp_path / "codeql"
    fake.write_text(
        "#!/bin/sh\n"
        f'echo "$@" >> {log}\n'
        'if [ "$1" = version ]; then echo 2.99.0; exit 0; fi\n'
        'if [ "$2" = create ]; then mkdir -p "$3"; exit 0; fi\n'
        'for a in "$@"; do case "$a" in --output=*) '
        f'cp {tmp_path / "canned.sarif"} "${{a#--output=}}";; esac; done\n'
    )
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("HARDGEN_CODEQL", str(fake))
    (engine,) = select_engines(["codeql"])
    assert engine.version().startswith("codeql-2.99.0")
    for rel in ("app/server.py", "lib.py"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x = 1\n")
    result = engine.scan(list(_files(tmp_path).values()), timeout=30)
    assert [f.rule_id for f in result.findings] == ["py/path-injection", "py/custom-check"]
    calls = log.read_text().splitlines()
    assert any(c.startswith("database create") and "--language=python" in c for c in calls)
    assert any(c.startswith("database analyze") for c in calls)


def test_codeql_requested_but_not_installed_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HARDGEN_CODEQL", "/nonexistent/codeql")
    with pytest.raises(UnknownEngineError, match="'codeql' is not available"):
        select_engines(["codeql"])
