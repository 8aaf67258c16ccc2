"""``python -m hardgen.analytics --grpc-port P [--nats URL] [--db PATH]``.

One process: the JetStream consumer (when ``--nats`` is given or ``HARDGEN_NATS_URL`` is set) and
the gRPC server, over one DuckDB store. gRPC is the only protocol (REST is the gateway's); probes
call its ``Health`` rpc with ``python -m hardgen.core.healthcheck grpc://…/hardgen.v1.Analytics``.
JSON logs on stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
from concurrent import futures

import grpc

from hardgen.analytics.consumer import EventConsumer
from hardgen.analytics.service import AnalyticsServicer
from hardgen.analytics.settings import AnalyticsSettings
from hardgen.analytics.store import Store
from hardgen.core.grpcutil import SERVER_OPTIONS, add_port, server_interceptors
from hardgen.core.logging import configure_logging, get_logger
from hardgen.core.settings import PORTS, load_settings
from hardgen.v1 import analytics_pb2_grpc

log = get_logger("hardgen.analytics")


def parse_args(argv: list[str] | None = None, settings: AnalyticsSettings | None = None) -> argparse.Namespace:
    """Flags win over the settings (``HARDGEN_BIND``, ``HARDGEN_NATS_URL``, ``HARDGEN_DB``)."""
    settings = settings or AnalyticsSettings()
    parser = argparse.ArgumentParser(prog="python -m hardgen.analytics", description=__doc__)
    parser.add_argument("--grpc-port", type=int, default=PORTS["analytics_grpc"])
    parser.add_argument("--host", default=settings.bind)
    parser.add_argument("--nats", default=settings.consume_url, help="NATS URL; without it no events are consumed")
    parser.add_argument("--db", default=str(settings.db_path), help="DuckDB file (default: HARDGEN_DB)")
    return parser.parse_args(argv)


async def serve(args: argparse.Namespace) -> None:
    store = Store(args.db)
    grpc_server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=8), options=SERVER_OPTIONS, interceptors=server_interceptors()
    )
    analytics_pb2_grpc.add_AnalyticsServicer_to_server(AnalyticsServicer(store), grpc_server)
    add_port(grpc_server, f"{args.host}:{args.grpc_port}")
    grpc_server.start()

    consumer = EventConsumer(store, args.nats) if args.nats else None

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)

    tasks = [asyncio.create_task(consumer.run())] if consumer is not None else []
    log.info("analytics.started", grpc_port=args.grpc_port, nats=args.nats, db=store.path)
    stopper = asyncio.create_task(stop.wait())
    done, _ = await asyncio.wait([stopper, *tasks], return_when=asyncio.FIRST_COMPLETED)
    for task in done:
        if task is not stopper and task.exception() is not None:
            log.error("analytics.task_failed", error=str(task.exception()))
    if consumer is not None:
        await consumer.stop()
    grpc_server.stop(grace=2).wait()
    for task in tasks:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
    store.close()
    log.info("analytics.stopped")


def main(argv: list[str] | None = None) -> None:
    # read once, here: a bad HARDGEN_* value is one line and exit 2
    settings = load_settings(AnalyticsSettings, "analytics")
    configure_logging(settings.log_format or "json", settings.log_level)
    asyncio.run(serve(parse_args(argv, settings)))


if __name__ == "__main__":
    main()
