"""Fixtures shared by every test area (tests/<area>/conftest.py adds the area's own)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep every test's databases, caches and models out of the checkout's data/ folder."""
    base = tmp_path_factory.getbasetemp() / "hardgen-data"
    base.mkdir(exist_ok=True)
    if "HARDGEN_DATA" not in os.environ:
        monkeypatch.setenv("HARDGEN_DATA", str(base))
    yield


@pytest.fixture(scope="session")
def nats_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real nats-server with JetStream on a loopback port; yields its URL."""
    import subprocess
    import time

    from hardgen.core.events import nats_server_binary
    from tests.helpers import free_port

    port = free_port()
    store = tmp_path_factory.mktemp("nats")
    proc = subprocess.Popen(
        [nats_server_binary(), "-js", "-a", "127.0.0.1", "-p", str(port), "-sd", str(store)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    import socket

    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.05)
    else:
        proc.kill()
        raise RuntimeError("nats-server did not start")
    yield f"nats://127.0.0.1:{port}"
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()


def tiny_model_texts(limit: int = 24) -> list[str]:
    """A small slice of the scenario corpus (each partial program followed by a reference): enough
    for a tiny model to learn something in seconds."""
    from hardgen.core.scenarios import load_corpus

    texts: list[str] = []
    for scenario in load_corpus():
        for ref in scenario.references:
            texts.append(scenario.prefix() + scenario.reference_code(ref))
    return texts[:limit] or ["def hello():\n    return 'hello'\n"]


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny GPT-2 (2 layers, 64 wide, byte-level BPE trained here) built in a few seconds, never
    the demo model; load it with ``LocalModel.load(str(tiny_model_dir))``."""
    import torch

    from hardgen.modelserve.demo import build_model

    torch.set_num_threads(1)
    out = tmp_path_factory.mktemp("tiny-model") / "tiny"
    build_model(out, tiny_model_texts(), size="tiny", steps=40, seed=42, name="tiny")
    return out
