"""Containers run with a read-only root (k8s) and, under compose or without a volume, may find the
cache folder unwritable. Both used to break scans (issue 12): Semgrep died writing ``$HOME/.semgrep``
so every k8s scan silently lost the semgrep engine, and an unwritable ``HARDGEN_CACHE`` raised
PermissionError, which the CLI reported as exit 1, the code for "findings".

A path below a regular file can be written by nobody, root included, so these tests fail the
same way on any machine."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HARDGEN = str(Path(sys.executable).parent / "hardgen")
ROOT = Path(__file__).resolve().parents[2]
INSECURE = (ROOT / "scenarios/08-command-injection/python/completions/insecure_os_system_redirect.py").read_text()
CLEAN = "def add(a, b):\n    return a + b\n"


@pytest.fixture
def blocked(tmp_path: Path) -> Path:
    """A regular file: nothing can be created below it."""
    path = tmp_path / "not-a-folder"
    path.write_text("")
    return path


def _scan(target: Path, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    full_env = {"PATH": "/usr/bin:/bin", "TMPDIR": str(tmp_path), "HARDGEN_LOG_FORMAT": "json", **env}
    return subprocess.run(
        [HARDGEN, "scan", str(target), "--engine", "semgrep", "--format", "json", "--fail-on", "high"],
        capture_output=True, text=True, timeout=300, env=full_env,
    )  # fmt: skip


def test_semgrep_still_reports_findings_when_home_is_unwritable(tmp_path: Path, blocked: Path) -> None:
    source = tmp_path / "app.py"
    source.write_text(INSECURE)
    result = _scan(source, {"HOME": str(blocked / "home"), "HARDGEN_CACHE": str(tmp_path / "cache")}, tmp_path)
    assert result.returncode == 1, result.stderr  # findings, not an engine failure
    report = json.loads(result.stdout)
    assert not report.get("errors"), report.get("errors")
    assert {f["engine"] for f in report["findings"]} == {"semgrep"}
    assert any("78" in str(f["cwes"]) for f in report["findings"])


def test_unwritable_cache_folder_does_not_fail_a_clean_scan(tmp_path: Path, blocked: Path) -> None:
    source = tmp_path / "clean.py"
    source.write_text(CLEAN)
    result = _scan(source, {"HOME": str(tmp_path), "HARDGEN_CACHE": str(blocked / "cache")}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["findings"] == []
    assert "cache.unavailable" in result.stderr  # one warning says why nothing is cached


def test_unwritable_cache_folder_still_reports_findings(tmp_path: Path, blocked: Path) -> None:
    source = tmp_path / "app.py"
    source.write_text(INSECURE)
    result = _scan(source, {"HOME": str(tmp_path), "HARDGEN_CACHE": str(blocked / "cache")}, tmp_path)
    assert result.returncode == 1
    assert json.loads(result.stdout)["findings"]
