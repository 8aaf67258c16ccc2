"""A full disk or an unusable path is a one-line error with exit 1, never a traceback: the
analytics store (``hardgen corpus import``) and the gateway's key store (``hardgen keys``).
``/dev/full`` stands in for a full disk: every write to it fails with ENOSPC."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HARDGEN = str(Path(sys.executable).parent / "hardgen")
FULL = Path("/dev/full")


def hardgen(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own CLI
        [HARDGEN, *args], env=os.environ | env, capture_output=True, text=True, timeout=120, check=False
    )


def assert_one_line_error(done: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines[-1].startswith("error: ") and "Traceback" not in done.stderr, done.stderr
    assert any(e in lines[-1] for e in expected), lines[-1]


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full")
def test_full_disk(tmp_path: Path) -> None:
    manifest = tmp_path / "run.jsonl"
    manifest.write_text("{}\n")
    imported = hardgen("corpus", "import", str(manifest), "--study", "s", HARDGEN_DB=str(FULL))
    assert_one_line_error(imported, "No space left on device", "disk is full")
    created = hardgen("keys", "create", "--name", "x", "--scope", "scan", HARDGEN_KEYS_DB=str(FULL))
    assert_one_line_error(created, "disk is full", "No space left on device")
    assert created.stdout == ""  # no key is shown when none was stored


def test_store_under_a_file_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    listed = hardgen("keys", "list", HARDGEN_KEYS_DB=str(blocker / "keys.sqlite"))
    assert_one_line_error(listed, "cannot use the key store")
    manifest = tmp_path / "run.jsonl"
    manifest.write_text("{}\n")
    imported = hardgen("corpus", "import", str(manifest), "--study", "s", HARDGEN_DB=str(blocker / "x.duckdb"))
    assert_one_line_error(imported, "cannot write the analytics store")
