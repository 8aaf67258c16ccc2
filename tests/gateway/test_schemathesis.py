"""schemathesis against the gateway's own OpenAPI: a gateway process on loopback with keys on and
a valid admin key, every operation fuzzed for a bounded time. Checks: no 5xx, every status code
and body documented, content types as declared. 503/502/504 are documented and allowed (a
service behind the gateway may be busy); a 500 never is."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hardgen.gateway.apikeys import KeyStore
from tests.gateway.process import start_gateway, stop

MAX_SECONDS = int(os.environ.get("HARDGEN_SCHEMATHESIS_SECONDS", "20"))
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def test_gateway_conforms_to_its_openapi(refinement_address: str, scanner_address: str, tmp_path: Path) -> None:
    keys_db = tmp_path / "keys.sqlite"
    # a rate the fuzzer cannot reach: this test is about conformance, test_auth covers 429
    key = KeyStore(keys_db).create("schemathesis", ["admin"], rate_per_minute=1e6)[1]
    url, proc = start_gateway(
        refinement_address,
        scanner_address,
        keys_db,
        tmp_path / "gateway.log",
        # the default provider policy: fuzzed model names are refused before they reach a file or an address
        HARDGEN_GATEWAY_MAX_N="3",
        HARDGEN_GATEWAY_SCAN_TIMEOUT="20",
        HARDGEN_GATEWAY_GENERATION_TIMEOUT="20",
        HARDGEN_LOG_LEVEL="INFO",
    )
    try:
        done = subprocess.run(  # noqa: S603 - schemathesis from this virtualenv
            [
                str(Path(sys.executable).parent / "schemathesis"),
                "run",
                f"{url}/openapi.json",
                "--header",
                f"Authorization: Bearer {key}",
                "--checks",
                CHECKS,
                "--max-time",
                str(MAX_SECONDS),
                "--max-examples",
                "25",
                "--request-timeout",
                "30",
                "--seed",
                "8",
                "--exclude-path-regex",
                "^/v1/(studies|tables|report)",
                "--no-color",
            ],  # fmt: skip
            cwd=tmp_path,  # schemathesis keeps a .schemathesis/ folder in its working directory
            capture_output=True,
            text=True,
            timeout=MAX_SECONDS + 120,
            check=False,
        )
    finally:
        stop(proc)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-6000:]
    assert key not in output or "Bearer" in output  # the key is only echoed as the header we set
    assert "Traceback" not in (tmp_path / "gateway.log").read_text(errors="replace")
