"""``python -m hardgen.scanner --grpc-port P --http-port Q``: run the scanner service.

gRPC and REST in one process sharing one scanner and result cache; JSON logs on stderr.
"""

from __future__ import annotations

import argparse
import signal
import sys

from hardgen.core.logging import configure_logging, get_logger
from hardgen.core.settings import PORTS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hardgen.scanner", description="hardgen scanner service")
    parser.add_argument("--host", default="0.0.0.0", help="interface to bind (default 0.0.0.0)")  # noqa: S104
    parser.add_argument("--grpc-port", type=int, default=PORTS["scanner_grpc"])
    parser.add_argument("--http-port", type=int, default=PORTS["scanner_http"], help="0 disables REST")
    parser.add_argument("--log-format", choices=["json", "console"], default="json")
    args = parser.parse_args(argv)
    configure_logging(args.log_format)
    log = get_logger("hardgen.scanner")

    import uvicorn

    from hardgen.scanner.http import create_app
    from hardgen.scanner.service import ScanService, create_grpc_server

    service = ScanService()
    server = create_grpc_server(service, args.grpc_port, host=args.host)
    server.start()
    log.info("scanner.started", grpc_port=args.grpc_port, http_port=args.http_port, host=args.host)
    if args.http_port:
        uvicorn.run(create_app(service), host=args.host, port=args.http_port, log_config=None, access_log=False)
    else:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        signal.sigwait({signal.SIGINT, signal.SIGTERM})
    server.stop(grace=5).wait()
    log.info("scanner.stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
