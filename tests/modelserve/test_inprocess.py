"""The model port's two implementations answer alike: the model server over gRPC and the
in-process one the CLI builds give the same text and raise the same error for the same request."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hardgen.core.clients.modelserve import (
    ModelRequest,
    ModelServeClient,
    ModelServeClientError,
    ModelServeNotFoundError,
    ModelServePort,
    ModelServeRequestError,
)
from hardgen.modelserve.inprocess import InProcessModelServe
from hardgen.modelserve.serve import RunningServer, ServeConfig, start_server
from tests.helpers import free_port


@pytest.fixture(scope="module")
def ports(tiny_model_dir: Path) -> Iterator[tuple[ModelServePort, ModelServePort]]:
    running: RunningServer = start_server(ServeConfig(model=str(tiny_model_dir)), grpc_port=free_port(), http_port=0)
    local = InProcessModelServe(default_model=str(tiny_model_dir))
    with ModelServeClient(running.grpc_address, timeout=60) as client:
        yield client, local
    running.stop()
    local.close()


def test_the_same_request_gives_the_same_generation(ports: tuple[ModelServePort, ModelServePort]) -> None:
    served, local = ports
    request = ModelRequest("def handler(request):\n", max_new_tokens=8, temperature=0.9, top_p=0.9, seed=4)
    remote, here = served.generate(request), local.generate(request)
    assert (remote.text, remote.completion_tokens, remote.model) == (here.text, here.completion_tokens, here.model)
    assert 0 < here.completion_tokens <= 8 and here.finish_reason in {"length", "eos_token", "stop_sequence"}
    assert remote.backend_version == here.backend_version and here.backend_version.startswith("transformers ")


def test_hf_calls_record_what_modelserve_reports(
    ports: tuple[ModelServePort, ModelServePort], tiny_model_dir: Path
) -> None:
    """The refinement image has no transformers: hf/'s CallStats.backend_version is modelserve's
    answer, the same whether the model is served over gRPC or runs in the CLI's process."""
    from hardgen.refinement.backends import get_backend
    from hardgen.refinement.backends.base import GenerationParams

    params = GenerationParams(max_new_tokens=4, temperature=0.0, seed=1)
    stats = [get_backend(f"hf/{tiny_model_dir}", models=port).complete("def f():\n", params).stats for port in ports]
    assert stats[0].backend_version == stats[1].backend_version
    assert stats[0].backend_version.startswith("transformers ")


@pytest.mark.parametrize(
    ("request_", "error", "message"),
    [
        (ModelRequest("x", model="no-such-base"), ModelServeNotFoundError, "no-such-base"),
        (ModelRequest("x", adapter_id="no-such-adapter"), ModelServeNotFoundError, "no-such-adapter"),
        (ModelRequest("x", max_new_tokens=10**6), ModelServeRequestError, "max_new_tokens"),
        (ModelRequest("", max_new_tokens=2), ModelServeRequestError, "inputs"),
    ],
)
def test_a_bad_request_fails_alike(
    ports: tuple[ModelServePort, ModelServePort],
    request_: ModelRequest,
    error: type[ModelServeClientError],
    message: str,
) -> None:
    for port in ports:
        with pytest.raises(error, match=message):
            port.generate(request_)


@pytest.mark.parametrize(("model", "adapter"), [("no-such-base", ""), ("", "no-such-adapter")])
def test_load_refuses_a_wrong_name_before_any_generation(
    ports: tuple[ModelServePort, ModelServePort], model: str, adapter: str
) -> None:
    with pytest.raises(ModelServeNotFoundError, match=model or adapter):
        ports[1].load(model, adapter)
