"""The model server on loopback: TGI-compatible HTTP (driven by huggingface_hub.InferenceClient),
gRPC, adapters, errors, and continuous batching under concurrent load."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from huggingface_hub import InferenceClient

from hardgen.core.clients.modelserve import ModelRequest, ModelServeClient, ModelServeNotFoundError
from hardgen.modelserve.finetune import FineTuneConfig, run_finetune
from hardgen.modelserve.localmodel import LocalModel
from hardgen.modelserve.serve import RunningServer, start_server
from hardgen.modelserve.service import ServeConfig
from tests.helpers import free_port

PROMPT = "from flask import Flask"


@pytest.fixture(scope="module")
def adapter_id(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    cfg = FineTuneConfig(base_model=str(tiny_model_dir), language="python", steps=6, learning_rate=2e-2,
                         batch_size=2, name="serve-lora", checkpoint_every=0, eval_limit=8)
    return run_finetune(cfg, scanner=None).id


@pytest.fixture(scope="module")
def server(tiny_model_dir: Path, adapter_id: str) -> Iterator[RunningServer]:
    running = start_server(ServeConfig(model=str(tiny_model_dir), window_ms=30, max_batch=16),
                           grpc_port=free_port(), http_port=free_port())
    yield running
    running.stop()


def test_inference_client_with_and_without_adapter(server: RunningServer, adapter_id: str) -> None:
    client = InferenceClient(model=server.http_url, timeout=30)
    base = client.text_generation(PROMPT, max_new_tokens=12)
    tuned = client.text_generation(PROMPT, max_new_tokens=12, adapter_id=adapter_id)
    local = LocalModel.load(server.service.config.model)
    assert base == local.generate(PROMPT, max_new_tokens=12, adapter_id="").text
    assert tuned == local.generate(PROMPT, max_new_tokens=12, adapter_id=adapter_id).text
    details = client.text_generation(PROMPT, max_new_tokens=12, details=True, seed=5, temperature=0.8,
                                     do_sample=True)
    assert details.details is not None
    assert details.details.generated_tokens == len(details.details.tokens) <= 12
    assert details.details.finish_reason in {"length", "eos_token", "stop_sequence"}


def test_inference_client_streaming(server: RunningServer, adapter_id: str) -> None:
    client = InferenceClient(model=server.http_url, timeout=30)
    for adapter in (None, adapter_id):
        full = client.text_generation(PROMPT, max_new_tokens=10, adapter_id=adapter)
        events = list(client.text_generation(PROMPT, max_new_tokens=10, adapter_id=adapter, stream=True,
                                             details=True))
        assert events, "no stream events"
        assert events[-1].generated_text == full
        assert events[-1].details is not None
        assert "".join(e.token.text for e in events if not e.token.special) == full
        assert all(e.generated_text is None for e in events[:-1])


def test_generate_route_and_info_and_health(server: RunningServer) -> None:
    r = httpx.post(f"{server.http_url}/generate", json={"inputs": PROMPT, "parameters": {"max_new_tokens": 5}})
    expected = LocalModel.load(server.service.config.model).generate(PROMPT, max_new_tokens=5, adapter_id="").text
    assert r.status_code == 200 and r.json()["generated_text"] == expected
    info = httpx.get(f"{server.http_url}/info").json()
    assert info["model_pipeline_tag"] == "text-generation" and info["max_total_tokens"] > 0
    assert httpx.get(f"{server.http_url}/health").status_code == 200


def test_unknown_adapter_is_a_404_not_a_crash(server: RunningServer) -> None:
    for route in ("/generate", "/generate_stream"):
        r = httpx.post(f"{server.http_url}{route}",
                       json={"inputs": PROMPT, "parameters": {"adapter_id": "nope", "max_new_tokens": 4}})
        assert r.status_code == 404
        assert r.json()["error_type"] == "not_found" and "nope" in r.json()["error"]
    bad = httpx.post(f"{server.http_url}/generate", json={"inputs": PROMPT, "parameters": {"max_new_tokens": 0}})
    assert bad.status_code == 422 and "error" in bad.json()
    # the server still answers
    ok = httpx.post(f"{server.http_url}/generate", json={"inputs": PROMPT, "parameters": {"max_new_tokens": 3}})
    assert ok.status_code == 200


def test_grpc_generate_list_adapters_health(server: RunningServer, adapter_id: str) -> None:
    with ModelServeClient(server.grpc_address, timeout=30) as client:
        assert client.health() == "SERVING"
        out = client.generate(ModelRequest(PROMPT, adapter_id=adapter_id, max_new_tokens=6))
        assert out.completion_tokens <= 6 and out.model.endswith(f"@{adapter_id}")
        assert adapter_id in {a.id for a in client.list_adapters()}
        with pytest.raises(ModelServeNotFoundError, match="nope"):
            client.generate(ModelRequest(PROMPT, adapter_id="nope", max_new_tokens=2))


def test_concurrent_requests_are_batched_and_each_gets_its_own_answer(server: RunningServer, adapter_id: str) -> None:
    local = LocalModel.load(server.service.config.model)
    prompts = [(f"{PROMPT}{' ' * (i % 3)}", 4 + i % 5, adapter_id if i % 2 else "", i) for i in range(12)]
    expected = [
        local.generate(p, max_new_tokens=n, adapter_id=a, temperature=0.7, seed=s).text for p, n, a, s in prompts
    ]
    before = server.service.batcher().stats.max_batch_seen

    def call(item: tuple[str, int, str, int]) -> str:
        p, n, a, s = item
        body = {"inputs": p, "parameters": {"max_new_tokens": n, "adapter_id": a or None, "seed": s,
                                            "temperature": 0.7, "do_sample": True}}
        r = httpx.post(f"{server.http_url}/generate", json=body, timeout=60)
        r.raise_for_status()
        return str(r.json()["generated_text"])

    with concurrent.futures.ThreadPoolExecutor(max_workers=12) as pool:
        got = list(pool.map(call, prompts))
    assert got == expected
    assert max(before, server.service.batcher().stats.max_batch_seen) > 1


def test_grpc_finetune_of_a_missing_base_is_not_found(server: RunningServer) -> None:
    from hardgen.v1 import modelserve_pb2

    with ModelServeClient(server.grpc_address, timeout=30) as client, \
            pytest.raises(ModelServeNotFoundError, match="no-such-base"):
        client.finetune(modelserve_pb2.FineTuneRequest(base_model="no-such-base", steps=1), timeout=30)
