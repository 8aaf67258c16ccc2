"""The local, embedded stack: a real NATS server with JetStream and every service as a local
process on loopback ports (``hardgen dev up`` / ``hardgen dev down``, ``make up`` / ``make down``).

Processes are started with ``python -m hardgen.<service>`` — the same entry points the container
images run — and their PIDs are recorded in ``<state>/pids.json`` so that ``down`` stops exactly
what ``up`` started, even from another shell. Logs go to ``<state>/logs/<name>.log``.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from hardgen.core.events import nats_server_binary
from hardgen.core.healthcheck import probe
from hardgen.core.settings import PORTS, data_dir


@dataclass(frozen=True)
class Ports:
    nats: int = PORTS["nats"]
    scanner_grpc: int = PORTS["scanner_grpc"]
    refinement_grpc: int = PORTS["refinement_grpc"]
    modelserve_grpc: int = PORTS["modelserve_grpc"]
    modelserve_http: int = PORTS["modelserve_http"]
    analytics_grpc: int = PORTS["analytics_grpc"]
    gateway_http: int = PORTS["gateway_http"]
    worker_health: int = 8082


@dataclass
class ProcessSpec:
    name: str
    argv: list[str]
    health: str | None  # probe URL (http:// or grpc://), None = alive is enough
    env: dict[str, str] = field(default_factory=dict)  # on top of the stack's environment


@dataclass
class LocalStack:
    state_dir: Path = field(default_factory=lambda: data_dir() / "dev")
    ports: Ports = field(default_factory=Ports)
    workers: int = 2
    #: work items each worker holds at once; its hf/ calls may overlap as much, so that modelserve
    #: batches them and the scanner merges their scans (see hardgen.refinement.worker)
    worker_concurrency: int = 1
    #: torch threads of the local model server. One: the demo model's tensors are too small to
    #: gain from a second thread, and on a machine whose cores the scanner and workers also use,
    #: two threads spin-wait on each other (batch decoding measured 7x slower, docs/performance.md)
    modelserve_threads: int = 1
    services: tuple[str, ...] = ("nats", "scanner", "modelserve", "refinement", "worker", "analytics", "gateway")
    #: modelserve's base model; it also consumes the studies' fine-tune items (--finetune-worker)
    model: str = "demo"
    #: seconds without a heartbeat before a fine-tune item goes to another modelserve (or this one, restarted)
    finetune_ack_wait: float = 60.0
    extra_env: dict[str, str] = field(default_factory=dict)

    @property
    def nats_url(self) -> str:
        return f"nats://127.0.0.1:{self.ports.nats}"

    @property
    def pid_file(self) -> Path:
        return self.state_dir / "pids.json"

    def env(self) -> dict[str, str]:
        p = self.ports
        # the children's environment: this one's (PATH, HOME, keys) plus the stack's addresses
        env = dict(os.environ)  # subprocess-env
        env.update(
            {
                "HARDGEN_NATS_URL": self.nats_url,
                "HARDGEN_SCANNER_ADDR": f"127.0.0.1:{p.scanner_grpc}",
                "HARDGEN_REFINEMENT_ADDR": f"127.0.0.1:{p.refinement_grpc}",
                "HARDGEN_MODELSERVE_ADDR": f"127.0.0.1:{p.modelserve_grpc}",
                "HARDGEN_ANALYTICS_ADDR": f"127.0.0.1:{p.analytics_grpc}",
                "HARDGEN_LOG_FORMAT": "json",
                # the local dev stack listens on loopback only; set HARDGEN_AUTH=on to try keys
                "HARDGEN_AUTH": os.environ.get("HARDGEN_AUTH", "off"),  # subprocess-env
                "PYTHONUNBUFFERED": "1",
            }
        )
        env.update(self.extra_env)
        return env

    def specs(self) -> list[ProcessSpec]:
        p, py = self.ports, sys.executable
        host = ["--host", "127.0.0.1"]
        all_specs = {
            "nats": [
                ProcessSpec(
                    "nats",
                    [
                        nats_server_binary(),
                        "-js",
                        "-a",
                        "127.0.0.1",
                        "-p",
                        str(p.nats),
                        "-sd",
                        str(self.state_dir / "nats"),
                    ],
                    None,
                )
            ],
            "scanner": [
                ProcessSpec(
                    "scanner",
                    [
                        py,
                        "-m",
                        "hardgen.scanner",
                        *host,
                        "--grpc-port",
                        str(p.scanner_grpc),
                    ],
                    f"grpc://127.0.0.1:{p.scanner_grpc}/hardgen.v1.Scanner",
                )
            ],
            "modelserve": [
                ProcessSpec(
                    "modelserve",
                    [
                        py,
                        "-m",
                        "hardgen.modelserve",
                        *host,
                        "--grpc-port",
                        str(p.modelserve_grpc),
                        "--http-port",
                        str(p.modelserve_http),
                        "--model",
                        self.model,
                        "--finetune-worker",
                        "--nats",
                        self.nats_url,
                        "--finetune-ack-wait",
                        str(self.finetune_ack_wait),
                        *(["--threads", str(self.modelserve_threads)] if self.modelserve_threads else []),
                    ],
                    f"http://127.0.0.1:{p.modelserve_http}/health",
                )
            ],
            "refinement": [
                ProcessSpec(
                    "refinement",
                    [py, "-m", "hardgen.refinement", *host, "--grpc-port", str(p.refinement_grpc)],
                    f"grpc://127.0.0.1:{p.refinement_grpc}/hardgen.v1.Refinement",
                )
            ],
            "worker": [
                ProcessSpec(
                    f"worker-{i}",
                    [
                        py,
                        "-m",
                        "hardgen.refinement.worker",
                        "--health-port",
                        str(p.worker_health + 100 * i),
                        "--concurrency",
                        str(self.worker_concurrency),
                    ],
                    f"http://127.0.0.1:{p.worker_health + 100 * i}/healthz",
                    env={"HARDGEN_HF_CONCURRENCY": str(self.worker_concurrency)}
                    if self.worker_concurrency > 1
                    else {},
                )
                for i in range(self.workers)
            ],
            "analytics": [
                ProcessSpec(
                    "analytics",
                    [
                        py,
                        "-m",
                        "hardgen.analytics",
                        *host,
                        "--grpc-port",
                        str(p.analytics_grpc),
                        "--nats",
                        self.nats_url,
                    ],
                    f"grpc://127.0.0.1:{p.analytics_grpc}/hardgen.v1.Analytics",
                )
            ],
            "gateway": [
                ProcessSpec(
                    "gateway",
                    [py, "-m", "hardgen.gateway", *host, "--port", str(p.gateway_http)],
                    f"http://127.0.0.1:{p.gateway_http}/healthz",
                )
            ],
        }
        return [spec for name in self.services for spec in all_specs[name]]

    # -- process management -------------------------------------------------------------------

    def _read_pids(self) -> dict[str, int]:
        try:
            return {k: int(v) for k, v in json.loads(self.pid_file.read_text()).items()}
        except (OSError, ValueError):
            return {}

    def _write_pids(self, pids: dict[str, int]) -> None:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self.pid_file.write_text(json.dumps(pids, indent=2))

    def start_one(self, spec: ProcessSpec) -> int:
        logs = self.state_dir / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        with open(logs / f"{spec.name}.log", "ab") as log_file:
            proc = subprocess.Popen(  # noqa: S603 - our own entry points, no shell
                spec.argv,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env={**self.env(), **spec.env, **self.extra_env},
                start_new_session=True,
            )
        pids = self._read_pids()
        pids[spec.name] = proc.pid
        self._write_pids(pids)
        return proc.pid

    def wait_healthy(self, spec: ProcessSpec, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        pid = self._read_pids().get(spec.name)
        while time.monotonic() < deadline:
            if pid is not None and not _alive(pid):
                tail = self.log_tail(spec.name)
                raise RuntimeError(f"{spec.name} exited during start-up: {tail}")
            if spec.health is None:
                if spec.name == "nats" and _port_open(self.ports.nats):
                    return
            else:
                try:
                    if probe(spec.health, timeout=2.0):
                        return
                except Exception:  # noqa: BLE001, S110 - not up yet
                    pass
            time.sleep(0.2)
        raise TimeoutError(
            f"{spec.name} not healthy after {timeout:.0f}s (log: {self.state_dir / 'logs' / spec.name}.log)"
        )

    def log_tail(self, name: str, lines: int = 3) -> str:
        try:
            text = (self.state_dir / "logs" / f"{name}.log").read_text(errors="replace")
        except OSError:
            return "(no log)"
        return " | ".join(text.strip().splitlines()[-lines:])[-500:]

    def up(self, timeout: float = 180.0, on_ready: object = None) -> dict[str, int]:
        """Start every process not already running and wait for health: NATS first (the others
        connect to it as they start), then all the services at once, since each one spends its
        start-up importing and loading on its own (the demo's stack: 8.2 s instead of 11.4 s one
        after another, measured on the 2-core machine)."""
        running = {n: pid for n, pid in self._read_pids().items() if _alive(pid)}
        self._write_pids(running)
        specs = self.specs()
        for group in ([s for s in specs if s.name == "nats"], [s for s in specs if s.name != "nats"]):
            for spec in group:
                if spec.name not in running:
                    self.start_one(spec)
            for spec in group:
                self.wait_healthy(spec, timeout)
                if callable(on_ready):
                    on_ready(spec.name)
        return self._read_pids()

    def stop_one(self, name: str, sig: int = signal.SIGTERM, timeout: float = 15.0) -> bool:
        pids = self._read_pids()
        pid = pids.pop(name, None)
        self._write_pids(pids)
        if pid is None or not _alive(pid):
            return False
        _signal_group(pid, sig)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.1)
        if _alive(pid):
            _signal_group(pid, signal.SIGKILL)
        return True

    def down(self, timeout: float = 15.0) -> list[str]:
        """Stop everything ``up`` recorded: the services all at once (each gets ``timeout`` seconds
        to finish, then SIGKILL; one by one, their waits added up: 6.1 s instead of 3.3 s for the
        demo's stack), then NATS, which they drain to."""
        pids = self._read_pids()
        services = [n for n in pids if n != "nats"]
        stopped = [n for n in services if _alive(pids[n])]
        for name in stopped:
            _signal_group(pids[name], signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and any(_alive(pids[n]) for n in stopped):
            time.sleep(0.1)
        for name in stopped:
            if _alive(pids[name]):
                _signal_group(pids[name], signal.SIGKILL)
        self._write_pids({n: pid for n, pid in pids.items() if n == "nats"})
        if "nats" in pids and self.stop_one("nats", timeout=timeout):
            stopped.append("nats")
        return stopped

    def status(self) -> dict[str, bool]:
        return {name: _alive(pid) for name, pid in self._read_pids().items()}


def _alive(pid: int) -> bool:
    try:
        waited, _ = os.waitpid(pid, os.WNOHANG)
        if waited == pid:
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _signal_group(pid: int, sig: int) -> None:
    try:
        os.killpg(pid, sig)
    except (ProcessLookupError, PermissionError):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)


def _port_open(port: int) -> bool:
    import socket

    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.3):
            return True
    except OSError:
        return False
