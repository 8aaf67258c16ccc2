"""``python -m hardgen.gateway --port P``: serve the public HTTP API with uvicorn (JSON logs)."""

from __future__ import annotations

import argparse
import sys

from hardgen.core.logging import configure_logging
from hardgen.core.settings import PORTS, load_settings
from hardgen.gateway.settings import GatewaySettings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hardgen.gateway", description=__doc__)
    parser.add_argument("--port", type=int, default=PORTS["gateway_http"])
    parser.add_argument("--host", default="127.0.0.1", help="bind address (0.0.0.0 in containers)")
    args = parser.parse_args(argv)
    # read once, here: a bad HARDGEN_* value is one line and exit 2, not a traceback at the first request
    settings = load_settings(GatewaySettings, "gateway")
    configure_logging(settings.log_format or "json", settings.log_level)

    import uvicorn

    from hardgen.gateway.app import create_app

    app = create_app(settings)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
