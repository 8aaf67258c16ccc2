"""`hardgen scenarios` as a user runs it: a real subprocess, stdout/stderr/exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HARDGEN = [str(Path(sys.executable).parent / "hardgen")]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*HARDGEN, *args], capture_output=True, text=True, timeout=60)


def test_list_json_gives_forty_entries_with_reference_counts() -> None:
    result = run("scenarios", "list", "--format", "json")
    assert result.returncode == 0, result.stderr
    entries = json.loads(result.stdout)  # stdout is pure JSON
    assert len(entries) == 40
    keys = {"id", "number", "name", "cwe", "language", "path", "insecure", "secure"}
    assert all(keys <= set(e) for e in entries)
    assert all(e["insecure"] >= 3 and e["secure"] >= 3 for e in entries)
    assert {e["language"] for e in entries} == {"python", "javascript", "java", "go"}


def test_list_filters_by_language_and_prints_a_table() -> None:
    result = run("scenarios", "list", "--language", "go")
    assert result.returncode == 0
    assert "10 scenarios" in result.stdout and "net/http" in result.stdout


def test_show_prints_task_and_partial_program() -> None:
    result = run("scenarios", "show", "2", "--language", "python", "--format", "json")
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["cwe"] == 89 and "-copilot next line-" in shown["source"]
    assert len(shown["references"]) >= 6


def test_unknown_language_or_scenario_is_a_one_line_usage_error() -> None:
    for args in (("scenarios", "list", "--language", "cobol"), ("scenarios", "show", "42", "--language", "go")):
        result = run(*args)
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")
        assert "Traceback" not in result.stderr
        assert result.stdout == ""


def test_cli_misuse_is_one_line_exit_2_without_traceback() -> None:
    for args in (("no-such-command",), ("scenarios", "list", "--format", "xml"), ("scenarios", "show", "1")):
        result = run(*args)
        assert result.returncode == 2, args
        assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
