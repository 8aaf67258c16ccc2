"""``hardgen fix`` as a user runs it (a real subprocess, real Semgrep, the mock backend).

The mock backend answers a fix prompt from the corpus program it carries: ``mock/secure`` with the
scenario's secure reference (a good fix), ``mock/regress`` with another scenario's insecure
reference (the finding goes, a new one appears), and a model error for any other program.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hardgen.core.fixes import apply_replacements, replacements_from_sarif
from hardgen.core.languages import Language, parses
from hardgen.core.scenarios import get_scenario
from hardgen.refinement.compilecheck import check_parses
from hardgen.scanner import sarif

HARDGEN = [sys.executable, "-m", "hardgen.cli.main"]


@pytest.fixture(autouse=True)
def _shared_scan_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """One scan cache for this module's runs (the area's conftest gives each test a fresh one): the
    same programs are scanned in several tests, and Semgrep takes seconds per new program."""
    monkeypatch.setenv("HARDGEN_CACHE", str(tmp_path_factory.getbasetemp() / "fix-scan-cache"))


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``hardgen ARGS`` with Semgrep only (scans of the same content then come from the cache)."""
    engines = ["-e", "semgrep"] if args[0] in ("fix", "scan") else []
    return subprocess.run([*HARDGEN, *args, *engines], cwd=cwd, capture_output=True, text=True, timeout=300)


def _insecure(number: int, language: str, index: int = 0) -> str:
    scenario = get_scenario(number, language)
    return scenario.reference_code(scenario.insecure[index])


def _git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A git work tree: two committed insecure files, one committed clean one. Python only: the
    references' labels there match the rule pack (the mock's good fix is a secure reference)."""
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "unsubscribe.py").write_text(_insecure(2, "python"))
    (tmp_path / "app" / "download.py").write_text(_insecure(1, "python"))
    scenario = get_scenario(2, "python")
    (tmp_path / "app" / "clean.py").write_text(scenario.reference_code(scenario.secure[0]))
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "init")
    return tmp_path


def test_accepted_fix_removes_the_findings_parses_and_applies_as_a_diff(project: Path) -> None:
    done = _run(["fix", "app", "-m", "mock/secure", "-f", "json"], project)
    assert done.returncode == 0, done.stderr
    files = {f["path"]: f for f in json.loads(done.stdout)["files"]}
    assert "app/unsubscribe.py: fixed" in done.stderr
    assert files["app/clean.py"]["outcome"] == "clean"
    for path in ("app/unsubscribe.py", "app/download.py"):
        item = files[path]
        assert item["outcome"] == "fixed", item
        assert item["findings"] and item["remaining"] == []
        assert item["attempts"][-1]["verdict"] == "accepted"
        assert item["model_calls"] == 1
    # the diff is what `git apply` takes; applied, a fresh scan reports nothing
    diff = "".join(f["diff"] for f in files.values())
    assert diff.startswith("--- a/app/")
    subprocess.run(["git", "apply", "-"], input=diff, text=True, cwd=project, check=True)
    fixed = (project / "app" / "unsubscribe.py").read_text()
    assert parses(fixed, Language.PYTHON) and fixed != _insecure(2, "python")
    rescan = _run(["scan", "app", "-f", "json"], project)
    assert json.loads(rescan.stdout)["findings"] == []


def test_candidate_that_adds_a_finding_is_rejected(project: Path) -> None:
    target = project / "app" / "unsubscribe.py"
    before = target.read_text()
    done = _run(["fix", str(target), "-m", "mock/regress", "--rounds", "1", "-f", "json", "--apply"], project)
    assert done.returncode == 1
    (item,) = json.loads(done.stdout)["files"]
    assert item["outcome"] == "unfixable"
    assert [a["verdict"] for a in item["attempts"]] == ["rejected"]
    introduced = item["attempts"][0]["introduced"]
    assert introduced and not {f["rule_id"] for f in introduced} & {f["rule_id"] for f in item["findings"]}
    assert "adds" in item["reason"] and item["diff"] == ""
    assert target.read_text() == before  # --apply never writes a rejected candidate


def test_apply_writes_only_accepted_fixes_and_refuses_a_dirty_file(project: Path) -> None:
    edited = project / "app" / "download.py"
    edited.write_text(edited.read_text() + "# local edit, not committed\n")
    dirty = edited.read_text()
    clean_before = (project / "app" / "clean.py").read_text()
    done = _run(["fix", "app", "-m", "mock/secure", "--apply", "-f", "json"], project)
    assert done.returncode == 1  # a fix was refused
    assert json.loads(done.stdout)["applied"] == ["app/unsubscribe.py"]
    assert "app/download.py: not written (uncommitted changes" in done.stderr
    assert edited.read_text() == dirty
    assert (project / "app" / "clean.py").read_text() == clean_before
    assert (project / "app" / "unsubscribe.py").read_text() != _insecure(2, "python")
    forced = _run(["fix", "app/download.py", "-m", "mock/secure", "--apply", "--force", "-f", "json"], project)
    assert forced.returncode == 0, forced.stderr
    assert json.loads(forced.stdout)["applied"] == ["app/download.py"]
    assert edited.read_text() != dirty and parses(edited.read_text(), Language.PYTHON)


def test_sarif_fixes_validate_and_apply_cleanly(project: Path) -> None:
    done = _run(["fix", "app", "-m", "mock/secure", "-f", "sarif"], project)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    sarif.validate(document)
    assert document["runs"][0]["properties"]["profile"] == "default"
    results = document["runs"][0]["results"]
    assert results and all(r["fixes"] for r in results)
    for result in results:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        (change,) = result["fixes"][0]["artifactChanges"]
        assert change["artifactLocation"]["uri"] == uri
        original = (project / uri).read_text()
        patched = apply_replacements(original, replacements_from_sarif(result["fixes"][0]))
        assert check_parses(patched, Language.PYTHON, uri).ok and patched != original
        # the character offsets say the same as the line ranges
        for edit in change["replacements"]:
            region = edit["deletedRegion"]
            lines = original.splitlines(keepends=True)
            assert region["charOffset"] == sum(len(line) for line in lines[: region["startLine"] - 1])


def test_bad_input_is_reported_per_file_and_nothing_else_is_touched(tmp_path: Path) -> None:
    (tmp_path / "blob.py").write_bytes(b"\x00\x01binary\x00")
    (tmp_path / "latin1.py").write_bytes("name = 'caf\xe9'\n".encode("latin-1"))
    (tmp_path / "notes.txt").write_text("hello\n")
    own = 'import os\nfrom flask import request\n\n\ndef run():\n    os.system("ls " + request.args["d"])\n'
    (tmp_path / "own.py").write_text(own)  # a finding, but not a corpus program: the mock fails
    done = _run(
        ["fix", "blob.py", "latin1.py", "notes.txt", "own.py", "-m", "mock/secure", "-f", "json", "--apply"], tmp_path
    )
    assert done.returncode == 1
    files = {f["path"]: f for f in json.loads(done.stdout)["files"]}
    assert (files["blob.py"]["outcome"], files["blob.py"]["reason"]) == ("skipped", "binary file")
    assert files["latin1.py"]["outcome"] == "skipped" and "not UTF-8" in files["latin1.py"]["reason"]
    assert files["notes.txt"]["outcome"] == "unsupported"
    assert files["own.py"]["outcome"] == "skipped" and "model error" in files["own.py"]["reason"]
    assert (tmp_path / "own.py").read_text() == own
    assert len([line for line in done.stderr.splitlines() if line.strip()]) == 4  # one line per file


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["fix", "app.py", "-m", "mock/secure", "-S", "raw"], "fix starts from the file"),
        (["fix", "app.py", "-m", "mock/secure", "-S", "cot"], "end with sast-repair"),
        (["fix", "app.py", "-m", "mock/secure", "--rounds", "0"], "rounds must be between 1 and 10"),
        (["fix", "app.py", "-m", "nope/x"], "unknown model provider"),
        (["fix", "missing.py", "-m", "mock/secure"], "no such file or folder"),
        (["fix", "app.py", "-m", "mock/secure", "--force"], "--force only makes sense with --apply"),
        (["fix", "app.py", "-m", "mock/secure", "-f", "yaml"], "yaml"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "app.py").write_text(_insecure(2, "python"))
    done = _run(args, tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and message in lines[0]


def test_parse_check_uses_the_toolchain_beyond_tree_sitter() -> None:
    # tree-sitter accepts a module-level return; Python's compiler does not
    assert parses("return 1\n", Language.PYTHON)
    check = check_parses("return 1\n", Language.PYTHON, "app.py")
    assert not check.ok and "py_compile" in check.reason
    # one Java file with unresolved imports is fine: only syntax is checked, nothing is run
    java = "import javax.servlet.http.HttpServlet;\npublic class A extends HttpServlet { void f() { g(); } }\n"
    assert check_parses(java, Language.JAVA, "src/A.java").ok
    assert not check_parses("package main\nfunc main() { x := }\n", Language.GO, "main.go").ok
