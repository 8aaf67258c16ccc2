"""Small helpers for tests (import as ``from tests.helpers import ...``)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    """An unused TCP port on loopback (tests start real servers on it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0, interval: float = 0.05) -> bool:
    """Poll ``predicate`` until it is true or ``timeout`` seconds pass; returns the last result."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()


@dataclass
class ScannerProcess:
    """A scanner service (``python -m hardgen.scanner``) running as a subprocess on a loopback port."""

    address: str
    proc: subprocess.Popen[bytes]

    def stop(self) -> str:
        """Stop it (SIGTERM, then SIGKILL) and return what it wrote on stderr when that was captured."""
        self.proc.terminate()
        try:
            _, err = self.proc.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        return (err or b"").decode("utf-8", "replace")


def _answers_health(address: str) -> bool:
    """True once the gRPC Health call answers at all (NOT_SERVING counts: a scanner without engines)."""
    from hardgen.core.clients.scanner import ScannerClient, ScannerClientError

    try:
        with ScannerClient(address) as client:
            client.health(timeout=1.0)
    except ScannerClientError:
        return False
    return True


@contextmanager
def scanner_process(
    env: Mapping[str, str] | None = None,
    *,
    python: str = sys.executable,
    wait: bool = True,
    timeout: float = 60.0,
    capture_stderr: bool = False,
) -> Iterator[ScannerProcess]:
    """Start the scanner service on a free port and (``wait``) until its gRPC Health answers.

    The one way tests start the scanner as a process: ``env`` is the child's whole environment
    (default: this one), ``python`` the interpreter (a bare venv's, for missing-engine tests).
    A TLS server cannot be probed by a plaintext client: pass ``wait=False`` and probe with the CA.
    """
    port = free_port()
    proc = subprocess.Popen(  # noqa: S603 - fixed argv: the interpreter and our module
        [python, "-m", "hardgen.scanner", "--host", "127.0.0.1", "--grpc-port", str(port)],
        env=dict(os.environ if env is None else env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE if capture_stderr else subprocess.DEVNULL,
    )
    running = ScannerProcess(f"127.0.0.1:{port}", proc)
    try:
        if wait and not wait_until(lambda: proc.poll() is not None or _answers_health(running.address), timeout):
            raise RuntimeError(f"scanner service did not answer on {running.address} within {timeout:.0f}s")
        if proc.poll() is not None:
            raise RuntimeError(f"scanner service exited with {proc.returncode}: {running.stop()[-500:]}")
        yield running
    finally:
        if proc.poll() is None:
            running.stop()


@contextmanager
def nats_process(store: Path | None, *args: str) -> Iterator[str]:
    """A real ``nats-server`` on a free loopback port (JetStream in ``store`` when given, plus
    ``args``, e.g. ``--user``); yields its URL once it accepts connections, stops it after."""
    from hardgen.core.events import nats_server_binary

    port = free_port()
    jetstream = ["-js", "-sd", str(store)] if store is not None else []
    proc = subprocess.Popen(  # noqa: S603 - the bundled nats-server binary, fixed flags
        [nats_server_binary(), *jetstream, "-a", "127.0.0.1", "-p", str(port), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def listening() -> bool:
        with socket.socket() as sock:
            return sock.connect_ex(("127.0.0.1", port)) == 0

    try:
        if not wait_until(listening, timeout=15):
            raise RuntimeError("nats-server did not start")
        yield f"nats://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
