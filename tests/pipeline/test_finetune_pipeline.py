"""A study with ft cells through the real stack — gateway, NATS JetStream, modelserve (tiny model,
fine-tune worker), a refinement worker, the scanner and analytics as separate processes — with the
gateway and modelserve killed in the middle of the study's fine-tune. The fine-tune is durable
work on NATS, so the study still ends with every ft cell done (issue 13, "Done when")."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from hardgen.cli.localstack import LocalStack, Ports
from tests.helpers import free_port, wait_until

HARDGEN = str(Path(sys.executable).parent / "hardgen")
pytestmark = pytest.mark.slow

STUDY = {
    "name": "ft-fault",
    "models": ["hf/tiny"],
    "languages": ["python"],
    "scenarios": [1, 2],
    "strategies": ["ft"],  # every cell waits for the study's adapter
    "samples": 1,
    "max_new_tokens": 32,
    "engines": ["semgrep"],
    "finetune": {"base": "tiny", "steps": 20, "lora_r": 4, "lora_alpha": 8},
}


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory, tiny_model_dir: Path) -> Iterator[LocalStack]:
    state = tmp_path_factory.mktemp("ft-stack")
    shutil.copytree(tiny_model_dir, state / "data" / "models" / "tiny")  # served as hf/tiny, by name
    local = LocalStack(
        state_dir=state,
        ports=Ports(
            nats=free_port(),
            scanner_grpc=free_port(),
            modelserve_grpc=free_port(),
            modelserve_http=free_port(),
            analytics_grpc=free_port(),
            gateway_http=free_port(),
            worker_health=free_port(),
        ),
        workers=1,
        services=("nats", "scanner", "modelserve", "worker", "analytics", "gateway"),
        model="tiny",
        finetune_ack_wait=5.0,  # a killed modelserve's fine-tune is redelivered after 5 s
        extra_env={
            "HARDGEN_DATA": str(state / "data"),
            "HARDGEN_DB": str(state / "hardgen.duckdb"),
            "HARDGEN_WORKER_ACK_WAIT": "10",
            # the operator opts into local models (registry ids only): the study names hf/tiny
            "HARDGEN_GATEWAY_PROVIDERS": "hf,mock",
        },
    )
    try:
        local.up(timeout=180)
        yield local
    finally:
        local.down()


def spec_of(stack: LocalStack, name: str) -> Any:
    return next(s for s in stack.specs() if s.name == name)


def cli_status(stack: LocalStack) -> dict[str, Any]:
    """``hardgen study status`` (the same object as the gateway's /status), straight from NATS."""
    result = subprocess.run(
        [HARDGEN, "study", "status", STUDY["name"], "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        env=stack.env(),
    )
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def finetune_state(stack: LocalStack) -> str:
    return str((cli_status(stack).get("finetune") or {}).get("state", ""))


def test_killing_the_gateway_and_modelserve_mid_finetune_still_finishes_every_ft_cell(stack: LocalStack) -> None:
    gateway = f"http://127.0.0.1:{stack.ports.gateway_http}"
    accepted = httpx.post(f"{gateway}/v1/studies", json=STUDY, timeout=60)
    assert accepted.status_code == 202, accepted.text
    assert (accepted.json()["published"], accepted.json()["finetune"]) == (0, "queued")

    # the gateway holds nothing: kill it at once, the fine-tune goes on without it
    stack.stop_one("gateway", sig=signal.SIGKILL)
    assert wait_until(lambda: finetune_state(stack) == "training", timeout=120, interval=0.5), cli_status(stack)
    time.sleep(2.0)  # inside the fine-tune (it scans its dataset first, then trains)
    assert finetune_state(stack) == "training", "the fine-tune ended before the fault: make it longer"
    stack.stop_one("modelserve", sig=signal.SIGKILL)  # mid-training: its item stays unacked
    time.sleep(1.0)
    stack.start_one(spec_of(stack, "modelserve"))
    stack.wait_healthy(spec_of(stack, "modelserve"), timeout=120)
    stack.start_one(spec_of(stack, "gateway"))
    stack.wait_healthy(spec_of(stack, "gateway"), timeout=60)

    def finished() -> bool:
        reply = httpx.get(f"{gateway}/v1/studies/{STUDY['name']}/status", timeout=30)
        return reply.status_code == 200 and bool(reply.json()["finished"])

    assert wait_until(finished, timeout=600, interval=2.0), cli_status(stack)
    status = httpx.get(f"{gateway}/v1/studies/{STUDY['name']}/status", timeout=30).json()
    ft = status["finetune"]
    assert ft["state"] == "done" and ft["model"].startswith("hf/tiny@"), ft
    assert (status["done"], status["failed"], status["stored"]) == (2, 0, 2), status
    assert all(c["strategy"] == "ft" and c["done"] == 1 for c in status["cells"]), status["cells"]
    log = (stack.state_dir / "logs" / "modelserve.log").read_text(errors="replace")
    assert log.count('"finetune_worker.training"') >= 2, "the fine-tune was not redelivered after the kill"

    # posting the study again: every sample has its outcome, so nothing is queued, trained or redone
    again = httpx.post(f"{gateway}/v1/studies", json=STUDY, timeout=60)
    assert again.status_code == 202, again.text
    assert (again.json()["published"], again.json()["skipped_done"], again.json()["finetune"]) == (0, 2, None)
