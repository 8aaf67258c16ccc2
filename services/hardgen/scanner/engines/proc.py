"""Running an engine's external tool: own process group, hard timeout, clean kill.

A hung analyser must not outlive the request that started it, so the whole process group is
killed on timeout (Semgrep forks ``semgrep-core``; killing only the parent would leave it running).
"""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from hardgen.scanner.engines.base import EngineTimeoutError


def run_tool(
    cmd: Sequence[str],
    timeout: float,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``cmd`` (never through a shell); raise :class:`EngineTimeoutError` after ``timeout`` s."""
    # the tool inherits this process's environment (PATH, HOME, proxies) plus what the engine adds
    full_env = {**os.environ, **(env or {})}  # subprocess-env
    proc = subprocess.Popen(
        list(cmd),
        cwd=cwd,
        env=full_env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        stdout, stderr = proc.communicate(timeout=max(timeout, 0.1))
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        proc.communicate()
        raise EngineTimeoutError(f"{Path(cmd[0]).name} did not finish within {timeout:.1f}s") from None
    except BaseException:
        _kill_group(proc)
        proc.communicate()
        raise
    return subprocess.CompletedProcess(list(cmd), proc.returncode, stdout, stderr)


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()
