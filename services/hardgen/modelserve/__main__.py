"""``python -m hardgen.modelserve --grpc-port P --http-port Q --model demo``: run the model server.

``--finetune-worker`` also consumes the studies' fine-tune work items from NATS
(``hardgen.finetune.work``, see :mod:`hardgen.modelserve.ftworker`). JSON logs on stderr;
SIGINT/SIGTERM stop it gracefully.
"""

from __future__ import annotations

import argparse
import signal
import sys

from hardgen.core.logging import configure_logging, get_logger
from hardgen.core.settings import PORTS, load_settings
from hardgen.modelserve.settings import ModelServeSettings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hardgen.modelserve", description="hardgen model server")
    parser.add_argument("--host", default="0.0.0.0", help="interface to bind (default 0.0.0.0)")  # noqa: S104
    parser.add_argument("--grpc-port", type=int, default=PORTS["modelserve_grpc"], help="0 disables gRPC")
    parser.add_argument("--http-port", type=int, default=PORTS["modelserve_http"], help="0 disables HTTP")
    parser.add_argument("--model", default="demo", help="base model name (under the models dir) or path")
    parser.add_argument("--device", default="auto", help="auto | cpu | cuda | cuda:N")
    parser.add_argument("--window-ms", type=float, default=10.0, help="ms an idle server waits for company")
    parser.add_argument("--max-batch", type=int, default=16, help="most rows decoded in one step")
    parser.add_argument("--threads", type=int, default=0, help="torch CPU threads (0 = torch default)")
    parser.add_argument("--log-format", choices=["json", "console"], default=None, help="default: json")
    parser.add_argument(
        "--finetune-worker", action="store_true", default=None,
        help="consume the studies' fine-tune work items from NATS (default HARDGEN_MODELSERVE_FINETUNE_WORKER)",
    )
    parser.add_argument("--nats", default=None, help="NATS URL for --finetune-worker (default HARDGEN_NATS_URL)")
    parser.add_argument(
        "--finetune-ack-wait", type=float, default=None,
        help="seconds without a heartbeat before a fine-tune item is redelivered "
        "(default HARDGEN_MODELSERVE_FINETUNE_ACK_WAIT, 60)",
    )
    args = parser.parse_args(argv)
    # read once, here: a bad HARDGEN_* value is one line and exit 2
    settings = load_settings(ModelServeSettings, "modelserve")
    configure_logging(args.log_format or settings.log_format or "json", settings.log_level)
    log = get_logger("hardgen.modelserve")

    from hardgen.modelserve.localmodel import LocalModelError
    from hardgen.modelserve.serve import start_server
    from hardgen.modelserve.service import ServeConfig

    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    config = ServeConfig(
        model=args.model,
        device=args.device,
        window_ms=args.window_ms,
        max_batch=args.max_batch,
        max_new_tokens=settings.modelserve_max_new_tokens,
    )
    try:
        server = start_server(config, grpc_port=args.grpc_port, http_port=args.http_port, host=args.host)
    except (LocalModelError, OSError) as exc:
        log.error("modelserve.failed", error=str(exc))
        sys.stderr.write(f"error: {exc}\n")
        return 2
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})  # inherited by the thread below
    background = None
    if settings.modelserve_finetune_worker if args.finetune_worker is None else args.finetune_worker:
        from hardgen.modelserve.ftworker import (
            BackgroundFineTuneWorker,
            FineTuneWorker,
            FineTuneWorkerConfig,
            service_trainer,
        )

        worker_config = FineTuneWorkerConfig(
            nats_url=args.nats or settings.nats_url,
            ack_wait=args.finetune_ack_wait or settings.modelserve_finetune_ack_wait,
        )
        background = BackgroundFineTuneWorker(FineTuneWorker(worker_config, service_trainer(server.service))).start()
    signal.sigwait({signal.SIGINT, signal.SIGTERM})
    if background is not None:
        background.stop()
    server.stop()
    log.info("modelserve.stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
