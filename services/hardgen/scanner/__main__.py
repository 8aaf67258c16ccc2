"""``python -m hardgen.scanner --grpc-port P``: run the scanner service.

gRPC is its only protocol (``hardgen.v1.Scanner``: ``Scan`` and ``Health``); REST for people and
scripts is the gateway's ``POST /v1/scans``. Probes call ``Health`` with
``python -m hardgen.core.healthcheck grpc://…/hardgen.v1.Scanner``. JSON logs on stderr.
"""

from __future__ import annotations

import argparse
import signal
import sys

from hardgen.core.logging import configure_logging, get_logger
from hardgen.core.settings import PORTS, load_settings
from hardgen.scanner.settings import ScannerSettings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hardgen.scanner", description="hardgen scanner service")
    parser.add_argument("--host", default="0.0.0.0", help="interface to bind (default 0.0.0.0)")  # noqa: S104
    parser.add_argument("--grpc-port", type=int, default=PORTS["scanner_grpc"])
    parser.add_argument("--log-format", choices=["json", "console"], default=None, help="default: json")
    args = parser.parse_args(argv)
    # read once, here: a bad HARDGEN_* value is one line and exit 2 (engines read their part per scan)
    settings = load_settings(ScannerSettings, "scanner")
    configure_logging(args.log_format or settings.log_format or "json", settings.log_level)
    log = get_logger("hardgen.scanner")

    from hardgen.scanner.service import ScanService, create_grpc_server

    service = ScanService(max_concurrent=settings.scanner_concurrency)
    server = create_grpc_server(service, args.grpc_port, host=args.host)
    # block the stop signals before serving, so that sigwait (not the default handler) receives them
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    server.start()
    log.info("scanner.started", grpc_port=args.grpc_port, host=args.host)
    signal.sigwait({signal.SIGINT, signal.SIGTERM})
    server.stop(grace=5).wait()
    log.info("scanner.stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
