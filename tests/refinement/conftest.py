"""Refinement test fixtures: scripted model APIs on loopback and a tiny local model with a LoRA
adapter (the real scanner service is tests/conftest.py's ``scanner_address``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.refinement.fakeapi import FakeAPI


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
