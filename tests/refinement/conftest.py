"""Refinement test fixtures: scripted model APIs on loopback, the real scanner service as a
subprocess with a one-rule pack, and a tiny local model with a LoRA adapter."""

from __future__ import annotations

import atexit
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import free_port
from tests.refinement.fakeapi import FakeAPI

PATH_RULE = """
rules:
  - id: py-path-injection
    languages: [python]
    severity: ERROR
    message: file path built from request data
    metadata: {codeql_id: py/path-injection, cwes: [22]}
    pattern: open($A + $B, ...)
"""


@pytest.fixture(autouse=True)
def _fast_retries(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Backoff in milliseconds, a fresh cache (mp instructions) per test, and no provider keys or
    endpoints leaking in from the environment."""
    monkeypatch.setenv("HARDGEN_RETRY_BASE_SECONDS", "0.005")
    monkeypatch.setenv("HARDGEN_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("HARDGEN_SCAN_ENGINES", "semgrep")  # the one-rule pack; bandit would double scan time
    for name in (
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "GEMINI_API_KEY",
        "GOOGLE_API_KEY",
        "GEMINI_BASE_URL",
        "HARDGEN_MODELSERVE_ADDR",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def fake_api() -> Iterator[FakeAPI]:
    api = FakeAPI().start()
    yield api
    api.stop()


@pytest.fixture()
def api(fake_api: FakeAPI) -> FakeAPI:
    """The session's scripted server, reset for this test."""
    fake_api.script()
    return fake_api


_SCANNER: dict[str, Any] = {}


def _stop_scanner() -> None:
    proc = _SCANNER.pop("proc", None)
    if proc is not None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def start_scanner(base: Path) -> str:
    """Start the scanner once per test process (refinement and gateway tests share it, and with it
    its result cache: Semgrep takes seconds per new program on a busy machine)."""
    if "address" in _SCANNER:
        return str(_SCANNER["address"])
    rules = base / "refinement-rules"
    (rules / "python").mkdir(parents=True, exist_ok=True)
    (rules / "python" / "py-path-injection.yaml").write_text(PATH_RULE.lstrip(), encoding="utf-8")
    port = free_port()
    env = os.environ | {"HARDGEN_RULES": str(rules), "HARDGEN_DATA": str(base / "scanner-data")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "hardgen.scanner", "--host", "127.0.0.1", "--grpc-port", str(port), "--http-port", "0"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _SCANNER["proc"] = proc
    atexit.register(_stop_scanner)
    address = f"127.0.0.1:{port}"
    from hardgen.refinement.scanning import grpc_scanner

    probe = grpc_scanner(address)
    deadline = time.monotonic() + 60
    while not probe.healthy():
        if proc.poll() is not None or time.monotonic() > deadline:
            _stop_scanner()
            raise RuntimeError("scanner service did not start")
        time.sleep(0.2)
    _SCANNER["address"] = address
    return address


@pytest.fixture(scope="session")
def scanner_address(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The real scanner service (``python -m hardgen.scanner``) on loopback with a one-rule pack."""
    return start_scanner(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="session")
def tiny_adapter(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An (untrained) LoRA adapter for the tiny model, saved where peft and LocalModel read it."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    torch.manual_seed(0)
    base = AutoModelForCausalLM.from_pretrained(str(tiny_model_dir))
    model = get_peft_model(base, LoraConfig(r=2, lora_alpha=4, target_modules=["c_attn"], task_type="CAUSAL_LM"))
    out = tmp_path_factory.mktemp("adapters") / "tiny-lora"
    model.save_pretrained(str(out))
    return out
