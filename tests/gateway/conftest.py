"""Gateway fixtures: the real refinement gRPC service (in this process) and the real scanner
(a subprocess), with the gateway served by uvicorn on a loopback port."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from tests.helpers import free_port
from tests.refinement.conftest import _fast_retries, api, fake_api, tiny_adapter  # noqa: F401


@pytest.fixture(scope="session")
def modelserve_address() -> Iterator[str]:
    """The real model server (gRPC on loopback, in this process); it loads ``hf/`` models on first
    use from ``HARDGEN_MODELS``, which the tests that call one point at the tiny model."""
    from hardgen.modelserve.serve import ServeConfig, start_server

    running = start_server(ServeConfig(model="tiny"), grpc_port=free_port(), http_port=0, preload=False)
    yield running.grpc_address
    running.stop()


@pytest.fixture(scope="session")
def refinement_address(scanner_address: str, modelserve_address: str) -> Iterator[str]:
    from hardgen.core.clients.modelserve import ModelServeClient
    from hardgen.refinement.scanning import grpc_scanner
    from hardgen.refinement.server import build_server
    from hardgen.refinement.service import RefinementService

    # as deployed: the refinement service reaches hf/ models only through modelserve's gRPC API
    service = RefinementService(
        grpc_scanner(scanner_address, engines=["semgrep"]), models=ModelServeClient(modelserve_address)
    )
    server, port = build_server(service, "127.0.0.1:0")
    server.start()
    yield f"127.0.0.1:{port}"
    server.stop(grace=None)


@dataclass
class Gateway:
    url: str
    app: Any
    keys: Any  # hardgen.gateway.apikeys.KeyStore of this gateway
    admin_key: str

    @property
    def headers(self) -> dict[str, str]:
        """The admin key's header (every scope), for tests that are not about auth."""
        return {"Authorization": f"Bearer {self.admin_key}"}

    def key(self, *scopes: str, **limits: Any) -> str:
        """A fresh key with these scopes (``rate_per_minute=``, ``daily_tokens=``)."""
        return str(self.keys.create("test", scopes, **limits)[1])


def serve(app: Any) -> tuple[str, Any, threading.Thread]:
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("gateway did not start")
        time.sleep(0.05)
    return url, server, thread


@pytest.fixture(scope="session")
def gateway(
    refinement_address: str,
    scanner_address: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Gateway]:
    from hardgen.gateway.apikeys import KeyStore
    from hardgen.gateway.app import create_app
    from hardgen.gateway.settings import GatewaySettings

    keys_db = tmp_path_factory.mktemp("keys") / "keys.sqlite"
    store = KeyStore(keys_db)
    _, admin_key = store.create("tests", ["admin"])

    settings = GatewaySettings(
        refinement_address=refinement_address,
        scanner_address=scanner_address,
        max_n=5,
        max_prompt_chars=200,
        max_concurrent_per_caller=2,
        generation_timeout_s=120.0,
        scan_timeout_s=60.0,
        keys_db=str(keys_db),
        max_body_bytes=2 * 1024 * 1024,
        # this operator opts into the registry providers; tests name registered ids only
        allowed_providers=("openai", "gemini", "tgi", "hf", "replay", "mock"),
        tgi_endpoints=("gpu-pool",),
    )
    app = create_app(settings)
    url, server, thread = serve(app)
    yield Gateway(url, app, store, admin_key)
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture()
def http(gateway: Gateway) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=gateway.url, timeout=120.0, headers=gateway.headers) as client:
        yield client
