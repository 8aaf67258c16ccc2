"""Start the gateway as its own process (``python -m hardgen.gateway``) on a loopback port, with
its JSON logs written to a file the test can read."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.helpers import free_port


def start_gateway(
    refinement: str, scanner: str, keys_db: Path, log_path: Path, **env: str
) -> tuple[str, subprocess.Popen[bytes]]:
    port = free_port()
    full_env = (
        os.environ
        | {
            "HARDGEN_REFINEMENT_ADDR": refinement,
            "HARDGEN_SCANNER_ADDR": scanner,
            "HARDGEN_KEYS_DB": str(keys_db),
            "HARDGEN_AUTH": "on",
            "HARDGEN_LOG_LEVEL": "DEBUG",
        }
        | env
    )
    log_file = log_path.open("ab")
    proc = subprocess.Popen(
        [sys.executable, "-m", "hardgen.gateway", "--host", "127.0.0.1", "--port", str(port)],
        env=full_env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    log_file.close()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return url, proc
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError(f"gateway did not start: {log_path.read_text(errors='replace')[-2000:]}")
        time.sleep(0.2)


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)
