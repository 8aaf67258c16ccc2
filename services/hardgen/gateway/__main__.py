"""``python -m hardgen.gateway --port P``: serve the public HTTP API with uvicorn (JSON logs)."""

from __future__ import annotations

import argparse
import sys

from hardgen.core.logging import configure_logging
from hardgen.core.settings import PORTS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hardgen.gateway", description=__doc__)
    parser.add_argument("--port", type=int, default=PORTS["gateway_http"])
    parser.add_argument("--host", default="127.0.0.1", help="bind address (0.0.0.0 in containers)")
    args = parser.parse_args(argv)
    configure_logging("json")

    import uvicorn
    from pydantic import ValidationError

    from hardgen.gateway.app import create_app

    try:
        app = create_app()
    except ValidationError as exc:  # a bad HARDGEN_GATEWAY_* setting: one line, not a traceback
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        print(f"gateway settings: {where}: {first['msg'].removeprefix('Value error, ')}", file=sys.stderr)
        return 2
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
