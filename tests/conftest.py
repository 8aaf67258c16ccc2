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


#: The one-rule pack of the shared scanner: a planted path injection is the only thing it reports.
PATH_RULE = """
rules:
  - id: py-path-injection
    languages: [python]
    severity: ERROR
    message: file path built from request data
    metadata: {codeql_id: py/path-injection, cwes: [22]}
    pattern: open($A + $B, ...)
"""


@pytest.fixture(scope="session")
def scanner_address(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real scanner service (``python -m hardgen.scanner``) on loopback with a one-rule pack,
    started once per test process: refinement, gateway and CLI tests share it, and with it its
    result cache (Semgrep takes seconds per new program on a busy machine)."""
    from tests.helpers import scanner_process

    base = tmp_path_factory.mktemp("shared-scanner")
    rules = base / "rules"
    (rules / "python").mkdir(parents=True)
    (rules / "python" / "py-path-injection.yaml").write_text(PATH_RULE.lstrip(), encoding="utf-8")
    env = os.environ | {"HARDGEN_RULES": str(rules), "HARDGEN_DATA": str(base / "data")}
    with scanner_process(env) as running:
        yield running.address


@pytest.fixture(scope="session")
def nats_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real nats-server with JetStream on a loopback port, shared by the session; yields its URL."""
    from tests.helpers import nats_process

    with nats_process(tmp_path_factory.mktemp("nats")) as url:
        yield url


@pytest.fixture(scope="module")
def module_nats(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A JetStream of the requesting test module's own: its work queue and consumers are shared
    with no other module (a work-queue stream allows one consumer per subject)."""
    from tests.helpers import nats_process

    with nats_process(tmp_path_factory.mktemp("nats-module")) as url:
        yield url


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
