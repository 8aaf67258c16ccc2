"""A study through the real pipeline: NATS JetStream, the scanner service, refinement workers and
the analytics consumer as separate processes on loopback — and faults that really kill things.

The model is ``mock/references`` (answers are the scenario's labelled reference programs), so the
test needs no model and every sample is really scanned by Semgrep.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from hardgen.cli.localstack import LocalStack, Ports
from hardgen.core.clients.analytics import AnalyticsClient, AnalyticsClientError
from tests.helpers import free_port, wait_until

HARDGEN = str(Path(sys.executable).parent / "hardgen")
pytestmark = pytest.mark.slow


def _ports() -> Ports:
    return Ports(
        nats=free_port(),
        scanner_grpc=free_port(),
        analytics_grpc=free_port(),
        worker_health=free_port(),
    )


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStack]:
    state = tmp_path_factory.mktemp("stack")
    local = LocalStack(
        state_dir=state,
        ports=_ports(),
        workers=2,
        services=("nats", "scanner", "worker", "analytics"),
        extra_env={
            "HARDGEN_DATA": str(state / "data"),
            "HARDGEN_DB": str(state / "hardgen.duckdb"),
            # redeliver an unacked item after 10 s instead of a minute, so faults heal quickly
            "HARDGEN_WORKER_ACK_WAIT": "10",
        },
    )
    try:
        local.up(timeout=120)
        yield local
    finally:
        local.down()


def write_study(tmp_path: Path, name: str, samples: int) -> Path:
    study = {
        "name": name,
        "models": ["mock/references"],
        "languages": ["python"],
        "scenarios": [1, 2, 8],
        "strategies": ["raw", "cot"],
        "samples": samples,
        "engines": ["semgrep"],
    }
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(study))
    return path


def start_study(stack: LocalStack, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [HARDGEN, "study", "run", str(path), "--no-wait", "--nats", stack.nats_url, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        env=stack.env(),
    )


def progress(stack: LocalStack, study: str) -> dict:
    """What analytics stores (its StudyProgress rpc): generated, scanned and failed, per cell too."""
    try:
        with AnalyticsClient(f"127.0.0.1:{stack.ports.analytics_grpc}", timeout=5) as client:
            reply = client.progress(study)
    except AnalyticsClientError:
        return {"generated": 0, "scanned": 0, "failed": 0, "cells": []}
    return {
        "generated": reply.generated,
        "scanned": reply.scanned,
        "failed": reply.failed,
        "cells": [{"generated": c.generated, "scanned": c.scanned} for c in reply.cells],
    }


def study_outcomes(stack: LocalStack, study: str) -> dict:
    result = subprocess.run(
        [HARDGEN, "study", "status", study, "--nats", stack.nats_url, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        env=stack.env(),
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def assert_complete(stack: LocalStack, study: str, expected: int, timeout: float = 240) -> None:
    assert wait_until(lambda: progress(stack, study)["scanned"] >= expected, timeout=timeout, interval=1.0), (
        f"{study}: {progress(stack, study)} after {timeout}s; outcomes {study_outcomes(stack, study)}"
    )
    time.sleep(1.5)  # let any duplicate redelivery arrive before counting
    final = progress(stack, study)
    assert final["generated"] == expected and final["scanned"] == expected, final
    assert final["failed"] == 0, final
    assert all(cell["generated"] == expected // 6 for cell in final["cells"]), final["cells"]
    outcomes = study_outcomes(stack, study)
    assert outcomes["done"] == expected and outcomes["failed"] == 0
    # the one progress view (CLI = gateway /status): finished only once analytics stores every sample
    assert (outcomes["stored"], outcomes["finished"]) == (expected, True), outcomes


def test_study_runs_end_to_end_and_reports_every_sample_once(stack: LocalStack, tmp_path: Path) -> None:
    result = start_study(stack, write_study(tmp_path, "e2e", samples=2))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["published"] == 12
    assert_complete(stack, "e2e", 12)
    # publishing the same study again is a no-op: every sample already has an outcome
    again = subprocess.run(
        [
            HARDGEN,
            "study",
            "run",
            str(tmp_path / "e2e.yaml"),
            "--resume",
            "--no-wait",
            "--nats",
            stack.nats_url,
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=stack.env(),
    )
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["skipped_done"] == 12
    assert progress(stack, "e2e")["generated"] == 12
    # the report says what produced the findings: the workers' scans recorded engines and profile
    with AnalyticsClient(f"127.0.0.1:{stack.ports.analytics_grpc}") as client:
        report = client.get_report("e2e", timeout=120)
    assert "Scanned by hardgen&#x27;s engines: semgrep." in report and "Scanner profile: default." in report


def test_killed_worker_loses_no_sample_and_counts_none_twice(stack: LocalStack, tmp_path: Path) -> None:
    assert start_study(stack, write_study(tmp_path, "kill-worker", samples=3)).returncode == 0
    assert wait_until(lambda: study_outcomes(stack, "kill-worker")["done"] >= 2, timeout=120, interval=0.5)
    stack.stop_one("worker-0", sig=signal.SIGKILL)
    time.sleep(1.0)
    stack.start_one(next(s for s in stack.specs() if s.name == "worker-0"))
    assert_complete(stack, "kill-worker", 18)


def test_nats_restart_mid_study_loses_nothing(stack: LocalStack, tmp_path: Path) -> None:
    assert start_study(stack, write_study(tmp_path, "nats-restart", samples=3)).returncode == 0
    assert wait_until(lambda: study_outcomes(stack, "nats-restart")["done"] >= 2, timeout=120, interval=0.5)
    nats = next(s for s in stack.specs() if s.name == "nats")
    stack.stop_one("nats")
    time.sleep(2.0)
    stack.start_one(nats)
    stack.wait_healthy(nats, timeout=30)
    assert_complete(stack, "nats-restart", 18)


def test_workers_back_off_while_the_scanner_is_down(stack: LocalStack, tmp_path: Path) -> None:
    scanner = next(s for s in stack.specs() if s.name == "scanner")
    stack.stop_one("scanner")
    assert start_study(stack, write_study(tmp_path, "scanner-down", samples=2)).returncode == 0
    time.sleep(6.0)
    outcomes = study_outcomes(stack, "scanner-down")
    assert outcomes["done"] == 0 and outcomes["failed"] == 0, "no sample may fail because the scanner is down"
    stack.start_one(scanner)
    stack.wait_healthy(scanner, timeout=60)
    assert_complete(stack, "scanner-down", 12, timeout=300)
