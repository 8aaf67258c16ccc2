"""A missing or failing engine is an error, never a quiet empty result (issue 12: CI scanned nothing in
three of four languages when hardgen was installed without its ``[scanner]`` extra).

Absence is real, not mocked: a second virtualenv shares this one's packages (symlinks) but not its
``bin/`` (no ``semgrep``, no ``bandit`` beside the interpreter, none on ``PATH``), optionally without
the ``tree_sitter_go`` package. A run-time crash is real too: Semgrep cannot create its log file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hardgen.core.clients.scanner import ScannerClient, ScannerClientError
from tests.helpers import scanner_process

VENV_BIN = Path(sys.executable).parent
SITE = Path(sysconfig.get_paths()["purelib"])
PY = b"import os\nfrom flask import request\n\ndef run():\n    os.system(request.args['cmd'])\n"
GO = b'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n'
INSTALL = "pip install 'hardgen[scanner]'"

Env = Callable[..., Path]


@pytest.fixture(scope="module")
def make_env(tmp_path_factory: pytest.TempPathFactory) -> Env:
    """``make_env(tools=(...), without=(...))``: a virtualenv with this one's packages minus
    ``without`` (top-level names) and only ``tools`` (names from this venv's bin/) beside python."""

    def build(tools: tuple[str, ...] = (), without: tuple[str, ...] = ()) -> Path:
        root = tmp_path_factory.mktemp("venv")
        (root / "bin").mkdir()
        (root / "bin" / "python").symlink_to(os.path.realpath(sys.executable))
        for tool in tools:
            (root / "bin" / tool).symlink_to(VENV_BIN / tool)
        (root / "pyvenv.cfg").write_text((VENV_BIN.parent / "pyvenv.cfg").read_text())
        site = root / SITE.relative_to(VENV_BIN.parent)
        site.mkdir(parents=True)
        for entry in SITE.iterdir():
            if not any(entry.name == name or entry.name.startswith(f"{name}-") for name in without):
                (site / entry.name).symlink_to(entry)
        return root

    return build


def hardgen(
    env_root: Path, *args: str, cwd: Path, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env |= {"PATH": "/usr/local/bin:/usr/bin:/bin", "HARDGEN_CACHE": str(cwd / ".cache")} | (extra_env or {})
    return subprocess.run(
        [str(env_root / "bin" / "python"), "-m", "hardgen.cli.main", "scan", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "views.py").write_bytes(PY)
    (tmp_path / "cmd").mkdir()
    (tmp_path / "cmd" / "main.go").write_bytes(GO)
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "app.js").write_text("const x = 1;\n")
    return tmp_path


def test_without_the_scanner_extra_every_language_but_none_is_a_usage_error(make_env: Env, project: Path) -> None:
    bare = make_env()
    for target, language in [("app", "python"), ("web", "javascript"), ("cmd", "go")]:
        done = hardgen(bare, target, "--format", "sarif", cwd=project)
        assert done.returncode == 2 and done.stdout == "", (target, done.stderr)
        assert done.stderr.strip().splitlines() == [
            f"error: engine semgrep is not installed (semgrep), and scanning {language} files needs it: {INSTALL}"
        ]
    # an engine named explicitly is the user's choice: gocustom alone scans Go here
    chosen = hardgen(bare, "cmd", "--engine", "gocustom", "--format", "json", cwd=project)
    assert chosen.returncode == 0, chosen.stderr
    assert json.loads(chosen.stdout)["engines"] == ["gocustom"]


def test_bandit_and_tree_sitter_go_are_named_when_they_are_missing(make_env: Env, project: Path) -> None:
    no_bandit = make_env(tools=("semgrep", "pysemgrep"))
    done = hardgen(no_bandit, "app", cwd=project)
    assert done.returncode == 2
    assert (
        done.stderr.strip()
        == f"error: engine bandit is not installed (bandit), and scanning python files needs it: {INSTALL}"
    )
    no_go = make_env(tools=("semgrep", "pysemgrep", "bandit"), without=("tree_sitter_go",))
    done = hardgen(no_go, "cmd", cwd=project)
    assert done.returncode == 2
    assert "engine gocustom is not installed (the tree-sitter-go package)" in done.stderr
    js = hardgen(no_go, "web", "--format", "json", "--fail-on", "none", cwd=project)
    assert js.returncode == 0 and json.loads(js.stdout)["files_scanned"] == 1  # JavaScript needs only semgrep


@pytest.fixture
def bare_service(make_env: Env, tmp_path: Path) -> Iterator[dict[str, str]]:
    """The scanner service started from the environment without engines, on loopback ports."""
    bare = make_env()
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env |= {"PATH": "/usr/bin:/bin", "HARDGEN_CACHE": str(tmp_path / "cache")}
    with scanner_process(env, python=str(bare / "bin" / "python")) as running:
        yield {"grpc": running.address}


def test_service_without_engines_answers_failed_precondition(bare_service: dict[str, str]) -> None:
    with ScannerClient(bare_service["grpc"]) as client:
        with pytest.raises(ScannerClientError, match="FAILED_PRECONDITION") as missing:
            client.scan([("app/views.py", PY)], timeout=30)
        assert (
            f"engine semgrep is not installed (semgrep), and scanning python files needs it: {INSTALL}"
            in str(missing.value)
        )
        # Go with the engine named explicitly still works
        assert client.scan([("cmd/main.go", GO)], engines=["gocustom"], timeout=30).files_scanned == 1


def test_semgrep_crashing_at_run_time_fails_the_scan_loudly(project: Path) -> None:
    # Semgrep's Python front end creates its log file's folder on start; below a regular file that
    # fails, as on a read-only root (the native front end does not write that log: see below)
    env = {"SEMGREP_LOG_FILE": str(project / "app" / "views.py" / "semgrep.log"), "HARDGEN_SEMGREP_NATIVE": "0"}
    own = VENV_BIN.parent
    done = hardgen(own, "app", "--engine", "semgrep", "--format", "sarif", "--fail-on", "none", cwd=project,
                   extra_env=env)  # fmt: skip
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(
        "error: engine semgrep failed, the scan is incomplete: semgrep crashed"
    )
    assert "warning:" not in done.stderr  # one error for the engine, not one warning per file
    run = json.loads(done.stdout)["runs"][0]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert any("engine semgrep failed" in n["message"]["text"] for n in invocation["toolExecutionNotifications"])


def test_corpus_import_scan_without_engines_imports_nothing(make_env: Env, tmp_path: Path) -> None:
    from tests.analytics.conftest import manifest_lines

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "m.jsonl").write_text("\n".join(manifest_lines(corpus)) + "\n")
    bare = make_env()
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "HARDGEN_SCANNER_ADDR")}
    env |= {"PATH": "/usr/bin:/bin", "HARDGEN_DB": str(tmp_path / "a.duckdb"), "HARDGEN_CACHE": str(tmp_path / "c")}
    done = subprocess.run(
        [str(bare / "bin" / "python"), "-m", "hardgen.cli.main", "corpus", "import", str(corpus / "m.jsonl"),
         "--study", "s", "--scan", "--format", "json"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 1 and done.stdout == ""
    assert [line for line in done.stderr.splitlines() if line.startswith("error:")] == [
        "error: scanning failed, nothing imported: engine semgrep is not installed (semgrep), and scanning "
        f"javascript files needs it: {INSTALL}"
    ]
    studies = subprocess.run(
        [sys.executable, "-m", "hardgen.cli.main", "analyze", "studies", "--format", "json"],
        env=os.environ | {"HARDGEN_DB": str(tmp_path / "a.duckdb")}, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert json.loads(studies.stdout) == []


def test_native_semgrep_scans_where_its_python_front_end_crashes(project: Path) -> None:
    # the same unwritable log file as above, with the default (native) front end
    env = {"SEMGREP_LOG_FILE": str(project / "app" / "views.py" / "semgrep.log")}
    done = hardgen(VENV_BIN.parent, "app", "--engine", "semgrep", "--format", "json", "--fail-on", "none",
                   cwd=project, extra_env=env)  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert [(f["rule_id"], f["path"]) for f in report["findings"]] == [("py/command-line-injection", "app/views.py")]
