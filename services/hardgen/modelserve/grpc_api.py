"""gRPC front end: ``ModelServe.Generate`` / ``FineTune`` / ``ListAdapters`` / ``Health``.

Generate calls go through the same batcher as HTTP calls. Errors map to status codes a client can
act on: an unknown model or adapter is NOT_FOUND, an adapter for another base or a dataset with no
usable examples FAILED_PRECONDITION, bad parameters INVALID_ARGUMENT.
"""

from __future__ import annotations

from concurrent import futures

import grpc

from hardgen import __version__
from hardgen.core.grpcutil import SERVER_OPTIONS, add_port, server_interceptors
from hardgen.core.logging import get_logger
from hardgen.modelserve.localmodel import (
    AdapterMismatchError,
    AdapterNotFoundError,
    GenerationRequest,
    ModelNotFoundError,
    backend_version,
)
from hardgen.modelserve.registry import AdapterRecord
from hardgen.modelserve.service import InvalidRequestError, ModelService
from hardgen.v1 import common_pb2, modelserve_pb2, modelserve_pb2_grpc

log = get_logger(__name__)


def adapter_to_proto(record: AdapterRecord) -> modelserve_pb2.Adapter:
    return modelserve_pb2.Adapter(
        id=record.id,
        base_model=record.base_model,
        language=record.language,
        path=record.path or record.remote_model_id,
        dataset_hash=record.dataset_hash,
        initial_loss=record.initial_loss or 0.0,
        final_loss=record.final_loss or 0.0,
        examples=record.examples,
        dropped_examples=record.dropped_examples,
        created_at=record.created_at,
    )


class ModelServeServicer(modelserve_pb2_grpc.ModelServeServicer):
    def __init__(self, service: ModelService) -> None:
        self.service = service

    def Generate(  # noqa: N802
        self, request: modelserve_pb2.ModelGenerateRequest, context: grpc.ServicerContext
    ) -> modelserve_pb2.ModelGenerateResponse:
        req = GenerationRequest.from_message(request)
        try:
            out = self.service.generate(req, request.model or None)
        except (AdapterNotFoundError, ModelNotFoundError) as exc:
            context.abort(grpc.StatusCode.NOT_FOUND, str(exc))
        except AdapterMismatchError as exc:
            context.abort(grpc.StatusCode.FAILED_PRECONDITION, str(exc))
        except InvalidRequestError as exc:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, str(exc))
        model = request.model or self.service.config.model
        return modelserve_pb2.ModelGenerateResponse(
            generated_text=out.text,
            finish_reason=out.finish_reason,
            stats=common_pb2.CallStats(
                latency_ms=out.latency_ms,
                prompt_tokens=out.prompt_tokens,
                completion_tokens=out.completion_tokens,
                peak_memory_bytes=out.peak_memory_bytes,
                model=f"{model}@{request.adapter_id}" if request.adapter_id else model,
                backend="modelserve",
                backend_version=backend_version(),
                seed=out.seed or 0,
                temperature=request.temperature,
                attempts=1,
            ),
        )

    def FineTune(  # noqa: N802
        self, request: modelserve_pb2.FineTuneRequest, context: grpc.ServicerContext
    ) -> modelserve_pb2.FineTuneResponse:
        from hardgen.core.clients.scanner import ScannerClientError
        from hardgen.modelserve.dataset import DatasetError
        from hardgen.modelserve.finetune import FineTuneConfig, FineTuneError
        from hardgen.modelserve.scan import NoScannerError

        cfg = FineTuneConfig.from_request(request, self.service.config.model, self.service.config.device)
        try:
            record = self.service.finetune(cfg, force=request.force)
        except ModelNotFoundError as exc:
            context.abort(grpc.StatusCode.NOT_FOUND, str(exc))
        except (DatasetError, NoScannerError, FineTuneError) as exc:
            context.abort(grpc.StatusCode.FAILED_PRECONDITION, str(exc))
        except ScannerClientError as exc:  # the scanner service failed while checking the training set
            context.abort(grpc.StatusCode.UNAVAILABLE, str(exc))
        except ValueError as exc:
            context.abort(grpc.StatusCode.INVALID_ARGUMENT, str(exc))
        return modelserve_pb2.FineTuneResponse(adapter=adapter_to_proto(record), reused=record.reused)

    def ListAdapters(  # noqa: N802
        self, request: modelserve_pb2.ListAdaptersRequest, context: grpc.ServicerContext
    ) -> modelserve_pb2.ListAdaptersResponse:
        return modelserve_pb2.ListAdaptersResponse(
            adapters=[adapter_to_proto(r) for r in self.service.list_adapters()]
        )

    def Health(  # noqa: N802
        self, request: common_pb2.HealthRequest, context: grpc.ServicerContext
    ) -> common_pb2.HealthResponse:
        status = "SERVING" if self.service.health() else "NOT_SERVING"
        return common_pb2.HealthResponse(status=status, version=__version__)


def create_grpc_server(service: ModelService, port: int, host: str = "127.0.0.1", workers: int = 32) -> grpc.Server:
    """A bound, not yet started gRPC server. Enough workers that concurrent calls reach the batcher together."""
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=workers), options=SERVER_OPTIONS, interceptors=server_interceptors()
    )
    modelserve_pb2_grpc.add_ModelServeServicer_to_server(ModelServeServicer(service), server)
    if add_port(server, f"{host}:{port}") == 0:
        raise OSError(f"cannot bind gRPC port {host}:{port}")
    return server
