"""Container health probe: ``python -m hardgen.core.healthcheck URL``.

``http://host:port/path`` expects a 2xx; ``grpc://host:port/hardgen.v1.Scanner`` calls that
service's ``Health`` rpc and expects ``SERVING``. Used by Dockerfile HEALTHCHECKs and
docker-compose, so images need no curl or grpc_health_probe binary.
"""

from __future__ import annotations

import sys
import urllib.request
from urllib.parse import urlparse


def check_http(url: str, timeout: float) -> bool:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - scheme checked by caller
        return 200 <= int(response.status) < 300


def check_grpc(address: str, service: str, timeout: float) -> bool:
    from hardgen.core.grpcutil import channel as grpc_channel
    from hardgen.v1 import common_pb2

    with grpc_channel(address) as channel:
        call = channel.unary_unary(
            f"/{service}/Health",
            request_serializer=common_pb2.HealthRequest.SerializeToString,
            response_deserializer=common_pb2.HealthResponse.FromString,
        )
        reply = call(common_pb2.HealthRequest(), timeout=timeout)
    return bool(reply.status == "SERVING")


def probe(url: str, timeout: float = 3.0) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in {"http", "https"}:
        return check_http(url, timeout)
    if parsed.scheme == "grpc":
        return check_grpc(parsed.netloc, parsed.path.strip("/"), timeout)
    raise ValueError(f"unsupported probe scheme in {url!r} (use http:// or grpc://)")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        sys.stderr.write("usage: python -m hardgen.core.healthcheck URL\n")
        return 2
    try:
        healthy = probe(args[0])
    except Exception as exc:  # noqa: BLE001 - any failure is "unhealthy", reported in one line
        sys.stderr.write(f"unhealthy: {type(exc).__name__}: {exc}\n".splitlines()[0] + "\n")
        return 1
    return 0 if healthy else 1


if __name__ == "__main__":
    raise SystemExit(main())
