"""Run the model server: gRPC and the TGI-compatible HTTP API in one process, one set of batchers.

``python -m hardgen.modelserve --grpc-port P --http-port Q --model demo``; tests and the benchmark
use :func:`start_server` to run it in threads on loopback ports.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from hardgen.core.logging import get_logger
from hardgen.modelserve.grpc_api import create_grpc_server
from hardgen.modelserve.http_api import create_app
from hardgen.modelserve.service import ModelService, ServeConfig

log = get_logger(__name__)


@dataclass
class RunningServer:
    service: ModelService
    grpc_server: Any
    http_server: Any
    http_thread: threading.Thread | None
    host: str
    grpc_port: int
    http_port: int

    @property
    def http_url(self) -> str:
        return f"http://{self.host}:{self.http_port}"

    @property
    def grpc_address(self) -> str:
        return f"{self.host}:{self.grpc_port}"

    def stop(self) -> None:
        if self.http_server is not None:
            self.http_server.should_exit = True
        if self.http_thread is not None:
            self.http_thread.join(timeout=10)
        if self.grpc_server is not None:
            self.grpc_server.stop(grace=2).wait()
        self.service.close()


def start_server(
    config: ServeConfig,
    *,
    grpc_port: int = 0,
    http_port: int = 0,
    host: str = "127.0.0.1",
    preload: bool = True,
) -> RunningServer:
    """Start gRPC (when grpc_port) and HTTP (when http_port) in background threads; return when both listen.

    ``preload`` loads the default model first, so a missing model fails here with a clear error.
    """
    import uvicorn

    service = ModelService(config)
    if preload:
        service.batcher()
    grpc_server = None
    if grpc_port:
        grpc_server = create_grpc_server(service, grpc_port, host=host)
        grpc_server.start()
    http_server = None
    thread = None
    if http_port:
        uv_config = uvicorn.Config(create_app(service), host=host, port=http_port, log_config=None,
                                   access_log=False, lifespan="off")
        http_server = uvicorn.Server(uv_config)
        thread = threading.Thread(target=http_server.run, name="modelserve-http", daemon=True)
        thread.start()
        deadline = time.monotonic() + 15
        while not http_server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise OSError(f"HTTP server did not start on {host}:{http_port}")
            time.sleep(0.02)
    log.info("modelserve.started", model=config.model, grpc_port=grpc_port, http_port=http_port, host=host,
             window_ms=config.window_ms, max_batch=config.max_batch)
    return RunningServer(service, grpc_server, http_server, thread, host, grpc_port, http_port)
