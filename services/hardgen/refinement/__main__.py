"""``python -m hardgen.refinement --grpc-port P``: run the refinement gRPC service (JSON logs)."""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from hardgen.core.logging import configure_logging, get_logger
from hardgen.core.settings import PORTS, load_settings
from hardgen.refinement.settings import RefinementSettings


def main(argv: list[str] | None = None) -> int:
    # read once, here: a bad HARDGEN_* value is one line and exit 2
    settings = load_settings(RefinementSettings, "refinement")
    parser = argparse.ArgumentParser(prog="python -m hardgen.refinement", description=__doc__)
    parser.add_argument("--grpc-port", type=int, default=PORTS["refinement_grpc"])
    parser.add_argument("--host", default="127.0.0.1", help="bind address (0.0.0.0 in containers)")
    parser.add_argument(
        "--scanner",
        default=settings.scanner_address,
        help="scanner gRPC address (HARDGEN_SCANNER_ADDR); 'none' disables scanning",
    )
    parser.add_argument("--workers", type=int, default=16, help="concurrent requests")
    args = parser.parse_args(argv)
    configure_logging(settings.log_format or "json", settings.log_level)
    log = get_logger("hardgen.refinement")

    from hardgen.refinement.scanning import grpc_scanner
    from hardgen.refinement.server import build_server
    from hardgen.refinement.service import RefinementService

    engines = list(settings.scan_engines)
    scanner = None if args.scanner.lower() == "none" else grpc_scanner(args.scanner, engines=engines)
    try:
        service = RefinementService(scanner, settings=settings)
        server, port = build_server(service, f"{args.host}:{args.grpc_port}", args.workers)
    except OSError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 1
    server.start()
    log.info("refinement_started", grpc_port=port, scanner=args.scanner)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    stop.wait()
    server.stop(grace=10).wait()
    log.info("refinement_stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
